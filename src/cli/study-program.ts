// `paperdeck study` in its plain forms (quick.ts studyInvocation), as a build of its own
// (scripts/bundle.mjs: dist/study.js, one file, which the bin loads from its code cache:
// scripts/generate-loader.js): the study command without commander, which
// loads and builds every command's options and help before anything else, a sizeable part of a
// session's start-up. Like the full program it reports its own failures (its UsageError and
// UserError are not the bin's).
import type { Invocation } from './dispatch.js';
import { runInvocation } from './dispatch.js';
import { reportFailure } from './failure.js';
import { useSchedulerForMerges } from './merges.js';

/** Runs `study` as the full program would run this invocation (commander's reading of it: a test holds the two alike). */
export async function runStudy(invocation: Invocation): Promise<void> {
  try {
    await useSchedulerForMerges();
    await runInvocation(invocation, { study: () => import('./commands/study.js') });
  } catch (error) {
    reportFailure(error);
  }
}
