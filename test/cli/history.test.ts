// `paperdeck history CARD [DECK]`, run as the built binary on real folders.
process.env.TZ = 'America/Los_Angeles';

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { openState } from '../../src/store/index.js';
import { DAY, local, makeCard, MINUTE, settings } from '../schedule/helpers.js';
import { paperdeck, workspace, writeDeck } from '../schedule/built-cli.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('paperdeck history', () => {
  const deckCards = [
    makeCard('attention-is-all-1a2b3c', 'Attention Is All You Need'),
    makeCard('paying-more-attention-4d5e6f', 'Paying More Attention to Attention'),
    makeCard('hypernetworks-7a8b9c', 'HyperNetworks'),
  ];

  /** HyperNetworks: Good, Good (graduates), an answer taken back, then Again nine days later. */
  async function studied() {
    const ws = workspace();
    writeDeck(ws.decks, 'papers', deckCards);
    const start = local(2026, 3, 2, 9);
    const clock = new ManualClock(start);
    const store = await openState(ws.state, { mode: 'write', clock });
    const states = [];
    try {
      const deck = store.deck('papers');
      const engine = createStudyEngine({ deck, cards: deckCards, settings: settings({ fuzz: false }), clock });
      engine.answer('hypernetworks-7a8b9c', 3, 1_000); // learning: 10m
      clock.advance(10 * MINUTE);
      engine.answer('hypernetworks-7a8b9c', 3, 1_000); // review
      states.push(deck.cardStates().get('hypernetworks-7a8b9c')!);
      engine.answer('attention-is-all-1a2b3c', 4, 1_000);
      clock.set(local(2026, 3, 11, 9));
      const later = createStudyEngine({ deck, cards: deckCards, settings: settings({ fuzz: false }), clock });
      later.answer('hypernetworks-7a8b9c', 4, 1_000);
      later.undo(); // taken back: not in the history
      later.answer('hypernetworks-7a8b9c', 1, 1_000);
    } finally {
      store.close();
    }
    return { ws, start, graduated: states[0]! };
  }

  const history = (ws: { decks: string; state: string }, args: string[]) =>
    paperdeck(['history', ...args, '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(local(2026, 3, 12, 9)) });

  it('lists every standing review of the card in the documented JSON shape', async () => {
    const { ws, start, graduated } = await studied();
    const result = history(ws, ['hyper', 'papers', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc)).toEqual(['deck', 'card', 'reviews']);
    expect(doc.deck).toBe('papers');
    expect(doc.card).toEqual({ id: 'hypernetworks-7a8b9c', title: 'HyperNetworks' });
    expect(doc.reviews.map((r: { grade: string }) => r.grade)).toEqual(['good', 'good', 'again']);
    for (const review of doc.reviews) expect(Object.keys(review)).toEqual(['at', 'grade', 'interval', 'stability', 'difficulty', 'retrievability', 'device']);
    const [first, second, third] = doc.reviews;
    expect(first).toMatchObject({ at: iso(start), interval: Math.round((10 * MINUTE / DAY) * 1e6) / 1e6, retrievability: null, device: null });
    expect(second.at).toBe(iso(start + 10 * MINUTE));
    expect(second.interval).toBe(graduated.scheduledDays);
    expect(second.stability).toBeCloseTo(graduated.stability, 3);
    expect(second.difficulty).toBeCloseTo(graduated.difficulty, 3);
    expect(third.at).toBe(iso(local(2026, 3, 11, 9)));
    // The chance of recall nine days after it graduated, by the card's state then.
    const expected = new Scheduler(settings()).retrievability(graduated, local(2026, 3, 11, 9))!;
    expect(third.retrievability).toBeCloseTo(expected, 3);
    expect(third.retrievability).toBeLessThan(1);
  });

  it('takes an id, a short id or a unique part of the title, and says which cards a part matches', async () => {
    const { ws } = await studied();
    for (const ref of ['hypernetworks-7a8b9c', '7a8b9c', 'HYPERNET']) {
      expect(JSON.parse(history(ws, [ref, '--json']).stdout).card.id).toBe('hypernetworks-7a8b9c');
    }
    const ambiguous = history(ws, ['attention']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('(1a2b3c)');
    expect(ambiguous.stderr).toContain('(4d5e6f)');
    expect(history(ws, ['no such paper']).code).toBe(2);
    const fresh = history(ws, ['paying']);
    expect(fresh.stdout).toBe('Paying More Attention to Attention (4d5e6f)\npapers: not reviewed yet\n');
  });

  it('prints a table within 80 columns', async () => {
    const { ws } = await studied();
    const result = history(ws, ['7a8b9c']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('HyperNetworks (7a8b9c)');
    expect(lines[1]).toMatch(/^DATE\s+GRADE\s+INTERVAL\s+STAB\s+DIFF\s+R$/);
    expect(lines[2]).toMatch(/^2026-03-02 09:00\s+Good\s+10 min\s+\S+(?: d)?\s+\d+\.\d\s+-$/);
    expect(lines[4]).toMatch(/^2026-03-11 09:00\s+Again\s+10 min\s+\S+(?: d)?\s+\d+\.\d\s+\d+%$/);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
