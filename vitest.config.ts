import { defineConfig } from 'vitest/config';
import SlowestFirst from './test/setup/sequencer.js';

// Every file shares its worker with the files run before it (isolate: false), as `npm run
// test:unit` runs the pure modules': a fresh worker per file started vitest and imported the
// source again each time, a sixth of the suite's CPU. test/setup/env.ts puts back, before each
// file, what a file may change for itself (its time zone).
export default defineConfig({
  define: { PAPERDECK_VERSION: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    isolate: false,
    // Two at a time on this 2-core kind of machine (vitest's default would be one): most of a CLI
    // or pseudo-terminal test is spent waiting on the binary it runs, so two files overlap well.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    globalSetup: ['test/setup/tmp.ts', 'test/setup/binary.ts'],
    setupFiles: ['test/setup/env.ts'],
  },
});
