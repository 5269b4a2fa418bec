// One writer at a time. The writer holds proper-lockfile's lock on the state folder (an atomic
// mkdir of `.lock`, whose mtime it refreshes while it lives) and records who it is in
// `.lock-owner.json`, so that a refused second writer can name the first one. proper-lockfile
// removes the lock on normal exit and on SIGINT/SIGTERM (through signal-exit).
//
// A lock left by a crashed process is taken over at once when its owner ran on this host and is
// gone: its pid is not running, or runs another process now (the start time recorded from
// /proc/PID/stat differs: pids are reused). Otherwise proper-lockfile's staleness (no mtime
// refresh for LOCK_STALE_MS) frees it. A live owner on this host is never overridden, even when
// its mtime looks stale (an event loop blocked by an editor, a sleeping laptop).
//
// A kill -9 can land at any step of taking the lock, so every step leaves a record of who was
// taking it: the owner record is written (fsynced) to `.lock-owner.json.tmp-PID` before the lock
// folder is made, and renamed to `.lock-owner.json` after; a takeover renames the dead owner's
// file to `.lock-owner.json.claim-PID` before removing the lock folder. A lock folder without an
// owner file is judged by those leftovers, and the leftovers of dead processes are removed.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { isTimeInRange, type Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import { fsyncDir, writeAll } from './atomic-file.js';
import { LOCK_DIR, LOCK_OWNER_FILE, displayDir } from './layout.js';
import { isProcessAlive, processStartTime } from './processes.js';
import { readRegularFile } from './read-file.js';

export const LOCK_STALE_MS = 30_000;

export interface LockOwner {
  pid: number;
  hostname: string;
  /** The command line that holds the lock, e.g. "paperdeck study iclr2017". */
  command: string;
  /** Epoch ms (from the Clock) when it took the lock. */
  startedAt: number;
  /** Linux's boot id: after a reboot every pid in an old owner file is dead, whatever runs now. */
  bootId?: string;
  /** When the owner process started (processStartTime): another start means a reused pid. */
  processStart?: string;
}

export interface WriterLock {
  readonly owner: LockOwner;
  /** Set once proper-lockfile finds the lock is no longer ours; nothing may be written then. */
  compromised(): UserError | undefined;
  /** Releases the lock; idempotent. */
  release(): void;
}

/** A small file's text; throws when it is missing or not a small regular file. */
function readSmall(path: string): string {
  const bytes = readRegularFile(path, 64 * 1024);
  if (bytes === null) throw new Error(`${path} does not exist`);
  return bytes.toString('utf8');
}

function readOwner(stateDir: string): LockOwner | undefined {
  return readOwnerFile(join(stateDir, LOCK_OWNER_FILE));
}

function readOwnerFile(file: string): LockOwner | undefined {
  try {
    // Bounded and non-blocking: a FIFO here must not hang `study` (read-file.ts).
    const value = JSON.parse(readSmall(file)) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string') return undefined;
    return {
      pid: value.pid,
      hostname: value.hostname,
      command: typeof value.command === 'string' ? value.command : 'paperdeck',
      startedAt: typeof value.startedAt === 'number' ? value.startedAt : Number.NaN,
      ...(typeof value.bootId === 'string' ? { bootId: value.bootId } : {}),
      ...(typeof value.processStart === 'string' ? { processStart: value.processStart } : {}),
    };
  } catch {
    return undefined;
  }
}

let cachedBootId: string | null | undefined;
function currentBootId(): string | undefined {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readSmall('/proc/sys/kernel/random/boot_id').trim() || null;
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId ?? undefined;
}

function isOnThisHost(owner: LockOwner): boolean {
  return owner.hostname === hostname();
}

/** The owner ran on this host and is still running (same boot, pid alive). */
function isLiveOwnerHere(owner: LockOwner): boolean {
  if (!isOnThisHost(owner)) return false;
  const boot = currentBootId();
  if (owner.bootId !== undefined && boot !== undefined && owner.bootId !== boot) return false;
  if (!isProcessAlive(owner.pid)) return false;
  // Alive, but maybe another process that was given the same pid since.
  if (owner.processStart === undefined) return true;
  const start = processStartTime(owner.pid);
  return start === undefined || start === owner.processStart;
}

function isDeadOwnerHere(owner: LockOwner | undefined): owner is LockOwner {
  return owner !== undefined && isOnThisHost(owner) && !isLiveOwnerHere(owner);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "10:02" when it started today, else "2026-11-25 10:02" (local time). */
function describeStart(startedAt: number, now: number): string {
  if (!isTimeInRange(startedAt)) return 'at an unknown time';
  const start = new Date(startedAt);
  const time = `${two(start.getHours())}:${two(start.getMinutes())}`;
  if (start.toDateString() === new Date(now).toDateString()) return time;
  return `${start.getFullYear()}-${two(start.getMonth() + 1)}-${two(start.getDate())} ${time}`;
}

function heldError(stateDir: string, owner: LockOwner | undefined, now: number): UserError {
  const where = displayDir(stateDir);
  if (!owner) {
    return new UserError(
      `another paperdeck is using ${where} (its lock ${displayDir(join(stateDir, LOCK_DIR))} is held) — finish that session first; a lock left by a crash frees itself within ${LOCK_STALE_MS / 1000} seconds`,
    );
  }
  const host = owner.hostname === hostname() ? '' : ` on ${owner.hostname}`;
  return new UserError(
    `another paperdeck (pid ${owner.pid}${host}, \`${owner.command}\`, started ${describeStart(owner.startedAt, now)}) is using ${where} — finish that session first`,
  );
}

function isLockedError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ELOCKED';
}

/** `.lock-owner.json.tmp-PID` and `.lock-owner.json.claim-PID` (see the top of this file). */
const LEFTOVER = /^\.lock-owner\.json\.(tmp|claim)-(\d+)$/;

interface Leftover {
  file: string;
  kind: 'tmp' | 'claim';
  /** The pid in its name: the process writing the owner record, or claiming a dead owner. */
  pid: number;
  /** The record it holds: that process's own (tmp), or the dead owner's it claimed (claim). */
  owner: LockOwner | undefined;
}

function leftovers(stateDir: string): Leftover[] {
  let names: string[];
  try {
    names = readdirSync(stateDir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = LEFTOVER.exec(name);
    if (!match) return [];
    const file = join(stateDir, name);
    return [{ file, kind: match[1] as 'tmp' | 'claim', pid: Number(match[2]), owner: readOwnerFile(file) }];
  });
}

/** Whether a leftover's process may still be at work: only a dead one's may be acted upon. */
function isLeftoverLive(leftover: Leftover): boolean {
  if (leftover.kind === 'tmp') {
    // A whole record says where and who; a partial one was cut off before the lock was tried.
    return leftover.owner ? !isDeadOwnerHere(leftover.owner) : isProcessAlive(leftover.pid);
  }
  // A claimer runs where the owner it claims ran (it only claims owners dead on its own host).
  if (!leftover.owner || !isOnThisHost(leftover.owner)) return true;
  return isProcessAlive(leftover.pid);
}

/**
 * Who holds a lock folder that has no owner file, judged by the leftovers of a kill -9 while it
 * was being taken or taken over: the dead process to take over from (with the file to claim),
 * or undefined when any leftover may be a live process at work, or there is none (then only
 * proper-lockfile's staleness frees it: a paperdeck from before these records).
 */
function deadPendingOwner(stateDir: string): { owner: LockOwner; file: string } | undefined {
  const found = leftovers(stateDir).filter((leftover) => leftover.pid !== process.pid);
  if (found.some(isLeftoverLive)) return undefined;
  // A whole owner record of a dead process: the one that made the lock folder (a tmp), or the
  // dead owner whose takeover was cut off (a claim).
  const candidate = found.find((leftover) => leftover.owner !== undefined);
  return candidate ? { owner: candidate.owner!, file: candidate.file } : undefined;
}

/** Removes the leftovers of dead processes; called while holding the lock. */
function removeDeadLeftovers(stateDir: string): void {
  for (const leftover of leftovers(stateDir)) {
    if (leftover.pid === process.pid || isLeftoverLive(leftover)) continue;
    rmSync(leftover.file, { force: true });
  }
}

/**
 * Claims the lock of a dead owner whose record is in `file` (the owner file, or a leftover):
 * renaming it is atomic, so of several processes recovering the same stale lock only one gets to
 * remove it.
 */
function takeOverFromDeadOwner(stateDir: string, dead: LockOwner, file: string): boolean {
  const ownerFile = join(stateDir, LOCK_OWNER_FILE);
  const claim = `${ownerFile}.claim-${process.pid}`;
  try {
    renameSync(file, claim);
  } catch {
    return false; // someone else claimed it first
  }
  const claimed = readOwnerFile(claim);
  if (claimed?.pid !== dead.pid || claimed.hostname !== dead.hostname) {
    // Between reading and claiming, a new writer took the lock and wrote itself in: put it back.
    try {
      renameSync(claim, file);
    } catch {
      // it already rewrote its owner file
    }
    return false;
  }
  try {
    rmdirSync(join(stateDir, LOCK_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      rmSync(claim, { force: true });
      throw error;
    }
  }
  rmSync(claim, { force: true });
  return true;
}

/** Writes `text` to `file` and fsyncs it (no rename: the caller renames it once the lock is held). */
function writeRecord(file: string, text: string): void {
  const fd = openSync(file, 'w', 0o644);
  try {
    writeAll(fd, Buffer.from(text, 'utf8'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A live process's record among the leftovers, to name it when refusing. */
function livePendingOwner(stateDir: string): LockOwner | undefined {
  return leftovers(stateDir).find((l) => l.pid !== process.pid && l.kind === 'tmp' && l.owner && isLeftoverLive(l))?.owner;
}

/** Takes the writer lock on `stateDir` (which must exist) or throws a UserError naming the holder. */
export function acquireWriterLock(stateDir: string, clock: Clock, command: string): WriterLock {
  const lockPath = join(stateDir, LOCK_DIR);
  const ownerFile = join(stateDir, LOCK_OWNER_FILE);
  let compromisedError: UserError | undefined;
  const options: lockfile.LockOptions = {
    lockfilePath: lockPath,
    stale: LOCK_STALE_MS,
    realpath: false,
    // The default throws from a timer and would crash the session; instead every later write
    // refuses with a clear message.
    onCompromised: (error) => {
      compromisedError = new UserError(
        `lost the lock on ${displayDir(stateDir)} (${error.message}); another paperdeck may be using it now — every answer up to here is saved; start paperdeck again`,
      );
    },
  };

  const tryLock = (): (() => void) | undefined => {
    try {
      return lockfile.lockSync(stateDir, options);
    } catch (error) {
      if (isLockedError(error)) return undefined;
      throw new UserError(`cannot lock ${displayDir(stateDir)}: ${(error as Error).message}`);
    }
  };

  const boot = currentBootId();
  const start = processStartTime(process.pid);
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: clock.now(),
    ...(boot !== undefined ? { bootId: boot } : {}),
    ...(start !== undefined ? { processStart: start } : {}),
  };
  // Who is taking the lock is on disk before the lock folder is: a kill -9 between the two
  // leaves a record the next writer can judge, instead of a lock of no one for LOCK_STALE_MS.
  const pending = `${ownerFile}.tmp-${process.pid}`;
  try {
    writeRecord(pending, JSON.stringify(me) + '\n');
  } catch (error) {
    rmSync(pending, { force: true });
    throw new UserError(`cannot write ${ownerFile}: ${(error as Error).message}`);
  }

  let releaseLock: (() => void) | undefined;
  try {
    const owner = readOwner(stateDir);
    // A live owner here keeps its lock even if its mtime went stale.
    if (existsSync(lockPath) && owner && isLiveOwnerHere(owner)) throw heldError(stateDir, owner, clock.now());

    releaseLock = tryLock();
    if (!releaseLock) {
      const holder = readOwner(stateDir);
      const dead = holder ? (isDeadOwnerHere(holder) ? { owner: holder, file: ownerFile } : undefined) : deadPendingOwner(stateDir);
      if (dead && takeOverFromDeadOwner(stateDir, dead.owner, dead.file)) releaseLock = tryLock();
      if (!releaseLock) throw heldError(stateDir, readOwner(stateDir) ?? livePendingOwner(stateDir), clock.now());
    }
    renameSync(pending, ownerFile);
    fsyncDir(stateDir);
  } catch (error) {
    rmSync(pending, { force: true });
    if (releaseLock) releaseLock();
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot write ${ownerFile}: ${(error as Error).message}`);
  }
  try {
    removeDeadLeftovers(stateDir);
  } catch {
    // only tidying: the next writer judges them again, and passes them over
  }

  let released = false;
  const removeOwnerFile = () => {
    const current = readOwner(stateDir);
    if (current?.pid === me.pid && current.hostname === me.hostname) rmSync(ownerFile, { force: true });
  };
  // proper-lockfile removes the lock folder on exit; the owner file goes with it.
  process.on('exit', removeOwnerFile);

  return {
    owner: me,
    compromised: () => compromisedError,
    release() {
      if (released) return;
      released = true;
      process.off('exit', removeOwnerFile);
      if (compromisedError) return; // the lock (and the owner file) may be someone else's now
      removeOwnerFile();
      try {
        releaseLock();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ERELEASED' && code !== 'ENOTACQUIRED') throw error;
      }
    },
  };
}
