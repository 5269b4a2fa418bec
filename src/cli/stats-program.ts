// `paperdeck stats` in its plain forms (quick.ts statsInvocation), as a build of its own
// (scripts/bundle.mjs: dist/stats.mjs, one file): the stats command without commander and
// without the full program's chunks, each of which costs Node its own resolve, read, compile
// and link. Like the full program it reports its own failures (its errors are not the bin's).
// The card generator is left out of it, as it is of the bin: a deck whose notes changed since
// its cards.json was built is handed over, whole command line, to the full program, before
// anything is printed (hand-over.ts).
import type { Invocation } from './dispatch.js';
import { runInvocation } from './dispatch.js';
import { reportFailure } from './failure.js';
import { HandOverToFullProgram } from './hand-over.js';
import { useSchedulerForMerges } from './merges.js';

/** Runs `stats` as the full program would run this invocation, read from `argv` (commander's reading of it: a test holds the two alike). */
export async function runStats(invocation: Invocation, argv: string[]): Promise<void> {
  try {
    await useSchedulerForMerges();
    await runInvocation(invocation, { stats: () => import('./commands/stats.js') });
  } catch (error) {
    if (error instanceof HandOverToFullProgram) return (await import('./program.js')).runProgram(argv);
    reportFailure(error);
  }
}
