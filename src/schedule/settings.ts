// The user's settings and their defaults, which are Anki's. Validation and the `config`
// command's key names live here too, so every place that reads a setting agrees on it.
import type { Settings } from '../core/types.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  desiredRetention: 0.9,
  maximumInterval: 36500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartHour: 4,
  fuzz: true,
  leechThreshold: 8,
});
