// Generation: the bundled deck and a synthetic 10,000-paper notes file, through the real CLI
// (what a user waits for) and in-process (the generator alone).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeck } from '../src/cards/generate.js';
import { median, ms, ratio, row, timeFn, timeNode } from './measure.js';
import { syntheticNotes, syntheticPaperFiles, syntheticShapeNotes, type SyntheticShape } from './synthetic.js';

export function benchGenerate(root: string, bin: string, nodeBaseline: number): Record<string, number> {
  // Its decks take some 240 MB: gone when the bench ends (PAPERDECK_BENCH_KEEP=1 keeps them).
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-bench-gen-'));
  try {
    return measureGeneration(root, bin, nodeBaseline, work);
  } finally {
    if (process.env.PAPERDECK_BENCH_KEEP) console.log(`(kept ${work})`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function measureGeneration(root: string, bin: string, nodeBaseline: number, work: string): Record<string, number> {
  const bundledPath = join(root, 'decks', 'iclr2017', 'notes.txt');
  const bundled = readFileSync(bundledPath, 'utf8');
  const big = syntheticNotes(10_000, bundled);

  const freshDeck = (name: string, notes: string) => {
    const decks = join(work, `${name}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(decks, name), { recursive: true });
    writeFileSync(join(decks, name, 'notes.txt'), notes);
    return decks;
  };
  // First generation: a new decks folder every run.
  const cliFirst = (name: string, notes: string, runs: number) =>
    median(Array.from({ length: runs }, () => timeNode([bin, 'generate', name, '--decks', freshDeck(name, notes)], 1)));

  const bundledFirst = cliFirst('iclr2017', bundled, 5);
  const bundledDecks = freshDeck('iclr2017', bundled);
  timeNode([bin, 'generate', '--decks', bundledDecks], 1);
  const bundledAgain = timeNode([bin, 'generate', '--decks', bundledDecks], 5);

  const bigFirst = cliFirst('big', big, 3);
  const bigDecks = freshDeck('big', big);
  timeNode([bin, 'generate', '--decks', bigDecks], 1);
  const bigAgain = timeNode([bin, 'generate', '--decks', bigDecks], 3);

  const bundledBytes = [{ file: 'notes.txt', bytes: Buffer.from(bundled) }];
  const bigBytes = [{ file: 'notes.txt', bytes: Buffer.from(big) }];
  const inProcessBundled = timeFn(() => buildDeck('iclr2017', bundledBytes, null), 10);
  const inProcessBig = timeFn(() => buildDeck('big', bigBytes, null), 3);
  const previousBig = buildDeck('big', bigBytes, null).cardsFile;
  const inProcessBigAgain = timeFn(() => buildDeck('big', bigBytes, previousBig), 3);
  // Every title renamed, every note unchanged: each card must find its previous id by its body.
  const renamedBytes = [{ file: 'notes.txt', bytes: Buffer.from(big.replace(/^(C\d+: .+)$/gm, '$1 (ICLR)')) }];
  const inProcessBigRenamed = timeFn(() => buildDeck('big', renamedBytes, previousBig), 3);
  cpSync(bundledPath, join(work, 'copy.txt'));

  console.log('\nGeneration (target: 10,000 papers under 1 s; unchanged regeneration well under that)');
  row('', 'median', '× node -e 0');
  row('paperdeck generate, bundled deck (54 papers), first', ms(bundledFirst), ratio(bundledFirst, nodeBaseline));
  row('paperdeck generate, bundled deck, nothing changed', ms(bundledAgain), ratio(bundledAgain, nodeBaseline));
  row(`paperdeck generate, 10,000 papers (${(big.length / 1e6).toFixed(1)} MB), first`, ms(bigFirst), ratio(bigFirst, nodeBaseline));
  row('paperdeck generate, 10,000 papers, nothing changed', ms(bigAgain), ratio(bigAgain, nodeBaseline));
  row('buildDeck in-process, bundled deck', ms(inProcessBundled));
  row('buildDeck in-process, 10,000 papers, first', ms(inProcessBig));
  row('buildDeck in-process, 10,000 papers, with previous cards', ms(inProcessBigAgain));
  row('buildDeck in-process, 10,000 papers, titles renamed', ms(inProcessBigRenamed));

  // Every shape notes come in, 10,000 papers each (a folder of one-paper files: 5,000, the
  // most files a deck folder may hold), first generation through the real CLI.
  console.log('\nGeneration in every shape, 10,000 papers, first run (target: within the plain format\'s ratio, ~8× node)');
  row('', 'median', '× node -e 0');
  const byShape: Record<string, number> = {};
  const shapes: [SyntheticShape, string][] = [
    ['headings', 'notes.md'], ['bold titles', 'notes.md'], ['link lines', 'notes.md'], ['list items', 'notes.md'], ['table rows', 'notes.md'], ['org', 'notes.org'],
  ];
  for (const [shape, file] of shapes) {
    const text = syntheticShapeNotes(shape, 10_000, bundled);
    const time = median(
      Array.from({ length: 3 }, () => {
        const decks = join(work, `shape-${Math.random().toString(36).slice(2)}`);
        mkdirSync(join(decks, 'shape'), { recursive: true });
        writeFileSync(join(decks, 'shape', file), text);
        return timeNode([bin, 'generate', 'shape', '--decks', decks], 1);
      }),
    );
    byShape[shape] = time;
    row(`${shape} (${(text.length / 1e6).toFixed(1)} MB)`, ms(time), ratio(time, nodeBaseline));
  }
  const perFile = syntheticPaperFiles(5_000, bundled);
  const perFileTime = median(
    Array.from({ length: 3 }, () => {
      const decks = join(work, `files-${Math.random().toString(36).slice(2)}`);
      mkdirSync(join(decks, 'files'), { recursive: true });
      for (const { name, text } of perFile) writeFileSync(join(decks, 'files', name), text);
      return timeNode([bin, 'generate', 'files', '--decks', decks], 1);
    }),
  );
  byShape['one per file'] = perFileTime;
  row('one paper per file, 5,000 files', ms(perFileTime), ratio(perFileTime, nodeBaseline));
  return { bundledFirst, bundledAgain, bigFirst, bigAgain, inProcessBundled, inProcessBig, inProcessBigAgain, inProcessBigRenamed, ...byShape };
}
