// Plain facts about a card's scheduling state, without ts-fsrs: what `due` and the queue need.
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
export function isLearning(state: CardState): boolean {
  return state.state === CardStateKind.Learning || state.state === CardStateKind.Relearning;
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
