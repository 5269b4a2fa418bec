// The due index: what `paperdeck due` counts, for one deck, in a small file beside its log.
// On a large deck `due` would otherwise parse all of cards.json (every question and answer) and
// the snapshot of every card's state, about 7 MB for 10,000 cards, to count a few numbers; a
// shell prompt cannot wait for that. A study session leaves this index when it ends: the
// deck's card ids in note order and, for each, what the queue reads of its state, as of a
// point of the log. `due` uses it only when nothing it was made from has moved: cards.json
// (its size and mtime), the notes (their stamps), the generator, and the log up to that point,
// whose later entries it replays. Anything else, or any doubt, and `due` reads everything as
// before; so the index is a cache that is right or unused, never trusted past what it covers.
//
// Layout (schema 3): one line of JSON (DueIndexHead), a newline, zero bytes up to a multiple of
// 8, then the columns, each `cards` long, little-endian: the Float64 ones (FLOAT_COLUMNS: `due`,
// `buriedUntil` and `lastReview` with NaN for none, then the other numbers of a card's state),
// then the Uint8 ones: `state` (NOT_ANSWERED for a card never answered), `suspended` and `leech`
// (0 or 1); then the card ids as one JSON list of `idsBytes` bytes, and their titles as one of
// `titlesBytes`. `due` reads the columns where they lie in the bytes read, and the ids only when it
// needs them: nothing is parsed a card. `cards --json` reads every card's whole state and title
// from it (cli/quick-cards.ts), so it too needs neither cards.json nor the snapshot.
import { closeSync, existsSync, fstatSync, mkdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileTimeNow } from '../core/clock.js';
import type { CardState, CardStateKind, CardsFile, LogEntry, NotesStamp } from '../core/types.js';
import { NO_STATE, type QueueCard, type QueueColumns, type QueueState } from '../schedule/queue.js';
import type { LogTail } from '../schedule/log-window.js';
import { writeFileAtomicSync } from './atomic-file.js';
import { MAX_DATA_FILE_BYTES, openRegularFile } from './read-file.js';
import type { DeckState } from './deck-state.js';
import { CARDS_FILE, isRacy, type FileStat } from './decks.js';
import { DUE_INDEX_FILE, SNAPSHOT_FILE, deckStateDir, deviceLogFile, localDeckDir } from './layout.js';
import { thisDevice } from './device.js';
import { deviceLogFiles, isAfter, mergedTail, type MergeKey, type ReadLog } from './merged-log.js';
import { drain, fileSize, headerStillArriving, lastEntries, lineEndingAt, LogCorruption, readHeader, scanEntryBatches, withFile } from './review-log.js';
import { isJsonObject } from './schema.js';
import { rawJsonStrings } from '../core/sanitize.js';

const DUE_INDEX_VERSION = 3;

/** `state` of a card never answered: the queue's own mark for one (walkQueue reads the columns as they lie). */
export const NOT_ANSWERED = NO_STATE;

/** The Float64 columns, in the file's order. NaN stands for null in `buriedUntil` and `lastReview`. */
const FLOAT_COLUMNS = ['due', 'buriedUntil', 'lastReview', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses'] as const;
/** The Uint8 columns, after them. */
const BYTE_COLUMNS = ['state', 'suspended', 'leech'] as const;

/** Bytes a card takes in the columns. */
const CARD_BYTES = FLOAT_COLUMNS.length * 8 + BYTE_COLUMNS.length;

/** The columns are stored as this machine holds them; an index from a big-endian one is not used. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The index's first line: everything but the columns and the ids. */
interface DueIndexHead {
  schemaVersion: number;
  generator: number;
  /** cards.json's size, mtime and inode (absent in indexes of older versions) when its cards were read. */
  cardsStat: { size: number; mtimeMs: number; ino?: number };
  notesStamps: NotesStamp[];
  /** snapshot.json's size and mtime when the index was left: a snapshot replaced or damaged since sets it aside. */
  snapshotStat: { size: number; mtimeMs: number } | null;
  /** The own log's point the states are at, and the text of the entry that ends there (its time and card say it is that log's). */
  seq: number;
  logBytes: number;
  pointLine: string | null;
  /** The device whose own log that is; the merged count, the merge's last entry, and every other log's point. */
  device?: string;
  total?: number;
  lastKey?: MergeKey | null;
  others?: { device: string; seq: number; bytes: number; pointLine: string | null }[];
  /** How many cards the columns hold, and the length in bytes of the ids' JSON after them, and of the titles' after those. */
  cards: number;
  idsBytes: number;
  titlesBytes: number;
}

/**
 * The columns, one entry a card in note order, as views into the index's bytes: a card's state
 * field by field (NaN for a null time; `state` NOT_ANSWERED for a card never answered, whose
 * other fields mean nothing; 1 for true in `suspended` and `leech`).
 */
export type DueColumns = Record<(typeof FLOAT_COLUMNS)[number], Float64Array> & Record<(typeof BYTE_COLUMNS)[number], Uint8Array>;

/** What an index is made from: cards.json as read, and the notes stamps it was checked against. */
export interface IndexedCards {
  /** Its generator and its cards' ids and titles, in note order. */
  cardsFile: Pick<CardsFile, 'generator'> & { cards: readonly { id: string; title: string }[] };
  cardsStat: FileStat;
  /**
   * The stat is that of the file this process itself just renamed into place (writeCardsFile):
   * no other file can show its inode, so it needs no wait for the file system's clock to move on.
   */
  writtenHere?: boolean;
  /** Empty for a deck of cards alone (no notes file). */
  notesStamps: readonly NotesStamp[];
}

/** What readDueIndex asks of the caller: are the cards the index was made from still current? */
export type CardsStillAsIndexed = (made: { generator: number; cardsStat: FileStat; notesStamps: readonly NotesStamp[] }) => boolean;

/**
 * Writes the due index of `deck` (its states hold every entry of its log up to its log point)
 * for `cards`, which the caller vouches for as current (cards/freshness.ts). Only a speed-up
 * for `due`: a failure to write leaves no index. Returns whether it wrote.
 */
export function writeDueIndex(stateDir: string, deck: Pick<DeckState, 'name' | 'cardStates' | 'logPoint'>, { cardsFile, cardsStat, notesStamps, writtenHere }: IndexedCards): boolean {
  const states = deck.cardStates();
  const point = deck.logPoint();
  // States made in an order a fresh read would not make (LogPoint.outOfOrder): no cache from them.
  if (point.outOfOrder) return false;
  // A cards.json written a moment ago could be written again within the same tick of the file
  // system's clock, same size, unseen by its size and mtime: leave no index on a file that fresh
  // (real time, as files keep it), unless it is the file this process just renamed into place.
  // Then its inode tells it apart from any file put in its place after it: every writer of
  // cards.json renames a new file into place, and readDueIndex's check compares inodes.
  if (!writtenHere && isRacy([{ file: CARDS_FILE, ...cardsStat }], fileTimeNow())) return false;
  const dir = localDeckDir(stateDir, point.device, deck.name);
  const ownLog = deviceLogFile(stateDir, deck.name, point.device);
  let pointLine: string | null = null;
  let snapshotStat: DueIndexHead['snapshotStat'] = null;
  const others: NonNullable<DueIndexHead['others']> = [];
  try {
    if (point.seq > 0) {
      pointLine = withFile(ownLog, 'r', (fd) => lineEndingAt(fd, point.logBytes, readHeader(fd, ownLog))) ?? null;
      if (pointLine === null) return false;
    }
    const files = new Map(deviceLogFiles(stateDir, deck.name).map((log) => [log.device, log.file]));
    for (const other of point.others) {
      const file = files.get(other.device);
      if (file === undefined) return false;
      const line = other.seq === 0 ? null : (withFile(file, 'r', (fd) => lineEndingAt(fd, other.bytes, readHeader(fd, file))) ?? null);
      if (other.seq > 0 && line === null) return false;
      others.push({ ...other, pointLine: line });
    }
    const snapshot = statOrNull(join(dir, SNAPSHOT_FILE));
    snapshotStat = snapshot && { size: snapshot.size, mtimeMs: snapshot.mtimeMs };
  } catch {
    return false;
  }
  if (!LITTLE_ENDIAN) return false;
  const n = cardsFile.cards.length;
  const ids = Buffer.from(JSON.stringify(cardsFile.cards.map((card) => card.id)), 'utf8');
  const titles = Buffer.from(JSON.stringify(cardsFile.cards.map((card) => card.title)), 'utf8');
  const head: DueIndexHead = {
    schemaVersion: DUE_INDEX_VERSION,
    generator: cardsFile.generator,
    cardsStat: { size: cardsStat.size, mtimeMs: cardsStat.mtimeMs, ...(cardsStat.ino === undefined ? {} : { ino: cardsStat.ino }) },
    notesStamps: [...notesStamps],
    snapshotStat,
    seq: point.seq,
    logBytes: point.logBytes,
    pointLine,
    device: point.device,
    total: point.total,
    lastKey: point.lastKey,
    others,
    cards: n,
    idsBytes: ids.length,
    titlesBytes: titles.length,
  };
  const headBytes = Buffer.from(`${JSON.stringify(head)}\n`, 'utf8');
  const start = align8(headBytes.length);
  const out = Buffer.alloc(start + n * CARD_BYTES + ids.length + titles.length);
  headBytes.copy(out, 0);
  const columns = columnsIn(out, start, n);
  for (let i = 0; i < n; i++) {
    const state = states.get(cardsFile.cards[i]!.id);
    if (state === undefined) {
      columns.state[i] = NOT_ANSWERED;
      continue;
    }
    // Only states the columns give back exactly: a field of another kind (a hand-edited
    // snapshot) leaves no index, and the full read says what it makes of it.
    if (!setColumns(columns, i, state)) return false;
  }
  let offset = start + n * CARD_BYTES;
  offset += ids.copy(out, offset);
  titles.copy(out, offset);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomicSync(join(dir, DUE_INDEX_FILE), out);
    return true;
  } catch {
    return false; // `due` reads everything, as it would without an index
  }
}

/**
 * After a build that kept every card's id and title in its place (cards/incremental.ts): the
 * deck's due index made for the cards.json that build replaced (`was`), given a head that names
 * the new one (`now`). Its columns, ids and titles are those it holds, and its state facts
 * (snapshot, log points) as it recorded them, which readers check as ever; so `generate` leaves
 * an index without opening the deck's state. False, and nothing written, when this machine has
 * no index of this version for exactly `was` (its inode too), or the snapshot moved since the
 * index was left (the caller then writes one from the state).
 */
export function reheadDueIndex(stateDir: string, deck: string, was: FileStat, now: Omit<IndexedCards, 'cardsFile' | 'writtenHere'> & { generator: number }): boolean {
  let fd: number | null = null;
  try {
    const dir = localDeckDir(stateDir, thisDevice().name, deck);
    const file = join(dir, DUE_INDEX_FILE);
    // The head alone is read; the columns, ids and titles are copied through a small buffer.
    fd = openRegularFile(file);
    const size = fstatSync(fd).size;
    const line = readFirstLineOf(fd, MAX_HEAD_BYTES);
    if (line === null) return false;
    const parsed = parseIndexHead(line.toString('utf8'), line.length, size);
    if (!parsed) return false;
    const { head, start } = parsed;
    const made = head.cardsStat;
    if (head.device !== thisDevice().name || head.generator !== now.generator) return false;
    if (made.ino === undefined || made.ino !== was.ino || made.size !== was.size || made.mtimeMs !== was.mtimeMs) return false;
    const snapshot = statOrNull(join(dir, SNAPSHOT_FILE));
    const snapshotAsLeft = snapshot && head.snapshotStat ? snapshot.size === head.snapshotStat.size && snapshot.mtimeMs === head.snapshotStat.mtimeMs : snapshot === head.snapshotStat;
    if (!snapshotAsLeft) return false;
    const { cardsStat } = now;
    const renewed: DueIndexHead = {
      ...head,
      cardsStat: { size: cardsStat.size, mtimeMs: cardsStat.mtimeMs, ...(cardsStat.ino === undefined ? {} : { ino: cardsStat.ino }) },
      notesStamps: [...now.notesStamps],
    };
    const headBytes = Buffer.from(`${JSON.stringify(renewed)}\n`, 'utf8');
    writeFileAtomicSync(file, [headBytes, Buffer.alloc(align8(headBytes.length) - headBytes.length), { fd, from: start, to: size }]);
    return true;
  } catch {
    return false; // the caller writes one from the state, or leaves none
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The most read of a due index for its head line. */
const MAX_HEAD_BYTES = 1 << 20;

/** The first line of the file open as `fd`, without its newline; null when there is none within `max` bytes. */
function readFirstLineOf(fd: number, max: number): Buffer | null {
  let bytes = Buffer.allocUnsafe(1 << 12);
  let filled = 0;
  for (;;) {
    const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
    if (n === 0) return null;
    const newline = bytes.subarray(filled, filled + n).indexOf(10);
    if (newline >= 0) return bytes.subarray(0, filled + newline);
    filled += n;
    if (filled >= max) return null;
    if (filled === bytes.length) bytes = Buffer.concat([bytes, Buffer.allocUnsafe(bytes.length)]);
  }
}

/** The columns of `count` cards starting at byte `at` of `bytes` (8-aligned), as views into them. */
function columnsIn(bytes: Buffer, at: number, count: number): DueColumns {
  const columns = {} as DueColumns;
  let offset = bytes.byteOffset + at;
  for (const name of FLOAT_COLUMNS) {
    columns[name] = new Float64Array(bytes.buffer, offset, count);
    offset += count * 8;
  }
  for (const name of BYTE_COLUMNS) {
    columns[name] = new Uint8Array(bytes.buffer, offset, count);
    offset += count;
  }
  return columns;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);
const isTimeOrNull = (value: unknown): value is number | null => value === null || isNumber(value);

/**
 * Writes `state` into the columns at `i`; false (nothing to trust) when a field is not of the
 * kind the columns hold exactly: a number (never NaN), a time or null, a boolean, a state kind.
 */
function setColumns(columns: DueColumns, i: number, state: CardState): boolean {
  const kind: unknown = state.state;
  if (kind !== 0 && kind !== 1 && kind !== 2 && kind !== 3) return false;
  if (!isTimeOrNull(state.buriedUntil) || !isTimeOrNull(state.lastReview)) return false;
  if (typeof state.suspended !== 'boolean' || typeof state.leech !== 'boolean') return false;
  for (const name of FLOAT_COLUMNS) {
    if (name === 'buriedUntil' || name === 'lastReview') continue;
    if (!isNumber(state[name])) return false;
  }
  for (const name of FLOAT_COLUMNS) columns[name][i] = state[name] ?? NaN;
  columns.state[i] = kind;
  columns.suspended[i] = state.suspended ? 1 : 0;
  columns.leech[i] = state.leech ? 1 : 0;
  return true;
}

/** The state the columns hold at `i`, or undefined for a card never answered. */
export function stateInColumns(columns: DueColumns, i: number): CardState | undefined {
  const kind = columns.state[i]!;
  if (kind === NOT_ANSWERED) return undefined;
  if (kind > 3) throw new Error('the due index holds a state paperdeck does not write');
  const buriedUntil = columns.buriedUntil[i]!;
  const lastReview = columns.lastReview[i]!;
  return {
    due: columns.due[i]!,
    stability: columns.stability[i]!,
    difficulty: columns.difficulty[i]!,
    elapsedDays: columns.elapsedDays[i]!,
    scheduledDays: columns.scheduledDays[i]!,
    learningSteps: columns.learningSteps[i]!,
    reps: columns.reps[i]!,
    lapses: columns.lapses[i]!,
    state: kind as CardStateKind,
    lastReview: Number.isNaN(lastReview) ? null : lastReview,
    suspended: columns.suspended[i] === 1,
    buriedUntil: Number.isNaN(buriedUntil) ? null : buriedUntil,
    leech: columns.leech[i] === 1,
  };
}

/** Whether two states are the same in every field. */
function sameState(a: CardState | null | undefined, b: CardState | undefined): boolean {
  if (!a || !b) return a === b || (a === null && b === undefined);
  return (
    Object.is(a.due, b.due) &&
    Object.is(a.stability, b.stability) &&
    Object.is(a.difficulty, b.difficulty) &&
    Object.is(a.elapsedDays, b.elapsedDays) &&
    Object.is(a.scheduledDays, b.scheduledDays) &&
    Object.is(a.learningSteps, b.learningSteps) &&
    Object.is(a.reps, b.reps) &&
    Object.is(a.lapses, b.lapses) &&
    a.state === b.state &&
    a.lastReview === b.lastReview &&
    a.suspended === b.suspended &&
    a.buriedUntil === b.buriedUntil &&
    a.leech === b.leech
  );
}

/** Whether deck `deck` has a folder in the state (it was studied there): a due index may go in it. */
export function hasDeckState(stateDir: string, deck: string): boolean {
  return existsSync(deckStateDir(stateDir, deck));
}

/** A deck's cards as its due index holds them, brought up to the logs' ends: what `cards --json` reads. */
export interface IndexedDeck {
  /** How many cards, in note order. */
  length: number;
  /** The columns (every field of each card's state), as views into the index's bytes. */
  columns: DueColumns;
  ids(): string[];
  titles(): string[];
  /**
   * The ids and titles as the JSON text of safeJsonString, in the index's own bytes, none of them
   * decoded (core/sanitize.ts rawJsonStrings: string k of a list is [starts[k], starts[k + 1] - 1)
   * of `bytes`); null when a list holds text safeJson writes otherwise, or is damaged.
   */
  rawIdsAndTitles(): { bytes: Buffer; ids: Int32Array; titles: Int32Array } | null;
  /**
   * False when an entry past the index's point was made on a state other than the index's for
   * its card, in a deck with other machines' logs: a full read would merge it again
   * (store/merged-log.ts), so only the fields the queue reads are sure.
   */
  exact: boolean;
  /** Whether the own log ends in a torn line (readers note it). */
  torn: boolean;
  /** cards.json's size, mtime and inode (when recorded) as the index was made from it. */
  cardsStat: FileStat;
}

/**
 * The deck's cards and their states from its due index, as the columns it keeps them in, with
 * the log's end (today's entries); or null when the index cannot be used.
 */
export function readDueIndex(stateDir: string, deck: string, stillAsIndexed: CardsStillAsIndexed): { columns: QueueColumns; progress: LogTail; deck: IndexedDeck } | null {
  const read = readIndex(stateDir, deck, stillAsIndexed, 'all');
  return read && { columns: read.columns, progress: read.progress, deck: read.deck! };
}

/**
 * What `due` reads of the deck's due index: readDueIndex's queue and log's end, under the same
 * checks, from the four columns the queue reads (`due`, `buriedUntil`, `state`, `suspended`)
 * alone, some 180 KB of an index of 10,000 cards that holds 1.5 MB. The rest is read only if
 * answers past the index's point are to be replayed (a session killed before it left an index),
 * and the ids only if a card's id is asked for. Null when the index cannot be used.
 */
export function readDueQueue(stateDir: string, deck: string, stillAsIndexed: CardsStillAsIndexed): { columns: QueueColumns; progress: LogTail } | null {
  const read = readIndex(stateDir, deck, stillAsIndexed, 'queue');
  return read && { columns: read.columns, progress: read.progress };
}

/** The Float64 and Uint8 columns the queue reads of a card's state (QueueState), each a run of the file. */
const QUEUE_FLOAT_COLUMNS = ['due', 'buriedUntil'] as const;
const QUEUE_BYTE_COLUMNS = ['state', 'suspended'] as const;

/** The columns the queue reads, as views into the bytes read. */
type QueueOnlyColumns = Pick<DueColumns, (typeof QUEUE_FLOAT_COLUMNS)[number] | (typeof QUEUE_BYTE_COLUMNS)[number]>;

/**
 * The index file as opened: ranges of it are read through its descriptor while it is open, and
 * after (the ids of a queue read only: a card's id asked for later) from the file at that path
 * if it is still the same file (inode, size and mtime), else an error.
 */
class IndexFile {
  private fd: number | null;
  readonly size: number;
  private readonly stat: { ino: number; size: number; mtimeMs: number };

  constructor(private readonly path: string) {
    this.fd = openRegularFile(path);
    try {
      const { ino, size, mtimeMs } = fstatSync(this.fd);
      this.stat = { ino, size, mtimeMs };
      this.size = size;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** The first line, without its newline; null when the file has none. */
  firstLine(): Buffer | null {
    return readFirstLineOf(this.fd!, this.size);
  }

  /** Bytes [from, to) in a buffer of their own, which starts 8-aligned. */
  read(from: number, to: number): Buffer {
    if (this.fd !== null) return readRange(this.fd, from, to);
    const fd = openRegularFile(this.path);
    try {
      const { ino, size, mtimeMs } = fstatSync(fd);
      if (ino !== this.stat.ino || size !== this.stat.size || mtimeMs !== this.stat.mtimeMs) throw new Error('the due index was replaced while it was read');
      return readRange(fd, from, to);
    } finally {
      closeSync(fd);
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Bytes [from, to) of the file open as `fd`, in a buffer of their own (not from the pool: it starts 8-aligned); an error if the file ends before. */
function readRange(fd: number, from: number, to: number): Buffer {
  const bytes = Buffer.allocUnsafeSlow(to - from);
  let filled = 0;
  while (filled < bytes.length) {
    const n = readSync(fd, bytes, filled, bytes.length - filled, from + filled);
    if (n === 0) throw new Error('the due index is shorter than it says');
    filled += n;
  }
  return bytes;
}

function readIndex(
  stateDir: string,
  deck: string,
  stillAsIndexed: CardsStillAsIndexed,
  need: 'queue' | 'all',
): { columns: QueueColumns; progress: LogTail; deck: IndexedDeck | null } | null {
  let file: IndexFile | null = null;
  try {
    const device = thisDevice().name;
    const dir = localDeckDir(stateDir, device, deck);
    const indexFile = join(dir, DUE_INDEX_FILE);
    if (!existsSync(indexFile)) return null;
    // Bounded and non-blocking: any trouble leaves `due` to the full read (read-file.ts).
    file = new IndexFile(indexFile);
    if (file.size > MAX_DATA_FILE_BYTES) return null;
    const line = file.firstLine();
    if (line === null) return null;
    const layout = parseIndexHead(line.toString('utf8'), line.length, file.size);
    if (!layout || !stillAsIndexed(layout.head)) return null;
    const doc = layout.head;
    const snapshot = statOrNull(join(dir, SNAPSHOT_FILE));
    const snapshotAsLeft = snapshot && doc.snapshotStat ? snapshot.size === doc.snapshotStat.size && snapshot.mtimeMs === doc.snapshotStat.mtimeMs : snapshot === doc.snapshotStat;
    if (!snapshotAsLeft) return null;
    if (doc.device !== device) return null;
    const index = need === 'all' ? wholeIndex(file.read(0, file.size), layout) : queueIndex(file, layout);
    return fromIndex(index, stateDir, deck, need);
  } catch {
    return null; // a damaged log or index: the full read says what is wrong
  } finally {
    file?.close();
  }
}

/** A JSON list of `count` strings, or an error naming what it should have been. */
function stringList(text: string, count: number, what: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || parsed.length !== count || !parsed.every((item) => typeof item === 'string')) throw new Error(`the due index's ${what} are damaged`);
  return parsed as string[];
}

/**
 * The index's head line (`newline` its length), if it is one of this version and says the file
 * is `size` bytes long; with where the columns, the ids and the titles start.
 */
function parseIndexHead(line: string, newline: number, size: number): IndexLayout | null {
  if (!LITTLE_ENDIAN) return null;
  const head: unknown = JSON.parse(line);
  if (!isJsonObject(head) || head.schemaVersion !== DUE_INDEX_VERSION) return null;
  const { seq, logBytes, cardsStat, notesStamps, pointLine, cards: n, idsBytes, titlesBytes } = head;
  if (!Number.isInteger(seq) || !Number.isInteger(logBytes) || !isJsonObject(cardsStat) || !Array.isArray(notesStamps)) return null;
  if ((seq as number) > 0 && typeof pointLine !== 'string') return null;
  for (const count of [n, idsBytes, titlesBytes]) if (!Number.isSafeInteger(count) || (count as number) < 0) return null;
  const start = align8(newline + 1);
  const idsStart = start + (n as number) * CARD_BYTES;
  const titlesStart = idsStart + (idsBytes as number);
  if (size !== titlesStart + (titlesBytes as number)) return null;
  return { head: head as unknown as DueIndexHead, start, idsStart, titlesStart };
}

/** Where the parts of an index file are: its head, then its columns, ids and titles from these bytes on. */
interface IndexLayout {
  head: DueIndexHead;
  start: number;
  idsStart: number;
  titlesStart: number;
}

/** An index as read: the queue's columns at once, the rest when asked for. */
interface ReadIndex {
  head: DueIndexHead;
  queue: QueueOnlyColumns;
  /** Every column: those of `queue`, in the same bytes, and the others (read now, for a queue read). */
  whole(): DueColumns;
  ids(): string[];
  titles(): string[];
  rawIdsAndTitles: IndexedDeck['rawIdsAndTitles'];
}

/** An index read whole: `bytes` are the file's. */
function wholeIndex(bytes: Buffer, { head, start, idsStart, titlesStart }: IndexLayout): ReadIndex {
  const count = head.cards;
  // Views into the bytes read, where they sit at an address the columns can start at; else one aligned copy.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(new Uint8Array(bytes));
  const columns = columnsIn(aligned, start, count);
  let ids: string[] | null = null;
  let titles: string[] | null = null;
  return {
    head,
    queue: columns,
    whole: () => columns,
    ids: () => (ids ??= stringList(aligned.toString('utf8', idsStart, titlesStart), count, 'card ids')),
    titles: () => (titles ??= stringList(aligned.toString('utf8', titlesStart, aligned.length), count, 'titles')),
    rawIdsAndTitles: () => {
      const idStarts = rawJsonStrings(aligned, idsStart, titlesStart, count);
      const titleStarts = idStarts && rawJsonStrings(aligned, titlesStart, aligned.length, count);
      return titleStarts ? { bytes: aligned, ids: idStarts!, titles: titleStarts } : null;
    },
  };
}

/**
 * An index read for the queue: the runs of its `due` and `buriedUntil` columns (the first two)
 * and of `state` and `suspended` (the first two byte columns); every column when answers are to
 * be replayed into them (`whole`, while the file is open), the ids when asked for.
 */
function queueIndex(file: IndexFile, layout: IndexLayout): ReadIndex {
  const { head, start, idsStart, titlesStart } = layout;
  const count = head.cards;
  const bytesStart = start + FLOAT_COLUMNS.length * 8 * count;
  const floats = file.read(start, start + QUEUE_FLOAT_COLUMNS.length * 8 * count);
  const flags = file.read(bytesStart, bytesStart + QUEUE_BYTE_COLUMNS.length * count);
  const queue = {} as QueueOnlyColumns;
  QUEUE_FLOAT_COLUMNS.forEach((name, k) => (queue[name] = new Float64Array(floats.buffer, floats.byteOffset + k * 8 * count, count)));
  QUEUE_BYTE_COLUMNS.forEach((name, k) => (queue[name] = new Uint8Array(flags.buffer, flags.byteOffset + k * count, count)));
  let whole: DueColumns | null = null;
  let ids: string[] | null = null;
  return {
    head,
    queue,
    whole: () => (whole ??= columnsIn(file.read(0, idsStart), start, count)),
    ids: () => (ids ??= stringList(file.read(idsStart, titlesStart).toString('utf8'), count, 'card ids')),
    titles: () => stringList(file.read(titlesStart, file.size).toString('utf8'), count, 'titles'),
    rawIdsAndTitles: () => null,
  };
}

/**
 * The index's states brought up to the logs' ends, with what today's entries are read from. Only
 * the own log may have grown since (a session killed before it left a new index): its entries
 * were made on the states the index holds. Another device's entries past the index's point mean
 * a full read, which merges them (merged-log.ts).
 */
function fromIndex(index: ReadIndex, stateDir: string, deck: string, need: 'queue' | 'all'): { columns: QueueColumns; progress: LogTail; deck: IndexedDeck | null } {
  const { head: doc, ids } = index;
  // What the queue reads: the queue's columns until an entry is replayed, then every column.
  let stored: QueueOnlyColumns = index.queue;
  // The index's columns, read where they lie: `due` on 10,000 cards makes no object a card (the
  // entries replayed below are written into them), and parses the ids only to find or name one.
  // One state object, refilled at each call.
  const shown: QueueState = { state: 0, due: 0, suspended: false, buriedUntil: null };
  const columns: QueueColumns = {
    length: doc.cards,
    // The card the queue would show: its id is looked up (the ids parsed) only if asked for,
    // which `due`, counting, never does.
    cardAt: (i): QueueCard => ({
      get id() {
        return ids()[i]!;
      },
    }),
    idAt: (i) => ids()[i]!,
    stateAt: (i) => {
      const kind = stored.state[i]!;
      if (kind === NOT_ANSWERED) return undefined;
      if (kind > 3) throw new Error('the due index holds a state paperdeck does not write');
      shown.state = kind as CardStateKind;
      shown.due = stored.due[i]!;
      shown.suspended = stored.suspended[i] === 1;
      const buriedUntil = stored.buriedUntil[i]!;
      shown.buriedUntil = Number.isNaN(buriedUntil) ? null : buriedUntil;
      return shown;
    },
    // The columns themselves, for walkQueue's loop.
    arrays: () => stored,
  };
  let positions: Map<string, number> | null = null;
  let exact = true;
  /** A card's state as an entry past the index's point left it (a card no longer in the deck is not counted). */
  const setState = (entry: LogEntry, merging: boolean) => {
    positions ??= new Map(ids().map((id, i) => [id, i]));
    const i = positions.get(entry.card);
    if (i === undefined) return;
    const all = index.whole();
    stored = all;
    // Among other machines' entries, one made on another state is merged again by a full read.
    if (merging && !sameState(entry.before, stateInColumns(all, i))) exact = false;
    if (!setColumns(all, i, entry.after)) throw new LogCorruption('an entry holds a state the index cannot');
  };
  const indexedDeck = (torn: boolean): IndexedDeck | null =>
    need === 'all' ? { length: doc.cards, columns: index.whole(), ids, titles: index.titles, rawIdsAndTitles: index.rawIdsAndTitles, exact, torn, cardsStat: doc.cardsStat } : null;
  const device = doc.device!;
  const logFile = deviceLogFile(stateDir, deck, device);
  const recorded = new Map((doc.others ?? []).map((other) => [other.device, other]));
  const others: ReadLog[] = [];
  for (const log of deviceLogFiles(stateDir, deck)) {
    if (log.file === logFile) continue;
    const point = recorded.get(log.device) ?? { device: log.device, seq: 0, bytes: 0, pointLine: null };
    recorded.delete(log.device);
    others.push(
      withFile(log.file, 'r', (fd) => {
        if (headerStillArriving(fd)) {
          if (point.seq > 0) throw new LogCorruption('not the log the index was made from');
          return { device: log.device, file: log.file, headerBytes: 0, end: 0, count: 0 };
        }
        const header = readHeader(fd, log.file);
        if (point.seq > 0 && (point.bytes > fileSize(fd) || lineEndingAt(fd, point.bytes, header) !== point.pointLine)) {
          throw new LogCorruption('not the log the index was made from');
        }
        // Only a last line still arriving may follow the point: a whole entry is news.
        const from = point.seq > 0 ? point.bytes : header;
        const { lastSeq } = drain(scanEntryBatches(fd, from, point.seq));
        if (lastSeq !== point.seq) throw new LogCorruption('another device has answered since the index');
        return { device: log.device, file: log.file, headerBytes: header, end: from, count: point.seq };
      }),
    );
  }
  for (const gone of recorded.values()) if (gone.seq > 0) throw new LogCorruption('a log the index merged is gone');
  const total = doc.total ?? doc.seq;
  if (others.length === 0 && total !== doc.seq) throw new LogCorruption('a log the index merged is gone');
  if (!existsSync(logFile)) {
    if (doc.seq !== 0) throw new LogCorruption('the log is gone');
    const tail = (seq: number): LogEntry[] => (others.length ? mergedTail(others, total, total - seq) : []);
    return { columns, progress: { lastSeq: () => total, entriesSince: tail }, deck: indexedDeck(false) };
  }
  const { headerBytes, lastSeq, goodEnd, torn } = withFile(logFile, 'r', (fd) => {
    const header = readHeader(fd, logFile);
    // The whole entry at the point, not only its number: another log's entry there would
    // carry another time or card.
    if (doc.seq > 0 && (doc.logBytes > fileSize(fd) || lineEndingAt(fd, doc.logBytes, header) !== doc.pointLine)) {
      throw new LogCorruption('not the log the index was made from');
    }
    const from = doc.seq > 0 ? doc.logBytes : header;
    let latest = doc.lastKey ?? null;
    const { lastSeq, goodEnd, torn } = drain(scanEntryBatches(fd, from, doc.seq), (batch) => {
      for (const entry of batch) {
        // An entry merging before what the index holds (a clock set back): a full read orders it.
        if (others.length > 0 && !isAfter(entry, device, latest)) throw new LogCorruption('an entry merges before the index');
        latest = { at: entry.at, device, seq: entry.seq };
        setState(entry, others.length > 0);
      }
    });
    return { headerBytes: header, lastSeq, goodEnd, torn: torn !== null };
  });
  const merged = total + (lastSeq - doc.seq);
  const entriesSince = (seq: number): LogEntry[] => {
    if (others.length > 0) {
      return mergedTail([{ device, file: logFile, headerBytes, end: goodEnd, count: lastSeq }, ...others], merged, merged - seq);
    }
    const entries = withFile(logFile, 'r', (fd) => lastEntries(fd, goodEnd, headerBytes, lastSeq - seq));
    // As DeckState checks it: the entries must start right after `seq`.
    if (entries.length > 0 && entries[0]!.seq !== seq + 1) throw new LogCorruption(`entry ${seq + 1} is missing near its end`);
    return entries;
  };
  return { columns, progress: { lastSeq: () => merged, entriesSince }, deck: indexedDeck(torn) };
}

function statOrNull(file: string): { size: number; mtimeMs: number } | null {
  try {
    const info = statSync(file);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
