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
// Layout (schema 2): one line of JSON (DueIndexHead), a newline, zero bytes up to a multiple of
// 8, then the columns, each `cards` long, little-endian: `due` and `buriedUntil` (Float64, NaN
// for none), `state` (Uint8, NOT_ANSWERED for a card never answered) and `suspended` (Uint8, 0
// or 1); then the card ids as one JSON list of `idsBytes` bytes. `due` reads the columns where
// they lie in the bytes read, and the ids only when it needs them: nothing is parsed a card.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileTimeNow } from '../core/clock.js';
import type { CardStateKind, CardsFile, LogEntry, NotesStamp } from '../core/types.js';
import type { QueueCard, QueueColumns, QueueState } from '../schedule/queue.js';
import type { LogTail } from '../schedule/log-window.js';
import { writeFileAtomicSync } from './atomic-file.js';
import { MAX_DATA_FILE_BYTES, readRegularFile } from './read-file.js';
import type { DeckState } from './deck-state.js';
import { CARDS_FILE, isRacy, type FileStat } from './decks.js';
import { DUE_INDEX_FILE, SNAPSHOT_FILE, deckStateDir, deviceLogFile, localDeckDir } from './layout.js';
import { thisDevice } from './device.js';
import { deviceLogFiles, isAfter, mergedTail, type MergeKey, type ReadLog } from './merged-log.js';
import { drain, fileSize, headerStillArriving, lastEntries, lineEndingAt, LogCorruption, readHeader, scanEntryBatches, withFile } from './review-log.js';
import { isJsonObject } from './schema.js';

const DUE_INDEX_VERSION = 2;

/** `state` of a card never answered. */
const NOT_ANSWERED = 255;

/** Bytes a card takes in the columns: due and buriedUntil (8 each), state and suspended (1 each). */
const CARD_BYTES = 18;

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
  /** How many cards the columns hold, and the length in bytes of the ids' JSON after them. */
  cards: number;
  idsBytes: number;
}

/** The columns, one entry a card in note order, as views into the index's bytes. */
interface DueColumns {
  due: Float64Array;
  /** NaN: not buried. */
  buriedUntil: Float64Array;
  /** A CardStateKind, or NOT_ANSWERED. */
  state: Uint8Array;
  /** 1: suspended. */
  suspended: Uint8Array;
}

/** What an index is made from: cards.json as read, and the notes stamps it was checked against. */
export interface IndexedCards {
  /** Its generator and its cards' ids, in note order. */
  cardsFile: Pick<CardsFile, 'generator'> & { cards: readonly { id: string }[] };
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
  };
  const headBytes = Buffer.from(`${JSON.stringify(head)}\n`, 'utf8');
  const start = align8(headBytes.length);
  const columns = {
    due: new Float64Array(n),
    buriedUntil: new Float64Array(n),
    state: new Uint8Array(n),
    suspended: new Uint8Array(n),
  } satisfies DueColumns;
  cardsFile.cards.forEach((card, i) => {
    const state = states.get(card.id);
    columns.due[i] = state ? state.due : 0;
    columns.buriedUntil[i] = state?.buriedUntil ?? NaN;
    columns.state[i] = state ? state.state : NOT_ANSWERED;
    columns.suspended[i] = state?.suspended ? 1 : 0;
  });
  const out = Buffer.alloc(start + n * CARD_BYTES + ids.length);
  headBytes.copy(out, 0);
  let offset = start;
  for (const array of [columns.due, columns.buriedUntil, columns.state, columns.suspended]) {
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    bytes.copy(out, offset);
    offset += bytes.length;
  }
  ids.copy(out, offset);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomicSync(join(dir, DUE_INDEX_FILE), out);
    return true;
  } catch {
    return false; // `due` reads everything, as it would without an index
  }
}

/** Whether deck `deck` has a folder in the state (it was studied there): a due index may go in it. */
export function hasDeckState(stateDir: string, deck: string): boolean {
  return existsSync(deckStateDir(stateDir, deck));
}

/**
 * The deck's cards and their states from its due index, as the columns it keeps them in, with
 * the log's end (today's entries); or null when the index cannot be used.
 */
export function readDueIndex(stateDir: string, deck: string, stillAsIndexed: CardsStillAsIndexed): { columns: QueueColumns; progress: LogTail } | null {
  try {
    const device = thisDevice().name;
    const dir = localDeckDir(stateDir, device, deck);
    const indexFile = join(dir, DUE_INDEX_FILE);
    if (!existsSync(indexFile)) return null;
    // Bounded and non-blocking: any trouble leaves `due` to the full read (read-file.ts).
    const bytes = readRegularFile(indexFile, MAX_DATA_FILE_BYTES);
    if (bytes === null) return null;
    const index = parseIndex(bytes);
    if (!index || !stillAsIndexed(index.head)) return null;
    const doc = index.head;
    const snapshot = statOrNull(join(dir, SNAPSHOT_FILE));
    const snapshotAsLeft = snapshot && doc.snapshotStat ? snapshot.size === doc.snapshotStat.size && snapshot.mtimeMs === doc.snapshotStat.mtimeMs : snapshot === doc.snapshotStat;
    if (!snapshotAsLeft) return null;
    if (doc.device !== device) return null;
    return fromIndex(index, stateDir, deck);
  } catch {
    return null; // a damaged log or index: the full read says what is wrong
  }
}

/** The head and columns of an index file's bytes, or null when they are not an index of this version; the ids are left to `ids`. */
function parseIndex(bytes: Buffer): { head: DueIndexHead; columns: DueColumns; ids: () => string[] } | null {
  if (!LITTLE_ENDIAN) return null;
  const newline = bytes.indexOf(10);
  if (newline < 0) return null;
  const head: unknown = JSON.parse(bytes.toString('utf8', 0, newline));
  if (!isJsonObject(head) || head.schemaVersion !== DUE_INDEX_VERSION) return null;
  const { seq, logBytes, cardsStat, notesStamps, pointLine, cards: n, idsBytes } = head;
  if (!Number.isInteger(seq) || !Number.isInteger(logBytes) || !isJsonObject(cardsStat) || !Array.isArray(notesStamps)) return null;
  if ((seq as number) > 0 && typeof pointLine !== 'string') return null;
  if (!Number.isSafeInteger(n) || (n as number) < 0 || !Number.isSafeInteger(idsBytes) || (idsBytes as number) < 0) return null;
  const count = n as number;
  const start = align8(newline + 1);
  const idsStart = start + count * CARD_BYTES;
  if (bytes.length !== idsStart + (idsBytes as number)) return null;
  // Views into the bytes read, where they sit at an address the columns can start at; else one aligned copy.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(new Uint8Array(bytes));
  const at = aligned.byteOffset + start;
  const columns: DueColumns = {
    due: new Float64Array(aligned.buffer, at, count),
    buriedUntil: new Float64Array(aligned.buffer, at + count * 8, count),
    state: new Uint8Array(aligned.buffer, at + count * 16, count),
    suspended: new Uint8Array(aligned.buffer, at + count * 17, count),
  };
  let ids: string[] | null = null;
  const idsOf = (): string[] => {
    if (ids) return ids;
    const parsed: unknown = JSON.parse(aligned.toString('utf8', idsStart, aligned.length));
    if (!Array.isArray(parsed) || parsed.length !== count || !parsed.every((id) => typeof id === 'string')) throw new Error('the due index\'s card ids are damaged');
    return (ids = parsed as string[]);
  };
  return { head: head as unknown as DueIndexHead, columns, ids: idsOf };
}

/**
 * The index's states brought up to the logs' ends, with what today's entries are read from. Only
 * the own log may have grown since (a session killed before it left a new index): its entries
 * were made on the states the index holds. Another device's entries past the index's point mean
 * a full read, which merges them (merged-log.ts).
 */
function fromIndex(index: NonNullable<ReturnType<typeof parseIndex>>, stateDir: string, deck: string): { columns: QueueColumns; progress: LogTail } {
  const { head: doc, columns: stored, ids } = index;
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
  };
  let positions: Map<string, number> | null = null;
  /** A card's state as an entry past the index's point left it (a card no longer in the deck is not counted). */
  const setState = (card: string, after: QueueState) => {
    positions ??= new Map(ids().map((id, i) => [id, i]));
    const i = positions.get(card);
    if (i === undefined) return;
    stored.state[i] = after.state;
    stored.due[i] = after.due;
    stored.suspended[i] = after.suspended ? 1 : 0;
    stored.buriedUntil[i] = after.buriedUntil ?? NaN;
  };
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
    return { columns, progress: { lastSeq: () => total, entriesSince: tail } };
  }
  const { headerBytes, lastSeq, goodEnd } = withFile(logFile, 'r', (fd) => {
    const header = readHeader(fd, logFile);
    // The whole entry at the point, not only its number: another log's entry there would
    // carry another time or card.
    if (doc.seq > 0 && (doc.logBytes > fileSize(fd) || lineEndingAt(fd, doc.logBytes, header) !== doc.pointLine)) {
      throw new LogCorruption('not the log the index was made from');
    }
    const from = doc.seq > 0 ? doc.logBytes : header;
    let latest = doc.lastKey ?? null;
    const { lastSeq, goodEnd } = drain(scanEntryBatches(fd, from, doc.seq), (batch) => {
      for (const entry of batch) {
        // An entry merging before what the index holds (a clock set back): a full read orders it.
        if (others.length > 0 && !isAfter(entry, device, latest)) throw new LogCorruption('an entry merges before the index');
        latest = { at: entry.at, device, seq: entry.seq };
        setState(entry.card, entry.after);
      }
    });
    return { headerBytes: header, lastSeq, goodEnd };
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
  return { columns, progress: { lastSeq: () => merged, entriesSince } };
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
