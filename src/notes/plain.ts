// The bundled deck's plain format -> one entry per paper: an optional preamble, session
// header lines ("Monday morning", "Tuesday afternoon:"), and entries "C<n>: Title" with
// paragraphs under them (lowercase "c5:", dash headers "C6 - Title", codes of any length).
// parse.ts sends a file here when it has such entry lines; Markdown headings in the same file
// ("# ICLR 2017 summary", "## C3: Title") are read here too, as they always were.
// A "Key idea: ..." line is the user's own answer: it is lifted out of the body.
// Codes repeat across sessions and even within one, so they are kept as data, never as keys.
import type { NoteEntry, NoteWarning } from '../core/types.js';

export interface ParsedNotes {
  entries: NoteEntry[];
  warnings: NoteWarning[];
}

/** Whether a notes text has lines of the bundled format's entries ("C12: Title") outside headings. */
export function hasCodeEntries(text: string): boolean {
  return CODE_LINE_START.test(text);
}
const CODE_LINE_START = /^[ \t]*(?:\*\*|__)?[Cc]\d{1,9}(?:\*\*|__)?[ \t]*(?::|[-–—][ \t])/m;

type Line =
  | { kind: 'blank' }
  | { kind: 'heading'; level: number; text: string; entry: CodeEntry | null; multi: string[] | null }
  | { kind: 'entry'; entry: CodeEntry }
  | { kind: 'multi'; codes: string[] }
  | { kind: 'text'; text: string };

interface CodeEntry {
  code: string;
  title: string;
}

// A heading's closing hashes ("## Title ##") are taken off by hand: a regex for them would try
// every space of a long line, and a notes file can hold any line at all.
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
// "C14: Title", "c5: Title", "C6 - Title", "C6 – Title", "**C3:** Title". The title is
// everything after the first colon (or dash) after the code: titles have colons of their own.
const CODE_ENTRY = /^[ \t]*(?:\*\*|__)?([Cc])(\d{1,9})(?:\*\*|__)?[ \t]*(?::|[-–—](?=[ \t]))(?:\*\*|__)?[ \t]*(.*)$/;
// "C31, C32, C33: ...", "C4 & C5:", "C31–C33:" - several papers at once, which is not a paper.
const MULTI_CODE =
  /^[ \t]*(?:\*\*|__)?[Cc]\d{1,9}(?:(?:[ \t]*(?:,|&|\/|\+|\band\b)[ \t]*[Cc]\d{1,9})+|[ \t]*[-–][ \t]*[Cc]\d{1,9}(?=[ \t]*:))(?:\*\*|__)?[ \t]*(?::|[-–—](?=[ \t])|$)/;
const CODE = /[Cc]\d{1,9}/g;
const KEY_IDEA =
  /^(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*|__|\*|_)?[ \t]*key[ \t-]*ideas?[ \t]*(?:\*\*|__|\*|_)?[ \t]*:[ \t]*(?:\*\*|__|\*|_)?[ \t]*(.*)$/i;
const KEY_IDEA_HEADING = /^key[ \t-]*ideas?:?$/i;
const BULLET = /^(?:[-*+•]|\d{1,3}[.)])[ \t]+/;

// Words that make a short line a session header. Days and parts of a day are unmistakable;
// "Posters" or "Orals" could also be a one-word note, so they count only after a note has text.
const DAY_WORDS =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|night|day[ \t]*\d+|week[ \t]*\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}|\d{4}-\d{2}-\d{2})\b/i;
const SESSION_WORDS = /\b(?:sessions?|posters?|orals?|spotlights?|workshops?|keynotes?|tutorials?|tracks?|lunch)\b/i;

/**
 * Reads a notes file's text into paper entries; warns about lines it chose not to read as papers.
 * `session` is the session the text starts in: a part of a file, read again on its own after an
 * edit (cards/incremental.ts), starts in the session of the papers above it.
 */
export function parsePlainNotes(text: string, file: string, { session: startSession = '' }: { session?: string } = {}): ParsedNotes {
  const rawLines = text.split('\n');
  const lines = rawLines.map(classify);
  const warnings: NoteWarning[] = [];
  const entries: NoteEntry[] = [];

  const hasCodeEntries = lines.some((l) => l.kind === 'entry' || (l.kind === 'heading' && l.entry));
  const headingRoles = assignHeadingRoles(lines, hasCodeEntries);

  let session = startSession;
  let current = null as EntryBuilder | null;
  // After a line that is not a paper (a multi-code line, a code with no title) its paragraphs
  // belong to nothing: they are dropped rather than merged into the paper before.
  let ignoring = false;

  const finish = (): void => {
    if (current) entries.push(current.build());
    current = null;
  };
  const startEntry = (entry: CodeEntry, index: number): void => {
    finish();
    ignoring = false;
    if (entry.title === '') {
      warnings.push({ file, line: index + 1, message: `${entry.code} has no title: not read as a paper` });
      ignoring = true;
      return;
    }
    current = new EntryBuilder(entry, session, index + 1, file, warnings);
  };
  const multi = (codes: string[], index: number): void => {
    finish();
    ignoring = true;
    warnings.push({
      file,
      line: index + 1,
      message: `line names several papers (${codes.join(', ')}) and no single title: not read as a paper`,
    });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    switch (line.kind) {
      case 'blank':
        current?.blank();
        break;
      case 'entry':
        startEntry(line.entry, i);
        break;
      case 'multi':
        multi(line.codes, i);
        break;
      case 'heading': {
        const role = headingRoles.get(i) ?? 'body';
        if (role === 'title') break;
        if (line.multi) multi(line.multi, i);
        else if (line.entry) startEntry(line.entry, i);
        else if (role === 'paper') startEntry({ code: '', title: cleanTitle(line.text) }, i);
        else if (role === 'session') {
          finish();
          ignoring = false;
          session = cleanTitle(line.text).replace(/:$/, '').trim();
        } else if (current) {
          // A sub-heading inside a paper's note. "### Key idea" makes the next paragraph the answer.
          if (KEY_IDEA_HEADING.test(cleanTitle(line.text))) current.keyIdeaHeading();
          else current.text(cleanTitle(line.text), i + 1, true);
        }
        break;
      }
      case 'text':
        if (hasCodeEntries && isSessionHeader(lines, i, current?.hasText() ?? true)) {
          finish();
          ignoring = false;
          session = cleanTitle(line.text).replace(/:$/, '').trim();
        } else if (current && !ignoring) {
          current.text(line.text, i + 1, false);
        }
        // Otherwise: a preamble, or text between a session header and its first paper.
        break;
    }
  }
  finish();
  return { entries, warnings };
}

// Every blank line is the same line: one object for all of them (a notes file has thousands).
const BLANK: Line = { kind: 'blank' };
const TABS = /\t/g;
const SPACE_RUNS = / {2,}/g;

function classify(raw: string): Line {
  // Tabs and runs of spaces are layout, not content; trailing spaces are invisible. (Each
  // replacement runs only on a line that has something to replace: most have nothing.)
  const line = (raw.includes('\t') ? raw.replace(TABS, ' ') : raw).trimEnd();
  if (line === '') return BLANK;
  const heading = HEADING.exec(line);
  if (heading) {
    const text = withoutClosingHashes(heading[2]!).trim();
    const multi = MULTI_CODE.test(text) ? codesIn(text) : null;
    return { kind: 'heading', level: heading[1]!.length, text, entry: multi ? null : codeEntry(text), multi };
  }
  if (MULTI_CODE.test(line)) return { kind: 'multi', codes: codesIn(line) };
  const entry = codeEntry(line);
  if (entry) return { kind: 'entry', entry };
  const text = line.trim();
  return { kind: 'text', text: text.includes('  ') ? text.replace(SPACE_RUNS, ' ') : text };
}

function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === text.length || (end > 0 && text[end - 1] !== ' ')) return text;
  return text.slice(0, end);
}

function codeEntry(line: string): CodeEntry | null {
  const m = CODE_ENTRY.exec(line);
  if (!m) return null;
  return { code: `C${m[2]}`, title: cleanTitle(m[3]!) };
}

function codesIn(line: string): string[] {
  const head = line.split(/[:–—]| - /)[0] ?? line;
  return (head.match(CODE) ?? []).map((c) => c.toUpperCase());
}

const WRAPPED_IN_EMPHASIS = /^(?:\*\*|__)(.*)(?:\*\*|__)$/;
const EMPHASIS_AT_ENDS = /^(?:\*\*|__)|(?:\*\*|__)$/g;
const WHITESPACE_RUNS = /\s+/g;

function cleanTitle(text: string): string {
  return text.replace(WRAPPED_IN_EMPHASIS, '$1').replace(EMPHASIS_AT_ENDS, '').replace(WHITESPACE_RUNS, ' ').trim();
}

type HeadingRole = 'title' | 'session' | 'paper' | 'body';

/**
 * Decides what each Markdown heading is. A lone top-level heading above the rest is the
 * document's title. With codes ("## C3: Title") papers are the code headings (and uncoded ones
 * at their level with text under them); headings above them are sessions. Without codes, the paper level is the shallowest level whose headings
 * are mostly followed by text (a session heading is followed by a paper heading); shallower
 * headings are sessions, deeper ones are sub-headings inside a note.
 */
function assignHeadingRoles(lines: Line[], hasCodeEntries: boolean): Map<number, HeadingRole> {
  const roles = new Map<number, HeadingRole>();
  const headings: { index: number; level: number; coded: boolean }[] = [];
  lines.forEach((l, index) => {
    if (l.kind === 'heading') headings.push({ index, level: l.level, coded: l.entry !== null || l.multi !== null });
  });
  if (headings.length === 0) return roles;

  const first = headings[0]!;
  const minLevel = Math.min(...headings.map((h) => h.level));
  const firstEntryIndex = lines.findIndex((l) => l.kind === 'entry' || l.kind === 'multi');
  const isDocTitle =
    !first.coded &&
    first.level === minLevel &&
    headings.filter((h) => h.level === minLevel).length === 1 &&
    (headings.length > 1 || hasCodeEntries) &&
    (firstEntryIndex === -1 || first.index < firstEntryIndex);
  if (isDocTitle) roles.set(first.index, 'title');
  const rest = isDocTitle ? headings.slice(1) : headings;

  if (hasCodeEntries) {
    // Papers are the coded headings; an uncoded heading at their level with text under it is a
    // paper too (not every paper gets a code), and one with a paper right under it a session.
    const codedLevels = rest.filter((h) => h.coded).map((h) => h.level);
    const paperLevel = codedLevels.length > 0 ? Math.min(...codedLevels) : Infinity;
    for (const h of rest) {
      const role =
        h.coded || (h.level === paperLevel && nextNonBlank(lines, h.index)?.kind === 'text')
          ? 'paper'
          : h.level <= paperLevel
            ? 'session'
            : 'body';
      roles.set(h.index, role);
    }
    return roles;
  }

  const levels = [...new Set(rest.map((h) => h.level))].sort((a, b) => a - b);
  let paperLevel = levels[levels.length - 1] ?? 1;
  for (const level of levels) {
    const atLevel = rest.filter((h) => h.level === level);
    const followedByText = atLevel.filter((h) => nextNonBlank(lines, h.index)?.kind === 'text').length;
    if (followedByText * 2 >= atLevel.length) {
      paperLevel = level;
      break;
    }
  }
  for (const h of rest) roles.set(h.index, h.level === paperLevel ? 'paper' : h.level < paperLevel ? 'session' : 'body');
  return roles;
}

function nextNonBlank(lines: Line[], index: number): Line | undefined {
  for (let j = index + 1; j < lines.length; j++) if (lines[j]!.kind !== 'blank') return lines[j];
  return undefined;
}

/**
 * A plain line is a session header when it stands alone (blank or nothing around it), is short,
 * reads like a label rather than a sentence, and a paper follows it. The label must end with a
 * colon or name a day, a part of a day or a session: a short body line ("Bi-GAN") just before
 * the next paper is a note, not a header, and so is "Oral" as the only line of a note.
 */
function isSessionHeader(lines: Line[], index: number, noteHasText: boolean): boolean {
  const line = lines[index]!;
  if (line.kind !== 'text') return false;
  const text = line.text.replace(WRAPPED_IN_EMPHASIS, '$1').trim();
  if (text.length > 60 || text.split(' ').length > 8) return false;
  if (BULLET.test(text) || /[.!?…,;]$/.test(text)) return false;
  const before = lines[index - 1];
  if (before && before.kind !== 'blank' && before.kind !== 'heading') return false;
  const after = lines[index + 1];
  if (after && after.kind === 'text') return false;
  const next = nextNonBlank(lines, index);
  const paperFollows = next !== undefined && (next.kind === 'entry' || next.kind === 'multi' || next.kind === 'heading');
  return paperFollows && (text.endsWith(':') || DAY_WORDS.test(text) || (noteHasText && SESSION_WORDS.test(text)));
}

/** Collects one paper's note: paragraphs of lines, and the user's own key idea lifted out. */
class EntryBuilder {
  private paragraphs: string[][] = [];
  private open = false;
  private keyIdea: string | undefined;
  // While set, following lines of the same paragraph continue the key idea ("Key idea:" then text).
  private inKeyIdea: 'line' | 'heading' | null = null;
  private keyIdeaParts: string[] = [];
  private keyIdeaLine = 0;

  constructor(
    private readonly head: CodeEntry,
    private readonly session: string,
    private readonly line: number,
    private readonly file: string,
    private readonly warnings: NoteWarning[],
  ) {}

  blank(): void {
    this.open = false;
    if (this.inKeyIdea === 'line' || (this.inKeyIdea === 'heading' && this.keyIdeaParts.length > 0)) this.endKeyIdea();
  }

  keyIdeaHeading(): void {
    this.endKeyIdea();
    this.inKeyIdea = 'heading';
    this.open = false;
  }

  text(text: string, lineNumber: number, isHeading: boolean): void {
    const keyIdea = isHeading ? null : KEY_IDEA.exec(text);
    if (keyIdea) {
      this.endKeyIdea();
      this.inKeyIdea = 'line';
      this.keyIdeaLine = lineNumber;
      this.keyIdeaParts = [keyIdea[1]!];
      return;
    }
    if (this.inKeyIdea && !(this.inKeyIdea === 'line' && BULLET.test(text)) && !isHeading) {
      this.keyIdeaParts.push(this.inKeyIdea === 'heading' ? text.replace(BULLET, '') : text);
      if (this.inKeyIdea === 'heading') this.keyIdeaLine ||= lineNumber;
      return;
    }
    this.endKeyIdea();
    if (!this.open || isHeading) this.paragraphs.push([]);
    this.paragraphs[this.paragraphs.length - 1]!.push(text);
    this.open = !isHeading;
  }

  hasText(): boolean {
    return this.paragraphs.some((p) => p.length > 0) || this.keyIdeaParts.length > 0 || this.keyIdea !== undefined;
  }

  private endKeyIdea(): void {
    if (!this.inKeyIdea) return;
    const text = stripEmphasis(this.keyIdeaParts.join(' '));
    if (text === '') {
      if (this.inKeyIdea === 'line') {
        this.warnings.push({ file: this.file, line: this.keyIdeaLine, message: 'empty "Key idea:" line: the answer is taken from the note instead' });
      }
    } else if (this.keyIdea === undefined) {
      this.keyIdea = text;
    } else {
      this.warnings.push({ file: this.file, line: this.keyIdeaLine, message: `second key idea for "${this.head.title}": the first one is used` });
    }
    this.inKeyIdea = null;
    this.keyIdeaParts = [];
  }

  build(): NoteEntry {
    this.endKeyIdea();
    const body = this.paragraphs
      .filter((p) => p.length > 0)
      .map((p) => p.join('\n'))
      .join('\n\n');
    const entry: NoteEntry = {
      title: this.head.title,
      body,
      session: this.session,
      code: this.head.code,
      line: this.line,
      file: this.file,
    };
    if (this.keyIdea !== undefined) entry.keyIdea = this.keyIdea;
    return entry;
  }
}

function stripEmphasis(text: string): string {
  return text
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
