// The study queue on its own: what stands in the log, the card an undo brings back, and when a
// deck next has work.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { CardStateKind, type CardState, type Card } from '../../src/core/types.js';
import { nextLocalDayStart } from '../../src/schedule/days.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { buildQueue, queueForDeck, type QueueInput } from '../../src/schedule/queue.js';
import { newCardState } from '../../src/schedule/scheduler.js';
import { standingReviews } from '../../src/schedule/standing.js';
import { computeStats } from '../../src/stats/index.js';
import { logFactsOf } from '../../src/store/index.js';
import { FakeDeckState } from './fakeDeckState.js';
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
