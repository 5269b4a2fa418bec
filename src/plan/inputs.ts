// What the workload simulator starts from, read from the deck as it stands: its cards' memory
// states, and the user's own habits measured from the review log (time per answer by grade, per
// new card and per lapse; shares of each grade), with fsrs-rs's defaults where the log holds too
// little to measure.
import { CardStateKind, LogKindCode, NO_CARD_STATE, type Card, type CardState, type LogFacts } from '../core/types.js';
import { isLearning } from '../schedule/card-state.js';
import { localDayKey, localDaysBetween } from '../schedule/days.js';
import type { SimulatedCard, SimulationCosts } from './simulate.js';

/** fsrs-rs's defaults (SimulatorConfig), measured over many Anki users. */
export const DEFAULT_COSTS: SimulationCosts = { review: [16.44, 15.25, 12.32, 8.03], learn: 45, relearn: 17 };
export const DEFAULT_FIRST_RATINGS: readonly [number, number, number, number] = [0.24, 0.094, 0.495, 0.171];
export const DEFAULT_RECALL_RATINGS: readonly [number, number, number] = [0.224, 0.631, 0.145];

/** Fewer samples than this and a default stands in for the measure. */
const MIN_SAMPLES = 10;

export interface Habits {
  costs: SimulationCosts;
  firstRatings: [number, number, number, number];
  recallRatings: [number, number, number];
  /** Which of them come from the user's own reviews. */
  measured: { review: boolean; learn: boolean; relearn: boolean; ratings: boolean };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const shares = <T extends number[]>(counts: T): T => {
  const sum = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / sum) as T;
};

/** The user's habits from the log's standing reviews (undone ones left out). */
export function measureHabits(log: LogFacts, dayStartHour: number): Habits {
  const undone = new Set<number>();
  for (let i = 0; i < log.length; i++) if (log.kind[i] === LogKindCode.undo) undone.add(log.undoes[i]!);
  const reviewSeconds: number[][] = [[], [], [], []];
  const firstCounts = [0, 0, 0, 0];
  const recallCounts = [0, 0, 0];
  const learnDay = new Map<number, { day: string; seconds: number }>();
  const lapseDay = new Map<number, { day: string; seconds: number }>();
  const learnTotals: number[] = [];
  const relearnTotals: number[] = [];
  for (let i = 0; i < log.length; i++) {
    if (log.kind[i] !== LogKindCode.review || undone.has(log.seq[i]!)) continue;
    const card = log.card[i]!;
    const rating = log.rating[i]!;
    const seconds = log.ms[i]! / 1000;
    const before = log.beforeState[i]!;
    const day = localDayKey(log.at[i]!, dayStartHour);
    if (before === CardStateKind.New || before === NO_CARD_STATE) {
      firstCounts[rating - 1]!++;
      learnDay.set(card, { day, seconds });
      continue;
    }
    const learning = learnDay.get(card);
    if (learning) {
      if (learning.day === day) {
        learning.seconds += seconds;
        continue;
      }
      learnTotals.push(learning.seconds);
      learnDay.delete(card);
    }
    const lapse = lapseDay.get(card);
    if (lapse) {
      if (lapse.day === day && before === CardStateKind.Relearning) {
        lapse.seconds += seconds;
        continue;
      }
      relearnTotals.push(lapse.seconds);
      lapseDay.delete(card);
    }
    if (before === CardStateKind.Review) {
      reviewSeconds[rating - 1]!.push(seconds);
      if (rating === 1) lapseDay.set(card, { day, seconds: 0 });
      else recallCounts[rating - 2]!++;
    }
  }
  for (const { seconds } of learnDay.values()) learnTotals.push(seconds);
  for (const { seconds } of lapseDay.values()) relearnTotals.push(seconds);

  // Good is most answers; a grade rarely given keeps its default time without making the rest guesses.
  const reviewMeasured = reviewSeconds[2]!.length >= MIN_SAMPLES;
  const review = reviewSeconds.map((list, k) => (list.length >= MIN_SAMPLES ? mean(list) : DEFAULT_COSTS.review[k]!)) as [number, number, number, number];
  const learnMeasured = learnTotals.length >= MIN_SAMPLES;
  const relearnMeasured = relearnTotals.length >= MIN_SAMPLES;
  const ratingsMeasured = firstCounts.reduce((a, b) => a + b, 0) >= MIN_SAMPLES * 2 && recallCounts.reduce((a, b) => a + b, 0) >= MIN_SAMPLES * 2;
  return {
    costs: {
      review,
      learn: learnMeasured ? mean(learnTotals) : DEFAULT_COSTS.learn,
      relearn: relearnMeasured ? mean(relearnTotals) : DEFAULT_COSTS.relearn,
    },
    firstRatings: ratingsMeasured ? shares(firstCounts as [number, number, number, number]) : [...DEFAULT_FIRST_RATINGS],
    recallRatings: ratingsMeasured ? shares(recallCounts as [number, number, number]) : [...DEFAULT_RECALL_RATINGS],
    measured: { review: reviewMeasured, learn: learnMeasured, relearn: relearnMeasured, ratings: ratingsMeasured },
  };
}

/** The deck's cards as the simulator starts from them: those studied, and how many are new. Suspended cards are left out. */
export function startingCards(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  now: number,
  dayStartHour: number,
): { cards: SimulatedCard[]; newCards: number } {
  const studied: SimulatedCard[] = [];
  let newCards = 0;
  for (const card of cards) {
    const state = states.get(card.id);
    if (state?.suspended) continue;
    if (!state || state.state === CardStateKind.New || state.lastReview === null || !(state.stability > 0)) {
      newCards++;
      continue;
    }
    studied.push({
      stability: state.stability,
      difficulty: state.difficulty,
      lastDay: -localDaysBetween(state.lastReview, now, dayStartHour),
      // A card in its steps finishes them today, as a review.
      dueDay: isLearning(state) ? 0 : localDaysBetween(now, state.due, dayStartHour),
    });
  }
  return { cards: studied, newCards };
}
