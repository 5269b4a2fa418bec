// Daily backups: settings and snapshots are copied whole into dated folders (five kept); each
// deck's review log has one backup copy that every backup extends by what was added since, never
// rewriting what it already holds, so a log damaged later cannot spoil it. Following RESTORE.txt
// puts the state back.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { BACKUPS_KEPT, openState } from '../../src/store/index.js';
import { backupsOf, localOf, ownLog, settingsOf, snapshotOf } from '../helpers/state-paths.js';
import { openError, sampleReview, sampleState } from './fixtures/sample.js';
import { bytesOf, tempDir } from './helpers.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A deck whose name looks like the folder a displaced log copy is kept in. */
const ODD_DECK = 'replaced-2026-01-01T00-00-00Z';

/** One writer session on deck `deck`: `count` answers, cards cycling through `cards` ids. */
async function session(state: string, clock: ManualClock, count: number, deck = 'd', cards = 7): Promise<void> {
  const store = await openState(state, { mode: 'write', clock });
  const d = store.deck(deck);
  for (let i = 0; i < count; i++) {
    const n = d.lastSeq() + 1;
    d.append(sampleReview(`card-${n % cards}`, n));
  }
  store.close();
}

/** The dated backup folders, oldest first. */
function datedBackups(state: string): string[] {
  return readdirSync(backupsOf(state))
    .filter((name) => /^\d{4}-/.test(name))
    .sort();
}

function manifest(state: string, backup: string): { logs: Record<string, { copy: string; bytes: number; seq: number; problem?: string }> } {
  return JSON.parse(readFileSync(join(backupsOf(state), backup, 'backup.json'), 'utf8'));
}

function files(state: string, deck = 'd') {
  return {
    log: ownLog(state, deck),
    snapshot: snapshotOf(state, deck),
    copy: join(backupsOf(state), 'logs', `${deck}.ndjson`),
  };
}

/** Byte offsets where each line of a file starts, and the file's length at the end. */
function lineStarts(file: string): number[] {
  const bytes = bytesOf(file);
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

/** Overwrites the first byte of line `line` (1 = the header) with an 'X', keeping its length. */
function garbleLine(file: string, line: number): void {
  const bytes = bytesOf(file);
  bytes[lineStarts(file)[line - 1]!] = 0x58;
  writeFileSync(file, bytes);
}

/** The indented command blocks of a RESTORE.txt, each as one shell script. */
function commandBlocks(restoreTxt: string): string[] {
  return restoreTxt
    .split('\n\n')
    .filter((block) => block.split('\n').every((line) => line === '' || line.startsWith('  ')))
    .map((block) => block.replace(/^ {2}/gm, ''));
}

describe('daily backups', () => {
  it('takes one a day when a writer opens, keeping five dated folders and one copy of each log', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    for (let day = 0; day < 8; day++) {
      for (let sessionOfDay = 0; sessionOfDay < 2; sessionOfDay++) {
        const store = await openState(state, { mode: 'write', clock });
        store.saveSettings({ newPerDay: day });
        store.close();
        await session(state, clock, 1);
        await session(state, clock, 2, ODD_DECK);
        clock.advance(HOUR);
      }
      clock.advance(DAY - 2 * HOUR);
    }
    const backups = datedBackups(state);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups[0]).toBe('2026-11-04T12-00-00Z');
    expect(backups.at(-1)).toBe('2026-11-08T12-00-00Z');
    expect(readdirSync(join(backupsOf(state), 'logs')).sort()).toEqual(['d.ndjson', `${ODD_DECK}.ndjson`]);

    // Each dated folder holds the state as the day's first writer found it (yesterday's last
    // session): whole settings and snapshots, and how far the log copies reached then.
    const newest = join(backupsOf(state), '2026-11-08T12-00-00Z');
    expect(JSON.parse(readFileSync(join(newest, 'settings.json'), 'utf8')).settings.newPerDay.value).toBe(6);
    expect(JSON.parse(readFileSync(join(newest, 'decks', 'd', 'snapshot.json'), 'utf8')).seq).toBe(14);
    expect(existsSync(join(newest, 'decks', 'd', 'log.ndjson'))).toBe(false);
    expect(backups.map((name) => manifest(state, name).logs.d?.seq)).toEqual([6, 8, 10, 12, 14]);
    expect(backups.map((name) => manifest(state, name).logs[ODD_DECK]?.seq)).toEqual([12, 16, 20, 24, 28]);

    // The copy is the live log as it was when the newest backup was taken: its first bytes.
    for (const deck of ['d', ODD_DECK]) {
      const { log, copy } = files(state, deck);
      const copied = bytesOf(copy);
      expect(copied.length).toBe(manifest(state, backups.at(-1)!).logs[deck]?.bytes);
      expect(bytesOf(log).subarray(0, copied.length)).toEqual(copied);
    }
    expect(readFileSync(files(state).copy, 'utf8').trim().split('\n')).toHaveLength(1 + 14);
  });

  it('puts the whole state back when RESTORE.txt is followed, to the newest copy or to that moment', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    for (let day = 0; day < 4; day++) {
      const store = await openState(state, { mode: 'write', clock });
      store.saveSettings({ newPerDay: 10 + day });
      store.close();
      await session(state, clock, 3);
      await session(state, clock, 2, "it's mine");
      clock.advance(DAY);
    }
    // Four backups: one on the first day once settings existed, then one as each later day
    // began. The second holds the first day's settings and deck d after 3 answers.
    const backups = datedBackups(state);
    expect(backups).toHaveLength(4);
    const restoreTxt = readFileSync(join(backupsOf(state), backups[1]!, 'RESTORE.txt'), 'utf8');
    const [whole, exact] = commandBlocks(restoreTxt);
    expect(whole).toBeDefined();
    expect(exact).toBeDefined();

    // The deck files and settings are lost; the backups are not.
    rmSync(join(state, 'decks'), { recursive: true });
    rmSync(join(localOf(state), 'decks'), { recursive: true });
    rmSync(settingsOf(state));
    execFileSync('sh', ['-c', whole!], { cwd: state });
    let store = await openState(state, { mode: 'read', clock });
    expect(store.settings().newPerDay).toBe(10); // that backup's settings
    // ...with every answer the log copies hold: the snapshot is older, the tail is replayed.
    const d = store.deck('d');
    expect(d.lastSeq()).toBe(9);
    expect(d.cardStates().get(`card-${9 % 7}`)).toEqual(sampleState(9));
    expect(new Map(d.cardStates())).toEqual(new Map(d.readLog().map((e) => [e.card, e.after])));
    expect(store.deck("it's mine").lastSeq()).toBe(6);
    store.close();

    // Or exactly as things were when that backup was taken.
    execFileSync('sh', ['-c', exact!], { cwd: state });
    store = await openState(state, { mode: 'write', clock });
    expect(store.deck('d').lastSeq()).toBe(3);
    expect(store.deck('d').readLog().map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(store.deck("it's mine").lastSeq()).toBe(2);
    store.deck('d').append(sampleReview('card-new', 4));
    store.close();
  });

  it('extends the log copy with only what was added, never rewriting what it holds', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    // Long enough (~180 KB) that its middle lies outside the 64 KiB the backup compares at
    // either end of the copy.
    await session(state, clock, 1600);
    clock.advance(DAY);
    await session(state, clock, 10); // the backup copies entries 1..1600
    const { log, copy } = files(state);
    const backedUp = bytesOf(copy);

    // Damage deep inside the part already backed up, far from both ends of the copy.
    garbleLine(log, 801);
    await session(state, clock, 10);
    clock.advance(DAY);
    await session(state, clock, 0); // the backup appends entries 1601..1620 and nothing else

    const copied = bytesOf(copy);
    expect(copied.subarray(0, backedUp.length)).toEqual(backedUp);
    const live = bytesOf(log);
    expect(copied.subarray(backedUp.length)).toEqual(live.subarray(backedUp.length, live.length));
    // The copy is a whole, sound log, unlike the live one.
    const restore = tempDir();
    execFileSync('sh', ['-c', `mkdir -p decks/d && cp ${copy} decks/d/log.ndjson`], { cwd: restore });
    expect((await openState(restore, { mode: 'read', clock })).deck('d').readLog().map((e) => e.seq)).toEqual(
      Array.from({ length: 1620 }, (_, i) => i + 1),
    );
    await expect(async () => (await openState(state, { mode: 'read', clock })).deck('d').readLog()).rejects.toThrow(/line 801/);
  });

  it('keeps the copy as it is when the live log is damaged where the copy ends, and says so', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    await session(state, clock, 20);
    clock.advance(DAY);
    await session(state, clock, 5); // the backup copies entries 1..20
    const { log, copy } = files(state);
    const backedUp = bytesOf(copy);

    garbleLine(log, 19); // entry 18
    clock.advance(DAY);
    (await openState(state, { mode: 'write', clock })).close();
    expect(bytesOf(copy)).toEqual(backedUp);
    const newest = datedBackups(state).at(-1)!;
    expect(manifest(state, newest).logs.d).toMatchObject({ seq: 20, problem: expect.stringContaining('line 19') });

    // The error names the copy, and restoring from it brings back what it holds.
    const error = await openError(async () => (await openState(state, { mode: 'read', clock })).deck('d').readLog());
    expect(error.message).toContain(`restore it from ${copy} (it holds entries 1 to 20;`);
    writeFileSync(log, bytesOf(copy));
    rmSync(files(state).snapshot);
    const deck = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(deck.readLog().map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(deck.cardStates().get('card-4')).toEqual(sampleState(18));
  });

  it('copies only whole entries: a torn last line stays out, and the copy goes on from there', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    await session(state, clock, 4);
    const { log, copy } = files(state);
    const whole = bytesOf(log);
    appendFileSync(log, '{"seq":5,"kind":"rev'); // a crash mid-append
    clock.advance(DAY);
    await session(state, clock, 3); // the backup copies 1..4; the writer sets the torn line aside
    expect(bytesOf(copy)).toEqual(whole);

    clock.advance(DAY);
    await session(state, clock, 0);
    expect(bytesOf(copy)).toEqual(bytesOf(log));
    expect(manifest(state, datedBackups(state).at(-1)!).logs.d).toEqual({ copy: 'logs/d.ndjson', bytes: statSync(log).size, seq: 7 });
    expect(readdirSync(join(backupsOf(state), 'logs'))).toEqual(['d.ndjson']); // extended, not replaced
  });

  it('stops the copy at the last good entry when the new part of the log is damaged', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    await session(state, clock, 5);
    clock.advance(DAY);
    await session(state, clock, 5); // copy: 1..5; live: 1..10
    const { log, copy } = files(state);
    garbleLine(log, 8); // entry 7, not backed up yet
    clock.advance(DAY);
    (await openState(state, { mode: 'write', clock })).close();
    expect(bytesOf(copy)).toEqual(bytesOf(log).subarray(0, lineStarts(log)[7]));
    expect(manifest(state, datedBackups(state).at(-1)!).logs.d).toMatchObject({ seq: 6, problem: expect.stringContaining('line 8') });
  });

  it('replaces a copy that is no longer a prefix of the log, keeping the old one while older backups need it', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    // Long enough (> 128 KiB) that the copy's start and end are compared apart.
    await session(state, clock, 400);
    clock.advance(DAY);
    await session(state, clock, 5);
    clock.advance(DAY);
    await session(state, clock, 0); // copy: 1..405
    const { log, snapshot, copy } = files(state);
    const oldCopy = bytesOf(copy);

    // The user puts back an older log of their own and answers again from there, past the
    // copy's length: only the copy's end tells them apart.
    writeFileSync(log, bytesOf(log).subarray(0, lineStarts(log)[391]));
    rmSync(snapshot);
    await session(state, clock, 20, 'd', 3);
    expect(statSync(log).size).toBeGreaterThan(oldCopy.length);
    clock.advance(DAY);
    await session(state, clock, 0);
    expect(bytesOf(copy)).toEqual(bytesOf(log));
    const replacedAt = datedBackups(state).at(-1)!;
    const displaced = join(backupsOf(state), 'logs', `replaced-${replacedAt}`, 'd.ndjson');
    expect(bytesOf(displaced)).toEqual(oldCopy);

    // A copy damaged at its end is replaced from the live log as well.
    clock.advance(DAY);
    await session(state, clock, 1);
    garbleLine(copy, 411); // its last entry
    clock.advance(DAY);
    await session(state, clock, 0);
    expect(bytesOf(copy)).toEqual(bytesOf(log));
    expect((await openState(state, { mode: 'read', clock })).deck('d').lastSeq()).toBe(411);
    expect(readdirSync(join(backupsOf(state), 'logs'))).toHaveLength(3);

    // Once every dated backup is newer than the displaced copies, they go.
    for (let day = 0; day < BACKUPS_KEPT; day++) {
      clock.advance(DAY);
      await session(state, clock, 1);
    }
    expect(readdirSync(join(backupsOf(state), 'logs'))).toEqual(['d.ndjson']);
  });
});

describe('a backup that cannot be taken', () => {
  it('stops the writer before any answer, with one line naming the backups folder, and writes nothing', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));
    await session(state, clock, 3);
    clock.advance(DAY);
    rmSync(backupsOf(state), { recursive: true, force: true });
    writeFileSync(backupsOf(state), 'not a folder');
    const log = readFileSync(ownLog(state, 'd'));
    const error = await openError(() => openState(state, { mode: 'write', clock }));
    expect(error.message).toMatch(/^cannot take today's backup in .*backups\/: EEXIST/);
    expect(readFileSync(ownLog(state, 'd')).equals(log)).toBe(true);
    // The lock is not left behind: once the folder is put right, a writer opens.
    rmSync(backupsOf(state));
    (await openState(state, { mode: 'write', clock })).close();
  });
});
