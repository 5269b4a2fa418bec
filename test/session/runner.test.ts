import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import { createSessionRunner, type Timers } from '../../src/session/runner.js';
import type { SessionKey } from '../../src/session/types.js';
import { FakeEngine, makeCard } from './fake-engine.js';

const T0 = Date.parse('2027-03-01T10:00:00Z');

/** Timers a test fires by hand. */
class HandTimers implements Timers {
  pending: { callback: () => void; ms: number } | null = null;
  set(callback: () => void, ms: number) {
    const entry = { callback, ms };
    this.pending = entry;
    return entry;
  }
  clear(handle: unknown) {
    if (this.pending === handle) this.pending = null;
  }
  fire() {
    const entry = this.pending;
    this.pending = null;
    entry?.callback();
  }
}

function setup(n = 3) {
  const clock = new ManualClock(T0);
  const engine = new FakeEngine(Array.from({ length: n }, (_, i) => makeCard(i + 1)), clock);
  const timers = new HandTimers();
  return { clock, engine, timers };
}

const press = (runner: { press(k: SessionKey): void }, ...keys: SessionKey[]) => keys.forEach((k) => runner.press(k));

describe('the session runner', () => {
  it('answers each card with the key pressed while it was on screen', () => {
    const { clock, engine, timers } = setup();
    const runner = createSessionRunner({ deck: 'd', engine, clock, timers });
    press(runner, 'show');
    clock.advance(3_000);
    press(runner, '3', 'show', '1', 'show', '4');
    expect(engine.answers).toEqual([
      { kind: 'answer', cardId: 'card-1', rating: 3, ms: 3_000 },
      { kind: 'answer', cardId: 'card-2', rating: 1, ms: 0 },
      { kind: 'answer', cardId: 'card-3', rating: 4, ms: 0 },
    ]);
    const state = runner.getState();
    expect(state.answers).toEqual(["card-1", "card-2", "card-3"]);
    // card-2 went back to learning for a minute: the session waits for it.
    expect(state.phase).toBe('waiting');
    expect(timers.pending?.ms).toBe(1_000);
  });

  it('shows the learning card when its minute is up', () => {
    const { clock, engine, timers } = setup(1);
    const runner = createSessionRunner({ deck: 'd', engine, clock, timers });
    press(runner, 'show', '1');
    expect(runner.getState().phase).toBe('waiting');
    for (let i = 0; i < 60; i++) {
      clock.advance(1_000);
      timers.fire();
    }
    expect(runner.getState().phase).toBe('question');
    expect(runner.getState().view.card?.id).toBe('card-1');
    expect(timers.pending).toBeNull();
  });

  it('undoes back to the card whose rating was taken back', () => {
    const { clock, engine, timers } = setup();
    const runner = createSessionRunner({ deck: 'd', engine, clock, timers });
    press(runner, 'show', '3', 'show', '3', 'undo');
    expect(runner.getState().view.card?.id).toBe('card-2');
    expect(runner.getState().notice).toBe('Undone: Paper number 2');
    press(runner, 'undo');
    expect(runner.getState().view.card?.id).toBe('card-1');
    press(runner, 'show', '2');
    expect(engine.answers.map((a) => [a.cardId, a.rating])).toEqual([
      ['card-1', 3],
      ['card-2', 3],
      ['card-1', 2],
    ]);
  });

  it('turns an engine failure into the error screen and carries on after a key', () => {
    const { clock, engine, timers } = setup();
    const runner = createSessionRunner({ deck: 'd', engine, clock, timers });
    engine.failNextAnswer = new UserError('cannot write state/log.ndjson: disk full');
    press(runner, 'show', '3');
    expect(runner.getState().phase).toBe('error');
    expect(runner.getState().error).toBe('cannot write state/log.ndjson: disk full');
    press(runner, 'show');
    expect(runner.getState().phase).toBe('question');
    expect(runner.getState().view.card?.id).toBe('card-1');
  });

  it('hands the editor the card on screen, then shows what the rebuild changed', async () => {
    const { clock, engine, timers } = setup();
    const edited: string[] = [];
    const runner = createSessionRunner({
      deck: 'd',
      engine,
      clock,
      timers,
      editNote: async (cardId) => {
        edited.push(cardId);
        expect(runner.getState().phase).toBe('editor');
        engine.replaceCards([makeCard(1, { answer: 'Rewritten idea.' }), makeCard(2), makeCard(3)]);
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
    expect(edited).toEqual(['card-1']);
    expect(runner.getState().notice).toBe('notes changed: 1 updated');
    expect(runner.getState().phase).toBe('answer');
    expect(runner.getState().view.card?.answer).toBe('Rewritten idea.');
    press(runner, '3');
    expect(engine.answers).toEqual([{ kind: 'answer', cardId: 'card-1', rating: 3, ms: 0 }]);
    expect(runner.getState().view.card?.id).toBe('card-2');
  });

  it('settles `finished` on quit and stops its timer', async () => {
    const { clock, engine, timers } = setup(0);
    const runner = createSessionRunner({ deck: 'd', engine, clock, timers });
    expect(runner.getState().phase).toBe('nothing-due');
    expect(timers.pending).not.toBeNull();
    press(runner, 'quit');
    await runner.finished;
    expect(timers.pending).toBeNull();
    expect(runner.getState().exit).toBe(true);
  });
});
