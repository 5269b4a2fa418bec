// optimize and plan through the real CLI, on the simulated learner's review logs (learner.ts):
// optimise on about 10,000 and 200,000 reviews, plan on 1,000 and 10,000 cards. Wall time of
// the whole command beside bare `node -e 0`, and its peak memory (RSS, from GNU time).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION } from '../src/cards/generate.js';
import type { CardsFile } from '../src/core/types.js';
import { serializeCardsFile } from '../src/store/decks.js';
import { simulateLearner, writeReviewLog } from './learner.js';
import { median } from './measure.js';
import { syntheticCard } from './synthetic.js';

export interface CommandFigures {
  label: string;
  reviews: number;
  ms: number;
  ratio: number;
  peakRssMB: number | null;
}

/** A deck `deck` of `cards` cards and the learner's log over `days` days, under `dir`. */
function learnerDeck(dir: string, deck: string, cards: number, newPerDay: number, days: number): { decks: string; state: string; reviews: number } {
  const decks = join(dir, 'decks');
  const state = join(dir, 'state');
  const ids = Array.from({ length: cards }, (_, i) => `card-${String(i).padStart(5, '0')}`);
  const file: CardsFile = {
    version: 1,
    deck,
    notesHash: '',
    generator: GENERATOR_VERSION,
    cards: ids.map((id, i) => ({ ...syntheticCard(i), id })),
    retired: [],
    skipped: [],
    warnings: [],
  };
  mkdirSync(join(decks, deck), { recursive: true });
  writeFileSync(join(decks, deck, 'cards.json'), serializeCardsFile(file));
  const log = simulateLearner({ cards, cardIds: ids, newPerDay, days, start: Date.parse('2025-01-06T09:00:00'), undoEvery: 60 });
  writeReviewLog(state, deck, log);
  return { decks, state, reviews: log.filter((entry) => entry.kind === 'review').length };
}

/** Wall ms and peak RSS (MB) of one run of `node args`. */
function runOnce(args: string[], env: NodeJS.ProcessEnv): { ms: number; rssMB: number | null } {
  const timed = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const result = timed
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  const kb = timed ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, rssMB: Number.isFinite(kb) ? kb / 1024 : null };
}

export function benchOptimizeAndPlan(bin: string, work: string, nodeMs: number): CommandFigures[] {
  const env = { ...process.env, PAPERDECK_NOW: '2026-03-01T10:00', NO_COLOR: '1' };
  const small = learnerDeck(join(work, 'optimize-10k'), 'learner', 1_000, 10, 200);
  const large = learnerDeck(join(work, 'optimize-200k'), 'learner', 10_000, 30, 1_300);
  const figures: CommandFigures[] = [];
  const measure = (label: string, place: { decks: string; state: string; reviews: number }, args: string[], runs: number) => {
    const cli = [bin, ...args, '--json', '--decks', place.decks, '--state', place.state];
    runOnce(cli, env); // the first writer of the day also takes the daily backup
    const results = Array.from({ length: runs }, () => runOnce(cli, env));
    const ms = median(results.map((r) => r.ms));
    const rss = results.map((r) => r.rssMB).filter((r): r is number => r !== null);
    figures.push({ label, reviews: place.reviews, ms, ratio: ms / nodeMs, peakRssMB: rss.length ? Math.max(...rss) : null });
  };
  measure(`optimize, ${small.reviews.toLocaleString('en-US')} reviews`, small, ['optimize'], 3);
  measure(`optimize, ${large.reviews.toLocaleString('en-US')} reviews`, large, ['optimize'], 2);
  measure('plan, 1,000 cards (365 days x 30 retentions)', small, ['plan'], 3);
  measure('plan, 10,000 cards (365 days x 30 retentions)', large, ['plan'], 2);
  return figures;
}
