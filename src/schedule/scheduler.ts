// FSRS-6 through ts-fsrs, adapted to how people live: in local days that start at an hour they
// choose, not in UTC calendar days.
//
// ts-fsrs counts days as UTC calendar days (elapsed days between reviews, due = review time +
// N×24h). So we hand it "FSRS time": a timestamp whose UTC calendar day is the user's local day
// and whose time of day is the time since that local day began. Day counts then come out in
// local days. On the way back, a review interval of N days becomes "due at the start of the
// local day N days after today" (a review is due on a day, as in Anki), and learning steps stay
// minute-accurate in real time.
import { fsrs, generatorParameters, State, StrategyMode, type AbstractScheduler, type Card as FsrsCard, type FSRS, type Grade, type Steps } from 'ts-fsrs';
import { CardStateKind, type CardState, type Rating, type Settings } from '../core/types.js';
import { localDayKey, localDayStart, localDayStartOffset } from './days.js';
import { daysLabel, durationLabel } from './interval-label.js';
import { weightsOf } from './parameters.js';

// Kept in their own light module so `paperdeck due` does not load ts-fsrs; re-exported here.
export { isLearning, newCardState, stateName } from './card-state.js';

const DAY_MS = 86_400_000;

export const RATINGS: readonly Rating[] = Object.freeze([1, 2, 3, 4] as const);
export const RATING_NAMES: Readonly<Record<Rating, string>> = Object.freeze({ 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' });

export interface AnswerPreview {
  /** The card's state if it were answered with this rating now. */
  after: CardState;
  /** Anki-style label of the interval this rating gives: "10 min", "8 d", "2.1 mo". */
  intervalLabel: string;
}

/**
 * Anki's leech rule: a card becomes a leech when its lapses reach the threshold, and is flagged
 * again every half-threshold after that. A threshold of 0 turns leeches off.
 */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (threshold <= 0 || lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.floor(threshold / 2)) === 0;
}

/** The timestamp ts-fsrs is given for `ms`: its UTC day is the local day holding `ms`. */
export function toFsrsTime(ms: number, dayStartHour: number): number {
  const dayStart = Date.parse(`${localDayKey(ms, dayStartHour)}T00:00:00Z`);
  // A local day can last 25 hours across a DST change; the last hour must stay in the same day.
  const sinceDayStart = Math.min(Math.max(ms - localDayStart(ms, dayStartHour), 0), DAY_MS - 1);
  return dayStart + sinceDayStart;
}

type SeededCard = FsrsCard & { cardId: string };

export class Scheduler {
  private readonly fsrs: FSRS;

  constructor(readonly settings: Readonly<Settings>) {
    this.fsrs = fsrs(
      generatorParameters({
        // The deck's fitted parameters (paperdeck optimize), else the global ones, else FSRS-6's defaults.
        w: [...weightsOf(settings.parameters)],
        request_retention: settings.desiredRetention,
        maximum_interval: settings.maximumInterval,
        learning_steps: [...settings.learningSteps] as Steps,
        relearning_steps: [...settings.relearningSteps] as Steps,
        enable_fuzz: settings.fuzz,
        enable_short_term: true,
      }),
    );
    // Fuzz seeded by the card and its review count only (ts-fsrs's default seed includes the
    // review time): the preview shown with the answer and the answer given a few seconds later
    // then get the same interval.
    this.fsrs.useStrategy(StrategyMode.SEED, function (this: AbstractScheduler): string {
      const current = Reflect.get(this, 'current') as SeededCard;
      return `${current.cardId}:${current.reps}`;
    });
  }

  /** What each of the four ratings would do to the card if given at `now`. */
  preview(cardId: string, state: CardState, now: number): Record<Rating, AnswerPreview> {
    const hour = this.settings.dayStartHour;
    const fsrsNow = toFsrsTime(now, hour);
    const input: SeededCard = {
      cardId,
      due: new Date(state.state === CardStateKind.New ? fsrsNow : toFsrsTime(state.due, hour)),
      stability: state.stability,
      difficulty: state.difficulty,
      elapsed_days: state.elapsedDays,
      scheduled_days: state.scheduledDays,
      learning_steps: state.learningSteps,
      reps: state.reps,
      lapses: state.lapses,
      state: state.state as number as State,
      ...(state.lastReview === null ? {} : { last_review: new Date(toFsrsTime(state.lastReview, hour)) }),
    };
    const record = this.fsrs.repeat(input, new Date(fsrsNow));
    const result = {} as Record<Rating, AnswerPreview>;
    for (const rating of RATINGS) {
      const next = record[rating as Grade].card;
      result[rating] = this.fromFsrs(state, next, rating, now, fsrsNow);
    }
    return result;
  }

  /** The card's state after `rating` at `now`: exactly what `preview` showed for it. */
  answer(cardId: string, state: CardState, rating: Rating, now: number): CardState {
    return this.preview(cardId, state, now)[rating].after;
  }

  /** Probability of recall at `now` by the FSRS forgetting curve, or null for a new card. */
  retrievability(state: CardState, now: number): number | null {
    if (state.state === CardStateKind.New || state.lastReview === null || state.stability <= 0) return null;
    const elapsedDays = Math.max(0, now - state.lastReview) / DAY_MS;
    return this.fsrs.forgetting_curve(elapsedDays, state.stability);
  }

  private fromFsrs(before: CardState, next: FsrsCard, rating: Rating, now: number, fsrsNow: number): AnswerPreview {
    const kind = next.state as number as CardStateKind;
    let due: number;
    let scheduledDays: number;
    let intervalLabel: string;
    if (kind === CardStateKind.Learning || kind === CardStateKind.Relearning) {
      // Learning steps are minutes of real time from now.
      due = now + (next.due.getTime() - fsrsNow);
      scheduledDays = 0;
      intervalLabel = durationLabel(due - now);
    } else {
      // ts-fsrs can overshoot the maximum (Good is forced past Hard, Easy past Good).
      scheduledDays = Math.min(Math.max(1, next.scheduled_days), this.settings.maximumInterval);
      due = localDayStartOffset(now, this.settings.dayStartHour, scheduledDays);
      intervalLabel = daysLabel(scheduledDays);
    }
    const lapse = before.state === CardStateKind.Review && rating === 1;
    const leech = lapse && isLeechLapse(next.lapses, this.settings.leechThreshold);
    const after: CardState = {
      due,
      stability: next.stability,
      difficulty: next.difficulty,
      elapsedDays: next.elapsed_days,
      scheduledDays,
      learningSteps: next.learning_steps,
      reps: next.reps,
      lapses: next.lapses,
      state: kind,
      lastReview: now,
      suspended: before.suspended || leech,
      buriedUntil: null,
      leech: before.leech || leech,
    };
    return { after, intervalLabel };
  }
}
