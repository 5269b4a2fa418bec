// Hints on screen name the command as the user can run it: `paperdeck` when it was started from
// the PATH (after `npm link`), `npx paperdeck` when it was started through npm or as a file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

function deckWithoutCards(): string {
  const decks = join(tempDir(), 'decks');
  mkdirSync(join(decks, 'papers'), { recursive: true });
  writeFileSync(join(decks, 'papers', 'notes.md'), '## Deep Residual Learning\n\nResidual functions let very deep networks train.\n');
  return decks;
}

/** Runs the built CLI as `script`, with npm's variables only where asked. */
function run(script: string, decks: string, npm: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  Object.assign(env, npm);
  return spawnSync(process.execPath, [script, 'cards', 'papers', '--decks', decks], { env, encoding: 'utf8' });
}

describe('hints on screen', () => {
  it('say "paperdeck" when it was started from the PATH', () => {
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'paperdeck'));
    const result = run(join(bin, 'paperdeck'), deckWithoutCards());
    expect(result.stderr).toContain('run paperdeck generate papers to save its cards');
    expect(result.stderr).not.toContain('npx');
  });

  it('say "npx paperdeck" when it was started through npm or as a file', () => {
    const decks = deckWithoutCards();
    expect(run(BIN, decks).stderr).toContain('run npx paperdeck generate papers to save its cards');
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'paperdeck'));
    expect(run(join(bin, 'paperdeck'), decks, { npm_lifecycle_event: 'start' }).stderr).toContain('run npx paperdeck generate papers');
  });
});
