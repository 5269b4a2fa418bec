import { describe, expect, it, vi } from 'vitest';
import stringWidth from 'string-width';
import { cutLines, displayWidth, formatDuration, NARROW_CHARACTERS, percent, plural, truncate, wrap } from '../../src/core/text.js';

describe('the characters measured without string-width', () => {
  it('are each one column wide by string-width too', () => {
    const narrow: string[] = [];
    for (let code = 0; code < 0x3000; code++) {
      const character = String.fromCharCode(code);
      if (NARROW_CHARACTERS.test(character)) narrow.push(character);
    }
    expect(narrow.length).toBeGreaterThan(700);
    expect(narrow.filter((character) => stringWidth(character) !== 1)).toEqual([]);
    expect(displayWidth('deck built — 43 cards · é ‘x’ → █░')).toBe(stringWidth('deck built — 43 cards · é ‘x’ → █░'));
  });
});

describe('displayWidth', () => {
  it('counts terminal columns: CJK and full-width characters two, combining marks none', () => {
    expect(displayWidth('paper')).toBe(5);
    expect(displayWidth('深層学習')).toBe(8);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('e\u0301te\u0301')).toBe(3);
    expect(displayWidth('😀 ok')).toBe(5);
  });
});

describe('widths as Ink counts them', () => {
  // Ink measures with string-width; a row planned one column short or long is drawn wrapped.
  it('counts emoji with and without a variation selector, and a ZWJ family, as two columns', () => {
    expect(displayWidth('✅')).toBe(2);
    expect(displayWidth('⚡')).toBe(2);
    expect(displayWidth('♥️')).toBe(2);
    expect(displayWidth('👨‍👩‍👧‍👦')).toBe(2);
    expect(displayWidth('🇫🇷')).toBe(2);
    expect(displayWidth('✅ done ⚡ fast')).toBe(15);
  });

  it('cuts and wraps between clusters, never inside a family or after half a flag', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(truncate(`${family}${family}${family}`, 5)).toBe(`${family}${family}…`);
    expect(wrap(`✅✅✅ ${family}${family}${family}`, 4)).toEqual(['✅✅', '✅', `${family}${family}`, family]);
    expect(wrap('♥️♥️♥️', 4)).toEqual(['♥️♥️', '♥️']);
    for (const line of wrap('Key idea ✅ fast ⚡ and kind ♥️ to the whole 👨‍👩‍👧‍👦 family '.repeat(5), 20)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
    }
  });
});

describe('wrapping Chinese and Japanese', () => {
  it('breaks between ideographs, never before a closing mark nor inside a Latin word', () => {
    const answer = '本文提出Focal Loss，降低易分样本的权重，让训练集中在难分样本上。基于FPN设计了RetinaNet.';
    const lines = wrap(answer, 20);
    expect(lines.join('').replace(/ /g, '')).toBe(answer.replace(/ /g, ''));
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
      expect(line).not.toMatch(/^[。，.]/);
    }
    expect(lines.some((line) => line.endsWith('RetinaNet.'))).toBe(true);
    // Chinese goes on after a Latin word on the line it started: no line of "本文提出Focal" alone.
    expect(wrap('本文提出Focal Loss，在交叉熵前乘上一个调制因子', 20)[0]).toBe('本文提出Focal Loss，');
    // However the marks and Latin words run, at any width, no line is wider than it.
    const parts = ['本文', '在', 'Focal', ' ', 'Loss', 'ab', '，', '）', '。', '交叉熵', 'RetinaNet', '.', '「', '」', '（'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 300; t++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 30) }, () => parts[Math.floor(next() * parts.length)]).join('');
      for (const width of [3, 4, 7, 12]) {
        for (const line of wrap(text, width)) if ([...line].length > 1) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }
    }
    // A line full of ideographs ends before the mark's ideograph rather than leaving "。" to start the next.
    expect(wrap('一二三四五。六七', 10)).toEqual(['一二三四', '五。六七']);
  });
});

describe('cutting long text to what is shown', () => {
  const huge = `Huge${'x'.repeat(1_000_000)}`;

  it('wraps only as many lines as asked for, the last ending in …', () => {
    const lines = wrap(huge, 80, { maxLines: 3 });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(huge.slice(0, 80));
    expect(lines[2]).toBe(`${'x'.repeat(79)}…`);
    expect(wrap('one two three four', 9, { maxLines: 2 })).toEqual(['one two', 'three…']);
    expect(wrap('one two', 9, { maxLines: 2 })).toEqual(['one two']);
    expect(wrap('a\n'.repeat(500_000), 9, { maxLines: 2 })).toEqual(['a', 'a…']);
    expect(cutLines(['one', 'two', 'three'], 2, 10)).toEqual(['one', 'two…']);
  });

  it('takes time in proportion to what is shown, not to the text (a 1 MB word, a flood of emoji)', () => {
    // Before, wrapping a 1 MB word measured the rest of it once per line: minutes.
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      wrap(huge, 100, { maxLines: 30 });
      wrap('✅'.repeat(300_000), 100, { maxLines: 30 });
      wrap(`${'深層学習 '.repeat(200_000)}`, 100, { maxLines: 30 });
      truncate(huge, 100);
      truncate('👨‍👩‍👧‍👦'.repeat(100_000), 100);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('shows a text too long to read whole as cut, whatever fills it', () => {
    const spaces = `start${' '.repeat(1_000_000)}end`;
    const lines = wrap(spaces, 80, { maxLines: 3 });
    expect(lines).toEqual(['start…']);
  });
});

describe('truncate', () => {
  it('leaves what fits, and cuts the rest to the width in columns, ending in …', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('a title far too long', 10)).toBe('a title f…');
    expect(truncate('深層学習による論文', 9)).toBe('深層学習…');
    expect(displayWidth(truncate('深層学習による論文', 10))).toBeLessThanOrEqual(10);
    expect(truncate('anything', 0)).toBe('');
  });
});

describe('wrap', () => {
  it('breaks at spaces, never starting a line with one, and splits words longer than a line', () => {
    const text = 'They used a more powerful training data which includes recursion. The advantage of recursion';
    expect(wrap(text, 79)).toEqual(['They used a more powerful training data which includes recursion. The advantage', 'of recursion']);
    expect(wrap('abcdefghij xy', 4).join('\n')).toBe('abcd\nefgh\nij\nxy');
    expect(wrap('one\n\ntwo', 10).join('\n')).toBe('one\n\ntwo');
    expect(wrap('', 10)).toEqual(['']);
  });

  it('measures in columns: wide characters fill a line in half as many, and are never cut in two', () => {
    const answer = '深層学習による論文の要約と記憶の研究についての非常に長い説明です';
    const lines = wrap(answer, 11);
    expect(lines.join('')).toBe(answer);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(11);
    expect(lines[0]).toBe('深層学習に');
    expect(wrap('注意 機構 と 記憶', 9)).toEqual(['注意 機構', 'と 記憶']);
    // An emoji is one character of two UTF-16 units; a split keeps it whole.
    expect(wrap('😀😀😀', 4)).toEqual(['😀😀', '😀']);
  });

  it('indents the lines after the first, or the first its own way, within the width', () => {
    expect(wrap('Due in the next 30 days — 12 cards, 3 of them overdue', 24, { firstIndent: '', indent: '  ' })).toEqual([
      'Due in the next 30 days',
      '  — 12 cards, 3 of them',
      '  overdue',
    ]);
    expect(wrap('warning notes.txt:3: a line that goes on', 20, { firstIndent: '  ', indent: '    ' })).toEqual([
      '  warning',
      '    notes.txt:3: a',
      '    line that goes',
      '    on',
    ]);
  });
});

describe('small words and numbers', () => {
  it('says one and many', () => {
    expect(plural(1, 'card')).toBe('1 card');
    expect(plural(0, 'card')).toBe('0 cards');
    expect(plural(2, 'leech', 'leeches')).toBe('2 leeches');
  });

  it('gives shares as percentages, one decimal unless told', () => {
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(0.8333, 0)).toBe('83%');
  });

  it('gives time spent in the two largest units', () => {
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(190_000)).toBe('3 min 10 s');
    expect(formatDuration(3_900_000)).toBe('1 h 05 min');
  });
});

describe('widths before string-width is loaded', () => {
  it('count wide characters as two columns and marks as none, so a line is never drawn wider than planned', async () => {
    vi.resetModules();
    const fresh = await import('../../src/core/text.js');
    expect(fresh.displayWidth('漢字 ok')).toBe(7);
    expect(fresh.displayWidth('e\u0301')).toBe(1);
    expect(fresh.displayWidth('✅')).toBe(2);
    expect(fresh.displayWidth('🙂')).toBe(2);
    expect(fresh.truncate('漢字漢字漢字', 5)).toBe('漢字…');
    // Never narrower than string-width counts them (what Ink draws by).
    for (const text of ['©️', '1️⃣', '▶️', '🅰️', 'ℹ️', '👩‍👩‍👧', '🇫🇷', 'Ελληνικά', '\u{1F004}', '\u25FD']) {
      expect(fresh.displayWidth(text)).toBeGreaterThanOrEqual(stringWidth(text));
    }
  });

  it('are exact inside measured, which loads string-width only for a text that needs it', async () => {
    vi.resetModules();
    const fresh = await import('../../src/core/text.js');
    // Plain text (the em dash included) is measured without string-width: it stays unloaded,
    // as the rough count of a Greek word outside `measured` shows.
    expect(await fresh.measured(() => fresh.displayWidth('plain — text'))).toBe(12);
    expect(fresh.displayWidth('Ελληνικά')).toBe(16);
    // A table with one Greek title is formatted again, exactly, once string-width is there.
    let runs = 0;
    const table = await fresh.measured(() => {
      runs++;
      return [fresh.truncate('Ελληνικά και άλλα', 10), fresh.displayWidth('👩‍👩‍👧 family')];
    });
    expect(runs).toBe(2);
    expect(table).toEqual(['Ελληνικά…', 9]);
    expect(fresh.displayWidth('Ελληνικά')).toBe(8);
  });
});
