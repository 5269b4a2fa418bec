// One deck's durable progress: the append-only review log (the truth; its file is
// review-log.ts's) and a lowdb snapshot of the card states after some entry of it (a cache). Opening reads the snapshot and replays only
// the log past it; an answer is one appended line and one fdatasync, whatever the history's
// size; the snapshot is rewritten ("folded") when a writer closes, or on opening when the tail
// past it has grown long.
import { closeSync, constants, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { LowSync } from 'lowdb';
import { isTimeInRange, TIME_RANGE_TEXT, type Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import type { CardState, LogEntry, LogFacts, NewLogEntry } from '../core/types.js';
import { DurableJsonFile, UnreadableFileError, writeFileAtomicSync } from './atomic-file.js';
import { corruptedFileError, damagedLastLineError } from './corruption.js';
import { openRegularFile } from './read-file.js';
import { decodeEntry, encodeEntry } from './log-codec.js';
import { LogFactsBuilder } from './log-facts.js';
import { FACTS_FILE, LOG_FILE, SNAPSHOT_FILE, deckStateDir, displayPath, fileStamp } from './layout.js';
import { readFactsCache, writeFactsCache } from './facts-cache.js';
import {
  AppendFailed,
  LogCorruption,
  appendLine,
  createLog,
  drain,
  fileSize,
  findDamage,
  lastEntries,
  lineEndingAt,
  pointMismatch,
  readAt,
  readHeader,
  scanEntryBatches,
  scanFacts,
  withFile,
} from './review-log.js';
import { SNAPSHOT_MIGRATIONS, SNAPSHOT_SCHEMA_VERSION, isJsonObject, migrate } from './schema.js';

export interface DeckState {
  readonly name: string;
  /** Current card states: the snapshot plus every entry after it. Cards never answered are absent. */
  cardStates(): ReadonlyMap<string, CardState>;
  /** The seq of the last entry in the log, 0 when there is none. */
  lastSeq(): number;
  /** Writer only: numbers the entry, appends it and fsyncs before returning; updates cardStates(). */
  append(entry: NewLogEntry): LogEntry;
  /** The whole log from disk, in order (a torn last line being written right now is left out). */
  readLog(): LogEntry[];
  /**
   * The whole log as the statistics read it (the same entries as readLog(), checked the same
   * way), without building an entry object or card state for any of it.
   */
  readLogFacts(): LogFacts;
  /** The entries with seq greater than `seq`, in order; reads only the end of the log. */
  entriesSince(seq: number): LogEntry[];
  /** The log's last whole entry and the byte just past it: the point cardStates() is at. */
  logPoint(): { seq: number; logBytes: number };
  /** Set when opening found a line torn by a crash and (writer) moved it aside into `file`. */
  readonly tornTail: { file: string | null; bytes: number; reason: string } | null;
}

/** A longer tail than this past the snapshot is folded when a writer opens the deck. */
export const FOLD_TAIL_ENTRIES = 1000;
/** Entries kept in memory for entriesSince() without reading the file. */
const RECENT_KEPT = 2000;

interface SnapshotDoc {
  schemaVersion: number;
  /** The seq of the last entry the card states include. */
  seq: number;
  /** The byte of the log just past that entry. */
  logBytes: number;
  cards: Record<string, CardState>;
}

export interface DeckContext {
  stateDir: string;
  mode: 'read' | 'write';
  clock: Clock;
  /** The writer's lock problem, if any: no writes once the lock is lost. */
  lockProblem: () => UserError | undefined;
}

function snapshotProblem(doc: Record<string, unknown>): string | undefined {
  if (typeof doc.seq !== 'number' || !Number.isInteger(doc.seq) || doc.seq < 0) return 'no valid "seq"';
  if (typeof doc.logBytes !== 'number' || !Number.isInteger(doc.logBytes) || doc.logBytes < 0) {
    return 'no valid "logBytes"';
  }
  if (!isJsonObject(doc.cards)) return 'no "cards" object';
  for (const [id, state] of Object.entries(doc.cards)) {
    if (!isJsonObject(state)) return `card ${JSON.stringify(id)} has no state`;
  }
  return undefined;
}

export class DeckStateFiles implements DeckState {
  readonly dir: string;
  readonly logFile: string;
  readonly snapshotFile: string;
  readonly factsFile: string;
  tornTail: DeckState['tornTail'] = null;

  private readonly states = new Map<string, CardState>();
  private seq = 0;
  /** Bytes of the log that hold whole entries (for the writer: the file's size). */
  private logBytes = 0;
  private headerBytes = 0;
  private logExists = false;
  /** The seq the snapshot on disk covers; fold() is needed when it differs from `seq`. */
  private foldedSeq = -1;
  private appendFd: number | undefined;
  /** The latest entries, for entriesSince() without touching the file. */
  private recent: LogEntry[] = [];
  /** Set when an append failed in a way that leaves the log end unknown: no more appends. */
  private broken: UserError | undefined;
  private closed = false;
  private readonly snapshotDb: LowSync<unknown>;

  constructor(
    readonly name: string,
    private readonly ctx: DeckContext,
  ) {
    this.dir = deckStateDir(ctx.stateDir, name);
    this.logFile = join(this.dir, LOG_FILE);
    this.snapshotFile = join(this.dir, SNAPSHOT_FILE);
    this.factsFile = join(this.dir, FACTS_FILE);
    this.snapshotDb = new LowSync<unknown>(new DurableJsonFile(this.snapshotFile, { pretty: false }), null);
    this.open();
  }

  private corrupted(file: string, reason: string, fallback: 'rebuild-from-log' | 'none'): UserError {
    return corruptedFileError(this.ctx.stateDir, file, reason, fallback);
  }

  /** The snapshot as a usable document, or null when there is none (or it is an old kind to rebuild). */
  private readSnapshot(): SnapshotDoc | null {
    try {
      this.snapshotDb.read();
    } catch (error) {
      if (error instanceof UnreadableFileError) throw this.corrupted(this.snapshotFile, error.reason, 'rebuild-from-log');
      throw error;
    }
    const raw = this.snapshotDb.data;
    if (raw === null) return null;
    if (!isJsonObject(raw)) throw this.corrupted(this.snapshotFile, 'not a paperdeck snapshot', 'rebuild-from-log');
    const { doc } = migrate(raw, SNAPSHOT_MIGRATIONS, SNAPSHOT_SCHEMA_VERSION, this.snapshotFile);
    if (doc === null) return null; // an older snapshot with no migration: the log rebuilds it
    const problem = snapshotProblem(doc);
    if (problem) throw this.corrupted(this.snapshotFile, problem, 'rebuild-from-log');
    return doc as unknown as SnapshotDoc;
  }

  private open(): void {
    const snapshot = this.readSnapshot();
    this.logExists = existsSync(this.logFile);
    if (!this.logExists) {
      if (snapshot && snapshot.seq > 0) {
        throw this.corrupted(
          this.logFile,
          `it is missing, but ${SNAPSHOT_FILE} says it held ${snapshot.seq} entries`,
          'none',
        );
      }
      this.foldedSeq = snapshot ? 0 : -1;
      return;
    }

    const writer = this.ctx.mode === 'write';
    let fd: number;
    try {
      // Never blocking: a FIFO opened to read waits for a writer (O_RDWR, the writer's, does not).
      fd = openSync(this.logFile, (writer ? constants.O_RDWR | constants.O_APPEND : constants.O_RDONLY) | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      throw new UserError(`cannot open ${displayPath(this.logFile)}: ${(error as Error).message}`);
    }
    // A folder opens for reading too; reading it would then fail with a bare EISDIR.
    if (!fstatSync(fd).isFile()) {
      closeSync(fd);
      throw new UserError(`${displayPath(this.logFile)} is not a file; move it away (a review log is a file)`);
    }
    try {
      this.replay(fd, snapshot);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    if (writer) {
      this.appendFd = fd;
      if (this.seq - this.foldedSeq > FOLD_TAIL_ENTRIES || (this.foldedSeq < 0 && this.seq > 0)) {
        try {
          this.fold();
        } catch (error) {
          closeSync(fd);
          this.appendFd = undefined;
          throw error;
        }
      }
    } else {
      closeSync(fd);
    }
  }

  private replay(fd: number, snapshot: SnapshotDoc | null): void {
    try {
      this.headerBytes = readHeader(fd, this.logFile);
    } catch (error) {
      if (error instanceof LogCorruption) throw this.corrupted(this.logFile, error.message, 'none');
      throw error;
    }
    const size = fileSize(fd);
    let from = this.headerBytes;
    if (snapshot && snapshot.seq > 0) {
      const mismatch = this.snapshotMismatch(fd, snapshot, size);
      if (mismatch) throw this.disagreement(fd, snapshot, mismatch);
      from = snapshot.logBytes;
      this.seq = snapshot.seq;
      for (const [id, state] of Object.entries(snapshot.cards)) this.states.set(id, state);
    }
    this.foldedSeq = snapshot ? this.seq : -1;

    let result;
    try {
      result = drain(scanEntryBatches(fd, from, this.seq), (batch) => {
        for (const entry of batch) this.states.set(entry.card, entry.after);
        this.remember(batch);
      });
    } catch (error) {
      if (error instanceof LogCorruption) throw this.corrupted(this.logFile, error.message, 'none');
      throw error;
    }
    this.seq = result.lastSeq;
    this.logBytes = result.goodEnd;
    if (result.torn) this.handleTornTail(fd, result.torn.start, result.torn.end, result.torn.reason);
  }

  /**
   * The snapshot and the log disagree. Either can be at fault: a snapshot left from an older or
   * another log, or a log damaged before the snapshot's point (a line garbled to another length
   * shifts every entry after it). Blaming the snapshot for the log's damage sends the user round
   * in circles (a backup snapshot does not fit the damaged log either, and moving it away only
   * then shows the log's problem), so the log is read whole first and blamed when it is damaged;
   * the snapshot only when it does not fit a sound log. Reading the whole log happens only here,
   * never when the snapshot fits.
   */
  private disagreement(fd: number, snapshot: SnapshotDoc, mismatch: string): UserError {
    // A bad last line the snapshot covers was written whole once: damage, not a torn append.
    const scanned = findDamage(fd, this.headerBytes, snapshot.logBytes);
    if (scanned instanceof LogCorruption) {
      // Damage in the last line alone: the whole entries before it need not be given up.
      const asAppend = findDamage(fd, this.headerBytes);
      if (!(asAppend instanceof LogCorruption) && asAppend.torn) {
        const advice = damagedLastLineError(this.ctx.stateDir, this.logFile, scanned.message, asAppend.lastSeq, {
          file: this.snapshotFile,
          seq: snapshot.seq,
        });
        if (advice) return advice;
      }
      return this.corrupted(this.logFile, scanned.message, 'none');
    }
    const sound = scanned.lastSeq === 0 ? 'which holds no entries' : `which reads clean up to entry ${scanned.lastSeq}`;
    return this.corrupted(this.snapshotFile, `it does not match ${LOG_FILE}, ${sound}: ${mismatch}`, 'rebuild-from-log');
  }

  /** Why the snapshot cannot be the state after `snapshot.seq` of this log, if it cannot. */
  private snapshotMismatch(fd: number, snapshot: SnapshotDoc, size: number): string | undefined {
    return pointMismatch(fd, this.headerBytes, size, snapshot);
  }

  /**
   * A crash mid-append leaves the last line unfinished. A reader leaves it alone (the writer may
   * be writing it right now); the writer moves the bytes aside, never losing them, and cuts the
   * log back to its last whole entry so appends continue cleanly.
   */
  private handleTornTail(fd: number, start: number, end: number, reason: string): void {
    if (this.ctx.mode === 'read') {
      this.tornTail = { file: null, bytes: end - start, reason };
      return;
    }
    const bytes = readAt(fd, start, end - start);
    const stamp = fileStamp(this.ctx.clock.now());
    let aside = `${this.logFile}.torn-${stamp}`;
    for (let n = 2; existsSync(aside); n++) aside = `${this.logFile}.torn-${stamp}-${n}`;
    writeFileAtomicSync(aside, bytes);
    ftruncateSync(fd, start);
    fsyncSync(fd);
    this.tornTail = { file: aside, bytes: bytes.length, reason };
  }

  private remember(entries: readonly LogEntry[]): void {
    for (const entry of entries) this.recent.push(entry);
    if (this.recent.length > 2 * RECENT_KEPT) this.recent = this.recent.slice(-RECENT_KEPT);
  }

  private requireWriter(what: string): void {
    if (this.ctx.mode !== 'write') throw new Error(`${what} needs the state opened for writing`);
    if (this.closed) throw new Error(`${what} after the state was closed`);
    const lockProblem = this.ctx.lockProblem();
    if (lockProblem) throw lockProblem;
    if (this.broken) throw this.broken;
  }

  cardStates(): ReadonlyMap<string, CardState> {
    return this.states;
  }

  lastSeq(): number {
    return this.seq;
  }

  logPoint(): { seq: number; logBytes: number } {
    return { seq: this.seq, logBytes: this.logBytes };
  }

  private createLog(): number {
    const { fd, headerBytes } = createLog(this.logFile, this.name);
    this.headerBytes = headerBytes;
    this.logBytes = headerBytes;
    this.logExists = true;
    return fd;
  }

  append(entry: NewLogEntry): LogEntry {
    this.requireWriter('append');
    if (typeof entry.card !== 'string' || entry.card === '' || !isJsonObject(entry.after)) {
      throw new Error('append: an entry needs a card id and the card state after it');
    }
    if (this.appendFd === undefined) this.appendFd = this.createLog();
    const fd = this.appendFd;
    const seq = this.seq + 1;
    // Never a seq the caller slipped in.
    const line = encodeEntry({ ...entry, seq } as LogEntry);
    // Read back before it is written: what is in memory is exactly what is on disk, and a line
    // that would not read back (a rating of 7, say) never reaches the log.
    let stored: LogEntry;
    try {
      stored = decodeEntry(JSON.parse(line));
    } catch (error) {
      throw new Error(`append: the entry cannot be stored (${(error as Error).message})`);
    }
    let written: number;
    try {
      written = appendLine(fd, this.logFile, line, this.logBytes, entry.kind === 'review' ? 'the answer' : `the ${entry.kind}`);
    } catch (error) {
      if (error instanceof AppendFailed && error.broken) this.broken = error;
      throw error;
    }
    this.seq = seq;
    this.logBytes += written;
    this.states.set(stored.card, stored.after);
    this.remember([stored]);
    return stored;
  }

  /** The whole log in batches of a chunk's worth of entries. */
  private *logBatches(): Generator<LogEntry[]> {
    if (!existsSync(this.logFile)) return;
    const fd = openRegularFile(this.logFile, displayPath(this.logFile));
    try {
      const header = this.readLogHeader(fd);
      try {
        yield* scanEntryBatches(fd, header, 0);
      } catch (error) {
        throw this.logError(error);
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The log header's length; a header that is not one is named as the log's corruption. */
  private readLogHeader(fd: number): number {
    try {
      return readHeader(fd, this.logFile);
    } catch (error) {
      throw this.logError(error);
    }
  }

  /** LogCorruption found reading the log whole, as the user sees it; anything else as it is. */
  private logError(error: unknown): unknown {
    return error instanceof LogCorruption ? this.corrupted(this.logFile, error.message, 'none') : error;
  }

  readLog(): LogEntry[] {
    const log: LogEntry[] = [];
    for (const batch of this.logBatches()) for (const entry of batch) log.push(entry);
    return log;
  }

  readLogFacts(): LogFacts {
    if (!existsSync(this.logFile)) return new LogFactsBuilder(0).finish();
    return withFile(this.logFile, 'r', (fd) => this.scanLogFacts(fd).facts);
  }

  /**
   * The log's facts: those of the facts cache while the log still holds the line the cache ends
   * at (facts-cache.ts), and the entries past it read from the log; or the whole log read.
   */
  private scanLogFacts(fd: number): { facts: LogFacts; end: { seq: number; logBytes: number } } {
    const header = this.readLogHeader(fd);
    const size = fileSize(fd);
    const cached = readFactsCache(this.factsFile, (point) => point.logBytes <= size && lineEndingAt(fd, point.logBytes, header) === point.pointLine);
    const from = cached ? cached.logBytes : header;
    // About 200 bytes a line: room for the whole log at once, most times.
    const tailRows = Math.ceil((size - from) / 160);
    const builder = cached ? LogFactsBuilder.continuing(cached.facts) : new LogFactsBuilder(tailRows);
    let scanned;
    try {
      scanned = scanFacts(fd, from, cached ? cached.seq : 0, builder);
    } catch (error) {
      throw this.logError(error);
    }
    const read = builder.finish();
    // The statistics reckon days back from now to each entry: a time paperdeck never writes
    // (a hand edit, or a PAPERDECK_NOW from before it was checked) would have them walk or
    // allocate millions of days. Such a log is refused, named with the entry, and left as it is.
    for (let i = 0; i < read.length; i++) {
      const at = read.at[i]!;
      if (isTimeInRange(at)) continue;
      const when = Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? new Date(at).toISOString() : String(at);
      throw this.corrupted(this.logFile, `entry ${read.seq[i]} has a time out of range, ${when}; paperdeck takes times ${TIME_RANGE_TEXT}`, 'none');
    }
    return { facts: read, end: { seq: scanned.lastSeq, logBytes: scanned.goodEnd } };
  }

  /**
   * Writer only, on folding: the facts cache brought to the log's end, so that the next
   * `stats` reads only what is answered after it. Only a speed-up: a failure leaves the cache
   * as it was (or none), and readers read the log.
   */
  private leaveFactsCache(): void {
    try {
      withFile(this.logFile, 'r', (fd) => {
        const { facts, end } = this.scanLogFacts(fd);
        const pointLine = lineEndingAt(fd, end.logBytes, this.headerBytes);
        if (facts.length === 0 || pointLine === undefined) return;
        writeFactsCache(this.factsFile, facts, { ...end, pointLine });
      });
    } catch {
      // the readers read the whole log, as they would with no cache
    }
  }

  entriesSince(seq: number): LogEntry[] {
    if (seq >= this.seq) return [];
    const oldestRecent = this.recent[0];
    if (oldestRecent && oldestRecent.seq <= seq + 1) return this.recent.slice(seq + 1 - oldestRecent.seq);
    if (!this.logExists) return [];
    const first = Math.max(0, seq) + 1;
    return withFile(this.logFile, 'r', (fd) => {
      let entries: LogEntry[];
      try {
        entries = lastEntries(fd, this.logBytes, this.headerBytes, this.seq - first + 1);
      } catch (error) {
        if (error instanceof LogCorruption) throw this.damagedLog(fd, error);
        throw error;
      }
      // Fewer lines than entries, or lines numbered otherwise: entries before the snapshot's
      // point are missing or out of place.
      if (entries.length !== this.seq - first + 1 || entries[0]?.seq !== first) {
        throw this.damagedLog(fd, new LogCorruption(`its last lines do not hold entries ${first} to ${this.seq}`));
      }
      return entries;
    });
  }

  /**
   * Damage found reading the end of the log backwards, which cannot count lines: the log is read
   * whole to name the first damaged line (falling back on what was found when the log has changed
   * since).
   */
  private damagedLog(fd: number, found: LogCorruption): UserError {
    const scanned = findDamage(fd, this.headerBytes);
    return this.corrupted(this.logFile, (scanned instanceof LogCorruption ? scanned : found).message, 'none');
  }

  /** Writer only: rewrites the snapshot to the log's end (on close, or a long tail on opening). */
  private fold(): void {
    this.requireWriter('fold');
    if (!this.logExists) return; // nothing answered yet: the deck gets no folder until then
    const doc: SnapshotDoc = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      seq: this.seq,
      logBytes: this.logBytes,
      cards: Object.fromEntries(this.states),
    };
    this.snapshotDb.data = doc;
    this.snapshotDb.write();
    this.foldedSeq = this.seq;
    this.leaveFactsCache();
  }

  /** Folds what is new (unless the lock was lost) and closes the log. */
  close(): void {
    if (this.closed) return;
    try {
      if (this.ctx.mode === 'write' && !this.ctx.lockProblem() && !this.broken && this.seq !== this.foldedSeq) {
        this.fold();
      }
    } finally {
      this.closed = true;
      if (this.appendFd !== undefined) closeSync(this.appendFd);
      this.appendFd = undefined;
    }
  }
}

