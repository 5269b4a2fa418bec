// A small in-memory study engine for session and screen tests: new cards in order, Again sends
// a card to learning for a minute, anything else takes it out of today's queue. It records every
// call, so tests can check which card each rating reached.
import type { Clock } from '../../src/core/clock.js';
import type { Card, CardState, Rating } from '../../src/core/types.js';
import { newCardState } from '../../src/schedule/cardState.js';
import type { IntervalPreview, QueueCounts, StudyEngine, StudySummary } from '../../src/session/types.js';
import type { StudyView } from '../../src/schedule/engine.js';

export function makeCard(n: number, overrides: Partial<Card> = {}): Card {
  return {
    id: `card-${n}`,
    title: `Paper number ${n}`,
    question: `Paper number ${n}`,
    answer: `The key idea of paper ${n}.`,
    source: { file: 'notes.txt', line: 10 * n, session: 'Monday morning', code: `C${n}` },
    bodyHash: `hash-${n}`,
    ...overrides,
  };
}

export interface FakeCall {
  kind: 'answer' | 'undo' | 'bury' | 'suspend';
  cardId?: string;
  rating?: Rating;
  ms?: number;
}

export class FakeEngine implements StudyEngine {
  calls: FakeCall[] = [];
  private queue: string[];
  private learning = new Map<string, number>();
  private history: { id: string; rating: Rating; ms: number; wasLearning: number | undefined; index: number }[] = [];
  private byId: Map<string, Card>;
  /** The card the last undo brought back: shown first, as the real engine does. */
  private pinned: string | null = null;
  failNextAnswer: Error | null = null;
  /** Cards that become leeches (suspended, with these lapses) on their next Again. */
  leechOnAgain = new Map<string, number>();

  constructor(
    cards: Card[],
    private clock: Clock,
    private tomorrow: number = clock.now() + 86_400_000,
  ) {
    this.byId = new Map(cards.map((card) => [card.id, card]));
    this.queue = cards.map((card) => card.id);
  }

  view(): StudyView {
    return { counts: this.counts(), card: this.current(), nextLearningDue: this.nextLearningDue(), nextDue: this.nextLearningDue() ?? this.tomorrow };
  }

  private counts(): QueueCounts {
    const counts = { new: this.queue.length, learning: this.learning.size, review: 0 };
    return { ...counts, total: counts.new + counts.learning };
  }

  private current(): Card | null {
    if (this.pinned !== null) return this.byId.get(this.pinned) ?? null;
    const now = this.clock.now();
    for (const [id, due] of this.learning) if (due <= now) return this.byId.get(id)!;
    const id = this.queue[0];
    return id === undefined ? null : this.byId.get(id)!;
  }

  private nextLearningDue(): number | null {
    const dues = [...this.learning.values()];
    return dues.length ? Math.min(...dues) : null;
  }

  previews(_cardId: string): IntervalPreview[] {
    const now = this.clock.now();
    return [
      { rating: 1, label: '1m', due: now + 60_000 },
      { rating: 2, label: '6m', due: now + 360_000 },
      { rating: 3, label: '10m', due: now + 600_000 },
      { rating: 4, label: '8d', due: now + 8 * 86_400_000 },
    ];
  }

  answer(cardId: string, rating: Rating, ms: number): CardState {
    if (this.failNextAnswer) {
      const error = this.failNextAnswer;
      this.failNextAnswer = null;
      throw error;
    }
    this.calls.push({ kind: 'answer', cardId, rating, ms });
    this.unpin(cardId);
    const index = this.queue.indexOf(cardId);
    if (index >= 0) this.queue.splice(index, 1);
    const wasLearning = this.learning.get(cardId);
    this.learning.delete(cardId);
    this.history.push({ id: cardId, rating, ms, wasLearning, index });
    const lapses = this.leechOnAgain.get(cardId);
    if (rating === 1 && lapses !== undefined) {
      // Suspended by the leech rule: out of the queue.
      return { ...newCardState(), lapses, suspended: true, leech: true };
    }
    if (rating === 1) this.learning.set(cardId, this.clock.now() + 60_000);
    return newCardState();
  }

  undo(): Card | null {
    this.calls.push({ kind: 'undo' });
    const last = this.history.pop();
    if (!last) return null;
    this.learning.delete(last.id);
    if (last.wasLearning !== undefined) this.learning.set(last.id, last.wasLearning);
    else if (last.index >= 0) this.queue.splice(last.index, 0, last.id);
    this.pinned = last.id;
    return this.byId.get(last.id)!;
  }

  private unpin(cardId: string): void {
    if (this.pinned === cardId) this.pinned = null;
  }

  bury(cardId: string): void {
    this.calls.push({ kind: 'bury', cardId });
    this.unpin(cardId);
    this.queue = this.queue.filter((id) => id !== cardId);
    this.learning.delete(cardId);
  }

  suspend(cardId: string): void {
    this.calls.push({ kind: 'suspend', cardId });
    this.unpin(cardId);
    this.queue = this.queue.filter((id) => id !== cardId);
    this.learning.delete(cardId);
  }

  summary(): StudySummary {
    const reviewed = this.history.length;
    const again = this.history.filter((h) => h.rating === 1).length;
    return {
      reviewed,
      again,
      ms: this.history.reduce((sum, h) => sum + h.ms, 0),
      retention: reviewed ? (reviewed - again) / reviewed : null,
    };
  }

  replaceCards(cards: Card[]): void {
    this.byId = new Map(cards.map((card) => [card.id, card]));
    this.queue = this.queue.filter((id) => this.byId.has(id));
    if (this.pinned !== null && !this.byId.has(this.pinned)) this.pinned = null;
  }

  get answers(): FakeCall[] {
    return this.calls.filter((call) => call.kind === 'answer');
  }
}
