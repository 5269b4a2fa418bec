// The user's settings and their defaults, which are Anki's. Validation and the `config`
// command's key names live here too, so every place that reads a setting agrees on it.
import { UsageError } from '../core/errors.js';
import type { Settings } from '../core/types.js';
import { formatWeights, isValidParameters, parseWeights } from './parameters.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  desiredRetention: 0.9,
  maximumInterval: 36500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  fuzz: true,
  leechThreshold: 8,
  parameters: null,
});

/** The names `paperdeck config` takes, in the order it lists them, with the field each sets. */
export const SETTING_KEYS = Object.freeze({
  'desired-retention': 'desiredRetention',
  'maximum-interval': 'maximumInterval',
  'learning-steps': 'learningSteps',
  'relearning-steps': 'relearningSteps',
  'new-per-day': 'newPerDay',
  'reviews-per-day': 'reviewsPerDay',
  'day-start-hour': 'dayStartHour',
  fuzz: 'fuzz',
  'leech-threshold': 'leechThreshold',
  parameters: 'parameters',
} as const satisfies Record<string, keyof Settings>);

export type SettingKey = keyof typeof SETTING_KEYS;

/** What each setting does, in a few words, for `paperdeck config`. */
export const SETTING_DESCRIPTIONS: Readonly<Record<SettingKey, string>> = Object.freeze({
  'desired-retention': 'chance of recall when due (0.70-0.99)',
  'maximum-interval': 'longest interval in days (1-36500)',
  'learning-steps': 'steps of a new card (m/h/d, or none)',
  'relearning-steps': 'steps after a lapse (m/h/d, or none)',
  'new-per-day': 'new cards a day (0-100000; 0: none)',
  'reviews-per-day': 'reviews a day (0-100000; 0: none)',
  'day-start-hour': 'local hour a new day starts (0-23)',
  fuzz: 'spread due dates a little (on/off)',
  'leech-threshold': 'lapses that make a leech (1-9999; 0: never)',
  parameters: '21 FSRS-6 parameters (optimize fits them)',
});

export const SETTING_KEY_NAMES = Object.keys(SETTING_KEYS) as SettingKey[];

/** The settings and their ranges, for `paperdeck config --help`. */
export function settingsHelp(): string {
  const width = Math.max(...SETTING_KEY_NAMES.map((key) => key.length));
  const rows = SETTING_KEY_NAMES.map((key) => {
    const fallback = DEFAULT_SETTINGS[SETTING_KEYS[key]];
    const defaultText = key === 'parameters' ? "FSRS-6's" : formatSettingValue(key, fallback);
    return `  ${key.padEnd(width)}  ${SETTING_DESCRIPTIONS[key]}; default ${defaultText}`;
  });
  return [
    'Settings:',
    ...rows,
    '',
    'Examples:',
    '  paperdeck config desired-retention 0.85',
    '  paperdeck config learning-steps "1m 10m 1h"',
    '  paperdeck config new-per-day --reset',
    '  paperdeck config parameters --reset   (every deck back to FSRS-6\'s defaults)',
    'A value starting with "-" can also follow --: paperdeck config KEY -- VALUE',
  ].join('\n');
}

/** The config key for `name`: a kebab-case key, or the field's own camelCase name. */
export function settingKey(name: string): SettingKey {
  if (name in SETTING_KEYS) return name as SettingKey;
  for (const key of SETTING_KEY_NAMES) if (SETTING_KEYS[key] === name) return key;
  throw new UsageError(`unknown setting ${JSON.stringify(name)}; settings: ${SETTING_KEY_NAMES.join(', ')}`);
}

const MAX_STEP_MINUTES = 36500 * 1440;
const STEP = /^(\d+)([mhd])$/;
const STEP_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/** Minutes in one learning step such as "10m", "1h" or "2d". */
export function stepMinutes(step: string): number {
  const match = STEP.exec(step);
  if (!match) throw new UsageError(`invalid step ${JSON.stringify(step)}`);
  return Number(match[1]) * STEP_MINUTES[match[2] as keyof typeof STEP_MINUTES];
}

function parseSteps(key: SettingKey, raw: string): string[] {
  const text = raw.trim();
  if (text === '' || text.toLowerCase() === 'none') return [];
  const steps = text.split(/[\s,]+/).filter(Boolean);
  for (const step of steps) {
    const match = STEP.exec(step);
    // ts-fsrs reads steps with parseInt, so only whole numbers mean what they say.
    if (!match) {
      throw new UsageError(`${key}: ${JSON.stringify(step)} is not a step; write whole numbers with m, h or d, like "1m 10m" (or "none")`);
    }
    const minutes = stepMinutes(step);
    if (minutes <= 0 || minutes > MAX_STEP_MINUTES) {
      throw new UsageError(`${key}: ${JSON.stringify(step)} must be longer than 0 and at most 36500d`);
    }
  }
  return steps;
}

function parseWhole(key: SettingKey, raw: string, min: number, max: number, what: string): number {
  const text = raw.trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${key} must be ${what} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/**
 * Reads a value for `key` as typed on the command line, or refuses it with one clear line
 * (a UsageError). Returns the value in the Settings field's own type.
 */
export function parseSettingValue<K extends SettingKey>(key: K, raw: string): Settings[(typeof SETTING_KEYS)[K]];
export function parseSettingValue(key: SettingKey, raw: string): Settings[keyof Settings] {
  switch (key) {
    case 'desired-retention': {
      const text = raw.trim();
      const percent = text.endsWith('%');
      const number = /^\d*\.?\d+%?$/.test(text) ? Number(percent ? text.slice(0, -1) : text) : NaN;
      const value = percent ? number / 100 : number;
      // Rounded to avoid 0.7000000000000001 from "70%" failing the range check.
      const rounded = Math.round(value * 1e6) / 1e6;
      if (!Number.isFinite(rounded) || rounded < 0.7 || rounded > 0.99) {
        throw new UsageError(`desired-retention must be a number from 0.70 to 0.99 (got ${JSON.stringify(raw)})`);
      }
      return rounded;
    }
    case 'maximum-interval':
      return parseWhole(key, raw.trim().replace(/d$/, ''), 1, 36500, 'a whole number of days from 1 to 36500');
    case 'learning-steps':
    case 'relearning-steps':
      return parseSteps(key, raw);
    case 'new-per-day':
      return parseWhole(key, raw, 0, 100_000, 'a whole number from 0 to 100000');
    case 'reviews-per-day':
      return parseWhole(key, raw, 0, 100_000, 'a whole number from 0 to 100000');
    case 'day-start-hour':
      return parseWhole(key, raw, 0, 23, 'an hour from 0 to 23');
    case 'fuzz': {
      const text = raw.trim().toLowerCase();
      if (['on', 'true', 'yes', '1'].includes(text)) return true;
      if (['off', 'false', 'no', '0'].includes(text)) return false;
      throw new UsageError(`fuzz must be on or off (got ${JSON.stringify(raw)})`);
    }
    case 'leech-threshold':
      return parseWhole(key, raw, 0, 9999, 'a whole number of lapses from 1 to 9999, or 0 for never');
    case 'parameters': {
      if (['default', 'defaults'].includes(raw.trim().toLowerCase())) return null;
      return { weights: parseWeights(raw), fittedAt: null, reviews: null };
    }
  }
}

/** A value as `config` shows it, in the form `parseSettingValue` reads back. */
export function formatSettingValue(key: SettingKey, value: Settings[keyof Settings]): string {
  if (key === 'learning-steps' || key === 'relearning-steps') {
    const steps = value as string[];
    return steps.length ? steps.join(' ') : 'none';
  }
  if (key === 'fuzz') return value ? 'on' : 'off';
  if (key === 'parameters') return value === null ? 'default' : formatWeights((value as { weights: number[] }).weights);
  return String(value);
}

/** Whether `value` is one `key` accepts (for settings read back from disk). */
export function isValidSettingValue(key: SettingKey, value: unknown): boolean {
  if (key === 'parameters') return value === null || isValidParameters(value);
  let raw: string;
  if (key === 'learning-steps' || key === 'relearning-steps') {
    if (!Array.isArray(value) || !value.every((step) => typeof step === 'string')) return false;
    raw = value.length ? value.join(' ') : 'none';
  } else if (key === 'fuzz') {
    if (typeof value !== 'boolean') return false;
    raw = String(value);
  } else {
    if (typeof value !== 'number') return false;
    raw = String(value);
  }
  try {
    const parsed = parseSettingValue(key, raw);
    return JSON.stringify(parsed) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** The first stored setting that `config` would refuse, or null when all are valid. */
export function firstInvalidSetting(user: Partial<Record<keyof Settings, unknown>>): { key: SettingKey; value: unknown } | null {
  for (const key of SETTING_KEY_NAMES) {
    const value = user[SETTING_KEYS[key]];
    if (value !== undefined && !isValidSettingValue(key, value)) return { key, value };
  }
  return null;
}

/**
 * The defaults overlaid with the user's valid choices. Commands get their settings through the
 * store, which refuses an invalid stored value first (firstInvalidSetting); the dropping here
 * serves the places that must work with one: `config` mending it, and the daily backup.
 */
export function mergeSettings(user: Partial<Record<keyof Settings, unknown>> | undefined): Settings {
  const merged: Settings = { ...DEFAULT_SETTINGS, learningSteps: [...DEFAULT_SETTINGS.learningSteps], relearningSteps: [...DEFAULT_SETTINGS.relearningSteps] };
  if (!user) return merged;
  for (const key of SETTING_KEY_NAMES) {
    const field = SETTING_KEYS[key];
    const value = user[field];
    if (value !== undefined && isValidSettingValue(key, value)) {
      const copy = Array.isArray(value) ? [...value] : field === 'parameters' && value !== null ? { ...(value as object), weights: [...(value as { weights: number[] }).weights] } : value;
      (merged as unknown as Record<string, unknown>)[field] = copy;
    }
  }
  return merged;
}
