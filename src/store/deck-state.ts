// One deck's durable progress: the append-only review log (the truth; its file is
// review-log.ts's) and a lowdb snapshot of the card states after some entry of it (a cache). Opening reads the snapshot and replays only
// the log past it; an answer is one appended line and one fdatasync, whatever the history's
// size; the snapshot is rewritten ("folded") when a writer closes, or on opening when the tail
// past it has grown long.
import { closeSync, constants, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { LowSync } from 'lowdb';
import type { Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import type { CardState, LogEntry, LogFacts, NewLogEntry } from '../core/types.js';
import { DurableJsonFile, UnreadableFileError, writeFileAtomicSync } from './atomic-file.js';
import { asLogError, corruptedFileError, damagedLastLineError, readLogHeader } from './corruption.js';
import { openRegularFile } from './read-file.js';
import { decodeEntry, encodeEntry } from './log-codec.js';
import { DeckFacts } from './deck-facts.js';
import { SNAPSHOT_FILE, deckStateDir, deviceLogFile, displayPath, fileStamp, localDeckDir } from './layout.js';
import type { ReviewTally } from '../schedule/review-tally.js';
import { basename } from 'node:path';
import {
  MergedStates,
  NeedsHistory,
  deviceLogFiles,
  isAfter,
  keyOf,
  mergeLogs,
  mergedTail,
  numberMerged,
  LEGACY_DEVICE,
  type DeviceLogFile,
  type MergeKey,
  type MergedEntry,
  type ReadLog,
  type Redo,
} from './merged-log.js';
import {
  AppendFailed,
  LogCorruption,
  appendLine,
  createLog,
  drain,
  fileSize,
  findDamage,
  headerStillArriving,
  lastEntries,
  lineEndingAt,
  parseLine,
  pointMismatch,
  readAt,
  readHeader,
  scanEntryBatches,
  withFile,
  type ScanResult,
} from './review-log.js';
import { SNAPSHOT_MIGRATIONS, SNAPSHOT_SCHEMA_VERSION, isJsonObject, migrate } from './schema.js';

/** Where a reader of the merged logs stands: the own log's point, and each other log's. */
export interface LogPoint {
  /** This device: the own log is its. */
  device: string;
  /** The own log's last whole entry (its own numbering) and the byte just past it. */
  seq: number;
  logBytes: number;
  /** Entries of all the deck's logs merged so far (the merged numbering: lastSeq()). */
  total: number;
  /** The merge's last entry, or null before any. */
  lastKey: MergeKey | null;
  /** Every other device's log (and the legacy log) as far as it was read. */
  others: { device: string; seq: number; bytes: number }[];
  /**
   * Set when this writer appended an entry that merges before entries already merged (another
   * machine's clock ahead of this one's): the states in memory are then not what a fresh read
   * makes of the files, and no cache may be left from them.
   */
  outOfOrder: boolean;
}

export interface DeckState {
  readonly name: string;
  /**
   * Current card states: every device's log merged (merged-log.ts), from the snapshot plus every
   * entry after it. Cards never answered are absent.
   */
  cardStates(): ReadonlyMap<string, CardState>;
  /** The number of the last entry of the merged logs, 0 when there is none. */
  lastSeq(): number;
  /**
   * Writer only: appends the entry to this device's own log and fsyncs before returning; updates
   * cardStates(). Returns it numbered as the merged logs number it.
   */
  append(entry: NewLogEntry): LogEntry;
  /** Every device's log from disk, merged, in order (torn last lines being written right now left out). */
  readLog(): LogEntry[];
  /**
   * The whole log as the statistics read it (the same entries as readLog(), checked the same
   * way), without building an entry object or card state for any of it.
   */
  readLogFacts(): LogFacts;
  /**
   * The tally of the standing reviews (schedule/review-tally.ts) up to the day numbered `today`,
   * its local days starting at `dayStartHour`: what `stats` shows of the history. From the
   * tally a writer kept (stats-cache.ts) and the entries past it, or from the whole log.
   */
  reviewTally(dayStartHour: number, today: number): ReviewTally;
  /** The merged entries numbered above `seq`, in order; reads only the end of the logs. */
  entriesSince(seq: number): LogEntry[];
  /** The point cardStates() is at. */
  logPoint(): LogPoint;
  /** Set when opening found a line torn by a crash and (writer) moved it aside into `file`. */
  readonly tornTail: { file: string | null; bytes: number; reason: string } | null;
}

/** A longer tail than this past the snapshot is folded when a writer opens the deck. */
export const FOLD_TAIL_ENTRIES = 1000;
/** Entries kept in memory for entriesSince() without reading the file. */
const RECENT_KEPT = 2000;

interface SnapshotDoc {
  schemaVersion: number;
  /** The seq of the last entry of the own log the card states include. */
  seq: number;
  /** The byte of the own log just past that entry. */
  logBytes: number;
  /** Entries of all logs merged (absent: as `seq`, no other log). */
  total?: number;
  lastKey?: MergeKey | null;
  /** How far each other log was merged. */
  others?: { device: string; seq: number; bytes: number }[];
  cards: Record<string, CardState>;
}

export interface DeckContext {
  stateDir: string;
  mode: 'read' | 'write';
  clock: Clock;
  /** This machine's name: its own log is `logs/<device>.ndjson`, its caches under `local/<device>/`. */
  device: string;
  /** How a review is scheduled again on a state its writer did not see (merged-log.ts). */
  redo?: Redo;
  /** The writer's lock problem, if any: no writes once the lock is lost. */
  lockProblem: () => UserError | undefined;
  /** The deck's day-start hour, for the review tally a writer keeps (absent: none kept). */
  dayStartHour?: () => number;
}

function snapshotProblem(doc: Record<string, unknown>): string | undefined {
  if (typeof doc.seq !== 'number' || !Number.isInteger(doc.seq) || doc.seq < 0) return 'no valid "seq"';
  if (typeof doc.logBytes !== 'number' || !Number.isInteger(doc.logBytes) || doc.logBytes < 0) {
    return 'no valid "logBytes"';
  }
  if (doc.total !== undefined && (typeof doc.total !== 'number' || !Number.isInteger(doc.total) || doc.total < doc.seq)) return 'no valid "total"';
  if (doc.others !== undefined) {
    if (!Array.isArray(doc.others)) return 'no valid "others"';
    for (const other of doc.others) {
      if (!isJsonObject(other) || typeof other.device !== 'string' || !Number.isInteger(other.seq) || !Number.isInteger(other.bytes)) return 'no valid "others"';
    }
  }
  if (!isJsonObject(doc.cards)) return 'no "cards" object';
  // for-in, not Object.entries: with 10,000 cards the entries' arrays cost more than the check.
  const cards = doc.cards;
  for (const id in cards) {
    if (Object.hasOwn(cards, id) && !isJsonObject(cards[id])) return `card ${JSON.stringify(id)} has no state`;
  }
  return undefined;
}

/**
 * The latest merge key among `order`'s entries and `start`: entries that merge after it can be
 * merged on top of the states folded so far, as a merge of everything from the start would.
 */
function latestKey(order: readonly MergedEntry[], devices: readonly string[], start: MergeKey | null): MergeKey | null {
  let latest = start;
  for (const { entry, source } of order) {
    if (isAfter(entry, devices[source]!, latest)) latest = keyOf(entry, devices[source]!);
  }
  return latest;
}

/** The snapshot's card states into `states` (for-in: no array made for each of 10,000 entries). */
function setStates(states: Map<string, CardState>, cards: Record<string, CardState>): void {
  for (const id in cards) if (Object.hasOwn(cards, id)) states.set(id, cards[id]!);
}


/** Another device's log (or the legacy one) as this reader found it. */
interface OtherLog extends ReadLog {
  /** Where merging starts this time: past the snapshot's point, or the header. */
  from: number;
  fromSeq: number;
}

export class DeckStateFiles implements DeckState {
  readonly dir: string;
  /** This device's own log: the one file of the deck it appends to. */
  readonly logFile: string;
  readonly snapshotFile: string;
  tornTail: DeckState['tornTail'] = null;

  private readonly states = new Map<string, CardState>();
  /** The own log's last entry, by its own numbering. */
  private seq = 0;
  /** Bytes of the own log that hold whole entries (for the writer: the file's size). */
  private logBytes = 0;
  private headerBytes = 0;
  private logExists = false;
  /** Entries of all logs merged: the merged numbering's last. */
  private total = 0;
  private lastKey: MergeKey | null = null;
  private others: OtherLog[] = [];
  private outOfOrder = false;
  /** Merged numbers of the entries this writer appended, to their own log's numbers (for undo). */
  private readonly ownSeqOf = new Map<number, number>();
  /** The merged count the snapshot on disk covers; fold() is needed when it differs from `total`. */
  private foldedTotal = -1;
  private appendFd: number | undefined;
  /** The latest entries, for entriesSince() without touching the file. */
  private recent: LogEntry[] = [];
  /** Set when an append failed in a way that leaves the log end unknown: no more appends. */
  private broken: UserError | undefined;
  private closed = false;
  private readonly snapshotDb: LowSync<unknown>;
  /** The logs as the statistics read them, and their caches. */
  private readonly facts: DeckFacts;

  constructor(
    readonly name: string,
    private readonly ctx: DeckContext,
  ) {
    this.dir = deckStateDir(ctx.stateDir, name);
    this.logFile = deviceLogFile(ctx.stateDir, name, ctx.device);
    this.snapshotFile = join(localDeckDir(ctx.stateDir, ctx.device, name), SNAPSHOT_FILE);
    this.snapshotDb = new LowSync<unknown>(new DurableJsonFile(this.snapshotFile, { pretty: false }), null);
    this.facts = new DeckFacts(name, ctx);
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

  /**
   * The snapshot an older paperdeck left beside the legacy log (`decks/<deck>/snapshot.json`),
   * as a snapshot of this machine's that merged the legacy log up to its point and nothing
   * else: used only while this machine has neither a snapshot nor a log of its own, so that a
   * folder from before devices opens as fast as it did until a writer folds one here. Anything
   * doubtful about it, and it is not used (the logs are replayed instead): never an error.
   */
  private legacySnapshot(legacyLog: string): SnapshotDoc | null {
    try {
      const db = new LowSync<unknown>(new DurableJsonFile(join(this.dir, SNAPSHOT_FILE), { pretty: false }), null);
      db.read();
      const raw = db.data;
      if (!isJsonObject(raw) || raw.schemaVersion !== SNAPSHOT_SCHEMA_VERSION || snapshotProblem(raw) || raw.total !== undefined) return null;
      const old = raw as unknown as SnapshotDoc;
      if (old.seq === 0) return null;
      const line = withFile(legacyLog, 'r', (fd) => lineEndingAt(fd, old.logBytes, readHeader(fd, legacyLog)));
      const entry = line === undefined ? undefined : parseLine(line);
      if (entry === undefined || typeof entry === 'string' || entry.seq !== old.seq) return null;
      return {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        seq: 0,
        logBytes: 0,
        total: old.seq,
        lastKey: keyOf(entry, LEGACY_DEVICE),
        others: [{ device: LEGACY_DEVICE, seq: old.seq, bytes: old.logBytes }],
        cards: old.cards,
      };
    } catch {
      return null;
    }
  }

  private open(): void {
    const otherFiles = deviceLogFiles(this.ctx.stateDir, this.name).filter((log) => log.file !== this.logFile);
    this.logExists = existsSync(this.logFile);
    let snapshot = this.readSnapshot();
    const legacy = otherFiles.find((log) => log.device === LEGACY_DEVICE);
    if (snapshot === null && !this.logExists && legacy) snapshot = this.legacySnapshot(legacy.file);
    if (!this.logExists && snapshot && snapshot.seq > 0) {
      throw this.corrupted(this.logFile, `it is missing, but ${SNAPSHOT_FILE} says it held ${snapshot.seq} entries`, 'none');
    }
    const writer = this.ctx.mode === 'write';
    let fd: number | undefined;
    if (this.logExists) {
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
    }
    let fullReplay = false;
    try {
      if (otherFiles.length === 0 && !(snapshot?.others ?? []).some((other) => other.seq > 0)) {
        // One machine: the own log alone, as it always was.
        this.lastKey = snapshot?.lastKey ?? null;
        if (fd !== undefined) this.replay(fd, snapshot);
        else this.foldedTotal = snapshot ? 0 : -1;
        this.total = this.seq;
      } else {
        fullReplay = this.replayMerged(fd, snapshot, otherFiles);
      }
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      throw error;
    }
    if (writer && fd !== undefined) {
      this.appendFd = fd;
    } else if (fd !== undefined) {
      closeSync(fd);
    }
    if (writer && this.total > 0 && (this.total - this.foldedTotal > FOLD_TAIL_ENTRIES || this.foldedTotal < 0 || fullReplay)) {
      try {
        this.fold();
      } catch (error) {
        if (this.appendFd !== undefined) closeSync(this.appendFd);
        this.appendFd = undefined;
        throw error;
      }
    }
  }

  /**
   * Several logs: the own log (open at `fd`, when there is one) and the others, merged from the
   * snapshot's points when every entry past them merges after what the snapshot holds, else from
   * their starts. Returns whether it replayed them whole.
   */
  private replayMerged(fd: number | undefined, snapshot: SnapshotDoc | null, otherFiles: DeviceLogFile[]): boolean {
    let ownFrom = 0;
    let ownFromSeq = 0;
    if (fd !== undefined) {
      try {
        this.headerBytes = readHeader(fd, this.logFile);
      } catch (error) {
        if (error instanceof LogCorruption) throw this.corrupted(this.logFile, error.message, 'none');
        throw error;
      }
      ownFrom = this.headerBytes;
      if (snapshot && snapshot.seq > 0) {
        const mismatch = this.snapshotMismatch(fd, snapshot, fileSize(fd));
        if (mismatch) throw this.disagreement(fd, snapshot, mismatch);
        ownFrom = snapshot.logBytes;
        ownFromSeq = snapshot.seq;
      }
    }
    // Usable only when it says how far it merged (a snapshot of one log says so too: no others).
    let whole = snapshot === null;
    const recorded = new Map((snapshot?.others ?? []).map((other) => [other.device, other]));
    const others: OtherLog[] = [];
    const fds: number[] = [];
    try {
      for (const log of otherFiles) {
        const otherFd = openRegularFile(log.file, displayPath(log.file));
        fds.push(otherFd);
        let headerBytes: number;
        try {
          // A log whose header is still arriving through the sync reads as holding nothing yet.
          headerBytes = headerStillArriving(otherFd) ? fileSize(otherFd) : readHeader(otherFd, log.file);
        } catch (error) {
          if (error instanceof LogCorruption) throw this.corrupted(log.file, error.message, 'none');
          throw error;
        }
        const size = fileSize(otherFd);
        const point = recorded.get(log.device);
        recorded.delete(log.device);
        let from = headerBytes;
        let fromSeq = 0;
        if (point && point.seq > 0) {
          if (pointMismatch(otherFd, headerBytes, size, { seq: point.seq, logBytes: point.bytes })) whole = true;
          else {
            from = point.bytes;
            fromSeq = point.seq;
          }
        }
        others.push({ ...log, headerBytes, end: from, count: fromSeq, from, fromSeq });
      }
      // A log the snapshot merged that is gone now: its entries must leave the states.
      for (const gone of recorded.values()) if (gone.seq > 0) whole = true;

      const scanOwn = (from: number, fromSeq: number): { entries: LogEntry[]; torn: { start: number; end: number; reason: string } | null } => {
        if (fd === undefined) return { entries: [], torn: null };
        const { entries, result } = this.scanWhole(fd, this.logFile, from, fromSeq);
        this.seq = result.lastSeq;
        this.logBytes = result.goodEnd;
        return { entries, torn: result.torn };
      };
      // Another device's log is read up to its last whole line: a line still arriving through
      // the sync, or torn by a crash there, is left for that device (never repaired from here).
      const scanOther = (other: OtherLog, index: number, from: number, fromSeq: number): LogEntry[] => {
        const { entries, result } = this.scanWhole(fds[index]!, other.file, from, fromSeq);
        other.end = result.goodEnd;
        other.count = result.lastSeq;
        return entries;
      };

      const devices = [this.ctx.device, ...others.map((other) => other.device)];
      let own = { entries: [] as LogEntry[], torn: null as { start: number; end: number; reason: string } | null };
      let merged: LogEntry[] | null = null;
      if (!whole && snapshot) {
        own = scanOwn(ownFrom, ownFromSeq);
        const lists = [own.entries, ...others.map((other, i) => scanOther(other, i, other.from, other.fromSeq))];
        const startKey = snapshot.lastKey ?? null;
        const total = snapshot.total ?? snapshot.seq;
        if (lists.every((list, i) => list.length === 0 || isAfter(list[0]!, devices[i]!, startKey))) {
          const order = mergeLogs(lists, devices);
          const numbered = numberMerged(order, total + 1, devices);
          setStates(this.states, snapshot.cards);
          const folding = new MergedStates(this.states, this.ctx.redo, false);
          try {
            for (const entry of numbered) folding.apply(entry);
            merged = numbered;
            this.total = total + numbered.length;
            this.foldedTotal = total;
            this.lastKey = latestKey(order, devices, startKey);
          } catch (error) {
            if (!(error instanceof NeedsHistory)) throw error;
            this.states.clear();
          }
        }
      }
      if (merged === null) {
        whole = true;
        own = scanOwn(this.headerBytes, 0);
        const lists = [own.entries, ...others.map((other, i) => scanOther(other, i, other.headerBytes, 0))];
        const order = mergeLogs(lists, devices);
        merged = numberMerged(order, 1, devices);
        const folding = new MergedStates(this.states, this.ctx.redo, true);
        for (const entry of merged) folding.apply(entry);
        this.total = merged.length;
        this.foldedTotal = -1;
        this.lastKey = latestKey(order, devices, null);
      }
      this.remember(merged);
      this.others = others;
      if (fd !== undefined && own.torn) this.handleTornTail(fd, own.torn.start, own.torn.end, own.torn.reason);
      if (fd === undefined) this.headerBytes = 0;
      return whole;
    } finally {
      for (const otherFd of fds) closeSync(otherFd);
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
      setStates(this.states, snapshot.cards);
    }
    this.foldedTotal = snapshot ? this.seq : -1;

    let result;
    try {
      result = drain(scanEntryBatches(fd, from, this.seq), (batch) => {
        for (const entry of batch) {
          this.states.set(entry.card, entry.after);
          // The latest key, not the last: a clock set back writes entries out of time order.
          if (isAfter(entry, this.ctx.device, this.lastKey)) this.lastKey = keyOf(entry, this.ctx.device);
        }
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
    return this.corrupted(this.snapshotFile, `it does not match ${basename(this.logFile)}, ${sound}: ${mismatch}`, 'rebuild-from-log');
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
    return this.total;
  }

  logPoint(): LogPoint {
    return {
      device: this.ctx.device,
      seq: this.seq,
      logBytes: this.logBytes,
      total: this.total,
      lastKey: this.lastKey,
      others: this.others.map((other) => ({ device: other.device, seq: other.count, bytes: other.end })),
      outOfOrder: this.outOfOrder,
    };
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
    // An undo names the entry it takes back by the merged number the writer was given; its own
    // log names it by that log's number. A machine undoes only what it wrote itself.
    let undoes: number | undefined;
    if (entry.kind === 'undo') {
      undoes = this.ownSeqOf.get(entry.undoes);
      if (undoes === undefined) throw new Error(`append: entry ${entry.undoes} was not written by this session`);
    }
    if (this.appendFd === undefined) this.appendFd = this.createLog();
    const fd = this.appendFd;
    const seq = this.seq + 1;
    // Never a seq the caller slipped in.
    const line = encodeEntry({ ...entry, seq, ...(undoes === undefined ? {} : { undoes }) } as LogEntry);
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
    this.total += 1;
    this.ownSeqOf.set(this.total, seq);
    // Before what is merged already (a clock behind another machine's, or set back): with other
    // machines' entries merged, a fresh read would order this one among them, not after them.
    if (isAfter(stored, this.ctx.device, this.lastKey)) this.lastKey = keyOf(stored, this.ctx.device);
    else if (this.others.some((other) => other.count > 0)) this.outOfOrder = true;
    this.states.set(stored.card, stored.after);
    const merged = stored.kind === 'undo' ? { ...stored, seq: this.total, undoes: entry.kind === 'undo' ? entry.undoes : 0 } : { ...stored, seq: this.total };
    this.remember([merged]);
    return merged;
  }

  /**
   * The one log file of the deck when it has no more than one (this machine's, or the one from
   * before devices, or none): read as it is, its own numbering the merged one. Null for several.
   */
  private onlyLog(): string | null {
    const logs = deviceLogFiles(this.ctx.stateDir, this.name);
    if (logs.length > 1) return null;
    return logs[0]?.file ?? this.logFile;
  }

  /**
   * The whole entries of `file` (open as `fd`) from byte `from` (after entry `fromSeq`) to its
   * end, and where they end; damage is named as that file's.
   */
  private scanWhole(fd: number, file: string, from: number, fromSeq: number): { entries: LogEntry[]; result: ScanResult } {
    const entries: LogEntry[] = [];
    try {
      const result = drain(scanEntryBatches(fd, from, fromSeq), (batch) => {
        for (const entry of batch) entries.push(entry);
      });
      return { entries, result };
    } catch (error) {
      if (error instanceof LogCorruption) throw this.corrupted(file, error.message, 'none');
      throw error;
    }
  }

  /** Every log of the deck read whole and merged (merged-log.ts), numbered from 1. */
  private readMerged(): LogEntry[] {
    const logs = deviceLogFiles(this.ctx.stateDir, this.name);
    const lists = logs.map((log) => {
      const entries: LogEntry[] = [];
      if (log.file !== this.logFile && withFile(log.file, 'r', headerStillArriving)) return entries;
      for (const batch of this.logBatches(log.file)) for (const entry of batch) entries.push(entry);
      return entries;
    });
    const devices = logs.map((log) => log.device);
    return numberMerged(mergeLogs(lists, devices), 1, devices);
  }

  /** A log whole, in batches of a chunk's worth of entries. */
  private *logBatches(file: string): Generator<LogEntry[]> {
    if (!existsSync(file)) return;
    const fd = openRegularFile(file, displayPath(file));
    try {
      const header = this.readLogHeader(fd, file);
      try {
        yield* scanEntryBatches(fd, header, 0);
      } catch (error) {
        throw this.logError(error, file);
      }
    } finally {
      closeSync(fd);
    }
  }

  private readLogHeader(fd: number, file: string): number {
    return readLogHeader(this.ctx.stateDir, fd, file);
  }

  private logError(error: unknown, file: string): unknown {
    return asLogError(this.ctx.stateDir, error, file);
  }

  readLog(): LogEntry[] {
    const only = this.onlyLog();
    if (only === null) return this.readMerged();
    const log: LogEntry[] = [];
    for (const batch of this.logBatches(only)) for (const entry of batch) log.push(entry);
    return log;
  }

  readLogFacts(): LogFacts {
    return this.facts.readLogFacts();
  }

  reviewTally(dayStartHour: number, today: number): ReviewTally {
    return this.facts.reviewTally(dayStartHour, today);
  }

  /** See DeckFacts.keepStatsTally. */
  keepStatsTally(hour: number): void {
    this.facts.keepStatsTally(hour);
  }

  entriesSince(seq: number): LogEntry[] {
    if (seq >= this.total) return [];
    const oldestRecent = this.recent[0];
    if (oldestRecent && oldestRecent.seq <= seq + 1) return this.recent.slice(seq + 1 - oldestRecent.seq);
    if (this.others.length > 0) {
      const logs: ReadLog[] = [...this.others];
      if (this.logExists) logs.unshift({ device: this.ctx.device, file: this.logFile, headerBytes: this.headerBytes, end: this.logBytes, count: this.seq });
      try {
        return mergedTail(logs, this.total, this.total - Math.max(0, seq));
      } catch (error) {
        throw this.logError(error, this.logFile);
      }
    }
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

  /**
   * Writer only: rewrites the snapshot to the logs' ends (on close, or a long tail on opening).
   * Not when this writer merged an entry out of order (see LogPoint.outOfOrder): the next opening
   * replays the logs instead, as every other machine does.
   */
  private fold(): void {
    this.requireWriter('fold');
    if (this.outOfOrder) return;
    if (this.total === 0) return; // nothing answered yet: the deck gets no snapshot until then
    const doc: SnapshotDoc = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      seq: this.seq,
      logBytes: this.logBytes,
      total: this.total,
      lastKey: this.lastKey,
      others: this.others.map((other) => ({ device: other.device, seq: other.count, bytes: other.end })),
      cards: Object.fromEntries(this.states),
    };
    mkdirSync(dirname(this.snapshotFile), { recursive: true });
    this.snapshotDb.data = doc;
    this.snapshotDb.write();
    this.foldedTotal = this.total;
    this.facts.leaveCaches();
  }

  /** Folds what is new (unless the lock was lost) and closes the log. */
  close(): void {
    if (this.closed) return;
    try {
      if (this.ctx.mode === 'write' && !this.ctx.lockProblem() && !this.broken && this.total !== this.foldedTotal) {
        this.fold();
      }
    } finally {
      this.closed = true;
      if (this.appendFd !== undefined) closeSync(this.appendFd);
      this.appendFd = undefined;
    }
  }
}
