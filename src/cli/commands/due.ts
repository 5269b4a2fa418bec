// `paperdeck due [DECK]`: what a study session started now would show, daily limits applied.
// Fast and read-only (no lock, no Ink), so it works in a shell prompt and during a session.
//
// --json: one deck (named, or the only one) gives CONTRACT.md's { deck, new, learning, review,
// total }; several decks give the same keys as totals with deck: null, plus decks: [ per deck ].
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { formatTable } from '../format.js';
import { UserError } from '../../core/errors.js';
import { queueForDeck } from '../../schedule/queue.js';
import { openState } from '../../store/index.js';
import { listDecks, resolveDeckName } from '../../store/decks.js';
import { currentCards } from '../../cards/current.js';

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
  const store = openState(stateDir, { mode: 'read', clock: ctx.clock });
  const rows: DeckDue[] = [];
  try {
    const settings = store.settings();
    for (const name of names) {
      // Notes edited since the last generate count as they stand now (built in memory). A
      // deck whose notes cannot be read counts as empty: one bad deck must not blank a prompt.
      let cards;
      try {
        cards = (await currentCards(decksDir, name)).cardsFile.cards;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        ctx.err(`paperdeck: ${name}: ${error.message}\n`);
        rows.push({ deck: name, new: 0, learning: 0, review: 0, total: 0 });
        continue;
      }
      const { counts } = queueForDeck({ deck: store.deck(name), cards, settings, now });
      rows.push({ deck: name, ...counts });
    }
  } finally {
    store.close();
  }

  const sum = (key: 'new' | 'learning' | 'review' | 'total') => rows.reduce((n, row) => n + row[key], 0);
  const totals = { new: sum('new'), learning: sum('learning'), review: sum('review'), total: sum('total') };
  const single = rows.length === 1 ? rows[0]! : null;

  if (ctx.json) {
    printJson(ctx, single ?? { deck: null, decks: rows, ...totals });
    return 0;
  }
  if (rows.length === 0) {
    ctx.out(`no decks in ${decksDir}; start one with: paperdeck new NAME --from FILE\n`);
    return 0;
  }
  const table = rows.map((row) => [row.deck, String(row.new), String(row.learning), String(row.review), String(row.total)]);
  if (!single) table.push(['total', String(totals.new), String(totals.learning), String(totals.review), String(totals.total)]);
  ctx.out(
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
  return 0;
}
