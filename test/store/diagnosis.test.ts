// When the snapshot and the review log disagree, or the log is damaged where opening does not
// read, the error names the file that is actually damaged (the log with its line, or the
// snapshot), leaves every file as it was, and doing what it says — as a user would, copying the
// named backup into place or moving the named file away — opens the state again with the
// answers the advice promises.
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import type { LogEntry } from '../../src/core/types.js';
import { backupsOf, ownLog, snapshotOf } from '../helpers/state-paths.js';
import { openState } from '../../src/store/index.js';
import { sampleReview } from './fixtures/sample.js';
import { bytesOf, tempDir } from './helpers.js';

const DAY = 86_400_000;
const FIRST_DAY = 30;
const SECOND_DAY = 20;

interface UsedState {
  state: string;
  clock: ManualClock;
  log: string;
  snapshot: string;
  /** The snapshot the second day's backup holds (after entry FIRST_DAY). */
  backedUpSnapshot: string;
  logCopy: string;
  /** The log's entries before anything was damaged. */
  entries: LogEntry[];
}

/**
 * Two days of answers in deck "d" (30, then 20, over 12 cards): the backup taken when the second
 * day began holds the log up to entry 30 and the snapshot after it; the snapshot in the state is
 * after entry 50. The clock is left on the third day, so a writer takes another backup.
 */
async function usedState(): Promise<UsedState> {
  const state = tempDir();
  const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));
  for (const answers of [FIRST_DAY, SECOND_DAY]) {
    const store = await openState(state, { mode: 'write', clock });
    const deck = store.deck('d');
    for (let i = 0; i < answers; i++) {
      const seq = deck.lastSeq() + 1;
      deck.append(sampleReview(`card-${seq % 12}`, seq));
    }
    store.close();
    clock.advance(DAY);
  }
  const entries = (await openState(state, { mode: 'read', clock })).deck('d').readLog();
  expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: FIRST_DAY + SECOND_DAY }, (_, i) => i + 1));
  return {
    state,
    clock,
    log: ownLog(state, 'd'),
    snapshot: snapshotOf(state, 'd'),
    backedUpSnapshot: join(backupsOf(state), '2026-11-27T10-00-00Z', 'decks', 'd', 'snapshot.json'),
    logCopy: join(backupsOf(state), 'logs', 'd.ndjson'),
    entries,
  };
}

/** Rewrites line `n` (1-based; the header is line 1) of `file` as `edit` returns it. */
function editLine(file: string, n: number, edit: (line: string) => string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const edited = edit(lines[n - 1]!);
  expect(edited).not.toBe(lines[n - 1]);
  lines[n - 1] = edited;
  writeFileSync(file, lines.join('\n'));
}

/** What the user trial did: `sed -i 'Ns/"r":3/"r":3,GARBAGE{{/'`, a longer line. */
const lengthChanging = (line: string): string => line.replace('"r":3', '"r":3,GARBAGE{{');
/** A garble of the same length: the line's entries stay where they were. */
const sameLength = (line: string): string => line.replace('"r":3', '"r"?3');

/** Every file of the deck this machine has (its log and the files beside it, its caches) and its bytes. */
function deckFiles(state: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path); // the facts caches, one a log
      else files.set(path, bytesOf(path));
    }
  };
  for (const dir of [dirname(ownLog(state, 'd')), dirname(snapshotOf(state, 'd'))]) walk(dir);
  return files;
}

function userError(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) {
      expect(error.message).not.toMatch(/\n/);
      return error;
    }
    throw error;
  }
  throw new Error('no error');
}

/** Opening deck "d" (and reading what `due` reads: the log's end) fails; the error. */
async function openingFails(state: string, mode: 'read' | 'write', clock: ManualClock): Promise<UserError> {
  const store = await openState(state, { mode, clock });
  try {
    return userError(() => store.deck('d').entriesSince(0));
  } finally {
    store.close();
  }
}

/**
 * Does what the message says, the way a user would: restores the damaged file from the backup it
 * names (moving away whatever else it says to move), or moves the damaged file itself away.
 */
function follow(message: string, how: 'restore' | 'move away'): void {
  const damaged = /^(\S+) is corrupted \(/.exec(message)?.[1];
  expect(damaged).toBeDefined();
  if (how === 'restore') {
    const copy = /; restore it from (\S+)/.exec(message)?.[1];
    expect(copy).toBeDefined();
    copyFileSync(copy!, damaged!);
    for (const [, other] of message.matchAll(/ and move (\S+) away/g)) renameSync(other!, `${other}.moved`);
  } else {
    expect(message).toContain(' or move it away');
    renameSync(damaged!, `${damaged}.moved`);
  }
}

/** The state opens for reading and writing with exactly the first `count` original entries. */
async function opensWith(used: UsedState, count: number): Promise<void> {
  const expected = used.entries.slice(0, count);
  const lastStates = new Map(expected.map((e) => [e.card, e.after]));
  const reader = (await openState(used.state, { mode: 'read', clock: used.clock })).deck('d');
  expect(reader.lastSeq()).toBe(count);
  expect(reader.entriesSince(0)).toEqual(expected);
  expect(new Map(reader.cardStates())).toEqual(lastStates);

  const writer = await openState(used.state, { mode: 'write', clock: used.clock });
  const deck = writer.deck('d');
  expect(deck.readLog()).toEqual(expected);
  expect(new Map(deck.cardStates())).toEqual(lastStates);
  deck.append(sampleReview('card-0', count + 1));
  writer.close();
  expect((await openState(used.state, { mode: 'read', clock: used.clock })).deck('d').lastSeq()).toBe(count + 1);
}

/** How many entries the log copy named in a log error holds, by its own words. */
function entriesInNamedCopy(message: string): number {
  const held = /\(it holds entries 1 to (\d+);/.exec(message)?.[1];
  expect(held).toBeDefined();
  return Number(held);
}

/**
 * A damaged log, seen by a reader and then by a writer on a new day: both name the log and
 * `line`, nothing in the deck's folder changes (the writer's backup keeps the good log copy), and
 * following the advice brings back the entries the copy holds.
 */
async function expectLogBlamed(used: UsedState, line: number, copyHolds: number): Promise<void> {
  const before = deckFiles(used.state);
  const copyBefore = bytesOf(used.logCopy);
  // One after the other: the reader first, then the writer (which takes a backup).
  const messages: string[] = [];
  for (const mode of ['read', 'write'] as const) messages.push((await openingFails(used.state, mode, used.clock)).message);
  for (const message of messages) {
    expect(message.startsWith(`${used.log} is corrupted (line ${line} `)).toBe(true);
    expect(message).toContain(`restore it from ${used.logCopy} (it holds entries 1 to `);
    expect(message).toContain(`and move ${used.snapshot} away`);
    expect(message).not.toMatch(/snapshot\.json is corrupted/);
  }
  expect(deckFiles(used.state)).toEqual(before);
  // The reader came before the writer's backup; the writer's backup extended the copy only with
  // the whole entries before the damage, or kept it as it was.
  expect(entriesInNamedCopy(messages[0]!)).toBe(FIRST_DAY);
  expect(entriesInNamedCopy(messages[1]!)).toBe(copyHolds);
  if (copyHolds === FIRST_DAY) expect(bytesOf(used.logCopy)).toEqual(copyBefore);

  follow(messages[1]!, 'restore');
  await opensWith(used, copyHolds);
}

describe('a damaged review log is named, with its line, however opening comes upon it', () => {
  it('a line garbled to another length before the snapshot point (the snapshot no longer lands on a line end)', async () => {
    const used = await usedState();
    editLine(used.log, 20, lengthChanging);
    await expectLogBlamed(used, 20, FIRST_DAY);
  });

  it('a line garbled to the same length before the snapshot point (opening is fast and does not see it; reading the end does)', async () => {
    const used = await usedState();
    editLine(used.log, 20, sameLength);
    const before = deckFiles(used.state);
    // The snapshot's boundary checks pass, so opening replays nothing and reads no further back.
    const reader = (await openState(used.state, { mode: 'read', clock: used.clock })).deck('d');
    expect(reader.lastSeq()).toBe(50);
    expect(userError(() => reader.readLog()).message.startsWith(`${used.log} is corrupted (line 20 `)).toBe(true);
    expect(reader.entriesSince(25)).toEqual(used.entries.slice(25)); // the end is sound
    expect(deckFiles(used.state)).toEqual(before);
    await expectLogBlamed(used, 20, FIRST_DAY);
  });

  it('a line garbled in the tail that opening replays past the snapshot', async () => {
    const used = await usedState();
    // As a writer killed before it could fold leaves it: the snapshot after entry 30, the log to 50.
    copyFileSync(used.backedUpSnapshot, used.snapshot);
    expect((await openState(used.state, { mode: 'read', clock: used.clock })).deck('d').lastSeq()).toBe(50);
    editLine(used.log, 40, lengthChanging);
    // The writer's backup extends the log copy with the whole entries before the damage (to 38).
    await expectLogBlamed(used, 40, 38);
  });
});

describe('a snapshot is blamed only when it is itself at fault', () => {
  for (const how of ['restore', 'move away'] as const) {
    it(`a truncated snapshot: named, left as it is, and "${how}" brings every answer back`, async () => {
      const used = await usedState();
      const whole = bytesOf(used.snapshot);
      writeFileSync(used.snapshot, whole.subarray(0, Math.floor(whole.length / 2)));
      const before = deckFiles(used.state);
      // One after the other: the reader first, then the writer (which takes a backup).
      const messages: string[] = [];
      for (const mode of ['read', 'write'] as const) messages.push((await openingFails(used.state, mode, used.clock)).message);
      for (const message of messages) {
        expect(message.startsWith(`${used.snapshot} is corrupted (`)).toBe(true);
        expect(message).toContain(`restore it from ${used.backedUpSnapshot} or move it away to rebuild it from the review log`);
      }
      expect(deckFiles(used.state)).toEqual(before);
      follow(messages[1]!, how);
      await opensWith(used, 50);
    });
  }

  it('a sound log cut back to an older copy: the snapshot that covers more is named, with the log found sound', async () => {
    const used = await usedState();
    copyFileSync(used.logCopy, used.log); // the log as the backup holds it, entries 1 to 30
    const before = deckFiles(used.state);
    const message = (await openingFails(used.state, 'read', used.clock)).message;
    expect(message.startsWith(`${used.snapshot} is corrupted (it does not match this-machine.ndjson, which reads clean up to entry 30:`)).toBe(
      true,
    );
    expect(deckFiles(used.state)).toEqual(before);
    follow(message, 'move away');
    await opensWith(used, 30);
    expect(existsSync(`${used.snapshot}.moved`)).toBe(true);
  });
});

describe('damage in the last line alone, which the snapshot covers, costs only that line', () => {
  const damages: [string, (used: UsedState) => void][] = [
    ['garbled to the same length', (used) => editLine(used.log, 51, sameLength)],
    // Cut mid-line, as a disk that lost the end of the file leaves it: the snapshot is past the end.
    ['torn (the file cut in its last line)', (used) => writeFileSync(used.log, bytesOf(used.log).subarray(0, bytesOf(used.log).length - 40))],
  ];
  for (const [how, damage] of damages) {
    it(`the last line ${how}: the advice keeps entries 1 to 49, not the backup's 30`, async () => {
      const used = await usedState();
      damage(used);
      const before = deckFiles(used.state);
      const messages: string[] = [];
      for (const mode of ['read', 'write'] as const) messages.push((await openingFails(used.state, mode, used.clock)).message);
      for (const message of messages) {
        expect(message.startsWith(`${used.log} is corrupted (line 51 `)).toBe(true);
        expect(message).toContain(`it is the log's last line, and entries 1 to 49 before it are whole: move ${used.snapshot} away so that it is rebuilt from them`);
        expect(message).toContain('only the answer on that line is lost');
        expect(message).not.toContain('restore it from');
      }
      expect(deckFiles(used.state)).toEqual(before);

      renameSync(used.snapshot, `${used.snapshot}.moved`);
      const reader = (await openState(used.state, { mode: 'read', clock: used.clock })).deck('d');
      expect(reader.tornTail).not.toBeNull();
      await opensWith(used, 49);
      // The writer set the damaged bytes aside, not away.
      const aside = readdirSync(dirname(used.log)).filter((name) => name.startsWith('this-machine.ndjson.torn-'));
      expect(aside).toHaveLength(1);
    });
  }
});
