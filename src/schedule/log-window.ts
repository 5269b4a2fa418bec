// Reading only the end of a deck's log. Today's limits and undo need the latest entries, not
// years of history, so they read back from the end in growing windows instead of the whole log.
import type { LogEntry } from '../core/types.js';

/** The part of the store's DeckState that reads the end of the log. */
export interface LogTail {
  /** The seq of the last entry, 0 when there is none. */
  lastSeq(): number;
  /** Entries with seq greater than `seq`, in order. */
  entriesSince(seq: number): LogEntry[];
}

// Small at first: most often the day holds few entries, or none (a shell prompt in the morning).
const FIRST_WINDOW = 16;

/** The log's entries from the newest back to the oldest, read in windows that grow fourfold. */
export function* newestFirst(log: LogTail): Generator<LogEntry> {
  let upTo = log.lastSeq();
  let window = FIRST_WINDOW;
  while (upTo > 0) {
    const from = Math.max(0, upTo - window);
    const chunk = log.entriesSince(from);
    for (let i = chunk.length - 1; i >= 0; i--) {
      const entry = chunk[i]!;
      if (entry.seq <= upTo) yield entry;
    }
    upTo = from;
    window *= 4;
  }
}

/**
 * The entries written at or after `since`, in log order. Stops at the first older entry found
 * reading back from the end: the log is in time order (a clock set back by PAPERDECK_NOW can
 * break that, and then only the newest run of entries counts).
 */
export function entriesFrom(log: LogTail, since: number): LogEntry[] {
  const found: LogEntry[] = [];
  for (const entry of newestFirst(log)) {
    if (entry.at < since) break;
    found.push(entry);
  }
  return found.reverse();
}
