// `paperdeck unsuspend [DECK] [CARD...] [--leeches] [--all]`: puts suspended cards back in the
// queue. A CARD is an id or a unique part of a title. Writes like a study session does: the
// state opened for writing (so it is refused while a session runs) and one log entry a card.
// No Ink, no React.
//
// --json: { deck, unsuspended: [id], notSuspended: [id] }.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { plural } from '../../core/text.js';
import { currentCards } from '../../cards/current.js';
import { deckStatus, leaveDueIndex } from '../../cards/freshness.js';
import { UsageError } from '../../core/errors.js';
import { toSafeLine } from '../../core/sanitize.js';
import { planUnsuspend, unsuspendCards } from '../../schedule/unsuspend.js';
import { listDecks, resolveDeckName } from '../../store/decks.js';
import { openState } from '../../store/index.js';

interface UnsuspendFlags {
  leeches?: boolean;
  all?: boolean;
}

/** The words after `unsuspend`, flattened: commander hands [deck, [cards...]]. */
function words(positional: unknown[]): string[] {
  return positional.flat().filter((word): word is string => typeof word === 'string');
}

export async function run(ctx: CommandContext, args: CommandArgs<UnsuspendFlags>): Promise<number> {
  const { decksDir, stateDir } = ctx.places;
  const given = words(args.positional);
  // The first word is the deck when a deck has that name; otherwise every word is a card.
  const named = given.length > 0 && listDecks(decksDir).includes(given[0]!);
  const deck = resolveDeckName(decksDir, named ? given[0] : undefined);
  const refs = named ? given.slice(1) : given;
  const request = { refs, leeches: Boolean(args.flags.leeches), all: Boolean(args.flags.all) };
  if (refs.length === 0 && !request.leeches && !request.all) {
    throw new UsageError('name the cards to unsuspend (ids or parts of titles), or use --leeches or --all');
  }

  const { cardsFile, note } = await currentCards(decksDir, deck);
  if (note) ctx.err(`paperdeck: note: ${note}\n`);
  const store = await openState(stateDir, { mode: 'write', clock: ctx.clock, command: `paperdeck unsuspend ${deck}` });
  let plan;
  let written;
  let deckState;
  try {
    deckState = store.deck(deck);
    plan = planUnsuspend(cardsFile.cards, deckState.cardStates(), request);
    written = unsuspendCards(
      deckState,
      plan.unsuspend.map((card) => card.id),
      ctx.clock.now(),
    );
  } finally {
    store.close();
  }
  // Closing folded the answers into a new snapshot, which sets the old due index aside: a new
  // one, as a study session leaves, keeps `due` and `cards --json` on their quick path.
  // Only a speed-up: any doubt or failure leaves none.
  if (written.length > 0) {
    try {
      leaveDueIndex(stateDir, deckState, deckStatus(decksDir, deck));
    } catch {
      // they read everything, as they would without an index
    }
  }

  if (ctx.json) {
    printJson(ctx, { deck, unsuspended: written.map((entry) => entry.card), notSuspended: plan.notSuspended.map((card) => card.id) });
    return 0;
  }
  for (const card of plan.notSuspended) ctx.err(`paperdeck: note: ${JSON.stringify(toSafeLine(card.title))} was not suspended\n`);
  if (written.length === 0) {
    const none = request.all ? 'no suspended cards' : request.leeches ? 'no suspended leeches' : 'nothing to unsuspend';
    ctx.out(`${deck}: ${none}\n`);
    return 0;
  }
  const titles = new Map(plan.unsuspend.map((card) => [card.id, toSafeLine(card.title)]));
  ctx.out(`${deck}: unsuspended ${plural(written.length, 'card')}\n`);
  for (const entry of written) ctx.out(`  ${titles.get(entry.card)}${entry.after.leech ? '  (leech)' : ''}\n`);
  return 0;
}
