// The review log file: a header line, then one LogEntry per line (as log-codec.ts writes it),
// appended and never rewritten. This module is its one home: it creates it, appends an entry's
// line durably (cutting a failed write back to the last whole entry), and reads it: forwards in
// chunks from any byte offset, backwards from the end for the last few entries, telling a line
// torn by a crash (the last line, unfinished or garbled) from corruption anywhere else. What is
// appended and when (numbering, replay, the snapshot) is the deck state's (deck-state.ts).
import { isAscii } from 'node:buffer';
import { closeSync, fdatasyncSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';
import type { LogEntry } from '../core/types.js';
import { writeAll, writeFileAtomicSync } from './atomic-file.js';
import { displayPath } from './layout.js';
import { openRegularFile } from './read-file.js';
import { NotALogEntry, checkLine, decodeEntry, lineFacts, readCompactFacts } from './log-codec.js';
import { EntryFacts, type LogFactsBuilder } from './log-facts.js';
import { LOG_SCHEMA_VERSION, isJsonObject, newerSchemaError } from './schema.js';

const CHUNK_BYTES = 1 << 20;
/**
 * What a forward scan reads at a time. Its text is one string, and V8 keeps a string this small
 * on its own heap, reusing the memory; a megabyte one is fresh memory from the system each time,
 * which made decoding the log several times slower.
 */
const SCAN_CHUNK_BYTES = 1 << 16;
const NEWLINE = 0x0a;

export interface LogHeader {
  paperdeck: 'review-log';
  schemaVersion: number;
  deck: string;
}

export function headerLine(deck: string): string {
  const header: LogHeader = { paperdeck: 'review-log', schemaVersion: LOG_SCHEMA_VERSION, deck };
  return JSON.stringify(header) + '\n';
}

/** Something in the log that is not a torn last line; the caller names the file and backups. */
/**
 * Creates deck `deck`'s log at `file`, whole, header included (an atomic rename, so a crash
 * never leaves a log without its header), and opens it for appending.
 */
export function createLog(file: string, deck: string): { fd: number; headerBytes: number } {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomicSync(file, headerLine(deck));
  const fd = openSync(file, 'a+');
  return { fd, headerBytes: fileSize(fd) };
}

/** An append that failed; `broken` when the log's end is unknown after it (no more appends). */
export class AppendFailed extends UserError {
  constructor(
    message: string,
    readonly broken: boolean,
  ) {
    super(message);
  }
}

/**
 * Appends one entry's line to the log open at `fd`, durable (fdatasync) before it returns; the
 * log's whole entries end at `wholeBytes` before it. A failed write (a full disk...) is cut back
 * to `wholeBytes` and throws AppendFailed, naming `what` was not saved. Returns the bytes written.
 */
export function appendLine(fd: number, file: string, line: string, wholeBytes: number, what = 'the answer'): number {
  const bytes = Buffer.from(line + '\n', 'utf8');
  try {
    writeAll(fd, bytes);
    fdatasyncSync(fd);
  } catch (error) {
    const failure = `could not save ${what} to ${displayPath(file)} (${(error as Error).message})`;
    try {
      ftruncateSync(fd, wholeBytes);
      fsyncSync(fd);
    } catch {
      throw new AppendFailed(`${failure}; quit and start paperdeck again`, true);
    }
    throw new AppendFailed(`${failure}; nothing was saved for it`, false);
  }
  return bytes.length;
}

export class LogCorruption extends Error {
  override name = 'LogCorruption';
  constructor(
    message: string,
    /** Found by scanning: the byte just past the last whole entry before the damage. */
    readonly validEnd?: number,
    /** ...and that entry's seq. */
    readonly validSeq?: number,
  ) {
    super(message);
  }
}

/** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const n = readSync(fd, buffer, filled, length - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

export function fileSize(fd: number): number {
  return fstatSync(fd).size;
}

/**
 * Reads and checks the header line. Returns its length in bytes. A log written by a newer
 * paperdeck is refused; a header that is not one is corruption.
 */
export function readHeader(fd: number, file: string): number {
  const head = readAt(fd, 0, 4096);
  const end = head.indexOf(NEWLINE);
  if (end < 0) throw new LogCorruption('its first line is not a review log header');
  let header: unknown;
  try {
    header = JSON.parse(head.subarray(0, end).toString('utf8'));
  } catch (error) {
    throw new LogCorruption(`its first line is not a review log header (${(error as Error).message})`);
  }
  if (!isJsonObject(header) || header.paperdeck !== 'review-log' || typeof header.schemaVersion !== 'number') {
    throw new LogCorruption('its first line is not a review log header');
  }
  if (header.schemaVersion > LOG_SCHEMA_VERSION) throw newerSchemaError(file, header.schemaVersion, LOG_SCHEMA_VERSION);
  // Version 1 is the only one so far. A later format would append a new header line where it
  // starts, so that old entries stay as they were written and are migrated on read.
  return end + 1;
}

/**
 * Whether the log's first line has not wholly arrived yet (no newline in a file shorter than a
 * header can be): another machine's log that a sync tool is still copying. Such a log holds no
 * entry yet; it is no damage.
 */
export function headerStillArriving(fd: number): boolean {
  const head = readAt(fd, 0, 4096);
  return head.length < 4096 && head.indexOf(NEWLINE) < 0;
}

/** Fills `buffer` from `offset` with the file's bytes at `position`; returns how many it got. */
function readInto(fd: number, buffer: Buffer, offset: number, position: number): number {
  let filled = 0;
  while (offset + filled < buffer.length) {
    const n = readSync(fd, buffer, offset + filled, buffer.length - offset - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled;
}

/** What `decode` makes of a line's JSON, or why the line holds no entry. */
function parseWith<T>(text: string, decode: (value: unknown) => T): T | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  try {
    return decode(value);
  } catch (error) {
    if (error instanceof NotALogEntry) return error.message;
    throw error;
  }
}

/** The entry a line of text holds, or why it holds none. */
export function parseLine(text: string): LogEntry | string {
  return parseWith(text, decodeEntry);
}

/**
 * What scanLines does with the lines it reads: decode one, setting it aside, and keep it once
 * its number is known to follow on.
 */
interface LineSink {
  /**
   * The seq of the entry the line `text[start, end)` holds (set aside for keep()), or why it
   * holds none. (Lines come as a part of their chunk's text: no string is made for each.)
   */
  decode(text: string, start: number, end: number): number | string;
  /** Keeps the entry decode() last set aside. */
  keep(): void;
}

/** Collects whole entries, a chunk's worth at a time. */
class EntryBatch implements LineSink {
  entries: LogEntry[] = [];
  private pending: LogEntry | undefined;

  decode(text: string, start: number, end: number): number | string {
    const parsed = parseLine(text.slice(start, end));
    if (typeof parsed === 'string') return parsed;
    this.pending = parsed;
    return parsed.seq;
  }

  keep(): void {
    this.entries.push(this.pending!);
  }

  take(): LogEntry[] {
    const entries = this.entries;
    this.entries = [];
    return entries;
  }
}

/**
 * Appends each entry's facts to a LogFactsBuilder: a line in the compact form is read straight
 * from its text, any other through JSON.parse and checkLine; no entry or card state is built.
 */
class FactsSink implements LineSink {
  private readonly line = new EntryFacts();
  /** Made once, not per line. */
  private readonly check = (value: unknown): number => {
    lineFacts(value, checkLine(value), this.line);
    return this.line.seq;
  };

  constructor(private readonly facts: LogFactsBuilder) {}

  decode(text: string, start: number, end: number): number | string {
    if (readCompactFacts(text, start, end, this.line)) return this.line.seq;
    return parseWith(text.slice(start, end), this.check);
  }

  keep(): void {
    this.facts.push(this.line);
  }
}

export interface TornTail {
  /** Where the torn bytes start (the end of the last whole entry) and end. */
  start: number;
  end: number;
  reason: string;
}

export interface ScanResult {
  /** The byte just past the last whole entry. */
  goodEnd: number;
  lastSeq: number;
  torn: TornTail | null;
}

/**
 * Reads the entries from byte `from` (the start of the entry with seq `afterSeq + 1`) to the end
 * of the file (as it is when each chunk is read), in order, into `sink`, yielding after each
 * chunk that kept any; returns where the whole entries end. The last line may be torn
 * (unfinished, or garbled by a crash mid-write): it is reported, not thrown. Anything else wrong
 * — a bad line with more lines after it, a gap in the numbering — throws LogCorruption, once the
 * entries before it have been kept and yielded.
 */
function* scanLines(fd: number, from: number, afterSeq: number, sink: LineSink): Generator<void, ScanResult, undefined> {
  let goodEnd = from;
  let lastSeq = afterSeq;
  // A bad line is only forgivable as the very last one: another line after it makes it
  // corruption.
  let bad: TornTail | undefined;
  let buffer = Buffer.allocUnsafe(SCAN_CHUNK_BYTES);
  // buffer[0, held) is the start of a line carried over from the previous read; buffer[0] is
  // byte `bufferStart` of the file.
  let held = 0;
  let bufferStart = from;
  for (;;) {
    if (held === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]); // a very long line
    const read = readInto(fd, buffer, held, bufferStart + held);
    if (read === 0) break;
    const length = held + read;
    const wholeLinesEnd = buffer.lastIndexOf(NEWLINE, length - 1) + 1;
    if (wholeLinesEnd === 0) {
      held = length;
      continue;
    }
    // One string for the chunk's lines when they are all ASCII (as ids made from titles are):
    // its indexes are byte offsets, lines are parts of it, and latin1 decodes it several times
    // faster than utf8. Otherwise each line is decoded from its own bytes.
    const oneBytePerChar = isAscii(buffer.subarray(0, wholeLinesEnd));
    const text = oneBytePerChar ? buffer.toString('latin1', 0, wholeLinesEnd) : '';
    let kept = 0;
    let corruption: LogCorruption | undefined;
    for (let lineStart = 0; lineStart < wholeLinesEnd; ) {
      const newline = oneBytePerChar ? text.indexOf('\n', lineStart) : buffer.indexOf(NEWLINE, lineStart);
      const lineEnd = newline + 1;
      if (bad) {
        corruption = badLine(bad.reason, lastSeq, goodEnd);
        break;
      }
      let seq: number | string;
      if (oneBytePerChar) {
        seq = sink.decode(text, lineStart, newline);
      } else {
        const line = buffer.toString('utf8', lineStart, newline);
        seq = sink.decode(line, 0, line.length);
      }
      if (typeof seq === 'string') {
        bad = { start: bufferStart + lineStart, end: bufferStart + lineEnd, reason: seq };
      } else if (seq !== lastSeq + 1) {
        corruption = new LogCorruption(
          `line ${lastSeq + 2} has entry number ${seq} where ${lastSeq + 1} was expected`,
          goodEnd,
          lastSeq,
        );
        break;
      } else {
        lastSeq = seq;
        goodEnd = bufferStart + lineEnd;
        sink.keep();
        kept++;
      }
      lineStart = lineEnd;
    }
    if (kept > 0) yield;
    if (corruption) throw corruption;
    buffer.copyWithin(0, wholeLinesEnd, length);
    held = length - wholeLinesEnd;
    bufferStart += wholeLinesEnd;
  }
  if (held > 0) {
    if (bad) throw badLine(bad.reason, lastSeq, goodEnd);
    bad = { start: bufferStart, end: bufferStart + held, reason: 'unfinished last line' };
  }
  return { goodEnd, lastSeq, torn: bad ?? null };
}

/**
 * The entries from byte `from` (the start of the entry with seq `afterSeq + 1`) to the end of the
 * file, in order, in batches of a chunk's worth; returns where the whole entries end. A torn last
 * line is reported, not thrown; other damage throws LogCorruption once the entries before it have
 * been yielded (see scanLines).
 */
/** Runs `each` on every value `generator` yields (if given), and returns what it returns in the end. */
export function drain<T, R>(generator: Generator<T, R, undefined>, each?: (value: T) => void): R {
  for (let next = generator.next(); ; next = generator.next()) {
    if (next.done) return next.value;
    each?.(next.value);
  }
}

export function* scanEntryBatches(fd: number, from: number, afterSeq: number): Generator<LogEntry[], ScanResult, undefined> {
  const batch = new EntryBatch();
  const lines = scanLines(fd, from, afterSeq, batch);
  for (;;) {
    const next = lines.next();
    if (next.done) return next.value;
    yield batch.take();
  }
}

/**
 * The same entries as scanEntryBatches, checked the same way, appended to `facts` as the
 * statistics read them (no LogEntry or CardState is built); returns where the whole entries end.
 * On damage, the entries before it are in `facts` when LogCorruption is thrown.
 */
export function scanFacts(fd: number, from: number, afterSeq: number, facts: LogFactsBuilder): ScanResult {
  return drain(scanLines(fd, from, afterSeq, new FactsSink(facts)));
}

/**
 * The first damage in the log, reading it whole from its header (which ends at `headerBytes`),
 * or, when it reads clean, where its whole entries end. A bad last line counts as a write torn by
 * a crash unless it starts before `writtenWhole`, a point the log is known to have been written
 * to in whole entries (a snapshot's): then it is damage. Every byte is read: this is for telling
 * which file is at fault when something does not add up, never for the normal path.
 */
export function findDamage(fd: number, headerBytes: number, writtenWhole = 0): LogCorruption | ScanResult {
  let result: ScanResult;
  try {
    result = drain(scanEntryBatches(fd, headerBytes, 0));
  } catch (error) {
    if (error instanceof LogCorruption) return error;
    throw error;
  }
  if (result.torn && result.torn.start < writtenWhole) return badLine(result.torn.reason, result.lastSeq, result.goodEnd);
  return result;
}

function badLine(reason: string, previousSeq: number, goodEnd: number): LogCorruption {
  // The header is line 1 and entry n is line n + 1.
  return new LogCorruption(`line ${previousSeq + 2} is not a review log entry: ${reason}`, goodEnd, previousSeq);
}

/**
 * The text of the line that ends (with its newline) at byte `end`, or undefined when the byte
 * before `end` is not a newline.
 */
export function lineEndingAt(fd: number, end: number, notBefore: number): string | undefined {
  if (end <= notBefore) return undefined;
  const last = readAt(fd, end - 1, 1);
  if (last.length !== 1 || last[0] !== NEWLINE) return undefined;
  let collected = Buffer.alloc(0);
  let position = end - 1;
  while (position > notBefore) {
    const start = Math.max(notBefore, position - 64 * 1024);
    const chunk = readAt(fd, start, position - start);
    collected = Buffer.concat([chunk, collected]);
    const nl = chunk.lastIndexOf(NEWLINE);
    if (nl >= 0) return collected.toString('utf8', nl + 1);
    position = start;
  }
  return collected.toString('utf8');
}

/**
 * Why byte `logBytes` of the log (`size` bytes long, entries from `headerBytes`) cannot be the
 * end of entry `seq`, the point a snapshot says it was taken at; undefined when it is. By
 * number only: the due index, a cache trusted without a rebuild, compares the whole entry.
 */
export function pointMismatch(fd: number, headerBytes: number, size: number, point: { seq: number; logBytes: number }): string | undefined {
  if (point.logBytes > size) return `it covers ${point.logBytes} bytes of the log, which has only ${size}`;
  const line = lineEndingAt(fd, point.logBytes, headerBytes);
  const entry = line === undefined ? undefined : parseLine(line);
  if (entry === undefined || typeof entry === 'string') {
    return `it ends at byte ${point.logBytes} of the log, which is not the end of an entry`;
  }
  if (entry.seq !== point.seq) return `it ends at entry ${point.seq}, the log has entry ${entry.seq} there`;
  return undefined;
}

/**
 * The last `count` whole entries before byte `end` (which must follow a newline), read
 * backwards, in log order. Stops early at `notBefore` (the end of the header). A line that is not
 * an entry, or numbering that skips, throws LogCorruption; reading backwards it cannot say which
 * line of the file that is (findDamage can).
 */
export function lastEntries(fd: number, end: number, notBefore: number, count: number): LogEntry[] {
  if (count <= 0 || end <= notBefore) return [];
  const chunks: Buffer[] = [];
  let newlines = 0;
  let position = end;
  let start = end;
  // Read back in chunks sized to the lines asked for (about 300 bytes a line), doubling up to a
  // megabyte: the last 16 entries, which `due` asks for first, are a few kilobytes, not a megabyte.
  let size = Math.min(CHUNK_BYTES, Math.max(4096, (count + 1) * 320));
  // count + 1 newlines mark `count` whole lines (the first is the previous line's end).
  while (position > notBefore && newlines <= count) {
    const from = Math.max(notBefore, position - size);
    size = Math.min(CHUNK_BYTES, size * 2);
    const chunk = readAt(fd, from, position - from);
    chunks.unshift(chunk);
    for (let i = chunk.length - 1; i >= 0; i--) {
      if (chunk[i] === NEWLINE) {
        newlines++;
        if (newlines === count + 1) {
          start = from + i + 1;
          break;
        }
      }
    }
    if (newlines <= count) start = from;
    position = from;
  }
  const lines = Buffer.concat(chunks).toString('utf8', start - position, end - position).split('\n');
  lines.pop(); // the empty string after the last newline
  const entries: LogEntry[] = [];
  for (const line of lines) {
    const parsed = parseLine(line);
    if (typeof parsed === 'string') throw new LogCorruption(`a line near its end is not a review log entry: ${parsed}`);
    const previous = entries.at(-1);
    if (previous && parsed.seq !== previous.seq + 1) {
      throw new LogCorruption(`entry number ${parsed.seq} follows entry ${previous.seq} near its end`);
    }
    entries.push(parsed);
  }
  return entries;
}

/**
 * Runs `use` on the file open with `flags`. To read ('r'), the file must be a regular one, opened
 * without blocking: a FIFO in a log's place would otherwise hang the reader (read-file.ts).
 */
export function withFile<T>(file: string, flags: string, use: (fd: number) => T): T {
  const fd = flags === 'r' ? openRegularFile(file, displayPath(file)) : openSync(file, flags);
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}
