// One row of `paperdeck cards --json`, made one way for the full program (commands/cards.ts) and
// for the quick path (quick-cards.ts), which differ only in what computes the probability of
// recall: ts-fsrs through the scheduler, or the same curve without it.
import { CardStateKind, type Card, type CardState } from '../core/types.js';
import { isBuried, newCardState, stateName } from '../schedule/card-state.js';
import { isoTime, isoTimeInto } from '../core/iso-time.js';
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
  return rowText(row.id, row.title, rowRest(row));
}

/** A row's text from its id, its title and the rest (rowRest). */
export function rowText(id: string, title: string, rest: string): string {
  return `${ROW_START}${safeJsonString(id)}${ROW_TITLE}${safeJsonString(title)}${rest}`;
}

const ROW_START = '    {\n      "id": ';
const ROW_TITLE = ',\n      "title": ';

/** A row's fields after its title. */
export type RowRest = Omit<CardRow, 'id' | 'title'>;

/** The fields after the title, in the order rows give them, and how each value is written. */
const REST_FIELDS: readonly (readonly [keyof RowRest, 'name' | 'time' | 'number' | 'boolean'])[] = [
  ['state', 'name'],
  ['due', 'time'],
  ['stability', 'number'],
  ['difficulty', 'number'],
  ['retrievability', 'number'],
  ['reps', 'number'],
  ['lapses', 'number'],
  ['suspended', 'boolean'],
  ['buried', 'boolean'],
  ['leech', 'boolean'],
  ['scheduledDays', 'number'],
  ['lastReview', 'time'],
];
const ROW_END = '\n    }';
const fieldStart = (key: string) => `,\n      "${key}": `;

/** A row's text after its title: every field but the id and the title, and the closing brace. */
export function rowRest(row: RowRest): string {
  let text = '';
  for (const [key, kind] of REST_FIELDS) {
    const value = row[key];
    text += fieldStart(key) + (kind === 'name' ? `"${value as string}"` : kind === 'time' ? time(value as string | null) : kind === 'number' ? num(value as number | null) : String(value));
  }
  return text + ROW_END;
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

/**
 * A row for cardRowsBytes: its id and title as safeJsonString's bytes, and its other fields
 * (written as rowRest writes them; times as numbers, written as isoTime writes them).
 */
export interface RowBytes {
  /** Bytes holding the id's and the title's JSON text. */
  bytes: Uint8Array;
  idFrom: number;
  idTo: number;
  titleFrom: number;
  titleTo: number;
  rest: Omit<RowRest, 'due' | 'lastReview'> & { due: number | null; lastReview: number | null };
}

/** The bytes of a chunk are handed out once this many are made (or a row would not fit). */
const CHUNK_BYTES = 1 << 16;

/**
 * cardRowsJson's document and its last newline (safeJsonPieces's whole text), as UTF-8 bytes in
 * chunks of about 64 KiB, made in one buffer as long as each chunk is written out before the
 * next is asked for (SafeJsonBytes): no row is ever a string of its own but for its ASCII rest,
 * and the ids and titles are copied as the bytes they are.
 */
export function* cardRowsBytes(deck: string, length: number, rowAt: (i: number) => RowBytes): Generator<Uint8Array, void, boolean> {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  const room = (n: number) => {
    if (at + n <= buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * buffer.length, at + n));
    buffer.copy(bigger, 0, 0, at);
    buffer = bigger;
  };
  /** ASCII text (the row's figures and keys): one byte a character. */
  const ascii = (text: string) => {
    room(text.length);
    at += buffer.write(text, at, 'latin1');
  };
  // (Byte by byte: an id or a title is a few dozen bytes, fewer than a call into Buffer costs.)
  const copy = (bytes: Uint8Array, from: number, to: number) => {
    room(to - from);
    for (let k = from; k < to; k++) buffer[at++] = bytes[k]!;
  };
  const rowStart = Buffer.from(ROW_START, 'latin1');
  const nextRowStart = Buffer.from(`,\n${ROW_START}`, 'latin1');
  const rowTitle = Buffer.from(ROW_TITLE, 'latin1');
  const fieldStarts = REST_FIELDS.map(([key]) => Buffer.from(fieldStart(key), 'latin1'));
  const rowEnd = Buffer.from(ROW_END, 'latin1');
  /** Short ASCII text, a character a byte (a call into Buffer costs more). */
  const short = (text: string) => {
    room(text.length);
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
  };
  /** rowRest's text of `rest`, written as it is made. */
  const writeRest = (rest: RowBytes['rest']) => {
    for (let f = 0; f < REST_FIELDS.length; f++) {
      const field = fieldStarts[f]!;
      copy(field, 0, field.length);
      const [key, kind] = REST_FIELDS[f]!;
      const value = rest[key];
      if (kind === 'name') short(`"${value as string}"`);
      else if (kind === 'boolean') short(value ? 'true' : 'false');
      else if (value === null) short('null');
      else if (kind === 'number') short(num(value as number));
      else {
        room(26);
        buffer[at++] = 0x22;
        const end = isoTimeInto(buffer, at, value as number);
        if (end < 0) short(isoTime(value as number));
        else at = end;
        buffer[at++] = 0x22;
      }
    }
    copy(rowEnd, 0, rowEnd.length);
  };
  const deckJson = Buffer.from(safeJsonString(deck), 'utf8');
  ascii('{\n  "deck": ');
  copy(deckJson, 0, deckJson.length);
  if (length === 0) {
    ascii(',\n  "cards": []\n}\n');
    yield buffer.subarray(0, at);
    return;
  }
  ascii(',\n  "cards": [\n');
  for (let i = 0; i < length; i++) {
    const row = rowAt(i);
    const start = i === 0 ? rowStart : nextRowStart;
    copy(start, 0, start.length);
    copy(row.bytes, row.idFrom, row.idTo);
    copy(rowTitle, 0, rowTitle.length);
    copy(row.bytes, row.titleFrom, row.titleTo);
    writeRest(row.rest);
    if (at >= CHUNK_BYTES - 1024) {
      const whole = yield buffer.subarray(0, at);
      // Written out: the same memory again. Else (a stream that keeps it to write later) new memory.
      if (!whole || buffer.length > CHUNK_BYTES) buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      at = 0;
    }
  }
  ascii('\n  ]\n}\n');
  yield buffer.subarray(0, at);
}
