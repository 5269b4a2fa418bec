// The one description of paperdeck's esbuild bundle, used by build.mjs (dist/), the tests
// (an isolated copy of the binary) and the bundle-graph checks. It is two builds from the one
// source tree:
//
// - dist/paperdeck.js, the bin: src/cli/main.ts, `paperdeck due` and a `generate` that finds
//   nothing changed (their quick path) as a
//   single CommonJS file. A shell prompt may run `paperdeck due` on every new line; one
//   CommonJS file skips Node's ESM loader and the chunk graph, and starts in about 1.2× bare
//   `node` where the split ESM build took 1.6×. Neither the code only writers need (the lock,
//   the backups) nor the card generator is in it: a deck whose notes changed since its
//   cards.json was built is counted by the full program (src/cli/hand-over.ts).
// - dist/program.mjs and dist/chunks/: the full program (commander and every command) as ESM
//   with code splitting, which Ink's top-level await requires; Ink and React sit in their own
//   chunk, loaded by `study` alone. main hands over to it for everything the quick path does
//   not take. It is a program of its own, with its own copy of what it shares with main: the
//   two never pass objects to each other.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function shared(outdir, version) {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  return {
    absWorkingDir: projectRoot,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', PAPERDECK_VERSION: JSON.stringify(version ?? pkg.version) },
  };
}

/**
 * In the bin: main's import('./program.js') is the full program's entry, built beside it; and
 * the card generator is left to the full program (src/cli/hand-over.ts stands in for it).
 */
const binImports = {
  name: 'bin-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: './program.mjs', external: true } : undefined,
    );
    b.onResolve({ filter: /^\.\/generate\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cards', 'current.ts')) ? { path: join(projectRoot, 'src', 'cli', 'hand-over.ts') } : undefined,
    );
    // `generate` on the quick path: it reports unchanged decks itself and hands any other over.
    b.onResolve({ filter: /^\.\.\/\.\.\/cards\/(generate|incremental)\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'commands', 'generate.ts')) ? { path: join(projectRoot, 'src', 'cli', 'hand-over.ts') } : undefined,
    );
  },
};

/** esbuild options for both builds written to `outdir`: [the bin, the full program]. */
export function bundleOptions(outdir, { version } = {}) {
  const bin = {
    ...shared(outdir, version),
    entryPoints: { paperdeck: 'src/cli/main.ts' },
    format: 'cjs',
    plugins: [binImports],
    // paths.ts finds the project root from its own file's URL. Injected rather than put in the
    // banner, which would go before esbuild's "use strict" and leave the bin in sloppy mode.
    inject: ['scripts/bin-import-meta-url.js'],
    define: { ...shared(outdir, version).define, 'import.meta.url': 'importMetaUrl' },
    banner: { js: '#!/usr/bin/env node' },
  };
  const full = {
    ...shared(outdir, version),
    entryPoints: { program: 'src/cli/program.ts' },
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Ink imports react-devtools-core only when DEV is set: a stub keeps it out of the bundle.
    alias: { 'react-devtools-core': './src/ui/devtools-stub.ts' },
    // A native module: loaded from node_modules at run time, by `optimize` alone
    // (src/optimize/binding.ts).
    external: ['@open-spaced-repetition/binding-linux-x64-gnu'],
    banner: {
      // Some bundled CommonJS packages call require() for Node's own modules; give the ESM
      // bundle's files one.
      js: "import { createRequire as __pdCreateRequire } from 'node:module';\nconst require = __pdCreateRequire(import.meta.url);",
    },
  };
  return [bin, full];
}

/** Writes both builds into `outdir`. */
export async function bundle(outdir, options) {
  await Promise.all(bundleOptions(outdir, options).map((o) => build(o)));
  // The project is "type": "module"; this marks dist/*.js (the bin) as CommonJS.
  writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
}
