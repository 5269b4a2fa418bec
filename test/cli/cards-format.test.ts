// The shared text formatting of src/cli/format.ts that the cards table is built with.
import { describe, expect, it } from 'vitest';
import { displayWidth, dueLabel, fitTable, formatTable, outputWidth, truncate } from '../../src/cli/format.js';
import { shortIds } from '../../src/core/short-id.js';
import { local } from '../schedule/helpers.js';

describe('text formatting', () => {
  it('measures and cuts text by terminal columns, wide characters taking two', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('深度学习')).toBe(8);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncate('Attention Is All You Need', 25)).toBe('Attention Is All You Need');
    expect(truncate('Attention Is All You Need', 12)).toBe('Attention I…');
    expect(truncate('Attention Is All', 11)).toBe('Attention…');
    expect(displayWidth(truncate('深度学习的论文标题', 7))).toBeLessThanOrEqual(7);
    expect(truncate('anything', 0)).toBe('');
  });

  it('lays out a table within the width, the flexible column taking what is left', () => {
    const rows = [
      ['A Very Long Paper Title That Goes On And On And On Forever', 'review', '12'],
      ['Short', 'new', '3'],
    ];
    const text = formatTable([{ header: 'TITLE', flex: true }, { header: 'STATE' }, { header: 'N', align: 'right' }], rows, 30);
    expect(text).toBe(['TITLE               STATE    N', 'A Very Long Paper…  review  12', 'Short               new      3', ''].join('\n'));
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it('makes every cell one safe line', () => {
    const text = formatTable([{ header: 'T' }], [['line one\nline two \u001b[2Jgone\u0007']]);
    expect(text).toBe('T\nline one line two gone\n');
  });

  it('labels due times relative to now: minutes for learning, local days for reviews', () => {
    const now = local(2026, 5, 10, 14);
    expect(dueLabel(now - 1000, now, 4, true)).toBe('now');
    expect(dueLabel(now + 8 * 60_000, now, 4, true)).toBe('in 8 min');
    expect(dueLabel(local(2026, 5, 10, 4), now, 4, false)).toBe('today');
    expect(dueLabel(local(2026, 5, 11, 4), now, 4, false)).toBe('in 1 d');
    expect(dueLabel(local(2026, 7, 20, 4), now, 4, false)).toBe('in 2.3 mo');
    expect(dueLabel(local(2026, 5, 7, 4), now, 4, false)).toBe('3 d ago');
  });

  it('uses 80 columns unless writing to a terminal', () => {
    expect(outputWidth({ isTTY: false, columns: 200 })).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 120 })).toBe(120);
    expect(outputWidth({ isTTY: true, columns: 60 })).toBe(60);
  });

  it('never lets a row run past the width: figures are left out for the title, then it shrinks', () => {
    const columns = [
      { header: 'ID' },
      { header: 'TITLE', flex: true, want: 30 },
      { header: 'STATE', drop: 2 },
      { header: 'DUE' },
      { header: 'STAB', align: 'right' as const, drop: 1 },
      { header: 'DIFF', align: 'right' as const, drop: 0 },
    ];
    const rows = [['5bbfcf', 'Making Neural Programming Architectures Generalize via Recursion', 'relearning', 'in 2.8mo', '1.3mo', '9.5']];
    for (const width of [80, 60, 50, 40, 30, 20]) {
      const { text, dropped } = fitTable(columns, rows, width);
      for (const line of text.trimEnd().split('\n')) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      expect(text.trimEnd().split('\n')).toHaveLength(2);
      expect(text).toContain('5bbfcf');
      expect(text).toContain('in 2.8mo');
      if (width === 80) expect(dropped).toEqual([]);
      if (width === 60) expect(dropped).toEqual(['STAB', 'DIFF']);
      if (width === 40) expect(dropped).toEqual(['STATE', 'STAB', 'DIFF']);
    }
  });
});

describe('short card ids', () => {
  it('are the hash part of an id when no other card of the deck ends the same way', () => {
    const ids = ['making-neural-5bbfcf', 'hypernetworks-8bf1cf', 'hypernetworks-8bf1cf-2', 'old-style', 'a-000aaa', 'b-000aaa', 'c001'];
    expect([...shortIds(ids).values()]).toEqual(['5bbfcf', '8bf1cf', '8bf1cf-2', 'old-style', 'a-000aaa', 'b-000aaa', 'c001']);
    // A tail that is another card's whole id would name two cards.
    expect(shortIds(['x-abcdef', 'abcdef']).get('x-abcdef')).toBe('x-abcdef');
  });
});
