// Card memory states (stability and difficulty) replayed from the review log with the FSRS
// parameters in use. Each log entry records the state FSRS gave at the time, with the
// parameters of the time; once parameters are fitted to the user's own reviews, the memory of
// every card is what those parameters make of its whole history, and the log holds all of it.
// Due dates are not touched: they stay as they were set.
import { fsrs, type FSRS } from 'ts-fsrs';
import type { CardState, FsrsParameters } from '../core/types.js';
import { weightsOf } from './parameters.js';
import type { CardReviews } from './reviews.js';

export interface MemoryState {
  stability: number;
  difficulty: number;
}

/** An FSRS-6 model with `parameters` (the defaults when null), short-term terms on as paperdeck schedules. */
export function fsrsModel(parameters: FsrsParameters | null): FSRS {
  return fsrs({ w: [...weightsOf(parameters)], enable_short_term: true });
}

/** Each card's memory state after its standing reviews, by card id. */
export function replayMemory(cards: readonly CardReviews[], parameters: FsrsParameters | null): Map<string, MemoryState> {
  const model = fsrsModel(parameters);
  const memory = new Map<string, MemoryState>();
  for (const { card, rating, deltaDays } of cards) {
    let state: MemoryState | null = null;
    for (let k = 0; k < rating.length; k++) state = model.next_state(state, deltaDays[k]!, rating[k]!);
    if (state) memory.set(card, state);
  }
  return memory;
}

/** `states` with each card's stability and difficulty from `memory`; everything else as it was. */
export function withMemory(states: ReadonlyMap<string, CardState>, memory: ReadonlyMap<string, MemoryState>): Map<string, CardState> {
  const result = new Map<string, CardState>();
  for (const [id, state] of states) {
    const replayed = memory.get(id);
    result.set(id, replayed ? { ...state, stability: replayed.stability, difficulty: replayed.difficulty } : state);
  }
  return result;
}
