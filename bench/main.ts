// The benchmark suite behind `npm run bench`. Each section prints its figures beside bare
// `node -e 0`, the floor for any command: a shared 2-core machine is noisy, ratios less so.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION } from '../src/cards/generate.js';
import type { CardsFile } from '../src/core/types.js';
import { serializeCardsFile } from '../src/store/decks.js';
import { deckStatus, leaveDueIndex } from '../src/cards/freshness.js';
import { openState } from '../src/store/index.js';
import { systemClock } from '../src/core/clock.js';
import { benchCosts } from './costs.js';
import { benchGenerate } from './generate.js';
import { benchOptimizeAndPlan } from './optimize.js';
import { ms, ratio, row, timeBesideNode, timeNode } from './measure.js';
import { benchStats } from './stats.js';
import { benchStore } from './store.js';
import { benchSession } from './session.js';
import { benchStudyStartup } from './study.js';
import { syntheticCard, syntheticNotes } from './synthetic.js';
import { cpSync, readFileSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'paperdeck.js');
const only = process.argv[2]; // e.g. `npm run bench -- store`

console.log(`paperdeck bench — node ${process.version}, ${new Date().toISOString()}`);
const nodeBaseline = timeNode(['-e', '0'], 10);
row('bare node -e 0 (median of 10)', ms(nodeBaseline));

if (!only || only === 'costs') await benchCosts(root, bin);

if (!only || only === 'generate') benchGenerate(root, bin, nodeBaseline);

if (!only || only === 'optimize') {
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-bench-'));
  try {
    const figures = benchOptimizeAndPlan(bin, work, nodeBaseline);
    console.log('\noptimize and plan on a simulated learner (targets: 200,000 reviews under 10 s; plan on 1,000 cards under 3 s)');
    row('', 'median', '× node -e 0', 'peak RSS');
    for (const f of figures) row(f.label, ms(f.ms), `${f.ratio.toFixed(1)}×`, f.peakRssMB === null ? 'n/a' : `${f.peakRssMB.toFixed(0)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!only || only === 'session') {
  const session = await benchSession();
  console.log('\nOne answer in a study session, in-process on 10,000 cards (200 answers)');
  row('', 'median', 'p99');
  row('rating key: answer written (fsync) + next view', ms(session.answerAndViewMedianMs!), ms(session.answerAndViewP99Ms!));
  row('next view alone (queue, counts, card, times, summary)', ms(session.viewMedianMs!), ms(session.viewP99Ms!));
}

/** Leaves deck `bench`'s due index in `stateDir`, as a study session does when it ends. */
async function leaveBenchDueIndex(decksDir: string, stateDir: string): Promise<void> {
  const store = await openState(stateDir, { mode: 'read', clock: systemClock });
  const written = leaveDueIndex(stateDir, store.deck('bench'), deckStatus(decksDir, 'bench'));
  store.close();
  if (!written) throw new Error('bench: no due index written');
}

/** A decks folder whose deck `bench` holds the 10,000 cards the store benchmark reviews. */
function benchDecks(dir: string): string {
  const cards = Array.from({ length: 10_000 }, (_, i) => syntheticCard(i));
  const file: CardsFile = { version: 1, deck: 'bench', notesHash: '', generator: GENERATOR_VERSION, cards, retired: [], skipped: [], warnings: [] };
  mkdirSync(join(dir, 'bench'), { recursive: true });
  writeFileSync(join(dir, 'bench', 'cards.json'), serializeCardsFile(file));
  return dir;
}

if (!only || only === 'store' || only === 'stats') {
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-bench-'));
  try {
    const store = await benchStore(work);
    console.log('\nSaving answers (targets: p99 under 10 ms; 200,000 reviews within 1.5× of 1,000)');
    row('', 'median', 'p99');
    row('save one answer (append + fsync), 1,000 reviews of history', ms(store.appendMedianMs1k!), ms(store.appendP99Ms1k!));
    row('save one answer (append + fsync), 200,000 reviews', ms(store.appendMedianMs200k!), ms(store.appendP99Ms200k!));
    row('ratio 200,000 / 1,000', `${store.appendMedianRatio200kTo1k!.toFixed(2)}×`, `${store.appendP99Ratio200kTo1k!.toFixed(2)}×`);
    row('open for reading (what due pays in the store), 200,000', ms(store.readerOpenMs200k!));
    row('open for writing / fold on close, 200,000', ms(store.writerOpenMs200k!), ms(store.closeFoldMs200k!));
    row('daily backup on first open, 200,000', ms(store.dailyBackupMs200k!), `${store.backupsMB200k!.toFixed(0)} MB`);
    row('log / snapshot size, 200,000', `${store.logMB200k!.toFixed(1)} MB`, `${store.snapshotMB200k!.toFixed(1)} MB`);
    row('peak memory (RSS) of the store benchmark', `${store.peakRssMB!.toFixed(0)} MB`);

    // The commands people run, on 10,000 cards with 200,000 reviews of history.
    const decks = benchDecks(join(work, 'decks'));
    const state = join(work, 'store-200k');
    const env = { ...process.env, PAPERDECK_NOW: '2026-01-15T10:00:00Z', NO_COLOR: '1' };
    const due = timeBesideNode([bin, 'due', 'bench', '--json', '--decks', decks, '--state', state], 15, env);
    const dueSmall = timeBesideNode([bin, 'due', 'bench', '--json', '--decks', decks, '--state', join(work, 'store-1k')], 15, env);
    // Then as a study session leaves the deck: with its due index (store/due-index.ts).
    await leaveBenchDueIndex(decks, state);
    await leaveBenchDueIndex(decks, join(work, 'store-1k'));
    const dueIndexed = timeBesideNode([bin, 'due', 'bench', '--json', '--decks', decks, '--state', state], 15, env);
    const dueSmallIndexed = timeBesideNode([bin, 'due', 'bench', '--json', '--decks', decks, '--state', join(work, 'store-1k')], 15, env);
    const statsCli = timeNode([bin, 'stats', 'bench', '--json', '--decks', decks, '--state', state], 5, env);
    const statsText = timeNode([bin, 'stats', 'bench', '--decks', decks, '--state', state], 5, env);
    const bundledDueDecks = join(work, 'due-bundled');
    mkdirSync(join(bundledDueDecks, 'iclr2017'), { recursive: true });
    cpSync(join(root, 'decks', 'iclr2017', 'notes.txt'), join(bundledDueDecks, 'iclr2017', 'notes.txt'));
    // Notes saved an hour ago, as a prompt finds them: cards.json stamps them and `due` reads
    // only their stat. (Notes saved within a tick of the build are read and hashed instead.)
    const savedAnHourAgo = (file: string) => utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    savedAnHourAgo(join(bundledDueDecks, 'iclr2017', 'notes.txt'));
    timeNode([bin, 'generate', '--decks', bundledDueDecks], 1);
    const dueBundled = timeBesideNode([bin, 'due', '--json', '--decks', bundledDueDecks, '--state', join(work, 'due-state')], 21, env);
    // A library of a thousand papers, from notes (about 800 cards), as a few years of reading leave it.
    const thousandDecks = join(work, 'due-thousand');
    const thousandNotes = join(thousandDecks, 'papers', 'notes.txt');
    mkdirSync(join(thousandDecks, 'papers'), { recursive: true });
    writeFileSync(thousandNotes, syntheticNotes(1_000, readFileSync(join(root, 'decks', 'iclr2017', 'notes.txt'), 'utf8')));
    savedAnHourAgo(thousandNotes);
    timeNode([bin, 'generate', '--decks', thousandDecks], 1);
    const dueThousand = timeBesideNode([bin, 'due', '--json', '--decks', thousandDecks, '--state', join(work, 'due-state')], 21, env);
    // The same, built right after the notes were saved: no stamps, so every `due` hashes the notes.
    writeFileSync(thousandNotes, readFileSync(thousandNotes));
    timeNode([bin, 'generate', '--decks', thousandDecks], 1);
    const dueThousandHashed = timeBesideNode([bin, 'due', '--json', '--decks', thousandDecks, '--state', join(work, 'due-state')], 21, env);
    console.log('\nCommands (targets: due at most 1.5× node -e 0; stats well under 1 s)');
    console.log('  (due: runs taking turns with node -e 0, ratio of the two medians)');
    row('', 'median', 'node -e 0', '× node -e 0');
    for (const [label, figures] of [
      ['paperdeck due --json, bundled deck', dueBundled],
      ['paperdeck due --json, 1,000 papers from notes', dueThousand],
      ['  the same, built as the notes were saved (hashed)', dueThousandHashed],
      ['paperdeck due --json, 10,000 cards, 1,000 reviews', dueSmallIndexed],
      ['paperdeck due --json, 10,000 cards, 200,000 reviews', dueIndexed],
      ['  the same, 1,000 reviews, no due index (after generate)', dueSmall],
      ['  the same, 200,000 reviews, no due index', due],
    ] as const) {
      row(label, ms(figures.ms), ms(figures.nodeMs), `${figures.ratio.toFixed(2)}×`);
    }
    row('paperdeck stats --json, 10,000 cards, 200,000 reviews', ms(statsCli), ratio(statsCli, nodeBaseline));
    row('paperdeck stats (text), 10,000 cards, 200,000 reviews', ms(statsText), ratio(statsText, nodeBaseline));

    if (!only) {
      // Study start-up: command to the first frame showing a card, in a pty (Ink draws only
      // to a terminal), beside node's first output read the same way.
      const bundledDecks = join(work, 'study-bundled');
      mkdirSync(join(bundledDecks, 'iclr2017'), { recursive: true });
      cpSync(join(root, 'decks', 'iclr2017', 'notes.txt'), join(bundledDecks, 'iclr2017', 'notes.txt'));
      const bigDecks = join(work, 'study-big');
      mkdirSync(join(bigDecks, 'big'), { recursive: true });
      writeFileSync(join(bigDecks, 'big', 'notes.txt'), syntheticNotes(10_000, readFileSync(join(root, 'decks', 'iclr2017', 'notes.txt'), 'utf8')));
      const studyRuns: [string, Record<string, number>][] = [
        ['bundled deck (43 cards), new state', await benchStudyStartup(bin, join(work, 'study-state-1'), bundledDecks)],
        ['10,000 cards from notes, new state', await benchStudyStartup(bin, join(work, 'study-state-2'), bigDecks)],
        ['10,000 cards with 200,000 reviews of history', await benchStudyStartup(bin, state, decks)],
      ];
      console.log('\nStudy start-up, command to first card frame (target: at most 3× node)');
      row('', 'median', 'node (pty)', '× node');
      for (const [label, figures] of studyRuns) {
        row(
          label,
          ms(figures['study: command to first card (ms)']!),
          ms(figures['node -e 0 to first output in a pty (ms)']!),
          `${figures['study first card / node first output']!.toFixed(2)}×`,
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const stats = await benchStats();
  console.log('\nStatistics in-process (200,000 reviews on 10,000 cards)');
  for (const [key, value] of Object.entries(stats)) row(key, key.toLowerCase().includes('ms') ? ms(value) : value.toFixed(2));
}
