// FSRS-6's 21 parameters: the defaults, their allowed ranges, and how they are written. Kept free
// of ts-fsrs (the settings read them, and `paperdeck due` loads the settings on every prompt);
// a test holds the defaults and ranges here to ts-fsrs's and the optimiser's own.
import { UsageError } from '../core/errors.js';
import type { FsrsParameters } from '../core/types.js';
import { localDayKey } from './days.js';

export const PARAMETER_COUNT = 21;

/** FSRS-6's default parameters, as ts-fsrs 5.4 and fsrs-rs ship them. */
export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
  1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
]);

/**
 * The range each parameter may take: ts-fsrs's CLAMP_PARAMETERS with short-term terms on, which
 * is also what fsrs-rs clips its fitted parameters to. A value outside is no FSRS-6 model.
 */
export const WEIGHT_RANGES: readonly (readonly [number, number])[] = Object.freeze([
  [0.001, 100], [0.001, 100], [0.001, 100], [0.001, 100], [1, 10], [0.001, 4], [0.001, 4], [0.001, 0.75], [0, 4.5], [0, 0.8],
  [0.001, 3.5], [0.001, 5], [0.001, 0.25], [0.001, 0.9], [0, 4], [0, 1], [1, 6], [0, 2], [0, 2], [0.01, 0.8], [0.1, 0.8],
] as const);

/** Why `weights` is not a set of FSRS-6 parameters, or null when it is one. */
export function weightsProblem(weights: unknown): string | null {
  if (!Array.isArray(weights) || weights.length !== PARAMETER_COUNT) return `FSRS-6 takes ${PARAMETER_COUNT} numbers`;
  for (let i = 0; i < PARAMETER_COUNT; i++) {
    const value: unknown = weights[i];
    const [min, max] = WEIGHT_RANGES[i]!;
    if (typeof value !== 'number' || !Number.isFinite(value)) return `parameter ${i + 1} is not a number`;
    // fsrs-rs works in 32-bit floats, so a clipped value can sit a hair outside the range.
    if (value < min - 1e-6 || value > max + 1e-6) return `parameter ${i + 1} (${value}) is outside ${min}-${max}`;
  }
  return null;
}

/** Whether a stored parameters setting is well formed: weights, and when and on what they were fitted. */
export function isValidParameters(value: unknown): value is FsrsParameters {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const countOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0);
  return weightsProblem(record.weights) === null && countOrNull(record.fittedAt) && countOrNull(record.reviews);
}

/** Parameters typed on the command line: 21 numbers apart by commas or spaces (as Anki shows them). */
export function parseWeights(raw: string): number[] {
  const words = raw.trim().replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  const weights = words.map((word) => (/^-?\d*\.?\d+(e-?\d+)?$/i.test(word) ? Number(word) : NaN));
  const problem = weightsProblem(weights);
  if (problem) throw new UsageError(`parameters: ${problem}; write ${PARAMETER_COUNT} numbers apart by commas, as Anki shows them (or "default")`);
  return weights;
}

/** The weights FSRS uses for `parameters`: the defaults when none are set. */
export function weightsOf(parameters: FsrsParameters | null | undefined): readonly number[] {
  return parameters?.weights ?? DEFAULT_WEIGHTS;
}

/** Weights as `config` and `optimize` print them: four decimals, comma apart, readable back. */
export function formatWeights(weights: readonly number[]): string {
  return weights.map((w) => String(Math.round(w * 10_000) / 10_000)).join(', ');
}

/** Parameters in a few words, for tables: "default", "set by hand", "fitted 2026-12-06, 1,234 reviews". */
export function parametersSummary(parameters: FsrsParameters | null): string {
  if (parameters === null) return 'default';
  if (parameters.fittedAt === null) return 'set by hand';
  const reviews = parameters.reviews === null ? '' : `, ${parameters.reviews.toLocaleString('en-US')} reviews`;
  return `fitted ${localDayKey(parameters.fittedAt, 0)}${reviews}`;
}
