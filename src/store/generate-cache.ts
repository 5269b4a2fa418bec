// decks/<name>/.generate-cache: what `generate` needs to rebuild cards.json after an edit of a
// few notes without reading every paper again (cards/incremental.ts). The bytes of the notes
// file cards.json was built from, so that the edit is found by comparing bytes, where each
// paper of it starts, and where each record of cards.json is. It is a cache beside cards.json
// and vouches only for the cards.json whose stat it records: any doubt and generate reads the
// whole notes, as it would without it. The format is in docs/STATE.md.
//
// Memory touched for the first time is most of what an edit's build costs on a large deck, so
// the cached notes are never held whole: they are read in 64 KiB pieces into one buffer,
// compared with the notes now and fingerprinted as they pass (compareCachedNotes), and only the
// part around the edit is read again (readCachedNotes). The papers' places and the records'
// are 32-bit integers, read as a view, not parsed.
import { closeSync, existsSync, fstatSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Fingerprint } from '../core/fingerprint.js';
import type { CardsPlaces, FileStat } from './decks.js';
import { deckDir } from './decks.js';
import { writeFileAtomicSync } from './atomic-file.js';
import { MAX_DATA_FILE_BYTES, openRegularFile } from './read-file.js';
import { isJsonObject } from './schema.js';

export const GENERATE_CACHE_FILE = '.generate-cache';
export const GENERATE_CACHE_VERSION = 2;

export interface GenerateCacheHead {
  paperdeck: 'generate-cache';
  schemaVersion: number;
  /** GENERATOR_VERSION of the build that wrote it. */
  generator: number;
  /** cards.json as that build wrote it (size, mtime, inode): the one file the cache speaks for. */
  cardsStat: FileStat;
  /** Where each record of that cards.json is. */
  cardsPlaces: CardsPlaces;
  /** The notes file (its name in the deck), whose bytes end the file. */
  file: string;
  notesBytes: number;
  /**
   * Each paper of the notes, in note order, three numbers: its line (1-based), the byte its line
   * starts at, and where its record is in cards.json: a card's index, or -1 - the index of a
   * skipped note.
   */
  entries: Int32Array;
}

/** What is written: the head and the notes' bytes. */
export interface GenerateCache {
  head: GenerateCacheHead;
  notes: Buffer;
}

/** A cache open for reading: its head checked, its notes left on disk. Close it when done. */
export interface OpenGenerateCache {
  head: GenerateCacheHead;
  fd: number;
  /** The byte of the file where the notes start. */
  notesAt: number;
}

function cachePath(decksDir: string, name: string): string {
  return join(deckDir(decksDir, name), GENERATE_CACHE_FILE);
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) < 2 ** 31;

/** Whether `places` is a list of bytes in increasing order (each item of a list past the one before and its ",\n"). */
function isPlaceList(places: ArrayLike<number>, from: number): boolean {
  if (places.length === 1) return false;
  let at = from;
  for (let i = 0; i < places.length; i++) {
    const place = places[i]!;
    if (place < at) return false;
    at = place + (i < places.length - 2 ? 2 : 0);
  }
  return true;
}

/** Whether the places are in order, each list after the one before, all within a cards.json of `size` bytes. */
function placesInOrder({ head, cards, retired, skipped }: CardsPlaces, size: number): boolean {
  const last = (list: ArrayLike<number>, from: number) => (list.length ? list[list.length - 1]! : from);
  if (head < 2 || head > size) return false;
  if (!isPlaceList(cards, head) || !isPlaceList(retired, last(cards, head)) || !isPlaceList(skipped, last(retired, last(cards, head)))) return false;
  return last(skipped, 0) < size;
}

/** Whether the papers are in note order, each on its own line, each line start within the notes. */
function entriesInOrder(entries: Int32Array, notesBytes: number): boolean {
  let line = 0;
  let offset = -1;
  for (let i = 0; i < entries.length; i += 3) {
    const l = entries[i]!;
    const o = entries[i + 1]!;
    if (l <= line || o <= offset || o >= notesBytes) return false;
    line = l;
    offset = o;
  }
  return true;
}

/**
 * The head line as written: all but the numbers of `entries` and `cardsPlaces`, which follow
 * the check line as 32-bit integers (little-endian), entries then the places of cards, retired
 * cards and skipped notes; the head gives how many of each.
 */
interface HeadLine extends Omit<GenerateCacheHead, 'entries' | 'cardsPlaces'> {
  cardsHead: number;
  counts: [entries: number, cards: number, retired: number, skipped: number];
}

function isHeadLine(value: unknown): value is HeadLine {
  if (!isJsonObject(value)) return false;
  const { paperdeck, schemaVersion, generator, cardsStat, cardsHead, counts, file, notesBytes } = value;
  if (paperdeck !== 'generate-cache' || schemaVersion !== GENERATE_CACHE_VERSION || typeof generator !== 'number') return false;
  if (!isJsonObject(cardsStat) || !isCount(cardsStat.size) || typeof cardsStat.mtimeMs !== 'number' || !isCount(cardsStat.ino)) return false;
  if (!isCount(cardsHead) || !Array.isArray(counts) || counts.length !== 4 || !counts.every(isCount) || (counts[0] as number) % 3 !== 0) return false;
  return typeof file === 'string' && file !== '' && isCount(notesBytes) && notesBytes < 2 ** 31;
}

const STEP = 1 << 16;

/** Reads exactly `length` bytes at `position` into `buffer` (from its start); false at an early end of file. */
function readAt(fd: number, buffer: Buffer, length: number, position: number): boolean {
  let filled = 0;
  while (filled < length) {
    const n = readSync(fd, buffer, filled, length - filled, position + filled);
    if (n === 0) return false;
    filled += n;
  }
  return true;
}

/** The fingerprint of the head line and the numbers after it, written on the line between them. */
const headCheck = (headLine: Buffer, numbers: Buffer) => new Fingerprint().update(headLine).update(numbers).digest();

/** The head line and the numbers that follow the check line. */
function encodeHead(head: GenerateCacheHead): { headLine: Buffer; numbers: Buffer } {
  const { entries, cardsPlaces, ...rest } = head;
  const { cards, retired, skipped } = cardsPlaces;
  const line: HeadLine = { ...rest, cardsHead: cardsPlaces.head, counts: [entries.length, cards.length, retired.length, skipped.length] };
  const numbers = new Int32Array(entries.length + cards.length + retired.length + skipped.length);
  numbers.set(entries);
  numbers.set(cards, entries.length);
  numbers.set(retired, entries.length + cards.length);
  numbers.set(skipped, entries.length + cards.length + retired.length);
  return { headLine: Buffer.from(JSON.stringify(line), 'utf8'), numbers: littleEndian(numbers) };
}

const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/** The bytes of `numbers`, little-endian (swapped in place on a big-endian machine). */
function littleEndian(numbers: Int32Array): Buffer {
  const bytes = Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
  return LITTLE_ENDIAN ? bytes : bytes.swap32();
}

/** Whether the deck has a file where its generate cache would be (whatever is in it). */
export function hasGenerateCache(decksDir: string, name: string): boolean {
  return existsSync(cachePath(decksDir, name));
}

/**
 * The deck's generate cache, open, its head read and checked, or null when there is none or it
 * is not one this version wrote whole: a corrupt, truncated or older file, or a head damaged in
 * place (the line after it is the head's fingerprint). Such a file is not used: the next build
 * replaces it. Bounded and regular files only, as every read of paperdeck's own files.
 */
export function openGenerateCache(decksDir: string, name: string): OpenGenerateCache | null {
  let fd: number;
  try {
    fd = openRegularFile(cachePath(decksDir, name));
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_DATA_FILE_BYTES) throw new Error('too large');
    // The head line, then the check line, then the numbers.
    let first = Buffer.allocUnsafe(Math.min(1 << 12, size));
    if (!readAt(fd, first, first.length, 0)) throw new Error('cut short');
    let headEnd = first.indexOf(10);
    while (headEnd < 0 && first.length < size) {
      const more = Buffer.allocUnsafe(Math.min(first.length, size - first.length));
      if (!readAt(fd, more, more.length, first.length)) throw new Error('cut short');
      const newline = more.indexOf(10);
      if (newline >= 0) headEnd = first.length + newline;
      first = Buffer.concat([first, more]);
    }
    if (headEnd < 0) throw new Error('no head');
    const headLine = first.subarray(0, headEnd);
    const line: unknown = JSON.parse(headLine.toString('utf8'));
    if (!isHeadLine(line)) throw new Error('not a cache');
    const [entryCount, cardsCount, retiredCount, skippedCount] = line.counts;
    const numbersAt = headEnd + 18;
    const numberCount = entryCount + cardsCount + retiredCount + skippedCount;
    const notesAt = numbersAt + 4 * numberCount;
    if (size !== notesAt + line.notesBytes) throw new Error('not as long as it says');
    const check = Buffer.allocUnsafe(17);
    // (Read into a buffer of their own: its memory starts at a multiple of 4, as the integers' view needs.)
    const numberBytes = Buffer.from(new ArrayBuffer(4 * numberCount));
    if (!readAt(fd, check, 17, headEnd + 1) || check[16] !== 10 || !readAt(fd, numberBytes, numberBytes.length, numbersAt)) throw new Error('cut short');
    if (check.toString('latin1', 0, 16) !== headCheck(headLine, numberBytes)) throw new Error('damaged');
    if (!LITTLE_ENDIAN) numberBytes.swap32();
    const numbers = new Int32Array(numberBytes.buffer, 0, numberCount);
    const entries = numbers.subarray(0, entryCount);
    let at = entryCount;
    const next = (count: number) => numbers.subarray(at, (at += count));
    const cardsPlaces: CardsPlaces = { head: line.cardsHead, cards: next(cardsCount), retired: next(retiredCount), skipped: next(skippedCount) };
    if (!entriesInOrder(entries, line.notesBytes) || !placesInOrder(cardsPlaces, line.cardsStat.size)) throw new Error('out of order');
    const { cardsHead, counts, ...rest } = line;
    return { head: { ...rest, cardsPlaces, entries }, fd, notesAt };
  } catch {
    closeSync(fd);
    return null;
  }
}

export function closeGenerateCache(cache: OpenGenerateCache): void {
  try {
    closeSync(cache.fd);
  } catch {
    // read-only: nothing to lose
  }
}

/** How the cached notes and the notes now differ. */
export interface NotesComparison {
  /** How many bytes they have in common at their start. */
  start: number;
  /** How many at their end, at most the shorter's length - start. */
  end: number;
  /** hashNotes of the cached notes (under `file`): cards.json's notesHash when the cache is whole. */
  hash: string;
  /** hashNotes of `now` (under `file`): the bytes the two have in common at their start fingerprinted once, for both. */
  nowHash: string;
}

/**
 * Compares the cached notes with `now`, reading them once, in order, in 64 KiB pieces into one
 * buffer: where they first differ, where they differ last (counted from their ends), and the
 * fingerprint of the cached bytes as hashNotes gives it for a file named `file`, and that of
 * `now` (the fingerprint of their common start goes on with each). Null when the file is cut
 * short.
 */
export function compareCachedNotes(cache: OpenGenerateCache, now: Buffer, file: string): NotesComparison | null {
  const length = cache.head.notesBytes;
  const nowLength = now.length;
  const shift = nowLength - length;
  const fingerprint = new Fingerprint().update(new TextEncoder().encode(file)).begin();
  const buffer = Buffer.allocUnsafe(Math.min(STEP, Math.max(length, 1)));
  let start = -1;
  /** Past the end of the last cached byte known to differ from its counterpart in `now`, counted from the end. */
  let lastDiffer = -1;
  let from = 0;
  /** `now`'s fingerprint, once the piece where they differ is found. */
  let nowPrint: Fingerprint | null = null;
  try {
    for (let at = 0; at < length; at += STEP) {
      const n = Math.min(STEP, length - at);
      if (!readAt(cache.fd, buffer, n, cache.notesAt + at)) return null;
      const piece = buffer.subarray(0, n);
      if (start < 0) {
        const same = Math.max(0, Math.min(n, nowLength - at));
        if (same === n && now.compare(piece, 0, n, at, at + n) === 0) {
          fingerprint.add(piece);
          continue;
        }
        // The bytes before this piece are the same in both: `now` goes on from here.
        nowPrint = fingerprint.clone().add(now.subarray(at));
        fingerprint.add(piece);
        let i = 0;
        while (i < same && piece[i] === now[at + i]) i++;
        start = at + i;
        // Bytes compared from the end: cached byte j against now's j + shift, from j = `from` on.
        from = start + length - Math.min(length, nowLength);
      } else fingerprint.add(piece);
      const lo = Math.max(at, from);
      const hi = at + n;
      if (lo >= hi) continue;
      if (now.compare(piece, lo - at, n, lo + shift, hi + shift) === 0) continue;
      let j = hi - 1;
      while (piece[j - at] === now[j + shift]) j--;
      lastDiffer = j;
    }
  } catch {
    return null;
  }
  if (start < 0) start = Math.min(length, nowLength);
  const limit = Math.min(length, nowLength) - start;
  const end = lastDiffer < 0 ? limit : length - 1 - lastDiffer;
  // (The cached notes all at the start of `now`: it goes on past them.)
  const nowHash = (nowPrint ?? fingerprint.clone().add(now.subarray(length))).end().digest();
  return { start, end, hash: fingerprint.end().digest(), nowHash };
}

/** The cached notes' bytes [from, to); null when the file is cut short. */
export function readCachedNotes(cache: OpenGenerateCache, from: number, to: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(Math.max(0, to - from));
  try {
    return readAt(cache.fd, bytes, bytes.length, cache.notesAt + from) ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Writes the deck's generate cache atomically (writeFileAtomicSync: a kill leaves the old file
 * or the new one, and maybe a `..generate-cache.tmp-<pid>`), without fsync. Only a speed-up: a failure is
 * ignored, and any old cache then speaks for a cards.json that is no more, so it is not used.
 */
export function writeGenerateCache(decksDir: string, name: string, cache: GenerateCache): boolean {
  try {
    const { headLine, numbers } = encodeHead(cache.head);
    // Not fsynced: a cache torn by a power cut is refused when read (its head's fingerprint, its
    // length; the hash of its notes, which must be cards.json's notesHash).
    writeFileAtomicSync(cachePath(decksDir, name), [headLine, Buffer.from(`\n${headCheck(headLine, numbers)}\n`, 'latin1'), numbers, cache.notes], { durable: false });
    return true;
  } catch {
    return false;
  }
}

/** Removes the deck's generate cache, if any (a build that could not leave one). */
export function removeGenerateCache(decksDir: string, name: string): void {
  try {
    rmSync(cachePath(decksDir, name), { force: true });
  } catch {
    // a stale cache is never used: it names a cards.json that is no more
  }
}
