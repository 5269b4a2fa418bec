// Retention statistics: every figure `paperdeck stats` shows, computed here from plain data
// (the deck's review log, its cards' current states, its cards and the settings) by pure
// functions. Nothing here reads files or the clock: `now` is handed in.
//
// Days are the user's local days (process time zone, starting at settings.dayStartHour), from
// schedule/days.ts, so a review at 03:30 with a 4 a.m. day start belongs to the day before.
import { DEFAULT_WEIGHTS, parametersSummary, weightsOf } from '../schedule/parameters.js';
import { CardStateKind, NO_CARD_STATE } from '../core/types.js';
import type { Card, CardState, LogFacts, Settings } from '../core/types.js';
import { addDaysToKey, localDayKey, localDayStartOffset, LocalDaysAgo } from '../schedule/days.js';
import { isBuried } from '../schedule/card-state.js';
import { forgettingCurve } from '../schedule/forgetting-curve.js';
import { dayNumber, effectiveReviews, ReviewTally, type DayFigures, type StandingReviews } from '../schedule/review-tally.js';

export { MATURE_INTERVAL_DAYS } from '../schedule/review-tally.js';
export const FORECAST_DAYS = 30;
export const REVIEW_HISTORY_DAYS = 30;
export const REVIEW_HISTORY_MONTHS = 12;
export const HEATMAP_WEEKS = 26;
export const HARDEST_LIMIT = 10;

export type RetentionPeriod = 'today' | 'yesterday' | 'week' | 'month' | 'year' | 'all';

/**
 * The True Retention table's rows, as Anki defines them (rslib/src/stats/graphs/retention.rs,
 * `calculate_true_retention`): each range ends where today ends, and starts 1 day (today),
 * 7 days (last week, today included), 30 days (last month) or 365 days (last year) earlier;
 * yesterday is the one day before today; all time has no start. Anki subtracts fixed 86,400 s
 * from the next day's start; paperdeck counts whole local days instead, which is the same
 * except across a daylight-saving change, where Anki's range would be off by the hour.
 * `days` is how many local days back from today (0) the range reaches; `from` where it starts.
 */
export const RETENTION_PERIODS: readonly { period: RetentionPeriod; label: string; from: number; days: number }[] = [
  { period: 'today', label: 'Today', from: 0, days: 1 },
  { period: 'yesterday', label: 'Yesterday', from: 1, days: 1 },
  { period: 'week', label: 'Last week', from: 0, days: 7 },
  { period: 'month', label: 'Last month', from: 0, days: 30 },
  { period: 'year', label: 'Last year', from: 0, days: 365 },
  { period: 'all', label: 'All time', from: 0, days: Infinity },
];

export interface CardCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  /** Suspended cards, whatever their state: they are not counted again under it (as Anki does). */
  suspended: number;
  /** Cards buried until a later day (and not suspended); not counted again under their state. */
  buried: number;
  /** Cards flagged as leeches. A flag, not a state: these are also counted above. */
  leech: number;
  /** Every current card of the deck (retired cards excluded): the sum of the first six. */
  total: number;
}

export interface TodayFigures {
  /** Today's local day key. */
  date: string;
  /** Every rating given today, learning steps included (undone ones excluded). */
  reviews: number;
  again: number;
  /** Time spent answering, in whole seconds. */
  seconds: number;
}

export interface TrueRetentionRow {
  period: RetentionPeriod;
  youngPass: number;
  youngFail: number;
  maturePass: number;
  matureFail: number;
  /** pass / (pass + fail) over young and mature together; null when nothing was reviewed. */
  retention: number | null;
  youngRetention: number | null;
  matureRetention: number | null;
}

export interface DayCount {
  date: string;
  due: number;
}

export interface DayReviews {
  date: string;
  reviews: number;
  again: number;
}

export interface MonthReviews {
  /** "YYYY-MM", by local day (a review at 03:30 on the 1st belongs to the month before). */
  month: string;
  reviews: number;
  again: number;
}

export interface Heatmap {
  weeks: number;
  /** Weeks start on Monday; `days` runs from the Monday `weeks - 1` weeks back to today. */
  weekStart: 'monday';
  days: { date: string; reviews: number }[];
  /** The most reviews on any one day shown. */
  max: number;
}

export interface HardCard {
  id: string;
  title: string;
  lapses: number;
  /** FSRS probability of recall right now, or null if it cannot be computed. */
  retrievability: number | null;
  /**
   * Of its standing reviews as a card in review (learning steps aside), the share passed, or
   * null with none in the log. What makes a card hard: right after a relearning step its
   * retrievability is near 100 %, which said nothing about how often it is forgotten.
   */
  recall: number | null;
  leech: boolean;
  suspended: boolean;
}

/** Every figure of `paperdeck stats`; also its --json document. */
export interface DeckStats {
  deck: string;
  /** Today's local day key and when "now" was, as ISO. */
  date: string;
  now: string;
  dayStartHour: number;
  desiredRetention: number;
  counts: CardCounts;
  today: TodayFigures;
  trueRetention: TrueRetentionRow[];
  /** Mean FSRS retrievability of the deck's review and relearning cards now, or null. */
  predictedRetention: number | null;
  /** How many cards predictedRetention averages over. */
  predictedRetentionCards: number;
  /** The FSRS parameters the predictions use: FSRS-6's defaults, or fitted (when, on how many reviews), or set by hand. */
  parameters: { source: 'default' | 'fitted' | 'set by hand'; summary: string; fittedAt: string | null; reviews: number | null; weights: number[] };
  /** Cards due on each of the next 30 local days; cards overdue are counted on today. */
  forecast: DayCount[];
  /** Of forecast[0], the cards that were due before today. */
  overdue: number;
  reviewsPerDay: DayReviews[];
  reviewsPerMonth: MonthReviews[];
  /** Consecutive local days with a review, ending today (or yesterday if none yet today). */
  streakDays: number;
  heatmap: Heatmap;
  hardest: HardCard[];
}

export interface StatsInput {
  deck: string;
  /**
   * The deck's whole review log, as the store's readLogFacts() gives it; or, in its place, the
   * tally of its standing reviews (schedule/review-tally.ts) the store keeps, which gives the
   * same figures.
   */
  log?: LogFacts;
  tally?: ReviewTally;
  states: ReadonlyMap<string, CardState>;
  /** The deck's current cards; retired cards are not among them. */
  cards: readonly StatsCard[];
  settings: Settings;
  now: number;
  /**
   * Probability of recall now: required for a deck with FSRS parameters of its own (the
   * scheduler's, schedule/scheduler.ts); with none, FSRS-6's default curve.
   */
  retrievability?: Retrievability;
}

/** What the statistics read of a card: its id and its title. */
export type StatsCard = Pick<Card, 'id' | 'title'>;

/**
 * The fields of the cards' states the statistics read, one entry a card, in note order: the
 * due index's columns (store/due-index.ts) are these and more. `state` is NO_CARD_STATE for a
 * card never answered (its other fields then mean nothing); NaN stands for a null
 * `buriedUntil` or `lastReview`; 1 is true in `suspended` and `leech`.
 */
export interface StatsColumns {
  state: Uint8Array;
  suspended: Uint8Array;
  leech: Uint8Array;
  due: Float64Array;
  buriedUntil: Float64Array;
  lastReview: Float64Array;
  stability: Float64Array;
  lapses: Float64Array;
}

/**
 * The deck's current cards as the statistics read them: their states' fields by position, and
 * a card's id and title only for the few cards that need them (the hardest ones, the one due
 * longest): a deck of 10,000 cards makes no object a card.
 */
export interface StatsCards {
  readonly length: number;
  readonly columns: StatsColumns;
  id(i: number): string;
  title(i: number): string;
}

/** `cards` and their `states` as StatsCards (what computeStats reads). */
export function statsCardsOf(cards: readonly StatsCard[], states: ReadonlyMap<string, CardState>): StatsCards {
  const n = cards.length;
  const columns: StatsColumns = {
    state: new Uint8Array(n).fill(NO_CARD_STATE),
    suspended: new Uint8Array(n),
    leech: new Uint8Array(n),
    due: new Float64Array(n),
    buriedUntil: new Float64Array(n).fill(NaN),
    lastReview: new Float64Array(n).fill(NaN),
    stability: new Float64Array(n),
    lapses: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const state = states.get(cards[i]!.id);
    if (!state) continue;
    columns.state[i] = state.state;
    columns.suspended[i] = state.suspended ? 1 : 0;
    columns.leech[i] = state.leech ? 1 : 0;
    columns.due[i] = state.due;
    columns.buriedUntil[i] = state.buriedUntil ?? NaN;
    columns.lastReview[i] = state.lastReview ?? NaN;
    columns.stability[i] = state.stability;
    columns.lapses[i] = state.lapses;
  }
  return { length: n, columns, id: (i) => cards[i]!.id, title: (i) => cards[i]!.title };
}

export { effectiveReviews, type StandingReviews };

/** Probability of recall now, from the card's FSRS state; null for a card never reviewed. */
export type Retrievability = (state: CardState, now: number) => number | null;

/** Card `i`'s probability of recall at the time the statistics are for; null for one never reviewed. */
type RetrievabilityAt = (columns: StatsColumns, i: number) => number | null;

const DAY_MS = 86_400_000;

/**
 * RetrievabilityAt from `retrievability`, or, without one, FSRS-6's default forgetting curve read
 * straight from the columns (schedule/forgetting-curve.ts, held equal to the scheduler's).
 */
function retrievabilityAt(now: number, retrievability: Retrievability | undefined): RetrievabilityAt {
  if (!retrievability) {
    return (columns, i) => {
      const lastReview = columns.lastReview[i]!;
      const stability = columns.stability[i]!;
      if (columns.state[i] === CardStateKind.New || Number.isNaN(lastReview) || stability <= 0) return null;
      return forgettingCurve(DEFAULT_WEIGHTS, Math.max(0, now - lastReview) / DAY_MS, stability);
    };
  }
  // What Retrievability reads of a state, refilled for each card.
  const state = { state: CardStateKind.New, lastReview: null, stability: 0 } as Pick<CardState, 'state' | 'lastReview' | 'stability'> as CardState;
  return (columns, i) => {
    state.state = columns.state[i] as CardStateKind;
    const lastReview = columns.lastReview[i]!;
    state.lastReview = Number.isNaN(lastReview) ? null : lastReview;
    state.stability = columns.stability[i]!;
    return retrievability(state, now);
  };
}

/** Defined with the other card-state facts; `paperdeck cards` reads it from here. */
export { isBuried };

export function countCards(cards: readonly StatsCard[], states: ReadonlyMap<string, CardState>, now: number): CardCounts {
  return countIn(statsCardsOf(cards, states), now);
}

function countIn({ length, columns }: StatsCards, now: number): CardCounts {
  const counts: CardCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, buried: 0, leech: 0, total: 0 };
  const { state, leech, suspended, buriedUntil } = columns;
  for (let i = 0; i < length; i++) {
    counts.total++;
    const kind = state[i]!;
    if (kind === NO_CARD_STATE) {
      counts.new++;
      continue;
    }
    if (leech[i] === 1) counts.leech++;
    if (suspended[i] === 1) counts.suspended++;
    else if (buriedUntil[i]! > now) counts.buried++;
    else if (kind === CardStateKind.New) counts.new++;
    else if (kind === CardStateKind.Learning) counts.learning++;
    else if (kind === CardStateKind.Review) counts.review++;
    else counts.relearning++;
  }
  return counts;
}

type DayTally = Pick<DayFigures, 'reviews' | 'again' | 'ms'>;

function emptyRetentionRow(period: RetentionPeriod): TrueRetentionRow {
  return { period, youngPass: 0, youngFail: 0, maturePass: 0, matureFail: 0, retention: null, youngRetention: null, matureRetention: null };
}

function ratio(pass: number, fail: number): number | null {
  return pass + fail === 0 ? null : pass / (pass + fail);
}

/**
 * True Retention as Anki defines it (rslib/src/stats/graphs/retention.rs, the "Retention"
 * table of the statistics screen, subtitled "Pass rate of cards with an interval ≥ 1 day"):
 * - the reviews schedule/retention.ts counts (of cards in review; Again fails), only the first
 *   of a card each local day;
 * - young or mature by the interval the card had when reviewed (Anki's revlog lastIvl, the
 *   scheduled interval, here `before.scheduledDays`): mature at 21 days or more.
 * Reviews later than today's end (a clock that went back) count nowhere, as in Anki.
 * (Tallied per day by ReviewTally, then summed into the periods.)
 */
export function trueRetention(reviews: StandingReviews, now: number, dayStartHour: number): TrueRetentionRow[] {
  const today = dayNumber(localDayKey(now, dayStartHour));
  const tally = new ReviewTally(dayStartHour);
  tally.addRows(reviews.log, reviews.rows, today);
  return retentionRows(tally, today);
}

function retentionRows(tally: ReviewTally, today: number): TrueRetentionRow[] {
  return RETENTION_PERIODS.map(({ period, from, days: span }) => {
    const row = emptyRetentionRow(period);
    for (const day of tally.days.values()) {
      const ago = today - dayNumber(day.key);
      if (ago < from || ago >= from + span) continue;
      row.youngPass += day.youngPass;
      row.youngFail += day.youngFail;
      row.maturePass += day.maturePass;
      row.matureFail += day.matureFail;
    }
    row.retention = ratio(row.youngPass + row.maturePass, row.youngFail + row.matureFail);
    row.youngRetention = ratio(row.youngPass, row.youngFail);
    row.matureRetention = ratio(row.maturePass, row.matureFail);
    return row;
  });
}

/**
 * Days in a row with reviews, up to today (or yesterday, before today's first review). A day
 * with no reviews ends the run only when something was due on it (`somethingDue`, by days
 * ago): a day off with nothing to do breaks no streak; it is skipped, not counted.
 */
export function streakDays(reviewDays: ReadonlyMap<string, unknown>, todayKey: string, somethingDue: DueDays = () => true): number {
  let ago = reviewDays.has(todayKey) ? 0 : 1;
  let streak = 0;
  for (; ; ago++) {
    if (reviewDays.has(addDaysToKey(todayKey, -ago))) streak++;
    else if (ago > (somethingDue.oldest ?? 0) || somethingDue(ago)) break;
  }
  return streak;
}

/** Whether a card was due and waiting on the day `ago` days before today; `oldest`: the first day of the history. */
type DueDays = ((ago: number) => boolean) & { oldest?: number };

/**
 * The days on which some card was due and not yet reviewed, from the standing reviews: a card
 * is due from the day its review scheduled it for (that review's scheduledDays, which the next
 * review records as its `before`) until the day it was next reviewed; after its last review,
 * from its state's due date on (unless suspended). New cards waiting are not due. The spans
 * between reviews are the tally's (ReviewTally.dueDelta); the last ones come from the states.
 */
function dueDays(tally: ReviewTally, cards: StatsCards, now: number, dayStartHour: number, today: number): DueDays {
  // +1 where a span of due days begins (its newest day, fewest days ago), -1 past its oldest.
  const delta = new Map<number, number>();
  const oldest = Number.isNaN(tally.firstDay) ? 0 : Math.max(0, today - tally.firstDay);
  for (const [day, change] of tally.dueDelta) {
    if (change !== 0) delta.set(today - day, (delta.get(today - day) ?? 0) + change);
  }
  // Every card waiting due since its last review is due from today back to its due day: of
  // those spans, all from today, only the longest counts (the tally's spans never sum below
  // 0), so only the card due earliest is looked for. Only the deck's cards: one whose paper
  // left the notes can never be reviewed again, and its due date must not hold every day
  // since as a day with something due.
  const earliest = earliestDueSinceReviewed(tally, cards, now);
  if (earliest !== null) {
    const oldestAgo = new LocalDaysAgo(now, dayStartHour).of(earliest);
    if (oldestAgo >= 0) {
      delta.set(0, (delta.get(0) ?? 0) + 1);
      delta.set(oldestAgo + 1, (delta.get(oldestAgo + 1) ?? 0) - 1);
    }
  }
  const due = new Set<number>();
  const keys = [...delta.keys()].sort((a, b) => a - b);
  let open = 0;
  for (let i = 0; i < keys.length; i++) {
    // Between two keys the count holds: each day of an open stretch had something due.
    open += delta.get(keys[i]!)!;
    if (open > 0) for (let d = keys[i]!; d < Math.min(keys[i + 1] ?? oldest + 1, oldest + 1); d++) due.add(d);
  }
  return Object.assign((ago: number) => due.has(ago), { oldest });
}

/**
 * The earliest due time, at or before `now`, of a card that is not suspended and has a review
 * in the tally; null when there is none. Cards are judged by their columns first, and looked up
 * in the tally by id only from the earliest due on.
 */
function earliestDueSinceReviewed(tally: ReviewTally, { length, columns, id }: StatsCards, now: number): number | null {
  const { state, suspended, due } = columns;
  const reviewed = (i: number) => {
    const figures = tally.cards.get(id(i));
    return figures !== undefined && !Number.isNaN(figures.lastDay);
  };
  let first = -1;
  let waiting = 0;
  for (let i = 0; i < length; i++) {
    if (state[i] === NO_CARD_STATE || suspended[i] === 1 || !(due[i]! <= now)) continue;
    waiting++;
    if (first < 0 || due[i]! < due[first]!) first = i;
  }
  if (first < 0) return null;
  if (reviewed(first)) return due[first]!;
  // Rarely (a card buried or unsuspended before any review): the others, earliest first.
  const order = new Int32Array(waiting);
  let k = 0;
  for (let i = 0; i < length; i++) if (state[i] !== NO_CARD_STATE && suspended[i] !== 1 && due[i]! <= now) order[k++] = i;
  const sorted = Array.from(order).sort((a, b) => due[a]! - due[b]!);
  for (const i of sorted) if (reviewed(i)) return due[i]!;
  return null;
}

function monthKeyBefore(month: string, back: number): string {
  const year = Number(month.slice(0, 4));
  const index = year * 12 + Number(month.slice(5, 7)) - 1 - back;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Reviews and Agains on each of the last REVIEW_HISTORY_DAYS local days, oldest first, today last. */
function reviewsPerDay(tallies: ReadonlyMap<string, DayTally>, todayKey: string): DayReviews[] {
  const perDay: DayReviews[] = [];
  for (let back = REVIEW_HISTORY_DAYS - 1; back >= 0; back--) {
    const date = addDaysToKey(todayKey, -back);
    const tally = tallies.get(date);
    perDay.push({ date, reviews: tally?.reviews ?? 0, again: tally?.again ?? 0 });
  }
  return perDay;
}

/** Reviews and Agains in each of the last REVIEW_HISTORY_MONTHS months by local day, oldest first. */
function reviewsPerMonth(tallies: ReadonlyMap<string, DayTally>, todayKey: string): MonthReviews[] {
  const thisMonth = todayKey.slice(0, 7);
  const perMonth: MonthReviews[] = [];
  const monthIndex = new Map<string, MonthReviews>();
  for (let back = REVIEW_HISTORY_MONTHS - 1; back >= 0; back--) {
    const row = { month: monthKeyBefore(thisMonth, back), reviews: 0, again: 0 };
    perMonth.push(row);
    monthIndex.set(row.month, row);
  }
  for (const [date, tally] of tallies) {
    const row = monthIndex.get(date.slice(0, 7));
    if (!row) continue;
    row.reviews += tally.reviews;
    row.again += tally.again;
  }
  return perMonth;
}

/** Reviews on each local day of the last HEATMAP_WEEKS Monday-started weeks, up to today. */
function heatmap(tallies: ReadonlyMap<string, DayTally>, todayKey: string): Heatmap {
  // Monday of the week HEATMAP_WEEKS - 1 weeks back. Day keys are calendar dates, so their
  // weekday is the UTC weekday of that date whatever the time zone.
  const weekdayFromMonday = (new Date(`${todayKey}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDaysToKey(todayKey, -(weekdayFromMonday + (HEATMAP_WEEKS - 1) * 7));
  const days: Heatmap['days'] = [];
  let max = 0;
  for (let date = start; date <= todayKey; date = addDaysToKey(date, 1)) {
    const count = tallies.get(date)?.reviews ?? 0;
    max = Math.max(max, count);
    days.push({ date, reviews: count });
  }
  return { weeks: HEATMAP_WEEKS, weekStart: 'monday', days, max };
}


/**
 * Cards due on each of the next `days` local days. Overdue cards are counted on today; new and
 * suspended cards are not due; a buried card is counted on the day its bury ends if later.
 */
function forecastDue({ length, columns }: StatsCards, now: number, dayStartHour: number, days = FORECAST_DAYS): { forecast: DayCount[]; overdue: number } {
  // Start of each local day from today on: cards map to days by binary search, not Dates.
  const starts: number[] = [];
  for (let i = 0; i <= days; i++) starts.push(localDayStartOffset(now, dayStartHour, i));
  const todayKey = localDayKey(now, dayStartHour);
  const forecast = starts.slice(0, days).map((_, i) => ({ date: addDaysToKey(todayKey, i), due: 0 }));
  let overdue = 0;
  const { state, suspended, buriedUntil } = columns;
  for (let i = 0; i < length; i++) {
    const kind = state[i]!;
    if (kind === NO_CARD_STATE || suspended[i] === 1 || kind === CardStateKind.New) continue;
    const until = buriedUntil[i]!;
    const due = until > now ? Math.max(columns.due[i]!, until) : columns.due[i]!;
    if (due < starts[0]!) {
      overdue++;
      forecast[0]!.due++;
      continue;
    }
    if (due >= starts[days]!) continue;
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= due) lo = mid;
      else hi = mid - 1;
    }
    forecast[lo]!.due++;
  }
  return { forecast, overdue };
}

/** A card in the running for the hardest: HardCard's figures, its title read only when a tie needs it. */
interface HardCandidate {
  i: number;
  lapses: number;
  recall: number | null;
  retrievability: number | null;
  title: string | null;
}

function hardestCards(
  cards: StatsCards,
  retrievability: RetrievabilityAt,
  /** Each card's passes and fails among its standing reviews as a card in review, by card id. */
  record: ReadonlyMap<string, { passed: number; failed: number }>,
  limit = HARDEST_LIMIT,
): HardCard[] {
  // The `limit` hardest in order, kept as the cards are read (the order is total: ids differ),
  // rather than every card with a lapse sorted: most are passed over on their lapses alone.
  const hard: HardCandidate[] = [];
  if (limit <= 0) return [];
  const { columns } = cards;
  const titleOf = (c: HardCandidate) => (c.title ??= cards.title(c.i));
  /**
   * Most lapses first; among equals, the one recalled least often, then the one you are likeliest
   * to have forgotten now, then by title and id.
   */
  const harderFirst = (a: HardCandidate, b: HardCandidate): number => {
    const byFigures = b.lapses - a.lapses || (a.recall ?? 2) - (b.recall ?? 2) || (a.retrievability ?? 2) - (b.retrievability ?? 2);
    if (byFigures) return byFigures;
    const byTitle = titleOf(a).localeCompare(titleOf(b));
    if (byTitle) return byTitle;
    const [idA, idB] = [cards.id(a.i), cards.id(b.i)];
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };
  for (let i = 0; i < cards.length; i++) {
    const lapses = columns.lapses[i]!;
    if (columns.state[i] === NO_CARD_STATE || lapses <= 0) continue;
    if (hard.length === limit && lapses < hard[limit - 1]!.lapses) continue;
    const tally = record.get(cards.id(i));
    const candidate: HardCandidate = {
      i,
      lapses,
      recall: tally && tally.passed + tally.failed > 0 ? tally.passed / (tally.passed + tally.failed) : null,
      retrievability: retrievability(columns, i),
      title: null,
    };
    let at = hard.length;
    while (at > 0 && harderFirst(candidate, hard[at - 1]!) < 0) at--;
    if (at === limit) continue;
    hard.splice(at, 0, candidate);
    if (hard.length > limit) hard.pop();
  }
  return hard.map((c) => ({
    id: cards.id(c.i),
    title: titleOf(c),
    lapses: c.lapses,
    retrievability: c.retrievability,
    recall: c.recall,
    leech: columns.leech[c.i] === 1,
    suspended: columns.suspended[c.i] === 1,
  }));
}

/**
 * FSRS's predicted retention: the mean retrievability now of the deck's cards in review or
 * relearning (suspended and buried ones included: they are remembered or not all the same, and
 * Anki's average retrievability counts them too). Null when no card has been reviewed.
 */
function predictedRetention({ length, columns }: StatsCards, retrievability: RetrievabilityAt): { mean: number | null; cards: number } {
  let sum = 0;
  let count = 0;
  const { state } = columns;
  for (let i = 0; i < length; i++) {
    const kind = state[i];
    if (kind !== CardStateKind.Review && kind !== CardStateKind.Relearning) continue;
    const r = retrievability(columns, i);
    if (r === null) continue;
    sum += r;
    count++;
  }
  return { mean: count === 0 ? null : sum / count, cards: count };
}

/**
 * Every figure of `paperdeck stats`. The review history counts every review in the deck's log,
 * retired cards' included (those reviews happened); card counts, forecast, predicted retention
 * and the hardest cards cover the deck's current cards only.
 */
export function computeStats(input: StatsInput): DeckStats {
  const { states, cards, ...rest } = input;
  return computeStatsOf({ ...rest, cards: statsCardsOf(cards, states) });
}

/** computeStats, on the cards read by position (StatsCards): what `stats` reads from the due index. */
export function computeStatsOf(input: Omit<StatsInput, 'cards' | 'states'> & { cards: StatsCards }): DeckStats {
  const { deck, cards, settings, now } = input;
  const hour = settings.dayStartHour;
  const todayKey = localDayKey(now, hour);
  const today = dayNumber(todayKey);
  const tally = input.tally ?? (input.log ? ReviewTally.of(input.log, hour, today) : new ReviewTally(hour));
  if (tally.dayStartHour !== hour) throw new Error('computeStats: the tally counts days of another day-start hour');
  // The scheduler's forgetting curve (FSRS-6, decay w[20], elapsed time in fractional days, as
  // Anki computes it), so stats and `paperdeck cards` show the same retrievability.
  if (settings.parameters !== null && !input.retrievability) throw new Error("computeStats: a deck's own parameters need the scheduler's retrievability");
  const retrievability = retrievabilityAt(now, input.retrievability);

  const tallies: ReadonlyMap<string, DayTally> = tally.days;
  const todayTally = tallies.get(todayKey);

  const { forecast, overdue } = forecastDue(cards, now, hour);
  const predicted = predictedRetention(cards, retrievability);

  return {
    deck,
    date: todayKey,
    now: new Date(now).toISOString(),
    dayStartHour: hour,
    desiredRetention: settings.desiredRetention,
    counts: countIn(cards, now),
    today: {
      date: todayKey,
      reviews: todayTally?.reviews ?? 0,
      again: todayTally?.again ?? 0,
      seconds: Math.round((todayTally?.ms ?? 0) / 1000),
    },
    trueRetention: retentionRows(tally, today),
    predictedRetention: predicted.mean,
    predictedRetentionCards: predicted.cards,
    parameters: {
      source: settings.parameters === null ? 'default' : settings.parameters.fittedAt === null ? 'set by hand' : 'fitted',
      summary: parametersSummary(settings.parameters),
      fittedAt: settings.parameters?.fittedAt == null ? null : new Date(settings.parameters.fittedAt).toISOString(),
      reviews: settings.parameters?.reviews ?? null,
      weights: [...weightsOf(settings.parameters)],
    },
    forecast,
    overdue,
    reviewsPerDay: reviewsPerDay(tallies, todayKey),
    reviewsPerMonth: reviewsPerMonth(tallies, todayKey),
    streakDays: streakDays(tallies, todayKey, dueDays(tally, cards, now, hour, today)),
    heatmap: heatmap(tallies, todayKey),
    hardest: hardestCards(cards, retrievability, tally.cards),
  };
}
