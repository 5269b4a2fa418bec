// Deck folders on disk: decks/<name>/ holds the notes the user edits (*.md, *.txt) and the
// generated cards.json. This module is the only code that reads or writes them.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError, UserError } from '../core/errors.js';
import type { CardsFile, NotesStamp } from '../core/types.js';
import { GENERATOR_VERSION } from '../cards/version.js';
import { fsyncDir, writeFileAtomicSync } from './atomic-file.js';
import { isProcessAlive } from './processes.js';
import { Fingerprint } from '../core/fingerprint.js';

export const CARDS_FILE = 'cards.json';
const NOTES_EXTENSIONS = /\.(md|markdown|txt)$/i;
const MEGABYTE = 1024 * 1024;
/** Notes are written by hand: even a decade of them is a few MB. Past this, it is not notes. */
export const MAX_NOTES_BYTES = 20 * MEGABYTE;
const DECK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function validateDeckName(name: string): string {
  if (!DECK_NAME.test(name) || name.includes('..')) {
    throw new UsageError(`invalid deck name ${JSON.stringify(name)}: use letters, digits, '.', '-' and '_' (up to 64)`);
  }
  return name;
}

export function deckDir(decksDir: string, name: string): string {
  return join(decksDir, validateDeckName(name));
}

/** Names of the decks in `decksDir`: folders holding notes or cards. */
export function listDecks(decksDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(decksDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UserError(`cannot read the decks folder ${decksDir}: ${(error as Error).message}`);
  }
  return names
    .filter((name) => DECK_NAME.test(name))
    .filter((name) => {
      try {
        const dir = join(decksDir, name);
        return statSync(dir).isDirectory() && readdirSync(dir).some((f) => NOTES_EXTENSIONS.test(f) || f === CARDS_FILE);
      } catch {
        return false;
      }
    })
    .sort();
}

/** The error for a deck name that is not among `decks`, naming the ones there are. */
function noDeckNamed(decksDir: string, name: string, decks: readonly string[]): UserError {
  const known = decks.length ? `; decks: ${decks.join(', ')}` : '';
  return new UserError(`no deck named ${JSON.stringify(name)} in ${decksDir}${known}`);
}

/** The one deck to use when the user named none: the only deck, or a usage error that lists them. */
export function resolveDeckName(decksDir: string, requested: string | undefined): string {
  const decks = listDecks(decksDir);
  if (requested !== undefined) {
    validateDeckName(requested);
    if (!decks.includes(requested)) {
      throw noDeckNamed(decksDir, requested, decks);
    }
    return requested;
  }
  if (decks.length === 1) return decks[0]!;
  if (decks.length === 0) throw new UserError(`no decks in ${decksDir}; start one with: paperdeck new NAME --from FILE`);
  throw new UsageError(`several decks (${decks.join(', ')}): name one`);
}

export interface NotesFile {
  /** Name relative to the deck folder. */
  file: string;
  path: string;
  bytes: Buffer;
  /** How messages name it: decks/<deck>/<file>. */
  label: string;
  /** Its stat, taken before the bytes were read (see deckStatus). */
  stamp: NotesStamp;
}

/** Why a file of `bytes` bytes is refused as notes: "notes.txt is too large (21 MB; notes files up to 20 MB)". */
export function notesTooLargeMessage(label: string, bytes: number): string {
  const megabytes = Math.round((bytes / MEGABYTE) * 10) / 10;
  return `${label} is too large (${megabytes} MB; notes files up to ${MAX_NOTES_BYTES / MEGABYTE} MB)`;
}

/** Checks that `path` is a readable, non-empty regular file of sensible size; returns its bytes. */
export function readNotesBytes(path: string, label: string = path): Buffer {
  return readNotes(path, label, basename(path)).bytes;
}

/**
 * readNotesBytes, with the stat taken before reading: were the file changed in between, the
 * stamp is the older one and the next check reads the file again instead of trusting it.
 */
function readNotes(path: string, label: string, file: string): { bytes: Buffer; stamp: NotesStamp } {
  let stamp: NotesStamp;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new UserError(`${label} is a folder, not a notes file`);
    if (!info.isFile()) throw new UserError(`${label} is not a regular file`);
    stamp = { file, size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${label} does not exist`);
    throw new UserError(`cannot read ${label}: ${(error as Error).message}`);
  }
  if (stamp.size > MAX_NOTES_BYTES) throw new UserError(notesTooLargeMessage(label, stamp.size));
  try {
    return { bytes: readFileSync(path), stamp };
  } catch (error) {
    throw new UserError(`cannot read ${label}: ${(error as Error).message}`);
  }
}

/** The deck's notes files, in name order. */
export function readNotesFiles(decksDir: string, name: string): NotesFile[] {
  return notesFileNames(decksDir, name).map((file) => {
    const path = join(deckDir(decksDir, name), file);
    const label = join(basename(decksDir), name, file);
    return { file, path, label, ...readNotes(path, label, file) };
  });
}

/** The names of the deck's notes files, in name order. */
function notesFileNames(decksDir: string, name: string): string[] {
  const dir = deckDir(decksDir, name);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw noDeckNamed(decksDir, name, listDecks(decksDir));
  }
  const files = entries.filter((f) => NOTES_EXTENSIONS.test(f)).sort();
  if (files.length === 0) throw new UserError(`deck ${name} has no notes file (*.md or *.txt) in ${dir}`);
  return files;
}

/**
 * One fingerprint over every notes file's name and bytes: equal fingerprints mean unchanged
 * notes. Not node:crypto: see core/fingerprint.ts.
 */
export function hashNotes(files: readonly { file: string; bytes: Uint8Array }[]): string {
  const fingerprint = new Fingerprint();
  const encoder = new TextEncoder();
  for (const { file, bytes } of files) fingerprint.update(encoder.encode(file)).update(bytes);
  return fingerprint.digest();
}

export function loadCardsFile(decksDir: string, name: string): CardsFile | null {
  return readCardsFile(decksDir, name)?.cardsFile ?? null;
}

/** cards.json parsed, with its text as on disk (to tell "nothing changed" without a re-read). */
function readCardsFile(decksDir: string, name: string): { cardsFile: CardsFile; text: string; mtimeMs: number } | null {
  const path = join(deckDir(decksDir, name), CARDS_FILE);
  let text: string;
  let mtimeMs: number;
  try {
    // The stat first: were cards.json replaced in between, the older time only makes the
    // notes look more recently touched (see notesUntouchedSince).
    mtimeMs = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as CardsFile;
    if (parsed.version !== 1 || !Array.isArray(parsed.cards)) throw new Error('not a paperdeck cards file');
    parsed.retired ??= [];
    parsed.skipped ??= [];
    parsed.warnings ??= [];
    parsed.generator ??= 0;
    return { cardsFile: parsed, text, mtimeMs };
  } catch (error) {
    // cards.json is generated: the notes can always rebuild it, but the retired cards in it
    // carry identities, so say so instead of silently starting over.
    throw new UserError(
      `${path} is corrupted (${(error as Error).message}); move it away and run paperdeck generate ${name} to rebuild it`,
    );
  }
}

/** cards.json text exactly as written, so "nothing changed" can be decided by comparison. */
export function serializeCardsFile(file: CardsFile): string {
  return JSON.stringify(file, null, 1) + '\n';
}

/** Writes cards.json atomically (temp file, fsync, rename): a crash leaves the old file whole. */
export function writeCardsFile(decksDir: string, name: string, text: string): void {
  const dir = deckDir(decksDir, name);
  removeTempFilesOfDeadWriters(dir);
  writeFileAtomicSync(join(dir, CARDS_FILE), text);
}

/**
 * Creates decks/<name>/ holding `files`, all or nothing: the folder is built under a
 * temporary name and renamed into place.
 */
export function createDeckFolder(decksDir: string, name: string, files: { name: string; bytes: Uint8Array | string }[]): string {
  const dir = deckDir(decksDir, name);
  try {
    statSync(dir);
    throw new UserError(`deck ${name} already exists in ${decksDir}`);
  } catch (error) {
    if (error instanceof UserError) throw error;
  }
  mkdirSync(decksDir, { recursive: true });
  const temp = join(decksDir, `.${name}.new-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  try {
    for (const file of files) {
      const fd = openSync(join(temp, file.name), 'wx');
      try {
        writeFileSync(fd, file.bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    fsyncDir(temp);
    renameSync(temp, dir);
    fsyncDir(decksDir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
export interface DeckStatus {
  /** cards.json as on disk, or null. */
  cardsFile: CardsFile | null;
  /** Its text, to tell a rebuild that changed nothing without reading it again. */
  cardsText: string | null;
  /** Its mtime, which the notes' stamps are judged against. */
  cardsMtimeMs: number | null;
  /** The notes files' bytes, or null when they were not read (unchanged by their stat) or cannot be. */
  notes: NotesFile[] | null;
  /** cards.json exists and was built from exactly these notes by this generator. */
  current: boolean;
}

/**
 * How close to cards.json's own write a notes file's mtime may be for its stamp still to be
 * trusted. A file changed again within one tick of the file system's clock keeps its mtime,
 * so a stamp that close to the build cannot tell (git calls such entries "racy"). Local file
 * systems keep time in nanoseconds, moved on every few milliseconds; some (FAT, HFS+, network
 * shares) in whole seconds, and all their times are then whole seconds.
 */
const RACY_MS = 100;
const RACY_MS_COARSE = 2000;

/** The margin for these stamps and this cards.json (coarse when every time is whole seconds). */
function racyMargin(stamps: readonly NotesStamp[], cardsMtimeMs: number): number {
  return [cardsMtimeMs, ...stamps.map((stamp) => stamp.mtimeMs)].every((ms) => ms % 1000 === 0) ? RACY_MS_COARSE : RACY_MS;
}

/** Whether some stamp is too close to (or after) cards.json's write to be trusted. */
function isRacy(stamps: readonly NotesStamp[], cardsMtimeMs: number): boolean {
  const margin = racyMargin(stamps, cardsMtimeMs);
  return stamps.some((stamp) => !(stamp.mtimeMs < cardsMtimeMs - margin));
}

function sameStamps(a: readonly NotesStamp[], b: readonly NotesStamp[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((stamp, i) => stamp.file === b[i]!.file && stamp.size === b[i]!.size && stamp.mtimeMs === b[i]!.mtimeMs);
}

/**
 * Whether the deck's notes files are exactly those stamped in cards.json, unchanged in name,
 * size and mtime, each last changed well before cards.json was written. Any doubt, or any
 * error, says no: the caller then reads and hashes them.
 */
function notesUntouchedSince(decksDir: string, name: string, stamps: readonly NotesStamp[] | undefined, cardsMtimeMs: number): boolean {
  if (!stamps || stamps.length === 0 || isRacy(stamps, cardsMtimeMs)) return false;
  try {
    const files = notesFileNames(decksDir, name);
    if (files.length !== stamps.length) return false;
    return stamps.every((stamp, i) => {
      if (stamp.file !== files[i]) return false;
      const info = statSync(join(deckDir(decksDir, name), stamp.file));
      return info.isFile() && info.size === stamp.size && info.mtimeMs === stamp.mtimeMs;
    });
  } catch {
    return false;
  }
}

/**
 * Whether cards.json is up to date, cheaply and without the generator: the notes files' stat
 * when they match the stamps in cards.json (nothing is read), else one hash over their bytes.
 * A deck whose notes are gone or unreadable is current when it still has cards: the cards
 * last built are the deck, and only `generate` should report the notes' problem.
 */
export function deckStatus(decksDir: string, name: string): DeckStatus {
  const read = readCardsFile(decksDir, name);
  const cardsFile = read?.cardsFile ?? null;
  const cardsText = read?.text ?? null;
  const cardsMtimeMs = read?.mtimeMs ?? null;
  if (read && cardsFile!.generator === GENERATOR_VERSION && notesUntouchedSince(decksDir, name, cardsFile!.notesStamps, read.mtimeMs)) {
    return { cardsFile, cardsText, cardsMtimeMs, notes: null, current: true };
  }
  let notes: NotesFile[];
  try {
    notes = readNotesFiles(decksDir, name);
  } catch (error) {
    if (cardsFile && error instanceof UserError) return { cardsFile, cardsText, cardsMtimeMs, notes: null, current: true };
    throw error;
  }
  const current = cardsFile !== null && cardsFile.generator === GENERATOR_VERSION && cardsFile.notesHash === hashNotes(notes);
  return { cardsFile, cardsText, cardsMtimeMs, notes, current };
}

/**
 * Writer only. When deckStatus found the notes unchanged by reading them (they were touched,
 * or stamped too soon after a change to tell), records their stamps in cards.json, so that
 * the next check is a stat again. The cards stay as they are. Returns whether it wrote.
 */
export function restampNotes(decksDir: string, name: string, status: DeckStatus): boolean {
  const { cardsFile, cardsMtimeMs, notes } = status;
  if (!status.current || !cardsFile || cardsMtimeMs === null || !notes) return false;
  const notesStamps = notes.map((file) => file.stamp);
  if (sameStamps(notesStamps, cardsFile.notesStamps)) {
    // Stamped, but too close to the build: writing cards.json again helps only once the
    // notes' last change is a margin in the past. Real time, as the file system keeps it
    // (not the Clock, which PAPERDECK_NOW may have set anywhere).
    const lastChange = Math.max(...notesStamps.map((stamp) => stamp.mtimeMs));
    if (!isRacy(notesStamps, cardsMtimeMs) || Date.now() - lastChange <= racyMargin(notesStamps, cardsMtimeMs)) return false;
  }
  writeCardsFile(decksDir, name, serializeCardsFile({ ...cardsFile, notesStamps }));
  return true;
}

/** A generate killed mid-write leaves `.cards.json.tmp-<pid>` behind; clear those of dead processes. */
function removeTempFilesOfDeadWriters(dir: string): void {
  for (const file of readdirSync(dir)) {
    const match = /^\.cards\.json\.tmp-(\d+)$/.exec(file);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isProcessAlive(pid)) continue;
    rmSync(join(dir, file), { force: true });
  }
}
