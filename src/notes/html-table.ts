// An HTML <table> in a Markdown file -> a table block (document.ts), as a GFM table is read:
// blogs and READMEs keep their papers in one when a cell must hold a list ("<td><li>Morsels are
// small fragments of input</li>...</td>"), which GFM's one-line rows cannot. Each row keeps the
// line of its <tr>, so that a paper read from it is named by file:line.
import type { Block, Inline, InlineRun, TableRow } from './document.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

// A comment, a tag, or text up to the next "<". (A tag's attributes stop at the next "<" or
// ">", and at 1,000 characters: a stray "<a" in a long cell is text, read once, not a scan to
// the end of the table from every "<".)
const PART = /<!--[^]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]{0,1000})>|[^<]+|</g;
// Tags that end a line of a cell's text: its list items, paragraphs and breaks.
const LINE_TAGS = new Set(['br', 'li', 'p', 'div', 'ul', 'ol', 'tr', 'dd', 'dt']);
const CONTAINERS: Record<string, 'strong' | 'em' | 'strike'> = { b: 'strong', strong: 'strong', i: 'em', em: 'em', s: 'strike', del: 'strike', strike: 'strike' };
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/**
 * The table an HTML text opens with (`<table> ... </table>`), `line` being the line of its first
 * character; null when it holds no row. Tables nested in a cell are read as that cell's text.
 */
export function readHtmlTable(html: string, line: number): TableBlock | null {
  const head: Inline[] = [];
  const rows: TableRow[] = [];
  let depth = 0;
  let inHead = false;
  let row: { cells: Inline[]; line: number; allHeaders: boolean } | null = null;
  /** The open cell's runs, innermost container last; null outside a cell. */
  let stack: Inline[] | null = null;
  let code: { text: string } | null = null;
  let linesBefore = 0;
  let counted = 0;
  const lineAt = (index: number) => {
    for (let at = html.indexOf('\n', counted); at >= 0 && at < index; at = html.indexOf('\n', at + 1)) linesBefore++;
    counted = index;
    return line + linesBefore;
  };
  const top = () => stack![stack!.length - 1]!;
  const lineBreak = () => {
    const runs = top();
    const last = runs[runs.length - 1];
    if (runs.length > 0 && last?.kind !== 'break') runs.push({ kind: 'break' });
  };
  const closeCell = () => {
    if (stack === null || row === null) return;
    row.cells.push(trimBreaks(stack[0]!));
    stack = null;
    code = null;
  };
  const closeRow = () => {
    closeCell();
    if (row === null) return;
    if (inHead || (head.length === 0 && rows.length === 0 && row.allHeaders && row.cells.length > 0)) head.push(...row.cells);
    else if (row.cells.length > 0) rows.push({ cells: row.cells, line: row.line });
    row = null;
  };

  for (const m of html.matchAll(PART)) {
    const part = m[0];
    if (part.startsWith('<!--')) continue;
    const name = m[2]?.toLowerCase();
    if (name === undefined) {
      // Text: in a cell, its words (the source's line breaks and indents are no breaks of it).
      if (stack === null) continue;
      const text = decodeEntities(part).replace(/\s+/g, ' ');
      if (code !== null) {
        code.text += text;
        continue;
      }
      const runs = top();
      const last = runs[runs.length - 1];
      const lineStart = last === undefined || last.kind === 'break' || (last.kind === 'text' && last.text === '• ');
      if (text === ' ' && lineStart) continue;
      runs.push({ kind: 'text', text: lineStart ? text.trimStart() : text });
      continue;
    }
    const closing = m[1] === '/';
    if (name === 'table') {
      depth += closing ? -1 : 1;
      if (depth === 0) break;
      continue;
    }
    if (depth === 0) continue;
    if (depth === 1 && name === 'thead') {
      if (closing) closeRow();
      inHead = !closing;
      continue;
    }
    if (depth === 1 && name === 'tr') {
      closeRow();
      if (!closing) row = { cells: [], line: lineAt(m.index!), allHeaders: true };
      continue;
    }
    if (depth === 1 && (name === 'td' || name === 'th')) {
      closeCell();
      if (closing) continue;
      row ??= { cells: [], line: lineAt(m.index!), allHeaders: true };
      if (name === 'td') row.allHeaders = false;
      stack = [[]];
      continue;
    }
    if (stack === null) continue;
    if (name === 'code') {
      if (!closing) {
        code = { text: '' };
      } else if (code !== null) {
        top().push({ kind: 'code', text: code.text.trim() });
        code = null;
      }
      continue;
    }
    if (code !== null) continue;
    if (LINE_TAGS.has(name)) {
      lineBreak();
      // A list item is a line of its own, marked as a GFM cell's bullet is ("• ..."): one point.
      if (name === 'li' && !closing) top().push({ kind: 'text', text: '• ' });
      continue;
    }
    if (name === 'img' && !closing) {
      top().push({ kind: 'image', alt: attribute(m[3] ?? '', 'alt') ?? '' });
      continue;
    }
    const container = name === 'a' ? 'link' : CONTAINERS[name];
    if (container === undefined) continue;
    if (closing) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const children: Inline = [];
    const run: InlineRun = container === 'link' ? { kind: 'link', href: attribute(m[3] ?? '', 'href') ?? '', children } : { kind: container, children };
    top().push(run);
    stack.push(children);
  }
  closeRow();
  return rows.length === 0 ? null : { kind: 'table', head, rows, line };
}

/** A cell's runs without the breaks and spaces its markup left at either end. */
function trimBreaks(runs: Inline): Inline {
  let start = 0;
  let end = runs.length;
  const blank = (run: InlineRun) => run.kind === 'break' || (run.kind === 'text' && run.text.trim() === '');
  while (start < end && blank(runs[start]!)) start++;
  while (end > start && blank(runs[end - 1]!)) end--;
  return runs.slice(start, end);
}
