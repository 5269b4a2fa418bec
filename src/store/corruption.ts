// The one way the store reports a state file it cannot trust: a UserError that names the file,
// says what is wrong with it, and says how to get going again (which backup copy to restore it
// from, or what can safely be moved away). The file itself is never touched.
import { existsSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { backupCopyOf, backupsOfFile } from './backups.js';
import { displayDir, displayPath } from './layout.js';
import { LogCorruption, readHeader } from './review-log.js';

/** What the user can do besides restoring the file from a backup. */
export type Fallback =
  | 'rebuild-from-log' // a snapshot: the review log can rebuild it
  | 'default-settings' // settings: paperdeck runs on its defaults without the file
  | 'none'; // the review log itself: nothing can replace it

const FALLBACK_TEXT: Record<Fallback, string> = {
  'rebuild-from-log': ' or move it away to rebuild it from the review log',
  'default-settings': ' or move it away to go back to the default settings',
  none: '',
};

function restoreAdvice(stateDir: string, file: string): string {
  const copy = backupCopyOf(stateDir, file);
  const { backupsDir, snapshotOfLog } = backupsOfFile(stateDir, file);
  if (!copy) return `no backup in ${displayDir(backupsDir)} holds it yet; restore it from your own copy`;
  let advice = `restore it from ${displayPath(copy.path)}`;
  if (snapshotOfLog === undefined) return advice;
  // A log copy ends where the last backup found the log: the answers after it are not in it, and
  // the deck's snapshot (folded since) may cover more than it holds, so the snapshot goes too and
  // is rebuilt from the restored log.
  if (copy.lastSeq !== undefined) {
    const held = copy.lastSeq === 0 ? 'it holds no answers yet' : `it holds entries 1 to ${copy.lastSeq}`;
    advice += ` (${held}; answers saved after the last backup are not in it)`;
  }
  const snapshot = snapshotOfLog;
  if (existsSync(snapshot)) advice += ` and move ${displayPath(snapshot)} away so that it is rebuilt from the restored log`;
  return advice;
}

/** "<file> is corrupted (<reason>); restore it from <backup copy> or move it away to ..." */
export function corruptedFileError(stateDir: string, file: string, reason: string, fallback: Fallback): UserError {
  const untouched = fallback === 'none' ? ' (the file was left as it is)' : '';
  return new UserError(
    `${displayPath(file)} is corrupted (${reason}); ${restoreAdvice(stateDir, file)}${FALLBACK_TEXT[fallback]}${untouched}`,
  );
}

/**
 * The log's only damage is its last line, which the snapshot covers (so it is not a torn append
 * the reader may skip), and the entries before it are whole. Restoring the log copy would drop
 * every whole entry after the last backup; moving the snapshot away loses only what the log no
 * longer holds whole: the log is then read as after a crash mid-append, its bad last line skipped
 * by readers and set aside (kept, in a .torn file) by the next study session. The restore advice
 * stands when the backup copy holds more whole entries than the log does. Null then.
 */
export function damagedLastLineError(
  stateDir: string,
  logFile: string,
  reason: string,
  whole: number,
  snapshot: { file: string; seq: number },
): UserError | null {
  const copy = backupCopyOf(stateDir, logFile);
  if (copy?.lastSeq !== undefined && copy.lastSeq > whole) return null;
  const kept = whole === 0 ? 'no entry before it is whole' : `entries 1 to ${whole} before it are whole`;
  const lost = Math.max(1, snapshot.seq - whole);
  const loses = lost === 1 ? 'only the answer on that line is lost' : `the ${lost} answers after entry ${whole} are lost, that line's among them`;
  return new UserError(
    `${displayPath(logFile)} is corrupted (${reason}); it is the log's last line, and ${kept}: move ${displayPath(snapshot.file)} away so that it is rebuilt from them (the next study session sets the damaged line aside; ${loses}) (the log was left as it is)`,
  );
}

/** LogCorruption found reading a review log whole, as the user sees it (named, no fallback); anything else as it is. */
export function asLogError(stateDir: string, error: unknown, file: string): unknown {
  return error instanceof LogCorruption ? corruptedFileError(stateDir, file, error.message, 'none') : error;
}

/** A review log's header length; a header that is not one is named as the log's corruption. */
export function readLogHeader(stateDir: string, fd: number, file: string): number {
  try {
    return readHeader(fd, file);
  } catch (error) {
    throw asLogError(stateDir, error, file);
  }
}
