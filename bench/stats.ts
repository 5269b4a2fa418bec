// Benchmark of `paperdeck stats` on a large deck: 200,000 reviews of 10,000 cards spread over
// about three years, built in memory (deterministic pseudo-random), then computeStats and the
// text report timed, median of a few runs. Also the cost of reading such a log (its lines
// parsed and decoded as the store reads them), and `paperdeck stats --json` end to end on it
// with the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION } from '../src/cards/generate.js';
import { ManualClock } from '../src/core/clock.js';
import { CardStateKind } from '../src/core/types.js';
import type { Card, CardState, LogEntry, Rating, ReviewEntry } from '../src/core/types.js';
import { DEFAULT_SETTINGS } from '../src/schedule/settings.js';
import { computeStats } from '../src/stats/index.js';
import { renderStats } from '../src/stats/render.js';
import { serializeCardsFile } from '../src/store/decks.js';
import { hashNotes } from '../src/cards/freshness.js';
import { openState } from '../src/store/index.js';
import { encodeEntry, readCompactFacts } from '../src/store/log-codec.js';
import { EntryFacts, LogFactsBuilder } from '../src/store/log-facts.js';
import { headerLine } from '../src/store/review-log.js';
import { timeNode } from './measure.js';
import { seededRandom as random } from '../src/core/random.js';

const DAY_MS = 86_400_000;
const CARDS = 10_000;
const SPAN_DAYS = 3 * 365;
const RUNS = 7;
/** Longest interval in the synthetic schedules, tuned so the log holds about 200,000 reviews. */
const MAX_INTERVAL = 45;

export interface SyntheticDeck {
  now: number;
  cards: Card[];
  states: Map<string, CardState>;
  log: LogEntry[];
}

/**
 * A deck whose history looks like years of use: cards introduced a few a day, learning steps
 * on the first day, intervals that grow on a pass and shrink on a lapse, about one Again in
 * ten, the odd undo, and reviews at all hours of the day.
 */
export function syntheticDeck(now = Date.UTC(2026, 5, 1, 10), cardCount = CARDS): SyntheticDeck {
  const rand = random(2017);
  const start = now - SPAN_DAYS * DAY_MS;
  const cards: Card[] = [];
  const states = new Map<string, CardState>();
  const raw: Omit<ReviewEntry, 'seq'>[] = [];
  for (let c = 0; c < cardCount; c++) {
    // As long as real ids (the title's first words, at most 40 characters, and a 6-digit hash).
    const id = `a-synthetic-paper-on-topic-${c}-${(c * 2654435761 >>> 8).toString(16).padStart(6, '0').slice(-6)}`;
    cards.push({
      id,
      title: `A synthetic paper on topic ${c} with a title long enough to need truncating in the report`,
      question: '',
      answer: '',
      source: { file: 'notes.txt', line: c + 1, session: '', code: '' },
      bodyHash: String(c),
    });
    // Introduced on a day of the span, then reviewed whenever due (at some hour of that day,
    // sometimes a day or two late) until now: intervals grow on a pass, shrink on a lapse.
    const introduced = start + Math.floor(rand() * SPAN_DAYS) * DAY_MS;
    let at = introduced + reviewHour(rand);
    let state: CardState = {
      due: at, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0,
      reps: 0, lapses: 0, state: CardStateKind.New, lastReview: null, suspended: false, buriedUntil: null, leech: false,
    };
    let interval = 0;
    for (let r = 0; at <= now; r++) {
      const rating: Rating = rand() < 0.1 ? 1 : rand() < 0.1 ? 2 : rand() < 0.9 ? 3 : 4;
      interval =
        r < 2 ? 1 : rating === 1 ? Math.max(1, Math.round(interval * 0.3)) : Math.min(MAX_INTERVAL, Math.ceil(interval * (1.5 + rand())));
      const after: CardState = {
        ...state,
        due: at + interval * DAY_MS,
        // ts-fsrs rounds both to 8 decimals: numbers as long as the scheduler's.
        stability: Math.round(Math.max(0.5, interval * (0.9 + rand() * 0.3)) * 1e8) / 1e8,
        difficulty: Math.round((1 + rand() * 9) * 1e8) / 1e8,
        scheduledDays: interval,
        reps: state.reps + 1,
        lapses: state.lapses + (rating === 1 && state.state === CardStateKind.Review ? 1 : 0),
        state: r < 1 ? CardStateKind.Learning : CardStateKind.Review,
        lastReview: at,
      };
      raw.push({ at, card: id, kind: 'review', rating, ms: 3000 + Math.floor(rand() * 20_000), before: r === 0 ? null : state, after });
      state = after;
      const late = rand() < 0.2 ? Math.floor(rand() * 3) : 0;
      at = Math.floor(state.due / DAY_MS + late) * DAY_MS + reviewHour(rand);
    }
    if (rand() < 0.02) state = { ...state, suspended: true };
    states.set(id, state);
  }
  raw.sort((a, b) => a.at - b.at);
  const log: LogEntry[] = [];
  for (const entry of raw) {
    log.push({ ...entry, seq: log.length + 1 });
    // About one review in two hundred is taken back at once.
    const last = log[log.length - 1]!;
    if (last.kind === 'review' && rand() < 0.005) {
      log.push({ seq: log.length + 1, at: last.at + 2000, card: last.card, kind: 'undo', undoes: last.seq, before: last.after, after: last.before ?? last.after });
    }
  }
  return { now, cards, states, log };
}

/** A time of day to review at, mostly daytime, some after midnight. */
function reviewHour(rand: () => number): number {
  return Math.floor((7 + rand() * 19) * 3_600_000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown, runs = RUNS): number {
  run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 10) / 10;
}

/** `time` for work that has to be awaited (opening the store is). */
async function timeAsync(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 10) / 10;
}

export async function benchStats(bin = fileURLToPath(new URL('../dist/paperdeck.js', import.meta.url))): Promise<Record<string, number>> {
  const deck = syntheticDeck();
  // The command reads the log one line at a time, keeping only the facts the statistics use,
  // read straight from each compact line's text (as the store's readLogFacts does); the
  // statistics then run on those.
  const ndjson = deck.log.map((entry) => encodeEntry(entry)).join('\n') + '\n';
  const parseLog = () => {
    const facts = new LogFactsBuilder();
    const line = new EntryFacts();
    for (const text of ndjson.split('\n')) {
      if (!text) continue;
      if (!readCompactFacts(text, 0, text.length, line)) throw new Error(`bench: not a compact line: ${text}`);
      facts.push(line);
    }
    return facts.finish();
  };
  const parseMs = time(parseLog, 3);
  const input = {
    deck: 'bench',
    log: parseLog(),
    states: new Map(Object.entries(JSON.parse(JSON.stringify(Object.fromEntries(deck.states))) as Record<string, CardState>)),
    cards: JSON.parse(JSON.stringify(deck.cards)) as Card[],
    settings: { ...DEFAULT_SETTINGS },
    now: deck.now,
  };
  const computeMs = time(() => computeStats(input));
  const stats = computeStats(input);
  const renderMs = time(() => renderStats(stats, { width: 80 }));
  const plainBytes = deck.log.reduce((sum, entry) => sum + Buffer.byteLength(JSON.stringify(entry)) + 1, 0);
  const figures: Record<string, number> = {
    'stats: log entries': input.log.length,
    'stats: computeStats ms (median)': computeMs,
    'stats: render ms (median)': renderMs,
    'stats: parse log into facts ms (median)': parseMs,
    'stats: log MB': Math.round((Buffer.byteLength(ndjson) / 1e6) * 10) / 10,
    'stats: log MB in the plain form (before log-codec)': Math.round((plainBytes / 1e6) * 10) / 10,
  };
  if (!existsSync(bin)) return figures;
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-bench-stats-'));
  try {
    return { ...figures, ...(await benchStatsCommand(work, bin, deck)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const COMMAND_RUNS = 5;

/**
 * A decks folder and a state folder holding the synthetic deck as years of use would leave
 * them: cards.json, the review log (its lines as the store writes them, written at once), and
 * the snapshot a writer folds when it closes.
 */
export async function writeStatsFolders(root: string, deck: SyntheticDeck): Promise<{ decksDir: string; stateDir: string; logBytes: number }> {
  const decksDir = join(root, 'decks');
  const stateDir = join(root, 'state');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(decksDir, 'bench'), { recursive: true });
  // cards.json is not built from these notes, but it carries their hash so that it counts as
  // current and the command does not rebuild it.
  const notes = Buffer.from('The synthetic papers.\n');
  writeFileSync(join(decksDir, 'bench', 'notes.txt'), notes);
  const notesHash = hashNotes([{ file: 'notes.txt', bytes: notes }]);
  const cardsFile = { version: 1 as const, deck: 'bench', notesHash, generator: GENERATOR_VERSION, cards: deck.cards, retired: [], skipped: [], warnings: [] };
  writeFileSync(join(decksDir, 'bench', 'cards.json'), serializeCardsFile(cardsFile));
  mkdirSync(join(stateDir, 'decks', 'bench'), { recursive: true });
  const text = headerLine('bench') + deck.log.map((entry) => encodeEntry(entry) + '\n').join('');
  writeFileSync(join(stateDir, 'decks', 'bench', 'log.ndjson'), text);
  const writer = await openState(stateDir, { mode: 'write', clock: new ManualClock(deck.now) });
  writer.deck('bench');
  writer.close();
  return { decksDir, stateDir, logBytes: Buffer.byteLength(text) };
}

/**
 * `paperdeck stats --json` end to end on the synthetic deck (200,000 reviews of 10,000 cards),
 * beside bare `node -e 0`; and the store's open + readLogFacts() (and, for comparison, readLog())
 * on its own. `bin` is a built
 * paperdeck.js.
 */
export async function benchStatsCommand(tmpDir: string, bin: string, deck = syntheticDeck()): Promise<Record<string, number>> {
  const { decksDir, stateDir, logBytes } = await writeStatsFolders(join(tmpDir, 'stats-command'), deck);
  const readLogMs = await timeAsync(async () => {
    const reader = await openState(stateDir, { mode: 'read', clock: new ManualClock(deck.now) });
    const entries = reader.deck('bench').readLog();
    reader.close();
    if (entries.length !== deck.log.length) throw new Error('bench: readLog lost entries');
  }, 5);
  const readFactsMs = await timeAsync(async () => {
    const reader = await openState(stateDir, { mode: 'read', clock: new ManualClock(deck.now) });
    const facts = reader.deck('bench').readLogFacts();
    reader.close();
    if (facts.length !== deck.log.length) throw new Error('bench: readLogFacts lost entries');
  }, 5);
  const env = { ...process.env, PAPERDECK_NOW: new Date(deck.now).toISOString() };
  const args = [bin, 'stats', 'bench', '--json', '--state', stateDir, '--decks', decksDir];
  const check = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`bench: paperdeck stats failed: ${check.stderr}`);
  return {
    'stats command: log entries': deck.log.length,
    'stats command: log MB': Math.round((logBytes / 1e6) * 10) / 10,
    'stats command: log bytes per line': Math.round(logBytes / deck.log.length),
    'stats command: open + readLog ms (median)': readLogMs,
    'stats command: open + readLogFacts ms (median, what stats reads)': readFactsMs,
    'stats command: node -e 0 ms (median)': Math.round(timeNode(['-e', '0'], COMMAND_RUNS)),
    'stats command: stats --json end to end ms (median)': Math.round(timeNode(args, COMMAND_RUNS, env)),
  };
}
