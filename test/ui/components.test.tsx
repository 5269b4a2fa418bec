import { describe, expect, it } from 'vitest';
import { DeckPicker } from '../../src/ui/components/DeckPicker.js';
import { keyHints } from '../../src/ui/components/KeyHints.js';
import { progressBar } from '../../src/ui/components/Header.js';
import { wordWrap } from '../../src/ui/wrap.js';
import type { Phase } from '../../src/session/types.js';
import { renderInAct } from './render.js';

describe('the deck picker', () => {
  it('moves with the arrows and picks with Enter', () => {
    const picked: (string | null)[] = [];
    const screen = renderInAct(<DeckPicker decks={['alpha', 'iclr2017', 'neurips']} onDone={(d) => picked.push(d)} />);
    expect(screen.frame()).toContain('Which deck?');
    expect(screen.frame()).toContain('❯ 1 alpha');
    screen.press('\u001b[B');
    expect(screen.frame()).toContain('❯ 2 iclr2017');
    screen.press('\r');
    expect(picked).toEqual(['iclr2017']);
    expect(screen.frame()).toContain('Deck: iclr2017');
  });

  it('picks the row the arrows reached even when ↓ and Enter arrive together', () => {
    const picked: (string | null)[] = [];
    const screen = renderInAct(<DeckPicker decks={['alpha', 'iclr2017', 'neurips']} onDone={(d) => picked.push(d)} />);
    screen.press('\u001b[B\u001b[B\r');
    expect(picked).toEqual(['neurips']);
  });

  it('picks by number, and cancels with q', () => {
    const picked: (string | null)[] = [];
    renderInAct(<DeckPicker decks={['alpha', 'beta']} onDone={(d) => picked.push(d)} />).press('2');
    renderInAct(<DeckPicker decks={['alpha', 'beta']} onDone={(d) => picked.push(d)} />).press('q');
    expect(picked).toEqual(['beta', null]);
  });
});

describe('key hints and the progress bar', () => {
  const phases: Phase[] = ['question', 'answer', 'help', 'waiting', 'nothing-due', 'end', 'error'];
  it('fit the width, shortening words before dropping them', () => {
    for (const width of [59, 79]) for (const phase of phases) expect(keyHints(phase, width).length).toBeLessThanOrEqual(width);
    expect(keyHints('question', 79)).toBe('Space show answer · u undo · b bury · s suspend · e edit · ? help · q quit');
    expect(keyHints('question', 59)).toBe('Space show u undo b bury s suspend e edit ? help q quit');
  });

  it('fills the bar in proportion to done / (done + still to go)', () => {
    expect(progressBar(5, 15, 25)).toBe('█████░░░░░░░░░░░░░░░ 5/20');
    expect(progressBar(0, 0, 14)).toBe('██████████ 0/0');
  });
});

describe('wordWrap', () => {
  it('breaks at spaces, never starting a line with one, and splits words longer than a line', () => {
    const text = 'They used a more powerful training data which includes recursion. The advantage of recursion';
    const lines = wordWrap(text, 79).split('\n');
    expect(lines).toEqual(['They used a more powerful training data which includes recursion. The advantage', 'of recursion']);
    expect(wordWrap('abcdefghij xy', 4)).toBe('abcd\nefgh\nij\nxy');
    expect(wordWrap('one\n\ntwo', 10)).toBe('one\n\ntwo');
  });
});
