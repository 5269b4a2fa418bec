// Telling whether a deck's notes changed since cards.json was built, the way make and git do:
// by the notes files' size and mtime (stamped in cards.json) when they are clearly older than
// the build, else by reading and hashing them. Real files, with their times set by hand.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDeck } from '../../src/cards/generate.js';
import { deckStatus, restampNotes } from '../../src/cards/freshness.js';

const NOTES = 'C1: Paper One\n\nKey idea: the first idea, stated plainly.\n\nC2: Paper Two\n\nKey idea: the second idea, stated plainly.\n';
const EDITED = NOTES.replace('first', 'FIRST'); // same size

function deck(): { decks: string; notes: string; cards: string } {
  const decks = mkdtempSync(join(tmpdir(), 'paperdeck-stamps-'));
  mkdirSync(join(decks, 'd'));
  const notes = join(decks, 'd', 'notes.txt');
  writeFileSync(notes, NOTES);
  return { decks, notes, cards: join(decks, 'd', 'cards.json') };
}

/** Sets a file's modification time (ms since the epoch). */
const setMtime = (file: string, ms: number) => utimesSync(file, new Date(ms), new Date(ms));

/** Builds the deck with the notes last changed at `notesAt` and cards.json written at `builtAt`. */
function build(ws: ReturnType<typeof deck>, notesAt: number, builtAt: number): void {
  setMtime(ws.notes, notesAt);
  generateDeck(ws.decks, 'd');
  setMtime(ws.cards, builtAt);
}

/** A week ago, with a fraction of a millisecond as local file systems keep it: well before any read. */
const T = Math.floor((Date.now() - 7 * 86_400_000) / 1000) * 1000 + 123.4567;

describe('notes stamps', () => {
  it('knows a deck current from the notes’ stat alone when they were last changed well before the build', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    const status = deckStatus(ws.decks, 'd');
    expect(status.current).toBe(true);
    expect(status.notes).toBeNull(); // not read
  });

  it('sees an edit that changes the mtime, even one that keeps the size', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    writeFileSync(ws.notes, EDITED);
    setMtime(ws.notes, T + 120_000);
    expect(deckStatus(ws.decks, 'd').current).toBe(false);
  });

  it('reads the notes when they changed within a tick of the build, where the stat cannot tell', () => {
    const ws = deck();
    build(ws, T, T + 40); // cards.json written 40 ms after the notes' last change
    // Edited again in the same tick of the file system's clock: same size, same mtime.
    writeFileSync(ws.notes, EDITED);
    setMtime(ws.notes, T);
    expect(deckStatus(ws.decks, 'd').current).toBe(false);
  });

  it('stamps no notes file on a whole-second file system changed within two seconds of the read', () => {
    const ws = deck();
    const lastSecond = Math.floor(Date.now() / 1000) * 1000 - 1000; // how such a file system records "now"
    setMtime(ws.notes, lastSecond);
    generateDeck(ws.decks, 'd');
    expect(JSON.parse(readFileSync(ws.cards, 'utf8')).notesStamps).toBeUndefined();
    // A same-size save in that same second keeps the mtime; the next check still reads the notes.
    writeFileSync(ws.notes, EDITED);
    setMtime(ws.notes, lastSecond);
    setMtime(ws.cards, Date.now() + 60_000);
    expect(deckStatus(ws.decks, 'd').current).toBe(false);
  });

  it('takes a second-granular file system (all times whole seconds) to need two seconds', () => {
    const whole = Math.floor((Date.now() - 7 * 86_400_000) / 1000) * 1000;
    const ws = deck();
    build(ws, whole, whole + 1000);
    writeFileSync(ws.notes, EDITED);
    setMtime(ws.notes, whole);
    expect(deckStatus(ws.decks, 'd').current).toBe(false);
    build(ws, whole, whole + 3000);
    expect(deckStatus(ws.decks, 'd')).toMatchObject({ current: true, notes: null });
  });

  it('finds touched but unchanged notes current by their hash, and generate then stamps them anew', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    setMtime(ws.notes, T + 120_000); // touched
    const touched = deckStatus(ws.decks, 'd');
    expect(touched.current).toBe(true);
    expect(touched.notes).not.toBeNull(); // read and hashed
    const result = generateDeck(ws.decks, 'd');
    expect(result).toMatchObject({ written: false, restamped: true, changes: { unchanged: 2, added: [], updated: [] } });
    setMtime(ws.cards, T + 180_000);
    expect(deckStatus(ws.decks, 'd')).toMatchObject({ current: true, notes: null });
    // And with nothing touched since, generate writes nothing at all.
    const bytes = readFileSync(ws.cards);
    expect(generateDeck(ws.decks, 'd')).toMatchObject({ written: false, restamped: false });
    expect(readFileSync(ws.cards).equals(bytes)).toBe(true);
  });

  it('does not trust the stamps when a notes file was added or renamed', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    writeFileSync(join(ws.decks, 'd', 'more.md'), '## Paper Three\n\nKey idea: a third idea, stated plainly.\n');
    setMtime(join(ws.decks, 'd', 'more.md'), T);
    expect(deckStatus(ws.decks, 'd').current).toBe(false);

    const other = deck();
    build(other, T, T + 60_000);
    renameSync(other.notes, join(other.decks, 'd', 'renamed.txt'));
    expect(deckStatus(other.decks, 'd').current).toBe(false); // the file name is in the hash
  });

  it('stamps no notes file changed just before it was read: the next check reads it again', () => {
    const ws = deck(); // notes written just now
    generateDeck(ws.decks, 'd');
    const cards = JSON.parse(readFileSync(ws.cards, 'utf8'));
    expect(cards.notesStamps).toBeUndefined();
    setMtime(ws.cards, Date.now() + 60_000);
    expect(deckStatus(ws.decks, 'd')).toMatchObject({ current: true, notes: expect.any(Array) });
  });

  it('leaves cards.json alone when it changed since it was read (a generate elsewhere)', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    setMtime(ws.notes, T + 120_000); // touched
    const status = deckStatus(ws.decks, 'd');
    const newer = readFileSync(ws.cards, 'utf8').replace('Paper One', 'Paper One, rebuilt');
    writeFileSync(ws.cards, newer);
    expect(restampNotes(ws.decks, 'd', status)).toBe(false);
    expect(readFileSync(ws.cards, 'utf8')).toBe(newer);
  });

  it('takes a failure to restamp as nothing worse than no restamp', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    setMtime(ws.notes, T + 120_000); // touched
    const bytes = readFileSync(ws.cards);
    // A folder where the temporary file would go: the write fails, whoever runs it.
    mkdirSync(join(ws.decks, 'd', `.cards.json.tmp-${process.pid}`));
    expect(generateDeck(ws.decks, 'd')).toMatchObject({ written: false, restamped: false, changes: { unchanged: 2 } });
    expect(readFileSync(ws.cards).equals(bytes)).toBe(true);
  });

  it('reads a deck built with the older SHA-256 notes hash as unchanged, and restamps it with the new one', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    const old = JSON.parse(readFileSync(ws.cards, 'utf8'));
    const sha = createHash('sha256').update('notes.txt').update('\0').update(String(Buffer.byteLength(NOTES))).update('\0').update(NOTES);
    old.notesHash = sha.digest('hex').slice(0, 32);
    delete old.notesStamps;
    writeFileSync(ws.cards, JSON.stringify(old));
    setMtime(ws.cards, T + 60_000);
    expect(deckStatus(ws.decks, 'd')).toMatchObject({ current: true, notes: expect.any(Array) });
    expect(generateDeck(ws.decks, 'd')).toMatchObject({ written: false, restamped: true });
    const now = JSON.parse(readFileSync(ws.cards, 'utf8'));
    expect(now.notesHash).toMatch(/^[0-9a-f]{16}$/);
    expect(now.notesStamps).toHaveLength(1);
    expect(now.cards).toEqual(old.cards);
    writeFileSync(ws.notes, EDITED); // and an edit is still seen
    expect(deckStatus(ws.decks, 'd').current).toBe(false);
  });

  it('checks a cards.json from before stamps by the hash of the notes', () => {
    const ws = deck();
    build(ws, T, T + 60_000);
    const old = JSON.parse(readFileSync(ws.cards, 'utf8'));
    delete old.notesStamps;
    writeFileSync(ws.cards, JSON.stringify(old));
    const status = deckStatus(ws.decks, 'd');
    expect(status.current).toBe(true);
    expect(status.notes).not.toBeNull();
    writeFileSync(ws.notes, EDITED);
    expect(deckStatus(ws.decks, 'd').current).toBe(false);
  });
});
