// A study session played on a test workspace's deck "papers" through the real engine and store:
// what the due index and `cards --json` tests replay day after day.
import { deckStatus } from '../../src/cards/freshness.js';
import type { ManualClock } from '../../src/core/clock.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import type { Rating, Settings } from '../../src/core/types.js';
import { openState } from '../../src/store/index.js';

export type OpenStore = Awaited<ReturnType<typeof openState>>;

/**
 * Up to `answers` answers, a mix fixed by `seed`: some cards buried or suspended, an answer undone
 * now and then, 20 to 42 seconds apart. The store is left open: the caller ends the session as
 * study ends it (closing it, leaving the index), or drops it, as a session killed mid-way.
 */
export async function playSession(ws: { state: string; decks: string }, clock: ManualClock, answers: number, seed: number, settings: Settings): Promise<OpenStore> {
  const store = await openState(ws.state, { mode: 'write', clock });
  const engine = createStudyEngine({ deck: store.deck('papers'), cards: deckStatus(ws.decks, 'papers').cardsFile!.cards, settings, clock });
  for (let i = 0; i < answers; i++) {
    const card = engine.view().card;
    if (!card) break;
    const roll = (seed * 31 + i * 17) % 23;
    clock.advance(20_000 + roll * 1000);
    if (roll === 5) engine.bury(card.id);
    else if (roll === 11) engine.suspend(card.id);
    else engine.answer(card.id, ((roll % 4) + 1) as Rating, 8_000);
    if (roll === 7) engine.undo();
  }
  return store;
}
