import { defineConfig } from 'vitest/config';
import SlowestFirst from './test/setup/sequencer.js';

// The pure modules' files share their workers (isolate: false), as `npm run test:unit` runs
// them: importing the source again for each file was a fifth of the suite's time. The store,
// the built CLI and the pseudo-terminal keep a fresh worker per file.
const UNIT = ['test/{notes,cards,core,schedule,session,stats,optimize,plan,ui}/**/*.test.{ts,tsx}', 'test/architecture.test.ts'];

export default defineConfig({
  define: { PAPERDECK_VERSION: JSON.stringify('0.0.0-test') },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two at a time on this 2-core kind of machine (vitest's default would be one): most of a CLI
    // or pseudo-terminal test is spent waiting on the binary it runs, so two files overlap well.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    globalSetup: ['test/setup/binary.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: UNIT, isolate: false, setupFiles: ['test/setup/env.ts', 'test/setup/unit-env.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: [...UNIT, 'node_modules/**'],
          setupFiles: ['test/setup/env.ts'],
        },
      },
    ],
  },
});
