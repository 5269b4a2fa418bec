import { describe, expect, it } from 'vitest';
import { daysLabel, durationLabel } from '../../src/schedule/intervalLabel.js';
import { DAY, HOUR, MINUTE } from './helpers.js';

describe('interval labels, as Anki shows them on its answer buttons', () => {
  it('shows whole seconds, minutes, hours and days', () => {
    expect(durationLabel(30_000)).toBe('30s');
    expect(durationLabel(MINUTE)).toBe('1m');
    expect(durationLabel(6 * MINUTE)).toBe('6m');
    expect(durationLabel(10 * MINUTE)).toBe('10m');
    expect(durationLabel(HOUR)).toBe('1h');
    expect(durationLabel(5 * HOUR)).toBe('5h');
    expect(durationLabel(DAY)).toBe('1d');
    expect(daysLabel(8)).toBe('8d');
    expect(daysLabel(30)).toBe('30d');
  });

  it('shows months and years with one decimal', () => {
    expect(daysLabel(31)).toBe('1mo');
    expect(daysLabel(64)).toBe('2.1mo');
    expect(daysLabel(364)).toBe('12mo');
    expect(daysLabel(365)).toBe('1y');
    expect(daysLabel(475)).toBe('1.3y');
    expect(daysLabel(36500)).toBe('100y');
  });
});
