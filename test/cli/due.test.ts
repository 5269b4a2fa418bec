// `paperdeck due`, run as the built binary on real folders. Tokyo time, so local days and UTC
// days differ; the seeding below and the binary agree on it (children inherit TZ).
process.env.TZ = 'Asia/Tokyo';

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { openState } from '../../src/store/index.js';
import { local, makeCards, settings } from '../schedule/helpers.js';
import { paperdeck, sourcesInBin, sourcesLoadedBy, workspace, writeDeck } from '../schedule/built-cli.js';

const iso = (ms: number) => new Date(ms).toISOString();

function due(ws: { decks: string; state: string }, args: string[], now: number) {
  return paperdeck(['due', ...args, '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(now) });
}

/** Studies `count` new cards of `deck` at `now` (Good, then Good again: each graduates). */
async function study(ws: { state: string }, deck: string, count: number, now: number): Promise<void> {
  const clock = new ManualClock(now);
  const store = await openState(ws.state, { mode: 'write', clock });
  try {
    const engine = createStudyEngine({ deck: store.deck(deck), cards: makeCards(40), settings: settings(), clock });
    for (let i = 0; i < count; i++) engine.answer(engine.view().card!.id, 4, 2_000);
  } finally {
    store.close();
  }
}

describe('paperdeck due', () => {
  it('counts what a session would show on a fresh deck, without creating the state folder', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(40));
    const result = due(ws, ['papers', '--json'], local(2026, 6, 1, 9));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ deck: 'papers', new: 20, learning: 0, review: 0, total: 20 });
    expect(existsSync(ws.state)).toBe(false);
  });

  it("counts today's studies against the limit, until the next day starts at 4 a.m. local time", async () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(40));
    await study(ws, 'papers', 12, local(2026, 6, 1, 22));
    expect(JSON.parse(due(ws, ['--json'], local(2026, 6, 1, 23)).stdout)).toMatchObject({ new: 8, review: 0, total: 8 });
    // 03:59 in Tokyo is 18:59 UTC of the day before: still the same local day.
    expect(JSON.parse(due(ws, ['--json'], local(2026, 6, 2, 3, 59)).stdout)).toMatchObject({ new: 8 });
    const morning = JSON.parse(due(ws, ['--json'], local(2026, 6, 2, 4)).stdout);
    expect(morning.new).toBe(20);
    // Easy on a new card gives a review some days out; by then all twelve are due.
    const later = JSON.parse(due(ws, ['--json'], local(2026, 6, 30, 9)).stdout);
    expect(later).toEqual({ deck: 'papers', new: 20, learning: 0, review: 12, total: 32 });
  });

  it('prints each deck and the total when no deck is named (folders that cannot be decks are not)', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'alpha', makeCards(5));
    writeDeck(ws.decks, 'beta', makeCards(40));
    for (const odd of ['a..b', '-x', '.hidden']) {
      mkdirSync(join(ws.decks, odd));
      writeFileSync(join(ws.decks, odd, 'notes.txt'), 'C1: A paper\n\nKey idea: something.\n');
    }
    const json = due(ws, ['--json'], local(2026, 6, 1, 9));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      deck: null,
      decks: [
        { deck: 'alpha', new: 5, learning: 0, review: 0, total: 5 },
        { deck: 'beta', new: 20, learning: 0, review: 0, total: 20 },
      ],
      new: 25,
      learning: 0,
      review: 0,
      total: 25,
    });
    const text = due(ws, [], local(2026, 6, 1, 9));
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DECK\s+NEW\s+LEARNING\s+REVIEW\s+TOTAL$/);
    expect(lines[1]).toMatch(/^alpha\s+5\s+0\s+0\s+5$/);
    expect(lines[2]).toMatch(/^beta\s+20\s+0\s+0\s+20$/);
    expect(lines[3]).toMatch(/^total\s+25\s+0\s+0\s+25$/);
  });

  it('follows the settings: a new-card limit set with paperdeck config', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(40));
    expect(paperdeck(['config', 'new-per-day', '7', '--state', ws.state]).code).toBe(0);
    expect(JSON.parse(due(ws, ['--json'], local(2026, 6, 1, 9)).stdout)).toMatchObject({ new: 7, total: 7 });
  });

  it('works while a study session holds the state', async () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(40));
    const clock = new ManualClock(local(2026, 6, 1, 9));
    const writer = await openState(ws.state, { mode: 'write', clock, command: 'paperdeck study papers' });
    try {
      const engine = createStudyEngine({ deck: writer.deck('papers'), cards: makeCards(40), settings: settings(), clock });
      engine.answer('c001', 3, 1_000);
      const result = due(ws, ['--json'], local(2026, 6, 1, 9, 1));
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ new: 19, learning: 1 });
    } finally {
      writer.close();
    }
  });

  it('counts a deck whose cards were never generated as generate would build it, writing nothing', () => {
    const ws = workspace();
    mkdirSync(join(ws.decks, 'fresh'));
    writeFileSync(join(ws.decks, 'fresh', 'notes.txt'), 'C1: Some Paper\n\nThey propose a method that works.\n');
    const result = due(ws, ['--json'], local(2026, 6, 1, 9));
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ deck: 'fresh', new: 1, learning: 0, review: 0, total: 1 });
    expect(readdirSync(join(ws.decks, 'fresh'))).toEqual(['notes.txt']);
  });

  it('fails a deck whose notes cannot be read (no cards built before), says why, and still counts the others', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(3));
    mkdirSync(join(ws.decks, 'broken'));
    writeFileSync(join(ws.decks, 'broken', 'notes.txt'), 'Just a shopping list.\n');
    const result = due(ws, ['--json'], local(2026, 6, 1, 9));
    // Not "nothing due" in broken: it is left out, named on stderr, and the exit code says so.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^paperdeck: broken: decks\/broken\/notes\.txt: no recognisable paper entries.*\n$/);
    expect(JSON.parse(result.stdout)).toMatchObject({ new: 3, total: 3, decks: [{ deck: 'papers' }] });
  });

  describe('a corrupted cards.json is a failure, never "nothing due"', () => {
    const corrupted = () => {
      const ws = workspace();
      writeDeck(ws.decks, 'papers', makeCards(3));
      // A title that ends the terminal's title sequence early: quoted in the error, cleaned.
      writeFileSync(join(ws.decks, 'papers', 'cards.json'), '{"version": 1, "cards": [\u001b]0;pwned\u0007');
      return ws;
    };
    // The quick path (due alone) and the full program (an option before the command goes to commander).
    for (const [path, fullProgram] of [['the quick path', false], ['the full program', true]] as const) {
      it(`in ${path}: one line on stderr, nothing on stdout, exit 1`, () => {
        const ws = corrupted();
        for (const args of [[], ['papers'], ['--json'], ['papers', '--json']]) {
          const places = ['--decks', ws.decks, '--state', ws.state];
          const argv = fullProgram ? [...places, 'due', ...args] : ['due', ...args, ...places];
          const result = paperdeck(argv, { PAPERDECK_NOW: iso(local(2026, 6, 1, 9)) });
          expect(result.code).toBe(1);
          expect(result.stdout).toBe('');
          expect(result.stderr).toMatch(/^paperdeck: papers: .*cards\.json is corrupted .*\n$/);
          expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
        }
      });
    }

    it('with several decks: the others are counted, the broken one is left out, exit 1', () => {
      const ws = corrupted();
      writeDeck(ws.decks, 'other', makeCards(5));
      const text = due(ws, [], local(2026, 6, 1, 9));
      expect(text.code).toBe(1);
      expect(text.stdout).not.toMatch(/^papers/m);
      expect(text.stdout).toMatch(/^other\s+5\s+0\s+0\s+5$/m);
      expect(text.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      const json = due(ws, ['--json'], local(2026, 6, 1, 9));
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ deck: null, total: 5, decks: [{ deck: 'other' }] });
    });
  });

  it('refuses an unknown deck with one line and exit 1', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(3));
    const result = due(ws, ['nosuch'], local(2026, 6, 1, 9));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^paperdeck: no deck named "nosuch" in .*; decks: papers\n$/);
  });

  it('loads neither Ink nor React, nor ts-fsrs (counting needs no scheduler), nor the note generator, nor commander', async () => {
    const sources = await sourcesLoadedBy('due');
    expect(sources.some((s) => s.includes('src/schedule/queue.ts'))).toBe(true);
    expect(sources.filter((s) => s.includes('node_modules/ts-fsrs/'))).toEqual([]);
    // The generator loads only when a deck's notes changed since cards.json was built.
    expect(sources.filter((s) => s.includes('node_modules/sbd/') || s.includes('src/cards/key-idea.ts') || s.includes('src/notes/'))).toEqual([]);
    expect(sources.filter((s) => /node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(s) || s.includes('src/ui/'))).toEqual([]);
    // The quick path parses due's arguments itself (src/cli/quick.ts); readers take no lock.
    expect(sources.filter((s) => /node_modules\/(commander|proper-lockfile|graceful-fs)\//.test(s))).toEqual([]);
    // Measuring widths (string-width builds an Intl.Segmenter as it loads) waits for text output.
    expect(sources.filter((s) => s.includes('node_modules/string-width/'))).toEqual([]);
  });

  it('starts from a bin that holds the quick path only: no commander, Ink, React, other command, generator or writer code', async () => {
    const bin = await sourcesInBin();
    expect(bin).toContain('src/cli/commands/due.ts');
    // generate's quick path: a deck with nothing changed, reported from cards.json's first line.
    expect(bin).toContain('src/cli/commands/generate.ts');
    // cards --json's quick path: the rows from the due index, with no scheduler (ts-fsrs, below).
    expect(bin).toContain('src/cli/quick-cards.ts');
    expect(bin.filter((s) => /node_modules\/(commander|ink|react|ts-fsrs|proper-lockfile|graceful-fs)\//.test(s) || /src\/cli\/(program|commands\/(?!due|generate\.))/.test(s))).toEqual([]);
    expect(bin.filter((s) => /src\/(notes|cards\/(keyIdea|generate|identity|sentences)|store\/lock)\./.test(s))).toEqual([]);
  });

  it('hands a deck whose notes changed over to the full program, which counts it as generate would build it', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'built', makeCards(5));
    mkdirSync(join(ws.decks, 'fresh'));
    writeFileSync(join(ws.decks, 'fresh', 'notes.txt'), 'C1: A Paper\n\nKey idea: the first idea, stated plainly.\n\nC2: Another Paper\n\nKey idea: a second idea, stated plainly.\n');
    const result = due(ws, ['--json'], local(2026, 6, 1, 9));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ deck: null, new: 7, total: 7, decks: [{ deck: 'built', new: 5 }, { deck: 'fresh', new: 2 }] });
  });
});
