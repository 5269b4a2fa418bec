// From what the terminal sent to the session's keys. Typed fast, several keys arrive in one
// read ("␣3␣3"), and the terminal reader hands them over as one string: each character is a key
// of its own, in order, so none is lost.
import type { SessionKey } from './types.js';

/** The few flags of a key event the session reads (Ink's `Key` has these and more). */
export interface KeyFlags {
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
}

const BY_CHARACTER: Record<string, SessionKey> = {
  ' ': 'show',
  '\r': 'show',
  '\n': 'show',
  '1': '1',
  '2': '2',
  '3': '3',
  '4': '4',
  u: 'undo',
  b: 'bury',
  s: 'suspend',
  e: 'edit',
  '?': 'help',
  q: 'quit',
  '\u001b': 'quit',
  '\u0003': 'interrupt',
};

export function keysFromInput(input: string, flags: KeyFlags): SessionKey[] {
  if (flags.ctrl && input === 'c') return ['interrupt'];
  if (input === '') {
    if (flags.return) return ['show'];
    if (flags.escape) return ['quit'];
    return []; // arrows, function keys: nothing to do
  }
  if (flags.ctrl) return ['other'];
  return Array.from(input, (character) => BY_CHARACTER[character.toLowerCase()] ?? 'other');
}
