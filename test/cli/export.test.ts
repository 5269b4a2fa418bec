// `paperdeck export` through the real binary: an Anki file written whole where asked, the same
// GUIDs after the notes change (so Anki updates its notes in place), retired cards left out,
// and bad arguments refused in one line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, workspaceWithBundledDeck } from '../helpers/cli.js';

function ankiNotes(text: string): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    notes.set(fields[0]!, fields);
  }
  return notes;
}

describe('paperdeck export', () => {
  it('writes the Anki file, and after an edit the same GUIDs with the new text; retired cards go', () => {
    const { decks, state } = workspaceWithBundledDeck();
    const out = join(tempDir(), 'iclr2017.txt');
    const cli = (...args: string[]) => runCli([...args, '--decks', decks, '--state', state]);

    const written = cli('export', 'iclr2017', '--out', out, '--json');
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toEqual({ deck: 'iclr2017', format: 'anki', file: out, cards: 43 });
    const before = ankiNotes(readFileSync(out, 'utf8'));
    expect(before.size).toBe(43);
    expect(readFileSync(out, 'utf8')).toMatch(/^#separator:tab\n#html:true\n#notetype:Basic\n#deck:iclr2017\n/);

    // One answer rewritten, one paper deleted: the first note keeps its GUID, the second is not exported.
    const notesFile = join(decks, 'iclr2017', 'notes.txt');
    const notes = readFileSync(notesFile, 'utf8');
    const edited = notes
      .replace('The task is to dynamically generate a graph', 'The paper generates a graph step by step; the task is to dynamically generate a graph')
      .replace(/C4: Normalizing the Normalizers[^]*?(?=\nC\d+:)/, '');
    writeFileSync(notesFile, edited);
    expect(cli('generate').code).toBe(0);
    expect(cli('export', '--out', out).stdout).toMatch(/^iclr2017: 42 cards written to .*iclr2017\.txt \(anki\)\n$/);
    const after = ankiNotes(readFileSync(out, 'utf8'));
    expect(after.size).toBe(42);
    const graph = [...after.values()].find((fields) => fields[1] === 'Learning Graphical State Transitions')!;
    expect(before.get(graph[0]!)![2]).not.toBe(graph[2]);
    expect(graph[2]).toMatch(/^The paper generates a graph step by step/);
    expect([...after.values()].some((fields) => fields[1]!.startsWith('Normalizing the Normalizers'))).toBe(false);
  });

  it('writes CSV or JSON to stdout, and refuses an unknown format or --json without --out', () => {
    const { decks, state } = workspaceWithBundledDeck();
    const cli = (...args: string[]) => runCli([...args, '--decks', decks, '--state', state]);
    expect(cli('export', '--format', 'csv').stdout.split('\n')[0]).toBe('id,deck,title,answer,session,file,line');
    expect(JSON.parse(cli('export', '--format', 'json').stdout).cards).toHaveLength(43);
    const bad = cli('export', '--format', 'apkg');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('paperdeck: --format takes anki, csv, json, not "apkg"\n');
    expect(cli('export', '--json').stderr).toMatch(/^paperdeck: --json describes the file written with --out FILE/);
    const missing = cli('export', '--out', join(tempDir(), 'no-such-folder', 'deck.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^paperdeck: cannot write .*deck\.txt: the folder .*no-such-folder does not exist\n$/m);
    expect(cli('export', '--out', tempDir()).stderr).toMatch(/: it is a folder\n$/);
  });
});
