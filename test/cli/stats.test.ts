// `paperdeck stats`, run as the built binary on real folders, over a history made by the real
// study engine and store. Europe/Berlin; days start at 4 a.m.
process.env.TZ = 'Europe/Berlin';

import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { localDayKey } from '../../src/schedule/days.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { openState } from '../../src/store/index.js';
import { deckStatus, leaveDueIndex } from '../../src/cards/freshness.js';
import { localOf } from '../helpers/state-paths.js';
import { local, makeCards, settings } from '../schedule/helpers.js';
import { paperdeck, sourcesLoadedBy, workspace, writeDeck } from '../schedule/built-cli.js';

const iso = (ms: number) => new Date(ms).toISOString();
const DAY1 = local(2026, 6, 1, 9);
const DAY30 = local(2026, 6, 30, 9);

function stats(ws: { decks: string; state: string }, args: string[], now: number) {
  return paperdeck(['stats', ...args, '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(now) });
}

/**
 * Day 1: three new cards answered Easy (each becomes a review card, due within three weeks).
 * Day 30: c001 Good; c002 Again; c003 Good, undone, then Again. Ten minutes later the two
 * relearning cards are answered Good (relearning steps: not in True Retention).
 */
async function makeHistory(ws: { state: string }): Promise<void> {
  const cards = makeCards(40);
  const clock = new ManualClock(DAY1);
  let store = await openState(ws.state, { mode: 'write', clock });
  try {
    const engine = createStudyEngine({ deck: store.deck('papers'), cards, settings: settings(), clock });
    for (let i = 0; i < 3; i++) engine.answer(engine.view().card!.id, 4, 2_000);
  } finally {
    store.close();
  }
  clock.set(DAY30);
  store = await openState(ws.state, { mode: 'write', clock });
  try {
    const engine = createStudyEngine({ deck: store.deck('papers'), cards, settings: settings({ newPerDay: 0 }), clock });
    const plan: Record<string, 1 | 3> = { c001: 3, c002: 1, c003: 3 };
    for (let i = 0; i < 3; i++) {
      const id = engine.view().card!.id;
      engine.answer(id, plan[id]!, 4_000);
      if (id === 'c003') {
        expect(engine.undo()?.id).toBe('c003');
        engine.answer('c003', 1, 6_000);
      }
    }
    clock.advance(11 * 60_000);
    for (let i = 0; i < 2; i++) engine.answer(engine.view().card!.id, 3, 1_000);
  } finally {
    store.close();
  }
}

/** Leaves the deck's due index as a session does when it ends; whether it did. */
async function leaveIndex(ws: { decks: string; state: string }): Promise<boolean> {
  const reader = await openState(ws.state, { mode: 'read', clock: new ManualClock(DAY30) });
  try {
    return leaveDueIndex(ws.state, reader.deck('papers'), deckStatus(ws.decks, 'papers'));
  } finally {
    reader.close();
  }
}

/** The --json document of a run that succeeded, without the figures that follow the clock's milliseconds (now, retrievability). */
function figures(result: { code: number | null; stdout: string; stderr: string }) {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout, (key, value: unknown) => (['now', 'predictedRetention', 'retrievability'].includes(key) ? undefined : value));
}

describe('paperdeck stats', () => {
  it('prints one JSON document whose figures follow the history', async () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(40));
    await makeHistory(ws);
    const result = stats(ws, ['--json'], DAY30 + 3_600_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.deck).toBe('papers');
    expect(json.counts).toMatchObject({ new: 37, learning: 0, review: 3, relearning: 0, suspended: 0, buried: 0 });
    // Reviews: c001, c002, c003 (Again; its undone Good is gone) and two relearning steps.
    expect(json.today).toEqual({ date: '2026-06-30', reviews: 5, again: 2, seconds: 16 });
    const today = json.trueRetention.find((r: { period: string }) => r.period === 'today');
    expect(today).toMatchObject({ youngPass: 1, youngFail: 2, maturePass: 0, matureFail: 0 });
    expect(today.retention).toBeCloseTo(1 / 3, 12);
    // Day 1's answers were first sightings of new cards: no True Retention anywhere else.
    const all = json.trueRetention.find((r: { period: string }) => r.period === 'all');
    expect([all.youngPass, all.youngFail]).toEqual([1, 2]);
    expect(json.trueRetention.map((r: { period: string }) => r.period)).toEqual(['today', 'yesterday', 'week', 'month', 'year', 'all']);
    expect(json.streakDays).toBe(1);
    expect(json.reviewsPerDay).toHaveLength(30);
    expect(json.reviewsPerDay[0]).toEqual({ date: '2026-06-01', reviews: 3, again: 0 });
    expect(json.forecast).toHaveLength(30);
    // Each review card on the local day `paperdeck cards` says it is due, if within 30 days.
    const cards = JSON.parse(paperdeck(['cards', '--json', '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(DAY30 + 3_600_000) }).stdout);
    const expected = new Map<string, number>();
    for (const card of cards.cards as { due: string | null }[]) {
      if (card.due === null) continue;
      const key = localDayKey(Math.max(Date.parse(card.due), DAY30), 4);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(expected.size).toBeGreaterThan(0);
    for (const day of json.forecast as { date: string; due: number }[]) expect(day.due).toBe(expected.get(day.date) ?? 0);
    expect(json.predictedRetention).toBeGreaterThan(0.9);
    expect(json.hardest.map((h: { id: string }) => h.id).sort()).toEqual(['c002', 'c003']);
  });

  it('prints the report within 80 columns without colour when piped', async () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(40));
    await makeHistory(ws);
    const result = stats(ws, [], DAY30 + 3_600_000);
    expect(result.code).toBe(0);
    const out = result.stdout;
    for (const heading of ['Statistics for papers', 'Cards', 'Today', 'True retention', 'Predicted retention', 'Due in the next 30 days', 'Reviews per day', 'Reviews per month', 'Last 26 weeks', 'Hardest papers']) {
      expect(out).toContain(heading);
    }
    expect(out).toMatch(/^Today +1 +2 +33\.3% +0 +0 +N\/A +1 +2 +33\.3%$/m);
    expect(out).toContain('current streak 1 day');
    expect(out).not.toMatch(/\u001b/);
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('works on a deck never studied, without creating the state folder', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(5));
    const result = stats(ws, ['papers', '--json'], DAY1);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.counts).toMatchObject({ new: 5, total: 5 });
    expect(json.predictedRetention).toBeNull();
    expect(json.streakDays).toBe(0);
    expect(existsSync(ws.state)).toBe(false);
  });

  it('asks which deck when there are several, and refuses a deck without cards', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'alpha', makeCards(2));
    writeDeck(ws.decks, 'beta', makeCards(2));
    const several = stats(ws, [], DAY1);
    expect(several.code).toBe(2);
    expect(several.stdout).toBe('');
    expect(several.stderr).toMatch(/^paperdeck: .*alpha, beta.*\n$/);
    const missing = stats(ws, ['gamma'], DAY1);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no deck named "gamma"/);
  });

  it('shows from the due index a session left what it shows from cards.json and the log, and never a stale index', async () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(40));
    await makeHistory(ws);
    const indexLeft = () => {
      // cards.json as a session finds it: written a while ago (a fresher one leaves no index).
      const aWhileAgo = new Date(DAY1);
      utimesSync(join(ws.decks, 'papers', 'cards.json'), aWhileAgo, aWhileAgo);
      return leaveIndex(ws);
    };
    const index = join(localOf(ws.state), 'decks', 'papers', 'due-index.json');
    /** `stats --json` with the index there, and with it removed; figures that follow the clock rounded. */
    const bothWays = async (now: number) => {
      expect(await indexLeft()).toBe(true);
      const indexed = figures(stats(ws, ['--json'], now));
      rmSync(index);
      return { indexed, read: figures(stats(ws, ['--json'], now)) };
    };
    const now = DAY30 + 3_600_000;
    const asLeft = await bothWays(now);
    expect(asLeft.indexed).toEqual(asLeft.read);
    expect(asLeft.indexed.hardest.map((h: { id: string }) => h.id).sort()).toEqual(['c002', 'c003']);

    // A session killed after the index was left: its answers are counted from the log.
    expect(await indexLeft()).toBe(true);
    const clock = new ManualClock(DAY30 + 2 * 3_600_000);
    const killed = await openState(ws.state, { mode: 'write', clock });
    const engine = createStudyEngine({ deck: killed.deck('papers'), cards: makeCards(40), settings: settings({ newPerDay: 5 }), clock });
    for (let i = 0; i < 3; i++) engine.answer(engine.view().card!.id, 3, 1_000);
    const afterKill = figures(stats(ws, ['--json'], now + 3_600_000));
    expect(afterKill.counts.learning + afterKill.counts.review).toBe(6);
    rmSync(index);
    expect(afterKill).toEqual(figures(stats(ws, ['--json'], now + 3_600_000)));

    // cards.json rebuilt since the index was left (a title changed, a card gone): those cards.
    expect(await indexLeft()).toBe(true);
    const cards = makeCards(40).filter((card) => card.id !== 'c040');
    const renamed = cards.map((card) => (card.id === 'c002' ? { ...card, title: 'Renamed paper', question: 'Renamed paper' } : card));
    writeDeck(ws.decks, 'papers', renamed);
    const rebuilt = figures(stats(ws, ['--json'], now + 3_600_000));
    expect(rebuilt.counts.total).toBe(39);
    expect(rebuilt.hardest.map((h: { title: string }) => h.title)).toContain('Renamed paper');
  });

  it('counts the cards of notes changed since generate, through the full program (stats’ own build has no generator)', () => {
    const ws = workspace();
    const notesFile = join(ws.decks, 'papers', 'notes.txt');
    mkdirSync(dirname(notesFile), { recursive: true });
    const paper = (n: number) => `C${n}: Paper number ${n}\n\nThey make deep networks train faster by adding shortcut connections number ${n}.\n\n`;
    writeFileSync(notesFile, paper(1) + paper(2));
    const places = ['--decks', ws.decks, '--state', ws.state];
    expect(paperdeck(['generate', ...places]).code).toBe(0);
    writeFileSync(notesFile, paper(1) + paper(2) + paper(3));
    const edited = paperdeck(['stats', '--json', ...places], { PAPERDECK_NOW: iso(DAY1) });
    expect(edited.code).toBe(0);
    expect(edited.stderr).toMatch(/notes changed since its cards were built/);
    expect(JSON.parse(edited.stdout).counts.total).toBe(3);
  });

  it('loads neither Ink nor React', async () => {
    const loaded = await sourcesLoadedBy('stats');
    expect(loaded.some((file) => file.includes('src/stats/index.ts'))).toBe(true);
    expect(loaded.filter((file) => /node_modules\/(ink|react)\//.test(file))).toEqual([]);
  });
});
