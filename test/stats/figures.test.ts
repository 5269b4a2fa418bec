// Card counts, today, reviews per day and month, streak, forecast, predicted retention, the
// hardest cards and the heatmap, on hand-made data. Europe/Berlin, days start at 4 a.m.,
// "now" is Tuesday 2026-03-10 12:00 local time.
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { CardStateKind } from '../../src/core/types.js';
import type { Card, CardState } from '../../src/core/types.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { computeStats, computeStatsOf, statsCardsOf, type StatsCards } from '../../src/stats/index.js';
import type { DeckStats } from '../../src/stats/index.js';
import { DAY, History, card, cardState, local } from './history.js';

const NOW = local('2026-03-10T12:00');
const TOMORROW_START = local('2026-03-11T04:00');

function stats(input: { history?: History; states?: Map<string, CardState>; cards?: Card[]; now?: number }): DeckStats {
  return computeStats({
    deck: 'test',
    log: input.history?.facts() ?? new History().facts(),
    states: input.states ?? new Map(),
    cards: input.cards ?? [],
    settings: { ...DEFAULT_SETTINGS, dayStartHour: 4 },
    now: input.now ?? NOW,
  });
}

describe('card counts', () => {
  it('counts suspended and buried cards apart from their state, leeches as a flag, retired cards not at all', () => {
    const states = new Map<string, CardState>([
      ['n2', cardState({ state: CardStateKind.New })],
      ['l', cardState({ state: CardStateKind.Learning })],
      ['r', cardState()],
      ['rl', cardState({ state: CardStateKind.Relearning })],
      ['s', cardState({ suspended: true })],
      ['b', cardState({ buriedUntil: TOMORROW_START })],
      ['bx', cardState({ buriedUntil: local('2026-03-10T04:00') })], // bury over: a review card again
      ['sb', cardState({ suspended: true, buriedUntil: TOMORROW_START })],
      ['leech', cardState({ suspended: true, leech: true, lapses: 8 })],
      ['retired', cardState()],
    ]);
    const cards = ['n1', 'n2', 'l', 'r', 'rl', 's', 'b', 'bx', 'sb', 'leech'].map((id) => card(id));
    expect(stats({ states, cards }).counts).toEqual({
      new: 2,
      learning: 1,
      review: 2,
      relearning: 1,
      suspended: 3,
      buried: 1,
      leech: 1,
      total: 10,
    });
  });
});

describe('today and reviews per day', () => {
  it('counts every rating today, learning steps included, and not undone ones', () => {
    const h = new History();
    h.review('a', '2026-03-10T04:00', 1, null, 1500);
    h.learn('a', '2026-03-10T04:01', 3, 2600);
    const undone = h.review('b', '2026-03-10T05:00', 1, {}, 60_000);
    h.undo(undone, '2026-03-10T05:00:30');
    h.review('b', '2026-03-10T05:01', 3, {}, 900);
    h.review('c', '2026-03-10T03:59', 1, {}, 4000); // yesterday
    h.review('gone', '2026-03-10T06:00', 1, {}, 0); // a retired card: the review still happened
    const s = stats({ history: h });
    expect(s.today).toEqual({ date: '2026-03-10', reviews: 4, again: 2, seconds: 5 });
    expect(s.reviewsPerDay).toHaveLength(30);
    expect(s.reviewsPerDay[0]!.date).toBe('2026-02-09');
    expect(s.reviewsPerDay.at(-1)).toEqual({ date: '2026-03-10', reviews: 4, again: 2 });
    expect(s.reviewsPerDay.at(-2)).toEqual({ date: '2026-03-09', reviews: 1, again: 1 });
    expect(s.reviewsPerDay.slice(0, -2).every((d) => d.reviews === 0)).toBe(true);
  });

  it('sums twelve months by local day: 03:30 on the 1st belongs to the month before', () => {
    const h = new History();
    h.review('a', '2026-03-01T03:30', 1); // February
    h.review('a', '2026-03-01T04:30', 3); // March
    h.review('a', '2025-04-15T12:00', 3);
    h.review('a', '2025-03-31T12:00', 3); // thirteen months back: not shown
    const months = stats({ history: h }).reviewsPerMonth;
    expect(months.map((m) => m.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09',
      '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    expect(months[0]).toEqual({ month: '2025-04', reviews: 1, again: 0 });
    expect(months[10]).toEqual({ month: '2026-02', reviews: 1, again: 1 });
    expect(months[11]).toEqual({ month: '2026-03', reviews: 1, again: 0 });
  });
});

describe('streak', () => {
  const streakOf = (times: string[]) => {
    const h = new History();
    for (const t of times) h.review('a', t, 3);
    return stats({ history: h }).streakDays;
  };

  it('runs up to yesterday when there is no review yet today', () => {
    expect(streakOf(['2026-03-08T20:00', '2026-03-09T20:00'])).toBe(2);
  });

  it('includes today once reviewed, and a review at 03:00 counts for the day before', () => {
    expect(streakOf(['2026-03-08T20:00', '2026-03-10T03:00', '2026-03-10T09:00'])).toBe(3);
  });

  it('stops at a day without reviews when a card was due that day', () => {
    // The review of 03-06 scheduled the card a day later: due 03-07, and not reviewed then.
    const h = new History();
    h.review('a', '2026-03-06T20:00', 3);
    h.review('a', '2026-03-08T20:00', 3, { scheduledDays: 1 });
    h.review('a', '2026-03-09T20:00', 3);
    h.review('a', '2026-03-10T08:00', 3);
    expect(stats({ history: h }).streakDays).toBe(3);
  });

  it('goes on over a day with nothing due, without counting it', () => {
    // Reviewed 03-06 for ten days: nothing was due on 03-07.
    expect(streakOf(['2026-03-06T20:00', '2026-03-08T20:00', '2026-03-09T20:00', '2026-03-10T08:00'])).toBe(4);
  });

  it('stops at a day when a card still waits from an earlier day', () => {
    const h = new History();
    h.review('b', '2026-03-01T20:00', 3, { scheduledDays: 1 });
    h.review('b', '2026-03-02T20:00', 3, { scheduledDays: 1 }); // due again on 03-03, never reviewed since
    h.review('a', '2026-03-09T20:00', 3);
    h.review('a', '2026-03-10T08:00', 3);
    const states = new Map<string, CardState>([['b', cardState({ due: local('2026-03-03T04:00') })]]);
    expect(stats({ history: h, states, cards: [card('a'), card('b')] }).streakDays).toBe(2);
  });

  it('is 0 when neither today nor yesterday had a review and something was due, or the only one was undone', () => {
    const due = new History();
    due.review('a', '2026-03-08T20:00', 3);
    const states = new Map<string, CardState>([['a', cardState({ due: local('2026-03-09T04:00') })]]);
    expect(stats({ history: due, states, cards: [card('a')] }).streakDays).toBe(0);
    const h = new History();
    h.undo(h.review('a', '2026-03-10T08:00', 3), '2026-03-10T08:01');
    expect(stats({ history: h }).streakDays).toBe(0);
  });
});

describe('forecast', () => {
  it('counts due cards per local day for 30 days, overdue on today, without new or suspended cards', () => {
    const states = new Map<string, CardState>([
      ['overdue', cardState({ due: local('2026-03-05T10:00') })],
      ['later-today', cardState({ due: local('2026-03-10T18:00') })],
      ['learning', cardState({ state: CardStateKind.Learning, due: local('2026-03-10T12:10') })],
      ['before-4am', cardState({ due: local('2026-03-11T03:59') })], // still today
      ['tomorrow', cardState({ due: TOMORROW_START })],
      ['buried', cardState({ due: local('2026-03-10T09:00'), buriedUntil: TOMORROW_START })], // back tomorrow
      ['day-29', cardState({ due: local('2026-04-08T10:00') })], // after the DST change of 29 March
      ['day-30', cardState({ due: local('2026-04-09T04:00') })],
      ['suspended', cardState({ due: local('2026-03-01T10:00'), suspended: true })],
      ['new', cardState({ state: CardStateKind.New, due: local('2026-03-01T10:00') })],
      ['retired', cardState({ due: local('2026-03-01T10:00') })],
    ]);
    const cards = [...states.keys()].filter((id) => id !== 'retired').map((id) => card(id));
    const s = stats({ states, cards });
    expect(s.forecast).toHaveLength(30);
    expect(s.forecast[0]).toEqual({ date: '2026-03-10', due: 4 });
    expect(s.forecast[1]).toEqual({ date: '2026-03-11', due: 2 });
    expect(s.forecast[29]).toEqual({ date: '2026-04-08', due: 1 });
    expect(s.forecast.reduce((sum, d) => sum + d.due, 0)).toBe(7);
    expect(s.overdue).toBe(1);
  });
});

describe('predicted retention', () => {
  it("is FSRS's mean retrievability over review and relearning cards", () => {
    const states = new Map<string, CardState>([
      // Reviewed one stability ago: FSRS's R is exactly 90 %.
      ['a', cardState({ stability: 10, lastReview: NOW - 10 * DAY })],
      // Reviewed just now: 100 %.
      ['b', cardState({ state: CardStateKind.Relearning, stability: 5, lastReview: NOW })],
      ['learning', cardState({ state: CardStateKind.Learning, stability: 1, lastReview: NOW - 5 * DAY })],
      ['new', cardState({ state: CardStateKind.New, lastReview: null })],
    ]);
    const cards = [...states.keys()].map((id) => card(id));
    const s = stats({ states, cards });
    expect(s.predictedRetention).toBeCloseTo(0.95, 6);
    expect(s.predictedRetentionCards).toBe(2);
    // The same curve as `paperdeck cards` uses.
    const scheduler = new Scheduler(DEFAULT_SETTINGS);
    expect(scheduler.retrievability(states.get('a')!, NOW)).toBeCloseTo(0.9, 6);
    expect(s.hardest).toEqual([]);
  });

  it('is null with no reviewed card', () => {
    const s = stats({ cards: [card('a')], states: new Map([['a', cardState({ state: CardStateKind.New, lastReview: null })]]) });
    expect(s.predictedRetention).toBeNull();
  });
});

describe('hardest cards', () => {
  it('ranks by lapses, then lowest retrievability; leaves out cards never lapsed and retired ones', () => {
    const states = new Map<string, CardState>([
      ['a-fresh', cardState({ lapses: 3, stability: 10, lastReview: NOW })],
      ['five', cardState({ lapses: 5, stability: 10, lastReview: NOW - 10 * DAY, leech: true })],
      ['z-faded', cardState({ lapses: 3, stability: 10, lastReview: NOW - 40 * DAY })],
      ['none', cardState({ lapses: 0 })],
      ['retired', cardState({ lapses: 9 })],
    ]);
    const cards = ['a-fresh', 'five', 'z-faded', 'none'].map((id) => card(id, `Title ${id}`));
    const hardest = stats({ states, cards }).hardest;
    expect(hardest.map((h) => h.id)).toEqual(['five', 'z-faded', 'a-fresh']);
    expect(hardest[0]).toMatchObject({ title: 'Title five', lapses: 5, leech: true, suspended: false });
    expect(hardest[0]!.retrievability).toBeCloseTo(0.9, 6);
  });

  it('gives the ten that come first of many, ties broken by title and then id', () => {
    const states = new Map<string, CardState>();
    const cards = [];
    for (let i = 0; i < 300; i++) {
      const id = `c${String((i * 37) % 300).padStart(3, '0')}`;
      states.set(id, cardState({ lapses: 1 + (i % 4), stability: 10, lastReview: NOW - (i % 3) * DAY }));
      cards.push(card(id, `Title ${i % 5}`));
    }
    const hardest = stats({ states, cards }).hardest;
    const expected = cards
      .map((c) => ({ ...c, lapses: states.get(c.id)!.lapses, lastReview: states.get(c.id)!.lastReview! }))
      .sort((a, b) => b.lapses - a.lapses || a.lastReview - b.lastReview || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1))
      .slice(0, 10)
      .map((c) => c.id);
    expect(hardest.map((h) => h.id)).toEqual(expected);
  });

  it('judges a card by how often it was recalled, not by its retrievability just after relearning', () => {
    const h = new History();
    // 'relearnt' lapsed twice in four reviews and was answered again a minute ago: near 100 %
    // retrievability, 50 % recall. 'steady' lapsed twice in eight.
    for (const [i, rating] of ([3, 1, 3, 1] as const).entries()) h.review('relearnt', NOW - (40 - i * 10) * DAY, rating);
    for (const [i, rating] of ([3, 3, 1, 3, 3, 1, 3, 3] as const).entries()) h.review('steady', NOW - (80 - i * 10) * DAY, rating);
    h.learn('relearnt', '2026-03-10T11:59', 3); // a relearning step: not a recall
    const states = new Map<string, CardState>([
      ['relearnt', cardState({ lapses: 2, stability: 2, lastReview: NOW - 60_000 })],
      ['steady', cardState({ lapses: 2, stability: 10, lastReview: NOW - 20 * DAY })],
    ]);
    const hardest = stats({ history: h, states, cards: [card('relearnt'), card('steady')] }).hardest;
    expect(hardest.map((c) => c.id)).toEqual(['relearnt', 'steady']);
    expect(hardest[0]!.recall).toBe(0.5);
    expect(hardest[0]!.retrievability).toBeGreaterThan(0.99);
    expect(hardest[1]!.recall).toBe(0.75);
  });

  it('lists at most ten', () => {
    const states = new Map<string, CardState>();
    for (let i = 0; i < 12; i++) states.set(`c${i}`, cardState({ lapses: i + 1 }));
    const hardest = stats({ states, cards: [...states.keys()].map((id) => card(id)) }).hardest;
    expect(hardest).toHaveLength(10);
    expect(hardest[0]!.lapses).toBe(12);
  });

  it('reads by position, decoding the id and title of only the few cards it looks at (computeStatsOf)', () => {
    // 2,000 cards in review, some due, most lapsed: each of the figures reads every card.
    const cards: Card[] = [];
    const states = new Map<string, CardState>();
    for (let i = 0; i < 2000; i++) {
      cards.push(card(`c${i}`, `Title ${i}`));
      states.set(`c${i}`, cardState({ lapses: i % 7, stability: 1 + i, lastReview: NOW - (i % 30) * DAY, due: NOW + ((i % 50) - 20) * DAY }));
    }
    const read = statsCardsOf(cards, states);
    const asked = { ids: 0, titles: 0 };
    const counted: StatsCards = {
      ...read,
      id: (i) => (asked.ids++, read.id(i)),
      title: (i) => (asked.titles++, read.title(i)),
    };
    const h = new History();
    for (let i = 0; i < 100; i++) h.review(`c${i}`, NOW - (100 - i) * DAY, i % 3 === 0 ? 1 : 3, {});
    const base = { deck: 'test', log: h.facts(), settings: { ...DEFAULT_SETTINGS, dayStartHour: 4 }, now: NOW };
    const byPosition = computeStatsOf({ ...base, cards: counted });
    expect(byPosition).toEqual(computeStats({ ...base, cards, states }));
    expect(byPosition.hardest).toHaveLength(10);
    // The ten shown; the ids of the cards with the most lapses (looked up in the tally) and of the one due earliest.
    expect(asked.titles).toBe(10);
    expect(asked.ids).toBeLessThan(2000 / 5);
  });
});

describe('heatmap', () => {
  it('covers 26 weeks from a Monday to today, one entry per local day', () => {
    const h = new History();
    h.review('a', '2026-03-10T03:00', 3); // the 9th
    h.review('b', '2026-03-09T20:00', 3);
    h.review('a', '2025-09-15T12:00', 1); // the first day shown
    h.review('a', '2025-09-14T12:00', 1); // the day before: not shown
    const map = stats({ history: h }).heatmap;
    expect(map.weeks).toBe(26);
    expect(map.days).toHaveLength(25 * 7 + 2); // 25 whole weeks, then Monday and Tuesday
    expect(map.days[0]).toEqual({ date: '2025-09-15', reviews: 1 });
    expect(new Date(`${map.days[0]!.date}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(map.days.at(-1)).toEqual({ date: '2026-03-10', reviews: 0 });
    expect(map.days.at(-2)).toEqual({ date: '2026-03-09', reviews: 2 });
    expect(map.max).toBe(2);
    expect(map.days.reduce((sum, d) => sum + d.reviews, 0)).toBe(3);
  });
});
