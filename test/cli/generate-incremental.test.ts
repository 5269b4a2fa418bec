// `generate` after an edit of a few notes reads only the papers around the edit, from the cache
// a build leaves beside cards.json (decks/<deck>/.generate-cache, cards/incremental.ts). What the
// user sees must not tell: the same cards.json, byte for byte, and the same summary as a build
// that reads every note; and a cache that is damaged or speaks for another cards.json is
// rebuilt, never trusted.
import { cpSync, existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, workspaceWithBundledDeck } from '../helpers/cli.js';
import { syntheticNotes } from '../../bench/synthetic.js';
import { BUNDLED_NOTES } from '../helpers/cli.js';
import { Fingerprint } from '../../src/core/fingerprint.js';
import type { CommandContext } from '../../src/cli/context.js';
import { systemClock } from '../../src/core/clock.js';
import { resolvePlaces } from '../../src/core/paths.js';
import { cleanOutput } from '../../src/core/sanitize.js';

const CACHE = '.generate-cache';

function generate(decks: string, ...flags: string[]) {
  const result = runCli(['generate', ...flags, '--decks', decks, '--state', join(decks, '..', 'state')]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/**
 * `generate` run in this process, on a decks folder whose cache is not one (copyWithoutCache):
 * the build that reads every note, which the binary's build from the cache is held to. Each
 * comparison is one spawn of the binary instead of two; the reference is the same command
 * module, handed what the binary's dispatch hands it (piped stdout: no colour, 80 columns).
 */
async function generateInProcess(decks: string): Promise<string> {
  const { run } = await import('../../src/cli/commands/generate.js');
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    places: resolvePlaces({ decks, state: join(decks, '..', 'state') }),
    clock: systemClock,
    json: false,
    out: (text) => (stdout += cleanOutput(text, false)),
    outJson: () => expect.unreachable('no --json here'),
    err: (text) => (stderr += cleanOutput(text, false)),
    env: process.env,
    color: false,
  };
  expect(await run(ctx, { positional: [], flags: {} } as never)).toBe(0);
  expect(stderr).toBe('');
  return stdout;
}

/** When the next notes are saved: a while before generate runs, a second later each time. */
let savedAt = Date.now() - 3_600_000;

/** Saves `text` as the deck's notes in each of `decks`, at one time (the next savedAt). */
function saveNotes(decks: string | string[], text: string, deck = 'iclr2017') {
  const saved = new Date((savedAt += 1000));
  for (const folder of [decks].flat()) {
    const path = join(folder, deck, 'notes.txt');
    writeFileSync(path, text);
    utimesSync(path, saved, saved);
  }
}

/** A copy of the decks folder, without its generate cache: there `generate` reads every note. */
function copyWithoutCache(decks: string, deck = 'iclr2017'): string {
  const copy = join(tempDir(), 'decks');
  cpSync(decks, copy, { recursive: true });
  writeFileSync(join(copy, deck, CACHE), 'not a cache');
  return copy;
}

const cardsOf = (decks: string, deck = 'iclr2017') => readFileSync(join(decks, deck, 'cards.json'), 'utf8');

/**
 * Saves `text` as the deck's notes, and beside it in a copy of the decks without the cache, and
 * generates both: the deck with its cache must print and write what a build reading every note does.
 */
async function expectSameAsFullBuild(decks: string, text: string, deck = 'iclr2017', what?: string): Promise<string> {
  const full = copyWithoutCache(decks, deck);
  saveNotes([decks, full], text, deck);
  const summary = await generateInProcess(full);
  expect(generate(decks), what).toBe(summary);
  expect(cardsOf(decks, deck), what).toBe(cardsOf(full, deck));
  // The cache left is the one a full build leaves (but for the stat of the cards.json it speaks for).
  expect(cacheOf(decks, deck), what).toEqual(cacheOf(full, deck));
  return summary;
}

/** The deck's generate cache without the stat of its cards.json (and the fingerprint that covers it); null for none. */
function cacheOf(decks: string, deck: string) {
  const path = join(decks, deck, CACHE);
  const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
  const newline = bytes.indexOf(10);
  try {
    const { cardsStat: _, ...head } = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    return { head, rest: bytes.subarray(newline + 18) };
  } catch {
    return null; // none, or not one (a broken one left as it was, where nothing was built)
  }
}

/** The bundled deck built once from its notes, as saved a while ago: its cache written beside cards.json. */
function builtWithCache(): { decks: string; original: string; cachePath: string } {
  const { decks } = workspaceWithBundledDeck();
  const original = readFileSync(BUNDLED_NOTES, 'utf8');
  saveNotes(decks, original);
  generate(decks);
  return { decks, original, cachePath: join(decks, 'iclr2017', CACHE) };
}

/** Edits of one note of the bundled deck, each as a user makes them. */
// (A line added under a note is the 600-paper test's second edit.)
const EDITS: [string, (lines: string[], at: number) => void][] = [
  ['a sentence added to a note', (lines, at) => (lines[at] += ' It also works on text.')],
  ['a paragraph and a key idea added', (lines, at) => lines.splice(at + 1, 0, '', 'Key idea: attention over the whole input.')],
  ['a note emptied to nothing', (lines, at) => (lines[at] = '')],
  ['a line taken out', (lines, at) => lines.splice(at, 1)],
];

describe('generate after an edit of one note', () => {
  it('writes the cards.json and prints the summary of a build that reads every note', async () => {
    const { decks } = workspaceWithBundledDeck();
    const original = readFileSync(BUNDLED_NOTES, 'utf8');
    saveNotes(decks, original);
    generate(decks);
    expect(existsSync(join(decks, 'iclr2017', CACHE))).toBe(true);
    const lines = original.split('\n');
    // Body lines (not titles) in the second half of the file, one edit each, one after the other.
    const bodies = lines.flatMap((text, i) => (i > lines.length / 2 && text.length > 40 && !/^C\d+:/.test(text) ? [i] : []));
    let text = original;
    for (const [n, [, edit]] of EDITS.entries()) {
      const edited = text.split('\n');
      // From the bottom up: an edit never moves the lines of the next one.
      edit(edited, bodies[bodies.length - 1 - n * 3]!);
      text = edited.join('\n');
      const summary = await expectSameAsFullBuild(decks, text, 'iclr2017', EDITS[n]![0]);
      expect(summary).toMatch(/cards\.json written/);
    }
  });

  it('gives a 600-paper deck the same cards after an edit as a build that reads every note', async () => {
    const decks = join(tempDir(), 'decks');
    const notes = syntheticNotes(600, readFileSync(BUNDLED_NOTES, 'utf8'));
    cpSync(join(BUNDLED_NOTES, '..'), join(decks, 'papers'), { recursive: true });
    saveNotes(decks, notes, 'papers');
    generate(decks);
    const lines = notes.split('\n');
    const at = lines.findIndex((line, i) => i > lines.length / 2 && line.length > 40 && !/^C\d+:/.test(line));
    for (const edit of [(l: string[]) => (l[at] += ' Edited.'), (l: string[]) => l.splice(at + 1, 0, 'One more line.')]) {
      const edited = [...lines];
      edit(edited);
      await expectSameAsFullBuild(decks, edited.join('\n'), 'papers');
    }
  });

  it('gives what a build that reads every note gives when an edit makes a line end the decoder reads otherwise', async () => {
    const { decks, original } = builtWithCache();
    const lines = original.split('\n');
    const at = lines.findIndex((line, i) => i > lines.length / 2 && line.length > 40 && !/^C\d+:/.test(line));
    const saved = (change: (line: string) => string) => lines.map((line, i) => (i === at ? change(line) : line)).join('\n');
    // "…" is E2 80 A6 in UTF-8, a line separator E2 80 A8: the second edit changes one byte.
    const steps: [string, string][] = [
      ['an ellipsis added', saved((line) => `${line} A pause\u2026 then more.`)],
      ['the ellipsis made a line separator', saved((line) => `${line} A pause\u2028 then more.`)],
      ['the ellipsis again', saved((line) => `${line} A pause\u2026 then more.`)],
      ['a paragraph separator added', saved((line) => `${line} A pause\u2029 then more.`)],
      ['the ellipsis once more', saved((line) => `${line} A pause\u2026 then more.`)],
      ['a carriage return added', saved((line) => `${line}\r`)],
      ['the ellipsis at last', saved((line) => `${line} A pause\u2026 then more.`)],
      ['a byte order mark put first', `\ufeff${saved((line) => `${line} A pause\u2026 then more.`)}`],
    ];
    for (const [what, text] of steps) await expectSameAsFullBuild(decks, text, 'iclr2017', what);
  });

  it('rebuilds a damaged cache instead of trusting it', async () => {
    const { decks, original, cachePath } = builtWithCache();
    const cache = readFileSync(cachePath);
    // The edit below, already in the cached notes (changed in place, same length): trusted,
    // they would say that nothing changed where the note did.
    const line = original.split('\n').find((text, i, all) => i > all.length / 2 && / the /.test(text) && !/^C\d+:/.test(text))!;
    const edited = original.replace(line, line.replace(' the ', ' THE '));
    const damaged = Buffer.from(cache);
    const at = damaged.lastIndexOf(line);
    damaged.write(line.replace(' the ', ' THE '), at);
    writeFileSync(cachePath, damaged);
    expect(await expectSameAsFullBuild(decks, edited)).toMatch(/updated\s+1\n/);
    // Rebuilt: it holds the notes as they are now.
    expect(readFileSync(cachePath).subarray(-Buffer.byteLength(edited))).toEqual(Buffer.from(edited));
    // Cut short, or not a cache at all: the same.
    for (const broken of [cache.subarray(0, cache.length - 10), Buffer.from('{"paperdeck":"generate-cache"\n')]) {
      writeFileSync(cachePath, broken);
      const again = edited.replace(' THE ', ' The ');
      await expectSameAsFullBuild(decks, again);
    }
  });

  it('does not use a cache whose head puts a paper on another line', async () => {
    const { decks, original, cachePath } = builtWithCache();
    const cache = readFileSync(cachePath);
    // After the head's JSON and its fingerprint's line: each paper's line, byte and record, as
    // 32-bit integers.
    const numbersAt = cache.indexOf(10, cache.indexOf(10) + 1) + 1;
    const head = JSON.parse(cache.subarray(0, cache.indexOf(10)).toString('utf8')) as { counts: number[] };
    // A paper in the second half said to start a line lower, still in order: trusted, every card
    // from it on would name the line under its own.
    const at = Math.floor((head.counts[0]! / 3) * 0.6);
    const line = cache.readInt32LE(numbersAt + 12 * at);
    const moved = Buffer.from(cache);
    moved.writeInt32LE(line + 1, numbersAt + 12 * at);
    writeFileSync(cachePath, moved);
    const lines = original.split('\n');
    // (Its own note edited: the build reads from that paper on.)
    const body = lines.findIndex((text, i) => i >= line && text.length > 40 && !/^C\d+:/.test(text));
    lines[body] += ' Edited.';
    await expectSameAsFullBuild(decks, lines.join('\n'));
  });

  it('does not use a cache left for another cards.json', async () => {
    const { decks, original, cachePath } = builtWithCache();
    const stale = readFileSync(cachePath);
    // A note edited and built: the old cache, put back, speaks for the cards.json before.
    const first = original.replace(/(\n[^\n]{40,}\.)(\n)/, '$1 First edit.$2');
    saveNotes(decks, first);
    generate(decks);
    writeFileSync(cachePath, stale);
    const second = first.replace('First edit.', 'Second edit.');
    await expectSameAsFullBuild(decks, second);
    // The cache of another generator version is not used either.
    const head = readFileSync(cachePath);
    const newline = head.indexOf(10);
    const doc = JSON.parse(head.subarray(0, newline).toString('utf8'));
    // (Its fingerprint, on the line after the head, made again: the cache is whole, of another generator.)
    const older = Buffer.from(JSON.stringify({ ...doc, generator: doc.generator - 1 }));
    const numbers = head.subarray(newline + 18, newline + 18 + 4 * (doc.counts as number[]).reduce((a, b) => a + b, 0));
    writeFileSync(cachePath, Buffer.concat([older, Buffer.from(`\n${new Fingerprint().update(older).update(numbers).digest()}\n`), head.subarray(newline + 18)]));
    const third = second.replace('Second edit.', 'Third edit.');
    await expectSameAsFullBuild(decks, third);
  });
});
