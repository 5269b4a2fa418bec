// The workload simulator behind `paperdeck plan`: the next N days of study for one desired
// retention, day by day, as fsrs-rs's simulator (and so Anki's "Help me decide") models it.
//
// Each day, the cards due are reviewed, most overdue first, up to the daily review limit (the
// rest wait a day); then new cards are introduced up to the new-card limit (they count against
// the review limit too, as in Anki). A review is recalled with FSRS's probability of recall
// (its retrievability) given the card's stability and the days since it was last seen; a lapse
// is rated Again, a recall Hard, Good or Easy in the user's own proportions. FSRS-6 gives the
// new memory state, and the next interval is the one at which recall falls to the desired
// retention. Learning and relearning steps are taken as the user's first-day ratings followed
// by Good at each step, whose short-term effect FSRS-6 models. Every answer costs the user's own
// measured time. At the end, "remembered" is the expected number of cards recalled then: the sum
// of every studied card's retrievability. Random draws come from one seeded generator, so the
// same inputs give the same figures; every retention uses the same seed, so that the rows differ
// by their retention and not by their luck.
//
// The FSRS-6 formulas are written out here, not taken from ts-fsrs (whose per-call checks and
// objects cost most of the time of a run); the tests hold them to ts-fsrs's on the same inputs.
import { seededRandom } from '../core/random.js';

export interface SimulatedCard {
  stability: number;
  difficulty: number;
  /** The day it was last reviewed, relative to today (0; negative for days before). */
  lastDay: number;
  /** The day it is due, relative to today (negative: overdue). */
  dueDay: number;
}

export interface SimulationCosts {
  /** Seconds a review takes, by its rating: Again, Hard, Good, Easy. */
  review: readonly [number, number, number, number];
  /** Seconds a new card takes on its first day, learning steps included. */
  learn: number;
  /** Seconds the relearning steps after a lapse take. */
  relearn: number;
}

export interface SimulationInput {
  weights: readonly number[];
  desiredRetention: number;
  days: number;
  newPerDay: number;
  reviewsPerDay: number;
  maximumInterval: number;
  learningSteps: number;
  relearningSteps: number;
  /** Cards already studied. */
  cards: readonly SimulatedCard[];
  /** Cards not yet studied, introduced newPerDay a day. */
  newCards: number;
  costs: SimulationCosts;
  /** Shares of first ratings (Again, Hard, Good, Easy), and of Hard, Good, Easy among recalls. */
  firstRatings: readonly [number, number, number, number];
  recallRatings: readonly [number, number, number];
  seed: number;
}

export interface SimulationResult {
  /** Reviews of cards already studied, per day (new cards' first days not counted). */
  reviewsPerDay: number[];
  newPerDay: number[];
  secondsPerDay: number[];
  /** Expected cards recalled at the end of the last day. */
  remembered: number;
  /** Cards studied by the end. */
  studied: number;
}

const S_MIN = 0.001;
const S_MAX = 36500;
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
// ts-fsrs rounds memory states to 8 decimals; so does this, to give the same numbers.
const round8 = (x: number) => Math.round(x * 1e8) / 1e8;

/** FSRS-6's formulas for weights `w`, as ts-fsrs 5.4 computes them. */
export class Fsrs6 {
  readonly decay: number;
  readonly factor: number;
  constructor(readonly w: readonly number[]) {
    this.decay = -w[20]!;
    this.factor = round8(Math.exp(Math.log(0.9) / this.decay) - 1);
  }
  retrievability(days: number, stability: number): number {
    return round8(Math.pow(1 + (this.factor * days) / stability, this.decay));
  }
  /** Days until recall falls to `retention`, before rounding. */
  interval(stability: number, retention: number): number {
    return (stability / this.factor) * (Math.pow(retention, 1 / this.decay) - 1);
  }
  initStability(rating: number): number {
    return Math.max(this.w[rating - 1]!, 0.1);
  }
  initDifficulty(rating: number): number {
    return round8(this.w[4]! - Math.exp((rating - 1) * this.w[5]!) + 1);
  }
  nextDifficulty(d: number, rating: number): number {
    const delta = -this.w[6]! * (rating - 3);
    const next = d + round8((delta * (10 - d)) / 9);
    return clamp(round8(this.w[7]! * this.initDifficulty(4) + (1 - this.w[7]!) * next), 1, 10);
  }
  recallStability(d: number, s: number, r: number, rating: number): number {
    const w = this.w;
    const hard = rating === 2 ? w[15]! : 1;
    const easy = rating === 4 ? w[16]! : 1;
    const grown = s * (1 + Math.exp(w[8]!) * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - r) * w[10]!) - 1) * hard * easy);
    return round8(clamp(grown, S_MIN, S_MAX));
  }
  forgetStability(d: number, s: number, r: number): number {
    const w = this.w;
    const afterFail = round8(clamp(w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp((1 - r) * w[14]!), S_MIN, S_MAX));
    return clamp(round8(s / Math.exp(w[17]! * w[18]!)), S_MIN, afterFail);
  }
  shortTermStability(s: number, rating: number): number {
    const w = this.w;
    const sinc = Math.pow(s, -w[19]!) * Math.exp(w[17]! * (rating - 3 + w[18]!));
    return round8(clamp(s * (rating >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
  }
}


/** Index of the share `u` falls in, of `shares` that sum to 1. */
function pick(shares: readonly number[], u: number): number {
  let sum = 0;
  for (let i = 0; i < shares.length - 1; i++) {
    sum += shares[i]!;
    if (u < sum) return i;
  }
  return shares.length - 1;
}

export function simulate(input: SimulationInput): SimulationResult {
  const model = new Fsrs6(input.weights);
  const random = seededRandom(input.seed);
  const days = input.days;
  const total = input.cards.length + input.newCards;
  const stability = new Float64Array(total);
  const difficulty = new Float64Array(total);
  const lastDay = new Float64Array(total);
  const studied = new Uint8Array(total);
  // Cards waiting on each day, in the order they are taken.
  const dueOn: number[][] = Array.from({ length: days }, () => []);
  const overdueFirst = input.cards.map((card, i) => ({ card, i })).sort((a, b) => a.card.dueDay - b.card.dueDay);
  for (const { card, i } of overdueFirst) {
    stability[i] = card.stability;
    difficulty[i] = card.difficulty;
    lastDay[i] = card.lastDay;
    studied[i] = 1;
    const day = Math.max(0, card.dueDay);
    if (day < days) dueOn[day]!.push(i);
  }
  let nextNew = input.cards.length;
  const reviewsPerDay: number[] = [];
  const newPerDay: number[] = [];
  const secondsPerDay: number[] = [];
  const { costs } = input;

  const schedule = (i: number, day: number) => {
    const interval = clamp(Math.round(model.interval(stability[i]!, input.desiredRetention)), 1, input.maximumInterval);
    if (day + interval < days) dueOn[day + interval]!.push(i);
  };

  for (let day = 0; day < days; day++) {
    const due = dueOn[day]!;
    let reviews = 0;
    let seconds = 0;
    let k = 0;
    for (; k < due.length && reviews < input.reviewsPerDay; k++) {
      const i = due[k]!;
      const s = stability[i]!;
      const d = difficulty[i]!;
      const r = model.retrievability(day - lastDay[i]!, s);
      reviews++;
      if (random() >= r) {
        let ns = model.forgetStability(d, s, r);
        let nd = model.nextDifficulty(d, 1);
        for (let step = 0; step < input.relearningSteps; step++) {
          ns = model.shortTermStability(ns, 3);
          nd = model.nextDifficulty(nd, 3);
        }
        stability[i] = ns;
        difficulty[i] = nd;
        seconds += costs.review[0] + (input.relearningSteps > 0 ? costs.relearn : 0);
      } else {
        const rating = 2 + pick(input.recallRatings, random());
        stability[i] = model.recallStability(d, s, r, rating);
        difficulty[i] = model.nextDifficulty(d, rating);
        seconds += costs.review[rating - 1]!;
      }
      lastDay[i] = day;
      schedule(i, day);
    }
    // The review limit reached: the rest wait for tomorrow, first in its queue.
    if (k < due.length && day + 1 < days) dueOn[day + 1] = [...due.slice(k), ...dueOn[day + 1]!];
    dueOn[day] = [];
    let introduced = 0;
    while (introduced < input.newPerDay && nextNew < total && reviews + introduced < input.reviewsPerDay) {
      const i = nextNew++;
      const first = 1 + pick(input.firstRatings, random());
      let s = model.initStability(first);
      let d = clamp(model.initDifficulty(first), 1, 10);
      // Steps still to go after the first rating (Easy skips them), each passed with Good.
      const steps = first === 4 ? 0 : first === 1 ? input.learningSteps : Math.max(0, input.learningSteps - 1);
      for (let step = 0; step < steps; step++) {
        s = model.shortTermStability(s, 3);
        d = model.nextDifficulty(d, 3);
      }
      stability[i] = s;
      difficulty[i] = d;
      lastDay[i] = day;
      studied[i] = 1;
      seconds += costs.learn;
      introduced++;
      schedule(i, day);
    }
    reviewsPerDay.push(reviews);
    newPerDay.push(introduced);
    secondsPerDay.push(seconds);
  }

  let remembered = 0;
  let count = 0;
  for (let i = 0; i < total; i++) {
    if (!studied[i]) continue;
    count++;
    remembered += model.retrievability(days - lastDay[i]!, stability[i]!);
  }
  return { reviewsPerDay, newPerDay, secondsPerDay, remembered, studied: count };
}
