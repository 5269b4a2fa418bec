// A simple select list for choosing the deck when there are several and none was named, each
// deck with what is due in it now. Once a deck is chosen the list draws nothing, so it leaves
// no trace above the session.
import { useEffect, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { toSafeLine } from '../../core/sanitize.js';
import { displayWidth } from '../../core/text.js';
import { PICKER_START, pickerStep, type PickerState } from '../../session/picker.js';
import type { QueueCounts } from '../../session/types.js';
import { Tinted } from '../theme.js';
import { Counts } from './Header.js';

export interface DeckChoice {
  name: string;
  /** What a session started now would show, or null when it cannot be told cheaply. */
  counts: QueueCounts | null;
  /** Said instead of the counts ("notes changed"). */
  remark: string | null;
}

export function DeckPicker({ decks, onDone }: { decks: readonly DeckChoice[]; onDone: (deck: string | null) => void }) {
  const names = decks.map((deck) => deck.name);
  // The state lives in a ref as well as in React state: "↓⏎" typed in one go arrives in one
  // batch, before any re-render, and Enter must see where ↓ went.
  const current = useRef<PickerState>(PICKER_START);
  const [state, setState] = useState<PickerState>(PICKER_START);
  const finished = state.chosen !== undefined;
  // Told once the empty frame is committed, so whoever unmounts the picker then finds the list
  // already erased.
  useEffect(() => {
    if (finished) onDone(state.chosen ?? null);
  }, [finished, state.chosen, onDone]);
  useInput(
    (input, key) => {
      current.current = pickerStep(current.current, names, input, key);
      setState(current.current);
    },
    { isActive: !finished },
  );
  const index = state.highlighted;
  if (finished) return null;
  const nameWidth = Math.max(...decks.map((deck) => displayWidth(toSafeLine(deck.name))));
  return (
    <Box flexDirection="column">
      <Text bold>Which deck?</Text>
      {decks.map((deck, i) => {
        const name = toSafeLine(deck.name);
        return (
          <Text key={deck.name} wrap="truncate-end">
            {i === index ? <Tinted tone="accent">{'❯ '}</Tinted> : '  '}
            {i < 9 ? `${i + 1} ` : '  '}
            {i === index ? <Text bold>{name}</Text> : name}
            {' '.repeat(nameWidth - displayWidth(name) + 2)}
            {deck.counts ? <Counts counts={deck.counts} /> : <Text dimColor>{deck.remark ?? ''}</Text>}
          </Text>
        );
      })}
      <Text dimColor>↑↓ choose · Enter study · q cancel</Text>
    </Box>
  );
}
