// Automatic backups of the state: once per local day, when a writer opens the state, the
// settings and every deck's snapshot and review log are copied into backups/<stamp>/, and only
// the newest few backups are kept. A corrupted file's error message points at the newest
// backup that holds a copy of it.
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Clock } from '../core/clock.js';
import { localDayKey } from '../schedule/days.js';
import { fsyncDir } from './atomic-file.js';
import {
  BACKUPS_DIR,
  DECKS_DIR,
  LOG_FILE,
  SETTINGS_FILE,
  SNAPSHOT_FILE,
  fileStamp,
  parseFileStamp,
} from './layout.js';

export const BACKUPS_KEPT = 5;

/** The finished backups, oldest first (unfinished ones are hidden dot-folders). */
export function listBackups(stateDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(stateDir, BACKUPS_DIR));
  } catch {
    return [];
  }
  return names.filter((name) => !Number.isNaN(parseFileStamp(name))).sort();
}

/** The newest backup folder holding a copy of `file` (a path inside the state folder), if any. */
export function newestBackupOf(stateDir: string, file: string): string | undefined {
  const rel = relative(stateDir, file);
  for (const name of listBackups(stateDir).reverse()) {
    const dir = join(stateDir, BACKUPS_DIR, name);
    if (existsSync(join(dir, rel))) return dir;
  }
  return undefined;
}

function isJsonFile(file: string): boolean {
  try {
    JSON.parse(readFileSync(file, 'utf8'));
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

/** The files a backup copies, as paths relative to the state folder. */
function filesToBackUp(stateDir: string): string[] {
  const files: string[] = [];
  // A file that is already unreadable is not copied: a bad copy would push a good one out.
  if (isJsonFile(join(stateDir, SETTINGS_FILE))) files.push(SETTINGS_FILE);
  let decks: string[] = [];
  try {
    decks = readdirSync(join(stateDir, DECKS_DIR)).sort();
  } catch {
    // no decks yet
  }
  for (const deck of decks) {
    if (deck.startsWith('.')) continue;
    const snapshot = join(DECKS_DIR, deck, SNAPSHOT_FILE);
    const log = join(DECKS_DIR, deck, LOG_FILE);
    if (isJsonFile(join(stateDir, snapshot))) files.push(snapshot);
    if (existsSync(join(stateDir, log))) files.push(log);
  }
  return files;
}

/**
 * Takes a backup unless one was already taken this local day, then drops the oldest beyond
 * `keep`. Returns the new backup's folder, or undefined when none was due or nothing exists yet.
 */
export function backUpIfDue(
  stateDir: string,
  clock: Clock,
  dayStartHour: number,
  keep: number = BACKUPS_KEPT,
): string | undefined {
  const now = clock.now();
  const newest = listBackups(stateDir).at(-1);
  if (newest !== undefined && localDayKey(parseFileStamp(newest), dayStartHour) === localDayKey(now, dayStartHour)) {
    return undefined;
  }
  const files = filesToBackUp(stateDir);
  if (files.length === 0) return undefined;

  const backupsDir = join(stateDir, BACKUPS_DIR);
  mkdirSync(backupsDir, { recursive: true });
  let name = fileStamp(now);
  for (let n = 2; existsSync(join(backupsDir, name)); n++) name = `${fileStamp(now)}-${n}`;
  // Built under a hidden name and renamed when complete, so a crash never leaves a half
  // backup that looks whole.
  const building = join(backupsDir, `.building-${name}`);
  rmSync(building, { recursive: true, force: true });
  for (const file of files) copyDurably(join(stateDir, file), join(building, file));
  const finished = join(backupsDir, name);
  renameSync(building, finished);
  fsyncDir(backupsDir);
  rotateBackups(stateDir, keep);
  return finished;
}

/** Deletes the oldest backups beyond `keep`, and leftovers of backups a crash interrupted. */
export function rotateBackups(stateDir: string, keep: number = BACKUPS_KEPT): void {
  const backupsDir = join(stateDir, BACKUPS_DIR);
  const all = listBackups(stateDir);
  for (const name of all.slice(0, Math.max(0, all.length - keep))) {
    rmSync(join(backupsDir, name), { recursive: true, force: true });
  }
  try {
    for (const name of readdirSync(backupsDir)) {
      if (name.startsWith('.building-')) rmSync(join(backupsDir, name), { recursive: true, force: true });
    }
  } catch {
    // no backups folder
  }
}
