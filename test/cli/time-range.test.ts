// Times far outside what paperdeck works with (years 1970 to 2999) are refused with one line,
// quickly: PAPERDECK_NOW, and the times in a review log the statistics reckon from.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CardStateKind } from '../../src/core/types.js';
import { ManualClock } from '../../src/core/clock.js';
import { newCardState } from '../../src/schedule/card-state.js';
import { openState } from '../../src/store/index.js';
import { makeCards } from '../schedule/helpers.js';
import { builtBinary, paperdeck, workspace, writeDeck } from '../schedule/built-cli.js';


describe('dates out of range', () => {
  it.each(['9999-12-31T04:00', '2999-12-31T23:00-05:00', '1969-12-31T12:00Z', '0001-01-01T04:00'])('refuses PAPERDECK_NOW=%s in every command, with exit 2', (now) => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(3));
    for (const command of ['stats', 'due', 'cards']) {
      const started = Date.now();
      const result = paperdeck([command, '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: now });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`paperdeck: PAPERDECK_NOW is out of range: "${now}" (paperdeck takes dates from 1970-01-01 to 2999-12-31 (UTC))\n`);
    }
  });

  it('takes the last minutes of 2999 and the first of 1970', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(3));
    for (const now of ['2999-12-31T23:59Z', '1970-01-01T00:00Z']) {
      const result = paperdeck(['stats', '--json', '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: now });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it('refuses statistics over a log holding a time out of range, naming the log and the entry', async () => {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', makeCards(3));
    const clock = new ManualClock(Date.UTC(2026, 5, 1, 9));
    const store = await openState(ws.state, { mode: 'write', clock });
    const before = newCardState();
    const deck = store.deck('papers');
    deck.append({ kind: 'suspend', at: clock.now(), card: 'c001', before, after: { ...before, suspended: true } });
    // A review of a review card 270,000 years back: True Retention would tally ~100 million days.
    const review = { ...before, state: CardStateKind.Review, stability: 10, scheduledDays: 10, due: -8.6e15, lastReview: -8.6e15 - 864e6 };
    deck.append({ kind: 'review', at: -8.6e15, card: 'c002', rating: 3, ms: 1000, before: review, after: { ...review, reps: 1 } });
    store.close();
    const run = spawnSync(process.execPath, [builtBinary(), 'stats', '--decks', ws.decks, '--state', ws.state], {
      env: { ...process.env, PAPERDECK_NOW: '2026-06-02T09:00Z', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const result = { code: run.status, stdout: run.stdout, stderr: run.stderr };
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^paperdeck: \S+logs\/this-machine\.ndjson is corrupted \(entry 2 has a time out of range, -2705\d\d-.*paperdeck takes times from 1970-01-01 to 2999-12-31 \(UTC\)\).*\n$/);
  });
});
