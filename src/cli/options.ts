// The options the quick path (quick.ts) and commander (program.ts) both know, defined once so
// the two read them alike.

export interface OptionSpec {
  /** Key in the parsed flags. */
  key: 'decks' | 'state' | 'json';
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

/** Every command that prints data takes it. */
export const JSON_OPTION: OptionSpec = { key: 'json', flags: '--json', description: 'print one JSON document on stdout', takesValue: false };
