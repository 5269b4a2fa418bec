// study's own build (dist/study.js, scripts/bundle.mjs) is CommonJS, loaded by the bin from the
// code cache its build made for it by running a session (scripts/generate-loader.js), and from
// its source when that cache is not for it. The pseudo-terminal tests (test/e2e) study through it.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inkReconcilerSource, projectRoot, yogaEntrySource, yogaWasmAtOnceSource } from '../../scripts/bundle.mjs';
import { testBinary } from '../helpers/binary.js';
import { tempDir } from '../helpers/cli.js';

/** Whether a fresh `node`, as the bin does, compiles dist/study.js in `dist` from its code cache. */
function compiledFromCache(dist: string): boolean {
  const loader = join(projectRoot, 'scripts', 'generate-loader.js');
  const script = `import { compileBuild } from ${JSON.stringify(loader)}; process.stdout.write(String(compileBuild(${JSON.stringify(dist)}, 'study.js').cached));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout === 'true';
}

describe("study's own build", () => {
  it('is CommonJS, required by the bin through its loader', () => {
    const dist = dirname(testBinary());
    expect(readFileSync(testBinary(), 'utf8')).toContain('.loadStudy(__dirname)');
    expect(readFileSync(join(dist, 'study.js'), 'utf8')).not.toMatch(/^\s*(?:export|import)\s/m);
  });

  it('is compiled from the code cache its build made for it', () => {
    expect(compiledFromCache(dirname(testBinary()))).toBe(true);
  });

  it('is compiled from its source when the code cache is not for it', () => {
    const copy = join(tempDir(), 'dist');
    cpSync(dirname(testBinary()), copy, { recursive: true });
    appendFileSync(join(copy, 'study.js'), '\n');
    expect(compiledFromCache(copy)).toBe(false);
  });
});

describe("the top-level awaits study's build takes out", () => {
  const read = (...path: string[]) => readFileSync(join(projectRoot, 'node_modules', ...path), 'utf8');

  it("leave Ink's reconciler without one, and without DevTools", () => {
    const patched = inkReconcilerSource(read('ink', 'build', 'reconciler.js'));
    expect(patched).not.toContain("await import('./devtools.js')");
    expect(patched).not.toContain('await loadPackageJson()');
  });

  it('start yoga-layout at once, on the bytes its own path instantiates', () => {
    expect(yogaEntrySource(read('yoga-layout', 'dist', 'src', 'index.js'))).not.toMatch(/\bawait\b/);
    const wasm = yogaWasmAtOnceSource(read('yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm.js'));
    expect(wasm).toContain('h.instantiateWasm(d,\na,wa)');
    expect(wasm).toContain('Buffer.from(a.slice(37),"base64")');
  });
});
