// `paperdeck cards [DECK]`: one row per card of the deck, in note order, with its schedule.
// Read-only (no lock, no Ink). Retired cards are not listed: they are no longer in the deck,
// though their history is kept and returns with them.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { plural } from '../../core/text.js';
import { daysLabel, dueLabel, formatTable, outputWidth } from '../format.js';
import { CardStateKind, type Card, type CardState } from '../../core/types.js';
import { isLearning, newCardState, Scheduler, stateName } from '../../schedule/scheduler.js';
import { readDeck } from '../readDeck.js';
import { countCards, isBuried, type CardCounts } from '../../stats/index.js';

export interface CardRow {
  id: string;
  title: string;
  state: 'new' | 'learning' | 'review' | 'relearning';
  /** ISO date-time when the card is next due; null for a new card (never studied). */
  due: string | null;
  /** FSRS stability in days; null for a new card. */
  stability: number | null;
  /** FSRS difficulty, 1 to 10; null for a new card. */
  difficulty: number | null;
  /** Probability of recall now by the forgetting curve; null for a new card. */
  retrievability: number | null;
  reps: number;
  lapses: number;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  /** Days until the next review as last scheduled (0 while in learning). */
  scheduledDays: number;
  lastReview: string | null;
}

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

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function cardRow(card: Card, stored: CardState | undefined, scheduler: Scheduler, now: number): CardRow {
  const state = stored ?? newCardState();
  const fresh = state.state === CardStateKind.New;
  const retrievability = scheduler.retrievability(state, now);
  return {
    id: card.id,
    title: card.title,
    state: stateName(state.state),
    due: fresh ? null : new Date(state.due).toISOString(),
    stability: fresh ? null : round(state.stability, 4),
    difficulty: fresh ? null : round(state.difficulty, 4),
    retrievability: retrievability === null ? null : round(retrievability, 4),
    reps: state.reps,
    lapses: state.lapses,
    suspended: state.suspended,
    buried: isBuried(state, now),
    leech: state.leech,
    scheduledDays: state.scheduledDays,
    lastReview: state.lastReview === null ? null : new Date(state.lastReview).toISOString(),
  };
}

export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const { deck, cards, settings, states } = await readDeck(ctx, args.positional[0], { log: false });
  const now = ctx.clock.now();
  const scheduler = new Scheduler(settings);
  const rows = cards.map((card) => cardRow(card, states.get(card.id), scheduler, now));

  if (ctx.json) {
    printJson(ctx, { deck, cards: rows });
    return 0;
  }
  if (rows.length === 0) {
    ctx.out(`${deck}: no cards (paperdeck generate ${deck} lists the notes it skipped and why)\n`);
    return 0;
  }
  const table = cards.map((card, i) => {
    const row = rows[i]!;
    const state = states.get(card.id) ?? newCardState();
    const fresh = row.state === 'new';
    const flags = [row.leech ? 'leech' : '', row.suspended ? 'susp' : '', row.buried ? 'buried' : ''].filter(Boolean).join(' ');
    return [
      row.title,
      row.state,
      fresh ? '-' : dueLabel(state.due, now, settings.dayStartHour, isLearning(state)),
      row.stability === null ? '-' : row.stability < 1 ? `${row.stability.toFixed(1)}d` : daysLabel(Math.round(row.stability)),
      row.difficulty === null ? '-' : row.difficulty.toFixed(1),
      row.retrievability === null ? '-' : `${Math.round(row.retrievability * 100)}%`,
      String(row.lapses),
      flags,
    ];
  });
  ctx.out(
    formatTable(
      [
        { header: 'TITLE', flex: true, min: 16 },
        { header: 'STATE' },
        { header: 'DUE' },
        { header: 'STAB', align: 'right' },
        { header: 'DIFF', align: 'right' },
        { header: 'R', align: 'right' },
        { header: 'LAPSES', align: 'right' },
        { header: 'FLAGS' },
      ],
      table,
      outputWidth(),
    ),
  );
  ctx.out(`${deck}: ${plural(rows.length, 'card')} — ${countsLine(countCards(cards, states, now))}\n`);
  return 0;
}
