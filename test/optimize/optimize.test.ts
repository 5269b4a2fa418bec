// optimize on a simulated learner whose memory follows FSRS-6 with known parameters: the fit
// must predict the learner's latest reviews clearly better than the defaults, land near the
// truth, and be what fsrs-rs gives for the same items handed to it directly.
import { fsrs } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { simulateLearner, TRUE_WEIGHTS } from '../../bench/learner.js';
import { bindingOptimiser, requireBinding } from '../../src/optimize/binding.js';

const binding = requireBinding();
import { trainingItems, type TrainingItem } from '../../src/optimize/items.js';
import { optimizeReviews, type Optimiser } from '../../src/optimize/optimize.js';
import { DEFAULT_WEIGHTS, WEIGHT_RANGES } from '../../src/schedule/parameters.js';
import { reviewsByCard } from '../../src/schedule/reviews.js';
import { logFactsOf } from '../../src/store/index.js';

const start = new Date(2026, 0, 5, 9).getTime();
const log = simulateLearner({ cards: 1000, newPerDay: 10, days: 200, start, undoEvery: 50 });
const cards = reviewsByCard(logFactsOf(log), 4);
const items = trainingItems(cards);

/** Each item's predicted recall under `weights`: its memory replayed, then the forgetting curve. */
function predictions(weights: readonly number[], list: readonly TrainingItem[]): number[] {
  const model = fsrs({ w: [...weights], enable_short_term: true });
  return list.map(({ reviews }) => {
    let state = null as { stability: number; difficulty: number } | null;
    for (const review of reviews.slice(0, -1)) state = model.next_state(state, review.deltaT, review.rating);
    return model.forgetting_curve(reviews.at(-1)!.deltaT, state!.stability);
  });
}

function meanGap(a: number[], b: number[]): number {
  return a.reduce((sum, x, i) => sum + Math.abs(x - b[i]!), 0) / a.length;
}

describe('optimize on a simulated learner (true parameters known)', async () => {
  const result = await optimizeReviews({ cards, current: DEFAULT_WEIGHTS, optimiser: bindingOptimiser(binding) });

  it('reads every standing review and adopts parameters that predict the latest reviews clearly better', () => {
    expect(result.reviews).toBe(log.filter((e) => e.kind === 'review').length - log.filter((e) => e.kind === 'undo').length);
    expect(result.items).toBe(items.length);
    expect(result.items).toBeGreaterThan(5000);
    expect(result.adopted).toBe(true);
    expect(result.after!.logLoss).toBeLessThan(result.before!.logLoss - 0.005);
    expect(result.after!.rmseBins).toBeLessThan(result.before!.rmseBins * 0.9);
  });

  it('lands near the true parameters: its predictions are far closer to the truth than the defaults are', () => {
    const truth = predictions(TRUE_WEIGHTS, items);
    const fitted = meanGap(predictions(result.parameters, items), truth);
    const defaults = meanGap(predictions(DEFAULT_WEIGHTS, items), truth);
    expect(fitted).toBeLessThan(defaults / 2);
    // Single parameters trade off against each other and are only loosely determined; the
    // stabilities after a first Again and a first Good, the most common starts, are closer.
    for (const i of [0, 2]) {
      expect(Math.abs(result.parameters[i]! - TRUE_WEIGHTS[i]!), `w${i}`).toBeLessThan(Math.abs(DEFAULT_WEIGHTS[i]! - TRUE_WEIGHTS[i]!));
    }
    result.parameters.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(WEIGHT_RANGES[i]![0] - 1e-6));
  });

  it('gives what fsrs-rs gives for the same items handed to it directly', async () => {
    const direct = await binding.computeParameters(
      items.map((item) => new binding.FSRSBindingItem(item.reviews.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT)))),
      { enableShortTerm: true, timeout: 50 },
    );
    expect(result.parameters).toEqual([...direct]);
  });
});

describe('optimize: when it keeps the parameters in use', () => {
  const fake = (fitted: number[], scores: (weights: readonly number[]) => number): Optimiser & { fits: number } => ({
    fits: 0,
    async fit() {
      this.fits++;
      return fitted;
    },
    evaluate: (weights) => ({ logLoss: scores(weights), rmseBins: scores(weights) / 5 }),
  });

  it('says how many reviews there are and how many it takes, below the minimum', async () => {
    const few = reviewsByCard(logFactsOf(simulateLearner({ cards: 3, newPerDay: 3, days: 20, start })), 4);
    const optimiser = fake([...TRUE_WEIGHTS], () => 0.5);
    const result = await optimizeReviews({ cards: few, current: DEFAULT_WEIGHTS, optimiser });
    expect(result.adopted).toBe(false);
    expect(result.items).toBeLessThan(10);
    expect(result.reason).toMatch(new RegExp(`too few reviews to fit: ${result.reviews} reviews give ${result.items} to learn from .*it takes 10 \\(80 to fit all 21 parameters\\)`));
    expect(result.parameters).toEqual([...DEFAULT_WEIGHTS]);
    expect(optimiser.fits).toBe(0);
  });

  it('keeps the parameters in use when the fit predicts the held-out reviews no better, and never fits on all', async () => {
    const optimiser = fake([...TRUE_WEIGHTS], (weights) => (weights === DEFAULT_WEIGHTS || weights[0] === DEFAULT_WEIGHTS[0] ? 0.3 : 0.31));
    const result = await optimizeReviews({ cards, current: DEFAULT_WEIGHTS, optimiser });
    expect(result.adopted).toBe(false);
    expect(result.parameters).toEqual([...DEFAULT_WEIGHTS]);
    expect(result.before!.logLoss).toBe(0.3);
    expect(result.after!.logLoss).toBe(0.31);
    expect(result.reason).toMatch(/no better than those in use \(log loss 0\.3100 against 0\.3000/);
    expect(optimiser.fits).toBe(1);
  });

  it('refuses parameters FSRS-6 cannot use', async () => {
    const broken = [...TRUE_WEIGHTS];
    broken[4] = 50;
    const optimiser = fake(broken, (weights) => (weights[4] === 50 ? 0.2 : 0.3));
    const result = await optimizeReviews({ cards, current: DEFAULT_WEIGHTS, optimiser });
    expect(result.adopted).toBe(false);
    expect(result.reason).toMatch(/cannot use \(parameter 5 \(50\) is outside 1-10\)/);
  });
});
