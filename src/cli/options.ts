// The options the quick paths (quick.ts) and commander (program.ts) both know, defined once so
// the two read them alike; and the one check of a flag that takes a whole number.
import { UsageError } from '../core/errors.js';
import { toSafeLine } from '../core/sanitize.js';

export interface OptionSpec {
  /** Key in the parsed flags. */
  key: 'decks' | 'state' | 'json' | 'all' | 'new' | 'ahead';
  /** As commander writes it. */
  flags: string;
  description: string;
  /** Whether the option takes a value (`--decks DIR`) or is a switch (`--json`). */
  takesValue: boolean;
}

/** Where decks and state live; commander takes them before or after the command. */
export const PLACE_OPTIONS: readonly OptionSpec[] = [
  { key: 'decks', flags: '--decks <dir>', description: 'decks folder (default: decks/ in the project; env PAPERDECK_DECKS)', takesValue: true },
  { key: 'state', flags: '--state <dir>', description: 'review state folder (default: state/ in the project; env PAPERDECK_STATE)', takesValue: true },
];

/** `study`'s own: every deck in one session, and Anki's custom study for this session. */
export const STUDY_OPTIONS: readonly OptionSpec[] = [
  { key: 'all', flags: '--all', description: 'study every deck with cards due, one after the other, in one session', takesValue: false },
  { key: 'new', flags: '--new <n>', description: "allow N more new cards today than the daily limit, for this session only (Anki's custom study)", takesValue: true },
  { key: 'ahead', flags: '--ahead <days>', description: 'also review the cards due within the next DAYS days (their reviews are real, logged now)', takesValue: true },
];

/** Every command that prints data takes it. */
export const JSON_OPTION: OptionSpec = { key: 'json', flags: '--json', description: 'print one JSON document on stdout', takesValue: false };

/**
 * The whole number flag `--name` holds (commander's key: camelCase), checked to lie in
 * [min, max]; undefined when the flag was not given. Anything else is a usage error that says
 * what the flag takes.
 */
export function wholeNumberFlag(flags: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const raw = flags[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (!/^\d{1,10}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not ${JSON.stringify(toSafeLine(text.slice(0, 40)))}`);
  }
  return Number(text);
}
