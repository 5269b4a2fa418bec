// `npm run bench`: bundles bench/main.ts with esbuild (the benchmarks call into src/ directly)
// and runs it with --expose-gc so memory figures are meaningful.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${root}.bench`, { recursive: true });
await build({
  entryPoints: [`${root}bench/main.ts`],
  outfile: `${root}.bench/main.mjs`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { PAPERDECK_VERSION: '"bench"' },
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', `${root}.bench/main.mjs`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
