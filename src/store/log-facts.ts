// Builds LogFacts (core/types.ts): the review log as the statistics read it, one row of
// parallel typed arrays per entry. The store's reader fills one straight from the log's lines
// (log-codec.ts lineFacts); logFactsOf makes one from entries already in memory.
import { LogKindCode, NO_CARD_STATE } from '../core/types.js';
import type { LogEntry, LogFacts } from '../core/types.js';

const FIRST_CAPACITY = 4096;

/** The code of an entry kind; a kind paperdeck does not know (a hand-edited plain line) is `other`. */
export function logKindCode(kind: unknown): LogKindCode {
  switch (kind) {
    case 'review':
      return LogKindCode.review;
    case 'undo':
      return LogKindCode.undo;
    case 'bury':
      return LogKindCode.bury;
    case 'suspend':
      return LogKindCode.suspend;
    case 'unsuspend':
      return LogKindCode.unsuspend;
    case 'unbury':
      return LogKindCode.unbury;
    case 'reschedule':
      return LogKindCode.reschedule;
    default:
      return LogKindCode.other;
  }
}

/** LogFacts.beforeState for a card state kind read from a line: anything but 0-3 is none. */
export function cardStateCode(state: unknown): number {
  return state === 0 || state === 1 || state === 2 || state === 3 ? state : NO_CARD_STATE;
}

/**
 * The string with no tie to a larger one. An id cut out of a chunk of the log's text can be a
 * view into that whole chunk (V8's sliced strings) and would keep it in memory; concatenating
 * then slicing makes V8 copy just the id.
 */
function ownCopy(id: string): string {
  return (' ' + id).slice(1);
}

/**
 * A hash of a card id from its length and its first 4 and last 12 characters (the end of a
 * paperdeck id is a hash of its own; other ids still spread well). Reading 16 characters costs
 * less than V8 hashing the whole string.
 */
function cardHash(id: string): number {
  const n = id.length;
  let h = Math.imul(n, 0x9e3779b1);
  for (let i = Math.min(4, n) - 1; i >= 0; i--) h = Math.imul(h ^ id.charCodeAt(i), 0x85ebca6b);
  for (let i = n - 1, stop = Math.max(4, n - 12); i >= stop; i--) h = Math.imul(h ^ id.charCodeAt(i), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/**
 * One entry's facts, a row of LogFacts before it is one. Readers fill one in place, line after
 * line, and hand it to LogFactsBuilder.push.
 */
export class EntryFacts {
  kind: LogKindCode = LogKindCode.other;
  seq = 0;
  at = 0;
  card = '';
  rating = 0;
  ms = 0;
  undoes = NaN;
  beforeState: number = NO_CARD_STATE;
  beforeScheduledDays = NaN;
}

/**
 * Fills `into` with a LogEntry's facts. The entry may be a plain-form line as it was written,
 * checked less than a compact one, so each value is narrowed to what the statistics can
 * compare: a rating other than 1-4 is 0, an answer time or scheduledDays that is not a number is
 * 0 or NaN, a state kind other than 0-3 is none.
 */
export function entryFacts(entry: LogEntry, into: EntryFacts): void {
  const before = entry.before as Partial<LogEntry['after']> | null | undefined;
  const rating: unknown = entry.kind === 'review' ? entry.rating : 0;
  const ms: unknown = entry.kind === 'review' ? entry.ms : 0;
  const undoes: unknown = entry.kind === 'undo' ? entry.undoes : NaN;
  const scheduledDays: unknown = before == null ? NaN : before.scheduledDays;
  into.kind = logKindCode(entry.kind);
  into.seq = entry.seq;
  into.at = entry.at;
  into.card = entry.card;
  into.rating = rating === 1 || rating === 2 || rating === 3 || rating === 4 ? rating : 0;
  into.ms = typeof ms === 'number' ? ms : 0;
  into.undoes = typeof undoes === 'number' ? undoes : NaN;
  into.beforeState = before == null ? NO_CARD_STATE : cardStateCode(before.state);
  into.beforeScheduledDays = typeof scheduledDays === 'number' ? scheduledDays : NaN;
}

/** Rows appended one entry at a time; finish() hands them out. */
export class LogFactsBuilder {
  private rows = 0;
  private capacity: number;
  private kind: Uint8Array;
  private seq: Float64Array;
  private at: Float64Array;
  private card: Int32Array;
  private rating: Uint8Array;
  private ms: Float64Array;
  private undoes: Float64Array;
  private beforeState: Uint8Array;
  private beforeScheduledDays: Float64Array;
  private readonly cardIds: string[] = [];
  /** Open addressing over cardIds by cardHash: an index, or -1 for an empty slot. */
  private cardSlots = new Int32Array(1024).fill(-1);
  private readonly scratch = new EntryFacts();

  constructor(capacity = FIRST_CAPACITY) {
    this.capacity = Math.max(16, capacity);
    const n = this.capacity;
    this.kind = new Uint8Array(n);
    this.seq = new Float64Array(n);
    this.at = new Float64Array(n);
    this.card = new Int32Array(n);
    this.rating = new Uint8Array(n);
    this.ms = new Float64Array(n);
    this.undoes = new Float64Array(n);
    this.beforeState = new Uint8Array(n);
    this.beforeScheduledDays = new Float64Array(n);
  }

  /**
   * A builder holding the rows of `facts` already (read from the cache of them), taking its
   * arrays as they are: they are copied only if rows are pushed after them.
   */
  static continuing(facts: LogFacts): LogFactsBuilder {
    const builder = new LogFactsBuilder(16);
    builder.kind = facts.kind;
    builder.seq = facts.seq;
    builder.at = facts.at;
    builder.card = facts.card;
    builder.rating = facts.rating;
    builder.ms = facts.ms;
    builder.undoes = facts.undoes;
    builder.beforeState = facts.beforeState;
    builder.beforeScheduledDays = facts.beforeScheduledDays;
    builder.rows = builder.capacity = facts.length;
    for (const id of facts.cardIds) builder.cardIds.push(id);
    let size = 1024;
    while (size < 2 * builder.cardIds.length + 2) size *= 2;
    builder.rehash(size);
    return builder;
  }

  private grow(): void {
    const n = Math.max(16, this.capacity * 2);
    const wider = <T extends Uint8Array | Int32Array | Float64Array>(old: T, make: new (n: number) => T): T => {
      const array = new make(n);
      array.set(old);
      return array;
    };
    this.kind = wider(this.kind, Uint8Array);
    this.seq = wider(this.seq, Float64Array);
    this.at = wider(this.at, Float64Array);
    this.card = wider(this.card, Int32Array);
    this.rating = wider(this.rating, Uint8Array);
    this.ms = wider(this.ms, Float64Array);
    this.undoes = wider(this.undoes, Float64Array);
    this.beforeState = wider(this.beforeState, Uint8Array);
    this.beforeScheduledDays = wider(this.beforeScheduledDays, Float64Array);
    this.capacity = n;
  }

  /**
   * The index of `card` in cardIds, added if new. (A Map would do, but every id read from the
   * log is a new string whose full hash V8 computes on lookup, a third of the time reading the
   * log took; hashing the ends of the id is enough to tell ids apart.)
   */
  private cardIndexOf(card: string): number {
    const slots = this.cardSlots;
    const mask = slots.length - 1;
    for (let slot = cardHash(card) & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot]!;
      if (index < 0) break;
      if (this.cardIds[index] === card) return index;
    }
    const index = this.cardIds.length;
    this.cardIds.push(ownCopy(card));
    if (2 * this.cardIds.length > slots.length) this.rehash(2 * slots.length);
    else this.place(index);
    return index;
  }

  private place(index: number): void {
    const slots = this.cardSlots;
    const mask = slots.length - 1;
    let slot = cardHash(this.cardIds[index]!) & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = index;
  }

  private rehash(size: number): void {
    this.cardSlots = new Int32Array(size).fill(-1);
    for (let index = 0; index < this.cardIds.length; index++) this.place(index);
  }

  /** Appends a row holding `facts` (which the caller may then reuse). */
  push(facts: EntryFacts): void {
    if (this.rows === this.capacity) this.grow();
    const row = this.rows++;
    const index = this.cardIndexOf(facts.card);
    this.kind[row] = facts.kind;
    this.seq[row] = facts.seq;
    this.at[row] = facts.at;
    this.card[row] = index;
    this.rating[row] = facts.rating;
    this.ms[row] = facts.ms;
    this.undoes[row] = facts.undoes;
    this.beforeState[row] = facts.beforeState;
    this.beforeScheduledDays[row] = facts.beforeScheduledDays;
  }

  pushEntry(entry: LogEntry): void {
    entryFacts(entry, this.scratch);
    this.push(this.scratch);
  }

  get length(): number {
    return this.rows;
  }

  finish(): LogFacts {
    const n = this.rows;
    return {
      length: n,
      kind: this.kind.subarray(0, n),
      seq: this.seq.subarray(0, n),
      at: this.at.subarray(0, n),
      card: this.card.subarray(0, n),
      cardIds: this.cardIds,
      rating: this.rating.subarray(0, n),
      ms: this.ms.subarray(0, n),
      undoes: this.undoes.subarray(0, n),
      beforeState: this.beforeState.subarray(0, n),
      beforeScheduledDays: this.beforeScheduledDays.subarray(0, n),
    };
  }
}

/** The facts of entries already in memory, in seq order whatever their order here. */
export function logFactsOf(entries: readonly LogEntry[]): LogFacts {
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1]!.seq <= entries[i]!.seq;
  const inOrder = sorted ? entries : [...entries].sort((a, b) => a.seq - b.seq);
  const builder = new LogFactsBuilder(entries.length);
  for (const entry of inOrder) builder.pushEntry(entry);
  return builder.finish();
}
