// A state or deck file that is not a regular file (a FIFO, a link to /dev/zero) is refused with
// one line at once, by every command, instead of hanging it; and a state file that is a symbolic
// link is written through, the link kept.
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { newCardState } from '../../src/schedule/card-state.js';
import { openState } from '../../src/store/index.js';
import { builtBinary, workspace } from '../schedule/built-cli.js';
import { BUNDLED_NOTES } from '../helpers/cli.js';
import { dueIndexOf, localOf, ownLog, settingsOf, snapshotOf } from '../helpers/state-paths.js';

const NOW = '2026-11-20T11:00:00Z';

function run(args: string[], ws: { decks: string; state: string }) {
  const result = spawnSync(process.execPath, [builtBinary(), ...args, '--decks', ws.decks, '--state', ws.state], {
    env: { ...process.env, NO_COLOR: '1', PAPERDECK_NOW: NOW },
    encoding: 'utf8',
    input: '',
    // The bug was a hang: a command still running after this has failed.
    timeout: 10_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A deck built from the bundled notes, one answer in its log, its snapshot folded. */
async function buildUsedWorkspace() {
  const ws = workspace();
  mkdirSync(join(ws.decks, 'iclr2017'));
  writeFileSync(join(ws.decks, 'iclr2017', 'notes.txt'), readFileSync(BUNDLED_NOTES));
  expect(run(['generate'], ws).code).toBe(0);
  const card = JSON.parse(readFileSync(join(ws.decks, 'iclr2017', 'cards.json'), 'utf8')).cards[0].id as string;
  const clock = new ManualClock(Date.parse('2026-11-20T10:00:00Z'));
  const store = await openState(ws.state, { mode: 'write', clock });
  const before = newCardState();
  store.deck('iclr2017').append({ kind: 'suspend', at: clock.now(), card, before, after: { ...before, suspended: true } });
  store.saveSettings({ newPerDay: 10 });
  store.close();
  return ws;
}

// Built once (a generate run each cost the suite half a second); each test has a copy, its
// files' times kept, so that cards.json is as current against the notes as where it was built.
let used: { decks: string; state: string };
beforeAll(async () => {
  used = await buildUsedWorkspace();
});

function usedWorkspace() {
  const ws = workspace();
  for (const folder of ['decks', 'state'] as const) cpSync(used[folder], ws[folder], { recursive: true, preserveTimestamps: true });
  return ws;
}

const PLACES = {
  'cards.json': (ws: { decks: string }) => join(ws.decks, 'iclr2017', 'cards.json'),
  // This machine's snapshot, own log and own settings changes.
  'snapshot.json': (ws: { state: string }) => snapshotOf(ws.state, 'iclr2017'),
  'this-machine.ndjson': (ws: { state: string }) => ownLog(ws.state, 'iclr2017'),
  'this-machine.json': (ws: { state: string }) => settingsOf(ws.state),
};

const KINDS = {
  FIFO: (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0),
  'link to /dev/zero': (path: string) => symlinkSync('/dev/zero', path),
};

describe('a file that is not a regular file is refused, never read', () => {
  for (const [place, pathOf] of Object.entries(PLACES)) {
    for (const [kind, make] of Object.entries(KINDS)) {
      // Every reader meets a FIFO; a link to /dev/zero goes through the same check, shown by the
      // reader that reads most (a process each costs the suite a second).
      const commands = kind !== 'FIFO' ? ['stats'] : place === 'cards.json' ? ['due', 'cards', 'stats', 'generate'] : ['due', 'cards', 'stats'];
      it(`${place} as a ${kind}: ${commands.join(', ')} each say so in one line, exit 1`, async () => {
        const ws = usedWorkspace();
        const path = pathOf(ws as never);
        rmSync(path);
        make(path);
        for (const command of commands) {
          const result = run([command], ws);
          expect(result.code, `${command}: ${result.stderr}`).toBe(1);
          expect(result.stderr).toMatch(new RegExp(`^paperdeck: .*${place.replace('.', '\\.')} is not a (regular )?file.*\\n$`));
          expect(result.stderr.split('\n')).toHaveLength(2);
        }
        // Nothing was put in its place.
        expect(lstatSync(path).isFile()).toBe(false);
      });
    }
  }

  it('a notes link that is a FIFO is notes that cannot be read; a due index or lock owner file that is one is passed over', async () => {
    const ws = usedWorkspace();
    const link = join(ws.decks, 'iclr2017', 'notes-link.json');
    KINDS.FIFO(link);
    // As for notes that cannot be read: the cards last built, and generate refuses.
    expect(run(['due'], ws)).toMatchObject({ code: 0, stderr: '' });
    expect(run(['cards'], ws).stderr).toMatch(/^paperdeck: note: .*notes-link\.json is not a regular file/);
    expect(run(['generate'], ws)).toMatchObject({ code: 1, stderr: expect.stringMatching(/notes-link\.json is not a regular file/) });
    rmSync(link);

    // A cache and a note for the refused: neither is needed to go on.
    KINDS.FIFO(dueIndexOf(ws.state, 'iclr2017'));
    expect(run(['due'], ws)).toMatchObject({ code: 0, stderr: '' });
    KINDS.FIFO(join(localOf(ws.state), '.lock-owner.json'));
    expect(run(['config', 'new-per-day', '7'], ws)).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('state files that are symbolic links are written through', () => {
  it('the snapshot and the settings keep their links, and the files they point to get the new contents', async () => {
    const ws = usedWorkspace();
    const elsewhere = join(dirname(ws.state), 'elsewhere');
    mkdirSync(elsewhere);
    const snapshot = PLACES['snapshot.json'](ws);
    const settings = PLACES['this-machine.json'](ws);
    renameSync(snapshot, join(elsewhere, 'snapshot.json'));
    symlinkSync(join(elsewhere, 'snapshot.json'), snapshot);
    renameSync(settings, join(elsewhere, 'settings.json'));
    symlinkSync('../../elsewhere/settings.json', settings); // relative, as ln -s makes them

    expect(run(['config', 'new-per-day', '7'], ws).code).toBe(0);
    const clock = new ManualClock(Date.parse(NOW));
    const store = await openState(ws.state, { mode: 'write', clock });
    const before = newCardState();
    store.deck('iclr2017').append({ kind: 'bury', at: clock.now(), card: 'x', before, after: { ...before, buriedUntil: clock.now() + 1 } });
    store.close();

    expect(readlinkSync(snapshot)).toBe(join(elsewhere, 'snapshot.json'));
    expect(readlinkSync(settings)).toBe('../../elsewhere/settings.json');
    expect(JSON.parse(readFileSync(join(elsewhere, 'snapshot.json'), 'utf8')).seq).toBe(2);
    expect(JSON.parse(readFileSync(join(elsewhere, 'settings.json'), 'utf8')).settings.newPerDay.value).toBe(7);
    expect(run(['due', '--json'], ws)).toMatchObject({ code: 0, stderr: '' });
  });
});
