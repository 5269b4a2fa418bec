import { describe, expect, it } from 'vitest';
import { daysLabel, durationLabel } from '../../src/schedule/interval-label.js';
import { DAY, HOUR, MINUTE } from './helpers.js';

describe('interval labels, as Anki shows them on its answer buttons', () => {
  it('shows whole seconds, minutes, hours and days', () => {
    expect(durationLabel(30_000)).toBe('30 s');
    expect(durationLabel(MINUTE)).toBe('1 min');
    expect(durationLabel(6 * MINUTE)).toBe('6 min');
    expect(durationLabel(10 * MINUTE)).toBe('10 min');
    expect(durationLabel(HOUR)).toBe('1 h');
    expect(durationLabel(5 * HOUR)).toBe('5 h');
    expect(durationLabel(DAY)).toBe('1 d');
    expect(daysLabel(8)).toBe('8 d');
    expect(daysLabel(30)).toBe('30 d');
  });

  it('shows months and years with one decimal', () => {
    expect(daysLabel(31)).toBe('1 mo');
    expect(daysLabel(64)).toBe('2.1 mo');
    expect(daysLabel(364)).toBe('12 mo');
    expect(daysLabel(365)).toBe('1 y');
    expect(daysLabel(475)).toBe('1.3 y');
    expect(daysLabel(36500)).toBe('100 y');
  });
});

describe('units that cannot be misread', () => {
  it('never writes minutes as m (beside mo it read as months): a number, a space, then s, min, h, d, mo or y', () => {
    // "1 Again 10m · 2 Hard 3.9mo" read as ten months.
    for (let minutes = 0; minutes < 60 * 24 * 800; minutes = Math.ceil(minutes * 1.3) + 1) {
      expect(durationLabel(minutes * MINUTE)).toMatch(/^\d+(\.\d)? (s|min|h|d|mo|y)$/);
    }
    expect(`1 Again ${durationLabel(10 * MINUTE)} · 2 Hard ${daysLabel(119)}`).toBe('1 Again 10 min · 2 Hard 3.9 mo');
  });
});
