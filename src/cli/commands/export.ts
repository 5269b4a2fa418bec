// `paperdeck export DECK [--format anki|csv|json] [--out FILE] [--json]`: the deck's cards (not
// the retired ones) for Anki's text import and other tools (cards/export.ts). Without --out the
// text goes to stdout; with it, FILE is replaced whole (temp file, fsync, rename), and a line
// says what was written, or with --json: { deck, format, file, cards }.
import { dirname, resolve } from 'node:path';
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { UsageError, UserError } from '../../core/errors.js';
import { toSafeLine } from '../../core/sanitize.js';
import { plural } from '../../core/text.js';
import { currentCards } from '../../cards/current.js';
import { EXPORT_FORMATS, exportText, type ExportFormat } from '../../cards/export.js';
import { resolveDeckName } from '../../store/decks.js';
import { writeFileAtomicSync } from '../../store/atomic-file.js';
import { displayPath } from '../../store/layout.js';

function formatOf(flag: unknown): ExportFormat {
  if (flag === undefined) return 'anki';
  const format = String(flag).toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(toSafeLine(String(flag).slice(0, 40)))}`);
}

/** Why `file` could not be written, in the user's terms (not the temporary file's name). */
function whyNotWritten(error: NodeJS.ErrnoException, file: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `the folder ${toSafeLine(displayPath(dirname(file)))} does not exist`;
    case 'EISDIR':
    case 'EBUSY':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return toSafeLine(error.code ?? error.message);
  }
}

export async function run(ctx: CommandContext, { positional, flags }: CommandArgs): Promise<number> {
  const format = formatOf(flags['format']);
  const out = flags['out'] === undefined ? undefined : String(flags['out']);
  if (out === '') throw new UsageError('--out needs a file name');
  if (ctx.json && out === undefined) throw new UsageError('--json describes the file written with --out FILE; without --out the export itself goes to stdout');
  const { decksDir } = ctx.places;
  const deck = resolveDeckName(decksDir, typeof positional[0] === 'string' ? positional[0] : undefined);
  const { cardsFile, note } = await currentCards(decksDir, deck);
  if (note) ctx.err(`paperdeck: note: ${note}\n`);
  const text = exportText(format, deck, cardsFile.cards);
  if (out === undefined) {
    ctx.out(text);
    return 0;
  }
  const file = resolve(out);
  try {
    writeFileAtomicSync(file, text);
  } catch (error) {
    throw new UserError(`cannot write ${toSafeLine(displayPath(file))}: ${whyNotWritten(error as NodeJS.ErrnoException, file)}`);
  }
  const cards = cardsFile.cards.length;
  if (ctx.json) printJson(ctx, { deck, format, file, cards });
  else ctx.out(`${deck}: ${plural(cards, 'card')} written to ${toSafeLine(displayPath(file))} (${format})\n`);
  return 0;
}
