// `paperdeck unsuspend`, run as the built binary on real folders: suspended cards come back,
// leeches keep their flag, and nothing is written while a study session holds the state.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { localDayKey } from '../../src/schedule/days.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { openState } from '../../src/store/index.js';
import { HOUR, local, makeCard, settings } from '../schedule/helpers.js';
import { paperdeck, sourcesLoadedBy, workspace, writeDeck } from '../schedule/built-cli.js';

const iso = (ms: number) => new Date(ms).toISOString();
const DECK = [
  makeCard('c001', 'Attention Is All You Need'),
  makeCard('c002', 'Attention Is Not Explanation'),
  makeCard('c003', 'Deep Residual Learning'),
  makeCard('c004', 'Batch Normalization'),
  makeCard('c005', 'Dropout'),
];

/** c001 and c004 suspended by hand, c003 a leech (suspended by the leech rule). */
async function deckWithSuspensions() {
  const ws = workspace();
  writeDeck(ws.decks, 'papers', DECK);
  const clock = new ManualClock(local(2026, 3, 2, 9));
  const store = await openState(ws.state, { mode: 'write', clock });
  try {
    const deck = store.deck('papers');
    const engine = (leechThreshold = 8) => createStudyEngine({ deck, cards: DECK, settings: settings({ leechThreshold }), clock });
    engine().answer('c003', 4, 1_000);
    engine().suspend('c001');
    engine().suspend('c004');
    clock.set(deck.cardStates().get('c003')!.due + HOUR);
    engine(1).answer('c003', 1, 1_000);
    expect(deck.cardStates().get('c003')).toMatchObject({ leech: true, suspended: true });
  } finally {
    store.close();
  }
  const now = clock.now() + HOUR;
  const run = (args: string[]) =>
    paperdeck([...args, '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(now) });
  const flags = () => {
    const doc = JSON.parse(run(['cards', '--json']).stdout) as { cards: { id: string; suspended: boolean; leech: boolean }[] };
    return Object.fromEntries(doc.cards.map((card) => [card.id, { suspended: card.suspended, leech: card.leech }]));
  };
  const log = async () => {
    const reader = await openState(ws.state, { mode: 'read', clock });
    try {
      return reader.deck('papers').readLog();
    } finally {
      reader.close();
    }
  };
  return { ws, now, run, flags, log };
}

describe('paperdeck unsuspend', () => {
  it('brings back a card named by part of its title, logging it, and refuses an ambiguous name', async () => {
    const { run, flags, log, now } = await deckWithSuspensions();
    const ambiguous = run(['unsuspend', 'ATTENTION']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toBe(
      'paperdeck: "ATTENTION" matches 2 cards: "Attention Is All You Need" (c001), "Attention Is Not Explanation" (c002); give the id or more of the title\n',
    );
    expect(run(['unsuspend', 'papers', 'no such paper']).code).toBe(2);
    expect(flags().c001!.suspended).toBe(true);

    const done = run(['unsuspend', 'papers', 'is all']);
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toBe('papers: unsuspended 1 card\n  Attention Is All You Need\n');
    expect(flags().c001).toEqual({ suspended: false, leech: false });
    expect(flags().c004!.suspended).toBe(true);
    const entry = (await log()).at(-1)!;
    expect(entry).toMatchObject({ kind: 'unsuspend', card: 'c001', before: { suspended: true }, after: { suspended: false } });
    // Stamped by PAPERDECK_NOW's clock, not the machine's: on its local day. (That clock runs on
    // from the time it names, so the exact time is not known.)
    expect(localDayKey(entry.at, DEFAULT_SETTINGS.dayStartHour)).toBe(localDayKey(now, DEFAULT_SETTINGS.dayStartHour));
    // Back in the queue: c001 is new again beside c002 and c005.
    expect(JSON.parse(run(['due', '--json']).stdout)).toMatchObject({ new: 3 });
  });

  it('brings back the leeches, keeping their flag, or every suspended card; --json lists them', async () => {
    const { run, flags, log } = await deckWithSuspensions();
    const leeches = run(['unsuspend', '--leeches', '--json']);
    expect(leeches.code).toBe(0);
    expect(JSON.parse(leeches.stdout)).toEqual({ deck: 'papers', unsuspended: ['c003'], notSuspended: [] });
    expect(flags().c003).toEqual({ suspended: false, leech: true });
    expect(run(['unsuspend', '--leeches']).stdout).toBe('papers: no suspended leeches\n');

    const all = run(['unsuspend', 'papers', '--all']);
    expect(all.stdout).toBe('papers: unsuspended 2 cards\n  Attention Is All You Need\n  Batch Normalization\n');
    expect(Object.values(flags()).some((card) => card.suspended)).toBe(false);
    expect((await log()).filter((entry) => entry.kind === 'unsuspend').map((entry) => entry.card)).toEqual(['c003', 'c001', 'c004']);

    const notSuspended = run(['unsuspend', 'c002', '--json']);
    expect(notSuspended.code).toBe(0);
    expect(JSON.parse(notSuspended.stdout)).toEqual({ deck: 'papers', unsuspended: [], notSuspended: ['c002'] });
    const text = run(['unsuspend', 'c005']);
    expect(text).toMatchObject({ code: 0, stdout: 'papers: nothing to unsuspend\n', stderr: 'paperdeck: note: "Dropout" was not suspended\n' });
  });

  it('asks what to unsuspend, and writes nothing while a study session holds the state', async () => {
    const { ws, run, flags, log } = await deckWithSuspensions();
    const bare = run(['unsuspend']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('paperdeck: name the cards to unsuspend (ids or parts of titles), or use --leeches or --all\n');
    const entries = (await log()).length;
    const session = await openState(ws.state, { mode: 'write', clock: new ManualClock(local(2026, 3, 10, 9)), command: 'paperdeck study papers' });
    try {
      const refused = run(['unsuspend', '--all']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^paperdeck: .*paperdeck study papers[^\n]*\n$/);
    } finally {
      session.close();
    }
    expect(await log()).toHaveLength(entries);
    expect(flags().c004!.suspended).toBe(true);
    expect(run(['unsuspend', '--all']).code).toBe(0);
  });

  it('is listed in paperdeck --help and loads neither Ink nor React', async () => {
    const help = paperdeck(['--help']);
    expect(help.stdout).toMatch(/^\s+unsuspend \[options\] \[deck\] \[cards\.\.\.\]\s+put suspended cards/m);
    const sources = await sourcesLoadedBy('unsuspend');
    expect(sources.some((s) => s.includes('src/schedule/unsuspend.ts'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(s) || s.includes('src/ui/'))).toEqual([]);
  });
});
