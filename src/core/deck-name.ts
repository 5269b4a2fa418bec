// What a deck may be called, in one place: the store checks names with it, and `new --help`
// and the error for a bad name describe it in the same words, so the two cannot disagree.

const DECK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The rule in words, as `new --help` and the error for a bad name give it. */
export const DECK_NAME_RULE = "letters, digits, '.', '-' and '_', starting with a letter or digit (no '..'; up to 64)";

/** A folder name that can be a deck: it never reaches outside the decks folder. */
export function isDeckName(name: string): boolean {
  return DECK_NAME.test(name) && !name.includes('..');
}
