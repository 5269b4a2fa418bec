import { describe, expect, it } from 'vitest';
import type { ShownCard } from '../../src/session/types.js';
import { forScreen, SHOWN_TEXT_UNITS } from '../../src/session/view.js';
import { cardHeight, gradeRows, layoutCard, planFrame } from '../../src/ui/layout.js';

const card: ShownCard = {
  id: 'c1',
  title: 'A Rather Long Paper Title About Generalization In Neural Program Synthesis',
  question: 'A Rather Long Paper Title About Generalization In Neural Program Synthesis',
  answer: Array.from({ length: 12 }, (_, i) => `Sentence ${i} of the key idea.`).join(' '),
  source: { file: 'notes.txt', line: 7, session: 'Monday morning', code: 'C1' },
  previews: [
    { rating: 1, name: 'Again', label: '1m', due: 0 },
    { rating: 2, name: 'Hard', label: '6m', due: 0 },
    { rating: 3, name: 'Good', label: '10m', due: 0 },
    { rating: 4, name: 'Easy', label: '10d', due: 0 },
  ],
  previewsAt: 0,
};

describe('the card in the rows it is given', () => {
  it('keeps everything when it fits', () => {
    const layout = layoutCard(card, true, 80, 100);
    expect(layout.spaced).toBe(true);
    expect(layout.source).toEqual(['Monday morning · C1 · notes.txt:7']);
    expect(layout.answer!.join(' ')).toContain('Sentence 11 of the key idea.');
    expect(layout.grades).toHaveLength(1);
  });

  it('gives way answer first, then blank rows, then the source, then the question, to fit', () => {
    const heights = [14, 10, 8, 6, 5];
    const layouts = heights.map((rows) => layoutCard(card, true, 40, rows));
    layouts.forEach((layout, i) => expect(cardHeight(layout)).toBeLessThanOrEqual(heights[i]!));
    expect(layouts[0]).toMatchObject({ spaced: true });
    expect(layouts[0]!.answer!.at(-1)).toMatch(/…$/);
    expect(layouts[1]).toMatchObject({ spaced: false });
    expect(layouts[2]!.source).toHaveLength(1);
    expect(layouts[3]!.source).toEqual([]);
    expect(layouts[4]!.question).toHaveLength(1);
    expect(layouts[4]!.question[0]).toMatch(/…$/);
    // The grades are never cut.
    for (const layout of layouts) expect(layout.grades.flat()).toHaveLength(4);
  });

  it('puts the grades two to a row, or one, when four do not fit', () => {
    expect(gradeRows(card.previews, 60)).toHaveLength(1);
    expect(gradeRows(card.previews, 30).map((row) => row.length)).toEqual([2, 2]);
    expect(gradeRows(card.previews, 12).map((row) => row.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('the frame plan', () => {
  const base = { width: 40, headerRows: 2, hintRows: 1, notice: 'deck built: 43 cards, 11 notes skipped (see paperdeck generate for why)' };

  it('keeps the frame a row shorter than the terminal', () => {
    const plan = planFrame({ ...base, rows: 24, bodyMin: 5 });
    expect(plan).toMatchObject({ gaps: true, bodyRows: 24 - 1 - 2 - 1 - 2 - 3 });
    expect(plan.notice).toHaveLength(2);
  });

  it('cuts the notice to a row, then drops the blank rows, before the body goes below its least', () => {
    const cut = planFrame({ ...base, rows: 14, bodyMin: 6 });
    expect(cut).toMatchObject({ gaps: true, bodyRows: 14 - 1 - 2 - 1 - 1 - 3 });
    expect(cut.notice).toEqual(['deck built: 43 cards, 11 notes skipped…']);
    const tight = planFrame({ ...base, rows: 12, bodyMin: 8 });
    expect(tight).toMatchObject({ gaps: false, bodyRows: 12 - 1 - 2 - 1 - 1 });
  });
});

describe('a card of any length', () => {
  it('lays out a 1 MB title and a 200 KB answer in the rows given, cut, in the time of a screenful', () => {
    const huge: ShownCard = { ...card, question: `Huge${'x'.repeat(1_000_000)}`, answer: `Vast${'y'.repeat(200_000)}` };
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const layout = layoutCard(huge, true, 80, 20);
      expect(cardHeight(layout)).toBeLessThanOrEqual(20);
      expect(layout.answer!.at(-1)).toMatch(/…$/);
      expect(cardHeight(layoutCard(huge, false, 80, 20))).toBe(20);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('keeps of a card only what a screen can show, before any cleaning', () => {
    expect(forScreen('short')).toBe('short');
    const cut = forScreen('x'.repeat(SHOWN_TEXT_UNITS + 10));
    expect(cut).toHaveLength(SHOWN_TEXT_UNITS + 1);
    expect(cut.endsWith('…')).toBe(true);
    // Never half an emoji.
    expect(forScreen(`${'x'.repeat(SHOWN_TEXT_UNITS - 1)}😀😀`).slice(-2)).toBe('x…');
  });
});
