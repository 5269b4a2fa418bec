// Shared makings for scheduling tests: cards in note order, settings, local times.
import type { Card, Settings } from '../../src/core/types.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function makeCards(count: number, prefix = 'c'): Card[] {
  return Array.from({ length: count }, (_, i) => makeCard(`${prefix}${String(i + 1).padStart(3, '0')}`));
}

export function makeCard(id: string, title = `Paper ${id}`): Card {
  return {
    id,
    title,
    question: title,
    answer: `Key idea of ${id}`,
    source: { file: 'notes.txt', line: 1, session: '', code: '' },
    bodyHash: `hash-${id}`,
  };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, learningSteps: [...DEFAULT_SETTINGS.learningSteps], relearningSteps: [...DEFAULT_SETTINGS.relearningSteps], ...overrides };
}

/** Epoch ms of a local wall-clock time in the process's time zone. */
export function local(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return new Date(year, month - 1, day, hour, minute, second).getTime();
}
