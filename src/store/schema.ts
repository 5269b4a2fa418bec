// Schema versions of the state files and the migrations between them. Every lowdb document
// carries `schemaVersion`; the review log carries it in its first (header) line. A file from a
// newer paperdeck is refused rather than misread; an older one is migrated in memory on read
// (the file on disk is only rewritten by the next ordinary save, and the daily backup keeps the
// old form).
import { UserError } from '../core/errors.js';
import type { Settings } from '../core/types.js';
import { DEFAULT_SETTINGS } from '../schedule/settings.js';
import { displayPath } from './layout.js';

export const SETTINGS_SCHEMA_VERSION = 1;
export const SNAPSHOT_SCHEMA_VERSION = 1;
/**
 * Version 1 entry lines come in two forms, both read (log-codec.ts): the plain LogEntry the
 * first builds wrote, and the compact form written since. Nothing had been released in between,
 * so the version stayed.
 */
export const LOG_SCHEMA_VERSION = 1;

export type JsonObject = Record<string, unknown>;

/** Turns a document of version `n` (the key) into one of version `n + 1`. */
export type Migration = (doc: JsonObject) => JsonObject;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * settings.json. Version 0 is the settings object on its own, with no envelope and no
 * schemaVersion (what a plain lowdb JSON file of settings looks like).
 */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: (doc) => ({ schemaVersion: 1, settings: doc }),
};

/**
 * snapshot.json. A snapshot is a cache of the review log, so an older one without a migration
 * here is simply rebuilt from the log instead.
 */
export const SNAPSHOT_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult = { doc: JsonObject; from: number } | { doc: null; from: number };

/**
 * Brings `doc` up to `current` through `table`. A document without `schemaVersion` counts as
 * version 0. Throws the "made by a newer paperdeck" UserError for versions above `current`;
 * returns `doc: null` when no migration path exists.
 */
export function migrate(
  doc: JsonObject,
  table: Readonly<Record<number, Migration>>,
  current: number,
  file: string,
): MigrationResult {
  const raw = doc.schemaVersion;
  const from = raw === undefined ? 0 : typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : -1;
  if (from < 0) return { doc: null, from };
  if (from > current) throw newerSchemaError(file, from, current);
  let version = from;
  let migrated = doc;
  while (version < current) {
    const step = table[version];
    if (!step) return { doc: null, from };
    migrated = step(migrated);
    const next = migrated.schemaVersion;
    if (typeof next !== 'number' || next <= version) throw new Error(`migration from schema ${version} did not advance`);
    version = next;
  }
  return { doc: migrated, from };
}

const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Only the keys paperdeck knows; anything else in the file is ignored. */
export function pickSettings(value: JsonObject): Partial<Settings> {
  const picked: JsonObject = {};
  for (const key of SETTINGS_KEYS) if (value[key] !== undefined) picked[key] = value[key];
  return picked as Partial<Settings>;
}

/** A file whose content is fine on its own but written by a newer paperdeck. */
export function newerSchemaError(file: string, found: number, known: number): UserError {
  return new UserError(
    `${displayPath(file)} was made by a newer paperdeck (schema version ${found}; this one knows up to ${known}); update paperdeck to open it`,
  );
}
