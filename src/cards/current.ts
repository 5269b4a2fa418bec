// The deck's cards as they stand now, for commands that only read (due, cards, stats).
import { UserError } from '../core/errors.js';
import type { CardsFile } from '../core/types.js';
import { deckStatus, notesProblem } from '../store/decks.js';
import { cli } from '../core/invocation.js';

export interface CurrentCards {
  cardsFile: CardsFile;
  /** Set when the cards were built in memory: what to tell the user (no "paperdeck:" prefix). */
  note: string | null;
}

/**
 * cards.json when it is up to date, else the cards regenerating would give, built in memory:
 * readers never write (they run beside a study session). The generator, the heaviest code
 * there is, runs only in that second case (it is imported then: a chunk of its own in the
 * full program, code that is parsed but not run in `due`'s one-file bin), so `due` in a shell
 * prompt stays fast. Notes that
 * cannot be read or built (deleted, emptied by an editor mid-save, not notes at all) leave the
 * cards last built, with a note saying so; without any, the notes' error is the answer.
 */
export async function currentCards(decksDir: string, name: string): Promise<CurrentCards> {
  const status = deckStatus(decksDir, name);
  const lastBuilt = (problem: UserError) =>
    `${name}'s notes cannot be used (${problem.message}); these are the cards last built — ${cli()} generate ${name} says more`;
  if (status.current) {
    const problem = notesProblem(status);
    return { cardsFile: status.cardsFile!, note: problem ? lastBuilt(problem) : null };
  }
  const { buildDeck } = await import('./generate.js');
  try {
    const note = status.cardsFile
      ? `${name}'s notes changed since its cards were built; run ${cli()} generate ${name} to save them`
      : `${name} has no cards.json yet; run ${cli()} generate ${name} to save its cards`;
    return { cardsFile: buildDeck(name, status.notes!, status.cardsFile).cardsFile, note };
  } catch (error) {
    if (!(status.cardsFile && error instanceof UserError)) throw error;
    return { cardsFile: status.cardsFile, note: lastBuilt(error) };
  }
}
