// The one-file bin (`due` and `generate`, their quick path) leaves the card generator out (scripts/bundle.mjs): it is a third of the
// bin, which every shell prompt would parse, for the rare deck whose notes changed since its
// cards.json was built. In the bin this module stands in for src/cards/generate.ts; when such a
// deck comes up, main.ts hands the whole command line to the full program, which has the
// generator, before anything has been printed.

/** Thrown (in the bin only) where the generator would be needed. */
export class HandOverToFullProgram extends Error {
  override name = 'HandOverToFullProgram';
}

/** Stands in for src/cards/generate.ts's buildDeck in the bin. */
export function buildDeck(): never {
  throw new HandOverToFullProgram('the card generator is in the full program');
}

/** Stands in for src/cards/generate.ts's needGenerator in the bin: `generate` hands over here. */
export function needGenerator(): never {
  throw new HandOverToFullProgram('the card generator is in the full program');
}

/** Stands in for src/cards/generate.ts's generateDeck in the bin. */
export function generateDeck(): never {
  throw new HandOverToFullProgram('the card generator is in the full program');
}

/** Stands in for src/cards/incremental.ts's generateIncrementally in the bin. */
export function generateIncrementally(): never {
  throw new HandOverToFullProgram('the card generator is in the full program');
}
