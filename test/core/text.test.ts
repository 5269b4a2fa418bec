import { describe, expect, it } from 'vitest';
import { displayWidth, formatDuration, percent, plural, truncate, wrap } from '../../src/core/text.js';

describe('displayWidth', () => {
  it('counts terminal columns: CJK and full-width characters two, combining marks none', () => {
    expect(displayWidth('paper')).toBe(5);
    expect(displayWidth('深層学習')).toBe(8);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('e\u0301te\u0301')).toBe(3);
    expect(displayWidth('😀 ok')).toBe(5);
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
    expect(formatDuration(42_000)).toBe('42s');
    expect(formatDuration(190_000)).toBe('3m 10s');
    expect(formatDuration(3_900_000)).toBe('1h 05m');
  });
});
