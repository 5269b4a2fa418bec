// `paperdeck config [KEY [VALUE]] [--reset]`: show every setting, show one, set one (validated:
// a bad value is refused with one line and exit 2), or put one or all back to Anki's default.
// Showing reads the state without a lock; only setting and resetting take the writer lock.
//
// --json: all settings → { settings, defaults, changed: [key], deckParameters: { deck: parameters } };
// one → { key, value, default } (parameters: also decks, each deck's own);
// set or reset one → { key, value, previous, default } (and invalidStored: the hand-edited value
// it replaced, when that was invalid). Keys are the kebab-case names; values
// are typed (numbers, booleans, arrays of steps).
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { formatTable, outputWidth, wrap } from '../format.js';
import { UsageError } from '../../core/errors.js';
import type { FsrsParameters, Settings } from '../../core/types.js';
import { formatWeights, isValidParameters, parametersSummary, weightsOf } from '../../schedule/parameters.js';
import {
  DEFAULT_SETTINGS,
  formatSettingValue,
  isValidSettingValue,
  mergeSettings,
  parseSettingValue,
  SETTING_DESCRIPTIONS,
  SETTING_KEY_NAMES,
  SETTING_KEYS,
  settingKey,
  type SettingKey,
} from '../../schedule/settings.js';
import { openState } from '../../store/index.js';
import { cli } from '../../core/invocation.js';
import { measured } from '../../core/text.js';

/** Widths are measured only when what is printed needs them (core/text.ts measured). */
export const loadsTextWidths = true;

type Value = Settings[keyof Settings];

function valueOf(settings: Settings, key: SettingKey): Value {
  return settings[SETTING_KEYS[key]];
}

function byKey(settings: Settings): Record<SettingKey, Value> {
  return Object.fromEntries(SETTING_KEY_NAMES.map((key) => [key, valueOf(settings, key)])) as Record<SettingKey, Value>;
}

const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

/** Each deck's own parameters that are valid, by deck (an invalid one is named when the deck is used). */
function validDeckParameters(stored: Record<string, unknown>): Record<string, FsrsParameters> {
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, FsrsParameters] => isValidParameters(entry[1])));
}

/** A value as the settings table shows it: the parameters in a few words, the rest as typed. */
function tableValue(key: SettingKey, value: Value): string {
  return key === 'parameters' ? parametersSummary(value as FsrsParameters | null) : formatSettingValue(key, value);
}

async function showAll(ctx: CommandContext, settings: Settings, deckParameters: Record<string, FsrsParameters>): Promise<void> {
  const changed = SETTING_KEY_NAMES.filter((key) => !same(valueOf(settings, key), valueOf(DEFAULT_SETTINGS, key)));
  if (ctx.json) {
    printJson(ctx, { settings: byKey(settings), defaults: byKey(DEFAULT_SETTINGS), changed, deckParameters });
    return;
  }
  const rows = SETTING_KEY_NAMES.map((key) => [
    key,
    tableValue(key, valueOf(settings, key)) + (changed.includes(key) ? ' *' : ''),
    tableValue(key, valueOf(DEFAULT_SETTINGS, key)),
    SETTING_DESCRIPTIONS[key],
  ]);
  for (const [deck, parameters] of Object.entries(deckParameters)) {
    // The date in the value column, the rest where the table has room for it.
    const fitted = parameters.fittedAt === null ? 'set by hand' : parametersSummary({ ...parameters, reviews: null });
    const reviews = parameters.reviews === null ? '' : `, ${parameters.reviews.toLocaleString('en-US')} reviews`;
    rows.push([`(deck ${deck})`, `${fitted} *`, '', `its own${reviews}`]);
  }
  ctx.out(await measured(() => formatTable([{ header: 'SETTING' }, { header: 'VALUE' }, { header: 'DEFAULT' }, { header: 'WHAT IT DOES', flex: true, min: 20 }], rows, outputWidth())));
  if (changed.length || Object.keys(deckParameters).length) {
    // A deck's parameters were fitted by optimize (or typed): not "set by you" for those.
    const who = Object.keys(deckParameters).length ? 'set by you, or fitted' : 'set by you';
    ctx.out(`* ${who}; ${cli()} config KEY --reset puts one back\n`);
  }
}

/**
 * Opens the state for writing, applies `change` to the user's settings and saves them. `stored`
 * is what the settings file held before, as written there (a hand-edited value may be invalid).
 */
async function saveUserSettings(
  ctx: CommandContext,
  change: (user: Partial<Settings>) => Partial<Settings>,
  /** Also remove every deck's own parameters (a reset of the parameters, or of everything). */
  clearDeckParameters = false,
  /**
   * The keys the user set or reset now: each is a change of its own, recorded even when its value
   * here does not change, so that it wins over an earlier change another machine made.
   */
  touched: 'all' | (keyof Settings)[] = 'all',
): Promise<{ before: Settings; after: Settings; stored: Partial<Record<keyof Settings, unknown>>; clearedDecks: string[] }> {
  const store = await openState(ctx.places.stateDir, { mode: 'write', clock: ctx.clock, command: 'paperdeck config' });
  try {
    const user = store.userSettings();
    const before = mergeSettings(user);
    const next = change(user);
    const clearedDecks = clearDeckParameters ? Object.keys(store.deckParameters()) : [];
    store.saveSettings(next, clearDeckParameters ? {} : undefined, touched);
    return { before, after: mergeSettings(next), stored: user, clearedDecks };
  } finally {
    store.close();
  }
}

/** Refuses an option commander let through as a word (it lets `-1m` through as a value). */
function refuseOption(word: string | undefined, key?: SettingKey): void {
  if (word === undefined || !word.startsWith('-')) return;
  if (key === undefined) throw new UsageError(`unknown option '${word}' (see ${cli()} config --help)`);
  // A single dash is a value such as "-1m" or "-5", refused (or not) by the key's own check.
  if (word.startsWith('--')) {
    throw new UsageError(`unknown option '${word}'; a value that starts with "-" can be written: ${cli()} config ${key} -- VALUE`);
  }
}

/** What the text output says after a set or reset, in parentheses. */
function changeNote(key: SettingKey, reset: boolean, previous: Value, value: Value, stored: unknown): string {
  const storedInvalid = stored !== undefined && !isValidSettingValue(key, stored);
  const was = storedInvalid ? `was the invalid ${JSON.stringify(stored)}` : `was ${formatSettingValue(key, previous)}`;
  if (reset) {
    if (stored === undefined) return ' (already the default)';
    return same(previous, value) && !storedInvalid ? ' (reset to default)' : ` (reset to default; ${was})`;
  }
  return same(previous, value) && !storedInvalid ? ' (unchanged)' : ` (${was})`;
}

export async function run(ctx: CommandContext, args: CommandArgs<{ reset?: boolean }>): Promise<number> {
  const [rawKey, rawValue] = args.positional.map((p) => (typeof p === 'string' ? p : undefined));
  const reset = Boolean(args.flags.reset);
  refuseOption(rawKey);
  if (reset && rawValue !== undefined) throw new UsageError('--reset takes a setting name, not a value');

  if (rawKey === undefined) {
    if (reset) {
      const { after } = await saveUserSettings(ctx, () => ({}), true);
      if (!ctx.json) ctx.out('all settings are back to their defaults\n');
      await showAll(ctx, after, {});
      return 0;
    }
    const store = await openState(ctx.places.stateDir, { mode: 'read', clock: ctx.clock });
    let settings: Settings;
    let deckParameters: Record<string, FsrsParameters>;
    try {
      settings = store.settings();
      deckParameters = validDeckParameters(store.deckParameters());
    } finally {
      store.close();
    }
    await showAll(ctx, settings, deckParameters);
    return 0;
  }

  const key = settingKey(rawKey);
  refuseOption(rawValue, key);
  const field = SETTING_KEYS[key];
  const fallback = valueOf(DEFAULT_SETTINGS, key);

  if (rawValue === undefined && !reset) {
    const store = await openState(ctx.places.stateDir, { mode: 'read', clock: ctx.clock });
    let value: Value;
    let deckParameters: Record<string, FsrsParameters>;
    try {
      value = valueOf(store.settings(), key);
      deckParameters = validDeckParameters(store.deckParameters());
    } finally {
      store.close();
    }
    if (key === 'parameters') {
      // The global ones, then each deck's own: how each was had, and the 21 numbers.
      if (ctx.json) {
        printJson(ctx, { key, value, default: fallback, decks: deckParameters });
        return 0;
      }
      const width = outputWidth();
      const show = async (label: string, parameters: FsrsParameters | null) =>
        ctx.out(await measured(() => `${label}: ${parametersSummary(parameters)}\n${wrap(formatWeights(weightsOf(parameters)), width, { indent: '  ' }).join('\n')}\n`));
      await show('global', value as FsrsParameters | null);
      for (const [deck, parameters] of Object.entries(deckParameters)) await show(`deck ${deck}`, parameters);
      return 0;
    }
    if (ctx.json) printJson(ctx, { key, value, default: fallback });
    else ctx.out(`${formatSettingValue(key, value)}\n`);
    return 0;
  }

  // Validated before the state is opened: a refused value changes nothing.
  const parsed = reset ? undefined : parseSettingValue(key, rawValue!);
  // Resetting the parameters goes back to FSRS-6's defaults everywhere: the decks' own fits too.
  const { before, after, stored, clearedDecks } = await saveUserSettings(
    ctx,
    (user) => {
      const next: Partial<Record<keyof Settings, unknown>> = { ...user };
      if (parsed === undefined) delete next[field];
      else next[field] = parsed;
      return next as Partial<Settings>;
    },
    reset && key === 'parameters',
    [field],
  );
  const previous = valueOf(before, key);
  const value = valueOf(after, key);
  const storedValue = stored[field];
  if (ctx.json) {
    const invalid = storedValue !== undefined && !isValidSettingValue(key, storedValue) ? { invalidStored: storedValue } : {};
    const cleared = key === 'parameters' && reset ? { clearedDecks } : {};
    printJson(ctx, { key, value, previous, default: fallback, ...invalid, ...cleared });
  } else {
    const decksNote = clearedDecks.length ? ` and the parameters fitted to ${clearedDecks.join(', ')} removed` : '';
    const note = decksNote && stored[field] === undefined ? ` (reset to default${decksNote})` : `${changeNote(key, reset, previous, value, storedValue)}${decksNote}`;
    // Wrapped: the parameters' old value alone is 21 numbers.
    const line = `${key} = ${key === 'parameters' ? tableValue(key, value) : formatSettingValue(key, value)}${note}`;
    ctx.out(await measured(() => `${wrap(line, outputWidth(), { firstIndent: '', indent: '  ' }).join('\n')}\n`));
  }
  return 0;
}
