// Running one command, however its arguments were parsed (commander in program.ts, or the
// quick path for `due` in quick.ts): the context every command is handed, and the
// command's module, imported only when that command runs.
import { clockFromEnv } from '../core/clock.js';
import { resolvePlaces } from '../core/paths.js';
import { cleanOutput, SafeJsonBytes, safeJsonPieces, toSafeLine } from '../core/sanitize.js';
import { loadTextWidths } from '../core/text.js';
import type { CommandArgs } from './args.js';
import type { CommandContext } from './context.js';
import { conflictCopies } from '../store/conflict-copies.js';
import { displayDir } from '../store/layout.js';

export interface CommandModule {
  run: (ctx: CommandContext, args: never) => Promise<number | void>;
  /**
   * True for a command that formats its text inside core/text.ts `measured`, which loads
   * string-width only when the text needs it: a table of plain titles is cheaper than loading it.
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

/** Where a command's output goes: process.stdout and process.stderr, or a test's stand-ins. */
export interface CommandStreams {
  stdout: { write(chunk: string | Uint8Array): unknown; readonly isTTY?: boolean; readonly writableLength: number };
  stderr: { write(chunk: string): unknown };
}

/** The context a command is handed: its places, clock and the one way out for what it prints. */
export function commandContext(flags: Invocation['flags'], env: NodeJS.ProcessEnv, streams: CommandStreams): CommandContext {
  const { stdout } = streams;
  const color = Boolean(stdout.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
  return {
    places: resolvePlaces(flags, env),
    clock: clockFromEnv(env),
    json: Boolean(flags.json),
    // Everything a command prints is cleaned here, at the one way out, whatever it quotes: a
    // check at each message would miss the next one added (core/sanitize.ts cleanOutput).
    out: (text) => stdout.write(cleanOutput(text, color)),
    // JSON escapes what a terminal would act on instead: the data stays whole.
    // In pieces: a 4 MB document is never one string (core/sanitize.ts safeJsonPieces).
    outJson: (value) => {
      if (value instanceof SafeJsonBytes) {
        // Each chunk's memory is made again for the next only once it was written out whole
        // (a file, or a pipe or terminal written synchronously, as on Linux and macOS).
        const { chunks } = value;
        for (let next = chunks.next(); !next.done; next = chunks.next(stdout.writableLength === 0)) stdout.write(next.value);
        return;
      }
      for (const piece of safeJsonPieces(value)) stdout.write(piece);
    },
    // (stderr asked for only when written to: Node makes the stream, loading node:net or
    // node:tty, the first time process.stderr is read.)
    err: (text) => streams.stderr.write(cleanOutput(text, false)),
    env,
    color,
  };
}

/** Runs the command; its return value, when a number, becomes the exit code. */
export async function runInvocation({ command, positional, flags }: Invocation, modules: CommandModules): Promise<void> {
  const load = modules[command];
  if (!load) throw new Error(`no module for the command ${command}`);
  const ctx = commandContext(flags, process.env, process);
  noteConflictCopies(ctx);
  const { run, loadsTextWidths } = await load();
  // Text for a person is measured in terminal columns; JSON never is.
  if (!ctx.json && !loadsTextWidths) await loadTextWidths();
  const code = await run(ctx, { positional, flags } as never);
  if (typeof code === 'number') process.exitCode = code;
}

/**
 * One line naming the sync tools' conflict copies in the state folder (store/conflict-copies.ts),
 * before any command: none of them is read, so what they hold is not counted until the user
 * looks at them.
 */
function noteConflictCopies(ctx: CommandContext): void {
  // Once a process: `due`'s quick path may hand its command over to the full program.
  const noted = Symbol.for('paperdeck.conflict-copies-noted');
  const flags = process as unknown as Record<symbol, boolean>;
  if (flags[noted]) return;
  flags[noted] = true;
  const copies = conflictCopies(ctx.places.stateDir);
  if (copies.length === 0) return;
  // A file name can hold any byte but '/': made one clean line.
  const shown = copies.slice(0, 3).map(toSafeLine).join(', ') + (copies.length > 3 ? ` and ${copies.length - 3} more` : '');
  ctx.err(
    `paperdeck: note: ${copies.length === 1 ? 'a conflict copy made by a file-sync tool is' : `${copies.length} conflict copies made by a file-sync tool are`} in ${displayDir(ctx.places.stateDir)} and not read: ${shown} (paperdeck left ${copies.length === 1 ? 'it' : 'them'} as ${copies.length === 1 ? 'it is' : 'they are'}; see "Studying on several machines" in the README)\n`,
  );
}
