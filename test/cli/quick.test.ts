// `paperdeck due` skips commander on its quick path (src/cli/quick.ts). Whatever the quick
// path accepts, commander must read the same way, and whatever it is unsure of must go to
// commander, so that the shortcut never changes what a command line means.
import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../src/cli/dispatch.js';
import { buildProgram } from '../../src/cli/program.js';
import { quickInvocation, statsInvocation, studyInvocation } from '../../src/cli/quick.js';
import { paperdeck, sourcesLoadedFrom, workspace } from '../schedule/built-cli.js';

/** What commander makes of `args`: the invocation it would run, or the error it raises. */
async function commanderReading(args: string[]): Promise<Invocation | string> {
  let seen: Invocation | undefined;
  const program = buildProgram(async (invocation) => {
    seen = invocation;
  });
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    await program.parseAsync(['node', 'paperdeck', ...args]);
  } catch (error) {
    return `commander: ${(error as Error).message}`;
  }
  return seen ?? 'nothing run';
}

/** Invocations compared by value: no undefined flags, plain objects. */
const plain = (invocation: Invocation | string | null) => JSON.parse(JSON.stringify(invocation)) as unknown;

describe('the quick path for generate', () => {
  const accepted = [
    ['generate'],
    ['generate', 'iclr2017'],
    ['generate', 'a', 'b', 'c'],
    ['generate', '--decks', '/tmp/d', 'a', '--state=rel/state'],
    ['generate', '--json', 'a', 'b'],
    ['generate', '--', '--not-an-option'],
  ];
  it.each(accepted)('reads %j exactly as commander does', async (...args: string[]) => {
    const quick = quickInvocation(args);
    expect(quick).not.toBeNull();
    expect(plain(quick)).toEqual(plain(await commanderReading(args)));
  });

  it.each([['generate', '--force'], ['generate', '--verbose', 'a'], ['generate', '--help']])('leaves %j to commander', (...args: string[]) => {
    expect(quickInvocation(args)).toBeNull();
  });

  it('hands a deck to build to generate’s own entry, which loads the generator but neither commander nor the full program’s command table', async () => {
    const sources = await sourcesLoadedFrom(['src/cli/main.ts', 'src/cli/generate-program.ts', 'src/cli/commands/generate.ts', 'src/cards/incremental.ts']);
    expect(sources).toContain('src/cards/key-idea.ts');
    expect(sources.filter((file) => /node_modules\/commander\/|src\/cli\/program\.ts|node_modules\/(ink|react)\//.test(file))).toEqual([]);
  });
});

describe('the quick path for cards', () => {
  const accepted = [
    ['cards', '--json'],
    ['cards', 'iclr2017', '--json'],
    ['cards', '--json', '--decks', '/tmp/d', 'a', '--state=rel/state'],
    ['cards'],
    ['cards', 'a'],
  ];
  it.each(accepted)('reads %j exactly as commander does', async (...args: string[]) => {
    const quick = quickInvocation(args);
    expect(quick).not.toBeNull();
    expect(plain(quick)).toEqual(plain(await commanderReading(args)));
  });

  it.each([['cards', '--search', 'x', '--json'], ['cards', 'a', 'b'], ['cards', '--help']])('leaves %j to commander', (...args: string[]) => {
    expect(quickInvocation(args)).toBeNull();
  });
});

describe('study without commander', () => {
  // Every combination of a deck or none, --all, --new and --ahead (two words or with "="), and
  // --decks and --state, in two orders; then a few odd but plain forms. What they mean (a deck
  // and --all together, --new 0) is study's to say, alike on both paths.
  const parts = {
    deck: [[], ['iclr2017']],
    all: [[], ['--all']],
    extra: [[], ['--new', '10'], ['--new=3'], ['--ahead', '2', '--new', '0']],
    places: [[], ['--decks', '/tmp/d', '--state=rel/state']],
  };
  const accepted: string[][] = [];
  for (const deck of parts.deck)
    for (const all of parts.all)
      for (const extra of parts.extra)
        for (const places of parts.places) {
          accepted.push(['study', ...deck, ...all, ...extra, ...places]);
          accepted.push(['study', ...places, ...extra, ...all, ...deck]);
        }
  accepted.push(['study', '--ahead=x'], ['study', '--new', '1', '--new', '2'], ['study', '--', '--not-an-option'], ['study', 'deck with spaces']);

  it.each(accepted)('reads %j exactly as commander does', async (...args: string[]) => {
    const study = studyInvocation(args);
    expect(study).not.toBeNull();
    expect(plain(study)).toEqual(plain(await commanderReading(args)));
  });

  it('loads neither commander nor the full program’s command table: the bin starts study’s own entry', async () => {
    const sources = await sourcesLoadedFrom(['src/cli/main.ts', 'src/cli/study-program.ts', 'src/cli/commands/study.ts']);
    expect(sources).toContain('src/cli/commands/study.ts');
    expect(sources.filter((file) => /node_modules\/commander\/|src\/cli\/program\.ts/.test(file))).toEqual([]);
  });

  it.each([['study', '--help'], ['study', '-h'], ['study', 'a', 'b'], ['study', '--json'], ['study', '--new'], ['study', '--all=yes'], ['--decks', '/d', 'study'], ['due'], ['Study']])(
    'leaves %j to commander',
    (...args: string[]) => {
      expect(studyInvocation(args)).toBeNull();
    },
  );
});

describe('stats without commander', () => {
  const parts = {
    deck: [[], ['iclr2017']],
    json: [[], ['--json']],
    places: [[], ['--decks', '/tmp/d', '--state=rel/state']],
  };
  const accepted: string[][] = [];
  for (const deck of parts.deck)
    for (const json of parts.json)
      for (const places of parts.places) {
        accepted.push(['stats', ...deck, ...json, ...places]);
        accepted.push(['stats', ...places, ...json, ...deck]);
      }
  accepted.push(['stats', '--json', '--json'], ['stats', '--', '--not-an-option'], ['stats', 'deck with spaces']);

  it.each(accepted)('reads %j exactly as commander does', async (...args: string[]) => {
    const stats = statsInvocation(args);
    expect(stats).not.toBeNull();
    expect(plain(stats)).toEqual(plain(await commanderReading(args)));
  });

  it('loads neither commander nor the full program’s command table, nor the card generator: the bin starts stats’ own entry', async () => {
    const sources = await sourcesLoadedFrom(['src/cli/main.ts', 'src/cli/stats-program.ts', 'src/cli/commands/stats.ts']);
    expect(sources).toContain('src/stats/index.ts');
    expect(sources.filter((file) => /node_modules\/commander\/|src\/cli\/program\.ts|src\/cards\/generate\.ts|node_modules\/(ink|react)\//.test(file))).toEqual([]);
  });

  it.each([['stats', '--help'], ['stats', 'a', 'b'], ['stats', '--all'], ['--json', 'stats'], ['due'], ['Stats']])('leaves %j to commander', (...args: string[]) => {
    expect(statsInvocation(args)).toBeNull();
  });
});

describe('the quick path for due', () => {
  // Every combination of what the plain form holds: a deck or none, --json or not, --decks and
  // --state absent, as two words or with "=", in two orders; then a few odd but plain forms.
  const parts = {
    deck: [[], ['iclr2017']],
    json: [[], ['--json']],
    decks: [[], ['--decks', '/tmp/d'], ['--decks=/tmp/d']],
    state: [[], ['--state', 'rel/state'], ['--state=rel/state']],
  };
  const accepted: string[][] = [];
  for (const deck of parts.deck)
    for (const json of parts.json)
      for (const decks of parts.decks)
        for (const state of parts.state) {
          accepted.push(['due', ...deck, ...json, ...decks, ...state]);
          accepted.push(['due', ...state, ...json, ...decks, ...deck]);
        }
  accepted.push(
    ['due', '--json', '--json'],
    ['due', '--decks', '/a', '--decks', '/b'],
    ['due', '--', 'deck-after-dashes'],
    ['due', '--json', '--', '--not-an-option'],
    ['due', 'deck with spaces'],
  );

  it.each(accepted)('reads %j exactly as commander does', async (...args: string[]) => {
    const quick = quickInvocation(args);
    expect(quick).not.toBeNull();
    expect(plain(quick)).toEqual(plain(await commanderReading(args)));
  });

  const leftToCommander: string[][] = [
    ['due', '--help'],
    ['due', '-h'],
    ['due', 'a', 'b'],
    ['due', '--bogus'],
    ['due', '-j'],
    ['due', '--json=yes'],
    ['due', '--decks'],
    ['due', '--decks', '--json'],
    ['--decks', '/tmp/d', 'due'],
    ['--json', 'due'],
    ['--version'],
    [],
    ['study'],
    ['Due'],
  ];

  it.each(leftToCommander)('leaves %j to commander', (...args) => {
    expect(quickInvocation(args)).toBeNull();
  });

  it('answers what it leaves to commander as commander always has (the real binary)', () => {
    const ws = workspace();
    const help = paperdeck(['due', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: paperdeck due \[options\] \[deck\]/);
    const extra = paperdeck(['due', 'a', 'b', '--decks', ws.decks, '--state', ws.state]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/^paperdeck: too many arguments for 'due'/);
    const unknown = paperdeck(['due', '--bogus']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^paperdeck: unknown option '--bogus' \(see --help\)\n$/);
    // An empty folder (an unset variable in a script) is a mistake on either path, never the
    // project's own folders.
    for (const args of [['due', '--state', ''], ['due', '--decks='], ['cards', '--state', ''], ['--decks', '', 'due']]) {
      expect(paperdeck(args), args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^paperdeck: --(state|decks) needs a folder\n$/) });
    }
    // Options before the command are commander's, and mean the same.
    const before = paperdeck(['--decks', ws.decks, '--state', ws.state, 'due', '--json']);
    const after = paperdeck(['due', '--json', '--decks', ws.decks, '--state', ws.state]);
    expect(before).toEqual(after);
    expect(JSON.parse(after.stdout)).toMatchObject({ deck: null, total: 0 });
  });
});
