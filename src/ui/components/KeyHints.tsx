// The line of keys under the screen, for the phase on screen, in as many words as fit. On a
// narrow terminal the least used keys go first, each still with its word; "? help" stays, so
// whatever is not shown can be found.
import { Text } from 'ink';
import { displayWidth } from '../../core/text.js';
import type { Phase } from '../../session/types.js';

interface Hint {
  key: string;
  label: string;
  /** A shorter label, tried before any key is dropped. */
  short?: string;
  /** Lower goes first when the line is too long; the help key is never dropped. */
  keep: number;
}

const HELP: Hint = { key: '?', label: 'help', keep: Number.POSITIVE_INFINITY };

/** What a card on screen takes besides its main key, in the order shown. */
const CARD_KEYS: Hint[] = [
  { key: 'u', label: 'undo', keep: 5 },
  { key: 'b', label: 'bury', keep: 2 },
  { key: 's', label: 'suspend', keep: 1 },
  { key: 'e', label: 'edit', keep: 3 },
  HELP,
  { key: 'q', label: 'quit', keep: 6 },
];

const HINTS: Record<Phase, Hint[]> = {
  question: [{ key: 'Space', label: 'show answer', short: 'show', keep: 9 }, ...CARD_KEYS],
  answer: [{ key: '1-4', label: 'grade', keep: 9 }, ...CARD_KEYS],
  help: [{ key: 'any key', label: 'back to the session', short: 'back', keep: 9 }],
  waiting: [{ key: 'u', label: 'undo', keep: 1 }, HELP, { key: 'q', label: 'quit', keep: 9 }],
  'nothing-due': [{ key: 'q', label: 'leave', keep: 9 }, { key: 'u', label: 'undo', keep: 1 }, HELP],
  end: [{ key: 'q', label: 'leave', keep: 9 }, { key: 'u', label: 'undo', keep: 1 }, HELP],
  editor: [],
  error: [{ key: 'any key', label: 'try again', short: 'retry', keep: 2 }, { key: 'q', label: 'quit', keep: 9 }],
};

export interface HintLine {
  /** [key, label] pairs; label is empty when only the keys fit. */
  hints: [string, string][];
  separator: string;
}

const lengthOf = (line: HintLine) =>
  line.hints.reduce((sum, [key, label]) => sum + displayWidth(key) + (label ? displayWidth(label) + 1 : 0), 0) +
  displayWidth(line.separator) * Math.max(0, line.hints.length - 1);

/** Screens without a card, where `u` is offered only for what this session did. */
const OFF_CARD: readonly Phase[] = ['waiting', 'nothing-due', 'end'];

/**
 * The hints for `phase` in at most `width` columns: full words; then short ones; then, least
 * used first, keys are left out (never the help); at the very last, keys without words.
 * Without a card, `u` is offered only when this session has something to undo: on a fresh
 * "Nothing due" screen it would reach back into an earlier session, unasked.
 */
export function keyHintLine(phase: Phase, width: number, canUndo = true): HintLine {
  const hints = HINTS[phase].filter((hint) => canUndo || hint.key !== 'u' || !OFF_CARD.includes(phase));
  const full: HintLine = { hints: hints.map(({ key, label }) => [key, label]), separator: ' · ' };
  if (lengthOf(full) <= width) return full;
  let shown = [...hints];
  const line = (): HintLine => ({ hints: shown.map(({ key, label, short }) => [key, short ?? label]), separator: ' · ' });
  while (lengthOf(line()) > width && shown.some((hint) => hint.keep !== HELP.keep)) {
    const leastKept = shown.reduce((least, hint) => (hint.keep < least.keep ? hint : least));
    if (shown.length === 1) break;
    shown = shown.filter((hint) => hint !== leastKept);
  }
  if (lengthOf(line()) <= width) return line();
  return { hints: shown.map(({ key }) => [key, '']), separator: ' ' };
}

export function KeyHints({ phase, width, canUndo = true }: { phase: Phase; width: number; canUndo?: boolean }) {
  const { hints, separator } = keyHintLine(phase, width, canUndo);
  if (hints.length === 0) return null;
  return (
    <Text dimColor wrap="truncate">
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
