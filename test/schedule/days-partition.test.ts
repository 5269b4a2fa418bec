// Local days must partition time in every zone: each instant in exactly one day, days in order,
// each day's end the next day's start. Checked around every daylight-saving change of a year in
// zones with gaps and overlaps at odd hours and of odd lengths, for every day-start hour.
import { afterAll, describe, expect, it } from 'vitest';
import { localDayKey, localDayOf, localDayStart, nextLocalDayStart, localDayStartOffset, addDaysToKey, localDaysBetween, LocalDaysAgo } from '../../src/schedule/days.js';

const ZONES = [
  'Pacific/Chatham', // 45-minute offset, changes at 02:45 / 03:45
  'Australia/Lord_Howe', // a half-hour change at 02:00
  'America/Los_Angeles',
  'Europe/London', // changes at 01:00 / 02:00
  'America/Santiago', // changes at midnight
  'America/Havana', // changes at 00:00 / 01:00
  'Asia/Beirut', // changes at midnight
  'Antarctica/Troll', // a two-hour change
  'Pacific/Apia', // skipped 30 December 2011 entirely
];

const saved = process.env.TZ;
afterAll(() => {
  process.env.TZ = saved;
});

/** The instants at which the zone's UTC offset changes between `from` and `to`. */
function transitions(from: number, to: number): number[] {
  const found: number[] = [];
  const step = 6 * 3_600_000;
  const offset = (ms: number) => new Date(ms).getTimezoneOffset();
  for (let t = from; t < to; t += step) {
    if (offset(t) === offset(t + step)) continue;
    let lo = t;
    let hi = t + step;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

describe('local days partition time', () => {
  for (const zone of ZONES) {
    it(`in ${zone}, around every offset change, for every day-start hour`, () => {
      process.env.TZ = zone; // Node applies a TZ change at once
      const year = zone === 'Pacific/Apia' ? 2011 : 2026;
      const changes = transitions(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
      expect(changes.length).toBeGreaterThan(0);
      // Failures are gathered, not asserted one by one: a million expect() calls take minutes.
      const wrong: string[] = [];
      for (let hour = 0; hour < 24; hour++) {
        for (const change of changes) {
          let previous: { start: number; end: number; key: string } | null = null;
          for (let ms = change - 28 * 3_600_000; ms < change + 28 * 3_600_000; ms += 5 * 60_000) {
            const day = localDayOf(ms, hour);
            const key = localDayKey(ms, hour);
            // (Named only for a failure: formatting the instant at every step took a fifth of the time.)
            const where = () => `${zone} hour ${hour} at ${new Date(ms).toISOString()}`;
            if (!(day.start <= ms && ms < day.end)) wrong.push(`${where()}: not in its day`);
            if (localDayStart(ms, hour) !== day.start || nextLocalDayStart(ms, hour) !== day.end) wrong.push(`${where()}: bounds disagree`);
            if (localDayStartOffset(ms, hour, 0) !== day.start || localDayStartOffset(ms, hour, 1) !== day.end) wrong.push(`${where()}: offsets disagree`);
            // The next day begins exactly where the last one ended, and keys run in order.
            if (previous && previous.key !== key && (day.start !== previous.end || key <= previous.key)) wrong.push(`${where()}: not contiguous`);
            if (previous && previous.key === key && day.start !== previous.start) wrong.push(`${where()}: one key, two days`);
            previous = { start: day.start, end: day.end, key };
          }
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  }

  it('gives each key the day that began on that date (Samoa left one out)', () => {
    process.env.TZ = 'Pacific/Apia';
    const before = Date.UTC(2011, 11, 29, 12); // 29 Dec, 02:00 local
    const after = Date.UTC(2011, 11, 30, 12); // 31 Dec, 02:00 local (30 Dec never was)
    expect(localDayKey(before, 4)).toBe('2011-12-28');
    expect(localDayKey(after, 4)).toBe('2011-12-29');
    expect(addDaysToKey('2011-12-29', 1)).toBe('2011-12-30');
  });

  it('counts days ago from remembered days as from each instant alone, in every zone', () => {
    const wrong: string[] = [];
    for (const zone of ZONES) {
      process.env.TZ = zone;
      const now = Date.UTC(2012, 6, 1, 9);
      for (const hour of [0, 3, 4, 23]) {
        const daysAgo = new LocalDaysAgo(now, hour);
        // Instants in no order across 14 months, each asked twice: every day's span found again.
        for (let i = 0; i < 4000; i++) {
          const ms = now - ((i * 7_919_993_321) % (430 * 86_400_000));
          for (const at of [ms, ms]) {
            if (daysAgo.of(at) !== localDaysBetween(at, now, hour)) wrong.push(`${zone} hour ${hour} at ${new Date(at).toISOString()}`);
          }
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
