// A study session's first deck as its due index holds it (store/due-index.ts): every card's
// state by position, the log's end, and cards.json read but not parsed, from which the card to
// show is taken alone, by its position. What the first screen is drawn from before the deck is
// opened (schedule/deferred-engine.ts); the deck is opened from the same cards.json bytes.
import { currentDueIndex } from '../cards/freshness.js';
import type { DeckAtStart } from '../schedule/deferred-engine.js';
import { holdCardsFile, type FileStat, type HeldCardsFile } from '../store/decks.js';
import { NOT_ANSWERED, stateInColumns } from '../store/due-index.js';

export interface IndexedStart {
  start: DeckAtStart;
  /** cards.json as the index was made from it: the deck's cards, parsed when it is opened. */
  cards: HeldCardsFile;
}

/** The same file, unchanged: size, mtime, and the inode where both know it. */
function sameFile(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && (a.ino === undefined || b.ino === undefined || a.ino === b.ino);
}

/**
 * Deck `deck`'s start from its due index, or null when the index cannot give exactly what opening
 * the deck gives: no index, or one not current (readDueIndex's checks: cards.json, the notes, the
 * snapshot and the logs as it was made from them), or not exact (another machine's answers to
 * merge), a log with a torn last line (opening the deck sets it aside and says so), a cards.json
 * read that is not the one indexed, or any error (opening the deck names it). The caller leaves
 * out decks with FSRS parameters of their own (memory states replayed from the log).
 */
export function indexedStart(decksDir: string, stateDir: string, deck: string): IndexedStart | null {
  try {
    const index = currentDueIndex(decksDir, stateDir, deck);
    if (!index || !index.deck.exact || index.deck.torn) return null;
    const indexed = index.deck;
    const { columns } = indexed;
    for (let i = 0; i < indexed.length; i++) if (columns.state[i]! > 3 && columns.state[i] !== NOT_ANSWERED) return null;
    const cards = holdCardsFile(decksDir, deck);
    if (!cards || !sameFile(cards.stat, indexed.cardsStat)) return null;
    const { progress } = index;
    const start: DeckAtStart = {
      length: indexed.length,
      idAt: (i) => indexed.ids()[i]!,
      stateAt: index.columns.stateAt,
      fullStateAt: (i) => stateInColumns(columns, i),
      stepAt: (i) => columns.learningSteps[i]!,
      // The engine takes it only if it is the card the index names at that position.
      cardAt: (i) => cards.cardAt(i),
      lastSeq: () => progress.lastSeq(),
      entriesSince: (seq) => progress.entriesSince(seq),
    };
    return { start, cards };
  } catch {
    return null;
  }
}
