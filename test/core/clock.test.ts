// PAPERDECK_NOW: an ISO date-time, read strictly; anything else is one usage error.
import { describe, expect, it } from 'vitest';
import { clockFromEnv, parseIsoDateTime } from '../../src/core/clock.js';
import { UsageError } from '../../src/core/errors.js';

describe('PAPERDECK_NOW', () => {
  it('reads ISO date-times, local without a zone, with Z or an offset otherwise', () => {
    const local = new Date(2026, 10, 26, 9, 0).getTime();
    expect(parseIsoDateTime('2026-11-26T09:00')).toBe(local);
    expect(parseIsoDateTime('2026-11-26 09:00')).toBe(local);
    expect(parseIsoDateTime('2026-11-26T09:00:00.000')).toBe(local);
    expect(parseIsoDateTime('2026-11-26T09:00Z')).toBe(Date.UTC(2026, 10, 26, 9));
    expect(parseIsoDateTime('2026-11-26T09:00:30.5+05:30')).toBe(Date.UTC(2026, 10, 26, 3, 30, 30, 500));
    expect(parseIsoDateTime('2024-02-29T12:00Z')).toBe(Date.UTC(2024, 1, 29, 12));
  });

  it.each(['2027-01-15', '1', '0', 'Jan 5 2027', '2027-02-30T10:00', '2026-02-29T00:00', '2026-13-01T00:00', '2026-11-26T24:00', '+275760-09-13T00:00:00Z', 'tomorrow'])(
    'refuses %j',
    (text) => {
      expect(parseIsoDateTime(text)).toBeNaN();
      expect(() => clockFromEnv({ PAPERDECK_NOW: text })).toThrow(UsageError);
      expect(() => clockFromEnv({ PAPERDECK_NOW: text })).toThrow(/PAPERDECK_NOW is not an ISO date-time: .* \(e\.g\. 2026-11-26T09:00 for local time/);
    },
  );

  it('starts the clock at that time and lets it run; unset or empty means the real time', () => {
    const clock = clockFromEnv({ PAPERDECK_NOW: '2026-11-26T09:00Z' });
    expect(clock.now() - Date.UTC(2026, 10, 26, 9)).toBeGreaterThanOrEqual(0);
    expect(clock.now() - Date.UTC(2026, 10, 26, 9)).toBeLessThan(60_000);
    expect(Math.abs(clockFromEnv({ PAPERDECK_NOW: '' }).now() - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(clockFromEnv({}).now() - Date.now())).toBeLessThan(60_000);
  });
});
