// A notes file's text -> its papers, whatever shape it is in. The bundled plain format (lines
// "C12: Title") has its own line reader (plain.ts); Org files are read by org.ts; everything
// else is Markdown, read by markdown-it (markdown.ts). The papers are then read from the
// blocks by shapes.ts, the same way for Markdown and Org.
import { basename, extname } from 'node:path';
import type { NoteEntry, NoteWarning } from '../core/types.js';
import { readMarkdown } from './markdown.js';
import { readOrg } from './org.js';
import { hasCodeEntries, parsePlainNotes } from './plain.js';
import { readPapers, type NotPaper, type Shape } from './shapes.js';

export type { NotPaper, Shape };

export interface ParsedNotes {
  entries: NoteEntry[];
  warnings: NoteWarning[];
  /** What was read as no paper, and why (for `paperdeck inspect`). */
  notPapers: NotPaper[];
  /** The shapes the papers were found in. */
  shapes: Shape[];
  /** How many things in the file look like papers: more of them than entries means papers were missed. */
  paperLike: number;
}

export interface ParseOptions {
  /** The file is one of several in a deck folder (a folder of one-paper notes). */
  inFolder?: boolean;
}

/** Reads a notes file's text into paper entries; `file` is its name in the deck. */
export function parseNotes(text: string, file: string, options: ParseOptions = {}): ParsedNotes {
  const extension = extname(file).toLowerCase();
  if (extension !== '.org' && hasCodeEntries(text)) {
    const { entries, warnings } = parsePlainNotes(text, file);
    return { entries, warnings, notPapers: [], shapes: entries.length ? ['plain'] : [], paperLike: entries.length };
  }
  const doc = extension === '.org' ? readOrg(text) : readMarkdown(text);
  const fileTitle = basename(file, extname(file));
  return readPapers(doc, file, { fileTitle, inFolder: options.inFolder ?? false });
}
