// The due index `generate` makes from the deck's state after a build (generate.ts). A module of
// its own, imported only when it runs: a rebuild after an edit of a few notes mostly needs no
// state at all (reheadDueIndex), and should not load the state's code.
import type { Clock } from '../../core/clock.js';
import type { IndexedCards } from '../../store/due-index.js';
import { openStateForReading, writeDueIndex } from '../../store/index.js';

/** Writes deck `deck`'s due index for `cards` from its state as it is; any trouble leaves none. */
export function writeDueIndexFromState(stateDir: string, clock: Clock, deck: string, cards: IndexedCards): void {
  try {
    const store = openStateForReading(stateDir, clock);
    try {
      writeDueIndex(stateDir, store.deck(deck), cards);
    } finally {
      store.close();
    }
  } catch {
    // `due` reads everything, as it would without an index
  }
}
