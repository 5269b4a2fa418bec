// `paperdeck generate` in its plain forms when a deck needs building (the bin's quick path
// reports unchanged decks itself and hands the others over: hand-over.ts), as a build of its
// own (scripts/bundle.mjs: dist/generate.js, one CommonJS file, which the bin loads from its code
// cache: scripts/generate-loader.js): the generate command and the card generator without
// commander and without the full program's chunks, each of which costs Node its own resolve,
// read, compile and link. Like the full program it reports its own failures.
import type { Invocation } from './dispatch.js';
import { runInvocation } from './dispatch.js';
import { reportFailure } from './failure.js';

/** Runs `generate` as the full program would run this invocation (commander's reading of it: a test holds the two alike). */
export async function runGenerate(invocation: Invocation): Promise<void> {
  try {
    await runInvocation(invocation, { generate: () => import('./commands/generate.js') });
  } catch (error) {
    reportFailure(error);
  }
}
