// A simple select list for choosing the deck when there are several and none was named, each
// deck with what is due in it now. Once a deck is chosen the list draws nothing, so it leaves
// no trace above the session.
import { useEffect, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { toSafeLine } from '../../core/sanitize.js';
import { displayWidth } from '../../core/text.js';
import { entryNames, pickerEntries, pickerStep, type PickerState } from '../../session/picker.js';
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
  const { entries, start } = pickerEntries(decks);
  const names = entryNames(entries);
  // The state lives in a ref as well as in React state: "↓⏎" typed in one go arrives in one
  // batch, before any re-render, and Enter must see where ↓ went.
  const current = useRef<PickerState>(start);
  const [state, setState] = useState<PickerState>(start);
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
      {entries.map((entry, i) => {
        const choice = entry.kind === 'deck' ? (entry.deck as DeckChoice) : null;
        const name = choice ? toSafeLine(choice.name) : `All decks (${entry.kind === 'all' ? entry.due : 0} due)`;
        return (
          <Text key={choice ? choice.name : names[i]} wrap="truncate-end">
            {i === index ? <Tinted tone="accent">{'❯ '}</Tinted> : '  '}
            {i < 9 ? `${i + 1} ` : '  '}
            {i === index ? <Text bold>{name}</Text> : name}
            {choice ? ' '.repeat(Math.max(0, nameWidth - displayWidth(name)) + 2) : null}
            {choice ? choice.counts ? <Counts counts={choice.counts} /> : <Text dimColor>{choice.remark ?? ''}</Text> : <Text dimColor>{`  ${entry.kind === 'all' ? entry.decks : 0} decks, one after the other`}</Text>}
          </Text>
        );
      })}
      <Text dimColor>↑↓ choose · Enter study · q cancel</Text>
    </Box>
  );
}
