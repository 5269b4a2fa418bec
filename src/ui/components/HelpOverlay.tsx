// The help: every key of the study screen, and how to read the counts.
import { Box, Text } from 'ink';
import { Tinted } from '../theme.js';

const KEYS: [string, string][] = [
  ['Space, Enter', 'show the answer'],
  ['1 2 3 4', 'Again, Hard, Good, Easy (once the answer shows)'],
  ['u', 'undo the last rating (again and again)'],
  ['b', 'bury: put the card away until tomorrow'],
  ['s', 'suspend: put the card away until unsuspended'],
  ['e', "edit the card's note in $EDITOR; the deck is rebuilt"],
  ['?', 'this help'],
  ['q, Esc', 'quit; every rating is already saved'],
];

export function HelpOverlay() {
  return (
    <Box flexDirection="column">
      <Text bold>Keys</Text>
      {KEYS.map(([key, what]) => (
        <Box key={key} flexDirection="row">
          <Box width={14} flexShrink={0}>
            <Text bold>{key}</Text>
          </Box>
          <Text>{what}</Text>
        </Box>
      ))}
      <Box marginTop={1}>
        <Text>
          Counts still to go today: <Tinted tone="new">new</Tinted> cards, <Tinted tone="learning">learning</Tinted> steps
          (minutes apart), <Tinted tone="review">review</Tinted> cards due.
        </Text>
      </Box>
    </Box>
  );
}
