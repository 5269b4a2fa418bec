// The help: every key of the study screen, and how to read the counts. Drawn as rows wrapped
// beforehand, so the screen knows its height (and can cut it on a small terminal).
import type { ReactElement } from 'react';
import { Text } from 'ink';
import { wrap } from '../../core/text.js';
import { Tinted } from '../theme.js';
import { cli } from '../../core/invocation.js';

const KEYS: [string, string][] = [
  ['Space, Enter', 'show the answer'],
  ['1 2 3 4', 'Again, Hard, Good, Easy (once the answer shows)'],
  ['u', 'undo the last rating (again and again)'],
  ['b', 'bury: put the card away until tomorrow'],
  ['s', `suspend: put the card away until \`${cli()} unsuspend\``],
  ['e', "edit the card's note in $EDITOR; the deck is rebuilt"],
  ['?', 'this help'],
  ['q, Esc', 'quit; every rating is already saved'],
];

const KEY_COLUMN = 14;
const COUNTS = 'Counts still to go today: new cards, learning steps (minutes apart), review cards due.';

/** The counts' words in their colours, the rest plain. */
function tintCounts(line: string): ReactElement[] {
  return line.split(/\b(new|learning|review)\b/).map((part, index) =>
    part === 'new' || part === 'learning' || part === 'review' ? (
      <Tinted key={index} tone={part}>
        {part}
      </Tinted>
    ) : (
      <Text key={index}>{part}</Text>
    ),
  );
}

/** The help as rows of at most `width` columns. */
export function helpRows(width: number): ReactElement[] {
  const rows: ReactElement[] = [<Text key="title" bold>Keys</Text>];
  const textWidth = Math.max(10, width - KEY_COLUMN);
  for (const [key, what] of KEYS) {
    wrap(what, textWidth).forEach((line, index) => {
      rows.push(
        <Text key={`${key}-${index}`}>
          <Text bold>{(index === 0 ? key : '').padEnd(KEY_COLUMN)}</Text>
          {line}
        </Text>,
      );
    });
  }
  rows.push(<Text key="gap"> </Text>);
  wrap(COUNTS, width).forEach((line, index) => rows.push(<Text key={`counts-${index}`}>{tintCounts(line)}</Text>));
  return rows;
}
