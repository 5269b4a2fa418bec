// Files that cannot be trusted are refused with a message naming the file and the backup copy to
// restore it from (and doing what it says brings the answers back), and are never overwritten;
// readers take no backups; schema versions migrate forwards and refuse what a newer paperdeck
// wrote.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { backupsOf, ownLog, settingsOf, snapshotOf } from '../helpers/state-paths.js';
import { openState } from '../../src/store/index.js';
import { openError, sampleReview, sampleState } from './fixtures/sample.js';
import { bytesOf, tempDir } from './helpers.js';

const DAY = 86_400_000;

/**
 * A state with answers in deck "d" and a setting, as of two days of use: one backup exists, taken
 * when the second day began, so its log copy holds entries 1 to 5; entries 6 to 10 came after.
 */
async function usedState(): Promise<{ state: string; clock: ManualClock; backup: string; logCopy: string }> {
  const state = tempDir();
  const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));
  for (let day = 0; day < 2; day++) {
    const store = await openState(state, { mode: 'write', clock });
    if (day === 0) store.saveSettings({ newPerDay: 7 });
    const deck = store.deck('d');
    for (let i = 0; i < 5; i++) deck.append(sampleReview(`card-${i}`, deck.lastSeq() + 1));
    store.close();
    clock.advance(DAY);
  }
  expect(readdirSync(backupsOf(state)).sort()).toEqual(['2026-11-27T10-00-00Z', 'logs']);
  return {
    state,
    clock,
    backup: join(backupsOf(state), '2026-11-27T10-00-00Z'),
    logCopy: join(backupsOf(state), 'logs', 'd.ndjson'),
  };
}

describe('corrupted files', () => {
  it('refuses a corrupted snapshot, naming it and the backup, and leaves it as it is', async () => {
    const { state, clock, backup } = await usedState();
    const snapshot = snapshotOf(state, 'd');
    writeFileSync(snapshot, '{"schemaVersion":1,"seq":');
    const bad = bytesOf(snapshot);
    for (const mode of ['read', 'write'] as const) {
      const store = await openState(state, { mode, clock });
      const error = await openError(() => store.deck('d'));
      store.close();
      expect(error.message).toContain(snapshot);
      expect(error.message).toMatch(/is corrupted \(.*JSON.*\)/);
      expect(error.message).toContain(`restore it from ${join(backup, 'decks', 'd', 'snapshot.json')} or`);
      expect(error.message).toMatch(/move it away to rebuild it from the review log/);
      expect(bytesOf(snapshot)).toEqual(bad);
    }
    expect(bytesOf(snapshot)).toEqual(bad);

    // Doing what it says: the backed-up snapshot (after entry 5) plus the log's tail past it.
    copyFileSync(join(backup, 'decks', 'd', 'snapshot.json'), snapshot);
    const deck = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(deck.lastSeq()).toBe(10);
    expect(new Map(deck.cardStates())).toEqual(new Map(deck.readLog().map((e) => [e.card, e.after])));
  });

  it('refuses corrupted settings the same way, before taking any backup', async () => {
    const { state, clock, backup } = await usedState();
    const settings = settingsOf(state);
    writeFileSync(settings, 'newPerDay = 7\n');
    clock.advance(DAY);
    for (const mode of ['read', 'write'] as const) {
      const error = await openError(() => openState(state, { mode, clock }));
      expect(error.message).toContain(settings);
      expect(error.message).toContain(`restore it from ${join(backup, 'settings.json')} or`);
      expect(error.message).toMatch(/default settings/);
    }
    expect(readFileSync(settings, 'utf8')).toBe('newPerDay = 7\n');
    expect(readdirSync(backupsOf(state)).sort()).toEqual(['2026-11-27T10-00-00Z', 'logs']);

    copyFileSync(join(backup, 'settings.json'), settings);
    expect((await openState(state, { mode: 'read', clock })).settings().newPerDay).toBe(7);
  });

  it('refuses a log corrupted in the middle, naming the line, whenever it reads that far', async () => {
    const { state, clock, logCopy } = await usedState();
    const log = ownLog(state, 'd');
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[4] = `X${lines[4]!.slice(1)}`; // line 5 (entry 4), its length kept
    writeFileSync(log, lines.join('\n'));
    const bad = bytesOf(log);

    // Opening reads only the tail past the snapshot; reading the whole log finds it.
    const reader = (await openState(state, { mode: 'read', clock })).deck('d');
    const error = await openError(() => reader.readLog());
    expect(error.message).toContain(log);
    expect(error.message).toContain('line 5');
    const snapshot = snapshotOf(state, 'd');
    expect(error.message).toContain(
      `restore it from ${logCopy} (it holds entries 1 to 5; answers saved after the last backup are not in it)` +
        ` and move ${snapshot} away so that it is rebuilt from the restored log (the file was left as it is)`,
    );

    // Without a snapshot, opening itself has to read it all, and refuses.
    renameSync(snapshot, `${snapshot}.moved`);
    for (const mode of ['read', 'write'] as const) {
      const store = await openState(state, { mode, clock });
      expect((await openError(() => store.deck('d'))).message).toContain('line 5');
      store.close();
    }
    expect(bytesOf(log)).toEqual(bad);

    // Doing what it said (the snapshot is moved away already): the answers up to the backup.
    copyFileSync(logCopy, log);
    const restored = await openState(state, { mode: 'write', clock });
    const deck = restored.deck('d');
    expect(deck.readLog().map((e) => [e.seq, e.card])).toEqual([1, 2, 3, 4, 5].map((n) => [n, `card-${n - 1}`]));
    expect(deck.cardStates().get('card-3')).toEqual(sampleState(4));
    deck.append(sampleReview('card-0', 6));
    restored.close();
    expect((await openState(state, { mode: 'read', clock })).deck('d').lastSeq()).toBe(6);
  });

  it('refuses a snapshot that covers more log than there is', async () => {
    const { state, clock } = await usedState();
    const log = ownLog(state, 'd');
    const lines = readFileSync(log, 'utf8').split('\n');
    writeFileSync(log, lines.slice(0, 4).join('\n') + '\n'); // an older copy of the log
    const error = await openError(async () => (await openState(state, { mode: 'write', clock })).deck('d'));
    expect(error.message).toContain(snapshotOf(state, 'd'));
    expect(error.message).toMatch(/does not match this-machine\.ndjson/);
  });

  it('refuses a snapshot whose last entry is not the log entry at that place', async () => {
    const { state, clock } = await usedState();
    const snapshot = snapshotOf(state, 'd');
    const doc = JSON.parse(readFileSync(snapshot, 'utf8'));
    writeFileSync(snapshot, JSON.stringify({ ...doc, seq: doc.seq - 1 }));
    expect((await openError(async () => (await openState(state, { mode: 'read', clock })).deck('d'))).message).toMatch(/does not match/);
  });

  it('refuses a missing log when the snapshot says there were answers', async () => {
    const { state, clock } = await usedState();
    const log = ownLog(state, 'd');
    rmSync(log);
    const error = await openError(async () => (await openState(state, { mode: 'read', clock })).deck('d'));
    expect(error.message).toContain(log);
    expect(error.message).toMatch(/is missing, but snapshot\.json says it held 10 entries/);
    expect(error.message).toContain(`restore it from ${join(backupsOf(state), 'logs', 'd.ndjson')} (it holds entries 1 to 5;`);
  });

  it('says when no backup holds the file yet', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));
    const store = await openState(state, { mode: 'write', clock });
    store.deck('d').append(sampleReview('a', 1));
    store.close();
    writeFileSync(snapshotOf(state, 'd'), 'garbage');
    expect((await openError(async () => (await openState(state, { mode: 'read', clock })).deck('d'))).message).toMatch(/no backup in .*backups\/ holds it yet/);
  });
});

describe('backups', () => {
  it('readers never take backups', async () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    const store = await openState(state, { mode: 'write', clock });
    store.deck('d').append(sampleReview('a', 1));
    store.close();
    clock.advance(2 * DAY);
    (await openState(state, { mode: 'read', clock })).deck('d');
    expect(existsSync(backupsOf(state))).toBe(false);
  });
});

describe('schema versions', () => {
  const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

  it('reads version-0 settings (a bare settings object), and saves changes beside them', async () => {
    const state = tempDir();
    const settings = join(state, 'settings.json');
    writeFileSync(settings, JSON.stringify({ desiredRetention: 0.85, newPerDay: 5 }));
    const reader = await openState(state, { mode: 'read', clock });
    expect(reader.settings()).toEqual({ ...DEFAULT_SETTINGS, desiredRetention: 0.85, newPerDay: 5 });
    const writer = await openState(state, { mode: 'write', clock });
    writer.saveSettings({ ...writer.userSettings(), fuzz: false });
    writer.close();
    // The legacy file is written by no one any more: the change goes to this machine's file.
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({ desiredRetention: 0.85, newPerDay: 5 });
    expect(JSON.parse(readFileSync(settingsOf(state), 'utf8')).settings).toEqual({ fuzz: { value: false, at: clock.now() } });
    expect((await openState(state, { mode: 'read', clock })).settings()).toEqual({ ...DEFAULT_SETTINGS, desiredRetention: 0.85, newPerDay: 5, fuzz: false });
  });

  it('refuses settings, a snapshot or a log made by a newer paperdeck', async () => {
    const base = tempDir();
    const files = {
      settings: (state: string) => settingsOf(state),
      snapshot: (state: string) => snapshotOf(state, 'd'),
      log: (state: string) => ownLog(state, 'd'),
    };
    for (const [which, fileOf] of Object.entries(files)) {
      const state = join(base, which);
      const store = await openState(state, { mode: 'write', clock });
      store.saveSettings({ newPerDay: 1 });
      store.deck('d').append(sampleReview('a', 1));
      store.close();
      const file = fileOf(state);
      const text = readFileSync(file, 'utf8').replace('"schemaVersion":1', '"schemaVersion":9').replace('"schemaVersion": 1', '"schemaVersion": 9');
      writeFileSync(file, text);
      const error = await openError(async () => (await openState(state, { mode: 'read', clock })).deck('d'));
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/made by a newer paperdeck/);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});

describe('a folder where a state file should be', () => {
  it('is refused with one line naming it, for the log, the snapshot and the settings alike', async () => {
    for (const [file, expected] of [
      ['decks/d/logs/this-machine.ndjson', /decks\/d\/logs\/this-machine\.ndjson is not a file/],
      ['local/this-machine/decks/d/snapshot.json', /decks\/d\/snapshot\.json is a folder, not a file; move it away/],
      ['settings/this-machine.json', /settings\/this-machine\.json is a folder, not a file; move it away/],
    ] as const) {
      const { state, clock } = await usedState();
      rmSync(join(state, file));
      mkdirSync(join(state, file));
      const error = await openError(async () => (await openState(state, { mode: 'read', clock })).deck('d'));
      expect(error.name, file).toBe('UserError');
      expect(error.message, file).toMatch(expected);
    }
  });
});
