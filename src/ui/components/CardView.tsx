// The card: its question (the paper's title) and where it came from; once shown, the answer
// and the four grades, each with the interval it would give. What fits is decided in rows
// beforehand (layout.ts: layoutCard); this only draws it.
import { Box, Text } from 'ink';
import type { IntervalPreview } from '../../session/types.js';
import { GRADE_SEPARATOR, type CardLayout } from '../layout.js';
import { Tinted, type Tone } from '../theme.js';

const GRADE_TONES: Tone[] = ['again', 'hard', 'good', 'easy'];

/** One row of grades: "1 Again 1 min · 2 Hard 6 min". */
export function GradeRow({ previews }: { previews: readonly IntervalPreview[] }) {
  return (
    <Text>
      {previews.map((preview, index) => (
        <Text key={preview.rating}>
          {index > 0 ? GRADE_SEPARATOR : ''}
          <Text bold>{preview.rating}</Text> <Tinted tone={GRADE_TONES[preview.rating - 1]!}>{preview.name}</Tinted>{' '}
          {preview.label}
        </Text>
      ))}
    </Text>
  );
}

export function CardView({ layout, width }: { layout: CardLayout; width: number }) {
  const { answer, spaced } = layout;
  return (
    <Box flexDirection="column">
      <Text bold>{layout.question.join('\n')}</Text>
      {layout.source.length > 0 ? <Text dimColor>{layout.source.join('\n')}</Text> : null}
      {answer ? (
        <Box flexDirection="column" marginTop={spaced ? 1 : 0}>
          <Text dimColor wrap="truncate">
            {'─'.repeat(Math.min(width, 40))}
          </Text>
          <Text>{answer.join('\n')}</Text>
          <Box flexDirection="column" marginTop={spaced ? 1 : 0}>
            {layout.grades.map((row) => (
              <GradeRow key={row[0]!.rating} previews={row} />
            ))}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
