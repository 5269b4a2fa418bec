// The study session as one pure reducer: (state, event) -> (state, effects). Keys and the
// results of effects are events; the runner (runner.ts) performs the effects against the engine
// and feeds the results back. The state says which card is on screen, so a rating always
// applies to the card shown when its key is processed, and keys that arrive while an effect is
// in flight wait in `queued` and are applied, in order, once its result is in.
import type { Rating } from '../core/types.js';
import { LEARN_AHEAD_MS } from '../schedule/queue.js';
import { leechNotice } from './format.js';
import type {
  BlockingEffect,
  Effect,
  Phase,
  SessionEvent,
  SessionKey,
  SessionScope,
  SessionState,
  SessionView,
  Transition,
} from './types.js';

/** The countdown redraws once a second. */
export const COUNTDOWN_TICK_MS = 1_000;
/** "Come back in 3 minutes" on the end screens stays true by redrawing once a minute. */
export const IDLE_TICK_MS = 60_000;
/** Time on one card counts at most this long, as in Anki (a card left open over lunch is not a minute of study). */
export const MAX_ANSWER_MS = 60_000;

const RATING_KEYS: Partial<Record<SessionKey, Rating>> = { '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Where a session with this view should be: a card, a wait for a learning card, or an end. When
 * nothing else is due but a learning card comes due within the learn-ahead limit, the session
 * waits for it with a countdown instead of ending: the engine shows such a card early once
 * nothing else is left, so the wait covers only what the view has not caught up with yet.
 */
export function phaseForView(view: SessionView, now: number, rated: boolean): Phase {
  if (view.card) return 'question';
  if (view.nextLearningDue !== null && view.nextLearningDue - now <= LEARN_AHEAD_MS) return 'waiting';
  return rated ? 'end' : 'nothing-due';
}

/** While the session waits (the help may be open over the wait): when the learning card is due. */
export function waitingUntil(state: SessionState): number | null {
  const base = state.phase === 'help' ? state.returnTo : state.phase;
  return base === 'waiting' ? state.view.nextLearningDue : null;
}

const ONE_DECK: SessionScope = { elsewhere: [], all: false, label: null };

/**
 * The session's first state, from the engine's first view. `notice` shows on the first screen;
 * `scope` names the other decks with cards due and whether the session goes on to them.
 */
export function startSession(deck: string, view: SessionView, notice: string | null = null, scope: Partial<SessionScope> = {}): Transition {
  const effects: Effect[] = [];
  const state = moveOn(freshState(deck, view, notice, { ...ONE_DECK, ...scope }), effects);
  return { state: settle(state, effects), effects };
}

/** A deck's state before its first key: the same whether the session starts on it or moves on to it. */
function freshState(deck: string, view: SessionView, notice: string | null, scope: SessionScope, earlierAnswers: string[] = []): SessionState {
  const phase = phaseForView(view, view.at, false);
  return {
    ...scope,
    deck,
    phase,
    returnTo: null,
    view,
    now: view.at,
    shownAt: view.at,
    answers: [],
    earlierAnswers,
    rated: false,
    busy: null,
    queued: [],
    notice,
    error: null,
    wakeAt: null,
    exit: false,
  };
}

/**
 * Studying all decks: once this deck has nothing more to show today (the end, or nothing due),
 * open the next deck with cards due. A learning card coming back within minutes keeps the
 * session on this deck (it waits with a countdown), as it would studying this deck alone.
 */
function moveOn(state: SessionState, effects: Effect[]): SessionState {
  const next = state.elsewhere[0];
  if (!state.all || !next || state.exit || state.busy) return state;
  if (state.phase !== 'end' && state.phase !== 'nothing-due') return state;
  if (state.view.counts.total > 0) return state;
  return start(state, { type: 'nextDeck', deck: next.deck }, effects);
}

export function reduceSession(state: SessionState, event: SessionEvent): Transition {
  const effects: Effect[] = [];
  let next = step(state, event, effects);
  // Keys typed while an effect ran are applied now, in order, until one starts another effect.
  while (!next.busy && !next.exit && next.queued.length > 0) {
    const [first, ...rest] = next.queued;
    next = step({ ...next, queued: rest }, { type: 'key', key: first!.key, at: first!.at }, effects);
  }
  if (next.exit && next.queued.length > 0) next = { ...next, queued: [] };
  next = moveOn(next, effects);
  return { state: settle(next, effects), effects };
}

function step(state: SessionState, event: SessionEvent, effects: Effect[]): SessionState {
  switch (event.type) {
    case 'key': {
      const now = Math.max(state.now, event.at);
      if (state.exit) return state;
      if (state.busy) return { ...state, now, queued: [...state.queued, { key: event.key, at: event.at }] };
      return onKey({ ...state, now }, event.key, event.at, effects);
    }
    case 'tick':
      return onTick({ ...state, now: Math.max(state.now, event.at), wakeAt: null }, effects);
    case 'answered': {
      // The card rated is the one on screen while the answer was being written.
      const rated = state.view.card?.id;
      return adopt(state, event.view, {
        answers: rated === undefined ? state.answers : [...state.answers, rated],
        rated: true,
        notice: event.leech ? leechNotice(event.leech) : null,
      });
    }
    case 'undone': {
      if (event.title === null) return adopt(state, event.view, { notice: 'Nothing to undo.' });
      return adopt(state, event.view, {
        answers: event.rating ? state.answers.slice(0, -1) : state.answers,
        notice: `Undone: ${event.title}`,
      });
    }
    case 'flagged':
      return adopt(state, event.view, {
        notice: event.kind === 'bury' ? `Buried until tomorrow: ${event.title}` : `Suspended: ${event.title}`,
      });
    case 'edited': {
      // Back from the editor on the same card: show the side that was showing, now updated.
      const sameCard = event.view.card !== null && event.view.card.id === state.view.card?.id;
      const keepAnswer = sameCard && state.returnTo === 'answer';
      const next = adopt(state, event.view, { notice: event.notice });
      return keepAnswer ? { ...next, phase: 'answer' } : next;
    }
    case 'refreshed':
      return adopt(state, event.view, {});
    case 'switched': {
      // A new deck, a new engine: this session's answers, undo and progress start again with it.
      const said = `${state.deck} is done for today; now ${event.deck}.`;
      const elsewhere = state.elsewhere.filter((other) => other.deck !== event.deck);
      // Keys typed while the deck opened were meant for the screen before: drop them.
      const earlier = [...state.earlierAnswers, ...state.answers.map((card) => `${state.deck}\0${card}`)];
      const fresh = freshState(event.deck, event.view, event.notice ? `${said} ${event.notice}` : said, { ...state, elsewhere }, earlier);
      return { ...fresh, wakeAt: state.wakeAt };
    }
    case 'failed':
      // Keys typed after a failure were meant for a screen that never came: drop them.
      return {
        ...state,
        now: Math.max(state.now, event.at),
        busy: null,
        queued: [],
        phase: 'error',
        returnTo: null,
        error: event.message,
      };
  }
}

/** Takes a fresh view from the engine after an effect: the card it names is now the one shown. */
function adopt(
  state: SessionState,
  view: SessionView,
  changes: { answers?: string[]; rated?: boolean; notice?: string | null },
): SessionState {
  const now = Math.max(state.now, view.at);
  const rated = changes.rated ?? state.rated;
  const phase = phaseForView(view, now, rated);
  return {
    ...state,
    view,
    now,
    shownAt: view.at,
    answers: changes.answers ?? state.answers,
    rated,
    notice: changes.notice === undefined ? state.notice : changes.notice,
    busy: null,
    phase,
    returnTo: null,
    error: null,
  };
}

function start(state: SessionState, effect: BlockingEffect, effects: Effect[], changes: Partial<SessionState> = {}): SessionState {
  effects.push(effect);
  return { ...state, ...changes, busy: effect.type };
}

function quit(state: SessionState, effects: Effect[]): SessionState {
  effects.push({ type: 'quit' });
  // The last frame stays on the terminal: the summary, unless the session never had a card.
  const phase: Phase = state.phase === 'nothing-due' ? 'nothing-due' : 'end';
  return { ...state, phase, returnTo: null, exit: true };
}

function onKey(state: SessionState, key: SessionKey, at: number, effects: Effect[]): SessionState {
  if (key === 'interrupt') return quit(state, effects);
  const { phase } = state;

  if (phase === 'help') return { ...state, phase: state.returnTo ?? phaseForView(state.view, state.now, state.rated), returnTo: null };
  if (key === 'help' && phase !== 'editor') return { ...state, phase: 'help', returnTo: phase };

  const card = state.view.card;
  switch (phase) {
    case 'question':
    case 'answer': {
      if (!card) return state;
      if (key === 'quit') return quit(state, effects);
      if (key === 'show') return phase === 'question' ? { ...state, phase: 'answer' } : state;
      const rating = RATING_KEYS[key];
      if (rating !== undefined) {
        // Grades count only once the answer shows (README, the study screen's keys): a stray digit on the question is ignored.
        if (phase !== 'answer') return state;
        const ms = Math.min(MAX_ANSWER_MS, Math.max(0, at - state.shownAt));
        return start(state, { type: 'answer', cardId: card.id, rating, ms, shownAt: card.previewsAt }, effects);
      }
      if (key === 'undo') return start(state, { type: 'undo' }, effects);
      if (key === 'bury') return start(state, { type: 'bury', cardId: card.id }, effects);
      if (key === 'suspend') return start(state, { type: 'suspend', cardId: card.id }, effects);
      if (key === 'edit') {
        return start(state, { type: 'openEditor', cardId: card.id }, effects, { phase: 'editor', returnTo: phase });
      }
      return state;
    }
    case 'waiting':
      if (key === 'quit') return quit(state, effects);
      if (key === 'undo') return start(state, { type: 'undo' }, effects);
      return state;
    case 'nothing-due':
    case 'end':
      // Not Space or Enter: those typed ahead for a card that is no longer coming would close
      // the screen before the summary is read.
      if (key === 'quit') return quit(state, effects);
      if (key === 'undo') return start(state, { type: 'undo' }, effects);
      return state;
    case 'error':
      if (key === 'quit') return quit(state, effects);
      // Any other key: read the engine again and carry on from wherever it is.
      return start(state, { type: 'refresh' }, effects, { error: null });
    case 'editor':
      return state;
  }
}

function onTick(state: SessionState, effects: Effect[]): SessionState {
  if (state.exit || state.busy) return state;
  const inHelp = state.phase === 'help';
  const base = inHelp ? state.returnTo : state.phase;

  if (base === 'waiting') {
    const until = waitingUntil(state);
    if (until !== null && state.now >= until) {
      // The learning card is due: read the engine (it may be waiting in the help; close that).
      return start(state, { type: 'refresh' }, effects, inHelp ? { phase: 'waiting', returnTo: null } : {});
    }
    return state;
  }
  if (base === 'nothing-due' || base === 'end') {
    // A learning card has come within the window: ask the engine, which may show it already
    // (it learns ahead); if not, the refreshed view puts the session in the countdown.
    if (phaseForView(state.view, state.now, state.rated) === 'waiting') {
      return start(state, { type: 'refresh' }, effects, inHelp ? { phase: base, returnTo: null } : {});
    }
  }
  return state;
}

/** The next tick the screen needs, or null. */
function wakeFor(state: SessionState): number | null {
  // While an effect runs the view is about to change; the tick is asked for again after it.
  if (state.exit || state.busy) return null;
  const base = state.phase === 'help' ? state.returnTo : state.phase;
  const { now } = state;
  if (base === 'waiting') {
    const until = waitingUntil(state);
    // A learning card the engine does not yet show although its time has come: look again each second.
    if (until === null || until <= now) return now + COUNTDOWN_TICK_MS;
    return Math.min(until, now + COUNTDOWN_TICK_MS);
  }
  if (base === 'nothing-due' || base === 'end') {
    const { nextLearningDue, nextDue } = state.view;
    if (nextLearningDue !== null) return Math.max(now + 1, Math.min(nextLearningDue - LEARN_AHEAD_MS, now + IDLE_TICK_MS));
    if (nextDue !== null) return now + IDLE_TICK_MS;
  }
  return null;
}

/**
 * The last step of every transition: asks for a tick when the wanted one changed (or cancels
 * it): one timer at a time.
 */
function settle(state: SessionState, effects: Effect[]): SessionState {
  const at = wakeFor(state);
  if (at === state.wakeAt) return state;
  effects.push({ type: 'wake', at });
  return { ...state, wakeAt: at };
}
