// `study --new N` and `--ahead DAYS`: read and checked before anything opens.
import { describe, expect, it } from 'vitest';
import { customStudyLabel, customStudyOf } from '../../src/cli/commands/study.js';
import { UserError } from '../../src/core/errors.js';

describe('study --new and --ahead', () => {
  it('reads whole numbers, for this session only', () => {
    expect(customStudyOf({})).toEqual({});
    expect(customStudyOf({ new: '10', ahead: '3' })).toEqual({ extraNew: 10, aheadDays: 3 });
    expect(customStudyLabel({ extraNew: 10, aheadDays: 3 })).toBe('studying ahead 3 days · 10 more new today');
    expect(customStudyLabel({ aheadDays: 1 })).toBe('studying ahead 1 day');
    expect(customStudyLabel({})).toBeNull();
  });

  it('refuses anything else, saying what it takes', () => {
    for (const bad of ['0', '-1', '1.5', 'x', '', '400']) {
      expect(() => customStudyOf({ ahead: bad })).toThrow(UserError);
    }
    expect(() => customStudyOf({ new: 'ten' })).toThrow('--new takes a whole number from 1 to 9999, not "ten"');
  });
});
