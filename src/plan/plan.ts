// `paperdeck plan`'s figures: the simulated workload (simulate.ts) for each desired retention
// from 0.70 to 0.99, and which one costs the least time per card remembered at the end.
import { simulate, type SimulationInput } from './simulate.js';

export const RETENTIONS: readonly number[] = Object.freeze(Array.from({ length: 30 }, (_, i) => Math.round((0.7 + i / 100) * 100) / 100));

export interface PlanRow {
  retention: number;
  /** Mean reviews a day of cards already studied. */
  reviewsPerDay: number;
  /** Mean minutes a day, new cards included. */
  minutesPerDay: number;
  /** Cards expected to be recalled at the end. */
  remembered: number;
  minutesPerRemembered: number;
}

export interface Plan {
  rows: PlanRow[];
  /** The retention with the fewest minutes per card remembered. */
  recommended: number;
}

/**
 * A small deck is simulated several times over (seeds seed, seed + 1, ...) and the runs
 * averaged, so that about this many cards are simulated in all: with a few dozen cards, one
 * run's luck would outweigh the retention's effect and the rows would zigzag.
 */
const CARDS_SIMULATED = 4000;
const MAX_RUNS = 32;

export function planWorkload(input: Omit<SimulationInput, 'desiredRetention'>): Plan {
  const deckCards = input.cards.length + Math.min(input.newCards, input.newPerDay * input.days);
  const runs = Math.max(1, Math.min(MAX_RUNS, Math.ceil(CARDS_SIMULATED / Math.max(1, deckCards))));
  const days = Math.max(1, input.days);
  const rows = RETENTIONS.map((retention): PlanRow => {
    let reviews = 0;
    let minutes = 0;
    let remembered = 0;
    for (let run = 0; run < runs; run++) {
      const result = simulate({ ...input, desiredRetention: retention, seed: input.seed + run });
      reviews += result.reviewsPerDay.reduce((a, b) => a + b, 0) / runs;
      minutes += result.secondsPerDay.reduce((a, b) => a + b, 0) / 60 / runs;
      remembered += result.remembered / runs;
    }
    return {
      retention,
      reviewsPerDay: reviews / days,
      minutesPerDay: minutes / days,
      remembered,
      minutesPerRemembered: remembered > 0 ? minutes / remembered : 0,
    };
  });
  const costed = rows.filter((row) => row.remembered > 0);
  const best = costed.reduce<PlanRow | null>((a, b) => (a === null || b.minutesPerRemembered < a.minutesPerRemembered ? b : a), null);
  return { rows, recommended: best?.retention ?? 0.9 };
}
