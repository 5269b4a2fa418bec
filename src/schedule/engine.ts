// The study engine behind the review screen: which card to show, what each grade would do,
// and every answer, bury, suspend and undo written to the deck's log (the store fsyncs each
// entry before append returns) before the next card is shown. No Ink, no React: the session
// runner (session/runner.ts) calls these functions and hands the screen what they return.
import type { Clock } from '../core/clock.js';
import type { Card, CardState, LogEntry, LogFacts, NewLogEntry, Rating, ReviewEntry, Settings } from '../core/types.js';

export type { NewLogEntry };
import { localDayStart, nextLocalDayStart } from './days.js';
import { entriesFrom, type LogTail } from './log-window.js';
import { retentionOutcome } from './retention.js';
import { aheadUntil, answersToGo, buildQueue, studiedTodayIn, withExtraNew, type QueueCounts, type StudiedToday } from './queue.js';
import { replayMemory, withMemory, type MemoryState } from './memory.js';
import { reviewsByCard } from './reviews.js';
import { newCardState, RATING_NAMES, RATINGS, Scheduler } from './scheduler.js';

export type { QueueCounts } from './queue.js';

export interface IntervalPreview {
  rating: Rating;
  /** The grade's name: Again, Hard, Good, Easy. */
  name: string;
  /** The interval it would give: "6 min", "3 d". */
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

/** Where the session stands now: all of it from one pass over the deck. */
export interface StudyView {
  /** Still to go, limits applied. */
  counts: QueueCounts;
  /** The card to show now (after an undo, the card brought back), or null when nothing is due now. */
  card: Card | null;
  /** When a learning card comes due later (for "back in 4 min"), or null. */
  nextLearningDue: number | null;
  /** Earliest due after today's work (for the end screen), or null. */
  nextDue: number | null;
  /** About how many answers today's work still takes (queue.ts: answersToGo). */
  answersToGo: number;
}

export interface StudyEngine {
  /** The queue as it stands now. */
  view(): StudyView;
  /** The four grades, in order 1..4, as they would be answered at `now` (default: the clock's now). */
  previews(cardId: string, now?: number): IntervalPreview[];
  /**
   * Persisted (fsync) before returning; applies the leech rule. Returns the card's new state, so
   * the screen can say when the answer made it a leech (suspended). `shownAt` is the instant the
   * previews on screen were computed for: when a local day has begun since, the answer is given
   * as of the last moment of the day they were shown in, so the grade does what it showed.
   */
  answer(cardId: string, rating: Rating, ms: number, shownAt?: number): CardState;
  /**
   * Takes back the last rating, bury or suspend this engine made (repeatable, back to the start
   * of this session, as in Anki: never an answer from an earlier session or day); returns the
   * card, which the view then shows first, or null when this session has nothing left to undo.
   */
  undo(): Card | null;
  /** What undo() would take back now: a rating (one answer less), a bury or suspend, or nothing. */
  nextUndo(): 'rating' | 'flag' | null;
  /** Until the next local day. */
  bury(cardId: string): void;
  suspend(cardId: string): void;
  /** Today's work on this deck. */
  summary(): StudySummary;
  /** After regeneration (the `e` key): the new list of cards; their states are kept. */
  replaceCards(cards: Card[]): void;
}


/** What the engine needs of a deck's state (the store's DeckState has this shape). */
export interface StudyDeck extends LogTail {
  readonly name: string;
  /** Every card's state now: append keeps it current, and the engine reads it as it is. */
  cardStates(): ReadonlyMap<string, CardState>;
  /** Appends to the log, on disk (fsync) before it returns; the entry's `after` becomes the card's state in cardStates(). */
  append(entry: NewLogEntry): LogEntry;
}

/** Today's standing reviews, and what the daily limits and the summary make of them. */
interface Today {
  /** The local day they were counted for. */
  start: number;
  /** The seq of the newest entry read when they were counted. */
  seq: number;
  studied: StudiedToday;
  summary: StudySummary;
}

/** Today's summary from its standing reviews, in log order. */
export function summarize(reviews: readonly ReviewEntry[]): StudySummary {
  const seen = new Set<string>();
  let again = 0;
  let ms = 0;
  let passed = 0;
  let failed = 0;
  for (const entry of reviews) {
    if (entry.rating === 1) again += 1;
    ms += entry.ms;
    const outcome = retentionOutcome(entry.before?.state, entry.rating);
    if (outcome === null || seen.has(entry.card)) continue;
    seen.add(entry.card);
    if (outcome === 'fail') failed += 1;
    else passed += 1;
  }
  return { reviewed: reviews.length, again, ms, retention: passed + failed > 0 ? passed / (passed + failed) : null };
}

/** The four grades of the card `cardId` in `state`, in order 1..4, as they would be answered at `now`. */
export function previewsOf(scheduler: Scheduler, cardId: string, state: CardState, now: number): IntervalPreview[] {
  const preview = scheduler.preview(cardId, state, now);
  return RATINGS.map((rating) => ({ rating, name: RATING_NAMES[rating], label: preview[rating].intervalLabel, due: preview[rating].after.due }));
}

/** Each card's memory state replayed from `log` with the parameters in `settings` (memory.ts). */
export function memoryFromLog(log: LogFacts, settings: Settings): Map<string, MemoryState> {
  return replayMemory(reviewsByCard(log, settings.dayStartHour), settings.parameters);
}

/** Anki's custom study, for one session: neither changes the settings file. */
export interface CustomStudy {
  /** New cards allowed today beyond the daily limit (`study --new N`). */
  extraNew?: number;
  /**
   * Review cards due within this many local days after today are shown too (`study --ahead
   * DAYS`): answered now, logged at the real time, and scheduled by FSRS from the real elapsed
   * time, which takes an early review into account.
   */
  aheadDays?: number;
}

export function createStudyEngine(opts: {
  deck: StudyDeck;
  cards: Card[];
  settings: Settings;
  clock: Clock;
  custom?: CustomStudy;
  /**
   * Memory states replayed from the log with the parameters in use (memory.ts), when they are
   * not FSRS-6's defaults: they replace the stability and difficulty the log recorded.
   */
  memory?: ReadonlyMap<string, MemoryState>;
}): StudyEngine {
  const { deck, clock } = opts;
  const { extraNew, aheadDays } = opts.custom ?? {};
  // The scheduler answers with the settings as they are; only the queue counts the extra new cards.
  const scheduler = new Scheduler(opts.settings);
  const settings = withExtraNew(opts.settings, extraNew);
  const hour = settings.dayStartHour;
  let cards = [...opts.cards];
  // By id, made on the first answer, bury, suspend or undo: not before the first card shows.
  let byId: Map<string, Card> | null = null;
  const cardsById = (): Map<string, Card> => {
    if (byId) return byId;
    byId = new Map();
    for (const card of cards) byId.set(card.id, card);
    return byId;
  };
  // The states the engine schedules from: the deck's own, which its append keeps current (no
  // copy of every card's state before the first card shows); or, with replayed memory, a map of
  // the engine's own, which it keeps itself.
  const replayed = opts.memory ? withMemory(deck.cardStates(), opts.memory) : null;
  const states: ReadonlyMap<string, CardState> = replayed ?? deck.cardStates();
  // Log entries from the start of the local day in which the engine (re)read the log: enough
  // for today's limits and summary without holding years of history.
  let recent: LogEntry[] = [];
  let recentFrom = 0;
  let today: Today | null = null;
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
    today = null;
  }
  loadRecent(clock.now());

  /** Today's figures, counted again only when the log has grown or the day has changed. */
  function todayAt(now: number): Today {
    const start = localDayStart(now, hour);
    // A clock set back before the window (tests, PAPERDECK_NOW) needs older entries.
    if (start < recentFrom) loadRecent(now);
    const seq = recent.at(-1)?.seq ?? 0;
    if (today && today.start === start && today.seq === seq) return today;
    const { reviews, studied } = studiedTodayIn(recent, now, hour);
    today = { start, seq, studied, summary: summarize(reviews) };
    return today;
  }

  /**
   * When an answer counts. Intervals in days count from the local day of the answer, so a card
   * shown at 03:59 and graded at 04:01 would get a day less than its "Good 23d" said. The answer
   * then belongs to the day the card was shown in, at its last moment: scheduled exactly as
   * shown (same day, same fuzz seed), counted in that day's limits, and its time in the log
   * still after every earlier entry. Within one day nothing changes: steps in minutes run from
   * the moment of the answer, as the screen's "10m" means.
   */
  function answerTime(now: number, shownAt: number | undefined): number {
    if (shownAt === undefined || shownAt > now) return now;
    const shownDayEnd = nextLocalDayStart(shownAt, hour);
    return now < shownDayEnd ? now : shownDayEnd - 1;
  }

  function requireCard(cardId: string): void {
    if (!cardsById().has(cardId)) throw new Error(`no card ${cardId} in deck ${deck.name}`);
  }

  function record(entry: NewLogEntry): void {
    const written = deck.append(entry);
    replayed?.set(written.card, written.after);
    recent.push(written);
    if (written.kind !== 'undo') undoable.push(written);
    if (pinned === written.card) pinned = null;
  }

  function flag(cardId: string, kind: 'bury' | 'suspend', change: (state: CardState, now: number) => CardState): void {
    requireCard(cardId);
    const now = clock.now();
    const before = states.get(cardId) ?? null;
    record({ kind, at: now, card: cardId, before, after: change(before ?? newCardState(), now) });
  }

  return {
    view() {
      const now = clock.now();
      const ahead = aheadUntil(now, hour, aheadDays);
      const queue = buildQueue({ cards, states, settings, now, studiedToday: todayAt(now).studied, pinned, aheadUntil: ahead });
      const toGo = answersToGo({ cards, states, settings, now }, queue.counts);
      return { counts: queue.counts, card: queue.next, nextLearningDue: queue.nextLearningDue, nextDue: queue.nextDue, answersToGo: toGo };
    },

    previews(cardId, now = clock.now()) {
      return previewsOf(scheduler, cardId, states.get(cardId) ?? newCardState(), now);
    },

    answer(cardId, rating, ms, shownAt) {
      requireCard(cardId);
      if (!RATINGS.includes(rating)) throw new Error(`invalid rating ${String(rating)}`);
      const now = answerTime(clock.now(), shownAt);
      const before = states.get(cardId) ?? null;
      const after = scheduler.answer(cardId, before ?? newCardState(), rating, now);
      record({ kind: 'review', at: now, card: cardId, before, after, rating, ms: Math.max(0, Math.round(ms)) });
      return after;
    },

    nextUndo() {
      const target = undoable.at(-1);
      return target === undefined ? null : target.kind === 'review' ? 'rating' : 'flag';
    },

    undo() {
      // Everything this engine writes but undos is a rating, bury or suspend: all undoable.
      const target = undoable.at(-1);
      if (!target) return null;
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
      const card = cardsById().get(target.card) ?? null;
      pinned = card ? card.id : null;
      return card;
    },

    bury(cardId) {
      flag(cardId, 'bury', (state, now) => ({ ...state, buriedUntil: nextLocalDayStart(now, hour) }));
    },

    suspend(cardId) {
      flag(cardId, 'suspend', (state) => ({ ...state, suspended: true }));
    },

    summary() {
      return { ...todayAt(clock.now()).summary };
    },

    replaceCards(next) {
      cards = [...next];
      byId = null;
      if (pinned !== null && !cardsById().has(pinned)) pinned = null;
    },
  };
}
