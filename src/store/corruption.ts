// The one way the store reports a state file it cannot trust: a UserError that names the file,
// says what is wrong with it, and says how to get going again (which backup to restore from, or
// what can safely be moved away). The file itself is never touched.
import { UserError } from '../core/errors.js';
import { newestBackupOf } from './backups.js';
import { BACKUPS_DIR } from './layout.js';
import { displayDir, displayPath } from './layout.js';
import { join } from 'node:path';

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
  const backup = newestBackupOf(stateDir, file);
  if (backup) return `restore it from ${displayDir(backup)}`;
  return `no backup in ${displayDir(join(stateDir, BACKUPS_DIR))} holds it yet; restore it from your own copy`;
}

/** "<file> is corrupted (<reason>); restore it from <backup>/ or move it away to ..." */
export function corruptedFileError(stateDir: string, file: string, reason: string, fallback: Fallback): UserError {
  const untouched = fallback === 'none' ? ' (the file was left as it is)' : '';
  return new UserError(
    `${displayPath(file)} is corrupted (${reason}); ${restoreAdvice(stateDir, file)}${FALLBACK_TEXT[fallback]}${untouched}`,
  );
}

/** A file whose content is fine on its own but written by a newer paperdeck. */
export function newerSchemaError(file: string, found: number, known: number): UserError {
  return new UserError(
    `${displayPath(file)} was made by a newer paperdeck (schema version ${found}; this one knows up to ${known}); update paperdeck to open it`,
  );
}
