// The state folder as a whole: settings, the decks' progress, the writer lock and the backups.
// A writer (`paperdeck study`, `config` when setting) holds the lock for the whole folder;
// readers (`due`, `cards`, `stats`) take no lock, write nothing and work while a writer runs.
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock } from '../core/clock.js';
import type { FsrsParameters, Settings } from '../core/types.js';
import { isValidParameters } from '../schedule/parameters.js';
import { DEFAULT_SETTINGS, firstInvalidSetting, mergeSettings } from '../schedule/settings.js';
import { BACKUPS_KEPT, backUpIfDue } from './backups.js';
import { DeckStateFiles, type DeckState } from './deck-state.js';
import { DeckFacts, type DeckHistory } from './deck-facts.js';
import { BACKUPS_DIR, DECKS_DIR, displayDir, displayPath, localDir } from './layout.js';
import { claimDeviceName, thisDevice, type Device } from './device.js';
import { DeviceSettingsFiles, type SettingsView } from './device-settings.js';
import type { Redo } from './merged-log.js';
import { UserError } from '../core/errors.js';
import type { WriterLock } from './lock.js';
import { pickSettings } from './schema.js';
import { cli } from '../core/invocation.js';

/**
 * How the store schedules a review again when merging machines' logs finds it made on a state
 * its writer did not see (merged-log.ts). Registered by the full program; `due`'s quick path,
 * which leaves the scheduler out of its bundle, takes the state the writer made instead.
 */
export type Rescheduler = (settings: Settings) => Redo;
let rescheduler: Rescheduler | undefined;
export function useRescheduler(make: Rescheduler): void {
  rescheduler = make;
}

export interface OpenStateOptions {
  mode: 'read' | 'write';
  clock: Clock;
  /** This machine (default: thisDevice() from the environment). */
  device?: Device;
  /** How a refused second writer names this one, e.g. "paperdeck study iclr2017". */
  command?: string;
}

export interface StateStore {
  readonly dir: string;
  readonly mode: 'read' | 'write';
  /** This machine's name: the files it writes are named after it. */
  readonly device: string;
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
  saveSettings(next: Partial<Settings>, deckParameters?: Record<string, FsrsParameters>, touched?: 'all' | readonly (keyof Settings)[]): void;
  /** Writer only: sets (or with null, removes) one deck's own FSRS parameters. */
  saveDeckParameters(deck: string, parameters: FsrsParameters | null): void;
  /** A deck's progress, opened on first use and cached. */
  deck(name: string): DeckState;
  /**
   * A deck's history as the statistics read it (deck-facts.ts), without its card states: neither
   * the snapshot nor the log past it is read for them. Damage is named as deck() names it.
   */
  deckHistory(name: string): DeckHistory;
  /** Folds writers' logs into snapshots, closes files, releases the lock; idempotent. */
  close(): void;
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
  private readonly settingsFiles: DeviceSettingsFiles;
  private view: SettingsView;
  private lock: WriterLock | undefined;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly mode: 'read' | 'write',
    private readonly clock: Clock,
    private readonly thisMachine: Device,
    /** The writer's lock, taken before this opens (openState releases it if opening fails). */
    lock: WriterLock | undefined,
  ) {
    this.lock = lock;
    this.settingsFiles = new DeviceSettingsFiles(dir, thisMachine.name);
    this.view = this.settingsFiles.read();
  }

  get device(): string {
    return this.thisMachine.name;
  }

  private get user(): Partial<Settings> {
    return this.view.settings;
  }

  private get userDeckParameters(): Record<string, unknown> {
    return this.view.deckParameters;
  }

  private requireOpen(what: string): void {
    if (this.closed) throw new Error(`${what} after the state was closed`);
  }

  /**
   * The settings in force. A hand-edited value that `config` would refuse stops here with one
   * line naming the key and the way out, before it can reach the scheduler.
   */
  settings(deck?: string): Settings {
    const invalid = firstInvalidSetting(this.user);
    if (invalid) {
      const { key, value } = invalid;
      const file = displayPath(this.view.fileOfKey(key));
      throw new UserError(
        `${file} has an invalid ${key} (${JSON.stringify(value)}); set it with: ${cli()} config ${key} VALUE, or: ${cli()} config ${key} --reset`,
      );
    }
    const merged = mergeSettings(this.user);
    const own = deck === undefined ? undefined : this.userDeckParameters[deck];
    if (own !== undefined) {
      if (!isValidParameters(own)) {
        const file = displayPath(this.view.fileOfDeck(deck!));
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

  saveSettings(next: Partial<Settings>, deckParameters?: Record<string, FsrsParameters>, touched?: 'all' | readonly (keyof Settings)[]): void {
    const hourBefore = mergeSettings(this.user).dayStartHour;
    this.writeSettings(pickSettings(copySettings(next) as Record<string, unknown>), deckParameters ?? this.userDeckParameters, touched);
    const hour = mergeSettings(this.user).dayStartHour;
    if (hour !== hourBefore) this.keepStatsTallies(hour);
  }

  /**
   * After the day-start hour changed: each deck's review tally counted again in the new days
   * (stats-cache.ts), so that the next `stats` need not read the whole history. Only a speed-up:
   * a deck that cannot be read is left as it is (its `stats` reads the log and says what is wrong).
   */
  private keepStatsTallies(hour: number): void {
    let decks: string[] = [];
    try {
      decks = readdirSync(join(this.dir, DECKS_DIR)).filter((deck) => !deck.startsWith('.'));
    } catch {
      return; // no decks yet
    }
    for (const name of decks) {
      try {
        // Opened as a reader opens it (nothing set aside or folded); only the tally is written.
        // (With the scheduler, as deck() has it: another machine's review merged on a state its
        // writer did not see is scheduled again, or the merge stops and no tally is kept.)
        const lazyRedo = this.redoFor(name);
        new DeckStateFiles(name, {
          stateDir: this.dir,
          mode: 'read',
          clock: this.clock,
          device: this.thisMachine.name,
          ...(lazyRedo ? { redo: lazyRedo } : {}),
          lockProblem: () => undefined,
        }).keepStatsTally(hour);
      } catch {
        // left for `stats` to read from the log
      }
    }
  }

  /**
   * The scheduler for reviews of `name` merged on a state their writer did not see, made on first
   * need with the deck's settings; none where the scheduler is left out (the bin).
   */
  private redoFor(name: string): Redo | undefined {
    const make = rescheduler;
    if (!make) return undefined;
    let redo: Redo | undefined;
    return (state, entry) => (redo ??= make(this.settings(name)))(state, entry);
  }

  saveDeckParameters(deck: string, parameters: FsrsParameters | null): void {
    const next = { ...this.userDeckParameters };
    if (parameters === null) delete next[deck];
    else next[deck] = { ...parameters, weights: [...parameters.weights] };
    this.writeSettings(this.user, next);
  }

  private writeSettings(user: Partial<Settings>, deckParameters: Record<string, unknown>, touched?: 'all' | readonly (keyof Settings)[]): void {
    this.requireOpen('saveSettings');
    if (this.mode !== 'write') throw new Error('saveSettings needs the state opened for writing');
    const lockProblem = this.lock?.compromised();
    if (lockProblem) throw lockProblem;
    this.view = this.settingsFiles.record(this.view, user, deckParameters, this.clock.now(), touched === 'all' ? Object.keys(DEFAULT_SETTINGS) : (touched ?? []));
  }

  deckHistory(name: string): DeckHistory {
    this.requireOpen('deckHistory');
    return this.decks.get(name) ?? new DeckFacts(name, { stateDir: this.dir, device: this.thisMachine.name });
  }

  deck(name: string): DeckState {
    this.requireOpen('deck');
    const cached = this.decks.get(name);
    if (cached) return cached;
    const lazyRedo = this.redoFor(name);
    const deck = new DeckStateFiles(name, {
      stateDir: this.dir,
      mode: this.mode,
      clock: this.clock,
      device: this.thisMachine.name,
      ...(lazyRedo ? { redo: lazyRedo } : {}),
      lockProblem: () => this.lock?.compromised(),
      dayStartHour: () => this.settings(name).dayStartHour,
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
export function openStateForReading(stateDir: string, clock: Clock, device: Device = thisDevice()): StateStore {
  return new StateFolder(resolve(stateDir), 'read', clock, device, undefined);
}

/**
 * Opens the state folder. `write` takes the writer lock (refusing with a UserError that names the
 * holder), migrates nothing on disk, and takes the day's backup; `read` is openStateForReading.
 */
export async function openState(stateDir: string, opts: OpenStateOptions): Promise<StateStore> {
  if (opts.mode === 'read') return openStateForReading(stateDir, opts.clock, opts.device);
  const dir = resolve(stateDir);
  const device = opts.device ?? thisDevice(process.env, true);
  const own = localDir(dir, device.name);
  try {
    mkdirSync(own, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create the state folder ${displayDir(dir)}: ${(error as Error).message}`);
  }
  claimDeviceName(dir, device);
  // Only writers load the lock: proper-lockfile brings graceful-fs, which patches fs as it
  // loads, and readers such as `due` run on every shell prompt.
  const { acquireWriterLock } = await import('./lock.js');
  // One lock per machine, in its own folder: two machines may study at the same moment, each
  // writing only its own files.
  const lock = acquireWriterLock(own, opts.clock, opts.command ?? 'paperdeck');
  try {
    const folder = new StateFolder(dir, 'write', opts.clock, device, lock);
    try {
      backUpIfDue(dir, opts.clock, mergeSettings(folder.userSettings()).dayStartHour, BACKUPS_KEPT, device.name);
    } catch (error) {
      if (error instanceof UserError) throw error;
      // Answers given without the day's backup would be answers at risk: stop, and say where.
      throw new UserError(`cannot take today's backup in ${displayDir(join(own, BACKUPS_DIR))}: ${(error as Error).message}`);
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
