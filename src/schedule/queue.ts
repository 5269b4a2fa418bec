// What a study session started now would show, and in what order, as Anki's v3 scheduler
// decides it: (re)learning cards whose minute has come, reviews due today (most overdue first),
// then new cards in note order, with the daily limits reduced by what was studied earlier today.
// When nothing else is left, learning cards due within the next 20 minutes are shown early
// (Anki's "learn ahead limit"), so a session does not stall on a 10-minute step.
import { CardStateKind, type Card, type CardState, type LogEntry, type Settings } from '../core/types.js';
import { localDayStart, nextLocalDayStart } from './days.js';
import { entriesFrom, type LogTail } from './logWindow.js';
import { isLearning } from './cardState.js';

/** Anki's default "learn ahead limit". */
export const LEARN_AHEAD_MS = 20 * 60_000;

export type QueueKind = 'learning' | 'review' | 'new';

export interface QueueCountsWithTotal {
  new: number;
  learning: number;
  review: number;
  total: number;
}

/** What was already studied in the current local day, as the daily limits count it. */
export interface StudiedToday {
  /** Cards whose first review was today (new cards introduced). */
  newCards: number;
  /** Answers given to cards that were in review (lapses included). */
  reviews: number;
}

export interface StudyQueue {
  counts: QueueCountsWithTotal;
  /** The card to show now, or null when nothing is due now. */
  next: Card | null;
  nextKind: QueueKind | null;
  /** Card ids in the order a session would show them now. */
  order: string[];
  /** Earliest due time of a (re)learning card in the deck that is not due yet, or null. */
  nextLearningDue: number | null;
}

export interface QueueInput {
  /** The deck's cards in note order; retired cards are simply absent. */
  cards: readonly Card[];
  states: ReadonlyMap<string, CardState>;
  settings: Readonly<Settings>;
  now: number;
  studiedToday: StudiedToday;
}

/** Whether a card with this state is out of the queue for now (suspended, or buried). */
export function isSetAside(state: CardState | undefined, now: number): boolean {
  if (!state) return false;
  return state.suspended || (state.buriedUntil !== null && state.buriedUntil > now);
}

/** Log entries that were taken back by a later undo. */
export function undoneSeqs(entries: Iterable<LogEntry>): Set<number> {
  const undone = new Set<number>();
  for (const entry of entries) if (entry.kind === 'undo') undone.add(entry.undoes);
  return undone;
}

/**
 * Counts what the daily limits count in the local day holding `now`: new cards introduced and
 * answers to review cards, leaving out anything undone. `entries` may hold more than today.
 */
export function studiedToday(entries: readonly LogEntry[], now: number, dayStartHour: number): StudiedToday {
  const start = localDayStart(now, dayStartHour);
  const end = nextLocalDayStart(now, dayStartHour);
  const undone = undoneSeqs(entries);
  let newCards = 0;
  let reviews = 0;
  for (const entry of entries) {
    if (entry.kind !== 'review' || entry.at < start || entry.at >= end || undone.has(entry.seq)) continue;
    const before = entry.before;
    if (before === null || before.state === CardStateKind.New) newCards += 1;
    else if (before.state === CardStateKind.Review) reviews += 1;
  }
  return { newCards, reviews };
}

export function buildQueue({ cards, states, settings, now, studiedToday: done }: QueueInput): StudyQueue {
  const tomorrow = nextLocalDayStart(now, settings.dayStartHour);
  const learningNow: { card: Card; due: number }[] = [];
  const learningAhead: { card: Card; due: number }[] = [];
  const reviews: { card: Card; due: number; index: number }[] = [];
  const fresh: Card[] = [];
  let nextLearningDue: number | null = null;

  cards.forEach((card, index) => {
    const state = states.get(card.id);
    if (isSetAside(state, now)) return;
    if (!state || state.state === CardStateKind.New) {
      fresh.push(card);
    } else if (isLearning(state)) {
      if (state.due <= now) learningNow.push({ card, due: state.due });
      else {
        if (state.due <= now + LEARN_AHEAD_MS) learningAhead.push({ card, due: state.due });
        if (nextLearningDue === null || state.due < nextLearningDue) nextLearningDue = state.due;
      }
    } else if (state.due < tomorrow) {
      reviews.push({ card, due: state.due, index });
    }
  });

  const byDue = (a: { due: number }, b: { due: number }) => a.due - b.due;
  learningNow.sort(byDue);
  learningAhead.sort(byDue);
  reviews.sort((a, b) => a.due - b.due || a.index - b.index);

  const reviewLimit = Math.max(0, settings.reviewsPerDay - done.reviews);
  const newLimit = Math.max(0, settings.newPerDay - done.newCards);
  const dueReviews = reviews.slice(0, reviewLimit).map((r) => r.card);
  const dueNew = fresh.slice(0, newLimit);

  const order = [
    ...learningNow.map((l) => l.card),
    ...dueReviews,
    ...dueNew,
    ...learningAhead.map((l) => l.card),
  ];
  let nextKind: QueueKind | null = null;
  if (learningNow.length) nextKind = 'learning';
  else if (dueReviews.length) nextKind = 'review';
  else if (dueNew.length) nextKind = 'new';
  else if (learningAhead.length) nextKind = 'learning';

  const counts = {
    new: dueNew.length,
    learning: learningNow.length + learningAhead.length,
    review: dueReviews.length,
    total: 0,
  };
  counts.total = counts.new + counts.learning + counts.review;
  return { counts, next: order[0] ?? null, nextKind, order: order.map((c) => c.id), nextLearningDue };
}

/**
 * When the deck next has something to show once what can be done now is done: a learning card
 * coming due, a review on a later day, or tomorrow's share of new cards and capped reviews.
 * Null when nothing will ever come due (everything suspended, or limits of 0).
 */
export function nextDueAfterNow({ cards, states, settings, now, studiedToday: done }: QueueInput): number | null {
  const tomorrow = nextLocalDayStart(now, settings.dayStartHour);
  let earliest: number | null = null;
  const consider = (time: number) => {
    if (time > now && (earliest === null || time < earliest)) earliest = time;
  };
  let dueReviewsToday = 0;
  let newCards = 0;
  for (const card of cards) {
    const state = states.get(card.id);
    if (state?.suspended) continue;
    const buriedUntil = state?.buriedUntil !== null && state?.buriedUntil !== undefined && state.buriedUntil > now ? state.buriedUntil : null;
    if (!state || state.state === CardStateKind.New) {
      if (settings.newPerDay > 0) {
        if (buriedUntil !== null) consider(buriedUntil);
        else newCards += 1;
      }
    } else if (isLearning(state)) {
      consider(Math.max(state.due, buriedUntil ?? 0));
    } else if (settings.reviewsPerDay > 0) {
      if (buriedUntil !== null) consider(Math.max(state.due, buriedUntil));
      else if (state.due >= tomorrow) consider(state.due);
      else dueReviewsToday += 1;
    }
  }
  // Due today but over today's limit: they come back tomorrow.
  if (dueReviewsToday > Math.max(0, settings.reviewsPerDay - done.reviews)) consider(tomorrow);
  if (newCards > Math.max(0, settings.newPerDay - done.newCards)) consider(tomorrow);
  return earliest;
}

/** A deck's queue right now, read from its state: what `paperdeck due` reports. */
export function queueForDeck(opts: {
  deck: LogTail & { cardStates(): ReadonlyMap<string, CardState> };
  cards: readonly Card[];
  settings: Readonly<Settings>;
  now: number;
}): StudyQueue {
  const { deck, cards, settings, now } = opts;
  const today = entriesFrom(deck, localDayStart(now, settings.dayStartHour));
  return buildQueue({ cards, states: deck.cardStates(), settings, now, studiedToday: studiedToday(today, now, settings.dayStartHour) });
}
