// The deck picker's keys (src/session/picker.ts), one step at a time.
import { describe, expect, it } from 'vitest';
import { ALL_DECKS, entryNames, PICKER_START, pickerEntries, pickerStep, type PickerKeyFlags, type PickerState } from '../../src/session/picker.js';

const decks = ['alpha', 'iclr2017', 'neurips'];
const press = (keys: (string | PickerKeyFlags)[], from: PickerState = PICKER_START) =>
  keys.reduce<PickerState>((state, key) => (typeof key === 'string' ? pickerStep(state, decks, key, {}) : pickerStep(state, decks, '', key)), from);

describe('deck picker keys', () => {
  it('moves with the arrows and with j/k, wrapping at both ends', () => {
    expect(press([{ downArrow: true }]).highlighted).toBe(1);
    expect(press(['j', 'j']).highlighted).toBe(2);
    expect(press(['j', 'j', 'j']).highlighted).toBe(0);
    expect(press([{ upArrow: true }]).highlighted).toBe(2);
    expect(press(['k', 'k']).highlighted).toBe(1);
    expect(press(['j']).chosen).toBeUndefined();
  });

  it('picks the highlighted deck with Enter or Space, and a numbered one at once', () => {
    expect(press(['j', { return: true }]).chosen).toBe('iclr2017');
    expect(press(['k', ' ']).chosen).toBe('neurips');
    expect(press(['3'])).toEqual({ highlighted: 2, chosen: 'neurips' });
    expect(press(['4']).chosen).toBeUndefined(); // there is no fourth deck
    expect(press(['0']).chosen).toBeUndefined();
  });

  it('cancels with q, Esc or Ctrl-C', () => {
    expect(press(['q']).chosen).toBeNull();
    expect(press([{ escape: true }]).chosen).toBeNull();
    expect(pickerStep(PICKER_START, decks, 'c', { ctrl: true }).chosen).toBeNull();
    expect(press(['x', 'Q', '?']).chosen).toBeUndefined();
  });

  it('ignores every key once a deck is picked or the picker cancelled', () => {
    expect(press(['2', 'j', 'q', '1'])).toEqual({ highlighted: 1, chosen: 'iclr2017' });
    expect(press(['q', '2', { return: true }]).chosen).toBeNull();
  });

  it('does nothing with no decks to pick from', () => {
    expect(pickerStep(PICKER_START, [], '', { return: true })).toBe(PICKER_START);
  });
});

describe('deck picker rows', () => {
  const deck = (name: string, total: number | null) => ({ name, counts: total === null ? null : { total } });

  it('starts on the first deck with cards due, not on one with nothing due', () => {
    const { entries, start } = pickerEntries([deck('another', null), deck('empty', 0), deck('tiny', 3)]);
    expect(entryNames(entries)).toEqual(['another', 'empty', 'tiny']);
    expect(start.highlighted).toBe(2);
  });

  it('offers all decks first, cursor on it, when more than one deck has cards due', () => {
    const { entries, start } = pickerEntries([deck('empty', 0), deck('iclr2017', 5), deck('neurips', 12)]);
    expect(entries[0]).toEqual({ kind: 'all', decks: 2, due: 17 });
    expect(entryNames(entries)).toEqual([ALL_DECKS, 'empty', 'iclr2017', 'neurips']);
    expect(start.highlighted).toBe(0);
    expect(pickerStep(start, entryNames(entries), '', { return: true }).chosen).toBe(ALL_DECKS);
  });

  it('starts on the first row when nothing is due anywhere', () => {
    const { entries, start } = pickerEntries([deck('a', 0), deck('b', null)]);
    expect(entries).toHaveLength(2);
    expect(start.highlighted).toBe(0);
  });
});
