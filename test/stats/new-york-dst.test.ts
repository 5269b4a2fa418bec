// Local days in America/New_York across the change to daylight saving time (Sunday
// 2026-03-08, 02:00 EST -> 03:00 EDT), with days starting at 4 a.m.
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { computeStats } from '../../src/stats/index.js';
import type { DeckStats } from '../../src/stats/index.js';
import { History, card, cardState, local } from './history.js';

const HOUR = 4;

function stats(history: History, now: number, extra: Partial<Parameters<typeof computeStats>[0]> = {}): DeckStats {
  return computeStats({
    deck: 'ny',
    log: history.facts(),
    states: new Map(),
    cards: [],
    settings: { ...DEFAULT_SETTINGS, dayStartHour: HOUR },
    now,
    ...extra,
  });
}

const row = (s: DeckStats, period: string) => s.trueRetention.find((r) => r.period === period)!;

describe('local days across a DST change (America/New_York)', () => {
  it('keeps the 23-hour day of the 7th whole: 03:30 EDT on the 8th still belongs to it', () => {
    const h = new History();
    h.review('a', '2026-03-08T03:30', 1); // after the jump, before 4 a.m.: the 7th
    h.review('b', '2026-03-08T04:00', 3); // the 8th
    const s = stats(h, local('2026-03-08T12:00'));
    expect(row(s, 'today').youngPass).toBe(1);
    expect(row(s, 'yesterday').youngFail).toBe(1);
    expect(s.reviewsPerDay.slice(-2)).toEqual([
      { date: '2026-03-07', reviews: 1, again: 1 },
      { date: '2026-03-08', reviews: 1, again: 0 },
    ]);
  });

  it('starts last week at 4 a.m. local on the 7th day back, not 7 × 24 hours back', () => {
    // Now Monday the 9th (EDT). Last week = the 3rd to the 9th; the 3rd began 04:00 EST.
    // Anki's fixed 7 × 86,400 s back from 04:00 EDT on the 10th would start at 03:00 EST
    // and take in the 03:30 review, which belongs to the 2nd.
    const h = new History();
    h.review('a', '2026-03-03T04:30', 3);
    h.review('b', '2026-03-03T03:30', 3); // the 2nd: outside
    const s = stats(h, local('2026-03-09T12:00'));
    expect(row(s, 'week').youngPass).toBe(1);
    expect(row(s, 'month').youngPass).toBe(2);
  });

  it('counts a streak through the short day', () => {
    const h = new History();
    for (const day of ['2026-03-06T20:00', '2026-03-07T20:00', '2026-03-08T20:00', '2026-03-09T08:00']) h.review('a', day, 3);
    expect(stats(h, local('2026-03-09T12:00')).streakDays).toBe(4);
  });

  it('forecasts by local day across the change', () => {
    const states = new Map([
      ['a', cardState({ due: local('2026-03-08T03:30') })], // the 7th, which is today
      ['b', cardState({ due: local('2026-03-08T04:00') })], // tomorrow
      ['c', cardState({ due: local('2026-03-09T03:59') })], // still tomorrow
    ]);
    const s = stats(new History(), local('2026-03-07T12:00'), { states, cards: [card('a'), card('b'), card('c')] });
    expect(s.forecast.slice(0, 3)).toEqual([
      { date: '2026-03-07', due: 1 },
      { date: '2026-03-08', due: 2 },
      { date: '2026-03-09', due: 0 },
    ]);
  });
});
