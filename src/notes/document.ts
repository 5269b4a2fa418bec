// A notes file as blocks: what the Markdown reader (markdown.ts, on markdown-it) and the Org
// reader (org.ts) both give, and what shapes.ts reads papers from. Lines are 1-based lines of
// the file, so that every paper and every part read as no paper can be named by file:line.

/** Inline content: text with its emphasis, links and breaks, as the parser saw them. */
export type Inline = InlineRun[];

export type InlineRun =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'strike'; children: Inline }
  | { kind: 'link'; href: string; children: Inline }
  | { kind: 'code'; text: string }
  /** `$...$` or `\(...\)`: LaTeX, shown readably (latex.ts); `$$...$$` (display) an equation set apart, not shown. */
  | { kind: 'math'; text: string; display?: boolean }
  | { kind: 'html'; text: string }
  | { kind: 'image'; alt: string }
  /** A line break inside a paragraph or a table cell (`<br>`). */
  | { kind: 'break' };

export type Block =
  /** `task`: an Org to-do written as one ("* TODO read chapter 3"), not a paper's title. */
  | { kind: 'heading'; level: number; inline: Inline; line: number; task?: boolean; paper?: boolean }
  | { kind: 'paragraph'; inline: Inline; line: number }
  | { kind: 'list'; ordered: boolean; items: ListItem[]; line: number }
  | { kind: 'quote'; blocks: Block[]; line: number }
  | { kind: 'table'; head: Inline[]; rows: TableRow[]; line: number }
  | { kind: 'code'; text: string; line: number }
  | { kind: 'html'; text: string; line: number }
  | { kind: 'rule'; line: number };

export interface ListItem {
  blocks: Block[];
  line: number;
}

export interface TableRow {
  cells: Inline[];
  line: number;
}

export interface NotesDocument {
  blocks: Block[];
  /** `key: value` pairs of YAML front matter (Markdown) or `#+KEY:` lines (Org), keys in lower case. */
  meta: Map<string, string>;
  /** Line of the front matter, when there is one (inspect names it as read and not a paper). */
  metaLine: number | null;
  /** Line of a title given as a field of the notes ("## Title:" over it), not in front matter. */
  titleLine?: number;
}
