// `paperdeck new NAME --from FILE`: a deck from a notes file anywhere on disk. Everything is
// checked and the cards built before anything is written; the deck folder appears whole or
// not at all.
import { basename, extname, join } from 'node:path';
import { outputWidth } from '../format.js';
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { buildDeck } from '../../cards/generate.js';
import { createDeckFolder, isNotesFileName, readNotesBytes, serializeCardsFile, validateDeckName, CARDS_FILE } from '../../store/decks.js';
import { describeGeneration, generateJson } from './generate.js';

export async function run(ctx: CommandContext, { positional, flags }: CommandArgs<{ from: string }>): Promise<number> {
  const name = validateDeckName(String(positional[0]));
  const bytes = readNotesBytes(flags.from);
  // Keep the user's extension so Markdown stays Markdown; anything else becomes notes.txt.
  const extension = isNotesFileName(flags.from) ? extname(flags.from).toLowerCase() : '.txt';
  const fileName = `notes${extension}`;
  const built = buildDeck(name, [{ file: fileName, bytes, label: flags.from }], null);
  createDeckFolder(ctx.places.decksDir, name, [
    { name: fileName, bytes },
    { name: CARDS_FILE, bytes: serializeCardsFile(built.cardsFile) },
  ]);
  const result = { ...built, written: true, restamped: false };
  if (ctx.json) {
    printJson(ctx, generateJson(result));
  } else {
    ctx.out(`new deck ${name} from ${basename(flags.from)}: its notes are now ${join(ctx.places.decksDir, name, fileName)}\n`);
    ctx.out(describeGeneration(result, outputWidth()).join('\n') + '\n');
    ctx.out(`study it with: paperdeck study ${name}\n`);
  }
  return 0;
}
