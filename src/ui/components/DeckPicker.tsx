// A simple select list for choosing the deck when there are several and none was named, each
// deck with what is due in it now. Once a deck is chosen the list draws nothing, so it leaves
// no trace above the session.
import { useEffect, useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { toSafeLine } from '../../core/sanitize.js';
import { displayWidth } from '../../core/text.js';
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
  // The highlighted row lives in a ref as well as in state: "↓⏎" typed in one go arrives in one
  // batch, before any re-render, and Enter must see where ↓ went.
  const current = useRef(0);
  const chosen = useRef<string | null | undefined>(undefined);
  const [index, setIndex] = useState(0);
  const [finished, setFinished] = useState(false);
  const move = (step: number) => {
    current.current = (current.current + step + decks.length) % decks.length;
    setIndex(current.current);
  };
  const finish = (deck: string | null) => {
    if (chosen.current !== undefined) return;
    chosen.current = deck;
    setFinished(true);
  };
  // Told once the empty frame is committed, so whoever unmounts the picker then finds the list
  // already erased.
  useEffect(() => {
    if (finished) onDone(chosen.current ?? null);
  }, [finished, onDone]);
  useInput(
    (input, key) => {
      if (key.upArrow || input === 'k') move(-1);
      else if (key.downArrow || input === 'j') move(1);
      else if (key.return || input === ' ') finish(decks[current.current]?.name ?? null);
      else if (key.escape || input === 'q' || (key.ctrl && input === 'c')) finish(null);
      else if (/^[1-9]$/.test(input) && Number(input) <= decks.length) finish(decks[Number(input) - 1]!.name);
    },
    { isActive: !finished },
  );
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
