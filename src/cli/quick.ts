// The quick path for `paperdeck due` (and `generate`, and `cards --json`; and `study`'s and `stats`' plain forms). A shell prompt may run `due` on every new line, so it should
// start about as fast as Node itself, and commander, the parser everything else goes through,
// takes longer to load than `due` takes to run on a small deck. Node's own parseArgs (strict)
// reads the plain forms of the command instead; anything it does not accept as plainly valid
// (--help, an unknown option, an extra argument, options before the command) goes to
// commander, which answers it as it always has. A test holds the two to the same reading of
// every form the quick path accepts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandModules, Invocation } from './dispatch.js';
import { JSON_OPTION, PLACE_OPTIONS, STUDY_OPTIONS, type OptionSpec } from './options.js';

/**
 * The commands the quick path runs. Each takes one optional deck name and the options in
 * options.ts, nothing else, which is what lets parseArgs read it. `stats` would fit too, but
 * its own work dwarfs commander's cost, and every command here is code that each `due`
 * compiles (the quick path is bundled as one file: scripts/bundle.mjs).
 */
export const QUICK_COMMAND_MODULES = {
  due: () => import('./commands/due.js'),
  // Run after every save of the notes by some editors' hooks: when nothing changed it reads one
  // line of cards.json, less than commander takes to load; when something did, it hands over to
  // the full program, which has the generator (hand-over.ts), before printing anything.
  generate: () => import('./commands/generate.js'),
  // `cards --json` from the due index, which holds every card's title and state: no cards.json,
  // snapshot or scheduler; anything else is handed over to the full program's `cards`.
  cards: () => import('./quick-cards.js'),
} satisfies CommandModules;

/** Commands whose argument takes any number of words (`generate [decks...]`): commander hands them as one list. */
const VARIADIC: ReadonlySet<string> = new Set(['generate']);

const parseOptions = (specs: readonly OptionSpec[]): ParseArgsConfig['options'] =>
  Object.fromEntries(specs.map((option) => [option.key, { type: option.takesValue ? 'string' : 'boolean' }]));

const OPTIONS = parseOptions([...PLACE_OPTIONS, JSON_OPTION]);
const STUDY = parseOptions([...PLACE_OPTIONS, ...STUDY_OPTIONS]);

/** The invocation `args` (argv after the script) asks for, or null to let commander decide. */
export function quickInvocation(args: readonly string[]): Invocation | null {
  const [command, ...rest] = args;
  if (command === undefined || !Object.hasOwn(QUICK_COMMAND_MODULES, command)) return null;
  const parsed = readPlainly(rest, OPTIONS);
  if (parsed === null) return null;
  const { values, positionals } = parsed;
  if (VARIADIC.has(command)) return { command, positional: [positionals], flags: { ...values } };
  if (positionals.length > 1) return null;
  return { command, positional: [positionals[0]], flags: { ...values } };
}

/**
 * `study` in its plain forms (`study [DECK]` with --all, --new, --ahead, --decks, --state), read
 * as commander reads them, or null to let commander decide. The bin then starts the full
 * program's study alone (study-program.ts): the session's start-up is not spent loading
 * commander and building every command's help.
 */
export function studyInvocation(args: readonly string[]): Invocation | null {
  return ownBuildInvocation('study', args, STUDY);
}

/**
 * `stats` in its plain forms (`stats [DECK]` with --json, --decks, --state), read as commander
 * reads them, or null to let commander decide. The bin then starts stats' own build
 * (stats-program.ts), without commander and the full program's chunks.
 */
export function statsInvocation(args: readonly string[]): Invocation | null {
  return ownBuildInvocation('stats', args, OPTIONS);
}

/** `command [DECK]` with `options`, as commander reads it, or null. */
function ownBuildInvocation(name: string, args: readonly string[], options: typeof OPTIONS): Invocation | null {
  const [command, ...rest] = args;
  if (command !== name) return null;
  const parsed = readPlainly(rest, options);
  if (parsed === null || parsed.positionals.length > 1) return null;
  return { command, positional: [parsed.positionals[0]], flags: { ...parsed.values } };
}

/** `args` read strictly with `options`, or null when they do not read so (commander explains what is wrong). */
function readPlainly(args: readonly string[], options: typeof OPTIONS): { values: Record<string, string | boolean | undefined>; positionals: string[] } | null {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true }) as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch {
    return null;
  }
}
