// The shapes every part of paperdeck shares. Plain data only: these cross module and file
// boundaries (cards.json, the state files, --json output), so they hold no Dates or classes.

/** One paper's entry as read from a notes file, before any card is made of it. */
export interface NoteEntry {
  title: string;
  /** The note's text under the title, cleaned of control characters; paragraphs joined by "\n\n". */
  body: string;
  /**
   * How deep in nested bullets each paragraph of `body` sits (0: a paragraph or a top-level
   * bullet; 1: a bullet under one), present when some paragraph sits deeper than 0.
   */
  depths?: number[];
  /**
   * How many paragraphs of `body` open the note, before its first named part ("### Method"):
   * present when the note has both.
   */
  opening?: number;
  /**
   * How many paragraphs of `body` come before its part of findings ("## Findings", "## Main
   * results"): present when the note has one with text in it.
   */
  findings?: number;
  /** The user's own answer from a `Key idea: ...` line, which wins over extraction. */
  keyIdea?: string;
  /** What the note says briefly the paper is about (TLDR, Summary, Main idea): read first for the answer. */
  lead?: string;
  /** The note-taker's own sections and remarks (Thoughts, Questions, "(me: ...)"): never the answer. */
  own?: string;
  /** What surrounds the paper rather than what it does (Related work, History, Future work): the answer's source only when the rest has none. */
  context?: string;
  /** What was left out of the note as no part of a card: authors, links, remarks, placeholders. */
  removed?: ('authors' | 'links' | 'remarks' | 'placeholder' | 'logistics' | 'venue')[];
  /** The session header the entry sits under ("Monday morning"), or "" when there is none. */
  session: string;
  /** The note-taker's code ("C14"), or "" in formats without codes. Codes identify nothing. */
  code: string;
  /** 1-based line of the title in the notes file. */
  line: number;
  /** The notes file's name relative to the deck folder. */
  file: string;
}

/** Something in a notes file worth telling the user that is not an error. */
export interface NoteWarning {
  file: string;
  line: number;
  message: string;
}

export interface CardSource {
  file: string;
  line: number;
  session: string;
  code: string;
}

/** A generated flashcard: the paper's title on the front, its key idea on the back. */
export interface Card {
  /** Stable identity: given when the paper first becomes a card, kept through edits and renames. */
  id: string;
  title: string;
  question: string;
  answer: string;
  source: CardSource;
  /** Hash of the normalised note body, to tell an edit from no change. */
  bodyHash: string;
}

export interface SkippedNote {
  title: string;
  line: number;
  reason: string;
  file?: string;
  /** The note's hash (as a card's bodyHash): an unchanged note is skipped again without a second look. */
  bodyHash?: string;
}

/** A notes file's name, size and mtime (ms, with the file system's fraction) when read. */
export interface NotesStamp {
  file: string;
  size: number;
  mtimeMs: number;
}

/** Contents of decks/<name>/cards.json. */
export interface CardsFile {
  version: 1;
  deck: string;
  /** Hash of every notes file's bytes when the deck was built: tells a stale deck at a glance. */
  notesHash: string;
  /** Which generator built the cards: a newer one rebuilds even when the notes are unchanged. */
  generator: number;
  /**
   * Size and modification time of each notes file as it was read for this build, so that a
   * deck whose notes nobody touched since is known current without reading them (as make and
   * git know). Absent in files from older builds, which are then checked by notesHash alone.
   */
  notesStamps?: NotesStamp[];
  cards: Card[];
  /** Cards whose paper left the notes. Kept so the card (and its history) returns if it does. */
  retired: Card[];
  skipped: SkippedNote[];
  warnings: NoteWarning[];
}

export interface DeckChanges {
  added: string[];
  updated: string[];
  renamed: { from: string; to: string; id: string }[];
  retired: string[];
  unchanged: number;
}

/** FSRS card states, numbered as ts-fsrs numbers them. */
export const CardStateKind = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardStateKind = (typeof CardStateKind)[keyof typeof CardStateKind];

/**
 * A card's memory state and scheduling flags: ts-fsrs's Card, made JSON-friendly (epoch
 * milliseconds instead of Dates), plus what paperdeck adds (suspend, bury, leech).
 */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateKind;
  lastReview: number | null;
  suspended: boolean;
  /** Epoch ms at which a buried card comes back (the start of the next local day), or null. */
  buriedUntil: number | null;
  leech: boolean;
}

export type Rating = 1 | 2 | 3 | 4; // Again, Hard, Good, Easy

/**
 * One line of a deck's append-only review log: the truth from which card states, undo and
 * statistics are all derived. Every entry records the card state before and after, so undo
 * restores a card exactly and a snapshot can always be rebuilt by replaying the log.
 */
export type LogEntry = ReviewEntry | UndoEntry | FlagEntry;

/** A log entry as handed to the store, which numbers it (each kind without its `seq`). */
export type NewLogEntry = LogEntry extends infer E ? (E extends LogEntry ? Omit<E, 'seq'> : never) : never;

interface LogEntryBase {
  /** Position in the deck's log, from 1, without gaps. */
  seq: number;
  /** Epoch ms when it happened. */
  at: number;
  card: string;
  before: CardState | null;
  after: CardState;
  /**
   * The machine whose log holds it, when the store merges the logs of several (never written in
   * the line: a log is one machine's); absent for the log from before devices.
   */
  device?: string;
}

export interface ReviewEntry extends LogEntryBase {
  kind: 'review';
  rating: Rating;
  /** Milliseconds the user spent on the card (question shown to rating). */
  ms: number;
}

/** Takes back the entry `undoes`; `after` is that entry's `before`. */
export interface UndoEntry extends LogEntryBase {
  kind: 'undo';
  undoes: number;
}

/**
 * A change to a card's state that is not an answer: bury, suspend and their undoing, and
 * `optimize --reschedule` moving a review card's due date to the interval its memory state
 * gives with newly fitted parameters.
 */
export interface FlagEntry extends LogEntryBase {
  kind: 'bury' | 'suspend' | 'unsuspend' | 'unbury' | 'reschedule';
}

/**
 * FSRS-6 parameters in use instead of the defaults: fitted by `paperdeck optimize` on a deck's
 * reviews (when and on how many reviews recorded), or typed with `paperdeck config parameters`
 * (fittedAt and reviews null).
 */
export interface FsrsParameters {
  /** The 21 numbers (schedule/parameters.ts). */
  weights: number[];
  /** Epoch ms of the fit, or null when set by hand. */
  fittedAt: number | null;
  /** Standing reviews the fit read, or null when set by hand. */
  reviews: number | null;
}

/** The user's settings, with Anki's defaults (see schedule/settings.ts). */
export interface Settings {
  desiredRetention: number;
  maximumInterval: number;
  learningSteps: string[];
  relearningSteps: string[];
  newPerDay: number;
  reviewsPerDay: number;
  dayStartHour: number;
  fuzz: boolean;
  leechThreshold: number;
  /** FSRS parameters: the deck's own where it has them, else the global ones; null for FSRS-6's defaults. */
  parameters: FsrsParameters | null;
}

/** LogFacts' numbers for entry kinds. */
export const LogKindCode = { review: 0, undo: 1, bury: 2, suspend: 3, unsuspend: 4, unbury: 5, reschedule: 6, other: 255 } as const;
export type LogKindCode = (typeof LogKindCode)[keyof typeof LogKindCode];

/** LogFacts.beforeState of an entry whose card had no state before it (or none readable). */
export const NO_CARD_STATE = 255;

/**
 * The review log as the statistics read it: per entry, in log (seq) order, only the figures
 * they use, in parallel typed arrays (row i is one entry). 200,000 entries are a few MB outside
 * the JS heap instead of 600,000 objects on it; the store decodes them straight from its lines.
 */
export interface LogFacts {
  readonly length: number;
  readonly kind: Uint8Array;
  readonly seq: Float64Array;
  readonly at: Float64Array;
  /** An index into cardIds. */
  readonly card: Int32Array;
  /** Each card id of the log once, in order of first appearance. */
  readonly cardIds: readonly string[];
  /** Reviews: the rating (1-4); 0 for other entries. */
  readonly rating: Uint8Array;
  /** Reviews: milliseconds spent answering; 0 for other entries. */
  readonly ms: Float64Array;
  /** Undos: the seq of the entry taken back; NaN for other entries. */
  readonly undoes: Float64Array;
  /** The card's CardStateKind before the entry, NO_CARD_STATE when it had none. */
  readonly beforeState: Uint8Array;
  /** The card's scheduledDays before the entry, NaN when it had no state. */
  readonly beforeScheduledDays: Float64Array;
}
