// Automatic backups of the state, taken once per local day when a writer opens it.
//
// Settings and each deck's snapshot are small, so every backup gets whole copies of them in
// backups/<stamp>/, and only the newest few of those folders are kept. The review logs are large
// (~117 MB at 200,000 reviews) but append-only, so each deck's log has ONE backup copy,
// backups/logs/<deck>.ndjson, which every backup brings up to date by appending only the bytes
// added since the last one: a day's backup costs what the day added, not the whole history.
// Each dated folder records in backup.json how far the log copies reached when it was taken
// (bytes and entry number), and says in RESTORE.txt how to put the state back from it.
//
// A log copy is only ever extended with whole, well-formed entries that continue it, and only
// after checking that it is still a byte prefix of the live log (not longer, and the same first
// and last 64 KiB as the live log over that range). Bytes already backed up are never rewritten
// from the live log, so a live log damaged after its backup cannot spoil the copy. When the copy
// is not a prefix any more (the live log was cut back or replaced, or the copy was damaged), it is
// replaced by a fresh whole copy, but only when the live log reads clean from end to end; the
// displaced copy is kept in backups/logs/replaced-<stamp>/ while dated backups older than it last.
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import { localDayKey } from '../schedule/days.js';
import { fsyncDir, writeAll, writeFileAtomicSync } from './atomic-file.js';
import {
  BACKUPS_DIR,
  BACKUP_LOGS_DIR,
  DECKS_DIR,
  DEVICE_LOGS_DIR,
  DEVICE_SETTINGS_DIR,
  LOCAL_DIR,
  LOG_FILE,
  SETTINGS_FILE,
  SNAPSHOT_FILE,
  DUE_INDEX_FILE,
  fileStamp,
  parseFileStamp,
} from './layout.js';

/**
 * What one machine backs up, and where. A machine sharing the state folder backs up what it
 * writes (its own logs and settings changes, its snapshots) into its own `local/<device>/backups/`:
 * the other machines back up theirs, and no backup file is written by two machines. Without a
 * device, the layout from before devices (`backups/`, `log.ndjson`, `settings.json`).
 */
export interface BackupPlaces {
  stateDir: string;
  /** Holds `backups/` and the snapshots (`decks/<deck>/snapshot.json`). */
  root: string;
  /** The live log of `deck` that this machine writes. */
  logFile(deck: string): string;
  settingsFile: string;
}

export function backupPlaces(stateDir: string, device?: string): BackupPlaces {
  if (device === undefined) {
    return { stateDir, root: stateDir, logFile: (deck) => join(stateDir, DECKS_DIR, deck, LOG_FILE), settingsFile: join(stateDir, SETTINGS_FILE) };
  }
  return {
    stateDir,
    root: join(stateDir, LOCAL_DIR, device),
    logFile: (deck) => join(stateDir, DECKS_DIR, deck, DEVICE_LOGS_DIR, `${device}.ndjson`),
    settingsFile: join(stateDir, DEVICE_SETTINGS_DIR, `${device}.json`),
  };
}

/** Where the backups of `file` (a state file) are kept, and, for a review log, its deck's snapshot. */
export function backupsOfFile(stateDir: string, file: string): { backupsDir: string; snapshotOfLog?: string } {
  const { places, isLog, deck } = placesOfFile(stateDir, file);
  return { backupsDir: join(places.root, BACKUPS_DIR), ...(isLog ? { snapshotOfLog: join(places.root, DECKS_DIR, deck!, SNAPSHOT_FILE) } : {}) };
}

/** The places a state file belongs to: its device's (by where it is), or the layout from before devices. */
function placesOfFile(stateDir: string, file: string): { places: BackupPlaces; rel: string; isLog: boolean; deck?: string } {
  const parts = relative(stateDir, file).split(sep);
  if (parts.length === 4 && parts[0] === DECKS_DIR && parts[2] === DEVICE_LOGS_DIR && parts[3]!.endsWith('.ndjson')) {
    return { places: backupPlaces(stateDir, parts[3]!.slice(0, -'.ndjson'.length)), rel: '', isLog: true, deck: parts[1]! };
  }
  if (parts.length === 2 && parts[0] === DEVICE_SETTINGS_DIR && parts[1]!.endsWith('.json')) {
    return { places: backupPlaces(stateDir, parts[1]!.slice(0, -'.json'.length)), rel: SETTINGS_FILE, isLog: false };
  }
  if (parts.length > 2 && parts[0] === LOCAL_DIR) {
    return { places: backupPlaces(stateDir, parts[1]!), rel: parts.slice(2).join(sep), isLog: false };
  }
  const isLog = parts.length === 3 && parts[0] === DECKS_DIR && parts[2] === LOG_FILE;
  return { places: backupPlaces(stateDir), rel: parts.join(sep), isLog, ...(isLog ? { deck: parts[1]! } : {}) };
}
import { MAX_DATA_FILE_BYTES, readRegularFile } from './read-file.js';
import { LogCorruption, drain, fileSize, lineEndingAt, readAt, readHeader, scanEntryBatches, withFile } from './review-log.js';

export const BACKUPS_KEPT = 5;
/** In each dated backup: how far each deck's log copy reached when it was taken. */
export const BACKUP_MANIFEST_FILE = 'backup.json';
/** In each dated backup: how to put the state back from it, in words and shell commands. */
export const RESTORE_FILE = 'RESTORE.txt';
/** How much of a log copy's start and end must equal the live log's for it to count as a prefix. */
const PREFIX_CHECK_BYTES = 64 * 1024;
const COPY_CHUNK_BYTES = 1 << 20;
const REPLACED_PREFIX = 'replaced-';

/** The one backup copy of a deck's review log. */
export function logCopyPath(stateDir: string, deck: string): string {
  return join(stateDir, BACKUPS_DIR, BACKUP_LOGS_DIR, `${deck}.ndjson`);
}

/** The finished dated backups, oldest first (unfinished ones are hidden dot-folders). */
export function listBackups(stateDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(stateDir, BACKUPS_DIR));
  } catch {
    return [];
  }
  return names.filter((name) => !Number.isNaN(parseFileStamp(name))).sort();
}

export interface BackupCopy {
  /** The backup copy of the file. */
  path: string;
  /** For a review log: the seq of the copy's last entry, when it can be read. */
  lastSeq?: number;
}

/**
 * The backup copy to restore `file` (a path inside the state folder) from, if any: for a deck's
 * review log its copy in backups/logs/ (or, from before those existed, the newest dated backup
 * holding a whole copy), for anything else the newest dated backup holding a copy.
 */
export function backupCopyOf(stateDir: string, file: string): BackupCopy | undefined {
  const { places, rel, isLog, deck } = placesOfFile(stateDir, file);
  const root = places.root;
  let path: string | undefined;
  if (isLog && existsSync(logCopyPath(root, deck!))) path = logCopyPath(root, deck!);
  for (const name of listBackups(root).reverse()) {
    if (path || rel === '') break;
    const candidate = join(root, BACKUPS_DIR, name, rel);
    if (existsSync(candidate)) path = candidate;
  }
  if (!path) return undefined;
  return isLog ? { path, lastSeq: lastSeqOf(path) } : { path };
}

/** The seq of the last entry of a log file, 0 for a header alone, undefined when unreadable. */
function lastSeqOf(logFile: string): number | undefined {
  try {
    return withFile(logFile, 'r', (fd) => {
      const copy = examineLogEnd(fd, logFile);
      return typeof copy === 'string' ? undefined : copy.seq;
    });
  } catch {
    return undefined;
  }
}

/** How far a log file holds whole entries: its size and last seq, or why it does not end well. */
function examineLogEnd(fd: number, file: string): { bytes: number; seq: number } | string {
  let headerBytes: number;
  try {
    headerBytes = readHeader(fd, file);
  } catch (error) {
    if (error instanceof LogCorruption || error instanceof UserError) return 'its header is not one this paperdeck reads';
    throw error;
  }
  const bytes = fileSize(fd);
  if (bytes === headerBytes) return { bytes, seq: 0 };
  const line = lineEndingAt(fd, bytes, headerBytes);
  const seq = line === undefined ? undefined : seqOfLine(line);
  if (seq === undefined) return 'it does not end with a whole entry';
  return { bytes, seq };
}

function seqOfLine(line: string): number | undefined {
  try {
    const seq = (JSON.parse(line) as { seq?: unknown }).seq;
    return typeof seq === 'number' && Number.isInteger(seq) ? seq : undefined;
  } catch {
    return undefined;
  }
}

function isJsonFile(file: string): boolean {
  try {
    // Bounded and non-blocking: a FIFO or device is not a file to back up (read-file.ts).
    const bytes = readRegularFile(file, MAX_DATA_FILE_BYTES);
    if (bytes === null) return false;
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function copyDurably(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  // A reflink where the file system has them (btrfs, xfs, APFS): instant and shares blocks.
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
  const fd = openSync(to, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What one backup did to a deck's log copy. */
export interface LogCopyReport {
  deck: string;
  /**
   * created: the first copy; extended: the new entries were appended; unchanged: nothing new;
   * replaced: the copy was no longer a prefix of the live log, so it was copied afresh;
   * kept: the live log is damaged (its header, or somewhere the copy no longer matches it), so
   * the copy was left as it was.
   */
  action: 'created' | 'extended' | 'unchanged' | 'replaced' | 'kept';
  /** The copy's length and last entry after this backup (0 and 0 when there is no copy). */
  bytes: number;
  seq: number;
  /** Why the live log could not be copied (or not all of it). */
  problem?: string;
  /** For `replaced`: where the displaced copy was moved. */
  displaced?: string;
}

export interface BackupReport {
  /** The new dated backup folder. */
  folder: string;
  logs: LogCopyReport[];
}

/**
 * Where the whole, well-formed entries of the live log end, reading from byte `from` (just past
 * entry `afterSeq`). A torn last line (a crash's leftover, which the writer sets aside) is left
 * out; damage further on stops the copy at the last good entry before it.
 */
function wholeEntriesEnd(liveFd: number, from: number, afterSeq: number): { end: number; seq: number; problem?: string } {
  try {
    const { goodEnd, lastSeq } = drain(scanEntryBatches(liveFd, from, afterSeq));
    return { end: goodEnd, seq: lastSeq };
  } catch (error) {
    if (error instanceof LogCorruption) {
      return { end: error.validEnd ?? from, seq: error.validSeq ?? afterSeq, problem: error.message };
    }
    throw error;
  }
}

/** Why the copy is not a byte prefix of the live log ending with a whole entry, or where it ends. */
function copyAsPrefix(copyFd: number, copyFile: string, liveFd: number): { bytes: number; seq: number } | string {
  const copySize = fileSize(copyFd);
  const liveSize = fileSize(liveFd);
  if (copySize > liveSize) return `it is longer (${copySize} bytes) than the live log (${liveSize} bytes)`;
  const head = Math.min(copySize, PREFIX_CHECK_BYTES);
  if (!readAt(copyFd, 0, head).equals(readAt(liveFd, 0, head))) return 'its start differs from the live log';
  const tailStart = copySize - Math.min(copySize, PREFIX_CHECK_BYTES);
  if (!readAt(copyFd, tailStart, copySize - tailStart).equals(readAt(liveFd, tailStart, copySize - tailStart))) {
    return 'its end differs from the live log over the same bytes';
  }
  return examineLogEnd(copyFd, copyFile);
}

/** Appends bytes [from, to) of the live log to the copy and fsyncs it. */
function appendToCopy(liveFd: number, copyFile: string, from: number, to: number): void {
  withFile(copyFile, 'a', (fd) => {
    for (let position = from; position < to; ) {
      const chunk = readAt(liveFd, position, Math.min(COPY_CHUNK_BYTES, to - position));
      if (chunk.length === 0) throw new Error(`${copyFile}: the live log shrank while it was being backed up`);
      writeAll(fd, chunk);
      position += chunk.length;
    }
    fsyncSync(fd);
  });
}

/** Replaces the copy, atomically, with the first `end` bytes of the live log. */
function writeFreshCopy(liveFile: string, copyFile: string, end: number): void {
  const tmp = join(dirname(copyFile), `.${basename(copyFile)}.tmp-${process.pid}`);
  try {
    copyFileSync(liveFile, tmp, constants.COPYFILE_FICLONE);
    withFile(tmp, 'r+', (fd) => {
      ftruncateSync(fd, end);
      fsyncSync(fd);
    });
    renameSync(tmp, copyFile);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(dirname(copyFile));
}

/** Brings a deck's log copy up to date with its live log (see the top of this file). */
function updateLogCopy(places: BackupPlaces, deck: string, backupName: string): LogCopyReport {
  const liveFile = places.logFile(deck);
  const copyFile = logCopyPath(places.root, deck);
  return withFile(liveFile, 'r', (liveFd): LogCopyReport => {
    const hasCopy = existsSync(copyFile);
    const current = hasCopy ? withFile(copyFile, 'r', (fd) => examineLogEnd(fd, copyFile)) : undefined;
    const left = (action: 'kept' | 'unchanged', problem: string): LogCopyReport =>
      typeof current === 'object'
        ? { deck, action, bytes: current.bytes, seq: current.seq, problem }
        : { deck, action, bytes: 0, seq: 0, problem };

    let liveHeaderBytes: number;
    try {
      liveHeaderBytes = readHeader(liveFd, liveFile);
    } catch (error) {
      if (error instanceof LogCorruption) return left(hasCopy ? 'kept' : 'unchanged', `the live log: ${error.message}`);
      if (error instanceof UserError) return left(hasCopy ? 'kept' : 'unchanged', error.message);
      throw error;
    }

    let why: string | undefined;
    if (hasCopy) {
      const prefix = withFile(copyFile, 'r', (copyFd) => copyAsPrefix(copyFd, copyFile, liveFd));
      if (typeof prefix === 'object') {
        const scanned = wholeEntriesEnd(liveFd, prefix.bytes, prefix.seq);
        if (scanned.end > prefix.bytes) appendToCopy(liveFd, copyFile, prefix.bytes, scanned.end);
        return {
          deck,
          action: scanned.end > prefix.bytes ? 'extended' : 'unchanged',
          bytes: scanned.end,
          seq: scanned.seq,
          ...(scanned.problem ? { problem: `the live log: ${scanned.problem}` } : {}),
        };
      }
      why = prefix;
    }

    // A whole copy. It may only replace an existing copy when the live log reads clean to the
    // end: a damaged log must never push out the copy that still holds the good bytes.
    const scanned = wholeEntriesEnd(liveFd, liveHeaderBytes, 0);
    if (scanned.problem && hasCopy) {
      return left('kept', `the backup copy is no longer a prefix of the live log (${why}), and the live log: ${scanned.problem}`);
    }
    mkdirSync(dirname(copyFile), { recursive: true });
    let displaced: string | undefined;
    if (hasCopy) {
      displaced = join(dirname(copyFile), `${REPLACED_PREFIX}${backupName}`, basename(copyFile));
      mkdirSync(dirname(displaced), { recursive: true });
      renameSync(copyFile, displaced);
      fsyncDir(dirname(displaced));
    }
    writeFreshCopy(liveFile, copyFile, scanned.end);
    const problem = scanned.problem ? `the live log: ${scanned.problem}` : why && `the old copy: ${why}`;
    return {
      deck,
      action: hasCopy ? 'replaced' : 'created',
      bytes: scanned.end,
      seq: scanned.seq,
      ...(problem ? { problem } : {}),
      ...(displaced ? { displaced } : {}),
    };
  });
}

/** The decks that have a folder in decks/ (hidden leftovers aside), sorted. */
function deckNames(stateDir: string): string[] {
  try {
    return readdirSync(join(stateDir, DECKS_DIR))
      .filter((deck) => !deck.startsWith('.'))
      .sort();
  } catch {
    return []; // no decks yet
  }
}

/** A word for a POSIX shell, quoted. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The text of RESTORE.txt: how to put the state back from the backup `name`. */
function restoreText(
  name: string,
  takenAt: number,
  hasSettings: boolean,
  decks: { deck: string; snapshot: boolean; log: LogCopyReport | undefined }[],
  places: BackupPlaces,
): string {
  const inState = (...parts: string[]): string => shellWord(parts.join('/'));
  const rootRel = relative(places.stateDir, places.root).split(sep).filter(Boolean);
  const inRoot = (...parts: string[]): string => inState(...rootRel, ...parts);
  const folder = `${[...rootRel, BACKUPS_DIR].join('/')}/${name}`;
  const settingsRel = relative(places.stateDir, places.settingsFile).split(sep).join('/');
  const whole: string[] = [];
  const exact: string[] = [];
  if (hasSettings) {
    if (settingsRel.includes('/')) whole.push(`mkdir -p ${shellWord(settingsRel.slice(0, settingsRel.lastIndexOf('/')))}`);
    whole.push(`cp ${inState(folder, SETTINGS_FILE)} ${shellWord(settingsRel)}`);
  }
  for (const { deck, snapshot, log } of decks) {
    const deckDir = inRoot(DECKS_DIR, deck);
    const live = (file: string): string => inRoot(DECKS_DIR, deck, file);
    const liveLogRel = relative(places.stateDir, places.logFile(deck)).split(sep);
    const liveLog = inState(...liveLogRel);
    whole.push(`mkdir -p ${deckDir}`);
    if (liveLogRel.length > 3) whole.push(`mkdir -p ${inState(...liveLogRel.slice(0, -1))}`);
    // Without a snapshot in the backup the one in the state may not fit the restored log: it goes,
    // and paperdeck rebuilds it from the log.
    whole.push(snapshot ? `cp ${inState(folder, DECKS_DIR, deck, SNAPSHOT_FILE)} ${live(SNAPSHOT_FILE)}` : `rm -f ${live(SNAPSHOT_FILE)}`);
    // The due index is a cache of the live log: it goes, and the next session leaves a new one.
    whole.push(`rm -f ${live(DUE_INDEX_FILE)}`);
    if (log && log.bytes > 0) {
      const copy = inRoot(BACKUPS_DIR, BACKUP_LOGS_DIR, `${deck}.ndjson`);
      whole.push(`cp ${copy} ${liveLog}`);
      exact.push(`head -c ${log.bytes} ${copy} > ${liveLog}  # up to entry ${log.seq}`);
    }
  }
  const indent = (lines: string[]): string => lines.map((line) => `  ${line}\n`).join('');
  return (
    `paperdeck backup taken ${new Date(takenAt).toISOString()}.\n\n` +
    `This folder holds the settings and each deck's card-state snapshot as they were then. The\n` +
    `review logs (the answers themselves) are not copied into every backup: ${[...rootRel, BACKUPS_DIR, BACKUP_LOGS_DIR].join('/')}/\n` +
    `holds one copy of each deck's log, extended by every backup. ${BACKUP_MANIFEST_FILE} says how far\n` +
    `each copy reached when this backup was taken.\n\n` +
    `To put the whole state back, run these commands in the state folder (the one that holds\n` +
    `${rootRel.length ? LOCAL_DIR : BACKUPS_DIR}/), with no paperdeck running:\n\n` +
    indent(whole) +
    `\nThat keeps every answer the log copies hold (up to the newest backup): paperdeck replays the\n` +
    `answers after each snapshot when it opens. To go back to exactly this backup's moment\n` +
    `instead, run these after the commands above:\n\n` +
    indent(exact.length > 0 ? exact : ['# (no review logs yet)']) +
    `\nIf ${[...rootRel, BACKUPS_DIR, BACKUP_LOGS_DIR].join('/')}/ holds ${REPLACED_PREFIX}<stamp>/ folders newer than this backup, a log\n` +
    `copy was replaced since (the live log stopped extending it): this backup's copies are in the\n` +
    `oldest such folder.\n`
  );
}

/**
 * Takes a backup unless one was already taken this local day, then drops the oldest dated
 * backups beyond `keep`. Returns what it did, or undefined when none was due or nothing exists
 * yet.
 */
export function backUpIfDue(
  stateDir: string,
  clock: Clock,
  dayStartHour: number,
  keep: number = BACKUPS_KEPT,
  device?: string,
): BackupReport | undefined {
  const places = backupPlaces(stateDir, device);
  const root = places.root;
  const now = clock.now();
  const newest = listBackups(root).at(-1);
  if (newest !== undefined && localDayKey(parseFileStamp(newest), dayStartHour) === localDayKey(now, dayStartHour)) {
    return undefined;
  }
  // A file that is already unreadable is not copied: a bad copy would push a good one out.
  const hasSettings = isJsonFile(places.settingsFile);
  const decks = deckNames(stateDir).map((deck) => ({
    deck,
    snapshot: isJsonFile(join(root, DECKS_DIR, deck, SNAPSHOT_FILE)),
    hasLog: existsSync(places.logFile(deck)),
  }));
  if (!hasSettings && !decks.some((d) => d.snapshot || d.hasLog)) return undefined;

  const backupsDir = join(root, BACKUPS_DIR);
  const createdBackupsDir = !existsSync(backupsDir);
  mkdirSync(backupsDir, { recursive: true });
  if (createdBackupsDir) fsyncDir(root);
  let name = fileStamp(now);
  for (let n = 2; existsSync(join(backupsDir, name)); n++) name = `${fileStamp(now)}-${n}`;

  // The log copies first: if a crash stops the backup after this, they are merely ahead, and the
  // next writer finds nothing more to append.
  const logsDir = join(backupsDir, BACKUP_LOGS_DIR);
  if (decks.some((d) => d.hasLog) && !existsSync(logsDir)) {
    mkdirSync(logsDir);
    fsyncDir(backupsDir);
  }
  const logs = decks.filter((d) => d.hasLog).map((d) => updateLogCopy(places, d.deck, name));

  // Built under a hidden name and renamed when complete, so a crash never leaves a half backup
  // that looks whole.
  const building = join(backupsDir, `.building-${name}`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  if (hasSettings) copyDurably(places.settingsFile, join(building, SETTINGS_FILE));
  for (const { deck, snapshot } of decks) {
    if (!snapshot) continue;
    copyDurably(join(root, DECKS_DIR, deck, SNAPSHOT_FILE), join(building, DECKS_DIR, deck, SNAPSHOT_FILE));
    fsyncDir(join(building, DECKS_DIR, deck));
  }
  const manifest = {
    schemaVersion: 1,
    takenAt: new Date(now).toISOString(),
    logs: Object.fromEntries(
      logs.map((log) => [
        log.deck,
        {
          copy: `${BACKUP_LOGS_DIR}/${log.deck}.ndjson`,
          bytes: log.bytes,
          seq: log.seq,
          ...(log.problem ? { problem: log.problem } : {}),
        },
      ]),
    ),
  };
  writeFileAtomicSync(join(building, BACKUP_MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  const restoreDecks = decks
    .filter((d) => d.snapshot || d.hasLog)
    .map((d) => ({ deck: d.deck, snapshot: d.snapshot, log: logs.find((log) => log.deck === d.deck) }));
  writeFileAtomicSync(join(building, RESTORE_FILE), restoreText(name, now, hasSettings, restoreDecks, places));
  const finished = join(backupsDir, name);
  renameSync(building, finished);
  fsyncDir(backupsDir);
  rotateBackups(root, keep);
  return { folder: finished, logs };
}

/**
 * Deletes the oldest dated backups beyond `keep`, leftovers of backups a crash interrupted, and
 * displaced log copies that no kept backup is old enough to need.
 */
export function rotateBackups(stateDir: string, keep: number = BACKUPS_KEPT): void {
  const backupsDir = join(stateDir, BACKUPS_DIR);
  const all = listBackups(stateDir);
  for (const name of all.slice(0, Math.max(0, all.length - keep))) {
    rmSync(join(backupsDir, name), { recursive: true, force: true });
  }
  const oldestKept = all.slice(Math.max(0, all.length - keep))[0];
  const remove = (dir: string, test: (name: string, isDir: boolean) => boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // no such folder yet
    }
    for (const entry of entries) {
      if (test(entry.name, entry.isDirectory())) rmSync(join(dir, entry.name), { recursive: true, force: true });
    }
  };
  remove(backupsDir, (name) => name.startsWith('.building-'));
  // A copy displaced at backup S belongs to the dated backups older than S; once none is left,
  // neither is any use for it. Stamps sort as text. (Log copies are files, so a deck that
  // happens to be called "replaced-..." is never taken for one of these folders.)
  remove(join(backupsDir, BACKUP_LOGS_DIR), (name, isDir) => {
    if (name.startsWith('.')) return true; // a temporary file a crash left
    if (!isDir || !name.startsWith(REPLACED_PREFIX)) return false;
    const stamp = name.slice(REPLACED_PREFIX.length);
    return !Number.isNaN(parseFileStamp(stamp)) && (oldestKept === undefined || oldestKept >= stamp);
  });
}
