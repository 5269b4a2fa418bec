// Deck folders on disk: decks/<name>/ holds the generated cards.json and either the notes the
// user edits (*.md, *.txt, ..., in sub-folders too) or a link file, notes-link.json, naming a
// notes file or folder elsewhere (an Obsidian vault, a git repository), read where it is.
// This module is the only code that reads or writes them.
import { DECK_NAME_RULE, isDeckName } from '../core/deck-name.js';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileTimeNow } from '../core/clock.js';
import { UsageError, UserError } from '../core/errors.js';
import { stripControl } from '../core/sanitize.js';
import type { Card, CardsFile, NotesStamp } from '../core/types.js';
import { fsyncDir, writeFileAtomicSync, type FileRange } from './atomic-file.js';
import { isProcessAlive } from './processes.js';
import { MAX_NOTES_BYTES, notesTooLargeMessage } from '../core/notes-size.js';
import { MAX_DATA_FILE_BYTES, MAX_SMALL_FILE_BYTES, NotARegularFileError, openRegularFile, readFirstLine, readRegularFile, readRegularFileAndStat } from './read-file.js';
import { cli } from '../core/invocation.js';

export const CARDS_FILE = 'cards.json';
/**
 * A linked deck's link file: `{"version": 1, "notes": "/absolute/path"}`, the notes file or
 * folder the deck reads where it lives (written by `paperdeck new --from PATH`).
 */
export const NOTES_LINK_FILE = 'notes-link.json';
const NOTES_EXTENSIONS = /\.(md|markdown|txt|org)$/i;
const NOTES_KINDS = '*.md, *.markdown, *.txt or *.org';

/** A folder of notes is read to this many notes files and this many folders deep, no more. */
export const MAX_NOTES_FILES = 5000;
export const MAX_NOTES_DEPTH = 16;
/** And through at most this many folders, notes in them or not (a vault may hold much else). */
const MAX_NOTES_FOLDERS = 5000;

// "chen_et_al_2022", "pasad2021", "wells_etal_2022": a note named for its paper's authors and
// year, saved with no extension. (A year keeps LICENSE, Makefile and their kind out.)
const CITED_NOTE_NAME = /^(?=[^.]*\p{L}{2})[^.\s]*(?:19|20)\d{2}[a-z]?$/u;

/** Whether a file with no extension is named as a paper's note (see CITED_NOTE_NAME): read in a notes folder. */
export function isCitedNoteName(name: string): boolean {
  return CITED_NOTE_NAME.test(name);
}

/** Whether a file name is a notes file's: Markdown (.md, .markdown), plain text (.txt) or Org (.org). */
export function isNotesFileName(name: string): boolean {
  return NOTES_EXTENSIONS.test(name);
}

/** A path as messages show it: no control characters or escape sequences. */
function shown(path: string): string {
  return stripControl(path);
}

export function validateDeckName(name: string): string {
  if (!isDeckName(name)) {
    throw new UsageError(
      `invalid deck name ${JSON.stringify(name)}: use ${DECK_NAME_RULE}`,
    );
  }
  return name;
}

export function deckDir(decksDir: string, name: string): string {
  return join(decksDir, validateDeckName(name));
}

/** Names of the decks in `decksDir`: folders holding notes or cards (other folders are not decks). */
export function listDecks(decksDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(decksDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UserError(`cannot read the decks folder ${decksDir}: ${(error as Error).message}`);
  }
  return names
    .filter(isDeckName)
    .filter((name) => {
      try {
        const dir = join(decksDir, name);
        return statSync(dir).isDirectory() && readdirSync(dir).some((f) => isNotesFileName(f) || f === CARDS_FILE || f === NOTES_LINK_FILE);
      } catch {
        return false;
      }
    })
    .sort();
}

/** What to say when `decksDir` holds no deck, and how to start one. */
export function noDecksMessage(decksDir: string): string {
  return `no decks in ${decksDir}; start one with: ${cli()} new NAME --from PATH`;
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
  if (decks.length === 0) throw new UserError(noDecksMessage(decksDir));
  throw new UsageError(`several decks (${decks.join(', ')}): name one`);
}

export interface NotesFile {
  /** Name relative to the notes root (the deck folder, or the linked folder), '/' between folders. */
  file: string;
  path: string;
  bytes: Buffer;
  /** How messages name it: decks/<deck>/<file>, or its full path for linked notes. */
  label: string;
  /**
   * Its stat, taken before the bytes were read; absent when the file had changed too recently
   * for a later change in the same tick of the file system's clock to show (see RACY_MS).
   */
  stamp?: NotesStamp;
}

/**
 * Checks that `path` is a readable, non-empty regular file of sensible size; returns its bytes
 * and its stamp. The stat comes before the read, so that a change in between leaves the older
 * stamp (and the next check reads the file again); and a file changed within a margin of now
 * gets none, since a second change in the same tick would keep its mtime.
 */
function readNotes(path: string, label: string, file: string): { bytes: Buffer; stamp?: NotesStamp } {
  // This machine's real clock, standing in for the file system's (not the Clock, which
  // PAPERDECK_NOW may set anywhere): see RACY_MS and isRacy.
  const readAt = fileTimeNow();
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(`cannot read ${label}: ${(error as Error).message}`);
  }
  return isRacy([stamp], readAt) ? { bytes } : { bytes, stamp };
}

/** The deck's notes files, in name order (see listNotes). */
export function readNotesFiles(decksDir: string, name: string): NotesFile[] {
  const { root, files, label } = listNotes(decksDir, name);
  return files.map((file) => {
    const path = join(root, file);
    return { file, path, label: label(file), ...readNotes(path, label(file), file) };
  });
}

/** A deck folder with no notes file at all: its cards.json, if any, is the whole deck. */
export class NoNotesFilesError extends UserError {
  override name = 'NoNotesFilesError';
}

/** Whether the deck is cards alone: its folder holds no notes file at all (a linked deck never is). */
export function hasNoNotesFile(decksDir: string, name: string): boolean {
  try {
    listNotes(decksDir, name);
    return false;
  } catch (error) {
    return error instanceof NoNotesFilesError;
  }
}

/** Where a deck's notes are. */
interface NotesPlace {
  /** The folder the notes files' names are relative to. */
  root: string;
  /** The linked notes file or folder (absolute), or null when the notes are in the deck folder. */
  linked: string | null;
  /** A linked notes file: its name in `root`, the deck's one notes file. */
  file: string | null;
  /** The deck folder's entries, when `root` is the deck folder (already read). */
  entries?: Dirent[];
}

/** The end of every message about linked notes, so the user knows where that path came from. */
const LINKED = '(linked with paperdeck new)';

/**
 * Where the deck's notes are: in its folder, or where its link file says. A link whose notes are
 * gone or cannot be read is an error naming the path (readers keep the cards last built).
 */
function notesPlace(decksDir: string, name: string): NotesPlace {
  const dir = deckDir(decksDir, name);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    throw noDeckNamed(decksDir, name, listDecks(decksDir));
  }
  if (!entries.some((entry) => entry.name === NOTES_LINK_FILE)) return { root: dir, linked: null, file: null, entries };
  const linked = readNotesLink(dir);
  let info;
  try {
    info = statSync(linked);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`notes not found at ${shown(linked)} ${LINKED}`);
    throw new UserError(`cannot read the notes at ${shown(linked)} ${LINKED}: ${(error as Error).message}`);
  }
  if (info.isDirectory()) return { root: linked, linked, file: null };
  if (info.isFile()) return { root: dirname(linked), linked, file: basename(linked) };
  throw new UserError(`the notes at ${shown(linked)} are neither a file nor a folder ${LINKED}`);
}

/** The notes path a deck's link file names. */
function readNotesLink(dir: string): string {
  const path = join(dir, NOTES_LINK_FILE);
  let text: string;
  try {
    const bytes = readRegularFile(path, MAX_SMALL_FILE_BYTES, shown(path));
    if (bytes === null) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof NotARegularFileError) throw new UserError(error.message);
    throw new UserError(`cannot read ${shown(path)}: ${(error as Error).message}`);
  }
  let notes: unknown;
  try {
    const parsed = JSON.parse(text) as { version?: unknown; notes?: unknown };
    notes = parsed.version === 1 ? parsed.notes : undefined;
  } catch {
    // said below
  }
  if (typeof notes !== 'string' || !notes.startsWith('/')) {
    throw new UserError(
      `${shown(path)} is not a notes link (expected {"version": 1, "notes": "/absolute/path"}); remove the deck and link it again with ${cli()} new`,
    );
  }
  return notes;
}

/** The text of a link file for notes at `path` (absolute). */
export function notesLinkText(path: string): string {
  return JSON.stringify({ version: 1, notes: path }, null, 1) + '\n';
}

/** The deck's notes files (names relative to `root`, sorted), and how messages name each. */
function listNotes(decksDir: string, name: string): { root: string; files: string[]; label: (file: string) => string } {
  const place = notesPlace(decksDir, name);
  if (place.linked !== null) {
    const files = place.file !== null ? [place.file] : walkNotesFolder(place.root, shown(place.root));
    if (files.length === 0) throw new UserError(`no notes files (${NOTES_KINDS}) in ${shown(place.root)} ${LINKED}`);
    return { root: place.root, files, label: (file) => shown(join(place.root, file)) };
  }
  const files = walkNotesFolder(place.root, shown(join(basename(decksDir), name)), place.entries);
  if (files.length === 0) throw new NoNotesFilesError(`deck ${name} has no notes file (${NOTES_KINDS}) in ${shown(place.root)}`);
  return { root: place.root, files, label: (file) => shown(join(basename(decksDir), name, file)) };
}

/**
 * Where the note of a card built from `file` is (for the editor): in the deck folder, or at the
 * linked path.
 */
export function notesFilePath(decksDir: string, name: string, file: string): string {
  const place = notesPlace(decksDir, name);
  return place.file !== null ? join(place.root, place.file) : join(place.root, file);
}

/**
 * The notes files in the folder `root` and its sub-folders: their paths relative to `root`
 * ('/' between folders), sorted. Hidden files and folders (.git, .obsidian, .trash) and
 * node_modules are left out, a folder reached twice (through a symbolic link) is read once, and
 * the walk stops with an error past MAX_NOTES_FILES files, MAX_NOTES_FOLDERS folders or
 * MAX_NOTES_DEPTH levels. An entry named like a notes file is one whatever it is (readNotes
 * says so when it is a folder). `label` names `root` in messages; `entries` are root's, when read.
 */
export function walkNotesFolder(root: string, label: string, entries?: Dirent[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  let folders = 0;
  const limits = `at most ${MAX_NOTES_FILES} notes files, ${MAX_NOTES_FOLDERS} folders and ${MAX_NOTES_DEPTH} levels deep`;
  const folderId = (path: string): string | null => {
    try {
      const info = statSync(path);
      return info.isDirectory() ? `${info.dev}:${info.ino}` : null;
    } catch {
      return null; // a dangling link, or gone since the folder was listed
    }
  };
  const visit = (dir: string, relative: string, depth: number, listed?: Dirent[]): void => {
    if (++folders > MAX_NOTES_FOLDERS) throw new UserError(`too many folders in ${label} (${limits}); use a smaller folder`);
    let list = listed;
    if (!list) {
      try {
        list = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        throw new UserError(`cannot read the folder ${shown(dir)}: ${(error as Error).message}`);
      }
    }
    for (const entry of list) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = relative ? `${relative}/${name}` : name;
      if (isNotesFileName(name) || (entry.isFile() && isCitedNoteName(name))) {
        files.push(path);
        if (files.length > MAX_NOTES_FILES) throw new UserError(`too many notes files in ${label} (${limits}); use a smaller folder`);
        continue;
      }
      if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
      const full = join(dir, name);
      const id = folderId(full);
      if (id === null || seen.has(id)) continue;
      if (depth + 1 > MAX_NOTES_DEPTH) {
        throw new UserError(`notes folders nested too deep in ${label} at ${shown(path)} (${limits})`);
      }
      seen.add(id);
      visit(full, path, depth + 1);
    }
  };
  const rootId = folderId(root);
  if (rootId) seen.add(rootId);
  visit(root, '', 0, entries);
  return files.sort();
}

/** Whether anything is at `path` (for `paperdeck inspect`, which takes a path or a deck name). */
export function pathExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the notes at `path` for `paperdeck new`: the file, or every notes file in the folder
 * (see walkNotesFolder), named in messages by `label` (the path as the user gave it).
 */
export function readNotesAt(path: string, label: string = path): { folder: boolean; files: NotesFile[] } {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    folder = false; // readNotes says why
  }
  if (!folder) {
    const file = basename(path);
    return { folder, files: [{ file, path, label: shown(label), ...readNotes(path, shown(label), file) }] };
  }
  const files = walkNotesFolder(path, shown(label));
  if (files.length === 0) throw new UserError(`no notes files (${NOTES_KINDS}) in ${shown(label)}`);
  return {
    folder,
    files: files.map((file) => {
      const full = join(path, file);
      const named = shown(join(label, file));
      return { file, path: full, label: named, ...readNotes(full, named, file) };
    }),
  };
}

export function loadCardsFile(decksDir: string, name: string): CardsFile | null {
  return readCardsFile(decksDir, name)?.cardsFile ?? null;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
  /** cards.json's inode: a file put in its place by a rename (as every writer of it does) has another. */
  ino?: number;
}

/** cards.json parsed, with its text as on disk (to tell "nothing changed" without a re-read). */
export function readCardsFile(decksDir: string, name: string): { cardsFile: CardsFile; text: string; stat: FileStat } | null {
  const path = join(deckDir(decksDir, name), CARDS_FILE);
  let text: string;
  let stat: FileStat;
  try {
    // The stat first: were cards.json replaced in between, the older time only makes the
    // notes look more recently touched (see notesUntouchedSince).
    const info = statSync(path);
    stat = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
    // Bounded and non-blocking: a FIFO or a link to /dev/zero here would hang `due` (read-file.ts).
    const bytes = readRegularFile(path, MAX_DATA_FILE_BYTES, shown(path));
    if (bytes === null) return null;
    text = bytes.toString('utf8');
  } catch (error) {
    return cardsReadError(error, path, name);
  }
  return { cardsFile: parseCardsText(text, path, name), text, stat };
}

/** Null for a cards.json that is not there; else the error that says why it cannot be read. */
function cardsReadError(error: unknown, path: string, name: string): null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  if (error instanceof NotARegularFileError) throw new UserError(`${error.message}; move it away and run ${cli()} generate ${name} to rebuild it`);
  throw new UserError(`cannot read ${shown(path)}: ${(error as Error).message}`);
}

/** cards.json's text parsed and checked; a UserError naming the file when it is damaged or newer. */
function parseCardsText(text: string, path: string, name: string): CardsFile {
  let parsed: CardsFile;
  try {
    parsed = JSON.parse(text) as CardsFile;
  } catch (error) {
    throw corruptedCards(path, name, (error as Error).message);
  }
  // A later layout is not damage: said as such, and the file is left for that paperdeck.
  const version: unknown = (parsed as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > 1) {
    throw new UserError(
      `${shown(path)} was written by a newer paperdeck (cards file version ${version}; this one reads version 1): use that paperdeck, or move the file away and run ${cli()} generate ${name} to rebuild it`,
    );
  }
  try {
    if (version !== 1 || !Array.isArray(parsed.cards)) throw new Error('not a paperdeck cards file');
    parsed.retired ??= [];
    parsed.skipped ??= [];
    parsed.warnings ??= [];
    parsed.generator ??= 0;
    // The question is stored only where it is not the title (serializeCardsFile).
    for (const card of parsed.cards) card.question ??= card.title;
    for (const card of parsed.retired) card.question ??= card.title;
    delete (parsed as { counts?: unknown }).counts;
    delete (parsed as { restBytes?: unknown }).restBytes;
    return parsed;
  } catch (error) {
    throw corruptedCards(path, name, (error as Error).message);
  }
}

/**
 * cards.json is generated: the notes can always rebuild it, but the retired cards in it carry
 * identities, so say so instead of silently starting over.
 */
function corruptedCards(path: string, name: string, reason: string): UserError {
  return new UserError(`${shown(path)} is corrupted (${reason}); move it away and run ${cli()} generate ${name} to rebuild it`);
}

/** cards.json text exactly as written, so "nothing changed" can be decided by comparison. */
export function serializeCardsFile(file: CardsFile): string {
  const { cards, retired, skipped } = file;
  return cardsFileText(file, cards.map(cardLine), retired.map(cardLine), skipped.map((skip) => JSON.stringify(skip)));
}

/**
 * A card as one line of cards.json. Its question is left out when it is its title (the usual
 * case): readCardsFile puts it back.
 */
export function cardLine(card: Card): string {
  return JSON.stringify(card.question === card.title ? { ...card, question: undefined } : card);
}

/** The fields of cards.json's head that are not counts of its lists. */
export type CardsHeadFields = Pick<CardsFile, 'version' | 'deck' | 'notesHash' | 'generator' | 'notesStamps' | 'warnings'>;

/**
 * cards.json's text from its head's fields and its lists, each item already one line of JSON
 * (cardLine, JSON.stringify of a skipped note): what serializeCardsFile writes, and what a build
 * that changed a few cards writes without serialising the others again (cards/incremental.ts).
 */
export function cardsFileText(fields: CardsHeadFields, cards: readonly string[], retired: readonly string[], skipped: readonly string[]): string {
  const { version, deck, notesHash, generator, notesStamps, warnings } = fields;
  // One item a line: a diff of two builds shows the cards that changed, and the file is a third
  // smaller than indented JSON.
  const list = (items: readonly string[]) => (items.length ? `[\n${items.join(',\n')}\n]` : '[]');
  const rest = `"cards": ${list(cards)},\n"retired": ${list(retired)},\n"skipped": ${list(skipped)}\n}\n`;
  const head: CardsHeadLine = {
    version,
    deck,
    notesHash,
    generator,
    ...(notesStamps ? { notesStamps } : {}),
    counts: { cards: cards.length, retired: retired.length, skipped: skipped.length },
    // The file's length past its first line: a file changed below it (a merge's conflict
    // markers, a hand edit) has another, and its head is then not trusted (readCardsHead).
    restBytes: Buffer.byteLength(rest, 'utf8'),
    warnings,
  };
  return `${JSON.stringify(head).slice(0, -1)},\n${rest}`;
}

/** One list of cards.json as laid out on disk: where each item's line starts and ends (without its comma). */
export interface ListLayout {
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

/**
 * Where each record of cards.json is, by byte (kept in the generate cache, so that an edit's
 * build reads them without scanning the file): `head` is the length of its first line with its
 * newline; each list gives the byte each item's line starts at, then the byte its last item ends
 * at (before its newline); an empty list is []. An item not the last ends 2 bytes before the next
 * starts (",\n").
 */
export interface CardsPlaces {
  head: number;
  cards: ArrayLike<number>;
  retired: ArrayLike<number>;
  skipped: ArrayLike<number>;
}

/**
 * cards.json open, its head read, and where each item of its lists is (cardsFileText's layout):
 * its records are read by place, never the whole file. Close it when done.
 */
export interface CardsLayout {
  head: CardsHeadLine;
  stat: FileStat;
  cards: ListLayout;
  retired: ListLayout;
  skipped: ListLayout;
  /** The file, open: new files copy runs of its records from it (FileRange). */
  fd: number;
  /** Items [from, to) of `list`, each its line's text without the comma. */
  items(list: ListLayout, from: number, to: number): string[];
  /** The records whose line holds `text` (found in one pass over the file through a small buffer), each its line's text. */
  recordsHolding(text: string): string[];
  /** The whole file. */
  bytes(): Buffer;
}

const LIST_KEYS = ['cards', 'retired', 'skipped'] as const;

/**
 * Where each record of cards.json's `bytes` is, if they are laid out exactly as cardsFileText
 * lays them out; else null. (Scanned as a string: a Buffer.indexOf per line costs more than the
 * search.)
 */
export function cardsPlacesOf(bytes: Buffer): CardsPlaces | null {
  try {
    const firstEnd = bytes.indexOf(10);
    if (firstEnd < 1 || bytes[firstEnd - 1] !== 0x2c) return null;
    const head = JSON.parse(`${bytes.toString('utf8', 0, firstEnd - 1)}}`) as CardsHeadLine;
    const { counts } = head;
    if (head.version !== 1 || typeof counts !== 'object' || counts === null) return null;
    if (firstEnd + 1 + head.restBytes !== bytes.length) return null;
    const latin = bytes.toString('latin1');
    let at = firstEnd + 1;
    /** The next line's text, if it is `expected`; moves past it. */
    const expect = (expected: string): boolean => {
      const end = latin.indexOf('\n', at);
      if (end < 0 || end - at !== expected.length || latin.slice(at, end) !== expected) return false;
      at = end + 1;
      return true;
    };
    /** The list named `key`, of `count` items, ending with `end` (',' but for the last list). */
    const list = (key: string, count: unknown, end: string): number[] | null => {
      if (!Number.isSafeInteger(count) || (count as number) < 0) return null;
      const places: number[] = [];
      if (count === 0) return expect(`"${key}": []${end}`) ? places : null;
      if (!expect(`"${key}": [`)) return null;
      for (let i = 0; i < (count as number); i++) {
        const lineEnd = latin.indexOf('\n', at);
        if (lineEnd < 0) return null;
        const last = i === (count as number) - 1;
        if (!last && latin.charCodeAt(lineEnd - 1) !== 0x2c) return null;
        places.push(at);
        if (last) places.push(lineEnd);
        at = lineEnd + 1;
      }
      return expect(`]${end}`) ? places : null;
    };
    const cards = list('cards', counts.cards, ',');
    const retired = cards && list('retired', counts.retired, ',');
    const skipped = retired && list('skipped', counts.skipped, '');
    if (!skipped || !expect('}') || at !== bytes.length) return null;
    return { head: firstEnd + 1, cards: cards!, retired: retired!, skipped };
  } catch {
    return null;
  }
}

/**
 * cards.json open with its records where `places` says, its head parsed and none of its records
 * read: null, having read nothing, when the file is missing or its stat is not `stat` (size,
 * mtime, inode: another file, or this one changed); null when its head is not where `places`
 * says or disagrees with it (counts, restBytes), or anything fails. A record read (`items`) is
 * checked to be a line of its own, `{...}`, where it should be. The caller then builds in full,
 * which reads the file whole and names any problem.
 */
export function readCardsAt(decksDir: string, name: string, places: CardsPlaces, stat: FileStat): CardsLayout | null {
  const path = join(deckDir(decksDir, name), CARDS_FILE);
  let fd: number;
  try {
    fd = openRegularFile(path, shown(path));
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (info.size !== stat.size || info.mtimeMs !== stat.mtimeMs || info.ino !== stat.ino) throw new Error('another file');
    const size = info.size;
    const read = (from: number, to: number): Buffer => {
      const bytes = Buffer.allocUnsafe(to - from);
      for (let filled = 0; filled < bytes.length; ) {
        const n = readSync(fd, bytes, filled, bytes.length - filled, from + filled);
        if (n === 0) throw new Error('cut short');
        filled += n;
      }
      return bytes;
    };
    const first = read(0, places.head);
    const firstEnd = places.head - 1;
    if (first[firstEnd] !== 10 || first[firstEnd - 1] !== 0x2c || first.indexOf(10) !== firstEnd) throw new Error('no head');
    const head = JSON.parse(`${first.toString('utf8', 0, firstEnd - 1)}}`) as CardsHeadLine;
    const { counts } = head;
    if (head.version !== 1 || typeof counts !== 'object' || counts === null) throw new Error('not version 1');
    if (places.head + head.restBytes !== size) throw new Error('not as long as it says');
    const lists: Partial<Record<(typeof LIST_KEYS)[number], ListLayout>> = {};
    for (const key of LIST_KEYS) {
      const list = places[key];
      const count = Math.max(0, list.length - 1);
      if (count !== counts[key]) throw new Error('counts differ');
      const starts = list instanceof Int32Array ? list.subarray(0, count) : Array.prototype.slice.call(list, 0, count);
      const ends = new Int32Array(count);
      for (let i = 0; i < count; i++) ends[i] = i < count - 1 ? list[i + 1]! - 2 : list[count]!;
      lists[key] = { starts, ends };
    }
    const items = (list: ListLayout, from: number, to: number): string[] => {
      if (from >= to) return [];
      const base = list.starts[from]! - 1;
      // From the newline before the first to the byte after the last: both checked.
      const bytes = read(base, list.ends[to - 1]! + 1);
      const texts: string[] = [];
      for (let k = from; k < to; k++) {
        const start = list.starts[k]! - base;
        const end = list.ends[k]! - base;
        const last = k === list.starts.length - 1;
        if (bytes[start - 1] !== 10 || bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d || bytes[end] !== (last ? 10 : 0x2c)) throw new Error(`${shown(path)}: a record is not where the generate cache says`);
        texts.push(bytes.toString('utf8', start, end));
      }
      return texts;
    };
    const recordsHolding = (text: string): string[] => {
      const needle = Buffer.from(text, 'utf8');
      const found: string[] = [];
      for (const at of findAll(fd, size, needle)) {
        const hit = recordAt(lists as Record<(typeof LIST_KEYS)[number], ListLayout>, at, at + needle.length);
        if (hit) found.push(items(hit.list, hit.k, hit.k + 1)[0]!);
      }
      return found;
    };
    return { head, stat, cards: lists.cards!, retired: lists.retired!, skipped: lists.skipped!, fd, items, recordsHolding, bytes: () => read(0, size) };
  } catch {
    closeSync(fd);
    return null;
  }
}


/**
 * cards.json as read at one moment, its cards not parsed: one of them read by its position now,
 * all of them later, from the same bytes whatever has been written since (the study session's
 * first card, then its whole deck: schedule/deferred-engine.ts).
 */
export interface HeldCardsFile {
  /** Its size, mtime and inode, as the file read had them. */
  stat: FileStat;
  /** The card at `position` in the cards list, or null when the file is not laid out as cardsFileText writes it, the card is not one, or the file was parsed. */
  cardAt(position: number): Card | null;
  /** The whole file parsed, as readCardsFile parses it (a damaged file is a UserError naming it), once: the bytes are let go. */
  parse(): CardsFile;
}

/** Deck `name`'s cards.json, read and held (HeldCardsFile); null when there is none. Errors as readCardsFile. */
export function holdCardsFile(decksDir: string, name: string): HeldCardsFile | null {
  const path = join(deckDir(decksDir, name), CARDS_FILE);
  let bytes: Buffer | null;
  let stat: FileStat;
  let parsed: CardsFile | null = null;
  try {
    // The stat of the file the bytes are read from: its inode tells it from any file put in its place since.
    const read = readRegularFileAndStat(path, MAX_DATA_FILE_BYTES, shown(path));
    if (read === null) return null;
    bytes = read.bytes;
    stat = { size: read.stat.size, mtimeMs: read.stat.mtimeMs, ino: read.stat.ino };
  } catch (error) {
    return cardsReadError(error, path, name);
  }
  return {
    stat,
    cardAt(position) {
      if (bytes === null) return null;
      try {
        const line = cardLineAt(bytes, position);
        if (line === null) return null;
        const card = JSON.parse(bytes.toString('utf8', line.start, line.end)) as Card;
        if (typeof card !== 'object' || card === null || typeof card.id !== 'string' || typeof card.title !== 'string' || typeof card.answer !== 'string') return null;
        if (typeof card.source !== 'object' || card.source === null) return null;
        card.question ??= card.title;
        return card;
      } catch {
        return null;
      }
    },
    // Parsed once; the bytes then go (a session holds its cards, not the file too).
    parse() {
      if (parsed === null) {
        parsed = parseCardsText(bytes!.toString('utf8'), path, name);
        bytes = null;
      }
      return parsed;
    },
  };
}

/**
 * Where the card at `position` is in cards.json's bytes, as cardsFileText lays them out: the
 * lines before it are skipped, not read (cardsPlacesOf checks the whole file). Null when the
 * bytes are not laid out so up to that line, or the head counts fewer cards.
 */
function cardLineAt(bytes: Buffer, position: number): { start: number; end: number } | null {
  const firstEnd = bytes.indexOf(10);
  if (firstEnd < 1 || bytes[firstEnd - 1] !== 0x2c) return null;
  const head = JSON.parse(`${bytes.toString('utf8', 0, firstEnd - 1)}}`) as CardsHeadLine;
  const count = head.counts?.cards;
  if (head.version !== 1 || !Number.isSafeInteger(count) || !Number.isSafeInteger(position) || position < 0 || position >= count) return null;
  const open = Buffer.from('"cards": [\n');
  if (bytes.compare(open, 0, open.length, firstEnd + 1, firstEnd + 1 + open.length) !== 0) return null;
  let start = firstEnd + 1 + open.length;
  // Scanned as a string, one character a byte: a Buffer.indexOf per line costs more than the search.
  const latin = bytes.toString('latin1');
  for (let i = 0; i < position; i++) {
    const end = latin.indexOf('\n', start);
    if (end < 0) return null;
    start = end + 1;
  }
  const end = latin.indexOf('\n', start);
  if (end < 0) return null;
  // Every card's line but the last ends in a comma.
  const last = position === count - 1;
  if (!last && bytes[end - 1] !== 0x2c) return null;
  return { start, end: last ? end : end - 1 };
}

/** Closes the cards.json `readCardsAt` opened. */
export function closeCards(layout: CardsLayout): void {
  try {
    closeSync(layout.fd);
  } catch {
    // read-only: nothing to lose
  }
}

/** Where `needle` starts in the file open as `fd` (of `size` bytes), read once through one 64 KiB buffer. */
function findAll(fd: number, size: number, needle: Buffer): number[] {
  const step = 1 << 16;
  const buffer = Buffer.allocUnsafe(step + needle.length);
  const found: number[] = [];
  // Each piece read after the last needle.length - 1 bytes of the one before, so that no match is cut.
  let kept = 0;
  for (let at = 0; at < size; ) {
    const n = readSync(fd, buffer, kept, Math.min(step, size - at), at);
    if (n === 0) break;
    const piece = buffer.subarray(0, kept + n);
    for (let i = piece.indexOf(needle); i >= 0; i = piece.indexOf(needle, i + 1)) found.push(at - kept + i);
    at += n;
    const keep = Math.min(needle.length - 1, piece.length);
    piece.copy(buffer, 0, piece.length - keep);
    kept = keep;
  }
  return found;
}

/** The record whose line holds bytes [from, to), if any. */
function recordAt(lists: Record<(typeof LIST_KEYS)[number], ListLayout>, from: number, to: number): { list: ListLayout; k: number } | null {
  for (const key of LIST_KEYS) {
    const list = lists[key];
    let lo = 0;
    let hi = list.starts.length - 1;
    // The last record starting at or before `from`.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list.starts[mid]! <= from) lo = mid;
      else hi = mid - 1;
    }
    if (list.starts.length && list.starts[lo]! <= from && to <= list.ends[lo]!) return { list, k: lo };
  }
  return null;
}

/** Items of one list of a new cards.json: lines of JSON, or items [from, to) of the same list in the old one, copied as they are. */
export type ItemRun = readonly string[] | { from: number; to: number };

/**
 * cardsFileText's bytes, in pieces, for lists made of runs of new lines and of the old file's items, each
 * run of old items copied in one piece: what a build that changed a few cards writes without
 * serialising, or even decoding, the others (cards/incremental.ts). With them, where each record
 * of the new file is.
 */
export function cardsFileBytes(fields: CardsHeadFields, old: CardsLayout, lists: { cards: ItemRun[]; retired: ItemRun[]; skipped: ItemRun[] }): { pieces: (Buffer | FileRange)[]; places: CardsPlaces } {
  const pieces: (Buffer | FileRange)[] = [];
  const counts = { cards: 0, retired: 0, skipped: 0 };
  /** Where each record is, counted from the end of the head line (not known yet). */
  const places: Record<(typeof LIST_KEYS)[number], number[]> = { cards: [], retired: [], skipped: [] };
  let at = 0;
  const push = (piece: Buffer) => {
    pieces.push(piece);
    at += piece.length;
  };
  const text = (value: string) => push(Buffer.from(value, 'utf8'));
  const list = (key: 'cards' | 'retired' | 'skipped', runs: ItemRun[], end: string) => {
    const layout = old[key];
    const starts = places[key];
    text(`"${key}": `);
    let items = 0;
    for (const run of runs) {
      const count = 'from' in run ? run.to - run.from : run.length;
      if (count === 0) continue;
      text(items === 0 ? '[\n' : ',\n');
      if ('from' in run) {
        const from = layout.starts[run.from]!;
        const to = layout.ends[run.to - 1]!;
        for (let k = run.from; k < run.to; k++) starts.push(layout.starts[k]! - from + at);
        pieces.push({ fd: old.fd, from, to });
        at += to - from;
      } else {
        let line = at;
        for (const item of run) {
          starts.push(line);
          line += Buffer.byteLength(item, 'utf8') + 2;
        }
        text(run.join(',\n'));
      }
      items += count;
    }
    if (items > 0) starts.push(at);
    text(items === 0 ? `[]${end}` : `\n]${end}`);
    counts[key] = items;
  };
  list('cards', lists.cards, ',\n');
  list('retired', lists.retired, ',\n');
  list('skipped', lists.skipped, '\n}\n');
  const { version, deck, notesHash, generator, notesStamps, warnings } = fields;
  const head: CardsHeadLine = { version, deck, notesHash, generator, ...(notesStamps ? { notesStamps } : {}), counts, restBytes: at, warnings };
  const headLine = Buffer.from(`${JSON.stringify(head).slice(0, -1)},\n`, 'utf8');
  // (A loop, not Int32Array.from with a function: that called the function for each of 10,000
  // records, before V8 had compiled either, 3 ms of an edit's rebuild here; the loop, under 1.)
  const placed = (list: number[]) => {
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) out[i] = list[i]! + headLine.length;
    return out;
  };
  return {
    pieces: [headLine, ...pieces],
    places: { head: headLine.length, cards: placed(places.cards), retired: placed(places.retired), skipped: placed(places.skipped) },
  };
}

/** cards.json's first line: all but its lists, with their lengths (serializeCardsFile). */
export interface CardsHeadLine extends Pick<CardsFile, 'version' | 'deck' | 'notesHash' | 'generator' | 'notesStamps' | 'warnings'> {
  counts: { cards: number; retired: number; skipped: number };
  restBytes: number;
}

/** What cards.json says of itself on its first line, and its stat. */
export interface CardsHead extends CardsHeadLine {
  stat: FileStat;
}

/** The most of cards.json read for its first line (a deck's warnings and notes stamps are on it). */
const MAX_HEAD_BYTES = 1 << 20;

/**
 * cards.json's first line, without reading the cards (readFirstLine): null when the file is
 * missing, or its first line is not a head that serializeCardsFile wrote (an older layout, a
 * hand edit), or anything fails: the caller then reads the whole file, which names any problem.
 */
export function readCardsHead(decksDir: string, name: string): CardsHead | null {
  const path = join(deckDir(decksDir, name), CARDS_FILE);
  try {
    const first = readFirstLine(path, MAX_HEAD_BYTES, shown(path));
    const text = first?.line.toString('utf8');
    if (!first || !text?.endsWith(',')) return null;
    const head = JSON.parse(`${text.slice(0, -1)}}`) as CardsHeadLine;
    const { counts } = head;
    const valid =
      head.version === 1 &&
      typeof head.generator === 'number' &&
      typeof counts === 'object' && counts !== null &&
      [counts.cards, counts.retired, counts.skipped].every((n) => Number.isSafeInteger(n) && n >= 0) &&
      Array.isArray(head.warnings) &&
      (head.notesStamps === undefined || Array.isArray(head.notesStamps)) &&
      first.size === first.line.length + 1 + head.restBytes;
    return valid ? { ...head, stat: { size: first.size, mtimeMs: first.mtimeMs, ino: first.ino } } : null;
  } catch {
    return null;
  }
}

/**
 * Writes cards.json atomically (temp file, fsync, rename): a crash leaves the old file whole.
 * Returns the file as written (its size, mtime and inode).
 */
export function writeCardsFile(decksDir: string, name: string, text: string | readonly (Buffer | FileRange)[]): FileStat {
  const dir = deckDir(decksDir, name);
  try {
    removeTempFilesOfDeadWriters(dir);
    return writeFileAtomicSync(join(dir, CARDS_FILE), text);
  } catch (error) {
    throw new UserError(`cannot write ${join(dir, CARDS_FILE)}: ${(error as Error).message}`);
  }
}

/**
 * Creates decks/<name>/ holding `files`, all or nothing: the folder is built under a
 * temporary name and renamed into place. A file's name may hold sub-folders ('/' between them).
 */
export function createDeckFolder(decksDir: string, name: string, files: { name: string; bytes: Uint8Array | string }[]): string {
  const dir = deckDir(decksDir, name);
  try {
    statSync(dir);
    throw new UserError(`deck ${name} already exists in ${shown(decksDir)}`);
  } catch (error) {
    if (error instanceof UserError) throw error;
  }
  const temp = join(decksDir, `.${name}.new-${process.pid}`);
  try {
    mkdirSync(decksDir, { recursive: true });
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp);
  } catch (error) {
    throw new UserError(`cannot create the deck folder in ${shown(decksDir)}: ${(error as Error).message}`);
  }
  const folders = new Set<string>();
  try {
    for (const file of files) {
      const parts = file.name.split('/');
      if (parts.some((part) => part === '' || part === '.' || part === '..')) throw new Error(`bad file name ${JSON.stringify(file.name)}`);
      const path = join(temp, ...parts);
      for (let i = 1; i < parts.length; i++) folders.add(join(temp, ...parts.slice(0, i)));
      if (parts.length > 1) mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'wx');
      try {
        writeFileSync(fd, file.bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const folder of folders) fsyncDir(folder);
    fsyncDir(temp);
    renameSync(temp, dir);
    fsyncDir(decksDir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw new UserError(`cannot create the deck folder ${shown(dir)}: ${(error as Error).message}`);
  }
  return dir;
}
/**
 * How long before a stamp was taken a file must have last changed for the stamp to be trusted.
 * A file changed again within one tick of the file system's clock keeps its mtime, so a stamp
 * that close cannot tell (git calls such entries "racy"). Local file systems keep time in
 * nanoseconds, moved on every few milliseconds; some (FAT, HFS+, network shares) keep whole
 * seconds, and all their times are then whole seconds.
 */
const RACY_MS = 100;
const RACY_MS_COARSE = 2000;

/**
 * Whether some stamp is too close to (or after) `takenAt` to be trusted. The file system is
 * taken for a whole-second one when every notes mtime is whole seconds (`takenAt` may be this
 * machine's clock, which says nothing about the file system's).
 */
export function isRacy(stamps: readonly NotesStamp[], takenAt: number): boolean {
  const coarse = stamps.every((stamp) => stamp.mtimeMs % 1000 === 0);
  return stamps.some((stamp) => !(stamp.mtimeMs < takenAt - (coarse ? RACY_MS_COARSE : RACY_MS)));
}

/**
 * The deck's notes files as they are now (name, size, mtime), in name order, without reading
 * them; null when one of them is not a regular file or cannot be looked at.
 */
export function statNotesFiles(decksDir: string, name: string): NotesStamp[] | null {
  try {
    const { root, files } = listNotes(decksDir, name);
    const stats: NotesStamp[] = [];
    for (const file of files) {
      const info = statSync(join(root, file));
      if (!info.isFile()) return null;
      stats.push({ file, size: info.size, mtimeMs: info.mtimeMs });
    }
    return stats;
  } catch {
    return null;
  }
}

/** cards.json's size, mtime and inode now. */
export function statCardsFile(decksDir: string, name: string): FileStat {
  const info = statSync(join(deckDir(decksDir, name), CARDS_FILE));
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
}

/**
 * A generate killed mid-write leaves `.cards.json.tmp-<pid>` (or `..generate-cache.tmp-<pid>`)
 * behind; clear those of dead processes.
 */
function removeTempFilesOfDeadWriters(dir: string): void {
  for (const file of readdirSync(dir)) {
    const match = /^\.(?:cards\.json|\.generate-cache)\.tmp-(\d+)$/.exec(file);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isProcessAlive(pid)) continue;
    rmSync(join(dir, file), { force: true });
  }
}
