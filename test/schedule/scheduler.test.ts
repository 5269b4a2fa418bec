import { describe, expect, it } from 'vitest';
import { CardStateKind, type CardState, type Rating } from '../../src/core/types.js';
import { localDayStart, localDayStartOffset } from '../../src/schedule/days.js';
import { isLeechLapse, newCardState, Scheduler } from '../../src/schedule/scheduler.js';
import { DAY, HOUR, local, MINUTE, settings } from './helpers.js';

const labels = (scheduler: Scheduler, id: string, state: CardState, now: number) =>
  Object.values(scheduler.preview(id, state, now)).map((p) => p.intervalLabel);

/** Takes a new card through the default steps to its first review interval. */
function graduate(scheduler: Scheduler, id: string, start: number): { state: CardState; now: number } {
  let state = scheduler.answer(id, newCardState(), 3, start);
  const now = state.due;
  state = scheduler.answer(id, state, 3, now);
  return { state, now };
}

describe('Scheduler: learning steps', () => {
  const scheduler = new Scheduler(settings());
  const start = local(2026, 5, 4, 10, 0, 30);

  it('shows Anki-like intervals for a new card with the default 1m 10m steps', () => {
    const [again, hard, good, easy] = labels(scheduler, 'a', newCardState(), start);
    expect([again, hard, good]).toEqual(['1 min', '6 min', '10 min']);
    expect(easy).toMatch(/^\d+ d$/);
  });

  it('keeps learning steps minute-accurate in real time', () => {
    const again = scheduler.answer('a', newCardState(), 1, start);
    expect(again.state).toBe(CardStateKind.Learning);
    expect(again.due).toBe(start + MINUTE);
    const good = scheduler.answer('a', newCardState(), 3, start);
    expect(good.due).toBe(start + 10 * MINUTE);
    expect(good.learningSteps).toBe(1);
    expect(good.lastReview).toBe(start);
    expect(good.reps).toBe(1);
  });

  it('graduates after the last step to a review due at the start of a local day', () => {
    const { state, now } = graduate(scheduler, 'a', start);
    expect(state.state).toBe(CardStateKind.Review);
    expect(state.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(state.due).toBe(localDayStartOffset(now, 4, state.scheduledDays));
    expect(new Date(state.due).getHours()).toBe(4);
  });

  it('makes a review late in the evening due at 4 a.m. the day after, not 24 hours later', () => {
    const lateStart = local(2026, 5, 4, 23, 30);
    const state = scheduler.answer('b', newCardState(), 4, lateStart);
    expect(state.state).toBe(CardStateKind.Review);
    const days = state.scheduledDays;
    expect(state.due).toBe(local(2026, 5, 4 + days, 4));
    // Answered at 02:00 the next calendar morning it is still the same local day.
    const early = scheduler.answer('b', newCardState(), 4, local(2026, 5, 5, 2));
    expect(early.due).toBe(local(2026, 5, 4 + early.scheduledDays, 4));
  });

  it('uses relearning steps after a lapse and counts the lapse', () => {
    const { state, now } = graduate(scheduler, 'a', start);
    const lapse = scheduler.answer('a', state, 1, state.due + HOUR);
    expect(lapse.state).toBe(CardStateKind.Relearning);
    expect(lapse.due).toBe(state.due + HOUR + 10 * MINUTE);
    expect(lapse.lapses).toBe(1);
    expect(now).toBeLessThan(lapse.due);
    const back = scheduler.answer('a', lapse, 3, lapse.due);
    expect(back.state).toBe(CardStateKind.Review);
  });
});

describe('Scheduler: intervals', () => {
  it('grows intervals as a card keeps being remembered on its due day', () => {
    const scheduler = new Scheduler(settings());
    let { state } = graduate(scheduler, 'grow', local(2026, 1, 5, 9));
    const intervals: number[] = [];
    for (let i = 0; i < 8; i++) {
      const now = state.due + 5 * HOUR;
      state = scheduler.answer('grow', state, 3, now);
      intervals.push(state.scheduledDays);
      expect(state.due).toBe(localDayStartOffset(now, 4, state.scheduledDays));
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
    expect(intervals.at(-1)!).toBeGreaterThan(365);
  });

  it('never schedules past the maximum interval, fuzz or not', () => {
    for (const fuzz of [true, false]) {
      for (const maximumInterval of [1, 7, 30]) {
        const scheduler = new Scheduler(settings({ maximumInterval, fuzz }));
        for (let c = 0; c < 20; c++) {
          const id = `max-${c}`;
          let { state } = graduate(scheduler, id, local(2026, 1, 5, 9));
          for (let i = 0; i < 10; i++) {
            const now = state.due + HOUR;
            const preview = scheduler.preview(id, state, now);
            for (const rating of [2, 3, 4] as Rating[]) {
              const after = preview[rating].after;
              expect(after.scheduledDays).toBeLessThanOrEqual(maximumInterval);
              expect(after.due).toBeLessThanOrEqual(localDayStartOffset(now, 4, maximumInterval));
            }
            state = preview[4].after;
          }
          // Fuzz may pull the top interval a little below the maximum, never above it.
          if (fuzz) expect(state.scheduledDays).toBeGreaterThanOrEqual(Math.floor(maximumInterval * 0.85));
          else expect(state.scheduledDays).toBe(maximumInterval);
        }
      }
    }
  });

  it('gives the interval shown in the preview when the answer comes seconds later (fuzz seeded per card)', () => {
    const scheduler = new Scheduler(settings({ fuzz: true }));
    const spread = new Set<number>();
    for (let c = 0; c < 40; c++) {
      const id = `fuzz-${c}`;
      let { state } = graduate(scheduler, id, local(2026, 1, 5, 9));
      for (let i = 0; i < 4; i++) {
        const shown = state.due + 2 * HOUR;
        const preview = scheduler.preview(id, state, shown);
        const rating = ((c + i) % 3) + 2 as Rating;
        const answered = scheduler.answer(id, state, rating, shown + 47_000);
        expect(answered.scheduledDays).toBe(preview[rating].after.scheduledDays);
        expect(answered.due).toBe(preview[rating].after.due);
        expect(answered.stability).toBe(preview[rating].after.stability);
        expect(scheduler.answer(id, state, rating, shown)).toEqual(preview[rating].after);
        state = answered;
      }
      spread.add(state.scheduledDays);
    }
    // Fuzz does spread cards that were answered alike.
    const unfuzzed = new Scheduler(settings({ fuzz: false }));
    const plain = new Set<number>();
    for (let c = 0; c < 40; c++) {
      let { state } = graduate(unfuzzed, `fuzz-${c}`, local(2026, 1, 5, 9));
      state = unfuzzed.answer(`fuzz-${c}`, state, 3, state.due + HOUR);
      state = unfuzzed.answer(`fuzz-${c}`, state, 3, state.due + HOUR);
      plain.add(state.scheduledDays);
    }
    expect(plain.size).toBe(1);
    expect(spread.size).toBeGreaterThan(3);
  });

  it('gives the retrievability of a review card by the forgetting curve, and none for a new card', () => {
    const scheduler = new Scheduler(settings({ fuzz: false }));
    expect(scheduler.retrievability(newCardState(), local(2026, 1, 5))).toBeNull();
    let { state } = graduate(scheduler, 'r', local(2026, 1, 5, 9));
    state = scheduler.answer('r', state, 3, state.due + HOUR);
    expect(scheduler.retrievability(state, state.lastReview!)).toBe(1);
    const atDue = scheduler.retrievability(state, state.lastReview! + state.scheduledDays * DAY)!;
    expect(atDue).toBeGreaterThan(0.86);
    expect(atDue).toBeLessThan(0.94);
    const muchLater = scheduler.retrievability(state, state.lastReview! + 10 * state.scheduledDays * DAY)!;
    expect(muchLater).toBeLessThan(atDue);
  });
});

describe('Scheduler: leeches', () => {
  it('flags and suspends a card at its 8th lapse, and again every 4 lapses after', () => {
    expect([7, 8, 9, 10, 11, 12, 16].map((n) => isLeechLapse(n, 8))).toEqual([false, true, false, false, false, true, true]);
    expect(isLeechLapse(1, 1)).toBe(true);
    expect(isLeechLapse(2, 1)).toBe(true);
    expect(isLeechLapse(100, 0)).toBe(false);

    const scheduler = new Scheduler(settings());
    let { state } = graduate(scheduler, 'leech', local(2026, 1, 5, 9));
    for (let lapse = 1; lapse <= 8; lapse++) {
      expect(state.suspended).toBe(false);
      state = scheduler.answer('leech', state, 1, state.due + HOUR);
      expect(state.lapses).toBe(lapse);
      expect(state.leech).toBe(lapse === 8);
      expect(state.suspended).toBe(lapse === 8);
      if (lapse < 8) state = scheduler.answer('leech', state, 3, state.due);
    }
  });

  it('never flags leeches with a threshold of 0', () => {
    const scheduler = new Scheduler(settings({ leechThreshold: 0 }));
    let { state } = graduate(scheduler, 'x', local(2026, 1, 5, 9));
    for (let lapse = 1; lapse <= 12; lapse++) {
      state = scheduler.answer('x', state, 1, state.due + HOUR);
      state = scheduler.answer('x', state, 3, state.due);
    }
    expect(state.lapses).toBe(12);
    expect(state.leech).toBe(false);
    expect(state.suspended).toBe(false);
  });
});

describe('Scheduler: settings', () => {
  it('graduates at once with no learning steps, and relearns at once with no relearning steps', () => {
    const scheduler = new Scheduler(settings({ learningSteps: [], relearningSteps: [] }));
    const now = local(2026, 1, 5, 9);
    const first = scheduler.answer('n', newCardState(), 3, now);
    expect(first.state).toBe(CardStateKind.Review);
    expect(first.due).toBe(localDayStartOffset(now, 4, first.scheduledDays));
    const lapse = scheduler.answer('n', first, 1, first.due + HOUR);
    expect(lapse.state).toBe(CardStateKind.Review);
    expect(lapse.lapses).toBe(1);
  });

  it('uses the configured day start hour for review due times', () => {
    const scheduler = new Scheduler(settings({ dayStartHour: 0, fuzz: false }));
    const now = local(2026, 1, 5, 23, 50);
    const state = scheduler.answer('h', newCardState(), 4, now);
    expect(localDayStart(now, 0)).toBe(local(2026, 1, 5));
    expect(state.due).toBe(local(2026, 1, 5 + state.scheduledDays));
    expect(new Date(state.due).getHours()).toBe(0);
  });
});
