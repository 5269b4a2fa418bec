// The study engine behind the review screen: which card to show, what each grade would do,
// and every answer, bury, suspend and undo written to the deck's log (the store fsyncs each
// entry before append returns) before the next card is shown. No Ink, no React: the screen
// only calls these functions.
import type { Clock } from '../core/clock.js';
import { CardStateKind, type Card, type CardState, type LogEntry, type Rating, type Settings } from '../core/types.js';
import { localDayStart, nextLocalDayStart } from './days.js';
import { entriesFrom, type LogTail } from './logWindow.js';
import { buildQueue, nextDueAfterNow, studiedToday, undoneSeqs, type QueueInput, type StudyQueue } from './queue.js';
import { newCardState, RATINGS, Scheduler } from './scheduler.js';
import { unsuspendedState } from './unsuspend.js';

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface IntervalPreview {
  rating: Rating;
  label: string;
  due: number;
}

export interface StudySummary {
  reviewed: number;
  again: number;
  ms: number;
  /** Today's pass rate over the first review of the day of each review card, or null. */
  retention: number | null;
}

export interface StudyEngine {
  /** Still to go, limits applied. */
  counts(): QueueCounts;
  /** The card to show now, or null when nothing is due now. */
  current(): Card | null;
  /** The four grades, in order 1..4. */
  previews(cardId: string): IntervalPreview[];
  /**
   * Persisted (fsync) before returning; applies the leech rule. Returns the card's new state, so
   * the screen can say when the answer made it a leech (suspended).
   */
  answer(cardId: string, rating: Rating, ms: number): CardState;
  /**
   * Takes back the last rating, bury or suspend this engine made (repeatable, back to the start
   * of this session, as in Anki: never an answer from an earlier session or day); returns the
   * card to show again, or null when this session has nothing left to undo.
   */
  undo(): Card | null;
  /** Until the next local day. */
  bury(cardId: string): void;
  suspend(cardId: string): void;
  /** Puts a suspended card back in the queue (its leech flag stays). */
  unsuspend(cardId: string): void;
  /** When a learning card comes due later (for "back in 4m"), or null. */
  nextLearningDue(): number | null;
  /** Earliest due after today's work (for the end screen), or null. */
  nextDue(): number | null;
  /** Today's work on this deck. */
  summary(): StudySummary;
  /** After regeneration (the `e` key): the new list of cards; their states are kept. */
  replaceCards(cards: Card[]): void;
}

/** A log entry as handed to the store, which numbers it. */
export type NewLogEntry = LogEntry extends infer E ? (E extends LogEntry ? Omit<E, 'seq'> : never) : never;

/** What the engine needs of a deck's state (the store's DeckState has this shape). */
export interface StudyDeck extends LogTail {
  readonly name: string;
  cardStates(): ReadonlyMap<string, CardState>;
  /** Appends to the log, on disk (fsync) before it returns; the entry's `after` becomes the card's state. */
  append(entry: NewLogEntry): LogEntry;
}

const UNDOABLE = new Set<LogEntry['kind']>(['review', 'bury', 'suspend']);

export function createStudyEngine(opts: { deck: StudyDeck; cards: Card[]; settings: Settings; clock: Clock }): StudyEngine {
  const { deck, settings, clock } = opts;
  const scheduler = new Scheduler(settings);
  const hour = settings.dayStartHour;
  let cards = [...opts.cards];
  const states = new Map(deck.cardStates());
  // Log entries from the start of the local day in which the engine (re)read the log: enough
  // for today's limits and summary without holding years of history.
  let recent: LogEntry[] = [];
  let recentFrom = 0;
  /** A card brought back by undo is shown next, as in Anki. */
  let pinned: string | null = null;
  /**
   * What this engine wrote and has not taken back, latest last: all that undo may reach. The
   * log before this session is out of its reach (a rating from last week is not the user's
   * "last action", and undoing it could lift a leech's suspension behind their back).
   */
  const undoable: LogEntry[] = [];

  function loadRecent(now: number): void {
    recentFrom = localDayStart(now, hour);
    recent = entriesFrom(deck, recentFrom);
  }
  loadRecent(clock.now());

  function todaysEntries(now: number): LogEntry[] {
    // A clock set back before the window (tests, PAPERDECK_NOW) needs older entries.
    if (localDayStart(now, hour) < recentFrom) loadRecent(now);
    return recent;
  }

  function input(now: number): QueueInput {
    return { cards, states, settings, now, studiedToday: studiedToday(todaysEntries(now), now, hour) };
  }

  function queue(now: number): StudyQueue {
    return buildQueue(input(now));
  }

  function cardById(cardId: string): Card | undefined {
    return cards.find((card) => card.id === cardId);
  }

  function requireCard(cardId: string): void {
    if (!cardById(cardId)) throw new Error(`no card ${cardId} in deck ${deck.name}`);
  }

  function record(entry: NewLogEntry): void {
    const written = deck.append(entry);
    states.set(written.card, written.after);
    recent.push(written);
    if (written.kind !== 'undo') undoable.push(written);
    if (pinned === written.card) pinned = null;
  }

  function flag(cardId: string, kind: 'bury' | 'suspend' | 'unsuspend', change: (state: CardState, now: number) => CardState): void {
    requireCard(cardId);
    const now = clock.now();
    const before = states.get(cardId) ?? null;
    record({ kind, at: now, card: cardId, before, after: change(before ?? newCardState(), now) });
  }

  return {
    counts() {
      const { new: fresh, learning, review } = queue(clock.now()).counts;
      return { new: fresh, learning, review };
    },

    current() {
      const now = clock.now();
      if (pinned !== null) {
        const card = cardById(pinned);
        const state = states.get(pinned);
        const setAside = state && (state.suspended || (state.buriedUntil !== null && state.buriedUntil > now));
        if (card && !setAside) return card;
        pinned = null;
      }
      return queue(now).next;
    },

    previews(cardId) {
      const preview = scheduler.preview(cardId, states.get(cardId) ?? newCardState(), clock.now());
      return RATINGS.map((rating) => ({ rating, label: preview[rating].intervalLabel, due: preview[rating].after.due }));
    },

    answer(cardId, rating, ms) {
      requireCard(cardId);
      if (!RATINGS.includes(rating)) throw new Error(`invalid rating ${String(rating)}`);
      const now = clock.now();
      const before = states.get(cardId) ?? null;
      const after = scheduler.answer(cardId, before ?? newCardState(), rating, now);
      record({ kind: 'review', at: now, card: cardId, before, after, rating, ms: Math.max(0, Math.round(ms)) });
      return after;
    },

    undo() {
      const target = undoable.at(-1);
      // Only ratings, buries and suspends are taken back; an unsuspend stops undo so no later
      // change is silently overwritten.
      if (!target || !UNDOABLE.has(target.kind)) return null;
      const now = clock.now();
      record({
        kind: 'undo',
        at: now,
        card: target.card,
        undoes: target.seq,
        before: states.get(target.card) ?? null,
        after: target.before ?? newCardState(),
      });
      undoable.pop(); // only once the undo is on disk: a failed write leaves it to try again
      const card = cardById(target.card);
      pinned = card ? card.id : null;
      return card ?? null;
    },

    bury(cardId) {
      flag(cardId, 'bury', (state, now) => ({ ...state, buriedUntil: nextLocalDayStart(now, hour) }));
    },

    suspend(cardId) {
      flag(cardId, 'suspend', (state) => ({ ...state, suspended: true }));
    },

    unsuspend(cardId) {
      flag(cardId, 'unsuspend', unsuspendedState);
    },

    nextLearningDue() {
      return queue(clock.now()).nextLearningDue;
    },

    nextDue() {
      return nextDueAfterNow(input(clock.now()));
    },

    summary() {
      const now = clock.now();
      const start = localDayStart(now, hour);
      const end = nextLocalDayStart(now, hour);
      const entries = todaysEntries(now);
      const undone = undoneSeqs(entries);
      const seen = new Set<string>();
      let reviewed = 0;
      let again = 0;
      let ms = 0;
      let passed = 0;
      let failed = 0;
      for (const entry of entries) {
        if (entry.kind !== 'review' || entry.at < start || entry.at >= end || undone.has(entry.seq)) continue;
        reviewed += 1;
        if (entry.rating === 1) again += 1;
        ms += entry.ms;
        if (seen.has(entry.card)) continue;
        seen.add(entry.card);
        if (entry.before?.state === CardStateKind.Review) {
          if (entry.rating === 1) failed += 1;
          else passed += 1;
        }
      }
      return { reviewed, again, ms, retention: passed + failed > 0 ? passed / (passed + failed) : null };
    },

    replaceCards(next) {
      cards = [...next];
      if (pinned !== null && !cardById(pinned)) pinned = null;
    },
  };
}
