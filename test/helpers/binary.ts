// The real paperdeck binary for tests, bundled exactly as dist/ is (scripts/bundle.mjs) but
// into a temporary project root of its own: a copy of package.json with the bundle beside it.
// Its default decks/ and state/ are then that folder's, so no test can touch the checkout's,
// and nobody rebuilding dist/ meanwhile can break a running test. vitest's global setup
// (test/setup/binary.ts) builds it once per run and hands its path to every test file.
import { copyFileSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { bundle, projectRoot } from '../../scripts/bundle.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    paperdeckBinary: string;
  }
}

/**
 * `withModules`: the project's node_modules linked beside it, where the one package the bundle
 * leaves out (the optimiser's native binding, loaded by `optimize` alone) is found at run time.
 * Without them, the binary is as on a platform where that optional dependency is missing.
 */
export async function buildIsolatedBinary({ withModules = true } = {}): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'paperdeck-bin-'));
  copyFileSync(join(projectRoot, 'package.json'), join(root, 'package.json'));
  if (withModules) symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  await bundle(join(root, 'dist'));
  return join(root, 'dist', 'paperdeck.js');
}

/** Path of the binary built for this test run. */
export function testBinary(): string {
  return inject('paperdeckBinary');
}
