// The review tally a writer keeps (store/stats-cache.ts, `local/<device>/decks/<deck>/stats-tally.json`):
// `stats` shows the history from it and the entries answered since, and must show exactly what
// it shows from the whole log, whatever happened after the tally was kept: a session killed
// before it folded, another machine's answers arriving (later, or earlier than those counted),
// an undo of a counted answer, another day-start hour or time zone, a clock set back, a damaged
// cache file.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Card, CardState, NewLogEntry } from '../../src/core/types.js';
import { localDayKey } from '../../src/schedule/days.js';
import { dayNumber } from '../../src/schedule/review-tally.js';
import { computeStats, type DeckStats } from '../../src/stats/index.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { openState, useRescheduler } from '../../src/store/state.js';
import { sampleState } from '../store/fixtures/sample.js';
import { tempDir } from '../store/helpers.js';
import { TEST_DEVICE, localOf, ownLog } from '../helpers/state-paths.js';

const HOUR_MS = 3_600_000;
const START = Date.parse('2026-09-01T08:00:00Z');
const CARDS = Array.from({ length: 7 }, (_, i) => ({ id: `card-${i}`, title: `Card ${i}` }) as Card);
const startedTZ = process.env.TZ;

beforeAll(() => {
  // As the full program does (cli/program.ts): reviews merged on states their writer did not see.
  useRescheduler((settings) => {
    const s = new Scheduler(settings);
    return (state, entry) => (entry.kind === 'review' ? s.answer(entry.card, state, entry.rating, entry.at) : entry.after);
  });
});

afterEach(() => {
  if (startedTZ === undefined) delete process.env.TZ;
  else process.env.TZ = startedTZ;
});

function tallyFile(state: string, device = TEST_DEVICE): string {
  return join(localOf(state, device), 'decks', 'papers', 'stats-tally.json');
}

/** Review number `n`: every 5 hours from START (`offset` hours later), cards in turn, ratings and intervals varied. */
function review(n: number, offset = 0): NewLogEntry {
  const at = START + (n * 5 + offset) * HOUR_MS;
  const before: CardState | null = n % 3 === 0 ? null : { ...sampleState(n), state: n % 5 === 0 ? 1 : 2, scheduledDays: n % 30, lastReview: at - 30 * HOUR_MS };
  return { kind: 'review', at, card: `card-${n % 7}`, rating: ((n % 4) + 1) as 1 | 2 | 3 | 4, ms: 1000 + n, before, after: { ...sampleState(n), due: at + 40 * HOUR_MS, lastReview: at } };
}

interface Session {
  answer(from: number, to: number, offset?: number): number[];
  undo(seq: number): void;
  close(): void;
}

async function session(state: string, device = TEST_DEVICE): Promise<Session> {
  const store = await openState(state, { mode: 'write', clock: new ManualClock(START), device: { name: device, fingerprint: device } });
  const deck = store.deck('papers');
  return {
    answer: (from, to, offset = 0) => {
      const seqs: number[] = [];
      for (let n = from; n <= to; n++) seqs.push(deck.append(review(n, offset)).seq);
      return seqs;
    },
    undo: (seq) => {
      deck.append({ kind: 'undo', undoes: seq, at: START + 10_000 * HOUR_MS, card: 'card-0', before: null, after: sampleState(0) });
    },
    close: () => store.close(),
  };
}

async function answer(state: string, from: number, to: number, { device = TEST_DEVICE, killed = false, offset = 0 } = {}): Promise<void> {
  const s = await session(state, device);
  s.answer(from, to, offset);
  if (!killed) s.close();
}

/** `stats` as it is shown (from the kept tally and what follows it) and as the whole log gives it. */
async function statsBoth(state: string, now: number, dayStartHour?: number): Promise<{ kept: DeckStats; whole: DeckStats }> {
  const store = await openState(state, { mode: 'read', clock: new ManualClock(now) });
  try {
    const deck = store.deck('papers');
    const settings = { ...store.settings('papers'), ...(dayStartHour === undefined ? {} : { dayStartHour }) };
    const base = { deck: 'papers', states: deck.cardStates(), cards: CARDS, settings, now };
    const tally = deck.reviewTally(settings.dayStartHour, dayNumber(localDayKey(now, settings.dayStartHour)));
    return { kept: computeStats({ ...base, tally }), whole: computeStats({ ...base, log: deck.readLogFacts() }) };
  } finally {
    store.close();
  }
}

const LATER = START + 40 * 24 * HOUR_MS;

describe('the review tally kept for stats', () => {
  it('is left by a writer as it closes and gives the figures of the whole log, answers of a killed session included', async () => {
    const state = tempDir();
    await answer(state, 1, 120);
    expect(existsSync(tallyFile(state))).toBe(true);
    await answer(state, 121, 140, { killed: true });
    const { kept, whole } = await statsBoth(state, LATER);
    expect(whole.reviewsPerDay.reduce((sum, day) => sum + day.reviews, 0)).toBeGreaterThan(0);
    expect(whole.trueRetention.find((row) => row.period === 'all')!.youngPass).toBeGreaterThan(0);
    expect(kept).toEqual(whole);
  });

  it('is what stats reads for the answers it counted (the log is not read again)', async () => {
    const state = tempDir();
    await answer(state, 1, 60);
    await answer(state, 61, 62, { killed: true });
    // An answer it counted changed in place, to the same length: only a read of the log sees it.
    const log = ownLog(state, 'papers');
    const lines = readFileSync(log, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('"seq":10,'));
    lines[at] = lines[at]!.replace(/"r":\d/, '"r":1');
    writeFileSync(log, lines.join('\n'));
    // The facts cache, which the whole log's figures are read through, does not see it either.
    rmSync(join(localOf(state), 'decks', 'papers', 'facts'), { recursive: true });
    const { kept, whole } = await statsBoth(state, LATER);
    expect(kept).not.toEqual(whole);
  });

  it('gives the figures of the merged logs when another machine answers later, or earlier than what it counted', async () => {
    const state = tempDir();
    await answer(state, 1, 80);
    // The laptop's answers arrive after this machine's tally: later ones, then earlier ones.
    await answer(state, 81, 100, { device: 'laptop' });
    let both = await statsBoth(state, LATER);
    expect(both.kept).toEqual(both.whole);
    expect(both.whole.reviewsPerDay.some((day) => day.reviews > 0)).toBe(true);
    await answer(state, 101, 110, { device: 'desktop', offset: -300 });
    both = await statsBoth(state, LATER);
    expect(both.kept).toEqual(both.whole);
    // This machine folds again: its tally counts all three logs, and still agrees.
    await answer(state, 111, 115);
    expect(JSON.parse(readFileSync(tallyFile(state), 'utf8')).logs.map((log: { device: string }) => log.device).sort()).toEqual(['desktop', 'laptop', TEST_DEVICE]);
    await answer(state, 116, 130, { device: 'laptop' });
    both = await statsBoth(state, LATER);
    expect(both.kept).toEqual(both.whole);
  });

  it('gives the figures of the whole log after another machine undoes an answer it counted', async () => {
    const state = tempDir();
    await answer(state, 1, 30);
    const laptop = await session(state, 'laptop');
    const [first] = laptop.answer(31, 34);
    await answer(state, 35, 40); // this machine folds, counting the laptop's four answers
    laptop.undo(first!); // the laptop's first answer, by the number its session was given
    laptop.close();
    const { kept, whole } = await statsBoth(state, LATER);
    expect(kept).toEqual(whole);
  });

  it('gives the figures of the whole log with another day-start hour, in another time zone, or with a clock set back', async () => {
    const state = tempDir();
    await answer(state, 1, 150);
    for (const hour of [0, 4, 23]) {
      const { kept, whole } = await statsBoth(state, LATER, hour);
      expect(kept).toEqual(whole);
    }
    process.env.TZ = 'Asia/Kolkata';
    let both = await statsBoth(state, LATER);
    expect(both.kept).toEqual(both.whole);
    process.env.TZ = 'America/New_York';
    both = await statsBoth(state, LATER);
    expect(both.kept).toEqual(both.whole);
    // Now before the last answers counted: they count in no day.
    both = await statsBoth(state, START + 300 * HOUR_MS);
    expect(both.kept).toEqual(both.whole);
  });

  it('is counted again in the new days when config changes the day-start hour', async () => {
    const state = tempDir();
    await answer(state, 1, 90);
    expect(JSON.parse(readFileSync(tallyFile(state), 'utf8')).dayStartHour).toBe(4);
    const store = await openState(state, { mode: 'write', clock: new ManualClock(LATER), device: { name: TEST_DEVICE, fingerprint: TEST_DEVICE } });
    store.saveSettings({ ...store.userSettings(), dayStartHour: 0 });
    store.close();
    expect(JSON.parse(readFileSync(tallyFile(state), 'utf8')).dayStartHour).toBe(0);
    const { kept, whole } = await statsBoth(state, LATER);
    expect(whole.dayStartHour).toBe(0);
    expect(kept).toEqual(whole);
  });

  it("is counted again in the new days with another machine's earlier answers merged", async () => {
    const state = tempDir();
    await answer(state, 1, 60);
    await answer(state, 61, 70, { device: 'desktop', offset: -300 });
    await answer(state, 71, 80); // this machine folds the desktop's answers in
    const store = await openState(state, { mode: 'write', clock: new ManualClock(LATER), device: { name: TEST_DEVICE, fingerprint: TEST_DEVICE } });
    store.saveSettings({ ...store.userSettings(), dayStartHour: 0 });
    store.close();
    expect(JSON.parse(readFileSync(tallyFile(state), 'utf8')).dayStartHour).toBe(0);
    const { kept, whole } = await statsBoth(state, LATER);
    expect(kept).toEqual(whole);
  });

  it('is passed over, with no error, when its file is damaged or from another version', async () => {
    const state = tempDir();
    await answer(state, 1, 50);
    const file = tallyFile(state);
    const good = readFileSync(file, 'utf8');
    const expected = (await statsBoth(state, LATER)).whole;
    for (const text of ['', 'not json', good.slice(0, good.length / 2), good.replace('"schemaVersion":1', '"schemaVersion":2'), good.replace(/"days":\[\["[^"]+",\d+/, '"days":[["2026-09-01",5'), good.replace('"passed":[', '"passed":[-1,')]) {
      writeFileSync(file, text);
      const { kept, whole } = await statsBoth(state, LATER);
      expect(whole).toEqual(expected);
      expect(kept).toEqual(expected);
    }
  });
});
