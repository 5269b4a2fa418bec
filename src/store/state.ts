// The state folder as a whole: settings, the decks' progress, the writer lock and the backups.
// A writer (`paperdeck study`, `config` when setting) holds the lock for the whole folder;
// readers (`due`, `cards`, `stats`) take no lock, write nothing and work while a writer runs.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LowSync } from 'lowdb';
import type { Clock } from '../core/clock.js';
import type { FsrsParameters, Settings } from '../core/types.js';
import { isValidParameters } from '../schedule/parameters.js';
import { firstInvalidSetting, mergeSettings } from '../schedule/settings.js';
import { DurableJsonFile, UnreadableFileError } from './atomic-file.js';
import { backUpIfDue } from './backups.js';
import { corruptedFileError } from './corruption.js';
import { DeckStateFiles, type DeckState } from './deck-state.js';
import { BACKUPS_DIR, SETTINGS_FILE, displayDir } from './layout.js';
import { UserError } from '../core/errors.js';
import type { WriterLock } from './lock.js';
import { SETTINGS_MIGRATIONS, SETTINGS_SCHEMA_VERSION, isJsonObject, migrate, pickSettings } from './schema.js';
import { cli } from '../core/invocation.js';

export interface OpenStateOptions {
  mode: 'read' | 'write';
  clock: Clock;
  /** How a refused second writer names this one, e.g. "paperdeck study iclr2017". */
  command?: string;
}

export interface StateStore {
  readonly dir: string;
  readonly mode: 'read' | 'write';
  /**
   * DEFAULT_SETTINGS merged with what the user set; for `deck`, with that deck's own FSRS
   * parameters in place of the global ones when it has them.
   */
  settings(deck?: string): Settings;
  /** Only what the user set. */
  userSettings(): Partial<Settings>;
  /** The FSRS parameters each deck has of its own (fitted by `optimize`), by deck name, as stored. */
  deckParameters(): Record<string, unknown>;
  /**
   * Writer only: replaces what the user set with `next` (validation is the caller's job), and
   * the decks' own parameters with `deckParameters` when given.
   */
  saveSettings(next: Partial<Settings>, deckParameters?: Record<string, FsrsParameters>): void;
  /** Writer only: sets (or with null, removes) one deck's own FSRS parameters. */
  saveDeckParameters(deck: string, parameters: FsrsParameters | null): void;
  /** A deck's progress, opened on first use and cached. */
  deck(name: string): DeckState;
  /** Folds writers' logs into snapshots, closes files, releases the lock; idempotent. */
  close(): void;
}

interface SettingsDoc {
  schemaVersion: number;
  settings: Partial<Settings>;
  /** What a deck sets for itself alone; so far only the FSRS parameters `optimize` fits to it. */
  decks?: Record<string, { parameters: FsrsParameters }>;
}

interface UserSettings {
  settings: Partial<Settings>;
  /** Each deck's own parameters as stored (checked when the deck's settings are asked for). */
  deckParameters: Record<string, unknown>;
}

function loadUserSettings(stateDir: string, db: LowSync<unknown>, file: string): UserSettings {
  try {
    db.read();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw corruptedFileError(stateDir, file, error.reason, 'default-settings');
    throw error;
  }
  const raw = db.data;
  if (raw === null) return { settings: {}, deckParameters: {} };
  if (!isJsonObject(raw)) throw corruptedFileError(stateDir, file, 'not a settings document', 'default-settings');
  const { doc } = migrate(raw, SETTINGS_MIGRATIONS, SETTINGS_SCHEMA_VERSION, file);
  if (doc === null || !isJsonObject(doc.settings) || (doc.decks !== undefined && !isJsonObject(doc.decks))) {
    throw corruptedFileError(stateDir, file, 'not a settings document', 'default-settings');
  }
  const deckParameters: Record<string, unknown> = {};
  for (const [deck, own] of Object.entries((doc.decks ?? {}) as Record<string, unknown>)) {
    if (isJsonObject(own) && own.parameters !== undefined) deckParameters[deck] = own.parameters;
  }
  return { settings: pickSettings(doc.settings), deckParameters };
}

function copySettings<T extends Partial<Settings>>(settings: T): T {
  const copy = { ...settings };
  if (copy.learningSteps) copy.learningSteps = [...copy.learningSteps];
  if (copy.relearningSteps) copy.relearningSteps = [...copy.relearningSteps];
  if (copy.parameters) copy.parameters = { ...copy.parameters, weights: [...copy.parameters.weights] };
  return copy;
}

class StateFolder implements StateStore {
  private readonly decks = new Map<string, DeckStateFiles>();
  private readonly settingsDb: LowSync<unknown>;
  private readonly settingsFile: string;
  private user: Partial<Settings> = {};
  private userDeckParameters: Record<string, unknown> = {};
  private lock: WriterLock | undefined;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly mode: 'read' | 'write',
    private readonly clock: Clock,
    /** The writer's lock, taken before this opens (openState releases it if opening fails). */
    lock: WriterLock | undefined,
  ) {
    this.lock = lock;
    this.settingsFile = join(dir, SETTINGS_FILE);
    this.settingsDb = new LowSync<unknown>(new DurableJsonFile(this.settingsFile, { pretty: true }), null);
    const loaded = loadUserSettings(dir, this.settingsDb, this.settingsFile);
    this.user = loaded.settings;
    this.userDeckParameters = loaded.deckParameters;
  }

  private requireOpen(what: string): void {
    if (this.closed) throw new Error(`${what} after the state was closed`);
  }

  /**
   * The settings in force. A hand-edited value that `config` would refuse stops here with one
   * line naming the key and the way out, before it can reach the scheduler.
   */
  settings(deck?: string): Settings {
    const file = join(displayDir(this.dir), SETTINGS_FILE);
    const invalid = firstInvalidSetting(this.user);
    if (invalid) {
      const { key, value } = invalid;
      throw new UserError(
        `${file} has an invalid ${key} (${JSON.stringify(value)}); set it with: ${cli()} config ${key} VALUE, or: ${cli()} config ${key} --reset`,
      );
    }
    const merged = mergeSettings(this.user);
    const own = deck === undefined ? undefined : this.userDeckParameters[deck];
    if (own !== undefined) {
      if (!isValidParameters(own)) {
        throw new UserError(`${file} has invalid parameters for the deck ${deck}; fit them again with: ${cli()} optimize ${deck}, or: ${cli()} config parameters --reset`);
      }
      merged.parameters = { ...own, weights: [...own.weights] };
    }
    return merged;
  }

  userSettings(): Partial<Settings> {
    return copySettings(this.user);
  }

  deckParameters(): Record<string, unknown> {
    return structuredClone(this.userDeckParameters);
  }

  saveSettings(next: Partial<Settings>, deckParameters?: Record<string, FsrsParameters>): void {
    this.writeSettings(pickSettings(copySettings(next) as Record<string, unknown>), deckParameters ?? this.userDeckParameters);
  }

  saveDeckParameters(deck: string, parameters: FsrsParameters | null): void {
    const next = { ...this.userDeckParameters };
    if (parameters === null) delete next[deck];
    else next[deck] = { ...parameters, weights: [...parameters.weights] };
    this.writeSettings(this.user, next);
  }

  private writeSettings(user: Partial<Settings>, deckParameters: Record<string, unknown>): void {
    this.requireOpen('saveSettings');
    if (this.mode !== 'write') throw new Error('saveSettings needs the state opened for writing');
    const lockProblem = this.lock?.compromised();
    if (lockProblem) throw lockProblem;
    const doc: SettingsDoc = { schemaVersion: SETTINGS_SCHEMA_VERSION, settings: user };
    const decks = Object.entries(deckParameters);
    // Only written once a deck has something of its own: older settings files stay as they were.
    if (decks.length) doc.decks = Object.fromEntries(decks.map(([deck, parameters]) => [deck, { parameters: parameters as FsrsParameters }]));
    this.settingsDb.data = doc;
    this.settingsDb.write();
    this.user = user;
    this.userDeckParameters = structuredClone(deckParameters);
  }

  deck(name: string): DeckState {
    this.requireOpen('deck');
    const cached = this.decks.get(name);
    if (cached) return cached;
    const deck = new DeckStateFiles(name, {
      stateDir: this.dir,
      mode: this.mode,
      clock: this.clock,
      lockProblem: () => this.lock?.compromised(),
    });
    this.decks.set(name, deck);
    return deck;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    let firstError: unknown;
    for (const deck of this.decks.values()) {
      try {
        deck.close();
      } catch (error) {
        firstError ??= error;
      }
    }
    try {
      this.lock?.release();
    } catch (error) {
      firstError ??= error;
    }
    if (firstError !== undefined) throw firstError;
  }
}

/**
 * Opens the state folder to read: no lock, and nothing written, not even the folder. Apart from
 * openState so that what only writers need (the lock, the backups) is not even in the bundle of
 * `paperdeck due` (scripts/bundle.mjs), which runs on every shell prompt.
 */
export function openStateForReading(stateDir: string, clock: Clock): StateStore {
  return new StateFolder(resolve(stateDir), 'read', clock, undefined);
}

/**
 * Opens the state folder. `write` takes the writer lock (refusing with a UserError that names the
 * holder), migrates nothing on disk, and takes the day's backup; `read` is openStateForReading.
 */
export async function openState(stateDir: string, opts: OpenStateOptions): Promise<StateStore> {
  if (opts.mode === 'read') return openStateForReading(stateDir, opts.clock);
  const dir = resolve(stateDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create the state folder ${displayDir(dir)}: ${(error as Error).message}`);
  }
  // Only writers load the lock: proper-lockfile brings graceful-fs, which patches fs as it
  // loads, and readers such as `due` run on every shell prompt.
  const { acquireWriterLock } = await import('./lock.js');
  const lock = acquireWriterLock(dir, opts.clock, opts.command ?? 'paperdeck');
  try {
    const folder = new StateFolder(dir, 'write', opts.clock, lock);
    try {
      backUpIfDue(dir, opts.clock, mergeSettings(folder.userSettings()).dayStartHour);
    } catch (error) {
      if (error instanceof UserError) throw error;
      // Answers given without the day's backup would be answers at risk: stop, and say where.
      throw new UserError(`cannot take today's backup in ${displayDir(join(dir, BACKUPS_DIR))}: ${(error as Error).message}`);
    }
    return folder;
  } catch (error) {
    try {
      lock.release();
    } catch {
      // the failure to open is the one to report
    }
    throw error;
  }
}
