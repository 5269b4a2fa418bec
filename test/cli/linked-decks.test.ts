// `paperdeck new NAME --from PATH`: decks that read their notes where they live (a file or a
// folder, linked), or copies of them (--copy); run as the built binary on real folders.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const ATTENTION = '## Attention Is All You Need\n\nThe Transformer replaces recurrence with self-attention over all tokens.\n';
const RESNET = '## Deep Residual Learning\n\nResidual connections let very deep networks train by learning residual functions.\n';
// An Org file: a vault may hold Emacs notes too.
const BATCHNORM = '* Batch Normalization\n\nNormalising the inputs of each layer per mini-batch makes training much faster.\n';
const DROPOUT = '## Dropout\n\nRandomly dropping units during training keeps a network from overfitting.\n';
const HIDDEN = '## A Hidden Paper\n\nThis note sits in a hidden folder and must never become a card.\n';

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Sets a file's times a minute back: notes saved well before they are read get stamps. */
function saveAMinuteAgo(...files: string[]): void {
  const then = new Date(Date.now() - 60_000);
  for (const file of files) utimesSync(file, then, then);
}

function workspace() {
  const root = tempDir();
  return { root, decks: join(root, 'decks'), state: join(root, 'state') };
}

type Ws = ReturnType<typeof workspace>;
const places = (ws: Ws) => ['--decks', ws.decks, '--state', ws.state];

function ok(ws: Ws, args: string[]) {
  const result = runCli([...args, ...places(ws)]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

const okJson = (ws: Ws, args: string[]) => JSON.parse(ok(ws, [...args, '--json']).stdout);

/** A vault of notes: files at the top and in sub-folders, plus what must be left out. */
function vault(root: string): string {
  const dir = join(root, 'vault');
  write(join(dir, 'attention.md'), ATTENTION);
  write(join(dir, 'vision', 'resnet.md'), RESNET);
  write(join(dir, 'vision', 'training', 'batchnorm.org'), BATCHNORM);
  write(join(dir, '.obsidian', 'workspace.md'), HIDDEN);
  write(join(dir, '.trash', 'old.md'), HIDDEN);
  write(join(dir, '.hidden.md'), HIDDEN);
  write(join(dir, 'node_modules', 'pkg', 'README.md'), HIDDEN);
  write(join(dir, 'vision', 'figure.png'), 'not notes');
  symlinkSync('..', join(dir, 'vision', 'back-to-top')); // a loop
  return dir;
}

function expectOneLineRefusal(result: ReturnType<typeof runCli>, code: number, pattern: RegExp) {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^paperdeck: /);
  expect(lines[0]).toMatch(pattern);
}

describe('new --from a file links the deck to it', () => {
  it('keeps a link and the cards; an edit at PATH is picked up and the card keeps its id', () => {
    const ws = workspace();
    const notes = write(join(ws.root, 'elsewhere', 'reading.md'), ATTENTION);
    const made = okJson(ws, ['new', 'reading', '--from', notes]);
    expect(made.cards.map((c: { title: string }) => c.title)).toEqual(['Attention Is All You Need']);
    expect(readdirSync(join(ws.decks, 'reading')).sort()).toEqual(['cards.json', 'notes-link.json']);
    expect(JSON.parse(readFileSync(join(ws.decks, 'reading', 'notes-link.json'), 'utf8'))).toEqual({ version: 1, notes });
    const id = made.cards[0].id;
    expect(made.cards[0].source.file).toBe('reading.md');

    writeFileSync(notes, ATTENTION.replace('over all tokens', 'over every pair of tokens') + '\n' + RESNET);
    const edited = okJson(ws, ['generate', 'reading']);
    expect(edited.written).toBe(true);
    expect(edited.changes.updated).toEqual([id]);
    expect(edited.changes.added).toHaveLength(1);
    expect(edited.cards[0]).toMatchObject({ id, title: 'Attention Is All You Need' });
    expect(edited.cards[0].answer).toContain('every pair of tokens');
    // Nothing was copied into the deck folder.
    expect(readdirSync(join(ws.decks, 'reading')).sort()).toEqual(['cards.json', 'notes-link.json']);
    // Readers see the deck like any other.
    expect(okJson(ws, ['due'])).toMatchObject({ deck: 'reading', new: 2, total: 2 });
    expect(okJson(ws, ['cards', 'reading']).cards).toHaveLength(2);
  });

  it('stores the path made absolute from the working directory of `new`', () => {
    const ws = workspace();
    write(join(ws.root, 'notes', 'papers.md'), ATTENTION);
    const result = runCli(['new', 'papers', '--from', join('notes', 'papers.md'), ...places(ws)], { cwd: ws.root });
    expect(result.code).toBe(0);
    // Wrapped to 80 columns, the path kept whole on its line.
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(result.stdout.replace(/\n {2}/g, ' ')).toContain(`reads its notes at ${join(ws.root, 'notes', 'papers.md')}`);
    const link = JSON.parse(readFileSync(join(ws.decks, 'papers', 'notes-link.json'), 'utf8'));
    expect(link.notes).toBe(join(ws.root, 'notes', 'papers.md'));
    // And it is read from anywhere.
    expect(okJson(ws, ['generate', 'papers']).written).toBe(false);
  });

  it('knows an untouched linked deck unchanged from its stamps: generate writes nothing', () => {
    const ws = workspace();
    const dir = vault(ws.root);
    saveAMinuteAgo(join(dir, 'attention.md'), join(dir, 'vision', 'resnet.md'), join(dir, 'vision', 'training', 'batchnorm.org'));
    ok(ws, ['new', 'vault', '--from', dir]);
    const cardsPath = join(ws.decks, 'vault', 'cards.json');
    const built = readFileSync(cardsPath, 'utf8');
    expect(JSON.parse(built).notesStamps.map((s: { file: string }) => s.file)).toEqual([
      'attention.md',
      'vision/resnet.md',
      'vision/training/batchnorm.org',
    ]);
    const again = okJson(ws, ['generate', 'vault']);
    expect(again).toMatchObject({ written: false, restamped: false });
    expect(ok(ws, ['generate', 'vault']).stdout).toContain('nothing changed, nothing written');
    expect(readFileSync(cardsPath, 'utf8')).toBe(built);
  });
});

describe('new --from a folder reads it and its sub-folders where they are', () => {
  it('makes a card of every notes file, hidden folders and node_modules left out, in sorted order', () => {
    const ws = workspace();
    const dir = vault(ws.root);
    const made = okJson(ws, ['new', 'vault', '--from', dir]);
    expect(made.cards.map((c: { title: string; source: { file: string } }) => [c.source.file, c.title])).toEqual([
      ['attention.md', 'Attention Is All You Need'],
      ['vision/resnet.md', 'Deep Residual Learning'],
      ['vision/training/batchnorm.org', 'Batch Normalization'],
    ]);
    expect(readdirSync(join(ws.decks, 'vault')).sort()).toEqual(['cards.json', 'notes-link.json']);

    // A new note in a new sub-folder, an edit, a deletion: all seen at the next generate.
    write(join(dir, 'vision', 'regularisation', 'dropout.md'), DROPOUT);
    rmSync(join(dir, 'attention.md'));
    const next = okJson(ws, ['generate', 'vault']);
    expect(next.cards.map((c: { source: { file: string } }) => c.source.file)).toEqual([
      'vision/regularisation/dropout.md',
      'vision/resnet.md',
      'vision/training/batchnorm.org',
    ]);
    expect(next.changes.added).toHaveLength(1);
    expect(next.changes.retired).toEqual([made.cards[0].id]);
  });

  it('says in one line, creating nothing, when a folder holds no notes or nests too deep', () => {
    const ws = workspace();
    const empty = join(ws.root, 'empty');
    write(join(empty, '.obsidian', 'app.md'), HIDDEN);
    write(join(empty, 'picture.png'), 'x');
    expectOneLineRefusal(runCli(['new', 'e', '--from', empty, ...places(ws)]), 1, /no notes files \(.*\.org\) in .*empty$/);
    const deep = join(ws.root, 'deep');
    write(join(deep, ...Array.from({ length: 17 }, (_, i) => `level${i + 1}`), 'note.md'), ATTENTION);
    write(join(deep, 'top.md'), RESNET);
    expectOneLineRefusal(runCli(['new', 'd', '--from', deep, ...places(ws)]), 1, /nested too deep in .*deep at level1\/level2\/.*level17 \(at most 5000 notes files, .* 16 levels deep\)/);
    expect(existsSync(ws.decks) ? readdirSync(ws.decks) : []).toEqual([]);
  });

  it('refuses a missing path (exit 1) and a bad name (exit 2), printing paths without control characters', () => {
    const ws = workspace();
    const missing = join(ws.root, 'no\u001b[31mthere\u0007.md');
    const result = runCli(['new', 'x', '--from', missing, ...places(ws)]);
    expectOneLineRefusal(result, 1, /nothere\.md does not exist/);
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expectOneLineRefusal(runCli(['new', '../x', '--from', ws.root, ...places(ws)]), 2, /invalid deck name/);
    expect(runCli(['new', 'x', ...places(ws)]).code).toBe(2);
    expect(existsSync(ws.decks) ? readdirSync(ws.decks) : []).toEqual([]);
  });
});

describe('new --copy keeps the notes in the deck folder', () => {
  it('copies a file: later edits of the original are not the deck’s', () => {
    const ws = workspace();
    const notes = write(join(ws.root, 'my notes.md'), ATTENTION);
    ok(ws, ['new', 'copied', '--from', notes, '--copy']);
    expect(readdirSync(join(ws.decks, 'copied')).sort()).toEqual(['cards.json', 'notes.md']);
    expect(readFileSync(join(ws.decks, 'copied', 'notes.md'), 'utf8')).toBe(ATTENTION);
    writeFileSync(notes, RESNET);
    expect(okJson(ws, ['generate', 'copied'])).toMatchObject({ written: false });
  });

  it('copies a folder with its sub-paths, and the copy is read the same way', () => {
    const ws = workspace();
    const dir = vault(ws.root);
    const made = okJson(ws, ['new', 'copied', '--from', dir, '--copy']);
    const deck = join(ws.decks, 'copied');
    expect(readdirSync(deck).sort()).toEqual(['attention.md', 'cards.json', 'vision']);
    expect(readdirSync(join(deck, 'vision')).sort()).toEqual(['resnet.md', 'training']);
    expect(readFileSync(join(deck, 'vision', 'training', 'batchnorm.org'), 'utf8')).toBe(BATCHNORM);
    const again = okJson(ws, ['generate', 'copied']);
    expect(again.written).toBe(false);
    expect(again.cards).toEqual(made.cards);
    // The copy is the deck now: the vault can go.
    rmSync(dir, { recursive: true });
    write(join(deck, 'vision', 'regularisation', 'dropout.md'), DROPOUT);
    const grown = okJson(ws, ['generate', 'copied']);
    expect(grown.cards.map((c: { source: { file: string } }) => c.source.file)).toEqual([
      'attention.md',
      'vision/regularisation/dropout.md',
      'vision/resnet.md',
      'vision/training/batchnorm.org',
    ]);
  });
});

describe('a linked deck whose notes went away', () => {
  it.each([
    ['a file', (root: string) => write(join(root, 'notes', 'reading.md'), ATTENTION + '\n' + RESNET)],
    ['a folder', (root: string) => vault(root)],
  ])('keeps its cards for readers, and generate names the path in one line (%s)', (_, make) => {
    const ws = workspace();
    const path = make(ws.root);
    ok(ws, ['new', 'gone', '--from', path]);
    const cardsPath = join(ws.decks, 'gone', 'cards.json');
    const built = readFileSync(cardsPath);
    const cards = okJson(ws, ['cards', 'gone']).cards;
    renameSync(path, `${path}.moved`);

    const due = runCli(['due', '--json', ...places(ws)]);
    expect(due.code).toBe(0);
    expect(JSON.parse(due.stdout)).toMatchObject({ deck: 'gone', new: cards.length, total: cards.length });
    const listed = runCli(['cards', 'gone', '--json', ...places(ws)]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).cards).toEqual(cards);
    expect(listed.stderr).toBe(
      `paperdeck: note: gone's notes cannot be used (notes not found at ${path} (linked with paperdeck new)); these are the cards last built — npx paperdeck generate gone says more\n`,
    );
    expect(runCli(['stats', 'gone', '--json', ...places(ws)]).code).toBe(0);

    const generate = runCli(['generate', 'gone', ...places(ws)]);
    expectOneLineRefusal(generate, 1, new RegExp(`^paperdeck: notes not found at ${path} \\(linked with paperdeck new\\)$`));
    expect(readFileSync(cardsPath).equals(built)).toBe(true);

    // Put back, the deck is whole again.
    renameSync(`${path}.moved`, path);
    const ids = (list: { id: string }[]) => list.map((card) => card.id);
    expect(ids(okJson(ws, ['generate', 'gone']).cards)).toEqual(ids(cards));
  });
});

describe('new --help', () => {
  it('describes --from (a file or a folder) and --copy', () => {
    const result = runCli(['new', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--from <path>\s+the notes: a file, or a folder/);
    expect(result.stdout).toMatch(/--copy\s+copy the notes into the deck folder/);
    expect(result.stdout).toContain('notes-link.json');
  });
});
