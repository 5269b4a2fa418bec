import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/core/iso-time.js';
import { seededRandom } from '../../src/core/random.js';

describe('isoTime', () => {
  it('writes every time as Date#toISOString does', () => {
    const random = seededRandom(7);
    const times = [0, 1, 999, 1000, 86_399_999, 86_400_000, 951_782_400_000 /* 2000-02-29 */, 4_107_542_400_000, 253_402_300_799_999, 1.7, 1796585389468.7844];
    for (let i = 0; i < 20_000; i++) times.push(Math.floor(random() * 4e12), random() * 2e12);
    for (const ms of times) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('leaves times before 1970 and after 9999 to Date, and throws for no time at all as it does', () => {
    for (const ms of [-1, -86_400_001.5, 253_402_300_800_000, 8.64e15]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
  });
});
