// The reviews that stand in a deck's log, card by card: what FSRS learns from (optimize) and
// what card memory states are replayed from (memory.ts). The log is the truth; these read it
// the one way both need.
import { LogKindCode, NO_CARD_STATE, CardStateKind, type LogFacts, type Rating } from '../core/types.js';
import { dayKeyDiff, LocalDayFinder } from './days.js';
import { undoneSeqs } from './standing.js';

/** One card's standing reviews, oldest first, since it was last new. */
export interface CardReviews {
  card: string;
  /** Epoch ms of each review. */
  at: number[];
  rating: Rating[];
  /** Whole local days since the review before (0 for the first, and for a second one the same day). */
  deltaDays: number[];
}

/**
 * Each card's standing reviews: an undone review is left out (as if never given; an undo that
 * was itself undone takes nothing back, as everywhere: standing.ts), and so is everything before
 * the last review of the card as new (the state it was rated from decides: paperdeck has no
 * "forget", but a log may one day hold one, and FSRS's memory of a card starts at its first
 * learning, as Anki's conversion does). Days are local days starting at `dayStartHour`, so a
 * review at 03:59 and one at 04:01 are a day apart and two on either side of midnight are not,
 * across DST changes too. Cards come in order of their first review.
 */
export function reviewsByCard(log: LogFacts, dayStartHour: number): CardReviews[] {
  const undone = undoneSeqs(
    log.length,
    (i) => log.seq[i]!,
    (i) => (log.kind[i] === LogKindCode.undo ? log.undoes[i]! : NaN),
  );
  const byCard = new Map<number, { at: number[]; rating: Rating[] }>();
  for (let i = 0; i < log.length; i++) {
    if (log.kind[i] !== LogKindCode.review || undone.has(log.seq[i]!)) continue;
    const card = log.card[i]!;
    const before = log.beforeState[i]!;
    let reviews = byCard.get(card);
    if (!reviews || before === CardStateKind.New || before === NO_CARD_STATE) {
      // A review of a new card starts its memory afresh; one that is not, with nothing before
      // it, comes from a log cut short and is not one FSRS can start from.
      if (before !== CardStateKind.New && before !== NO_CARD_STATE) continue;
      if (reviews) byCard.delete(card);
      reviews = { at: [], rating: [] };
      byCard.set(card, reviews);
    }
    reviews.at.push(log.at[i]!);
    reviews.rating.push(log.rating[i] as Rating);
  }
  const days = new LocalDayFinder(dayStartHour);
  const dayOf = (ms: number) => (days.moveTo(ms), days.key);
  const result: CardReviews[] = [];
  for (const [card, { at, rating }] of byCard) {
    const deltaDays = at.map((time, k) => (k === 0 ? 0 : Math.max(0, dayKeyDiff(dayOf(at[k - 1]!), dayOf(time)))));
    result.push({ card: log.cardIds[card]!, at, rating, deltaDays });
  }
  return result;
}
