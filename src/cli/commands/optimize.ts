// `paperdeck optimize [DECK] [--reschedule] [--json]`: fits FSRS-6 parameters to the deck's own
// standing reviews (src/optimize) and adopts them for the deck only if they predict its latest
// reviews better than the parameters in use. Card memory states then follow them: they are
// replayed from the log whenever they are read (schedule/memory.ts); due dates already set stay,
// unless --reschedule moves them (schedule/reschedule.ts).
//
// --json: { deck, reviews, items, parameters, before: { logLoss, rmseBins }, after: { logLoss,
// rmseBins }, adopted, reason, previous, fittedAt }.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { outputWidth, wrap } from '../format.js';
import { progressBar } from '../progress.js';
import { loadOptimiser } from '../../optimize/binding.js';
import { optimizeReviews, type Metrics, type OptimizeResult } from '../../optimize/optimize.js';
import { formatWeights, weightsOf } from '../../schedule/parameters.js';
import { replayMemory } from '../../schedule/memory.js';
import { rescheduler } from '../../schedule/reschedule.js';
import { reviewsByCard } from '../../schedule/reviews.js';
import { resolveDeckName } from '../../store/decks.js';
import { openState, type StateStore } from '../../store/index.js';
import type { FsrsParameters } from '../../core/types.js';

const count = (n: number) => n.toLocaleString('en-US');

/** Wide enough for the longest row label, "in use (FSRS-6 default)". */
const LABEL_WIDTH = 23;

function metricsRow(label: string, metrics: Metrics | null): string {
  if (!metrics) return `  ${label.padEnd(LABEL_WIDTH)}       —           —\n`;
  return `  ${label.padEnd(LABEL_WIDTH)}  ${metrics.logLoss.toFixed(4).padStart(8)}  ${metrics.rmseBins.toFixed(4).padStart(10)}\n`;
}

function describeInUse(parameters: FsrsParameters | null, deckHasOwn: boolean): string {
  if (parameters === null) return 'in use (FSRS-6 default)';
  if (parameters.fittedAt === null) return 'in use (set by hand)';
  return deckHasOwn ? 'in use (fitted before)' : 'in use (global)';
}

function render(deck: string, result: OptimizeResult, inUse: string, width: number, reschedule: { moved: number | null }): string {
  const lines: string[] = [];
  const para = (text: string) => wrap(text, width).join('\n') + '\n';
  lines.push(para(`${deck}: ${count(result.reviews)} ${result.reviews === 1 ? 'review' : 'reviews'}, ${count(result.items)} to learn from (a review a day or more after the one before)`));
  if (result.before || result.after) {
    lines.push(`\n  ${''.padEnd(LABEL_WIDTH)}  ${'log loss'.padStart(8)}  ${'RMSE(bins)'.padStart(10)}\n`);
    lines.push(metricsRow(inUse, result.before));
    if (result.after) lines.push(metricsRow('fitted', result.after));
    lines.push('\n');
  }
  lines.push(para(`${result.adopted ? 'Adopted' : 'Not adopted'}: ${result.reason}.`));
  if (result.adopted) {
    lines.push(para(`Parameters: ${formatWeights(result.parameters)}`));
    lines.push(
      para(
        reschedule.moved === null
          ? 'Card memory states now follow them (replayed from the review log); due dates already set stay (--reschedule moves them).'
          : `Card memory states now follow them (replayed from the review log), and ${count(reschedule.moved)} review ${reschedule.moved === 1 ? 'card was' : 'cards were'} rescheduled to the intervals they give.`,
      ),
    );
  } else if (reschedule.moved !== null) {
    lines.push(para(`${count(reschedule.moved)} review ${reschedule.moved === 1 ? 'card was' : 'cards were'} rescheduled to the intervals the parameters in use give.`));
  }
  return lines.join('');
}

export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const requested = args.positional[0];
  const deck = resolveDeckName(ctx.places.decksDir, typeof requested === 'string' ? requested : undefined);
  // Before the state is opened: where the optimiser cannot load, nothing is locked or written.
  const optimiser = await loadOptimiser();
  const store = await openState(ctx.places.stateDir, { mode: 'write', clock: ctx.clock, command: `paperdeck optimize ${deck}` });
  let result: OptimizeResult;
  let inUse: string;
  let previous: FsrsParameters | null;
  /** Review cards whose due date --reschedule moved; null without the flag. */
  let rescheduled: number | null = null;
  const now = ctx.clock.now();
  try {
    const settings = store.settings(deck);
    previous = settings.parameters;
    inUse = describeInUse(settings.parameters, store.deckParameters()[deck] !== undefined);
    const cards = reviewsByCard(store.deck(deck).readLogFacts(), settings.dayStartHour);
    const bar = progressBar(`optimizing ${deck}`);
    try {
      result = await optimizeReviews({ cards, current: weightsOf(settings.parameters), optimiser, progress: (done) => bar.update(done) });
    } finally {
      bar.finish();
    }
    if (result.adopted) store.saveDeckParameters(deck, { weights: result.parameters, fittedAt: now, reviews: result.reviews });
    // To the parameters in use, adopted now or before: a run that adopts without the flag (or
    // fails midway through the moves) is followed by one with it, which need not adopt again.
    if (args.flags['reschedule'] === true) rescheduled = rescheduleDeck(store, deck, cards, now);
  } finally {
    store.close();
  }
  if (ctx.json) {
    printJson(ctx, {
      deck,
      ...result,
      previous: [...weightsOf(previous)],
      fittedAt: result.adopted ? new Date(now).toISOString() : null,
      rescheduled,
    });
    return 0;
  }
  ctx.out(render(deck, result, inUse, outputWidth(), { moved: rescheduled }));
  return 0;
}

/**
 * Moves each review card's due date to the interval its memory, replayed with the parameters in
 * use (those just adopted, if any), gives (schedule/reschedule.ts): one `reschedule` entry of the log per card moved,
 * on disk before the next, so a crash leaves every move made so far and none half made.
 */
function rescheduleDeck(store: StateStore, deck: string, cards: ReturnType<typeof reviewsByCard>, now: number): number {
  const settings = store.settings(deck);
  const memory = replayMemory(cards, settings.parameters);
  const move = rescheduler(settings);
  const deckState = store.deck(deck);
  let moved = 0;
  for (const [card, state] of [...deckState.cardStates()]) {
    const after = move(state, memory.get(card));
    if (!after) continue;
    deckState.append({ kind: 'reschedule', at: now, card, before: state, after });
    moved++;
  }
  return moved;
}
