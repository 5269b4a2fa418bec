// How paperdeck reads a notes file or deck, for `paperdeck inspect`: each paper with its
// file:line and the answer its card would show (or why it is skipped), each part read as no
// paper with why, and the shapes recognised. Pure, and writes nothing: users run it before
// `paperdeck new`, and whenever a deck has fewer cards than they expected.
import type { NoteWarning } from '../core/types.js';
import type { NotPaper, Shape } from '../notes/parse.js';
import { readDeckNotes, type NotesInput } from './generate.js';
import { extractKeyIdea } from './key-idea.js';

export type InspectedPaper = { title: string; file: string; line: number; session: string } & ({ answer: string } | { skip: string });

export interface InspectReport {
  /** The shapes papers were found in, joined ("headings + table rows"), or "none". */
  shape: string;
  files: { file: string; shapes: Shape[]; papers: number; paperLike: number }[];
  papers: InspectedPaper[];
  notPapers: NotPaper[];
  warnings: NoteWarning[];
}

export function inspectNotes(files: readonly NotesInput[]): InspectReport {
  const { readings, warnings } = readDeckNotes(files, { pointAtInspect: false });
  const shapes = new Set<Shape>();
  const papers: InspectedPaper[] = [];
  const notPapers: NotPaper[] = [];
  for (const { parsed } of readings) {
    for (const shape of parsed.shapes) shapes.add(shape);
    notPapers.push(...parsed.notPapers);
    for (const entry of parsed.entries) {
      const where = { title: entry.title, file: entry.file, line: entry.line, session: entry.session };
      const idea = extractKeyIdea(entry);
      papers.push('skip' in idea ? { ...where, skip: idea.skip } : { ...where, answer: idea.answer });
    }
  }
  return {
    shape: shapes.size ? [...shapes].join(' + ') : 'none',
    files: readings.map(({ file, parsed }) => ({ file, shapes: parsed.shapes, papers: parsed.entries.length, paperLike: parsed.paperLike })),
    papers,
    notPapers,
    warnings,
  };
}
