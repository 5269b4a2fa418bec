// A hand-edited settings file with a value `config` would refuse: every command that schedules
// stops with one line that names the key and the way out, and `config KEY --reset` mends it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli, workspaceWithBundledDeck } from '../helpers/cli.js';

it('refuses an invalid stored setting with one line, and --reset repairs it', () => {
  const { decks, state } = workspaceWithBundledDeck();
  expect(runCli(['generate', '--decks', decks]).code).toBe(0);
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, 'settings.json'), JSON.stringify({ schemaVersion: 1, settings: { learningSteps: ['soon'] } }));
  for (const command of [['due'], ['cards'], ['stats'], ['config']]) {
    const result = runCli([...command, '--decks', decks, '--state', state]);
    expect(result.code, command.join(' ')).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^paperdeck: .*settings\.json has an invalid learning-steps \(\["soon"\]\); .*paperdeck config learning-steps --reset$/),
    ]);
  }
  expect(runCli(['config', 'learning-steps', '--reset', '--state', state]).code).toBe(0);
  const due = runCli(['due', '--json', '--decks', decks, '--state', state]);
  expect(due.code).toBe(0);
  expect(JSON.parse(due.stdout)).toMatchObject({ deck: 'iclr2017', new: 20 });
});
