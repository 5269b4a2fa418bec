// `paperdeck config [KEY [VALUE]] [--reset]`: show every setting, show one, set one (validated:
// a bad value is refused with one line and exit 2), or put one or all back to Anki's default.
// Showing reads the state without a lock; only setting and resetting take the writer lock.
//
// --json: all settings → { settings, defaults, changed: [key] }; one → { key, value, default };
// set or reset one → { key, value, previous, default }. Keys are the kebab-case names; values
// are typed (numbers, booleans, arrays of steps).
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { formatTable, outputWidth } from '../format.js';
import { UsageError } from '../../core/errors.js';
import type { Settings } from '../../core/types.js';
import {
  DEFAULT_SETTINGS,
  formatSettingValue,
  mergeSettings,
  parseSettingValue,
  SETTING_DESCRIPTIONS,
  SETTING_KEY_NAMES,
  SETTING_KEYS,
  settingKey,
  type SettingKey,
} from '../../schedule/settings.js';
import { openState } from '../../store/index.js';

type Value = Settings[keyof Settings];

function valueOf(settings: Settings, key: SettingKey): Value {
  return settings[SETTING_KEYS[key]];
}

function byKey(settings: Settings): Record<SettingKey, Value> {
  return Object.fromEntries(SETTING_KEY_NAMES.map((key) => [key, valueOf(settings, key)])) as Record<SettingKey, Value>;
}

const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

function showAll(ctx: CommandContext, settings: Settings): void {
  const changed = SETTING_KEY_NAMES.filter((key) => !same(valueOf(settings, key), valueOf(DEFAULT_SETTINGS, key)));
  if (ctx.json) {
    printJson(ctx, { settings: byKey(settings), defaults: byKey(DEFAULT_SETTINGS), changed });
    return;
  }
  const rows = SETTING_KEY_NAMES.map((key) => [
    key,
    formatSettingValue(key, valueOf(settings, key)) + (changed.includes(key) ? ' *' : ''),
    formatSettingValue(key, valueOf(DEFAULT_SETTINGS, key)),
    SETTING_DESCRIPTIONS[key],
  ]);
  ctx.out(formatTable([{ header: 'SETTING' }, { header: 'VALUE' }, { header: 'DEFAULT' }, { header: 'WHAT IT DOES', flex: true, min: 20 }], rows, outputWidth()));
  if (changed.length) ctx.out('* set by you; paperdeck config KEY --reset puts one back\n');
}

/** Opens the state for writing, applies `change` to the user's settings and saves them. */
function saveUserSettings(ctx: CommandContext, change: (user: Partial<Settings>) => Partial<Settings>): { before: Settings; after: Settings } {
  const store = openState(ctx.places.stateDir, { mode: 'write', clock: ctx.clock, command: 'paperdeck config' });
  try {
    const user = store.userSettings();
    const before = mergeSettings(user);
    const next = change(user);
    store.saveSettings(next);
    return { before, after: mergeSettings(next) };
  } finally {
    store.close();
  }
}

export async function run(ctx: CommandContext, args: CommandArgs<{ reset?: boolean }>): Promise<number> {
  const [rawKey, rawValue] = args.positional.map((p) => (typeof p === 'string' ? p : undefined));
  const reset = Boolean(args.flags.reset);
  if (reset && rawValue !== undefined) throw new UsageError('--reset takes a setting name, not a value');

  if (rawKey === undefined) {
    if (reset) {
      const { after } = saveUserSettings(ctx, () => ({}));
      if (!ctx.json) ctx.out('all settings are back to their defaults\n');
      showAll(ctx, after);
      return 0;
    }
    const store = openState(ctx.places.stateDir, { mode: 'read', clock: ctx.clock });
    let settings: Settings;
    try {
      settings = store.settings();
    } finally {
      store.close();
    }
    showAll(ctx, settings);
    return 0;
  }

  const key = settingKey(rawKey);
  const field = SETTING_KEYS[key];
  const fallback = valueOf(DEFAULT_SETTINGS, key);

  if (rawValue === undefined && !reset) {
    const store = openState(ctx.places.stateDir, { mode: 'read', clock: ctx.clock });
    let value: Value;
    try {
      value = valueOf(store.settings(), key);
    } finally {
      store.close();
    }
    if (ctx.json) printJson(ctx, { key, value, default: fallback });
    else ctx.out(`${formatSettingValue(key, value)}\n`);
    return 0;
  }

  // Validated before the state is opened: a refused value changes nothing.
  const parsed = reset ? undefined : parseSettingValue(key, rawValue!);
  const { before, after } = saveUserSettings(ctx, (user) => {
    const next: Partial<Record<keyof Settings, unknown>> = { ...user };
    if (parsed === undefined) delete next[field];
    else next[field] = parsed;
    return next as Partial<Settings>;
  });
  const previous = valueOf(before, key);
  const value = valueOf(after, key);
  if (ctx.json) {
    printJson(ctx, { key, value, previous, default: fallback });
  } else {
    const was = same(previous, value) ? ' (unchanged)' : ` (was ${formatSettingValue(key, previous)})`;
    ctx.out(`${key} = ${formatSettingValue(key, value)}${reset ? ' (default)' : ''}${was}\n`);
  }
  return 0;
}
