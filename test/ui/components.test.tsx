import { describe, expect, it } from 'vitest';
import { DeckPicker, type DeckChoice } from '../../src/ui/components/DeckPicker.js';
import { KeyHints } from '../../src/ui/components/KeyHints.js';
import { progressBar } from '../../src/ui/components/Header.js';
import type { Phase } from '../../src/session/types.js';
import { renderInAct } from './render.js';
import { Box } from 'ink';
import { sessionEndRows } from '../../src/ui/components/Screens.js';
import { startSession } from '../../src/session/reducer.js';
import type { SessionView } from '../../src/session/types.js';

const choices = (...names: string[]): DeckChoice[] => names.map((name) => ({ name, counts: null, remark: null }));

describe('the deck picker', () => {
  it('moves with the arrows, picks with Enter, and leaves nothing behind once a deck is chosen', () => {
    const picked: (string | null)[] = [];
    const screen = renderInAct(<DeckPicker decks={choices('alpha', 'iclr2017', 'neurips')} onDone={(d) => picked.push(d)} />);
    expect(screen.frame()).toContain('Which deck?');
    expect(screen.frame()).toContain('❯ 1 alpha');
    screen.press('\u001b[B');
    expect(screen.frame()).toContain('❯ 2 iclr2017');
    screen.press('\r');
    expect(picked).toEqual(['iclr2017']);
    expect(screen.frame().trim()).toBe('');
  });

  it('shows what is due in each deck, or why it cannot say', () => {
    const decks: DeckChoice[] = [
      { name: 'iclr2017', counts: { new: 20, learning: 1, review: 5, total: 26 }, remark: null },
      { name: 'neurips', counts: null, remark: 'notes changed' },
    ];
    const frame = renderInAct(<DeckPicker decks={decks} onDone={() => {}} />).frame();
    expect(frame).toContain('❯ 1 iclr2017  20 new · 1 learning · 5 review');
    expect(frame).toContain('  2 neurips   notes changed');
  });

  it('picks the row the arrows reached even when ↓ and Enter arrive together', () => {
    const picked: (string | null)[] = [];
    const screen = renderInAct(<DeckPicker decks={choices('alpha', 'iclr2017', 'neurips')} onDone={(d) => picked.push(d)} />);
    screen.press('\u001b[B\u001b[B\r');
    expect(picked).toEqual(['neurips']);
  });

  it('picks by number, and cancels with q', () => {
    const picked: (string | null)[] = [];
    renderInAct(<DeckPicker decks={choices('alpha', 'beta')} onDone={(d) => picked.push(d)} />).press('2');
    renderInAct(<DeckPicker decks={choices('alpha', 'beta')} onDone={(d) => picked.push(d)} />).press('q');
    expect(picked).toEqual(['beta', null]);
  });
});

/** The hint line <KeyHints> draws for `phase` in `width` columns, on a terminal wider than that. */
function keyHints(phase: Phase, width: number): string {
  const screen = renderInAct(<KeyHints phase={phase} width={width} />, { columns: 100 });
  const frame = screen.frame();
  screen.unmount();
  return frame;
}

describe('key hints and the progress bar', () => {
  const phases: Phase[] = ['question', 'answer', 'help', 'waiting', 'nothing-due', 'end', 'error'];
  it('fit the width, shortening words, then leaving out the least used keys, never the help', () => {
    for (const width of [20, 30, 49, 59, 79]) for (const phase of phases) expect(keyHints(phase, width).length).toBeLessThanOrEqual(width);
    expect(keyHints('question', 79)).toBe('Space show answer · u undo · b bury · s suspend · e edit · ? help · q quit');
    expect(keyHints('question', 59)).toBe('Space show · u undo · b bury · e edit · ? help · q quit');
    expect(keyHints('question', 49)).toBe('Space show · u undo · e edit · ? help · q quit');
    expect(keyHints('answer', 49)).toBe('1-4 grade · u undo · e edit · ? help · q quit');
    expect(keyHints('answer', 30)).toBe('1-4 grade · ? help · q quit');
    expect(keyHints('question', 20)).toBe('Space show · ? help');
  });

  it('fills the bar in proportion to answers / (answers + answers to go), and says so', () => {
    expect(progressBar(5, 15, 46)).toBe('█████░░░░░░░░░░░░░░░ 5 answers, about 15 to go');
    expect(progressBar(1, 1, 30)).toBe('████░░░░ 1 answer, about 1 to go');
    expect(progressBar(0, 0, 30)).toBe('████████ 0 answers, none to go');
  });
});

describe('the end screen, studying all decks', () => {
  it('counts the answers of every deck studied, and the cards still due in the decks not reached', () => {
    const at = Date.parse('2027-03-01T10:00:00Z');
    const view: SessionView = {
      at,
      counts: { new: 2, learning: 0, review: 0, total: 2 },
      card: null,
      nextLearningDue: null,
      nextDue: at,
      answersToGo: 2,
      summary: { reviewed: 3, again: 0, ms: 9000, retention: null },
      canUndo: false,
    };
    const { state } = startSession('neurips', view, null, { elsewhere: [{ deck: 'alpha', due: 3 }], all: true });
    const quit = { ...state, answers: ['c7', 'c7', 'c9'], earlierAnswers: ['iclr\0c1', 'iclr\0c2'] };
    const frame = renderInAct(<Box flexDirection="column">{sessionEndRows(quit, 100)}</Box>, { columns: 100 }).frame();
    expect(frame).toContain('Stopped, with 5 cards still to go today (2 here, 3 in 1 other deck).');
    expect(frame).toMatch(/This session\s+5 answers · 4 cards in 2 decks/);
    expect(frame).toMatch(/Today\s+in neurips, 3 reviews/);
  });
});
