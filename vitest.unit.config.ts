// The fast loop (`npm run test:unit`): the pure modules (notes, cards, core, schedule, session,
// stats, optimize, plan, ui) and the shape of src/ (architecture.test.ts), without bundling
// the binary.
// `npm test` adds the store on real files, the built CLI and the pseudo-terminal.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { PAPERDECK_VERSION: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/{notes,cards,core,schedule,session,stats,optimize,plan,ui}/**/*.test.{ts,tsx}', 'test/architecture.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    isolate: false,
    setupFiles: ['test/setup/env.ts'],
  },
});
