// kill -9 at a random moment while a real process saves answers as fast as it can: afterwards
// the state always opens, every answer the process had reported saved is there, and at most the
// one being written is lost.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { openState } from '../../src/store/index.js';
import { random, sampleState } from './fixtures/sample.js';
import { startChild, tempDir } from './helpers.js';

const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

describe('a writer killed mid-save', () => {
  it('loses at most the answer in flight, kill after kill', async () => {
    const state = tempDir();
    let previousLast = 0;
    const rand = random(1789); // seeded: a failure reproduces
    for (let round = 0; round < 6; round++) {
      const child = startChild(state, 'append', 'd');
      // Let it save a random number of answers past where it started, then kill it as it goes on.
      const target = previousLast + 1 + Math.floor(rand() * 150);
      await child.waitForLine((line) => Number(line) >= target);
      child.process.kill('SIGKILL');
      await child.exited;
      const reported = Math.max(...child.lines.map(Number));

      const writer = await openState(state, { mode: 'write', clock });
      const deck = writer.deck('d');
      const last = deck.lastSeq();
      expect(last).toBeGreaterThanOrEqual(reported);
      expect(last).toBeLessThanOrEqual(reported + 1);
      const log = deck.readLog();
      expect(log.map((entry) => entry.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      for (const entry of log) expect(entry.after).toEqual(sampleState(entry.seq));
      // The card states agree with the log: each card's state is its last entry's.
      const expected = new Map(log.map((entry) => [entry.card, entry.after]));
      expect(new Map(deck.cardStates())).toEqual(expected);
      writer.close();
      previousLast = last;
    }
    // Any torn bytes were kept beside the log, never thrown away.
    for (const name of readdirSync(join(state, 'decks', 'd', 'logs'))) {
      expect(name).toMatch(/^this-machine\.ndjson(\.torn-.*)?$/);
    }
  });
});
