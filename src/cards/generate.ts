// Notes to deck: decode and parse every notes file of a deck, extract each paper's key idea,
// give each card its identity (cards/identity.ts), and write cards.json only when it changed.
import { UserError } from '../core/errors.js';
import type { Card, CardsFile, NotesStamp, NoteWarning, SkippedNote } from '../core/types.js';
import { decodeNotes } from '../notes/decode.js';
import { linkedDeckFiles, parseNotes, readmeLinksPaper, setAsideContinuations, setAsideIndexes, setAsideReadmeEssays, setAsideTopicNotes, titleFromFolders, titleFromIndexes, type ParsedNotes } from '../notes/parse.js';
import { notesFilePath, readNotesFiles, serializeCardsFile, writeCardsFile, type FileStat, type NotesFile } from '../store/decks.js';
import { removeGenerateCache, writeGenerateCache } from '../store/generate-cache.js';
import { cacheOfBuild } from './build-cache.js';
import { newlySkipped, noteBodyHash, skippedDiffer } from './records.js';
import { deckStatus, hashNotes, restampNotes, type DeckStatus } from './freshness.js';
import { GENERATOR_VERSION } from './version.js';
import { assignIdentities, type DraftCard, type IdentityChanges } from './identity.js';
import { extractKeyIdea, SKIP_REASONS } from './key-idea.js';
import { cli } from '../core/invocation.js';

export { GENERATOR_VERSION };

export interface BuiltDeck {
  deck: string;
  cardsFile: CardsFile;
  changes: IdentityChanges;
  skipped: SkippedNote[];
  warnings: NoteWarning[];
  /** Paper entries found in the notes (cards + skipped). */
  papers: number;
}

export interface GenerateResult extends BuiltDeck {
  /** False when the notes gave exactly the cards.json already on disk. */
  written: boolean;
  /** The notes were touched but not changed: only their stamps in cards.json were updated. */
  restamped: boolean;
  /** The skipped notes differ from those of the cards.json before (or there was none). */
  skippedChanged: boolean;
  /** The skipped notes that were not skipped so before (all of them for a first build). */
  skippedNew: SkippedNote[];
  /** cards.json as written by this run (size, mtime, inode), or null when it wrote none. */
  writtenStat: FileStat | null;
}

/** A notes file as given to the generator: `label` names it in messages (its path as the user knows it), `file` in the cards. */
export interface NotesInput {
  file: string;
  bytes: Uint8Array;
  label?: string;
  stamp?: NotesStamp | undefined;
}

/** How one notes file was read: its papers, what was not a paper, and the shapes it holds. */
export interface FileReading {
  file: string;
  label: string;
  parsed: ParsedNotes;
}

/**
 * Decodes and parses every notes file of a deck. In a folder of notes, a file that is not notes
 * (empty, binary) or holds no paper is a warning that names it, not the end of the deck; a file
 * holding clearly more paper-like things than papers read says so (a shape was missed) and
 * points at `paperdeck inspect`.
 */
export function readDeckNotes(
  files: readonly NotesInput[],
  /** Whether warnings end by pointing at `inspect` (not when inspect itself asks). */
  { pointAtInspect = true }: { pointAtInspect?: boolean } = {},
): { readings: FileReading[]; warnings: NoteWarning[] } {
  const see = (text: string) => (pointAtInspect ? `; ${text}` : '');
  const inFolder = files.length > 1 || files.some((f) => f.file.includes('/'));
  // Each file read on its own first; in a folder, what the files say together comes next (an
  // index of the others, a topic note among paper notes), and only then what each file is warned of.
  const read: ({ file: string; label: string; text: string; parsed: ParsedNotes; linked: Set<string>; linksPaper: boolean } | { file: string; notRead: string })[] = [];
  for (const { file, bytes, label = file } of files) {
    try {
      const text = decodeNotes(bytes, label);
      read.push({
        file,
        label,
        text,
        parsed: parseNotes(text, file, { inFolder }),
        linked: inFolder ? linkedDeckFiles(text, file) : new Set(),
        linksPaper: inFolder && readmeLinksPaper(file, text),
      });
    } catch (error) {
      if (!(inFolder && error instanceof UserError)) throw error;
      read.push({ file, notRead: error.message.replace(label, 'the file') });
    }
  }
  const parsedFiles = read.flatMap((r) => ('parsed' in r ? [r] : []));
  if (inFolder) {
    titleFromIndexes(parsedFiles);
    titleFromFolders(parsedFiles);
  }
  let folderRead = parsedFiles.map((r) => r.parsed);
  if (inFolder) {
    const continuationsAside = setAsideContinuations(parsedFiles);
    const indexesAside = setAsideIndexes(parsedFiles.map((r, i) => ({ ...r, parsed: continuationsAside[i]! })));
    const essaysAside = setAsideReadmeEssays(parsedFiles.map((r, i) => ({ file: r.file, linksPaper: r.linksPaper, parsed: indexesAside[i]! })));
    folderRead = setAsideTopicNotes(essaysAside);
  }
  const readings: FileReading[] = [];
  const warnings: NoteWarning[] = [];
  let next = 0;
  for (const r of read) {
    const { file } = r;
    if (!('parsed' in r)) {
      warnings.push({ file, line: 1, message: `not read: ${r.notRead}` });
      continue;
    }
    const parsed = folderRead[next++]!;
    readings.push({ file, label: r.label, parsed });
    warnings.push(...parsed.warnings);
    const found = parsed.entries.length;
    if (found === 0 && inFolder) {
      // A file the folder's reading set aside (an index, the README, a topic note) is named for
      // what it is, the reason added last, not for the first heading it held.
      const setAside = parsed !== r.parsed ? parsed.notPapers.at(-1)?.why : undefined;
      const why = setAside ?? parsed.notPapers.find((n) => !n.why.startsWith('front matter'))?.why ?? 'nothing in it but front matter or blank lines';
      warnings.push({ file, line: 1, message: `no paper read from this file (${why})${see(`see ${cli()} inspect`)}` });
    } else if (parsed.paperLike >= found + 3 && parsed.paperLike >= found * 1.5) {
      warnings.push({
        file,
        line: 1,
        message: `${parsed.paperLike} things here look like papers but ${found} ${found === 1 ? 'was' : 'were'} read${see(`${cli()} inspect shows how the file was read`)}`,
      });
    }
  }
  return { readings, warnings };
}

/** Pure: notes files' bytes (plus the previous cards) to the deck's new cards.json. */
export function buildDeck(deck: string, files: readonly NotesInput[], previous: CardsFile | null): BuiltDeck {
  const drafts: DraftCard[] = [];
  const skipped: SkippedNote[] = [];
  let papers = 0;
  // What notes unchanged since the last build (same title, same text, same generator) gave, a
  // card's answer or a skip's reason: regenerating after an edit then extracts only what was edited.
  const known = new Map<string, { answer: string } | { skip: string }>();
  if (previous?.generator === GENERATOR_VERSION) {
    for (const card of [...previous.cards, ...previous.retired]) known.set(`${card.bodyHash}\0${card.title}`, { answer: card.answer });
    for (const skip of previous.skipped) if (skip.bodyHash) known.set(`${skip.bodyHash}\0${skip.title}`, { skip: skip.reason });
  }
  const { readings, warnings } = readDeckNotes(files);
  for (const { parsed } of readings) {
    papers += parsed.entries.length;
    for (const entry of parsed.entries) {
      const bodyHash = noteBodyHash(entry);
      // A note with no body is skipped for what it had instead (authors, own sections...), which
      // the hash does not cover: its reason is worked out again, at no cost.
      const reused = entry.body.trim() === '' ? undefined : known.get(`${bodyHash}\0${entry.title}`);
      const keyIdea = reused ?? extractKeyIdea(entry);
      if ('skip' in keyIdea) {
        skipped.push({ title: entry.title, line: entry.line, reason: keyIdea.skip, file: entry.file, bodyHash });
        continue;
      }
      drafts.push({
        title: entry.title,
        question: entry.title,
        answer: keyIdea.answer,
        source: { file: entry.file, line: entry.line, session: entry.session, code: entry.code },
        bodyHash,
      });
    }
  }
  const names = () => files.map((f) => f.label ?? f.file).join(', ');
  if (papers === 0) {
    throw new UserError(
      `${names()}: no recognisable paper entries (expected "## Title" headings, **Title** or [Title](url) lines, list items or table rows, or "C1: Title" lines; ${cli()} inspect shows how it was read)`,
    );
  }
  if (drafts.length === 0) {
    // Notes that give no card make no deck, and never empty one: the cards last built stay.
    const why = skipped.every((s) => s.reason === SKIP_REASONS.empty)
      ? `${papers === 1 ? 'its one paper has no notes' : `none of its ${papers} papers has any notes`} under the title yet`
      : `no card can be made from ${papers === 1 ? 'its one paper' : `any of its ${papers} papers`} (${papers === 1 ? skipped[0]!.reason : 'each is skipped'}; ${cli()} inspect shows why)`;
    throw new UserError(`${names()}: ${why}`);
  }
  const { cards, retired, changes } = assignIdentities(drafts, previous);
  const cardsFile: CardsFile = {
    version: 1,
    deck,
    notesHash: hashNotes(files),
    generator: GENERATOR_VERSION,
    ...(files.every((f) => f.stamp) ? { notesStamps: files.map((f) => f.stamp!) } : {}),
    cards,
    retired,
    skipped,
    warnings,
  };
  return { deck, cardsFile, changes, skipped, warnings, papers };
}

/** What regenerating gives when the notes are byte for byte those cards.json was built from. */
function unchangedDeck(cardsFile: CardsFile): GenerateResult {
  const changes = { added: [], updated: [], renamed: [], retired: [], restored: [], unchanged: cardsFile.cards.length };
  const papers = cardsFile.cards.length + cardsFile.skipped.length;
  return { deck: cardsFile.deck, cardsFile, changes, skipped: cardsFile.skipped, warnings: cardsFile.warnings, papers, written: false, restamped: false, skippedChanged: false, skippedNew: [], writtenStat: null };
}

/**
 * Rebuilds decks/<name>/cards.json from its notes; builds nothing when the notes are the ones
 * the cards were built from (unless `force`), and then writes nothing either, but for the
 * notes' new stamps when they were touched (restampNotes). `status` is the deck's deckStatus
 * when the caller already has it (each file is read once).
 */
export function generateDeck(
  decksDir: string,
  name: string,
  options: { force?: boolean; status?: DeckStatus } = {},
): GenerateResult {
  const status = options.status ?? deckStatus(decksDir, name);
  // Unreadable notes leave a deck with cards "current" for readers; generate must say why.
  if (status.notesError) throw status.notesError;
  if (status.current && status.cardsFile && !options.force) {
    return { ...unchangedDeck(status.cardsFile), restamped: restampNotes(decksDir, name, status), writtenStat: null };
  }
  const notes = status.notes ?? readNotesFiles(decksDir, name);
  const built = buildDeck(name, notes, status.cardsFile);
  const text = serializeCardsFile(built.cardsFile);
  const written = status.cardsText !== text;
  const writtenStat = written ? writeCardsFile(decksDir, name, text) : null;
  if (writtenStat) leaveBuildCache(decksDir, name, notes, built.cardsFile, text, writtenStat);
  const skippedChanged = status.cardsFile === null || skippedDiffer(status.cardsFile.skipped, built.skipped);
  const skippedNew = skippedChanged ? newlySkipped(status.cardsFile?.skipped ?? [], built.skipped) : [];
  return { ...built, written, restamped: false, skippedChanged, skippedNew, writtenStat };
}

/**
 * Leaves the generate cache for the cards.json just written (cards/build-cache.ts), so that the
 * next build after an edit reads only the notes around it; for a deck it cannot serve, removes
 * any old one. Only a speed-up: failures are ignored.
 */
export function leaveBuildCache(decksDir: string, name: string, notes: readonly NotesFile[], cardsFile: CardsFile, cardsText: string, writtenStat: FileStat): void {
  const cache = cacheOfBuild(notes, cardsFile, cardsText, writtenStat);
  if (cache) writeGenerateCache(decksDir, name, cache);
  else removeGenerateCache(decksDir, name);
}

/**
 * Nothing to do here, where the generator is. In the bin (the quick path), src/cli/hand-over.ts
 * stands in for this module and throws, so that a command that will need the generator hands
 * over to the full program before it has printed anything.
 */
export function needGenerator(): void {}

/** Where a card's note is, for opening it in $EDITOR: in the deck folder, or where the deck's notes are linked. */
export function notesFileOf(decksDir: string, name: string, card: Card): { path: string; line: number } {
  return { path: notesFilePath(decksDir, name, card.source.file), line: card.source.line };
}
