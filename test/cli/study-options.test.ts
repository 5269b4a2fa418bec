// `study --new N` and `--ahead DAYS`: read and checked before anything opens.
import { describe, expect, it } from 'vitest';
import { customStudyLabel, customStudyOf } from '../../src/cli/commands/study.js';
import { UsageError } from '../../src/core/errors.js';
import { runCli, workspaceWithBundledDeck } from '../helpers/cli.js';

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
      expect(() => customStudyOf({ ahead: bad })).toThrow(UsageError);
    }
    expect(() => customStudyOf({ new: 'ten' })).toThrow('--new takes a whole number from 1 to 9999, not "ten"');
  });

  it('is a usage error (exit 2), found before study asks for a terminal', () => {
    const { decks, state } = workspaceWithBundledDeck();
    const run = runCli(['study', '--new', 'abc', '--decks', decks, '--state', state]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('paperdeck: --new takes a whole number from 1 to 9999, not "abc"\n');
  });
});
