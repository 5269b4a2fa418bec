// From paperdeck's review log to FSRS training items: the part of optimize that can go wrong
// quietly. Local days in America/New_York with days starting at 04:00, across the change to
// daylight saving time (Sunday 2026-03-08, 02:00 EST -> 03:00 EDT).
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { CardStateKind } from '../../src/core/types.js';
import { trainingItems } from '../../src/optimize/items.js';
import { reviewsByCard } from '../../src/schedule/reviews.js';
import { History } from '../stats/history.js';

const HOUR = 4;
const NEW = null;
const REVIEW = { state: CardStateKind.Review };

function reviewsOf(history: History, card = 'a') {
  return reviewsByCard(history.facts(), HOUR).find((c) => c.card === card)!;
}

describe('standing reviews: days', () => {
  it('counts local days from 04:00: 03:59 and 04:01 are a day apart, 23:00 and 01:00 are not', () => {
    const h = new History();
    h.review('a', '2026-02-02T09:00', 3, NEW);
    h.review('a', '2026-02-03T03:59', 3, REVIEW); // still the 2nd's day
    h.review('a', '2026-02-03T04:01', 3, REVIEW); // the 3rd's day
    h.review('a', '2026-02-03T23:00', 3, REVIEW);
    h.review('a', '2026-02-04T01:00', 3, REVIEW); // before 04:00: still the 3rd
    expect(reviewsOf(h).deltaDays).toEqual([0, 0, 1, 0, 0]);
  });

  it('keeps the 23-hour day of the DST change whole, and a day a day across it', () => {
    const h = new History();
    h.review('a', '2026-03-07T05:00', 3, NEW); // the 7th's day (EST)
    h.review('a', '2026-03-08T03:30', 3, REVIEW); // after the jump, before 04:00 EDT: still the 7th
    h.review('a', '2026-03-08T04:00', 3, REVIEW); // the 8th begins
    h.review('a', '2026-03-09T03:59', 3, REVIEW); // still the 8th
    h.review('a', '2026-03-10T04:30', 3, REVIEW); // two days later
    expect(reviewsOf(h).deltaDays).toEqual([0, 0, 1, 0, 2]);
  });

  it('counts whole days across the autumn change too (a 25-hour day)', () => {
    const h = new History();
    h.review('a', '2026-10-31T22:00', 3, NEW);
    h.review('a', '2026-11-01T03:30', 3, REVIEW); // the 31st's day, an hour longer
    h.review('a', '2026-11-02T03:59', 3, REVIEW); // the 1st's day
    h.review('a', '2026-11-08T09:00', 3, REVIEW);
    expect(reviewsOf(h).deltaDays).toEqual([0, 0, 1, 7]);
  });
});

describe('standing reviews: undo and new cards', () => {
  it('leaves out an undone review, as if never given', () => {
    const h = new History();
    h.review('a', '2026-02-02T09:00', 3, NEW);
    const wrong = h.review('a', '2026-02-05T09:00', 1, REVIEW);
    h.undo(wrong, '2026-02-05T09:00');
    h.review('a', '2026-02-05T09:01', 3, REVIEW);
    const a = reviewsOf(h);
    expect(a.rating).toEqual([3, 3]);
    expect(a.deltaDays).toEqual([0, 3]);
  });

  it('keeps a review whose undo was itself undone, as every reader of the log does', () => {
    const h = new History();
    h.review('a', '2026-02-02T09:00', 3, NEW);
    const kept = h.review('a', '2026-02-05T09:00', 1, REVIEW);
    const undo = h.undo(kept, '2026-02-05T09:00');
    h.undo(undo, '2026-02-05T09:01');
    expect(reviewsOf(h).rating).toEqual([3, 1]);
  });

  it('leaves out an undone first review: the card starts at the review that stands', () => {
    const h = new History();
    const first = h.review('a', '2026-02-02T09:00', 1, NEW);
    h.undo(first, '2026-02-02T09:00');
    h.review('a', '2026-02-03T09:00', 4, NEW);
    h.review('a', '2026-02-06T09:00', 3, REVIEW);
    expect(reviewsOf(h).rating).toEqual([4, 3]);
    expect(reviewsOf(h).deltaDays).toEqual([0, 3]);
  });

  it('starts a card afresh at a review given while it was new, and drops one with no start', () => {
    const h = new History();
    h.review('b', '2026-02-01T09:00', 3, REVIEW); // a log cut short: no start, nothing to learn from
    h.review('a', '2026-02-02T09:00', 1, NEW);
    h.review('a', '2026-02-04T09:00', 3, REVIEW);
    h.review('a', '2026-02-10T09:00', 2, NEW); // new again (a future "forget")
    h.review('a', '2026-02-12T09:00', 3, REVIEW);
    const all = reviewsByCard(h.facts(), HOUR);
    expect(all.map((c) => c.card)).toEqual(['a']);
    expect(all[0]!.rating).toEqual([2, 3]);
  });
});

describe('training items', () => {
  it('keeps learning steps in the history and makes items only of reviews a day or more after the one before', () => {
    const h = new History();
    h.review('a', '2026-02-02T09:00', 1, NEW);
    h.learn('a', '2026-02-02T09:01', 3);
    h.learn('a', '2026-02-02T09:11', 3);
    h.review('a', '2026-02-03T10:00', 3, REVIEW);
    h.review('a', '2026-02-08T10:00', 1, REVIEW);
    h.review('a', '2026-02-08T10:10', 3, { state: CardStateKind.Relearning }); // relearning step
    h.review('a', '2026-02-10T10:00', 3, REVIEW);
    const items = trainingItems(reviewsByCard(h.facts(), HOUR));
    expect(items.map((item) => item.reviews.map((r) => `${r.rating}@${r.deltaT}`).join(' '))).toEqual([
      '1@0 3@0 3@0 3@1',
      '1@0 3@0 3@0 3@1 1@5',
      '1@0 3@0 3@0 3@1 1@5 3@0 3@2',
    ]);
  });

  it('orders items by the time of their last review, across cards', () => {
    const h = new History();
    h.review('a', '2026-02-01T09:00', 3, NEW);
    h.review('b', '2026-02-01T09:05', 3, NEW);
    h.review('b', '2026-02-03T09:00', 3, REVIEW);
    h.review('a', '2026-02-04T09:00', 3, REVIEW);
    h.review('b', '2026-02-05T09:00', 3, REVIEW);
    const items = trainingItems(reviewsByCard(h.facts(), HOUR));
    expect(items.map((item) => item.reviews.map((r) => r.deltaT))).toEqual([[0, 2], [0, 3], [0, 2, 2]]);
    expect(items.map((item) => item.at)).toEqual([...items.map((item) => item.at)].sort((x, y) => x - y));
  });
});
