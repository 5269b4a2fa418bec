// Benchmark of durable progress: what saving one answer (append + fdatasync) costs with 1,000
// and with 200,000 reviews of history on 10,000 cards, and what opening such a state costs.
// The history is written straight into a log file (as years of sessions would have left it),
// then a writer opens it (rebuilding and folding the snapshot), and fresh writers on both
// histories time a thousand appends each, taking turns. The target: the 200,000 figure within 1.5× of the 1,000 one, p99 < 10 ms.
// Then five days of use follow, to time each day's first writer open (which takes the day's
// backup: whole copies of settings and snapshot, and only the log's new bytes appended to its
// one backup copy) and to weigh the backups folder as it stays from then on.
import { closeSync, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/core/clock.js';
import type { CardState, ReviewEntry } from '../src/core/types.js';
import { DEFAULT_SETTINGS } from '../src/schedule/settings.js';
import { backUpIfDue } from '../src/store/backups.js';
import { BACKUPS_KEPT, openState } from '../src/store/index.js';
import { headerLine } from '../src/store/review-log.js';
import { deviceLogFile, localDir } from '../src/store/layout.js';
import { thisDevice } from '../src/store/device.js';
import { encodeEntry } from '../src/store/log-codec.js';
import { median, percentile } from './measure.js';

const CARDS = 10_000;
const TIMED_APPENDS = 1000;
const WARM_UP_APPENDS = 20;
const READER_RUNS = 7;
/** Answers in each simulated day after the timed appends (a heavy day of study). */
const DAY_ANSWERS = 300;
const DAY = 86_400_000;
const DECK = 'bench';
const START = Date.parse('2024-01-01T09:00:00Z');

function stateAt(n: number, at: number): CardState {
  return {
    due: at + (1 + (n % 60)) * 86_400_000,
    stability: 1.234567 + (n % 977) / 13.7,
    difficulty: 1 + (n % 89) / 9.9,
    elapsedDays: n % 40,
    scheduledDays: 1 + (n % 60),
    learningSteps: 0,
    reps: 1 + Math.floor(n / CARDS),
    lapses: n % 5,
    state: 2,
    lastReview: at,
    suspended: false,
    buriedUntil: null,
    leech: false,
  };
}

export function review(n: number, before: CardState | null): Omit<ReviewEntry, 'seq'> {
  const at = START + n * 180_000;
  return { kind: 'review', at, card: `card-${n % CARDS}`, rating: n % 10 === 0 ? 1 : 3, ms: 4000 + (n % 7000), before, after: stateAt(n, at) };
}

/**
 * `count` reviews, written directly, in 4 MB batches, into this machine's own log; or, given
 * `devices`, shared among their logs, answer n made on device n mod their number: several
 * machines studying in turns, each in sync with the others before it answers.
 */
export function writeHistory(stateDir: string, count: number, devices: readonly string[] = [thisDevice().name]): void {
  const files = devices.map((device) => deviceLogFile(stateDir, DECK, device));
  mkdirSync(dirname(files[0]!), { recursive: true });
  const fds = files.map((file) => openSync(file, 'w'));
  const batches = devices.map(() => headerLine(DECK));
  const seqs = devices.map(() => 0);
  const last = new Map<string, CardState>();
  for (let n = 1; n <= count; n++) {
    const entry = review(n, last.get(`card-${n % CARDS}`) ?? null);
    last.set(entry.card, entry.after);
    const k = n % devices.length;
    batches[k] += encodeEntry({ seq: ++seqs[k]!, ...entry }) + '\n';
    if (batches[k]!.length > 4_000_000) {
      writeSync(fds[k]!, batches[k]!);
      batches[k] = '';
    }
  }
  for (let k = 0; k < devices.length; k++) {
    writeSync(fds[k]!, batches[k]!);
    closeSync(fds[k]!);
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

function ms(start: number): number {
  return performance.now() - start;
}

interface HistoryFigures {
  rebuildAndFoldMs: number;
  writerOpenMs: number;
  appendMedianMs: number;
  appendP99Ms: number;
  closeFoldMs: number;
  readerOpenMs: number;
  firstBackupMs: number;
  dailyBackupMs: number;
  dailyBackupMaxMs: number;
  backupsMB: number;
  logMB: number;
  snapshotMB: number;
}

interface History {
  stateDir: string;
  clock: ManualClock;
  firstBackupMs: number;
  rebuildAndFoldMs: number;
}

/** Writes `count` reviews of history, takes the first backup, and lets a first writer fold it. */
async function prepareHistory(stateDir: string, count: number): Promise<History> {
  writeHistory(stateDir, count);
  const clock = new ManualClock(START + (count + 10) * 180_000);

  // The very first backup copies the whole log once (reading it through, to copy only sound
  // entries); a writer would take it on opening, before the rebuild timed next.
  let start = performance.now();
  if (!backUpIfDue(stateDir, clock, DEFAULT_SETTINGS.dayStartHour, BACKUPS_KEPT, thisDevice().name)) throw new Error('bench: no first backup');
  const firstBackupMs = ms(start);

  // First writer: no snapshot yet, so it replays the whole log and folds it.
  start = performance.now();
  const first = await openState(stateDir, { mode: 'write', clock });
  first.deck(DECK);
  const rebuildAndFoldMs = ms(start);
  first.close();
  return { stateDir, clock, firstBackupMs, rebuildAndFoldMs };
}

/**
 * Times appends to each history's log, taking turns one answer at a time, so that whatever the
 * disk and the other processes on the machine do in the meantime weighs on each alike.
 */
async function timeAppendsInTurn(histories: History[]): Promise<Pick<HistoryFigures, 'writerOpenMs' | 'appendMedianMs' | 'appendP99Ms' | 'closeFoldMs'>[]> {
  const writers = [];
  for (const { stateDir, clock } of histories) {
    const start = performance.now();
    const store = await openState(stateDir, { mode: 'write', clock });
    writers.push({ store, deck: store.deck(DECK), openMs: ms(start), times: [] as number[] });
  }
  for (let i = 0; i < WARM_UP_APPENDS + TIMED_APPENDS; i++) {
    for (const writer of writers) {
      const n = writer.deck.lastSeq() + 1;
      const entry = review(n, writer.deck.cardStates().get(`card-${n % CARDS}`) ?? null);
      const t = performance.now();
      writer.deck.append(entry);
      if (i >= WARM_UP_APPENDS) writer.times.push(ms(t));
    }
  }
  return writers.map((writer) => {
    const start = performance.now();
    writer.store.close();
    return {
      writerOpenMs: writer.openMs,
      appendMedianMs: median(writer.times),
      appendP99Ms: percentile(writer.times, 99),
      closeFoldMs: ms(start),
    };
  });
}

/** What reading the history costs, then days of use with their daily backups. */
async function afterAppends(history: History): Promise<Omit<HistoryFigures, 'writerOpenMs' | 'appendMedianMs' | 'appendP99Ms' | 'closeFoldMs'>> {
  const { stateDir, clock } = history;
  // What `paperdeck due` pays in the store: open for reading and get the card states.
  const readerTimes: number[] = [];
  for (let i = 0; i < READER_RUNS; i++) {
    const t = performance.now();
    const reader = await openState(stateDir, { mode: 'read', clock });
    if (reader.deck(DECK).cardStates().size === 0) throw new Error('bench: the reader found no cards');
    reader.close();
    readerTimes.push(ms(t));
  }

  // Days of use: each day's first writer open takes that day's backup, then a day's answers.
  const dailyTimes: number[] = [];
  for (let day = 0; day < BACKUPS_KEPT; day++) {
    clock.advance(DAY);
    const start = performance.now();
    const store = await openState(stateDir, { mode: 'write', clock });
    dailyTimes.push(ms(start));
    const dayDeck = store.deck(DECK);
    for (let i = 0; i < DAY_ANSWERS; i++) {
      const n = dayDeck.lastSeq() + 1;
      dayDeck.append(review(n, dayDeck.cardStates().get(`card-${n % CARDS}`) ?? null));
    }
    store.close();
  }

  const own = localDir(stateDir, thisDevice().name);
  return {
    firstBackupMs: history.firstBackupMs,
    rebuildAndFoldMs: history.rebuildAndFoldMs,
    dailyBackupMs: median(dailyTimes),
    dailyBackupMaxMs: Math.max(...dailyTimes),
    backupsMB: folderBytes(join(own, 'backups')) / 1e6,
    readerOpenMs: median(readerTimes),
    logMB: statSync(deviceLogFile(stateDir, DECK, thisDevice().name)).size / 1e6,
    snapshotMB: statSync(join(own, 'decks', DECK, 'snapshot.json')).size / 1e6,
  };
}

/**
 * Runs the store benchmark in `tmpDir` (which it fills with two state folders, ~260 MB with the
 * backups) and returns its figures, times in ms, sizes in MB. dailyBackupMs200k is the median
 * first writer open of a day (backup included) over five days; backupsMB200k the backups folder
 * after them (five dated backups and the log copy).
 */
export async function benchStore(tmpDir: string): Promise<Record<string, number>> {
  const histories = [await prepareHistory(join(tmpDir, 'store-1k'), 1_000), await prepareHistory(join(tmpDir, 'store-200k'), 200_000)];
  const appends = await timeAppendsInTurn(histories);
  const small = { ...appends[0]!, ...(await afterAppends(histories[0]!)) };
  const large = { ...appends[1]!, ...(await afterAppends(histories[1]!)) };
  return {
    appendMedianMs1k: small.appendMedianMs,
    appendP99Ms1k: small.appendP99Ms,
    appendMedianMs200k: large.appendMedianMs,
    appendP99Ms200k: large.appendP99Ms,
    appendMedianRatio200kTo1k: large.appendMedianMs / small.appendMedianMs,
    appendP99Ratio200kTo1k: large.appendP99Ms / small.appendP99Ms,
    readerOpenMs1k: small.readerOpenMs,
    readerOpenMs200k: large.readerOpenMs,
    writerOpenMs200k: large.writerOpenMs,
    closeFoldMs200k: large.closeFoldMs,
    rebuildFromLogMs200k: large.rebuildAndFoldMs,
    firstBackupMs200k: large.firstBackupMs,
    dailyBackupMs200k: large.dailyBackupMs,
    dailyBackupMaxMs200k: large.dailyBackupMaxMs,
    backupsMB200k: large.backupsMB,
    logMB200k: large.logMB,
    snapshotMB200k: large.snapshotMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}
