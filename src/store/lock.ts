// One writer at a time. The writer holds proper-lockfile's lock on the state folder (an atomic
// mkdir of `.lock`, whose mtime it refreshes while it lives) and records who it is in
// `.lock-owner.json`, so that a refused second writer can name the first one. proper-lockfile
// removes the lock on normal exit and on SIGINT/SIGTERM (through signal-exit).
//
// A lock left by a crashed process is taken over at once when its owner ran on this host and
// that pid is gone; otherwise proper-lockfile's staleness (no mtime refresh for LOCK_STALE_MS)
// frees it. A live owner on this host is never overridden, even when its mtime looks stale
// (an event loop blocked by an editor, a sleeping laptop).
import { hostname } from 'node:os';
import { join } from 'node:path';
import { existsSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import type { Clock } from '../core/clock.js';
import { UserError } from '../core/errors.js';
import { writeFileAtomicSync } from './atomic-file.js';
import { LOCK_DIR, LOCK_OWNER_FILE, displayDir } from './layout.js';
import { isProcessAlive } from './processes.js';
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
  try {
    // Bounded and non-blocking: a FIFO here must not hang `study` (read-file.ts).
    const value = JSON.parse(readSmall(join(stateDir, LOCK_OWNER_FILE))) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string') return undefined;
    return {
      pid: value.pid,
      hostname: value.hostname,
      command: typeof value.command === 'string' ? value.command : 'paperdeck',
      startedAt: typeof value.startedAt === 'number' ? value.startedAt : Number.NaN,
      ...(typeof value.bootId === 'string' ? { bootId: value.bootId } : {}),
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
  return isProcessAlive(owner.pid);
}

function isDeadOwnerHere(owner: LockOwner | undefined): owner is LockOwner {
  return owner !== undefined && isOnThisHost(owner) && !isLiveOwnerHere(owner);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "10:02" when it started today, else "2026-11-25 10:02" (local time). */
function describeStart(startedAt: number, now: number): string {
  if (!Number.isFinite(startedAt)) return 'at an unknown time';
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

/**
 * Claims the lock of a dead owner: renaming the owner file is atomic, so of several processes
 * recovering the same stale lock only one gets to remove it.
 */
function takeOverFromDeadOwner(stateDir: string, dead: LockOwner): boolean {
  const ownerFile = join(stateDir, LOCK_OWNER_FILE);
  const claim = `${ownerFile}.claim-${process.pid}`;
  try {
    renameSync(ownerFile, claim);
  } catch {
    return false; // someone else claimed it first
  }
  const claimed = (() => {
    try {
      return JSON.parse(readSmall(claim)) as Partial<LockOwner>;
    } catch {
      return undefined;
    }
  })();
  if (claimed?.pid !== dead.pid || claimed.hostname !== dead.hostname) {
    // Between reading and claiming, a new writer took the lock and wrote itself in: put it back.
    try {
      renameSync(claim, ownerFile);
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

  let owner = readOwner(stateDir);
  // A live owner here keeps its lock even if its mtime went stale.
  if (existsSync(lockPath) && owner && isLiveOwnerHere(owner)) throw heldError(stateDir, owner, clock.now());

  let releaseLock = tryLock();
  if (!releaseLock) {
    owner = readOwner(stateDir);
    if (isDeadOwnerHere(owner) && takeOverFromDeadOwner(stateDir, owner)) releaseLock = tryLock();
    if (!releaseLock) throw heldError(stateDir, readOwner(stateDir), clock.now());
  }

  const boot = currentBootId();
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: clock.now(),
    ...(boot !== undefined ? { bootId: boot } : {}),
  };
  try {
    writeFileAtomicSync(ownerFile, JSON.stringify(me) + '\n');
  } catch (error) {
    releaseLock();
    throw new UserError(`cannot write ${ownerFile}: ${(error as Error).message}`);
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
