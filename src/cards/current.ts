// The deck's cards as they stand now, for commands that only read (due, cards, stats).
import type { CardsFile } from '../core/types.js';
import { deckStatus } from '../store/decks.js';

/**
 * cards.json when it is up to date, else the cards regenerating would give, built in memory:
 * readers never write (they run beside a study session). The generator, the heaviest code
 * there is, loads only in that second case, so `due` in a shell prompt stays fast.
 */
export async function currentCards(decksDir: string, name: string): Promise<{ cardsFile: CardsFile; stale: boolean }> {
  const status = deckStatus(decksDir, name);
  if (status.current) return { cardsFile: status.cardsFile!, stale: false };
  const { buildDeck } = await import('./generate.js');
  return { cardsFile: buildDeck(name, status.notes!, status.cardsFile).cardsFile, stale: true };
}
