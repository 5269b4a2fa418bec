// The review log's line form: every entry reads back exactly as it was written (random entries of
// every kind, states with full-precision numbers, null times, flags), lines of the earlier plain
// form still read, bad lines are named; and the reader finds the same entries, torn tails and
// damage over logs longer than one read, with ids that are not ASCII and lines longer than a read.
import { appendFileSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import type { CardState, LogEntry } from '../../src/core/types.js';
import { ownLog } from '../helpers/state-paths.js';
import { openState } from '../../src/store/index.js';
import { NotALogEntry, decodeEntry, encodeEntry } from '../../src/store/log-codec.js';
import { headerLine } from '../../src/store/review-log.js';
import { randomEntry, random, sampleState } from './fixtures/sample.js';
import { bytesOf, tempDir } from './helpers.js';

const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

function roundTrip(entry: LogEntry): LogEntry {
  const line = encodeEntry(entry);
  expect(line).not.toContain('\n');
  return decodeEntry(JSON.parse(line));
}

describe('the log line form', () => {
  it('reads back every entry exactly as it was written', () => {
    const rand = random(7);
    for (let seq = 1; seq <= 5000; seq++) {
      const entry = randomEntry(rand, seq);
      const back = roundTrip(entry);
      expect(back).toEqual(entry);
      // Bit for bit: undo restores stability and difficulty exactly.
      for (const key of ['stability', 'difficulty', 'due'] as const) expect(Object.is(back.after[key], entry.after[key])).toBe(true);
    }
  });

  it('keeps what matters at the edges: no state before, undo and flag kinds, every flag and time set', () => {
    const after: CardState = { ...sampleState(3), suspended: true, leech: true, buriedUntil: 1_790_000_000_000, lastReview: null };
    const entries: LogEntry[] = [
      { seq: 1, at: 1_789_000_000_000, card: 'a', kind: 'review', rating: 1, ms: 0, before: null, after: sampleState(1) },
      { seq: 2, at: 1_789_000_000_000, card: 'a', kind: 'bury', before: sampleState(1), after },
      { seq: 3, at: 1_789_000_000_001, card: 'a', kind: 'undo', undoes: 2, before: after, after: sampleState(1) },
      { seq: 4, at: 1_789_000_000_002, card: 'a', kind: 'unsuspend', before: { ...after, leech: false }, after: { ...after, suspended: false } },
    ];
    for (const entry of entries) expect(roundTrip(entry)).toEqual(entry);
  });

  it('writes a typical review in well under half the bytes of the plain form', () => {
    const entry: LogEntry = {
      seq: 123_456,
      at: 1_780_000_000_000,
      card: 'making-neural-programming-architectures-5bbfcf',
      kind: 'review',
      rating: 3,
      ms: 8_432,
      before: { ...sampleState(5), stability: 10.12345678, difficulty: 5.12345678, due: 1_779_990_000_000, lastReview: 1_779_100_000_000 },
      after: { ...sampleState(6), stability: 21.87654321, difficulty: 5.23456789, due: 1_781_814_400_000, lastReview: 1_780_000_000_000 },
    };
    const compact = Buffer.byteLength(encodeEntry(entry));
    expect(compact).toBeLessThanOrEqual(225);
    expect(compact).toBeLessThan(0.45 * Buffer.byteLength(JSON.stringify(entry)));
  });

  it('writes an entry whose times would not survive as offsets from `at` in the plain form, which reads back too', () => {
    // 0.1 - at + at is not 0.1: the offset would lose the fraction.
    const entry: LogEntry = { seq: 1, at: 1_789_000_000_000, card: 'a', kind: 'review', rating: 3, ms: 1, before: null, after: { ...sampleState(1), due: 0.1 } };
    expect(JSON.parse(encodeEntry(entry))).toHaveProperty('after');
    expect(roundTrip(entry)).toEqual(entry);
  });

  it('reads lines of the plain form', () => {
    const rand = random(11);
    for (let seq = 1; seq <= 200; seq++) {
      const entry = randomEntry(rand, seq);
      expect(decodeEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    }
  });

  it('says why a value is not an entry', () => {
    const good = JSON.parse(encodeEntry({ seq: 1, at: 5, card: 'a', kind: 'review', rating: 3, ms: 1, before: sampleState(1), after: sampleState(2) }));
    const cases: [unknown, RegExp][] = [
      [[1, 2], /not an object/],
      [{ ...good, seq: 'x' }, /no seq/],
      [{ ...good, at: undefined }, /no time/],
      [{ ...good, c: 7 }, /no card/],
      [{ ...good, a: [1, 2, 3] }, /bad card state after it/],
      [{ ...good, a: [...good.a.slice(0, 8), 9] }, /bad card state after it/],
      [{ ...good, b: [...good.b.slice(0, 1), 'x', ...good.b.slice(2)] }, /bad card state before it/],
      [{ ...good, a: [...good.a, 0, 4, 5] }, /bad card state after it/],
      [{ ...good, a: [...good.a, 8] }, /bad card state after it/],
      [{ ...good, r: 5 }, /bad rating/],
      [{ ...good, r: undefined, k: 'explode' }, /no kind/],
      [{ seq: 1, at: 5, card: 'a', kind: 'review' }, /no card state after it/],
    ];
    for (const [value, reason] of cases) {
      expect(() => decodeEntry(value)).toThrow(NotALogEntry);
      expect(() => decodeEntry(value)).toThrow(reason);
    }
  });
});

/** A deck log written straight to disk: the header, then `entries` one per line. */
function writeLog(state: string, entries: LogEntry[], line = encodeEntry): string {
  const log = ownLog(state, 'd');
  mkdirSync(dirname(log), { recursive: true });
  writeFileSync(log, headerLine('d') + entries.map((e) => line(e) + '\n').join(''));
  return log;
}

/** `count` reviews, about 130 bytes a line: 12,000 of them span two reads of the log. */
function history(count: number, card: (n: number) => string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (let seq = 1; seq <= count; seq++) {
    entries.push({ seq, at: 1_789_000_000_000 + seq * 60_000, card: card(seq), kind: 'review', rating: 3, ms: 900, before: seq > 1 ? sampleState(seq - 1) : null, after: sampleState(seq) });
  }
  return entries;
}

describe('reading a log longer than one read', () => {
  it('reads every entry, whatever the ids, and what is in memory after opening matches', async () => {
    const state = tempDir();
    const entries = history(12_000, (n) => (n % 3 === 0 ? `naïve-bayes-🃏-${n % 50}` : `card-${n % 50}`));
    const log = writeLog(state, entries);
    expect(bytesOf(log).length).toBeGreaterThan(1.5 * 1024 * 1024);
    const deck = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(deck.readLog()).toEqual(entries);
    expect(deck.lastSeq()).toBe(12_000);
    expect(deck.cardStates().get('naïve-bayes-🃏-0')).toEqual(sampleState(12_000));
    expect(deck.entriesSince(11_998)).toEqual(entries.slice(-2));
  });

  it('reads a log of plain lines followed by compact ones', async () => {
    const state = tempDir();
    const entries = history(300, (n) => `card-${n % 7}`);
    const log = writeLog(state, entries.slice(0, 200), (e) => JSON.stringify(e));
    appendFileSync(log, entries.slice(200).map((e) => encodeEntry(e) + '\n').join(''));
    const store = await openState(state, { mode: 'write', clock });
    const deck = store.deck('d');
    expect(deck.readLog()).toEqual(entries);
    const next = deck.append({ kind: 'review', at: 1_789_100_000_000, card: 'card-1', rating: 2, ms: 5, before: sampleState(300), after: sampleState(301) });
    expect(next.seq).toBe(301);
    store.close();
    expect((await openState(state, { mode: 'read', clock })).deck('d').readLog()).toEqual([...entries, next]);
  });

  it('sets aside a torn last line after non-ASCII ids, cutting the log back to the exact byte', async () => {
    const state = tempDir();
    const entries = history(12_000, (n) => `ünïcödé-${n % 40}-✓`);
    const log = writeLog(state, entries);
    const whole = bytesOf(log);
    const torn = '{"seq":12001,"at":1789720060000,"c":"ünïcödé-1-✓","r":3,"ms":9';
    appendFileSync(log, torn);

    const reader = (await openState(state, { mode: 'read', clock })).deck('d');
    expect(reader.lastSeq()).toBe(12_000);
    expect(reader.tornTail?.bytes).toBe(Buffer.byteLength(torn));
    expect(reader.readLog()).toHaveLength(12_000);

    const store = await openState(state, { mode: 'write', clock });
    expect(store.deck('d').lastSeq()).toBe(12_000);
    store.close();
    expect(bytesOf(log).equals(whole)).toBe(true); // (toEqual walks a Buffer byte by byte: slow)
    const aside = readdirSync(dirname(log)).filter((name) => name.startsWith('this-machine.ndjson.torn-'));
    expect(readFileSync(join(dirname(log), aside[0] ?? ''), 'utf8')).toBe(torn);
  });

  it('names a damaged line wherever it falls, also just past the first read', async () => {
    const state = tempDir();
    const entries = history(12_000, (n) => `card-${n % 50}`);
    const log = writeLog(state, entries);
    const bytes = bytesOf(log);
    // The first line to start past 1 MiB, garbled with its length kept.
    const start = bytes.indexOf(0x0a, 1024 * 1024) + 1;
    const line = bytes.subarray(0, start).filter((b) => b === 0x0a).length + 1;
    bytes[start] = 0x58;
    writeFileSync(log, bytes);
    let error: unknown;
    try {
      (await openState(state, { mode: 'read', clock })).deck('d');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(`line ${line} is not a review log entry`);
  });

  it('reads a line longer than one read', async () => {
    const state = tempDir();
    const entries = history(3, (n) => (n === 2 ? 'x'.repeat(1_500_000) : `card-${n}`));
    writeLog(state, entries);
    expect((await openState(state, { mode: 'read', clock })).deck('d').readLog()).toEqual(entries);
  });
});
