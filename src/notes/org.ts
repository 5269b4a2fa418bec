// Org-mode notes -> blocks (document.ts), for the researchers who keep notes in Emacs:
// `* Title` headings (TODO keywords, priorities and :tags: taken off), property drawers and
// other drawers skipped, `#+TITLE:` and other keywords as metadata, lists (`-`, `+`, `1.`,
// indented `*`), tables, quote and source blocks, and inline *bold*, /italic/, =code=, ~code~,
// [[link][label]], $math$ and LaTeX environments (`\begin{equation}`: an equation set apart).
// Org is line-based, so it is read line by line.
import type { Block, Inline, InlineRun, ListItem, NotesDocument, TableRow } from './document.js';

const HEADING = /^(\*+)[ \t]+(.*)$/;
// "TODO read chapter 3 of the book", "DONE email the authors": a to-do says what to do, in lower
// case after its verb; a paper's title names something ("TODO Attention Is All You Need").
const TASK_VERB =
  '(?:re-?read|read|finish|write|implement|fix|check|look (?:at|into)|try|review|email|ask|send|prepare|submit|update|add|clean|install|watch|buy|call|plan|organi[sz]e|set up|follow up|think about|figure out|find|go through|skim|make|move|merge|reply|rewrite|summari[sz]e|print|download|upload|schedule)';
const TASK = new RegExp(`^${TASK_VERB}\\s+(?!https?:)\\p{Ll}[\\p{Ll}\\p{N}'’-]*(?:\\s|$)`, 'u');
// "TODO read [[url][Attention Is All You Need]]", "TODO read \"BERT: ...\"": a paper to read,
// titled by what follows the verb.
const TITLED_TASK = new RegExp(`^${TASK_VERB}\\s+(?=\\[\\[|["“'‘])`);
const TODO_KEYWORD = /^(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELL?ED|STARTED|READ|READING|TOREAD)\b[ \t]*/;
const PRIORITY = /^\[#[A-Za-z0-9]\][ \t]*/;
const PAPER_TAG = /\s:(?:[\w@#%]+:)*(?:paper|article|reading)(?::[\w@#%]+)*:\s*$/i;
const TAGS = /[ \t]+:[\w@#%:]+:[ \t]*$/;
const KEYWORD = /^[ \t]*#\+([A-Za-z_]+):[ \t]*(.*)$/;
const BLOCK_BEGIN = /^[ \t]*#\+begin_(\w+)/i;
const BLOCK_END = /^[ \t]*#\+end_(\w+)/i;
const DRAWER_BEGIN = /^[ \t]*:([A-Za-z_-]+):[ \t]*$/;
// Planning lines under a heading: "CLOSED: [2018-01-04 Thu 19:34]", "SCHEDULED: <2024-05-01 Wed>".
const PLANNING = /^[ \t]*(?:(?:CLOSED|SCHEDULED|DEADLINE):[ \t]*[[<][^\]>]*[\]>][ \t]*)+$/;
// Org-ref citation links: [[cite:key]], [[citep:key][label]], [[Cite:key]].
const CITATION_LINK = /^cite[a-z]*:/i;
const DRAWER_END = /^[ \t]*:end:[ \t]*$/i;
// "-text" with no space is how some write a list in a hurry; Org itself wants the space.
const LIST_ITEM = /^([ \t]*)(?:[-+]|(?<=^[ \t]+)\*|\d{1,3}[.)])(?:[ \t]+|(?<=^[ \t]*-)(?=\p{L}))(.*)$/u;
const TABLE_LINE = /^[ \t]*\|/;
const TABLE_RULE = /^[ \t]*\|[-+]+\|?[ \t]*$/;
const COMMENT = /^[ \t]*#(?:[ \t]|$)/;

/** Reads Org text into blocks. */
export function readOrg(text: string): NotesDocument {
  const lines = text.split('\n');
  const meta = new Map<string, string>();
  let metaLine: number | null = null;
  const blocks: Block[] = [];
  let paragraph: { lines: string[]; line: number } | null = null;
  let list: { block: Extract<Block, { kind: 'list' }>; indent: number } | null = null;
  let table: Extract<Block, { kind: 'table' }> | null = null;
  let pendingHead: Inline[] | null = null;
  /**
   * The first line after the last drawer opened that closes a drawer or starts a heading
   * (lines.length: none), found once for all drawers before it. A drawer never runs past a
   * heading: one whose ":END:" is missing or mistyped is text, not a drawer that swallows the
   * next paper.
   */
  let drawerEnd = 0;

  const endParagraph = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', inline: orgInline(paragraph.lines.join('\n')), line: paragraph.line });
    paragraph = null;
  };
  const endTable = () => {
    if (table) {
      if (table.head.length === 0 && pendingHead) table.rows.unshift({ cells: pendingHead, line: table.line });
      blocks.push(table);
    }
    table = null;
    pendingHead = null;
  };
  const endList = () => {
    if (list) blocks.push(list.block);
    list = null;
  };
  const endAll = () => {
    endParagraph();
    endTable();
    endList();
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === '') {
      endParagraph();
      endTable();
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      endAll();
      const todo = TODO_KEYWORD.test(heading[2]!);
      let title = heading[2]!.replace(TODO_KEYWORD, '').replace(PRIORITY, '').replace(TAGS, '').trim();
      if (todo) title = title.replace(TITLED_TASK, '');
      const task = todo && TASK.test(title);
      // "** Entailment as Few-Shot Learner :paper:": the note-taker's tag says what it is.
      const paper = PAPER_TAG.test(heading[2]!);
      // A heading that is a citation ("** [[cite:key][Vaswani et al. 2017: Attention ...]]") is titled by it.
      blocks.push({ kind: 'heading', level: heading[1]!.length, inline: orgInline(title, true), line: lineNo, ...(task ? { task } : {}), ...(paper ? { paper } : {}) });
      continue;
    }
    const keyword = KEYWORD.exec(raw);
    if (keyword && !BLOCK_BEGIN.test(raw)) {
      endParagraph();
      if (blocks.length === 0 && !list) {
        meta.set(keyword[1]!.toLowerCase(), keyword[2]!.trim());
        metaLine ??= lineNo;
      }
      continue;
    }
    // "CLOSED: [2018-01-04 Thu 19:34]", "SCHEDULED: <...>": when a task was done or is due.
    if (PLANNING.test(raw)) continue;
    if (DRAWER_BEGIN.test(raw) && !/^[ \t]*:end:/i.test(raw)) {
      // A property drawer or logbook: metadata of the heading above, not notes.
      if (drawerEnd <= i) for (drawerEnd = i + 1; drawerEnd < lines.length && !DRAWER_END.test(lines[drawerEnd]!) && !HEADING.test(lines[drawerEnd]!); ) drawerEnd++;
      const end = drawerEnd < lines.length && DRAWER_END.test(lines[drawerEnd]!) ? drawerEnd : -1;
      if (end > i) {
        i = end;
        continue;
      }
    }
    const begin = BLOCK_BEGIN.exec(raw);
    if (begin) {
      endAll();
      const kind = begin[1]!.toLowerCase();
      let end = i + 1;
      while (end < lines.length && !BLOCK_END.test(lines[end]!)) end++;
      const body = lines.slice(i + 1, end).join('\n');
      if (kind === 'quote' || kind === 'verse' || kind === 'center') {
        blocks.push({ kind: 'quote', blocks: [{ kind: 'paragraph', inline: orgInline(body), line: lineNo + 1 }], line: lineNo });
      } else {
        blocks.push({ kind: 'code', text: body, line: lineNo });
      }
      i = end;
      continue;
    }
    if (COMMENT.test(raw)) continue;
    if (TABLE_LINE.test(raw)) {
      endParagraph();
      endList();
      if (TABLE_RULE.test(raw)) {
        if (table && table.head.length === 0 && pendingHead) {
          table.head = pendingHead;
          pendingHead = null;
        }
        continue;
      }
      const cells = raw.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => orgInline(cell.trim()));
      if (!table) {
        table = { kind: 'table', head: [], rows: [], line: lineNo };
        pendingHead = cells;
        continue;
      }
      if (pendingHead && table.head.length === 0) {
        table.rows.push({ cells: pendingHead, line: table.line });
        pendingHead = null;
      }
      table.rows.push({ cells, line: lineNo } satisfies TableRow);
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      endParagraph();
      endTable();
      const indent = item[1]!.replace(/\t/g, '    ').length;
      const text = item[2]!.replace(/^\[[ Xx-]\][ \t]*/, '').replace(/^(.*?)[ \t]+::[ \t]+/, '$1: ');
      const entry: ListItem = { blocks: [{ kind: 'paragraph', inline: orgInline(text), line: lineNo }], line: lineNo };
      if (!list) list = { block: { kind: 'list', ordered: /^\s*\d/.test(raw), items: [], line: lineNo }, indent };
      if (indent > list.indent && list.block.items.length > 0) {
        nest(list.block.items[list.block.items.length - 1]!, entry, indent - list.indent);
      } else {
        list.block.items.push(entry);
      }
      continue;
    }
    if (list && /^[ \t]+\S/.test(raw)) {
      // A continued list item: its text joins the item's paragraph.
      const last = lastParagraph(list.block.items[list.block.items.length - 1]!);
      if (last) {
        last.inline.push({ kind: 'break' }, ...orgInline(raw.trim()));
        continue;
      }
    }
    endList();
    endTable();
    if (paragraph) paragraph.lines.push(raw.trim());
    else paragraph = { lines: [raw.trim()], line: lineNo };
  }
  endAll();
  return { blocks, meta, metaLine };
}

/** Puts `entry` into the deepest list of `parent` that its indentation reaches. */
function nest(parent: ListItem, entry: ListItem, depth: number): void {
  const last = parent.blocks[parent.blocks.length - 1];
  if (last?.kind === 'list') {
    const inner = last.items[last.items.length - 1];
    if (depth > 2 && inner) nest(inner, entry, depth - 2);
    else last.items.push(entry);
    return;
  }
  parent.blocks.push({ kind: 'list', ordered: false, items: [entry], line: entry.line });
}

function lastParagraph(item: ListItem): Extract<Block, { kind: 'paragraph' }> | null {
  const last = item.blocks[item.blocks.length - 1];
  if (last?.kind === 'paragraph') return last;
  if (last?.kind === 'list') return lastParagraph(last.items[last.items.length - 1]!);
  return null;
}

// Org's inline markup: links first (their labels may hold markup), then emphasis, which must
// sit between a space or punctuation and the text it wraps.
const INLINE =
  /\[\[([^\][]{1,2000})\](?:\[([^\][]{0,500})\])?\]|(?<=^|[\s('"{-])([*/_+=~])(?=\S)([^\n]{0,500}?\S)\3(?=$|[\s.,;:!?)'"}\-])|\$([^$\s](?:[^$\n]{0,500}[^$\s])?)\$|\\\((.{1,500}?)\\\)|\\begin\{([a-zA-Z]+\*?)\}([^]{0,2000}?)\\end\{\7\}|\\\[([^]{1,2000}?)\\\]/g;

const IMAGE_LINK = /^(?:file:|https?:\/\/|\.{0,2}\/)?[^\s]*\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?)$/i;

function orgInline(text: string, citationLabels = false): Inline {
  const runs: Inline = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index! > at) pushText(runs, text.slice(at, m.index));
    if (m[1] !== undefined) {
      const label = m[2] ?? '';
      // [[cite:key][Liu et al. 2017: Title]]: a citation (org-ref), whose label repeats the title and authors.
      const citation = !citationLabels && CITATION_LINK.test(m[1]!);
      // [[file:images/figure.png]]: Org shows a link to an image without a label as the image.
      if (!label && IMAGE_LINK.test(m[1]!)) runs.push({ kind: 'image', alt: '' });
      else runs.push({ kind: 'link', href: m[1], children: citation ? [] : label ? orgInline(label) : [{ kind: 'text', text: m[1] }] });
    } else if (m[3] !== undefined) {
      const marker = m[3];
      const inner = m[4]!;
      let run: InlineRun;
      if (marker === '=' || marker === '~') run = { kind: 'code', text: inner };
      else if (marker === '*') run = { kind: 'strong', children: orgInline(inner) };
      else if (marker === '+') run = { kind: 'strike', children: orgInline(inner) };
      else run = { kind: 'em', children: orgInline(inner) };
      runs.push(run);
    } else if (m[5] !== undefined || m[6] !== undefined) {
      runs.push({ kind: 'math', text: m[5] ?? m[6]! });
    } else {
      // A LaTeX environment or \[ ... \]: an equation set apart, as $$ ... $$ in Markdown.
      runs.push({ kind: 'math', text: m[8] ?? m[9] ?? '', display: true });
    }
    at = m.index! + m[0].length;
  }
  if (at < text.length) pushText(runs, text.slice(at));
  return runs;
}

function pushText(runs: Inline, text: string): void {
  const parts = text.split('\n');
  parts.forEach((part, i) => {
    if (i > 0) runs.push({ kind: 'break' });
    if (part) runs.push({ kind: 'text', text: part });
  });
}
