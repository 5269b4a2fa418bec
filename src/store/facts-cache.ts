// A cache of a deck's review log as the statistics read it (LogFacts: parallel typed arrays),
// so that `stats` with 200,000 reviews reads some 10 MB of arrays instead of parsing 40 MB of
// lines. Written by a writer when it folds (deck-state.ts), read by everyone; like the due
// index it is trusted only while the log line it ends at is still there, byte for byte, and
// anything wrong with it makes it unused, never an error: the log is read instead.
//
// Layout: one line of JSON (FactsHead, with the card ids), a newline, zero bytes up to a
// multiple of 8, then the arrays in ARRAYS order, each `rows` long, little-endian.
import { isTimeInRange } from '../core/clock.js';
import { LogKindCode, NO_CARD_STATE, type LogFacts } from '../core/types.js';
import { writeFileAtomicSync } from './atomic-file.js';
import { MAX_DATA_FILE_BYTES, readRegularFile } from './read-file.js';

/** Bumped whenever what a row holds changes (log-facts.ts entryFacts, the codec's lineFacts): a cache keeps values read by the paperdeck that wrote it. */
export const FACTS_CACHE_VERSION = 1;

interface FactsHead {
  schemaVersion: number;
  /** Entries held: the log's first `rows` entries, seq 1 to `seq`. */
  rows: number;
  seq: number;
  /** The byte of the log just past entry `seq`. */
  logBytes: number;
  /** The full text of that entry's line: the log is still the one cached while it is there. */
  pointLine: string;
  cardIds: string[];
}

/** The arrays of LogFacts in the order stored: 8-byte ones first, so each starts aligned. */
const ARRAYS = [
  ['seq', Float64Array],
  ['at', Float64Array],
  ['ms', Float64Array],
  ['undoes', Float64Array],
  ['beforeScheduledDays', Float64Array],
  ['card', Int32Array],
  ['kind', Uint8Array],
  ['rating', Uint8Array],
  ['beforeState', Uint8Array],
] as const;

const ROW_BYTES = ARRAYS.reduce((sum, [, type]) => sum + type.BYTES_PER_ELEMENT, 0);

/** The arrays are stored as this machine holds them; a cache from a big-endian one is not used. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Writes the cache of `facts`, the log's entries up to `point`. Throws as writeFileAtomicSync. */
export function writeFactsCache(file: string, facts: LogFacts, point: { seq: number; logBytes: number; pointLine: string }): void {
  if (!LITTLE_ENDIAN) return;
  const head: FactsHead = { schemaVersion: FACTS_CACHE_VERSION, rows: facts.length, ...point, cardIds: [...facts.cardIds] };
  const headBytes = Buffer.from(`${JSON.stringify(head)}\n`, 'utf8');
  const start = align8(headBytes.length);
  const out = Buffer.alloc(start + facts.length * ROW_BYTES);
  headBytes.copy(out, 0);
  let offset = start;
  for (const [name] of ARRAYS) {
    const array = facts[name];
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    bytes.copy(out, offset);
    offset += bytes.length;
  }
  writeFileAtomicSync(file, out);
}

const KINDS = new Set<number>(Object.values(LogKindCode));

/**
 * Whether every row holds what the log's reader would have put there: entries numbered 1, 2, ...
 * in order, a card among cardIds, a known kind, a rating 0-4, a state kind or none, and a time
 * paperdeck takes. A cache damaged in any of these is not used: the readers would otherwise
 * blame the review log for what is wrong with its cache.
 */
function rowsAreSound(facts: LogFacts): boolean {
  const { seq, card, kind, rating, beforeState, at, cardIds } = facts;
  for (let i = 0; i < facts.length; i++) {
    if (seq[i] !== i + 1 || !(card[i]! >= 0 && card[i]! < cardIds.length) || !KINDS.has(kind[i]!) || rating[i]! > 4) return false;
    if (beforeState[i]! > 3 && beforeState[i] !== NO_CARD_STATE) return false;
    if (!isTimeInRange(at[i]!)) return false;
  }
  return true;
}

/**
 * The facts cached in `file`, and the point of the log they reach, when `stillThere` says that
 * point's line is still in the log as it was; null when the file is missing, from another
 * version, damaged in any way, or the log changed under it.
 */
export function readFactsCache(
  file: string,
  stillThere: (point: { seq: number; logBytes: number; pointLine: string }) => boolean,
): { facts: LogFacts; seq: number; logBytes: number } | null {
  if (!LITTLE_ENDIAN) return null;
  try {
    const bytes = readRegularFile(file, MAX_DATA_FILE_BYTES);
    if (!bytes) return null;
    const newline = bytes.indexOf(10);
    if (newline < 0) return null;
    const head = JSON.parse(bytes.toString('utf8', 0, newline)) as FactsHead;
    const { rows, seq, logBytes, pointLine, cardIds } = head;
    const valid =
      head.schemaVersion === FACTS_CACHE_VERSION &&
      [rows, seq, logBytes].every((n) => Number.isSafeInteger(n) && n >= 0) &&
      rows === seq &&
      typeof pointLine === 'string' &&
      Array.isArray(cardIds) &&
      cardIds.every((id) => typeof id === 'string');
    const start = align8(newline + 1);
    if (!valid || bytes.length !== start + rows * ROW_BYTES || !stillThere({ seq, logBytes, pointLine })) return null;
    // Views into the bytes read, where they sit at an address the arrays can start at (a
    // buffer this size is one of its own, at offset 0); else one aligned copy.
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(new Uint8Array(bytes));
    const arrays: Record<string, Float64Array | Int32Array | Uint8Array> = {};
    let offset = aligned.byteOffset + start;
    for (const [name, type] of ARRAYS) {
      const array = new type(aligned.buffer as ArrayBuffer, offset, rows);
      arrays[name] = array;
      offset += array.byteLength;
    }
    const facts = { length: rows, cardIds, ...arrays } as unknown as LogFacts;
    return rowsAreSound(facts) ? { facts, seq, logBytes } : null;
  } catch {
    return null;
  }
}
