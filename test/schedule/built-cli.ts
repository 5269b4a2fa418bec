// The real paperdeck binary for the due/cards/config tests (bundled once per run, in a project
// root of its own: test/helpers/binary.ts), and what a command's bundle loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBinary, testBundleGraph } from '../helpers/binary.js';
import type { Card, CardsFile } from '../../src/core/types.js';
import { serializeCardsFile } from '../../src/store/decks.js';
import { GENERATOR_VERSION } from '../../src/cards/generate.js';
import { QUICK_COMMAND_MODULES } from '../../src/cli/quick.js';

/** The binary built for this test run (test/helpers/binary.ts). */
export function builtBinary(): string {
  return testBinary();
}

/**
 * Source files that running `paperdeck <command>` in its plain form loads, from the metafiles
 * of the builds of this run's binary (scripts/bundle.mjs, test/helpers/binary.ts): main's
 * static imports; then, unless the quick path runs the command, the full program's
 * (program.ts); then the command module's. Only static edges count: code behind an import()
 * (another command, the generator) loads only when called.
 */
export async function sourcesLoadedBy(command: string): Promise<string[]> {
  const entries = ['src/cli/main.ts'];
  if (!Object.hasOwn(QUICK_COMMAND_MODULES, command)) entries.push('src/cli/program.ts');
  return sourcesLoadedFrom([...entries, `src/cli/commands/${command}.ts`]);
}

/** Source files that loading `entries` loads, by the static edges of both builds' metafiles (as sourcesLoadedBy). */
export async function sourcesLoadedFrom(entries: readonly string[]): Promise<string[]> {
  const { imports } = testBundleGraph();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    if (!Object.hasOwn(imports, file)) throw new Error(`${file} is in neither build`);
    seen.add(file);
    for (const edge of imports[file]!) if (edge.kind !== 'dynamic-import' && !edge.external) visit(edge.path);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

/** Source files with code in dist/paperdeck.js, the bin every command starts from (not those tree-shaken away). */
export async function sourcesInBin(): Promise<string[]> {
  return [...testBundleGraph().binInputs];
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
  const file: CardsFile = { version: 1, deck: name, notesHash: 'test', generator: GENERATOR_VERSION, cards, retired, skipped: [], warnings: [] };
  mkdirSync(join(decks, name), { recursive: true });
  writeFileSync(join(decks, name, 'cards.json'), serializeCardsFile(file));
}
