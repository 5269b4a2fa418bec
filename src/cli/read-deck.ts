// What the read-only commands (cards, stats, history) share: the deck named or the only one, its cards
// as they stand, and its state opened without a lock so they work beside a study session.
import type { CommandContext } from './context.js';
import { currentCards } from '../cards/current.js';
import type { Card, CardState, LogEntry, LogFacts, Settings } from '../core/types.js';
import { replayMemory, withMemory } from '../schedule/memory.js';
import { localDayKey } from '../schedule/days.js';
import { dayNumber, type ReviewTally } from '../schedule/review-tally.js';
import { reviewsByCard } from '../schedule/reviews.js';
import { resolveDeckName } from '../store/decks.js';
import { LogFactsBuilder, openState, openStateForReading } from '../store/index.js';
import { NOT_ANSWERED, type IndexedDeck } from '../store/due-index.js';
import type { StatsCards } from '../stats/index.js';
import { currentDueIndex } from '../cards/freshness.js';

export interface DeckForReading<C = Card> {
  deck: string;
  cards: C[];
  settings: Settings;
  states: ReadonlyMap<string, CardState>;
  /** The whole review log as the statistics read it, when asked for (else empty). */
  log: LogFacts;
  /** The log's entries in full, when asked for (else empty): what one card's history needs. */
  entries: LogEntry[];
  /**
   * When asked for with `tallyAt` (a time), the tally of the standing reviews up to that time's
   * local day, in place of `log` (then empty) when the log need not be read for anything else.
   */
  tally?: ReviewTally;
}

export async function readDeck(ctx: CommandContext, requested: unknown, options: { log: boolean; entries?: boolean; tallyAt?: number }): Promise<DeckForReading> {
  const { decksDir, stateDir } = ctx.places;
  const deck = resolveDeckName(decksDir, typeof requested === 'string' ? requested : undefined);
  const { cardsFile, note } = await currentCards(decksDir, deck);
  if (note) ctx.err(`paperdeck: note: ${note}\n`);
  const store = await openState(stateDir, { mode: 'read', clock: ctx.clock });
  try {
    const deckState = store.deck(deck);
    if (deckState.tornTail) {
      // A crash cut the log's last line; readers skip it and the next session sets it aside.
      ctx.err(`paperdeck: note: the last line of ${deck}'s review log was cut off by a crash (${deckState.tornTail.reason}); it is ignored, and the next study session sets it aside\n`);
    }
    const settings = store.settings(deck);
    let states = new Map(deckState.cardStates());
    // The statistics of the history come from the tally the store keeps, unless the log is read anyway.
    const tally =
      options.tallyAt !== undefined && !settings.parameters
        ? deckState.reviewTally(settings.dayStartHour, dayNumber(localDayKey(options.tallyAt, settings.dayStartHour)))
        : undefined;
    const log = (options.log && !tally) || settings.parameters ? deckState.readLogFacts() : new LogFactsBuilder(0).finish();
    if (settings.parameters) {
      // Memory states follow the parameters in use: replayed from the log (schedule/memory.ts).
      states = withMemory(states, replayMemory(reviewsByCard(log, settings.dayStartHour), settings.parameters));
    }
    return {
      deck,
      cards: cardsFile.cards,
      settings,
      states,
      log: options.log && !tally ? log : new LogFactsBuilder(0).finish(),
      entries: options.entries ? deckState.readLog() : [],
      ...(tally ? { tally } : {}),
    };
  } finally {
    store.close();
  }
}

/**
 * What `stats` reads, with the cards and their states from the deck's due index
 * (store/due-index.ts: every card's id, title and whole state) as its columns, a card's id and
 * title decoded only when asked for, and the tally of its history, so that neither cards.json
 * nor the snapshot is parsed; or null when the index cannot give exactly what readDeck gives: a
 * deck with FSRS parameters (memory states replayed from the log), an index not current
 * (readDueIndex's checks) or not exact (another machine's answers to merge), a log with a torn
 * last line (readDeck notes it), or any error (readDeck reports it).
 */
export function readIndexedDeck(ctx: CommandContext, requested: unknown, tallyAt: number): { deck: string; cards: StatsCards; settings: Settings; tally: ReviewTally } | null {
  const { decksDir, stateDir } = ctx.places;
  try {
    const deck = resolveDeckName(decksDir, typeof requested === 'string' ? requested : undefined);
    const store = openStateForReading(stateDir, ctx.clock);
    try {
      const settings = store.settings(deck);
      if (settings.parameters) return null;
      const index = currentDueIndex(decksDir, stateDir, deck);
      if (!index || !index.deck.exact || index.deck.torn) return null;
      const { columns, length } = index.deck;
      for (let i = 0; i < length; i++) if (columns.state[i]! > 3 && columns.state[i] !== NOT_ANSWERED) return null;
      const cards = indexedCards(index.deck);
      const tally = store.deckHistory(deck).reviewTally(settings.dayStartHour, dayNumber(localDayKey(tallyAt, settings.dayStartHour)));
      return { deck, cards, settings, tally };
    } finally {
      store.close();
    }
  } catch {
    return null;
  }
}

/**
 * The index's cards as the statistics read them. Its ids and titles are checked whole here (a
 * damaged list: an error, and readDeck instead) but decoded one by one when asked for, from
 * their JSON text in the index's bytes (rawIdsAndTitles); parsed whole when that text is not
 * the plain form rawIdsAndTitles reads.
 */
function indexedCards(deck: IndexedDeck): StatsCards {
  const { length, columns } = deck;
  const raw = deck.rawIdsAndTitles();
  if (raw) {
    const { bytes, ids, titles } = raw;
    const text = (starts: Int32Array, k: number) => JSON.parse(bytes.toString('utf8', starts[k]!, starts[k + 1]! - 1)) as string;
    return { length, columns, id: (i) => text(ids, i), title: (i) => text(titles, i) };
  }
  const ids = deck.ids();
  const titles = deck.titles();
  return { length, columns, id: (i) => ids[i]!, title: (i) => titles[i]! };
}
