// The store's public face: everything outside src/store reaches the state files through this.
export { openState, type OpenStateOptions, type StateStore } from './state.js';
export { FOLD_TAIL_ENTRIES, type DeckState, type DistributiveOmit } from './deck-state.js';
export { BACKUPS_KEPT } from './backups.js';
export { LogFactsBuilder, logFactsOf } from './log-facts.js';
