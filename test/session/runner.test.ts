// The session runner on the real study engine (FSRS, Anki's learn-ahead queue) over an
// in-memory deck state: what each key writes to the deck's log, and what the screen state
// becomes after it.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import type { Settings } from '../../src/core/types.js';
import { createStudyEngine, type NewLogEntry } from '../../src/schedule/engine.js';
import { createSessionRunner } from '../../src/session/runner.js';
import type { SessionKey } from '../../src/session/types.js';
import { FakeDeckState } from '../schedule/fake-deck-state.js';
import { HandTimers } from './hand-timers.js';
import { DAY, local, makeCard, makeCards, MINUTE, settings } from '../schedule/helpers.js';
import { localDayKey } from '../../src/schedule/days.js';

const T0 = Date.parse('2027-03-01T10:00:00Z');

/** An in-memory deck state whose next write fails, as a full disk would make it. */
class DeckFailingOnce extends FakeDeckState {
  nextWriteFails: Error | null = null;
  override append(entry: NewLogEntry) {
    const failure = this.nextWriteFails;
    this.nextWriteFails = null;
    if (failure) throw failure;
    return super.append(entry);
  }
}

/** A deck of `n` cards, none studied yet; `open` starts a session's engine on it (as `study` does). */
function setup(n = 3, overrides: Partial<Settings> = {}) {
  const clock = new ManualClock(T0);
  const deck = new DeckFailingOnce('d');
  const config = settings(overrides);
  const open = () => createStudyEngine({ deck, cards: makeCards(n), settings: config, clock });
  return { clock, deck, open, timers: new HandTimers() };
}

/** The deck's log as [kind, card, rating, ms], ratings and times only on reviews. */
function written(deck: FakeDeckState): unknown[][] {
  return deck.readLog().map((entry) => (entry.kind === 'review' ? [entry.kind, entry.card, entry.rating, entry.ms] : [entry.kind, entry.card]));
}

const press = (runner: { press(k: SessionKey): void }, ...keys: SessionKey[]) => keys.forEach((k) => runner.press(k));

describe('the session runner', () => {
  it('answers each card with the key pressed while it was on screen', () => {
    const { clock, deck, open, timers } = setup();
    const runner = createSessionRunner({ deck: 'd', engine: open(), clock, timers });
    press(runner, 'show');
    clock.advance(3_000);
    press(runner, '3', 'show', '1', 'show', '4');
    expect(written(deck)).toEqual([
      ['review', 'c001', 3, 3_000],
      ['review', 'c002', 1, 0],
      ['review', 'c003', 4, 0],
    ]);
    const state = runner.getState();
    expect(state.answers).toEqual(['c001', 'c002', 'c003']);
    // c001 is in its 10-minute step, c002 back for a minute, c003 graduated: with nothing else
    // left, the engine shows the learning card due first at once (Anki's 20-minute learn ahead).
    expect(state.phase).toBe('question');
    expect(state.view.card?.id).toBe('c002');
    expect(state.view.counts).toEqual({ new: 0, learning: 2, review: 0, total: 2 });
    expect(timers.pending).toBeNull();
  });

  it('ends when the next learning step is more than 20 minutes off, and shows the card once it is within 20', () => {
    const { clock, deck, open, timers } = setup(1, { learningSteps: ['1m', '30m'] });
    const runner = createSessionRunner({ deck: 'd', engine: open(), clock, timers });
    press(runner, 'show', '1');
    // Back in a minute: nothing else is left, so it is shown again now.
    expect(runner.getState().phase).toBe('question');
    expect(runner.getState().view.card?.id).toBe('c001');
    press(runner, 'show', '3');
    expect(deck.cardStates().get('c001')?.due).toBe(T0 + 30 * MINUTE);
    expect(runner.getState().phase).toBe('end');
    expect(runner.getState().view.nextLearningDue).toBe(T0 + 30 * MINUTE);
    // The end screen looks again once a minute.
    expect(timers.pending?.ms).toBe(MINUTE);
    for (let i = 0; i < 30 && runner.getState().phase === 'end'; i++) {
      clock.advance(timers.pending!.ms);
      timers.fire();
    }
    expect(clock.now()).toBe(T0 + 10 * MINUTE);
    expect(runner.getState().phase).toBe('question');
    expect(runner.getState().view.card?.id).toBe('c001');
    expect(timers.pending).toBeNull();
  });

  it('undoes back to the card whose rating was taken back', () => {
    const { clock, deck, open, timers } = setup();
    const runner = createSessionRunner({ deck: 'd', engine: open(), clock, timers });
    press(runner, 'show', '3', 'show', '3');
    expect(runner.getState().view.card?.id).toBe('c003');
    press(runner, 'undo');
    expect(runner.getState().view.card?.id).toBe('c002');
    expect(runner.getState().notice).toBe('Undone: Paper c002');
    expect(runner.getState().answers).toEqual(['c001']);
    press(runner, 'undo');
    expect(runner.getState().view.card?.id).toBe('c001');
    expect(runner.getState().view.counts).toEqual({ new: 3, learning: 0, review: 0, total: 3 });
    press(runner, 'show', '2');
    expect(written(deck)).toEqual([
      ['review', 'c001', 3, 0],
      ['review', 'c002', 3, 0],
      ['undo', 'c002'],
      ['undo', 'c001'],
      ['review', 'c001', 2, 0],
    ]);
  });

  it('turns an engine failure into the error screen and carries on after a key', () => {
    const { clock, deck, open, timers } = setup();
    const runner = createSessionRunner({ deck: 'd', engine: open(), clock, timers });
    deck.nextWriteFails = new UserError('cannot write state/log.ndjson: disk full');
    press(runner, 'show', '3');
    expect(runner.getState().phase).toBe('error');
    expect(runner.getState().error).toBe('cannot write state/log.ndjson: disk full');
    expect(deck.readLog()).toEqual([]);
    press(runner, 'show');
    expect(runner.getState().phase).toBe('question');
    expect(runner.getState().view.card?.id).toBe('c001');
    press(runner, 'show', '3');
    expect(written(deck)).toEqual([['review', 'c001', 3, 0]]);
  });

  it('hands the editor the card on screen, then shows what the rebuild changed', async () => {
    const { clock, deck, open, timers } = setup();
    const engine = open();
    const edited: string[] = [];
    const runner = createSessionRunner({
      deck: 'd',
      engine,
      clock,
      timers,
      editNote: async (cardId) => {
        edited.push(cardId);
        expect(runner.getState().phase).toBe('editor');
        engine.replaceCards([{ ...makeCard('c001'), answer: 'Rewritten idea.' }, makeCard('c002'), makeCard('c003')]);
        return 'notes changed: 1 updated';
      },
    });
    press(runner, 'show', 'edit');
    expect(runner.getState().phase).toBe('editor');
    await new Promise<void>((resolve) => {
      const stop = runner.subscribe(() => {
        if (runner.getState().phase !== 'editor') {
          stop();
          resolve();
        }
      });
    });
    expect(edited).toEqual(['c001']);
    expect(runner.getState().notice).toBe('notes changed: 1 updated');
    expect(runner.getState().phase).toBe('answer');
    expect(runner.getState().view.card?.answer).toBe('Rewritten idea.');
    press(runner, '3');
    expect(written(deck)).toEqual([['review', 'c001', 3, 0]]);
    expect(runner.getState().view.card?.id).toBe('c002');
  });

  it('takes back the rating of a card an edit removed, and says so', () => {
    const { clock, deck, open, timers } = setup();
    const engine = open();
    const runner = createSessionRunner({ deck: 'd', engine, clock, timers });
    press(runner, 'show', '3');
    expect(runner.getState().answers).toEqual(['c001']);
    engine.replaceCards([makeCard('c002'), makeCard('c003')]); // c001's paper deleted from the notes
    press(runner, 'undo');
    expect(written(deck).at(-1)).toEqual(['undo', 'c001']);
    expect(runner.getState().notice).toBe('Undone: a card no longer in the deck');
    expect(runner.getState().answers).toEqual([]);
  });

  it('settles `finished` on quit and stops its timer', async () => {
    const { clock, open, timers } = setup(1);
    // An earlier session buried the deck's one card until tomorrow.
    open().bury('c001');
    const runner = createSessionRunner({ deck: 'd', engine: open(), clock, timers });
    expect(runner.getState().phase).toBe('nothing-due');
    expect(timers.pending?.ms).toBe(MINUTE);
    press(runner, 'quit');
    await runner.finished;
    expect(timers.pending).toBeNull();
    expect(runner.getState().exit).toBe(true);
  });
});

describe('a grade pressed after the day began while its card was on screen', () => {
  it('does what the screen showed for it, and counts in the day the card was shown', () => {
    const clock = new ManualClock(local(2027, 3, 1, 10));
    const deck = new FakeDeckState('d');
    const config = settings({ learningSteps: [], fuzz: false });
    const cards = makeCards(1);
    createStudyEngine({ deck, cards, settings: config, clock }).answer('c001', 3, 1_000);
    const learned = deck.cardStates().get('c001')!;
    // A few days overdue, shown a minute before the next day starts at 04:00.
    clock.set(learned.due + 5 * DAY - MINUTE);
    const shownAt = clock.now();
    expect(new Date(shownAt).getHours()).toBe(3);
    const timers = new HandTimers();
    const runner = createSessionRunner({ deck: 'd', engine: createStudyEngine({ deck, cards, settings: config, clock }), clock, timers });
    press(runner, 'show');
    const good = runner.getState().view.card!.previews.find((p) => p.rating === 3)!;
    // What Good would give a minute later differs: the screen must not change its mind.
    const later = createStudyEngine({ deck, cards, settings: config, clock: new ManualClock(shownAt + 2 * MINUTE) }).previews('c001');
    expect(later[2]!.due).not.toBe(good.due);

    clock.advance(2 * MINUTE); // 04:01: the day has begun
    press(runner, '3');
    const after = deck.cardStates().get('c001')!;
    expect(after.due).toBe(good.due);
    const review = deck.readLog().at(-1)!;
    expect(review.kind).toBe('review');
    expect(localDayKey(review.at, 4)).toBe(localDayKey(shownAt, 4));
    expect(review.at).toBeLessThanOrEqual(clock.now());
  });
});

describe('the session runner over several decks', () => {
  it('opens the next deck once this one is done, and answers go to that deck’s log', async () => {
    const clock = new ManualClock(T0);
    const first = new FakeDeckState('a');
    const second = new FakeDeckState('b');
    const config = settings();
    const opened: string[] = [];
    const runner = createSessionRunner({
      deck: 'a',
      engine: createStudyEngine({ deck: first, cards: makeCards(1), settings: config, clock }),
      clock,
      timers: new HandTimers(),
      scope: { elsewhere: [{ deck: 'b', due: 1 }], all: true },
      openDeck: async (name) => {
        opened.push(name);
        return { engine: createStudyEngine({ deck: second, cards: makeCards(1), settings: config, clock }), notice: null };
      },
    });
    press(runner, 'show', '4');
    expect(runner.getState().busy).toBe('nextDeck');
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toEqual(['b']);
    expect(runner.getState()).toMatchObject({ deck: 'b', phase: 'question', elsewhere: [] });
    press(runner, 'show', '4');
    expect(written(first)).toEqual([['review', 'c001', 4, 0]]);
    expect(written(second)).toEqual([['review', 'c001', 4, 0]]);
    expect(runner.getState().phase).toBe('end');
  });
});
