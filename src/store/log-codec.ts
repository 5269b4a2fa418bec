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
//   k, its kind ("bury", "suspend", "unsuspend", "unbury")
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
import type { CardState, CardStateKind, LogEntry, Rating } from '../core/types.js';

const SUSPENDED = 1;
const LEECH = 2;
const FLAG_KINDS: ReadonlySet<string> = new Set(['bury', 'suspend', 'unsuspend', 'unbury']);
/** Positions in a card state array. */
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

function stateFrom(value: unknown, at: number, which: string): CardState {
  if (!Array.isArray(value) || value.length < LAST_REVIEW || value.length > BURIED_UNTIL + 1) {
    throw new NotALogEntry(`bad card state ${which}`);
  }
  const a = value as unknown[];
  for (let i = 0; i < LAST_REVIEW; i++) if (typeof a[i] !== 'number') throw new NotALogEntry(`bad card state ${which}`);
  const lastReview = a[LAST_REVIEW] ?? null;
  const flags = a[FLAGS] ?? 0;
  const buriedUntil = a[BURIED_UNTIL] ?? null;
  const state = a[8] as number;
  if (
    (lastReview !== null && typeof lastReview !== 'number') ||
    (buriedUntil !== null && typeof buriedUntil !== 'number') ||
    typeof flags !== 'number' ||
    (flags & ~(SUSPENDED | LEECH)) !== 0 ||
    !(state === 0 || state === 1 || state === 2 || state === 3)
  ) {
    throw new NotALogEntry(`bad card state ${which}`);
  }
  // Written in the order CardState declares its fields, so that every state has one shape.
  return {
    due: at + (a[0] as number),
    stability: a[1] as number,
    difficulty: a[2] as number,
    elapsedDays: a[3] as number,
    scheduledDays: a[4] as number,
    learningSteps: a[5] as number,
    reps: a[6] as number,
    lapses: a[7] as number,
    state: state as CardStateKind,
    lastReview: lastReview === null ? null : at + lastReview,
    suspended: (flags & SUSPENDED) !== 0,
    buriedUntil: buriedUntil === null ? null : at + buriedUntil,
    leech: (flags & LEECH) !== 0,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A line written in the plain form: the entry itself. */
function plainEntry(value: Record<string, unknown>): LogEntry {
  if (typeof value.kind !== 'string') throw new NotALogEntry('no kind');
  if (typeof value.card !== 'string') throw new NotALogEntry('no card');
  if (typeof value.at !== 'number') throw new NotALogEntry('no time');
  if (!isObject(value.after)) throw new NotALogEntry('no card state after it');
  return value as unknown as LogEntry;
}

/**
 * The entry a parsed log line holds (either form). Throws NotALogEntry, saying what is wrong,
 * when it holds none.
 */
export function decodeEntry(value: unknown): LogEntry {
  if (!isObject(value)) throw new NotALogEntry('not an object');
  const seq = value.seq;
  if (typeof seq !== 'number' || !Number.isInteger(seq)) throw new NotALogEntry('no seq');
  if (value.a === undefined) return plainEntry(value);
  const at = value.at;
  const card = value.c;
  if (typeof at !== 'number') throw new NotALogEntry('no time');
  if (typeof card !== 'string') throw new NotALogEntry('no card');
  const after = stateFrom(value.a, at, 'after it');
  const before = value.b === undefined ? null : stateFrom(value.b, at, 'before it');
  if (value.r !== undefined) {
    const rating = value.r;
    if (!(rating === 1 || rating === 2 || rating === 3 || rating === 4)) throw new NotALogEntry('bad rating');
    if (typeof value.ms !== 'number') throw new NotALogEntry('no answer time');
    return { seq, at, card, kind: 'review', before, after, rating: rating as Rating, ms: value.ms };
  }
  if (value.u !== undefined) {
    const undoes = value.u;
    if (typeof undoes !== 'number' || !Number.isInteger(undoes)) throw new NotALogEntry('bad undone entry');
    return { seq, at, card, kind: 'undo', before, after, undoes };
  }
  const kind = value.k;
  if (typeof kind !== 'string' || !FLAG_KINDS.has(kind)) throw new NotALogEntry('no kind');
  return { seq, at, card, kind: kind as 'bury' | 'suspend' | 'unsuspend' | 'unbury', before, after };
}
