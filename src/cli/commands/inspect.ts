// `paperdeck inspect PATH|DECK`: how a notes file, a folder of notes or a deck's notes are
// read, writing nothing. A path that exists is read as notes; anything else names a deck.
import { resolve } from 'node:path';
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { displayWidth, outputWidth, truncate, wrap } from '../format.js';
import { inspectNotes, type InspectReport } from '../../cards/inspect.js';
import { toSafeLine } from '../../core/sanitize.js';
import { UserError } from '../../core/errors.js';
import { plural } from '../../core/text.js';
import { listDecks, pathExists, readNotesAt, readNotesFiles, resolveDeckName } from '../../store/decks.js';
import { isDeckName } from '../../core/deck-name.js';

export async function run(ctx: CommandContext, { positional }: CommandArgs): Promise<number> {
  const target = String(positional[0]);
  // Neither a path that exists nor a deck's name: a path, when it reads as one.
  if (!pathExists(target) && (!isDeckName(target) || /[/\\]|\.(?:md|markdown|txt|org)$/i.test(target)) && !listDecks(ctx.places.decksDir).includes(target)) {
    throw new UserError(`no file, folder or deck named ${toSafeLine(target)}`);
  }
  const files = pathExists(target)
    ? readNotesAt(resolve(target), target).files
    : readNotesFiles(ctx.places.decksDir, resolveDeckName(ctx.places.decksDir, target));
  const report = inspectNotes(files);
  if (ctx.json) {
    printJson(ctx, report);
    return 0;
  }
  ctx.out(describeInspection(report, outputWidth()).join('\n') + '\n');
  return 0;
}

/** The report for people: a summary line, each paper with its answer, then what is not a paper. */
export function describeInspection(report: InspectReport, width = 80): string[] {
  const lines: string[] = [];
  const answered = report.papers.filter((p) => 'answer' in p).length;
  const skipped = report.papers.length - answered;
  const read = report.papers.length === 0 ? 'no paper found in' : `read as ${report.shape}:`;
  lines.push(
    ...wrap(
      `${plural(report.files.length, 'file')} ${read} ${plural(report.papers.length, 'paper')} ` +
        `(${plural(answered, 'card')}, ${skipped} skipped), ${plural(report.notPapers.length, 'part')} not a paper`,
      width,
      { firstIndent: '', indent: '  ' },
    ),
  );
  const where = (file: string, line: number) => `${toSafeLine(file)}:${line}`;
  const widths = [...report.papers, ...report.notPapers].map((p) => displayWidth(where(p.file, p.line)));
  // file:line in a column, as wide as most need; a longer one takes a line of its own.
  const whereWidth = Math.min(Math.floor(width / 3), Math.max(0, ...widths));
  const indent = ' '.repeat(whereWidth + 4);
  const head = (at: string, text: string): string[] =>
    displayWidth(at) <= whereWidth ? [truncate(`  ${at.padEnd(whereWidth)}  ${text}`, width)] : [truncate(`  ${at}`, width), truncate(`${indent}${text}`, width)];
  if (report.papers.length) lines.push('', 'Papers');
  for (const paper of report.papers) {
    lines.push(...head(where(paper.file, paper.line), toSafeLine(paper.title)));
    const back = 'answer' in paper ? `→ ${toSafeLine(paper.answer)}` : `skipped: ${toSafeLine(paper.skip)}`;
    lines.push(...wrap(back, width, { indent }));
  }
  if (report.notPapers.length) lines.push('', 'Not papers');
  for (const part of report.notPapers) {
    const text = toSafeLine(part.text);
    // The text on its line, cut to fit; why it is no paper under it, whole, as a paper's answer is.
    lines.push(...head(where(part.file, part.line), text || toSafeLine(part.why)));
    if (text) lines.push(...wrap(`why: ${toSafeLine(part.why)}`, width, { indent }));
  }
  if (report.warnings.length) lines.push('', 'Warnings');
  for (const warning of report.warnings) {
    lines.push(...wrap(`${where(warning.file, warning.line)}: ${toSafeLine(warning.message)}`, width, { firstIndent: '  ', indent: '    ' }));
  }
  return lines;
}
