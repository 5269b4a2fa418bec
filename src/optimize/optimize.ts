// Fitting FSRS parameters to a deck's reviews, and deciding whether to use them. The fit itself
// is fsrs-rs's (binding.ts); this module decides what it is given and whether its answer is
// better than the parameters in use, judged on reviews it was not fitted to:
//
// 1. The items, oldest first, are split in time: the first 80% to fit on, the last 20% to test.
// 2. Parameters fitted to the first part and the parameters in use are both scored on the test
//    part, by log loss and RMSE(bins) as srs-benchmark and fsrs-rs compute them.
// 3. Only when the fitted ones predict the test part better (lower log loss: the proper scoring
//    rule; RMSE(bins) is reported beside it but is noisy on a small test part) are parameters
//    fitted again on every item, and those adopted. Else the parameters in use stay.
import { PARAMETER_COUNT, weightsProblem } from '../schedule/parameters.js';
import type { CardReviews } from '../schedule/reviews.js';
import { FULL_FIT_ITEMS, MIN_ITEMS, trainingItems, type TrainingItem } from './items.js';

export interface Metrics {
  logLoss: number;
  rmseBins: number;
}

/** What optimize needs of fsrs-rs. */
export interface Optimiser {
  /** Parameters fitted to `items`; `progress` gets the share done, from 0 to 1. */
  fit(items: readonly TrainingItem[], progress: (done: number) => void): Promise<number[]>;
  /** How well `weights` predict the last review of each item; null when there are too few to tell. */
  evaluate(weights: readonly number[], items: readonly TrainingItem[]): Metrics | null;
}

export interface OptimizeResult {
  /** Standing reviews read. */
  reviews: number;
  items: number;
  /** The parameters in use after this: the new ones when adopted, else those in use before. */
  parameters: number[];
  /** The parameters in use before, and the fitted ones, on the test part (null when nothing was tested). */
  before: Metrics | null;
  after: Metrics | null;
  adopted: boolean;
  reason: string;
}

/** Share of the items, the most recent, kept out of the fit to judge it. */
export const TEST_SHARE = 0.2;

export async function optimizeReviews(input: {
  cards: readonly CardReviews[];
  current: readonly number[];
  optimiser: Optimiser;
  progress?: (done: number) => void;
}): Promise<OptimizeResult> {
  const { cards, optimiser } = input;
  const current = [...input.current];
  const progress = input.progress ?? (() => {});
  const reviews = cards.reduce((sum, card) => sum + card.rating.length, 0);
  const items = trainingItems(cards);
  const n = (count: number) => count.toLocaleString('en-US');
  const keep = (reason: string, before: Metrics | null = null, after: Metrics | null = null): OptimizeResult => ({
    reviews,
    items: items.length,
    parameters: current,
    before,
    after,
    adopted: false,
    reason,
  });

  const needed = Math.ceil(MIN_ITEMS / (1 - TEST_SHARE));
  if (items.length < needed) {
    return keep(
      `too few reviews to fit: ${n(reviews)} reviews give ${n(items.length)} to learn from (a review a day or more after the one before); ` +
        `it takes ${needed} (${Math.ceil(FULL_FIT_ITEMS / (1 - TEST_SHARE))} to fit all ${PARAMETER_COUNT} parameters); the parameters stay as they are`,
      items.length ? optimiser.evaluate(current, items) : null,
    );
  }

  const split = Math.round(items.length * (1 - TEST_SHARE));
  const train = items.slice(0, split);
  const test = items.slice(split);
  const candidate = await optimiser.fit(train, (done) => progress(done * 0.45));
  progress(0.45);
  const before = optimiser.evaluate(current, test);
  const after = optimiser.evaluate(candidate, test);
  if (!before || !after) {
    progress(1);
    return keep(`the latest ${n(test.length)} reviews are too few to judge a fit by; the parameters stay as they are`, before, after);
  }
  const figures = `log loss ${after.logLoss.toFixed(4)} against ${before.logLoss.toFixed(4)}, RMSE(bins) ${after.rmseBins.toFixed(4)} against ${before.rmseBins.toFixed(4)}`;
  if (!(after.logLoss < before.logLoss)) {
    progress(1);
    return keep(`the fitted parameters predict the latest ${n(test.length)} reviews no better than those in use (${figures}); kept those in use`, before, after);
  }
  const fitted = await optimiser.fit(items, (done) => progress(0.5 + done * 0.5));
  progress(1);
  const problem = weightsProblem(fitted);
  if (problem) return keep(`the optimiser gave parameters FSRS-6 cannot use (${problem}); kept those in use`, before, after);
  const partial = items.length < FULL_FIT_ITEMS ? `; with fewer than ${FULL_FIT_ITEMS} items only the first four (initial stabilities) were fitted` : '';
  return {
    reviews,
    items: items.length,
    parameters: fitted,
    before,
    after,
    adopted: true,
    reason: `fitted parameters predict the latest ${n(test.length)} reviews better (${figures}); adopted, fitted again on all ${n(items.length)}${partial}`,
  };
}
