// `paperdeck cards [DECK] [--search TEXT]`: one row per card of the deck, in note order, with
// its short id (what `unsuspend` and `history` take) and its schedule.
// Read-only (no lock, no Ink). Retired cards are not listed: they are no longer in the deck,
// though their history is kept and returns with them.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { measured, plural } from '../../core/text.js';
import { dueLabel, fitTable, outputWidth, stabilityLabel, wrap } from '../format.js';
import { shortIds } from '../../core/short-id.js';
import { UsageError } from '../../core/errors.js';
import { SafeJsonText, toSafeLine } from '../../core/sanitize.js';
import type { Card, CardState } from '../../core/types.js';
import { isLearning, newCardState, Scheduler } from '../../schedule/scheduler.js';
import { cardRow as rowOfCard, cardRowsJson, rowJson, type CardRow } from '../card-rows.js';
import { readDeck } from '../read-deck.js';
import { countCards, type CardCounts } from '../../stats/index.js';
import { cli } from '../../core/invocation.js';

export type { CardRow };

/** Widths are measured only when what is printed needs them (core/text.ts measured). */
export const loadsTextWidths = true;

/**
 * The summary under the table, from the same countCards as `paperdeck stats`, so the two never
 * disagree: a suspended or buried card counts as that and not again under its state; a leech
 * is a flag, counted on its own.
 */
export function countsLine(counts: CardCounts): string {
  const parts = [`${counts.new} new`, `${counts.learning} learning`, `${counts.review} review`];
  if (counts.relearning) parts.push(`${counts.relearning} relearning`);
  if (counts.suspended) parts.push(`${counts.suspended} suspended`);
  if (counts.buried) parts.push(`${counts.buried} buried`);
  if (counts.leech) parts.push(`${plural(counts.leech, 'leech', 'leeches')} (also counted above)`);
  return parts.join(', ');
}

export function cardRow(card: Card, stored: CardState | undefined, scheduler: Scheduler, now: number): CardRow {
  return rowOfCard(card, stored, (state) => scheduler.retrievability(state, now), now);
}

/** What the STATE column says: what the card counts as (as countCards counts it), its flags included. */
function stateCell(row: CardRow): string {
  if (row.suspended) return row.leech ? 'leech' : 'suspended';
  if (row.buried) return 'buried';
  return row.leech ? `${row.state} leech` : row.state;
}

/** The cards whose title contains `search`, ignoring case (all of them without one). */
export function searchCards(cards: readonly Card[], search: string | undefined): Card[] {
  if (search === undefined) return [...cards];
  const wanted = search.trim().toLowerCase();
  return cards.filter((card) => card.title.toLowerCase().includes(wanted));
}

interface CardsFlags {
  search?: string;
}

export async function run(ctx: CommandContext, args: CommandArgs<CardsFlags>): Promise<number> {
  const { deck, cards: allCards, settings, states } = await readDeck(ctx, args.positional[0], { log: false });
  const { search } = args.flags;
  if (search !== undefined && search.trim() === '') throw new UsageError('--search needs some text to look for in the titles');
  const cards = searchCards(allCards, search);
  const now = ctx.clock.now();
  const scheduler = new Scheduler(settings);
  const rowOf = (card: Card) => cardRow(card, states.get(card.id), scheduler, now);

  if (ctx.json) {
    // Each row made as it is written, a run at a time: 10,000 rows are never held at once.
    printJson(ctx, new SafeJsonText(cardRowsJson(deck, cards.length, (i) => rowJson(rowOf(cards[i]!)))));
    return 0;
  }
  const rows = cards.map(rowOf);
  if (allCards.length === 0) {
    ctx.out(`${deck}: no cards (${cli()} generate ${deck} lists the notes it skipped and why)\n`);
    return 0;
  }
  const quoted = search === undefined ? '' : JSON.stringify(toSafeLine(search));
  if (rows.length === 0) {
    ctx.out(`${deck}: no card's title contains ${quoted} (${plural(allCards.length, 'card')} in the deck)\n`);
    return 0;
  }
  // Short ids among all the deck's cards, so an id shown under a search names the same card
  // without it (unsuspend and history take them).
  const short = shortIds(allCards.map((card) => card.id));
  const table = cards.map((card, i) => {
    const row = rows[i]!;
    const state = states.get(card.id) ?? newCardState();
    const fresh = row.state === 'new';
    return [
      short.get(card.id)!,
      row.title,
      stateCell(row),
      fresh ? '-' : dueLabel(state.due, now, settings.dayStartHour, isLearning(state)),
      row.stability === null ? '-' : stabilityLabel(row.stability),
      row.difficulty === null ? '-' : row.difficulty.toFixed(1),
      row.retrievability === null ? '-' : `${Math.round(row.retrievability * 100)}%`,
      String(row.lapses),
    ];
  });
  // The title is what a person reads the table by: it gets half the width, up to 40 columns (or
  // all it needs), before the figures do; the figures left out are named below (--json has all).
  const width = outputWidth();
  const counted = search === undefined ? plural(rows.length, 'card') : `${rows.length} of ${plural(allCards.length, 'card')} match ${quoted}`;
  const summary = `${deck}: ${counted} — ${countsLine(countCards(cards, states, now))}`;
  const text = await measured(() => {
    const { text: rowsText, dropped } = fitTable(
      [
        { header: 'ID' },
        { header: 'TITLE', flex: true, want: Math.max(24, Math.min(40, Math.floor(width / 2))) },
        { header: 'STATE', drop: 4 },
        { header: 'DUE' },
        { header: 'STAB', align: 'right', drop: 2 },
        { header: 'DIFF', align: 'right', drop: 0 },
        { header: 'R', align: 'right', drop: 3 },
        { header: 'LAPSES', align: 'right', drop: 1 },
      ],
      table,
      width,
    );
    // The summary last, as the line a person's eye ends on; both wrapped to the width, not cut.
    const notes = dropped.length > 0 ? [`(left out for width: ${dropped.join(', ')}; --json has all)`, summary] : [summary];
    return rowsText + notes.map((note) => wrap(note, width, { indent: '  ', firstIndent: '' }).map((line) => `${line}\n`).join('')).join('');
  });
  ctx.out(text);
  return 0;
}
