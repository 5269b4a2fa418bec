// What each command costs on a 10,000-paper deck, as a ratio to bare `node -e 0` measured in
// turns with it: the table the state layer is held to. Each row is the state a user meets: right
// after `generate`, after a study session left 200,000 reviews, after a session was killed
// before it could fold its answers into the snapshot, after editing one note.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openState } from '../src/store/index.js';
import { thisDevice } from '../src/store/device.js';
import { ManualClock } from '../src/core/clock.js';
import { row, timeBesideNode } from './measure.js';
import { review, writeHistory } from './store.js';
import { benchStudyStartup } from './study.js';
import { syntheticCard, syntheticNotes } from './synthetic.js';
import { serializeCardsFile } from '../src/store/decks.js';
import { GENERATOR_VERSION } from '../src/cards/version.js';
import { deckStatus, leaveDueIndex } from '../src/cards/freshness.js';

const RUNS = 11;
/** A week after the last of the 200,000 reviews (bench/store.ts: one every 3 minutes from 2024-01-01). */
const NOW = '2025-03-01T10:00:00Z';

export interface CostRow {
  label: string;
  goal: number;
  ratio: number;
  ms: number;
  nodeMs: number;
}

export async function benchCosts(root: string, bin: string): Promise<CostRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'paperdeck-bench-costs-'));
  const env = { ...process.env, PAPERDECK_NOW: NOW, NO_COLOR: '1' };
  const rows: CostRow[] = [];
  const add = (label: string, goal: number, figures: { ms: number; nodeMs: number; ratio: number }) => rows.push({ label, goal, ...figures });
  try {
    // A deck of 10,000 papers from notes saved an hour ago, just generated.
    const notesDecks = join(work, 'notes-decks');
    const notesFile = join(notesDecks, 'papers', 'notes.txt');
    mkdirSync(join(notesDecks, 'papers'), { recursive: true });
    const notes = syntheticNotes(10_000, readFileSync(join(root, 'decks', 'iclr2017', 'notes.txt'), 'utf8'));
    writeFileSync(notesFile, notes);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(notesFile, anHourAgo, anHourAgo);
    const notesState = join(work, 'notes-state');
    const cli = (...args: string[]) => [bin, ...args, '--decks', notesDecks, '--state', notesState];
    timeBesideNode(cli('generate'), 1, env);
    // Studied once (the deck has its folder in the state), then a note edited, saved a while
    // before generate ran: the `due` of the next shell prompt.
    const studied = await openState(notesState, { mode: 'write', clock: new ManualClock(Date.parse(NOW)) });
    const firstCard = JSON.parse(readFileSync(join(notesDecks, 'papers', 'cards.json'), 'utf8')).cards[0].id as string;
    studied.deck('papers').append({ ...review(1, null), card: firstCard, at: Date.parse(NOW) });
    studied.close();
    writeFileSync(notesFile, notes.replace(/\.\n/, '. Edited.\n'));
    utimesSync(notesFile, anHourAgo, anHourAgo);
    timeBesideNode(cli('generate'), 1, env);
    add('due --json right after generate (no study since)', 1.5, timeBesideNode(cli('due', '--json'), RUNS, env));
    add('generate with nothing changed', 1.5, timeBesideNode(cli('generate'), RUNS, env));
    // One note edited before each run, back and forth: one sentence of one paper's note.
    const line = notes.split('\n').findIndex((text, i) => i > 20_000 && text.length > 40);
    const lines = notes.split('\n');
    const variants = [0, 1].map((v) => lines.map((text, i) => (i === line ? `${text}${v ? ' Edited.' : ''}` : text)).join('\n'));
    add('generate after editing one note', 2.5, timeBesideNode(cli('generate'), RUNS, env, (run) => writeFileSync(notesFile, variants[(run + 1) % 2]!)));
    add('cards --json', 2, timeBesideNode(cli('cards', '--json'), RUNS, env));

    // 10,000 cards with 200,000 reviews, as a study session leaves them (snapshot folded, due index).
    const decks = join(work, 'decks');
    mkdirSync(join(decks, 'bench'), { recursive: true });
    const cards = Array.from({ length: 10_000 }, (_, i) => syntheticCard(i));
    writeFileSync(join(decks, 'bench', 'cards.json'), serializeCardsFile({ version: 1, deck: 'bench', notesHash: '', generator: GENERATOR_VERSION, cards, retired: [], skipped: [], warnings: [] }));
    const cardsAnHourAgo = join(decks, 'bench', 'cards.json');
    utimesSync(cardsAnHourAgo, anHourAgo, anHourAgo);
    const state = join(work, 'state');
    writeHistory(state, 200_000);
    const clock = new ManualClock(Date.parse(NOW));
    const session = await openState(state, { mode: 'write', clock });
    session.deck('bench');
    session.close();
    const reader = await openState(state, { mode: 'read', clock });
    if (!leaveDueIndex(state, reader.deck('bench'), deckStatus(decks, 'bench'))) throw new Error('bench: no due index');
    reader.close();
    const big = (...args: string[]) => [bin, ...args, '--decks', decks, '--state', state];
    add('due --json with 200,000 reviews', 1.5, timeBesideNode(big('due', 'bench', '--json'), RUNS, env));
    add('stats --json, 200,000 reviews', 3, timeBesideNode(big('stats', 'bench', '--json'), 5, env));
    add('cards --json, 200,000 reviews', 2, timeBesideNode(big('cards', 'bench', '--json'), 5, env));
    const study = await benchStudyStartup(bin, state, decks, { PAPERDECK_NOW: NOW });
    rows.push({
      label: 'study to first card, 200,000 reviews',
      goal: 3,
      ratio: study['study first card / node first output']!,
      ms: study['study: command to first card (ms)']!,
      nodeMs: study['node -e 0 to first output in a pty (ms)']!,
    });

    // The same 200,000 reviews made on three machines sharing the state folder, one log each
    // (store/merged-log.ts), as this machine's last session leaves them: goal, within 10 % of
    // the rows of one machine above.
    const shared = join(work, 'three-machines');
    writeHistory(shared, 200_000, [thisDevice().name, 'desktop-b', 'laptop-c']);
    (await openState(shared, { mode: 'write', clock })).close();
    const sharedReader = await openState(shared, { mode: 'read', clock });
    if (!leaveDueIndex(shared, sharedReader.deck('bench'), deckStatus(decks, 'bench'))) throw new Error('bench: no due index (three machines)');
    sharedReader.close();
    const oneMachineDue = rows.find((r) => r.label === 'due --json with 200,000 reviews')!;
    add('due --json, the same on three machines', +(oneMachineDue.ratio * 1.1).toFixed(2), timeBesideNode([bin, 'due', 'bench', '--json', '--decks', decks, '--state', shared], RUNS, env));
    const sharedStudy = await benchStudyStartup(bin, shared, decks, { PAPERDECK_NOW: NOW });
    rows.push({
      label: 'study to first card, the same on three machines',
      goal: +(study['study first card / node first output']! * 1.1).toFixed(2),
      ratio: sharedStudy['study first card / node first output']!,
      ms: sharedStudy['study: command to first card (ms)']!,
      nodeMs: sharedStudy['node -e 0 to first output in a pty (ms)']!,
    });

    // A session killed after 300 answers, before it folded them into the snapshot: a writer
    // that answers and is never closed (its lock stays, as a killed session's does).
    const crashed = join(work, 'crashed');
    cpSync(state, crashed, { recursive: true });
    // The copy's own due index, as its last session left it (a copy's times differ from the original's).
    const left = await openState(crashed, { mode: 'read', clock });
    if (!leaveDueIndex(crashed, left.deck('bench'), deckStatus(decks, 'bench'))) throw new Error('bench: no due index');
    left.close();
    const killed = await openState(crashed, { mode: 'write', clock });
    const killedDeck = killed.deck('bench');
    for (let i = 0; i < 300; i++) {
      const n = killedDeck.lastSeq() + 1;
      killedDeck.append(review(n, killedDeck.cardStates().get(`card-${n % 10_000}`) ?? null));
    }
    add('due --json after a crash before the snapshot was written', 2, timeBesideNode([bin, 'due', 'bench', '--json', '--decks', decks, '--state', crashed], RUNS, env));
  } finally {
    // PAPERDECK_BENCH_KEEP=1 keeps the folders, to profile a command on them.
    if (process.env.PAPERDECK_BENCH_KEEP) console.log(`(kept ${work})`);
    else rmSync(work, { recursive: true, force: true });
  }
  console.log('\nWhat each command costs, 10,000 cards (× node -e 0, in turns with it; goal: at most)');
  row('', 'median', 'node -e 0', '× node', 'goal');
  for (const { label, goal, ratio, ms: time, nodeMs } of rows) row(label, `${time.toFixed(0)} ms`, `${nodeMs.toFixed(0)} ms`, `${ratio.toFixed(2)}×`, `${goal}×`);
  return rows;
}
