// `paperdeck generate` and `paperdeck new`, run as the built binary on real folders.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, BUNDLED_NOTES, runCli, tempDir, workspaceWithBundledDeck } from '../helpers/cli.js';
import { syntheticNotes } from '../../bench/synthetic.js';
import { sourcesLoadedBy } from '../schedule/built-cli.js';

function generateJson(decks: string, deck = 'iclr2017') {
  const result = runCli(['generate', deck, '--json', '--decks', decks]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function notesPath(decks: string) {
  return join(decks, 'iclr2017', 'notes.txt');
}

function editNotes(decks: string, edit: (text: string) => string) {
  writeFileSync(notesPath(decks), edit(readFileSync(notesPath(decks), 'utf8')));
}

describe('paperdeck generate on the bundled deck', () => {
  it('builds every paper into a card or a skip with a reason, in the shape the README documents', () => {
    const { decks } = workspaceWithBundledDeck();
    const doc = generateJson(decks);
    expect(doc.deck).toBe('iclr2017');
    expect(doc.cards.length + doc.skipped.length).toBe(54);
    expect(doc.cards.length).toBeGreaterThan(40);
    for (const card of doc.cards) {
      expect(Object.keys(card).sort()).toEqual(['answer', 'id', 'question', 'source', 'title']);
      expect(Object.keys(card.source).sort()).toEqual(['code', 'file', 'line', 'session']);
      expect(card.question).toBe(card.title);
      expect(card.answer.length).toBeGreaterThan(10);
    }
    for (const skip of doc.skipped) {
      expect(skip.reason).toMatch(/\w/);
      expect(skip.line).toBeGreaterThan(0);
    }
    expect(doc.changes.added).toHaveLength(doc.cards.length);
    expect(doc.changes).toMatchObject({ updated: [], renamed: [], retired: [], unchanged: 0 });
    const snapshot = doc.cards.find((c: { title: string }) => c.title.startsWith('Snapshot Ensembles'));
    expect(snapshot.source).toEqual({ file: 'notes.txt', line: expect.any(Number), session: 'Monday morning', code: 'C21' });
    expect(readFileSync(notesPath(decks), 'utf8').split('\n')[snapshot.source.line - 1]).toBe(
      'C21: Snapshot Ensembles: Train 1, Get M for Free',
    );
  });

  it('prints a readable summary and writes nothing when the notes did not change', () => {
    const { decks } = workspaceWithBundledDeck();
    // Notes saved a while ago. (Notes saved within a tick of the build would be read and
    // hashed again next time, and their stamps recorded then: test/cards/notes-stamps.test.ts.)
    const saved = new Date(Date.now() - 60_000);
    utimesSync(join(decks, 'iclr2017', 'notes.txt'), saved, saved);
    const first = runCli(['generate', '--decks', decks]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^iclr2017: \d+ cards from 54 papers — cards\.json written/);
    expect(first.stdout).toMatch(/skipped\s+\d+/);
    const cardsPath = join(decks, 'iclr2017', 'cards.json');
    const before = statSync(cardsPath);
    const bytes = readFileSync(cardsPath);
    const second = runCli(['generate', '--decks', decks]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing changed, nothing written');
    expect(second.stdout).toMatch(/unchanged\s+\d{2}/);
    expect(statSync(cardsPath).mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(cardsPath).equals(bytes)).toBe(true);

    // That summary came from cards.json's first line alone; read whole (a cards.json in the
    // older indented layout has no such line), the deck says the same.
    writeFileSync(cardsPath, JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 1));
    utimesSync(cardsPath, before.atime, before.mtime);
    const readWhole = runCli(['generate', '--decks', decks]);
    expect(readWhole.stdout).toBe(second.stdout);
  });

  it('says each deck once when one of several changed (the quick path hands over before printing)', () => {
    const { decks } = workspaceWithBundledDeck();
    mkdirSync(join(decks, 'other'));
    writeFileSync(join(decks, 'other', 'notes.md'), '## A Paper Read Twice\n\nWe propose a method that learns a metric by contrasting pairs of images.\n');
    const saved = new Date(Date.now() - 60_000);
    for (const file of [notesPath(decks), join(decks, 'other', 'notes.md')]) utimesSync(file, saved, saved);
    expect(runCli(['generate', '--decks', decks]).code).toBe(0);
    // Saved again 30 s later: same size, another time, as an editor leaves it.
    writeFileSync(join(decks, 'other', 'notes.md'), '## A Paper Read Twice\n\nWe propose a method that learns a metric by contrasting pairs of sounds.\n');
    const later = new Date(saved.getTime() + 30_000);
    utimesSync(join(decks, 'other', 'notes.md'), later, later);
    const both = runCli(['generate', '--decks', decks]);
    expect(both.code).toBe(0);
    expect(both.stdout.match(/^iclr2017: /gm)).toHaveLength(1);
    expect(both.stdout.match(/^other: /gm)).toHaveLength(1);
    expect(both.stdout).toMatch(/^other: 1 card from 1 paper — cards\.json written/m);
    expect(both.stdout).toMatch(/^iclr2017: .* — nothing changed, nothing written/m);
  });

  it('loads neither the note generator nor string-width to find that nothing changed', async () => {
    const sources = await sourcesLoadedBy('generate');
    expect(sources.filter((s) => s.includes('src/notes/') || s.includes('src/cards/key-idea.ts') || s.includes('node_modules/markdown-it/'))).toEqual([]);
    expect(sources.filter((s) => s.includes('node_modules/string-width/'))).toEqual([]);
  });

  it('keeps identities through edits, reorders, renames, deletions and returns', () => {
    const { decks } = workspaceWithBundledDeck();
    const original = generateJson(decks);
    const idOf = (doc: { cards: { id: string; title: string }[] }, prefix: string) =>
      doc.cards.find((c) => c.title.startsWith(prefix))?.id;
    const zoneout = idOf(original, 'Zoneout');
    const hyper = idOf(original, 'HyperNetworks');
    const gumbel = idOf(original, 'Categorical Reparameterization');
    expect(zoneout && hyper && gumbel).toBeTruthy();

    // Body edit: same card, updated.
    editNotes(decks, (t) => t.replace('This provides a differentiable argmax operation.', 'Key idea: a differentiable relaxation of sampling from a categorical distribution.'));
    const edited = generateJson(decks);
    expect(idOf(edited, 'Categorical Reparameterization')).toBe(gumbel);
    expect(edited.changes.updated).toEqual([gumbel]);
    expect(edited.cards.find((c: { id: string }) => c.id === gumbel).answer).toBe(
      'a differentiable relaxation of sampling from a categorical distribution.',
    );

    // Typo fix in a title: a rename carrying the id.
    editNotes(decks, (t) => t.replace('C23: HyperNetworks', 'C23: HyperNetworks (Ha, Dai, Le)'));
    const renamed = generateJson(decks);
    expect(idOf(renamed, 'HyperNetworks')).toBe(hyper);
    expect(renamed.changes.renamed).toEqual([{ from: 'HyperNetworks', to: 'HyperNetworks (Ha, Dai, Le)', id: hyper }]);
    // Each card is counted once: the counts add up to the deck.
    expect(renamed.changes.updated).toEqual([]);
    const { added, updated, renamed: renames, restored, unchanged } = renamed.changes;
    expect(added.length + updated.length + renames.length + restored.length + unchanged).toBe(renamed.cards.length);

    // Move a paper to another session (and so reorder): same id, nothing updated.
    editNotes(decks, (t) => {
      const block = t.match(/C30: Zoneout[\s\S]*?(?=\nC32: Learning Visual Servoing)/)![0];
      return t.replace(block, '').replace('Monday morning\n', `Monday morning\n\n${block}\n`);
    });
    const moved = generateJson(decks);
    expect(idOf(moved, 'Zoneout')).toBe(zoneout);
    expect(moved.changes).toMatchObject({ added: [], updated: [], renamed: [], retired: [] });
    expect(moved.cards.find((c: { id: string }) => c.id === zoneout).source.session).toBe('Monday morning');

    // Delete: retired; bring back: the same id returns.
    const withZoneout = readFileSync(notesPath(decks), 'utf8');
    editNotes(decks, (t) => t.replace(/C30: Zoneout[\s\S]*?(?=\nC\d+:)/, ''));
    const deleted = generateJson(decks);
    expect(idOf(deleted, 'Zoneout')).toBeUndefined();
    expect(deleted.changes.retired).toEqual([zoneout]);
    writeFileSync(notesPath(decks), withZoneout);
    const back = generateJson(decks);
    expect(idOf(back, 'Zoneout')).toBe(zoneout);
    expect(back.changes.restored).toEqual([zoneout]);
    expect(back.changes.added).toEqual([]);
  });

  it('keeps text from notes free of control characters and escape sequences', () => {
    const { decks } = workspaceWithBundledDeck();
    editNotes(decks, (t) =>
      t.replace('C23: HyperNetworks', 'C23: Hyper\u001b[31mNetworks\u0007\u001b]0;pwned\u0007').replace(
        'He has a small RNN',
        'He has a \u001b[2Jsmall\u0008 RNN',
      ),
    );
    const result = runCli(['generate', '--decks', decks]);
    expect(result.code).toBe(0);
    const cards = readFileSync(join(decks, 'iclr2017', 'cards.json'), 'utf8');
    for (const text of [cards, result.stdout]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(text).not.toContain('\\u001b');
    }
    expect(cards).toContain('"HyperNetworks"');
  });
});

describe('bad input gets one clear line, a non-zero exit and nothing written', () => {
  function expectRefusal(result: ReturnType<typeof runCli>, pattern: RegExp) {
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^paperdeck: /);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  function deckWith(notes: string | Buffer, file = 'notes.txt') {
    const decks = tempDir();
    mkdirSync(join(decks, 'mine'));
    writeFileSync(join(decks, 'mine', file), notes);
    return decks;
  }

  it('refuses a missing deck, naming the decks there are', () => {
    const { decks } = workspaceWithBundledDeck();
    expectRefusal(runCli(['generate', 'nope', '--decks', decks]), /no deck named "nope".*iclr2017/);
  });

  it('refuses an empty notes file, naming it', () => {
    const decks = deckWith('  \n\n');
    expectRefusal(runCli(['generate', 'mine', '--decks', decks]), /mine\/notes\.txt is empty/);
    expect(existsSync(join(decks, 'mine', 'cards.json'))).toBe(false);
  });

  it('refuses a binary file', () => {
    const decks = deckWith(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expectRefusal(runCli(['generate', 'mine', '--decks', decks]), /binary/);
    expect(existsSync(join(decks, 'mine', 'cards.json'))).toBe(false);
  });

  it('refuses notes with no recognisable entries', () => {
    const decks = deckWith('Just a shopping list.\n\nMilk, eggs, bread.\n');
    expectRefusal(runCli(['generate', 'mine', '--decks', decks]), /no recognisable paper entries/);
    expect(existsSync(join(decks, 'mine', 'cards.json'))).toBe(false);
  });

  it('refuses an absurdly large file', () => {
    const decks = deckWith(Buffer.alloc(21 * 1024 * 1024, 'a'));
    expectRefusal(runCli(['generate', 'mine', '--decks', decks]), /too large/);
  });

  it('refuses a folder where a notes file should be', () => {
    const decks = tempDir();
    mkdirSync(join(decks, 'mine', 'notes.txt'), { recursive: true });
    writeFileSync(join(decks, 'mine', 'other.md'), '## A paper\n\nIt does a thing.\n');
    expectRefusal(runCli(['generate', 'mine', '--decks', decks]), /folder/);
  });

  it('says a cards.json broken below its first line (a merge left its markers) is corrupted, not unchanged', () => {
    const { decks } = workspaceWithBundledDeck();
    const saved = new Date(Date.now() - 60_000);
    utimesSync(notesPath(decks), saved, saved);
    generateJson(decks);
    const cardsPath = join(decks, 'iclr2017', 'cards.json');
    const before = statSync(cardsPath);
    const lines = readFileSync(cardsPath, 'utf8').split('\n');
    lines.splice(3, 0, '<<<<<<< HEAD', '=======', '>>>>>>> other');
    writeFileSync(cardsPath, lines.join('\n'));
    utimesSync(cardsPath, before.atime, before.mtime);
    expectRefusal(runCli(['generate', 'iclr2017', '--decks', decks]), /cards\.json is corrupted/);
  });

  it('says a cards.json from a newer paperdeck is that, not damage, and leaves it as it is', () => {
    const { decks } = workspaceWithBundledDeck();
    const cardsPath = join(decks, 'iclr2017', 'cards.json');
    const newer = JSON.stringify({ version: 2, deck: 'iclr2017', cards: { layout: 'of the future' } });
    writeFileSync(cardsPath, newer);
    for (const command of [['generate', 'iclr2017'], ['cards', 'iclr2017', '--json']]) {
      expectRefusal(runCli([...command, '--decks', decks]), /cards\.json was written by a newer paperdeck \(cards file version 2; this one reads version 1\)/);
    }
    expect(readFileSync(cardsPath, 'utf8')).toBe(newer);
  });

  it('keeps the previous cards.json when the notes become unreadable', () => {
    const { decks } = workspaceWithBundledDeck();
    generateJson(decks);
    const cardsPath = join(decks, 'iclr2017', 'cards.json');
    const before = readFileSync(cardsPath);
    writeFileSync(notesPath(decks), Buffer.from([0, 1, 2, 3, 0, 0, 0xff]));
    expectRefusal(runCli(['generate', 'iclr2017', '--decks', decks]), /binary/);
    expect(readFileSync(cardsPath).equals(before)).toBe(true);
  });

  it('rejects a malformed deck name as a usage error', () => {
    const result = runCli(['generate', '../etc', '--decks', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^paperdeck: invalid deck name/);
  });
});

describe('paperdeck new', () => {
  it('allows in a deck name what its --help says, and its error says the same', () => {
    const help = runCli(['new', '--help']).stdout.replace(/\s+/g, ' ');
    const refused = runCli(['new', 'a b', '--from', BUNDLED_NOTES, '--decks', tempDir()]);
    expect(refused.code).toBe(2);
    const rule = /invalid deck name "a b": use (.*)\n$/.exec(refused.stderr)![1]!;
    expect(rule).toContain("'.'");
    expect(help).toContain(`name of the new deck: ${rule}`);
    // And a dot is indeed allowed.
    const decks = tempDir();
    const made = runCli(['new', 'neurips.2024', '--from', BUNDLED_NOTES, '--copy', '--decks', decks]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(existsSync(join(decks, 'neurips.2024', 'cards.json'))).toBe(true);
  });

  it('says in one line, exit 1, when the decks folder cannot be made (a file is in the way)', () => {
    const root = tempDir();
    const source = join(root, 'notes.md');
    writeFileSync(source, readFileSync(BUNDLED_NOTES));
    writeFileSync(join(root, 'decks'), 'a file, not a folder');
    const result = runCli(['new', 'papers', '--from', source, '--decks', join(root, 'decks')]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^paperdeck: cannot create the deck folder in .*decks: EEXIST[^\n]*\n$/);
  });

  it('starts a deck from a copy of a notes file anywhere on disk (--copy)', () => {
    const decks = tempDir();
    const source = join(tempDir(), 'my notes.md');
    writeFileSync(source, '# Reading\n\n## Attention Is All You Need\n\nThe paper replaces recurrence with self-attention.\n');
    const result = runCli(['new', 'reading', '--from', source, '--copy', '--decks', decks, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.cards.map((c: { title: string }) => c.title)).toEqual(['Attention Is All You Need']);
    expect(readdirSync(join(decks, 'reading')).sort()).toEqual(['cards.json', 'notes.md']);
    expect(readFileSync(join(decks, 'reading', 'notes.md'), 'utf8')).toBe(readFileSync(source, 'utf8'));
    // The deck now regenerates like any other.
    expect(runCli(['generate', 'reading', '--decks', decks]).stdout).toContain('nothing changed');
  });

  it('refuses an existing deck name, a missing file and a binary file, creating nothing', () => {
    const decks = tempDir();
    const good = join(tempDir(), 'n.txt');
    writeFileSync(good, 'C1: A Paper\n\nThey propose a thing that works.\n');
    expect(runCli(['new', 'a', '--from', good, '--decks', decks]).code).toBe(0);
    const again = runCli(['new', 'a', '--from', good, '--decks', decks]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const missing = runCli(['new', 'b', '--from', join(decks, 'nope.txt'), '--decks', decks]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
    const binary = join(tempDir(), 'x.txt');
    writeFileSync(binary, Buffer.from([0, 0, 0, 1, 2, 0xff]));
    const refused = runCli(['new', 'c', '--from', binary, '--decks', decks]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${binary} looks like a binary file`);
    expect(readdirSync(decks).sort()).toEqual(['a']);
  });
});

describe('atomic writes', () => {
  it('leaves the previous cards.json whole when generate is killed at any moment', async () => {
    const decks = tempDir();
    mkdirSync(join(decks, 'big'));
    const bundled = readFileSync(BUNDLED_NOTES, 'utf8');
    const notesFile = join(decks, 'big', 'notes.txt');
    writeFileSync(notesFile, syntheticNotes(600, bundled));
    expect(runCli(['generate', 'big', '--decks', decks]).code).toBe(0);
    const cardsPath = join(decks, 'big', 'cards.json');

    /** Runs generate, killing it after `killAfterMs`; says how long it ran and whether the kill landed. */
    const runOnce = (killAfterMs: number | null) =>
      new Promise<{ ms: number; killed: boolean }>((resolve) => {
        const started = Date.now();
        const child = spawn(process.execPath, [BIN, 'generate', 'big', '--decks', decks], { stdio: 'ignore' });
        const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('exit', (_code, signal) => {
          if (timer) clearTimeout(timer);
          resolve({ ms: Date.now() - started, killed: signal === 'SIGKILL' });
        });
      });

    // Every kill is followed by a new edit, so each run has a new file to write.
    let edition = 0;
    const edit = () => writeFileSync(notesFile, syntheticNotes(600, bundled).replace(/paper/g, `paper v${++edition}`));
    edit();
    let fullRun = (await runOnce(null)).ms;
    let landed = 0;
    // Kills spread over the run, most near its end, where cards.json is written. A run that
    // ended before its kill shows runs are quicker now than the first: aim by it from then on.
    // On a busy machine run times vary, and a kill may come after the run ended: a few more
    // tries then, until four kills have landed.
    for (const fraction of [0.6, 0.9, 0.97, 0.99, 0.8, 0.5, 0.95, 0.3]) {
      if (landed === 4) break;
      edit();
      const run = await runOnce(Math.max(1, Math.round(fullRun * fraction)));
      if (run.killed) landed++;
      else fullRun = Math.min(fullRun, run.ms);
      const text = readFileSync(cardsPath, 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
      expect(JSON.parse(text).cards.length).toBeGreaterThan(400);
    }
    // The kills must have landed, or this test showed nothing.
    expect(landed).toBeGreaterThan(2);
    // A temporary file a killed run left behind is cleared by the next run.
    writeFileSync(join(decks, 'big', '.cards.json.tmp-999999999'), '{"half": ');
    writeFileSync(join(decks, 'big', '..generate-cache.tmp-999999999'), '{"paperdeck":');
    edit();
    await runOnce(null);
    // (.generate-cache: what generate leaves to rebuild after an edit without reading every note.)
    expect(readdirSync(join(decks, 'big')).sort()).toEqual(['.generate-cache', 'cards.json', 'notes.txt']);
  });
});

describe('what generate says about skipped notes', () => {
  const generate = (decks: string, ...flags: string[]) => {
    const result = runCli(['generate', 'iclr2017', '--decks', decks, ...flags]);
    expect(result.code).toBe(0);
    return result.stdout;
  };

  it('lists them when they are new or changed, else says they are as before (--verbose lists them)', () => {
    const { decks } = workspaceWithBundledDeck();
    const first = generate(decks);
    expect(first).toMatch(/skipped {4}11 \(write a "Key idea: \.\.\." line/);
    expect(first).toContain('notes.txt:27');

    const again = generate(decks);
    expect(again).toContain('nothing changed');
    expect(again).toContain('  skipped    11 as before (--verbose lists them)\n');
    expect(again).not.toContain('notes.txt:27');
    expect(generate(decks, '--force')).not.toContain('notes.txt:27');
    expect(generate(decks, '--verbose')).toContain('notes.txt:27');

    // A card's note edited: the skipped ones are as they were.
    editNotes(decks, (t) => t.replace('Div-norm.', 'Key idea: divisive normalisation unifies batch and layer normalisation.'));
    const edited = generate(decks);
    expect(edited).toMatch(/updated {4}1\n/);
    expect(edited).not.toContain('notes.txt:27');

    // A paper with nothing to say joins them: the list is shown.
    editNotes(decks, (t) => `${t}\nC99: A Paper Read In A Hurry\n\nTODO\n`);
    const more = generate(decks);
    expect(more).toContain('skipped    12 (write');
    expect(more).toContain('A Paper Read In A Hurry');
    expect(more).toContain('notes.txt:27');

    // Many more skipped at once: the first few are listed, the newly skipped among them, and
    // the rest counted, pointing at inspect (--verbose lists them all).
    editNotes(decks, (t) => `${t}\n${Array.from({ length: 14 }, (_, i) => `C${200 + i}: Another Paper Read In A Hurry ${i}\n\nTODO\n`).join('\n')}`);
    const many = generate(decks);
    expect(many).toContain('skipped    26 (write');
    expect(many.match(/A Hurry \d+\n/g)).toHaveLength(12);
    expect(many).not.toMatch(/notes\.txt:27 /);
    expect(many).toMatch(/\n {4}… and 14 more: \S.* inspect iclr2017 lists every paper, with\s+why\n/);
    expect(generate(decks, '--verbose', '--force').match(/A Hurry \d+\n/g)).toHaveLength(14);
    editNotes(decks, (t) => t.replace(/\nC2\d\d: Another Paper[^]*$/, '\n'));

    // A skipped note given a key idea becomes a card: what it gave before is not taken again.
    editNotes(decks, (t) => t.replace('Computational biology. Deal with np.', 'Computational biology. Deal with np.\nKey idea: predict the parameters of the first layer from per-feature embeddings.'));
    const fixed = generate(decks, '--json');
    const doc = JSON.parse(fixed) as { cards: { title: string; answer: string }[]; skipped: { title: string }[] };
    expect(doc.cards.find((card) => card.title.startsWith('Diet Networks'))?.answer).toBe("predict the parameters of the first layer from per-feature embeddings.");
    expect(doc.skipped.map((skip) => skip.title)).not.toContain('Diet Networks: Thin Parameters for Fat Genomics');
    expect(doc.skipped).toHaveLength(11);
  });
});

describe('what generate says about a rename', () => {
  it('shows both titles whole within 80 columns, the new one under the old', () => {
    const { decks } = workspaceWithBundledDeck();
    runCli(['generate', 'iclr2017', '--decks', decks]);
    const from = 'Normalizing the Normalizers: Comparing and Extending Network Normalization Schemes';
    const to = 'Normalizing the Normalizers: Comparing and Extending Network Normalisation Schemes (Ren et al.)';
    editNotes(decks, (t) => t.replace(`C4: ${from}`, `C4: ${to}`));
    const result = runCli(['generate', 'iclr2017', '--decks', decks]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    const at = lines.indexOf('  renamed    1');
    const block = lines.slice(at + 1, lines.findIndex((line, i) => i > at && line.startsWith('  retired')));
    expect(block.every((line) => line.startsWith('    '))).toBe(true);
    const arrow = block.findIndex((line) => line.startsWith('    → '));
    expect(block.slice(0, arrow).map((l) => l.trim()).join(' ')).toBe(from);
    expect(block.slice(arrow).map((l) => l.trim()).join(' ')).toBe(`→ ${to}`);
  });
});
