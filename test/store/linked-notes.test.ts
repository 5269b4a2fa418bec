// Decks whose notes live elsewhere (a link file naming a notes file or folder): the store's
// side, on real files.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDeck, notesFileOf } from '../../src/cards/generate.js';
import { deckStatus } from '../../src/cards/freshness.js';
import { hasNoNotesFile, listDecks, notesLinkText, NOTES_LINK_FILE, readNotesFiles } from '../../src/store/decks.js';

const temp = () => mkdtempSync(join(tmpdir(), 'paperdeck-linked-'));

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const note = (title: string) => `## ${title}\n\nThe paper called ${title} shows that one simple idea works well.\n`;

/** A week ago: notes last changed then are stamped when read. */
const WEEK_AGO = Date.now() - 7 * 86_400_000;
const setMtime = (file: string, ms: number) => utimesSync(file, new Date(ms), new Date(ms));

/** decks/<name>/ linked to `path`, built. */
function linkedDeck(path: string, name = 'linked'): string {
  const decks = temp();
  write(join(decks, name, NOTES_LINK_FILE), notesLinkText(path));
  generateDeck(decks, name);
  return decks;
}

describe('a deck linked to a notes file', () => {
  it('reads the file where it is, and opens it there for `e`', () => {
    const notes = write(join(temp(), 'vault', 'reading list.md'), note('Attention Is All You Need'));
    const decks = linkedDeck(notes);
    expect(listDecks(decks)).toEqual(['linked']);
    const [file] = readNotesFiles(decks, 'linked');
    expect(file).toMatchObject({ file: 'reading list.md', path: notes, label: notes });
    const card = deckStatus(decks, 'linked').cardsFile!.cards[0]!;
    expect(notesFileOf(decks, 'linked', card)).toEqual({ path: notes, line: 1 });
  });

  it('is known unchanged from the stamps alone, and changed after an edit', () => {
    const notes = write(join(temp(), 'n.md'), note('One'));
    setMtime(notes, WEEK_AGO);
    const decks = linkedDeck(notes);
    expect(deckStatus(decks, 'linked')).toMatchObject({ current: true, notes: null, notesError: null });
    writeFileSync(notes, note('One') + note('Two'));
    expect(deckStatus(decks, 'linked').current).toBe(false);
  });

  it('keeps its cards, and names the path, when the file is gone; never a deck of cards alone', () => {
    const notes = write(join(temp(), 'n.md'), note('One'));
    const decks = linkedDeck(notes);
    renameSync(notes, `${notes}.away`);
    const status = deckStatus(decks, 'linked');
    expect(status.current).toBe(true);
    expect(status.cardsFile!.cards).toHaveLength(1);
    expect(status.notesError?.message).toBe(`notes not found at ${notes} (linked with paperdeck new)`);
    expect(hasNoNotesFile(decks, 'linked')).toBe(false);
    expect(() => generateDeck(decks, 'linked')).toThrow(/^notes not found at /);
  });

  it('says so, with the way out, when the link file is damaged', () => {
    const notes = write(join(temp(), 'n.md'), note('One'));
    const decks = linkedDeck(notes);
    writeFileSync(join(decks, 'linked', NOTES_LINK_FILE), '{"version": 1, "notes": "relative/path"}');
    expect(deckStatus(decks, 'linked').notesError?.message).toMatch(/notes-link\.json is not a notes link .*paperdeck new$/);
  });
});

describe('a deck linked to a folder', () => {
  it('reads its notes files by their paths in it, stamps them all, and opens the real file for `e`', () => {
    const root = temp();
    const files = ['top.md', 'deep/er/down.txt'].map((file) => write(join(root, file), note(file)));
    for (const file of files) setMtime(file, WEEK_AGO);
    const decks = linkedDeck(root);
    const built = JSON.parse(readFileSync(join(decks, 'linked', 'cards.json'), 'utf8'));
    expect(built.notesStamps.map((s: { file: string }) => s.file)).toEqual(['deep/er/down.txt', 'top.md']);
    expect(deckStatus(decks, 'linked')).toMatchObject({ current: true, notes: null });
    const paths = built.cards.map((card: Parameters<typeof notesFileOf>[2]) => notesFileOf(decks, 'linked', card).path);
    expect(paths).toEqual([join(root, 'deep', 'er', 'down.txt'), join(root, 'top.md')]);
    // A new file anywhere below is a change.
    write(join(root, 'new', 'one.md'), note('New'));
    expect(deckStatus(decks, 'linked').current).toBe(false);
  });

  it('is a problem, not a deck of cards alone, when the folder has no notes left', () => {
    const root = temp();
    const only = write(join(root, 'only.md'), note('Only'));
    const decks = linkedDeck(root);
    renameSync(only, join(root, 'only.bak'));
    expect(deckStatus(decks, 'linked').notesError?.message).toBe(`no notes files (*.md, *.markdown, *.txt or *.org) in ${root} (linked with paperdeck new)`);
    expect(hasNoNotesFile(decks, 'linked')).toBe(false);
  });
});

describe('a deck keeping its notes inside', () => {
  it('opens the file in the deck folder for `e`, sub-folders too', () => {
    const decks = temp();
    write(join(decks, 'inside', 'notes.md'), note('Top'));
    write(join(decks, 'inside', 'part2', 'more.md'), note('Below'));
    generateDeck(decks, 'inside');
    const cards = deckStatus(decks, 'inside').cardsFile!.cards;
    expect(notesFileOf(decks, 'inside', cards[1]!).path).toBe(join(decks, 'inside', 'part2', 'more.md'));
  });
});
