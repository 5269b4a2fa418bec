// What a build leaves beside cards.json so that the next one, after an edit of a few notes, can
// read only the notes around the edit (cards/incremental.ts): the notes' bytes, where each
// paper starts, and where each record of cards.json is (store/generate-cache.ts). Left only for a deck that the incremental build can
// rebuild exactly as a full build would; for any other, none (and any old one is removed).
import { isUtf8 } from 'node:buffer';
import type { CardsFile } from '../core/types.js';
import { decodeNotes } from '../notes/decode.js';
import { hasCodeEntries } from '../notes/plain.js';
import { cardsPlacesOf, type FileStat } from '../store/decks.js';
import { GENERATE_CACHE_VERSION, type GenerateCache } from '../store/generate-cache.js';
import { GENERATOR_VERSION } from './version.js';

/**
 * A line that is or could be a Markdown heading. What a heading is (the document's title, a
 * session, a paper) is decided over all of them: the incremental build reads again only parts
 * of the notes that held none and hold none.
 */
export const HEADING_LIKE = /^[ \t]*#/m;

const BOMS = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
const LINE_SEPARATORS = [Buffer.from('\u2028', 'utf8'), Buffer.from('\u2029', 'utf8')];

/**
 * Whether the bytes of a notes file have lines the decoder keeps as they are: no BOM, no NUL
 * (nor UTF-16), no carriage return, no Unicode line or paragraph separator. Then line N of the
 * bytes is line N of the text the parser reads, in every part of the file.
 */
export function plainLines(bytes: Buffer): boolean {
  return !startsWithBom(bytes) && plainLinesWithin(bytes, 0, bytes.length);
}

/** Whether the bytes of a notes file start with a byte order mark (which plainLines refuses). */
export function startsWithBom(bytes: Buffer): boolean {
  return BOMS.some((bom) => bytes.subarray(0, bom.length).equals(bom));
}

/** Whether bytes [from, to) hold none of what plainLines refuses in any part of a file: NUL, carriage return, line or paragraph separator. */
export function plainLinesWithin(bytes: Buffer, from: number, to: number): boolean {
  const part = bytes.subarray(from, to);
  return part.indexOf(0) < 0 && part.indexOf(13) < 0 && LINE_SEPARATORS.every((separator) => part.indexOf(separator) < 0);
}

/** Whether `bytes` are UTF-8 free of the control characters that count against a file being text (decode.ts). */
export function cleanUtf8(bytes: Buffer): boolean {
  if (!isUtf8(bytes)) return false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 ? b <= 0x08 || b >= 0x0e : b === 0x7f) return false;
  }
  return true;
}

/**
 * Whether every card and skipped note of `cardsFile` is what its note would give again, looked
 * up as buildDeck looks up notes unchanged since the last build (by body hash and title): then
 * a build that reuses the records of notes not edited gives exactly what a full build gives.
 */
export function reusesItself(cardsFile: Pick<CardsFile, 'cards' | 'retired' | 'skipped'>): boolean {
  const known = new Map<string, string>();
  for (const card of [...cardsFile.cards, ...cardsFile.retired]) known.set(`${card.bodyHash}\0${card.title}`, `a${card.answer}`);
  for (const skip of cardsFile.skipped) if (skip.bodyHash) known.set(`${skip.bodyHash}\0${skip.title}`, `s${skip.reason}`);
  return (
    cardsFile.cards.every((card) => known.get(`${card.bodyHash}\0${card.title}`) === `a${card.answer}`) &&
    cardsFile.skipped.every((skip) => !skip.bodyHash || known.get(`${skip.bodyHash}\0${skip.title}`) === `s${skip.reason}`)
  );
}

/**
 * The cache a full build leaves for the cards.json it wrote (`writtenStat`), or null when the
 * deck is not one the incremental build handles: one notes file (not in a folder, not Org) in
 * the bundled plain format ("C12: Title" lines), UTF-8 with plain lines and
 * no control characters, whose cards reuse themselves (reusesItself).
 */
export function cacheOfBuild(files: readonly { file: string; bytes: Buffer; label?: string }[], cardsFile: CardsFile, cardsText: string, writtenStat: FileStat): GenerateCache | null {
  if (files.length !== 1 || writtenStat.ino === undefined) return null;
  const { file, bytes, label = file } = files[0]!;
  if (file.includes('/') || /\.org$/i.test(file) || !plainLines(bytes) || !cleanUtf8(bytes)) return null;
  let text: string;
  try {
    text = decodeNotes(bytes, label);
  } catch {
    return null;
  }
  if (!hasCodeEntries(text) || !reusesItself(cardsFile)) return null;
  if (!cardsFile.cards.every((card) => card.source.file === file) || !cardsFile.skipped.every((skip) => skip.file === file)) return null;
  const records: [line: number, ref: number][] = [
    ...cardsFile.cards.map((card, k): [number, number] => [card.source.line, k]),
    ...cardsFile.skipped.map((skip, k): [number, number] => [skip.line, -1 - k]),
  ].sort((a, b) => a[0] - b[0]);
  const entries = new Int32Array(3 * records.length);
  let line = 1;
  let offset = 0;
  for (let i = 0; i < records.length; i++) {
    const [at, ref] = records[i]!;
    while (line < at) {
      offset = bytes.indexOf(10, offset) + 1;
      if (offset === 0) return null;
      line++;
    }
    if (i > 0 && entries[3 * i - 3] === at) return null;
    entries.set([at, offset, ref], 3 * i);
  }
  const cardsPlaces = cardsPlacesOf(Buffer.from(cardsText, 'utf8'));
  if (!cardsPlaces) return null;
  return {
    head: {
      paperdeck: 'generate-cache',
      schemaVersion: GENERATE_CACHE_VERSION,
      generator: GENERATOR_VERSION,
      cardsStat: { size: writtenStat.size, mtimeMs: writtenStat.mtimeMs, ino: writtenStat.ino },
      cardsPlaces,
      file,
      notesBytes: bytes.length,
      entries,
    },
    notes: bytes,
  };
}
