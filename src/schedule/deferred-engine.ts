// A study engine that shows the first card before the deck is opened. Opening a deck of 10,000
// cards parses all of cards.json and the snapshot of every card's state, most of a session's
// start-up, and the first screen needs only the queue (the counts, which card) and that one
// card. So this engine starts from the deck's columns as the due index holds them
// (store/due-index.ts: every card's state by position, and the log's end), with the card to
// show read alone, by its position; and it opens the deck (the engine of engine.ts, through
// which every answer goes) when told to, right after the first frame is drawn, or at the latest
// on the first call that needs it. Until then it writes nothing and holds nothing it could lose:
// answers, burials, suspensions and undos are all the opened engine's.
import type { Clock } from '../core/clock.js';
import type { Card, CardState, Rating, Settings } from '../core/types.js';
import { newCardState } from './card-state.js';
import { localDayStart } from './days.js';
import { previewsOf, summarize, type CustomStudy, type IntervalPreview, type StudyEngine, type StudySummary, type StudyView } from './engine.js';
import { entriesFrom, type LogTail } from './log-window.js';
import { aheadUntil, answersToGoIn, studiedTodayIn, walkQueue, withExtraNew, type QueueState, type TodaysStudy } from './queue.js';
import { Scheduler } from './scheduler.js';

/** A deck's cards by position in note order, as the due index holds them, with its log's end. */
export interface DeckAtStart extends LogTail {
  readonly length: number;
  idAt(i: number): string;
  /** What the queue reads of the state at `i` (may be one object refilled at each call), or undefined for a card never studied. */
  stateAt(i: number): QueueState | undefined;
  /** The whole state at `i`, or undefined for a card never studied. */
  fullStateAt(i: number): CardState | undefined;
  /** The learning step of the card at `i`. */
  stepAt(i: number): number;
  /** The card at `i`, or null when it cannot be read as the columns hold it: the deck is then opened and read whole. */
  cardAt(i: number): Card | null;
}

export interface DeferredEngine extends StudyEngine {
  /**
   * Opens the deck now, unless it is open. True when the opened engine's view differs from the
   * last one this engine gave from the columns (the screen should then take a fresh view).
   */
  open(): boolean;
}

export function createDeferredEngine(opts: {
  start: DeckAtStart;
  settings: Settings;
  clock: Clock;
  custom?: CustomStudy;
  /** Opens the deck: the engine that takes over (engine.ts createStudyEngine on the deck read whole). */
  open: () => StudyEngine;
}): DeferredEngine {
  const { start, clock } = opts;
  const { extraNew, aheadDays } = opts.custom ?? {};
  const settings = withExtraNew(opts.settings, extraNew);
  const hour = settings.dayStartHour;
  let opened: StudyEngine | null = null;
  /** The card shown from the columns: its id and position. */
  let shown: { id: string; at: number } | null = null;
  /** The last view given from the columns, and the previews given with it, to compare with the opened engine's. */
  let lastView: StudyView | null = null;
  let lastPreviews: IntervalPreview[] | null = null;
  let today: (TodaysStudy & { start: number }) | null = null;

  /** Why opening the deck failed: every later call fails with it, and nothing more is shown from the columns. */
  let failure: { error: unknown } | null = null;

  const openNow = (): StudyEngine => {
    if (opened) return opened;
    if (failure) throw failure.error;
    try {
      opened = opts.open();
    } catch (error) {
      failure = { error };
      throw error;
    }
    return opened;
  };
  /** Whether a call is answered from the columns: the deck is not open, and opening it has not failed. */
  const fromColumns = () => opened === null && failure === null;

  /** Today's standing reviews: nothing is written before the deck opens, so one reading a day serves. */
  const todayAt = (now: number): TodaysStudy => {
    const dayStart = localDayStart(now, hour);
    if (today?.start !== dayStart) today = { ...studiedTodayIn(entriesFrom(start, dayStart), now, hour), start: dayStart };
    return today;
  };

  const engine: DeferredEngine = {
    view() {
      if (!fromColumns()) return openNow().view();
      let view: StudyView | null;
      try {
        view = viewFromColumns();
      } catch {
        view = null;
      }
      // Columns or a card that cannot be read as they should: the deck is read whole, which says what is wrong.
      return view ?? openNow().view();
    },

    previews(cardId, now = clock.now()) {
      if (!fromColumns() || shown?.id !== cardId) return openNow().previews(cardId, now);
      lastPreviews = previewsOf(new Scheduler(opts.settings), cardId, start.fullStateAt(shown.at) ?? newCardState(), now);
      return lastPreviews;
    },

    summary(): StudySummary {
      return fromColumns() ? summarize(todayAt(clock.now()).reviews) : openNow().summary();
    },

    nextUndo() {
      // Nothing is undoable before this session has written anything, which only the opened engine does.
      return fromColumns() ? null : openNow().nextUndo();
    },

    answer: (cardId: string, rating: Rating, ms: number, shownAt?: number) => openNow().answer(cardId, rating, ms, shownAt),
    undo: () => openNow().undo(),
    bury: (cardId) => openNow().bury(cardId),
    suspend: (cardId) => openNow().suspend(cardId),
    replaceCards: (cards) => openNow().replaceCards(cards),

    open() {
      if (opened) return false;
      const full = openNow();
      if (!lastView) return false;
      const view = full.view();
      return !sameView(lastView, view) || (view.card !== null && !samePreviews(lastPreviews, full.previews(view.card.id)));
    },
  };

  /** The view from the columns, or null when the card they name cannot be read as they hold it. */
  function viewFromColumns(): StudyView | null {
    const now = clock.now();
    const columns = { length: start.length, idAt: start.idAt, stateAt: start.stateAt, cardAt: (i: number) => ({ id: start.idAt(i), at: i }) };
    const queue = walkQueue({ columns, settings, now, studiedToday: todayAt(now).studied, aheadUntil: aheadUntil(now, hour, aheadDays) });
    const card = queue.next && start.cardAt(queue.next.at);
    if (queue.next && card?.id !== queue.next.id) return null;
    shown = queue.next;
    const answersToGo = answersToGoIn({ length: start.length, stateAt: start.stateAt, stepAt: start.stepAt }, settings, now, queue.counts);
    lastView = { counts: queue.counts, card, nextLearningDue: queue.nextLearningDue, nextDue: queue.nextDue, answersToGo };
    return lastView;
  }

  return engine;
}

/** Whether two views show the same: the card, the counts, what is still to go, the times ahead. */
function sameView(a: StudyView, b: StudyView): boolean {
  return (
    a.card?.id === b.card?.id &&
    a.counts.new === b.counts.new &&
    a.counts.learning === b.counts.learning &&
    a.counts.review === b.counts.review &&
    a.answersToGo === b.answersToGo &&
    a.nextLearningDue === b.nextLearningDue &&
    a.nextDue === b.nextDue
  );
}

/** Whether the previews shown are those the opened engine gives (their intervals, as labelled). */
function samePreviews(shown: readonly IntervalPreview[] | null, now: readonly IntervalPreview[]): boolean {
  return shown !== null && shown.length === now.length && shown.every((preview, i) => preview.label === now[i]!.label);
}
