// The line of keys under the screen, for the phase on screen, in as many words as fit.
import { Text } from 'ink';
import type { Phase } from '../../session/types.js';

type Hint = [key: string, label: string, short?: string];

const HINTS: Record<Phase, Hint[]> = {
  question: [['Space', 'show answer', 'show'], ['u', 'undo'], ['b', 'bury'], ['s', 'suspend'], ['e', 'edit'], ['?', 'help'], ['q', 'quit']],
  answer: [['1-4', 'grade'], ['u', 'undo'], ['b', 'bury'], ['s', 'suspend'], ['e', 'edit'], ['?', 'help'], ['q', 'quit']],
  help: [['any key', 'back to the session']],
  waiting: [['u', 'undo'], ['?', 'help'], ['q', 'quit']],
  'nothing-due': [['Enter', 'leave'], ['u', 'undo'], ['?', 'help']],
  end: [['Enter', 'leave'], ['u', 'undo'], ['?', 'help']],
  editor: [],
  error: [['any key', 'try again'], ['q', 'quit']],
};

/** The hints for `phase` in at most `width` columns: full words, then short ones, then keys alone. */
export function keyHints(phase: Phase, width: number): string {
  const hints = HINTS[phase];
  const full = hints.map(([key, label]) => `${key} ${label}`).join(' · ');
  if (full.length <= width) return full;
  const short = hints.map(([key, label, brief]) => `${key} ${brief ?? label}`).join(' · ');
  if (short.length <= width) return short;
  const tight = hints.map(([key, label, brief]) => `${key} ${brief ?? label}`).join(' ');
  if (tight.length <= width) return tight;
  return hints.map(([key]) => key).join(' ');
}

export function KeyHints({ phase, width }: { phase: Phase; width: number }) {
  const text = keyHints(phase, width);
  return text ? <Text dimColor>{text}</Text> : null;
}
