// Builders for hand-made review histories. Times are local wall-clock strings
// ("2026-03-10T09:00"), read in the process's time zone, which each test file sets first.
import type { Card, CardState, LogEntry, LogFacts, Rating } from '../../src/core/types.js';
import { CardStateKind } from '../../src/core/types.js';
import { logFactsOf } from '../../src/store/index.js';

export const DAY = 86_400_000;

/** Epoch ms of a local wall-clock time. */
export function local(wallClock: string): number {
  const ms = new Date(wallClock).getTime();
  if (Number.isNaN(ms) || /Z|[+-]\d\d:\d\d$/.test(wallClock)) throw new Error(`not a local time: ${wallClock}`);
  return ms;
}

export function cardState(overrides: Partial<CardState> = {}): CardState {
  return {
    due: 0,
    stability: 10,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: CardStateKind.Review,
    lastReview: 0,
    suspended: false,
    buriedUntil: null,
    leech: false,
    ...overrides,
  };
}

export function card(id: string, title = `Paper ${id}`): Card {
  return {
    id,
    title,
    question: title,
    answer: `The key idea of ${title}.`,
    source: { file: 'notes.txt', line: 1, session: '', code: '' },
    bodyHash: id,
  };
}

/** An append-only log under construction, numbered like the real one. */
export class History {
  readonly entries: LogEntry[] = [];

  /** The log as the statistics take it (as the store's readLogFacts() would give it). */
  facts(): LogFacts {
    return logFactsOf(this.entries);
  }

  /** A rating of `cardId` at `when`, given while the card was in `before` (null: new). */
  review(
    cardId: string,
    when: string | number,
    rating: Rating,
    before: Partial<CardState> | null = {},
    ms = 10_000,
  ): number {
    const at = typeof when === 'number' ? when : local(when);
    const seq = this.entries.length + 1;
    this.entries.push({
      seq,
      at,
      card: cardId,
      kind: 'review',
      rating,
      ms,
      before: before === null ? null : cardState(before),
      after: cardState({ lastReview: at }),
    });
    return seq;
  }

  /** A learning-step rating (the card was in Learning before it). */
  learn(cardId: string, when: string, rating: Rating, ms = 10_000): number {
    return this.review(cardId, when, rating, { state: CardStateKind.Learning, scheduledDays: 0 }, ms);
  }

  undo(seq: number, when: string): number {
    const next = this.entries.length + 1;
    const target = this.entries[seq - 1]!;
    this.entries.push({ seq: next, at: local(when), card: target.card, kind: 'undo', undoes: seq, before: target.after, after: target.before ?? cardState() });
    return next;
  }

  flag(kind: 'bury' | 'suspend' | 'unsuspend' | 'unbury', cardId: string, when: string): number {
    const seq = this.entries.length + 1;
    this.entries.push({ seq, at: local(when), card: cardId, kind, before: cardState(), after: cardState() });
    return seq;
  }
}
