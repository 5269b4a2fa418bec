// The study queue on its own: what stands in the log, the card an undo brings back, when a
// deck next has work, and the per-deck counts `paperdeck due` and the deck picker share.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import { CardStateKind, type CardState, type Card } from '../../src/core/types.js';
import { nextLocalDayStart } from '../../src/schedule/days.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { aheadUntil, buildQueue, deckDueCounts, queueForDeck, walkQueue, withExtraNew, type QueueInput } from '../../src/schedule/queue.js';
import { newCardState } from '../../src/schedule/scheduler.js';
import { standingReviews } from '../../src/schedule/standing.js';
import { computeStats } from '../../src/stats/index.js';
import { logFactsOf } from '../../src/store/index.js';
import { FakeDeckState } from './fake-deck-state.js';
import { DAY, HOUR, local, makeCards, MINUTE, settings } from './helpers.js';

const NOW = local(2026, 4, 6, 9);
const TOMORROW = nextLocalDayStart(NOW, 4);

function reviewCard(due: number, overrides: Partial<CardState> = {}): CardState {
  return { ...newCardState(), state: CardStateKind.Review, due, stability: 5, scheduledDays: 5, reps: 2, lastReview: due - 5 * DAY, ...overrides };
}

function queue(cards: Card[], states: [string, CardState][], overrides: Partial<QueueInput> = {}) {
  return buildQueue({ cards, states: new Map(states), settings: settings(), now: NOW, studiedToday: { newCards: 0, reviews: 0 }, ...overrides });
}

describe('what stands in the log', () => {
  it('counts an answer whose undo was itself undone, in the daily limits, the summary and the statistics alike', () => {
    const deck = new FakeDeckState('papers');
    const cards = makeCards(5);
    const after: CardState = { ...newCardState(), state: CardStateKind.Learning, due: NOW + 10 * MINUTE, reps: 1, lastReview: NOW };
    deck.append({ kind: 'review', at: NOW, card: 'c001', before: null, after, rating: 3, ms: 4_000 });
    deck.append({ kind: 'undo', at: NOW + 1_000, card: 'c001', undoes: 1, before: after, after: newCardState() });
    deck.append({ kind: 'undo', at: NOW + 2_000, card: 'c001', undoes: 2, before: newCardState(), after });
    // A plain undo beside it: that answer does not count.
    deck.append({ kind: 'review', at: NOW + 3_000, card: 'c002', before: null, after, rating: 3, ms: 4_000 });
    deck.append({ kind: 'undo', at: NOW + 4_000, card: 'c002', undoes: 4, before: after, after: newCardState() });
    const log = deck.readLog();
    expect(standingReviews(log).map((entry) => entry.seq)).toEqual([1]);

    const config = settings({ newPerDay: 3 });
    const now = NOW + 5_000;
    expect(queueForDeck({ deck, cards, settings: config, now }).counts).toMatchObject({ new: 2, learning: 1 });
    const engine = createStudyEngine({ deck, cards, settings: config, clock: new ManualClock(now) });
    expect(engine.summary()).toMatchObject({ reviewed: 1, ms: 4_000 });
    const stats = computeStats({ deck: 'papers', log: logFactsOf(log), states: deck.cardStates(), cards, settings: config, now });
    expect(stats.today).toMatchObject({ reviews: 1, seconds: 4 });
  });
});

describe('the queue', () => {
  it('puts the card an undo brought back first, unless it has left the deck or been set aside', () => {
    const cards = makeCards(4);
    const dueReview: [string, CardState] = ['c004', reviewCard(NOW - DAY)];
    const unpinned = queue(cards, [dueReview]);
    expect(unpinned.next?.id).toBe('c004');
    const pinned = queue(cards, [dueReview], { pinned: 'c003' });
    expect(pinned.next?.id).toBe('c003');
    expect(pinned.counts).toEqual(unpinned.counts);
    expect(pinned.counts).toEqual({ new: 3, learning: 0, review: 1, total: 4 });
    expect(queue(cards, [dueReview, ['c003', { ...newCardState(), suspended: true }]], { pinned: 'c003' }).next?.id).toBe('c004');
    expect(queue(cards, [dueReview, ['c003', { ...newCardState(), buriedUntil: TOMORROW }]], { pinned: 'c003' }).next?.id).toBe('c004');
    expect(queue(cards, [dueReview], { pinned: 'retired' }).next?.id).toBe('c004');
  });

  it('shows the most overdue review first and learning cards due now before it, the first in note order on a tie', () => {
    const cards = makeCards(5);
    const reviews: [string, CardState][] = [
      ['c002', reviewCard(NOW - DAY)],
      ['c003', reviewCard(NOW - 3 * DAY)],
      ['c004', reviewCard(NOW - 3 * DAY)],
    ];
    expect(queue(cards, reviews).next?.id).toBe('c003');
    const learning: CardState = { ...newCardState(), state: CardStateKind.Learning, due: NOW - MINUTE, reps: 1, lastReview: NOW - 11 * MINUTE };
    const withLearning = queue(cards, [...reviews, ['c005', learning]]);
    expect(withLearning.next?.id).toBe('c005');
    expect(withLearning.counts).toEqual({ new: 1, learning: 1, review: 3, total: 5 });
    // Over the review limit: still the most overdue first, the rest counted tomorrow.
    const capped = queue(cards, reviews, { settings: settings({ reviewsPerDay: 1 }) });
    expect(capped.counts.review).toBe(1);
    expect(capped.next?.id).toBe('c003');
  });

  it('says when a deck with everything set aside or capped next has work', () => {
    const cards = makeCards(2);
    const buried = (state: CardState): CardState => ({ ...state, buriedUntil: TOMORROW });
    const allBuried = queue(cards, [['c001', buried(newCardState())], ['c002', buried(reviewCard(NOW + 3 * DAY))]]);
    expect(allBuried.next).toBeNull();
    expect(allBuried.counts.total).toBe(0);
    expect(allBuried.nextDue).toBe(TOMORROW);
    // A buried review due later than the bury's end comes back when it is due.
    expect(queue(cards.slice(1), [['c002', buried(reviewCard(NOW + 3 * DAY))]]).nextDue).toBe(NOW + 3 * DAY);
    // With no new cards a day, a buried new card never comes back.
    expect(queue(cards.slice(0, 1), [['c001', buried(newCardState())]], { settings: settings({ newPerDay: 0 }) }).nextDue).toBeNull();
    const suspended = { ...newCardState(), suspended: true };
    expect(queue(cards, [['c001', suspended], ['c002', suspended]]).nextDue).toBeNull();
    // New cards over today's limit come tomorrow.
    const capped = queue(makeCards(3), [], { settings: settings({ newPerDay: 2 }), studiedToday: { newCards: 2, reviews: 0 } });
    expect(capped.next).toBeNull();
    expect(capped.nextDue).toBe(TOMORROW);
  });
});

describe('custom study', () => {
  it('studies ahead: reviews due within the next DAYS local days count now, the most overdue first', () => {
    const cards = makeCards(4);
    const states: [string, CardState][] = [
      ['c001', reviewCard(TOMORROW + 2 * HOUR)],
      ['c002', reviewCard(NOW - HOUR)],
      ['c003', reviewCard(TOMORROW + DAY + HOUR)],
      ['c004', reviewCard(TOMORROW + 5 * DAY)],
    ];
    const today = queue(cards, states);
    expect(today.counts.review).toBe(1);
    const oneDay = queue(cards, states, { aheadUntil: aheadUntil(NOW, 4, 1) });
    expect(oneDay.counts.review).toBe(2);
    expect(oneDay.next?.id).toBe('c002');
    expect(queue(cards, states, { aheadUntil: aheadUntil(NOW, 4, 2) }).counts.review).toBe(3);
    expect(aheadUntil(NOW, 4, undefined)).toBeNull();
    expect(aheadUntil(NOW, 4, 1)).toBe(nextLocalDayStart(TOMORROW, 4));
  });

  it('allows N more new cards than the daily limit, counting those already studied today', () => {
    const cards = makeCards(30);
    const config = settings({ newPerDay: 10 });
    expect(queue(cards, [], { settings: config, studiedToday: { newCards: 10, reviews: 0 } }).counts.new).toBe(0);
    const more = withExtraNew(config, 5);
    expect(more.newPerDay).toBe(15);
    expect(config.newPerDay).toBe(10);
    expect(queue(cards, [], { settings: more, studiedToday: { newCards: 10, reviews: 0 } }).counts.new).toBe(5);
    expect(withExtraNew(config, undefined)).toBe(config);
  });
});

describe('the counts of several decks', () => {
  const cards = makeCards(3);
  const names = ['fine', 'stale', 'unreadable-notes', 'damaged-state'];
  const cardsOf = (deck: string): readonly Card[] | string => {
    if (deck === 'stale') return 'notes changed';
    if (deck === 'unreadable-notes') throw new UserError('decks/unreadable-notes/notes.txt: no recognisable paper entries');
    return cards;
  };
  const store = {
    deck(name: string) {
      if (name === 'damaged-state') throw new UserError('state/decks/damaged-state/log.ndjson is damaged at line 3');
      return new FakeDeckState(name);
    },
  };
  const base = { names, store, settings: settings(), now: NOW, cardsOf };

  it('counts every deck it can read, and says why it could not count the others', async () => {
    const counted = await deckDueCounts({ ...base, unreadableState: 'skip' });
    expect(counted.map(({ deck, counts, remark, error }) => [deck, counts, remark, error?.message ?? null])).toEqual([
      ['fine', { new: 3, learning: 0, review: 0, total: 3 }, null, null],
      ['stale', null, 'notes changed', null],
      ['unreadable-notes', null, null, 'decks/unreadable-notes/notes.txt: no recognisable paper entries'],
      ['damaged-state', null, null, 'state/decks/damaged-state/log.ndjson is damaged at line 3'],
    ]);
  });

  it('fails on a damaged state when asked to, and on any error that is not the user’s', async () => {
    await expect(deckDueCounts({ ...base, unreadableState: 'throw' })).rejects.toThrow('damaged at line 3');
    const broken = (deck: string): readonly Card[] => {
      if (deck === 'stale') throw new TypeError('a bug');
      return cards;
    };
    await expect(deckDueCounts({ ...base, names: ['fine', 'stale'], cardsOf: broken, unreadableState: 'skip' })).rejects.toThrow('a bug');
  });

  it('agrees with a study engine on the same deck', async () => {
    const deck = new FakeDeckState('fine');
    const clock = new ManualClock(NOW);
    const engine = createStudyEngine({ deck, cards: makeCards(30), settings: settings(), clock });
    engine.answer('c001', 3, 1_000);
    engine.answer('c002', 4, 1_000);
    clock.advance(HOUR);
    const [counted] = await deckDueCounts({ ...base, names: ['fine'], store: { deck: () => deck }, now: clock.now(), cardsOf: () => makeCards(30), unreadableState: 'throw' });
    expect(counted!.counts).toEqual(engine.view().counts);
    expect(counted!.counts).toEqual({ new: 18, learning: 1, review: 0, total: 19 });
  });
});

describe('the queue over typed arrays', () => {
  // Columns given as arrays (the due index's) and columns read card by card through stateAt
  // (read into arrays by walkQueue) must make the same queue, for every kind of card and limit.
  it('makes the same queue as the walk card by card', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const times = [NOW - 2 * DAY, NOW - HOUR, NOW, NOW + 5 * MINUTE, NOW + 30 * MINUTE, TOMORROW - MINUTE, TOMORROW, TOMORROW + 3 * DAY];
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let round = 0; round < 300; round++) {
      const length = 1 + Math.floor(random() * 30);
      const arrays = { state: new Uint8Array(length), due: new Float64Array(length), suspended: new Uint8Array(length), buriedUntil: new Float64Array(length) };
      for (let i = 0; i < length; i++) {
        arrays.state[i] = pick([255, 0, 1, 2, 3, 2, 2]);
        arrays.due[i] = pick(times);
        arrays.suspended[i] = random() < 0.1 ? 1 : 0;
        arrays.buriedUntil[i] = random() < 0.2 ? pick(times) : NaN;
      }
      const stateAt = (i: number) =>
        arrays.state[i] === 255
          ? undefined
          : { state: arrays.state[i] as CardStateKind, due: arrays.due[i]!, suspended: arrays.suspended[i] === 1, buriedUntil: Number.isNaN(arrays.buriedUntil[i]) ? null : arrays.buriedUntil[i]! };
      const byCall = { length, cardAt: (i: number) => ({ id: `c${i}` }), idAt: (i: number) => `c${i}`, stateAt };
      const input = {
        settings: { ...settings(), newPerDay: pick([0, 2, 20]), reviewsPerDay: pick([0, 3, 200]) },
        now: NOW,
        studiedToday: { newCards: pick([0, 1, 5]), reviews: pick([0, 2]) },
        pinned: random() < 0.3 ? `c${Math.floor(random() * length)}` : null,
        aheadUntil: random() < 0.2 ? TOMORROW + 2 * DAY : null,
      };
      expect(walkQueue({ columns: { ...byCall, arrays: () => arrays }, ...input })).toEqual(walkQueue({ columns: byCall, ...input }));
    }
  });

  it('refuses a state it does not know, as the walk card by card does', () => {
    const arrays = { state: new Uint8Array([2, 9]), due: new Float64Array([NOW, NOW]), suspended: new Uint8Array(2), buriedUntil: new Float64Array([NaN, NaN]) };
    const columns = { length: 2, cardAt: (i: number) => ({ id: `c${i}` }), idAt: (i: number) => `c${i}`, stateAt: () => undefined, arrays: () => arrays };
    expect(() => walkQueue({ columns, settings: settings(), now: NOW, studiedToday: { newCards: 0, reviews: 0 } })).toThrow('does not write');
  });
});
