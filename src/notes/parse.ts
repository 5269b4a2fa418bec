// A notes file's text -> its papers, whatever shape it is in. The bundled plain format (lines
// "C12: Title") has its own line reader (plain.ts); Org files are read by org.ts; everything
// else is Markdown, read by markdown-it (markdown.ts). The papers are then read from the
// blocks by shapes.ts, the same way for Markdown and Org.
import { basename, extname, posix } from 'node:path';
import type { NoteEntry, NoteWarning } from '../core/types.js';
import { normalizeTitle } from '../core/title-key.js';
import { readMarkdown } from './markdown.js';
import { cleanTitle, inlineText, isGenericLinkLabel, isPaperLink } from './inline.js';
import type { Block, Inline } from './document.js';
import { isAuthorLine, isPersonName } from './note-text.js';
import { readOrg } from './org.js';
import { isLogseqPage, logseqToMarkdown } from './logseq.js';
import { hasCodeEntries, parsePlainNotes } from './plain.js';
import { partKind, titleStrength } from './sections.js';
import { FOLDER_README, fileNameTitle, readPapers, type NotPaper, type Opening, type Shape } from './shapes.js';

export type { NotPaper, Opening, Shape };

export interface ParsedNotes {
  entries: NoteEntry[];
  warnings: NoteWarning[];
  /** What was read as no paper, and why (for `paperdeck inspect`). */
  notPapers: NotPaper[];
  /** The shapes the papers were found in. */
  shapes: Shape[];
  /** How many things in the file look like papers: more of them than entries means papers were missed. */
  paperLike: number;
  /** How the file opens: with a line that links somewhere, with a title, or with text. */
  opening: Opening;
}

export interface ParseOptions {
  /** The file is one of several in a deck folder (a folder of one-paper notes). */
  inFolder?: boolean;
  /** The title an index of the deck gives this file, which has none of its own (see indexedTitles). */
  title?: string;
}

/** Reads a notes file's text into paper entries; `file` is its name in the deck. */
export function parseNotes(text: string, file: string, options: ParseOptions = {}): ParsedNotes {
  const extension = extname(file).toLowerCase();
  if (extension !== '.org' && hasCodeEntries(text)) {
    const { entries, warnings } = parsePlainNotes(text, file);
    return { entries, warnings, notPapers: [], shapes: entries.length ? ['plain'] : [], paperLike: entries.length, opening: 'title' };
  }
  const fileTitle = basename(file, extname(file));
  // A Logseq page is named by its file (or its "title::"): its text is the outline under that name.
  const logseq = extension !== '.org' && isLogseqPage(text) ? logseqToMarkdown(text) : null;
  let doc = extension === '.org' ? readOrg(text) : readMarkdown(logseq?.text ?? text);
  const pageName = logseq?.title ?? fileTitle;
  const pageTitle = logseq === null || JOURNAL_DAY.test(pageName) ? undefined : fileNameTitle(pageName);
  const title = options.title ?? pageTitle;
  if (title !== undefined && !doc.meta.has('title')) doc = { ...doc, meta: new Map(doc.meta).set('title', title) };
  let read = withoutRepeats(withoutAuthorSuffixes(readPapers(doc, file, { fileTitle, inFolder: options.inFolder ?? false })));
  // (A page of nothing else is a stub: it says so, not that it held only front matter.)
  if (logseq !== null && read.entries.length === 0 && read.notPapers.every((n) => n.why.startsWith('front matter'))) {
    read = { ...read, notPapers: [...read.notPapers, { text: pageTitle ?? fileTitle, file, line: 1, why: 'a Logseq page with nothing but its properties, block references or embedded file' }] };
  }
  if (isTalkFile(file)) return setAside(read, 'a tutorial or talk (its file or folder says so), not a paper');
  if (inNotPapersFolder(file)) return setAside(read, "a note in a folder of concepts, templates or other notes that are not papers (its folder's name says so)");
  return options.inFolder && FOLDER_README.test(fileTitle) ? setAsideFolderDescription(read) : read;
}

// "2023_08_03": a Logseq journal's day, which names no paper.
const JOURNAL_DAY = /^\d{4}[_-]\d{2}[_-]\d{2}$/;

/**
 * A paper listed twice in a file ("Interested Papers" with a link to each, then a section of its
 * own under its title; a reading list naming papers noted above) is one paper: the entry with
 * the most notes. Another entry of the same title whose notes are none, or are all in that one's,
 * is read as no paper, naming where the paper is. (A paper noted twice, each time with notes of
 * its own, stays two entries.)
 */
function withoutRepeats(read: ParsedNotes): ParsedNotes {
  // (Case, spacing and punctuation aside: "PointNet++" is not "PointNet".)
  const key = (title: string) => title.toLowerCase().replace(/[\s.,;:!?'"“”‘’()[\]*_-]+/g, ' ').trim();
  const noteOf = (entry: NoteEntry) => key(`${entry.lead ?? ''} ${entry.body}`);
  const fullest = new Map<string, NoteEntry>();
  for (const entry of read.entries) {
    const seen = fullest.get(key(entry.title));
    if (seen === undefined || noteOf(entry).length > noteOf(seen).length) fullest.set(key(entry.title), entry);
  }
  if (fullest.size === read.entries.length) return read;
  const repeats = new Map<NoteEntry, NoteEntry>();
  for (const entry of read.entries) {
    const main = fullest.get(key(entry.title))!;
    if (main !== entry && noteOf(main).includes(noteOf(entry))) repeats.set(entry, main);
  }
  if (repeats.size === 0) return read;
  const setAside = [...repeats].map(([entry, main]) => ({ text: entry.title, file: entry.file, line: entry.line, why: `the same paper as line ${main.line}, listed again` }));
  return { ...read, entries: read.entries.filter((entry) => !repeats.has(entry)), notPapers: [...read.notPapers, ...setAside] };
}

// "Salting Schedules under Uncertain Forecasts, Moreau" over "Moreau presents ...": who wrote it,
// added by the note-taker and named again as the note opens, not the title's. (A title may end in
// ", Revisited": the note does not open with that word.)
const TRAILING_NAME = /,\s+(\p{Lu}[\p{L}'’-]+)$/u;

function withoutAuthorSuffixes(read: ParsedNotes): ParsedNotes {
  if (!read.entries.some((entry) => TRAILING_NAME.test(entry.title))) return read;
  const entries = read.entries.map((entry) => {
    const name = TRAILING_NAME.exec(entry.title);
    if (name === null) return entry;
    const opening = (entry.lead?.trim() || entry.body.trim()).slice(0, name[1]!.length + 1);
    const opensWithName = opening.startsWith(name[1]!) && !/[\p{L}]/u.test(opening.slice(name[1]!.length));
    return opensWithName ? { ...entry, title: entry.title.slice(0, name.index) } : entry;
  });
  return { ...read, entries };
}

// "tutorials/", "invited_talks/", "GAN-Tutorial/", "career_panel/": a folder named for the talk
// it holds, by its last word. ("talks/" alone may hold papers' talks, and
// "keynotes_and_papers/" says it holds papers.)
const TALK_FOLDER = /(?:^|[\s_-])(?:tutorials?|keynotes?|invited[\s_-]*(?:talks?|speakers?)|panels?)$/i;
// "Tutorial - Adversarial Robustness.md", "keynote.md", "invited-talk-2.md", "levine_lecture_
// model_based_rl.md": a file named as one.
// ("A Tutorial on Spectral Clustering" and "tutorial-inspired-unet.md" are papers' names.)
const TALK_FILE_NAME = /^(?:(?:tutorial|keynote|invited[\s_-]*talk)s?(?:[\s_-]*\d+)?|(?:tutorial|keynote|invited talk)\s+[-–—:]\s.*)$|(?:^|[\s_-])lectures?(?:[\s_-]+\d+)?(?:[\s_-]|$)/i;

/** Whether a notes file's folder or name says it holds a tutorial or a talk. */
function isTalkFile(file: string): boolean {
  const parts = file.split('/');
  const name = basename(file, extname(file));
  return TALK_FILE_NAME.test(name) || parts.slice(0, -1).some((folder) => TALK_FOLDER.test(folder));
}

// "Non-Papers/FID.md", "Concepts/Attention.md", "Templates/Template - Surveys.md": a vault's
// folder kept for what is not a paper, by its name.
const NOT_PAPERS_FOLDER = /^(?:non[\s_-]?papers?|not[\s_-]papers?|concepts?|glossary|terms|definitions|templates?|dashboards?)$/i;

/** Whether a notes file sits in a folder whose name says its notes are no papers. */
function inNotPapersFolder(file: string): boolean {
  return file.split('/').slice(0, -1).some((folder) => NOT_PAPERS_FOLDER.test(folder));
}

/** Notes whose file or folder says they hold no papers (a talk's, a concept's): none is a card. */
function setAside(read: ParsedNotes, why: string): ParsedNotes {
  if (read.entries.length === 0) return read;
  const setAside = read.entries.map((entry) => ({ text: entry.title, file: entry.file, line: entry.line, why }));
  return { ...read, entries: [], notPapers: [...read.notPapers, ...setAside] };
}

/** A README saying what a folder holds says so in a few lines; a paper's note says more. */
const ABOUT_FOLDER_CHARS = 400;
// "Here lies notes for papers that are related to ...", "This folder contains my notes on ...".
const ABOUT_THE_NOTES =
  /\b(?:notes (?:for|on|about|of) (?:the )?(?:papers|articles|works)|papers (?:that are )?(?:related to|about|on)|this (?:folder|directory|section|category|repo|repository|wiki) (?:contains|holds|has|is for|collects)|this is (?:a|my|our) (?:personal |small |growing )?(?:wiki|collection|repository|repo|list|knowledge base))\b/i;

/**
 * A sub-folder's README of one heading and a line ("## Few-shot Learning", "Here lies notes for
 * papers that are related to few-shot learning.") says what the folder's notes are about: no paper.
 */
function setAsideFolderDescription(read: ParsedNotes): ParsedNotes {
  const [entry] = read.entries;
  if (read.entries.length !== 1 || entry === undefined) return read;
  const text = [entry.lead, entry.body].filter(Boolean).join(' ');
  // It says so first thing, under a topic's name: a paper's README ("# Attention Is All You
  // Need", "Unlike papers on recurrent models, they ...") names its paper and says what it does.
  const firstSentence = /^[^.!?]*/.exec(text)![0];
  if (text.length > ABOUT_FOLDER_CHARS || !ABOUT_THE_NOTES.test(firstSentence) || titleStrength(entry.title) >= 1.5) return read;
  const why = "the folder's README: about the notes, not a paper";
  return { ...read, entries: [], notPapers: [...read.notPapers, { text: entry.title, file: entry.file, line: entry.line, why }] };
}

/**
 * In a folder of one-paper notes that open with a link to their paper (two in three of them, and
 * at least three), a note that opens with neither a link nor a title of its own, or that opens
 * on a topic and cites a paper for it ("see this paper: url"), is about a topic,
 * not a paper ("Gaussian Process" with tutorial links, a cheat-sheet): it is read as no paper,
 * with why, so the deck's file listing names it. Where fewer notes link their paper, a note
 * without a link says nothing, and nothing is set aside.
 */
export function setAsideTopicNotes(files: ParsedNotes[]): ParsedNotes[] {
  // A note that opens on its topic and cites a paper for it ("Exponentiated Gradient (see this
  // paper: url)") is a topic note too, and one that opens on a blog post's link a note on a web
  // page: neither says anything of how the others open.
  const onePaper = files.filter((f) => f.entries.length === 1 && f.opening !== 'reference' && f.opening !== 'page');
  const linked = onePaper.filter((f) => f.opening === 'link').length;
  if (linked < 3 || linked * 3 < onePaper.length * 2) return files;
  return files.map((f) => {
    // (A note on a web page is set aside whole, however many headings it was read as.)
    const aside = f.opening === 'page' ? f.entries.length > 0 : (f.opening === 'text' || f.opening === 'reference') && f.entries.length === 1;
    if (!aside) return f;
    const why =
      f.opening === 'reference'
        ? 'a topic note: it opens on its topic and cites a paper for it ("see this paper"), unlike the other notes in this folder'
        : f.opening === 'page'
          ? 'a note on a web page (a blog post, a wiki or forum page), not a paper: it opens with a link to one, unlike the other notes in this folder'
          : 'a topic note: it opens with no link to a paper and no title, unlike the other notes in this folder';
    return { ...f, entries: [], notPapers: [...f.notPapers, ...f.entries.map((entry) => ({ text: entry.title, file: entry.file, line: entry.line, why }))] };
  });
}

/**
 * In a folder of one-paper notes (three at least, and two in three of the files that are not a
 * README), a README or index that reads as several papers yet links to none, and whose headings
 * mostly do not read as titles, is the folder's essay (how to read papers, a leaderboard, tips),
 * not notes: its entries are read as no paper.
 * (A paper's own note kept as its folder's README is one paper, and is left alone.)
 */
export function setAsideReadmeEssays(files: readonly { file: string; parsed: ParsedNotes; linksPaper: boolean }[]): ParsedNotes[] {
  const isReadme = (file: string) => FOLDER_README.test(posix.basename(file, posix.extname(file)));
  const others = files.filter((f) => !isReadme(f.file));
  const onePaper = others.filter((f) => f.parsed.entries.length === 1).length;
  if (onePaper < 3 || onePaper * 3 < others.length * 2) return files.map((f) => f.parsed);
  return files.map(({ file, parsed, linksPaper }) => {
    if (!isReadme(file) || linksPaper || parsed.entries.length < 2) return parsed;
    // Its headings read as papers' titles ("## Dropout: A Simple Way to Prevent ..."): its own papers.
    if (parsed.entries.filter((entry) => titleStrength(entry.title) >= 1.5).length * 2 >= parsed.entries.length) return parsed;
    const why = "the folder's README, among one-paper notes: it links to no paper";
    const setAside = parsed.entries.map((entry) => ({ text: entry.title, file: entry.file, line: entry.line, why }));
    return { ...parsed, entries: [], shapes: [], notPapers: [...parsed.notPapers, ...setAside] };
  });
}

// "details.md", "appendix.md", "more-notes.md", "part2.md": a file named as the rest of a note.
const CONTINUATION_NAME = /^(?:details?|more(?:[\s_-]*(?:details|notes))?|appendix|continued|continuation|supplement(?:ary)?|extras?|proofs?|derivations?|math|part[\s_-]*\d+)$/i;

/** Most files in a paper's folder: its note and a few parts of it. */
const MAX_CONTINUED_FILES = 3;

/**
 * In a folder of one paper's notes ("summaries/clr/index.md" beside "summaries/clr/details.md"),
 * a file that the folder's one-paper note links to, or that is named as the rest of a note beside
 * a README or index, is that note continued: no paper of its own (read as no paper, with why).
 */
export function setAsideContinuations(files: readonly { file: string; parsed: ParsedNotes; linked: ReadonlySet<string> }[]): ParsedNotes[] {
  // Per folder: how many notes files it holds, and its README or index if that is one paper's.
  const folders = new Map<string, { files: number; heads: (typeof files)[number][] }>();
  for (const f of files) {
    const dir = posix.dirname(f.file);
    let folder = folders.get(dir);
    if (!folder) folders.set(dir, (folder = { files: 0, heads: [] }));
    folder.files++;
    if (f.parsed.entries.length === 1 && FOLDER_README.test(posix.basename(f.file, posix.extname(f.file)))) folder.heads.push(f);
  }
  const isContinuationName = (file: string) => CONTINUATION_NAME.test(posix.basename(file, posix.extname(file)));
  // A README linking two notes of its folder not named as parts ("* [Region Proposals in One
  // Network](./rpn.md)", "* [Clipped Policy Updates](./ppo.md)") lists papers: no paper's folder.
  const listsNotes = (head: (typeof files)[number]) =>
    files.filter((f) => f !== head && posix.dirname(f.file) === posix.dirname(head.file) && head.linked.has(f.file) && f.parsed.entries.length > 0 && !isContinuationName(f.file)).length >= 2;
  return files.map(({ file, parsed }) => {
    const folder = folders.get(posix.dirname(file))!;
    if (parsed.entries.length === 0 || folder.heads.length === 0) return parsed;
    const name = posix.basename(file, posix.extname(file));
    // (One-paper notes side by side link to each other as works they cite: only a README or
    // index heads a paper's folder, and a folder of several notes is no one paper's.)
    const main = folder.heads.find(
      (head) => head.file !== file && (isContinuationName(file) || (head.linked.has(file) && folder.files <= MAX_CONTINUED_FILES && !listsNotes(head))),
    );
    if (main === undefined || FOLDER_README.test(name)) return parsed;
    const why = `the rest of ${posix.basename(main.file)}'s note on "${main.parsed.entries[0]!.title}", not a paper of its own`;
    const setAside = parsed.entries.map((entry) => ({ text: entry.title, file: entry.file, line: entry.line, why }));
    return { ...parsed, entries: [], shapes: [], notPapers: [...parsed.notPapers, ...setAside] };
  });
}

/** Whether `file` is a folder's README (or index) whose text links to a paper (see setAsideReadmeEssays). */
export function readmeLinksPaper(file: string, text: string): boolean {
  if (!FOLDER_README.test(posix.basename(file, posix.extname(file)))) return false;
  for (const match of text.matchAll(URLS)) if (isPaperLink(match[0])) return true;
  return false;
}

const URLS = /\bhttps?:\/\/[^\s)\]>"']+/g;

/** `[label](target)` and `<a href>`-free Org `[[target][label]]` links; the target as written. */
const LINK_TARGETS = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\[\[(?:file:)?([^\]]+)\]\[/g;

/**
 * The deck files `text` (the notes file `file` of a deck) links to: relative link targets, taken
 * from the file's folder, without their `#anchor`. URLs, absolute paths and anchors alone are no
 * deck file.
 */
export function linkedDeckFiles(text: string, file: string): Set<string> {
  const linked = new Set<string>();
  for (const match of text.matchAll(LINK_TARGETS)) {
    const target = (match[1] ?? match[2] ?? '').split('#')[0]!;
    // "https://me.github.io/notes/papers/Designable_Visual_Markers": the notes as published, the
    // page named as its file is.
    const page = /^https?:\/\/[^/]+\/(?:[^?]*\/)?([^/?]+?)(?:\.(?:md|markdown|html?|org))?\/?(?:\?.*)?$/i.exec(target);
    if (page) linked.add(`${WIKI}${safeDecode(page[1]!).toLowerCase()}`);
    const deckFile = deckFileOf(target, file);
    if (deckFile !== null) linked.add(deckFile);
  }
  // Obsidian's [[Note]] and [[Note|label]] name a note anywhere in the vault, by its name. Only
  // those that open a line or a list item list notes (a map of content); those in a note's
  // sentences are how Obsidian notes cite each other.
  if (text.includes('[[')) {
    for (const match of text.matchAll(WIKILINK_TARGETS)) linked.add(`${WIKI}${match[1]!.trim().toLowerCase()}`);
  }
  return linked;
}

/** The deck file a link target of `file` names (relative, without its `#anchor`), or null for a URL, an absolute path or an anchor alone. */
function deckFileOf(href: string, file: string): string | null {
  const target = href.split('#')[0]!;
  if (target === '' || target.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(target)) return null;
  return posix.normalize(posix.join(posix.dirname(file), safeDecode(target)));
}

function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target; // written with a stray %: taken as it is
  }
}

/**
 * Notes files with no title of their own ("## what?" first, their sections read as papers of
 * weak titles), that an index of the deck links to under a title, read again as that one paper.
 */
export function titleFromIndexes(files: { file: string; text: string; parsed: ParsedNotes; linked: ReadonlySet<string> }[]): void {
  const links = indexLinks(files);
  const indexes = files.filter((_, i) => links[i]! > 0);
  if (indexes.length === 0) return;
  const titles = new Map<string, string>();
  for (const index of indexes) for (const [target, title] of indexedTitles(index.text, index.file)) if (!titles.has(target)) titles.set(target, title);
  for (const f of files) {
    const title = titles.get(f.file);
    // (A file titled as its index titles it, "Active Neural Localization" under "Active Neural
    // Localization (2018) - Chaplot, ...", or a file of papers titled as papers, is read as it is.)
    // (Nor is a file the index names by a topic, "[Transformers](transformers.md)": its papers
    // may be named as briefly, "## BERT", "## T5".)
    if (title === undefined || indexes.includes(f) || titleStrength(title) < 1 || f.parsed.entries.some((entry) => sameWork(entry.title, title))) continue;
    const strong = f.parsed.entries.filter((entry) => titleStrength(entry.title) >= 1.5).length;
    if (f.parsed.entries.length > 0 && strong * 2 >= f.parsed.entries.length) continue;
    f.parsed = parseNotes(f.text, f.file, { inFolder: true, title });
  }
}

/** Whether one title holds the other's words in a row, as normalizeTitle makes titles the same. */
function sameWork(a: string, b: string): boolean {
  const [x, y] = [` ${normalizeTitle(a)} `, ` ${normalizeTitle(b)} `];
  return x.trim() !== '' && y.trim() !== '' && (x.includes(y) || y.includes(x));
}

/**
 * In a folder of one folder per paper ("Dissecting-the-Graphcore-IPU-Architecture/README.md"), a
 * README or index with no title of its own (it opens on "## Notes", or on its bullets) is that
 * paper's note, titled by its folder's name; one titled by the paper's short name ("#
 * Softshell" in "Softshell-Dynamic-Scheduling-on-GPUs/") is given the rest of it ("Softshell:
 * Dynamic Scheduling on GPUs"). Two such folders at least, most of the folder's files so kept.
 */
export function titleFromFolders(files: { file: string; text: string; parsed: ParsedNotes }[]): void {
  const inOwnFolder = (file: string) => file.includes('/') && FOLDER_README.test(basename(file, extname(file)));
  const kept = files.filter((f) => inOwnFolder(f.file));
  if (kept.length < 2 || kept.length * 2 < files.length) return;
  for (const f of kept) {
    const folderTitle = fileNameTitle(posix.basename(posix.dirname(f.file)));
    if (titleStrength(folderTitle) < 1.5) continue;
    const [only] = f.parsed.entries;
    if (f.parsed.entries.length === 1 && only !== undefined) {
      const short = only.title.trim();
      const rest = folderTitle.slice(short.length).replace(/^[\s:–—-]+/, '');
      if (short.split(/\s+/).length <= 3 && folderTitle.toLowerCase().startsWith(short.toLowerCase()) && rest.split(/\s+/).length >= 2) {
        f.parsed = { ...f.parsed, entries: [{ ...only, title: `${short}: ${rest}` }] };
      }
      continue;
    }
    if (opensTitled(f.text)) continue;
    f.parsed = parseNotes(f.text, f.file, { inFolder: true, title: folderTitle });
  }
}

/** Whether a note's first line is a heading that is not a part's name ("## Notes"), or front matter. */
function opensTitled(text: string): boolean {
  const first = /^[^\S\n]*(\S.*)$/m.exec(text)?.[1] ?? '';
  if (first.startsWith('---') || first.startsWith('+++')) return true;
  const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(first);
  return heading !== null && partKind(heading[1]!.replace(/[:：]\s*$/, '').replace(/\*+/g, '').trim()) === null;
}

/** A note linked by name alone (a wikilink, a published page), in linkedDeckFiles' set: matched by file name. */
const WIKI = 'wiki:';
const WIKILINK_TARGETS = /^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?\[\[([^\][|#\n]{1,200})(?:[#|][^\][\n]{0,300})?\]\](?!\[)/gm;

/**
 * In a deck folder, a file most of whose entries link to other notes files of the deck (a
 * README listing the notes, an index, a map of content) is the folder's table of contents, not
 * notes: its entries are the papers of the files it links to, read there. It is read as no
 * paper, with why, so the deck's file listing names it. At least three links to notes files (one
 * for a file named README or index), and as many as half its entries.
 */
export function setAsideIndexes(files: readonly { file: string; parsed: ParsedNotes; linked: ReadonlySet<string> }[]): ParsedNotes[] {
  const toNotes = indexLinks(files);
  return files.map(({ parsed }, i) => {
    if (toNotes[i] === 0) return parsed;
    const why = `an index of the other notes in this folder (it links to ${toNotes[i]} of them), read where they are`;
    const setAside = parsed.entries.map((entry) => ({ text: entry.title, file: entry.file, line: entry.line, why }));
    return { ...parsed, entries: [], notPapers: [...parsed.notPapers, ...setAside] };
  });
}

/** Per file, how many notes of the deck it links to where it is an index of them (see setAsideIndexes), else 0. */
export function indexLinks(files: readonly { file: string; parsed: ParsedNotes; linked: ReadonlySet<string> }[]): number[] {
  // (A link to a file of no paper, such as a note's continuation, indexes nothing.)
  const withPapers = files.filter((f) => f.parsed.entries.length > 0);
  // A link to a folder of notes ("[Prompting](./Prompting)") indexes the notes in it.
  const names = new Set(withPapers.flatMap((f) => [f.file, ...folderPrefixes(f.file)]));
  const byName = new Set(withPapers.map((f) => `${WIKI}${posix.basename(f.file, posix.extname(f.file)).toLowerCase()}`));
  return files.map(({ file, parsed, linked }) => {
    let toNotes = 0;
    let below = 0;
    const self = `${WIKI}${posix.basename(file, posix.extname(file)).toLowerCase()}`;
    const dir = posix.dirname(file);
    for (const target of linked) {
      if (target === file || target === self || !(names.has(target.replace(/\/$/, '')) || byName.has(target))) continue;
      toNotes++;
      if (dir === '.' || target.startsWith(`${dir}/`)) below++;
    }
    // A README (or index) that links to notes of its folder says what is in it, however few.
    // (Not one that links a note beside its folder: in a folder of one folder per paper, each
    // note a README, "see [Evaluating.Fuzz.Testing](../Evaluating.Fuzz.Testing/README.md)".)
    const readme = FOLDER_README.test(posix.basename(file, posix.extname(file)));
    if (readme && below >= 1) return toNotes * 2 < parsed.entries.length ? 0 : toNotes;
    return toNotes < 3 || toNotes * 2 < parsed.entries.length ? 0 : toNotes;
  });
}

/** "a/b/c.md" -> "a", "a/b": the folders a deck file sits in, below the deck's own. */
function folderPrefixes(file: string): string[] {
  const parts = file.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * The titles an index of a deck's notes gives the files it links to ("Better Together? An
 * Evaluation of AI-Supported Code Translation. Weisz, et al. IUI (2021). [Notes](notes/weisz.md)"):
 * per linked file (named as linkedDeckFiles names it), the link's label where it reads as a
 * title, else the entry's words around the link, less its date, authors and venue.
 */
export function indexedTitles(text: string, file: string): Map<string, string> {
  const titles = new Map<string, string>();
  if (extname(file).toLowerCase() === '.org') return titles;
  const visit = (inline: Inline) => {
    const lines = inlineLines(inline);
    for (const [n, line] of lines.entries()) {
      for (const run of line) {
        if (run.kind !== 'link') continue;
        const target = deckFileOf(run.href, file);
        if (target === null) continue;
        // "[Fast R-CNN](./2015/fast_rcnn.md)": the label, unless it only says where the notes are.
        const label = cleanTitle(inlineText(run.children));
        // ("... (2022).\n[Notes](...)": a link alone on its line is the line's before.)
        const title = /\p{L}/u.test(label) && !isGenericLinkLabel(label) && !NOTES_LABEL.test(label) ? label : entryTitle(line.filter((r) => r !== run)) ?? (n > 0 ? entryTitle(lines[n - 1]!) : null);
        if (title !== null && !titles.has(target)) titles.set(target, title);
      }
    }
  };
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph' || block.kind === 'heading') visit(block.inline);
      else if (block.kind === 'list') for (const item of block.items) walk(item.blocks);
      else if (block.kind === 'quote') walk(block.blocks);
      else if (block.kind === 'table') for (const row of block.rows) for (const cell of row.cells) visit(cell);
    }
  };
  walk(readMarkdown(text).blocks);
  return titles;
}

// "[Notes]", "[my notes]", "[summary]": a link that says it leads to the notes.
const NOTES_LABEL = /^(?:my |reading |paper )?(?:notes?|summary|review|write-?up)$/i;

/** Inline content line by line (at its breaks and newlines), each line's runs. */
function inlineLines(inline: Inline): Inline[] {
  const lines: Inline[] = [[]];
  for (const run of inline) {
    if (run.kind === 'break') lines.push([]);
    else if (run.kind === 'text' && run.text.includes('\n')) {
      const parts = run.text.split('\n');
      parts.forEach((text, i) => {
        if (i > 0) lines.push([]);
        if (text !== '') lines[lines.length - 1]!.push({ kind: 'text', text });
      });
    } else lines[lines.length - 1]!.push(run);
  }
  return lines;
}

// "(2022-6-5)", "2022-06-05:", "[x]": how an index dates or marks an entry, before its title.
const ENTRY_MARK = /^(?:\(?\s*\d{4}-\d{1,2}-\d{1,2}\s*\)?|\[[ x]\])[\s:.-]*/i;

/** An index entry's title: its first sentence that is not its authors, three words or more; else null. */
function entryTitle(inline: Inline): string | null {
  const line = inlineText(inline.filter((run) => run.kind !== 'html')).replace(/\s+/g, ' ').trim().replace(ENTRY_MARK, '');
  // (An initial's full stop, "Carrie J.", is within the names, not a sentence's end; "language.Desai"
  // is one without its space.)
  const sentences = line.split(/(?<!(?:^|\s)\p{Lu})\.(?:\s+|(?=\p{Lu}\p{Ll}))/u);
  for (const sentence of sentences.slice(0, 3)) {
    const text = sentence.trim();
    if (text.split(/\s+/).length < 3 || isAuthorLine(text) || isPersonName(text) || /\bet\.? al\b/.test(text)) continue;
    const title = cleanTitle(text.replace(/\s+arXiv\b.*$/i, ''));
    return titleStrength(title) >= 1 ? title : null;
  }
  return null;
}
