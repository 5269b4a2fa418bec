// Memory states replayed from the log: with the default parameters they are exactly what the
// scheduler recorded, answer by answer (so the replay reads the log as the scheduler wrote it),
// and with other parameters they change stability and difficulty only.
import { describe, expect, it } from 'vitest';
import { simulateLearner, TRUE_WEIGHTS } from '../../bench/learner.js';
import type { CardState } from '../../src/core/types.js';
import { replayMemory, withMemory } from '../../src/schedule/memory.js';
import { reviewsByCard } from '../../src/schedule/reviews.js';
import { logFactsOf } from '../../src/store/index.js';

const log = simulateLearner({ cards: 120, newPerDay: 8, days: 60, start: new Date(2026, 0, 5, 9).getTime(), undoEvery: 23 });
const finalStates = new Map<string, CardState>();
for (const entry of log) finalStates.set(entry.card, entry.after);

describe('replayMemory', () => {
  it('gives every card the stability and difficulty the scheduler recorded, with the default parameters', () => {
    expect(log.some((entry) => entry.kind === 'undo')).toBe(true);
    const memory = replayMemory(reviewsByCard(logFactsOf(log), 4), null);
    expect(memory.size).toBe(finalStates.size);
    for (const [card, state] of finalStates) {
      expect(memory.get(card)!.stability, card).toBeCloseTo(state.stability, 8);
      expect(memory.get(card)!.difficulty, card).toBeCloseTo(state.difficulty, 8);
    }
  });

  it('with other parameters changes memory, never due dates or anything else', () => {
    const memory = replayMemory(reviewsByCard(logFactsOf(log), 4), { weights: [...TRUE_WEIGHTS], fittedAt: 1, reviews: 1 });
    const replayed = withMemory(finalStates, memory);
    let changed = 0;
    for (const [card, state] of finalStates) {
      const after = replayed.get(card)!;
      if (after.stability !== state.stability) changed++;
      expect({ ...after, stability: 0, difficulty: 0 }).toEqual({ ...state, stability: 0, difficulty: 0 });
    }
    expect(changed).toBeGreaterThan(finalStates.size / 2);
  });
});
