// The paperdeck command line. Commands are loaded only when run, so the light ones (due,
// cards, stats) never load Ink or React and start about as fast as Node itself.
import { Command, CommanderError, Option } from 'commander';
import { clockFromEnv } from '../core/clock.js';
import { UsageError, UserError } from '../core/errors.js';
import { resolvePlaces } from '../core/paths.js';
import { settingsHelp } from '../schedule/settings.js';
import type { CommandContext } from './context.js';

declare const PAPERDECK_VERSION: string;

interface GlobalFlags {
  decks?: string;
  state?: string;
  json?: boolean;
}

function makeContext(flags: GlobalFlags): CommandContext {
  const env = process.env;
  return {
    places: resolvePlaces(flags, env),
    clock: clockFromEnv(env),
    json: Boolean(flags.json),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env,
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== ''),
  };
}

export function buildProgram(): Command {
  const program = new Command('paperdeck')
    .description('Spaced repetition for the papers you read: your notes become FSRS-scheduled flashcards.')
    .version(PAPERDECK_VERSION, '-V, --version', 'print the version')
    .option('--decks <dir>', 'decks folder (default: decks/ in the project; env PAPERDECK_DECKS)')
    .option('--state <dir>', 'review state folder (default: state/ in the project; env PAPERDECK_STATE)')
    // Usage errors as one plain line, like every other error: "paperdeck: ... (see --help)".
    .configureOutput({
      outputError: (text, write) => write(`paperdeck: ${oneLine(text.replace(/^error:\s*/i, ''))} (see --help)\n`),
    })
    .exitOverride();

  // Each command: its flags, then a lazily imported runner that receives the context.
  const withJson = (cmd: Command) => cmd.option('--json', 'print one JSON document on stdout');
  const action =
    (load: () => Promise<{ run: (ctx: CommandContext, args: never) => Promise<number | void> }>) =>
    async (...raw: unknown[]) => {
      const cmd = raw[raw.length - 1] as Command;
      const flags = cmd.optsWithGlobals() as GlobalFlags & Record<string, unknown>;
      const ctx = makeContext(flags);
      const { run } = await load();
      const positional = raw.slice(0, -2);
      const code = await run(ctx, { positional, flags } as never);
      if (typeof code === 'number') process.exitCode = code;
    };

  program
    .command('study')
    .description('review the cards due now in an interactive terminal session')
    .argument('[deck]', 'deck name (default: the only deck, else a picker)')
    .addHelpText('after', '\nKeys: Space/Enter show answer, 1-4 rate, u undo, b bury, s suspend, e edit note, ? help, q quit.')
    .action(action(() => import('./commands/study.js')));

  withJson(
    program
      .command('generate')
      .description("(re)build each deck's cards.json from its notes, keeping every card's history")
      .argument('[decks...]', 'deck names (default: every deck)')
      .option('--force', 'rebuild even when the notes are unchanged'),
  ).action(action(() => import('./commands/generate.js')));

  withJson(
    program
      .command('new')
      .description('start a deck from a notes file anywhere on disk')
      .argument('<name>', 'name of the new deck (letters, digits, - and _)')
      .requiredOption('--from <file>', 'the notes file to copy into the deck'),
  ).action(action(() => import('./commands/new.js')));

  withJson(
    program
      .command('due')
      .description('count what is due now (for shell prompts and scripts)')
      .argument('[deck]', 'deck name (default: every deck)'),
  ).action(action(() => import('./commands/due.js')));

  withJson(
    program
      .command('cards')
      .description('one row per card: title, state, due, stability, difficulty, retrievability, lapses, flags')
      .argument('[deck]', 'deck name (default: the only deck)'),
  ).action(action(() => import('./commands/cards.js')));

  withJson(
    program
      .command('stats')
      .description('retention statistics with charts')
      .argument('[deck]', 'deck name (default: the only deck)'),
  ).action(action(() => import('./commands/stats.js')));

  withJson(
    program
      .command('config')
      .description('show or set settings, validated')
      .argument('[key]', 'setting to show or set')
      .argument('[value]', 'new value')
      .addOption(new Option('--reset', 'restore the setting (or all settings) to its default'))
      // "-1m" or "-5" is a (refused) value, not an unknown option: config.ts sorts them out.
      .allowUnknownOption()
      .addHelpText('after', () => `\n${settingsHelp()}`),
  ).action(action(() => import('./commands/config.js')));

  withJson(
    program
      .command('unsuspend')
      .description('put suspended cards (by id or part of the title, or all leeches) back in the queue')
      .argument('[deck]', 'deck name (default: the only deck); may be left out when there is one deck')
      .argument('[cards...]', 'card ids, or unique case-insensitive parts of titles')
      .option('--leeches', 'every suspended leech of the deck')
      .option('--all', 'every suspended card of the deck'),
  ).action(action(() => import('./commands/unsuspend.js')));

  return program;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * A reader that stops early (`paperdeck cards | head`) closes the pipe: that is the reader's
 * choice, not a failure, so leave quietly instead of with a stack trace.
 */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; commander has already printed its message.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`paperdeck: ${oneLine(error.message)}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof UserError) {
      process.stderr.write(`paperdeck: ${oneLine(error.message)}\n`);
      process.exitCode = 1;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`paperdeck: unexpected error: ${oneLine(message)}\n`);
    if (process.env.PAPERDECK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv);
