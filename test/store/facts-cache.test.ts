// The facts cache (store/facts-cache.ts): a writer leaves the log's facts when it folds, readers
// take them and read only the entries after; a cache that no longer matches the log, or is
// damaged, is passed over and the log read, with the same result.
import { copyFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { LogFacts } from '../../src/core/types.js';
import { openState } from '../../src/store/index.js';
import { sampleReview } from './fixtures/sample.js';
import { tempDir } from './helpers.js';
import { TEST_DEVICE, localOf, ownLog, snapshotOf } from '../helpers/state-paths.js';

const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

function files(stateDir: string) {
  return {
    log: ownLog(stateDir, 'papers'),
    facts: join(localOf(stateDir), 'decks', 'papers', 'facts', `${TEST_DEVICE}.bin`),
    snapshot: snapshotOf(stateDir, 'papers'),
  };
}

/** Answers `count` reviews in one writer session; closes it (a fold) unless `killed`. */
async function answer(stateDir: string, count: number, { killed = false, device = TEST_DEVICE } = {}): Promise<void> {
  const store = await openState(stateDir, { mode: 'write', clock, device: { name: device, fingerprint: device } });
  const deck = store.deck('papers');
  for (let i = 0; i < count; i++) {
    const n = deck.lastSeq() + 1;
    deck.append({ ...sampleReview(`card-${n % 7}`, n), rating: ((n % 4) + 1) as 1 | 2 | 3 | 4 });
  }
  if (!killed) store.close();
}

async function readFacts(stateDir: string): Promise<LogFacts> {
  const store = await openState(stateDir, { mode: 'read', clock });
  try {
    return store.deck('papers').readLogFacts();
  } finally {
    store.close();
  }
}

/** The facts as plain arrays, to compare two readings. */
function plain(facts: LogFacts) {
  return {
    length: facts.length,
    cards: [...facts.card].map((i) => facts.cardIds[i]),
    seq: [...facts.seq],
    at: [...facts.at],
    rating: [...facts.rating],
    kind: [...facts.kind],
    ms: [...facts.ms],
    undoes: [...facts.undoes],
    beforeState: [...facts.beforeState],
    beforeScheduledDays: [...facts.beforeScheduledDays],
  };
}

/** The facts a reader gets from the log alone. */
async function fromLogAlone(stateDir: string): Promise<ReturnType<typeof plain>> {
  const copy = tempDir();
  const { log } = files(copy);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(log, '..'), { recursive: true });
  copyFileSync(files(stateDir).log, log);
  return plain(await readFacts(copy));
}

describe('the facts cache', () => {
  it('is left by a writer as it closes, and gives readers the facts the log gives, entries after it included', async () => {
    const state = tempDir();
    await answer(state, 40);
    expect(existsSync(files(state).facts)).toBe(true);
    // A session killed before it could fold: its answers are past the cache.
    await answer(state, 5, { killed: true });
    const read = plain(await readFacts(state));
    expect(read.length).toBe(45);
    expect(read).toEqual(await fromLogAlone(state));
  });

  it('is what readers read for the entries it holds (the log is not parsed again)', async () => {
    const state = tempDir();
    await answer(state, 20);
    // Entry 3's rating changed in the log, same length: only a reader of the log would see it.
    const { log } = files(state);
    const text = readFileSync(log, 'utf8');
    const lines = text.split('\n');
    const before = lines[3]!;
    lines[3] = before.replace(/"r":(\d)/, (_, r) => `"r":${r === '4' ? 1 : Number(r) + 1}`);
    expect(lines[3]).not.toBe(before);
    writeFileSync(log, lines.join('\n'));
    expect(plain(await readFacts(state)).rating[2]).toBe(Number(/"r":(\d)/.exec(before)![1]));
  });

  it('is passed over when the log no longer holds the line it ends at, or the cache is damaged', async () => {
    const state = tempDir();
    await answer(state, 30);
    const { log, facts, snapshot } = files(state);
    const cache = readFileSync(facts);

    // The log and its snapshot restored from an older copy: the cache's last line is not there.
    const older = tempDir();
    await answer(older, 12);
    copyFileSync(files(older).log, log);
    copyFileSync(files(older).snapshot, snapshot);
    expect(plain(await readFacts(state))).toEqual(await fromLogAlone(state));

    // A cache cut short, or of garbage: the log is read.
    await answer(state, 3);
    writeFileSync(facts, cache.subarray(0, cache.length - 9));
    expect(plain(await readFacts(state))).toEqual(await fromLogAlone(state));
    writeFileSync(facts, 'not a cache');
    expect(plain(await readFacts(state))).toEqual(await fromLogAlone(state));
    truncateSync(facts, 0);
    expect(plain(await readFacts(state))).toEqual(await fromLogAlone(state));
  });

  it('is passed over when a row in it is not what the log holds, rather than blaming the log', async () => {
    const state = tempDir();
    await answer(state, 20);
    const { facts } = files(state);
    const cache = readFileSync(facts);
    const start = Math.ceil((cache.indexOf(10) + 1) / 8) * 8;
    // Row 6's time (the second array, after `seq`), set to a time paperdeck never writes.
    const damaged = Buffer.from(cache);
    damaged.writeDoubleLE(1e300, start + 20 * 8 + 5 * 8);
    writeFileSync(facts, damaged);
    expect(plain(await readFacts(state))).toEqual(await fromLogAlone(state));
  });
});

describe('the facts caches of several machines', () => {
  it('are one a log, each machine keeping its own, and give the facts of the logs merged', async () => {
    const state = tempDir();
    await answer(state, 15, { device: 'laptop' });
    await answer(state, 12);
    // Each writer kept a cache of every log it read, in its own local folder.
    const laptopCaches = join(localOf(state, 'laptop'), 'decks', 'papers', 'facts');
    const ownCaches = join(localOf(state), 'decks', 'papers', 'facts');
    expect(existsSync(join(laptopCaches, 'laptop.bin'))).toBe(true);
    expect(existsSync(join(ownCaches, 'laptop.bin'))).toBe(true);
    expect(existsSync(join(ownCaches, `${TEST_DEVICE}.bin`))).toBe(true);
    // Answering again on this machine brings its own log's cache on; the laptop's log did not
    // grow, and its cache is left as it is.
    const { statSync } = await import('node:fs');
    const laptopCache = statSync(join(ownCaches, 'laptop.bin'));
    await answer(state, 2);
    expect(statSync(join(ownCaches, 'laptop.bin')).ino).toBe(laptopCache.ino);
    const cached = plain(await readFacts(state));
    expect(cached.length).toBe(29);
    const { rmSync } = await import('node:fs');
    rmSync(ownCaches, { recursive: true });
    expect(plain(await readFacts(state))).toEqual(cached);
  });
});
