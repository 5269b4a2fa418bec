// A session's first card drawn from the due index its last session left (cli/study-start.ts,
// schedule/deferred-engine.ts), in the built binary at 80×24: the same screen as the deck read
// whole, and never a card the index no longer holds truly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { openState } from '../../src/store/index.js';
import { testBinary } from '../helpers/binary.js';
import { dueIndexOf, ownLog, snapshotOf } from '../helpers/state-paths.js';
import { interactiveEnv } from './env.js';
import { PtyProgram } from './pty.js';

import { NOW, tinyWorkspace } from './tiny-deck.js';

let bin: string;
let work: string;
let decksDir: string;
let stateDir: string;
const running: PtyProgram[] = [];

beforeAll(() => {
  bin = testBinary();
});

beforeEach(() => {
  let notes: string;
  ({ work, decksDir, stateDir, notesFile: notes } = tinyWorkspace('paperdeck-e2e-index-'));
  // Notes saved yesterday and cards built an hour ago (file times are real time): both settled,
  // so a session leaves a due index on them.
  const yesterday = new Date(Date.now() - 86_400_000);
  utimesSync(notes, yesterday, yesterday);
  const built = spawnSync(process.execPath, [bin, 'generate', 'tiny', '--state', stateDir, '--decks', decksDir], { env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC' }), encoding: 'utf8' });
  expect(built.status).toBe(0);
  const anHourAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
  utimesSync(cardsFile(), anHourAgo, anHourAgo);
});

afterEach(() => {
  for (const program of running.splice(0)) program.kill();
  rmSync(work, { recursive: true, force: true });
});

const cardsFile = () => join(decksDir, 'tiny', 'cards.json');

function study(): PtyProgram {
  const program = new PtyProgram(process.execPath, [bin, 'study', 'tiny', '--state', stateDir, '--decks', decksDir], {
    env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC', EDITOR: 'true' }),
  });
  running.push(program);
  return program;
}

/** A session that shows `title`, answers it with `keys` and quits. */
async function answerOne(title: string, keys: string): Promise<void> {
  const program = study();
  await program.waitFor(title);
  program.write(keys);
  await program.waitFor('1 answer');
  program.write('q');
  expect((await program.exited).exitCode).toBe(0);
}

/** A session that answers Alpha Good and quits: Alpha is then in its 10-minute step, and an index is left. */
async function answerAlpha(): Promise<void> {
  await answerOne('Alpha Paper Title', ' 3');
  expect(existsSync(dueIndexOf(stateDir, 'tiny'))).toBe(true);
}

/** The first screen of a session that shows a card, and the session quit. */
async function firstScreen(): Promise<string[]> {
  const program = study();
  const rows = await program.waitForScreen('show answer');
  program.write('q');
  expect((await program.exited).exitCode).toBe(0);
  return rows;
}

describe('study from the due index', () => {
  it('draws the first screen the full read draws, and answers into the log as ever', async () => {
    await answerAlpha();
    const fromIndex = await firstScreen();
    expect(fromIndex.join('\n')).toContain('Beta Paper Title');
    const index = dueIndexOf(stateDir, 'tiny');
    renameSync(index, `${index}.away`);
    expect(await firstScreen()).toEqual(fromIndex);

    await answerOne('Beta Paper Title', ' 4');
    const store = await openState(stateDir, { mode: 'read', clock: new ManualClock(Date.parse(NOW)) });
    try {
      expect(store.deck('tiny').readLog().map((entry) => (entry.kind === 'review' ? entry.rating : entry.kind))).toEqual([3, 4]);
    } finally {
      store.close();
    }
  });

  it('shows the card the full read shows when cards.json no longer holds a card where the index says (its lines swapped in place, times kept)', async () => {
    await answerAlpha();
    const before = statSync(cardsFile());
    const lines = readFileSync(cardsFile(), 'utf8').split('\n');
    // Lines 2 and 3 are Alpha's and Beta's (after the head and `"cards": [`): Beta comes first now.
    expect(lines[2]).toContain('Alpha Paper Title');
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    writeFileSync(cardsFile(), lines.join('\n'));
    utimesSync(cardsFile(), before.atime, before.mtime);
    const after = statSync(cardsFile());
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
    // The index names Beta's place for the first new card; that place now holds Alpha, which is
    // in its learning step: the session reads the deck whole and shows Beta.
    const rows = (await firstScreen()).join('\n');
    expect(rows).toContain('Beta Paper Title');
    expect(rows).not.toContain('Alpha Paper Title');
  });

  it('refuses a snapshot damaged since the index was left (size and time kept): named, exit 1, nothing written', async () => {
    await answerAlpha();
    // A whole-second time that can be put back exactly, then a session that leaves an index on it.
    const snapshot = snapshotOf(stateDir, 'tiny');
    const settled = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(snapshot, settled, settled);
    await firstScreen();
    const indexed = statSync(snapshot);
    expect(indexed.mtimeMs).toBe(settled.getTime());
    const damaged = readFileSync(snapshot, 'utf8').replace('"cards"', '"carts"');
    writeFileSync(snapshot, damaged);
    utimesSync(snapshot, settled, settled);
    const log = readFileSync(ownLog(stateDir, 'tiny'));

    const program = study();
    await program.waitFor('snapshot.json');
    try {
      program.write('q');
    } catch {
      // already gone: the refusal came before any screen
    }
    const { exitCode } = await program.exited;
    expect(exitCode).toBe(1);
    expect(program.text()).toMatch(/snapshot\.json is corrupted/);
    expect(readFileSync(snapshot, 'utf8')).toBe(damaged);
    expect(readFileSync(ownLog(stateDir, 'tiny'))).toEqual(log);
  });
});
