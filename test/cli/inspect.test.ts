// `paperdeck inspect` and what `generate` and `new` say about notes they read badly, run as the
// built binary on real files.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, workspaceWithBundledDeck } from '../helpers/cli.js';
import { inspectNotes } from '../../src/cards/inspect.js';
import { describeInspection } from '../../src/cli/commands/inspect.js';

const SHAPES = join(ROOT, 'test', 'fixtures', 'notes', 'shapes');

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('paperdeck inspect', () => {
  it('shows how a notes file is read (each paper, its answer, what is not a paper) and writes nothing', () => {
    const dir = tempDir();
    cpSync(join(SHAPES, 'headings.md'), join(dir, 'neurips.md'));
    const before = listing(dir);
    const result = runCli(['inspect', join(dir, 'neurips.md')], { env: { COLUMNS: '80' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 file read as headings: 4 papers \(3 cards, 1 skipped\)/);
    expect(result.stdout).toContain('neurips.md:18  Gradient Flows Without Gradients');
    expect(result.stdout).toContain('skipped: only a placeholder (nothing about the paper)');
    expect(result.stdout).toMatch(/neurips\.md:12\s+Tips and tricks\n\s+why: heading: a section that frames the papers/);
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(listing(dir)).toEqual(before);
  });

  it('prints one JSON document for a folder of one-paper notes, naming the file that gave no paper', () => {
    const result = runCli(['inspect', join(SHAPES, 'per-paper'), '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.shape).toBe('one per file');
    expect(report.papers).toHaveLength(4);
    expect(report.papers[0]).toEqual(
      expect.objectContaining({ title: 'Attention Sinks in Streaming Models', file: 'attention-sinks.md', line: 1, answer: expect.any(String) }),
    );
    expect(report.notPapers[0]).toEqual(expect.objectContaining({ file: 'attention-sinks.md', why: expect.stringMatching(/^front matter/) }));
    expect(report.warnings).toEqual([expect.objectContaining({ file: 'scratch.md', message: expect.stringMatching(/^no paper read from this file/) })]);
  });

  it('reads a deck by name, and says in one line when the name is neither a path nor a deck', () => {
    const { decks } = workspaceWithBundledDeck();
    const deck = runCli(['inspect', 'iclr2017', '--json', '--decks', decks]);
    expect(deck.code).toBe(0);
    const report = JSON.parse(deck.stdout);
    expect(report.shape).toBe('plain');
    expect(report.papers).toHaveLength(54);
    const missing = runCli(['inspect', 'no-such-thing', '--decks', decks]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^paperdeck: no deck named "no-such-thing" in .*; decks: iclr2017\n$/);
    // A path that is not there is named as one, not judged as a deck's name.
    for (const path of ['/no/such/notes', 'missing.md']) {
      const gone = runCli(['inspect', path, '--decks', decks]);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toBe(`paperdeck: no file, folder or deck named ${path}\n`);
    }
  });
});

describe('inspect at 80 columns', () => {
  it('keeps every line within the width, a long file name on a line of its own', () => {
    const report = inspectNotes([
      { file: 'Neutral Relation Extraction with Selective Attention over Instances.md', bytes: Buffer.from('# Neutral Relation Extraction with Selective Attention over Instances\n\nIt proposes sentence-level attention over instances to reduce noise in distant supervision.\n') },
      { file: 'adam.md', bytes: Buffer.from('# Adam: A Method for Stochastic Optimization\n\nAdam adapts each learning rate from running moments of the gradients.\n') },
    ]);
    const lines = describeInspection(report, 80);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines).toContain('  Neutral Relation Extraction with Selective Attention over Instances.md:1');
    expect(lines.some((line) => /^  adam\.md:1 +Adam: A Method for Stochastic Optimization$/.test(line))).toBe(true);
  });
});

describe('never failing silently', () => {
  it('generate says in one line when a file holds more paper-like things than papers read, and points at inspect', () => {
    const dir = tempDir();
    const quoted = Array.from({ length: 6 }, (_, i) => `> **A Quoted Paper Title Number ${i + 1}** with a summary of what it does.\n`).join('>\n');
    writeFileSync(join(dir, 'notes.md'), `## One Real Paper Title Here\n\nIt proposes a thing that works well on benchmarks.\n\n# Quoted from elsewhere\n\n${quoted}`);
    const result = runCli(['new', 'quoted', '--from', join(dir, 'notes.md'), '--decks', join(dir, 'decks')]);
    expect(result.code).toBe(0);
    // (Wrapped to the terminal's width: read as one line.)
    expect(result.stdout.replace(/\n\s+/g, ' ')).toMatch(/warning notes\.md:1: 6 things here look like papers but 2 were read; npx paperdeck inspect shows how the file was read/);
  });

  it('does not cry wolf on notes read whole', () => {
    const dir = tempDir();
    const result = runCli(['new', 'talks', '--from', join(SHAPES, 'headings.md'), '--decks', join(dir, 'decks')]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('look like papers');
  });

  it('refuses notes whose only paper has nothing under its title, writing nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), '## A Paper I Mean To Read\n');
    const decks = join(dir, 'decks');
    const result = runCli(['new', 'empty', '--from', join(dir, 'notes.md'), '--decks', decks]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^paperdeck: .*notes\.md: its one paper has no notes under the title yet\n$/);
    expect(() => readdirSync(decks)).toThrow();
  });

  it('leaves cards.json as it was when the notes would give no card at all', () => {
    const dir = tempDir();
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '## A Paper About Residual Learning\n\nResidual functions let very deep networks train well.\n');
    const decks = join(dir, 'decks');
    expect(runCli(['new', 'mine', '--from', notes, '--decks', decks]).code).toBe(0);
    const before = readFileSync(join(decks, 'mine', 'cards.json'), 'utf8');
    writeFileSync(notes, '# x\n\nsome preamble text only.\n');
    const result = runCli(['generate', 'mine', '--decks', decks]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^paperdeck: .*notes\.md: no card can be made from its one paper \(.*\)\n$/);
    expect(readFileSync(join(decks, 'mine', 'cards.json'), 'utf8')).toBe(before);
  });

  it('shows a notes file name with escape sequences cleaned, in generate and in errors', () => {
    const dir = tempDir();
    const decks = join(dir, 'decks');
    mkdirSync(join(decks, 'evil'), { recursive: true });
    writeFileSync(join(decks, 'evil', 'a\u001b]0;pwned\u0007.md'), '## A Paper About Things\n\nIt proposes a method that does something useful.\n');
    writeFileSync(join(decks, 'evil', 'b\u001b[31m.md'), '');
    const result = runCli(['generate', 'evil', '--decks', decks]);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/\u001b|\u0007/);
    expect(result.stdout).toMatch(/warning b\.md:1: not read: the file is empty/);
  });
});
