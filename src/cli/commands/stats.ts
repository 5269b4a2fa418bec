// `paperdeck stats [DECK]`: retention statistics with charts, or --json with every figure.
// Read-only (no lock, no Ink): it works while a study session is writing. The figures come
// from src/stats (pure functions over the review log); this file only gathers their inputs.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { outputWidth } from '../format.js';
import { UserError } from '../../core/errors.js';
import type { CardState, LogEntry, Settings } from '../../core/types.js';
import { computeStats } from '../../stats/index.js';
import { renderStats } from '../../stats/render.js';
import { openState } from '../../store/index.js';
import { loadCardsFile, resolveDeckName } from '../../store/decks.js';

export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const requested = typeof args.positional[0] === 'string' ? args.positional[0] : undefined;
  const { decksDir, stateDir } = ctx.places;
  const deck = resolveDeckName(decksDir, requested);
  const cardsFile = loadCardsFile(decksDir, deck);
  if (!cardsFile) throw new UserError(`deck ${deck} has no cards yet; run: paperdeck generate ${deck}`);
  const now = ctx.clock.now();
  const store = openState(stateDir, { mode: 'read', clock: ctx.clock });
  let settings: Settings;
  let states: ReadonlyMap<string, CardState>;
  let log: LogEntry[];
  try {
    // Settings as the other commands read them: a hand-edited bad value falls back to its default.
    settings = store.settings();
    const deckState = store.deck(deck);
    states = deckState.cardStates();
    log = deckState.readLog();
  } finally {
    store.close();
  }
  const stats = computeStats({ deck, log, states, cards: cardsFile.cards, settings, now });
  if (ctx.json) {
    printJson(ctx, stats);
    return 0;
  }
  ctx.out(renderStats(stats, { width: outputWidth(), color: ctx.color }));
  return 0;
}
