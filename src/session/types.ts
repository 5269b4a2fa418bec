// The study session's data: what the screen shows (a state), what happens to it (events: keys
// and the results of effects) and what the session asks the outside world to do (effects).
// Plain data only, so the reducer stays pure and the tests need neither Ink nor an engine.
import type { CardSource, Rating } from '../core/types.js';
import type { IntervalPreview, QueueCounts, StudySummary } from '../schedule/engine.js';

export type { IntervalPreview, QueueCounts, StudyEngine, StudySummary } from '../schedule/engine.js';

/** The card on screen, its text already cleaned for the terminal. */
export interface ShownCard {
  id: string;
  title: string;
  question: string;
  answer: string;
  source: CardSource;
  previews: IntervalPreview[];
  /** The instant the previews were computed for: a grade is answered as shown (engine.answer). */
  previewsAt: number;
}

/** One reading of the engine, taken after every change: everything the screen needs. */
export interface SessionView {
  /** When it was read (the clock's now). */
  at: number;
  counts: QueueCounts;
  card: ShownCard | null;
  nextLearningDue: number | null;
  nextDue: number | null;
  /** About how many answers today's work still takes: what the progress bar counts. */
  answersToGo: number;
  summary: StudySummary;
  /** Whether `u` has anything of this session's to take back. */
  canUndo: boolean;
}

/** The keys the session knows; anything else is `other` (it still closes the help). */
export type SessionKey =
  | 'show' // Space or Enter
  | '1'
  | '2'
  | '3'
  | '4'
  | 'undo'
  | 'bury'
  | 'suspend'
  | 'edit'
  | 'help'
  | 'quit' // q or Esc
  | 'interrupt' // Ctrl+C: quits from anywhere, even the help
  | 'other';

export type Phase =
  | 'question'
  | 'answer'
  | 'help'
  /** Nothing due now, but a learning card is due within minutes: a countdown. */
  | 'waiting'
  /** Nothing was due when the session started. */
  | 'nothing-due'
  /** Nothing more is due, or the user quit: the session's summary. */
  | 'end'
  /** The card's note is open in $EDITOR; the screen is released. */
  | 'editor'
  | 'error';

export interface TimedKey {
  key: SessionKey;
  at: number;
}

export type SessionEvent =
  | { type: 'key'; key: SessionKey; at: number }
  | { type: 'tick'; at: number }
  /** `leech` is set when the answer made the card a leech, which suspends it. */
  | { type: 'answered'; view: SessionView; leech?: LeechNotice | null }
  /**
   * `title` is the card whose rating, bury or suspend was taken back, or null when there was
   * nothing to undo; `rating` says it was a rating (one answer less in this session).
   */
  | { type: 'undone'; view: SessionView; title: string | null; rating: boolean }
  | { type: 'flagged'; kind: 'bury' | 'suspend'; title: string; view: SessionView }
  /** The editor closed and the deck was rebuilt; `notice` says what changed. */
  | { type: 'edited'; view: SessionView; notice: string }
  | { type: 'refreshed'; view: SessionView }
  /** The session moved on to the next deck (studying all decks); `notice` says what its opening found. */
  | { type: 'switched'; deck: string; view: SessionView; notice: string | null }
  | { type: 'failed'; message: string; at: number };

/** A card the leech rule has just suspended: its title and how many lapses it has. */
export interface LeechNotice {
  title: string;
  lapses: number;
}

export type Effect =
  /** `shownAt`: the instant the card's previews were computed for (ShownCard.previewsAt). */
  | { type: 'answer'; cardId: string; rating: Rating; ms: number; shownAt: number }
  | { type: 'undo' }
  | { type: 'bury'; cardId: string }
  | { type: 'suspend'; cardId: string }
  | { type: 'openEditor'; cardId: string }
  | { type: 'refresh' }
  /** Studying all decks: open this deck and go on with it (the current one has nothing more today). */
  | { type: 'nextDeck'; deck: string }
  /** Deliver a `tick` at this time (replacing any earlier request); null cancels. */
  | { type: 'wake'; at: number | null }
  | { type: 'quit' };

/** Effects whose result the session waits for; keys arriving meanwhile are queued. */
export type BlockingEffect = Extract<Effect, { type: 'answer' | 'undo' | 'bury' | 'suspend' | 'openEditor' | 'refresh' | 'nextDeck' }>;

/** Another deck and how many cards are due in it now. */
export interface DeckDue {
  deck: string;
  due: number;
}

/** What a session knows beyond its deck: the other decks with cards due, and how it studies. */
export interface SessionScope {
  /**
   * The other decks with cards due when the session began, in the order they are studied. The
   * end screen names them; studying all decks, the session moves on to the first of them.
   */
  elsewhere: DeckDue[];
  /** Studying all decks: on to the next deck in `elsewhere` once this one has nothing more today. */
  all: boolean;
  /** Said beside the deck's name in the header ("studying ahead 3 days"), or null. */
  label: string | null;
}

export interface SessionState extends SessionScope {
  deck: string;
  phase: Phase;
  /** The phase the help overlay or the editor returns to. */
  returnTo: Phase | null;
  view: SessionView;
  /** The latest time the session knows of (from events), for relative times on screen. */
  now: number;
  /** When the current card's question appeared, to measure the time spent on it. */
  shownAt: number;
  /**
   * The card of each rating given in this session that stands (undone ones taken off), in
   * order: its length is the number of answers, its distinct ids the cards answered. A card in
   * learning is answered several times, so the two differ.
   */
  answers: string[];
  /**
   * Studying all decks: the answers given in the decks done before this one in this session,
   * each card as `deck\0id` (the same paper may be in two decks), for the end screen's totals.
   */
  earlierAnswers: string[];
  /** Whether anything was rated in this session: an empty queue is then an end, not "nothing due". */
  rated: boolean;
  /** The effect whose result is awaited, or null. */
  busy: BlockingEffect['type'] | null;
  /** Keys that arrived while busy, applied in order once the result is in. */
  queued: TimedKey[];
  /** A one-line message (what the last action did, what regeneration changed). */
  notice: string | null;
  error: string | null;
  /** The tick last asked for, so a request is made only when it changes. */
  wakeAt: number | null;
  /** The session is over; the screen shows its last frame and exits. */
  exit: boolean;
}

export interface Transition {
  state: SessionState;
  effects: Effect[];
}
