// The one description of paperdeck's esbuild bundle, used by build.mjs (dist/), the tests
// (an isolated copy of the binary) and the bundle-graph checks. Ink and React load hundreds
// of small modules, and one bundle starts in well under half the time of plain tsc output;
// code splitting keeps Ink and React in their own chunk, so `due`, `cards` and `stats` never
// load them.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** esbuild options for the CLI bundle written to `outdir`. */
export function bundleOptions(outdir, { version } = {}) {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  return {
    absWorkingDir: projectRoot,
    entryPoints: { paperdeck: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', PAPERDECK_VERSION: JSON.stringify(version ?? pkg.version) },
    // Ink imports react-devtools-core only when DEV is set: a stub keeps it out of the bundle.
    alias: { 'react-devtools-core': './src/ui/devtools-stub.ts' },
    banner: {
      // Some bundled CommonJS packages call require() for Node's own modules; give the ESM
      // bundle's files one.
      js: "#!/usr/bin/env node\nimport { createRequire as __pdCreateRequire } from 'node:module';\nconst require = __pdCreateRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
  };
}

/** Writes the bundle into `outdir`. */
export async function bundle(outdir, options) {
  await build(bundleOptions(outdir, options));
}
