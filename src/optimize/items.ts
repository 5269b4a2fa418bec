// A deck's standing reviews as FSRS training items, built as fsrs-rs builds them from Anki's
// review log: for each review of a card after its first, one item holding the card's reviews up
// to and including it, each with the whole local days since the review before. Only items whose
// last review came at least a day after the one before are kept (FSRS predicts recall across
// days); the same-day reviews before them, learning steps included, stay in their histories,
// where FSRS-6's short-term terms read them.
import type { Rating } from '../core/types.js';
import type { CardReviews } from '../schedule/reviews.js';

export interface TrainingReview {
  rating: Rating;
  /** Whole local days since the review before; 0 for the first. */
  deltaT: number;
}

export interface TrainingItem {
  /** The card's reviews up to the one predicted (the last). */
  reviews: TrainingReview[];
  /** Epoch ms of the last review: items are ordered by it, oldest first. */
  at: number;
}

/** fsrs-rs fits nothing below this many items and returns its defaults. */
export const MIN_ITEMS = 8;
/** Below this many items fsrs-rs fits only the first four parameters (the initial stabilities). */
export const FULL_FIT_ITEMS = 64;

export function trainingItems(cards: readonly CardReviews[]): TrainingItem[] {
  const items: TrainingItem[] = [];
  for (const { at, rating, deltaDays } of cards) {
    const reviews: TrainingReview[] = rating.map((r, k) => ({ rating: r, deltaT: deltaDays[k]! }));
    for (let k = 1; k < reviews.length; k++) {
      if (reviews[k]!.deltaT > 0) items.push({ reviews: reviews.slice(0, k + 1), at: at[k]! });
    }
  }
  // Stable: items of the same moment keep their cards' order.
  return items.sort((a, b) => a.at - b.at);
}
