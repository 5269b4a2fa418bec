// Which entries of a review log stand. An undo takes back the entry it names, unless that undo
// was itself undone (then it takes nothing back), so the log is read newest first. The daily
// limits, the study summary and the statistics all count only what stands, through these.
import type { LogEntry, ReviewEntry } from '../core/types.js';
import { localDayOf } from './days.js';

/**
 * The seqs taken back by an undo that stands, over `count` log entries in seq order, read by
 * index: `seqAt(i)` is entry i's seq, `undoesAt(i)` the seq it takes back (NaN when it is not
 * an undo). By index, so the statistics read their typed arrays without making objects.
 */
export function undoneSeqs(count: number, seqAt: (index: number) => number, undoesAt: (index: number) => number): Set<number> {
  const undone = new Set<number>();
  for (let i = count - 1; i >= 0; i--) {
    const target = undoesAt(i);
    if (!Number.isNaN(target) && !undone.has(seqAt(i))) undone.add(target);
  }
  return undone;
}

/** The review entries among `entries` (in seq order) that no standing undo took back, in order. */
export function standingReviews(entries: readonly LogEntry[]): ReviewEntry[] {
  const undone = undoneSeqs(
    entries.length,
    (i) => entries[i]!.seq,
    (i) => {
      const entry = entries[i]!;
      return entry.kind === 'undo' ? entry.undoes : NaN;
    },
  );
  return entries.filter((entry): entry is ReviewEntry => entry.kind === 'review' && !undone.has(entry.seq));
}

/**
 * The standing reviews given in the local day holding `now`. `entries` must reach back to that
 * day's start (an undo later than the day still counts); older entries are simply left out.
 */
export function todaysReviews(entries: readonly LogEntry[], now: number, dayStartHour: number): ReviewEntry[] {
  const { start, end } = localDayOf(now, dayStartHour);
  return standingReviews(entries).filter((entry) => entry.at >= start && entry.at < end);
}
