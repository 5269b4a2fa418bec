// Text from outside the notes (what was typed on the command line, a damaged file quoted in a
// message) never reaches the terminal with its escape sequences: whichever path a message takes
// to stdout or stderr, it is cleaned on the way out.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { cleanOutput } from '../../src/core/sanitize.js';
import { newCardState } from '../../src/schedule/card-state.js';
import { openState } from '../../src/store/index.js';
import { makeCards } from '../schedule/helpers.js';
import { paperdeck, workspace, writeDeck } from '../schedule/built-cli.js';
import { ownLog } from '../helpers/state-paths.js';

/** Sets the terminal's title: what a damaged line did to the user's terminal. */
const RETITLE = '\u001b]0;pwned\u0007';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function expectClean(result: { stdout: string; stderr: string }): void {
  expect(result.stdout).not.toMatch(CONTROL);
  expect(result.stderr).not.toMatch(CONTROL);
  expect(result.stderr).not.toContain('pwned\u0007');
}

describe('escape sequences from outside the notes', () => {
  it('in an unknown command typed on the command line (commander quotes it)', () => {
    const result = paperdeck([`bogus${RETITLE}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("paperdeck: unknown command 'bogus' (see --help)\n");
  });

  it('in a deck name typed on the command line, on the quick path and through commander', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(2));
    for (const args of [['due', `x${RETITLE}`], ['cards', `x${RETITLE}`], ['stats', `x${RETITLE}`]]) {
      const result = paperdeck([...args, '--decks', ws.decks, '--state', ws.state]);
      expect(result.code).not.toBe(0);
      expectClean(result);
    }
  });

  it('in a corrupted cards.json quoted by generate for one of several decks', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(2));
    mkdirSync(join(ws.decks, 'other'));
    writeFileSync(join(ws.decks, 'other', 'notes.txt'), 'C1: A Paper\n\nKey idea: the idea, plainly.\n');
    writeFileSync(join(ws.decks, 'papers', 'notes.txt'), 'C1: A Paper\n\nKey idea: the idea, plainly.\n');
    writeFileSync(join(ws.decks, 'papers', 'cards.json'), `{"version":1,${RETITLE}`);
    const result = paperdeck(['generate', '--decks', ws.decks, '--state', ws.state]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^paperdeck: papers: .*cards\.json is corrupted/);
    expectClean(result);
  });

  it("in a damaged last log line quoted in the readers' note", async () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(2));
    const clock = new ManualClock(Date.parse('2026-11-20T10:00:00Z'));
    const store = await openState(ws.state, { mode: 'write', clock });
    const before = newCardState();
    store.deck('papers').append({ kind: 'suspend', at: clock.now(), card: 'c001', before, after: { ...before, suspended: true } });
    store.close();
    appendFileSync(ownLog(ws.state, 'papers'), `{"seq":2,${RETITLE}}\n`);
    for (const command of ['cards', 'stats', 'due']) {
      const result = paperdeck([command, '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: '2026-11-20T11:00:00Z' });
      expect(result.code).toBe(0);
      expectClean(result);
    }
  });

  it('keeps the colours paperdeck writes itself, and nothing else', () => {
    expect(cleanOutput(`\u001b[1mbold\u001b[22m ${RETITLE}\u001b[2Jx\r\n`, true)).toBe('\u001b[1mbold\u001b[22m x\n');
    expect(cleanOutput('\u001b[1mbold\u001b[22m', false)).toBe('bold');
  });
});
