// Folders of notes read with their sub-folders: the store's side, on real files.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDeck } from '../../src/cards/generate.js';
import { deckStatus } from '../../src/cards/freshness.js';
import { MAX_NOTES_FILES, readNotesFiles, walkNotesFolder } from '../../src/store/decks.js';

const temp = () => mkdtempSync(join(tmpdir(), 'paperdeck-folders-'));

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const note = (title: string) => `## ${title}\n\nThe paper called ${title} shows that one simple idea works well.\n`;

describe('walkNotesFolder', () => {
  it('lists notes files in sub-folders, sorted, with / between folders, and leaves out the rest', () => {
    const root = temp();
    for (const file of ['b.md', 'a/z.txt', 'a/b/c.markdown', 'a/b/d.ORG', 'sub-x/e.md', '.git/x.md', 'a/.obsidian/y.md', 'node_modules/p/r.md', '.h.md', 'a/img.png']) {
      write(join(root, file), note(file));
    }
    symlinkSync(root, join(root, 'a', 'b', 'loop'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    expect(walkNotesFolder(root, 'root')).toEqual(['a/b/c.markdown', 'a/b/d.ORG', 'a/z.txt', 'b.md', 'sub-x/e.md']);
  });

  it('lists a file with no extension named for its paper\'s authors and year, and no LICENSE or Makefile', () => {
    const root = temp();
    for (const file of ['chen_et_al_2022', 'pasad2021', 'notes/wells_etal_2022', 'LICENSE', 'Makefile', 'Dockerfile', 'build-2024.sh', 'choi_et_al_2024.md']) {
      write(join(root, file), note(basename(file)));
    }
    expect(walkNotesFolder(root, 'root')).toEqual(['chen_et_al_2022', 'choi_et_al_2024.md', 'notes/wells_etal_2022', 'pasad2021']);
  });

  it('follows a link to a folder outside, once', () => {
    const root = temp();
    const outside = temp();
    write(join(outside, 'far.md'), note('Far'));
    symlinkSync(outside, join(root, 'one'));
    symlinkSync(outside, join(root, 'two'));
    expect(walkNotesFolder(root, 'root')).toEqual(['one/far.md']);
  });

  it('stops with one clear error past the depth and the number of files', () => {
    const deep = temp();
    const levels = Array.from({ length: 17 }, (_, i) => `l${i}`);
    write(join(deep, ...levels.slice(0, 16), 'ok.md'), note('Ok'));
    expect(walkNotesFolder(deep, 'deep')).toEqual([`${levels.slice(0, 16).join('/')}/ok.md`]);
    write(join(deep, ...levels, 'too-deep.md'), note('Deep'));
    expect(() => walkNotesFolder(deep, 'deep')).toThrow(/^notes folders nested too deep in deep at l0\/.*\/l16 \(/);

    const many = temp();
    for (let i = 0; i <= MAX_NOTES_FILES; i++) writeFileSync(join(many, `n${i}.md`), '');
    expect(() => walkNotesFolder(many, 'many')).toThrow(/^too many notes files in many \(at most 5000 notes files/);
  });
});

describe('a deck keeping its notes inside', () => {
  it('reads sub-folders of the deck folder too', () => {
    const decks = temp();
    write(join(decks, 'inside', 'notes.md'), note('Top'));
    write(join(decks, 'inside', 'part2', 'more.md'), note('Below'));
    generateDeck(decks, 'inside');
    const cards = deckStatus(decks, 'inside').cardsFile!.cards;
    expect(cards.map((card) => card.source.file)).toEqual(['notes.md', 'part2/more.md']);
    expect(readNotesFiles(decks, 'inside').map((file) => file.label)).toEqual([
      join(basename(decks), 'inside', 'notes.md'),
      join(basename(decks), 'inside', 'part2', 'more.md'),
    ]);
  });
});
