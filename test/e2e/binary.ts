// Builds the real CLI bundle for end-to-end tests into a temporary folder, with build.mjs's
// options, so these tests never race anyone rebuilding dist/.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function buildBinary(): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const outdir = mkdtempSync(join(tmpdir(), 'paperdeck-bin-'));
  // Keep in step with build.mjs.
  await build({
    absWorkingDir: root,
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
    define: { 'process.env.NODE_ENV': '"production"', PAPERDECK_VERSION: JSON.stringify(pkg.version) },
    alias: { 'react-devtools-core': './src/ui/devtools-stub.ts' },
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __pdCreateRequire } from 'node:module';\nimport { fileURLToPath as __pdFileURLToPath } from 'node:url';\nconst require = __pdCreateRequire(import.meta.url);\nconst __filename = __pdFileURLToPath(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
  });
  return join(outdir, 'paperdeck.js');
}

/** The environment for a child that must believe it is at a person's terminal. */
export function interactiveEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Ink prints only the last frame when it sees CI; colour flags from the test runner would
    // decide colour for the child.
    if (value === undefined || key === 'CI' || key.startsWith('CI_') || key === 'FORCE_COLOR' || key === 'NO_COLOR') continue;
    if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, TERM: 'xterm-256color', ...extra };
}
