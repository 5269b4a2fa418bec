// A session whose end cannot be written (a full disk when the snapshot is folded on quit): the
// error is one line, every answer is still in the log, and the exit code is not 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { openState } from '../../src/store/index.js';
import { testBinary } from '../helpers/binary.js';
import { interactiveEnv } from './env.js';
import { PtyProgram } from './pty.js';
import { snapshotOf } from '../helpers/state-paths.js';

const NOW = '2027-03-01T10:00:00Z';
const NOTES = 'Monday morning\n\nC1: Alpha Paper Title\n\nKey idea: Alpha shows that recursion makes programs generalize.\n\nC2: Beta Paper Title\n\nKey idea: Beta treats graph generation as sequence generation.\n';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function workspace(stateDir?: string): { decks: string; state: string } {
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-e2e-close-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const decks = join(work, 'decks');
  mkdirSync(join(decks, 'tiny'), { recursive: true });
  writeFileSync(join(decks, 'tiny', 'notes.txt'), NOTES);
  return { decks, state: stateDir ?? join(work, 'state') };
}

function study(ws: { decks: string; state: string }): PtyProgram {
  const program = new PtyProgram(process.execPath, [testBinary(), 'study', 'tiny', '--state', ws.state, '--decks', ws.decks], {
    env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC' }),
  });
  cleanups.push(() => program.kill());
  return program;
}

async function answeredEntries(state: string): Promise<number> {
  const store = await openState(state, { mode: 'read', clock: new ManualClock(Date.parse(NOW)) });
  try {
    return store.deck('tiny').readLog().length;
  } finally {
    store.close();
  }
}

/** Answers the first card Good, then `breakDisk()`, then quits; the exit and what it printed. */
async function answerThenQuit(ws: { decks: string; state: string }, breakDisk: () => void) {
  const session = study(ws);
  await session.waitFor('Alpha Paper Title');
  let mark = session.mark();
  session.write(' ');
  await session.waitFor('recursion makes programs generalize', mark);
  mark = session.mark();
  session.write('3');
  await session.waitFor('Beta Paper Title', mark);
  breakDisk();
  mark = session.mark();
  session.write('q');
  const { exitCode } = await session.exited;
  return { exitCode, text: session.text(mark) };
}

/** Whether this process may mount a small tmpfs (root on Linux, as in CI containers). */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'paperdeck-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return mounted;
}

describe('quitting when the state cannot be written', () => {
  it('exits non-zero when the snapshot cannot be written, with the answers kept in the log', async () => {
    const ws = workspace();
    // The fold on quit renames its temporary file onto snapshot.json: a folder there refuses it,
    // as a full disk refuses the write before it (portable: no mount needed).
    const { exitCode, text } = await answerThenQuit(ws, () => mkdirSync(join(snapshotOf(ws.state, 'tiny'), 'in-the-way'), { recursive: true }));
    expect(text).toMatch(/paperdeck: could not close the state cleanly: .*every answer given is saved/);
    expect(exitCode).toBe(1);
    rmSync(snapshotOf(ws.state, 'tiny'), { recursive: true });
    expect(await answeredEntries(ws.state)).toBe(1);
  });

  it.skipIf(!canMountTmpfs())('exits non-zero on a real full disk (a small tmpfs, filled while the session runs)', async () => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'paperdeck-full-'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).status).toBe(0);
    cleanups.push(() => {
      spawnSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    });
    const ws = workspace(join(mountPoint, 'state'));
    const { exitCode, text } = await answerThenQuit(ws, () => {
      // Fill what is left of the file system.
      try {
        writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(2 << 20));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
    });
    expect(text).toMatch(/paperdeck: could not close the state cleanly: .*(ENOSPC|no space left)/i);
    expect(exitCode).not.toBe(0);
    rmSync(join(mountPoint, 'filler'));
    expect(await answeredEntries(ws.state)).toBe(1);
  });
});
