// The fast loop (`npm run test:unit`): the pure modules (notes, cards, core, schedule, session,
// stats, optimize, plan, ui) and the shape of src/ (architecture.test.ts), without bundling
// the binary.
// `npm test` adds the store on real files, the built CLI and the pseudo-terminal.
import { defineConfig } from 'vitest/config';
import SlowestFirst from './test/setup/sequencer.js';

export default defineConfig({
  define: { PAPERDECK_VERSION: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/{notes,cards,core,schedule,session,stats,optimize,plan,ui}/**/*.test.{ts,tsx}', 'test/architecture.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    isolate: false,
    // Two at a time, as `npm test` runs (vitest's default would be one on a 2-core machine):
    // the pure files are all CPU, and on two cores the second worker halves the wall time for
    // the cost of importing the source once more. Slowest first, so that neither worker is
    // left with a long file at the end.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    setupFiles: ['test/setup/env.ts'],
  },
});
