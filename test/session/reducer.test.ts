import { describe, expect, it } from 'vitest';
import { LEARN_AHEAD_MS } from '../../src/schedule/queue.js';
import { MAX_ANSWER_MS, reduceSession, startSession, waitingUntil } from '../../src/session/reducer.js';
import type { Effect, SessionEvent, SessionKey, SessionState, SessionView, ShownCard } from '../../src/session/types.js';

const T0 = Date.parse('2027-03-01T10:00:00Z');

function card(n: number, answer = `Idea ${n}.`): ShownCard {
  return {
    id: `c${n}`,
    title: `Paper ${n}`,
    question: `Paper ${n}`,
    answer,
    source: { file: 'notes.txt', line: n, session: 'Monday', code: `C${n}` },
    previews: [
      { rating: 1, name: 'Again', label: '1m', due: T0 + 60_000 },
      { rating: 2, name: 'Hard', label: '6m', due: T0 + 360_000 },
      { rating: 3, name: 'Good', label: '10m', due: T0 + 600_000 },
      { rating: 4, name: 'Easy', label: '8d', due: T0 + 8 * 86_400_000 },
    ],
    previewsAt: T0,
  };
}

function view(shown: ShownCard | null, over: Partial<SessionView> = {}): SessionView {
  return {
    at: T0,
    counts: { new: shown ? 3 : 0, learning: 0, review: 0, total: shown ? 3 : 0 },
    card: shown,
    nextLearningDue: null,
    nextDue: T0 + 86_400_000,
    answersToGo: shown ? 6 : 0,
    summary: { reviewed: 0, again: 0, ms: 0, retention: null },
    canUndo: false,
    ...over,
  };
}

/** Runs events through the reducer, collecting every effect. */
function run(state: SessionState, events: SessionEvent[]): { state: SessionState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const event of events) {
    const t = reduceSession(state, event);
    state = t.state;
    effects.push(...t.effects);
  }
  return { state, effects };
}

const key = (k: SessionKey, at = T0): SessionEvent => ({ type: 'key', key: k, at });
const keys = (...ks: SessionKey[]) => ks.map((k) => key(k));
const blocking = (effects: Effect[]) => effects.filter((e) => e.type !== 'wake');

describe('the session reducer', () => {
  it('starts on the question of the first card, with the regeneration notice', () => {
    const { state, effects } = startSession('iclr', view(card(1)), 'notes changed: 2 added');
    expect(state.phase).toBe('question');
    expect(state.view.card?.id).toBe('c1');
    expect(state.notice).toBe('notes changed: 2 added');
    expect(effects).toEqual([]);
  });

  it('shows the answer on Space or Enter, and ignores grades until then', () => {
    let { state } = startSession('d', view(card(1)));
    let t = run(state, keys('3', '1'));
    expect(t.state.phase).toBe('question');
    expect(blocking(t.effects)).toEqual([]);
    t = run(t.state, keys('show'));
    expect(t.state.phase).toBe('answer');
    state = t.state;
    t = run(state, keys('show'));
    expect(t.state.phase).toBe('answer');
    expect(t.effects).toEqual([]);
  });

  it('rates the card on screen, measuring the time since its question appeared (capped)', () => {
    const { state } = startSession('d', view(card(1)));
    let t = run(state, [key('show', T0 + 2_000), key('3', T0 + 4_500)]);
    expect(t.effects).toEqual([{ type: 'answer', cardId: 'c1', rating: 3, ms: 4_500, shownAt: T0 }]);
    expect(t.state.busy).toBe('answer');

    t = run(state, [key('show', T0 + 1_000), key('1', T0 + 10 * 60_000)]);
    expect(t.effects).toEqual([{ type: 'answer', cardId: 'c1', rating: 1, ms: MAX_ANSWER_MS, shownAt: T0 }]);
  });

  it('applies keys typed while an answer is saved to the next card, in order, and loses none', () => {
    const { state } = startSession('d', view(card(1)));
    // "␣3␣3" typed faster than the first answer is saved.
    let t = run(state, keys('show', '3', 'show', '3'));
    expect(blocking(t.effects)).toEqual([{ type: 'answer', cardId: 'c1', rating: 3, ms: 0, shownAt: T0 }]);
    expect(t.state.queued.map((q) => q.key)).toEqual(['show', '3']);
    expect(t.state.view.card?.id).toBe('c1');

    t = run(t.state, [{ type: 'answered', view: view(card(2)) }]);
    expect(blocking(t.effects)).toEqual([{ type: 'answer', cardId: 'c2', rating: 3, ms: 0, shownAt: T0 }]);
    expect(t.state.queued).toEqual([]);
    expect(t.state.answers).toHaveLength(1);

    t = run(t.state, [{ type: 'answered', view: view(card(3)) }]);
    expect(t.state.phase).toBe('question');
    expect(t.state.view.card?.id).toBe('c3');
    expect(t.state.answers).toHaveLength(2);
  });

  it('never applies a grade meant for one card to the next card’s question', () => {
    const { state } = startSession('d', view(card(1)));
    // "␣33": the second 3 reaches card 2 while its question shows, so it does nothing.
    let t = run(state, keys('show', '3', '3'));
    t = run(t.state, [{ type: 'answered', view: view(card(2)) }]);
    expect(blocking(t.effects)).toEqual([]);
    expect(t.state.phase).toBe('question');
    expect(t.state.view.card?.id).toBe('c2');
  });

  it('undoes repeatedly, counting the undone ratings back', () => {
    let t = run(startSession('d', view(card(1))).state, keys('show', '4'));
    t = run(t.state, [{ type: 'answered', view: view(card(2)) }]);
    t = run(t.state, keys('show', '2'));
    t = run(t.state, [{ type: 'answered', view: view(card(3)) }]);
    expect(t.state.answers).toHaveLength(2);

    t = run(t.state, keys('undo'));
    expect(blocking(t.effects)).toEqual([{ type: 'undo' }]);
    t = run(t.state, [{ type: 'undone', view: view(card(2)), title: 'Paper 2', rating: true }]);
    expect(t.state.answers).toHaveLength(1);
    expect(t.state.phase).toBe('question');
    expect(t.state.view.card?.id).toBe('c2');
    expect(t.state.notice).toBe('Undone: Paper 2');

    t = run(t.state, keys('undo'));
    t = run(t.state, [{ type: 'undone', view: view(card(1)), title: 'Paper 1', rating: true }]);
    t = run(t.state, keys('undo'));
    t = run(t.state, [{ type: 'undone', view: view(card(1)), title: null, rating: false }]);
    expect(t.state.answers).toHaveLength(0);
    expect(t.state.notice).toBe('Nothing to undo.');
  });

  it('counts a card back only when the undo takes back a rating, not a bury', () => {
    let t = run(startSession('d', view(card(1))).state, keys('show', '3'));
    t = run(t.state, [{ type: 'answered', view: view(card(2)) }]);
    t = run(t.state, keys('bury'));
    t = run(t.state, [{ type: 'flagged', kind: 'bury', title: 'Paper 2', view: view(card(3)) }]);
    expect(t.state.answers).toHaveLength(1);
    t = run(t.state, keys('undo'));
    t = run(t.state, [{ type: 'undone', view: view(card(2)), title: 'Paper 2', rating: false }]);
    expect(t.state.answers).toHaveLength(1);
    t = run(t.state, keys('undo'));
    t = run(t.state, [{ type: 'undone', view: view(card(1)), title: 'Paper 1', rating: true }]);
    expect(t.state.answers).toHaveLength(0);
    // A rating taken back with none of this session's left to count: the count stays at zero.
    t = run(t.state, keys('undo'));
    t = run(t.state, [{ type: 'undone', view: view(card(9)), title: 'Paper 9', rating: true }]);
    expect(t.state.answers).toHaveLength(0);
  });

  it('buries and suspends the card on screen', () => {
    const { state } = startSession('d', view(card(1)));
    let t = run(state, keys('bury'));
    expect(blocking(t.effects)).toEqual([{ type: 'bury', cardId: 'c1' }]);
    t = run(t.state, [{ type: 'flagged', kind: 'bury', title: 'Paper 1', view: view(card(2)) }]);
    expect(t.state.notice).toBe('Buried until tomorrow: Paper 1');
    expect(t.state.view.card?.id).toBe('c2');
    t = run(t.state, keys('show', 'suspend'));
    expect(blocking(t.effects)).toEqual([{ type: 'suspend', cardId: 'c2' }]);
  });

  it('opens the editor, queues keys meanwhile and comes back to the same side of the card', () => {
    const { state } = startSession('d', view(card(1)));
    let t = run(state, keys('show', 'edit', '3'));
    expect(t.state.phase).toBe('editor');
    expect(blocking(t.effects)).toEqual([{ type: 'openEditor', cardId: 'c1' }]);
    expect(t.state.queued.map((q) => q.key)).toEqual(['3']);

    t = run(t.state, [{ type: 'edited', view: view(card(1, 'A better idea.')), notice: 'notes changed: 1 updated' }]);
    expect(t.state.phase).toBe('answer');
    expect(t.state.view.card?.answer).toBe('A better idea.');
    expect(t.state.notice).toBe('notes changed: 1 updated');
    // The 3 typed while the editor was opening applies to the card now on screen.
    expect(blocking(t.effects)).toEqual([{ type: 'answer', cardId: 'c1', rating: 3, ms: 0, shownAt: T0 }]);
  });

  it('returns to the question when the edited card left the queue', () => {
    let t = run(startSession('d', view(card(1))).state, keys('show', 'edit'));
    t = run(t.state, [{ type: 'edited', view: view(card(2)), notice: 'notes changed: 1 retired' }]);
    expect(t.state.phase).toBe('question');
    expect(t.state.view.card?.id).toBe('c2');
  });

  it('opens the help over any screen; the key that closes it does nothing else', () => {
    let t = run(startSession('d', view(card(1))).state, keys('show', 'help'));
    expect(t.state.phase).toBe('help');
    t = run(t.state, keys('3'));
    expect(t.state.phase).toBe('answer');
    expect(blocking(t.effects)).toEqual([]);
    t = run(t.state, keys('help', 'quit'));
    expect(t.state.phase).toBe('answer');
    expect(t.state.exit).toBe(false);
    t = run(t.state, keys('help', 'interrupt'));
    expect(t.state.exit).toBe(true);
  });

  it('quits from a card to the summary; from "nothing due" it stays there', () => {
    let t = run(startSession('d', view(card(1))).state, keys('quit', 'show', '3'));
    expect(t.state.exit).toBe(true);
    expect(t.state.phase).toBe('end');
    expect(blocking(t.effects)).toEqual([{ type: 'quit' }]);

    t = run(startSession('d', view(null)).state, keys('quit'));
    expect(t.state.phase).toBe('nothing-due');
    expect(t.state.exit).toBe(true);
  });

  it('ends when the last card is rated; q leaves, a stray Space does not; u brings the card back', () => {
    let t = run(startSession('d', view(card(1))).state, keys('show', '3'));
    t = run(t.state, [{ type: 'answered', view: view(null, { summary: { reviewed: 1, again: 0, ms: 1000, retention: 1 } }) }]);
    expect(t.state.phase).toBe('end');
    expect(t.state.exit).toBe(false);

    const undo = run(t.state, keys('undo'));
    expect(blocking(undo.effects)).toEqual([{ type: 'undo' }]);
    const back = run(undo.state, [{ type: 'undone', view: view(card(1)), title: 'Paper 1', rating: true }]);
    expect(back.state.phase).toBe('question');

    expect(run(t.state, keys('show')).state.exit).toBe(false);
    const leave = run(t.state, keys('quit'));
    expect(leave.state.exit).toBe(true);
    expect(blocking(leave.effects)).toEqual([{ type: 'quit' }]);
  });

  it('says "nothing due" at the start, and ticks once a minute to keep "come back in …" true', () => {
    const { state, effects } = startSession('d', view(null));
    expect(state.phase).toBe('nothing-due');
    expect(effects).toEqual([{ type: 'wake', at: T0 + 60_000 }]);
  });

  it('waits for a learning card due within minutes, with a countdown, then shows it', () => {
    const due = T0 + 3 * 60_000;
    const start = startSession('d', view(null, { nextLearningDue: due, counts: { new: 0, learning: 1, review: 0, total: 1 } }));
    expect(start.state.phase).toBe('waiting');
    expect(waitingUntil(start.state)).toBe(due);
    expect(waitingUntil(start.state)).toBe(due);
    expect(start.effects).toEqual([{ type: 'wake', at: T0 + 1_000 }]);

    let t = run(start.state, [{ type: 'tick', at: T0 + 1_000 }]);
    expect(t.state.phase).toBe('waiting');
    expect(t.state.now).toBe(T0 + 1_000);
    expect(t.effects).toEqual([{ type: 'wake', at: T0 + 2_000 }]);

    t = run(t.state, [{ type: 'tick', at: due }]);
    expect(blocking(t.effects)).toEqual([{ type: 'refresh' }]);
    t = run(t.state, [{ type: 'refreshed', view: view(card(7), { at: due }) }]);
    expect(t.state.phase).toBe('question');
    expect(t.state.view.card?.id).toBe('c7');
    // No timer left running behind the card.
    expect(t.state.wakeAt).toBeNull();
    expect(t.effects).toEqual([]);
  });

  it('ends rather than waits when the next learning card is far off, and starts waiting when it nears', () => {
    const due = T0 + LEARN_AHEAD_MS + 5 * 60_000;
    let t = run(startSession('d', view(card(1))).state, keys('show', '1'));
    t = run(t.state, [{ type: 'answered', view: view(null, { nextLearningDue: due }) }]);
    expect(t.state.phase).toBe('end');
    expect(t.effects).toContainEqual({ type: 'wake', at: T0 + 60_000 });
    t = run(t.state, [{ type: 'tick', at: T0 + 5 * 60_000 }]);
    expect(blocking(t.effects)).toEqual([{ type: 'refresh' }]);
    // The engine does not show it yet: count down to it.
    t = run(t.state, [{ type: 'refreshed', view: view(null, { at: T0 + 5 * 60_000, nextLearningDue: due }) }]);
    expect(t.state.phase).toBe('waiting');
    expect(waitingUntil(t.state)).toBe(due);
    expect(waitingUntil(t.state)).toBe(due);
    expect(t.effects).toEqual([{ type: 'wake', at: T0 + 5 * 60_000 + 1_000 }]);
  });

  it('shows a learning card from the end screen as soon as the engine offers it', () => {
    const due = T0 + 30 * 60_000;
    let t = run(startSession('d', view(card(1))).state, keys('show', '3'));
    t = run(t.state, [{ type: 'answered', view: view(null, { nextLearningDue: due }) }]);
    expect(t.state.phase).toBe('end');
    // A tick a minute keeps "in 30 minutes" true; nothing to do until the card nears.
    expect(t.state.wakeAt).toBe(T0 + 60_000);
    t = run(t.state, [{ type: 'tick', at: T0 + 60_000 }]);
    expect(blocking(t.effects)).toEqual([]);
    expect(t.state.phase).toBe('end');
    t = run(t.state, [{ type: 'tick', at: due - LEARN_AHEAD_MS }]);
    expect(blocking(t.effects)).toEqual([{ type: 'refresh' }]);
    t = run(t.state, [{ type: 'refreshed', view: view(card(1), { at: due - LEARN_AHEAD_MS }) }]);
    expect(t.state.phase).toBe('question');
  });

  it('shows an error without losing the session; any key reads the engine again', () => {
    let t = run(startSession('d', view(card(1))).state, keys('show', '3', 'show'));
    t = run(t.state, [{ type: 'failed', message: 'disk full', at: T0 }]);
    expect(t.state.phase).toBe('error');
    expect(t.state.error).toBe('disk full');
    expect(t.state.queued).toEqual([]);
    t = run(t.state, keys('show'));
    expect(blocking(t.effects)).toEqual([{ type: 'refresh' }]);
    t = run(t.state, [{ type: 'refreshed', view: view(card(1)) }]);
    expect(t.state.phase).toBe('question');
    expect(t.state.error).toBeNull();
  });

  it('takes no keys once it has exited', () => {
    let t = run(startSession('d', view(card(1))).state, keys('quit'));
    t = run(t.state, keys('show', '3', 'undo'));
    expect(t.effects).toEqual([]);
  });
});

describe('one session for every deck with cards due', () => {
  const elsewhere = [
    { deck: 'neurips', due: 12 },
    { deck: 'alpha', due: 3 },
  ];
  const empty = () => view(null, { nextDue: T0 + 86_400_000 });

  it('moves on to the next deck once this one has nothing more today, studying all decks', () => {
    const { state } = startSession('iclr', view(card(1), { counts: { new: 1, learning: 0, review: 0, total: 1 } }), null, { elsewhere, all: true });
    expect(state.busy).toBeNull();
    const shown = run(state, keys('show', '4'));
    expect(blocking(shown.effects)).toEqual([{ type: 'answer', cardId: 'c1', rating: 4, ms: 0, shownAt: T0 }]);
    const done = run(shown.state, [{ type: 'answered', view: empty() }]);
    expect(blocking(done.effects)).toEqual([{ type: 'nextDeck', deck: 'neurips' }]);
    expect(done.state.busy).toBe('nextDeck');
    // Keys typed while the next deck opens were meant for the screen before.
    const typed = run(done.state, keys('show'));
    const next = run(typed.state, [{ type: 'switched', deck: 'neurips', view: view(card(7)), notice: 'notes checked: no card changed' }]);
    expect(next.state).toMatchObject({ deck: 'neurips', phase: 'question', answers: [], rated: false, busy: null, queued: [], all: true });
    expect(next.state.elsewhere).toEqual([{ deck: 'alpha', due: 3 }]);
    expect(next.state.notice).toBe('iclr is done for today; now neurips. notes checked: no card changed');
    // The answers given in iclr stay counted for the end screen's "This session".
    expect(next.state.earlierAnswers).toEqual(['iclr\0c1']);
  });

  it('moves on at once from a deck with nothing due, and stays on the last deck at its end', () => {
    const { state, effects } = startSession('iclr', empty(), null, { elsewhere: [{ deck: 'alpha', due: 3 }], all: true });
    expect(blocking(effects)).toEqual([{ type: 'nextDeck', deck: 'alpha' }]);
    const last = run(state, [{ type: 'switched', deck: 'alpha', view: empty(), notice: null }]);
    expect(blocking(last.effects)).toEqual([]);
    expect(last.state.phase).toBe('nothing-due');
  });

  it('waits for a learning card coming back within minutes rather than moving on', () => {
    const waiting = view(null, { counts: { new: 0, learning: 0, review: 0, total: 0 }, nextLearningDue: T0 + 60_000 });
    const { state, effects } = startSession('iclr', waiting, null, { elsewhere, all: true });
    expect(state.phase).toBe('waiting');
    expect(blocking(effects)).toEqual([]);
  });

  it('stays on the deck when studying one deck, or after a quit', () => {
    const one = startSession('iclr', empty(), null, { elsewhere });
    expect(blocking(one.effects)).toEqual([]);
    const { state } = startSession('iclr', view(card(1)), null, { elsewhere, all: true });
    const quit = run(state, keys('quit'));
    expect(blocking(quit.effects)).toEqual([{ type: 'quit' }]);
  });
});
