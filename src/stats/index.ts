// Retention statistics: every figure `paperdeck stats` shows, computed here from plain data
// (the deck's review log, its cards' current states, its cards and the settings) by pure
// functions. Nothing here reads files or the clock: `now` is handed in.
//
// Days are the user's local days (process time zone, starting at settings.dayStartHour), from
// schedule/days.ts, so a review at 03:30 with a 4 a.m. day start belongs to the day before.
import { parametersSummary, weightsOf } from '../schedule/parameters.js';
import { CardStateKind, LogKindCode } from '../core/types.js';
import type { Card, CardState, LogFacts, Settings } from '../core/types.js';
import { addDaysToKey, dayKeyDiff, LocalDayFinder, localDayKey, localDayStartOffset } from '../schedule/days.js';
import { isBuried } from '../schedule/card-state.js';
import { Scheduler } from '../schedule/scheduler.js';
import { undoneSeqs } from '../schedule/standing.js';
import { retentionOutcome } from '../schedule/retention.js';

/** Anki's threshold: a review card is mature once its interval reaches 21 days. */
export const MATURE_INTERVAL_DAYS = 21;
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
  /** The deck's whole review log, as the store's readLogFacts() gives it. */
  log: LogFacts;
  states: ReadonlyMap<string, CardState>;
  /** The deck's current cards; retired cards are not among them. */
  cards: readonly Card[];
  settings: Settings;
  now: number;
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

/** Probability of recall now, from the card's FSRS state; null for a card never reviewed. */
export type Retrievability = (state: CardState, now: number) => number | null;

/** Defined with the other card-state facts; `paperdeck cards` reads it from here. */
export { isBuried };

export function countCards(cards: readonly Card[], states: ReadonlyMap<string, CardState>, now: number): CardCounts {
  const counts: CardCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, buried: 0, leech: 0, total: 0 };
  for (const card of cards) {
    counts.total++;
    const state = states.get(card.id);
    if (!state) {
      counts.new++;
      continue;
    }
    if (state.leech) counts.leech++;
    if (state.suspended) counts.suspended++;
    else if (isBuried(state, now)) counts.buried++;
    else if (state.state === CardStateKind.New) counts.new++;
    else if (state.state === CardStateKind.Learning) counts.learning++;
    else if (state.state === CardStateKind.Review) counts.review++;
    else counts.relearning++;
  }
  return counts;
}

interface DayTally {
  reviews: number;
  again: number;
  ms: number;
}

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
 */
export function trueRetention(reviews: StandingReviews, now: number, dayStartHour: number): TrueRetentionRow[] {
  // Tallied per day back from today first (young pass, young fail, mature pass, mature fail),
  // then summed into the periods: one array increment per review.
  const perDay: number[] = [];
  const days = new LocalDayFinder(dayStartHour, localDayKey(now, dayStartHour));
  const { log, rows } = reviews;
  const { at, card, rating, beforeState, beforeScheduledDays } = log;
  // Per card (by its index in the log), the day back from today last counted; -1: none yet.
  const lastCountedDay = new Int32Array(log.cardIds.length).fill(-1);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const outcome = retentionOutcome(beforeState[row], rating[row]!);
    if (outcome === null) continue;
    days.moveTo(at[row]!);
    const ago = days.daysAgo;
    if (!(ago >= 0) || lastCountedDay[card[row]!] === ago) continue; // future (or bad) times count nowhere
    lastCountedDay[card[row]!] = ago;
    const slot = ago * 4 + (beforeScheduledDays[row]! >= MATURE_INTERVAL_DAYS ? 2 : 0) + (outcome === 'fail' ? 1 : 0);
    while (perDay.length <= slot) perDay.push(0);
    perDay[slot]!++;
  }
  const dayCount = Math.ceil(perDay.length / 4);
  return RETENTION_PERIODS.map(({ period, from, days: span }) => {
    const row = emptyRetentionRow(period);
    for (let ago = from; ago < Math.min(dayCount, from + span); ago++) {
      row.youngPass += perDay[ago * 4] ?? 0;
      row.youngFail += perDay[ago * 4 + 1] ?? 0;
      row.maturePass += perDay[ago * 4 + 2] ?? 0;
      row.matureFail += perDay[ago * 4 + 3] ?? 0;
    }
    row.retention = ratio(row.youngPass + row.maturePass, row.youngFail + row.matureFail);
    row.youngRetention = ratio(row.youngPass, row.youngFail);
    row.matureRetention = ratio(row.maturePass, row.matureFail);
    return row;
  });
}

/** Reviews per local day (key "YYYY-MM-DD"), up to the end of today. */
function tallyDays(reviews: StandingReviews, now: number, dayStartHour: number): Map<string, DayTally> {
  const tallies = new Map<string, DayTally>();
  const days = new LocalDayFinder(dayStartHour, localDayKey(now, dayStartHour));
  const { rows, log } = reviews;
  const { at, rating, ms } = log;
  let tally: DayTally | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (days.moveTo(at[row]!) || tally === undefined) {
      if (!(days.daysAgo >= 0)) {
        tally = undefined;
        continue;
      }
      tally = tallies.get(days.key);
      if (!tally) tallies.set(days.key, (tally = { reviews: 0, again: 0, ms: 0 }));
    }
    tally.reviews++;
    if (rating[row] === 1) tally.again++;
    const answerMs = ms[row]!;
    tally.ms += Number.isFinite(answerMs) && answerMs > 0 ? answerMs : 0;
  }
  return tallies;
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
 * from its state's due date on (unless suspended). New cards waiting are not due.
 */
function dueDays(reviews: StandingReviews, states: ReadonlyMap<string, CardState>, now: number, dayStartHour: number): DueDays {
  const { rows, log } = reviews;
  const { at, card, beforeScheduledDays } = log;
  const todayKey = localDayKey(now, dayStartHour);
  const days = new LocalDayFinder(dayStartHour, todayKey);
  const lastAgo = new Float64Array(log.cardIds.length).fill(NaN);
  // +1 where a span of due days begins (its newest day, fewest days ago), -1 past its oldest.
  const delta = new Map<number, number>();
  let oldest = 0;
  const mark = (newestAgo: number, oldestAgo: number) => {
    const from = Math.max(0, newestAgo);
    if (oldestAgo < from) return;
    delta.set(from, (delta.get(from) ?? 0) + 1);
    delta.set(oldestAgo + 1, (delta.get(oldestAgo + 1) ?? 0) - 1);
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    days.moveTo(at[row]!);
    const ago = days.daysAgo;
    if (!(ago >= 0)) continue;
    oldest = Math.max(oldest, ago);
    const c = card[row]!;
    const previous = lastAgo[c]!;
    const interval = beforeScheduledDays[row]!;
    // Due (previous - interval) days ago, waiting until the day before this review.
    if (!Number.isNaN(previous) && Number.isFinite(interval)) mark(ago + 1, previous - Math.round(interval));
    lastAgo[c] = ago;
  }
  for (let c = 0; c < lastAgo.length; c++) {
    if (Number.isNaN(lastAgo[c]!)) continue;
    const state = states.get(log.cardIds[c]!);
    if (!state || state.suspended || !(state.due <= now)) continue;
    mark(0, dayKeyDiff(localDayKey(state.due, dayStartHour), todayKey));
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
export function forecastDue(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  now: number,
  dayStartHour: number,
  days = FORECAST_DAYS,
): { forecast: DayCount[]; overdue: number } {
  // Start of each local day from today on: cards map to days by binary search, not Dates.
  const starts: number[] = [];
  for (let i = 0; i <= days; i++) starts.push(localDayStartOffset(now, dayStartHour, i));
  const todayKey = localDayKey(now, dayStartHour);
  const forecast = starts.slice(0, days).map((_, i) => ({ date: addDaysToKey(todayKey, i), due: 0 }));
  let overdue = 0;
  for (const card of cards) {
    const state = states.get(card.id);
    if (!state || state.suspended || state.state === CardStateKind.New) continue;
    const due = isBuried(state, now) ? Math.max(state.due, state.buriedUntil!) : state.due;
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

/** Each card's passes and fails among its standing reviews as a card in review, by card id. */
function reviewRecord(reviews: StandingReviews): Map<string, { passed: number; failed: number }> {
  const { log, rows } = reviews;
  const record = new Map<string, { passed: number; failed: number }>();
  for (const row of rows) {
    if (log.beforeState[row] !== CardStateKind.Review) continue;
    const id = log.cardIds[log.card[row]!]!;
    const tally = record.get(id) ?? { passed: 0, failed: 0 };
    if (log.rating[row] === 1) tally.failed++;
    else tally.passed++;
    record.set(id, tally);
  }
  return record;
}

export function hardestCards(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  now: number,
  retrievabilityNow: Retrievability,
  reviews: StandingReviews | null = null,
  limit = HARDEST_LIMIT,
): HardCard[] {
  const record = reviews ? reviewRecord(reviews) : new Map<string, { passed: number; failed: number }>();
  const hard: HardCard[] = [];
  for (const card of cards) {
    const state = states.get(card.id);
    if (!state || state.lapses <= 0) continue;
    const tally = record.get(card.id);
    hard.push({
      id: card.id,
      title: card.title,
      lapses: state.lapses,
      retrievability: retrievabilityNow(state, now),
      recall: tally && tally.passed + tally.failed > 0 ? tally.passed / (tally.passed + tally.failed) : null,
      leech: state.leech,
      suspended: state.suspended,
    });
  }
  // Most lapses first; among equals, the one recalled least often, then the one you are
  // likeliest to have forgotten now.
  hard.sort(
    (a, b) =>
      b.lapses - a.lapses ||
      (a.recall ?? 2) - (b.recall ?? 2) ||
      (a.retrievability ?? 2) - (b.retrievability ?? 2) ||
      a.title.localeCompare(b.title) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return hard.slice(0, limit);
}

/**
 * FSRS's predicted retention: the mean retrievability now of the deck's cards in review or
 * relearning (suspended and buried ones included: they are remembered or not all the same, and
 * Anki's average retrievability counts them too). Null when no card has been reviewed.
 */
export function predictedRetention(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  now: number,
  retrievabilityNow: Retrievability,
): { mean: number | null; cards: number } {
  let sum = 0;
  let count = 0;
  for (const card of cards) {
    const state = states.get(card.id);
    if (!state || (state.state !== CardStateKind.Review && state.state !== CardStateKind.Relearning)) continue;
    const r = retrievabilityNow(state, now);
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
  const { deck, log, states, cards, settings, now } = input;
  const hour = settings.dayStartHour;
  const todayKey = localDayKey(now, hour);
  const reviews = effectiveReviews(log);

  const tallies = tallyDays(reviews, now, hour);
  const todayTally = tallies.get(todayKey);

  const { forecast, overdue } = forecastDue(cards, states, now, hour);
  // The scheduler's forgetting curve (FSRS-6, decay w[20], elapsed time in fractional days, as
  // Anki computes it), so stats and `paperdeck cards` show the same retrievability.
  const scheduler = new Scheduler(settings);
  const retrievabilityNow: Retrievability = (state, at) => scheduler.retrievability(state, at);
  const predicted = predictedRetention(cards, states, now, retrievabilityNow);

  return {
    deck,
    date: todayKey,
    now: new Date(now).toISOString(),
    dayStartHour: hour,
    desiredRetention: settings.desiredRetention,
    counts: countCards(cards, states, now),
    today: {
      date: todayKey,
      reviews: todayTally?.reviews ?? 0,
      again: todayTally?.again ?? 0,
      seconds: Math.round((todayTally?.ms ?? 0) / 1000),
    },
    trueRetention: trueRetention(reviews, now, hour),
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
    streakDays: streakDays(tallies, todayKey, dueDays(reviews, states, now, hour)),
    heatmap: heatmap(tallies, todayKey),
    hardest: hardestCards(cards, states, now, retrievabilityNow, reviews),
  };
}
