// Files that cannot be trusted are refused with a message naming the file and the backup to
// restore it from, and are never overwritten; backups rotate; schema versions migrate forwards
// and refuse what a newer paperdeck wrote.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { BACKUPS_KEPT, openState } from '../../src/store/index.js';
import { sampleReview } from './fixtures/sample.js';
import { bytesOf, tempDir } from './helpers.js';

const DAY = 86_400_000;

/** A state with answers in deck "d" and a setting, as of two days of use: one backup exists. */
function usedState(): { state: string; clock: ManualClock; backup: string } {
  const state = tempDir();
  const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));
  for (let day = 0; day < 2; day++) {
    const store = openState(state, { mode: 'write', clock });
    if (day === 0) store.saveSettings({ newPerDay: 7 });
    const deck = store.deck('d');
    for (let i = 0; i < 5; i++) deck.append(sampleReview(`card-${i}`, deck.lastSeq() + 1));
    store.close();
    clock.advance(DAY);
  }
  const backups = readdirSync(join(state, 'backups'));
  expect(backups).toEqual(['2026-11-27T10-00-00Z']);
  return { state, clock, backup: join(state, 'backups', '2026-11-27T10-00-00Z') };
}

function openError(open: () => unknown): UserError {
  try {
    open();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('it opened');
}

describe('corrupted files', () => {
  it('refuses a corrupted snapshot, naming it and the backup, and leaves it as it is', () => {
    const { state, clock, backup } = usedState();
    const snapshot = join(state, 'decks', 'd', 'snapshot.json');
    writeFileSync(snapshot, '{"schemaVersion":1,"seq":');
    const bad = bytesOf(snapshot);
    for (const mode of ['read', 'write'] as const) {
      const store = openState(state, { mode, clock });
      const error = openError(() => store.deck('d'));
      store.close();
      expect(error.message).toContain(snapshot);
      expect(error.message).toMatch(/is corrupted \(.*JSON.*\)/);
      expect(error.message).toContain(`restore it from ${backup}/`);
      expect(error.message).toMatch(/move it away to rebuild it from the review log/);
      expect(bytesOf(snapshot)).toEqual(bad);
    }
    expect(bytesOf(snapshot)).toEqual(bad);
  });

  it('refuses corrupted settings the same way, before taking any backup', () => {
    const { state, clock, backup } = usedState();
    const settings = join(state, 'settings.json');
    writeFileSync(settings, 'newPerDay = 7\n');
    clock.advance(DAY);
    for (const mode of ['read', 'write'] as const) {
      const error = openError(() => openState(state, { mode, clock }));
      expect(error.message).toContain(settings);
      expect(error.message).toContain(`restore it from ${backup}/`);
      expect(error.message).toMatch(/default settings/);
    }
    expect(readFileSync(settings, 'utf8')).toBe('newPerDay = 7\n');
    expect(readdirSync(join(state, 'backups'))).toHaveLength(1);
  });

  it('refuses a log corrupted in the middle, naming the line, whenever it reads that far', () => {
    const { state, clock, backup } = usedState();
    const log = join(state, 'decks', 'd', 'log.ndjson');
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[4] = `X${lines[4]!.slice(1)}`; // line 5 (entry 4), its length kept
    writeFileSync(log, lines.join('\n'));
    const bad = bytesOf(log);

    // Opening reads only the tail past the snapshot; reading the whole log finds it.
    const reader = openState(state, { mode: 'read', clock }).deck('d');
    const error = openError(() => reader.readLog());
    expect(error.message).toContain(log);
    expect(error.message).toContain('line 5');
    expect(error.message).toContain(`restore it from ${backup}/`);

    // Without a snapshot, opening itself has to read it all, and refuses.
    const snapshot = join(state, 'decks', 'd', 'snapshot.json');
    rmSync(snapshot);
    for (const mode of ['read', 'write'] as const) {
      const store = openState(state, { mode, clock });
      expect(openError(() => store.deck('d')).message).toContain('line 5');
      store.close();
    }
    expect(bytesOf(log)).toEqual(bad);
  });

  it('refuses a snapshot that covers more log than there is', () => {
    const { state, clock } = usedState();
    const log = join(state, 'decks', 'd', 'log.ndjson');
    const lines = readFileSync(log, 'utf8').split('\n');
    writeFileSync(log, lines.slice(0, 4).join('\n') + '\n'); // an older copy of the log
    const error = openError(() => openState(state, { mode: 'write', clock }).deck('d'));
    expect(error.message).toContain(join(state, 'decks', 'd', 'snapshot.json'));
    expect(error.message).toMatch(/does not match log\.ndjson/);
  });

  it('refuses a snapshot whose last entry is not the log entry at that place', () => {
    const { state, clock } = usedState();
    const snapshot = join(state, 'decks', 'd', 'snapshot.json');
    const doc = JSON.parse(readFileSync(snapshot, 'utf8'));
    writeFileSync(snapshot, JSON.stringify({ ...doc, seq: doc.seq - 1 }));
    expect(openError(() => openState(state, { mode: 'read', clock }).deck('d')).message).toMatch(/does not match/);
  });

  it('refuses a missing log when the snapshot says there were answers', () => {
    const { state, clock } = usedState();
    const log = join(state, 'decks', 'd', 'log.ndjson');
    rmSync(log);
    const error = openError(() => openState(state, { mode: 'read', clock }).deck('d'));
    expect(error.message).toContain(log);
    expect(error.message).toMatch(/is missing, but snapshot\.json says it held 10 entries/);
  });

  it('says when no backup holds the file yet', () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));
    const store = openState(state, { mode: 'write', clock });
    store.deck('d').append(sampleReview('a', 1));
    store.close();
    writeFileSync(join(state, 'decks', 'd', 'snapshot.json'), 'garbage');
    expect(openError(() => openState(state, { mode: 'read', clock }).deck('d')).message).toMatch(/no backup in .*backups\/ holds it yet/);
  });
});

describe('backups', () => {
  it('takes one a day when a writer opens, keeping the newest five', () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    for (let day = 0; day < 8; day++) {
      for (let session = 0; session < 2; session++) {
        const store = openState(state, { mode: 'write', clock });
        store.saveSettings({ newPerDay: day });
        store.deck('d').append(sampleReview('a', store.deck('d').lastSeq() + 1));
        store.close();
        clock.advance(3_600_000);
      }
      clock.advance(DAY - 2 * 3_600_000);
    }
    const backups = readdirSync(join(state, 'backups')).sort();
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups[0]).toBe('2026-11-04T12-00-00Z');
    expect(backups.at(-1)).toBe('2026-11-08T12-00-00Z');
    // Each holds the state as the day's first writer found it: yesterday's last session.
    const newest = join(state, 'backups', '2026-11-08T12-00-00Z');
    expect(JSON.parse(readFileSync(join(newest, 'settings.json'), 'utf8')).settings.newPerDay).toBe(6);
    expect(readFileSync(join(newest, 'decks', 'd', 'log.ndjson'), 'utf8').trim().split('\n')).toHaveLength(1 + 14);
    expect(JSON.parse(readFileSync(join(newest, 'decks', 'd', 'snapshot.json'), 'utf8')).seq).toBe(14);
    // and a restored backup opens.
    const restored = openState(newest, { mode: 'read', clock });
    expect(restored.deck('d').lastSeq()).toBe(14);
  });

  it('readers never take backups', () => {
    const state = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-01T12:00:00Z'));
    const store = openState(state, { mode: 'write', clock });
    store.deck('d').append(sampleReview('a', 1));
    store.close();
    clock.advance(2 * DAY);
    openState(state, { mode: 'read', clock }).deck('d');
    expect(existsSync(join(state, 'backups'))).toBe(false);
  });
});

describe('schema versions', () => {
  const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

  it('migrates version-0 settings (a bare settings object) and saves them as version 1', () => {
    const state = tempDir();
    const settings = join(state, 'settings.json');
    writeFileSync(settings, JSON.stringify({ desiredRetention: 0.85, newPerDay: 5 }));
    const reader = openState(state, { mode: 'read', clock });
    expect(reader.settings()).toEqual({ ...DEFAULT_SETTINGS, desiredRetention: 0.85, newPerDay: 5 });
    const writer = openState(state, { mode: 'write', clock });
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({ desiredRetention: 0.85, newPerDay: 5 }); // untouched until saved
    writer.saveSettings({ ...writer.userSettings(), fuzz: false });
    writer.close();
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({
      schemaVersion: 1,
      settings: { desiredRetention: 0.85, newPerDay: 5, fuzz: false },
    });
  });

  it('refuses settings, a snapshot or a log made by a newer paperdeck', () => {
    const base = tempDir();
    const files = {
      settings: (state: string) => join(state, 'settings.json'),
      snapshot: (state: string) => join(state, 'decks', 'd', 'snapshot.json'),
      log: (state: string) => join(state, 'decks', 'd', 'log.ndjson'),
    };
    for (const [which, fileOf] of Object.entries(files)) {
      const state = join(base, which);
      const store = openState(state, { mode: 'write', clock });
      store.saveSettings({ newPerDay: 1 });
      store.deck('d').append(sampleReview('a', 1));
      store.close();
      const file = fileOf(state);
      const text = readFileSync(file, 'utf8').replace('"schemaVersion":1', '"schemaVersion":9').replace('"schemaVersion": 1', '"schemaVersion": 9');
      writeFileSync(file, text);
      const error = openError(() => openState(state, { mode: 'read', clock }).deck('d'));
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/made by a newer paperdeck/);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});
