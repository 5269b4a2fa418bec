// How one review log entry is written as one line of JSON, and read back.
//
// The log is read whole by `paperdeck stats`, so its size is what its speed is: a line spells
// its keys short and each card state as a fixed-position array, which takes a typical review
// from ~580 bytes to ~220 (most of what is left is the card id and the two states' stability
// and difficulty, which stay exact: undo restores them bit for bit).
//
//   {"seq":7,"at":1780000000000,"c":"card-id","r":3,"ms":4200,"b":[...],"a":[...]}
//
//   seq  the entry's number (kept spelled out: tools that only need the number read it so)
//   at   epoch ms;  c  the card id
//   a review has r (rating) and ms; an undo has u (the seq it takes back); any other entry has
//   k, its kind ("bury", "suspend", "unsuspend", "unbury", "reschedule")
//   b    the card state before (absent when there was none), a  the card state after
//
// A card state is [due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps,
// lapses, state, lastReview, flags, buriedUntil], its times as ms from the entry's `at` (short,
// and exact for integer ms), flags 1 = suspended and 2 = leech. The last three are left off
// from the end while they hold their usual value (lastReview null, flags 0, buriedUntil null).
//
// Lines written in the first, plain form (the LogEntry object as it is, `after` spelled out)
// read back too; an entry the compact form cannot hold exactly (a time that is not whole ms) is
// written in that plain form.
import { LogKindCode, NO_CARD_STATE } from '../core/types.js';
import type { CardState, CardStateKind, FlagEntry, LogEntry, Rating } from '../core/types.js';
import { type EntryFacts, entryFacts, logKindCode } from './log-facts.js';
import { isJsonObject } from './schema.js';

const SUSPENDED = 1;
const LEECH = 2;
const FLAG_KINDS: ReadonlySet<string> = new Set(['bury', 'suspend', 'unsuspend', 'unbury', 'reschedule']);
/** Positions in a card state array. */
const SCHEDULED_DAYS = 4;
const STATE = 8;
const LAST_REVIEW = 9;
const FLAGS = 10;
const BURIED_UNTIL = 11;

/** A value that is not a log entry; the message says why ("no seq", "bad card state after it"). */
export class NotALogEntry extends Error {
  override name = 'NotALogEntry';
}

/** A time as ms from `at`, or undefined when adding it back to `at` would not give it exactly. */
function offset(time: number, at: number): number | undefined {
  const delta = time - at;
  return at + delta === time ? delta : undefined;
}

function stateArray(state: CardState, at: number): (number | null)[] | undefined {
  const due = offset(state.due, at);
  const lastReview = state.lastReview === null ? null : offset(state.lastReview, at);
  const buriedUntil = state.buriedUntil === null ? null : offset(state.buriedUntil, at);
  if (due === undefined || lastReview === undefined || buriedUntil === undefined) return undefined;
  const flags = (state.suspended ? SUSPENDED : 0) | (state.leech ? LEECH : 0);
  const array: (number | null)[] = [
    due,
    state.stability,
    state.difficulty,
    state.elapsedDays,
    state.scheduledDays,
    state.learningSteps,
    state.reps,
    state.lapses,
    state.state,
    lastReview,
    flags,
    buriedUntil,
  ];
  let length = array.length;
  if (array[BURIED_UNTIL] === null) length = BURIED_UNTIL;
  if (length === BURIED_UNTIL && array[FLAGS] === 0) length = FLAGS;
  if (length === FLAGS && array[LAST_REVIEW] === null) length = LAST_REVIEW;
  array.length = length;
  return array;
}

/** The entry as one line of the log (without its newline). */
export function encodeEntry(entry: LogEntry): string {
  const after = stateArray(entry.after, entry.at);
  const before = entry.before == null ? null : stateArray(entry.before, entry.at);
  if (after === undefined || before === undefined) {
    // Times that are not whole ms: the plain form holds them as they are.
    return JSON.stringify(Object.assign({ seq: entry.seq }, entry));
  }
  const line: Record<string, unknown> = { seq: entry.seq, at: entry.at, c: entry.card };
  if (entry.kind === 'review') {
    line.r = entry.rating;
    line.ms = entry.ms;
  } else if (entry.kind === 'undo') {
    line.u = entry.undoes;
  } else {
    line.k = entry.kind;
  }
  if (before !== null) line.b = before;
  line.a = after;
  return JSON.stringify(line);
}

/** A card state array as a compact line holds it, once checkState has passed it. */
type StateArray = [number, number, number, number, number, number, number, number, number, (number | null)?, number?, (number | null)?];

function checkState(value: unknown, which: string): asserts value is StateArray {
  if (!Array.isArray(value) || value.length < LAST_REVIEW || value.length > BURIED_UNTIL + 1) {
    throw new NotALogEntry(`bad card state ${which}`);
  }
  const a = value as unknown[];
  for (let i = 0; i < LAST_REVIEW; i++) if (typeof a[i] !== 'number') throw new NotALogEntry(`bad card state ${which}`);
  const lastReview = a[LAST_REVIEW] ?? null;
  const flags = a[FLAGS] ?? 0;
  const buriedUntil = a[BURIED_UNTIL] ?? null;
  const state = a[STATE];
  if (
    (lastReview !== null && typeof lastReview !== 'number') ||
    (buriedUntil !== null && typeof buriedUntil !== 'number') ||
    typeof flags !== 'number' ||
    (flags & ~(SUSPENDED | LEECH)) !== 0 ||
    !(state === 0 || state === 1 || state === 2 || state === 3)
  ) {
    throw new NotALogEntry(`bad card state ${which}`);
  }
}

function stateFrom(a: StateArray, at: number): CardState {
  const lastReview = a[LAST_REVIEW] ?? null;
  const flags = a[FLAGS] ?? 0;
  const buriedUntil = a[BURIED_UNTIL] ?? null;
  // Written in the order CardState declares its fields, so that every state has one shape.
  return {
    due: at + a[0],
    stability: a[1],
    difficulty: a[2],
    elapsedDays: a[3],
    scheduledDays: a[SCHEDULED_DAYS],
    learningSteps: a[5],
    reps: a[6],
    lapses: a[7],
    state: a[STATE] as CardStateKind,
    lastReview: lastReview === null ? null : at + lastReview,
    suspended: (flags & SUSPENDED) !== 0,
    buriedUntil: buriedUntil === null ? null : at + buriedUntil,
    leech: (flags & LEECH) !== 0,
  };
}

/** A line written in the plain form: the entry itself. */
function checkPlainEntry(value: Record<string, unknown>): void {
  if (typeof value.kind !== 'string') throw new NotALogEntry('no kind');
  if (typeof value.card !== 'string') throw new NotALogEntry('no card');
  if (typeof value.at !== 'number') throw new NotALogEntry('no time');
  if (!isJsonObject(value.after)) throw new NotALogEntry('no card state after it');
}

/** A parsed line in the compact form, once checkLine has passed it. */
interface CompactLine {
  seq: number;
  at: number;
  c: string;
  r?: Rating;
  ms?: number;
  u?: number;
  k?: FlagEntry['kind'];
  b?: StateArray;
  a: StateArray;
}

/** What checkLine found a line to hold: an entry in the plain form, or the kind of a compact one. */
export type LineForm = 'plain' | LogEntry['kind'];

/**
 * Checks that a parsed log line (either form) holds an entry, without building it, and says
 * which form and kind; throws NotALogEntry, saying what is wrong, when it holds none. Every
 * reader of lines goes through here, so they all accept and refuse the same lines.
 */
export function checkLine(value: unknown): LineForm {
  if (!isJsonObject(value)) throw new NotALogEntry('not an object');
  const seq = value.seq;
  if (typeof seq !== 'number' || !Number.isInteger(seq)) throw new NotALogEntry('no seq');
  if (value.a === undefined) {
    checkPlainEntry(value);
    return 'plain';
  }
  if (typeof value.at !== 'number') throw new NotALogEntry('no time');
  if (typeof value.c !== 'string') throw new NotALogEntry('no card');
  checkState(value.a, 'after it');
  if (value.b !== undefined) checkState(value.b, 'before it');
  if (value.r !== undefined) {
    const rating = value.r;
    if (!(rating === 1 || rating === 2 || rating === 3 || rating === 4)) throw new NotALogEntry('bad rating');
    if (typeof value.ms !== 'number') throw new NotALogEntry('no answer time');
    return 'review';
  }
  if (value.u !== undefined) {
    const undoes = value.u;
    if (typeof undoes !== 'number' || !Number.isInteger(undoes)) throw new NotALogEntry('bad undone entry');
    return 'undo';
  }
  const kind = value.k;
  if (typeof kind !== 'string' || !FLAG_KINDS.has(kind)) throw new NotALogEntry('no kind');
  return kind as FlagEntry['kind'];
}

/** The entry of a line checkLine has passed as `form`. */
function entryOf(value: unknown, form: LineForm): LogEntry {
  if (form === 'plain') return value as LogEntry;
  const line = value as CompactLine;
  const { seq, at, c: card } = line;
  const after = stateFrom(line.a, at);
  const before = line.b === undefined ? null : stateFrom(line.b, at);
  if (form === 'review') return { seq, at, card, kind: form, before, after, rating: line.r!, ms: line.ms! };
  if (form === 'undo') return { seq, at, card, kind: form, before, after, undoes: line.u! };
  return { seq, at, card, kind: form, before, after };
}

/**
 * Fills `into` with the facts of a line checkLine has passed as `form`, reading the two numbers
 * of the state before that the statistics use straight from its array: no CardState is built.
 */
export function lineFacts(value: unknown, form: LineForm, into: EntryFacts): void {
  if (form === 'plain') {
    entryFacts(value as LogEntry, into);
    return;
  }
  const line = value as CompactLine;
  const before = line.b;
  into.kind = logKindCode(form);
  into.seq = line.seq;
  into.at = line.at;
  into.card = line.c;
  into.rating = form === 'review' ? line.r! : 0;
  into.ms = form === 'review' ? line.ms! : 0;
  into.undoes = form === 'undo' ? line.u! : NaN;
  into.beforeState = before === undefined ? NO_CARD_STATE : before[STATE];
  into.beforeScheduledDays = before === undefined ? NaN : before[SCHEDULED_DAYS];
}

/**
 * The entry a parsed log line holds (either form). Throws NotALogEntry, saying what is wrong,
 * when it holds none.
 */
export function decodeEntry(value: unknown): LogEntry {
  return entryOf(value, checkLine(value));
}

// Reading a compact line's facts without JSON.parse. `paperdeck stats` reads every line of the
// log, and JSON.parse, which builds two arrays and a dozen numbers for each, was most of its
// time; the facts are a few numbers and the card id, and one regular expression (run by V8 as
// machine code) finds them several times faster. It matches only lines written exactly as
// encodeEntry writes them, with every value one checkLine accepts: it is a strict part of JSON's
// grammar and of checkLine's rules. Anything else (white space, another key order, an escape in
// the card id, "2.0" for a state...) is left to JSON.parse and checkLine, which also name what
// is wrong with a bad line. So it never accepts a line they refuse, nor reads one differently;
// test/store/log-facts.test.ts checks both ways on many lines, good and garbled.

/** A JSON number, as JSON's grammar has it. */
const NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const NUMBER_OR_NULL = `(?:${NUMBER}|null)`;
/**
 * A card state array checkState accepts: nine numbers, the ninth (state) 0-3; then optionally
 * lastReview (number or null), flags (0-3), buriedUntil (number or null). With `capture`, the
 * scheduledDays and state are captured.
 */
const statePattern = (capture: boolean): string =>
  String.raw`\[${NUMBER},${NUMBER},${NUMBER},${NUMBER},${capture ? `(${NUMBER})` : NUMBER},${NUMBER},${NUMBER},${NUMBER},` +
  `${capture ? '([0-3])' : '[0-3]'}(?:,${NUMBER_OR_NULL}(?:,[0-3](?:,${NUMBER_OR_NULL})?)?)?\\]`;
/**
 * A compact line, in encodeEntry's key order. Groups: 1 seq, 2 at, 3 card, 4 rating, 5 ms,
 * 6 undoes, 7 flag kind, 8 scheduledDays before, 9 state before. The card id has no escape
 * and no control character; a rating, state or flags is one digit followed by a delimiter.
 */
const COMPACT_LINE = new RegExp(
  String.raw`\{"seq":(0|[1-9]\d*),"at":(${NUMBER}),"c":"([^"\\\x00-\x1f]*)",` +
    String.raw`(?:"r":([1-4]),"ms":(${NUMBER})|"u":(${NUMBER})|"k":"(bury|suspend|unsuspend|unbury|reschedule)")` +
    `(?:,"b":${statePattern(true)})?,"a":${statePattern(false)}\\}`,
  'y',
);

/**
 * Fills `into` with the facts of the line text[start, end), written as encodeEntry writes it,
 * without JSON.parse, and returns true; returns false, with `into` left in any state, for a
 * line it is not sure of, which the caller reads the JSON.parse way.
 */
export function readCompactFacts(text: string, start: number, end: number, into: EntryFacts): boolean {
  COMPACT_LINE.lastIndex = start;
  const match = COMPACT_LINE.exec(text);
  if (match === null || COMPACT_LINE.lastIndex !== end) return false;
  // Number() reads a JSON number as JSON.parse does.
  const seq = Number(match[1]);
  let undoes = NaN;
  if (match[6] !== undefined) {
    undoes = Number(match[6]);
    if (!Number.isInteger(undoes)) return false;
  }
  const rating = match[4];
  const state = match[9];
  into.kind = rating !== undefined ? LogKindCode.review : match[6] !== undefined ? LogKindCode.undo : logKindCode(match[7]);
  into.seq = seq;
  into.at = Number(match[2]);
  into.card = match[3]!;
  into.rating = rating !== undefined ? rating.charCodeAt(0) - 0x30 : 0;
  into.ms = rating !== undefined ? Number(match[5]) : 0;
  into.undoes = undoes;
  into.beforeState = state !== undefined ? state.charCodeAt(0) - 0x30 : NO_CARD_STATE;
  into.beforeScheduledDays = state !== undefined ? Number(match[8]) : NaN;
  return true;
}
