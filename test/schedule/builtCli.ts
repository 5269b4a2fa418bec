// The real paperdeck binary for the due/cards/config tests, built by the project's own
// build.mjs into a temporary folder of this test process (others rebuild dist/ while we run):
// a copy of build.mjs and package.json beside links to src/ and node_modules/. That folder is
// then the binary's "project root", so nothing a test runs can touch the checkout's decks/ or
// state/.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Card, CardsFile } from '../../src/core/types.js';
import { serializeCardsFile } from '../../src/store/decks.js';
import { GENERATOR_VERSION } from '../../src/cards/generate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let built: string | undefined;

export function builtBinary(): string {
  if (built) return built;
  const root = mkdtempSync(join(tmpdir(), 'paperdeck-bin-'));
  for (const file of ['build.mjs', 'package.json']) copyFileSync(join(ROOT, file), join(root, file));
  for (const dir of ['src', 'node_modules']) symlinkSync(join(ROOT, dir), join(root, dir), 'dir');
  execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return (built = join(root, 'dist', 'paperdeck.js'));
}

/**
 * Source files bundled into what running `command` loads: main's chunk, the chunk holding
 * src/cli/commands/<command>.ts, and every chunk these import statically (a command's lazy
 * import() from main is the only dynamic edge that counts). Bundled as build.mjs bundles.
 */
export function sourcesLoadedBy(command: string): string[] {
  const { metafile } = buildSync({
    absWorkingDir: ROOT,
    entryPoints: { paperdeck: 'src/cli/main.ts' },
    outdir: join(tmpdir(), 'paperdeck-graph'),
    write: false,
    metafile: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', PAPERDECK_VERSION: '"0.0.0-test"' },
    alias: { 'react-devtools-core': './src/ui/devtools-stub.ts' },
    chunkNames: 'chunks/[name]-[hash]',
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
