// One row of `paperdeck cards --json`, made one way for the full program (commands/cards.ts) and
// for the quick path (quick-cards.ts), which differ only in what computes the probability of
// recall: ts-fsrs through the scheduler, or the same curve without it.
import { CardStateKind, type Card, type CardState } from '../core/types.js';
import { isBuried, newCardState, stateName } from '../schedule/card-state.js';
import { isoTime } from '../core/iso-time.js';
import { safeJsonString } from '../core/sanitize.js';

export interface CardRow {
  id: string;
  title: string;
  state: 'new' | 'learning' | 'review' | 'relearning';
  /** ISO date-time when the card is next due; null for a new card (never studied). */
  due: string | null;
  /** FSRS stability in days; null for a new card. */
  stability: number | null;
  /** FSRS difficulty, 1 to 10; null for a new card. */
  difficulty: number | null;
  /** Probability of recall now by the forgetting curve; null for a new card. */
  retrievability: number | null;
  reps: number;
  lapses: number;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  /** Days until the next review as last scheduled (0 while in learning). */
  scheduledDays: number;
  lastReview: string | null;
}

/** A figure as every row gives it: four decimals. */
export const round4 = (value: number) => Math.round(value * 10 ** 4) / 10 ** 4;

/**
 * Card `card`'s row at `now`, its state `stored` (undefined: never studied); `retrievability`
 * gives the probability of recall now (the scheduler's, or the quick path's forgetting curve).
 */
export function cardRow(card: Pick<Card, 'id' | 'title'>, stored: CardState | undefined, retrievabilityOf: (state: CardState) => number | null, now: number): CardRow {
  const state = stored ?? newCardState();
  const fresh = state.state === CardStateKind.New;
  const retrievability = retrievabilityOf(state);
  return {
    id: card.id,
    title: card.title,
    state: stateName(state.state),
    due: fresh ? null : isoTime(state.due),
    stability: fresh ? null : round4(state.stability),
    difficulty: fresh ? null : round4(state.difficulty),
    retrievability: retrievability === null ? null : round4(retrievability),
    reps: state.reps,
    lapses: state.lapses,
    suspended: state.suspended,
    buried: isBuried(state, now),
    leech: state.leech,
    scheduledDays: state.scheduledDays,
    lastReview: state.lastReview === null ? null : isoTime(state.lastReview),
  };
}


/** Rows written in one piece: as safeJsonPieces writes a JsonList, a run at a time. */
const ROWS_AT_ONCE = 256;

/** A number as JSON.stringify writes it (null for NaN and the infinities). */
const num = (value: number | null) => (value === null || !Number.isFinite(value) ? 'null' : String(value));
/** A time (an ISO string: printable ASCII) as JSON. */
const time = (value: string | null) => (value === null ? 'null' : `"${value}"`);

/** One row as safeJson writes it inside the document's "cards" list: six spaces a field. */
export function rowJson(row: CardRow): string {
  return `    {
      "id": ${safeJsonString(row.id)},
      "title": ${safeJsonString(row.title)},
      "state": "${row.state}",
      "due": ${time(row.due)},
      "stability": ${num(row.stability)},
      "difficulty": ${num(row.difficulty)},
      "retrievability": ${num(row.retrievability)},
      "reps": ${num(row.reps)},
      "lapses": ${num(row.lapses)},
      "suspended": ${row.suspended},
      "buried": ${row.buried},
      "leech": ${row.leech},
      "scheduledDays": ${num(row.scheduledDays)},
      "lastReview": ${time(row.lastReview)}
    }`;
}

/**
 * `cards --json`'s document, `{ deck, cards: [rows] }`, in pieces (without the last newline):
 * exactly safeJsonPieces's text of it (a test holds the two equal), written a run of rows at a
 * time without JSON.stringify walking 10,000 objects, each row (rowJson's text) made as it is written.
 */
export function* cardRowsJson(deck: string, length: number, rowAt: (i: number) => string): Generator<string> {
  if (length === 0) {
    yield `{\n  "deck": ${safeJsonString(deck)},\n  "cards": []\n}`;
    return;
  }
  yield `{\n  "deck": ${safeJsonString(deck)},\n  "cards": [\n`;
  for (let start = 0; start < length; start += ROWS_AT_ONCE) {
    const texts: string[] = [];
    for (let i = start; i < Math.min(length, start + ROWS_AT_ONCE); i++) texts.push(rowAt(i));
    yield (start === 0 ? '' : ',\n') + texts.join(',\n');
  }
  yield '\n  ]\n}';
}
