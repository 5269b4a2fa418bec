// What a build says of each note, apart from parsing it: the hash of what its card is made from,
// and how one list of skipped notes differs from another. Light, so that a build that reads only
// a few notes again (cards/incremental.ts) need not load the parsers of every notes format.
import { sha1Hex } from '../core/sha1.js';
import type { NoteEntry, SkippedNote } from '../core/types.js';

/** What tells one skipped note from another: its place, title and reason. */
export const skipKey = (s: SkippedNote) => JSON.stringify([s.file ?? '', s.line, s.title, s.reason]);

/** Whether two lists of skipped notes say different things (place, title or reason). */
export function skippedDiffer(a: readonly SkippedNote[], b: readonly SkippedNote[]): boolean {
  return a.length !== b.length || a.some((s, i) => skipKey(s) !== skipKey(b[i]!));
}

/**
 * The notes of `now` not skipped so in `before`: by file, title and reason, not line, so that
 * lines added above them do not make every skipped note below new.
 */
export function newlySkipped(before: readonly SkippedNote[], now: readonly SkippedNote[]): SkippedNote[] {
  const noteKey = (s: SkippedNote) => JSON.stringify([s.file ?? '', s.title, s.reason]);
  const known = new Set(before.map(noteKey));
  return now.filter((s) => !known.has(noteKey(s)));
}

/**
 * Hash of what a card is made from: the note's text, whitespace-folded, the user's key idea,
 * and the note's context parts (Related work, History) when it has any.
 */
export function noteBodyHash(entry: NoteEntry): string {
  const context = entry.context === undefined ? '' : `\n${entry.context.replace(/\s+/g, ' ').trim()}`;
  const text = `${entry.body.replace(/\s+/g, ' ').trim()}\n${entry.keyIdea ?? ''}${context}`;
  // The first notes hashed are hashed here (core/sha1.ts), so that a rebuild after an edit,
  // which hashes a few, never loads node:crypto (some 11 ms); a full build's many go on to it,
  // eight times faster per note. Both give the same digest.
  if (hashedHere < HASHED_HERE) {
    hashedHere++;
    return sha1Hex(text).slice(0, 16);
  }
  // One-shot hashing: a Hash object per note costs more than the hashing itself.
  return (process.getBuiltinModule('node:crypto') as typeof import('node:crypto')).hash('sha1', text, 'hex').slice(0, 16);
}

/** How many notes a process hashes without node:crypto (see noteBodyHash), and how many it has. */
const HASHED_HERE = 64;
let hashedHere = 0;

