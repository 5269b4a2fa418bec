// `paperdeck config`, run as the built binary on a real state folder.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { openState } from '../../src/store/index.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { paperdeck, sourcesLoadedBy, workspace } from '../schedule/built-cli.js';


function config(state: string, args: string[]) {
  return paperdeck(['config', ...args, '--state', state]);
}

function json(state: string, args: string[] = []) {
  const result = config(state, [...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const DEFAULTS = {
  'desired-retention': 0.9,
  'maximum-interval': 36500,
  'learning-steps': ['1m', '10m'],
  'relearning-steps': ['10m'],
  'new-per-day': 20,
  'reviews-per-day': 200,
  'day-start-hour': 4,
  fuzz: true,
  'leech-threshold': 8,
  parameters: null,
};

describe('paperdeck config', () => {
  it("shows Anki's defaults without creating the state folder", () => {
    const { state } = workspace();
    expect(json(state)).toEqual({ settings: DEFAULTS, defaults: DEFAULTS, changed: [], deckParameters: {} });
    const text = config(state, []);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SETTING\s+VALUE\s+DEFAULT\s+WHAT IT DOES$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['desired-retention', '0.9', '0.9'],
      ['maximum-interval', '36500', '36500'],
      ['learning-steps', '1m 10m', '1m 10m'],
      ['relearning-steps', '10m', '10m'],
      ['new-per-day', '20', '20'],
      ['reviews-per-day', '200', '200'],
      ['day-start-hour', '4', '4'],
      ['fuzz', 'on', 'on'],
      ['leech-threshold', '8', '8'],
      ['parameters', 'default', 'default'],
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/chance of recall when due \(0\.70-0\.99\)$/);
    expect(existsSync(state)).toBe(false);
  });

  it('sets a value, shows it, and keeps it for the scheduler', async () => {
    const { state } = workspace();
    const set = config(state, ['desired-retention', '0.85']);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toBe('desired-retention = 0.85 (was 0.9)\n');
    expect(config(state, ['desired-retention']).stdout).toBe('0.85\n');
    expect(json(state, ['desired-retention'])).toEqual({ key: 'desired-retention', value: 0.85, default: 0.9 });
    expect(json(state, ['learning-steps', '2m 15m 1h'])).toEqual({ key: 'learning-steps', value: ['2m', '15m', '1h'], previous: ['1m', '10m'], default: ['1m', '10m'] });
    expect(config(state, ['relearning-steps', 'none']).stdout).toBe('relearning-steps = none (was 10m)\n');
    expect(config(state, ['fuzz', 'off']).code).toBe(0);
    expect(config(state, ['newPerDay', '0']).stdout).toBe('new-per-day = 0 (was 20)\n');
    const all = json(state);
    expect(all.changed).toEqual(['desired-retention', 'learning-steps', 'relearning-steps', 'new-per-day', 'fuzz']);
    const listing = config(state, []).stdout;
    expect(listing).toMatch(/^desired-retention\s+0\.85 \*\s+0\.9\s+chance/m);
    expect(listing).toMatch(/^\* set by you; npx paperdeck config KEY --reset puts one back$/m);
    const store = await openState(state, { mode: 'read', clock: new ManualClock(0) });
    try {
      expect(store.settings()).toEqual({
        ...DEFAULT_SETTINGS,
        desiredRetention: 0.85,
        learningSteps: ['2m', '15m', '1h'],
        relearningSteps: [],
        newPerDay: 0,
        fuzz: false,
      });
    } finally {
      store.close();
    }
  });

  it('refuses a bad value or key with one line and exit 2, changing nothing', () => {
    const { state } = workspace();
    // Each setting's own refusals are held in test/schedule/settings.test.ts; here, that the
    // command says them in one line, exits 2 and writes nothing.
    const cases: [string[], RegExp][] = [
      [['desired-retention', '1.2'], /^paperdeck: desired-retention must be a number from 0\.70 to 0\.99 \(got "1\.2"\)\n$/],
      [['learning-steps', '1m ten'], /^paperdeck: learning-steps: "ten" is not a step; write whole numbers with m, h or d/],
      [['fuzz', 'sometimes'], /^paperdeck: fuzz must be on or off/],
      [['retention', '0.8'], /^paperdeck: unknown setting "retention"; settings: desired-retention, maximum-interval, /],
      [['fuzz', 'on', '--reset'], /^paperdeck: --reset takes a setting name, not a value\n$/],
    ];
    for (const [args, message] of cases) {
      const result = config(state, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
    expect(existsSync(state)).toBe(false);
  });

  it('puts one setting, or all, back to the default', () => {
    const { state } = workspace();
    config(state, ['new-per-day', '5']);
    config(state, ['day-start-hour', '0']);
    expect(json(state, ['new-per-day', '--reset'])).toEqual({ key: 'new-per-day', value: 20, previous: 5, default: 20 });
    expect(json(state).changed).toEqual(['day-start-hour']);
    const all = config(state, ['--reset']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^all settings are back to their defaults\n/);
    expect(json(state).changed).toEqual([]);
  });

  it('says what a reset did, also to a hand-edited invalid value', () => {
    const { state } = workspace();
    expect(config(state, ['new-per-day', '5']).stdout).toBe('new-per-day = 5 (was 20)\n');
    expect(config(state, ['new-per-day', '--reset']).stdout).toBe('new-per-day = 20 (reset to default; was 5)\n');
    expect(config(state, ['new-per-day', '--reset']).stdout).toBe('new-per-day = 20 (already the default)\n');
    expect(config(state, ['fuzz', 'on']).stdout).toBe('fuzz = on (unchanged)\n');
    expect(config(state, ['fuzz', '--reset']).stdout).toBe('fuzz = on (reset to default)\n');

    // A hand-edited settings.json (the file from before devices, which only ever reads as the
    // oldest change): in a state folder where nothing was changed since.
    const edited = workspace().state;
    mkdirSync(edited, { recursive: true });
    const invalid = { schemaVersion: 1, settings: { newPerDay: -3, relearningSteps: ['soon'] } };
    writeFileSync(join(edited, 'settings.json'), JSON.stringify(invalid));
    expect(config(edited, ['new-per-day', '--reset'])).toMatchObject({
      code: 0,
      stdout: 'new-per-day = 20 (reset to default; was the invalid -3)\n',
    });
    expect(json(edited, ['relearning-steps', '--reset'])).toEqual({
      key: 'relearning-steps',
      value: ['10m'],
      previous: ['10m'],
      default: ['10m'],
      invalidStored: ['soon'],
    });
    const again = workspace().state;
    mkdirSync(again, { recursive: true });
    writeFileSync(join(again, 'settings.json'), JSON.stringify(invalid));
    expect(config(again, ['new-per-day', '7']).stdout).toBe('new-per-day = 7 (was the invalid -3)\n');
  });

  it('takes a value that starts with a dash as the value (and refuses it as the key would)', () => {
    const { state } = workspace();
    const cases: [string[], string][] = [
      [['relearning-steps', '-1m'], 'paperdeck: relearning-steps: "-1m" is not a step; write whole numbers with m, h or d, like "1m 10m" (or "none")\n'],
      [['new-per-day', '-5'], 'paperdeck: new-per-day must be a whole number from 0 to 100000 (got "-5")\n'],
      [['new-per-day', '--five'], 'paperdeck: unknown option \'--five\'; a value that starts with "-" can be written: npx paperdeck config new-per-day -- VALUE\n'],
      [['--bogus'], "paperdeck: unknown option '--bogus' (see npx paperdeck config --help)\n"],
    ];
    for (const [args, message] of cases) {
      const result = config(state, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(message);
    }
    expect(existsSync(state)).toBe(false);
    // After --, every word is an operand: the state folder goes before it.
    const afterDashes = paperdeck(['config', '--state', state, 'new-per-day', '--', '-5']);
    expect(afterDashes).toMatchObject({ code: 2, stderr: 'paperdeck: new-per-day must be a whole number from 0 to 100000 (got "-5")\n' });
    expect(paperdeck(['config', '--state', state, 'leech-threshold', '--', '12']).stdout).toBe('leech-threshold = 12 (was 8)\n');
  });

  it('lists every setting with its range and default in config --help', () => {
    const help = paperdeck(['config', '--help']);
    expect(help.code).toBe(0);
    const lines = help.stdout.split('\n');
    for (const key of Object.keys(DEFAULTS)) expect(lines.some((line) => line.startsWith(`  ${key} `)), key).toBe(true);
    expect(help.stdout).toMatch(/^ {2}desired-retention +chance of recall when due \(0\.70-0\.99\); default 0\.9$/m);
    expect(help.stdout).toMatch(/^ {2}new-per-day +new cards a day \(0-100000; 0: none\); default 20$/m);
    expect(help.stdout).toMatch(/^ {2}leech-threshold +lapses that make a leech \(1-9999; 0: never\); default 8$/m);
    expect(help.stdout).toMatch(/paperdeck config KEY -- VALUE/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('refuses to set while a study session holds the state, naming it, but still shows', async () => {
    const { state } = workspace();
    const writer = await openState(state, { mode: 'write', clock: new ManualClock(Date.parse('2026-06-01T09:00:00Z')), command: 'paperdeck study papers' });
    try {
      const refused = config(state, ['new-per-day', '3']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^paperdeck: .*paperdeck study papers.*\n$/);
      expect(config(state, ['new-per-day']).stdout).toBe('20\n');
    } finally {
      writer.close();
    }
    expect(config(state, ['new-per-day', '3']).code).toBe(0);
  });

  it('loads neither Ink nor React', async () => {
    const sources = await sourcesLoadedBy('config');
    expect(sources.some((s) => s.includes('src/schedule/settings.ts'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(s) || s.includes('src/ui/'))).toEqual([]);
  });
});
