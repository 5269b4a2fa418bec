// `optimize --reschedule`: each review card's due date moved to the interval its memory state
// gives with the parameters now in use, as Anki's "Reschedule cards on change" does when FSRS
// parameters change. The interval counts from the card's last review, in local days, as an
// answer's does (scheduler.ts); no fuzz, so that the same log and parameters give the same
// dates. Cards in learning or relearning keep their step; new cards have nothing to move.
import { fsrs } from 'ts-fsrs';
import { CardStateKind, type CardState, type Settings } from '../core/types.js';
import { localDayStartOffset } from './days.js';
import type { MemoryState } from './memory.js';
import { weightsOf } from './parameters.js';

/**
 * A function giving each card's state rescheduled with `settings` (its parameters, desired
 * retention, maximum interval): the new state, or null when the card is not in review or its due
 * date would not move.
 */
export function rescheduler(settings: Readonly<Settings>): (state: CardState, memory: MemoryState | undefined) => CardState | null {
  const model = fsrs({
    w: [...weightsOf(settings.parameters)],
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    enable_fuzz: false,
    enable_short_term: true,
  });
  return (state, memory) => {
    if (state.state !== CardStateKind.Review || state.lastReview === null) return null;
    const { stability, difficulty } = memory ?? state;
    if (!(stability > 0)) return null;
    const interval = Math.min(Math.max(1, model.next_interval(stability, 0)), settings.maximumInterval);
    const due = localDayStartOffset(state.lastReview, settings.dayStartHour, interval);
    if (due === state.due) return null;
    return { ...state, due, stability, difficulty, scheduledDays: interval };
  };
}
