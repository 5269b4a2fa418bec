// `paperdeck new NAME --from PATH [--copy]`: a deck from a notes file or folder anywhere on disk.
// By default the deck is linked: decks/NAME/ holds a link file naming PATH (absolute) and the
// cards, and every later read goes to PATH, where the notes live. With --copy the notes are
// copied into the deck folder instead. Everything is checked and the cards built before
// anything is written; the deck folder appears whole or not at all.
import { extname, join, resolve } from 'node:path';
import { outputWidth, wrap } from '../format.js';
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { buildDeck } from '../../cards/generate.js';
import { toSafeLine } from '../../core/sanitize.js';
import { plural } from '../../core/text.js';
import {
  createDeckFolder,
  deckDir,
  isNotesFileName,
  notesLinkText,
  readNotesAt,
  serializeCardsFile,
  validateDeckName,
  CARDS_FILE,
  NOTES_LINK_FILE,
} from '../../store/decks.js';
import { describeGeneration, generateJson, reportOfBuild } from './generate.js';
import { cli } from '../../core/invocation.js';

export async function run(ctx: CommandContext, { positional, flags }: CommandArgs<{ from: string; copy?: boolean }>): Promise<number> {
  const name = validateDeckName(String(positional[0]));
  // Linked decks keep the absolute path: the deck is read from any working directory.
  const source = resolve(flags.from);
  const { folder, files } = readNotesAt(source, flags.from);
  const { decksDir } = ctx.places;
  let built: ReturnType<typeof buildDeck>;
  let said: string;
  if (!flags.copy) {
    // Built with the notes' stamps: the next check knows them unchanged from their stat alone.
    built = buildDeck(name, files, null);
    createDeckFolder(decksDir, name, [
      { name: NOTES_LINK_FILE, bytes: notesLinkText(source) },
      { name: CARDS_FILE, bytes: serializeCardsFile(built.cardsFile) },
    ]);
    const what = folder ? `the ${plural(files.length, 'notes file')} in` : 'its notes at';
    said = `new deck ${name} reads ${what} ${toSafeLine(source)}: edits there show at the next generate or study`;
  } else if (folder) {
    // The copies are new files: no stamps (their first check reads them, then stamps them).
    const copies = files.map(({ file, bytes, label }) => ({ file, bytes, label }));
    built = buildDeck(name, copies, null);
    createDeckFolder(decksDir, name, [
      ...files.map(({ file, bytes }) => ({ name: file, bytes })),
      { name: CARDS_FILE, bytes: serializeCardsFile(built.cardsFile) },
    ]);
    said = `new deck ${name}: ${plural(files.length, 'notes file')} copied from ${toSafeLine(source)} into ${toSafeLine(deckDir(decksDir, name))}`;
  } else {
    // Keep the user's extension so Markdown stays Markdown; anything else becomes notes.txt.
    const extension = isNotesFileName(source) ? extname(source).toLowerCase() : '.txt';
    const fileName = `notes${extension}`;
    const { bytes, label } = files[0]!;
    built = buildDeck(name, [{ file: fileName, bytes, label }], null);
    createDeckFolder(decksDir, name, [
      { name: fileName, bytes },
      { name: CARDS_FILE, bytes: serializeCardsFile(built.cardsFile) },
    ]);
    said = `new deck ${name}: its notes are now a copy of ${toSafeLine(source)}, at ${toSafeLine(join(decksDir, name, fileName))}`;
  }
  // A new deck: every skipped note is news.
  const result = { ...built, written: true, restamped: false, skippedChanged: true, skippedNew: built.skipped, writtenStat: null };
  if (ctx.json) {
    printJson(ctx, generateJson(result));
  } else {
    // Paths make it long: wrapped to the terminal, each line whole.
    ctx.out(`${wrap(said, outputWidth(), { firstIndent: '', indent: '  ' }).join('\n')}\n`);
    ctx.out(describeGeneration(reportOfBuild(result), outputWidth()).join('\n') + '\n');
    ctx.out(`study it with: ${cli()} study ${name}\n`);
  }
  return 0;
}
