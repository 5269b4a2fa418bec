// FSRS-6's forgetting curve as ts-fsrs computes it (its computeDecayFactor and forgetting_curve,
// rounded the same way), for what reads a card's probability of recall without loading ts-fsrs:
// `cards --json` on the quick path (cli/quick-cards.ts). A test holds it to Scheduler's, which
// asks ts-fsrs itself.
import { CardStateKind, type CardState } from '../core/types.js';

const DAY_MS = 86_400_000;

/** ts-fsrs's roundTo. */
const roundTo = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Probability of recall `elapsedDays` after a review, for a card of this stability, with weights `w` (FSRS-6: 21). */
export function forgettingCurve(w: readonly number[], elapsedDays: number, stability: number): number {
  const decay = -w[20]!;
  const factor = roundTo(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1, 8);
  return roundTo(Math.pow(1 + (factor * elapsedDays) / stability, decay), 8);
}

/** Scheduler#retrievability's figure, for the weights `w`: null for a new card. */
export function retrievabilityWith(w: readonly number[], state: CardState, now: number): number | null {
  if (state.state === CardStateKind.New || state.lastReview === null || state.stability <= 0) return null;
  const elapsedDays = Math.max(0, now - state.lastReview) / DAY_MS;
  return forgettingCurve(w, elapsedDays, state.stability);
}
