// Running one command, however its arguments were parsed (commander in program.ts, or the
// quick path for `due` in quick.ts): the context every command is handed, and the
// command's module, imported only when that command runs.
import { clockFromEnv } from '../core/clock.js';
import { resolvePlaces } from '../core/paths.js';
import { cleanOutput, safeJson } from '../core/sanitize.js';
import { loadTextWidths } from '../core/text.js';
import type { CommandArgs } from './args.js';
import type { CommandContext } from './context.js';

export interface CommandModule {
  run: (ctx: CommandContext, args: never) => Promise<number | void>;
  /**
   * True for a command that calls loadTextWidths itself when what it prints needs it (see
   * core/text.ts): `generate`, whose "nothing changed" is cheaper than loading string-width.
   */
  loadsTextWidths?: boolean;
}

/** Command name → a loader of the module holding its `run`. */
export type CommandModules = Readonly<Record<string, () => Promise<CommandModule>>>;

/** One command to run: its name, its positional arguments in order, and its flags. */
export interface Invocation {
  command: string;
  positional: unknown[];
  flags: CommandArgs['flags'] & Record<string, unknown>;
}

function makeContext(flags: Invocation['flags']): CommandContext {
  const env = process.env;
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
  return {
    places: resolvePlaces(flags, env),
    clock: clockFromEnv(env),
    json: Boolean(flags.json),
    // Everything a command prints is cleaned here, at the one way out, whatever it quotes: a
    // check at each message would miss the next one added (core/sanitize.ts cleanOutput).
    out: (text) => process.stdout.write(cleanOutput(text, color)),
    // JSON escapes what a terminal would act on instead: the data stays whole.
    outJson: (value) => process.stdout.write(safeJson(value)),
    err: (text) => process.stderr.write(cleanOutput(text, false)),
    env,
    color,
  };
}

/** Runs the command; its return value, when a number, becomes the exit code. */
export async function runInvocation({ command, positional, flags }: Invocation, modules: CommandModules): Promise<void> {
  const load = modules[command];
  if (!load) throw new Error(`no module for the command ${command}`);
  const ctx = makeContext(flags);
  const { run, loadsTextWidths } = await load();
  // Text for a person is measured in terminal columns; JSON never is.
  if (!ctx.json && !loadsTextWidths) await loadTextWidths();
  const code = await run(ctx, { positional, flags } as never);
  if (typeof code === 'number') process.exitCode = code;
}
