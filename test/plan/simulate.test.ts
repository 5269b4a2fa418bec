// The workload simulator held to a second, independent implementation on the same inputs: an
// event queue ordered by (due day, order scheduled) instead of day buckets, built on ts-fsrs's
// own FSRS-6 (next_state, forgetting_curve, next_interval) instead of the formulas written out
// in simulate.ts, drawing the same random numbers in the same order. Same inputs, same figures.
import { fsrs, type FSRSState } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { TRUE_WEIGHTS } from '../../bench/learner.js';
import { planWorkload } from '../../src/plan/plan.js';
import { seededRandom } from '../../src/core/random.js';
import { simulate, type SimulationInput, type SimulationResult } from '../../src/plan/simulate.js';
import { DEFAULT_WEIGHTS } from '../../src/schedule/parameters.js';

function pick(shares: readonly number[], u: number): number {
  let sum = 0;
  for (let i = 0; i < shares.length - 1; i++) if (u < (sum += shares[i]!)) return i;
  return shares.length - 1;
}

/** The same model, written the other way (no review limit reached: see the inputs below). */
function referenceSimulate(input: SimulationInput): SimulationResult {
  const model = fsrs({ w: [...input.weights], enable_short_term: true, request_retention: input.desiredRetention, maximum_interval: input.maximumInterval, enable_fuzz: false });
  const random = seededRandom(input.seed);
  type Sim = { state: FSRSState; last: number; due: number; order: number };
  let order = 0;
  const studied: Sim[] = [...input.cards]
    .map((card, i) => ({ card, i }))
    .sort((a, b) => a.card.dueDay - b.card.dueDay || a.i - b.i)
    .map(({ card }) => ({ state: { stability: card.stability, difficulty: card.difficulty }, last: card.lastDay, due: Math.max(0, card.dueDay), order: order++ }));
  let newLeft = input.newCards;
  const result: SimulationResult = { reviewsPerDay: [], newPerDay: [], secondsPerDay: [], remembered: 0, studied: 0 };
  const reschedule = (card: Sim, day: number) => {
    card.due = day + model.next_interval(card.state.stability, 0);
    card.order = order++;
  };
  for (let day = 0; day < input.days; day++) {
    const today = studied.filter((card) => card.due === day).sort((a, b) => a.order - b.order);
    let seconds = 0;
    for (const card of today) {
      const t = day - card.last;
      const r = model.forgetting_curve(t, card.state.stability);
      if (random() >= r) {
        card.state = model.next_state(card.state, t, 1);
        for (let step = 0; step < input.relearningSteps; step++) card.state = model.next_state(card.state, 0, 3);
        seconds += input.costs.review[0] + (input.relearningSteps ? input.costs.relearn : 0);
      } else {
        const rating = 2 + pick(input.recallRatings, random());
        card.state = model.next_state(card.state, t, rating);
        seconds += input.costs.review[rating - 1]!;
      }
      card.last = day;
      reschedule(card, day);
    }
    let introduced = 0;
    for (; introduced < input.newPerDay && newLeft > 0; introduced++, newLeft--) {
      const first = 1 + pick(input.firstRatings, random());
      let state = model.next_state(null, 0, first);
      const steps = first === 4 ? 0 : first === 1 ? input.learningSteps : Math.max(0, input.learningSteps - 1);
      for (let step = 0; step < steps; step++) state = model.next_state(state, 0, 3);
      const card: Sim = { state, last: day, due: 0, order: 0 };
      reschedule(card, day);
      studied.push(card);
      seconds += input.costs.learn;
    }
    result.reviewsPerDay.push(today.length);
    result.newPerDay.push(introduced);
    result.secondsPerDay.push(seconds);
  }
  for (const card of studied) result.remembered += model.forgetting_curve(input.days - card.last, card.state.stability);
  result.studied = studied.length;
  return result;
}

function input(overrides: Partial<SimulationInput> = {}): SimulationInput {
  const random = seededRandom(7);
  const cards = Array.from({ length: 150 }, () => {
    const lastDay = -Math.floor(random() * 40);
    return { stability: 0.5 + random() * 60, difficulty: 1 + random() * 9, lastDay, dueDay: lastDay + 1 + Math.floor(random() * 60) };
  });
  return {
    weights: TRUE_WEIGHTS,
    desiredRetention: 0.9,
    days: 150,
    newPerDay: 5,
    reviewsPerDay: 100_000,
    maximumInterval: 36500,
    learningSteps: 2,
    relearningSteps: 1,
    cards,
    newCards: 300,
    costs: { review: [20, 14, 9, 6], learn: 40, relearn: 15 },
    firstRatings: [0.2, 0.1, 0.6, 0.1],
    recallRatings: [0.15, 0.75, 0.1],
    seed: 3,
    ...overrides,
  };
}

describe('the workload simulator', () => {
  for (const [name, overrides] of [
    ['FSRS-6 defaults at 0.90', { weights: DEFAULT_WEIGHTS }],
    ['other parameters at 0.80', { desiredRetention: 0.8 }],
    ['0.97, no steps, a short maximum interval', { desiredRetention: 0.97, learningSteps: 0, relearningSteps: 0, maximumInterval: 30 }],
  ] as const) {
    it(`matches a second implementation built on ts-fsrs: ${name}`, () => {
      const ours = simulate(input(overrides));
      const theirs = referenceSimulate(input(overrides));
      expect(ours.reviewsPerDay).toEqual(theirs.reviewsPerDay);
      expect(ours.newPerDay).toEqual(theirs.newPerDay);
      expect(ours.secondsPerDay).toEqual(theirs.secondsPerDay);
      expect(ours.studied).toBe(theirs.studied);
      expect(ours.remembered).toBeCloseTo(theirs.remembered, 6);
    });
  }

  it('is deterministic for a seed, and another seed gives other figures', () => {
    expect(simulate(input())).toEqual(simulate(input()));
    expect(simulate(input({ seed: 4 })).secondsPerDay).not.toEqual(simulate(input()).secondsPerDay);
  });

  it('holds the daily limits: reviews wait a day, new cards count against the review limit', () => {
    const limited = simulate(input({ reviewsPerDay: 12, newPerDay: 10 }));
    limited.reviewsPerDay.forEach((reviews, day) => expect(reviews + limited.newPerDay[day]!).toBeLessThanOrEqual(12));
    expect(Math.max(...limited.reviewsPerDay)).toBe(12);
    const unlimited = simulate(input({ newPerDay: 10 }));
    expect(Math.max(...unlimited.reviewsPerDay)).toBeGreaterThan(12);
  });

  it('costs more reviews and remembers more as the desired retention rises', () => {
    const plan = planWorkload({ ...input(), days: 120 });
    expect(plan.rows).toHaveLength(30);
    expect(plan.rows[0]!.retention).toBe(0.7);
    expect(plan.rows.at(-1)!.retention).toBe(0.99);
    const at = (r: number) => plan.rows.find((row) => row.retention === r)!;
    expect(at(0.99).reviewsPerDay).toBeGreaterThan(at(0.9).reviewsPerDay * 2);
    expect(at(0.9).reviewsPerDay).toBeGreaterThan(at(0.7).reviewsPerDay);
    expect(at(0.99).remembered).toBeGreaterThan(at(0.7).remembered);
    const cheapest = Math.min(...plan.rows.map((row) => row.minutesPerRemembered));
    expect(at(plan.recommended).minutesPerRemembered).toBe(cheapest);
  });
});
