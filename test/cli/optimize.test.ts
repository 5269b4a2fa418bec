// `paperdeck optimize` and the parameters it leaves, through the real binary: on a simulated
// learner's review log it adopts parameters for the deck, which config, stats and cards then
// show and use; too few reviews keep the defaults; without the optional binding, optimize says
// so in one line and every other command works.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateLearner, writeReviewLog } from '../../bench/learner.js';
import { syntheticCard } from '../../bench/synthetic.js';
import { GENERATOR_VERSION } from '../../src/cards/generate.js';
import type { CardsFile } from '../../src/core/types.js';
import { serializeCardsFile } from '../../src/store/decks.js';
import { testBinaryWithoutModules } from '../helpers/binary.js';
import { runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { spawnSync } from 'node:child_process';
import { ownLog } from '../helpers/state-paths.js';

const NOW = '2026-08-01T10:00';

/** A deck of `count` cards (card-00000...) whose log is a simulated learner's `days` days. */
function learnerWorkspace(count: number, days: number): { decks: string; state: string } {
  const root = tempDir();
  const decks = join(root, 'decks');
  const state = join(root, 'state');
  const ids = Array.from({ length: count }, (_, i) => `card-${String(i).padStart(5, '0')}`);
  const cards = ids.map((id, i) => ({ ...syntheticCard(i), id }));
  const file: CardsFile = { version: 1, deck: 'sim', notesHash: '', generator: GENERATOR_VERSION, cards, retired: [], skipped: [], warnings: [] };
  mkdirSync(join(decks, 'sim'), { recursive: true });
  writeFileSync(join(decks, 'sim', 'cards.json'), serializeCardsFile(file));
  const log = simulateLearner({ cards: count, cardIds: ids, newPerDay: 10, days, start: new Date(2026, 0, 5, 9).getTime(), undoEvery: 50 });
  writeReviewLog(state, 'sim', log);
  return { decks, state };
}

function paperdeck(place: { decks: string; state: string }, args: string[]): CliResult {
  return runCli(args, { env: { PAPERDECK_DECKS: place.decks, PAPERDECK_STATE: place.state, PAPERDECK_NOW: NOW } });
}

describe('paperdeck optimize', () => {
  const place = learnerWorkspace(800, 200);

  it('adopts parameters fitted to the deck, and config, stats and cards follow them', () => {
    const cardsBefore = JSON.parse(paperdeck(place, ['cards', '--json']).stdout).cards;
    const run = paperdeck(place, ['optimize', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ deck: 'sim', adopted: true });
    expect(result.reviews).toBeGreaterThan(3000);
    expect(result.items).toBeGreaterThan(2000);
    expect(result.parameters).toHaveLength(21);
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
    expect(Object.keys(result.before).sort()).toEqual(['logLoss', 'rmseBins']);
    expect(result.reason).toMatch(/^fitted parameters predict the latest [\d,]+ reviews better/);

    const config = JSON.parse(paperdeck(place, ['config', 'parameters', '--json']).stdout);
    expect(config.value).toBeNull(); // the global ones stay the defaults
    expect(config.decks.sim).toEqual({ weights: result.parameters, fittedAt: Date.parse(result.fittedAt), reviews: result.reviews });
    const table = paperdeck(place, ['config']).stdout;
    expect(table).toMatch(/^\(deck sim\) +fitted 2026-08-01 \* +its own, [\d,]+ reviews$/m);
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    const stats = JSON.parse(paperdeck(place, ['stats', '--json']).stdout);
    expect(stats.parameters).toMatchObject({ source: 'fitted', reviews: result.reviews, weights: result.parameters });
    expect(paperdeck(place, ['stats']).stdout).toMatch(/FSRS parameters: fitted 2026-08-01, [\d,]+ reviews/);

    // Memory states are replayed with the new parameters; due dates stay.
    const cardsAfter = JSON.parse(paperdeck(place, ['cards', '--json']).stdout).cards;
    const changed = cardsAfter.filter((card: { stability: number | null }, i: number) => card.stability !== cardsBefore[i].stability);
    expect(changed.length).toBeGreaterThan(cardsAfter.length / 2);
    expect(cardsAfter.map((card: { due: unknown }) => card.due)).toEqual(cardsBefore.map((card: { due: unknown }) => card.due));

    const reset = paperdeck(place, ['config', 'parameters', '--reset']);
    expect(reset.stdout).toMatch(/^parameters = default \(reset to default and the parameters fitted to sim removed\)/);
    expect(JSON.parse(paperdeck(place, ['stats', '--json']).stdout).parameters.source).toBe('default');
    const cardsReset = JSON.parse(paperdeck(place, ['cards', '--json']).stdout).cards;
    expect(cardsReset).toEqual(cardsBefore);
  });

  it('with --reschedule, moves review cards to the new intervals, each move an entry of the log', () => {
    const moved = learnerWorkspace(800, 200);
    const before = JSON.parse(paperdeck(moved, ['cards', '--json']).stdout).cards as { id: string; state: string; due: string | null }[];
    // Adopted without the flag: due dates stay, and the output (within 80 columns) says
    // --reschedule moves them. (Each fit takes seconds: the text form is checked here, not again.)
    const text = paperdeck(moved, ['optimize']);
    expect(text.code).toBe(0);
    for (const line of text.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text.stdout.replace(/\s+/g, ' ')).toMatch(/due dates already set stay \(--reschedule moves them\)/);
    const dues = (cards: { due: string | null }[]) => cards.map((card) => card.due);
    expect(dues(JSON.parse(paperdeck(moved, ['cards', '--json']).stdout).cards)).toEqual(dues(before));
    // Then with it, adopted again or not, the cards move to the parameters in use.
    const run = paperdeck(moved, ['optimize', '--reschedule', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.rescheduled).toBeGreaterThan(50);

    const after = JSON.parse(paperdeck(moved, ['cards', '--json']).stdout).cards as typeof before;
    const changed = after.filter((card, i) => card.due !== before[i]!.due);
    expect(changed).toHaveLength(result.rescheduled);
    expect(changed.every((card) => card.state === 'review')).toBe(true);
    // Only review cards move; learning and new cards keep what they had.
    after.forEach((card, i) => {
      if (before[i]!.state !== 'review') expect(card.due).toBe(before[i]!.due);
    });
    const log = readFileSync(ownLog(moved.state, 'sim'), 'utf8');
    expect(log.match(/"k":"reschedule"/g)).toHaveLength(result.rescheduled);
    // Every reader takes the new entries: statistics count no extra review, due counts.
    expect(paperdeck(moved, ['stats', '--json']).code).toBe(0);
    expect(paperdeck(moved, ['due', '--json']).code).toBe(0);

  });

  it('keeps the defaults on too few reviews, saying how many there are and how many it takes', () => {
    const small = learnerWorkspace(3, 12);
    const run = paperdeck(small, ['optimize']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Not adopted: too few reviews to fit: \d+ reviews give \d+ to learn from/);
    expect(JSON.parse(paperdeck(small, ['config', 'parameters', '--json']).stdout).decks).toEqual({});
  });

  it('refuses a hand-set parameter list that is not FSRS-6, in one line', () => {
    const bad = paperdeck(place, ['config', 'parameters', '1, 2, 3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^paperdeck: parameters: FSRS-6 takes 21 numbers; write 21 numbers apart by commas/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('without the optimiser binding', () => {
  let bare: string;
  beforeAll(() => {
    bare = testBinaryWithoutModules();
  });

  it('optimize says so in one line and exits 1; the other commands work', () => {
    const place = learnerWorkspace(20, 15);
    const env = { ...process.env, PAPERDECK_DECKS: place.decks, PAPERDECK_STATE: place.state, PAPERDECK_NOW: NOW, NO_COLOR: '1' };
    const run = (args: string[]) => spawnSync(process.execPath, [bare, ...args], { env, encoding: 'utf8' });
    const optimize = run(['optimize']);
    expect(optimize.status).toBe(1);
    expect(optimize.stderr).toMatch(/^paperdeck: optimize needs the FSRS optimiser @open-spaced-repetition\/binding-linux-x64-gnu, which is not installed or does not load on this platform \(linux-x64\): .*; every other command works without it\n$/);
    expect(optimize.stdout).toBe('');
    for (const args of [['due', '--json'], ['stats', '--json'], ['cards', '--json'], ['plan', '--json', '--days', '30'], ['config']]) {
      const other = run(args);
      expect(other.status, args.join(' ')).toBe(0);
    }
  });
});
