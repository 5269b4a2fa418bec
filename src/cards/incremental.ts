// Rebuilding cards.json after an edit of a few notes, reading only the notes around the edit.
// The generate cache (store/generate-cache.ts) holds the bytes of the notes cards.json was built
// from and where each paper starts. The edit is found by comparing bytes (the common start and
// end of the old and new notes); the papers from the last card before it to the first card
// after it (or to the end) are read again (parsed, hashed, their key idea extracted), and every
// other card and skipped note is the line cards.json already has, its line number moved by the
// lines the edit added. The result is byte for byte what a full build gives
// (test/cli/generate-incremental.test.ts): where that cannot be shown cheaply, null, and the
// caller builds in full.
import type { Card, NoteWarning, NotesStamp, SkippedNote } from '../core/types.js';
import { decodeNotes } from '../notes/decode.js';
import { parsePlainNotes } from '../notes/plain.js';
import { cardLine, cardsFileBytes, closeCards, readCardsAt, readNotesFiles, writeCardsFile, type CardsLayout, type FileStat, type ItemRun, type NotesFile } from '../store/decks.js';
import { closeGenerateCache, compareCachedNotes, hasGenerateCache, openGenerateCache, readCachedNotes, writeGenerateCache, type OpenGenerateCache } from '../store/generate-cache.js';
import type { IndexedCards } from '../store/due-index.js';
import { cleanUtf8, HEADING_LIKE, plainLinesWithin, startsWithBom } from './build-cache.js';
import { newlySkipped, noteBodyHash, skipKey } from './records.js';
import type { IdentityChanges } from './identity.js';
import { extractKeyIdea, type KeyIdea } from './key-idea.js';
import { GENERATOR_VERSION } from './version.js';

export interface IncrementalBuild {
  deck: string;
  cards: number;
  papers: number;
  changes: IdentityChanges;
  skippedCount: number;
  /** The skipped notes, when they changed (else empty). */
  skipped: SkippedNote[];
  skippedChanged: boolean;
  skippedNew: SkippedNote[];
  warnings: NoteWarning[];
  /** The titles of the cards read again, by id (the changes name only those). */
  titleOf: (id: string) => string | undefined;
  /** What a due index may be made from: the cards as just written (their ids read when asked). */
  indexed: () => IndexedCards | null;
  /**
   * The cards.json replaced and the one written, and the notes' stamps (null when a notes file
   * was too fresh to stamp): every card kept its id and title in its place, so the due index of
   * the one replaced holds them all (store/due-index.ts reheadDueIndex).
   */
  replacedStat: FileStat;
  writtenStat: FileStat;
  notesStamps: NotesStamp[] | null;
}

/**
 * Nothing to do here, in the full program. In the bin (the quick path), src/cli/hand-over.ts
 * stands in for this module and throws, so that `generate` hands a deck that needs building over
 * to the full program before it has printed anything (as cards/generate.ts's needGenerator).
 */
export function needGenerator(): void {}

/**
 * Rebuilds deck `name`'s cards.json after an edit of its notes from the generate cache, and
 * leaves the cache for the new cards.json. Null, having written nothing, whenever the edit is
 * not one it can rebuild exactly as buildDeck would: no cache, or one for another cards.json or
 * other notes; notes unchanged, unreadable or not of the kind the cache is left for
 * (cacheOfBuild); an edit before the first card; a heading among the lines read again, before
 * or after the edit; a paper that becomes a card or stops being one, or changes its title; a
 * session header added or removed.
 */
export function generateIncrementally(decksDir: string, name: string): IncrementalBuild | null {
  if (!hasGenerateCache(decksDir, name)) return null;
  let files: NotesFile[];
  try {
    files = readNotesFiles(decksDir, name);
  } catch {
    return null; // the full build says what is wrong with the notes
  }
  if (files.length !== 1) return null;
  const cache = openGenerateCache(decksDir, name);
  if (!cache) return null;
  try {
    return cache.head.generator === GENERATOR_VERSION ? rebuild(decksDir, name, cache, files[0]!) : null;
  } finally {
    closeGenerateCache(cache);
  }
}

function rebuild(decksDir: string, name: string, cache: OpenGenerateCache, notes: NotesFile): IncrementalBuild | null {
  const old = readCardsAt(decksDir, name, cache.head.cardsPlaces, cache.head.cardsStat);
  if (!old) return null;
  const progress = { written: false };
  try {
    return old.head.generator === GENERATOR_VERSION ? rebuildFrom(decksDir, name, cache, old, notes, progress) : null;
  } catch (error) {
    // A record not where the cache says, or not JSON: before anything is written, the full
    // build reads the file whole and names what is wrong; after, the error is the write's.
    if (!progress.written) return null;
    throw error;
  } finally {
    closeCards(old);
  }
}

function rebuildFrom(decksDir: string, name: string, cache: OpenGenerateCache, old: CardsLayout, notes: NotesFile, progress: { written: boolean }): IncrementalBuild | null {
  const { file } = cache.head;
  if (notes.file !== file) return null;
  const now = notes.bytes;
  // The notes must have changed since cards.json was built (else the caller restamps, or has
  // nothing to do), and the cache's bytes must be the notes it was built from (a damaged cache
  // is not used). Both fingerprints come from the one pass of the comparison.
  const compared = compareCachedNotes(cache, now, file);
  if (!compared || compared.hash !== old.head.notesHash || compared.nowHash === old.head.notesHash) return null;
  const notesHash = compared.nowHash;

  // The edit: bytes [start, now.length - end) of the new notes stand for [start, beforeLength - end) of the old.
  const { start, end } = compared;
  // The notes' lines must be as the decoder keeps them (plainLines). The bytes the edit left are
  // the cached notes', which were so when the cache was left (the cache is left for no other
  // notes); what the edit could make or break lies in the bytes it changed and the two on
  // either side of them (a line separator is three bytes long).
  if (startsWithBom(now) || !plainLinesWithin(now, Math.max(0, start - 2), Math.min(now.length, now.length - end + 2))) return null;
  const beforeLength = cache.head.notesBytes;
  const editLineStart = start === 0 ? 0 : now.lastIndexOf(10, start - 1) + 1;
  const oldEditEnd = beforeLength - end;
  const shift = now.length - beforeLength;
  // (Each paper's line, offset and ref, three numbers each.)
  const { entries } = cache.head;
  const papers = entries.length / 3;
  const lineOf = (i: number) => entries[3 * i]!;
  const offsetOf = (i: number) => entries[3 * i + 1]!;
  const refOf = (i: number) => entries[3 * i + 2]!;
  // The window read again: from the last card whose line is wholly before the edit's first line
  // (each line's reading depends on none above it, and on none below the next paper's line), to
  // the first card starting past the edit, whose line is read too and must start in the same
  // session as before: then everything below it reads as before. With no card past the edit,
  // to the end of the notes.
  let first = -1;
  for (let i = 0; i < papers && offsetOf(i) < editLineStart; i++) if (refOf(i) >= 0) first = i;
  let last = -1;
  for (let i = Math.max(first + 1, 0); i < papers; i++) {
    if (refOf(i) >= 0 && offsetOf(i) > oldEditEnd) {
      last = i;
      break;
    }
  }
  if (first < 0) return null;
  const toEnd = last < 0;
  if (toEnd) last = papers;
  const [firstLine, firstOffset, firstRef] = [lineOf(first), offsetOf(first), refOf(first)];
  const [lastLine, lastOffset, lastRef] = toEnd ? [Infinity, beforeLength, old.cards.starts.length] : [lineOf(last), offsetOf(last), refOf(last)];
  const lineEnd = toEnd ? -1 : now.indexOf(10, lastOffset + shift);
  const windowBytes = now.subarray(firstOffset, lineEnd < 0 ? now.length : lineEnd);
  if (!cleanUtf8(windowBytes)) return null;
  let text: string;
  try {
    text = decodeNotes(windowBytes, notes.label);
  } catch {
    return null;
  }
  // No heading read again, and none gone: every heading outside the window keeps its role.
  // (The old window's bytes: to the end of the old notes, or of the last card's line, which ends
  // before the next paper's line starts.)
  const oldSpan = readCachedNotes(cache, firstOffset, toEnd || last + 1 >= papers ? beforeLength : offsetOf(last + 1));
  if (!oldSpan) return null;
  const oldLineEnd = toEnd ? -1 : oldSpan.indexOf(10, lastOffset - firstOffset);
  const oldWindow = oldLineEnd < 0 ? oldSpan : oldSpan.subarray(0, oldLineEnd);
  try {
    if (HEADING_LIKE.test(text) || HEADING_LIKE.test(decodeNotes(oldWindow, notes.label))) return null;
  } catch {
    return null;
  }

  // The cards of the window and the one it ends on, read by place (a record not where the
  // cache says, or not JSON, throws: then the full build runs).
  const oldWindowCards = old.items(old.cards, firstRef, toEnd ? lastRef : lastRef + 1).map((line) => JSON.parse(line) as Card);
  const firstCard = oldWindowCards[0]!;
  const lastCard = toEnd ? null : oldWindowCards.pop()!;
  const windowLines = text.split('\n').length;
  const lineDelta = toEnd ? 0 : windowLines - 1 - (lastLine - firstLine);
  const parsed = parsePlainNotes(text, file, { session: firstCard.source.session });
  // The window must start with the card it starts at, and end with the card it ends at, in
  // that card's session, with nothing said of that card's line (which is not read again).
  const read = toEnd ? parsed.entries : parsed.entries.slice(0, -1);
  const tail = parsed.entries[parsed.entries.length - 1];
  if (read.length < 1 || read[0]!.line !== 1 || read[0]!.title !== firstCard.title) return null;
  if (lastCard && (tail!.line !== windowLines || tail!.title !== lastCard.title || tail!.session !== lastCard.source.session)) return null;
  if (lastCard && parsed.warnings.some((w) => w.line >= windowLines)) return null;

  // Where each line of the window starts, for the cache.
  const lineStarts = [0];
  for (let at = windowBytes.indexOf(10); at >= 0; at = windowBytes.indexOf(10, at + 1)) lineStarts.push(at + 1);

  let oldSkipsBefore = 0;
  let oldSkipsIn = 0;
  for (let i = 0; i < last; i++) if (refOf(i) < 0) i < first ? oldSkipsBefore++ : oldSkipsIn++;
  const skipsFrom = oldSkipsBefore + oldSkipsIn;
  const oldWindowSkips = old.items(old.skipped, oldSkipsBefore, skipsFrom).map((line) => JSON.parse(line) as SkippedNote);
  const newCards: Card[] = [];
  const newSkips: SkippedNote[] = [];
  const windowEntries: number[] = [];
  const windowKnown = new Map<string, string>();
  for (const entry of read) {
    const relative = entry.line;
    entry.line += firstLine - 1;
    const bodyHash = noteBodyHash(entry);
    // As buildDeck: a note the last build had (the same body and title) gives what it gave.
    const known = entry.body.trim() === '' ? undefined : knownResult(old, oldWindowCards, oldWindowSkips, bodyHash, entry.title);
    if (known === null) return null;
    const keyIdea = known ?? extractKeyIdea(entry);
    const key = `${bodyHash}\0${entry.title}`;
    const result = 'skip' in keyIdea ? `s${keyIdea.skip}` : `a${keyIdea.answer}`;
    if ((windowKnown.get(key) ?? result) !== result) return null;
    windowKnown.set(key, result);
    const offset = firstOffset + lineStarts[relative - 1]!;
    if ('skip' in keyIdea) {
      windowEntries.push(entry.line, offset, -1 - (oldSkipsBefore + newSkips.length));
      newSkips.push({ title: entry.title, line: entry.line, reason: keyIdea.skip, file: entry.file, bodyHash });
      continue;
    }
    const was = oldWindowCards[newCards.length];
    // Each card keeps its place and title: identities are then those of the cards before.
    if (!was || was.title !== entry.title) return null;
    windowEntries.push(entry.line, offset, firstRef + newCards.length);
    newCards.push({
      id: was.id,
      title: entry.title,
      question: entry.title,
      answer: keyIdea.answer,
      source: { file: entry.file, line: entry.line, session: entry.session, code: entry.code },
      bodyHash,
    });
  }
  if (newCards.length !== oldWindowCards.length) return null;

  // Every card and skipped note below the window: the same, lineDelta lines further down.
  let cardsBelow: ItemRun = { from: lastRef, to: old.cards.starts.length };
  let skipsBelow: ItemRun = { from: skipsFrom, to: old.skipped.starts.length };
  let movedCards: Card[] | null = null;
  if (lineDelta !== 0) {
    movedCards = old.items(old.cards, lastRef, old.cards.starts.length).map((line) => {
      const card = JSON.parse(line) as Card;
      card.source.line += lineDelta;
      return card;
    });
    cardsBelow = movedCards.map(cardLine);
    skipsBelow = old.items(old.skipped, skipsFrom, old.skipped.starts.length).map((line) => {
      const skip = JSON.parse(line) as SkippedNote;
      skip.line += lineDelta;
      return JSON.stringify(skip);
    });
  }
  const cardCount = old.cards.starts.length;
  const skipCount = old.skipped.starts.length - oldSkipsIn + newSkips.length;
  // The skipped notes, for the summary, when they changed (read before anything is written).
  const skippedChanged =
    (lineDelta !== 0 && skipsFrom < old.skipped.starts.length) ||
    oldWindowSkips.length !== newSkips.length ||
    oldWindowSkips.some((s, i) => skipKey(s) !== skipKey(newSkips[i]!));
  const oldSkipped = skippedChanged ? old.items(old.skipped, 0, old.skipped.starts.length).map((line) => JSON.parse(line) as SkippedNote) : [];

  const warnings = [
    ...old.head.warnings.filter((w) => w.line < firstLine),
    ...parsed.warnings.map((w) => ({ ...w, line: w.line + firstLine - 1 })),
    ...old.head.warnings.filter((w) => w.line >= lastLine).map((w) => (lineDelta === 0 ? w : { ...w, line: w.line + lineDelta })),
  ];
  const { pieces, places } = cardsFileBytes(
    { version: 1, deck: name, notesHash, generator: GENERATOR_VERSION, ...(notes.stamp ? { notesStamps: [notes.stamp] } : {}), warnings },
    old,
    {
      cards: [{ from: 0, to: firstRef }, newCards.map(cardLine), cardsBelow],
      retired: [{ from: 0, to: old.retired.starts.length }],
      skipped: [{ from: 0, to: oldSkipsBefore }, newSkips.map((skip) => JSON.stringify(skip)), skipsBelow],
    },
  );
  progress.written = true;
  const writtenStat = writeCardsFile(decksDir, name, pieces);

  const skipDelta = newSkips.length - oldSkipsIn;
  // The papers before the window as they were, the window's, and those below it moved.
  const cacheEntries = new Int32Array(3 * first + windowEntries.length + 3 * (papers - last));
  cacheEntries.set(entries.subarray(0, 3 * first));
  cacheEntries.set(windowEntries, 3 * first);
  for (let i = last, at = 3 * first + windowEntries.length; i < papers; i++, at += 3) {
    const ref = refOf(i);
    cacheEntries[at] = lineOf(i) + lineDelta;
    cacheEntries[at + 1] = offsetOf(i) + shift;
    cacheEntries[at + 2] = ref >= 0 ? ref : ref - skipDelta;
  }
  if (writtenStat.ino !== undefined) {
    writeGenerateCache(decksDir, name, {
      head: { ...cache.head, cardsStat: { size: writtenStat.size, mtimeMs: writtenStat.mtimeMs, ino: writtenStat.ino }, cardsPlaces: places, notesBytes: now.length, entries: cacheEntries },
      notes: now,
    });
  }

  // What the summary says: the cards read again that changed, and the skipped notes when they did.
  const changes: IdentityChanges = { added: [], updated: [], renamed: [], retired: [], restored: [], unchanged: 0 };
  newCards.forEach((card, k) => {
    const was = oldWindowCards[k]!;
    if (was.bodyHash !== card.bodyHash || was.answer !== card.answer || (was.question ?? was.title) !== card.question) changes.updated.push(card.id);
  });
  changes.unchanged = cardCount - changes.updated.length;
  const skipped = skippedChanged ? [...oldSkipped.slice(0, oldSkipsBefore), ...newSkips, ...(Array.isArray(skipsBelow) ? skipsBelow.map((line) => JSON.parse(line) as SkippedNote) : oldSkipped.slice(skipsFrom))] : [];
  const titles = new Map(newCards.map((card) => [card.id, card.title]));
  /** Every card's id and title, from the cards.json just written (null when it is not that one any more). */
  const ids = () => {
    const written = readCardsAt(decksDir, name, places, writtenStat);
    if (!written) return null;
    try {
      const bytes = written.bytes();
      // Scanned as latin1 text, one character a byte (offsets are the same): made only when asked.
      const latin = bytes.toString('latin1');
      return Array.from({ length: cardCount }, (_, k) => idAndTitleAt(written, bytes, latin, k));
    } catch {
      return null;
    } finally {
      closeCards(written);
    }
  };
  return {
    deck: name,
    cards: cardCount,
    papers: cardCount + skipCount,
    changes,
    skippedCount: skipCount,
    skipped,
    skippedChanged,
    skippedNew: skippedChanged ? newlySkipped(oldSkipped, skipped) : [],
    warnings,
    titleOf: (id) => titles.get(id),
    indexed: () => {
      const cards = notes.stamp ? ids() : null;
      return cards ? { cardsFile: { generator: GENERATOR_VERSION, cards }, cardsStat: writtenStat, notesStamps: [notes.stamp!], writtenHere: true } : null;
    },
    replacedStat: old.stat,
    writtenStat,
    notesStamps: notes.stamp ? [notes.stamp] : null,
  };
}

const ID_START = '{"id":"';
/** An id that reads the same in latin1 and UTF-8, and as JSON and as it is: printable ASCII, no \\ or ". */
const PLAIN_ID = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/;

const TITLE_AFTER_ID = '","title":"';

/** Card `k`'s id and title, from its line in cards.json (`{"id":"...","title":"...",...}`), parsing the line only when they are not plain. */
function idAndTitleAt(old: CardsLayout, bytes: Buffer, latin: string, k: number): { id: string; title: string } {
  const start = old.cards.starts[k]!;
  const from = start + ID_START.length;
  if (latin.startsWith(ID_START, start)) {
    const idEnd = latin.indexOf('"', from);
    const id = latin.slice(from, idEnd);
    if (PLAIN_ID.test(id) && latin.startsWith(TITLE_AFTER_ID, idEnd)) {
      const titleFrom = idEnd + TITLE_AFTER_ID.length;
      const title = latin.slice(titleFrom, latin.indexOf('"', titleFrom));
      // Printable ASCII without \ or ": the title as it is (an empty one is fine too).
      if (title === '' || PLAIN_ID.test(title)) return { id, title };
    }
  }
  const card = JSON.parse(bytes.toString('utf8', start, old.cards.ends[k]!)) as Card;
  return { id: card.id, title: card.title };
}

/**
 * What the cards.json `old` says a note of this body hash and title gives (buildDeck's
 * `known`): a card's answer or a skip's reason; undefined when it holds none such. Every record
 * of one hash and title says the same (cacheOfBuild left the cache only then: reusesItself), so
 * the first found is the one: one of the window's own records, read already, else one found in
 * a pass over the file. Null when a line holding the hash cannot be read.
 */
function knownResult(old: CardsLayout, windowCards: readonly Card[], windowSkips: readonly SkippedNote[], bodyHash: string, title: string): KeyIdea | undefined | null {
  const card = windowCards.find((c) => c.bodyHash === bodyHash && c.title === title);
  if (card) return { answer: card.answer };
  const skip = windowSkips.find((s) => s.bodyHash === bodyHash && s.title === title);
  if (skip) return { skip: skip.reason };
  for (const line of old.recordsHolding(`"bodyHash":"${bodyHash}"`)) {
    let record: { title?: unknown; bodyHash?: unknown; answer?: unknown; reason?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      return null;
    }
    if (record.bodyHash !== bodyHash || record.title !== title) continue;
    if (typeof record.answer === 'string') return { answer: record.answer };
    if (typeof record.reason === 'string') return { skip: record.reason };
    return null;
  }
  return undefined;
}
