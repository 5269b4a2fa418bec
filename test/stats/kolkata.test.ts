// The same UTC instants land on different local days in a half-hour time zone
// (Asia/Kolkata, UTC+05:30); days start at 4 a.m. local, never at UTC midnight.
process.env.TZ = 'Asia/Kolkata';

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { computeStats } from '../../src/stats/index.js';
import { History } from './history.js';

describe('local days in Asia/Kolkata', () => {
  it('puts 22:15Z (03:45 local) in the day before and 22:45Z (04:15 local) in the next', () => {
    const h = new History();
    h.review('a', Date.UTC(2026, 2, 9, 22, 15), 1); // 2026-03-10 03:45 IST: the 9th
    h.review('b', Date.UTC(2026, 2, 9, 22, 45), 3); // 2026-03-10 04:15 IST: the 10th
    h.review('c', Date.UTC(2026, 2, 9, 23, 59), 3); // a UTC day's end is nothing special here
    h.review('c', Date.UTC(2026, 2, 10, 0, 1), 1); // same local day, same card: ignored
    const s = computeStats({
      deck: 'in',
      log: h.facts(),
      states: new Map(),
      cards: [],
      settings: { ...DEFAULT_SETTINGS, dayStartHour: 4 },
      now: Date.UTC(2026, 2, 10, 6, 30), // 12:00 IST on the 10th
    });
    expect(s.date).toBe('2026-03-10');
    const today = s.trueRetention[0]!;
    const yesterday = s.trueRetention[1]!;
    expect([today.youngPass, today.youngFail]).toEqual([2, 0]);
    expect([yesterday.youngPass, yesterday.youngFail]).toEqual([0, 1]);
    expect(s.today).toEqual({ date: '2026-03-10', reviews: 3, again: 1, seconds: 30 });
    expect(s.reviewsPerDay.at(-2)).toEqual({ date: '2026-03-09', reviews: 1, again: 1 });
  });
});
