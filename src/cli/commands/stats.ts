// `paperdeck stats [DECK]`: retention statistics with charts, or --json with every figure.
// Read-only (no lock, no Ink): it works while a study session is writing. The figures come
// from src/stats (pure functions over the review log); this file only gathers their inputs.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { outputWidth } from '../format.js';
import { computeStats, computeStatsOf, type DeckStats, type Retrievability } from '../../stats/index.js';
import { renderStats } from '../../stats/render.js';
import { readDeck, readIndexedDeck } from '../read-deck.js';
import { measured } from '../../core/text.js';

/** Widths are measured only when what is printed needs them (core/text.ts measured). */
export const loadsTextWidths = true;

export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const now = ctx.clock.now();
  // The cards and their states from the due index when it can be used (else cards.json and the
  // snapshot); the history's figures from the tally the last writer kept, carried on with what
  // was answered since.
  const indexed = readIndexedDeck(ctx, args.positional[0], now);
  const stats = indexed ? computeStatsOf({ ...indexed, now }) : await readAndCompute(ctx, args.positional[0], now);
  if (ctx.json) {
    printJson(ctx, stats);
    return 0;
  }
  ctx.out(await measured(() => renderStats(stats, { width: outputWidth(), color: ctx.color })));
  return 0;
}

/** The statistics from cards.json and the snapshot (and the log, for a deck with FSRS parameters of its own). */
async function readAndCompute(ctx: CommandContext, requested: unknown, now: number): Promise<DeckStats> {
  const { deck, cards, settings, states, log, tally } = await readDeck(ctx, requested, { log: true, tallyAt: now });
  // Retrievability by the deck's own parameters: the scheduler's (ts-fsrs), loaded for them alone.
  let retrievability: Retrievability | undefined;
  if (settings.parameters) {
    const scheduler = new (await import('../../schedule/scheduler.js')).Scheduler(settings);
    retrievability = (state, at) => scheduler.retrievability(state, at);
  }
  return computeStats({ deck, ...(tally ? { tally } : { log }), states, cards, settings, now, ...(retrievability ? { retrievability } : {}) });
}
