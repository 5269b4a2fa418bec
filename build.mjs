// Builds dist/paperdeck.js (the package's bin) with scripts/bundle.mjs. It builds beside dist/
// and swaps it in, so nothing running the binary ever sees half a build, and a failed build
// leaves the previous one in place.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { bundle, projectRoot as root } from './scripts/bundle.mjs';

const staging = `${root}dist.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
try {
  await bundle(staging);
} catch {
  // esbuild has printed the errors.
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
const old = `${root}dist.old-${process.pid}`;
if (existsSync(`${root}dist`)) renameSync(`${root}dist`, old);
renameSync(staging, `${root}dist`);
rmSync(old, { recursive: true, force: true });
