// Two machines' logs of one deck read as one (store/merged-log.ts): answers to the same card on
// both count in time order, exactly as if given on one machine; an undo takes back only its own
// machine's answer; both machines compute the same states from the same files.
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { CardState, Rating } from '../../src/core/types.js';
import { newCardState } from '../../src/schedule/card-state.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { logFactsOf } from '../../src/store/log-facts.js';
import { openState, useRescheduler } from '../../src/store/state.js';
import { ownLog, snapshotOf } from '../helpers/state-paths.js';
import { tempDir } from './helpers.js';

const T0 = Date.parse('2027-03-01T10:00:00Z');
const MINUTE = 60_000;
const scheduler = new Scheduler(DEFAULT_SETTINGS);
const device = (name: string) => ({ name, fingerprint: `fp-${name}` });

beforeAll(() => {
  // As the full program does (cli/program.ts).
  useRescheduler((settings) => {
    const s = new Scheduler(settings);
    return (state, entry) => (entry.kind === 'review' ? s.answer(entry.card, state, entry.rating, entry.at) : entry.after);
  });
});

/** Machine `name` answers `card` with `rating` at `at`, from the states it sees; returns the seq it was given. */
async function answer(state: string, name: string, card: string, rating: Rating, at: number): Promise<number> {
  const store = await openState(state, { mode: 'write', clock: new ManualClock(at), device: device(name) });
  try {
    const deck = store.deck('d');
    const before = deck.cardStates().get(card) ?? null;
    const after = scheduler.answer(card, before ?? newCardState(), rating, at);
    return deck.append({ kind: 'review', at, card, before, after, rating, ms: 1000 }).seq;
  } finally {
    store.close();
  }
}

/** A sync tool copying machine `name`'s log of deck d from one state folder to another. */
function syncLog(from: string, to: string, name: string): void {
  mkdirSync(dirname(ownLog(to, 'd', name)), { recursive: true });
  copyFileSync(ownLog(from, 'd', name), ownLog(to, 'd', name));
}

async function statesSeenBy(state: string, name: string): Promise<Map<string, CardState>> {
  const store = await openState(state, { mode: 'read', clock: new ManualClock(T0 + 60 * MINUTE), device: device(name) });
  try {
    return new Map(store.deck('d').cardStates());
  } finally {
    store.close();
  }
}

describe('merging two machines’ logs', () => {
  it('counts answers to one card on both machines in time order, as if given on one', async () => {
    const laptop = tempDir();
    const desktop = tempDir();
    await answer(laptop, 'laptop', 'x', 4, T0);
    await answer(desktop, 'desktop', 'x', 3, T0 + 30 * MINUTE);
    await answer(desktop, 'desktop', 'y', 3, T0 + 31 * MINUTE);
    syncLog(laptop, desktop, 'laptop');
    syncLog(desktop, laptop, 'desktop');

    const oneMachine = scheduler.answer('x', scheduler.answer('x', newCardState(), 4, T0), 3, T0 + 30 * MINUTE);
    const seenByLaptop = await statesSeenBy(laptop, 'laptop');
    expect(seenByLaptop.get('x')).toEqual(oneMachine);
    expect(seenByLaptop.get('x')!.reps).toBe(2);
    expect(await statesSeenBy(desktop, 'desktop')).toEqual(seenByLaptop);

    // The merged log: every answer once, numbered in time order, each with its machine.
    const store = await openState(laptop, { mode: 'read', clock: new ManualClock(T0), device: device('laptop') });
    const log = store.deck('d').readLog();
    expect(log.map((entry) => [entry.seq, entry.device, entry.card])).toEqual([
      [1, 'laptop', 'x'],
      [2, 'desktop', 'x'],
      [3, 'desktop', 'y'],
    ]);
    // The statistics read the same merge, without an entry object for any line.
    expect(store.deck('d').readLogFacts()).toEqual(logFactsOf(log));
    store.close();

    // A writer folds the merge; opening again from its snapshot gives the same states.
    await answer(laptop, 'laptop', 'y', 4, T0 + 40 * MINUTE);
    const folded = await statesSeenBy(laptop, 'laptop');
    expect(folded.get('x')).toEqual(oneMachine);
    expect(folded.get('y')!.reps).toBe(2);
  });

  it('undoes only its own machine’s answer, keeping the other machine’s', async () => {
    const laptop = tempDir();
    const desktop = tempDir();
    await answer(desktop, 'desktop', 'x', 3, T0);
    // The laptop answers x unaware of the desktop's answer, then takes its answer back.
    const store = await openState(laptop, { mode: 'write', clock: new ManualClock(T0 + MINUTE), device: device('laptop') });
    const deck = store.deck('d');
    const after = scheduler.answer('x', newCardState(), 1, T0 + MINUTE);
    const written = deck.append({ kind: 'review', at: T0 + MINUTE, card: 'x', before: null, after, rating: 1, ms: 1000 });
    deck.append({ kind: 'undo', at: T0 + 2 * MINUTE, card: 'x', undoes: written.seq, before: after, after: newCardState() });
    expect(() => deck.append({ kind: 'undo', at: T0 + 3 * MINUTE, card: 'x', undoes: 99, before: after, after })).toThrow(/not written by this session/);
    store.close();
    syncLog(desktop, laptop, 'desktop');
    syncLog(laptop, desktop, 'laptop');

    const reader = await openState(laptop, { mode: 'read', clock: new ManualClock(T0), device: device('laptop') });
    const merged = reader.deck('d').readLog();
    expect(merged.map((entry) => (entry.kind === 'undo' ? `undo ${entry.undoes}` : `${entry.kind} ${entry.seq}`))).toEqual(['review 1', 'review 2', 'undo 2']);
    expect(reader.deck('d').readLogFacts()).toEqual(logFactsOf(merged));
    reader.close();
    const onlyDesktops = scheduler.answer('x', newCardState(), 3, T0);
    expect((await statesSeenBy(laptop, 'laptop')).get('x')).toEqual(onlyDesktops);
    expect((await statesSeenBy(desktop, 'desktop')).get('x')).toEqual(onlyDesktops);
  });

  it('opens a folder from before devices from the snapshot it left, while that snapshot fits the old log', async () => {
    const state = tempDir();
    await answer(state, 'old', 'x', 3, T0);
    await answer(state, 'old', 'y', 3, T0 + MINUTE);
    // As an older paperdeck left it: decks/d/log.ndjson and decks/d/snapshot.json beside it.
    const legacyLog = join(state, 'decks', 'd', 'log.ndjson');
    renameSync(ownLog(state, 'd', 'old'), legacyLog);
    const folded = JSON.parse(readFileSync(snapshotOf(state, 'd', 'old'), 'utf8'));
    rmSync(join(state, 'local'), { recursive: true });
    const old = { schemaVersion: 1, seq: folded.seq, logBytes: folded.logBytes, cards: folded.cards };
    // A mark only the snapshot holds: seen, the snapshot was read rather than the log replayed.
    old.cards.x.lapses = 7;
    writeFileSync(join(state, 'decks', 'd', 'snapshot.json'), JSON.stringify(old));
    expect((await statesSeenBy(state, 'new')).get('x')!.lapses).toBe(7);
    // One that does not end where the old log has that entry is passed over: the log is replayed.
    writeFileSync(join(state, 'decks', 'd', 'snapshot.json'), JSON.stringify({ ...old, logBytes: old.logBytes - 3 }));
    expect((await statesSeenBy(state, 'new')).get('x')!.lapses).toBe(0);
    expect((await statesSeenBy(state, 'new')).get('y')!.reps).toBe(1);
  });

  it('reads another machine’s log whose first line is still arriving as holding nothing yet', async () => {
    const state = tempDir();
    await answer(state, 'laptop', 'x', 3, T0);
    const arriving = ownLog(state, 'd', 'desktop');
    writeFileSync(arriving, '{"paperdeck":"review-l');
    const store = await openState(state, { mode: 'read', clock: new ManualClock(T0), device: device('laptop') });
    expect(store.deck('d').readLog().map((entry) => entry.card)).toEqual(['x']);
    store.close();
    expect(readFileSync(arriving, 'utf8')).toBe('{"paperdeck":"review-l');
  });
});
