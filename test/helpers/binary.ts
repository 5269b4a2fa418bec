// The real paperdeck binary for tests, bundled exactly as dist/ is (scripts/bundle.mjs) but
// into a temporary project root of its own: a copy of package.json with the bundle beside it.
// Its default decks/ and state/ are then that folder's, so no test can touch the checkout's,
// and nobody rebuilding dist/ meanwhile can break a running test. vitest's global setup
// (test/setup/binary.ts) builds it once per run and hands its path to every test file, with
// the graph of its builds' imports (the bundle-graph checks' one esbuild run, not one each).
import { copyFileSync, cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Metafile } from 'esbuild';
import { inject } from 'vitest';
import { bundle, projectRoot } from '../../scripts/bundle.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    paperdeckBinary: string;
    paperdeckBundleGraph: BundleGraph;
  }
}

/** The static import edges of every source file in the builds, and the files with code in the bin (test/schedule/built-cli.ts reads them). */
export interface BundleGraph {
  /** Source file → its imports, from the metafiles of all the builds (a file in several: the last build's). */
  imports: Record<string, { path: string; kind: string; external?: boolean }[]>;
  /** Source files with code in dist/paperdeck.js (not those tree-shaken away). */
  binInputs: string[];
}

function bundleGraph(metafiles: Metafile[]): BundleGraph {
  const imports: BundleGraph['imports'] = {};
  for (const metafile of metafiles) for (const [file, input] of Object.entries(metafile.inputs)) imports[file] = input.imports;
  const bin = Object.values(metafiles[0]!.outputs).find((output) => output.entryPoint === 'src/cli/main.ts')!;
  const binInputs = Object.entries(bin.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
  return { imports, binInputs };
}

/** Bundles the binary (with the project's node_modules linked beside it) and reads its builds' import graph. */
export async function buildIsolatedBinary(): Promise<{ binary: string; graph: BundleGraph }> {
  const root = mkdtempSync(join(tmpdir(), 'paperdeck-bin-'));
  copyFileSync(join(projectRoot, 'package.json'), join(root, 'package.json'));
  // Where the one package the bundle leaves out (the optimiser's native binding, loaded by
  // `optimize` alone) is found at run time.
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  const metafiles = await bundle(join(root, 'dist'));
  return { binary: join(root, 'dist', 'paperdeck.js'), graph: bundleGraph(metafiles) };
}

/**
 * A copy of this run's binary in a project root of its own without node_modules: the binary as
 * on a platform where the optional optimiser binding is missing. Copied, not bundled again: the
 * same files (their times kept, as generate's code cache checks them), in milliseconds.
 */
export function testBinaryWithoutModules(): string {
  const built = dirname(dirname(testBinary()));
  const root = mkdtempSync(join(tmpdir(), 'paperdeck-bin-'));
  copyFileSync(join(built, 'package.json'), join(root, 'package.json'));
  cpSync(join(built, 'dist'), join(root, 'dist'), { recursive: true, preserveTimestamps: true });
  return join(root, 'dist', 'paperdeck.js');
}

/** Path of the binary built for this test run. */
export function testBinary(): string {
  return inject('paperdeckBinary');
}

/** The import graph of the builds of the binary built for this test run. */
export function testBundleGraph(): BundleGraph {
  return inject('paperdeckBundleGraph');
}
