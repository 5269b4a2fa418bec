// The suite's slowest files start first. Two workers share the files; a long file started last
// (vitest orders a clean clone's files by size, having no timings yet) leaves the other worker
// idle at the end. Only the order changes: each file runs as it would.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The files that took longest on a quiet 2-core machine, longest first (seconds in brackets). */
const SLOWEST = [
  'test/e2e/study.test.ts', // 17
  'test/cli/generate.test.ts', // 15
  'test/cli/generate-incremental.test.ts', // 10
  'test/cli/optimize.test.ts', // 10
  'test/cli/config.test.ts', // 10
  'test/cli/linked-decks.test.ts', // 9
  'test/cli/cards-quick.test.ts', // 8
  'test/e2e/two-machines.test.ts', // 7
  'test/ui/text-widths.test.ts', // 7 (the slowest of the pure modules', which npm run test:unit runs alone)
  'test/cli/unsuspend.test.ts', // 6
  'test/cli/special-files.test.ts', // 5
  'test/cli/due.test.ts', // 5
  'test/store/due-index.test.ts', // 5
];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = SLOWEST.findIndex((path) => file.moduleId.endsWith(path));
      return at < 0 ? SLOWEST.length : at;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
