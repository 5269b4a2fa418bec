// Benchmark of `paperdeck stats` on a large deck: 200,000 reviews of 10,000 cards spread over
// about three years, built in memory (deterministic pseudo-random), then computeStats and the
// text report timed, median of a few runs. Also the cost of reading such a log: JSON.parse of
// a 200,000-line ndjson text, line by line, as the store reads it.
import { performance } from 'node:perf_hooks';
import { CardStateKind } from '../src/core/types.js';
import type { Card, CardState, LogEntry, Rating, ReviewEntry } from '../src/core/types.js';
import { DEFAULT_SETTINGS } from '../src/schedule/settings.js';
import { computeStats } from '../src/stats/index.js';
import { renderStats } from '../src/stats/render.js';

const DAY_MS = 86_400_000;
const CARDS = 10_000;
const REVIEWS = 200_000;
const SPAN_DAYS = 3 * 365;
const RUNS = 7;
/** Longest interval in the synthetic schedules, tuned so the log holds about 200,000 reviews. */
const MAX_INTERVAL = 45;

/** mulberry32: small, fast, and the same numbers every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
export function syntheticDeck(now = Date.UTC(2026, 5, 1, 10), reviews = REVIEWS, cardCount = CARDS): SyntheticDeck {
  const rand = random(2017);
  const start = now - SPAN_DAYS * DAY_MS;
  const cards: Card[] = [];
  const states = new Map<string, CardState>();
  const raw: Omit<ReviewEntry, 'seq'>[] = [];
  for (let c = 0; c < cardCount; c++) {
    const id = `paper-${c}`;
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
        stability: Math.max(0.5, interval * 1.05),
        difficulty: 5,
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

export async function benchStats(): Promise<Record<string, number>> {
  const deck = syntheticDeck();
  // The command reads the log from ndjson, one JSON.parse per line, as the store does; the
  // statistics then run on those parsed objects (which V8 lays out alike, unlike objects
  // built by spreading, so timing the built ones would mislead).
  const ndjson = deck.log.map((entry) => JSON.stringify(entry)).join('\n') + '\n';
  const parseLog = () => {
    const entries: LogEntry[] = [];
    for (const line of ndjson.split('\n')) if (line) entries.push(JSON.parse(line) as LogEntry);
    return entries;
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
  return {
    'stats: log entries': input.log.length,
    'stats: computeStats ms (median)': computeMs,
    'stats: render ms (median)': renderMs,
    'stats: parse ndjson log ms (median)': parseMs,
    'stats: ndjson log MB': Math.round((Buffer.byteLength(ndjson) / 1048576) * 10) / 10,
  };
}
