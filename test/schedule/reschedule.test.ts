// optimize --reschedule's rule: a review card's due date becomes its last review's local day
// plus the interval its memory state gives at the desired retention; other cards stay.
import { describe, expect, it } from 'vitest';
import { CardStateKind, type CardState } from '../../src/core/types.js';
import { rescheduler } from '../../src/schedule/reschedule.js';
import { local, settings } from './helpers.js';

function reviewCard(overrides: Partial<CardState> = {}): CardState {
  return {
    due: local(2026, 3, 13, 4),
    stability: 3,
    difficulty: 5,
    elapsedDays: 2,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    state: CardStateKind.Review,
    lastReview: local(2026, 3, 10, 15),
    suspended: false,
    buriedUntil: null,
    leech: false,
    ...overrides,
  };
}

describe('rescheduling a card to its memory state', () => {
  it('counts the interval in local days from the last review, at the desired retention', () => {
    const move = rescheduler(settings({ desiredRetention: 0.9, dayStartHour: 4 }));
    // At 90% retention FSRS's interval is the stability itself: 10 days after 10 March.
    const after = move(reviewCard(), { stability: 10, difficulty: 4.5 });
    expect(after).toMatchObject({ due: local(2026, 3, 20, 4), scheduledDays: 10, stability: 10, difficulty: 4.5 });
    // A higher desired retention, a shorter interval.
    expect(rescheduler(settings({ desiredRetention: 0.95, dayStartHour: 4 }))(reviewCard(), { stability: 10, difficulty: 4.5 })!.scheduledDays).toBeLessThan(10);
  });

  it('keeps the maximum interval, and leaves a card whose date would not move', () => {
    const move = rescheduler(settings({ desiredRetention: 0.9, maximumInterval: 30, dayStartHour: 4 }));
    expect(move(reviewCard(), { stability: 400, difficulty: 3 })!.scheduledDays).toBe(30);
    expect(move(reviewCard(), { stability: 3, difficulty: 5 })).toBeNull(); // already due on the 13th
  });

  it('moves no card in learning, relearning or new', () => {
    const move = rescheduler(settings());
    for (const state of [CardStateKind.New, CardStateKind.Learning, CardStateKind.Relearning]) {
      expect(move(reviewCard({ state }), { stability: 10, difficulty: 4 })).toBeNull();
    }
  });
});
