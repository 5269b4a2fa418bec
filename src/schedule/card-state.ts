// Plain facts about a card's scheduling state, without ts-fsrs: what `due`, the queue and the
// statistics need, each defined once.
import { CardStateKind, type CardState } from '../core/types.js';

/** The state of a card nobody has studied yet. */
export function newCardState(): CardState {
  return {
    due: 0,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: CardStateKind.New,
    lastReview: null,
    suspended: false,
    buriedUntil: null,
    leech: false,
  };
}

/** Whether a card in `state` is in (re)learning: due at a minute, not on a day. */
export function isLearning(state: Pick<CardState, 'state'>): boolean {
  return state.state === CardStateKind.Learning || state.state === CardStateKind.Relearning;
}

/** Whether a card is buried at `now`: its bury lasts until the next local day starts. */
export function isBuried(state: Pick<CardState, 'buriedUntil'>, now: number): boolean {
  return state.buriedUntil !== null && state.buriedUntil > now;
}

/** Whether a card is out of the queue for now: suspended, or buried. A card with no state is new, and in. */
export function isSetAside(state: Pick<CardState, 'suspended' | 'buriedUntil'> | undefined, now: number): boolean {
  return state !== undefined && (state.suspended || isBuried(state, now));
}

/** The lowercase state name used in output: "new", "learning", "review", "relearning". */
export function stateName(kind: CardStateKind): 'new' | 'learning' | 'review' | 'relearning' {
  switch (kind) {
    case CardStateKind.New:
      return 'new';
    case CardStateKind.Learning:
      return 'learning';
    case CardStateKind.Review:
      return 'review';
    case CardStateKind.Relearning:
      return 'relearning';
  }
}
