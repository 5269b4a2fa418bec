// fsrs-rs's optimiser through @open-spaced-repetition/binding, a native module with prebuilt
// binaries per platform. It is an optional dependency, loaded here only, when `optimize` runs:
// a platform without a binary, or an install without it, loses this command and no other.
import { UserError } from '../core/errors.js';
import type { Metrics, Optimiser } from './optimize.js';
import type { TrainingItem } from './items.js';

type Binding = typeof import('@open-spaced-repetition/binding');

const PACKAGE = '@open-spaced-repetition/binding';
/**
 * How often, in ms, the binding polls the training thread for progress; the fit's promise only
 * settles at a poll, so a long interval adds up to that much to every fit.
 */
const POLL_MS = 50;

/** The optimiser, or a one-line UserError saying why it cannot be had here. */
export async function loadOptimiser(): Promise<Optimiser> {
  let binding: Binding;
  try {
    binding = await import(PACKAGE);
    if (typeof binding.computeParameters !== 'function') throw new Error('it has no computeParameters');
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError(
      `optimize needs the FSRS optimiser ${PACKAGE}, which is not installed or does not load on this platform (${process.platform}-${process.arch}): ${why}; every other command works without it`,
    );
  }
  return bindingOptimiser(binding);
}

export function bindingOptimiser(binding: Binding): Optimiser {
  const toBinding = (items: readonly TrainingItem[]) => {
    // One review object per review, shared by the items of its card that hold it.
    const reviews = new Map<object, InstanceType<Binding['FSRSBindingReview']>>();
    return items.map((item) =>
      new binding.FSRSBindingItem(
        item.reviews.map((review) => {
          let made = reviews.get(review);
          if (!made) {
            made = new binding.FSRSBindingReview(review.rating, review.deltaT);
            reviews.set(review, made);
          }
          return made;
        }),
      ),
    );
  };
  return {
    async fit(items, progress) {
      const weights = await binding.computeParameters(toBinding(items), {
        enableShortTerm: true,
        timeout: POLL_MS,
        progress: (current, total) => {
          if (total > 0) progress(Math.min(1, current / total));
        },
      });
      return [...weights];
    },
    evaluate(weights, items): Metrics | null {
      try {
        const { logLoss, rmseBins } = new binding.FSRSBinding([...weights]).evaluate(toBinding(items));
        return { logLoss, rmseBins };
      } catch (error) {
        // fsrs-rs refuses to score a set it finds too small ("NotEnoughData").
        if (/NotEnoughData/.test(String(error))) return null;
        throw error;
      }
    },
  };
}
