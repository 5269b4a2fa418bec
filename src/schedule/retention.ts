// Which reviews True Retention counts, as Anki defines it (rslib/src/stats/graphs/retention.rs):
// the one rule behind the study screen's "retention today" and the statistics' Retention table.
import { CardStateKind, type Rating } from '../core/types.js';

/**
 * A review's part in True Retention: a pass or a fail when the card was in review (its interval
 * a day or more: ts-fsrs puts a card whose step is a day or longer in the Review state, so this
 * is exactly Anki's "interval ≥ 1 day"), nothing for learning and relearning steps. Again is the
 * fail; Hard, Good and Easy pass. Only a card's first such review of a local day counts: a
 * review ahead of time the same day would otherwise count twice (callers keep track of that).
 */
export function retentionOutcome(beforeState: number | undefined, rating: Rating | number): 'pass' | 'fail' | null {
  if (beforeState !== CardStateKind.Review) return null;
  return rating === 1 ? 'fail' : 'pass';
}
