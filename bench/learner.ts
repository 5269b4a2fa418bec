// A simulated learner for the optimiser's tests and benchmark: someone whose memory follows
// FSRS-6 with known parameters (not the defaults), studying a deck every day with paperdeck's
// own scheduler (default parameters, learning steps, local days from 04:00). It writes the
// review log paperdeck would write, so `optimize` can be checked against the truth it should
// find. Deterministic for a seed.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fsrs } from 'ts-fsrs';
import { CardStateKind, type CardState, type LogEntry, type Rating, type ReviewEntry, type Settings } from '../src/core/types.js';
import { localDayKey, localDayStartOffset, dayKeyDiff } from '../src/schedule/days.js';
import { newCardState, Scheduler } from '../src/schedule/scheduler.js';
import { DEFAULT_SETTINGS } from '../src/schedule/settings.js';
import { encodeEntry } from '../src/store/log-codec.js';
import { headerLine } from '../src/store/review-log.js';
import { seededRandom } from '../src/core/random.js';

/** The learner's true FSRS-6 parameters: a faster forgetter than the defaults, with a steeper curve. */
export const TRUE_WEIGHTS: readonly number[] = Object.freeze([
  0.5, 1.8, 4.2, 14.0, 6.8, 0.6, 2.2, 0.02, 1.45, 0.25, 1.1, 1.9, 0.09, 0.35, 1.9, 0.45, 2.4, 0.6, 0.12, 0.1, 0.32,
]);

export interface LearnerOptions {
  cards: number;
  /** New cards introduced a day. */
  newPerDay: number;
  /** Local days of study. */
  days: number;
  /** The first day's 09:00, local time. */
  start: number;
  seed?: number;
  /** Settings the scheduler uses (default parameters unless given). */
  settings?: Partial<Settings>;
  /** The cards' ids, in the order they are introduced (default: card-00000, card-00001, ...). */
  cardIds?: readonly string[];
  /** Every nth answer is taken back with an undo at once (and given again): 0 for none. */
  undoEvery?: number;
}


interface Pending {
  card: string;
  at: number;
}

/**
 * The log of `cards` cards studied for `days` days: each day's new cards at 09:00 and after,
 * reviews at a time of day drawn between 07:00 and 23:30 (some after midnight, before the
 * 04:00 day start), learning steps to the minute. Recall follows TRUE_WEIGHTS.
 */
export function simulateLearner(options: LearnerOptions): LogEntry[] {
  const random = seededRandom(options.seed ?? 1);
  const settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings, learningSteps: ['1m', '10m'], relearningSteps: ['10m'] };
  const hour = settings.dayStartHour;
  const scheduler = new Scheduler(settings);
  const truth = fsrs({ w: [...TRUE_WEIGHTS], enable_short_term: true });
  const states = new Map<string, CardState>();
  const memory = new Map<string, { stability: number; difficulty: number; lastDay: string }>();
  const log: LogEntry[] = [];
  let seq = 0;
  const append = (entry: Omit<ReviewEntry, 'seq'> | Omit<LogEntry, 'seq'>): LogEntry => {
    const written = { ...entry, seq: ++seq } as LogEntry;
    log.push(written);
    return written;
  };

  const answer = (card: string, at: number) => {
    const before = states.get(card) ?? null;
    const day = localDayKey(at, hour);
    const known = memory.get(card);
    const elapsed = known ? dayKeyDiff(known.lastDay, day) : 0;
    // Same-day steps: recalled most of the time; across days, as the true curve says.
    const recall = !known ? 0.75 : elapsed === 0 ? 0.9 : truth.forgetting_curve(elapsed, known.stability);
    let rating: Rating;
    if (random() >= recall) rating = 1;
    else {
      const r = random();
      rating = r < 0.12 ? 2 : r < 0.92 ? 3 : 4;
    }
    const ms = Math.round(4_000 + random() * 12_000 + (rating === 1 ? 6_000 : 0));
    const after = scheduler.answer(card, before ?? newCardState(), rating, at);
    const entry = append({ kind: 'review', at, card, before, after, rating, ms });
    if (options.undoEvery && seq % options.undoEvery === 0) {
      // Taken back at once, then given again (maybe otherwise): only the second one stands.
      append({ kind: 'undo', at: at + 2_000, card, undoes: entry.seq, before: after, after: before ?? newCardState() } as Omit<LogEntry, 'seq'>);
      const again = scheduler.answer(card, before ?? newCardState(), rating, at + 4_000);
      append({ kind: 'review', at: at + 4_000, card, before, after: again, rating, ms });
      states.set(card, again);
    } else {
      states.set(card, after);
    }
    const next = truth.next_state(known ? { stability: known.stability, difficulty: known.difficulty } : null, elapsed, rating);
    memory.set(card, { ...next, lastDay: day });
  };

  let introduced = 0;
  for (let d = 0; d < options.days; d++) {
    const dayStart = localDayStartOffset(options.start, hour, d);
    const dayEnd = localDayStartOffset(options.start, hour, d + 1);
    const queue: Pending[] = [];
    // Reviews due today (and learning steps that ran past an earlier day), at a time of their own.
    for (const [card, state] of states) {
      if (state.state !== CardStateKind.New && state.due < dayEnd) {
        const offset = (3 + random() * 16.5) * 3_600_000; // 07:00 to 23:30 after a 04:00 start
        queue.push({ card, at: Math.max(dayStart + offset, state.lastReview! + 60_000) });
      }
    }
    const cards = options.cardIds?.length ?? options.cards;
    for (let k = 0; k < options.newPerDay && introduced < cards; k++, introduced++) {
      queue.push({ card: options.cardIds?.[introduced] ?? `card-${String(introduced).padStart(5, '0')}`, at: dayStart + 5 * 3_600_000 + k * 90_000 });
    }
    queue.sort((a, b) => a.at - b.at);
    while (queue.length) {
      const { card, at } = queue.shift()!;
      answer(card, at);
      const state = states.get(card)!;
      if ((state.state === CardStateKind.Learning || state.state === CardStateKind.Relearning) && state.due < dayEnd) {
        // The next step today, as soon as it is due (a step past the day's end waits for tomorrow).
        const next = { card, at: Math.max(state.due, at + 1_000) };
        const index = queue.findIndex((p) => p.at > next.at);
        queue.splice(index < 0 ? queue.length : index, 0, next);
      }
    }
  }
  return log;
}

/** Writes `entries` as deck `deck`'s review log in `stateDir`, as the store writes it (no fsync per line). */
export function writeReviewLog(stateDir: string, deck: string, entries: readonly LogEntry[]): void {
  const dir = join(stateDir, 'decks', deck);
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, 'log.ndjson'), 'w');
  let batch = headerLine(deck);
  for (const entry of entries) {
    batch += encodeEntry(entry) + '\n';
    if (batch.length > 4_000_000) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
}
