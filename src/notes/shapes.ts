// A notes document (blocks) -> its papers. People write paper notes in a handful of shapes,
// often several in one file:
//  - headings at any depth, each paper with its own sub-sections ("#### Key Points",
//    "### Thoughts") under it; groups above them ("## Day 1", "## Posters");
//  - one file per paper: the title from front matter, the first heading, a leading link or
//    the file name;
//  - bold-title paragraphs ("**Title** Authors", then the summary);
//  - link lines ("📝 [Title](url)", then a quote or paragraph);
//  - list items ("- **Title**: summary", "* [Title](url) - summary", nested bullets);
//  - table rows (a title column and summary columns);
//  - code lines of the bundled format ("C12: Title") inside Markdown.
// The headings make a tree of sections. A section is a paper when its heading reads like a
// title (sections.ts: not "Contents", "Day 2", "Thoughts") and what is under it is a note, not
// more papers; otherwise it is a group, and its own blocks are read for papers in the other
// shapes. Whatever is read as no paper is recorded with why, for `paperdeck inspect`.
import type { NoteEntry, NoteWarning } from '../core/types.js';
import { IDEOGRAPH_RANGES, isIdeograph } from '../core/text.js';
import { normalizeTitle } from '../core/title-key.js';
import type { Block, Inline, ListItem, NotesDocument } from './document.js';
import { afterLeadingVenue, cleanTitle, firstLink, inlineText, isAuthorsYearLabel, isGenericLinkLabel, labelledText, isPaperLink, isWebPageLink, leadTitle, splitCode, splitFirstLine, type LeadTitle } from './inline.js';
import { capitalise, isAuthorLine, isPersonName, isReferenceLine, isTagLine, labelledLine, NoteText, referenceTitle } from './note-text.js';
import { filesByWhen, followsPaperSections, headingPartKind, namesBookPart, namesOneTalk, notATitle, partKind, statesSomething, titleStrength, type PartKind } from './sections.js';

// A page title as a browser or web clipper keeps it: "... - YouTube", "... | Vimeo".
const CLIPPED_VIDEO = /\s[-–—|]\s*(?:youtube|vimeo|bilibili|videolectures\.net)$/i;

/** A part of a notes file read as no paper, and why: what `paperdeck inspect` shows. */
export interface NotPaper {
  text: string;
  file: string;
  line: number;
  why: string;
}

export type Shape = 'plain' | 'headings' | 'one per file' | 'bold titles' | 'link lines' | 'list items' | 'table rows' | 'code lines' | 'citation keys';

export interface ReadNotes {
  entries: NoteEntry[];
  warnings: NoteWarning[];
  notPapers: NotPaper[];
  /** The shapes papers were read in, in order of first use. */
  shapes: Shape[];
  /** How many things in the file look like papers (titles, paper links, rows): to tell when papers were missed. */
  paperLike: number;
  /** How the file opens: with a line that links somewhere, with a title (a heading, front matter), or with text. */
  opening: Opening;
}

/** `reference`: the first line links a paper only as a reference for its topic ("see this paper: url"). */
export type Opening = 'link' | 'page' | 'title' | 'text' | 'reference';

/** A paper opened by a title paragraph, whose note goes on until the next title. */
interface BlockPaper {
  title: string;
  code: string;
  shape: Shape;
  line: number;
  session: string;
  note: NoteText;
  /** The part of the note now being read (a "### Notes" heading after the title). */
  part: PartKind;
}

interface Section {
  heading: Extract<Block, { kind: 'heading' }> | null;
  /** The heading as a card's front would show it. */
  title: string;
  /** The heading's words as written (a year or rating kept): what tells a group or a part. */
  label: string;
  href: string | null;
  level: number;
  line: number;
  blocks: Block[];
  children: Section[];
}

export interface ReadOptions {
  /** The file's name without its folder or extension: the title of a one-paper file with no other. */
  fileTitle: string;
  /** The file is one of several in a deck folder: a file of one paper is expected there. */
  inFolder: boolean;
}

/** Reads the papers of one notes document. */
export function readPapers(doc: NotesDocument, file: string, options: ReadOptions): ReadNotes {
  let reader = new PaperReader(file);
  // "template.md" beside the notes: the headings a note starts from, with nothing of a paper.
  if (options.inFolder && (NOTES_TEMPLATE.test(options.fileTitle) || onlyEmptyFields(doc.blocks))) {
    reader.notPaper(options.fileTitle, 1, 'a template for notes, not notes');
    return reader.result(doc);
  }
  const frontMatter = (into: PaperReader) => doc.metaLine !== null && into.notPaper('front matter', doc.metaLine, 'front matter: read for the title, not a paper');
  frontMatter(reader);
  const described = describedTitle(doc.meta);
  if (described !== null) doc = { ...doc, meta: new Map(doc.meta).set('title', described) };
  const fieldTitle = doc.meta.has('title') ? null : (titleField(doc.blocks) ?? titleRow(doc.blocks));
  if (fieldTitle !== null) {
    doc = { ...doc, blocks: doc.blocks.filter((block) => block !== fieldTitle.heading && block !== fieldTitle.value), meta: new Map(doc.meta).set('title', fieldTitle.title), titleLine: fieldTitle.line };
  }
  markLinkedSummaryLists(doc.blocks);
  const root = sectionTree(quotedTitlesUnderEmptyHeadings(doc.blocks));
  if (root.children.length === 1) reader.fileHeading = root.children[0]!;
  reader.namedByKey = options.inFolder && BETTER_BIBTEX_KEY.test(options.fileTitle);
  reader.contents = contentsAnchors(doc.blocks);
  reader.readGroup(root, '');
  // A post titled by its front matter ("title: Swish - a Self-Gated Activation Function") is one
  // paper's note, its headings its sections ("Properties of Swish", "Neural Module Network for
  // VQA"); under a title naming a collection ("Papers I read this week"), only where they do not
  // read as titles.
  const metaTitle = doc.meta.get('title');
  // (Whatever its title says, a post whose entries link papers and have notes of their own holds
  // those papers: "ACL in Florence" over thirty linked papers, each with its authors and summary.)
  // (Nor a page whose headings are tagged as papers, "** Entailment as Few-Shot Learner :paper:".)
  const taggedPapers = doc.blocks.some((block) => block.kind === 'heading' && block.paper === true);
  // (Nor a post of lists whose items are papers with notes: "23周：June05 Science, June04 Nature"
  // over "1. Thresholds of mangrove survival under rapid sea level rise⏎   如果海平面上涨超过 ...".)
  if (reader.entries.length > 0 && !taggedPapers && titlesOnePaper(metaTitle) && (!NAMES_COLLECTION.test(metaTitle!) || !mostlyTitles(reader.entries)) && !linksPapersWithNotes(reader.entries, doc.blocks) && reader.notedItems < LISTED_PAPERS_WITH_NOTES) {
    reader = new PaperReader(file);
    frontMatter(reader);
  }
  // In a folder, a note that opens on its paper's link ("[Tendermint: Consensus without
  // Mining](pdf)") over headings of its own ("### Problem", "### Claims", "### Core Concepts")
  // is that paper, its headings its parts.
  if (options.inFolder && metaTitle === undefined && reader.entries.length > 0 && opensOnPaperLink(doc.blocks, reader.entries)) {
    reader = new PaperReader(file);
    frontMatter(reader);
  }
  reader.onePaperFile(doc, root, options);
  // (In a folder of one-paper notes only: in a file of papers, a title with nothing under it is
  // a paper not yet written about, and the heading after it the next paper.)
  if (options.inFolder) reader.foldEmptyTitleIntoSection();
  // "## [g](https://arxiv.org/...)" as a file's only title: the file's name says more.
  const only = reader.entries.length === 1 ? reader.entries[0]! : null;
  if (only && options.inFolder && only.title.length < 3 && !only.code) only.title = fileNameTitle(options.fileTitle);
  const heading = only ? root.children.find((section) => section.heading !== null && section.line === only.line) : undefined;
  if (only && heading) only.title = citedTitle(heading.blocks, heading.title) ?? only.title;
  if (only) only.title = punctuatedByBibtex(doc.blocks, only.title) ?? only.title;
  const result = reader.result(doc);
  // In a folder, a file of one paper is that shape, whatever names its title.
  if (only && options.inFolder) result.shapes = ['one per file'];
  return result;
}

/**
 * The anchors a file's table of contents links to ("1. [ColBERT: ..., SIGIR 2020](#colbert-efficient-...)"):
 * a list of three in-page links at least, most of its items one. Empty where there is none.
 */
function contentsAnchors(blocks: readonly Block[]): Set<string> {
  const anchors = new Set<string>();
  for (const block of blocks) {
    if (block.kind !== 'list') continue;
    const hrefs = inPageLinks(block);
    if (hrefs.length >= 3 && hrefs.length * 2 >= block.items.length) for (const href of hrefs) anchors.add(decodeAnchor(href.slice(1)));
  }
  return anchors;
}

/** The in-page links ("#section") that open a list's items: a table of contents' entries. */
function inPageLinks(list: Extract<Block, { kind: 'list' }>): string[] {
  const hrefs: string[] = [];
  for (const item of list.items) {
    const href = item.blocks[0]?.kind === 'paragraph' ? firstLink(item.blocks[0].inline)?.href : undefined;
    if (href?.startsWith('#')) hrefs.push(href);
  }
  return hrefs;
}

function decodeAnchor(anchor: string): string {
  try {
    return decodeURIComponent(anchor).toLowerCase();
  } catch {
    return anchor.toLowerCase();
  }
}

/** A heading's anchor as GitHub and most Markdown renderers make it: lower case, punctuation gone, spaces as hyphens. */
function anchorOf(label: string): string {
  return label.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Whether a file opens on a link line titling a paper and every entry read from it is that line or one of its headings (see readPapers). */
function opensOnPaperLink(blocks: readonly Block[], entries: readonly NoteEntry[]): boolean {
  const first = blocks.find((block) => block.kind !== 'html');
  const lead = first?.kind === 'paragraph' ? leadTitle(first.inline) : null;
  // (The link alone on its line: "[ATC 22](url) has 18 tracks ..." opens a post about a conference.)
  if (first?.kind !== 'paragraph' || lead?.via !== 'link' || inlineText(splitFirstLine(lead.rest).first).trim() !== '') return false;
  const headingLines = new Set(blocks.filter((block) => block.kind === 'heading').map((block) => block.line));
  return entries.some((entry) => headingLines.has(entry.line)) && entries.every((entry) => entry.line === first.line || headingLines.has(entry.line));
}

// "## Title:" over its value, "## Authors:" over theirs: a notes template whose fields are
// headings. (Its other fields are read as a note's parts are: Authors, Keywords as such,
// Significance as the summary, Notes as the note.)
const TITLE_FIELD = /^(?:paper )?title\s*[:：]?$/i;
// "# Title: Circular analysis in systems neuroscience", "# Authors: Kriegeskorte et al (2009)":
// the fields' values on their headings.
const TITLE_FIELD_VALUE = /^(?:paper )?title\s*[:：]\s*(\S.*)$/i;

/**
 * "### Main Takeaway: Results are often mistaken ...", "# Authors: Kriegeskorte et al (2009)":
 * a field of the note named on its heading, its value beside the name, read as the part the
 * name says; null for any other heading.
 */
function headingField(label: string): { name: string; value: string; kind: PartKind } | null {
  const field = labelledLine(label);
  if (field === null || field.value.trim() === '') return null;
  const kind = partKind(field.name);
  return kind === null ? null : { ...field, kind };
}
/** The longest a title given as a field can be. */
const MOST_TITLE_FIELD = 300;

/** A heading naming the title field ("## Title:") and the one line under it that is the title. */
function titleField(blocks: Block[]): { heading: Block; value: Block | null; title: string; line: number } | null {
  for (let i = 0; i < blocks.length; i++) {
    const heading = blocks[i]!;
    if (heading.kind !== 'heading') continue;
    const label = inlineText(heading.inline).trim();
    const inline = TITLE_FIELD_VALUE.exec(label);
    if (inline !== null) {
      const title = inline[1]!.trim();
      return title.length > MOST_TITLE_FIELD ? null : { heading, value: null, title, line: heading.line };
    }
    if (!TITLE_FIELD.test(label) || i + 1 >= blocks.length) continue;
    const value = blocks[i + 1]!;
    const next = blocks[i + 2];
    if (value.kind !== 'paragraph' || (next !== undefined && next.kind !== 'heading')) return null;
    const title = inlineText(value.inline).trim();
    if (title === '' || title.includes('\n') || title.length > MOST_TITLE_FIELD) return null;
    return { heading, value, title, line: value.line };
  }
  return null;
}

// The first cell of a note's property table naming its title: "Title", "Paper", "논문명" (the
// paper's name), "论文题目", "タイトル".
const TITLE_KEY = /^(?:(?:paper )?title|paper|name|논문\s*(?:명|이름|제목)|제목|论文(?:题目|标题|名称)?|标题|題目|タイトル|論文名?)$/iu;

/**
 * "| 논문명 | FlowNet: Learning Optical Flow with Convolutional Networks |" over "| 저자 | ... |",
 * "| 학회/년도 | ... |": a table of the note's properties opening it (as a GitBook or Notion page
 * keeps them), its first row naming the title. The table is read as front matter is.
 */
function titleRow(blocks: Block[]): { heading: Block; value: Block | null; title: string; line: number } | null {
  const first = blocks.find((block) => block.kind !== 'html');
  if (first?.kind !== 'table' || first.head.length !== 2 || !TITLE_KEY.test(inlineText(first.head[0]!).trim())) return null;
  const title = cleanTitle(inlineText(first.head[1]!).replace(/\s+/g, ' '));
  // (A table of papers is headed by its columns' names, "| Paper | Summary |": a title has words.)
  if (title.split(' ').length < 3 || title.length > MOST_TITLE_FIELD) return null;
  // Each row a property and its value, named in a few words: "| 저자 | ... |", "| Year | 2015 |".
  if (!first.rows.every((row) => row.cells.length === 2 && inlineText(row.cells[0]!).trim().length <= 30)) return null;
  return { heading: first, value: null, title, line: first.line };
}

// "Bazil 2010", "Smith et al. 2019", "Lee & Kim (2020)": a paper named by its citation.
const AUTHOR_YEAR = /^\p{Lu}[\p{L}'’-]+(?: et al\.?| (?:and|&) \p{Lu}[\p{L}'’-]+)?,? \(?(?:19|20)\d{2}[a-z]?\)?$/u;
// Front matter keys a blog theme shows under a post's title.
const DESCRIPTION_KEYS = ['description', 'subtitle'];

/**
 * A post named by its citation in front matter ("title: Bazil 2010"), the paper's own title in
 * its description ("description: Modeling mitochondrial bioenergetics with integrated volume
 * dynamics"): that title. Null where the title is not a citation, or no description reads as one
 * title (a few words, not sentences).
 */
function describedTitle(meta: ReadonlyMap<string, string>): string | null {
  const title = meta.get('title');
  if (title === undefined || !AUTHOR_YEAR.test(title.trim())) return null;
  for (const key of DESCRIPTION_KEYS) {
    const value = cleanTitle((meta.get(key) ?? '').replace(/\s+/g, ' ').trim());
    if (value.split(' ').length >= 3 && value.length <= MOST_TITLE_FIELD && !/[.!?]\s+\p{Lu}/u.test(value)) return value;
  }
  return null;
}

// Front matter keys whose value is the note-taker's summary of the paper. (Not a Jekyll
// "excerpt:", the post's opening lines, often background.)
const META_SUMMARY_KEYS = ['summary', 'tldr', 'tl;dr'];

// "ahrensHowTakeSmart2017", "vaswaniAttentionAllYou2017": a citation key as Zotero's Better
// BibTeX makes it (author, three title words, year), naming a note on that one work.
const BETTER_BIBTEX_KEY = /^\p{Ll}+(?:\p{Lu}[\p{Ll}\p{N}]*){1,4}(?:19|20)\d{2}[a-z]?$/u;

// "Papers I read this week", "Reading list on GANs", "May highlights", "Prior Literature": a post
// or file of several papers.
const NAMES_COLLECTION = /\b(?:papers|reading ?list|readings|notes|summaries|highlights|round-?up|digest|recap|week|weekly|month|monthly|literature|bibliography)\b/i;

/** Links to papers a post needs, each with a note, to be read as those papers whatever its title. */
const LINKED_PAPERS_WITH_NOTES = 5;

/** Items a file titled as a collection ("title: Reading List") must list to be read as that list, not a paper. */
const MIN_LISTED_IN_COLLECTION = 5;

/** List items read as papers, each with a note, a post needs to be read as those papers whatever its title. */
const LISTED_PAPERS_WITH_NOTES = 5;

/** Whether at least LINKED_PAPERS_WITH_NOTES entries have notes, and the document links as many papers. */
function linksPapersWithNotes(entries: readonly NoteEntry[], blocks: Block[]): boolean {
  if (entries.filter((entry) => entry.body.trim() !== '').length < LINKED_PAPERS_WITH_NOTES) return false;
  return paperLinkCount(blocks) >= LINKED_PAPERS_WITH_NOTES;
}

/** Whether front matter's title names one paper, not a collection ("ICML 2019 notes"). */
function titlesOnePaper(title: string | undefined): boolean {
  return title !== undefined && notATitle(title) === null && cleanTitle(title).length >= 3;
}

/**
 * Whether most entries read as from headings are titled as papers are (see titleStrength), or
 * by their citation keys ("* Pell16", "* HalvorsenKT18" in a file of literature notes).
 */
function mostlyTitles(entries: readonly NoteEntry[]): boolean {
  return entries.filter((entry) => titleStrength(entry.title) >= 1.5 || CITATION_KEY.test(entry.title)).length * 2 > entries.length;
}

/**
 * A slide deck of papers (Marp: "headingDivider: 1"), each slide an empty "# " over its paper's
 * title quoted, "> Patterns of de novo tandem repeat mutations ... | Nature", and its link: the
 * quote's first line is the heading's text, its other lines a paragraph under it. An empty
 * heading over anything else stays empty.
 */
function quotedTitlesUnderEmptyHeadings(blocks: Block[]): Block[] {
  if (!blocks.some((b, i) => b.kind === 'heading' && b.inline.length === 0 && blocks[i + 1]?.kind === 'quote')) return blocks;
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const quoted = block.kind === 'heading' && block.inline.length === 0 && next?.kind === 'quote' && next.blocks[0]?.kind === 'paragraph' ? next.blocks[0] : null;
    if (block.kind !== 'heading' || quoted === null || next?.kind !== 'quote') {
      out.push(block);
      continue;
    }
    const { first, rest } = splitFirstLine(quoted.inline);
    out.push({ ...block, inline: first });
    if (rest.length) out.push({ kind: 'paragraph', inline: rest, line: quoted.line + 1 });
    out.push(...next.blocks.slice(1));
    i++;
  }
  return out;
}

function sectionTree(blocks: Block[]): Section {
  const root: Section = { heading: null, title: '', label: '', href: null, level: 0, line: 1, blocks: [], children: [] };
  const stack: Section[] = [root];
  for (const block of blocks) {
    if (block.kind !== 'heading') {
      stack[stack.length - 1]!.blocks.push(block);
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.level >= block.level) stack.pop();
    const link = firstLink(block.inline);
    const section = {
      heading: block,
      label: headingLabel(block.inline),
      href: link?.href ?? null,
      level: block.level,
      line: block.line,
      blocks: [],
      children: [],
    } as unknown as Section;
    // A title is worked out only for the headings asked about as papers, not for every part's
    // ("#### Key Points"); an own getter, so that a copy ({ ...section }) takes the value.
    Object.defineProperty(section, 'title', { enumerable: true, get: () => titleText(block.inline) });
    stack[stack.length - 1]!.children.push(section);
    stack.push(section);
  }
  linkLeadingUrls(root);
  return root;
}

// "## 3. Blind recalibration of sensor grids" over a line holding only its PDF's address: the
// heading's link, as if written in it.
const BARE_URL_LINE = /^<?(https?:\/\/\S+?)>?$/;

function linkLeadingUrls(section: Section): void {
  const first = section.blocks[0];
  if (section.heading !== null && section.href === null && first?.kind === 'paragraph') {
    // (As written: the note's text leaves addresses out.)
    const line = splitFirstLine(first.inline).first.map((run) => (run.kind === 'text' ? run.text : ' ')).join('');
    const url = BARE_URL_LINE.exec(line.trim())?.[1];
    if (url !== undefined && isPaperLink(url)) section.href = url;
  }
  for (const child of section.children) linkLeadingUrls(child);
}

/** Work on inline runs asked for more than once (a heading's title and label): done once. */
function once<T>(compute: (inline: Inline) => T): (inline: Inline) => T {
  const cache = new WeakMap<Inline, T>();
  return (inline) => {
    if (cache.has(inline)) return cache.get(inline) as T;
    const value = compute(inline);
    cache.set(inline, value);
    return value;
  };
}

/** A heading's words: link labels kept, markup and emoji gone, nothing else taken off. */
const headingLabel = once(headingLabelOf);

function headingLabelOf(inline: Inline): string {
  return labelledText(withImageTitle(inline)).replace(/\s+/g, ' ').replace(/\s*\*+$/, '').trim();
}

// "![Figure 1: the architecture](fig1.png)": a figure, whatever heading it sits in.
const FIGURE_ALT = /^(?:fig(?:ure)?|table|tab|image|img|screenshot|diagram|plot|chart|photo|logo|badge)\b/i;

/**
 * "# ![Attention Is All You Need](url)": a heading that is only an image (a badge or a mistyped
 * link) says its words in the image's text.
 */
function withImageTitle(inline: Inline): Inline {
  if (!inline.some((run) => run.kind === 'image' || run.kind === 'link') || labelledText(inline).trim() !== '') return inline;
  for (const run of inline) {
    const image = run.kind === 'image' ? run : run.kind === 'link' ? run.children.find((child) => child.kind === 'image') : undefined;
    if (image?.kind === 'image' && image.alt.trim() !== '' && !FIGURE_ALT.test(image.alt.trim())) return [{ kind: 'text', text: image.alt }];
  }
  return inline;
}

/** A title's text from inline runs: link labels kept (the label is the title), markup gone. */
const titleText = once(titleTextOf);

// "arXiv 2020.", "SIGIR 2018", "IEEE Transactions on Big Data 2019.": a venue and its year.
const VENUE_AND_YEAR = /^[\p{L}&'’.\- ]{2,60}(?:19|20)\d{2}\.?$/u;

function titleTextOf(runs: Inline): string {
  // "# Albirini, A., 2011. The sociolinguistic functions of codeswitching ... Language in Society,
  // 40(05), ss.537–562.", "### Celis, J., et al. 2017. Intraspecific trait variation ... Plant
  // Ecology.": a heading that is the paper's whole reference is titled by the title it gives.
  const whole = inlineText(runs).replace(/\s+/g, ' ').trim();
  if (whole.length > 40 && whole.length < 1000 && /(?:19|20)\d\d/.test(whole)) {
    const cited = referenceTitle(whole) ?? HEADING_REFERENCE.exec(whole)?.[1]?.trim() ?? CHICAGO_TITLE.exec(whole)?.[1]?.trim();
    if (cited !== undefined && cited !== null && cited.length >= 8) return cleanTitle(cited);
  }
  return titleTextWhole(runs);
}

// "Celis, J., et al. 2017. Title. Plant Ecology.", "Inouye, 2001. Title. Ecology.": authors, the
// year and a full stop, the title to its full stop, then a journal's name (capitalised, short).
// (The title may end in a word in capitals, "... of the Pacific Northwest, USA.", not in an
// initial, "... by J.".)
// (A surname may open on "St." or a particle, "St. Clair, S.B."; a given name may be written out
// before the initials, "Ibrahim, Muhammad H.". The initials' dots keep a given name from reading
// as the next surname: read both ways, a long list of names would take exponential time.)
const REFERENCE_NAME = "(?:St\\.\\s+|(?:de|van|von|da|di|le)\\s+)?\\p{Lu}[\\p{L}'’-]+(?:,\\s*(?:\\p{Lu}[\\p{L}'’-]+\\s+)?(?:\\p{Lu}\\.\\s*)+)?";
const HEADING_REFERENCE = new RegExp(
  `^${REFERENCE_NAME}(?:(?:,\\s*|,?\\s+(?:and|&)\\s+)${REFERENCE_NAME})*(?:,?\\s*et al\\.?)?,?\\s+\\(?(?:19|20)\\d\\d[a-z]?\\)?\\.\\s+(\\S[^]{6,300}?(?:[^\\s.A-Z]|[A-Z]{2}))[.?!]\\s+\\p{Lu}[^.]{1,80}(?:[.,]|$)`,
  'u',
);

// "Barr, Dale J., Roger Levy, ... and Harry J. Tily. 2013. “Random Effects Structure ...: Keep It
// Maximal.” Journal of Memory and Language 68 (3)": the Chicago style, the title in quotes.
const CHICAGO_TITLE = /^\p{Lu}[^“”"]{1,400}?\b(?:19|20)\d\d[a-z]?\.\s+[“"]([^“”"]{8,300}?)[.?!]?[”"]/u;

function titleTextWhole(runs: Inline): string {
  // "Title. Authors <a href=...>Paper</a>", "Title [pdf](...)": the link after the title says
  // where the paper is, not what it is called.
  let inline = withImageTitle(runs);
  while (inline.length > 1) {
    const last = inline[inline.length - 1]!;
    if (last.kind === 'text' && last.text.trim() === '') inline = inline.slice(0, -1);
    else if (last.kind === 'html' || (last.kind === 'link' && isGenericLinkLabel(inlineText(last.children).trim()))) inline = inline.slice(0, -1);
    // "Title. *arXiv 2020.*": where and when, set in italics after the title.
    else if ((last.kind === 'em' || last.kind === 'strong') && inline.length > 1 && VENUE_AND_YEAR.test(inlineText(last.children).trim())) inline = inline.slice(0, -1);
    else break;
  }
  const lead = leadTitle(inline);
  if (lead && inlineText(lead.rest).replace(/[\s:–—-]/g, '') === '') return paperTitle(lead.title);
  // "[[papers/smith2019.pdf][smith2019]] Deep Sets for Point Clouds": a link labelled by the
  // paper's citation key, then its title.
  if (lead?.via === 'link' && CITATION_KEY.test(lead.title.trim())) {
    const rest = inlineText(lead.rest).replace(/^[\s:–—|-]+/, '');
    if (rest.split(/\s+/).length >= 2) return withoutSpeaker(paperTitle(rest.replace(/\n/g, ' ')));
  }
  return withoutSpeaker(paperTitle(labelledText(inline).replace(/\n/g, ' ')));
}

// "smith2019", "Vaswani2017attention", "lecun-98", "Lee:2020b": a citation key, one word with a year.
const CITATION_KEY = /^[A-Za-z][A-Za-z-]*[:_-]?(?:19|20)?\d{2}[a-z]?[A-Za-z]*$/;

/** A title as written (a heading's, a link's label, a bold run) to the card's front. */
function paperTitle(raw: string): string {
  return withoutAuthorTail(withoutBracketedAuthors(cleanTitle(withoutAuthorsAndYear(raw))));
}

// "... (Toshinori Araki and Jun Furukawa and Yehuda Lindell)", "... (Xiao Wang, Samuel Ranellucci
// and Jonathan Katz) (TODO link)": the authors, and a note to self, in brackets after a title.
const BRACKETED_TAIL = /\s*\(([^()]{2,400})\)\s*$/;
const TO_DO_IN_BRACKETS = /^(?:todo|tbd|fixme|to ?do)\b/i;

/** A title without the authors (and a to-do) bracketed after it. */
function withoutBracketedAuthors(title: string): string {
  let text = title;
  for (let i = 0; i < 2; i++) {
    const tail = BRACKETED_TAIL.exec(text);
    if (tail === null || tail.index < 8) break;
    const inside = tail[1]!.trim();
    if (!TO_DO_IN_BRACKETS.test(inside) && !isAuthorLine(inside)) break;
    text = text.slice(0, tail.index);
  }
  return text;
}

/**
 * A title without its authors and year: "An Axiomatic Basis for Computer Programming - Hoare -
 * 1969" (names alone between the dashes: "... - Language Models - 2020" has a subtitle there),
 * or "Names (2015): Title" as a reference orders them.
 */
function withoutAuthorsAndYear(raw: string): string {
  // "Wiatowski, T., & Bölcskei, H. (2015): A Mathematical Theory of ...": a reference's order.
  const cited = /^(.{3,120}?),?\s*\(?(?:19|20)\d{2}[a-z]?\)?\s*:\s+(\S.{7,})$/.exec(raw.trim());
  if (cited && namesOnly(cited[1]!.replace(/\\["'`^~]\{?(\p{L})\}?/gu, '$1'))) return cited[2]!;
  // "Sönke Ahrens - How To Take Smart Notes - 2017", "Paul Graham - Keep Your Identity Small -
  // February 2009": one person's name first, the date last, the title between.
  const byline = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3})\s+[-–—]\s+(\S.{1,200}?)\s+[-–—]\s+(?:\p{Lu}\p{Ll}{2,8}\s+)?(?:19|20)\d{2}\s*$/u.exec(raw.trim());
  if (byline && isPersonName(byline[1]!) && byline[1]!.split(' ').every(mayBeName)) return byline[2]!;
  const m = /^(.{3,}?)\s+[-–—]\s+([^-–—]{2,80}?)\s+[-–—]\s+(?:19|20)\d{2}\s*$/.exec(raw.trim());
  if (!m) return raw;
  const names = m[2]!.replace(/\bet\.? al\.?/g, '').trim();
  // "Carbone, Lindley and Wadler", or surnames alone: "Moura Owre Ruess Rushby Shankar".
  const people = /[,&]|\band\b/.test(names) ? names.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean) : names.split(/\s+/);
  const named = people.every((person) => (isPersonName(person) || SURNAME.test(person)) && person.split(/\s+/).every(mayBeName));
  return people.length > 0 && named ? m[1]! : raw;
}

const SURNAME = /^\p{Lu}[\p{L}'’-]+$/u;

/** Whether a word may be part of a name: not a title's word, nor one ending as verbs and nouns do ("Mastering", "Revisited"). */
function mayBeName(word: string): boolean {
  return !TITLE_WORDS.has(word.toLowerCase()) && !/(?:ing|ed|tion|sion|ment|ness|ity|ics|ies)$/.test(word);
}

/**
 * Whether a text is people's names and nothing else, as references write them: "Wiatowski, T.,
 * & Bölcskei, H.", "Lee and Chen". One word alone ("Adam (2015): A Method for ...") is more
 * often the method's name.
 */
function namesOnly(text: string): boolean {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 30) return false;
  const nameToken = /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.-?)+|&|and|et|al\.?|van|von|de|der|den|di|da|del|le|la|du)$/u;
  const names = tokens.filter((token) => /^\p{Lu}\p{Ll}/u.test(token));
  const listed = names.length >= 2 || /[,&]|\band\b|\bet al\b/.test(text) || tokens.some((token) => /^(?:\p{Lu}\.-?)+$/u.test(token));
  return listed && names.length > 0 && tokens.every((token) => nameToken.test(token)) && names.every(mayBeName);
}

/**
 * "Weakly Supervised Domain Detection. Yumo Xu and Mirella Lapata": the authors written after
 * a title's full stop (in a link's label, often) are not the title.
 */
function withoutAuthorTail(title: string): string {
  for (const stop of title.matchAll(/\.\s+(?=\p{Lu})/gu)) {
    // "Dense vs. Sparse Retrieval": a full stop that ends an abbreviation ends nothing.
    if (stop.index < 8 || ABBREVIATION_BEFORE.test(title.slice(Math.max(0, stop.index - 6), stop.index))) continue;
    const tail = title.slice(stop.index + stop[0].length);
    // An author list is a line's end, not pages of it (and a long title costs one look per stop).
    if (tail.length > 400) continue;
    // Names have a few words each: "Sparse Retrieval Ann Maria Lee" is no one's.
    if (tail.split(/\s*(?:,|&|\band\b)\s*/).some((name) => name.split(/\s+/).length > 4)) continue;
    if (isAuthorLine(tail)) return title.slice(0, stop.index);
    // One author: two or three words that are a name's ("Cy Diaz"), none a title's ("Transformer Networks").
    const words = tail.split(/\s+/);
    if (words.length >= 2 && words.length <= 3 && isPersonName(tail) && words.every(mayBeName)) return title.slice(0, stop.index);
  }
  return withoutUnseparatedAuthors(title);
}

/** Fewest names in a list written straight after a title, with no stop between them. */
const MIN_UNSEPARATED_NAMES = 3;

/**
 * "Sequence Classification with Human Attention Maria Barrett, Joachim Bingel and Anders
 * Søgaard": three names or more, listed with commas and "and", end the line; the first name is
 * the two words before the first comma.
 */
function withoutUnseparatedAuthors(title: string): string {
  if (!title.includes(',') || !/\sand\s/.test(title) || title.length > 600) return title;
  const chunks = title.split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
  if (chunks.length < MIN_UNSEPARATED_NAMES) return title;
  const [first, ...others] = chunks as [string, ...string[]];
  const named = (name: string) => {
    const words = name.split(/\s+/);
    return words.length >= 2 && words.length <= 4 && isPersonName(name) && words.every(mayBeName);
  };
  if (!others.every(named)) return title;
  const words = first.split(/\s+/);
  // "Yann A. LeCun": a middle initial makes the first name three words.
  const length = /^\p{Lu}\.$/u.test(words[words.length - 2] ?? '') ? 3 : 2;
  const name = words.slice(-length).join(' ');
  if (words.length < length + 2 || !named(name)) return title;
  // "... Tweets about Donald Trump, Hillary Clinton and Bernie Sanders", "... in Sierra Leone,
  // South Sudan and Burkina Faso": names the title is about, after a word that leads into them.
  if (/^\p{Ll}/u.test(words[words.length - length - 1]!)) return title;
  return words.slice(0, -length).join(' ');
}

const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:vs|etc|e\.g|i\.e|cf|al|fig|eq|no|vol|approx|resp|v)$/i;

// "Statistical Modeling: The Two Cultures", "...: A Survey": a subtitle, no speaker's name.
const NOT_A_NAME_START = /^(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|our|its|this|these|towards?|beyond|from|on|in)\b/i;

/**
 * "Neural State Machine: Chris Manning": the speaker after a talk's title is not the title.
 * ("... : Model-Based Policy Optimization" is a subtitle: its words are a title's words.)
 */
function withoutSpeaker(title: string): string {
  const m = /^(.{8,}?):\s+(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,2})$/u.exec(title);
  if (!m || !isPersonName(m[2]!) || m[1]!.split(/\s+/).length < 2 || NOT_A_NAME_START.test(m[2]!)) return title;
  return m[2]!.split(/[\s-]+/).some((word) => TITLE_WORDS.has(word.toLowerCase())) ? title : m[1]!;
}

// Words of paper titles that are nobody's name.
const TITLE_WORDS = new Set(
  ('model models based policy policies optimization learning learn network networks neural deep data training attention ' +
    'transformer transformers gradient gradients reinforcement generative adversarial language image images vision graph graphs ' +
    'inference representation representations estimation analysis detection segmentation search control prediction systems ' +
    'system theory methods method approach algorithm algorithms function functions memory robust efficient scalable fast large ' +
    'scale self supervised unsupervised meta transfer shot zero multi task tasks agent agents time series variational bayesian ' +
    'stochastic matrix kernel kernels process processes sparse dense loss objective space embedding embeddings recognition ' +
    'translation machine machines generalization regularization normalization convolutional recurrent dynamics planning ' +
    'exploration world tree trees ranking retrieval question answering speech text visual video audio object objects scene ' +
    'diffusion flow flows sampling benchmark dataset datasets toward towards beyond via all need').split(' '),
);

class PaperReader {
  readonly entries: NoteEntry[] = [];
  readonly warnings: NoteWarning[] = [];
  readonly notPapers: NotPaper[] = [];
  private readonly shapes = new Set<Shape>();
  /** How many list items were read as papers with notes of their own (see notedItems). */
  private notedItemCount = 0;
  private paperLike = 0;
  /** Blocks of papers read from a heading with its authors under it: their bold lines are its sub-headings. */
  private readonly withAuthors = new Set<Block>();
  /** Lines of headings read as parts of a paper ("### Actor Model" under the paper's heading). */
  private readonly partLines = new Set<number>();
  /** The file's one top heading, when it has only one: a one-paper note's title, maybe. */
  fileHeading: Section | null = null;
  /** The note of the entry added last (see addPartsToLast). */
  private lastNote: NoteText | null = null;
  /** Whether the file is named by its reference's citation key ("ahrensHowTakeSmart2017"). */
  namedByKey = false;
  /** The in-page anchors a file's table of contents links to (contentsAnchors): the sections it lists. */
  contents: ReadonlySet<string> = new Set();

  constructor(private readonly file: string) {}

  /**
   * "## Biosignals as Social Cues: ...", its authors and venue, then "## Human-AI interaction"
   * over the note: a file of two entries, the first a paper's title with nothing under it, the
   * second under a heading that reads as no title, is one paper, that title and that note.
   */
  foldEmptyTitleIntoSection(): void {
    const [titled, section] = this.entries;
    if (this.entries.length !== 2 || !titled || !section || titled.session !== section.session) return;
    if (titled.body !== '' || titled.lead || titled.context || titled.own || titled.keyIdea) return;
    if (titleStrength(titled.title) < 1.5 || titleStrength(section.title) >= 1.5) return;
    const { title: _title, line: _line, session: _session, code: _code, file: _file, ...note } = section;
    const removed = [...new Set([...(titled.removed ?? []), ...(section.removed ?? [])])];
    this.entries.splice(0, 2, { ...note, title: titled.title, line: titled.line, session: titled.session, code: titled.code, file: titled.file, ...(removed.length ? { removed } : {}) });
    this.notPaper(section.title, section.line, `heading: a section of "${titled.title}" above it`);
  }

  notPaper(text: string, line: number, why: string): void {
    this.notPapers.push({ text: text.length > 120 ? `${text.slice(0, 119)}…` : text, file: this.file, line, why });
  }

  result(doc: NotesDocument): ReadNotes {
    return {
      opening: openingOf(doc),
      entries: this.entries,
      warnings: this.warnings,
      notPapers: this.notPapers.sort((a, b) => a.line - b.line),
      shapes: [...this.shapes],
      paperLike: Math.max(this.paperLike, countPaperLike(doc.blocks, this.withAuthors, this.partLines)),
    };
  }

  /** How many list items were read as papers with notes of their own. */
  get notedItems(): number {
    return this.notedItemCount;
  }

  private add(shape: Shape, title: string, line: number, session: string, note: NoteText, code = ''): void {
    this.shapes.add(shape);
    const split = code ? { code, title } : splitCode(title);
    const entry: NoteEntry = { title: split.title, session, code: split.code, line, file: this.file, ...note.fields() };
    if (shape === 'list items' && entry.body.trim() !== '') this.notedItemCount++;
    this.entries.push(entry);
    // (A table's row is all its paper's note: a heading after the table is none of it.)
    this.lastNote = shape === 'table rows' ? null : note;
  }

  /**
   * Reads sub-sections into a paper's note, each as the part its name says ("### Thoughts": its
   * own; a sub-section of no named part under one takes that part's name).
   */
  private addParts(note: NoteText, parts: readonly Section[], outer: PartKind | null = null, paperSections = outer === null && followsPaperSections(parts.map((part) => part.label))): void {
    for (const part of parts) {
      this.partLines.add(part.line);
      const field = headingField(part.label);
      // (A heading written as a statement, as in onePaperFile.)
      if (outer !== null && field === null && partKind(part.label) === null && statesSomething(part.label)) note.addText(part.label, outer);
      if (field !== null) {
        note.markOpening(field.name);
        note.addText(field.value, field.kind);
        note.addBlocks(part.blocks, field.kind);
        this.addParts(note, part.children);
        continue;
      }
      const named = headingPartKind(part.label, paperSections);
      note.markPart(part.label);
      if (named !== null) note.markOpening(part.label);
      const kind = named ?? (outer !== null && statesSomething(part.label) ? outer : 'body');
      note.addBlocks(part.blocks, kind);
      this.addParts(note, part.children.map((child) => (partKind(child.label) === null && kind !== 'body' && !statesSomething(child.label) ? { ...child, label: part.label } : child)), kind, paperSections);
    }
  }

  /** Reads `parts` into the last entry added, `note` its note (see addParts). */
  private addPartsToLast(note: NoteText, parts: readonly Section[]): void {
    this.addParts(note, parts);
    const last = this.entries.length - 1;
    this.entries[last] = { ...this.entries[last]!, ...note.fields() };
  }

  // ---- sections ------------------------------------------------------------------------------

  /**
   * A section that is not a paper: its blocks, then its sub-sections, read for papers. `found`
   * is how many; `tookPartsAfter`, whether `partsAfter` (the parts of a note beside it) were read
   * as its one paper's.
   */
  readGroup(section: Section, session: string, partsAfter: readonly Section[] = []): { found: number; tookPartsAfter: boolean } {
    const before = this.entries.length;
    let tookPartsAfter = false;
    // The session a card shows is the heading as written ("Reading log 2024", not "Reading log").
    const childSession = section.heading && notATitle(section.label) !== 'a part of a note, not a paper' ? section.label : session;
    let open = this.readBlocks(section.blocks, childSession, null);
    let kids: readonly Section[] = section.children;
    // "# Reading" over the paper's linked title, then "# 3 Takeaways", "# Questions I have going
    // in" beside it: the one paper its lines hold goes on in the parts after it.
    if (open && kids.length === 0 && partsAfter.length > 0 && this.entries.length === before) {
      kids = partsAfter;
      tookPartsAfter = true;
    } else if (!open && kids.length === 0 && partsAfter.length > 0 && this.entries.length === before + 1 && this.lastNote !== null) {
      // ("- [Data Programming with DDLite](url)" under "# Reading: ...": a bullet's paper, read.)
      this.addPartsToLast(this.lastNote, partsAfter);
      tookPartsAfter = true;
    }
    // "### Notes" under a paper read from a link line or bold title is that paper's part (and
    // the link lines under it open papers of their own).
    while (open && kids.length > 0 && partKind(kids[0]!.label) !== null) {
      open.part = partKind(kids[0]!.label) ?? 'body';
      open = this.readBlocks(flatten(kids[0]!, true), childSession, open);
      kids = kids.slice(1);
    }
    if (open) this.finishBlockPaper(open);
    // A file of one paper written as sibling headings: "# Title", then "# Summary", "# Thoughts".
    const papers = kids.filter((kid) => this.isPaper(kid));
    // (Asked once of each: nothing isPaper reads changes while the group is read.)
    const isPaper = new Set(papers);
    const partsAfterOnePaper = (papers.length === 1 && kids.every((kid) => kid === papers[0] || partKind(kid.label) !== null)) || partsBesideOnePaper(kids, papers);
    const talks = talkContext(papers);
    const chapter = section.heading !== null && namesBookPart(section.label);
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      if (partsAfterOnePaper && kid === papers[0]) {
        this.readPaper(kid, childSession, kids.slice(i + 1), talks);
        break;
      }
      if (namesOneTalk(kid.label)) this.notPaper(kid.label, kid.line, `heading: ${notATitle(kid.label) ?? 'a talk or event, not a paper'}`);
      // "## Chapter 2: The Human Factor" over "### Sensors", "### The Brain": the chapter's
      // sections, unless one opens with its own authors or reference, or links a paper.
      else if (chapter && !opensWithAuthors(kid) && !(kid.href !== null && isPaperLink(kid.href))) this.notPaper(kid.label, kid.line, `heading: a section of "${section.label}", not a paper`);
      else if (isPaper.has(kid)) this.readPaper(kid, childSession, [], talks);
      else {
        const rest = kids.slice(i + 1);
        const { found, tookPartsAfter: tookRest } = this.readGroup(kid, childSession, rest.length > 0 && rest.every((part) => partKind(part.label) !== null) ? rest : []);
        if (tookRest) break;
        if (found === 0) this.notPaper(kid.label, kid.line, `heading: ${kid.heading?.task ? 'a to-do item, not a paper' : (notATitle(kid.label) ?? 'holds no paper')}`);
      }
    }
    // "# Demonstrations", "# Socials": what is listed under them are demos and events, written
    // like papers (a bold or linked title, names under it) but none.
    if (section.heading && EVENT_GROUP.test(section.label.toLowerCase().replace(/[^\p{L} ]/gu, '').trim())) {
      for (const entry of this.entries.splice(before)) this.notPaper(entry.title, entry.line, `under "${section.label}": a demo or event, not a paper`);
    }
    return { found: this.entries.length - before, tookPartsAfter };
  }

  /** Whether a section is one paper's note (else a group of papers, or a part of the essay). */
  private isPaper(section: Section): boolean {
    if (!section.heading || section.heading.task) return false;
    if (splitCode(section.title).code) return true;
    if (notATitle(section.label) !== null) return false;
    // "## [Learning with Less Data](#contents)": a heading that links back into the page (to the
    // table of contents) is a section of it; a paper's heading links to the paper, if anywhere.
    if (section.href?.startsWith('#')) return false;
    if (section.title.split(/\s+/).length > 30) return false;
    // A note named by its citation key, as reference managers name them, is on that one work:
    // its only top heading is the work's title, its sub-headings the note's sections ("## 2 -
    // Everything you need to do", "### 10.1 - Read With a Pen in Hand").
    if (section === this.fileHeading && this.namedByKey && !section.children.some((kid) => (kid.href !== null && isPaperLink(kid.href)) || opensWithAuthors(kid))) return true;
    // "# Field Sensors (Spring 2021)", two lines on the course (read as if names), then "## 1. Blind recalibration ..."
    // headings each over its PDF's address: the papers it links, with a word before them.
    if (section.children.filter((kid) => kid.href !== null && isPaperLink(kid.href)).length >= 2) return false;
    // "# Climate Change and Effects on the Hydrologic Cycle" over "### Tietjen et al., 2010",
    // "### Goodrich et al., 2008" (or over "## Reduced Infiltration" over them): a review's topic
    // over the papers it names by authors and year.
    const namedByAuthors = (kid: Section) => AUTHORS_AND_YEAR.test(kid.label.trim());
    if ([...section.children, ...section.children.flatMap((kid) => kid.children)].filter(namedByAuthors).length >= 2) return false;
    // (A topic of one such paper, nothing of its own above it, groups it too.)
    if (section.blocks.length === 0 && section.children.length > 0 && section.children.every(namedByAuthors)) return false;
    // "# Title (2019)" with its authors on the line under it is a paper whatever else it holds:
    // its bold lines are its own sub-headings ("**Average Reward**"), not papers of their own.
    if (opensWithAuthors(section)) return true;
    // "## Miscellaneous Tasks:" names what follows; a title does not end in a colon.
    if (/[:：]$/.test(section.label.trim())) return false;
    // "# Recurrent Highway Networks", then "The paper sketches out the proof ...": a heading whose
    // own note comes before any titled line is a paper; its bold lines are its sub-headings.
    if (opensWithOwnNote(section)) return true;
    if (blockPaperCount(section.blocks) >= 2 || holdsAnotherLinkedPaper(section)) return false;
    // "## [AutoSeM: Automatic Task Selection ...](https://arxiv.org/...)", a file's one title,
    // linking its paper, over "**Multi-armed bandit problem**: ..." bullets and bold sub-headings
    // that link no paper: one paper's note, its bold lines what it explains.
    if (section === this.fileHeading && section.href !== null && isPaperLink(section.href) && paperLinkCount(flatten(section, true)) === 0) return true;
    // "## Misc. Articles" over a table headed "Resource | Year | Link": what else to read, listed.
    if (section.blocks.length > 0 && section.blocks.every(isResourceTable)) return false;
    // "# ICLR notes" over "## Optimisation" over bullets that are papers: it groups them, as
    // its sub-headings do (a paper's "### Related work" listing papers is a part of its note).
    if (section.children.some((kid) => (partKind(kid.label) ?? 'body') === 'body' && blockPaperCount(kid.blocks) >= 2)) return false;
    // "## Evaluation" over a table of papers and their summaries names a topic, not a part; a
    // paper's "### Related work" may tabulate the papers around it.
    if (section.children.some((kid) => [null, 'body'].includes(partKind(kid.label)) && kid.blocks.some(isPaperTable))) return false;
    // "# Resource List" over "## Resources" over "### <title>" headings each with "#### URL",
    // "#### Notes", "#### Citation": headings with parts of their own are the papers it lists.
    if (papersWithParts(section) >= 2) return false;
    const strength = titleStrength(section.title, section.href !== null && isPaperLink(section.href));
    const kids = section.children.filter((kid) => notATitle(kid.label) === null);
    const parts = section.children.filter((kid) => partKind(kid.label) !== null).length;
    // "# Reinforcement Learning Papers Notes" over "## Imitation Learning" over "### [Generative
    // Adversarial Nets](arxiv...)": headings two levels down or more that link papers are
    // papers, and the headings above them group them, however their own sub-headings read.
    if (section.children.reduce((n, kid) => (n >= 2 || partKind(kid.label) !== null ? n : n + linkedPaperHeadings(kid.children, 2 - n)), 0) >= 2) return false;
    // "# Papers I Read" over "## 2019" over "### Synchronous, with a Chance of Partition
    // Tolerance": headings filed under a year, day or session are its papers, and the heading
    // above the years groups them as the years do.
    if (section.children.some((kid) => kid.children.length > 0 && filesByWhen(notATitle(kid.label)))) return false;
    if (kids.length === 0) return true;
    if (parts >= 1 && parts * 2 >= kids.length) return true;
    // "# Explaining and Harnessing Adversarial Examples" over "### Motivation", "### Linear
    // Explanations of Adversarial Examples": the file's one title, over a part only one paper's
    // note has (a topic's note has an "Overview" too) and headings that neither link a paper nor
    // name authors, is one paper and its sections.
    if (section === this.fileHeading && section.children.some((kid) => ONE_PAPERS_PART.test(kid.label.trim())) && !kids.some((kid) => (kid.href !== null && isPaperLink(kid.href)) || opensWithAuthors(kid))) return true;
    // Its sub-headings read more like papers than it does: it groups them ("## Generative
    // models" over "### Progressive Growing of GANs ..."); else they are its parts.
    const kidStrength = kids.reduce((sum, kid) => sum + titleStrength(kid.title, kid.href !== null && isPaperLink(kid.href)), 0) / kids.length;
    if (kids.length >= 2) return !(kidStrength >= strength || strength < 1);
    return !(kidStrength > strength + 0.5);
  }

  /** One paper from a heading: everything under it is its note, its sub-sections its parts. */
  private readPaper(section: Section, session: string, siblingParts: Section[], talks: TalkContext = NO_TALKS): void {
    let title = section.title;
    // "### Eaton et al., 1982" over "**Citation:** *Eaton, G.P., 1982. The Basin and Range
    // province ...*": a heading that names the paper by its authors and year, titled by the
    // reference under it.
    if (AUTHORS_AND_YEAR.test(section.label.trim())) title = citedTitle(section.blocks, title) ?? title;
    const talk = talkReason(section, session, talks);
    if (talk !== null) {
      this.notPaper(section.label, section.line, talk);
      return;
    }
    // "# Overnight Return Reserval" over two papers' references, each followed by its notes: the
    // heading names their topic, the papers are the references'.
    const cites = citesInFirstList(section.blocks);
    const cited = cites === null ? null : papersCitedInList(cites);
    if (cites !== null && cited !== null) {
      const { list } = cites;
      cited.forEach((paper, i) => {
        const note = new NoteText();
        note.removed.add('authors');
        note.addBlocks([{ ...list, items: paper.items, line: paper.items[0]?.line ?? paper.line }]);
        // (What follows the list, and the heading's parts, go on from the last paper's notes.)
        if (i === cited.length - 1) {
          note.addBlocks(section.blocks.slice(1));
          this.addParts(note, section.children);
          this.addParts(note, siblingParts);
        }
        this.paperLike++;
        this.add('list items', paper.title, paper.line, section.label, note);
      });
      return;
    }
    if (opensWithAuthors(section) || opensWithOwnNote(section)) for (const block of section.blocks) this.withAuthors.add(block);
    const note = new NoteText();
    // "_Antoine Labatie_" under the title: the paper's one author (or its speaker), not its note.
    if (opensWithOneSpeaker(section)) {
      const [first, ...blocks] = section.blocks as [Extract<Block, { kind: 'paragraph' }>, ...Block[]];
      note.removed.add('authors');
      note.addInline(splitFirstLine(first.inline).rest);
      note.addBlocks(blocks);
    } else {
      const reference = ownReference(section.blocks, section.title);
      if (reference !== null) note.removed.add('authors');
      // "## Errors in Variables" over "- [Jegadeesh, N., ... "Empirical tests of asset pricing
      // models with individual assets ..." *Journal* ...](url)" and the notes below it: a topic
      // named by the note-taker, the one paper its first list cites first. Titled by the
      // reference; the reference itself, its authors and venue, is no part of the note.
      const cited = reference === null && cites !== null ? citedFirstInList(cites) : null;
      if (cited !== null) {
        note.removed.add('authors');
        if (!namesSamePaper(section.title, cited.title)) title = cited.title;
      }
      note.addBlocks(reference !== null ? section.blocks.filter((block) => block !== reference) : cited !== null ? withoutItem(section.blocks, cited.list, cited.index) : section.blocks);
    }
    // "### A Deep Relevance Matching Model ..." under the "## ..." paper before it: a heading the
    // file's table of contents lists beside that paper is a paper of its own, not a part of it.
    const listed = this.contents.has(anchorOf(section.label)) ? section.children.filter((child) => this.contents.has(anchorOf(child.label))) : [];
    this.addParts(note, listed.length === 0 ? section.children : section.children.filter((child) => !listed.includes(child)));
    this.addParts(note, siblingParts);
    this.paperLike++;
    this.add(section.level > 0 ? 'headings' : 'one per file', title, section.line, session, note);
    for (const child of listed) this.readPaper(child, session, [], talks);
  }

  /**
   * A file that holds no paper in any shape, but has text and a title (front matter, its first
   * heading, a leading link, or its name in a folder of one-paper files), is one paper's note.
   */
  onePaperFile(doc: NotesDocument, root: Section, options: ReadOptions): void {
    if (this.entries.length > 0) return;
    const note = new NoteText();
    const blocks = flatten(root);
    const metaTitle = doc.meta.get('title');
    const firstHeading = blocks.find((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
    const firstParagraph = blocks.find((b) => b.kind === 'paragraph') as Extract<Block, { kind: 'paragraph' }> | undefined;
    const leadingLink = firstParagraph ? leadTitle(firstParagraph.inline) : null;
    let title = '';
    let line = 1;
    let skip: Block | null = null;
    let fromFileName = false;
    // "[Tendermint: Consensus without Mining](pdf)" first thing, then "### Claims": the link is
    // the title, the heading a part (where the heading reads less as a title than the link).
    const opensOnLink =
      leadingLink?.via === 'link' &&
      blocks[0] === firstParagraph &&
      !isGenericLinkLabel(leadingLink.title) &&
      firstHeading !== undefined &&
      titleStrength(titleText(firstHeading.inline)) <= titleStrength(cleanTitle(leadingLink.title));
    if (metaTitle) {
      // "title: Reading List" over 29 checklist items: a list of papers, no note of one.
      const listed = blocks.reduce((n, b) => (b.kind === 'list' ? n + b.items.length : n), 0);
      if (notATitle(metaTitle) !== null && listed >= MIN_LISTED_IN_COLLECTION) {
        this.notPaper(cleanTitle(metaTitle), doc.titleLine ?? doc.metaLine ?? 1, `a list of ${listed} items under a title that names no paper: no paper's note`);
        return;
      }
      title = cleanTitle(metaTitle);
      line = doc.titleLine ?? doc.metaLine ?? 1;
    } else if (!opensOnLink && firstHeading && notATitle(headingLabel(firstHeading.inline)) === null && titleText(firstHeading.inline).length >= 3) {
      title = titleText(firstHeading.inline);
      line = firstHeading.line;
      skip = firstHeading;
    } else if (leadingLink?.via === 'link' && firstParagraph && blocks.indexOf(firstParagraph) <= 1 && !isGenericLinkLabel(leadingLink.title)) {
      title = cleanTitle(leadingLink.title);
      line = firstParagraph.line;
      skip = firstParagraph;
    } else if (firstParagraph && blocks.indexOf(firstParagraph) === 0 && titleLine(firstParagraph.inline)) {
      title = titleLine(firstParagraph.inline)!;
      line = firstParagraph.line;
      skip = firstParagraph;
    } else if (firstParagraph && blocks.indexOf(firstParagraph) === 0 && plainTitleLine(firstParagraph.inline)) {
      // "Re-active Learning (C.H. Lin, et al)" alone on the first line, the note below it.
      title = plainTitleLine(firstParagraph.inline)!;
      line = firstParagraph.line;
      skip = firstParagraph;
    } else if (blocks[0]?.kind === 'list' && blocks[0].items[0]?.blocks[0]?.kind === 'paragraph' && titleLine(blocks[0].items[0].blocks[0].inline)) {
      // "- Title - https://..." as the first bullet: the title line, the other bullets the note.
      const [list] = blocks as [Extract<Block, { kind: 'list' }>];
      title = titleLine((list.items[0]!.blocks[0] as Extract<Block, { kind: 'paragraph' }>).inline)!;
      line = list.line;
      blocks[0] = { ...list, items: list.items.slice(1) };
      note.addBlocks(list.items[0]!.blocks.slice(1));
      if (list.items.length === 1 && list.items[0]!.blocks.length === 1) note.removed.add('links');
    } else if (options.inFolder) {
      // A folder's README with no title of its own tells what the folder is, not a paper.
      if (FOLDER_README.test(options.fileTitle)) {
        const first = blocks.find((b) => b.kind === 'paragraph') as Extract<Block, { kind: 'paragraph' }> | undefined;
        // It is that as a whole: its paragraphs are not named one by one as essay.
        const frontMatter = this.notPapers.filter((n) => n.why.startsWith('front matter'));
        this.notPapers.splice(0, this.notPapers.length, ...frontMatter);
        this.notPaper(first ? inlineText(first.inline).replace(/\n/g, ' ') : options.fileTitle, first?.line ?? 1, "the folder's README: about the notes, not a paper");
        return;
      }
      // "article.md", "notes.md", "scratch.md" with no title inside: a note of something else
      // kept beside the papers' (pasted blog excerpts), its name no paper's.
      if (GENERIC_NOTE_NAME.test(options.fileTitle) && blocks.length > 0) {
        this.notPaper(options.fileTitle, 1, `a note named "${options.fileTitle}", with no title of its own: no paper's`);
        return;
      }
      title = namesAsWritten(fileNameTitle(options.fileTitle), blocks);
      fromFileName = true;
    } else if (namesAPaper(options.fileTitle)) {
      // One note on its own, titled only by its name ("learning_to_act_by_predicting_the_
      // future.md", as Obsidian keeps a note's title): the name a title reads as, not "notes.md".
      title = namesAsWritten(fileNameTitle(options.fileTitle), blocks);
      fromFileName = true;
    }
    if (title === '') return;
    // "Causality, part 1 - Bernhard Schölkopf - MLSS 2020 - YouTube": a note on a video, titled
    // as the page it was clipped from; "Talks: Emacs Lisp Development Tips": on a talk.
    if (CLIPPED_VIDEO.test(title) || /^talks?\s*[:：]/i.test(title)) {
      this.notPaper(title, line, 'a note on a video or a talk, not a paper');
      return;
    }
    // "summary: A human animation model, based on ..." in the front matter: the note-taker's
    // one line on the paper (an Obsidian property), the first place to look.
    const metaSummary = META_SUMMARY_KEYS.map((key) => doc.meta.get(key)).find((value) => value !== undefined && /\p{L}{2}/u.test(value));
    if (metaSummary !== undefined) note.addText(metaSummary, 'lead');
    // The parts of the note, by the headings they sit under.
    let part: PartKind = 'body';
    const paperSections = followsPaperSections(blocks.filter((b) => b.kind === 'heading').map((b) => headingLabel(b.inline)));
    // The headings the block sits under, deepest last, and the part each names (a heading naming
    // none takes the part of the one it sits under, as a sub-section does: addParts).
    const enclosing: { level: number; kind: PartKind }[] = [];
    const reference = ownReference(skip === null ? blocks : blocks.slice(blocks.indexOf(skip) + 1), title);
    // The blocks between two headings are read together: a line introducing a list is read with
    // the list ("a three-step framework" over its steps), as in notes of papers under headings.
    let run: Block[] = [];
    const readRun = () => {
      if (run.length > 0) note.addBlocks(run, part);
      run = [];
    };
    for (const block of blocks) {
      if (block !== reference && block !== skip && block.kind !== 'heading') {
        run.push(block);
        continue;
      }
      readRun();
      if (block === reference) {
        note.removed.add('authors');
        continue;
      }
      if (block === skip) {
        // The title's own line is the title; what follows it on the line (not the authors),
        // and the paragraph's next lines, are the note.
        if (block.kind === 'paragraph') {
          const { first, rest } = splitFirstLine(block.inline);
          const lead = leadTitle(first);
          const after = lead?.via === 'link' ? inlineText(lead.rest).replace(/^[\s:–—-]+/, '') : '';
          if (after && !isAuthorLine(after)) note.addText(after);
          note.addInline(rest);
        }
        continue;
      }
      if (block.kind === 'heading') {
        // (A heading of a one-paper note is a part of it, not a paper missed: countPaperLike.)
        this.partLines.add(block.line);
        const label = headingLabel(block.inline);
        while (enclosing.length > 0 && enclosing[enclosing.length - 1]!.level >= block.level) enclosing.pop();
        const outer = enclosing[enclosing.length - 1];
        const field = headingField(label);
        const kind = field?.kind ?? headingPartKind(label, paperSections);
        note.markPart(label);
        if (field !== null) {
          note.markOpening(field.name);
          note.addText(field.value, field.kind);
        } else if (kind !== null) note.markOpening(label);
        // "##### Proposes KPConv, a new point convolution." under "## What is it?": a heading
        // written as a statement says what its part says.
        else if (outer !== undefined && statesSomething(label)) note.addText(label, outer.kind);
        part = kind ?? (outer !== undefined && outer.kind !== 'body' ? outer.kind : 'body');
        enclosing.push({ level: block.level, kind: part });
      }
    }
    readRun();
    // A file named after a paper, with nothing in it, is a scratch file; a file that names a
    // paper inside it is that paper, notes or not (it is skipped with the reason).
    if (!note.hasText() && (fromFileName || note.removed.size === 0)) return;
    // The parts read as not papers are this paper's now.
    this.notPapers.splice(0, this.notPapers.length, ...this.notPapers.filter((n) => n.why.startsWith('front matter')));
    this.paperLike = Math.max(this.paperLike, 1);
    this.add('one per file', title, line, '', note);
  }

  // ---- blocks --------------------------------------------------------------------------------

  /**
   * Blocks outside any paper heading: papers in the other shapes, and what is not a paper.
   * The last paper read from a title paragraph is left open (the caller may add the parts
   * that follow it under headings) and handed back, to be finished by the caller.
   */
  private readBlocks(blocks: Block[], session: string, open: BlockPaper | null): BlockPaper | null {
    let current = open;
    const finish = () => {
      if (current) this.finishBlockPaper(current);
      current = null;
    };
    // Titles of one kind open papers: among link-line papers a bold line is a remark in a note.
    const only = titleKindOf(blocks);
    const lone = loneTitleBullets(blocks);
    const keyed = blocks.filter((block) => block.kind === 'paragraph' && citationKeyLine(block.inline) !== null).length >= MIN_KEY_LINES;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      const key = keyed && block.kind === 'paragraph' ? citationKeyLine(block.inline) : null;
      if (key !== null) {
        finish();
        // "(Complete dissection of transcription elongation ...)" in the paragraph after its key: its title.
        const next = blocks[b + 1];
        const named = next?.kind === 'paragraph' ? PARENTHESISED_TITLE.exec(inlineText(next.inline).replace(/\s+/g, ' ').trim()) : null;
        current = { title: named ? cleanTitle(named[1]!) : key.key, code: '', shape: 'citation keys', line: named ? next!.line : block.line, note: new NoteText(), session, part: 'body' };
        current.note.addInline(key.rest);
        if (named) b++;
        this.paperLike++;
        continue;
      }
      const loneTitle = lone.get(block);
      if (loneTitle?.course) {
        finish();
        this.notPaper(loneTitle.title, block.line, COURSE_WHY);
        continue;
      }
      if (loneTitle !== undefined) {
        finish();
        current = { ...loneTitle, line: block.line, note: new NoteText(), session, part: 'body' };
        this.paperLike++;
        continue;
      }
      if (block.kind === 'paragraph') {
        const titled = paragraphPaper(block.inline, only);
        if (titled?.course) {
          finish();
          this.notPaper(titled.title, block.line, COURSE_WHY);
          continue;
        }
        if (titled) {
          finish();
          current = { ...titled, line: block.line, note: new NoteText(), session, part: 'body' };
          if (titled.summary.length) current.note.addInline(titled.summary);
          this.paperLike++;
          continue;
        }
        // "The next two papers are about ...": the note-taker introduces what follows; the paper
        // before it (if any) has no note of its own there.
        if (INTRODUCES_NEXT_PAPERS.test(inlineText(block.inline))) {
          finish();
          this.notPaper(inlineText(block.inline).replace(/\n/g, ' '), block.line, 'an introduction to the papers after it');
          continue;
        }
        if (current) current.note.addInline(block.inline, current.part);
        else this.essay(block.inline, block.line);
        continue;
      }
      if (block.kind === 'list') {
        // "**See also:**", "References:" over a list: works cited, not papers of these notes.
        const over = blocks[b - 1];
        if (over?.kind === 'paragraph' && REFERENCES_LABEL.test(inlineText(over.inline).trim()) && citesOnly(block)) {
          if (current) current.note.addBlocks([block], 'context');
          else this.notPaper(firstText(block.items[0]?.blocks ?? []), block.line, `a list of works cited ("${inlineText(over.inline).trim()}")`);
          continue;
        }
        const listed = this.readList(block, session);
        if (listed) {
          finish();
          continue;
        }
        if (current) current.note.addBlocks([block], current.part);
        else this.linkListOrEssay(block);
        continue;
      }
      if (block.kind === 'table') {
        if (this.readTable(block, session)) {
          finish();
          continue;
        }
        if (current) current.note.addBlocks([block], current.part);
        else this.notPaper(block.head.map(inlineText).join(' | '), block.line, 'a table with no column of paper titles');
        continue;
      }
      if (block.kind === 'quote') {
        if (current) current.note.addBlocks([block], current.part);
        else this.notPaper(firstText(block.blocks), block.line, 'a quotation outside any paper');
        continue;
      }
      if (block.kind === 'html') {
        this.notPaper(block.text.trim().split('\n')[0] ?? '', block.line, 'HTML');
        continue;
      }
      if (block.kind === 'code') {
        this.notPaper(block.text.trim().split('\n')[0] ?? '', block.line, 'a code block');
        continue;
      }
    }
    return current;
  }

  private finishBlockPaper(paper: BlockPaper): void {
    this.add(paper.shape, paper.title, paper.line, paper.session, paper.note, paper.code);
  }

  private essay(inline: Inline, line: number): void {
    const text = inlineText(inline).replace(/\n/g, ' ');
    if (text !== '') this.notPaper(text, line, 'text outside any paper (a preamble or an essay section)');
  }

  private linkListOrEssay(list: Extract<Block, { kind: 'list' }>): void {
    const first = list.items[0];
    const text = first ? firstText(first.blocks) : '';
    const links = list.items.filter((item) => item.blocks[0]?.kind === 'paragraph' && firstLink(item.blocks[0].inline)).length;
    const anchors = inPageLinks(list).length;
    const why =
      anchors * 2 >= list.items.length && anchors > 0
        ? 'a table of contents'
        : links * 2 >= list.items.length && links > 0
          ? `a list of ${links} links without notes`
          : 'a list outside any paper';
    this.notPaper(text, list.line, why);
  }

  /** A list whose items are papers ("- **Title**: summary"); false when it is not one. */
  private readList(list: Extract<Block, { kind: 'list' }>, session: string): boolean {
    // (Under a day of a reading log, "Title: what it is" bullets are what was read that day.)
    const daily = filesByWhen(notATitle(session));
    const read = listItemPapers(list);
    const papers = daily ? read.map((paper, i) => paper ?? itemPaper(list.items[i]!, false, true)) : read;
    const items = list.items.map((item, i) => ({ item, paper: papers[i] ?? null }));
    // Items that group papers in nested lists ("- Week 1" over "  - **Title**: ...").
    const groups = items.filter((i) => i.paper === null && nestedPaperList(i.item) !== null);
    if (groups.length > 0 && groups.length * 2 >= items.length) {
      for (const { item } of groups) {
        const label = cleanTitle(firstText(item.blocks));
        this.readList(nestedPaperList(item)!, label || session);
      }
      return true;
    }
    if (!isPaperList(items.map((i) => i.paper))) return this.readTitleList(list, session);
    // One bullet naming a paper, with nothing under it: a title line, not a list of papers.
    if (items.length === 1 && !items[0]!.paper!.hasNotes) return false;
    // Only titles with notes: a bare link among them is a paper with nothing written yet.
    for (const { item, paper } of items) {
      if (!paper) {
        const link = linkedSummaryLists.has(list) ? linkedSummaryLink(item) : null;
        const why = link !== null ? `a paper linked as "${link.label}", with no title for a card's front` : 'a list item with no title, among papers';
        this.notPaper(firstText(item.blocks), item.line, why);
        continue;
      }
      if (paper.course) {
        this.notPaper(paper.title, item.line, COURSE_WHY);
        continue;
      }
      const note = new NoteText();
      // "Wang, Z., Cao, Y., ... [Your state is not mine](url) (pp. 114–127). Presented at ...": an
      // item that is the paper's full reference says who wrote it and where, nothing it does.
      const reference = paper.summary.length > 0 && onlyItsReference(paper.summary, paper.title, item.line);
      if (reference) {
        note.removed.add('authors');
        note.removed.add('venue');
      } else if (paper.summary.length) note.addInline(paper.summary);
      note.addBlocks(item.blocks.slice(1));
      if (!paper.hasNotes && paper.paperLink) note.removed.add('links');
      this.paperLike++;
      this.add('list items', paper.title, item.line, session, note, paper.code);
    }
    return true;
  }

  /**
   * "## Posters" (or "Papers", "To read") over "- noise aware unsupervised deep lidar stereo
   * fusion", "- PackNet SfM": a reading list of bare titles, no links, no notes. The heading says
   * what the items are; each is a paper with nothing written yet (skipped for it, but found).
   * Every item must read as a title (one line, not a sentence), and there must be three at least.
   */
  private readTitleList(list: Extract<Block, { kind: 'list' }>, session: string): boolean {
    if (!PAPERS_HEADING.test(session.toLowerCase().replace(/[^\p{L} ]/gu, '').trim()) || list.items.length < 3) return false;
    const titles = list.items.map((item) => (item.blocks.length === 1 && item.blocks[0]!.kind === 'paragraph' ? bareTitle(item.blocks[0]!.inline) : null));
    if (titles.some((title) => title === null)) return false;
    list.items.forEach((item, i) => {
      this.paperLike++;
      this.add('list items', titles[i]!, item.line, session, new NoteText());
    });
    return true;
  }

  /** A table with a column of paper titles: one paper per row. False when it has none. */
  private readTable(table: Extract<Block, { kind: 'table' }>, session: string): boolean {
    const columns = tableColumns(table);
    if (!columns) return false;
    const labels = table.rows.map((row) => row.cells.flatMap(linkLabels));
    // A table whose rows say what each link is ("[Paper]", "[Code]", "[Tweet]"): a row whose
    // links name a blog post or a book, and no paper, is about no paper.
    const labelled = labels.filter((row) => row.some((label) => PAPER_LABEL.test(label))).length * 2 >= table.rows.length;
    let previousTitle = '';
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const cell = row.cells[columns.title] ?? [];
      const { first, rest } = splitFirstLine(cell);
      const lead = leadTitle(first);
      let leadRest = lead ? inlineText(stripSeparator(lead.rest)).trim() : '';
      // The cell is the title's: a bold name is the title however short ("**Reflexion**"), and
      // a link labelled by an id ("[[2604.01234]] Title") leaves the title to the words after it.
      const byIdLink = lead?.via === 'link' && leadRest !== '' && isGenericLinkLabel(cleanTitle(lead.title));
      let title = byIdLink
        ? paperTitle(leadRest)
        : cleanTitle(lead && (leadRest === '' || lead.via === 'strong' || readsAsTitle(lead)) ? lead.title : titleText(first));
      if (byIdLink) leadRest = '';
      // "(Shinn 2023 NeurIPS)" after the title: who and where, not what.
      if (/^\([^()]*\)$/.test(leadRest)) leadRest = '';
      // "**StyleGAN-T: ...** - ProGen - an LLM that ...": a row repeating the title of the row
      // above while its short name names another paper is a copy-paste slip; the short name is
      // this row's paper (two rows with one title would be one paper twice, and lose this one).
      const shortName = SHORT_NAME.exec(leadRest)?.[1];
      if (title !== '' && title === previousTitle && shortName !== undefined && !sameWords(title, shortName)) title = cleanTitle(shortName);
      previousTitle = title;
      if (title === '' || notATitle(title) !== null) {
        if (row.cells.some((c) => inlineText(c) !== '')) this.notPaper(row.cells.map(inlineText).join(' | '), row.line, 'a row with no paper title');
        continue;
      }
      const other = labelled && !labels[r]!.some((label) => PAPER_LABEL.test(label)) ? labels[r]!.find((label) => NOT_PAPER_LABEL.test(label)) : undefined;
      if (other !== undefined) {
        this.notPaper(title, row.line, `a row whose link is a ${other.toLowerCase()}, not a paper`);
        continue;
      }
      const note = new NoteText();
      // "**Title** - Short name - what it does": the cell's summary after the title.
      if (leadRest !== '' && !isAuthorLine(leadRest)) note.addText(SHORT_NAME.exec(leadRest) ? leadRest.replace(SHORT_NAME, '') : leadRest);
      const restText = inlineText(rest);
      if (restText && !isAuthorLine(restText.replace(/\n/g, ', '))) note.addText(restText);
      for (const index of columns.summary) note.addInline(row.cells[index] ?? [], 'lead');
      // (A rating's stars or a status mark, "★★★", "✅", "4/5", say nothing of the paper.)
      for (const index of columns.own) if (HAS_LETTER.test(inlineText(row.cells[index] ?? []))) note.addInline(row.cells[index]!, 'own');
      // (A cell of tags, "#Execution #Parallel", files the paper; the heading over the table names the session.)
      const sessionText = columns.session === null ? '' : inlineText(row.cells[columns.session] ?? []).trim();
      const rowSession = sessionText === '' || /^[#•]|\n/.test(sessionText) ? session : cleanTitle(sessionText) || session;
      this.paperLike++;
      this.add('table rows', title, row.line, rowSession, note);
    }
    return true;
  }
}

// ---- paragraphs and items with titles ------------------------------------------------------------

// "(Forde, 2002)", "(Martinez-Rucobo, 2013, Review)", "(Lee et al. 2019)": a paper named only by
// its citation key, on a line of its own, its notes under it. Three in a row of text at least.
const CITATION_KEY_LINE = /^\(\s*(\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+)?(?: et al\.?| (?:and|&) \p{Lu}[\p{L}'’-]+)?,? (?:19|20)\d\d[a-z]?(?:,[ \t]*[\p{L} ]{1,20})?)\s*\)$/u;
const MIN_KEY_LINES = 3;
// "(Complete dissection of transcription elongation reveals ...)": a title in brackets, no year.
const PARENTHESISED_TITLE = /^\(([^()]*\p{L}[^()]*)\)$/u;

/** A paragraph opening on a citation key alone on its line: the key, and the rest of the paragraph. */
function citationKeyLine(inline: Inline): { key: string; rest: Inline } | null {
  const { first, rest } = splitFirstLine(inline);
  const key = CITATION_KEY_LINE.exec(inlineText(first).trim());
  return key ? { key: key[1]!, rest } : null;
}

const REREAD = /^re-?read(?:ing)?\s*[:\-–—]\s*/i;

interface TitledParagraph {
  title: string;
  code: string;
  shape: Shape;
  /** The text after the title (authors taken off), and the paragraph's next lines. */
  summary: Inline;
  /** What made the title: bold or a link; null for a code line. */
  via: LeadTitle['via'] | null;
  /** Titled after its venue and year in brackets (see venuePrefixedItem). */
  venue?: boolean;
  /** Titled by a link to a video or a course (see VIDEO_OR_COURSE). */
  course?: boolean;
}

const CODE_LINE = /^\s*(?:\*\*|__)?[Cc](\d{1,9})(?:\*\*|__)?\s*(?::|[-–—](?=\s))(?:\*\*|__)?\s*(\S.*)$/;
// A title and its summary on one line: "Title: summary", "Title - summary", "Title — summary".
const SEPARATOR = /^\s*(?:[:：]|[-–—]{1,2}(?=\s)|\|)\s*/;

/** Lines that may stand before a title in a paragraph: a time, a room ("10:05 am : West Ballroom C"). */
const LOGISTICS_LINE = /^(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b.{0,60}|(?:\S+ ){0,3}(?:room|hall|ballroom|poster|booth|session|track)\b[^.!?]{0,30}|#\d+\s*)$/i;

/**
 * A paragraph that opens with a paper's title: bold, a link, or a code ("C12: Title"); a
 * line of logistics (a time, a room) may come first. `only` restricts the kind of title.
 */
function paragraphPaper(inline: Inline, only: LeadTitle['via'] | null = null): TitledParagraph | null {
  // Asked of the same paragraph by several readers (group or paper, which title kind, how many
  // paper-like things): worked out once.
  let titled = paragraphPapers.get(inline);
  if (titled === undefined) {
    titled = titledParagraph(inline);
    paragraphPapers.set(inline, titled);
  }
  if (titled === null || only === null || titled.via === null || titled.via === only) return titled;
  return null;
}

const paragraphPapers = new WeakMap<Inline, TitledParagraph | null>();

function titledParagraph(inline: Inline): TitledParagraph | null {
  let { first, rest } = splitFirstLine(inline);
  let firstText = inlineText(first);
  const code = CODE_LINE.exec(firstText);
  if (code && !/\b[Cc]\d+\s*(?:,|&|and)\s*[Cc]\d+/.test(firstText)) {
    return { title: cleanTitle(code[2]!), code: `C${code[1]}`, shape: 'code lines', summary: rest, via: null };
  }
  for (let skipped = 0; skipped < 2 && LOGISTICS_LINE.test(firstText) && rest.length > 0; skipped++) {
    ({ first, rest } = splitFirstLine(rest));
    firstText = inlineText(first);
  }
  let lead = leadTitle(first);
  // "**Bogan, M.T., Lytle, D.A., 2011. Severe drought drives ... Freshwater Biology 56.**": a
  // paper's full reference in bold, titled by the title it gives.
  // ("RE-READ: Colwell, R.K., 1974. Predictability, ...": read again, the reference after it.)
  const cited = lead?.via === 'strong' ? referenceTitle(lead.title.replace(REREAD, '')) : null;
  if (lead && cited !== null) lead = { ...lead, title: cited };
  // "*Kun Du, Hao Yang, Zhou Li, Kehuan Zhang.* [*The Ever-changing Labyrinth: ...*](url)*, USENIX
  // Security 2016*": the authors in italics, the title the link after them.
  else if (lead?.via === 'strong' && isAuthorLine(lead.title.replace(/，/g, ',').replace(/[,.\s]+$/, ''))) lead = leadTitle(withoutPunctuationBefore(lead.rest)) ?? lead;
  if (!lead || !readsAsTitle(lead)) return null;
  // "**Full list of papers:**" alone in its paragraph: a bold label for what comes after it
  // ("**Title:** summary" is a title and its note).
  if (lead.via === 'strong' && lead.href === null && /[:：]\s*$/.test(lead.title) && inlineText(lead.rest).trim() === '' && inlineText(rest).trim() === '') return null;
  const after = lead.rest;
  const afterText = inlineText(after);
  let summary: Inline = rest;
  if (afterText !== '' && !SEPARATOR.test(afterText) && isAuthorLine(afterText.replace(/^[\s,.;–—-]+/, ''))) {
    // "**Title** A. Author, B. Author": the rest of the line is the authors.
  } else if (afterText !== '') {
    summary = [...stripSeparator(after), { kind: 'break' }, ...rest];
  }
  return { title: paperTitle(lead.title), code: '', shape: lead.via === 'link' ? 'link lines' : 'bold titles', summary, via: lead.via, ...(lead.via === 'link' && lead.href !== null && VIDEO_OR_COURSE.test(lead.href) ? { course: true } : {}) };
}

/** Runs without the commas and spaces that open them (what follows an author list before its title). */
function withoutPunctuationBefore(runs: Inline): Inline {
  const [head, ...tail] = runs;
  if (head?.kind !== 'text') return runs;
  const text = head.text.replace(/^[\s,，.;:]+/, '');
  return text === '' ? tail : [{ kind: 'text', text }, ...tail];
}

// "[Subscribe to our newsletter](...)", "[Join our Discord](...)": a link asking the reader to do
// something names no paper.
const CALL_TO_ACTION = /^(?:subscribe|join|sign up|register|download|install|click|read more|learn more|buy|donate|contact us|check out|follow (?:us|me)|star us)\b/i;

/** Whether a bold run or a link at the start of a line is a paper's title, not a label or a phrase. */
function readsAsTitle(lead: LeadTitle): boolean {
  // "**What is schema linking –**", "**Benchmark Datasets-**": a bold label, its dash where
  // another writes a colon; no title ends in a dash.
  if (lead.via === 'strong' && /[-–—]\s*$/.test(lead.title)) return false;
  const title = cleanTitle(lead.title);
  if (title === '' || title.length > 250) return false;
  if (lead.via === 'link' && (isGenericLinkLabel(title) || CALL_TO_ACTION.test(title))) return false;
  if (lead.href?.startsWith('#')) return false;
  if (notATitle(title) !== null || partKind(title) !== null) return false;
  const paperLink = lead.href !== null && isPaperLink(lead.href);
  const words = title.split(/\s+/).length;
  if (words < 2 && !paperLink && !/[A-Z].*[A-Z0-9]/.test(title.slice(1))) return false;
  return titleStrength(title, paperLink) >= 0;
}

/**
 * The kind of title that opens papers among these blocks, when both kinds occur: the one
 * that opens more paragraphs (links win a tie: bold lines in notes are more often emphasis).
 */
/**
 * "- [Title](url)" alone in its list, its note the paragraphs after it, paper after paper: each
 * such bullet opens a paper as a title line does. Two at least, each followed by a paragraph
 * that opens no paper; one could be a link the note-taker set apart.
 */
function loneTitleBullets(blocks: readonly Block[]): Map<Block, TitledParagraph> {
  const lone = new Map<Block, TitledParagraph>();
  for (let b = 0; b + 1 < blocks.length; b++) {
    const block = blocks[b]!;
    const next = blocks[b + 1]!;
    if (block.kind !== 'list' || block.items.length !== 1 || next.kind !== 'paragraph' || paragraphPaper(next.inline) !== null) continue;
    const item = block.items[0]!;
    const head = item.blocks[0];
    if (item.blocks.length !== 1 || head?.kind !== 'paragraph') continue;
    const titled = paragraphPaper(head.inline, 'link');
    if (titled === null || titled.via !== 'link' || WORDED.test(inlineText(titled.summary))) continue;
    lone.set(block, { ...titled, shape: 'link lines' });
  }
  return lone.size >= 2 ? lone : new Map();
}

function titleKindOf(blocks: Block[]): LeadTitle['via'] | null {
  let links = 0;
  let strong = 0;
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const titled = paragraphPaper(block.inline);
    if (titled?.via === 'link') links++;
    else if (titled?.via === 'strong') strong++;
  }
  if (links === 0 || strong === 0) return null;
  return links >= strong ? 'link' : 'strong';
}

function stripSeparator(inline: Inline): Inline {
  const [head, ...tail] = inline;
  if (head?.kind !== 'text') return inline;
  const text = head.text.replace(SEPARATOR, '').replace(/^\s*[,.;]\s*/, '');
  return text === '' ? tail : [{ kind: 'text', text }, ...tail];
}

interface ItemPaper {
  title: string;
  code: string;
  summary: Inline;
  hasNotes: boolean;
  /** Words of the summary on the item's own line. */
  noteWords: number;
  /** Whether the item has blocks under its line (nested bullets, paragraphs). */
  nested: boolean;
  paperLink: boolean;
  /** Whether the item gives the paper's venue and year before its title ("[NSDI’24] Title"). */
  venue?: boolean;
  /** Titled by a link to a video or a course (see VIDEO_OR_COURSE). */
  course?: boolean;
}

/**
 * The paper each item of a list opens, or null. Items whose titles are plain text
 * ("17/05/24, Soudry: Train longer, generalize better. Large batches ...") count only when at
 * least three items of the list are written so: one such line could be any sentence.
 */
function listItemPapers(list: Extract<Block, { kind: 'list' }>): (ItemPaper | null)[] {
  let papers = itemPapersOfList.get(list);
  if (!papers) itemPapersOfList.set(list, (papers = readListItemPapers(list)));
  return papers;
}

// Asked by the group-or-paper test and by the list reader: worked out once per list.
const itemPapersOfList = new WeakMap<Extract<Block, { kind: 'list' }>, (ItemPaper | null)[]>();

function readListItemPapers(list: Extract<Block, { kind: 'list' }>): (ItemPaper | null)[] {
  const marked = list.items.map((item) => itemPaper(item, false));
  if (isPaperList(marked)) return marked;
  const plain = list.items.map((item) => itemPaper(item, true));
  const plainTitled = plain.filter((p, i) => p !== null && marked[i] === null).length;
  if (plainTitled >= 3 && isPaperList(plain)) return plain;
  // "- A diffusion model that denoises in latent space ... [Latent Diffusion](url)": the summary
  // first and the paper's title as the link that ends it. Two items so written at least, and
  // most of the list: one sentence ending in a link could be any sentence.
  const trailing = list.items.map((item, i) => marked[i] ?? trailingTitleItem(item));
  const trailingTitled = trailing.filter((p, i) => p !== null && marked[i] === null).length;
  if (trailingTitled >= 2 && isPaperList(trailing)) return trailing;
  // "1. Thresholds of mangrove survival under rapid sea level rise⏎   如果海平面上涨超过 6.1mm/year ...":
  // a list of titles, each alone on its item's first line, some with the note-taker's note on the
  // lines under it. Three items so noted at least, and most of the list titled.
  const lined = list.items.map((item, i) => marked[i] ?? lineTitledItem(item));
  const linedNoted = lined.filter((p, i) => p !== null && marked[i] === null && p.hasNotes).length;
  if (linedNoted >= MIN_LINE_TITLED && lined.filter((p) => p !== null).length * 3 >= list.items.length * 2) return lined;
  if (linkedSummaryLists.has(list)) {
    const linked = list.items.map((item, i) => marked[i] ?? linkedSummaryItem(item));
    if (isPaperList(linked)) return linked;
  }
  return marked;
}

/**
 * Lists of a file written as one bullet per paper, the summary first and the paper linked
 * somewhere in it ("A discriminator that outputs a distribution ... [Real or Not Real](openreview)",
 * "... vote; [MACER](openreview) makes the radius the objective"): see markLinkedSummaryLists.
 */
const linkedSummaryLists = new WeakSet<Extract<Block, { kind: 'list' }>>();

/** Fewest bullets of a file, and least share of its bullets, that must be so written. */
const MIN_LINKED_SUMMARIES = 3;
const LINKED_SUMMARY_SHARE = 0.6;

/**
 * Marks the lists of a document whose bullets are papers linked inside their summaries. A
 * bullet that links one paper inside a sentence is as often a work its note cites ("builds on
 * [ResNet](arxiv)"): it is read as a paper only in a file of topic sections written so: lists
 * under headings that name a topic (not a paper's title, not a part of a note such as
 * "Background"), in two such sections at least, where most of their bullets (three at least)
 * are so written and each links no other paper. A paper's note cites from a few bullets of one
 * part, not from most bullets of several topics.
 */
export function markLinkedSummaryLists(blocks: readonly Block[]): void {
  let items = 0;
  let linked = 0;
  const lists: Extract<Block, { kind: 'list' }>[] = [];
  const sections = new Set<Block>();
  let heading: Extract<Block, { kind: 'heading' }> | null = null;
  // Whether the heading names a topic, worked out at its first list: most headings have none
  // under them (a paper's title over its text, "*** My notes"), and are not read as titles here.
  let topical: boolean | null = null;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      heading = block;
      topical = null;
      continue;
    }
    if (block.kind !== 'list' || heading === null) continue;
    if (topical === null) {
      const label = headingLabel(heading.inline);
      const link = firstLink(heading.inline);
      topical = partKind(label) === null && (notATitle(label) !== null || titleStrength(titleText(heading.inline), link !== null && isPaperLink(link.href)) < 1.5);
    }
    if (!topical) continue;
    let here = 0;
    for (const item of block.items) {
      items++;
      if (linkedSummaryLink(item) !== null) here++;
    }
    linked += here;
    if (here > 0) {
      lists.push(block);
      sections.add(heading);
    }
  }
  if (sections.size >= 2 && linked >= MIN_LINKED_SUMMARIES && linked >= items * LINKED_SUMMARY_SHARE) for (const list of lists) linkedSummaryLists.add(list);
}

// What may follow a title that ends its bullet: punctuation, an aside ("(oral)", "(insane but works)").
const TITLE_AFTER = /^[\s.,;:!-]*(?:\([^()]*\)[\s.]*)?$/;
// "See", "Paper:", "in", a dash or colon before a title at the end of its bullet ("... as
// proposed in [Title](url)").
const POINTER_BEFORE_TITLE = /(?:\b(?:see|read|paper|link|in|from|by|of|at)\b)?[\s(:–—|-]*$/i;

// "builds on [ResNet](arxiv)", "like [PyramidNet](arxiv)": a work the note cites.
const COMPARED_WITH =
  /\b(?:than|unlike|versus|vs\.?|over|compared (?:to|with)|outperforms?|beats?|builds? (?:on|upon)|extends?|extending|based on|following|follows|like|inspired by|(?:borrowed|taken|adapted) from|similar to|as in|cf\.?|e\.g\.?)\s*$/i;

/**
 * The one link to a paper in a bullet's first paragraph, with at least five words of summary
 * besides, or null: a link to arXiv, OpenReview, a PDF ... or a link whose label reads strongly
 * as a title. Two such links (a bullet on two papers, or one citing another) give none.
 */
function linkedSummaryLink(item: ListItem): { label: string; at: number; inline: Inline } | null {
  const head = item.blocks[0];
  if (head?.kind !== 'paragraph') return null;
  const inline = head.inline;
  let found: { label: string; at: number } | null = null;
  for (let i = 0; i < inline.length; i++) {
    const run = inline[i]!;
    if (run.kind !== 'link') continue;
    const label = cleanTitle(inlineText(run.children));
    if (!isPaperLink(run.href) && (isGenericLinkLabel(label) || titleStrength(label) < 1.5)) continue;
    if (found !== null) return null;
    found = { label, at: i };
  }
  if (found === null) return null;
  const before = inlineText(inline.slice(0, found.at));
  if (COMPARED_WITH.test(before)) return null;
  const besides = `${before} ${inlineText(inline.slice(found.at + 1))}`;
  if (besides.split(/\s+/).filter((w) => WORDED.test(w)).length < MIN_LEADING_SUMMARY_WORDS) return null;
  return { ...found, inline };
}

/**
 * A bullet of a list marked by markLinkedSummaryLists as its paper: titled by its link's label,
 * the summary the bullet's text (without the link where it stands apart at the end). A link
 * labelled "paper" or "this work" names no title: such a bullet is no card (readList says so).
 */
function linkedSummaryItem(item: ListItem): ItemPaper | null {
  const trailing = trailingTitleItem(item);
  if (trailing !== null) return trailing;
  const found = linkedSummaryLink(item);
  if (found === null || isGenericLinkLabel(found.label) || titleStrength(found.label) < -1) return null;
  // At the end ("... high-resolution faces [Title](url)", "... over time. See [Title](url) (an
  // aside)"), the link is the title set after the summary, not a word of it.
  const after = inlineText(found.inline.slice(found.at + 1)).trim();
  const text = TITLE_AFTER.test(after)
    ? inlineText(found.inline.slice(0, found.at)).replace(POINTER_BEFORE_TITLE, '')
    : inlineText(found.inline);
  return {
    title: found.label,
    code: '',
    summary: [{ kind: 'text', text }],
    hasNotes: true,
    noteWords: text.split(/\s+/).length,
    nested: item.blocks.length > 1,
    paperLink: true,
  };
}

/** Words of summary before a title link that ends an item (see trailingTitleItem). */
const MIN_LEADING_SUMMARY_WORDS = 5;

/**
 * A list item whose first paragraph is a summary ended by its paper's title as a link, set apart
 * from the summary; the link goes to a paper (arXiv, OpenReview, a PDF...) or its label reads
 * strongly as a title. Else null.
 */
function trailingTitleItem(item: ListItem): ItemPaper | null {
  const head = item.blocks[0];
  if (head?.kind !== 'paragraph') return null;
  const inline = head.inline;
  // The last run that says something: the link, perhaps in brackets or before a full stop.
  let end = inline.length - 1;
  while (end >= 0 && inline[end]!.kind === 'text' && /^[\s().,;:!-]*$/.test((inline[end] as { text: string }).text)) end--;
  const link = inline[end];
  if (link?.kind !== 'link') return null;
  const lead: LeadTitle = { title: inlineText(link.children), via: 'link', href: link.href, rest: [] };
  if (!readsAsTitle(lead) || isGenericLinkLabel(cleanTitle(lead.title))) return null;
  const before = inline.slice(0, end);
  // The title stands apart from the summary: after its full stop, a dash or a colon, or in
  // brackets. A link a sentence runs into ("borrowed from [Attention Is All You Need](...)",
  // "I followed [Hydra Getting Started](...)") is a work it cites.
  const last = before[before.length - 1];
  const rawBefore = last?.kind === 'text' ? last.text : '';
  if (!/(?:[.!?)\]]|\s[-–—:|]|\()\s*$/.test(rawBefore) || /\(\s*(?:see|cf\.?|in|from|via|e\.g\.?)\s*$/i.test(rawBefore)) return null;
  if (!isPaperLink(link.href) && titleStrength(cleanTitle(lead.title)) < 1.5) return null;
  const summaryText = inlineText(before).replace(/[\s(:–—|-]+$/, '');
  if (summaryText.split(/\s+/).filter((w) => WORDED.test(w)).length < MIN_LEADING_SUMMARY_WORDS) return null;
  const summary: Inline = [{ kind: 'text', text: summaryText }];
  return {
    title: cleanTitle(lead.title),
    code: '',
    summary,
    hasNotes: true,
    noteWords: summaryText.split(/\s+/).length,
    nested: item.blocks.length > 1,
    paperLink: isPaperLink(link.href),
  };
}

// "Pedro Domingos. A Few Useful Things to Know about Machine Learning. CACM 2012. http://...":
// a reference as a reading list writes it, its authors, its title, then where and when.
const CITED_REST = /(?:\b(?:19|20)\d{2}\b|https?:\/\/|\bpp?\.\s*\d|\barXiv\b)/i;
const SENTENCE_STOP = /\.\s+/g;

/**
 * The title of a list item whose line is a reference ("Authors. Title. Venue Year. URL"), with
 * what follows the reference on its line and below as its note; null when the line is no
 * reference (its authors are no names, or no year or address follows the title).
 */
function citedItem(inline: Inline): TitledParagraph | null {
  const { first, rest } = splitFirstLine(inline);
  if (first.some((run) => run.kind === 'strong' || run.kind === 'link')) return null;
  // (As typed: the plain text of a line leaves its bare addresses out.)
  const line = first.map((run) => (run.kind === 'text' ? run.text : inlineText([run]))).join('').trim();
  if (line.length > 600 || !CITED_REST.test(line)) return null;
  for (const stop of line.matchAll(SENTENCE_STOP)) {
    if (stop.index > 200) return null;
    const authors = line.slice(0, stop.index).trim();
    // "Kiri L. Wagstaff", "D. Sculley et al.": an initial's full stop is within the names.
    if (/(?:^|\s)\p{Lu}$/u.test(authors)) continue;
    if (!(isAuthorLine(authors) || (isPersonName(authors) && authors.split(/\s+/).length >= 2) || /\bet\.? al$/.test(authors))) continue;
    // The title runs to its own full stop (a "?" or "!" is its own), or to the address after it.
    const after = line.slice(stop.index + stop[0].length);
    const end = /[.?!](?:\s+|$)|\s+https?:\/\//.exec(after);
    const title = (end ? after.slice(0, end[0].trim() === '.' || end[0].trim() === '' ? end.index : end.index + 1) : after).trim();
    const tail = end ? after.slice(end.index) : '';
    const words = title.split(/\s+/).length;
    if (words < 2 || words > 30 || !CITED_REST.test(tail)) return null;
    return { title: cleanTitle(title), code: '', shape: 'list items', summary: rest.length ? [...rest] : [], via: null };
  }
  return null;
}

// "<date or name>: <Title>. <what it does>": a short prefix, a title without a full stop, a summary.
const PLAIN_TITLED_ITEM = /^([^:.!?]{1,40}):\s+([^.!?]{8,200}?[?!]?)\.\s+(\S.*)$/s;

// "[NSDI’24] MegaScale: Scaling Large Language Model Training to More Than 10,000 GPUs：字节万卡集群实践",
// "[ASPLOS'24, Best Paper] Centauri: ...": the venue and year in brackets, the title, and after
// a full-width colon (the title's own colons are ASCII) the note-taker's gist, if any.
const VENUE_PREFIXED_ITEM = /^\[([^\]]{0,30}?\p{L}[^\]]{0,30}?(?:['’]\d{2}|\b(?:19|20)\d{2})\b[^\]]{0,20})\][ \t]+(\S[^：]{6,300}?)[ \t]*(?:：[ \t]*(.*))?$/su;

/** A list item titled after its venue and year in brackets (VENUE_PREFIXED_ITEM), or null. */
function venuePrefixedItem(inline: Inline): TitledParagraph | null {
  const { first, rest } = splitFirstLine(inline);
  const line = inlineText(first);
  // ("SIGMOD'20 - Thrifty Query Execution via Incrementability" over its notes: a known venue
  // without brackets, the whole line its title.)
  const unbracketed = afterLeadingVenue(line);
  const venued = VENUE_PREFIXED_ITEM.exec(line) ?? (unbracketed === null ? null : ['', '', unbracketed]);
  if (!venued) return null;
  const title = cleanTitle(venued[2]!);
  if (titleStrength(title) < 1 || notATitle(title) !== null) return null;
  const note: Inline = venued[3] ? [{ kind: 'text', text: venued[3] }] : [];
  if (rest.length) note.push({ kind: 'break' }, ...rest);
  return { title, code: '', shape: 'list items', summary: note, via: null, venue: true };
}

/** A list item titled in plain text after a short prefix (see listItemPapers). */
function plainTitledItem(inline: Inline): TitledParagraph | null {
  const { first, rest } = splitFirstLine(inline);
  const m = PLAIN_TITLED_ITEM.exec(inlineText(first));
  if (!m) return null;
  const [, prefix, title, summary] = m;
  if (prefix!.split(/\s+/).length > 5 || title!.split(/\s+/).length > 25 || notATitle(title!) !== null) return null;
  // A method's name before a title that reads as one ("CenterMask: Real-Time Anchor-Free
  // Instance Segmentation"), not before a phrase ("Sim2Real: same, but more interesting").
  if (!DATED_OR_RATED.test(prefix!) && !(NAMED_PREFIX.test(prefix!) && isTitleCased(title!))) return null;
  const note: Inline = [{ kind: 'text', text: summary!.replace(/\s+#[\w-]+/g, '') }];
  if (rest.length) note.push({ kind: 'break' }, ...rest);
  // "[7/10] CenterNet: Objects as points. ...": the method's name is the title's own first part.
  const named = NAMED_PREFIX.exec(prefix!);
  return { title: cleanTitle(named ? `${named[1]}: ${title}` : title!), code: '', shape: 'list items', summary: note, via: null };
}

/**
 * "- Neural Decoding of Visual Imagery During Sleep 2013: machine-learning models predict ...",
 * "- [ROME]: causal tracing ...", "- MaskGIT: generative transformer ...": in a reading log kept
 * by day, a bullet names what was read before a colon, then says what it is. The name reads as
 * a paper's when it is bracketed, ends in a year, is three or more words mostly capitalised, or
 * is one coined name (PaLM, MaskGIT); "Markov Chain: ...", "Ice age: ..." are what was thought of.
 */
function colonTitledItem(inline: Inline): TitledParagraph | null {
  const { first, rest } = splitFirstLine(inline);
  const m = COLON_TITLED_ITEM.exec(inlineText(first));
  if (!m) return null;
  const raw = m[1]!.trim();
  const bracketed = raw.startsWith('[');
  const name = bracketed ? raw.slice(1, -1).trim() : raw;
  const words = name.split(/\s+/);
  const reads = bracketed || /\b(?:19|20)\d{2}$/.test(name) || (words.length >= 3 && isTitleCased(name)) || (words.length === 1 && COINED_NAME.test(name));
  if (!reads || notATitle(name) !== null) return null;
  const title = cleanTitle(name);
  if (title === '') return null;
  const note: Inline = [{ kind: 'text', text: m[2] ?? '' }];
  if (rest.length) note.push({ kind: 'break' }, ...rest);
  return { title, code: '', shape: 'list items', summary: note, via: null };
}

/** Fewest items of a list titled on their own first line, with a note under it, that make it a list of papers. */
const MIN_LINE_TITLED = 3;

/**
 * A list item of one paragraph whose first line is a paper's title and nothing else, its note
 * (if any) on the lines under it or after a " | " ("Receptor binding and priming of the spike protein ... | spike
 * 蛋白两次剪切"), or null. The title reads as one: a capital or a digit first, four words or more
 * (three title-cased), no full stop, comma or colon at its end. The note does not go on with the
 * title's sentence: it starts on a capital or in another script, and the title does not end on a
 * word that wants more ("... the coupling of"), as a soft-wrapped sentence's first line does.
 */
function lineTitledItem(item: ListItem): ItemPaper | null {
  // (An item over nested bullets is a point of one paper's outline: "- Main Idea: Batch execution" over its phases.)
  const head = item.blocks[0];
  if (item.blocks.length > 1 || head?.kind !== 'paragraph' || head.inline.some((run) => run.kind !== 'text' && run.kind !== 'break')) return null;
  const { first, rest } = splitFirstLine(head.inline);
  const line = inlineText(first).trim();
  // (Or after the title in Chinese or Japanese: "Boltzmann generators: Sampling ... with deep learning 玻尔兹曼采样".)
  const bar = line.indexOf(' | ');
  const script = bar > 0 ? null : NOTE_IN_OTHER_SCRIPT.exec(line);
  const raw = bar > 0 ? line.slice(0, bar) : script !== null ? line.slice(0, script.index) : line;
  const inlineNote = bar > 0 ? line.slice(bar + 3).trim() : script !== null ? script[0].trim() : '';
  const title = cleanTitle(raw);
  const words = title.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!/^[\p{Lu}\p{N}]/u.test(title) || /[.,;:：，。]$/.test(title) || title.length > 250) return null;
  if (words.length < 3 || (words.length === 3 && !isTitleCased(title)) || notATitle(title) !== null || titleStrength(title) < 0.5) return null;
  // (A title in English: a line of Chinese or a sentence of several clauses is a note.)
  if (!/^[\p{Script=Latin}\p{N}\s\p{P}\p{S}]+$/u.test(title)) return null;
  const next = inlineText(rest).trim();
  if (next !== '' && (WANTS_MORE_AT_END.test(title) || !/^(?:[\p{Lu}\p{N}(“"]|[^\p{Script=Latin}\s\p{P}])/u.test(next))) return null;
  const summary: Inline = inlineNote === '' ? [] : [{ kind: 'text', text: inlineNote }];
  if (rest.length) summary.push(...(summary.length ? [{ kind: 'break' } as const] : []), ...rest);
  return { title, code: '', summary, hasNotes: inlineNote !== '' || next !== '', noteWords: wordCount(`${inlineNote} ${next}`), nested: false, paperLink: false };
}

// A note in Chinese or Japanese after a space, to the line's end.
const NOTE_IN_OTHER_SCRIPT = new RegExp(`\\s[${IDEOGRAPH_RANGES}].*$`, 'u');
// "... of", "... and the": a line that ends so goes on in the next.
const WANTS_MORE_AT_END = /\b(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|as|via|that|which|whose|is|are)$/i;

const COLON_TITLED_ITEM = /^\s*(\[[^[\]\n]{1,80}\]|[^:：[\]\n.!?]{2,120}?)\s*[:：](?:\s+(.*))?$/u;
// "PaLM", "MaskGIT", "GPT-4", "BERT": a name coined for a model or method.
const COINED_NAME = /^(?=.*(?:\p{Ll}\p{Lu}|\p{Lu}{2}|\p{L}-?\d))[\p{L}\d-]{2,30}$/u;

// "17/05/24, Soudry", "[7/10] CenterNet", "Jun 2014, Smith": a prefix that dates, rates or
// names who wrote the paper. ("RQ1", "Step 3", "DeepmindLab", "First stage" label a point of
// one paper's note.)
const DATED_OR_RATED = /\d{1,4}[/.-]\d{1,2}|\[[^\]]*\]|\(\d|,\s*\p{Lu}|\b(?:19|20)\d{2}\b/u;
/** "Objects as Points", "Real-Time Anchor-Free Instance Segmentation": most longer words capitalised. */
function isTitleCased(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  return words.length >= 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length * 3 >= words.length * 2;
}

// A prefix that ends in a method's name (an acronym, "CenterNet", "GPT-2", "Mask R-CNN") after
// nothing or bracketed tags; a date or an author ("17/05/24, Soudry") is no part of the title.
const NAMED_PREFIX = /^(?:\s*\[[^[\]]*\])*\s*((?:[A-Z][\w-]*\s)?[A-Za-z][\w-]*(?<=[a-z][A-Z][\w-]*|[A-Z]-?[A-Z][\w-]*|[A-Za-z]-?\d[\w-]*))$/;

const WORDED = /[\p{L}\p{N}]/u;

function itemPaper(item: ListItem, plainTitles = false, colonTitles = false): ItemPaper | null {
  const head = item.blocks[0];
  if (head?.kind !== 'paragraph') return null;
  const titled =
    paragraphPaper(head.inline) ??
    prefixedLinkPaper(head.inline) ??
    citedItem(head.inline) ??
    venuePrefixedItem(head.inline) ??
    (plainTitles ? plainTitledItem(head.inline) : null) ??
    (colonTitles ? colonTitledItem(head.inline) : null);
  if (!titled) return null;
  const summary = inlineText(titled.summary).trim();
  const nested = item.blocks.length > 1;
  const link = firstLink(head.inline);
  return {
    title: titled.title,
    code: titled.code,
    summary: titled.summary,
    // "- *Title* (url):" with the note in the paragraphs below: a colon is no note.
    hasNotes: WORDED.test(summary) || nested,
    // A gloss in brackets says what the link is, not what a paper does.
    noteWords: wordCount(summary.replace(/\([^()]*\)/g, ' ')),
    nested,
    paperLink: link !== null && isPaperLink(link.href),
    ...(titled.venue ? { venue: true } : {}),
    ...(titled.via === 'link' && link !== null && VIDEO_OR_COURSE.test(link.href) ? { course: true } : {}),
  };
}

const COURSE_WHY = 'a video or a course (its title links to one), not a paper';
// "[CS234: Reinforcement Learning](youtube.com/playlist?...)", "[Deep RL](coursera.org/...)": a
// title linked to a video or a course names a video or a course.
const VIDEO_OR_COURSE = /^https?:\/\/(?:[\w-]+\.)*(?:youtube\.com|youtu\.be|vimeo\.com|coursera\.org|udacity\.com|edx\.org|udemy\.com|classcentral\.com)\//i;

/**
 * Whether list items are papers: most open with a title, and they have notes, or they link to
 * papers (a reading list: papers, even with nothing written yet).
 */
function isPaperList(papers: (ItemPaper | null)[]): boolean {
  const titled = papers.filter((p): p is ItemPaper => p !== null);
  if (titled.length === 0 || titled.length * 2 < papers.length) return false;
  // Where no item links to a paper, a few words in brackets after each link ("[W-NUT 2019](site)
  // (Noisy User-generated Text)") gloss a list of links (workshops, tools); a note says more.
  // (A venue and year before each title, "[NSDI’24] Title", names papers as links to them do.)
  const noted = titled.some((p) => p.hasNotes && (p.paperLink || p.venue || p.noteWords >= MIN_NOTE_WORDS || p.nested)) || titled.every((p) => p.hasNotes);
  return noted || titled.filter((p) => p.paperLink || p.venue).length * 2 >= titled.length;
}

/** Whether a list's items are references alone: none has a note of its own (see readBlocks). */
function citesOnly(list: Extract<Block, { kind: 'list' }>): boolean {
  return listItemPapers(list).every((item) => item === null || !(item.nested || item.noteWords >= MIN_NOTE_WORDS));
}

/**
 * How many words `text` has: its runs between spaces, and in Chinese or Japanese, which spaces
 * no words, one for every two characters ("依靠环境热量发电" says four).
 */
function wordCount(text: string): number {
  let words = 0;
  for (const run of text.split(/\s+/)) {
    if (run === '') continue;
    let ideographs = 0;
    for (let i = 0; i < run.length; i++) if (isIdeograph(run.charCodeAt(i))) ideographs++;
    words += ideographs >= 2 ? Math.ceil(ideographs / 2) : 1;
  }
  return words;
}

/** Fewest words after a link that make a note of a list item linking to no paper (see isPaperList). */
const MIN_NOTE_WORDS = 5;

/**
 * "24 Jun 2014, 417 citations: [Title](url): summary": a list item whose title is a link after
 * a short prefix of dates and counts, ending in a colon or a dash.
 */
function prefixedLinkPaper(inline: Inline): TitledParagraph | null {
  const at = inline.findIndex((run) => run.kind === 'link');
  if (at <= 0) return null;
  const prefix = inlineText(inline.slice(0, at));
  if (BRACKETED_PREFIX.test(prefix)) return bracketPrefixedPaper(prefix, inline.slice(at));
  if (prefix.length > 60 || prefix.includes('\n') || !/[:\-–—|]\s*$/.test(prefix) || /[.!?]\s/.test(prefix)) return null;
  return paragraphPaper(inline.slice(at));
}

// "[8/10][one-line TL;DR] [Title](url) notes": tags in brackets before the paper's link.
const BRACKETED_PREFIX = /^\s*(?:\[[^[\]\n]{0,300}\]\s*){1,4}$/;
// A tag that rates or marks ("8/10", "***", "+", "x", "7"), not one that says something.
const RATING_TAG = /^\s*(?:\d+(?:[.,]\d+)?(?:\s*\/\s*\d+)?|[★☆✩✪⭐*+xX✓✔!?-]+)\s*$/u;

/**
 * A paper titled by the link after its bracketed tags: a rating is left out, a tag of a few words
 * is the note-taker's one-line summary, and it comes first in the note (see prefixedLinkPaper).
 */
function bracketPrefixedPaper(prefix: string, fromLink: Inline): TitledParagraph | null {
  const titled = paragraphPaper(fromLink, 'link') ?? linkedTitle(fromLink);
  if (titled === null) return null;
  const said = [...prefix.matchAll(/\[([^[\]]*)\]/g)]
    .map((m) => m[1]!.trim())
    .filter((tag) => !RATING_TAG.test(tag) && tag.split(/\s+/).filter((w) => WORDED.test(w)).length >= 3);
  if (said.length === 0) return titled;
  const lead = said.map(capitalise).join('. ');
  return { ...titled, summary: [{ kind: 'text', text: /[.!?]$/.test(lead) ? `${lead} ` : `${lead}. ` }, ...titled.summary] };
}

/** "[Click Segmentation](arxiv) notes": a link to a paper, however short its label, and what follows. */
function linkedTitle(fromLink: Inline): TitledParagraph | null {
  const link = fromLink[0];
  if (link?.kind !== 'link' || !isPaperLink(link.href)) return null;
  const title = cleanTitle(inlineText(link.children));
  if (title === '' || isGenericLinkLabel(title)) return null;
  return { title, code: '', shape: 'list items', summary: fromLink.slice(1), via: 'link' };
}

function nestedPaperList(item: ListItem): Extract<Block, { kind: 'list' }> | null {
  const nested = item.blocks.find((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
  if (!nested || item.blocks[0]?.kind !== 'paragraph') return null;
  const label = cleanTitle(inlineText(item.blocks[0].inline));
  if (titleStrength(label) >= 1.5 && notATitle(label) === null) return null;
  const papers = nested.items.filter((i) => itemPaper(i)?.hasNotes).length;
  return papers > 0 && papers * 2 >= nested.items.length ? nested : null;
}

// ---- tables --------------------------------------------------------------------------------------

const TITLE_COLUMN = /^(?:(?:papers?|titles?|articles?) ?(?:&|and|\/|\+) ?(?:source|venue|links?|authors?|year|paper)|papers?|titles?|paper (?:title|name)|name|articles?|publications?|works?|readings?|reading|(?:论文)?题目|标题|论文|文章|名称|論文|タイトル|제목|논문)$/i;
const SUMMARY_COLUMN =
  /\b(?:summary|summaries|tl;?\s?dr|tldr|key (?:idea|points?|insights?|contributions?)|idea|ideas|notes?|description|abstract|contributions?|takeaways?|gist|about|main (?:point|idea)s?|findings?|what|method|approach|highlights?|one[- ]?liner)\b|^(?:概要|摘要|总结|總結|简介|簡介|要点|要點|笔记|筆記|主要内容|内容|贡献|貢獻|まとめ|요약|내용)$/i;
const HAS_LETTER = /\p{L}/u;
const OWN_COLUMN = /\b(?:thoughts?|comments?|remarks?|opinions?|my take|why|review|rating|verdict|questions?)\b|^(?:评价|評價|想法|感想|备注|備註|评论|評論|心得|推荐(?:级别|指数|度)?|推薦(?:級別)?|コメント|메모)$/i;
const SESSION_COLUMN = /^(?:week|day|date|session|lecture|class|meeting|topic|track|category|area|theme|module|unit)\b|^(?:分类|分類|类别|類別|主题|主題|领域|領域|日期|カテゴリ|분류)$/i;

interface TableColumns {
  title: number;
  summary: number[];
  own: number[];
  session: number | null;
}

/** A table of papers said so by its header: a "Paper" or "Title" column and a summary column. */
function isPaperTable(block: Block): boolean {
  if (block.kind !== 'table' || block.rows.length < 2) return false;
  const heads = block.head.map((cell) => inlineText(cell).replace(/\n/g, ' ').trim());
  return heads.some((head) => TITLE_COLUMN.test(head)) && heads.some((head) => SUMMARY_COLUMN.test(head));
}

// "Resource | M.Year | Link", "Dataset | Size", "Tool | What for": a table of other things to read or use.
const RESOURCE_COLUMN = /^(?:resources?|tools?|datasets?|courses?|books?|videos?|tutorials?|blogs?|blog posts?|posts?|links?|software|librar(?:y|ies)|repos(?:itories)?)$/i;

function isResourceTable(block: Block): boolean {
  return block.kind === 'table' && RESOURCE_COLUMN.test(inlineText(block.head[0] ?? []).trim());
}

/** Whether a table's header names its column of titles ("Paper", "Title"). */
function titleColumnNamed(table: Extract<Block, { kind: 'table' }>): boolean {
  return table.head.some((cell) => TITLE_COLUMN.test(inlineText(cell).replace(/\n/g, ' ').trim()));
}

function tableColumns(table: Extract<Block, { kind: 'table' }>): TableColumns | null {
  const heads = table.head.map((cell) => inlineText(cell).replace(/\n/g, ' ').trim());
  let title = heads.findIndex((h) => TITLE_COLUMN.test(h));
  if (title < 0 && table.rows.length > 0) {
    // No header says "Title": the column whose cells open with links or bold titles.
    let best = -1;
    let bestCount = 0;
    for (let c = 0; c < heads.length; c++) {
      if (SUMMARY_COLUMN.test(heads[c]!) || SESSION_COLUMN.test(heads[c]!)) continue;
      const count = table.rows.filter((row) => {
        const lead = leadTitle(splitFirstLine(row.cells[c] ?? []).first);
        return lead !== null && readsAsTitle(lead);
      }).length;
      if (count > bestCount) [best, bestCount] = [c, count];
    }
    if (bestCount * 2 >= table.rows.length && bestCount > 0) title = best;
  }
  if (title < 0) return null;
  const summary: number[] = [];
  const own: number[] = [];
  let session: number | null = null;
  heads.forEach((head, index) => {
    if (index === title) return;
    if (OWN_COLUMN.test(head)) own.push(index);
    else if (SUMMARY_COLUMN.test(head)) summary.push(index);
    else if (session === null && SESSION_COLUMN.test(head)) session = index;
  });
  return { title, summary, own, session };
}

// ---- helpers -------------------------------------------------------------------------------------

// File names of a folder's own description: README.md, index.md, _index.md.
export const FOLDER_README = /^(?:readme|_?index)$/i;
/** A file name that says what kind of note a file is, not which paper (see onePaperFile). */
const GENERIC_NOTE_NAME = /^(?:articles?|notes?|misc|drafts?|scratch(?:pad)?|ideas?|blog|posts?|te?mp|test|untitled(?:[ -]\d+)?|todo|quotes|snippets|thoughts|random)$/i;
/**
 * Whether each line of a paragraph says where the note is filed in a vault: its tags, its links
 * to other notes ("#neuro #nmda", "Parents: [[neurostochastic]]", "See also: [[dendritic_comp]]").
 */
function isFilingParagraph(text: string): boolean {
  return text.split('\n').every((raw) => {
    const line = raw.trim();
    const label = labelledLine(line);
    return isTagLine(line) || (label !== null && partKind(label.name) === 'meta');
  });
}

// "Eaton et al., 1982", "Eastoe and Towne, 2018", "Foos, 1999", "Malmon et al 2007".
const AUTHORS_AND_YEAR = /^\p{Lu}[\p{L}'’-]+(?: et al\.?| ea\.?| (?:and|&) \p{Lu}[\p{L}'’-]+)?,? \(?(?:19|20)\d{2}[a-z]?\)?$/u;
const CITATION_LABEL = /^\s*(?:full )?(?:citation|reference|ref|cite|source)\s*[:：]\s*/i;

/**
 * A note headed by its own name for the paper ("# Magnetoreception in hungry blue men", "#
 * Backstrom 2006", a citation key, a short form) over the paper's full reference ("Chae, K. S.,
 * ... (2019). Blue light-dependent human magnetoreception in geomagnetic food orientation. PloS
 * one"): the reference's title, where it is not the heading's. The reference is the first
 * paragraph under the heading but for its tags and links to other notes; null where there is none.
 */
function citedTitle(blocks: readonly Block[], headingTitle: string): string | null {
  // (After the note's tags and links to other notes, "#stdp", "Belongs to: [[stdp]]"; or the
  // reference labelled as one, "**Citation:** *Eaton, G.P., 1982. The Basin and Range ...*".)
  const next = blocks.slice(0, 4).find((block) => {
    if (block.kind !== 'paragraph') return true;
    const text = inlineText(block.inline);
    return CITATION_LABEL.test(text) || !isFilingParagraph(text);
  });
  if (next?.kind !== 'paragraph') return null;
  const cited = referenceTitle(inlineText(splitFirstLine(next.inline).first).replace(CITATION_LABEL, ''));
  if (cited === null) return null;
  const title = cleanTitle(cited);
  return title.length < 3 || normalizeTitle(headingTitle) === normalizeTitle(title) ? null : title;
}

// A BibTeX entry's title field, in braces (one level of inner braces: "{KLEE}: ...") or quotes.
// (Its title within the entry's first 2,000 characters, in a block of at most MAX_BIBTEX_BLOCK:
// bounded, as a block of many "@a{" with no title would otherwise be read from each.)
const BIBTEX_TITLE = /@\w+\s*\{[^]{0,2000}?\btitle\s*=\s*(?:\{((?:[^{}]|\{[^{}]*\}){0,1000})\}|"([^"]{0,1000})")/i;
const MAX_BIBTEX_BLOCK = 20_000;
const TITLE_TOKENS = /[\p{L}\p{N}+'’-]+|[^\p{L}\p{N}+'’-]+/gu;

/**
 * "Angora Efficient Fuzzing by Principled Search" (a folder's dotted name) over a BibTeX block
 * citing "Angora: Efficient fuzzing by principled search": the title with the reference's
 * punctuation and its own capitals, "Angora: Efficient Fuzzing by Principled Search". Null when
 * the note holds no such reference or it gives other words.
 */
function punctuatedByBibtex(blocks: readonly Block[], title: string): string | null {
  for (const block of blocks) {
    if (block.kind !== 'code' || block.text.length > MAX_BIBTEX_BLOCK || !block.text.includes('@')) continue;
    const m = BIBTEX_TITLE.exec(block.text);
    if (!m) continue;
    const cited = (m[1] ?? m[2] ?? '').replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
    const tokens = cited.match(TITLE_TOKENS) ?? [];
    const own = title.split(' ');
    const words = tokens.filter((t) => /[\p{L}\p{N}]/u.test(t));
    if (words.length !== own.length || words.some((word, i) => word.toLowerCase() !== own[i]!.toLowerCase())) return null;
    let at = 0;
    const merged = tokens.map((t) => (/[\p{L}\p{N}]/u.test(t) ? own[at++]! : t)).join('').replace(/[\s.]+$/, '');
    return merged === title ? null : merged;
  }
  return null;
}

/** A section's first list, with the title each of its items cites as a full reference (or null). */
interface ListCites {
  list: Extract<Block, { kind: 'list' }>;
  titles: (string | null)[];
}

/**
 * The references a section opens its first list with, read once for both ways such a list names
 * its papers (citedFirstInList, papersCitedInList). Null where the section opens on no list.
 */
function citesInFirstList(blocks: readonly Block[]): ListCites | null {
  const list = blocks[0];
  if (list?.kind !== 'list') return null;
  return { list, titles: list.items.map(citedByItem) };
}

/** The title of the paper a list item is the full reference of, cleaned, or null. */
function citedByItem(item: ListItem): string | null {
  const first = item.blocks[0];
  if (first?.kind !== 'paragraph') return null;
  const text = inlineText(first.inline);
  const cited = text.length <= 600 && REFERENCE_SIGNS.test(text) ? referenceTitle(text) : null;
  const title = cited === null ? '' : cleanTitle(cited.replace(/[.。]$/, ''));
  return title.length >= 3 ? title : null;
}

/**
 * The paper a section's first list cites first, alone or linked ("- [Lou, D., C. Polk
 * and S. Skouras. "A tug of war: Overnight versus intraday expected returns." *Journal of
 * Financial Economics* 134 (2019)](url)"): its title, the list and the item's place, where no
 * other item of the list is a reference too (a list of references is what to read, not one paper's note).
 */
function citedFirstInList({ list, titles }: ListCites): { title: string; list: ListCites['list']; index: number } | null {
  // (After links to where else it is discussed, "- [多因子如何玩转加密币？](blog url)", if any: a
  // link that cites no year or journal.)
  let at = 0;
  while (at < list.items.length - 1 && onlyALink(list.items[at]!) && !REFERENCE_SIGNS.test(firstText(list.items[at]!.blocks))) at++;
  const title = titles[at] ?? null;
  if (title === null || titles.some((other, i) => i !== at && other !== null)) return null;
  return { title, list, index: at };
}

/** One paper of a list that cites several, each with the items after its reference. */
interface CitedInList {
  title: string;
  line: number;
  items: ListItem[];
}

/**
 * Papers a section's first list cites one after another, each reference followed by the notes
 * on it: "- [Lou, D., ... "A tug of war: Overnight versus intraday expected returns." *JFE*
 * ...](url)", "- 研究证实 ...", then "- [Akbas, F., ... "Overnight returns, daytime reversals,
 * and future stock returns." ...](url)", "- 每日拉锯战 ...". Null unless there are two at least,
 * each with a note of its own (a list of references alone is what to read), and nothing before
 * the first but links.
 */
function papersCitedInList({ list, titles }: ListCites): CitedInList[] | null {
  const papers: CitedInList[] = [];
  for (let i = 0; i < list.items.length; i++) {
    const item = list.items[i]!;
    const title = titles[i] ?? null;
    if (title !== null) papers.push({ title, line: item.line, items: [] });
    else if (papers.length > 0) papers[papers.length - 1]!.items.push(item);
    else if (!onlyALink(item)) return null;
  }
  return papers.length >= 2 && papers.every((paper) => paper.items.some((item) => !onlyALink(item))) ? papers : null;
}

/** Whether a list item is one link and nothing else ("- [A blog post on it](url)"). */
function onlyALink(item: ListItem): boolean {
  const [first, ...rest] = item.blocks;
  if (first?.kind !== 'paragraph' || rest.length > 0) return false;
  const runs = first.inline.filter((run) => !(run.kind === 'text' && run.text.trim() === ''));
  return runs.length === 1 && runs[0]!.kind === 'link';
}

/**
 * Whether a heading is the cited title, as written or nearly ("A Survey of Attacks on Ethereum
 * Smart Contracts" over "A survey of attacks on ethereum smart contracts (sok)"): most of its
 * words are the title's, and most of the title's are its. (The heading keeps its capitals, then.)
 */
function namesSamePaper(heading: string, cited: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const citedWords = new Set(words(cited));
  const headingWords = new Set(words(heading));
  let shared = 0;
  for (const word of headingWords) if (citedWords.has(word)) shared++;
  // (And most of the title's: "Errors in Variables" names a topic of "Empirical Tests of Asset
  // Pricing Models ...: Resolving the Errors-in-Variables Bias in Risk Premium Estimation".)
  return shared > 0 && shared >= 0.8 * headingWords.size && shared >= 0.6 * citedWords.size;
}

/** Blocks with one item of one of their lists left out. */
function withoutItem(blocks: readonly Block[], list: Extract<Block, { kind: 'list' }>, index: number): Block[] {
  const items = list.items.filter((_, i) => i !== index);
  return blocks.flatMap((block) => (block !== list ? [block] : items.length === 0 ? [] : [{ ...list, items }]));
}

// What may come before a paper's title in its full reference: its authors ("V. Volkov and J. W.
// Demmel,", "Zhou, Yangjie, et al.", "Ian Buck, Tim Foley, ..., and Pat Hanrahan. 2004.",
// "Durumeric, Z., ... et al. (n.d.).").
const REFERENCE_AUTHORS = /^(?:[\s,;.:&]|\p{Lu}[\p{L}'’-]*\.?|and|et al\.?|\((?:(?:19|20)\d\d[a-z]?|n\.d\.)\)|(?:19|20)\d\d[a-z]?|\[[\d\s−–-]*X?\])+["“]?\s*$/u;
// ...and read as names, not as a word of a sentence ("Aesthetic preference for art ..."): names
// separated, initials, a year, or a name closed by a full stop ("Philippe Swartvagher.").
const NAMES_SEPARATED = /,|\band\b|&|\bet al\b|\b\p{Lu}\.|\b(?:19|20)\d\d|\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+\.\s*$/u;
// Where and when it appeared: a reference, not a note's sentence that names the paper.
const REFERENCE_SIGNS = /\b(?:19|20)\d\d\b|\bdoi\b|\bpp\.|\bproceedings\b|\bvol\.|\bjournal\b|\btransactions\b|\bconference\b|\bsymposium\b|\barxiv\b/i;

/**
 * The paragraph under a paper's title that is that paper's full reference, in any style (IEEE's
 * 'V. Volkov and J. W. Demmel, "Benchmarking GPUs to tune dense linear algebra," SC '08, ... doi:
 * ...', ACM's, MLA's): its authors, then the title, then where it appeared. One of the first
 * three blocks; null where there is none. Who wrote it and where it appeared are no part of
 * what it does.
 */
function ownReference(blocks: readonly Block[], title: string): Block | null {
  let words: string[] | null = null;
  let opening: RegExp | null = null;
  for (let b = 0; b < blocks.length && b < 3; b++) {
    const block = blocks[b]!;
    if (block.kind !== 'paragraph') continue;
    const text = inlineText(block.inline);
    if (text.length > 600) return null;
    // (Most notes open on no reference: the pattern of the title's words is made only for one
    // that says where a paper appeared and holds the title's first word.)
    if (!REFERENCE_SIGNS.test(text)) continue;
    words ??= title.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length < 2 || !text.toLowerCase().includes(words[0]!.toLowerCase())) continue;
    opening ??= new RegExp(words.slice(0, 4).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'iu');
    const at = opening.exec(text);
    if (at === null || at.index === 0) continue;
    const before = text.slice(0, at.index);
    if (REFERENCE_AUTHORS.test(before) && NAMES_SEPARATED.test(before) && REFERENCE_SIGNS.test(text)) return block;
  }
  return null;
}

// What a note says of a paper, after its reference on the same line: "... NDSS 2016. They
// propose ...".
const SAYS_WHAT_IT_DOES = /\b(?:we|they|the authors|this paper|propos\w*|present(?!ed (?:at|in)\b)\w*|introduc\w*|shows?|showed|finds?|found|uses?|learns?)\b/i;
/** Most words of where a paper appeared, after its title in its reference. */
const MOST_VENUE_WORDS = 25;

/**
 * Whether a list item's text is the paper's full reference and nothing more (ownReference): what
 * follows the title is where it appeared, short, and says nothing the paper does.
 */
function onlyItsReference(inline: Inline, title: string, line: number): boolean {
  if (ownReference([{ kind: 'paragraph', inline, line }], title) === null) return false;
  const text = inlineText(inline);
  const at = text.toLowerCase().indexOf(title.toLowerCase().slice(0, 20));
  if (at === -1) return false;
  const tail = text.slice(at + title.length);
  return tail.split(/\s+/).length <= MOST_VENUE_WORDS && !SAYS_WHAT_IT_DOES.test(tail);
}

/**
 * Whether a file is only fields' names with nothing in them, "# Title:", "# Authors:", "###
 * Main Takeaway:": the template a folder's notes are written to, whatever its name.
 */
function onlyEmptyFields(blocks: readonly Block[]): boolean {
  return blocks.length >= 3 && blocks.every((block) => block.kind === 'heading' && labelledLine(inlineText(block.inline).trim())?.value.trim() === '');
}

// File names of a template for notes: template.md, _template.md, paper-template.md.
const NOTES_TEMPLATE = /^_?(?:(?:paper|papers|note|notes|reading|summary|review)[-_. ])?templates?$/i;

// "See also:", "References", "Further reading:": what a list under such a label holds is cited.
const REFERENCES_LABEL = /^(?:see also|references?|bibliography|further reading|related (?:work|papers|reading)|cited|citations)\s*[:：]?$/i;

// "The next two papers are about ...", "The following paper may be useful ...", "These three
// papers below ...": a paragraph opening so speaks of the papers after it.
const INTRODUCES_NEXT_PAPERS =
  /^(?:the|these|both)\s+(?:(?:next|following)(?:\s+(?:two|three|four|five|six|few|several|\d+))?\s+(?:papers|works|articles)|(?:two|three|four|five|six|few|several|\d+)\s+papers\s+(?:below|that follow))\b/i;

// "MusicLM - a generative model ...": a short name (six words at most) before a dash, then the summary.
const SHORT_NAME = /^((?:[^.:;\s]+ ){0,5}?[^.:;\s]+) [-–—] (?=\S)/;

/** Whether every word of a short name is in a title ("H3" is not in "Hungry Hungry Hippos"). */
function sameWords(title: string, name: string): boolean {
  const words = new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return name.toLowerCase().split(/[^\p{L}\p{N}]+/u).every((word) => word === '' || words.has(word));
}

// What a link says it points to, in tables and lists that label their links.
const PAPER_LABEL = /^(?:paper|pdf|arxiv|abs|abstract|openreview|preprint|article)$/i;
const NOT_PAPER_LABEL = /^(?:blog|blog ?post|post|book|video|podcast|course|lecture|newsletter|slides|talk)$/i;

/** The labels of the links in inline runs, as written ("Paper", "Tweet", "Blog"). */
function linkLabels(inline: Inline): string[] {
  const labels: string[] = [];
  for (const run of inline) {
    if (run.kind === 'link') labels.push(labelledText(run.children).trim());
    else if (run.kind === 'strong' || run.kind === 'em' || run.kind === 'strike') labels.push(...linkLabels(run.children));
  }
  return labels;
}

// Headings that say what a list under them holds: papers, by name.
const PAPERS_HEADING = /^(?:papers?|posters?|(?:papers? )?to read|reading list|posters to see)$/;

/** A list item that is only a title: one line, no link, not a sentence; its title, or null. */
function bareTitle(inline: Inline): string | null {
  if (firstLink(inline) !== null || inline.some((run) => run.kind === 'break')) return null;
  const text = inlineText(inline).trim();
  if (text === '' || /[.!?]$/.test(text) || text.split(/\s+/).length > 20 || notATitle(text) !== null) return null;
  return cleanTitle(text);
}

const EVENT_GROUP = /^(?:demos?|demonstrations?|socials?|social events?|meetups?|competitions?|expo|exhibits?|exhibitions?|sponsors?)$/;
const TALK_SESSION = /\b(?:tutorials?|workshops?|keynotes?|invited talks?|talks|panels?)\b/i;
const TUTORIAL_SESSION = /\btutorials?\b/i;
// "BERT: Pre-training of ...", "TensorFuzz: Debugging ...": a coined name before a colon is a
// paper's; a talk's title is a phrase ("Self-supervision and play").
const NAMED_METHOD = /^[\p{Lu}\p{N}][\p{L}\p{N}-]*[\p{Lu}\p{N}][\p{L}\p{N}-]*:\s/u;
// "A narration-based reward shaping approach using ...", "An efficient framework for ...": a
// title presenting one method, the way papers are titled. A talk's title names a subject
// ("Social learning from agents and humans"), not one artefact with what it is for.
const PRESENTS_METHOD =
  /^an? (?:[\p{L}\p{N}-]+ ){1,6}(?:approach|method|framework|model|algorithm|architecture|network|estimator|objective|benchmark|dataset)s? (?:for|to|using|via|with|based on|that)\b/iu;
// "Lessons learned from implementing MLPACK", "Reflections on ten years of ...": the title of
// an experience report, given as a talk; a paper's note would still name the paper or its authors.
const EXPERIENCE_TITLE = /^(?:lessons?(?: learned| learnt)? (?:from|in|of|on)|reflections on|a retrospective (?:on|of))\b/i;
// "Goddamn, this talk was boring": the note-taker says what they sat through.
const CALLS_ITSELF_A_TALK = /\bthis (?:talk|keynote|lecture)\b/i;
// Words a note about a paper uses for it: with any of them, a talk is a paper's talk.
const PAPER_WORDS = /\b(?:paper|papers|authors?|arxiv|we propose|they propose|propose[sd]?|poster)\b/i;
// "This talk" is said of a paper's talk too: such a note also says what they, their method or
// model do, which a talk on a subject seldom does.
const WORK_WORDS = /\b(?:they|their|(?:the|this|our|new|proposed) (?:method|model|approach|algorithm|architecture|framework))\b/i;
/** A keynote or invited talk runs an hour, a paper's talk minutes: its note is this many times as long. */
const KEYNOTE_LENGTH_RATIO = 2.5;
/**
 * ... and fills pages: a note this long at least (in characters). Where the papers get one line
 * each, a single author's paragraph is several times as long and still no keynote.
 */
const KEYNOTE_MIN_LENGTH = 1000;

/** What the papers under one heading say about the talks among them. */
interface TalkContext {
  /** Nearly every entry names one speaker: a day of workshop talks (see isTalkSession). */
  session: boolean;
  /** A note at least this long, opening with one speaker, is a keynote among papers. */
  keynoteLength: number;
}

const NO_TALKS: TalkContext = { session: false, keynoteLength: Infinity };

function talkContext(papers: Section[]): TalkContext {
  const session = isTalkSession(papers);
  // Four notes at least, for their usual length to mean something.
  if (session || papers.length < 4) return { session, keynoteLength: Infinity };
  const lengths = papers.map(noteLength).sort((a, b) => a - b);
  const median = lengths[Math.floor((lengths.length - 1) / 2)]!;
  return { session, keynoteLength: median > 0 ? Math.max(median * KEYNOTE_LENGTH_RATIO, KEYNOTE_MIN_LENGTH) : Infinity };
}

/**
 * Why a heading is a talk rather than a paper, or null. A tutorials session holds tutorials,
 * whoever gives them. Under a workshops, keynotes or talks session, a heading whose note opens
 * with one speaker's name ("_Yann LeCun_") is a talk: a paper names its authors, a talk its
 * speaker. The same holds under any heading where nearly every entry names one person
 * (`talks.session`, a workshop day headed only by its date), unless the title names a method
 * the way papers do ("BERT: ...", "A ... approach using ..."). Among papers that name their
 * authors, one speaker with a note several times as long as the others' is a keynote: conference
 * notes seldom say "Keynote", but an hour's talk fills pages where a paper fills a few lines.
 * A note that calls itself "this talk", or an experience report ("Lessons learned from ..."),
 * without a word about a paper, is a talk too.
 */
function talkReason(section: Section, session: string, talks: TalkContext): string | null {
  if (TUTORIAL_SESSION.test(session)) return `a tutorial (under "${session}"), not a paper`;
  const inTalkSession = TALK_SESSION.test(session);
  const named = inTalkSession || (talks.session && !NAMED_METHOD.test(section.title) && !PRESENTS_METHOD.test(section.title));
  const oneSpeaker = opensWithOneSpeaker(section);
  if (named && oneSpeaker && !namesTitleMethod(section)) {
    return inTalkSession ? `a talk (one speaker, under "${session}"), not a paper` : `a talk (one speaker, as nearly every entry under "${session}"), not a paper`;
  }
  if (oneSpeaker && noteLength(section) >= talks.keynoteLength) {
    return 'a keynote or invited talk (one speaker, and a note several times as long as the papers beside it), not a paper';
  }
  if (EXPERIENCE_TITLE.test(section.title) && !PAPER_WORDS.test(sectionText(section))) {
    return 'a talk (an experience report, no paper named), not a paper';
  }
  const text = sectionText(section);
  if (CALLS_ITSELF_A_TALK.test(text) && !PAPER_WORDS.test(text) && !WORK_WORDS.test(text)) {
    return 'a talk (its note says "this talk", and names no paper), not a paper';
  }
  return null;
}

// "Model-based policy optimization (MBPO)": words and the short name made of their initials.
const SHORT_NAMED = /((?:[\p{L}][\p{L}\p{N}]*[ -]){1,6}[\p{L}][\p{L}\p{N}]*) \((\p{Lu}[\p{L}\p{N}]*\p{Lu})s?\)/gu;
/** The note's opening, where a paper's note names its method: this many characters. */
const OPENING_CHARS = 300;

/**
 * Whether the note opens by giving a short name to words of its title: "Model-based policy
 * optimization (MBPO)" under "When to trust your model: model-based policy optimization". A
 * paper names its method so, and its note follows; a talk's title names a subject, not an
 * artefact with a name. (A short name alone is common in talks: "Monte Carlo tree search (MCTS)".)
 */
function namesTitleMethod(section: Section): boolean {
  const opening = sectionText(section).slice(0, OPENING_CHARS);
  if (!opening.includes('(')) return false;
  const title = new Set(section.title.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  for (const [, words, short] of opening.matchAll(SHORT_NAMED)) {
    // The short name's letters are the initials of the words just before it.
    const named = words!.split(/[ -]/).slice(-short!.length);
    if (named.length !== short!.length || named.some((w, i) => w[0]!.toLowerCase() !== short![i]!.toLowerCase())) continue;
    if (named.every((w) => title.has(w.toLowerCase()))) return true;
  }
  return false;
}

/** A section's text under its heading, its sub-sections' included. */
function sectionText(section: Section): string {
  let text = sectionTexts.get(section);
  if (text === undefined) {
    const parts: string[] = [];
    collectText(flatten(section, true), parts);
    text = parts.join('\n');
    sectionTexts.set(section, text);
  }
  return text;
}

const sectionTexts = new WeakMap<Section, string>();

function collectText(blocks: Block[], out: string[]): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph' || block.kind === 'heading') out.push(inlineText(block.inline));
    else if (block.kind === 'list') for (const item of block.items) collectText(item.blocks, out);
    else if (block.kind === 'quote') collectText(block.blocks, out);
    else if (block.kind === 'table') for (const row of block.rows) out.push(row.cells.map(inlineText).join(' '));
    else if (block.kind === 'code') out.push(block.text);
  }
}

/** How much a section's note says, in characters: to tell a keynote's pages from a paper's lines. */
function noteLength(section: Section): number {
  return sectionText(section).replace(/\s+/g, ' ').length;
}

/** Whether a section's note opens with one person's name: its speaker. */
function opensWithOneSpeaker(section: Section): boolean {
  const first = section.blocks[0];
  if (first?.kind !== 'paragraph') return false;
  const line = inlineText(splitFirstLine(first.inline).first).trim();
  return line.split(/\s+/).length <= 4 && isPersonName(line);
}

/**
 * Whether a paragraph under a heading opens with a link to a paper titled otherwise: that paper
 * is read from its link line, and the heading groups it ("## Tasks", then "[Text2Math](url)").
 * A link titled as the heading is the heading's own paper's.
 */
function holdsAnotherLinkedPaper(section: Section): boolean {
  return section.blocks.some((block) => {
    // "#### Regression Discontinuity" over "[Cattaneo, Keele & Titiunik (2021)](url): Covariate
    // Adjustment in Regression Discontinuity Designs", on a line or in a bullet: a reference
    // under a topic (wherever it links), not the paper's short name over its link.
    // (So is a bullet written as a reference: "* Allen Newell and Paul S. Rosenbloom. Mechanisms of ...".)
    if (block.kind === 'list') return block.items.some((item) => item.blocks[0]?.kind === 'paragraph' && (linksReference(item.blocks[0].inline) || citedItem(item.blocks[0].inline) !== null));
    if (block.kind !== 'paragraph') return false;
    if (linksReference(block.inline)) return true;
    const paper = paragraphPaper(block.inline, 'link');
    const link = paper && firstLink(splitFirstLine(block.inline).first);
    if (!link || !isPaperLink(link.href)) return false;
    return !sameWords(section.title, paper.title) && !sameWords(paper.title, section.title);
  });
}

/**
 * How many headings under a section, two levels down at most, read as titles and have two
 * parts of a note or more of their own ("### Title" over "#### Notes", "#### Citation").
 */
function papersWithParts(section: Section): number {
  let count = 0;
  const visit = (kids: Section[], depth: number) => {
    for (const kid of kids) {
      if (partKind(kid.label) === null && notATitle(kid.label) === null) {
        if (kid.children.filter((part) => partKind(part.label) !== null).length >= 2) count++;
      } else if (depth < 2) visit(kid.children, depth + 1);
    }
  };
  visit(section.children, 1);
  return count;
}

/** Whether a line opens with a paper's authors and year, linked, and its title after them. */
function linksReference(inline: Inline): boolean {
  const first = splitFirstLine(inline).first;
  const link = firstLink(first);
  if (link === null || !isAuthorsYearLabel(link.label)) return false;
  const lead = leadTitle(first);
  return lead?.via === 'link' && lead.title !== link.label;
}

// The parts of one paper's note, not of a topic's: "Motivation", "Method", "Results".
const ONE_PAPERS_PART =
  /^(?:motivation|method(?:s|ology)?|(?:proposed )?approach|(?:main |key )?contributions?|results?|experiments?(?: and results)?|ablations?|implementation(?: details)?|limitations?|formulation|proposed method)[:.]?$/i;

// Fewest headings after a paper's title that name parts of a note ("# Data", "# Results"), for
// the others beside them to be parts too.
const MIN_NAMED_PARTS = 2;

/**
 * Whether sibling headings are one paper's title and its parts, though some of the parts are
 * named as no note's parts are: "# Discrete representations in neural models of spoken
 * language", then "# Models (pre transformer)", "# Data", "# Method", "# Results",
 * "# Conclusion". Headings after the title that name parts, each once (a file of papers repeats
 * "# Results" under each), are two at least and as many as the others at least, and the others
 * read less like titles than the first: short names, linking no paper, with no authors and no
 * sub-headings under them ("# Lexical embedder").
 */
function partsBesideOnePaper(kids: readonly Section[], papers: readonly Section[]): boolean {
  if (papers.length < 2) return false;
  const [title, ...others] = papers as [Section, ...Section[]];
  const after = kids.slice(kids.indexOf(title) + 1);
  const named = after.filter((kid) => partKind(kid.label) !== null).map((kid) => kid.label.trim().toLowerCase());
  if (named.length < MIN_NAMED_PARTS || named.length < others.length || new Set(named).size < named.length) return false;
  const titleWeight = titleStrength(title.title);
  return others.every((other) => {
    const weight = titleStrength(other.title);
    return weight <= 1 && weight < titleWeight && other.href === null && !opensWithAuthors(other) && other.children.length === 0;
  });
}

/**
 * How many headings among `sections` and all below them link to a paper, counted up to `upTo`;
 * not those under a part of a note ("## Related work" over "### [Other paper](...)").
 */
function linkedPaperHeadings(sections: Section[], upTo: number): number {
  let n = 0;
  for (const section of sections) {
    if (partKind(section.label) !== null) continue;
    if (section.href !== null && isPaperLink(section.href) && ++n >= upTo) return n;
    n += linkedPaperHeadings(section.children, upTo - n);
    if (n >= upTo) return n;
  }
  return n;
}

/**
 * Whether a section's first paragraph is its authors' line ("A. Naik, R. Shariff, N. Yasui"),
 * or its paper's full reference, quoted or not ("> Houde, S., & Hill, C. (1997). What do
 * prototypes prototype? In ...").
 */
function opensWithAuthors(section: Section): boolean {
  const first = section.blocks[0];
  const paragraph = first?.kind === 'quote' ? first.blocks[0] : first;
  if (paragraph?.kind !== 'paragraph') return false;
  const line = inlineText(splitFirstLine(paragraph.inline).first);
  return (first === paragraph && isAuthorLine(line)) || isReferenceLine(line);
}

// What opens a group's papers rather than a paper's note: "Some posters I liked:", "Papers on RL".
const INTRODUCES_PAPERS = /(?:^.{0,80}[:：]\s*$|\b(?:papers|posters|talks|works|articles|highlights|favou?rites?|list)\b)/is;
// "Offline RL was everywhere this year ... Below are the ones I liked.": the note-taker on what
// follows, not a paper's note.
const NOTE_TAKER_INTRO = /\b(?:I|I['’]ve|my|this year|below|the ones|the following|as follows)\b/;
/** Characters of prose that make a note, not a line introducing what follows. */
const OWN_NOTE_CHARS = 60;

/**
 * Whether a section opens with a note of its own (prose or prose bullets, before any line that
 * opens a paper) and its bold lines or titled items come after: those are the paper's parts
 * ("**Initialization of recurrent weights** as mentioned in ..."). A group says what follows
 * in a line at most ("Some posters I liked:"); a paper's note says what it does.
 */
function opensWithOwnNote(section: Section): boolean {
  // "## Reinforcement learning", "### Robustness": a topic's name over what was seen of it.
  if (INTRODUCES_PAPERS.test(section.label) || titleStrength(section.title) < 1) return false;
  let prose = 0;
  for (const block of section.blocks) {
    if (block.kind === 'paragraph') {
      if (paragraphPaper(block.inline)) break;
      const text = inlineText(block.inline);
      if (prose === 0 && (INTRODUCES_PAPERS.test(text) || NOTE_TAKER_INTRO.test(text))) return false;
      prose += text.length;
    } else if (block.kind === 'list') {
      if ((block.items.length >= 2 || namesOneVenuedPaper(block)) && isPaperList(listItemPapers(block))) break;
      const text = block.items.map((item) => firstText(item.blocks)).join(' ');
      if (prose === 0 && INTRODUCES_PAPERS.test(text)) return false;
      if (block.items.some((item) => item.blocks[0]?.kind === 'paragraph' && firstLink(item.blocks[0].inline))) return false;
      prose += text.length;
    } else if (block.kind === 'table') break;
  }
  return prose >= OWN_NOTE_CHARS && blockPaperCount(section.blocks) >= 1;
}

/**
 * Whether the papers read under one heading are talks: at least three, and all but a few (one
 * in four) open with a single person's name. Papers in ML have several authors; a talk has one
 * speaker. Fewer than three say too little to tell.
 */
function isTalkSession(papers: Section[]): boolean {
  if (papers.length < 3) return false;
  let oneSpeaker = 0;
  for (const paper of papers) if (opensWithOneSpeaker(paper)) oneSpeaker++;
  return oneSpeaker * 4 >= papers.length * 3;
}

/**
 * "Attention Is All You Need - https://arxiv.org/abs/1706.03762" opening a file: a line naming
 * the paper and where it is. Its title, or null.
 */
function titleLine(inline: Inline): string | null {
  const { first } = splitFirstLine(inline);
  const raw = first.map((run) => (run.kind === 'text' ? run.text : '')).join('');
  if (!/\bhttps?:\/\/[^\s)]+\)?[:.]?\s*$/.test(raw)) return null;
  const title = cleanTitle(inlineText(first).replace(/[\s:–—-]+$/, ''));
  return title !== '' && title.split(/\s+/).length <= 25 && !/[.!?]$/.test(title) && notATitle(title) === null ? title : null;
}

// "(C.H. Lin, et al)", "Liao et al": who wrote it, after a title written on a line of its own.
const AUTHORS_IN_BRACKETS = /\s*\(([^()]{2,80})\)\s*$/;
const ET_AL_TAIL = /\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*,?\s+et\.?\s+al\.?$/u;

/**
 * A first line that is a title in plain text, alone in its paragraph: "Global Model Checking
 * Pushdown Multi-Agent Systems", "Re-active learning (C.H. Lin, et al)", "How Important is
 * Weight Symmetry in Backprop? Liao et al". Its title (the authors taken off), or null. Written
 * in title case, or with its authors after it (`withAuthors`: only so); not a sentence, nor a
 * label ending in a colon.
 */
function plainTitleLine(inline: Inline, withAuthors = false): string | null {
  if (inline.some((run) => run.kind === 'break')) return null;
  let text = inlineText(inline).trim();
  if (text.length > 200 || text.includes('\n')) return null;
  const bracketed = AUTHORS_IN_BRACKETS.exec(text);
  let authored = false;
  if (bracketed && (isAuthorLine(bracketed[1]!) || /\bet\.? al\b/.test(bracketed[1]!))) {
    text = text.slice(0, bracketed.index);
    authored = true;
  } else if (ET_AL_TAIL.test(text)) {
    text = text.replace(ET_AL_TAIL, '');
    authored = true;
  }
  // ("Lee, Chen" alone is who wrote it, not what.)
  if (withAuthors && !authored) return null;
  // "builds on the adam optimizer (Kingma et al)": a sentence; "Key Takeaways For My Thesis": the
  // note-taker's; "Status: Read, Rating 4/5": a label's line.
  if (!/^[\p{Lu}\p{N}"“']/u.test(text) || /\b(?:[Mm]y|I|[Mm]e|[Oo]ur)\b/.test(text)) return null;
  const label = /^([^:]{1,30}):/.exec(text);
  if (label && partKind(label[1]!) !== null) return null;
  if (/[.:;,!]$/.test(text) || (text.endsWith('?') && !authored) || (!authored && isAuthorLine(text))) return null;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 20 || notATitle(text) !== null) return null;
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  if (!authored && capitalised / words.length < 0.6) return null;
  const title = cleanTitle(text);
  return title === '' ? null : title;
}

/** How a file opens: its first line links somewhere, is a title (heading, front matter), or is text. */
function openingOf(doc: NotesDocument): Opening {
  if (doc.meta.get('title')) return 'title';
  let block = doc.blocks[0];
  while (block?.kind === 'list' || block?.kind === 'quote') block = block.kind === 'list' ? block.items[0]?.blocks[0] : block.blocks[0];
  if (block?.kind !== 'heading' && block?.kind !== 'paragraph') return 'text';
  const { first } = splitFirstLine(block.inline);
  const raw = first.map((run) => (run.kind === 'text' ? run.text : '')).join('');
  if (firstLink(first) === null && !/\bhttps?:\/\//.test(raw)) {
    // ("Re-active Learning (C. Lin, et al)" on a line of its own, naming its authors, is a title
    // as a heading is; "Gaussian CheatSheet" may head a topic's note.)
    return block.kind === 'heading' || (doc.blocks[0] === block && plainTitleLine(block.inline, true) !== null) ? 'title' : 'text';
  }
  // "Exponentiated Gradient (EG) (see this paper: https://...)": the note is on a topic and
  // points to a paper for it; a note on the paper names it and links it.
  if (citesForTopic(first)) return 'reference';
  // "[Token Bonding Curves Explained](https://medium.com/...)": a note on a blog post.
  const href = firstLink(first)?.href;
  return href !== undefined && isWebPageLink(href) ? 'page' : 'link';
}

// "(see this paper:", "see also", "cf.": what comes before a link that is a reference, not the
// note's paper. A bare "(see url)" may be how a note links its own paper, and is not one.
const SEE_BEFORE_LINK = /\b(?:see (?:also )?(?:this|the|that|a|an) (?:paper|article|reference|work)|see also|cf\.?)\s*:?\s*\(?\s*$/i;

/** Whether a line's first link or URL is given as a reference ("see this paper: url"). */
function citesForTopic(first: Inline): boolean {
  let before = '';
  for (const run of first) {
    if (run.kind === 'link') break;
    if (run.kind === 'text') {
      const at = run.text.search(/\bhttps?:\/\//);
      if (at >= 0) {
        before += run.text.slice(0, at);
        break;
      }
      before += run.text;
    } else before += inlineText([run]);
  }
  return SEE_BEFORE_LINK.test(before);
}

/** Whether a file's name, alone, reads as a paper's title: four words or more, none a collection's. */
function namesAPaper(name: string): boolean {
  if (FOLDER_README.test(name) || NOTES_TEMPLATE.test(name)) return false;
  const title = fileNameTitle(name);
  return title.split(/\s+/).length >= 4 && notATitle(title) === null && partKind(title) === null && !NAMES_COLLECTION.test(title);
}

/** "building-machines-that-learn" -> "Building machines that learn": a file's name as a title. */
export function fileNameTitle(name: string): string {
  // A Notion export names each page "Title 5e239e3fb7484c9faa500ac13330765e".
  const bare = withoutYearAndAuthors(name.replace(/ [0-9a-f]{32}$/, ''));
  const spaced = bare.includes(' ') ? bare : bare.replace(/_+/g, ' ').replace(/(?<=\S)-(?=\S)/g, ' ');
  const title = cleanTitle(spaced);
  return capitalise(title);
}

// "2006_Kitaev_Anyons in an exactly solved model and beyond", "2014_2015_Moradi_Wen_Universal
// ...": a file named as Zotero names a paper's PDF, its year and authors before its title.
const YEAR_FIRST_NAME = /^(?:19|20)\d{2}(?:_(?:19|20)\d{2})?_(.+?)(?:\.pdf)?$/i;
// "Kitaev", "Chen et al", "Yao Qi", "Rodriguez-Vega": one author's name, or the first and "et al".
const AUTHOR_NAME = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}(?: et al\.?)?$/u;

/** A Zotero-style file name's title, its year and authors left off; other names as they are. */
function withoutYearAndAuthors(name: string): string {
  const named = YEAR_FIRST_NAME.exec(name);
  if (named === null || !named[1]!.includes(' ')) return name;
  const parts = named[1]!.split('_');
  let first = 0;
  while (first < parts.length - 1 && AUTHOR_NAME.test(parts[first]!)) first++;
  return parts.slice(first).join('_');
}

/**
 * "Simclr" (of "simclr.md") as the note writes it, "SimCLR": a word of a title made from a file's
 * name takes the note's spelling where the note has it with capitals inside (a name, an acronym).
 */
function namesAsWritten(title: string, blocks: readonly Block[]): string {
  if (!/[\p{L}\p{N}]{3}/u.test(title)) return title;
  const spelled = new Map<string, string>();
  let read = 0;
  for (const block of blocks) {
    if (read > NAME_SEARCH_CHARS) break;
    const text = block.kind === 'paragraph' || block.kind === 'heading' ? inlineText(block.inline) : block.kind === 'list' ? block.items.map((item) => firstText(item.blocks)).join(' ') : '';
    read += text.length;
    for (const word of text.match(INNER_CAPITALS) ?? []) if (!spelled.has(word.toLowerCase())) spelled.set(word.toLowerCase(), word);
  }
  return title.replace(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu, (word) => spelled.get(word.toLowerCase()) ?? word);
}

// "SimCLR", "ResNet", "BERT", "GPT-3": a word with a capital after its first letter.
const INNER_CAPITALS = /(?<![\p{L}\p{N}])[\p{L}\p{N}][\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*/gu;
/** How much of a note is searched for a name's spelling. */
const NAME_SEARCH_CHARS = 20_000;

function firstText(blocks: Block[]): string {
  for (const block of blocks) {
    if (block.kind === 'paragraph' || block.kind === 'heading') return inlineText(block.inline).split('\n')[0] ?? '';
    if (block.kind === 'list' && block.items[0]) return firstText(block.items[0].blocks);
    if (block.kind === 'quote') return firstText(block.blocks);
  }
  return '';
}

/** A section's blocks and its sub-sections' headings and blocks, in order. */
function flatten(section: Section, withoutHeading = false): Block[] {
  const out: Block[] = withoutHeading || !section.heading ? [...section.blocks] : [section.heading, ...section.blocks];
  for (const child of section.children) out.push(...flatten(child));
  return out;
}

/** Paragraphs that would open a paper in a group's blocks (to tell a group from a paper). */
/**
 * Whether a list's first bullet names its paper by venue and year ("SIGMOD'20 - Thrifty Query
 * Execution ..."): one such bullet over its notes is a paper, as two bullets would be.
 */
function namesOneVenuedPaper(list: Extract<Block, { kind: 'list' }>): boolean {
  return listItemPapers(list)[0]?.venue === true;
}

function blockPaperCount(blocks: Block[]): number {
  // ("(Forde, 2002)" over its notes, three such keys or more: papers, as readBlocks reads them.)
  const keys = blocks.filter((block) => block.kind === 'paragraph' && citationKeyLine(block.inline) !== null).length;
  if (keys >= MIN_KEY_LINES) return keys;
  let n = 0;
  const lone = loneTitleBullets(blocks);
  for (const block of blocks) {
    if (lone.has(block)) n++;
    else if (block.kind === 'paragraph' && paragraphPaper(block.inline)) n++;
    // (One bullet of a file of linked summaries is a paper as its neighbours are.)
    else if (block.kind === 'list') n += (block.items.length >= 2 || linkedSummaryLists.has(block) || namesOneVenuedPaper(block)) && isPaperList(listItemPapers(block)) ? 2 : 0;
    // (A table headed "Paper" or "Title" lists papers however few its rows; without such a
    // header, one row could be a paper's own table of results.)
    else if (block.kind === 'table' && tableColumns(block) && (block.rows.length >= 2 || (block.rows.length === 1 && titleColumnNamed(block)))) n += 2;
  }
  return n;
}

/**
 * The most paper-like things of one kind in the file: headings that may be titles, paragraphs
 * and items opening with a title, table rows, links to papers at the start of a line. More of
 * them than papers read means papers were missed.
 */
/** How many distinct papers the document's paragraphs and list items link (isPaperLink). */
function paperLinkCount(blocks: Block[]): number {
  return paperLikeCounts(blocks, new Set(), new Set()).paperLinks;
}

function countPaperLike(blocks: Block[], subHeadingsIn: ReadonlySet<Block>, partLines: ReadonlySet<number>): number {
  const { headings, titled, rows, paperLinks } = paperLikeCounts(blocks, subHeadingsIn, partLines);
  return Math.max(headings, titled, rows, paperLinks);
}

function paperLikeCounts(blocks: Block[], subHeadingsIn: ReadonlySet<Block>, partLines: ReadonlySet<number>): { headings: number; titled: number; rows: number; paperLinks: number } {
  let headings = 0;
  let titled = 0;
  let rows = 0;
  const paperLinks = new Set<string>();
  // Under a part that holds links and references ("## References", "## 論文関連リンク"), the
  // works a note cites, not papers of the file: from its heading to the next of its level.
  let inReferences: number | null = null;
  const visit = (list: Block[]) => {
    for (const block of list) {
      if (block.kind === 'heading') {
        if (inReferences !== null && block.level > inReferences) continue;
        inReferences = partKind(headingLabel(block.inline)) === 'meta' ? block.level : null;
        if (partLines.has(block.line)) continue;
        const title = titleText(block.inline);
        if (notATitle(headingLabel(block.inline)) === null && titleStrength(title) >= 1.5) headings++;
      } else if (inReferences !== null) {
        continue;
      } else if (block.kind === 'paragraph') {
        const paper = paragraphPaper(block.inline);
        if (paper?.via && !(paper.via === 'strong' && subHeadingsIn.has(block))) titled++;
        const lead = paper?.via ? null : leadTitle(splitFirstLine(block.inline).first);
        const href = paper?.via ? firstLink(splitFirstLine(block.inline).first)?.href : lead?.href;
        if (href && isPaperLink(href)) paperLinks.add(href);
      } else if (block.kind === 'list') {
        for (const item of block.items) visit(item.blocks);
      } else if (block.kind === 'quote') {
        visit(block.blocks);
      } else if (block.kind === 'table') {
        if (tableColumns(block)) rows += block.rows.length;
      }
    }
  };
  visit(blocks);
  return { headings, titled, rows, paperLinks: paperLinks.size };
}
