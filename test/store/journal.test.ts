// The review log and its snapshot: answers survive reopening, the snapshot is folded and the
// tail past it replayed, the log alone rebuilds everything, a torn last line is set aside.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UsageError } from '../../src/core/errors.js';
import type { LogEntry, NewLogEntry } from '../../src/core/types.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { FOLD_TAIL_ENTRIES, openState } from '../../src/store/index.js';
import { decodeEntry } from '../../src/store/log-codec.js';
import { sampleReview, sampleState } from './fixtures/sample.js';
import { bytesOf, tempDir } from './helpers.js';
import { ownLog, settingsOf, snapshotOf } from '../helpers/state-paths.js';

const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

function deckFiles(stateDir: string, deck: string) {
  const log = ownLog(stateDir, deck);
  // `dir`: the folder of the own log, where a torn line is set aside beside it.
  return { dir: dirname(log), log, snapshot: snapshotOf(stateDir, deck) };
}

async function appendReviews(stateDir: string, deck: string, count: number, cards = 5): Promise<LogEntry[]> {
  const store = await openState(stateDir, { mode: 'write', clock });
  const d = store.deck(deck);
  const stored: LogEntry[] = [];
  for (let i = 0; i < count; i++) {
    const n = d.lastSeq() + 1;
    stored.push(d.append(sampleReview(`card-${n % cards}`, n)));
  }
  store.close();
  return stored;
}

function snapshotDoc(file: string): { schemaVersion: number; seq: number; logBytes: number; cards: Record<string, unknown> } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('appending answers', () => {
  it('keeps every answer across reopening, numbered from 1 without gaps', async () => {
    const state = tempDir();
    const store = await openState(state, { mode: 'write', clock });
    const deck = store.deck('iclr2017');
    const first = deck.append(sampleReview('a', 1));
    const second = deck.append(sampleReview('b', 2));
    const third = deck.append({ ...sampleReview('a', 3), before: first.after });
    expect([first.seq, second.seq, third.seq]).toEqual([1, 2, 3]);
    expect(deck.cardStates().get('a')).toEqual(sampleState(3));
    store.close();

    const again = await openState(state, { mode: 'read', clock });
    const reopened = again.deck('iclr2017');
    expect(reopened.lastSeq()).toBe(3);
    expect(reopened.cardStates().get('a')).toEqual(sampleState(3));
    expect(reopened.cardStates().get('b')).toEqual(sampleState(2));
    expect(reopened.readLog()).toEqual([first, second, third]);
    expect(reopened.readLog()[2]?.before).toEqual(sampleState(1));
    again.close();
  });

  it('writes each answer to the log before append returns, one line each', async () => {
    const state = tempDir();
    const store = await openState(state, { mode: 'write', clock });
    const deck = store.deck('d');
    deck.append(sampleReview('a', 1));
    const { log } = deckFiles(state, 'd');
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines).toHaveLength(3); // header, the entry, and the empty rest after the last newline
    expect(decodeEntry(JSON.parse(lines[1] ?? ''))).toMatchObject({ seq: 1, card: 'a', kind: 'review', rating: 3 });
    deck.append(sampleReview('b', 2));
    expect(readFileSync(log, 'utf8').split('\n')).toHaveLength(4);
    store.close();
  });

  it('stores the seq it assigns even if the caller passes one', async () => {
    const state = tempDir();
    const store = await openState(state, { mode: 'write', clock });
    const deck = store.deck('d');
    const entry = deck.append({ ...sampleReview('a', 1), seq: 99 } as unknown as NewLogEntry);
    expect(entry.seq).toBe(1);
    store.close();
    expect((await openState(state, { mode: 'read', clock })).deck('d').readLog()[0]?.seq).toBe(1);
  });

  it('keeps undo and flag entries like reviews: the state after each is the current one', async () => {
    const state = tempDir();
    const store = await openState(state, { mode: 'write', clock });
    const deck = store.deck('d');
    const review = deck.append(sampleReview('a', 1));
    deck.append({ kind: 'undo', undoes: review.seq, at: 2, card: 'a', before: review.after, after: sampleState(0) });
    deck.append({ kind: 'suspend', at: 3, card: 'b', before: null, after: { ...sampleState(5), suspended: true } });
    store.close();
    const read = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(read.cardStates().get('a')).toEqual(sampleState(0));
    expect(read.cardStates().get('b')?.suspended).toBe(true);
    expect(read.readLog().map((e) => e.kind)).toEqual(['review', 'undo', 'suspend']);
  });

  it('refuses to write through a reader', async () => {
    const state = tempDir();
    await appendReviews(state, 'd', 2);
    const reader = await openState(state, { mode: 'read', clock });
    expect(() => reader.deck('d').append(sampleReview('a', 9))).toThrow(/writing/);
    expect(() => reader.saveSettings({ newPerDay: 1 })).toThrow(/writing/);
  });
});

describe('the snapshot and the tail of the log', () => {
  it('folds on close, and a reader replays the tail a running writer has not folded yet', async () => {
    const state = tempDir();
    await appendReviews(state, 'd', 10);
    const { snapshot } = deckFiles(state, 'd');
    expect(snapshotDoc(snapshot).seq).toBe(10);

    const writer = await openState(state, { mode: 'write', clock });
    const deck = writer.deck('d');
    for (let n = 11; n <= 15; n++) deck.append(sampleReview(`new-${n}`, n));
    expect(snapshotDoc(snapshot).seq).toBe(10); // answers do not rewrite the snapshot

    const reader = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(reader.lastSeq()).toBe(15);
    expect(reader.cardStates().get('new-15')).toEqual(sampleState(15));
    expect(reader.cardStates().get('card-0')).toEqual(sampleState(10));

    writer.close();
    const folded = snapshotDoc(snapshot);
    expect(folded.seq).toBe(15);
    expect(folded.logBytes).toBe(statSync(deckFiles(state, 'd').log).size);
    expect(Object.keys(folded.cards).sort()).toEqual([...reader.cardStates().keys()].sort());
  });

  it('folds a long tail when a writer opens, and a reader leaves the files alone', async () => {
    const state = tempDir();
    await appendReviews(state, 'd', 3);
    const { log, snapshot } = deckFiles(state, 'd');
    // A writer that crashed after many answers: the log ran far past the snapshot.
    let text = '';
    for (let n = 4; n <= FOLD_TAIL_ENTRIES + 10; n++) text += JSON.stringify({ seq: n, ...sampleReview(`c${n % 7}`, n) }) + '\n';
    appendFileSync(log, text);
    const before = bytesOf(snapshot);

    const reader = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(reader.lastSeq()).toBe(FOLD_TAIL_ENTRIES + 10);
    expect(bytesOf(snapshot)).toEqual(before);

    const writer = await openState(state, { mode: 'write', clock });
    writer.deck('d');
    expect(snapshotDoc(snapshot).seq).toBe(FOLD_TAIL_ENTRIES + 10); // folded at open, not at close
    writer.close();
  });

  it('rebuilds every card state from the log when the snapshot is gone', async () => {
    const state = tempDir();
    await appendReviews(state, 'd', 40, 7);
    const expected = new Map((await openState(state, { mode: 'read', clock })).deck('d').cardStates());
    const { snapshot } = deckFiles(state, 'd');
    rmSync(snapshot);

    const reader = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(new Map(reader.cardStates())).toEqual(expected);
    expect(existsSync(snapshot)).toBe(false); // readers write nothing

    const writer = await openState(state, { mode: 'write', clock });
    expect(new Map(writer.deck('d').cardStates())).toEqual(expected);
    expect(snapshotDoc(snapshot).seq).toBe(40); // the writer rebuilt it on disk
    writer.close();
  });

  it('rebuilds from the log when the snapshot is an older kind with no migration', async () => {
    const state = tempDir();
    await appendReviews(state, 'd', 6);
    const { snapshot } = deckFiles(state, 'd');
    writeFileSync(snapshot, JSON.stringify({ cards: { bogus: { due: 1 } } })); // no schemaVersion: version 0
    const reader = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(reader.lastSeq()).toBe(6);
    expect(reader.cardStates().has('bogus')).toBe(false);
    expect(reader.cardStates().get('card-1')).toEqual(sampleState(6));
  });

  it('gives the entries after a seq, also from an earlier session', async () => {
    const state = tempDir();
    const written = await appendReviews(state, 'd', 30);
    const writer = await openState(state, { mode: 'write', clock });
    const deck = writer.deck('d');
    expect(deck.entriesSince(25)).toEqual(written.slice(25));
    expect(deck.entriesSince(0)).toEqual(written);
    expect(deck.entriesSince(30)).toEqual([]);
    const next = deck.append(sampleReview('z', 31));
    expect(deck.entriesSince(29)).toEqual([written[29], next]);
    writer.close();
  });
});

describe('a line torn by a crash', () => {
  it('is moved aside by the next writer, every byte kept, and appending goes on', async () => {
    const state = tempDir();
    await appendReviews(state, 'd', 4);
    const { log, dir } = deckFiles(state, 'd');
    const whole = bytesOf(log);
    const torn = '{"seq":5,"at":17890000,"card":"card-0","kind":"rev';
    appendFileSync(log, torn);

    // A reader ignores it and changes nothing: the writer may be in the middle of writing it.
    const reader = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(reader.lastSeq()).toBe(4);
    expect(reader.readLog()).toHaveLength(4);
    expect(reader.tornTail?.file).toBeNull();
    expect(bytesOf(log)).toEqual(Buffer.concat([whole, Buffer.from(torn)]));

    const writer = await openState(state, { mode: 'write', clock });
    const deck = writer.deck('d');
    expect(deck.lastSeq()).toBe(4);
    expect(bytesOf(log)).toEqual(whole);
    const aside = readdirSync(dir).filter((name) => name.startsWith('this-machine.ndjson.torn-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(torn);
    expect(deck.tornTail?.file).toBe(join(dir, aside[0] ?? ''));

    expect(deck.append(sampleReview('x', 5)).seq).toBe(5);
    writer.close();
    expect((await openState(state, { mode: 'read', clock })).deck('d').readLog().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts a garbled last line (ending in a newline) as torn too', async () => {
    const state = tempDir();
    await appendReviews(state, 'd', 2);
    const { log } = deckFiles(state, 'd');
    appendFileSync(log, '\0\0\0\0\n');
    const writer = await openState(state, { mode: 'write', clock });
    expect(writer.deck('d').lastSeq()).toBe(2);
    expect(writer.deck('d').tornTail?.reason).toMatch(/JSON|token/i);
    writer.close();
  });
});

describe('settings', () => {
  it('merges what the user set over the defaults and keeps only that on disk', async () => {
    const state = tempDir();
    const writer = await openState(state, { mode: 'write', clock });
    expect(writer.settings()).toEqual(DEFAULT_SETTINGS);
    writer.saveSettings({ newPerDay: 0, learningSteps: ['5m'] });
    expect(writer.settings()).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 0, learningSteps: ['5m'] });
    writer.settings().learningSteps.push('1d'); // a copy: changing it changes nothing stored
    expect(writer.userSettings()).toEqual({ newPerDay: 0, learningSteps: ['5m'] });
    writer.close();

    // This machine's changes, each key with the time it was set.
    const doc = JSON.parse(readFileSync(settingsOf(state), 'utf8'));
    expect(doc.settings).toEqual({ newPerDay: { value: 0, at: clock.now() }, learningSteps: { value: ['5m'], at: clock.now() } });
    expect((await openState(state, { mode: 'read', clock })).settings().newPerDay).toBe(0);
  });

  it('replaces what the user set, so a key can go back to its default', async () => {
    const state = tempDir();
    const writer = await openState(state, { mode: 'write', clock });
    writer.saveSettings({ newPerDay: 3, fuzz: false });
    writer.saveSettings({ fuzz: false });
    expect(writer.settings().newPerDay).toBe(DEFAULT_SETTINGS.newPerDay);
    writer.close();
  });
});

describe('folders and names', () => {
  it('lets a reader open a state folder that does not exist, creating nothing', async () => {
    const state = join(tempDir(), 'not-yet');
    const reader = await openState(state, { mode: 'read', clock });
    expect(reader.settings()).toEqual(DEFAULT_SETTINGS);
    expect(reader.deck('d').cardStates().size).toBe(0);
    expect(reader.deck('d').readLog()).toEqual([]);
    reader.close();
    expect(existsSync(state)).toBe(false);
  });

  it('creates a deck folder only on its first answer', async () => {
    const state = tempDir();
    const writer = await openState(state, { mode: 'write', clock });
    writer.deck('quiet');
    writer.close();
    expect(existsSync(join(state, 'decks', 'quiet'))).toBe(false);
  });

  it('refuses deck names that would reach outside the state folder', async () => {
    const reader = await openState(tempDir(), { mode: 'read', clock });
    for (const name of ['../escape', 'a/b', '..', '.hidden', '']) {
      expect(() => reader.deck(name)).toThrow(UsageError);
    }
  });

  it('caches a deck: the same object for the same name', async () => {
    const reader = await openState(tempDir(), { mode: 'read', clock });
    expect(reader.deck('d')).toBe(reader.deck('d'));
  });
});
