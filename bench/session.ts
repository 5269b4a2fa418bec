// Benchmark of one answer in a study session on a large deck, in-process: the session runner
// over the real engine and the real store in a temp folder, as `paperdeck study` runs them.
// Each timed step is one rating key: the answer written to the log (fsync) and the screen's
// next view read from the engine. The view alone is timed too, since its cost grows with the
// deck while the write's does not. 10,000 cards: 8,000 with a review history (about half of
// them due today), 2,000 never studied.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/core/clock.js';
import { CardStateKind, type CardState } from '../src/core/types.js';
import { createStudyEngine } from '../src/schedule/engine.js';
import { DEFAULT_SETTINGS } from '../src/schedule/settings.js';
import { createSessionRunner, type Timers } from '../src/session/runner.js';
import { readView } from '../src/session/view.js';
import { openState } from '../src/store/index.js';
import { headerLine } from '../src/store/review-log.js';
import { median, percentile } from './measure.js';
import { syntheticCard } from './synthetic.js';

const CARDS = 10_000;
const STUDIED = 8_000;
const WARM_UP = 20;
const TIMED = 200;
const DAY_MS = 86_400_000;
const DECK = 'bench';
const NOW = Date.parse('2026-03-02T10:00:00Z');


/** A review card last seen some days ago, due between 30 days ago and 30 days ahead. */
function reviewState(i: number): CardState {
  const interval = 1 + (i % 40);
  const due = NOW + ((i % 61) - 30) * DAY_MS;
  return {
    due,
    stability: interval * 1.3,
    difficulty: 1 + (i % 9),
    elapsedDays: 0,
    scheduledDays: interval,
    learningSteps: 0,
    reps: 1 + (i % 7),
    lapses: i % 3,
    state: CardStateKind.Review,
    lastReview: due - interval * DAY_MS,
    suspended: false,
    buriedUntil: null,
    leech: false,
  };
}

/** The studied cards' history, one review each, written straight into the log as past sessions would have left it. */
function writeHistory(stateDir: string): void {
  const dir = join(stateDir, 'decks', DECK);
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, 'log.ndjson'), 'w');
  let lines = headerLine(DECK);
  for (let i = 0; i < STUDIED; i++) {
    const after = reviewState(i);
    const entry = { seq: i + 1, kind: 'review', at: after.lastReview, card: `card-${i}`, rating: 3, ms: 5_000, before: null, after };
    lines += JSON.stringify(entry) + '\n';
  }
  writeSync(fd, lines);
  closeSync(fd);
}

const noTimers: Timers = { set: () => null, clear: () => {} };

export async function benchSession(): Promise<Record<string, number>> {
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-bench-session-'));
  try {
    const stateDir = join(work, 'state');
    writeHistory(stateDir);
    const clock = new ManualClock(NOW);
    const store = await openState(stateDir, { mode: 'write', clock });
    try {
      const cards = Array.from({ length: CARDS }, (_, i) => syntheticCard(i));
      // Limits high enough that the whole deck is in today's queue.
      const settings = { ...DEFAULT_SETTINGS, newPerDay: 9_999, reviewsPerDay: 9_999 };
      const engine = createStudyEngine({ deck: store.deck(DECK), cards, settings, clock });
      const runner = createSessionRunner({ deck: DECK, engine, clock, timers: noTimers });
      const answers: number[] = [];
      const views: number[] = [];
      for (let i = 0; i < WARM_UP + TIMED; i++) {
        if (runner.getState().phase !== 'question') throw new Error(`bench: no card to answer (${runner.getState().phase})`);
        runner.press('show');
        clock.advance(4_000);
        let start = performance.now();
        runner.press(i % 5 === 0 ? '1' : '3');
        const answerMs = performance.now() - start;
        start = performance.now();
        readView(engine, clock);
        const viewMs = performance.now() - start;
        if (i >= WARM_UP) {
          answers.push(answerMs);
          views.push(viewMs);
        }
      }
      runner.dispose();
      return {
        answerAndViewMedianMs: median(answers),
        answerAndViewP99Ms: percentile(answers, 99),
        viewMedianMs: median(views),
        viewP99Ms: percentile(views, 99),
      };
    } finally {
      store.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
