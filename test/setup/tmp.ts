// vitest global setup: one temporary folder for the whole run, in memory where the machine has
// one (/dev/shm), removed at the end. Every folder a test makes (os.tmpdir(): the workers and
// the binaries they run inherit TMPDIR) goes in it. The store makes each write durable with
// fsync, a few milliseconds apiece on a disk and several thousand of them in a run, which in
// memory cost nothing; and the hundreds of folders a run leaves no longer pile up in /tmp.
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const IN_MEMORY = '/dev/shm';

function inMemory(): boolean {
  try {
    accessSync(IN_MEMORY, constants.W_OK);
    return statSync(IN_MEMORY).isDirectory();
  } catch {
    return false;
  }
}

export default function setup() {
  const root = mkdtempSync(join(inMemory() ? IN_MEMORY : tmpdir(), 'paperdeck-suite-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
