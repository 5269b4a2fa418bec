// Notes that cannot be used for a moment (an editor that empties the file while saving, a
// stray binary file) must not blank a deck: the read commands keep the cards last built and
// say why on stderr; with nothing built yet, the notes' error is the answer.
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_NOTES, runCli, tempDir } from '../helpers/cli.js';

// The bundled notes built once by generate (a run each cost the suite half a second); each test
// has a copy of the decks folder, its files' times kept.
let built: string;
beforeAll(() => {
  built = tempDir();
  mkdirSync(join(built, 'papers'));
  copyFileSync(BUNDLED_NOTES, join(built, 'papers', 'notes.txt'));
  expect(runCli(['generate', '--decks', built]).code).toBe(0);
});

function builtDeck(): { decks: string; state: string; notes: string } {
  const decks = tempDir();
  cpSync(built, decks, { recursive: true, preserveTimestamps: true });
  return { decks, state: tempDir(), notes: join(decks, 'papers', 'notes.txt') };
}

const breakages: [string, (notes: string) => void][] = [
  ['emptied', (notes) => writeFileSync(notes, '')],
  ['binary', (notes) => writeFileSync(notes, Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 7]))],
  ['no papers in it', (notes) => writeFileSync(notes, 'Just a shopping list.\n')],
  ['deleted, another file left', (notes) => { rmSync(notes); writeFileSync(join(notes, '..', 'other.md'), ''); }],
];

describe('notes that cannot be used', () => {
  it.each(breakages)('keeps the cards last built when the notes are %s, and says so', (what, breakNotes) => {
    const ws = builtDeck();
    breakNotes(ws.notes);
    const places = ['--decks', ws.decks, '--state', ws.state];
    const cards = runCli(['cards', 'papers', '--json', ...places]);
    expect(cards.code).toBe(0);
    expect(JSON.parse(cards.stdout).cards).toHaveLength(43);
    expect(cards.stderr).toMatch(/^paperdeck: note: papers's notes cannot be used \(.+\); these are the cards last built — npx paperdeck generate papers says more\n$/);
    // due and stats read the deck as cards does: once is enough to show it (a process each costs
    // the suite a second per kind of breakage).
    if (what !== 'emptied') {
      expect(runCli(['generate', 'papers', ...places]).code).toBe(1);
      return;
    }
    const due = runCli(['due', '--json', ...places]);
    expect(due.code).toBe(0);
    expect(JSON.parse(due.stdout)).toMatchObject({ deck: 'papers', new: 20, total: 20 });
    const stats = runCli(['stats', 'papers', '--json', ...places]);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).counts.new).toBe(43);
    // generate is where the problem is reported, and it leaves cards.json as it was.
    const generate = runCli(['generate', 'papers', ...places]);
    expect(generate.code).toBe(1);
    expect(generate.stderr).toMatch(/^paperdeck: /);
    expect(runCli(['cards', 'papers', '--json', ...places]).stdout).toBe(cards.stdout);
  });

  it('answers with the notes’ error when no cards were ever built', () => {
    const decks = tempDir();
    mkdirSync(join(decks, 'papers'));
    writeFileSync(join(decks, 'papers', 'notes.txt'), '');
    const cards = runCli(['cards', 'papers', '--decks', decks, '--state', tempDir()]);
    expect(cards.code).toBe(1);
    expect(cards.stdout).toBe('');
    expect(cards.stderr).toMatch(/^paperdeck: [^\n]+\n$/);
  });

  it('says nothing about notes for a deck of cards alone (no notes file at all)', () => {
    const ws = builtDeck();
    rmSync(ws.notes);
    const cards = runCli(['cards', 'papers', '--decks', ws.decks, '--state', ws.state]);
    expect(cards.code).toBe(0);
    expect(cards.stderr).toBe('');
  });
});
