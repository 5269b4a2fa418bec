// The deck picker's keys, as a pure step like the session's reducer: the Ink component
// (ui/components/DeckPicker.tsx) only draws the list and hands each key here.

export interface PickerState {
  /** The row the cursor is on. */
  highlighted: number;
  /** The deck picked; null once cancelled; undefined while still choosing. */
  chosen?: string | null;
}

/** The flags of a key event the picker reads (Ink's `Key` has these and more). */
export interface PickerKeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
}

export const PICKER_START: PickerState = { highlighted: 0 };

/**
 * What stands for "all decks" among the names the picker hands back: a NUL, which no deck name
 * (nor any file name) can hold.
 */
export const ALL_DECKS = '\u0000all';

/** What the picker reads of a deck: its name and how many cards are due in it now (null: not counted). */
export interface PickerDeck {
  name: string;
  counts: { total: number } | null;
}

/** One row of the picker: every deck with cards due, or one deck. */
export type PickerEntry = { kind: 'all'; decks: number; due: number } | { kind: 'deck'; deck: PickerDeck };

/**
 * The picker's rows and where its cursor starts. When more than one deck has cards due, the first
 * row studies them all, one after the other; the cursor starts on the first row with cards due
 * (never on a deck with nothing due while another has some), else on the first row.
 */
export function pickerEntries(decks: readonly PickerDeck[]): { entries: PickerEntry[]; start: PickerState } {
  const withDue = decks.filter((deck) => (deck.counts?.total ?? 0) > 0);
  const entries: PickerEntry[] = decks.map((deck) => ({ kind: 'deck', deck }));
  if (withDue.length > 1) {
    entries.unshift({ kind: 'all', decks: withDue.length, due: withDue.reduce((sum, deck) => sum + deck.counts!.total, 0) });
  }
  const first = entries.findIndex((entry) => entry.kind === 'all' || (entry.deck.counts?.total ?? 0) > 0);
  return { entries, start: { highlighted: Math.max(0, first) } };
}

/** The names pickerStep chooses among, one for each entry (ALL_DECKS for the first row when it is "all decks"). */
export function entryNames(entries: readonly PickerEntry[]): string[] {
  return entries.map((entry) => (entry.kind === 'all' ? ALL_DECKS : entry.deck.name));
}

/**
 * The state after one key: ↑↓ (or k j) move and wrap around, Enter or Space picks the row,
 * 1–9 pick that row at once, q, Esc or Ctrl-C cancel. Once picked or cancelled, keys do nothing.
 */
export function pickerStep(state: PickerState, decks: readonly string[], input: string, key: PickerKeyFlags): PickerState {
  if (state.chosen !== undefined || decks.length === 0) return state;
  const move = (step: number): PickerState => ({ highlighted: (state.highlighted + step + decks.length) % decks.length });
  if (key.upArrow || input === 'k') return move(-1);
  if (key.downArrow || input === 'j') return move(1);
  if (key.return || input === ' ') return { ...state, chosen: decks[state.highlighted] ?? null };
  if (key.escape || input === 'q' || (key.ctrl && input === 'c')) return { ...state, chosen: null };
  if (/^[1-9]$/.test(input) && Number(input) <= decks.length) return { highlighted: Number(input) - 1, chosen: decks[Number(input) - 1]! };
  return state;
}
