// Runs the real built CLI (bundled once per test run: test/helpers/binary.ts) as a user would.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testBinary } from './binary.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = testBinary();
export const BUNDLED_NOTES = join(ROOT, 'decks', 'iclr2017', 'notes.txt');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `paperdeck ...args` with its own decks/state folders unless the args name others. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.PAPERDECK_DECKS;
  delete env.PAPERDECK_STATE;
  delete env.PAPERDECK_NOW;
  Object.assign(env, options.env);
  const spawnOptions: SpawnSyncOptions = { env, encoding: 'utf8', cwd: options.cwd ?? tmpdir(), input: options.input ?? '' };
  const result = spawnSync(process.execPath, [BIN, ...args], spawnOptions);
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function tempDir(prefix = 'paperdeck-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A decks folder holding a copy of the bundled deck (notes only), and an empty state folder. */
export function workspaceWithBundledDeck(): { decks: string; state: string } {
  const root = tempDir();
  const decks = join(root, 'decks');
  const state = join(root, 'state');
  mkdirSync(join(decks, 'iclr2017'), { recursive: true });
  mkdirSync(state);
  cpSync(BUNDLED_NOTES, join(decks, 'iclr2017', 'notes.txt'));
  return { decks, state };
}
