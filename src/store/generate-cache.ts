// decks/<name>/.generate-cache: what `generate` needs to rebuild cards.json after an edit of a
// few notes without reading every paper again (cards/incremental.ts). The bytes of the notes
// file cards.json was built from, so that the edit is found by comparing bytes, and where each
// paper of it starts. It is a cache beside cards.json and vouches only for the cards.json whose
// stat it records: any doubt and generate reads the whole notes, as it would without it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStat } from './decks.js';
import { deckDir } from './decks.js';
import { writeFileAtomicSync } from './atomic-file.js';
import { MAX_DATA_FILE_BYTES, readRegularFile } from './read-file.js';
import { isJsonObject } from './schema.js';

export const GENERATE_CACHE_FILE = '.generate-cache';
export const GENERATE_CACHE_VERSION = 1;

export interface GenerateCacheHead {
  paperdeck: 'generate-cache';
  schemaVersion: number;
  /** GENERATOR_VERSION of the build that wrote it. */
  generator: number;
  /** cards.json as that build wrote it (size, mtime, inode): the one file the cache speaks for. */
  cardsStat: FileStat;
  /** The notes file (its name in the deck), whose bytes follow the head line. */
  file: string;
  notesBytes: number;
  /**
   * Each paper of the notes, in note order: its line (1-based), the byte its line starts at,
   * and where its record is in cards.json: a card's index, or -1 - the index of a skipped note.
   */
  entries: [line: number, offset: number, ref: number][];
}

export interface GenerateCache {
  head: GenerateCacheHead;
  notes: Buffer;
}

function cachePath(decksDir: string, name: string): string {
  return join(deckDir(decksDir, name), GENERATE_CACHE_FILE);
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Whether `value` is a head this version wrote, whole and consistent. */
function isCacheHead(value: unknown): value is GenerateCacheHead {
  if (!isJsonObject(value)) return false;
  const { paperdeck, schemaVersion, generator, cardsStat, file, notesBytes, entries } = value;
  if (paperdeck !== 'generate-cache' || schemaVersion !== GENERATE_CACHE_VERSION || typeof generator !== 'number') return false;
  if (!isJsonObject(cardsStat) || !isCount(cardsStat.size) || typeof cardsStat.mtimeMs !== 'number' || !isCount(cardsStat.ino)) return false;
  if (typeof file !== 'string' || file === '' || !isCount(notesBytes) || !Array.isArray(entries)) return false;
  let line = 0;
  let offset = -1;
  // (Indexed, not destructured: this runs once, cold, over every paper of the deck.)
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    if (!Array.isArray(entry) || entry.length !== 3) return false;
    const l: unknown = entry[0];
    const o: unknown = entry[1];
    const ref: unknown = entry[2];
    // Papers in note order, each on its own line, each line start within the notes.
    if (!isCount(l) || !isCount(o) || !Number.isSafeInteger(ref) || l <= line || o <= offset || o >= notesBytes) return false;
    line = l;
    offset = o;
  }
  return true;
}

/**
 * The deck's generate cache, or null when there is none or it is not one this version wrote
 * whole (a corrupt, truncated or older file is not used: the next build replaces it). Bounded
 * and regular files only, as every read of paperdeck's own files.
 */
export function readGenerateCache(decksDir: string, name: string): GenerateCache | null {
  try {
    const bytes = readRegularFile(cachePath(decksDir, name), MAX_DATA_FILE_BYTES);
    if (bytes === null) return null;
    const newline = bytes.indexOf(10);
    if (newline < 0) return null;
    const head: unknown = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    if (!isCacheHead(head) || bytes.length !== newline + 1 + head.notesBytes) return null;
    const notes = bytes.subarray(newline + 1);
    return linesAgree(head.entries, notes) ? { head, notes } : null;
  } catch {
    return null;
  }
}

/**
 * Whether each paper's line and byte say the same place in `notes`: the byte starts a line, and
 * that line has the number written. (The notes' hash, checked by the reader, covers the bytes;
 * this covers the head, which a damaged file could change in place.)
 */
function linesAgree(entries: GenerateCacheHead['entries'], notes: Buffer): boolean {
  // Newlines counted byte by byte: a Buffer.indexOf per line costs more than the search.
  let line = 1;
  let at = 0;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    const offset = entry[1];
    if (offset > 0 && notes[offset - 1] !== 10) return false;
    for (; at < offset; at++) if (notes[at] === 10) line++;
    if (line !== entry[0]) return false;
  }
  return true;
}

/**
 * Writes the deck's generate cache atomically (writeFileAtomicSync: a kill leaves the old file
 * or the new one, and maybe a `..generate-cache.tmp-<pid>`), without fsync. Only a speed-up: a failure is
 * ignored, and any old cache then speaks for a cards.json that is no more, so it is not used.
 */
export function writeGenerateCache(decksDir: string, name: string, cache: GenerateCache): boolean {
  try {
    const headLine = Buffer.from(`${JSON.stringify(cache.head)}\n`, 'utf8');
    // Not fsynced: a cache torn by a power cut is refused when read (its length; the hash of
    // its notes, which must be cards.json's notesHash).
    writeFileAtomicSync(cachePath(decksDir, name), [headLine, cache.notes], { durable: false });
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
