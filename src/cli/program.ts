// The paperdeck command line as commander reads it: every command with its arguments, options
// and help. main.ts hands over everything the quick path (quick.ts) does not take. This is
// bundled apart from main (scripts/bundle.mjs), with its own copies of UsageError and
// UserError, which main's reportFailure would not recognise: so it reports its own failures.
import { Command, CommanderError, Option } from 'commander';
import { DECK_NAME_RULE } from '../core/deck-name.js';
import { settingsHelp } from '../schedule/settings.js';
import { runInvocation, type CommandModules, type Invocation } from './dispatch.js';
import { oneLine, reportFailure } from './failure.js';
import { stripControl } from '../core/sanitize.js';
import { cli } from '../core/invocation.js';
import { JSON_OPTION, PLACE_OPTIONS, STUDY_OPTIONS } from './options.js';
import { QUICK_COMMAND_MODULES } from './quick.js';
import { useSchedulerForMerges } from './merges.js';

/** Every command's module, loaded only when it runs: only `study` loads Ink and React. */
const COMMAND_MODULES = {
  ...QUICK_COMMAND_MODULES,
  cards: () => import('./commands/cards.js'),
  history: () => import('./commands/history.js'),
  export: () => import('./commands/export.js'),
  stats: () => import('./commands/stats.js'),
  study: () => import('./commands/study.js'),
  generate: () => import('./commands/generate.js'),
  new: () => import('./commands/new.js'),
  inspect: () => import('./commands/inspect.js'),
  config: () => import('./commands/config.js'),
  unsuspend: () => import('./commands/unsuspend.js'),
  optimize: () => import('./commands/optimize.js'),
  plan: () => import('./commands/plan.js'),
  devices: () => import('./commands/devices.js'),
} satisfies CommandModules;

type CommandName = keyof typeof COMMAND_MODULES;

declare const PAPERDECK_VERSION: string;

/** The program; each command, once parsed, goes to `dispatch`. */
export function buildProgram(dispatch: (invocation: Invocation) => Promise<void>): Command {
  const program = new Command('paperdeck')
    .description('Spaced repetition for the papers you read: your notes become FSRS-scheduled flashcards.')
    .version(PAPERDECK_VERSION, '-V, --version', 'print the version')
    // commander wraps descriptions at words only when their column is 40 wide or more; at 80
    // columns the longest command leaves 39 (at 60, 19), so it did not wrap at all and the
    // terminal broke words in two. Set before the commands are added, which inherit it.
    .configureHelp({ minWidthToWrap: 10 });
  for (const option of PLACE_OPTIONS) program.option(option.flags, option.description);
  program
    // Usage errors as one plain line, like every other error: "paperdeck: ... (see --help)".
    .configureOutput({
      // commander quotes what was typed (an unknown command or option): cleaned like every message.
      outputError: (text, write) => write(`paperdeck: ${oneLine(stripControl(text.replace(/^error:\s*/i, '')))} (see --help)\n`),
    })
    .exitOverride();

  const withJson = (cmd: Command) => cmd.option(JSON_OPTION.flags, JSON_OPTION.description);
  // commander calls an action with the arguments, then the options, then the command.
  const action =
    (command: CommandName) =>
    (...raw: unknown[]) => {
      const cmd = raw[raw.length - 1] as Command;
      return dispatch({ command, positional: raw.slice(0, -2), flags: cmd.optsWithGlobals() });
    };

  const study = program
    .command('study')
    .description('review the cards due now in an interactive terminal session')
    .argument('[deck]', 'deck name (default: the only deck, else a picker, "All decks" first when several have cards due)');
  for (const option of STUDY_OPTIONS) study.option(option.flags, option.description);
  study
    .addHelpText('after', '\nKeys: Space/Enter show answer, 1-4 rate, u undo, b bury, s suspend, e edit note,\n? help, q quit.')
    .action(action('study'));

  withJson(
    program
      .command('generate')
      .description("(re)build each deck's cards.json from its notes, keeping every card's history")
      .argument('[decks...]', 'deck names (default: every deck)')
      .option('--force', 'rebuild even when the notes are unchanged')
      .option('--verbose', 'list the skipped notes even when they are the same as before'),
  ).action(action('generate'));

  withJson(
    program
      .command('new')
      .description('start a deck from a notes file or folder anywhere on disk, read where it lives')
      .argument('<name>', `name of the new deck: ${DECK_NAME_RULE}`)
      .requiredOption('--from <path>', 'the notes: a file, or a folder read with its sub-folders')
      .option('--copy', 'copy the notes into the deck folder instead of linking to them')
      .addHelpText(
        'after',
        [
          '',
          'By default the deck is linked: decks/NAME/ holds notes-link.json, naming PATH',
          '(made absolute), and cards.json. Edits at PATH show at the next generate or',
          'study, and `e` in a session opens the file there. If PATH goes away, the deck',
          'keeps its cards and history, and generate says where it looked.',
          '',
          'A folder is read with its sub-folders: every *.md, *.markdown, *.txt and *.org',
          'file (and one with no extension named with a year, chen_et_al_2022), in sorted',
          'order, leaving out hidden files and folders (.git, .obsidian)',
          'and node_modules; at most 5000 notes files, 16 levels deep.',
          '',
          'With --copy the notes are copied into decks/NAME/ (a folder keeps its',
          'sub-folders).',
        ].join('\n'),
      ),
  ).action(action('new'));

  withJson(
    program
      .command('inspect')
      .description('show how a notes file, a folder of notes or a deck is read: each paper and its answer, and what is not a paper; writes nothing')
      .argument('<path-or-deck>', 'a notes file or folder (a path that exists), else a deck name'),
  ).action(action('inspect'));

  withJson(
    program
      .command('due')
      .description('count what is due now (for shell prompts and scripts)')
      .argument('[deck]', 'deck name (default: every deck)'),
  ).action(action('due'));

  withJson(
    program
      .command('cards')
      .description('one row per card: short id, title, state, due, stability, difficulty, retrievability, lapses')
      .argument('[deck]', 'deck name (default: the only deck)')
      .option('--search <text>', 'only the cards whose title contains TEXT (ignoring case)'),
  ).action(action('cards'));

  withJson(
    program
      .command('history')
      .description('every review of one card: date, grade, interval, stability, difficulty, retrievability')
      .argument('<card>', 'a card id (or the short id `cards` shows), or a unique case-insensitive part of its title')
      .argument('[deck]', 'deck name (default: the only deck)'),
  ).action(action('history'));

  withJson(
    program
      .command('export')
      .description("the deck's cards for Anki's text import (and as CSV or JSON): importing again updates the same Anki notes")
      .argument('[deck]', 'deck name (default: the only deck)')
      .option('--format <format>', 'anki (the default), csv or json')
      .option('--out <file>', 'write to FILE (replaced whole) instead of stdout'),
  ).action(action('export'));

  withJson(
    program
      .command('stats')
      .description('retention statistics with charts')
      .argument('[deck]', 'deck name (default: the only deck)'),
  ).action(action('stats'));

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
  ).action(action('config'));

  withJson(
    program
      .command('unsuspend')
      .description('put suspended cards (by id or part of the title, or all leeches) back in the queue')
      .argument('[deck]', 'deck name (default: the only deck); may be left out when there is one deck')
      .argument('[cards...]', 'card ids, or unique case-insensitive parts of titles')
      .option('--leeches', 'every suspended leech of the deck')
      .option('--all', 'every suspended card of the deck'),
  ).action(action('unsuspend'));

  withJson(
    program
      .command('optimize')
      .description("fit FSRS parameters to the deck's own reviews; adopt them only if they predict its latest reviews better")
      .argument('[deck]', 'deck name (default: the only deck)')
      .option('--reschedule', "also move each review card's due date to the interval the parameters in use give (the new ones, if adopted)")
      .addHelpText(
        'after',
        [
          '',
          'Fits on the oldest 80% of the reviews, tests on the latest 20%, and adopts the',
          'fit (made again on all reviews) only when its log loss there is lower than that',
          'of the parameters in use. Needs the FSRS optimiser, an optional dependency built',
          'for Linux on x64. Card memory states follow the parameters in use; due dates',
          'already set stay, unless --reschedule (each move is an entry of the review log).',
          `Back to the defaults: ${cli()} config parameters --reset`,
        ].join('\n'),
      ),
  ).action(action('optimize'));

  withJson(
    program
      .command('plan')
      .description('simulated workload for each desired retention, 0.70-0.99, to help choose one')
      .argument('[deck]', 'deck name (default: the only deck)')
      .option('--days <n>', 'days to simulate, 1-3650 (default: 365)')
      .option('--new-per-day <n>', 'new cards a day in the simulation (default: the new-per-day setting)')
      .option('--seed <n>', 'seed of the simulation: the same seed, the same figures (default: 1)'),
  ).action(action('plan'));

  withJson(
    program
      .command('devices')
      .description('the machines sharing this state folder (through Syncthing, a cloud folder or git), each with its last answer')
      .addHelpText(
        'after',
        [
          '',
          'Each machine writes only files named after it, so a file-sync tool never has two',
          "versions of one file to choose between. A machine's name is its host name and a",
          'short hash of its machine id; PAPERDECK_DEVICE=NAME gives it another.',
        ].join('\n'),
      ),
  ).action(action('devices'));

  return program;
}

/**
 * Commands that read no deck's card states (generate only leaves a due index, and leaves none
 * when it cannot): they do without ts-fsrs, which would only slow them down.
 */
const OPENS_NO_DECK_STATE: ReadonlySet<string> = new Set(['config', 'new', 'inspect', 'devices', 'generate']);

/**
 * Parses `argv` (as process.argv) and runs what it asks for. commander prints its own usage
 * errors, help and version (exit 2 for a usage error, 0 for help and version); any other
 * failure is one line on stderr.
 */
export async function runProgram(argv: string[]): Promise<void> {
  try {
    await buildProgram(async (invocation) => {
      if (!OPENS_NO_DECK_STATE.has(invocation.command)) await useSchedulerForMerges();
      await runInvocation(invocation, COMMAND_MODULES);
    }).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
    else reportFailure(error);
  }
}
