import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UsageError } from '../../src/core/errors.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { findCard, planUnsuspend, unsuspendCards } from '../../src/schedule/unsuspend.js';
import { FakeDeckState } from './fake-deck-state.js';
import { local, makeCard, settings } from './helpers.js';

const CARDS = [
  makeCard('dropout-1a2b3c', 'Dropout'),
  makeCard('dropout-revisited-4d5e6f', 'Dropout Revisited'),
  makeCard('gan-777777', 'Generative Adversarial Nets'),
  ...Array.from({ length: 10 }, (_, i) => makeCard(`net-${i}`, `Network Number ${i}`)),
];

function usageMessage(ref: string): string {
  try {
    findCard(CARDS, ref);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${ref} matched`);
}

describe('naming a card to unsuspend', () => {
  it('takes an id, a whole title or a unique part of one, ignoring case', () => {
    expect(findCard(CARDS, 'GAN-777777').id).toBe('gan-777777');
    expect(findCard(CARDS, 'adversarial').id).toBe('gan-777777');
    // "dropout" is part of two titles, but the whole of one: that one.
    expect(findCard(CARDS, 'dropout').id).toBe('dropout-1a2b3c');
    expect(findCard(CARDS, 'revisited').id).toBe('dropout-revisited-4d5e6f');
  });

  it('refuses no match, an empty name, and several matches, listing a few', () => {
    expect(usageMessage('transformer')).toBe('no card has the id or a title containing "transformer"');
    expect(usageMessage('  ')).toMatch(/^an empty card name/);
    const several = usageMessage('network number');
    expect(several).toMatch(/^"network number" matches 10 cards: "Network Number 0" \(net-0\), /);
    expect(several).toMatch(/"Network Number 7" \(net-7\), and 2 more; give the id or more of the title$/);
  });
});

describe('unsuspending', () => {
  it('writes one entry per suspended card chosen, keeping the leech flag and the schedule', () => {
    const deck = new FakeDeckState();
    const clock = new ManualClock(local(2026, 5, 4, 9));
    const engine = createStudyEngine({ deck, cards: CARDS, settings: settings(), clock });
    engine.answer('gan-777777', 4, 1_000);
    engine.suspend('gan-777777');
    engine.suspend('dropout-1a2b3c');
    const leech = { ...deck.cardStates().get('dropout-1a2b3c')!, leech: true };
    deck.append({ kind: 'suspend', at: clock.now(), card: 'dropout-1a2b3c', before: deck.cardStates().get('dropout-1a2b3c')!, after: leech });
    const states = deck.cardStates();
    const gan = structuredClone(states.get('gan-777777')!);

    const leeches = planUnsuspend(CARDS, states, { refs: [], leeches: true, all: false });
    expect(leeches.unsuspend.map((card) => card.id)).toEqual(['dropout-1a2b3c']);
    const named = planUnsuspend(CARDS, states, { refs: ['adversarial', 'revisited'], leeches: false, all: false });
    expect(named.unsuspend.map((card) => card.id)).toEqual(['gan-777777']);
    expect(named.notSuspended.map((card) => card.id)).toEqual(['dropout-revisited-4d5e6f']);
    const all = planUnsuspend(CARDS, states, { refs: ['adversarial nets'], leeches: true, all: true });
    expect(all.unsuspend.map((card) => card.id)).toEqual(['dropout-1a2b3c', 'gan-777777']);

    clock.advance(60_000);
    const written = unsuspendCards(deck, ['dropout-1a2b3c', 'gan-777777', 'net-1'], clock.now());
    expect(written.map((entry) => [entry.kind, entry.card])).toEqual([
      ['unsuspend', 'dropout-1a2b3c'],
      ['unsuspend', 'gan-777777'],
    ]);
    expect(deck.cardStates().get('dropout-1a2b3c')).toEqual({ ...leech, suspended: false });
    expect(deck.cardStates().get('gan-777777')).toEqual({ ...gan, suspended: false });
    expect(createStudyEngine({ deck, cards: CARDS, settings: settings(), clock }).view().card?.id).toBe('dropout-1a2b3c');
  });
});
