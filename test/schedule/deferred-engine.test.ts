import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Card, CardState, Settings } from '../../src/core/types.js';
import { createDeferredEngine, type DeckAtStart } from '../../src/schedule/deferred-engine.js';
import { createStudyEngine, type CustomStudy, type StudyEngine } from '../../src/schedule/engine.js';
import { readView } from '../../src/session/view.js';
import { FakeDeckState } from './fake-deck-state.js';
import { local, makeCards, MINUTE, settings } from './helpers.js';

/**
 * A deck studied a little (so it has learning and review cards and entries today), its columns
 * as the due index would hold them, and a deferred engine over them that counts its openings.
 */
function setup(overrides: Partial<Settings> = {}, cardAt?: (i: number, card: Card) => Card | null, custom?: CustomStudy) {
  const clock = new ManualClock(local(2026, 4, 6, 9));
  const deck = new FakeDeckState();
  const cards = makeCards(30);
  const config = settings(overrides);
  const before = createStudyEngine({ deck, cards, settings: config, clock });
  for (const rating of [3, 1, 3, 4] as const) {
    const card = before.view().card!;
    clock.advance(8_000);
    before.answer(card.id, rating, 8_000);
  }
  clock.advance(2 * MINUTE);
  // The columns as they stand now: a copy, so that what the opened engine writes cannot reach them.
  const states = new Map<string, CardState>([...deck.cardStates()].map(([id, state]) => [id, structuredClone(state)]));
  const start: DeckAtStart = {
    length: cards.length,
    idAt: (i) => cards[i]!.id,
    stateAt: (i) => states.get(cards[i]!.id),
    fullStateAt: (i) => states.get(cards[i]!.id),
    stepAt: (i) => states.get(cards[i]!.id)!.learningSteps,
    cardAt: (i) => (cardAt ? cardAt(i, cards[i]!) : cards[i]!),
    lastSeq: () => deck.lastSeq(),
    entriesSince: (seq) => deck.entriesSince(seq),
  };
  let openings = 0;
  const open = (): StudyEngine => {
    openings += 1;
    return createStudyEngine({ deck, cards, settings: config, clock, custom });
  };
  const engine = createDeferredEngine({ start, settings: config, clock, custom, open });
  return { clock, deck, cards, config, engine, openings: () => openings, full: () => createStudyEngine({ deck, cards, settings: config, clock, custom }) };
}

describe('deferred study engine', () => {
  it('shows the first card, its previews and today’s summary from the columns, exactly as the opened deck would, without opening it', () => {
    const { engine, clock, full, openings } = setup();
    const fromColumns = readView(engine, clock);
    expect(openings()).toBe(0);
    expect(fromColumns.card).not.toBeNull();
    expect(fromColumns.summary.reviewed).toBe(4);
    expect(fromColumns).toEqual(readView(full(), clock));
    expect(fromColumns.canUndo).toBe(false);
  });

  it('counts custom study (--new, --ahead) as the opened deck does', () => {
    for (const custom of [{ extraNew: 5 }, { aheadDays: 3 }, { extraNew: 2, aheadDays: 30 }]) {
      const { engine, clock, full, openings } = setup({ newPerDay: 3 }, undefined, custom);
      clock.advance(2 * 86_400_000);
      expect(readView(engine, clock)).toEqual(readView(full(), clock));
      expect(openings()).toBe(0);
    }
  });

  it('opens the deck once, on the first answer, and writes through the opened engine', () => {
    const { engine, clock, deck, openings } = setup();
    const card = engine.view().card!;
    const seq = deck.lastSeq();
    engine.answer(card.id, 3, 5_000);
    expect(openings()).toBe(1);
    expect(deck.lastSeq()).toBe(seq + 1);
    expect(deck.readLog().at(-1)).toMatchObject({ kind: 'review', card: card.id, rating: 3 });
    expect(engine.nextUndo()).toBe('rating');
    expect(engine.undo()?.id).toBe(card.id);
    engine.view();
    clock.advance(MINUTE);
    expect(openings()).toBe(1);
  });

  it('says whether the opened deck shows another view than the columns did, and opens only once', () => {
    const same = setup();
    same.engine.view();
    same.engine.previews(same.engine.view().card!.id);
    expect(same.engine.open()).toBe(false);
    expect(same.engine.open()).toBe(false);
    expect(same.openings()).toBe(1);

    // Columns older than the log: the card they show was answered since (another machine's answer, say).
    const stale = setup();
    const shown = stale.engine.view().card!;
    stale.engine.previews(shown.id);
    stale.deck.append({ kind: 'suspend', at: stale.clock.now(), card: shown.id, before: stale.deck.cardStates().get(shown.id) ?? null, after: { ...(stale.deck.cardStates().get(shown.id) ?? newState()), suspended: true } });
    expect(stale.engine.open()).toBe(true);
    expect(stale.engine.view().card?.id).not.toBe(shown.id);
  });

  it('opens the deck and shows what it shows when the card the columns name cannot be read so', () => {
    const { engine, clock, full, openings } = setup({}, () => null);
    expect(readView(engine, clock)).toEqual(readView(full(), clock));
    expect(openings()).toBe(1);

    const wrong = setup({}, (_i, card) => ({ ...card, id: `not-${card.id}` }));
    expect(wrong.engine.view().card?.id).toBe(wrong.full().view().card?.id);
    expect(wrong.openings()).toBe(1);
  });

  it('shows nothing more from the columns once opening the deck failed: every call says why', () => {
    const clock = new ManualClock(local(2026, 4, 6, 9));
    const cards = makeCards(3);
    const start: DeckAtStart = {
      length: cards.length,
      idAt: (i) => cards[i]!.id,
      stateAt: () => undefined,
      fullStateAt: () => undefined,
      stepAt: () => 0,
      cardAt: (i) => cards[i]!,
      lastSeq: () => 0,
      entriesSince: () => [],
    };
    const engine = createDeferredEngine({
      start,
      settings: settings(),
      clock,
      open: () => {
        throw new Error('snapshot.json is corrupted');
      },
    });
    expect(engine.view().card?.id).toBe(cards[0]!.id);
    expect(() => engine.open()).toThrow('snapshot.json is corrupted');
    expect(() => engine.view()).toThrow('snapshot.json is corrupted');
    expect(() => engine.summary()).toThrow('snapshot.json is corrupted');
    expect(() => engine.answer(cards[0]!.id, 3, 1000)).toThrow('snapshot.json is corrupted');
  });
});

function newState(): CardState {
  return { due: 0, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null, suspended: false, buriedUntil: null, leech: false };
}
