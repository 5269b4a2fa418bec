// Shared by the store's tests: temporary state folders, and child paperdeck processes (the
// fixture bundled with esbuild, run with plain node) whose pids and crashes are real.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterEach } from 'vitest';

const made: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'paperdeck-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function bytesOf(file: string): Buffer {
  return readFileSync(file);
}

let childScript: string | undefined;

/** The child fixture as one plain-node script (built once per test file). */
export function childScriptPath(): string {
  if (childScript) return childScript;
  const dir = mkdtempSync(join(tmpdir(), 'paperdeck-child-'));
  const outfile = join(dir, 'state-child.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./fixtures/state-child.ts', import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  childScript = outfile;
  return outfile;
}

export interface Child {
  process: ChildProcessWithoutNullStreams;
  pid: number;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves once a stdout line satisfies `test` (rejects if the child exits first). */
  waitForLine(test: (line: string) => boolean): Promise<string>;
  /** Resolves when the process has exited and been reaped. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

export function startChild(stateDir: string, mode: 'append' | 'hold', deck: string): Child {
  const child = spawn(process.execPath, [childScriptPath(), stateDir, mode, deck], { stdio: 'pipe' });
  children.push(child);
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  // On 'close', not 'exit': the lines the child wrote before it died may still be in the pipe
  // when it exits, and what it reported must all be read before the state is checked.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`child exited (${code ?? signal}): ${stderr}`));
      resolve({ code, signal });
    });
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  if (child.pid === undefined) throw new Error('child did not start');
  return {
    process: child,
    pid: child.pid,
    lines,
    exited,
    stderr: () => stderr,
    waitForLine(test) {
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => waiters.push({ test, resolve, reject }));
    },
  };
}
