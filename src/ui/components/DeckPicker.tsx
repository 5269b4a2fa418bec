// A simple select list for choosing the deck when there are several and none was named.
import { useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { toSafeLine } from '../../core/sanitize.js';
import { Tinted } from '../theme.js';

export function DeckPicker({ decks, onDone }: { decks: readonly string[]; onDone: (deck: string | null) => void }) {
  // The highlighted row lives in a ref as well as in state: "↓⏎" typed in one go arrives in one
  // batch, before any re-render, and Enter must see where ↓ went.
  const current = useRef(0);
  const done = useRef(false);
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const move = (step: number) => {
    current.current = (current.current + step + decks.length) % decks.length;
    setIndex(current.current);
  };
  const finish = (deck: string | null) => {
    if (done.current) return;
    done.current = true;
    setChosen(deck);
    onDone(deck);
  };
  useInput(
    (input, key) => {
      if (key.upArrow || input === 'k') move(-1);
      else if (key.downArrow || input === 'j') move(1);
      else if (key.return || input === ' ') finish(decks[current.current] ?? null);
      else if (key.escape || input === 'q' || (key.ctrl && input === 'c')) finish(null);
      else if (/^[1-9]$/.test(input) && Number(input) <= decks.length) finish(decks[Number(input) - 1]!);
    },
    { isActive: chosen === undefined },
  );
  if (chosen !== undefined) return chosen === null ? null : <Text dimColor>Deck: {toSafeLine(chosen)}</Text>;
  return (
    <Box flexDirection="column">
      <Text bold>Which deck?</Text>
      {decks.map((deck, i) => (
        <Text key={deck}>
          {i === index ? <Tinted tone="accent">{'❯ '}</Tinted> : '  '}
          {i < 9 ? `${i + 1} ` : '  '}
          {i === index ? <Text bold>{toSafeLine(deck)}</Text> : toSafeLine(deck)}
        </Text>
      ))}
      <Text dimColor>↑↓ choose · Enter study · q cancel</Text>
    </Box>
  );
}
