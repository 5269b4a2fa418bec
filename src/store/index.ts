// The state store's public face: everything outside src/store reaches the files under state/
// through this. The deck folders (notes and cards.json) have theirs in decks.ts.
export { openState, openStateForReading, type OpenStateOptions, type StateStore } from './state.js';
export { FOLD_TAIL_ENTRIES, type DeckState } from './deck-state.js';
export { BACKUPS_KEPT } from './backups.js';
export { LogFactsBuilder, logFactsOf } from './log-facts.js';
export { hasDeckState, readDueIndex, reheadDueIndex, writeDueIndex } from './due-index.js';
