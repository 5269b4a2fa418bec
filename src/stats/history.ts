// One card's review history, from the review log (the truth): every review that stands (an
// undone one never happened, as far as the user is concerned), with what FSRS made of the card
// at that moment. Pure: `paperdeck history` reads the log and prints what this returns.
import { CardStateKind, type LogEntry, type Rating } from '../core/types.js';
import { standingReviews } from '../schedule/standing.js';

const DAY_MS = 86_400_000;

export const GRADE_NAMES: Readonly<Record<Rating, 'again' | 'hard' | 'good' | 'easy'>> = Object.freeze({ 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' });

export interface HistoryReview {
  /** When the answer was given (epoch ms). */
  at: number;
  rating: Rating;
  /** Days until the card came due again: whole days for a review, a fraction for a learning step. */
  interval: number;
  /** Whether the interval is a learning step (minutes or hours of real time). */
  step: boolean;
  /** FSRS stability (days) and difficulty (1-10) after the review. */
  stability: number;
  difficulty: number;
  /** The probability of recall when the card was answered; null on its first review. */
  retrievability: number | null;
  /**
   * Which machine answered, when the deck has the logs of several (null when it has this machine's
   * alone, or for the log from before devices).
   */
  device: string | null;
}

/** The standing reviews of `cardId` in time order (a clock set back keeps log order on ties). */
export function cardHistory(
  entries: readonly LogEntry[],
  cardId: string,
  retrievability: (state: NonNullable<LogEntry['before']>, at: number) => number | null,
): HistoryReview[] {
  return standingReviews(entries)
    .filter((entry) => entry.card === cardId)
    .sort((a, b) => a.at - b.at)
    .map((entry) => {
      const { after, before } = entry;
      const step = after.state === CardStateKind.Learning || after.state === CardStateKind.Relearning;
      return {
        at: entry.at,
        rating: entry.rating,
        interval: step ? Math.max(0, after.due - entry.at) / DAY_MS : after.scheduledDays,
        step,
        stability: after.stability,
        difficulty: after.difficulty,
        retrievability: before === null ? null : retrievability(before, entry.at),
        device: entry.device ?? null,
      };
    });
}
