/**
 * Bump when parsing or key-idea extraction changes what cards the same notes give, so decks
 * whose notes did not change are rebuilt all the same. Kept apart from the generator so that
 * checking a deck is current runs none of it.
 */
export const GENERATOR_VERSION = 161;
