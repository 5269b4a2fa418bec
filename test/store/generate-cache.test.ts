// The generate cache (src/store/generate-cache.ts) is never read whole: its notes are compared
// with the notes now in 64 KiB pieces. Where the two first and last differ, and the hash of the
// cached bytes, must be exactly what comparing and hashing them whole gives, wherever the edit
// falls (a piece's edges most of all); and cards.json's records must be where the build says.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashNotes } from '../../src/cards/freshness.js';
import { cardsFileBytes, cardsFileText, closeCards, cardsPlacesOf, readCardsAt, type CardsHeadFields, type CardsPlaces } from '../../src/store/decks.js';
import { closeGenerateCache, compareCachedNotes, openGenerateCache, readCachedNotes, writeGenerateCache, type GenerateCacheHead } from '../../src/store/generate-cache.js';
import { tempDir } from './helpers.js';

/** A cache of `notes` for deck `papers` in a new decks folder. */
function cacheOf(notes: Buffer): string {
  const decks = tempDir();
  mkdirSync(join(decks, 'papers'), { recursive: true });
  const head: GenerateCacheHead = {
    paperdeck: 'generate-cache',
    schemaVersion: 2,
    generator: 1,
    cardsStat: { size: 100, mtimeMs: 1, ino: 1 },
    cardsPlaces: { head: 10, cards: [], retired: [], skipped: [] },
    file: 'notes.txt',
    notesBytes: notes.length,
    entries: Int32Array.from(notes.length > 7 ? [1, 0, 0, 2, 7, -1] : []),
  };
  expect(writeGenerateCache(decks, 'papers', { head, notes })).toBe(true);
  return decks;
}

/** What comparing the two whole gives. */
function expected(before: Buffer, now: Buffer) {
  let start = 0;
  while (start < Math.min(before.length, now.length) && before[start] === now[start]) start++;
  let end = 0;
  const limit = Math.min(before.length, now.length) - start;
  while (end < limit && before[before.length - 1 - end] === now[now.length - 1 - end]) end++;
  return { start, end, hash: hashNotes([{ file: 'notes.txt', bytes: before }]), nowHash: hashNotes([{ file: 'notes.txt', bytes: now }]) };
}

describe('the generate cache read in pieces', () => {
  // 200 KB of lines, so that the notes span four pieces.
  const lines = Array.from({ length: 4000 }, (_, i) => `C${i % 97}: Paper ${i} on ${'x'.repeat(i % 40)}\n`);
  const notes = Buffer.from(lines.join(''), 'utf8');
  const edit = (at: number, remove: number, insert: string) => Buffer.concat([notes.subarray(0, at), Buffer.from(insert), notes.subarray(at + remove)]);

  it('finds the edit and hashes the cached notes as comparing and hashing them whole does', () => {
    const decks = cacheOf(notes);
    const cache = openGenerateCache(decks, 'papers')!;
    expect(cache).not.toBeNull();
    const cases: [string, Buffer][] = [
      ['the same notes', notes],
      ['a byte changed at the start', edit(0, 1, 'D')],
      ['a byte changed at the end', edit(notes.length - 1, 1, '\t')],
    ];
    for (const at of [65_535, 65_536, 65_537, 131_072, 100_000]) {
      cases.push([`a byte changed at ${at}`, edit(at, 1, '#')]);
      cases.push([`text added at ${at}`, edit(at, 0, ' and more, much more')]);
      cases.push([`text taken out at ${at}`, edit(at, 300, '')]);
      cases.push([`a line added and one taken out from ${at}`, edit(at, 0, 'new line\n').subarray(0, notes.length + 9 - 30)]);
    }
    cases.push(['two edits far apart', edit(10, 1, 'Z').fill(0x41, 150_000, 150_003)]);
    cases.push(['text added at the end', Buffer.concat([notes, Buffer.from('C1: One more\n')])]);
    cases.push(['the end cut off', notes.subarray(0, 70_000)]);
    cases.push(['nothing', Buffer.alloc(0)]);
    cases.push(['the notes twice', Buffer.concat([notes, notes])]);
    for (const [what, now] of cases) expect(compareCachedNotes(cache, now, 'notes.txt'), what).toEqual(expected(notes, now));
    expect(readCachedNotes(cache, 65_530, 65_540)).toEqual(notes.subarray(65_530, 65_540));
    closeGenerateCache(cache);
  });

  it('hashes a cache damaged in place as it is, and refuses one whose head was changed', () => {
    const decks = cacheOf(notes);
    const path = join(decks, 'papers', '.generate-cache');
    const bytes = readFileSync(path);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 70_000]! ^= 1;
    writeFileSync(path, damaged);
    const cache = openGenerateCache(decks, 'papers')!;
    expect(compareCachedNotes(cache, notes, 'notes.txt')!.hash).not.toBe(hashNotes([{ file: 'notes.txt', bytes: notes }]));
    closeGenerateCache(cache);
    // A paper's line changed in the head, still in order: the fingerprint on the line after the
    // head's JSON (of the JSON and of the numbers that follow) tells.
    const numbersAt = bytes.indexOf(10, bytes.indexOf(10) + 1) + 1;
    expect(bytes.readInt32LE(numbersAt + 12)).toBe(2);
    const moved = Buffer.from(bytes);
    moved.writeInt32LE(6, numbersAt + 12);
    writeFileSync(path, moved);
    expect(openGenerateCache(decks, 'papers')).toBeNull();
    writeFileSync(path, bytes);
    expect(openGenerateCache(decks, 'papers')).not.toBeNull();
    // Cut short.
    writeFileSync(path, bytes.subarray(0, bytes.length - 1));
    expect(openGenerateCache(decks, 'papers')).toBeNull();
  });
});

describe("cards.json's records by place", () => {
  const fields: CardsHeadFields = { version: 1, deck: 'papers', notesHash: 'abc', generator: 1, warnings: [] };
  const card = (i: number) => JSON.stringify({ id: `p-${i}`, title: `Paper ${i} — ü`, answer: 'a'.repeat(i % 7), bodyHash: String(i) });

  it('gives the places a scan of the written bytes finds, for every run of old and new records', () => {
    const decks = tempDir();
    mkdirSync(join(decks, 'papers'));
    const text = cardsFileText(fields, [0, 1, 2, 3, 4].map(card), [], [card(9)]);
    const path = join(decks, 'papers', 'cards.json');
    writeFileSync(path, text);
    const places = cardsPlacesOf(Buffer.from(text))!;
    const info = statSync(path);
    const old = readCardsAt(decks, 'papers', places, { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino })!;
    expect(old.cards.starts).toHaveLength(5);
    const made = cardsFileBytes(fields, old, { cards: [{ from: 0, to: 2 }, [card(7), card(8)], { from: 3, to: 5 }], retired: [[card(5)]], skipped: [] });
    // (Runs of old records are ranges of the old file, copied when written.)
    const oldBytes = readFileSync(path);
    const bytes = Buffer.concat(made.pieces.map((piece) => (Buffer.isBuffer(piece) ? piece : oldBytes.subarray(piece.from, piece.to))));
    expect(made.pieces.filter((piece) => !Buffer.isBuffer(piece))).toHaveLength(2);
    expect(old.recordsHolding('"id":"p-3"')).toEqual([card(3)]);
    expect(old.recordsHolding('"bodyHash":"9"')).toEqual([card(9)]);
    expect(old.recordsHolding('"nothing"')).toEqual([]);
    closeCards(old);
    expect(bytes.toString()).toBe(cardsFileText(fields, [0, 1, 7, 8, 3, 4].map(card), [card(5)], []));
    const plain = ({ head, cards, retired, skipped }: CardsPlaces) => ({ head, cards: Array.from(cards), retired: Array.from(retired), skipped: Array.from(skipped) });
    expect(plain(made.places)).toEqual(plain(cardsPlacesOf(bytes)!));
    // Another file, or the same one with its records moved: not read.
    expect(readCardsAt(decks, 'papers', places, { size: info.size, mtimeMs: info.mtimeMs + 1, ino: info.ino })).toBeNull();
    const stat = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
    expect(readCardsAt(decks, 'papers', { ...places, head: places.head + 1 }, stat)).toBeNull();
    const moved = readCardsAt(decks, 'papers', { ...places, cards: Array.from(places.cards, (at) => at + 1) }, stat)!;
    expect(() => moved.items(moved.cards, 2, 3)).toThrow(/a record is not where the generate cache says/);
    closeCards(moved);
  });
});
