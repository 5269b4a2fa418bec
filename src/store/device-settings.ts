// The settings of a state folder shared by several machines. Each machine writes only its own
// file of changes, `settings/<device>.json`: for each key it changed, the value (null: reset to
// the default) and when. The settings in force take, key by key, the latest change on any
// machine (ties by device name), so every machine reads the same settings once the files are
// synced. The legacy `settings.json` (from before devices, and written by no one now) reads as
// the oldest change of each key it holds.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FsrsParameters, Settings } from '../core/types.js';
import { DurableJsonFile, UnreadableFileError } from './atomic-file.js';
import { corruptedFileError } from './corruption.js';
import { isDeviceName } from './device.js';
import { DEVICE_SETTINGS_DIR, SETTINGS_FILE } from './layout.js';
import { SETTINGS_MIGRATIONS, SETTINGS_SCHEMA_VERSION, isJsonObject, migrate, pickSettings, type JsonObject } from './schema.js';

/** One change of one key: its value (null when it was reset) and when it was made. */
interface Change {
  value: unknown;
  at: number;
}

interface ChangesDoc {
  paperdeck: 'settings-changes';
  schemaVersion: number;
  device: string;
  settings: Record<string, Change>;
  /** Each deck's own FSRS parameters (`optimize`), changed as one value. */
  decks: Record<string, Change>;
}

/** The settings in force, and which file holds the change that won for each key. */
export interface SettingsView {
  settings: Partial<Settings>;
  deckParameters: Record<string, unknown>;
  fileOfKey(key: string): string;
  fileOfDeck(deck: string): string;
  /** The winning change of each key (and deck), for the next change to come after. */
  readonly latest: ReadonlyMap<string, { at: number; device: string }>;
}

/** A change that came from the legacy settings.json: older than any. */
const LEGACY_AT = -Infinity;

function readJson(file: string, stateDir: string): unknown {
  try {
    return new DurableJsonFile(file, { pretty: true }).read();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw corruptedFileError(stateDir, file, error.reason, 'default-settings');
    throw error;
  }
}

function isChange(value: unknown): value is Change {
  return isJsonObject(value) && typeof value.at === 'number' && 'value' in value;
}

export class DeviceSettingsFiles {
  private readonly legacyFile: string;
  private readonly ownFile: string;

  constructor(
    private readonly stateDir: string,
    private readonly device: string,
  ) {
    this.legacyFile = join(stateDir, SETTINGS_FILE);
    this.ownFile = join(stateDir, DEVICE_SETTINGS_DIR, `${device}.json`);
  }

  /** The legacy file's settings and deck parameters, as paperdeck always read them. */
  private readLegacy(): { settings: JsonObject; decks: JsonObject } {
    const raw = readJson(this.legacyFile, this.stateDir);
    if (raw === null) return { settings: {}, decks: {} };
    if (!isJsonObject(raw)) throw corruptedFileError(this.stateDir, this.legacyFile, 'not a settings document', 'default-settings');
    const { doc } = migrate(raw, SETTINGS_MIGRATIONS, SETTINGS_SCHEMA_VERSION, this.legacyFile);
    if (doc === null || !isJsonObject(doc.settings) || (doc.decks !== undefined && !isJsonObject(doc.decks))) {
      throw corruptedFileError(this.stateDir, this.legacyFile, 'not a settings document', 'default-settings');
    }
    const decks: JsonObject = {};
    for (const [deck, own] of Object.entries((doc.decks ?? {}) as JsonObject)) {
      if (isJsonObject(own) && own.parameters !== undefined) decks[deck] = own.parameters;
    }
    return { settings: pickSettings(doc.settings) as JsonObject, decks };
  }

  /** A device's changes file, or null when there is none. */
  private readChanges(file: string): ChangesDoc | null {
    const raw = readJson(file, this.stateDir);
    if (raw === null) return null;
    if (!isJsonObject(raw)) throw corruptedFileError(this.stateDir, file, 'not a settings document', 'default-settings');
    const { doc } = migrate(raw, {}, SETTINGS_SCHEMA_VERSION, file);
    if (doc === null || doc.paperdeck !== 'settings-changes' || !isJsonObject(doc.settings) || !isJsonObject(doc.decks)) {
      throw corruptedFileError(this.stateDir, file, 'not a settings document', 'default-settings');
    }
    for (const change of [...Object.values(doc.settings), ...Object.values(doc.decks)]) {
      if (!isChange(change)) throw corruptedFileError(this.stateDir, file, 'a change without a value and a time', 'default-settings');
    }
    return doc as unknown as ChangesDoc;
  }

  /** Every device's changes file, by device name. */
  private deviceFiles(): { device: string; file: string }[] {
    let names: string[];
    try {
      names = readdirSync(join(this.stateDir, DEVICE_SETTINGS_DIR));
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.json') && isDeviceName(name.slice(0, -5)))
      .sort()
      .map((name) => ({ device: name.slice(0, -5), file: join(this.stateDir, DEVICE_SETTINGS_DIR, name) }));
  }

  read(): SettingsView {
    const winners = new Map<string, { value: unknown; at: number; device: string; file: string }>();
    const offer = (key: string, change: Change, device: string, file: string) => {
      const held = winners.get(key);
      if (!held || change.at > held.at || (change.at === held.at && device > held.device)) winners.set(key, { ...change, device, file });
    };
    const legacy = this.readLegacy();
    for (const [key, value] of Object.entries(legacy.settings)) offer(`s:${key}`, { value, at: LEGACY_AT }, '', this.legacyFile);
    for (const [deck, value] of Object.entries(legacy.decks)) offer(`d:${deck}`, { value, at: LEGACY_AT }, '', this.legacyFile);
    for (const { device, file } of this.deviceFiles()) {
      const doc = this.readChanges(file);
      if (!doc) continue;
      for (const [key, change] of Object.entries(doc.settings)) offer(`s:${key}`, change, device, file);
      for (const [deck, change] of Object.entries(doc.decks)) offer(`d:${deck}`, change, device, file);
    }
    const settings: JsonObject = {};
    const deckParameters: Record<string, unknown> = {};
    const latest = new Map<string, { at: number; device: string }>();
    for (const [key, won] of winners) {
      latest.set(key, { at: won.at, device: won.device });
      if (won.value === null || won.value === undefined) continue;
      if (key.startsWith('s:')) settings[key.slice(2)] = won.value;
      else deckParameters[key.slice(2)] = won.value;
    }
    return {
      settings: pickSettings(settings),
      deckParameters,
      fileOfKey: (key) => winners.get(`s:${key}`)?.file ?? this.legacyFile,
      fileOfDeck: (deck) => winners.get(`d:${deck}`)?.file ?? this.legacyFile,
      latest,
    };
  }

  /**
   * Writes, into this device's file, a change for each key whose value differs from `view`'s (and
   * each key in `touched`, set or reset by the user now, even to the value it has),
   * made at `now`, or just after the change it replaces when that one is later still (another
   * machine's clock ahead): a change made after seeing another wins over it everywhere.
   */
  record(view: SettingsView, settings: Partial<Settings>, deckParameters: Record<string, unknown>, now: number, touched: readonly string[] = []): SettingsView {
    const doc: ChangesDoc = this.readChanges(this.ownFile) ?? {
      paperdeck: 'settings-changes',
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      device: this.device,
      settings: {},
      decks: {},
    };
    const when = (key: string) => {
      const held = view.latest.get(key);
      return held && held.at >= now ? held.at + 1 : now;
    };
    const old = view.settings as JsonObject;
    const next = settings as JsonObject;
    const asked = new Set(touched);
    for (const key of new Set([...Object.keys(old), ...Object.keys(next), ...touched])) {
      if (!asked.has(key) && JSON.stringify(old[key]) === JSON.stringify(next[key])) continue;
      doc.settings[key] = { value: next[key] ?? null, at: when(`s:${key}`) };
    }
    for (const deck of new Set([...Object.keys(view.deckParameters), ...Object.keys(deckParameters)])) {
      if (JSON.stringify(view.deckParameters[deck]) === JSON.stringify(deckParameters[deck])) continue;
      doc.decks[deck] = { value: (deckParameters[deck] as FsrsParameters | undefined) ?? null, at: when(`d:${deck}`) };
    }
    mkdirSync(join(this.stateDir, DEVICE_SETTINGS_DIR), { recursive: true });
    new DurableJsonFile(this.ownFile, { pretty: true }).write(doc);
    return this.read();
  }
}
