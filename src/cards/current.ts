// Which cards a command uses: the one rule, for readers (due, cards, stats) and for the study
// session alike.
import { UserError } from '../core/errors.js';
import type { CardsFile, SkippedNote } from '../core/types.js';
import { deckStatus, notesProblem, restampNotes } from './freshness.js';
import type { IdentityChanges } from './identity.js';
import { cli } from '../core/invocation.js';

/** The cards to use, and how they came to be the ones. */
export type CardsInUse =
  /** cards.json, built from the notes as they are. */
  | { kind: 'as-built'; cardsFile: CardsFile }
  /** cards.json standing in for notes that cannot be used (deleted, emptied mid-save, not notes). */
  | { kind: 'last-built'; cardsFile: CardsFile; problem: UserError }
  /** Built from the notes now: saved to cards.json when `save`, else in memory only. */
  | { kind: 'rebuilt'; cardsFile: CardsFile; firstBuild: boolean; changes: IdentityChanges; skipped: readonly SkippedNote[] };

/**
 * cards.json when it is up to date; else the cards regenerating gives. A writer (`save`, the
 * study session, which holds the lock) saves them, and restamps notes touched but unchanged so
 * that `due` need not read them again; a reader never writes (it runs beside a study session)
 * and builds them in memory. The generator, the heaviest code there is, is imported only in that
 * second case: a chunk of its own in the full program, and left out of `due`'s one-file bin,
 * which hands such a deck over to the full program (cli/hand-over.ts). Notes that cannot be read
 * or built leave the cards last built; without any, the notes' error is the answer.
 */
export async function cardsToUse(decksDir: string, name: string, { save }: { save: boolean }): Promise<CardsInUse> {
  const status = deckStatus(decksDir, name);
  const problem = notesProblem(status);
  if (status.cardsFile && problem) return { kind: 'last-built', cardsFile: status.cardsFile, problem };
  if (status.cardsFile && status.current) {
    if (save) restampNotes(decksDir, name, status);
    return { kind: 'as-built', cardsFile: status.cardsFile };
  }
  const generate = await import('./generate.js');
  try {
    const built = save ? generate.generateDeck(decksDir, name, { status }) : generate.buildDeck(name, status.notes!, status.cardsFile);
    return { kind: 'rebuilt', cardsFile: built.cardsFile, firstBuild: status.cardsFile === null, changes: built.changes, skipped: built.skipped };
  } catch (error) {
    if (!(status.cardsFile && error instanceof UserError)) throw error;
    return { kind: 'last-built', cardsFile: status.cardsFile, problem: error };
  }
}

export interface CurrentCards {
  cardsFile: CardsFile;
  /** Set when the cards are not cards.json as built from the notes: what to tell the user (no "paperdeck:" prefix). */
  note: string | null;
}

/** The cards for a command that only reads, with what to say of them (cardsToUse). */
export async function currentCards(decksDir: string, name: string): Promise<CurrentCards> {
  const cards = await cardsToUse(decksDir, name, { save: false });
  switch (cards.kind) {
    case 'as-built':
      return { cardsFile: cards.cardsFile, note: null };
    case 'last-built':
      return {
        cardsFile: cards.cardsFile,
        note: `${name}'s notes cannot be used (${cards.problem.message}); these are the cards last built — ${cli()} generate ${name} says more`,
      };
    case 'rebuilt':
      return {
        cardsFile: cards.cardsFile,
        note: cards.firstBuild
          ? `${name} has no cards.json yet; run ${cli()} generate ${name} to save its cards`
          : `${name}'s notes changed since its cards were built; run ${cli()} generate ${name} to save them`,
      };
  }
}
