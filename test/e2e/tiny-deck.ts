// The three-paper deck the study screen's end-to-end tests run on, and the moment they run at.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NOW = '2027-03-01T10:00:00Z';
export const NOTES = `Monday morning

C1: Alpha Paper Title

Some remarks about the talk.
Key idea: Alpha shows that recursion makes programs generalize.

C2: Beta Paper Title

More remarks.
Key idea: Beta treats graph generation as sequence generation.

C3: Gamma Paper Title

Even more remarks.
Key idea: Gamma normalizes the normalizers.
`;

/** A fresh folder holding decks/tiny/notes.txt (NOTES) and an empty state folder. */
export function tinyWorkspace(prefix: string): { work: string; decksDir: string; stateDir: string; notesFile: string } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const decksDir = join(work, 'decks');
  const stateDir = join(work, 'state');
  mkdirSync(join(decksDir, 'tiny'), { recursive: true });
  mkdirSync(stateDir);
  const notesFile = join(decksDir, 'tiny', 'notes.txt');
  writeFileSync(notesFile, NOTES);
  return { work, decksDir, stateDir, notesFile };
}
