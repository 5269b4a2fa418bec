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
