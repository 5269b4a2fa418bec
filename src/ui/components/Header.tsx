// The top of the study screen: the deck, Anki's three counts (still to go today) and a bar for
// the session's progress, labelled with what it counts: answers given against the answers
// today's work still takes (a new card takes one a learning step). Against the cards to go, the
// bar stood still while the first answers only moved cards into learning.
import { Box, Text } from 'ink';
import { displayWidth, plural } from '../../core/text.js';
import type { QueueCounts } from '../../session/types.js';
import { headerSplits } from '../layout.js';
import { Tinted } from '../theme.js';

export function countsText(counts: QueueCounts): string {
  return `${counts.new} new · ${counts.learning} learning · ${counts.review} review`;
}

export function Counts({ counts }: { counts: QueueCounts }) {
  return (
    <Text>
      <Tinted tone="new">{counts.new} new</Tinted>
      {' · '}
      <Tinted tone="learning">{counts.learning} learning</Tinted>
      {' · '}
      <Tinted tone="review">{counts.review} review</Tinted>
    </Text>
  );
}

/**
 * "███████░░░░░░░ 7 answers, about 33 to go": filled in proportion to answers / (answers + to
 * go). "About": answers to go assume Good each time; an Again adds its steps back.
 */
export function progressBar(answers: number, remaining: number, width: number): string {
  const total = answers + remaining;
  const label = ` ${plural(answers, 'answer')}, ${remaining === 0 ? 'none' : `about ${remaining}`} to go`;
  const barWidth = Math.max(8, width - displayWidth(label));
  const filled = total === 0 ? barWidth : Math.round((barWidth * answers) / total);
  return '█'.repeat(filled) + '░'.repeat(barWidth - filled) + label;
}

/** Rows the header takes. */
export function headerHeight(deck: string, counts: QueueCounts, width: number, showProgress: boolean): number {
  return (headerSplits(deck, countsText(counts), width) ? 2 : 1) + (showProgress ? 1 : 0);
}

export function Header({
  deck,
  counts,
  answers,
  toGo,
  width,
  showProgress,
}: {
  deck: string;
  counts: QueueCounts;
  answers: number;
  /** About how many answers today's work still takes. */
  toGo: number;
  width: number;
  showProgress: boolean;
}) {
  const split = headerSplits(deck, countsText(counts), width);
  return (
    <Box flexDirection="column">
      {split ? (
        <>
          <Text bold wrap="truncate">
            {deck}
          </Text>
          <Text wrap="truncate">
            <Counts counts={counts} />
          </Text>
        </>
      ) : (
        <Box flexDirection="row" justifyContent="space-between" columnGap={2}>
          <Text bold>{deck}</Text>
          <Counts counts={counts} />
        </Box>
      )}
      {showProgress ? (
        <Text dimColor wrap="truncate">
          {progressBar(answers, toGo, width)}
        </Text>
      ) : null}
    </Box>
  );
}
