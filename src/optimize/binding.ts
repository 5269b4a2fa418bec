// fsrs-rs's optimiser, the native build of @open-spaced-repetition/binding 0.5 for Linux on x64
// with glibc: the only platform that version is published for (its other platform packages stop
// at 0.1, which its own package asks for at ^0.5 and npm cannot install, so the wrapper package
// would leave `npm ci` refusing the lock file). The platform package holds the same native module
// the wrapper loads, with no JavaScript: its API is declared below, as the wrapper declares it.
// It is an optional dependency, loaded here only, when `optimize` runs: a platform without it
// loses this command and no other.
import { createRequire } from 'node:module';
import { UserError } from '../core/errors.js';
import type { Metrics, Optimiser } from './optimize.js';
import type { TrainingItem } from './items.js';

/** The part of the binding's API paperdeck uses (its index.d.ts, version 0.5.0). */
export interface Binding {
  FSRSBindingReview: new (rating: number, deltaT: number) => object;
  FSRSBindingItem: new (reviews: object[]) => object;
  FSRSBinding: new (parameters?: number[]) => { evaluate(trainSet: object[]): { logLoss: number; rmseBins: number } };
  computeParameters(
    trainSet: object[],
    options: { enableShortTerm: boolean; timeout?: number; progress?: (current: number, total: number) => boolean | undefined | void },
  ): Promise<number[]>;
}

export const BINDING_PACKAGE = '@open-spaced-repetition/binding-linux-x64-gnu';
/**
 * How often, in ms, the binding polls the training thread for progress; the fit's promise only
 * settles at a poll, so a long interval adds up to that much to every fit.
 */
const POLL_MS = 50;

/** The native binding itself, loaded from node_modules (it is never bundled). */
export function requireBinding(): Binding {
  const binding = createRequire(import.meta.url)(BINDING_PACKAGE) as Binding;
  if (typeof binding.computeParameters !== 'function') throw new Error('it has no computeParameters');
  return binding;
}

/** The optimiser, or a one-line UserError saying why it cannot be had here. */
export async function loadOptimiser(): Promise<Optimiser> {
  let binding: Binding;
  try {
    binding = requireBinding();
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError(
      `optimize needs the FSRS optimiser ${BINDING_PACKAGE}, which is not installed or does not load on this platform (${process.platform}-${process.arch}): ${why}; every other command works without it`,
    );
  }
  return bindingOptimiser(binding);
}

export function bindingOptimiser(binding: Binding): Optimiser {
  const toBinding = (items: readonly TrainingItem[]) => {
    // One review object per review, shared by the items of its card that hold it.
    const reviews = new Map<object, object>();
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
