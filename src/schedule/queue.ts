// What a study session started now would show, and in what order, as Anki's v3 scheduler
// decides it: (re)learning cards whose minute has come, reviews due today (most overdue first),
// then new cards in note order, with the daily limits reduced by what was studied earlier today.
// When nothing else is left, learning cards due within the next 20 minutes are shown early
// (Anki's "learn ahead limit"), so a session does not stall on a 10-minute step.
//
// The screen needs the counts and the one card to show, never the whole order, so the queue is
// one pass over the deck that keeps the first card of each part: no sorting, no lists.
import { UserError } from '../core/errors.js';
import { CardStateKind, type Card, type CardState, type LogEntry, type ReviewEntry, type Settings } from '../core/types.js';
import { isLearning, isSetAside } from './card-state.js';
import { localDayStart, localDayStartOffset, nextLocalDayStart } from './days.js';
import { entriesFrom, type LogTail } from './log-window.js';
import { todaysReviews } from './standing.js';

/**
 * Anki's default "learn ahead limit": a learning card due within it is shown early when nothing
 * else is left, and the session counts down to it rather than ending.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** What is still to go today, limits applied. */
export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
  /** The sum of the three. */
  total: number;
}

/** What was already studied in the current local day, as the daily limits count it. */
export interface StudiedToday {
  /** Cards whose first review was today (new cards introduced). */
  newCards: number;
  /** Answers given to cards that were in review (lapses included). */
  reviews: number;
}

/** What the queue reads of a card: only which one it is (in note order). */
export type QueueCard = Pick<Card, 'id'>;

/** What the queue reads of a card's state. */
export type QueueState = Pick<CardState, 'state' | 'due' | 'suspended' | 'buriedUntil'>;

export interface StudyQueue<C extends QueueCard = Card> {
  counts: QueueCounts;
  /** The card to show now, or null when nothing is due now. */
  next: C | null;
  /** Earliest due time of a (re)learning card in the deck that is not due yet, or null. */
  nextLearningDue: number | null;
  /**
   * When the deck next has something to show once what can be done now is done: a learning
   * card coming due, a review on a later day, a bury ending, or tomorrow's share of new cards
   * and capped reviews. Null when nothing will ever come due (everything suspended, or limits of 0).
   */
  nextDue: number | null;
}

/** Answers a card on learning step `step` (0 for a new card) still takes to leave its `steps`, answered Good. */
export function stepsLeft(steps: number, step: number): number {
  return Math.max(1, steps - Math.max(0, step));
}

export interface QueueInput<C extends QueueCard = Card> {
  /** The deck's cards in note order; retired cards are simply absent. */
  cards: readonly C[];
  states: ReadonlyMap<string, QueueState>;
  settings: Readonly<Settings>;
  now: number;
  studiedToday: StudiedToday;
  /**
   * A card to show before all others (the one an undo brought back, as in Anki), unless it has
   * left the deck or been set aside.
   */
  pinned?: string | null;
  /**
   * Studying ahead: review cards due before this time (the start of a later local day) count as
   * due today, the most overdue still first. Null or absent: only today's.
   */
  aheadUntil?: number | null;
}

/**
 * The end of a study-ahead window of `days` local days after today (`study --ahead DAYS`), for
 * buildQueue's `aheadUntil`: the start of the day after the last one; null for none.
 */
export function aheadUntil(now: number, dayStartHour: number, days: number | undefined): number | null {
  return days ? localDayStartOffset(now, dayStartHour, days + 1) : null;
}

/**
 * The settings a custom-study session counts with: `extraNew` more new cards today than the
 * daily limit allows (`study --new N`, Anki's "increase today's new card limit"), for this
 * session only; the settings file is not touched.
 */
export function withExtraNew<S extends Pick<Settings, 'newPerDay'>>(settings: S, extraNew: number | undefined): S {
  return extraNew ? { ...settings, newPerDay: settings.newPerDay + extraNew } : settings;
}

/** Today's standing reviews, and what the daily limits count of them. */
export interface TodaysStudy {
  /** The reviews given in the local day that no undo took back, in log order. */
  reviews: ReviewEntry[];
  studied: StudiedToday;
}

/**
 * What was studied in the local day holding `now`, read from `log` (entries in seq order that
 * reach back at least to that day's start; older ones are left out). The one count behind the
 * daily limits, for the study engine and for `paperdeck due` and the picker alike.
 */
export function studiedTodayIn(log: readonly LogEntry[], now: number, dayStartHour: number): TodaysStudy {
  const reviews = todaysReviews(log, now, dayStartHour);
  let newCards = 0;
  let reviewed = 0;
  for (const { before } of reviews) {
    if (before === null || before.state === CardStateKind.New) newCards += 1;
    else if (before.state === CardStateKind.Review) reviewed += 1;
  }
  return { reviews, studied: { newCards, reviews: reviewed } };
}

/** The first card of one part of the queue: the earliest due, the first in note order on a tie. */
class Earliest {
  /** The card's position in note order, or -1. */
  at = -1;
  private due = Infinity;
  count = 0;

  offer(at: number, due: number): void {
    this.count += 1;
    if (due < this.due) {
      this.at = at;
      this.due = due;
    }
  }
}

/**
 * A deck's cards in note order with what the queue reads of their states, by position: what
 * the queue walks. The cards and their states as the store gives them (a list and a map by id,
 * buildQueue), or the due index's columns (store/due-index.ts), which need not be made into
 * 10,000 objects to be counted. `stateAt` may hand back one object refilled at each call: the
 * walk reads it and keeps nothing of it.
 */
export interface QueueColumns<C extends QueueCard = QueueCard> {
  readonly length: number;
  /** The card at position `i`: asked only for the card to show, and for the pinned one's id. */
  cardAt(i: number): C;
  idAt(i: number): string;
  /** Its state, or undefined for a card never studied. */
  stateAt(i: number): QueueState | undefined;
  /**
   * The same states as four typed arrays by position, when the deck is held that way (the due
   * index): walkQueue reads them as they are (else it reads stateAt into such arrays first), and
   * throws on a `state` that is neither a CardStateKind nor NO_STATE, as stateAt does.
   */
  arrays?(): QueueArrays;
}

/** The columns' states as QueueArrays, read card by card through stateAt. */
function queueArraysOf(columns: QueueColumns): QueueArrays {
  const n = columns.length;
  const arrays = { state: new Uint8Array(n).fill(NO_STATE), due: new Float64Array(n), suspended: new Uint8Array(n), buriedUntil: new Float64Array(n).fill(Number.NaN) };
  for (let i = 0; i < n; i++) {
    const state = columns.stateAt(i);
    if (state === undefined) continue;
    arrays.state[i] = state.state;
    arrays.due[i] = state.due;
    arrays.suspended[i] = state.suspended ? 1 : 0;
    if (state.buriedUntil !== null) arrays.buriedUntil[i] = state.buriedUntil;
  }
  return arrays;
}

/** `state` in QueueArrays of a card never studied. */
export const NO_STATE = 255;

/** What the queue reads of the cards' states, a column each: `buriedUntil` is NaN for none, `suspended` 0 or 1. */
export interface QueueArrays {
  readonly state: Uint8Array;
  readonly due: Float64Array;
  readonly suspended: Uint8Array;
  readonly buriedUntil: Float64Array;
}

/** The deck's cards and their states by id, as QueueColumns. */
export function columnsOf<C extends QueueCard>(cards: readonly C[], states: ReadonlyMap<string, QueueState>): QueueColumns<C> {
  return { length: cards.length, cardAt: (i) => cards[i]!, idAt: (i) => cards[i]!.id, stateAt: (i) => states.get(cards[i]!.id) };
}

export function buildQueue<C extends QueueCard>({ cards, states, ...rest }: QueueInput<C>): StudyQueue<C> {
  return walkQueue({ columns: columnsOf(cards, states), ...rest });
}

/** buildQueue over the deck's columns. */
export function walkQueue<C extends QueueCard>({
  columns,
  settings,
  now,
  studiedToday: done,
  pinned = null,
  aheadUntil: ahead = null,
}: Omit<QueueInput<C>, 'cards' | 'states'> & { columns: QueueColumns<C> }): StudyQueue<C> {
  const tomorrow = nextLocalDayStart(now, settings.dayStartHour);
  // Reviews due before this are shown now: today's, or those of the study-ahead window.
  const reviewsUntil = ahead === null ? tomorrow : Math.max(tomorrow, ahead);
  const learnAheadUntil = now + LEARN_AHEAD_MS;
  const learningNow = new Earliest();
  const learningAhead = new Earliest();
  const reviews = new Earliest();
  let firstNew = -1;
  let newCount = 0;
  let pinnedAt = -1;
  let nextLearningDue: number | null = null;
  let nextDue: number | null = null;
  const later = (time: number) => {
    if (time > now && (nextDue === null || time < nextDue)) nextDue = time;
  };

  // Card by card over the states as arrays, without a call per card (the due index's 10,000
  // cards hold them so; other columns are read into arrays first).
  const arrays = columns.arrays?.() ?? queueArraysOf(columns);
  const { state: kinds, due: dues, suspended, buriedUntil } = arrays;
  for (let i = 0; i < columns.length; i++) {
    const kind = kinds[i]!;
    if (kind > CardStateKind.Relearning && kind !== NO_STATE) throw new Error('a state column holds a state paperdeck does not write');
    const answered = kind !== NO_STATE;
    if (answered) {
      const buried = buriedUntil[i]!;
      if (suspended[i] === 1) continue;
      // NaN, no bury, is never greater.
      if (buried > now) {
        const isNew = kind === CardStateKind.New;
        const comesBack = isNew ? settings.newPerDay > 0 : kind === CardStateKind.Learning || kind === CardStateKind.Relearning || settings.reviewsPerDay > 0;
        if (comesBack) later(isNew ? buried : Math.max(dues[i]!, buried));
        continue;
      }
    }
    if (pinned !== null && columns.idAt(i) === pinned) pinnedAt = i;
    if (!answered || kind === CardStateKind.New) {
      if (newCount === 0) firstNew = i;
      newCount += 1;
      continue;
    }
    const due = dues[i]!;
    if (kind === CardStateKind.Learning || kind === CardStateKind.Relearning) {
      if (due <= now) learningNow.offer(i, due);
      else {
        later(due);
        if (nextLearningDue === null || due < nextLearningDue) nextLearningDue = due;
        if (due <= learnAheadUntil) learningAhead.offer(i, due);
      }
    } else if (due < reviewsUntil) {
      reviews.offer(i, due);
    } else if (settings.reviewsPerDay > 0 && due > now && (nextDue === null || due < nextDue)) {
      // later(due), written out: most of a studied deck's cards are reviews on later days.
      nextDue = due;
    }
  }

  const reviewLimit = Math.max(0, settings.reviewsPerDay - done.reviews);
  const newLimit = Math.max(0, settings.newPerDay - done.newCards);
  // Due today but over today's limit: they come back tomorrow.
  if (settings.reviewsPerDay > 0 && reviews.count > reviewLimit) later(tomorrow);
  if (settings.newPerDay > 0 && newCount > newLimit) later(tomorrow);

  const review = Math.min(reviews.count, reviewLimit);
  const fresh = Math.min(newCount, newLimit);
  const learning = learningNow.count + learningAhead.count;
  const firstOf = (...ats: number[]) => ats.find((at) => at >= 0) ?? -1;
  const nextAt = firstOf(pinnedAt, learningNow.at, review > 0 ? reviews.at : -1, fresh > 0 ? firstNew : -1, learningAhead.at);
  const next = nextAt >= 0 ? columns.cardAt(nextAt) : null;
  return { counts: { new: fresh, learning, review, total: fresh + learning + review }, next, nextLearningDue, nextDue };
}

/**
 * About how many answers today's work (`counts`, from buildQueue) still takes if every card is
 * answered Good: one a review; one a learning step still ahead of each new and learning card,
 * from the step it is on (so a new card under steps of 1 min and 10 min takes two). An Again
 * puts its steps back. What the session's progress counts: the counts alone stand still while
 * cards go through their steps. Apart from buildQueue, which `due` runs on states without steps.
 */
export function answersToGo(
  { cards, states, settings, now }: Omit<QueueInput<QueueCard>, 'states' | 'studiedToday'> & { states: ReadonlyMap<string, Pick<CardState, 'learningSteps'> & QueueState> },
  counts: QueueCounts,
): number {
  const stateAt = (i: number) => states.get(cards[i]!.id);
  return answersToGoIn({ length: cards.length, stateAt, stepAt: (i) => stateAt(i)!.learningSteps }, settings, now, counts);
}

/** answersToGo over the deck's columns; `stepAt` is asked only of the learning cards counted. */
export function answersToGoIn(
  columns: Pick<QueueColumns, 'length' | 'stateAt'> & { stepAt(i: number): number },
  settings: Readonly<Settings>,
  now: number,
  counts: QueueCounts,
): number {
  let learning = 0;
  // The learning cards buildQueue counts: due now, or within the learn-ahead limit.
  for (let i = 0; i < columns.length; i++) {
    const state = columns.stateAt(i);
    if (!state || !isLearning(state) || isSetAside(state, now) || state.due > now + LEARN_AHEAD_MS) continue;
    const steps = state.state === CardStateKind.Relearning ? settings.relearningSteps.length : settings.learningSteps.length;
    learning += stepsLeft(steps, columns.stepAt(i));
  }
  return counts.review + counts.new * stepsLeft(settings.learningSteps.length, 0) + learning;
}

/** The part of the store's DeckState the queue reads: the cards' states and the log's end. */
export interface DeckProgress extends LogTail {
  cardStates(): ReadonlyMap<string, QueueState>;
}

/**
 * A deck's queue right now, read from its state: its cards and their states from the store, or
 * its columns (the due index) with the log's end the day's limits are read from.
 */
export function queueForDeck<C extends QueueCard>(
  opts: ({ deck: DeckProgress; cards: readonly C[] } | { deck: LogTail; columns: QueueColumns<C> }) & {
    settings: Readonly<Settings>;
    now: number;
    aheadUntil?: number | null;
  },
): StudyQueue<C> {
  const { deck, settings, now } = opts;
  const { studied } = studiedTodayIn(entriesFrom(deck, localDayStart(now, settings.dayStartHour)), now, settings.dayStartHour);
  const columns = 'columns' in opts ? opts.columns : columnsOf(opts.cards, opts.deck.cardStates());
  return walkQueue({ columns, settings, now, studiedToday: studied, aheadUntil: opts.aheadUntil ?? null });
}

/** One deck's counts for `paperdeck due` and the study deck picker, or why there are none. */
export interface DeckDueCounts {
  deck: string;
  /** Null when the deck was not counted; `remark` or `error` says why. */
  counts: QueueCounts | null;
  /** Why `cardsOf` left the deck uncounted ("notes changed"), or null. */
  remark: string | null;
  /** The error that left the deck uncounted, or null. */
  error: UserError | null;
}

/**
 * What a study session started now would show in each deck, daily limits applied. `cardsOf`
 * gives a deck's current cards, or a remark saying why they are not counted. A UserError while
 * reading a deck's cards leaves that deck uncounted, and the others are still counted: one bad
 * deck must not blank a shell prompt or the picker. A UserError while reading a deck's state
 * (a damaged log) does the same with `unreadableState: 'skip'` (the picker, from which the deck
 * can still be opened to see what is wrong); with 'throw' (`paperdeck due`) it fails the count,
 * so a script sees a damaged state as a failure.
 */
export async function deckDueCounts(opts: {
  names: readonly string[];
  store: { deck(name: string): DeckProgress };
  settings: Readonly<Settings>;
  now: number;
  cardsOf: (deck: string) => readonly QueueCard[] | string | Promise<readonly QueueCard[] | string>;
  unreadableState: 'skip' | 'throw';
  /** Studying ahead: count the reviews due before this too (buildQueue). */
  aheadUntil?: number | null;
}): Promise<DeckDueCounts[]> {
  const { store, settings, now, cardsOf } = opts;
  const counted: DeckDueCounts[] = [];
  for (const deck of opts.names) {
    let cards: readonly QueueCard[] | string;
    try {
      cards = await cardsOf(deck);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      counted.push({ deck, counts: null, remark: null, error });
      continue;
    }
    if (typeof cards === 'string') {
      counted.push({ deck, counts: null, remark: cards, error: null });
      continue;
    }
    try {
      const { counts } = queueForDeck({ deck: store.deck(deck), cards, settings, now, aheadUntil: opts.aheadUntil ?? null });
      counted.push({ deck, counts, remark: null, error: null });
    } catch (error) {
      if (!(error instanceof UserError) || opts.unreadableState === 'throw') throw error;
      counted.push({ deck, counts: null, remark: null, error });
    }
  }
  return counted;
}
