// True Retention as Anki's table counts it, on hand-made histories whose figures are known.
// Europe/Berlin, days starting at 4 a.m. "Now" is Tuesday 2026-03-10 12:00 local time.
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { CardStateKind } from '../../src/core/types.js';
import { computeStats, effectiveReviews, trueRetention } from '../../src/stats/index.js';
import type { TrueRetentionRow } from '../../src/stats/index.js';
import { History, local } from './history.js';

const NOW = local('2026-03-10T12:00');
const HOUR = 4;

function rows(history: History, now = NOW): Record<string, TrueRetentionRow> {
  const result = trueRetention(effectiveReviews(history.facts()), now, HOUR);
  return Object.fromEntries(result.map((row) => [row.period, row]));
}

const figures = (row: TrueRetentionRow | undefined) =>
  row && [row.youngPass, row.youngFail, row.maturePass, row.matureFail];

describe('true retention', () => {
  it('lists the six periods in Anki order', () => {
    expect(trueRetention(effectiveReviews(new History().facts()), NOW, HOUR).map((r) => r.period)).toEqual(['today', 'yesterday', 'week', 'month', 'year', 'all']);
  });

  it('counts only the first review of a card each day: a second one the same day is ignored', () => {
    const h = new History();
    h.review('a', '2026-03-10T09:00', 3);
    h.review('a', '2026-03-10T10:00', 1); // reviewed ahead again the same day: not counted
    h.review('b', '2026-03-10T09:30', 1);
    h.review('b', '2026-03-10T11:00', 4);
    const today = rows(h).today!;
    expect(figures(today)).toEqual([1, 1, 0, 0]);
    expect(today.retention).toBe(0.5);
  });

  it('treats 23:00 and 03:00 the next calendar day as one day, 03:59 and 04:01 as two', () => {
    const h = new History();
    h.review('a', '2026-03-08T23:00', 3);
    h.review('a', '2026-03-09T03:00', 1); // still the local day of the 8th
    h.review('b', '2026-03-09T03:59', 3); // the 8th
    h.review('b', '2026-03-09T04:01', 1); // the 9th: yesterday
    const r = rows(h);
    expect(figures(r.yesterday)).toEqual([0, 1, 0, 0]);
    expect(figures(r.week)).toEqual([2, 1, 0, 0]);
  });

  it('ignores learning and relearning steps and first reviews of new cards', () => {
    const h = new History();
    h.review('new', '2026-03-10T08:00', 1, null);
    h.learn('new', '2026-03-10T08:01', 3);
    h.review('lapsed', '2026-03-10T08:10', 1, { state: CardStateKind.Review, scheduledDays: 30 });
    h.review('lapsed', '2026-03-10T08:20', 3, { state: CardStateKind.Relearning, scheduledDays: 0 });
    expect(figures(rows(h).today)).toEqual([0, 0, 0, 1]);
  });

  it('splits young and mature at an interval of 21 days', () => {
    const h = new History();
    h.review('a', '2026-03-10T09:00', 3, { scheduledDays: 20 });
    h.review('b', '2026-03-10T09:00', 1, { scheduledDays: 20 });
    h.review('c', '2026-03-10T09:00', 2, { scheduledDays: 21 });
    h.review('d', '2026-03-10T09:00', 4, { scheduledDays: 21 });
    h.review('e', '2026-03-10T09:00', 1, { scheduledDays: 400 });
    const today = rows(h).today!;
    expect(figures(today)).toEqual([1, 1, 2, 1]);
    expect(today.youngRetention).toBe(0.5);
    expect(today.matureRetention).toBeCloseTo(2 / 3, 12);
    expect(today.retention).toBe(0.6);
  });

  it('does not count an undone review, and counts it again when the undo is undone', () => {
    const h = new History();
    const failed = h.review('a', '2026-03-10T09:00', 1);
    h.undo(failed, '2026-03-10T09:00:05');
    h.review('a', '2026-03-10T09:00:10', 3); // the rating that stands: the first of the day now
    const once = h.review('b', '2026-03-10T09:01', 1);
    const undo = h.undo(once, '2026-03-10T09:01:05');
    h.undo(undo, '2026-03-10T09:01:10'); // redo: b's Again stands
    expect(figures(rows(h).today)).toEqual([1, 1, 0, 0]);
  });

  it('bounds each period by local days: last week is 7 days with today, month 30, year 365', () => {
    const h = new History();
    const daysAgo = [0, 1, 2, 6, 7, 29, 30, 364, 365, 2000];
    for (const [i, back] of daysAgo.entries()) {
      const day = new Date(2026, 2, 10 - back, 4, 0, 0); // the first minute of that local day
      h.review(`c${i}`, day.getTime(), 3);
    }
    const r = rows(h);
    const total = (p: string) => r[p]!.youngPass;
    expect(total('today')).toBe(1);
    expect(total('yesterday')).toBe(1);
    expect(total('week')).toBe(4); // 0, 1, 2, 6
    expect(total('month')).toBe(6); // + 7, 29
    expect(total('year')).toBe(8); // + 30, 364
    expect(total('all')).toBe(10);
  });

  it('puts a review at 03:30 in yesterday and one at 04:00 in today', () => {
    const h = new History();
    h.review('a', '2026-03-10T03:30', 1);
    h.review('b', '2026-03-10T04:00', 3);
    const r = rows(h);
    expect(figures(r.today)).toEqual([1, 0, 0, 0]);
    expect(figures(r.yesterday)).toEqual([0, 1, 0, 0]);
  });

  it('leaves retention null where nothing was reviewed, and ignores reviews after today', () => {
    const h = new History();
    h.review('a', '2026-03-11T05:00', 3); // tomorrow: a clock that went back
    const r = rows(h);
    for (const row of Object.values(r)) {
      expect(figures(row)).toEqual([0, 0, 0, 0]);
      expect(row.retention).toBeNull();
    }
  });

  it('reaches computeStats and its JSON with the contract keys', () => {
    const h = new History();
    h.review('a', '2026-03-10T09:00', 3, { scheduledDays: 25 });
    const stats = computeStats({
      deck: 'd',
      log: h.facts(),
      states: new Map(),
      cards: [],
      settings: { ...DEFAULT_SETTINGS, dayStartHour: HOUR },
      now: NOW,
    });
    const json = JSON.parse(JSON.stringify(stats));
    expect(json.trueRetention[0]).toMatchObject({ period: 'today', youngPass: 0, youngFail: 0, maturePass: 1, matureFail: 0, retention: 1 });
    expect(json.trueRetention[5].period).toBe('all');
  });
});
