// `paperdeck due [DECK]`: what a study session started now would show, daily limits applied.
// Fast and read-only (no lock, no Ink), so it works in a shell prompt and during a session.
//
// --json: one deck (named, or the only one) gives { deck, new, learning, review,
// total }; several decks give the same keys as totals with deck: null, plus decks: [ per deck ].
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { deckDueCounts, queueForDeck, type DeckDueCounts } from '../../schedule/queue.js';
import { openStateForReading } from '../../store/index.js';
import { currentDueQueue } from '../../cards/freshness.js';
import { listDecks, noDecksMessage, resolveDeckName } from '../../store/decks.js';
import { currentCards } from '../../cards/current.js';
import { toSafeLine } from '../../core/sanitize.js';
import { NeedsScheduler } from '../../store/merged-log.js';
import { HandOverToFullProgram } from '../hand-over.js';

/** Widths are measured only when what is printed needs them (core/text.ts measured). */
export const loadsTextWidths = true;

export interface DeckDue {
  deck: string;
  new: number;
  learning: number;
  review: number;
  total: number;
}

export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const requested = typeof args.positional[0] === 'string' ? args.positional[0] : undefined;
  const { decksDir, stateDir } = ctx.places;
  // A named deck must exist; with none named, every deck counts (a prompt wants the total).
  const names = requested !== undefined ? [resolveDeckName(decksDir, requested)] : listDecks(decksDir);
  const now = ctx.clock.now();
  const store = openStateForReading(stateDir, ctx.clock);
  let counted: DeckDueCounts[];
  try {
    counted = await countDecks();
  } catch (error) {
    // Two machines answered one card from the same state: the quick path has no scheduler to
    // merge them with (store/merged-log.ts), the full program has.
    if (error instanceof NeedsScheduler) throw new HandOverToFullProgram(error.message);
    throw error;
  } finally {
    store.close();
  }
  async function countDecks(): Promise<DeckDueCounts[]> {
    const settings = store.settings();
    // A deck's due index, left by its last study session, spares reading cards.json and the
    // card states whole; used only while nothing it was made from has changed, and any trouble
    // with it leaves the deck to the full read below, which says what is wrong (store/due-index.ts).
    const fromIndex = new Map<string, DeckDueCounts>();
    for (const name of names) {
      const index = currentDueQueue(decksDir, stateDir, name);
      if (!index) continue;
      try {
        const { counts } = queueForDeck({ deck: index.progress, columns: index.columns, settings, now });
        fromIndex.set(name, { deck: name, counts, remark: null, error: null });
      } catch {
        // read in full below
      }
    }
    const read = await deckDueCounts({
      names: names.filter((name) => !fromIndex.has(name)),
      store,
      settings,
      now,
      // Notes edited since the last generate count as they stand now (built in memory).
      cardsOf: async (name) => (await currentCards(decksDir, name)).cardsFile.cards,
      unreadableState: 'throw',
    });
    return names.map((name) => fromIndex.get(name) ?? read.find((row) => row.deck === name)!);
  }
  // A deck that cannot be read (a corrupted cards.json, notes that give no cards and no cards
  // built before them) is not "nothing due": a prompt showing 0 would hide the problem. It is
  // named on stderr, left out of the counts, and the exit code is 1 (as for every other
  // command); the decks that can be read are still counted, as generate does with several.
  let failed = false;
  const rows: DeckDue[] = [];
  for (const { deck, counts, error } of counted) {
    if (error || !counts) {
      failed = true;
      // The message quotes paths and file contents: cleaned before it reaches the terminal.
      ctx.err(`paperdeck: ${toSafeLine(`${deck}: ${error?.message ?? 'cannot be read'}`)}\n`);
      continue;
    }
    rows.push({ deck, ...counts });
  }
  const status = failed ? 1 : 0;
  // One deck asked for (or the only one), and it cannot be read: nothing on stdout.
  if (failed && names.length === 1) return status;

  const sum = (key: 'new' | 'learning' | 'review' | 'total') => rows.reduce((n, row) => n + row[key], 0);
  const totals = { new: sum('new'), learning: sum('learning'), review: sum('review'), total: sum('total') };
  const single = names.length === 1 ? (rows[0] ?? null) : null;

  if (ctx.json) {
    printJson(ctx, single ?? { deck: null, decks: rows, ...totals });
    return status;
  }
  if (names.length === 0) {
    ctx.out(`${noDecksMessage(decksDir)}\n`);
    return 0;
  }
  // Only the table needs the formatting code: a prompt's `due --json` does not load it.
  const [{ formatTable }, { measured }] = await Promise.all([import('../format.js'), import('../../core/text.js')]);
  const table = rows.map((row) => [row.deck, String(row.new), String(row.learning), String(row.review), String(row.total)]);
  if (!single) table.push(['total', String(totals.new), String(totals.learning), String(totals.review), String(totals.total)]);
  const text = await measured(() =>
    formatTable(
      [
        { header: 'DECK', flex: true, min: 12 },
        { header: 'NEW', align: 'right' },
        { header: 'LEARNING', align: 'right' },
        { header: 'REVIEW', align: 'right' },
        { header: 'TOTAL', align: 'right' },
      ],
      table,
    ),
  );
  ctx.out(text);
  return status;
}
