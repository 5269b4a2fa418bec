// The top of the study screen: the deck, Anki's three counts (still to go today) and a bar for
// the session's progress (cards done of done + still to go).
import { Box, Text } from 'ink';
import type { QueueCounts } from '../../session/types.js';
import { Tinted } from '../theme.js';

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

/** "███████░░░░░░░ 7/20": filled in proportion to done / (done + remaining). */
export function progressBar(done: number, remaining: number, width: number): string {
  const total = done + remaining;
  const label = ` ${done}/${total}`;
  const barWidth = Math.max(8, width - label.length);
  const filled = total === 0 ? barWidth : Math.round((barWidth * done) / total);
  return '█'.repeat(filled) + '░'.repeat(barWidth - filled) + label;
}

export function Header({
  deck,
  counts,
  done,
  width,
  showProgress,
}: {
  deck: string;
  counts: QueueCounts;
  done: number;
  width: number;
  showProgress: boolean;
}) {
  const remaining = counts.new + counts.learning + counts.review;
  return (
    <Box flexDirection="column">
      <Box flexDirection="row" flexWrap="wrap" justifyContent="space-between" columnGap={2}>
        <Text bold>{deck}</Text>
        <Counts counts={counts} />
      </Box>
      {showProgress ? (
        <Text dimColor wrap="truncate">
          {progressBar(done, remaining, width)}
        </Text>
      ) : null}
    </Box>
  );
}
