import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import {
  DEFAULT_SETTINGS,
  formatSettingValue,
  mergeSettings,
  parseSettingValue,
  SETTING_KEY_NAMES,
  SETTING_KEYS,
  settingKey,
} from '../../src/schedule/settings.js';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a refusal');
}

describe('setting keys', () => {
  it('names every setting in kebab-case and accepts the camelCase field name too', () => {
    expect(SETTING_KEY_NAMES).toEqual([
      'desired-retention',
      'maximum-interval',
      'learning-steps',
      'relearning-steps',
      'new-per-day',
      'reviews-per-day',
      'day-start-hour',
      'fuzz',
      'leech-threshold',
      'parameters',
    ]);
    expect(Object.values(SETTING_KEYS).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(settingKey('newPerDay')).toBe('new-per-day');
    expect(refusal(() => settingKey('retention'))).toMatch(/unknown setting "retention"; settings: desired-retention, /);
  });
});

describe('parseSettingValue', () => {
  it('takes desired retention from 0.70 to 0.99, as a fraction or a percentage', () => {
    expect(parseSettingValue('desired-retention', '0.85')).toBe(0.85);
    expect(parseSettingValue('desired-retention', '0.7')).toBe(0.7);
    expect(parseSettingValue('desired-retention', '0.99')).toBe(0.99);
    expect(parseSettingValue('desired-retention', '70%')).toBe(0.7);
    for (const bad of ['0.69', '0.995', '1', '90', 'high', '', '-0.8', 'NaN']) {
      expect(refusal(() => parseSettingValue('desired-retention', bad))).toMatch(/^desired-retention must be a number from 0.70 to 0.99/);
    }
  });

  it('takes a maximum interval of 1 to 36500 whole days', () => {
    expect(parseSettingValue('maximum-interval', '365')).toBe(365);
    expect(parseSettingValue('maximum-interval', '180d')).toBe(180);
    expect(parseSettingValue('maximum-interval', '1')).toBe(1);
    expect(parseSettingValue('maximum-interval', '36500')).toBe(36500);
    for (const bad of ['0', '36501', '1.5', 'forever', '-3']) {
      expect(refusal(() => parseSettingValue('maximum-interval', bad))).toMatch(/^maximum-interval must be a whole number of days from 1 to 36500/);
    }
  });

  it('takes steps in m, h and d, separated by spaces or commas; "none" or nothing for no steps', () => {
    expect(parseSettingValue('learning-steps', '1m 10m')).toEqual(['1m', '10m']);
    expect(parseSettingValue('learning-steps', ' 5m,1h  1d ')).toEqual(['5m', '1h', '1d']);
    expect(parseSettingValue('relearning-steps', 'none')).toEqual([]);
    expect(parseSettingValue('relearning-steps', '')).toEqual([]);
    expect(parseSettingValue('learning-steps', 'none')).toEqual([]);
    expect(refusal(() => parseSettingValue('learning-steps', '1m 10'))).toMatch(/learning-steps: "10" is not a step/);
    expect(refusal(() => parseSettingValue('learning-steps', '1.5m'))).toMatch(/"1.5m" is not a step/);
    expect(refusal(() => parseSettingValue('relearning-steps', '10s'))).toMatch(/relearning-steps: "10s" is not a step/);
    expect(refusal(() => parseSettingValue('learning-steps', '0m'))).toMatch(/"0m" must be longer than 0/);
    expect(refusal(() => parseSettingValue('learning-steps', '36501d'))).toMatch(/at most 36500d/);
  });

  it('takes daily limits of 0 or more whole cards', () => {
    expect(parseSettingValue('new-per-day', '0')).toBe(0);
    expect(parseSettingValue('new-per-day', '50')).toBe(50);
    expect(parseSettingValue('reviews-per-day', '0')).toBe(0);
    expect(parseSettingValue('reviews-per-day', '9999')).toBe(9999);
    for (const bad of ['-1', '2.5', 'lots', '']) {
      expect(refusal(() => parseSettingValue('new-per-day', bad))).toMatch(/^new-per-day must be a whole number from 0/);
      expect(refusal(() => parseSettingValue('reviews-per-day', bad))).toMatch(/^reviews-per-day must be a whole number from 0/);
    }
  });

  it('takes a day start hour of 0 to 23', () => {
    expect(parseSettingValue('day-start-hour', '0')).toBe(0);
    expect(parseSettingValue('day-start-hour', '23')).toBe(23);
    expect(refusal(() => parseSettingValue('day-start-hour', '24'))).toMatch(/^day-start-hour must be an hour from 0 to 23/);
    expect(refusal(() => parseSettingValue('day-start-hour', '4am'))).toMatch(/day-start-hour/);
  });

  it('takes fuzz as on/off/true/false', () => {
    for (const on of ['on', 'ON', 'true', 'yes', '1']) expect(parseSettingValue('fuzz', on)).toBe(true);
    for (const off of ['off', 'false', 'no', '0']) expect(parseSettingValue('fuzz', off)).toBe(false);
    expect(refusal(() => parseSettingValue('fuzz', 'maybe'))).toMatch(/^fuzz must be on or off/);
  });

  it('takes a leech threshold of 1 or more lapses, 0 meaning never', () => {
    expect(parseSettingValue('leech-threshold', '8')).toBe(8);
    expect(parseSettingValue('leech-threshold', '0')).toBe(0);
    expect(refusal(() => parseSettingValue('leech-threshold', '-2'))).toMatch(/^leech-threshold must be/);
  });
});

describe('formatSettingValue', () => {
  it('shows each default in the form parseSettingValue reads back', () => {
    for (const key of SETTING_KEY_NAMES) {
      const value = DEFAULT_SETTINGS[SETTING_KEYS[key]];
      expect(parseSettingValue(key, formatSettingValue(key, value))).toEqual(value);
    }
    expect(formatSettingValue('learning-steps', ['1m', '10m'])).toBe('1m 10m');
    expect(formatSettingValue('relearning-steps', [])).toBe('none');
    expect(formatSettingValue('fuzz', false)).toBe('off');
  });
});

describe('mergeSettings', () => {
  it("overlays the user's valid choices on Anki's defaults and ignores invalid ones", () => {
    expect(mergeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const merged = mergeSettings({ newPerDay: 5, desiredRetention: 1.5, learningSteps: ['2m'], fuzz: 'yes', dayStartHour: 0 });
    expect(merged).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5, learningSteps: ['2m'], dayStartHour: 0 });
    expect(DEFAULT_SETTINGS.learningSteps).toEqual(['1m', '10m']);
  });
});
