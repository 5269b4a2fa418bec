// `paperdeck generate [DECK...]`: rebuild cards.json from the notes and say what changed.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { UserError } from '../../core/errors.js';
import { toSafeLine } from '../../core/sanitize.js';
import { measured, plural } from '../../core/text.js';
import type { NoteWarning, SkippedNote } from '../../core/types.js';
import { displayWidth, outputWidth, truncate, wrap } from '../format.js';
import type { GenerateResult } from '../../cards/generate.js';
import type { IdentityChanges } from '../../cards/identity.js';
import type { IncrementalBuild } from '../../cards/incremental.js';
import { hasDeckState, reheadDueIndex, type IndexedCards } from '../../store/due-index.js';
import { listDecks, noDecksMessage, validateDeckName, type CardsHead } from '../../store/decks.js';
import { GENERATOR_VERSION } from '../../cards/version.js';
import { indexedCardsOfBuild, unchangedHead } from '../../cards/freshness.js';
import { cli } from '../../core/invocation.js';

/** Widths are measured only when what is printed needs them (core/text.ts): see describe. */
export const loadsTextWidths = true;

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
/** Skipped notes listed without --verbose: each is a line to read, and a new deck may have hundreds. */
const SKIPPED_LISTED = 12;

/**
 * What the summary of one regeneration says: from a build (reportOfBuild), or from cards.json's
 * first line alone when the notes are untouched (reportOfHead), so that a `generate` that finds
 * nothing to do reads no card.
 */
export interface GenerationReport {
  deck: string;
  cards: number;
  papers: number;
  written: boolean;
  restamped: boolean;
  changes: IdentityChanges;
  skippedCount: number;
  /** The skipped notes, when they are to be listed: they changed, or --verbose. */
  skippedListed: readonly SkippedNote[] | null;
  /** Whether every skipped note listed is shown (--verbose), not only the first SKIPPED_LISTED. */
  skippedAll: boolean;
  warnings: readonly NoteWarning[];
  /** A card's title by its id (for the changes listed). */
  titleOf: (id: string) => string | undefined;
}

export function reportOfBuild(result: GenerateResult, verbose = false): GenerationReport {
  const { cardsFile } = result;
  const titles = new Map<string, string>();
  for (const card of [...cardsFile.cards, ...cardsFile.retired]) titles.set(card.id, card.title);
  return {
    deck: result.deck,
    cards: cardsFile.cards.length,
    papers: result.papers,
    written: result.written,
    restamped: result.restamped,
    changes: result.changes,
    skippedCount: result.skipped.length,
    // The newly skipped first: a list cut to its first lines still shows what this edit did.
    skippedListed: verbose || result.skippedChanged ? newFirst(result.skipped, result.skippedNew) : null,
    skippedAll: verbose,
    warnings: result.warnings,
    titleOf: (id) => titles.get(id),
  };
}

/** `skipped` with the newly skipped among them first, each once. */
function newFirst(skipped: readonly SkippedNote[], newly: readonly SkippedNote[]): SkippedNote[] {
  const fresh = new Set(newly);
  return [...newly, ...skipped.filter((s) => !fresh.has(s))];
}

function reportOfIncrementalBuild(built: IncrementalBuild): GenerationReport {
  return {
    deck: built.deck,
    cards: built.cards,
    papers: built.papers,
    written: true,
    restamped: false,
    changes: built.changes,
    skippedCount: built.skippedCount,
    skippedListed: built.skippedChanged ? newFirst(built.skipped, built.skippedNew) : null,
    skippedAll: false,
    warnings: built.warnings,
    titleOf: built.titleOf,
  };
}

function reportOfHead(head: CardsHead): GenerationReport {
  const { cards, skipped } = head.counts;
  return {
    deck: head.deck,
    cards,
    papers: cards + skipped,
    written: false,
    restamped: false,
    changes: { added: [], updated: [], renamed: [], retired: [], restored: [], unchanged: cards },
    skippedCount: skipped,
    skippedListed: null,
    skippedAll: false,
    warnings: head.warnings,
    titleOf: () => undefined,
  };
}

/**
 * A human summary of one regeneration, each line cut to `width` columns (titles give way
 * first: the reason a note was skipped is what the user needs to read). The skipped notes are
 * listed when they changed, or with --verbose (the same notes read again at every generate
 * hide what is new); without --verbose only the first SKIPPED_LISTED, the newly skipped first.
 */
export function describeGeneration(report: GenerationReport, width = 80): string[] {
  const { changes } = report;
  // Only the few listed are made safe to show: a deck of thousands is not cleaned for eight lines.
  const titled = (id: string) => toSafeLine(report.titleOf(id) ?? id);
  const lines: string[] = [];
  const fit = (text: string) => truncate(text, width);
  const what = report.written ? 'cards.json written' : report.restamped ? 'nothing changed' : 'nothing changed, nothing written';
  lines.push(fit(`${report.deck}: ${plural(report.cards, 'card')} from ${plural(report.papers, 'paper')} — ${what}`));
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
  const skippedListed = report.skippedListed ?? [];
  const skippedShown = report.skippedAll ? skippedListed : skippedListed.slice(0, SKIPPED_LISTED);
  const skippedNote = !report.skippedCount
    ? ''
    : report.skippedListed
      ? ' (write a "Key idea: ..." line in the note to make a card)'
      : ' as before (--verbose lists them)';
  lines.push(fit(`  ${'skipped'.padEnd(10)} ${report.skippedCount}${skippedNote}`));
  const where = (file: string | undefined, line: number) => `${toSafeLine(file ?? '')}:${line}`;
  const whereWidth = Math.max(0, ...skippedShown.map((s) => where(s.file, s.line).length));
  for (const skip of skippedShown) {
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
  if (skippedShown.length < skippedListed.length) {
    const more = `… and ${skippedListed.length - skippedShown.length} more: ${cli()} inspect ${report.deck} lists every paper, with why`;
    lines.push(...wrap(more, width, { firstIndent: '    ', indent: '      ' }));
  }
  for (const warning of report.warnings) {
    lines.push(...wrap(`warning ${where(warning.file, warning.line)}: ${toSafeLine(warning.message)}`, width, { firstIndent: '  ', indent: '    ' }));
  }
  return lines;
}

/**
 * After writing a deck's cards.json, its due index for the new cards, so that the `due` of the
 * next shell prompt need not read them whole (store/due-index.ts). Only for a deck studied in
 * this state folder (generate creates no state), and only a speed-up: any trouble leaves none.
 */
async function leaveDueIndexOfBuild(ctx: CommandContext, result: GenerateResult): Promise<void> {
  await leaveDueIndex(ctx, result.deck, () => indexedCardsOfBuild(result.cardsFile, result.writtenStat));
}

/**
 * After a build that read only the notes around an edit: every card kept its id and title in
 * its place, so the index left for the cards.json it replaced holds them all, and needs only a
 * new head (reheadDueIndex), without opening the state. Else one made from the state.
 */
async function leaveDueIndexOfEdit(ctx: CommandContext, built: IncrementalBuild): Promise<void> {
  const { stateDir } = ctx.places;
  if (!hasDeckState(stateDir, built.deck) || !built.notesStamps) return;
  if (reheadDueIndex(stateDir, built.deck, built.replacedStat, { generator: GENERATOR_VERSION, cardsStat: built.writtenStat, notesStamps: built.notesStamps })) return;
  await leaveDueIndex(ctx, built.deck, built.indexed);
}

async function leaveDueIndex(ctx: CommandContext, deck: string, indexed: () => IndexedCards | null): Promise<void> {
  const { stateDir } = ctx.places;
  if (!hasDeckState(stateDir, deck)) return;
  const cards = indexed();
  if (!cards) return;
  (await import('./due-index-of-build.js')).writeDueIndexFromState(stateDir, ctx.clock, deck, cards);
}

/** The summary's lines, measured with string-width only when they hold more than plain text. */
async function describe(report: GenerationReport): Promise<string> {
  return (await measured(() => describeGeneration(report, outputWidth()))).join('\n') + '\n';
}

/**
 * One deck regenerated, or its report straight from cards.json's head (`head`, when its notes
 * are untouched and only a summary is asked for): the generator is not even loaded then.
 */
async function generate(ctx: CommandContext, name: string, flags: { force?: boolean }, head: CardsHead | null, summaryOnly: boolean): Promise<GenerateResult | GenerationReport> {
  if (head) return reportOfHead(head);
  if (summaryOnly) {
    // After an edit of a few notes: only the papers around it are read again (cards/incremental.ts).
    const { generateIncrementally } = await import('../../cards/incremental.js');
    const built = generateIncrementally(ctx.places.decksDir, name);
    if (built) {
      await leaveDueIndexOfEdit(ctx, built);
      return reportOfIncrementalBuild(built);
    }
  }
  const { generateDeck } = await import('../../cards/generate.js');
  const result = generateDeck(ctx.places.decksDir, name, { force: flags.force });
  await leaveDueIndexOfBuild(ctx, result);
  return result;
}

export async function run(ctx: CommandContext, { positional, flags }: CommandArgs<{ force?: boolean; verbose?: boolean }>): Promise<number> {
  const requested = (positional[0] as string[] | undefined) ?? [];
  const names = requested.length ? requested.map(validateDeckName) : listDecks(ctx.places.decksDir);
  if (names.length === 0) {
    throw new UserError(noDecksMessage(ctx.places.decksDir));
  }
  // Each deck's head when only a summary is asked for. When every deck is unchanged, the
  // summaries are printed from them alone; in the bin (the quick path, without the generator),
  // any other deck hands the whole command over to the full program before a line is printed.
  const summaryOnly = !ctx.json && !flags.force && !flags.verbose;
  const heads = names.map((name) => (summaryOnly ? unchangedHead(ctx.places.decksDir, name) : null));
  // (Through incremental.js, which in the full program loads only the few modules a rebuild
  // after a small edit needs, not the parsers of every notes format.)
  if (!heads.every((head) => head !== null)) (await import('../../cards/incremental.js')).needGenerator();
  const reportOf = (done: GenerateResult | GenerationReport) => ('cardsFile' in done ? reportOfBuild(done, flags.verbose) : done);
  // One deck: its error is the command's error. Several: each deck stands alone.
  if (names.length === 1) {
    const done = await generate(ctx, names[0]!, flags, heads[0]!, summaryOnly);
    if (ctx.json && 'cardsFile' in done) printJson(ctx, generateJson(done));
    else ctx.out(await describe(reportOf(done)));
    return 0;
  }
  const results: ReturnType<typeof generateJson>[] = [];
  let failed = 0;
  for (const [i, name] of names.entries()) {
    try {
      const done = await generate(ctx, name, flags, heads[i]!, summaryOnly);
      if (ctx.json && 'cardsFile' in done) results.push(generateJson(done));
      else ctx.out(await describe(reportOf(done)));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failed++;
      ctx.err(`paperdeck: ${name}: ${error.message}\n`);
    }
  }
  if (ctx.json) printJson(ctx, { decks: results });
  return failed ? 1 : 0;
}
