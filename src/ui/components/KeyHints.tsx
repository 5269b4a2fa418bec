// The line of keys under the screen, for the phase on screen, in as many words as fit.
import { Text } from 'ink';
import type { Phase } from '../../session/types.js';

type Hint = [key: string, label: string, short?: string];

const HINTS: Record<Phase, Hint[]> = {
  question: [['Space', 'show answer', 'show'], ['u', 'undo'], ['b', 'bury'], ['s', 'suspend'], ['e', 'edit'], ['?', 'help'], ['q', 'quit']],
  answer: [['1-4', 'grade'], ['u', 'undo'], ['b', 'bury'], ['s', 'suspend'], ['e', 'edit'], ['?', 'help'], ['q', 'quit']],
  help: [['any key', 'back to the session']],
  waiting: [['u', 'undo'], ['?', 'help'], ['q', 'quit']],
  'nothing-due': [['q', 'leave'], ['u', 'undo'], ['?', 'help']],
  end: [['q', 'leave'], ['u', 'undo'], ['?', 'help']],
  editor: [],
  error: [['any key', 'try again'], ['q', 'quit']],
};

export interface HintLine {
  /** [key, label] pairs; label may be empty when only the keys fit. */
  hints: [string, string][];
  separator: string;
}

/** The hints for `phase` in at most `width` columns: full words, then short ones, then keys alone. */
export function keyHintLine(phase: Phase, width: number): HintLine {
  const hints = HINTS[phase];
  const full = hints.map(([key, label]): [string, string] => [key, label]);
  const short = hints.map(([key, label, brief]): [string, string] => [key, brief ?? label]);
  const length = (line: HintLine) =>
    line.hints.reduce((sum, [key, label]) => sum + key.length + (label ? label.length + 1 : 0), 0) +
    line.separator.length * Math.max(0, line.hints.length - 1);
  const tries: HintLine[] = [
    { hints: full, separator: ' · ' },
    { hints: short, separator: ' · ' },
    { hints: short, separator: ' ' },
  ];
  return tries.find((line) => length(line) <= width) ?? { hints: hints.map(([key]) => [key, '']), separator: ' ' };
}

/** The hint line as plain text. */
export function keyHints(phase: Phase, width: number): string {
  const { hints, separator } = keyHintLine(phase, width);
  return hints.map(([key, label]) => (label ? `${key} ${label}` : key)).join(separator);
}

export function KeyHints({ phase, width }: { phase: Phase; width: number }) {
  const { hints, separator } = keyHintLine(phase, width);
  if (hints.length === 0) return null;
  return (
    <Text dimColor>
      {hints.map(([key, label], index) => (
        <Text key={key}>
          {index > 0 ? separator : ''}
          <Text bold>{key}</Text>
          {label ? ` ${label}` : ''}
        </Text>
      ))}
    </Text>
  );
}
