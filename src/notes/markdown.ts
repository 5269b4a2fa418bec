// Markdown notes -> blocks (document.ts), read by markdown-it: CommonMark with GFM tables and
// strikethrough, HTML seen as HTML, and `$...$` LaTeX kept whole (a small inline rule below),
// so that `$a_1 * b_2$` is not read as emphasis. Block tokens carry their source lines.
import MarkdownIt from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import type { Block, Inline, InlineRun, ListItem, NotesDocument, TableRow } from './document.js';
import { readHtmlTable } from './html-table.js';

let parser: ReturnType<typeof MarkdownIt> | null = null;

function markdownIt(): ReturnType<typeof MarkdownIt> {
  if (parser) return parser;
  parser = MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Indented text in notes is a continued thought far more often than a code sample; fenced
  // code stays code.
  parser.disable('code');
  parser.inline.ruler.before('escape', 'math', mathRule);
  parser.inline.ruler.before('link', 'wikilink', wikilinkRule);
  return parser;
}

/** Longest `[[...]]` looked for: a stray `[[` must not scan the rest of a file. */
const MAX_WIKILINK = 500;

/**
 * Obsidian's (and Logseq's, Foam's) links between notes: `[[Note]]`, `[[Note|label]]`,
 * `[[Note#Heading]]`, and embeds `![[figure.png]]`. A link is its label, or the note's name;
 * an embed is an image.
 */
function wikilinkRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  let start = state.pos;
  const embed = src.charCodeAt(start) === 0x21; /* ! */
  if (embed) start++;
  if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5b) return false;
  const close = src.slice(start + 2, start + 2 + MAX_WIKILINK).indexOf(']]');
  if (close < 0) return false;
  const end = start + 2 + close;
  const inner = src.slice(start + 2, end);
  if (inner === '' || /[[\]\n]/.test(inner)) return false;
  // "[[pdf]](https://...)": a Markdown link in brackets, not a link to a note named "pdf".
  if (src.charCodeAt(end + 2) === 0x28 /* ( */) return false;
  if (!silent) {
    const bar = inner.indexOf('|');
    const target = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    // ("[[authors/Hideo Ohno]]" reads as the note's name, "Hideo Ohno", not its folder's path.)
    const label = bar < 0 ? target.replace(/#.*$/, '').replace(/^.*\//, '') : inner.slice(bar + 1).trim();
    if (embed) {
      state.push('image', 'img', 0).content = label;
    } else {
      state.push('link_open', 'a', 1).attrSet('href', target);
      state.push('text', '', 0).content = label;
      state.push('link_close', 'a', -1);
    }
  }
  state.pos = end + 2;
  return true;
}

/** Longest `$...$` looked for: a lone dollar ("$5 and up") must not scan the rest of a file. */
const MAX_MATH = 1000;

function mathRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(start + 1) === 0x24;
  const marker = display ? '$$' : '$';
  const from = start + marker.length;
  const first = src.charCodeAt(from);
  if (!display && (Number.isNaN(first) || first === 0x20 || first === 0x09 || first === 0x0a)) return false;
  const window = src.slice(from, from + MAX_MATH);
  let end = window.indexOf(marker);
  while (end > 0 && window.charCodeAt(end - 1) === 0x5c /* \ */) end = window.indexOf(marker, end + 1);
  if (end <= 0) return false;
  if (!display) {
    // "$5 and $10" is money: a closing dollar after a space, or before a digit, closes nothing.
    const before = window.charCodeAt(end - 1);
    const after = src.charCodeAt(from + end + 1);
    if (before === 0x20 || before === 0x0a || (after >= 0x30 && after <= 0x39)) return false;
  }
  if (!silent) {
    const token = state.push('math_inline', '', 0);
    token.content = window.slice(0, end);
    token.markup = marker;
  }
  state.pos = from + end + marker.length;
  return true;
}

const DETAILS = /^\s*<details\b/i;
const HTML_TABLE = /^\s*<table\b/i;
const HTML_TABLE_CLOSE = /<\/table\s*>/gi;

/** The text of a <details> block: its <summary> label and every tag left out. */
function foldedText(html: string): string {
  return html
    .replace(/<summary\b[^>]*>[^]*?<\/summary\s*>/gi, ' ')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const META_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;
// Hugo's TOML front matter: "+++", 'title = "..."' lines (and "# comments"), "+++".
const TOML_FENCE = /^\+\+\+[ \t]*$/;
const TOML_LINE = /^([A-Za-z][\w-]*)[ \t]*=[ \t]*(.*)$/;
/** Front matter longer than this is not front matter but a rule followed by text. */
const MAX_FRONT_MATTER_LINES = 200;

/**
 * YAML front matter's simple `key: value` lines (title, authors, tags...), and the text with
 * the front matter blanked out, line for line, so that lines keep their numbers.
 */
export function splitFrontMatter(text: string): { meta: Map<string, string>; body: string; found: boolean } {
  const meta = new Map<string, string>();
  const toml = text.startsWith('+++');
  if (!toml && !text.startsWith('---')) return { meta, body: text, found: false };
  const lines = text.split('\n', MAX_FRONT_MATTER_LINES + 2);
  if (!(toml ? TOML_FENCE : FRONT_MATTER_OPEN).test(lines[0]!)) return { meta, body: text, found: false };
  const close = lines.findIndex((line, i) => i > 0 && (toml ? TOML_FENCE : FRONT_MATTER_CLOSE).test(line));
  if (close < 0) return { meta, body: text, found: false };
  for (const line of lines.slice(1, close)) {
    const m = (toml ? TOML_LINE : META_LINE).exec(line);
    if (m) meta.set(m[1]!.toLowerCase(), unquote(m[2]!.trim()));
  }
  let offset = 0;
  for (let i = 0; i <= close; i++) offset = text.indexOf('\n', offset) + 1 || text.length;
  return { meta, body: '\n'.repeat(close + 1) + text.slice(offset), found: true };
}

// (A key has no spaces: "[7/10][They are independent]" is a rating and a summary in brackets.)
const UNDEFINED_REFERENCE_LINK = /\[(?![\d?.\s]*\/\s*\d+\])([^[\]\n]{1,200})\]\[[^[\]\s]{0,100}\]/g;

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  if (!m) return value;
  // A double-quoted YAML string spells a line break "\n" ("Use a non-Markovian\r diffusion"): a space.
  return m[1] === '"' ? m[2]!.replace(/\\[nrt]/g, ' ').replace(/\\(["\\])/g, '$1') : m[2]!;
}

// A YAML line: "key: value", "key:", "- key: value", or one indented under such a line.
const YAML_LINE = /^(?:[ \t]*-[ \t]+)?[A-Za-z][\w-]*[ \t]*:(?:[ \t]|$)|^[ \t]+\S|^[ \t]*-[ \t]+\S/;
const PANDOC_KEY = /^(?:-[ \t]+)?(?:references|title|subtitle|author|authors|id|type|bibliography|nocite|header-includes|date|keywords|abstract|lang|citation-style|csl|link-citations)[ \t]*:/i;
/** A metadata block longer than this is a rule followed by text, not metadata. */
const MAX_METADATA_LINES = 400;

/**
 * The text with Pandoc's YAML metadata blocks further down blanked out, line for line: a `---`
 * line after a blank one, YAML lines, and `...` (or `---` when every line between is YAML).
 * Notes written for Pandoc keep a paper's citation there ("references: - id: ... title: ..."):
 * data for a bibliography, no part of the note.
 */
function blankMetadataBlocks(text: string): string {
  if (!text.includes('\n---')) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 1; i < lines.length - 1; i++) {
    if (!FRONT_MATTER_OPEN.test(lines[i]!) || lines[i - 1]!.trim() !== '' || !/^(?:-[ \t]+)?[A-Za-z][\w-]*[ \t]*:/.test(lines[i + 1]!)) continue;
    let end = -1;
    for (let j = i + 1; j < lines.length && j <= i + MAX_METADATA_LINES; j++) {
      const line = lines[j]!;
      if (/^\.\.\.[ \t]*$/.test(line) || (FRONT_MATTER_OPEN.test(line) && j > i + 1)) {
        end = j;
        break;
      }
      if (!YAML_LINE.test(line)) break;
    }
    // Closed by "---", it is YAML only when it opens with a key Pandoc reads: "---", "Summary:
    // ...", "---" around a note's paragraph is a note set off by rules.
    if (end < 0 || (!/^\.\.\./.test(lines[end]!) && !PANDOC_KEY.test(lines[i + 1]!))) continue;
    for (let j = i; j <= end; j++) lines[j] = '';
    changed = true;
    i = end;
  }
  return changed ? lines.join('\n') : text;
}

/** Reads Markdown text into blocks. */
export function readMarkdown(text: string): NotesDocument {
  const { meta, body, found } = splitFrontMatter(text);
  const blocks: Block[] = [];
  for (const part of parts(blankMetadataBlocks(headingsWithoutSpace(titleHeadingWithoutSpace(body))))) {
    const tokens = markdownIt().parse(part.text, {});
    for (const block of new BlockReader(tokens, part.line, part.text).blocks(tokens.length)) blocks.push(block);
  }
  return { blocks, meta, metaLine: found ? 1 : null };
}

/**
 * "#Attention Is All You Need" or "#[Title](url)" as a file's first line: a title heading whose
 * space after "#" was left out, which CommonMark reads as a paragraph (and the note's "## Method"
 * and "## Results" as papers of their own). Read as the heading it is meant to be. ("#nlp
 * #transformers", a line of tags, is left alone: a title has a space between words that do not
 * all start with "#".)
 */
function titleHeadingWithoutSpace(text: string): string {
  const m = FIRST_LINE_HEADING.exec(text);
  if (m === null) return text;
  const [, space, marks, rest] = m as unknown as [string, string, string, string];
  const titled = /\s/.test(rest.trim()) || rest.startsWith('[');
  if (!titled || TAGS_LINE.test(marks + rest)) return text;
  const at = space.length + marks.length;
  return `${text.slice(0, at)} ${text.slice(at)}`;
}

const FIRST_LINE_HEADING = /^(\s*)(#{1,6})([^\s#][^\n]*)/;

/**
 * "####Notes", "####Summary" over a note's parts: headings whose space after the marks was left
 * out, which CommonMark reads as text ("####Notes." opened the backs). Two marks or more and a
 * letter after them are read as the heading meant. (One mark and a word is a tag, "#nlp"; in a
 * code block the line stays code, a space or not.)
 */
function headingsWithoutSpace(text: string): string {
  return HEADING_WITHOUT_SPACE.test(text) ? text.replace(MARKS_THEN_LETTER, '$1 ') : text;
}

const HEADING_WITHOUT_SPACE = /(?:^|\n)[ \t]{0,3}#{2,6}\p{L}/u;
const MARKS_THEN_LETTER = /^([ \t]{0,3}#{2,6})(?=\p{L})/gmu;
const TAGS_LINE = /^#\S+(?:\s+#\S+)*\s*$/;

/** Text read by markdown-it at a time, at least: a large file is read in parts of about this size. */
const PART_CHARS = 64 * 1024;
// What may keep a block open across a blank line and a heading, or tie one part of a file to
// another: code fences, HTML blocks that end at a marker (comments, <pre>, <script>...), and link
// reference definitions. Text with any of these is read whole.
const SPANS_PARTS = /```|~~~|\]:|<(?:script|pre|style|textarea|!|\?)|\r/i;
// A heading at the start of a line, after a blank line: every block before it has ended there.
const PART_START = /\n[ \t]*\n(?=#{1,6}(?:[ \t]|\n|$))/g;

/**
 * A Markdown text in parts that read as the whole does, each with the number of lines before it:
 * split before headings that follow a blank line. markdown-it's tokens for a whole large file
 * (some 340,000 for 10,000 papers under headings) live until all are read, and collecting them
 * cost more than making them; a part's are gone once its blocks are.
 */
function parts(text: string): { text: string; line: number }[] {
  if (text.length < 2 * PART_CHARS || SPANS_PARTS.test(text)) return [{ text, line: 0 }];
  const out: { text: string; line: number }[] = [];
  let start = 0;
  let line = 0;
  PART_START.lastIndex = PART_CHARS;
  for (let m = PART_START.exec(text); m !== null; m = PART_START.exec(text)) {
    const end = m.index + m[0].length;
    const part = text.slice(start, end);
    out.push({ text: part, line });
    line += countLines(part);
    start = end;
    PART_START.lastIndex = end + PART_CHARS;
  }
  out.push({ text: text.slice(start), line });
  return out;
}

function countLines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

class BlockReader {
  private at = 0;
  /** Where each line of the source starts, once an HTML table asks (lineStarts()). */
  private starts: number[] | null = null;
  /** From here on the source holds no `</table>`; before this, no table (see htmlTable). */
  private noTableCloseFrom = Infinity;
  private noTableUntil = -1;

  constructor(
    private readonly tokens: Token[],
    /** Lines of the file before the text the tokens were read from. */
    private readonly linesBefore = 0,
    /** The text the tokens were read from: an HTML table is read from it whole. */
    private readonly source = '',
  ) {}

  /** Blocks until the token at `end` (exclusive), or until a closing token of the enclosing block. */
  blocks(end: number): Block[] {
    const out: Block[] = [];
    while (this.at < end) {
      const token = this.tokens[this.at]!;
      if (token.nesting === -1) return out; // the enclosing block's close: the caller takes it
      const block = this.block(token);
      if (block) out.push(block);
    }
    return out;
  }

  private block(token: Token): Block | null {
    const line = this.lineOf(token);
    switch (token.type) {
      case 'heading_open': {
        const inline = this.inlineAfter();
        this.skipClose();
        return { kind: 'heading', level: Number(token.tag.slice(1)), inline, line };
      }
      case 'paragraph_open': {
        const inline = this.inlineAfter();
        this.skipClose();
        return { kind: 'paragraph', inline, line };
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        this.at++;
        const items: ListItem[] = [];
        while (this.at < this.tokens.length && this.tokens[this.at]!.type === 'list_item_open') {
          const item = this.tokens[this.at]!;
          this.at++;
          items.push({ blocks: this.blocks(this.tokens.length), line: this.lineOf(item) });
          this.at++; // list_item_close
        }
        this.at++; // list close
        return { kind: 'list', ordered: token.type === 'ordered_list_open', items, line };
      }
      case 'blockquote_open': {
        this.at++;
        const blocks = this.blocks(this.tokens.length);
        this.at++;
        return { kind: 'quote', blocks, line };
      }
      case 'table_open':
        return this.table(line);
      case 'fence':
      case 'code_block':
        this.at++;
        return { kind: 'code', text: token.content, line };
      case 'html_block': {
        if (HTML_TABLE.test(token.content)) {
          const table = this.htmlTable(token);
          if (table) return table;
        }
        this.at++;
        // "<details><summary>Idea</summary>" and the text folded under it: the text is the note's.
        const folded = DETAILS.test(token.content) ? foldedText(token.content) : '';
        return folded === '' ? { kind: 'html', text: token.content, line } : { kind: 'paragraph', inline: [{ kind: 'text', text: folded }], line };
      }
      case 'hr':
        this.at++;
        return { kind: 'rule', line };
      default:
        this.at++;
        return null;
    }
  }

  private table(line: number): Block {
    const head: Inline[] = [];
    const rows: TableRow[] = [];
    let row: TableRow | null = null;
    let inHead = false;
    for (this.at++; this.at < this.tokens.length; this.at++) {
      const token = this.tokens[this.at]!;
      if (token.type === 'table_close') break;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open' && !inHead) {
        row = { cells: [], line: this.lineOf(token) };
        rows.push(row);
      } else if (token.type === 'inline') {
        const cell = readInline(token.children ?? []);
        if (inHead) head.push(cell);
        else row?.cells.push(cell);
      }
    }
    this.at++;
    return { kind: 'table', head, rows, line };
  }

  /**
   * The HTML table an html_block opens, read from the source to its `</table>`: a blank line
   * inside it ends markdown-it's block, and the rest would read as indented code. The blocks
   * markdown-it made of that rest are passed over. Null when it closes nowhere or holds no row.
   */
  private htmlTable(token: Token): Block | null {
    const starts = this.lineStarts();
    const first = token.map![0];
    const from = starts[first]!;
    // (Each text is searched and read once: a "<table>" after one that closes nowhere closes
    // nowhere either, and one opened inside text already read as no table is none.)
    if (from >= this.noTableCloseFrom || from < this.noTableUntil) return null;
    HTML_TABLE_CLOSE.lastIndex = from;
    const close = HTML_TABLE_CLOSE.exec(this.source);
    if (close === null) {
      this.noTableCloseFrom = from;
      return null;
    }
    const end = close.index + close[0].length;
    const table = readHtmlTable(this.source.slice(from, end), first + 1 + this.linesBefore);
    if (table === null) {
      this.noTableUntil = end;
      return null;
    }
    let lastLine = first;
    while (lastLine + 1 < starts.length && starts[lastLine + 1]! <= close.index) lastLine++;
    this.at++;
    // (Blocks at this level only: a container's close ends them.)
    while (this.at < this.tokens.length) {
      const next = this.tokens[this.at]!;
      if (next.nesting === -1 || next.map === null || next.map[0] > lastLine) break;
      this.skipBlock();
    }
    return table;
  }

  /** Moves past the block the token at `at` opens, its inner tokens and close. */
  private skipBlock(): void {
    let depth = 0;
    do {
      depth += this.tokens[this.at]!.nesting;
      this.at++;
    } while (depth > 0 && this.at < this.tokens.length);
  }

  private lineStarts(): number[] {
    if (this.starts === null) {
      this.starts = [0];
      for (let at = this.source.indexOf('\n'); at >= 0; at = this.source.indexOf('\n', at + 1)) this.starts.push(at + 1);
    }
    return this.starts;
  }

  /** A block token's line in the file. */
  private lineOf(token: Token): number {
    return token.map ? token.map[0] + 1 + this.linesBefore : 1;
  }

  private inlineAfter(): Inline {
    this.at++;
    const token = this.tokens[this.at];
    if (token?.type !== 'inline') return [];
    this.at++;
    return readInline(token.children ?? []);
  }

  private skipClose(): void {
    if (this.tokens[this.at]?.nesting === -1) this.at++;
  }
}

const CONTAINER_OPEN: Record<string, 'strong' | 'em' | 'strike' | 'link'> = {
  strong_open: 'strong',
  em_open: 'em',
  s_open: 'strike',
  link_open: 'link',
};

/** markdown-it's inline tokens -> runs, nesting emphasis and links. */
function readInline(tokens: Token[]): Inline {
  const root: Inline = [];
  const stack: Inline[] = [root];
  const top = () => stack[stack.length - 1]!;
  /** <a> tags opened and not yet closed. */
  let htmlLinks = 0;
  /** Inside <summary>...</summary>: the label of a <details> widget ("Idea", "Show"), no text of the note. */
  let inSummary = false;
  for (const token of tokens) {
    if (inSummary) {
      if (token.type === 'html_inline' && /^<\/summary\s*>$/i.test(token.content)) inSummary = false;
      continue;
    }
    const container = CONTAINER_OPEN[token.type];
    if (container) {
      const children: Inline = [];
      const run: InlineRun =
        container === 'link' ? { kind: 'link', href: String(token.attrGet('href') ?? ''), children } : { kind: container, children };
      top().push(run);
      stack.push(children);
      continue;
    }
    switch (token.type) {
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'text':
        // "[Spec#][barnett:cassis:2004]": a reference link whose definition is elsewhere (a
        // site's shared list of links) stays text in CommonMark; its label is what it says.
        top().push({ kind: 'text', text: token.content.includes('][') ? token.content.replace(UNDEFINED_REFERENCE_LINK, '$1') : token.content });
        break;
      case 'code_inline':
        top().push({ kind: 'code', text: token.content });
        break;
      case 'math_inline':
        top().push(token.markup === '$$' ? { kind: 'math', text: token.content, display: true } : { kind: 'math', text: token.content });
        break;
      case 'softbreak':
      case 'hardbreak':
        top().push({ kind: 'break' });
        break;
      case 'html_inline': {
        // <a href="...">Paper</a>: a link, its text the label, as [Paper](...) would be.
        const anchor = /^<a\b[^>]*?(?:\bhref\s*=\s*["']?([^"'\s>]*))?[^>]*>$/i.exec(token.content);
        if (anchor) {
          const children: Inline = [];
          top().push({ kind: 'link', href: anchor[1] ?? '', children });
          stack.push(children);
          htmlLinks++;
        } else if (/^<summary\b[^>]*>$/i.test(token.content) && tokens.some((t) => t.type === 'html_inline' && /^<\/summary\s*>$/i.test(t.content))) {
          inSummary = true;
        } else if (/^<\/a\s*>$/i.test(token.content) && htmlLinks > 0) {
          if (stack.length > 1) stack.pop();
          htmlLinks--;
        } else {
          top().push(/^<br\s*\/?>$/i.test(token.content) ? { kind: 'break' } : { kind: 'html', text: token.content });
        }
        break;
      }
      case 'image':
        top().push({ kind: 'image', alt: token.content });
        break;
      default:
        if (token.content) top().push({ kind: 'text', text: token.content });
    }
  }
  return root;
}
