import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { PAPERDECK_VERSION: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two at a time on this 2-core kind of machine (vitest's default would be one): most of a CLI
    // or pseudo-terminal test is spent waiting on the binary it runs, so two files overlap well.
    maxWorkers: 2,
    globalSetup: ['test/setup/binary.ts'],
    setupFiles: ['test/setup/env.ts'],
  },
});
