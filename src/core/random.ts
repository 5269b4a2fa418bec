// One seeded generator for everything that must give the same numbers every run: plan's
// simulation, and the benchmarks' and tests' made-up decks and learners.

/** mulberry32: a small, fast generator, uniform in [0, 1), the same numbers for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
