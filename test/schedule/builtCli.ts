// The real paperdeck binary for the due/cards/config tests, bundled with the options of
// build.mjs into a temporary folder of this test process (others rebuild dist/ while we run).
// A package.json named paperdeck beside it makes that folder the "project root", so nothing a
// test runs can touch the checkout's decks/ or state/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Card, CardsFile } from '../../src/core/types.js';
import { serializeCardsFile } from '../../src/store/decks.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let built: string | undefined;

export function builtBinary(): string {
  if (built) return built;
  const outdir = mkdtempSync(join(tmpdir(), 'paperdeck-bin-'));
  writeFileSync(join(outdir, 'package.json'), JSON.stringify({ name: 'paperdeck', type: 'module', private: true }));
  buildSync({
    absWorkingDir: ROOT,
    entryPoints: { paperdeck: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', PAPERDECK_VERSION: '"0.0.0-test"' },
    alias: { 'react-devtools-core': './src/ui/devtools-stub.ts' },
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __pdCreateRequire } from 'node:module';\nconst require = __pdCreateRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
  });
  return (built = join(outdir, 'paperdeck.js'));
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function paperdeck(args: string[], env: Record<string, string> = {}): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['PAPERDECK_DECKS', 'PAPERDECK_STATE', 'PAPERDECK_NOW', 'PAPERDECK_DEBUG']) delete childEnv[key];
  Object.assign(childEnv, env);
  const result = spawnSync(process.execPath, [builtBinary(), ...args], { env: childEnv, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary decks folder and state folder. */
export function workspace(): { root: string; decks: string; state: string } {
  const root = mkdtempSync(join(tmpdir(), 'paperdeck-sched-'));
  const decks = join(root, 'decks');
  const state = join(root, 'state');
  mkdirSync(decks);
  return { root, decks, state };
}

/** Writes decks/<name>/cards.json holding `cards` (and `retired`). */
export function writeDeck(decks: string, name: string, cards: Card[], retired: Card[] = []): void {
  const file: CardsFile = { version: 1, deck: name, notesHash: 'test', cards, retired, skipped: [] };
  mkdirSync(join(decks, name), { recursive: true });
  writeFileSync(join(decks, name, 'cards.json'), serializeCardsFile(file));
}
