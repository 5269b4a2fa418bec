// Runs a study session outside React: holds the session state, feeds each event through the
// reducer in arrival order, performs the effects the reducer asks for (against the engine,
// the editor, a timer) and feeds their results back as events. The screen subscribes to it and
// sends it keys; it never calls the engine itself.
import type { Clock } from '../core/clock.js';
import { failureMessage } from '../core/errors.js';
import { toSafeLine } from '../core/sanitize.js';
import { reduceSession, startSession } from './reducer.js';
import type { Effect, SessionEvent, SessionKey, SessionScope, SessionState, StudyEngine } from './types.js';
import { forScreen, readView } from './view.js';

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SessionRunnerOptions {
  deck: string;
  engine: StudyEngine;
  clock: Clock;
  /** Shown on the first screen (what a regeneration before the session changed). */
  notice?: string | null;
  /**
   * Opens the card's note in $EDITOR and rebuilds the deck (handing the engine the new cards);
   * resolves to one line saying what changed. Without it, `e` reports that editing is unavailable.
   */
  editNote?: (cardId: string) => Promise<string>;
  timers?: Timers;
  /** The other decks with cards due, whether to go on to them, the header's label (reducer.ts: startSession). */
  scope?: Partial<SessionScope>;
  /**
   * Opens the next deck when studying all decks: its engine, and one line on what opening it
   * found (a rebuild), or null. Without it, moving on reports that it is unavailable.
   */
  openDeck?: (deck: string) => Promise<{ engine: StudyEngine; notice: string | null }>;
}

export interface SessionRunner {
  getState(): SessionState;
  /** Called after every batch of events that changed the state. */
  subscribe(listener: () => void): () => void;
  dispatch(event: SessionEvent): void;
  /** A key, stamped with the clock's time. */
  press(key: SessionKey): void;
  /** Settles when the session has exited (quit or Ctrl+C). */
  readonly finished: Promise<void>;
  /** Stops the timer; the session takes no more events. */
  dispose(): void;
}

export function createSessionRunner(options: SessionRunnerOptions): SessionRunner {
  const { clock } = options;
  // Replaced when the session moves on to the next deck.
  let engine = options.engine;
  const timers = options.timers ?? realTimers;
  const listeners = new Set<() => void>();
  const events: SessionEvent[] = [];
  let draining = false;
  let disposed = false;
  let timer: unknown = null;
  let resolveFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));

  const first = startSession(options.deck, readView(engine, clock), options.notice ?? null, options.scope);
  let state = first.state;

  /** Runs an engine call now; its result (or failure) is the next event processed. */
  /** The event `work` makes, or a failure saying why it could not be made. */
  const eventOf = (work: () => SessionEvent): SessionEvent => {
    try {
      return work();
    } catch (error) {
      return { type: 'failed', message: failureMessage(error), at: clock.now() };
    }
  };
  const attempt = (work: () => SessionEvent) => {
    events.unshift(eventOf(work));
  };
  /** Once `pending` settles, dispatches the event made of its value, or the failure. */
  const whenSettled = <T>(pending: Promise<T>, toEvent: (value: T) => SessionEvent) => {
    pending.then(
      (value) => dispatch(eventOf(() => toEvent(value))),
      (error: unknown) => dispatch({ type: 'failed', message: failureMessage(error), at: clock.now() }),
    );
  };

  const titleOf = (cardId: string) => {
    const card = state.view.card;
    return card && card.id === cardId ? card.title : cardId;
  };

  const perform = (effect: Effect, later: (() => void)[]) => {
    switch (effect.type) {
      case 'answer':
        return attempt(() => {
          const title = titleOf(effect.cardId);
          const after = engine.answer(effect.cardId, effect.rating, effect.ms, effect.shownAt);
          // A card on screen was not suspended: suspended now, the leech rule did it.
          const leech = after.suspended && after.leech ? { title, lapses: after.lapses } : null;
          return { type: 'answered', view: readView(engine, clock), leech };
        });
      case 'undo':
        return attempt(() => {
          // The engine shows the card brought back first.
          const taken = engine.nextUndo();
          const card = engine.undo();
          // A card `e` took out of the deck has no title to show, but its undo was made all the same.
          const title = card ? toSafeLine(forScreen(card.title)) : taken !== null ? 'a card no longer in the deck' : null;
          return { type: 'undone', view: readView(engine, clock), title, rating: taken === 'rating' };
        });
      case 'bury':
      case 'suspend':
        return attempt(() => {
          const title = titleOf(effect.cardId);
          if (effect.type === 'bury') engine.bury(effect.cardId);
          else engine.suspend(effect.cardId);
          return { type: 'flagged', kind: effect.type, title, view: readView(engine, clock) };
        });
      case 'refresh':
        return attempt(() => ({ type: 'refreshed', view: readView(engine, clock) }));
      case 'openEditor': {
        const { editNote } = options;
        if (!editNote) {
          return events.unshift({ type: 'failed', message: 'editing notes is not available here', at: clock.now() });
        }
        // After the screen has drawn the editor phase: the editor takes the terminal over.
        later.push(() => whenSettled(editNote(effect.cardId), (notice) => ({ type: 'edited', notice, view: readView(engine, clock) })));
        return;
      }
      case 'nextDeck': {
        const { openDeck } = options;
        if (!openDeck) {
          return events.unshift({ type: 'failed', message: 'moving on to the next deck is not available here', at: clock.now() });
        }
        later.push(() =>
          whenSettled(openDeck(effect.deck), (opened) => {
            const next: SessionEvent = { type: 'switched', deck: effect.deck, view: readView(opened.engine, clock), notice: opened.notice };
            engine = opened.engine;
            return next;
          }),
        );
        return;
      }
      case 'wake':
        if (timer !== null) timers.clear(timer);
        timer = null;
        if (effect.at !== null && !disposed) {
          timer = timers.set(() => {
            timer = null;
            dispatch({ type: 'tick', at: clock.now() });
          }, Math.max(0, effect.at - clock.now()));
        }
        return;
      case 'quit':
        later.push(() => {
          dispose();
          resolveFinished();
        });
        return;
    }
  };

  function dispatch(event: SessionEvent): void {
    if (disposed) return;
    events.push(event);
    if (draining) return;
    draining = true;
    const before = state;
    const later: (() => void)[] = [];
    try {
      while (events.length > 0) {
        const transition = reduceSession(state, events.shift()!);
        state = transition.state;
        for (const effect of transition.effects) perform(effect, later);
      }
    } finally {
      draining = false;
    }
    if (state !== before) for (const listener of listeners) listener();
    for (const job of later) job();
  }

  function dispose(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
    disposed = true;
  }

  const initialLater: (() => void)[] = [];
  for (const effect of first.effects) perform(effect, initialLater);
  for (const job of initialLater) job();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch,
    press: (key) => dispatch({ type: 'key', key, at: clock.now() }),
    finished,
    dispose,
  };
}
