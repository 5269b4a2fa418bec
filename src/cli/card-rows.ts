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
  /**
   * restBytes(rest), when the caller has it already (the same rest for many rows, as every card
   * never answered has): copied as it is, and `rest` is not read.
   */
  restBytes?: Uint8Array | null;
}

/** The bytes of a chunk are handed out once this many are made (or a row would not fit). */
const CHUNK_BYTES = 1 << 16;

const latin1 = (text: string) => Buffer.from(text, 'latin1');
/** Each field's start (`,\n      "key": `), by key: RowSink.rest writes them in REST_FIELDS' order. */
const FIELD_START = Object.fromEntries(REST_FIELDS.map(([key]) => [key, latin1(fieldStart(key))])) as Record<keyof RowRest, Buffer>;
const STATE_TEXT: Readonly<Record<CardRow['state'], Buffer>> = { new: latin1('"new"'), learning: latin1('"learning"'), review: latin1('"review"'), relearning: latin1('"relearning"') };
const NULL_TEXT = latin1('null');
const TRUE_TEXT = latin1('true');
const FALSE_TEXT = latin1('false');
const ROW_START_BYTES = latin1(ROW_START);
const NEXT_ROW_START_BYTES = latin1(`,\n${ROW_START}`);
const ROW_TITLE_BYTES = latin1(ROW_TITLE);
const ROW_END_BYTES = latin1(ROW_END);

/**
 * A buffer that rows are written into as bytes. Every field is written by code of its own, in
 * a straight line, not by a loop over REST_FIELDS: in a process that runs once, such a loop
 * (a key read by name, a kind tested, a pair taken apart, for 12 fields of 10,000 rows) never
 * got past V8's first tiers and was a fifth of what `cards --json` spent.
 */
class RowSink {
  buffer: Buffer;
  at = 0;
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.at + n));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  /** Bytes [from, to) of `bytes`, as they are; byte by byte: an id or a title is a few dozen bytes, fewer than a call into Buffer costs. */
  copy(bytes: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    const buffer = this.buffer;
    let at = this.at;
    for (let k = from; k < to; k++) buffer[at++] = bytes[k]!;
    this.at = at;
  }

  /** All of `bytes`. */
  put(bytes: Uint8Array): void {
    this.copy(bytes, 0, bytes.length);
  }

  /** All of `bytes`, by one native copy: for a long run (a row's whole rest), where a call costs less than the bytes. */
  putLong(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** ASCII text (a figure), a character a byte. */
  ascii(text: string): void {
    this.room(text.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    this.at = at;
  }

  number(value: number | null): void {
    if (value === null) this.put(NULL_TEXT);
    else this.ascii(num(value));
  }

  /** A time as rowRest writes it (isoTime's text, quoted), from its ms. */
  time(value: number | null): void {
    if (value === null) return this.put(NULL_TEXT);
    this.room(26);
    this.buffer[this.at++] = 0x22;
    const end = isoTimeInto(this.buffer, this.at, value);
    if (end < 0) this.ascii(isoTime(value));
    else this.at = end;
    this.buffer[this.at++] = 0x22;
  }

  /** rowRest's text of `rest`: REST_FIELDS' order (a test holds the two to the same text). */
  rest(rest: RowBytes['rest']): void {
    this.put(FIELD_START.state);
    this.put(STATE_TEXT[rest.state]);
    this.put(FIELD_START.due);
    this.time(rest.due);
    this.put(FIELD_START.stability);
    this.number(rest.stability);
    this.put(FIELD_START.difficulty);
    this.number(rest.difficulty);
    this.put(FIELD_START.retrievability);
    this.number(rest.retrievability);
    this.put(FIELD_START.reps);
    this.number(rest.reps);
    this.put(FIELD_START.lapses);
    this.number(rest.lapses);
    this.put(FIELD_START.suspended);
    this.put(rest.suspended ? TRUE_TEXT : FALSE_TEXT);
    this.put(FIELD_START.buried);
    this.put(rest.buried ? TRUE_TEXT : FALSE_TEXT);
    this.put(FIELD_START.leech);
    this.put(rest.leech ? TRUE_TEXT : FALSE_TEXT);
    this.put(FIELD_START.scheduledDays);
    this.number(rest.scheduledDays);
    this.put(FIELD_START.lastReview);
    this.time(rest.lastReview);
    this.put(ROW_END_BYTES);
  }
}

/** A row's bytes after its title (rowRest's text of `rest`, as cardRowsBytes writes it), for RowBytes.restBytes. */
export function restBytes(rest: RowBytes['rest']): Uint8Array {
  const sink = new RowSink(512);
  sink.rest(rest);
  return sink.buffer.subarray(0, sink.at);
}

/**
 * cardRowsJson's document and its last newline (safeJsonPieces's whole text), as UTF-8 bytes in
 * chunks of about 64 KiB, made in one buffer as long as each chunk is written out before the
 * next is asked for (SafeJsonBytes): no row is ever a string of its own but for its figures,
 * and the ids and titles are copied as the bytes they are.
 */
export function* cardRowsBytes(deck: string, length: number, rowAt: (i: number) => RowBytes): Generator<Uint8Array, void, boolean> {
  const sink = new RowSink(CHUNK_BYTES);
  const deckJson = Buffer.from(safeJsonString(deck), 'utf8');
  sink.ascii('{\n  "deck": ');
  sink.put(deckJson);
  if (length === 0) {
    sink.ascii(',\n  "cards": []\n}\n');
    yield sink.buffer.subarray(0, sink.at);
    return;
  }
  sink.ascii(',\n  "cards": [\n');
  for (let i = 0; i < length; i++) {
    const row = rowAt(i);
    sink.put(i === 0 ? ROW_START_BYTES : NEXT_ROW_START_BYTES);
    sink.copy(row.bytes, row.idFrom, row.idTo);
    sink.put(ROW_TITLE_BYTES);
    sink.copy(row.bytes, row.titleFrom, row.titleTo);
    if (row.restBytes) sink.putLong(row.restBytes);
    else sink.rest(row.rest);
    if (sink.at >= CHUNK_BYTES - 1024) {
      const whole = yield sink.buffer.subarray(0, sink.at);
      // Written out: the same memory again. Else (a stream that keeps it to write later) new memory.
      if (!whole || sink.buffer.length > CHUNK_BYTES) sink.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      sink.at = 0;
    }
  }
  sink.ascii('\n  ]\n}\n');
  yield sink.buffer.subarray(0, sink.at);
}
