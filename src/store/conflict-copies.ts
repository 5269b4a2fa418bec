// Conflict copies that file-sync tools leave when two machines changed one file: Syncthing's
// `name.sync-conflict-<date>-<time>-<id>.ext`, Dropbox's `name (conflicted copy <date>).ext` and
// `name (<host>'s conflicted copy <date>).ext`, Nextcloud's and ownCloud's `name (conflicted
// copy ...)`. paperdeck never writes one file from two machines, so one appears only when
// something else did (an older paperdeck, a hand edit, two machines given the same device name).
// They are named to the user, never read (no reader lists a file by a name like that), never
// deleted: the user decides what they hold.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const CONFLICT_COPY = /\.sync-conflict-|conflicted copy/i;
/** Enough for any state folder; a walk never runs away on a folder that is not one. */
const MAX_ENTRIES = 20_000;

export function isConflictCopyName(name: string): boolean {
  return CONFLICT_COPY.test(name);
}

/** The conflict copies anywhere in the state folder, as paths relative to it, sorted. */
export function conflictCopies(stateDir: string): string[] {
  const found: string[] = [];
  const pending = [stateDir];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_ENTRIES) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // gone, or not a folder we may read: nothing to name in it
    }
    for (const entry of entries) {
      seen++;
      const path = join(dir, entry.name);
      if (isConflictCopyName(entry.name)) found.push(relative(stateDir, path).split(sep).join('/'));
      else if (entry.isDirectory()) pending.push(path);
    }
  }
  return found.sort();
}
