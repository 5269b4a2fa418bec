// `paperdeck generate [DECK...]`: rebuild cards.json from the notes and say what changed.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { UserError } from '../../core/errors.js';
import { toSafeLine } from '../../core/sanitize.js';
import { plural } from '../../core/text.js';
import { displayWidth, outputWidth, truncate, wrap } from '../format.js';
import { generateDeck, type GenerateResult } from '../../cards/generate.js';
import { listDecks, noDecksMessage, validateDeckName } from '../../store/decks.js';
import { hasDeckState, openStateForReading, writeDueIndex } from '../../store/index.js';
import { indexedCardsOfBuild } from '../../cards/freshness.js';

/** The --json document for one deck: the cards, what was skipped and what changed. */
export function generateJson(result: GenerateResult) {
  return {
    deck: result.deck,
    cards: result.cardsFile.cards.map(({ id, title, question, answer, source }) => ({ id, title, question, answer, source })),
    skipped: result.skipped.map(({ title, line, reason, file }) => ({ title, line, reason, file })),
    changes: {
      added: result.changes.added,
      updated: result.changes.updated,
      renamed: result.changes.renamed.map(({ from, to, id }) => ({ from, to, id })),
      retired: result.changes.retired,
      restored: result.changes.restored,
      unchanged: result.changes.unchanged,
    },
    warnings: result.warnings,
    papers: result.papers,
    written: result.written,
    restamped: result.restamped,
  };
}

const LISTED_PER_KIND = 8;

/**
 * A human summary of one regeneration, each line cut to `width` columns (titles give way
 * first: the reason a note was skipped is what the user needs to read). The skipped notes are
 * listed when they changed, or with `verbose`: the same eleven notes read again at every
 * generate hide what is new.
 */
export function describeGeneration(result: GenerateResult, width = 80, verbose = false): string[] {
  const { changes, cardsFile } = result;
  const titleOf = new Map<string, string>();
  for (const card of [...cardsFile.cards, ...cardsFile.retired]) titleOf.set(card.id, card.title);
  // Only the few listed are made safe to show: a deck of thousands is not cleaned for eight lines.
  const titled = (id: string) => toSafeLine(titleOf.get(id) ?? id);
  const lines: string[] = [];
  const fit = (text: string) => truncate(text, width);
  const what = result.written ? 'cards.json written' : result.restamped ? 'nothing changed' : 'nothing changed, nothing written';
  lines.push(fit(`${result.deck}: ${plural(cardsFile.cards.length, 'card')} from ${plural(result.papers, 'paper')} — ${what}`));
  /** The first of `items` (of `count` in all), one or more lines each. */
  const listed = <T>(label: string, items: readonly T[], lay: (item: T) => string[], count = items.length) => {
    lines.push(`  ${label.padEnd(10)} ${count}`);
    for (const item of items.slice(0, LISTED_PER_KIND)) lines.push(...lay(item));
    if (count > LISTED_PER_KIND) lines.push(`    … and ${count - LISTED_PER_KIND} more`);
  };
  const list = (label: string, items: readonly string[], count = items.length) => listed(label, items, (item) => [fit(`    ${item}`)], count);
  // A rename is there to be checked: both titles whole, the new one under the old when the two
  // do not fit on one line, each wrapped rather than cut.
  const rename = (r: { from: string; to: string }): string[] => {
    const from = toSafeLine(r.from);
    const to = toSafeLine(r.to);
    const oneLine = `    ${from} → ${to}`;
    if (displayWidth(oneLine) <= width) return [oneLine];
    return [...wrap(from, width, { firstIndent: '    ', indent: '    ' }), ...wrap(`→ ${to}`, width, { firstIndent: '    ', indent: '      ' })];
  };
  list('added', changes.added.slice(0, LISTED_PER_KIND).map(titled), changes.added.length);
  list('updated', changes.updated.slice(0, LISTED_PER_KIND).map(titled), changes.updated.length);
  listed('renamed', changes.renamed, rename);
  list('retired', changes.retired.slice(0, LISTED_PER_KIND).map((id) => `${titled(id)} (history kept)`), changes.retired.length);
  if (changes.restored.length) list('restored', changes.restored.slice(0, LISTED_PER_KIND).map((id) => `${titled(id)} (history kept)`), changes.restored.length);
  lines.push(`  ${'unchanged'.padEnd(10)} ${changes.unchanged}`);
  const listSkipped = verbose || result.skippedChanged;
  const skippedNote = !result.skipped.length
    ? ''
    : listSkipped
      ? ' (write a "Key idea: ..." line in the note to make a card)'
      : ' as before (--verbose lists them)';
  lines.push(fit(`  ${'skipped'.padEnd(10)} ${result.skipped.length}${skippedNote}`));
  const where = (file: string | undefined, line: number) => `${toSafeLine(file ?? '')}:${line}`;
  const whereWidth = listSkipped ? Math.max(0, ...result.skipped.map((s) => where(s.file, s.line).length)) : 0;
  for (const skip of listSkipped ? result.skipped : []) {
    const prefix = `    ${where(skip.file, skip.line).padEnd(whereWidth)}  `;
    const title = toSafeLine(skip.title);
    const reason = toSafeLine(skip.reason);
    const oneLine = `${prefix}${title} — ${reason}`;
    if (displayWidth(oneLine) <= width) {
      lines.push(oneLine);
    } else {
      // Too long for one line: the title on its own, the reason under it.
      lines.push(fit(`${prefix}${title}`), fit(`${' '.repeat(displayWidth(prefix))}${reason}`));
    }
  }
  for (const warning of result.warnings) {
    lines.push(...wrap(`warning ${where(warning.file, warning.line)}: ${toSafeLine(warning.message)}`, width, { firstIndent: '  ', indent: '    ' }));
  }
  return lines;
}

/**
 * After writing a deck's cards.json, its due index for the new cards, so that the `due` of the
 * next shell prompt need not read them whole (store/due-index.ts). Only for a deck studied in
 * this state folder (generate creates no state), and only a speed-up: any trouble leaves none.
 */
function leaveDueIndexOfBuild(ctx: CommandContext, result: GenerateResult): void {
  const cards = indexedCardsOfBuild(result.cardsFile, result.writtenStat);
  const { stateDir } = ctx.places;
  if (!cards || !hasDeckState(stateDir, result.deck)) return;
  try {
    const store = openStateForReading(stateDir, ctx.clock);
    try {
      writeDueIndex(stateDir, store.deck(result.deck), cards);
    } finally {
      store.close();
    }
  } catch {
    // `due` reads everything, as it would without an index
  }
}

export async function run(ctx: CommandContext, { positional, flags }: CommandArgs<{ force?: boolean; verbose?: boolean }>): Promise<number> {
  const requested = (positional[0] as string[] | undefined) ?? [];
  const names = requested.length ? requested.map(validateDeckName) : listDecks(ctx.places.decksDir);
  if (names.length === 0) {
    throw new UserError(noDecksMessage(ctx.places.decksDir));
  }
  // One deck: its error is the command's error. Several: each deck stands alone.
  if (names.length === 1) {
    const result = generateDeck(ctx.places.decksDir, names[0]!, { force: flags.force });
    leaveDueIndexOfBuild(ctx, result);
    if (ctx.json) printJson(ctx, generateJson(result));
    else ctx.out(describeGeneration(result, outputWidth(), flags.verbose).join('\n') + '\n');
    return 0;
  }
  const results: ReturnType<typeof generateJson>[] = [];
  let failed = 0;
  for (const name of names) {
    try {
      const result = generateDeck(ctx.places.decksDir, name, { force: flags.force });
      leaveDueIndexOfBuild(ctx, result);
      results.push(generateJson(result));
      if (!ctx.json) ctx.out(describeGeneration(result, outputWidth(), flags.verbose).join('\n') + '\n');
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failed++;
      ctx.err(`paperdeck: ${name}: ${error.message}\n`);
    }
  }
  if (ctx.json) printJson(ctx, { decks: results });
  return failed ? 1 : 0;
}
