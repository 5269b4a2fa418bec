// `paperdeck generate` in its plain forms when a deck needs building (the bin's quick path
// reports unchanged decks itself and hands the others over: hand-over.ts), as a build of its
// own (scripts/bundle.mjs: dist/generate.js, one CommonJS file): the generate command and the card
// generator without commander and without the full program's chunks, each of which costs Node
// its own resolve, read, compile and link. Like the full program it reports its own failures.
import { setFlagsFromString } from 'node:v8';
import type { Invocation } from './dispatch.js';
import { runInvocation } from './dispatch.js';
import { reportFailure } from './failure.js';

/**
 * V8 compiles a regular expression twice: on its first match to bytecode, which it interprets,
 * and on its second to machine code. For the card generator's large patterns (cards/key-idea.ts,
 * cards/remarks.ts) the bytecode is the dearer of the two, and a rebuild after an edit, which
 * reads one or two notes, paid both for some 70 patterns: the edited note's key idea took 40-50
 * ms of CPU here, under 20 ms with each pattern compiled to machine code at once. With this
 * setting a pattern made after it is compiled so on its first match, as the full build's were
 * on their second anyway; it matches what it matched (only which of V8's two engines runs it
 * changes). Unlike --no-regexp-tier-up, which crashed when set at run time, it changes no
 * pattern already made: it only says when a new one tiers up. Set before the generator's
 * modules are loaded, which make its patterns.
 */
const COMPILE_PATTERNS_AT_ONCE = '--regexp-tier-up-ticks=0';

/** Runs `generate` as the full program would run this invocation (commander's reading of it: a test holds the two alike). */
export async function runGenerate(invocation: Invocation): Promise<void> {
  try {
    setFlagsFromString(COMPILE_PATTERNS_AT_ONCE);
    await runInvocation(invocation, { generate: () => import('./commands/generate.js') });
  } catch (error) {
    reportFailure(error);
  }
}
