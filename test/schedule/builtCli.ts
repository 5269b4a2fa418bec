// The real paperdeck binary for the due/cards/config tests (bundled once per run, in a project
// root of its own: test/helpers/binary.ts), and what a command's bundle loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { bundleOptions } from '../../scripts/bundle.mjs';
import { testBinary } from '../helpers/binary.js';
import type { Card, CardsFile } from '../../src/core/types.js';
import { serializeCardsFile } from '../../src/store/decks.js';
import { GENERATOR_VERSION } from '../../src/cards/generate.js';

/** The binary built for this test run (test/helpers/binary.ts). */
export function builtBinary(): string {
  return testBinary();
}

/**
 * Source files bundled into what running `command` loads: main's chunk, the chunk holding
 * src/cli/commands/<command>.ts, and every chunk these import statically (a command's lazy
 * import() from main is the only dynamic edge that counts). Bundled as build.mjs bundles.
 */
export function sourcesLoadedBy(command: string): string[] {
  const { metafile } = buildSync({
    ...bundleOptions(join(tmpdir(), 'paperdeck-graph'), { version: '0.0.0-test' }),
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const outputs = metafile.outputs;
  const source = `src/cli/commands/${command}.ts`;
  const start = Object.keys(outputs).find((name) => source in outputs[name]!.inputs);
  if (!start) throw new Error(`no chunk holds ${source}`);
  const main = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === 'src/cli/main.ts')!;
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const edge of outputs[name]!.imports) if (edge.kind === 'import-statement' && !edge.external) visit(edge.path);
  };
  visit(main);
  visit(start);
  return [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs));
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
