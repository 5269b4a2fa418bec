// The due index (src/store/due-index.ts) stands in for cards.json and the card states in
// `paperdeck due`. It must give exactly what the full read gives, at any time, after any
// answers since it was written; and be set aside whenever what it was made from has moved.
// Real files on disk, the real study engine, days of use on a ManualClock.
import { dueIndexOf, ownLog, snapshotOf } from '../helpers/state-paths.js';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDeck } from '../../src/cards/generate.js';
import { ManualClock } from '../../src/core/clock.js';
import { playSession } from '../helpers/study-session.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { queueForDeck } from '../../src/schedule/queue.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { currentDueIndex, currentDueQueue, deckStatus, leaveDueIndex } from '../../src/cards/freshness.js';
import { serializeCardsFile } from '../../src/store/decks.js';
import { GENERATOR_VERSION } from '../../src/cards/version.js';
import { syntheticCard } from '../../bench/synthetic.js';
import { openState, type StateStore } from '../../src/store/index.js';
import { BUNDLED_NOTES, runCli } from '../helpers/cli.js';
import { tempDir } from './helpers.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, newPerDay: 12 };

/**
 * The bundled deck built an hour ago from notes saved a day ago (so cards.json stamps them,
 * and has settled), and a state folder. File times are real time, whatever the Clock says.
 */
function workspace(): { decks: string; state: string; notes: string } {
  const decks = tempDir();
  mkdirSync(join(decks, 'papers'));
  const notes = join(decks, 'papers', 'notes.txt');
  copyFileSync(BUNDLED_NOTES, notes);
  const yesterday = new Date(Date.now() - DAY);
  utimesSync(notes, yesterday, yesterday);
  generateDeck(decks, 'papers');
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(join(decks, 'papers', 'cards.json'), anHourAgo, anHourAgo);
  return { decks, state: tempDir(), notes };
}

/** Closes the store and writes the index, as a study session does when it ends. */
function closeAndLeaveIndex(ws: { decks: string; state: string }, store: StateStore): boolean {
  const status = deckStatus(ws.decks, 'papers');
  expect(status).toMatchObject({ current: true, notes: null });
  const deck = store.deck('papers');
  store.close();
  return leaveDueIndex(ws.state, deck, status);
}

/** What `due` counts at `now` with the index (read whole, and for the queue alone, as `due` reads it), and with everything read in full. */
async function bothWays(ws: { decks: string; state: string }, now: number) {
  const clock = new ManualClock(now);
  const indexed = currentDueIndex(ws.decks, ws.state, 'papers');
  const queued = currentDueQueue(ws.decks, ws.state, 'papers');
  expect(queued === null).toBe(indexed === null);
  const reader = await openState(ws.state, { mode: 'read', clock });
  try {
    const full = queueForDeck({ deck: reader.deck('papers'), cards: deckStatus(ws.decks, 'papers').cardsFile!.cards, settings, now });
    const fast = indexed && queueForDeck({ deck: indexed.progress, columns: indexed.columns, settings, now });
    const queue = queued && queueForDeck({ deck: queued.progress, columns: queued.columns, settings, now });
    if (fast) expect({ ...queue!, next: queue!.next?.id ?? null }).toEqual({ ...fast, next: fast.next?.id ?? null });
    return { indexed: indexed !== null, full: { ...full, next: full.next?.id ?? null }, fast: fast && { ...fast, next: fast.next?.id ?? null } };
  } finally {
    reader.close();
  }
}

/** A session of `answers` answers (a fixed mix of ratings, some buries and suspends), ended as study ends it, or killed. */
async function session(ws: { state: string; decks: string }, clock: ManualClock, answers: number, seed: number, leave = true): Promise<void> {
  const store = await playSession(ws, clock, answers, seed, settings);
  // Without `leave`, as a session killed mid-way: nothing folded, no new index.
  if (leave) expect(closeAndLeaveIndex(ws, store)).toBe(true);
}

describe('the due index', () => {
  it('counts exactly what the full read counts, over weeks of sessions, at any hour after them', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 2, 20, 8, 0).getTime()); // across the March DST change
    for (let day = 0; day < 24; day++) {
      const sessionStart = clock.now();
      await session(ws, clock, 10 + (day % 5) * 6, day);
      for (const later of [0, 5 * MINUTE, 25 * MINUTE, 3 * 3_600_000, 20 * 3_600_000]) {
        const { indexed, full, fast } = await bothWays(ws, clock.now() + later);
        expect(indexed, `day ${day}`).toBe(true);
        expect(fast, `day ${day} +${later / MINUTE} min`).toEqual(full);
      }
      clock.set(sessionStart + DAY);
    }
  });

  it('replays answers given after it was written (a session that did not end cleanly)', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    await session(ws, clock, 15, 1);
    await session(ws, clock, 12, 2, false); // killed: no new index
    const { indexed, full, fast } = await bothWays(ws, clock.now() + 2 * MINUTE);
    expect(indexed).toBe(true);
    expect(fast).toEqual(full);
    expect(full.counts.total).toBeGreaterThan(0);
  });

  describe('is set aside (and due reads everything) when', () => {
    async function withIndex() {
      const ws = workspace();
      const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
      await session(ws, clock, 10, 3);
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).not.toBeNull();
      return ws;
    }

    it('cards.json was written again', async () => {
      const ws = await withIndex();
      const cards = join(ws.decks, 'papers', 'cards.json');
      writeFileSync(cards, readFileSync(cards));
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
    });

    it('the notes were edited or touched', async () => {
      const ws = await withIndex();
      writeFileSync(ws.notes, readFileSync(ws.notes, 'utf8').replace('C1:', 'C1 :'));
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
    });

    it('the log is not the one it was made from', async () => {
      const ws = await withIndex();
      const log = ownLog(ws.state, 'papers');
      const bytes = readFileSync(log);
      truncateSync(log, bytes.length - 40);
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
      rmSync(log);
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
    });

    it('the log was put back from a backup and grew again to the same length (another entry at its point)', async () => {
      const ws = await withIndex();
      const log = ownLog(ws.state, 'papers');
      const lines = readFileSync(log, 'utf8').split('\n');
      // The entry at the index's point, rewritten as another answer of the same length: same
      // number, same place, another time.
      const last = lines.length - 2;
      lines[last] = lines[last]!.replace(/("at":|,)(\d{13})/, (_, lead: string, at: string) => `${lead}${Number(at) + 1}`);
      expect(lines.join('\n').length).toBe(readFileSync(log, 'utf8').length);
      writeFileSync(log, lines.join('\n'));
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
    });

    it('the snapshot was replaced or damaged', async () => {
      const ws = await withIndex();
      const snapshot = snapshotOf(ws.state, 'papers');
      writeFileSync(snapshot, 'garbage');
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
    });

    it('it is damaged', async () => {
      const ws = await withIndex();
      const index = dueIndexOf(ws.state, 'papers');
      writeFileSync(index, readFileSync(index, 'utf8').slice(0, 200));
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
      writeFileSync(index, JSON.stringify({ schemaVersion: 1, ids: ['a'], state: [] }));
      expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
    });

    it('its columns, ids or titles were damaged in place, or it was left by an older paperdeck: `due` and `cards --json` print what the full read prints', async () => {
      const ws = await withIndex();
      const index = dueIndexOf(ws.state, 'papers');
      const good = readFileSync(index);
      const due = () => runCli(['due', '--json', '--decks', ws.decks, '--state', ws.state], { env: { ...process.env, PAPERDECK_NOW: new Date(2026, 5, 2, 9, 0).toISOString() } });
      const counted = due();
      expect(counted.code).toBe(0);
      const head = JSON.parse(good.toString('utf8', 0, good.indexOf(10))) as { cards: number; idsBytes: number; titlesBytes: number };
      const titlesStart = good.length - head.titlesBytes;
      const columnsEnd = titlesStart - head.idsBytes;
      // A state no paperdeck writes, in the last card's `state` byte (the columns end: state, suspended, leech).
      const badState = Buffer.from(good);
      badState[columnsEnd - 2 * head.cards - 1] = 9;
      // Ids that are not a list of the cards.
      const badIds = Buffer.concat([good.subarray(0, columnsEnd), Buffer.from(JSON.stringify(['x']).padEnd(head.idsBytes, ' ')), good.subarray(titlesStart)]);
      // Titles that are not a list of the cards'.
      const badTitles = Buffer.concat([good.subarray(0, titlesStart), Buffer.from(JSON.stringify(['x']).padEnd(head.titlesBytes, ' '))]);
      // The layout of schema 1: one line of JSON, the columns as lists.
      const older = JSON.stringify({ ...head, schemaVersion: 1, ids: [], state: [], due: [], suspended: [], buriedUntil: [] }) + '\n';
      // Schema 2: the four columns the queue reads and the ids, no titles.
      const schema2 = Buffer.concat([Buffer.from(JSON.stringify({ ...head, schemaVersion: 2, titlesBytes: undefined })), good.subarray(good.indexOf(10), columnsEnd), good.subarray(columnsEnd, titlesStart)]);
      const cards = () => runCli(['cards', '--json', '--decks', ws.decks, '--state', ws.state], { env: { ...process.env, PAPERDECK_NOW: new Date(2026, 5, 2, 9, 0).toISOString() } });
      const listed = cards();
      expect(listed.code).toBe(0);
      for (const damaged of [badState, badIds, badTitles, older, schema2]) {
        writeFileSync(index, damaged);
        expect(due()).toEqual(counted);
        expect(cards()).toEqual(listed);
      }
      rmSync(index);
      expect(due()).toEqual(counted);
      expect(cards()).toEqual(listed);
    });
  });

  it('is not left on a cards.json written a moment ago (a rewrite in the same tick would not show)', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    const store = await openState(ws.state, { mode: 'write', clock });
    const engine = createStudyEngine({ deck: store.deck('papers'), cards: deckStatus(ws.decks, 'papers').cardsFile!.cards, settings, clock });
    engine.answer(engine.view().card!.id, 3, 5_000);
    const deck = store.deck('papers');
    const cards = join(ws.decks, 'papers', 'cards.json');
    writeFileSync(cards, readFileSync(cards)); // written just now
    expect(leaveDueIndex(ws.state, deck, deckStatus(ws.decks, 'papers'))).toBe(false);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(cards, aMinuteAgo, aMinuteAgo);
    expect(leaveDueIndex(ws.state, deck, deckStatus(ws.decks, 'papers'))).toBe(true);
    store.close();
  });

  it('is not left when the notes had to be read to know the cards current (touched since the build)', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    const store = await openState(ws.state, { mode: 'write', clock });
    const deck = store.deck('papers');
    const engine = createStudyEngine({ deck, cards: deckStatus(ws.decks, 'papers').cardsFile!.cards, settings, clock });
    engine.answer(engine.view().card!.id, 3, 5_000); // the deck's state folder exists: only the status can refuse
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(ws.notes, anHourAgo, anHourAgo); // touched after the build, content unchanged
    const status = deckStatus(ws.decks, 'papers');
    expect(status).toMatchObject({ current: true, notes: expect.any(Array) });
    expect(leaveDueIndex(ws.state, deck, status)).toBe(false);
    store.close();
  });

  it('leaves a damaged log to the full read in `paperdeck due`, which names the damage as it always has', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    await session(ws, clock, 8, 4);
    const log = ownLog(ws.state, 'papers');
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[3] = 'X' + lines[3]!.slice(1); // an entry before the index's point
    writeFileSync(log, lines.join('\n'));
    const run = (index: boolean) => {
      const file = dueIndexOf(ws.state, 'papers');
      if (!index) rmSync(file, { force: true });
      return runCli(['due', '--json', '--decks', ws.decks, '--state', ws.state], { env: { ...process.env, PAPERDECK_NOW: new Date(clock.now() + DAY).toISOString() } });
    };
    const withIndex = run(true);
    expect(withIndex).toMatchObject({ code: 1, stdout: '' });
    expect(withIndex.stderr).toMatch(/^paperdeck: .*logs\/this-machine\.ndjson is corrupted \(line 4 /);
    expect(run(false)).toEqual(withIndex);
  });

  it('serves a deck of cards alone (no notes file), until a notes file appears', async () => {
    const ws = workspace();
    rmSync(ws.notes);
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    const store = await openState(ws.state, { mode: 'write', clock });
    const engine = createStudyEngine({ deck: store.deck('papers'), cards: deckStatus(ws.decks, 'papers').cardsFile!.cards, settings, clock });
    for (let i = 0; i < 6; i++) engine.answer(engine.view().card!.id, 3, 5_000);
    const deck = store.deck('papers');
    store.close();
    expect(leaveDueIndex(ws.state, deck, deckStatus(ws.decks, 'papers'))).toBe(true);
    const { indexed, full, fast } = await bothWays(ws, clock.now() + 12 * MINUTE);
    expect(indexed).toBe(true);
    expect(fast).toEqual(full);
    writeFileSync(join(ws.decks, 'papers', 'more.md'), '## A paper\n\nKey idea: one.\n');
    expect(currentDueIndex(ws.decks, ws.state, 'papers')).toBeNull();
  });

  it.runIf(existsSync('/proc/thread-self/io'))('is read by `due` for the queue alone: not the ids, titles or other columns of 3,000 cards', async () => {
    const ws = { decks: tempDir(), state: tempDir() };
    mkdirSync(join(ws.decks, 'papers'));
    const cards = Array.from({ length: 3000 }, (_, i) => syntheticCard(i));
    const cardsFile = join(ws.decks, 'papers', 'cards.json');
    writeFileSync(cardsFile, serializeCardsFile({ version: 1, deck: 'papers', notesHash: '', generator: GENERATOR_VERSION, cards, retired: [], skipped: [], warnings: [] }));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(cardsFile, anHourAgo, anHourAgo);
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    await session(ws, clock, 40, 4);
    // Bytes this thread read through system calls (Linux): the index, the log's end.
    const bytesRead = () => Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/thread-self/io', 'utf8'))![1]);
    const before = bytesRead();
    const queue = currentDueQueue(ws.decks, ws.state, 'papers');
    const read = bytesRead() - before;
    expect(queue).not.toBeNull();
    // The queue's four columns are 18 of a card's 83 bytes of columns, before its id and title.
    expect(read).toBeLessThan(statSync(dueIndexOf(ws.state, 'papers')).size / 3);
    const { indexed, full, fast } = await bothWays(ws, clock.now() + 5 * MINUTE);
    expect(indexed).toBe(true);
    expect(fast).toEqual(full);
    // A card's id, asked for once the index was read: read then, from the same file.
    expect(queue!.columns.idAt(2999)).toBe('card-2999');
  });
});
