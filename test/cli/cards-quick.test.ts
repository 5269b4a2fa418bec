// `paperdeck cards --json` answered by the bin alone from the due index (src/cli/quick-cards.ts),
// which holds every card's title and whole state: it must print byte for byte what the full
// program prints from cards.json, the snapshot and the logs, and hand every deck it cannot vouch
// for over to the full program. Real files on disk; the full read is `cards`' command module run
// in the test's process with the index removed, as the full program runs it, and "the bin alone"
// is dist/paperdeck.js copied without the full program beside it, so that it fails whenever it
// hands over.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDeck } from '../../src/cards/generate.js';
import { deckStatus, leaveDueIndex } from '../../src/cards/freshness.js';
import { ManualClock } from '../../src/core/clock.js';
import { playSession } from '../helpers/study-session.js';
import { CardStateKind, type CardState } from '../../src/core/types.js';
import { safeJsonPieces, JsonList, SafeJsonText } from '../../src/core/sanitize.js';
import { cardRow, cardRowsBytes, cardRowsJson, rowJson, type CardRow } from '../../src/cli/card-rows.js';
import { forgettingCurve, retrievabilityWith } from '../../src/schedule/forgetting-curve.js';
import { DEFAULT_WEIGHTS } from '../../src/schedule/parameters.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { readCardsFile, serializeCardsFile } from '../../src/store/decks.js';
import { BIN, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { commandContext } from '../../src/cli/dispatch.js';
import { oneLine } from '../../src/cli/failure.js';
import { useSchedulerForMerges } from '../../src/cli/merges.js';
import { failureMessage, UsageError } from '../../src/core/errors.js';
import { stripControl } from '../../src/core/sanitize.js';
import { dueIndexOf, ownLog, snapshotOf } from '../helpers/state-paths.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS, newPerDay: 8 };

/** The bin alone: main's bundle without the full program, so a hand-over fails. */
function loneBin(): string {
  const dir = join(tempDir('paperdeck-lone-bin-'), 'dist');
  mkdirSync(dir);
  copyFileSync(BIN, join(dir, 'paperdeck.js'));
  copyFileSync(join(BIN, '..', 'package.json'), join(dir, 'package.json'));
  return join(dir, 'paperdeck.js');
}
const LONE = loneBin();

/** Titles with quotes, non-ASCII, a long one: written as notes, built by generate. */
const NOTES = [
  'C1: Plain Title',
  'Key idea: the first idea, stated plainly.',
  'C2: Quotes "and" back\\slashes',
  'Key idea: a second idea, stated plainly.',
  'C3: Ünïcödé — and emoji 🧠 titles',
  'Key idea: a third idea, stated plainly.',
  'C4: Bidi override',
  'Key idea: a fourth idea, stated plainly.',
  ...Array.from({ length: 14 }, (_, i) => [`C${i + 5}: Paper number ${i + 5}`, `Key idea: idea ${i + 5}, stated plainly.`]).flat(),
].join('\n\n');

function workspace() {
  const decks = tempDir();
  mkdirSync(join(decks, 'papers'));
  const notes = join(decks, 'papers', 'notes.txt');
  writeFileSync(notes, `${NOTES}\n`);
  const yesterday = new Date(Date.now() - DAY);
  utimesSync(notes, yesterday, yesterday);
  generateDeck(decks, 'papers');
  // A title a terminal would act on, as a hand edit of cards.json leaves it (the generator strips them).
  const built = readCardsFile(decks, 'papers')!.cardsFile;
  built.cards[3]!.title = 'Bidi \u202e override, \u0085 next line, \u007f delete';
  writeFileSync(join(decks, 'papers', 'cards.json'), serializeCardsFile(built));
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(join(decks, 'papers', 'cards.json'), anHourAgo, anHourAgo);
  return { decks, state: tempDir(), notes };
}
type Workspace = ReturnType<typeof workspace>;

/** A session of answers, buries, suspends and undos; ended as study ends it (index left), or killed. */
async function session(ws: Workspace, clock: ManualClock, answers: number, seed: number, leave = true): Promise<void> {
  const store = await playSession(ws, clock, answers, seed, settings);
  if (!leave) return; // killed: nothing folded, no new index
  const deck = store.deck('papers');
  store.close();
  expect(leaveDueIndex(ws.state, deck, deckStatus(ws.decks, 'papers'))).toBe(true);
}

function cardsWith(bin: string, ws: Workspace, now: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PAPERDECK_NOW: new Date(now).toISOString() };
  for (const key of ['PAPERDECK_DECKS', 'PAPERDECK_STATE']) delete env[key];
  return spawnBin(bin, ['cards', '--json', '--decks', ws.decks, '--state', ws.state], env);
}
function spawnBin(bin: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The full read: `cards --json` as the full program runs it (cli/program.ts, cli/dispatch.ts),
 * in this process, with the index moved away for the run and put back: what the binary with no
 * index prints, its exit code and stderr as main's reportFailure gives them. The bin alone and
 * the whole binary are held to it; each comparison is one spawn instead of two.
 */
async function fullRead(ws: Workspace, now: number): Promise<CliResult> {
  const index = dueIndexOf(ws.state, 'papers');
  const kept = existsSync(index) ? readFileSync(index) : null;
  rmSync(index, { force: true });
  try {
    const { run } = await import('../../src/cli/commands/cards.js');
    await useSchedulerForMerges();
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PAPERDECK_NOW: new Date(now).toISOString() };
    for (const key of ['PAPERDECK_DECKS', 'PAPERDECK_STATE']) delete env[key];
    let stdout = '';
    let stderr = '';
    const flags = { json: true, decks: ws.decks, state: ws.state };
    const ctx = commandContext(flags, env, {
      stdout: { write: (chunk) => (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), writableLength: 0 },
      stderr: { write: (chunk) => (stderr += chunk) },
    });
    try {
      const code = await run(ctx, { positional: [], flags } as never);
      return { code, stdout, stderr };
    } catch (error) {
      stderr += `paperdeck: ${oneLine(stripControl(failureMessage(error)))}\n`;
      return { code: error instanceof UsageError ? 2 : 1, stdout, stderr };
    }
  } finally {
    if (kept) writeFileSync(index, kept);
  }
}

describe('cards --json from the due index', () => {
  it('prints byte for byte what the full read prints, by the bin alone, over days of sessions and at any hour after them', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 2, 25, 8, 0).getTime());
    for (let day = 0; day < 4; day++) {
      const start = clock.now();
      await session(ws, clock, 16, day);
      for (const later of day === 3 ? [0, 7 * MINUTE, 5 * 3_600_000, 3 * DAY] : [7 * MINUTE]) {
        const full = await fullRead(ws, clock.now() + later);
        expect(full.code).toBe(0);
        expect(cardsWith(LONE, ws, clock.now() + later), `day ${day} +${later / MINUTE} min`).toEqual(full);
      }
      clock.set(start + DAY);
    }
    const last = (await fullRead(ws, clock.now() - DAY + 7 * MINUTE)).stdout;
    const rows = JSON.parse(last).cards as CardRow[];
    // What the comparison covered: every kind of row, and titles that need escaping.
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['new', 'learning', 'review', 'relearning']));
    expect(rows.some((row) => row.suspended) && rows.some((row) => row.retrievability !== null)).toBe(true);
    expect(last).toContain('\\u202e');
  });

  it('replays answers given since the index (a session killed before it ended), and the undo of one', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    await session(ws, clock, 12, 1);
    await session(ws, clock, 9, 7, false);
    const later = clock.now() + 3 * MINUTE;
    const full = await fullRead(ws, later);
    expect(cardsWith(LONE, ws, later)).toEqual(full);
    expect(cardsWith(BIN, ws, later)).toEqual(full);
  });

  it('unsuspend leaves an index the bin alone answers from', async () => {
    const ws = workspace();
    const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
    await session(ws, clock, 30, 11);
    const now = clock.now() + 2 * DAY;
    const suspended = (JSON.parse((await fullRead(ws, now)).stdout).cards as CardRow[]).filter((row) => row.suspended);
    expect(suspended.length).toBeGreaterThan(0);
    const env = { PAPERDECK_NOW: new Date(now).toISOString() };
    expect(runCli(['unsuspend', '--all', '--decks', ws.decks, '--state', ws.state], { env }).code).toBe(0);
    const full = await fullRead(ws, now);
    expect(JSON.parse(full.stdout).cards.filter((row: CardRow) => row.suspended)).toEqual([]);
    expect(cardsWith(LONE, ws, now)).toEqual(full);
  });

  describe('hands the deck over to the full program, which prints what it always has, when', () => {
    async function studied() {
      const ws = workspace();
      const clock = new ManualClock(new Date(2026, 5, 1, 9, 0).getTime());
      await session(ws, clock, 12, 2);
      const now = clock.now() + 10 * MINUTE;
      expect(cardsWith(LONE, ws, now).code).toBe(0);
      return { ws, now };
    }
    /** The bin alone cannot answer; the whole binary prints what the full read prints. */
    async function handsOver(ws: Workspace, now: number) {
      expect(cardsWith(LONE, ws, now).code).not.toBe(0);
      const full = await fullRead(ws, now);
      expect(cardsWith(BIN, ws, now)).toEqual(full);
      return full;
    }

    it('the deck has FSRS parameters of its own (memory states replayed from the log)', async () => {
      const { ws, now } = await studied();
      const weights = DEFAULT_WEIGHTS.map((w, i) => (i === 0 ? w * 1.5 : w)).join(', ');
      expect(runCli(['config', 'parameters', weights, '--decks', ws.decks, '--state', ws.state]).code).toBe(0);
      await handsOver(ws, now);
    });

    it("the log's last line was cut off by a crash (the full program notes it)", async () => {
      const { ws, now } = await studied();
      writeFileSync(ownLog(ws.state, 'papers'), `${readFileSync(ownLog(ws.state, 'papers'), 'utf8')}{"seq":99,"at":17`);
      expect((await handsOver(ws, now)).stderr).toMatch(/cut off by a crash/);
    });

    it('the snapshot was damaged (the full program names it)', async () => {
      const { ws, now } = await studied();
      writeFileSync(snapshotOf(ws.state, 'papers'), 'garbage');
      expect(await handsOver(ws, now)).toMatchObject({ code: 1, stdout: '' });
    });

    it('a note was edited since (the full program builds the cards in memory and says so)', async () => {
      const { ws, now } = await studied();
      writeFileSync(ws.notes, readFileSync(ws.notes, 'utf8').replace('Plain Title', 'Plainer Title'));
      expect((await handsOver(ws, now)).stderr).toMatch(/note:/);
    });

    it('the table is asked for, or a search', async () => {
      const { ws, now } = await studied();
      const env = { PAPERDECK_NOW: new Date(now).toISOString() };
      for (const args of [['cards'], ['cards', '--json', '--search', 'paper']]) {
        expect(spawnBin(LONE, [...args, '--decks', ws.decks, '--state', ws.state], env).code).not.toBe(0);
        expect(runCli([...args, '--decks', ws.decks, '--state', ws.state], { env }).code).toBe(0);
      }
    });
  });
});

describe('the quick path computes', () => {
  const states: CardState[] = [];
  for (let i = 0; i < 400; i++) {
    const kind = [CardStateKind.Learning, CardStateKind.Review, CardStateKind.Relearning, CardStateKind.New][i % 4]!;
    states.push({
      due: 1_780_000_000_000 + i * 3_333_337,
      stability: i % 17 === 0 ? 0 : (i * 7.123456789) % 400,
      difficulty: 1 + ((i * 3.3) % 9),
      elapsedDays: i % 30,
      scheduledDays: i % 45,
      learningSteps: i % 3,
      reps: i,
      lapses: i % 5,
      state: kind,
      lastReview: i % 13 === 0 ? null : 1_779_000_000_000 + i * 1_234_567,
      suspended: i % 7 === 0,
      buriedUntil: i % 11 === 0 ? 1_780_500_000_000 : null,
      leech: i % 9 === 0,
    });
  }

  it("the probability of recall ts-fsrs gives through the scheduler, to the last bit", () => {
    const scheduler = new Scheduler(DEFAULT_SETTINGS);
    for (const now of [1_779_500_000_000, 1_781_000_000_000, 1_900_000_000_000]) {
      for (const state of states) expect(retrievabilityWith(DEFAULT_WEIGHTS, state, now)).toBe(scheduler.retrievability(state, now));
    }
    expect(forgettingCurve(DEFAULT_WEIGHTS, 0, 3)).toBe(1);
  });

  it('the JSON safeJson writes of { deck, cards }, to the byte, whatever the titles and however many rows', () => {
    const now = 1_780_400_000_000;
    const titles = ['plain', 'quo"te\\', 'ctl \u0001\u007f\u0085\u009b[31m', 'bidi \u202a\u2066', 'ünï 🧠', ''];
    const rowAt = (i: number) => cardRow({ id: `card-${i}`, title: titles[i % titles.length]! }, i % 5 === 4 ? undefined : states[i % states.length], (s) => retrievabilityWith(DEFAULT_WEIGHTS, s, now), now);
    for (const count of [0, 1, 255, 256, 257, 700]) {
      for (const deck of ['papers', 'dëck "x"']) {
        const expected = [...safeJsonPieces({ deck, cards: new JsonList(count, rowAt) })].join('');
        expect([...safeJsonPieces(new SafeJsonText(cardRowsJson(deck, count, (i) => rowJson(rowAt(i)))))].join(''), `${count} rows`).toBe(expected);
      }
    }
    // Numbers JSON writes as null, and -0.
    const odd: CardRow = { ...rowAt(0), stability: Infinity, difficulty: -0, retrievability: NaN };
    expect(rowJson(odd)).toBe(JSON.stringify([odd], null, 2).slice(2, -2).replace(/^/gm, '  '));
  });

  it('the same bytes, made in chunks with the ids and titles copied as JSON text, whether a chunk is made again in the same memory or not', () => {
    const now = 1_780_400_000_000;
    const titles = ['plain', 'quo"te\\', 'ünï 🧠 — “x”', '', 'tab\tand\u0001'];
    const row = (i: number) => {
      const stored = i % 5 === 4 ? undefined : states[i % states.length];
      return { row: cardRow({ id: `card-${i}`, title: titles[i % titles.length]! }, stored, (s) => retrievabilityWith(DEFAULT_WEIGHTS, s, now), now), stored };
    };
    for (const count of [0, 1, 700]) {
      const expected = [...safeJsonPieces(new SafeJsonText(cardRowsJson('dëck "x"', count, (i) => rowJson(row(i).row))))].join('');
      for (const reuse of [true, false]) {
        const chunks: Buffer[] = [];
        const made = cardRowsBytes('dëck "x"', count, (i) => {
          const { row: r, stored } = row(i);
          const ids = Buffer.from(JSON.stringify(r.id));
          const titled = Buffer.concat([ids, Buffer.from(JSON.stringify(r.title))]);
          const { id: _, title: __, ...rest } = r;
          // Times as ms, as the due index holds them.
          return { bytes: titled, idFrom: 0, idTo: ids.length, titleFrom: ids.length, titleTo: titled.length, rest: { ...rest, due: r.due === null ? null : stored!.due, lastReview: r.lastReview === null ? null : stored!.lastReview } };
        });
        // Written out at once (a copy kept), or kept as they are (the writer is told so).
        for (let next = made.next(); !next.done; next = made.next(reuse)) chunks.push(reuse ? Buffer.from(next.value) : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
        expect(Buffer.concat(chunks).toString('utf8'), `${count} rows, ${reuse ? 'one buffer' : 'new buffers'}`).toBe(expected);
        if (count === 700) expect(chunks.length).toBeGreaterThan(2);
      }
    }
  });
});
