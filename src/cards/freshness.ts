// Whether a deck's cards.json is current: built by this generator from exactly the notes as
// they are now. The store reads and writes the files; this is the policy on top of them: the
// notes' stamps (name, size, mtime) recorded in cards.json, checked with a stat; else one hash
// over their bytes; and restamping, so that the next check is a stat again.
import { UserError } from '../core/errors.js';
import { Fingerprint } from '../core/fingerprint.js';
import type { CardsFile, NotesStamp } from '../core/types.js';
import {
  NoNotesFilesError,
  hasNoNotesFile,
  isRacy,
  readCardsFile,
  readCardsHead,
  readNotesFiles,
  serializeCardsFile,
  statCardsFile,
  statNotesFiles,
  writeCardsFile,
  type CardsHead,
  type FileStat,
  type NotesFile,
} from '../store/decks.js';
import { readDueIndex, readDueQueue, writeDueIndex, type CardsStillAsIndexed, type IndexedCards } from '../store/due-index.js';
import { GENERATOR_VERSION } from './version.js';

export interface DeckStatus {
  /** cards.json as on disk, or null. */
  cardsFile: CardsFile | null;
  /** Its text, to tell a rebuild that changed nothing without reading it again. */
  cardsText: string | null;
  /** Its size and mtime when read. */
  cardsStat: FileStat | null;
  /** The notes files as read, or null when their stamps showed them unchanged, or they cannot be read. */
  notes: NotesFile[] | null;
  /** Why the notes cannot be read, when cards.json stands in for them (see deckStatus). */
  notesError: UserError | null;
  /** cards.json exists and was built from exactly these notes by this generator. */
  current: boolean;
}

function sameFileStat(a: FileStat & { file?: string }, b: FileStat & { file?: string }): boolean {
  // The inode where both know it (cards.json's, not the notes' stamps).
  if (a.ino !== undefined && b.ino !== undefined && a.ino !== b.ino) return false;
  return a.file === b.file && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Whether the deck's notes files (in its folder, or where its link file says) are exactly those
 * stamped in cards.json, unchanged in name,
 * size and mtime, each last changed well before cards.json was written (stamps are taken only
 * of files changed well before they were read; this holds when the file system's clock and
 * this machine's disagree, too). Any doubt, or any error, says no: the caller then reads and
 * hashes the notes.
 */
export function notesUntouchedSince(decksDir: string, name: string, stamps: readonly NotesStamp[] | undefined, cardsStat: FileStat): boolean {
  if (!stamps || stamps.length === 0 || isRacy(stamps, cardsStat.mtimeMs)) return false;
  const now = statNotesFiles(decksDir, name);
  return now !== null && now.length === stamps.length && stamps.every((stamp, i) => sameFileStat(stamp, now[i]!));
}

/**
 * Whether cards.json is up to date, cheaply and without the generator: the notes files' stat
 * when they match the stamps in cards.json (nothing is read), else one hash over their bytes.
 * A deck whose notes are gone or unreadable is current when it still has cards: the cards
 * last built are the deck, and only `generate` should report the notes' problem (notesError).
 */
export function deckStatus(decksDir: string, name: string): DeckStatus {
  const read = readCardsFile(decksDir, name);
  const cardsFile = read?.cardsFile ?? null;
  const found = { cardsFile, cardsText: read?.text ?? null, cardsStat: read?.stat ?? null };
  const built = cardsFile !== null && cardsFile.generator === GENERATOR_VERSION;
  if (built && notesUntouchedSince(decksDir, name, cardsFile.notesStamps, read!.stat)) {
    return { ...found, notes: null, notesError: null, current: true };
  }
  let notes: NotesFile[];
  try {
    notes = readNotesFiles(decksDir, name);
  } catch (error) {
    if (cardsFile && error instanceof UserError) return { ...found, notes: null, notesError: error, current: true };
    throw error;
  }
  return { ...found, notes, notesError: null, current: built && notesHashMatches(cardsFile.notesHash, notes) };
}

/**
 * cards.json's head (its first line: counts and warnings, not the cards) when the deck is
 * current by stat alone, as deckStatus's first test finds it; else null. What `generate` needs
 * to say that nothing changed, without reading thousands of cards.
 */
export function unchangedHead(decksDir: string, name: string): CardsHead | null {
  const head = readCardsHead(decksDir, name);
  if (!head || head.generator !== GENERATOR_VERSION) return null;
  return notesUntouchedSince(decksDir, name, head.notesStamps, head.stat) ? head : null;
}

/**
 * Why the deck's notes cannot be used while its cards.json stands in for them, or null. A deck of
 * cards alone (no notes file at all) is a deck as it stands, not a problem.
 */
export function notesProblem(status: DeckStatus): UserError | null {
  return status.notesError instanceof NoNotesFilesError ? null : status.notesError;
}

/**
 * Writer only. When deckStatus found the notes unchanged by reading them (they were touched,
 * or cards.json was built before stamps, or with the older hash), records their stamps and
 * hash in cards.json, so that the next check is a stat again; the cards stay as they are.
 * Only a speed-up: it writes nothing when a notes file is too fresh to stamp, or cards.json
 * changed since it was read (a generate elsewhere), and a failure to write is not an error.
 * Returns whether it wrote.
 */
export function restampNotes(decksDir: string, name: string, status: DeckStatus): boolean {
  const { cardsFile, cardsStat, notes } = status;
  if (!status.current || !cardsFile || !cardsStat || !notes) return false;
  const notesStamps = notes.map((file) => file.stamp);
  if (!notesStamps.every((stamp) => stamp !== undefined)) return false;
  const notesHash = hashNotes(notes);
  const recorded = cardsFile.notesStamps;
  const same = recorded?.length === notesStamps.length && notesStamps.every((stamp, i) => sameFileStat(stamp, recorded[i]!));
  if (same && cardsFile.notesHash === notesHash) return false;
  try {
    if (!sameFileStat(cardsStat, statCardsFile(decksDir, name))) return false;
    writeCardsFile(decksDir, name, serializeCardsFile({ ...cardsFile, notesHash, notesStamps }));
    return true;
  } catch {
    return false; // the next check reads the notes again, as this one did
  }
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

/**
 * Whether `notesHash` (from cards.json) is the hash of these notes. Decks built before the
 * fingerprint carry 32 hex digits of a SHA-256 instead; those are checked the old way, loading
 * node:crypto only then, so an upgrade does not take every deck for changed.
 */
function notesHashMatches(notesHash: string, files: readonly { file: string; bytes: Uint8Array }[]): boolean {
  if (notesHash.length !== 32) return notesHash === hashNotes(files);
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256');
  for (const { file, bytes } of files) hash.update(file).update('\0').update(String(bytes.length)).update('\0').update(bytes);
  return hash.digest('hex').slice(0, 32) === notesHash;
}

/**
 * What a due index may be made from (store/due-index.ts): cards.json when `status` vouches for
 * it without doubt — current, from notes unchanged by their stamps, or from no notes file at
 * all. Null otherwise, and no index is left.
 */
export function indexedCards(status: DeckStatus): IndexedCards | null {
  const { cardsFile, cardsStat } = status;
  if (!status.current || status.notes !== null || !cardsFile || !cardsStat) return null;
  if (notesProblem(status)) return null;
  // Cards alone (no notes file): an empty list of stamps, which cardsStillAsIndexed takes to mean so.
  const notesStamps = status.notesError ? [] : cardsFile.notesStamps;
  if (!notesStamps || cardsFile.generator !== GENERATOR_VERSION) return null;
  return { cardsFile, cardsStat, notesStamps };
}

/** Whether the cards a due index of deck `name` was made from are still current, by stat alone. */
export function cardsStillAsIndexed(decksDir: string, name: string): CardsStillAsIndexed {
  return ({ generator, cardsStat, notesStamps }) => {
    if (generator !== GENERATOR_VERSION || !sameFileStat(cardsStat, statCardsFile(decksDir, name))) return false;
    return notesStamps.length === 0 ? hasNoNotesFile(decksDir, name) : notesUntouchedSince(decksDir, name, notesStamps, cardsStat);
  };
}

/** Leaves `deck`'s due index for the cards `status` read, when it vouches for them (indexedCards). */
export function leaveDueIndex(stateDir: string, deck: Parameters<typeof writeDueIndex>[1], status: DeckStatus): boolean {
  const cards = indexedCards(status);
  return cards !== null && writeDueIndex(stateDir, deck, cards);
}

/** Deck `name`'s due index brought up to date, or null when it is missing or its cards changed since. */
export function currentDueIndex(decksDir: string, stateDir: string, name: string): ReturnType<typeof readDueIndex> {
  return readDueIndex(stateDir, name, cardsStillAsIndexed(decksDir, name));
}

/** What `due` counts of deck `name` from its due index, under currentDueIndex's checks (readDueQueue: the queue's columns alone), or null. */
export function currentDueQueue(decksDir: string, stateDir: string, name: string): ReturnType<typeof readDueQueue> {
  return readDueQueue(stateDir, name, cardsStillAsIndexed(decksDir, name));
}

/**
 * What a due index may be made from right after `generate` wrote cards.json: the cards built, as
 * written (the inode of that very file), from notes that were all stamped when read. Null when
 * nothing was written or a notes file was too fresh to stamp.
 */
export function indexedCardsOfBuild(cardsFile: CardsFile, writtenStat: FileStat | null): IndexedCards | null {
  if (!writtenStat || !cardsFile.notesStamps || cardsFile.generator !== GENERATOR_VERSION) return null;
  return { cardsFile, cardsStat: writtenStat, notesStamps: cardsFile.notesStamps, writtenHere: true };
}
