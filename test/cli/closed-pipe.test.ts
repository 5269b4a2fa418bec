// `paperdeck cards | head -1`: the reader closes the pipe early; paperdeck leaves quietly.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { syntheticNotes } from '../../bench/synthetic.js';
import { BIN, BUNDLED_NOTES, runCli, tempDir } from '../helpers/cli.js';

it('leaves quietly, without a stack trace, when the reader closes the pipe early', async () => {
  // Output well past a pipe's 64 kB buffer, so writes go on after the reader has gone.
  const decks = tempDir();
  const state = tempDir();
  mkdirSync(join(decks, 'big'));
  writeFileSync(join(decks, 'big', 'notes.txt'), syntheticNotes(2000, readFileSync(BUNDLED_NOTES, 'utf8')));
  expect(runCli(['generate', '--decks', decks]).code).toBe(0);
  for (const args of [['cards', 'big'], ['generate', 'big', '--json', '--force']]) {
    const child = spawn(process.execPath, [BIN, ...args, '--decks', decks, '--state', state], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Like `head -c1`: read the first chunk, then close our end.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr, args.join(' ')).toBe('');
    expect(code, args.join(' ')).toBe(0);
  }
});

it.runIf(existsSync('/dev/full'))('says in one line, exit 1, when the output cannot be written (a full disk)', async () => {
  const decks = tempDir();
  const state = tempDir();
  mkdirSync(join(decks, 'papers'));
  writeFileSync(join(decks, 'papers', 'notes.txt'), readFileSync(BUNDLED_NOTES));
  expect(runCli(['generate', '--decks', decks]).code).toBe(0);
  for (const args of [['due', '--json'], ['cards', 'papers'], ['stats', 'papers', '--json']]) {
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, ...args, '--decks', decks, '--state', state], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr, args.join(' ')).toMatch(/^paperdeck: cannot write to stdout: ENOSPC[^\n]*\n$/);
    expect(code, args.join(' ')).toBe(1);
  }
});

it('makes no stderr stream when nothing is written there, and still handles its errors when something is', () => {
  const decks = tempDir();
  const state = tempDir();
  mkdirSync(join(decks, 'papers'));
  writeFileSync(join(decks, 'papers', 'notes.txt'), readFileSync(BUNDLED_NOTES));
  expect(runCli(['generate', '--decks', decks]).code).toBe(0);
  // Loaded before the bin: notes in a file whether process.stderr was asked for (Node makes the
  // stream then, loading node:net or node:tty for a pipe or a terminal).
  const preload = join(tempDir(), 'watch-stderr.cjs');
  const report = join(tempDir(), 'stderr-asked');
  writeFileSync(
    preload,
    `const fs = require('node:fs');
const own = Object.getOwnPropertyDescriptor(process, 'stderr');
let asked = false;
Object.defineProperty(process, 'stderr', { configurable: true, enumerable: true, get() { asked = true; return own.get.call(process); } });
process.on('exit', () => { if (asked) fs.writeFileSync(${JSON.stringify(report)}, 'error listeners: ' + process.stderr.listenerCount('error')); });`,
  );
  const env = { NODE_OPTIONS: `--require ${preload}` };
  const counted = runCli(['due', '--json', '--decks', decks, '--state', state], { env });
  expect(counted).toMatchObject({ code: 0, stderr: '' });
  expect(existsSync(report)).toBe(false);
  // A deck that is not there: one line on stderr, made when asked for, with the handler of its errors.
  const missing = runCli(['due', 'nothing-here', '--decks', decks, '--state', state], { env });
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/^paperdeck: .*nothing-here/);
  expect(readFileSync(report, 'utf8')).toBe('error listeners: 1');
});
