// Where each state file lives inside the state folder, and how paths are shown to the user.
// Every other store module asks here, so the layout is written down once.
import { isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../core/errors.js';

export const SETTINGS_FILE = 'settings.json';
export const DECKS_DIR = 'decks';
export const LOG_FILE = 'log.ndjson';
export const SNAPSHOT_FILE = 'snapshot.json';
/** Per deck, beside the log: what `paperdeck due` counts, left by the last session (due-index.ts). */
export const DUE_INDEX_FILE = 'due-index.json';
/**
 * Per deck, in a machine's local folder: a cache of each log's facts as the statistics read
 * them (facts-cache.ts), `facts/<device>.bin`, and `facts/_legacy.bin` for the log from before
 * devices (a device name never starts with `_`).
 */
export const FACTS_DIR = 'facts';
export const LEGACY_FACTS_FILE = '_legacy.bin';
/** Per deck, in a machine's local folder: the review tally `stats` shows the history from (stats-cache.ts). */
export const STATS_CACHE_FILE = 'stats-tally.json';
export const BACKUPS_DIR = 'backups';
/** Inside BACKUPS_DIR: the one backup copy of each deck's review log, `<deck>.ndjson`. */
export const BACKUP_LOGS_DIR = 'logs';
export const LOCK_DIR = '.lock';
export const LOCK_OWNER_FILE = '.lock-owner.json';

/**
 * The deck's folder inside the state folder. Callers validate deck names; this guard only keeps
 * a name from reaching outside `decks/` (a path separator, `..`, a hidden name, a NUL).
 */
export function deckStateDir(stateDir: string, deck: string): string {
  if (
    deck === '' ||
    deck.startsWith('.') ||
    deck.includes('/') ||
    deck.includes('\\') ||
    deck.includes('\0') ||
    deck.includes(sep)
  ) {
    throw new UsageError(`not a deck name: ${JSON.stringify(deck)}`);
  }
  return join(stateDir, DECKS_DIR, deck);
}

/** A path as the user should read it: relative to the current folder when it is inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel;
}

/** A folder as the user should read it, with a trailing slash. */
export function displayDir(path: string): string {
  const shown = displayPath(path);
  return shown.endsWith('/') ? shown : `${shown}/`;
}

/** "2026-11-26T10-00-00Z": an instant as a file-name-safe, sortable UTC stamp. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/** The instant a `fileStamp` names (ignoring any "-2" suffix), or NaN. */
export function parseFileStamp(stamp: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(stamp);
  if (!match) return Number.NaN;
  return Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
}

/** Per deck, beside the legacy log: one review log per device, `<device>.ndjson`, each written by its device alone. */
export const DEVICE_LOGS_DIR = 'logs';
/** What each device keeps for itself alone (caches, lock, backups): `local/<device>/`, never read by another. */
export const LOCAL_DIR = 'local';
/** One record per device that has written here, `devices/<device>.json`, written once by that device. */
export const DEVICES_DIR = 'devices';
/** Each device's settings changes, `settings/<device>.json`, beside the legacy `settings.json`. */
export const DEVICE_SETTINGS_DIR = 'settings';

/** Device `device`'s own review log of `deck`. */
export function deviceLogFile(stateDir: string, deck: string, device: string): string {
  return join(deckStateDir(stateDir, deck), DEVICE_LOGS_DIR, `${device}.ndjson`);
}

/** The folder of what device `device` keeps for itself: its caches, lock and backups. */
export function localDir(stateDir: string, device: string): string {
  return join(stateDir, LOCAL_DIR, device);
}

/** Device `device`'s caches of `deck` (snapshot, due index). */
export function localDeckDir(stateDir: string, device: string, deck: string): string {
  deckStateDir(stateDir, deck); // the same guard on the name
  return join(localDir(stateDir, device), DECKS_DIR, deck);
}
