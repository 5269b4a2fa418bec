// A kill -9 while the lock is being taken, or taken over, leaves its records behind; a pid in an
// owner file may be reused by an unrelated process. Neither may cost the next writer a wait.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import { openState } from '../../src/store/index.js';
import { localOf } from '../helpers/state-paths.js';
import { processStartTime } from '../../src/store/processes.js';
import { tempDir } from './helpers.js';

const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));
const bootId = existsSync('/proc/sys/kernel/random/boot_id') ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : undefined;

/** A pid that ran and is gone. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', '']);
  return result.pid!;
}

const sleepers: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const sleeper of sleepers.splice(0)) sleeper.kill('SIGKILL');
});

/** A live process that is not paperdeck. */
function unrelatedLivePid(): number {
  const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
  sleepers.push(sleeper);
  return sleeper.pid!;
}

function record(pid: number, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ pid, hostname: hostname(), command: 'paperdeck study d', startedAt: clock.now(), ...(bootId ? { bootId } : {}), ...extra }) + '\n';
}

/** The lock folder as a process just made it (fresh: proper-lockfile would wait 30 s on it). */
function freshLockFolder(state: string): void {
  mkdirSync(join(localOf(state), '.lock'), { recursive: true });
}

async function takesTheLockAtOnce(state: string): Promise<void> {
  const started = Date.now();
  const writer = await openState(state, { mode: 'write', clock, command: 'paperdeck study next' });
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(JSON.parse(readFileSync(join(localOf(state), '.lock-owner.json'), 'utf8')).pid).toBe(process.pid);
  writer.close();
  // Nothing of the dead is left behind.
  expect(readdirSync(localOf(state)).filter((name) => name.startsWith('.lock-owner.json.'))).toEqual([]);
}

async function refused(state: string): Promise<UserError> {
  try {
    (await openState(state, { mode: 'write', clock })).close();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('the writer was let in');
}

describe('a lock taken by a process killed part way', () => {
  it('killed after making the lock folder, before naming itself in the owner file', async () => {
    const state = tempDir();
    const pid = deadPid();
    mkdirSync(localOf(state), { recursive: true });
    writeFileSync(join(localOf(state), `.lock-owner.json.tmp-${pid}`), record(pid));
    freshLockFolder(state);
    await takesTheLockAtOnce(state);
  });

  it('killed while taking over from a dead owner, after claiming its owner file', async () => {
    const state = tempDir();
    const [owner, claimer] = [deadPid(), deadPid()];
    mkdirSync(localOf(state), { recursive: true });
    writeFileSync(join(localOf(state), `.lock-owner.json.claim-${claimer}`), record(owner));
    freshLockFolder(state);
    await takesTheLockAtOnce(state);
  });

  it('killed while writing its record, before trying the lock: the half-written record is removed', async () => {
    const state = tempDir();
    const pid = deadPid();
    mkdirSync(localOf(state), { recursive: true });
    writeFileSync(join(localOf(state), `.lock-owner.json.tmp-${pid}`), '{"pid":');
    await takesTheLockAtOnce(state);
  });

  it('a live process part way through taking the lock is waited for, and named', async () => {
    const state = tempDir();
    const pid = unrelatedLivePid();
    mkdirSync(localOf(state), { recursive: true });
    writeFileSync(join(localOf(state), `.lock-owner.json.tmp-${pid}`), record(pid, { processStart: processStartTime(pid) }));
    freshLockFolder(state);
    expect((await refused(state)).message).toContain(`pid ${pid}`);
    expect(existsSync(join(localOf(state), `.lock-owner.json.tmp-${pid}`))).toBe(true);
  });
});

describe.skipIf(!existsSync('/proc/self/stat'))('an owner whose pid now belongs to another process', () => {
  it('is taken over at once: the pid started at another time than the owner did', async () => {
    const state = tempDir();
    const pid = unrelatedLivePid();
    expect(processStartTime(pid)).toMatch(/^\d+$/);
    mkdirSync(localOf(state), { recursive: true });
    writeFileSync(join(localOf(state), '.lock-owner.json'), record(pid, { processStart: '1' }));
    freshLockFolder(state);
    await takesTheLockAtOnce(state);
  });

  it('is refused while it is that same process', async () => {
    const state = tempDir();
    const pid = unrelatedLivePid();
    mkdirSync(localOf(state), { recursive: true });
    writeFileSync(join(localOf(state), '.lock-owner.json'), record(pid, { processStart: processStartTime(pid) }));
    freshLockFolder(state);
    expect((await refused(state)).message).toContain(`pid ${pid}`);
  });

  it('records its own start time when it takes the lock', async () => {
    const state = tempDir();
    const writer = await openState(state, { mode: 'write', clock });
    expect(JSON.parse(readFileSync(join(localOf(state), '.lock-owner.json'), 'utf8')).processStart).toBe(processStartTime(process.pid));
    writer.close();
  });
});
