// `paperdeck plan` through the real binary: on the bundled deck after simulated weeks of use,
// and on a deck never studied (default times); a table and chart within 80 columns marking the
// current retention and the cheapest; the same figures every run; bad options refused.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateLearner, writeReviewLog } from '../../bench/learner.js';
import { runCli, workspaceWithBundledDeck, type CliResult } from '../helpers/cli.js';

const NOW = '2026-09-01T10:00';

function paperdeck(place: { decks: string; state: string }, args: string[]): CliResult {
  return runCli(args, { env: { PAPERDECK_DECKS: place.decks, PAPERDECK_STATE: place.state, PAPERDECK_NOW: NOW } });
}

describe('paperdeck plan', () => {
  const place = workspaceWithBundledDeck();
  expect(paperdeck(place, ['generate']).code).toBe(0);
  const ids: string[] = JSON.parse(readFileSync(join(place.decks, 'iclr2017', 'cards.json'), 'utf8')).cards.map((card: { id: string }) => card.id);
  mkdirSync(place.state, { recursive: true });
  writeReviewLog(place.state, 'iclr2017', simulateLearner({ cards: ids.length, cardIds: ids, newPerDay: 3, days: 60, start: new Date(2026, 6, 1, 9).getTime() }));

  it('prints a row per retention from 0.70 to 0.99 with its workload, in --json', () => {
    const run = paperdeck(place, ['plan', '--json', '--days', '90']);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan).toMatchObject({ deck: 'iclr2017', days: 90, current: 0.9 });
    expect(plan.rows).toHaveLength(30);
    expect(plan.rows.map((row: { retention: number }) => row.retention)).toEqual(Array.from({ length: 30 }, (_, i) => Math.round(70 + i) / 100));
    for (const row of plan.rows) {
      expect(Object.keys(row).sort()).toEqual(['minutesPerDay', 'minutesPerRemembered', 'remembered', 'retention', 'reviewsPerDay']);
    }
    const cheapest = Math.min(...plan.rows.map((row: { minutesPerRemembered: number }) => row.minutesPerRemembered));
    expect(plan.rows.find((row: { retention: number }) => row.retention === plan.recommended).minutesPerRemembered).toBe(cheapest);
    expect(plan.habits.measured.review).toBe(true);
    // Deterministic: the same state and arguments, the same figures.
    expect(paperdeck(place, ['plan', '--json', '--days', '90']).stdout).toBe(run.stdout);
  });

  it('shows a table and chart within 80 columns, marking the current setting and the cheapest', () => {
    paperdeck(place, ['config', 'desired-retention', '0.85']);
    const run = paperdeck(place, ['plan', '--new-per-day', '5']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines.filter((line) => /^ +0\.\d\d  /.test(line))).toHaveLength(30);
    expect(run.stdout).toMatch(/^ +0\.85 .*#+ +current/m);
    expect(run.stdout).toMatch(/least per card/);
    expect(run.stdout).toMatch(/5 new a day/);
  });

  it('works on a deck never studied, with default times', () => {
    const fresh = workspaceWithBundledDeck();
    paperdeck(fresh, ['generate']);
    const run = paperdeck(fresh, ['plan', '--days', '30']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/defaults: your log is too short to\s+measure them/);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // The largest seed its message names is taken.
    expect(paperdeck(fresh, ['plan', '--days', '1', '--seed', '2147483647', '--json']).code).toBe(0);
  });

  it('refuses a bad --days or --new-per-day in one line', () => {
    for (const args of [['--days', '0'], ['--days', 'ten'], ['--new-per-day', '-3']]) {
      const run = paperdeck(place, ['plan', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^paperdeck: /);
    }
  });
});
