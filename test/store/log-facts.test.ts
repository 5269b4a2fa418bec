// The statistics' read of the log (readLogFacts): the same entries as readLog, checked the same
// way, reduced to the facts the statistics use. Its fast reading of compact lines (a regular
// expression instead of JSON.parse) agrees with JSON.parse and checkLine on every line paperdeck
// writes and on thousands of garbled ones: it never accepts a line they refuse, nor reads one
// differently.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import { LogKindCode, NO_CARD_STATE } from '../../src/core/types.js';
import type { LogEntry } from '../../src/core/types.js';
import { logFactsOf, openState } from '../../src/store/index.js';
import { checkLine, encodeEntry, lineFacts, readCompactFacts } from '../../src/store/log-codec.js';
import { EntryFacts } from '../../src/store/log-facts.js';
import { headerLine } from '../../src/store/review-log.js';
import { random, randomEntry, sampleState } from './fixtures/sample.js';
import { tempDir } from './helpers.js';

const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

/** The facts as JSON.parse and checkLine read the line, or why it is no entry. */
function slowFacts(line: string): EntryFacts | string {
  try {
    const value: unknown = JSON.parse(line);
    const facts = new EntryFacts();
    lineFacts(value, checkLine(value), facts);
    return facts;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The facts as the fast reading gives them, or null where it leaves the line to JSON.parse. */
function fastFacts(line: string): EntryFacts | null {
  const facts = new EntryFacts();
  return readCompactFacts(line, 0, line.length, facts) ? facts : null;
}

/** Characters that matter to JSON and to the compact form, for garbling lines. */
const GARBLE = '0123456789.eE+-,[]{}":\\ nulrkabcs\t';

function garble(line: string, rand: () => number): string {
  const at = Math.floor(rand() * line.length);
  const char = GARBLE[Math.floor(rand() * GARBLE.length)]!;
  const how = rand();
  if (how < 0.5) return line.slice(0, at) + char + line.slice(at + 1);
  if (how < 0.75) return line.slice(0, at) + line.slice(at + 1);
  return line.slice(0, at) + char + line.slice(at);
}

function writeLog(state: string, lines: string[]): string {
  const dir = join(state, 'decks', 'd');
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'log.ndjson');
  writeFileSync(log, headerLine('d') + lines.map((line) => line + '\n').join(''));
  return log;
}

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('reading a compact line without JSON.parse', () => {
  it('reads every line paperdeck writes as JSON.parse and checkLine do', () => {
    const rand = random(23);
    let read = 0;
    for (let seq = 1; seq <= 5000; seq++) {
      const line = encodeEntry(randomEntry(rand, seq));
      const fast = fastFacts(line);
      // Ids with a quote or backslash are escaped in the line: left to JSON.parse.
      if (!/\\/.test(line)) {
        expect(fast, line).not.toBeNull();
        read++;
      }
      if (fast) expect(fast, line).toEqual(slowFacts(line));
    }
    expect(read).toBeGreaterThan(2000);
  });

  it('never accepts a garbled line JSON.parse and checkLine refuse, nor reads one differently', () => {
    const rand = random(5);
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 20_000; n++) {
      let line = encodeEntry(randomEntry(rand, 1 + Math.floor(rand() * 99)));
      for (let edits = 1 + Math.floor(rand() * 2); edits > 0; edits--) line = garble(line, rand);
      const fast = fastFacts(line);
      const slow = slowFacts(line);
      if (fast) {
        accepted++;
        expect(fast, line).toEqual(slow);
      } else if (typeof slow === 'string') {
        refused++;
      }
    }
    // Both kinds were met: garbles that still make an entry (a digit changed), and damage.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(5000);
  });

  it('leaves to JSON.parse what it is not sure of, which reads it all the same', () => {
    const base = '{"seq":1,"at":1000,"c":"a","r":3,"ms":5,"b":[1,2,3,4,25,6,7,8,2],"a":[1,2,3,4,5,6,7,8,2]}';
    const unsure = [
      base.replace('"b":[1,2,3,4,25,6,7,8,2]', '"b":[1,2,3,4,25,6,7,8,2.0]'), // state 2, written otherwise
      base.replace('"r":3', '"r":3.0'),
      base.replace('"seq":1', '"seq":1e0'),
      base.replace('{"seq":1,', '{ "seq":1,'),
      base.replace('"c":"a"', '"c":"\\u0061"'),
      base.replace('"r":3,"ms":5', '"ms":5,"r":3'),
      base.replace('[1,2,3,4,5,6,7,8,2]}', '[1,2,3,4,5,6,7,8,2,null,null]}'), // flags null: 0
      base + ' ',
    ];
    for (const line of unsure) {
      expect(fastFacts(line), line).toBeNull();
      expect(slowFacts(line), line).toMatchObject({ seq: 1, at: 1000, card: 'a', rating: 3, beforeState: 2, beforeScheduledDays: 25 });
    }
    expect(fastFacts(base)).toEqual(slowFacts(base));
  });
});

describe('readLogFacts', () => {
  it('gives the facts of readLog, over compact, plain and unusual lines, ASCII or not, longer than one read', async () => {
    const rand = random(99);
    const entries: LogEntry[] = [];
    for (let seq = 1; seq <= 6000; seq++) entries.push(randomEntry(rand, seq));
    const lines = entries.map((entry) => (entry.seq % 10 === 0 ? JSON.stringify(entry) : encodeEntry(entry)));
    lines[4] = lines[4]!.replace('{"seq":5,', '{ "seq": 5,');
    const state = tempDir();
    writeLog(state, lines);
    const deck = (await openState(state, { mode: 'read', clock })).deck('d');
    const facts = deck.readLogFacts();
    expect(facts.length).toBe(6000);
    expect(facts).toEqual(logFactsOf(deck.readLog()));
    expect(facts.cardIds[facts.card[1]!]).toBe(entries[1]!.card);
  });

  it('reads an ASCII log chunk by chunk the same way, leaving a torn last line out', async () => {
    const entries: LogEntry[] = [];
    for (let seq = 1; seq <= 12_000; seq++) {
      const before = seq % 5 === 0 ? null : { ...sampleState(seq), state: (seq % 4) as 0 | 1 | 2 | 3 };
      entries.push(
        seq % 50 === 0
          ? { seq, at: 1_789_000_000_000 + seq * 60_000, card: `card-${seq % 70}`, kind: 'undo', undoes: seq - 1, before, after: sampleState(seq) }
          : { seq, at: 1_789_000_000_000 + seq * 60_000, card: `card-${seq % 70}`, kind: 'review', rating: ((seq % 4) + 1) as 1 | 2 | 3 | 4, ms: seq, before, after: sampleState(seq) },
      );
    }
    const state = tempDir();
    const log = writeLog(state, entries.map((entry) => encodeEntry(entry)));
    appendFileSync(log, '{"seq":12001,"at":17');
    const deck = (await openState(state, { mode: 'read', clock })).deck('d');
    const facts = deck.readLogFacts();
    expect(facts).toEqual(logFactsOf(entries));
    expect(facts.kind[49]).toBe(LogKindCode.undo);
    expect(facts.undoes[49]).toBe(49);
    expect(facts.beforeState[4]).toBe(NO_CARD_STATE);
    expect(facts.beforeScheduledDays[3]).toBe(sampleState(4).scheduledDays);
    expect(facts.cardIds).toHaveLength(70);
  });

  it('names damage and a gap in the numbering as readLog does', async () => {
    const entries: LogEntry[] = [];
    for (let seq = 1; seq <= 40; seq++) entries.push({ seq, at: 1_789_000_000_000 + seq, card: 'a', kind: 'review', rating: 3, ms: 1, before: null, after: sampleState(seq) });
    const state = tempDir();
    const log = writeLog(state, entries.map((entry) => encodeEntry(entry)));
    const deck = (await openState(state, { mode: 'read', clock })).deck('d');
    const text = readFileSync(log, 'utf8');

    writeFileSync(log, text.replace('{"seq":20,', '{"seq":20,,'));
    const damaged = userError(() => deck.readLogFacts());
    expect(damaged.message).toContain('line 21 is not a review log entry');
    expect(damaged.message).toBe(userError(() => deck.readLog()).message);

    writeFileSync(log, text.replace('{"seq":20,', '{"seq":21,'));
    const gap = userError(() => deck.readLogFacts());
    expect(gap.message).toContain('line 21 has entry number 21 where 20 was expected');
    expect(gap.message).toBe(userError(() => deck.readLog()).message);
  });

  it('is empty for a deck never answered', async () => {
    const facts = (await openState(tempDir(), { mode: 'read', clock })).deck('d').readLogFacts();
    expect(facts.length).toBe(0);
    expect(facts.cardIds).toEqual([]);
  });
});

describe('logFactsOf', () => {
  it('puts entries in seq order and tells apart ids that share their length and ends', () => {
    // Ids alike in everything the id hash reads: every one lands on the same slot first.
    const ids = Array.from({ length: 1500 }, (_, i) => `abcd-${String(i).padStart(5, '0')}-zzzzzzzzzzzz`);
    const entries: LogEntry[] = ids.map((card, i) => ({ seq: ids.length - i, at: i, card, kind: 'bury', before: null, after: sampleState(i) }));
    const facts = logFactsOf(entries);
    expect(Array.from(facts.seq)).toEqual(ids.map((_, i) => i + 1));
    for (let row = 0; row < facts.length; row++) expect(facts.cardIds[facts.card[row]!]).toBe(ids[ids.length - 1 - row]);
    expect(new Set(facts.cardIds).size).toBe(ids.length);
  });
});
