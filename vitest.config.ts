import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { PAPERDECK_VERSION: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/setup/binary.ts'],
    setupFiles: ['test/setup/env.ts'],
  },
});
