// The card: its question (the paper's title) and where it came from; once shown, the answer
// and the four grades, each with the interval it would give.
import { Box, Text } from 'ink';
import type { Rating } from '../../core/types.js';
import type { IntervalPreview, ShownCard } from '../../session/types.js';
import { Tinted, type Tone } from '../theme.js';
import { fitText, wordWrap } from '../wrap.js';

const GRADES: { rating: Rating; name: string; tone: Tone }[] = [
  { rating: 1, name: 'Again', tone: 'again' },
  { rating: 2, name: 'Hard', tone: 'hard' },
  { rating: 3, name: 'Good', tone: 'good' },
  { rating: 4, name: 'Easy', tone: 'easy' },
];

/** "Monday morning · C14 · notes.txt:37" */
export function sourceLine(card: ShownCard): string {
  const { session, code, file, line } = card.source;
  return [session, code, `${file}:${line}`].filter((part) => part !== '').join(' · ');
}

export function GradeBar({ previews }: { previews: readonly IntervalPreview[] }) {
  return (
    <Text>
      {GRADES.map((grade, index) => {
        const label = previews.find((preview) => preview.rating === grade.rating)?.label ?? '';
        return (
          <Text key={grade.rating}>
            {index > 0 ? ' · ' : ''}
            <Text bold>{grade.rating}</Text> <Tinted tone={grade.tone}>{grade.name}</Tinted> {label}
          </Text>
        );
      })}
    </Text>
  );
}

export function CardView({
  card,
  showAnswer,
  width,
  maxAnswerLines = Number.POSITIVE_INFINITY,
}: {
  card: ShownCard;
  showAnswer: boolean;
  width: number;
  /** A longer answer is cut (the note has it all: `e`), so the frame stays shorter than the terminal. */
  maxAnswerLines?: number;
}) {
  return (
    <Box flexDirection="column">
      <Text bold>{wordWrap(card.question, width)}</Text>
      <Text dimColor>{wordWrap(sourceLine(card), width)}</Text>
      {showAnswer ? (
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor wrap="truncate">
            {'─'.repeat(Math.min(width, 40))}
          </Text>
          <Text>{fitText(card.answer, width, maxAnswerLines)}</Text>
          <Box marginTop={1}>
            <GradeBar previews={card.previews} />
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
