// What the statistics keep of the standing reviews (stats/index.ts): per local day, the reviews,
// Agains, time spent and True Retention's passes and fails; per card, its last review day, the
// day True Retention last counted it, and its passes and fails in review; the spans of days on
// which a card waited due between two reviews. It is filled one review at a time in time order,
// so it can be computed from the whole log, or kept (store/stats-cache.ts) and carried on with
// the reviews answered since: either way the figures are the same, and `stats` need not read a
// history of 200,000 reviews to show them.
//
// Days are numbered (dayNumber) from their key, "YYYY-MM-DD", so that "days ago" is today's
// number minus a day's. A review after today (a clock that went back) counts in no day, as
// before; `today` Infinity counts every review in its day (what a kept tally holds).
import { CardStateKind, LogKindCode, type LogFacts } from '../core/types.js';
import { LocalDayFinder } from './days.js';
import { retentionOutcome } from './retention.js';
import { undoneSeqs } from './standing.js';

/** Anki's threshold: a review card is mature once its interval reaches 21 days. */
export const MATURE_INTERVAL_DAYS = 21;

const DAY_MS = 86_400_000;

/** A day key's number: days since 1970-01-01 (the calendar date, whatever the time zone). */
export function dayNumber(key: string): number {
  return Math.round(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
}

/** One local day's figures. `start` and `end` are the instants the day spans, as reckoned when counted. */
export interface DayFigures {
  key: string;
  start: number;
  end: number;
  reviews: number;
  again: number;
  ms: number;
  youngPass: number;
  youngFail: number;
  maturePass: number;
  matureFail: number;
}

/** One card's figures. Days are day numbers; NaN: none yet. */
export interface CardFigures {
  /** The day of its last review counted in a day. */
  lastDay: number;
  /** The day True Retention last counted it. */
  lastCountedDay: number;
  /** Its reviews as a card in review: passed (Hard, Good, Easy) and failed (Again). */
  passed: number;
  failed: number;
}

/** The reviews that stand, in time order: rows of their log. */
export interface StandingReviews {
  readonly log: LogFacts;
  readonly rows: Int32Array;
}

/**
 * The reviews that stand: every review entry not taken back by an undo, in time order. An undo
 * that was itself undone takes nothing back, so the log is read newest first.
 */
export function effectiveReviews(log: LogFacts): StandingReviews {
  const { kind, seq, undoes, at } = log;
  // LogFacts rows are in seq order.
  const undone = undoneSeqs(
    log.length,
    (i) => seq[i]!,
    (i) => (kind[i] === LogKindCode.undo ? undoes[i]! : NaN),
  );
  let rows = new Int32Array(log.length);
  let count = 0;
  for (let i = 0; i < log.length; i++) {
    if (kind[i] === LogKindCode.review && (undone.size === 0 || !undone.has(seq[i]!))) rows[count++] = i;
  }
  rows = rows.subarray(0, count);
  let inTimeOrder = true;
  for (let i = 1; i < count && inTimeOrder; i++) inTimeOrder = at[rows[i - 1]!]! <= at[rows[i]!]!;
  // A clock that went back: sorted, stably (Array's sort is), so equal times keep log order.
  if (!inTimeOrder) rows = Int32Array.from(Array.from(rows).sort((a, b) => at[a]! - at[b]!));
  return { log, rows };
}

export class ReviewTally {
  /** By day key, in the order first counted. */
  readonly days = new Map<string, DayFigures>();
  readonly cards = new Map<string, CardFigures>();
  /**
   * The days some card waited due between two of its reviews, as +1 where a span begins (its
   * latest day) and -1 on the day before it starts, by day number: summed from later to earlier
   * days, a day is due where the sum is above 0.
   */
  readonly dueDelta = new Map<number, number>();
  /** The earliest and latest day counted (NaN: none). */
  firstDay = NaN;
  lastDay = NaN;
  /** The latest time of any review added, counted in a day or not (-Infinity: none). */
  lastAt = -Infinity;
  private readonly finder: LocalDayFinder;
  private finderDay = NaN;

  constructor(readonly dayStartHour: number) {
    this.finder = new LocalDayFinder(dayStartHour);
  }

  /**
   * Counts one standing review; reviews must come in time order. A review on a day after
   * `today` (a day number) counts only in its card's passes and fails, as the statistics have
   * always counted it.
   */
  add(at: number, card: string, rating: number, ms: number, beforeState: number, beforeScheduledDays: number, today: number): void {
    if (at > this.lastAt) this.lastAt = at;
    let figures = this.cards.get(card);
    if (!figures) this.cards.set(card, (figures = { lastDay: NaN, lastCountedDay: NaN, passed: 0, failed: 0 }));
    if (beforeState === CardStateKind.Review) {
      if (rating === 1) figures.failed++;
      else figures.passed++;
    }
    const finder = this.finder;
    if (finder.moveTo(at) || Number.isNaN(this.finderDay)) this.finderDay = dayNumber(finder.key);
    const day = this.finderDay;
    if (!(day <= today)) return;
    let tally = this.days.get(finder.key);
    if (!tally) {
      tally = { key: finder.key, start: finder.start, end: finder.end, reviews: 0, again: 0, ms: 0, youngPass: 0, youngFail: 0, maturePass: 0, matureFail: 0 };
      this.days.set(finder.key, tally);
    }
    tally.reviews++;
    if (rating === 1) tally.again++;
    tally.ms += Number.isFinite(ms) && ms > 0 ? ms : 0;
    // True Retention: a card's first review in review each local day.
    const outcome = retentionOutcome(beforeState, rating);
    if (outcome !== null && figures.lastCountedDay !== day) {
      figures.lastCountedDay = day;
      const mature = beforeScheduledDays >= MATURE_INTERVAL_DAYS;
      if (mature) {
        if (outcome === 'fail') tally.matureFail++;
        else tally.maturePass++;
      } else if (outcome === 'fail') tally.youngFail++;
      else tally.youngPass++;
    }
    if (!(this.firstDay <= day)) this.firstDay = day;
    if (!(this.lastDay >= day)) this.lastDay = day;
    // Due from the day the previous review scheduled it for until the day before this one.
    const previous = figures.lastDay;
    if (!Number.isNaN(previous) && Number.isFinite(beforeScheduledDays)) {
      const dueFrom = previous + Math.round(beforeScheduledDays);
      if (dueFrom <= day - 1) {
        this.dueDelta.set(day - 1, (this.dueDelta.get(day - 1) ?? 0) + 1);
        this.dueDelta.set(dueFrom - 1, (this.dueDelta.get(dueFrom - 1) ?? 0) - 1);
      }
    }
    figures.lastDay = day;
  }

  /** Counts rows `rows` of `log` (standing reviews, in time order). */
  addRows(log: LogFacts, rows: ArrayLike<number>, today: number): void {
    const { at, card, cardIds, rating, ms, beforeState, beforeScheduledDays } = log;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      this.add(at[row]!, cardIds[card[row]!]!, rating[row]!, ms[row]!, beforeState[row]!, beforeScheduledDays[row]!, today);
    }
  }

  /** The tally of a whole log's standing reviews, up to the day numbered `today`. */
  static of(log: LogFacts, dayStartHour: number, today: number): ReviewTally {
    const tally = new ReviewTally(dayStartHour);
    tally.addRows(log, effectiveReviews(log).rows, today);
    return tally;
  }
}
