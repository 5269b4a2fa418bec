import { describe, expect, it } from 'vitest';
import { JsonList, rawJsonStrings, safeJson, safeJsonPieces, safeJsonString, stripControl, toSafeLine } from '../../src/core/sanitize.js';

describe('stripControl', () => {
  it('removes CSI, OSC and DCS sequences, C0/C1 controls and bidi overrides; keeps tabs and newlines', () => {
    const hostile = 'a\u001b[31mred\u001b[0m b\u001b]0;title\u0007c\u001bP1$r\u001b\\d\u009b2Je\u0008f\u202eg\th\ni';
    expect(stripControl(hostile)).toBe('ared bcdefg\th\ni');
  });

  it('keeps the text after an unterminated OSC (only the escape itself goes)', () => {
    expect(stripControl('before \u001b]0;oops and the rest of the note')).toBe('before 0;oops and the rest of the note');
  });

  it('stays linear on many unterminated sequences (a crafted file must not hang generate)', () => {
    const crafted = '\u001b]'.repeat(200_000) + 'x';
    // Not a timing assertion: a quadratic scan of 400 kB would not finish within the test timeout.
    expect(stripControl(crafted)).toBe('x');
  });

  it('folds a line for the terminal', () => {
    expect(toSafeLine('  Hyper\u001b[2J\nNetworks \t ')).toBe('Hyper Networks');
  });
});

describe('JSON output', () => {
  it('escapes every character a terminal acts on, and reads back as the data it was', () => {
    const title = 'A \u001b]0;pwned\u0007 title \u009b31m with \u202e bidi and \u007f DEL';
    const text = safeJson({ title });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('\\u009b');
    expect(JSON.parse(text)).toEqual({ title });
  });

  it('writes, in pieces, exactly the characters JSON.stringify indents', () => {
    const row = (i: number) => ({ ['__proto__']: i, id: `card-${i}`, title: `T\u0085 ${i} \u2028 "q"`, due: i % 3 ? null : new Date(i * 1000), skip: undefined, nested: { list: [1, [2, {}], []], empty: {} } });
    const documents: unknown[] = [
      { deck: 'papers', cards: Array.from({ length: 3000 }, (_, i) => row(i)) },
      { deck: 'papers', cards: [], decks: [{}], gone: undefined, f: () => 1 },
      [undefined, () => 1, { toJSON: () => undefined }, null, 'x', [[]]],
      { a: { toJSON: () => undefined }, b: 1 },
      {},
      [],
      'text',
      42,
    ];
    // A list made as it is written reads as the list it stands for, long or short, at any depth.
    const lazy = (n: number) => new JsonList(n, (i) => row(i));
    documents.push({ deck: 'papers', cards: lazy(1000) }, { cards: lazy(3), more: [lazy(2)] }, lazy(1000), { none: lazy(0) });
    for (const value of documents) {
      const pieces = [...safeJsonPieces(value)];
      const expected = JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
      expect(pieces.join('')).toBe(expected);
      expect(safeJson(value)).toBe(expected);
      // A large document comes in pieces of bounded size, none of them the whole.
      if (expected.length > 200_000) expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(expected.length / 3);
    }
  });

  it('finds each string of a JSON list whose text is already safeJson\'s, and only then', () => {
    const list = ['plain', 'quo"te\\', 'ünï 🧠 — “x”', '', 'tab\t\u0001\n', '\u001f'];
    const bytes = Buffer.from(`xx${JSON.stringify(list)}yy`);
    const starts = rawJsonStrings(bytes, 2, bytes.length - 2, list.length)!;
    expect(starts).not.toBeNull();
    list.forEach((text, k) => expect(bytes.toString('utf8', starts[k]!, starts[k + 1]! - 1)).toBe(safeJsonString(text)));
    expect(rawJsonStrings(Buffer.from('[]'), 0, 2, 0)).not.toBeNull();
    // What safeJson writes otherwise: DEL, C1 controls, bidi overrides and isolates.
    for (const odd of ['del \u007f', 'c1 \u0085', 'bidi \u202e', 'isolate \u2068']) {
      const text = Buffer.from(JSON.stringify(['a', odd]));
      expect(rawJsonStrings(text, 0, text.length, 2), odd).toBeNull();
    }
    // Escapes JSON.stringify does not write, a lone surrogate, bytes not UTF-8, a wrong count, not a list of strings.
    for (const text of ['["\\/"]', '["\\u0041"]', '["\\ud800"]', '["a","b"]', '["a",1]', '["a" ]', '"a"']) {
      const raw = Buffer.from(text);
      expect(rawJsonStrings(raw, 0, raw.length, 1), text).toBeNull();
    }
    const latin = Buffer.from('["caf\xe9"]', 'latin1');
    expect(rawJsonStrings(latin, 0, latin.length, 1)).toBeNull();
  });
});
