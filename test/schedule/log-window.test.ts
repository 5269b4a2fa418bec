import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { entriesFrom, newestFirst } from '../../src/schedule/log-window.js';
import { newCardState } from '../../src/schedule/scheduler.js';
import { FakeDeckState } from './fake-deck-state.js';
import { HOUR, local, makeCards, settings } from './helpers.js';

function deckWithHistory(entries: number, start: number, step: number): FakeDeckState {
  const deck = new FakeDeckState();
  for (let i = 0; i < entries; i++) {
    deck.append({ kind: 'bury', at: start + i * step, card: `old${i % 50}`, before: null, after: newCardState() });
  }
  return deck;
}

describe('reading the end of the log', () => {
  it('walks every entry once, newest first', () => {
    const deck = deckWithHistory(3000, local(2025, 1, 1), 1000);
    const seqs = [...newestFirst(deck)].map((e) => e.seq);
    expect(seqs).toHaveLength(3000);
    expect(seqs[0]).toBe(3000);
    expect(seqs.at(-1)).toBe(1);
    expect(seqs.every((seq, i) => i === 0 || seq === seqs[i - 1]! - 1)).toBe(true);
    expect([...newestFirst(new FakeDeckState())]).toEqual([]);
  });

  it('finds the entries since a time without reading the whole history', () => {
    const start = local(2025, 1, 1);
    const deck = deckWithHistory(20_000, start, HOUR);
    const since = start + 19_990 * HOUR;
    deck.entriesRead = 0;
    const recent = entriesFrom(deck, since);
    expect(recent.map((e) => e.seq)).toEqual([19_991, 19_992, 19_993, 19_994, 19_995, 19_996, 19_997, 19_998, 19_999, 20_000]);
    expect(deck.entriesRead).toBeLessThan(1_000);
  });

  it("lets the study engine start, count and undo on a long history reading only today's end of it", () => {
    const start = local(2025, 1, 1);
    const deck = deckWithHistory(20_000, start, HOUR);
    const clock = new ManualClock(start + 20_000 * HOUR + 5 * HOUR);
    deck.entriesRead = 0;
    const engine = createStudyEngine({ deck, cards: makeCards(30), settings: settings(), clock });
    engine.answer('c001', 3, 1_000);
    expect(engine.view().counts.new).toBe(19);
    expect(engine.undo()?.id).toBe('c001');
    expect(engine.summary().reviewed).toBe(0);
    expect(deck.entriesRead).toBeLessThan(2_000);
  });
});
