// `paperdeck cards`, run as the built binary on real folders.
process.env.TZ = 'America/Los_Angeles';

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { openState } from '../../src/store/index.js';
import { HOUR, local, makeCard, makeCards, settings } from '../schedule/helpers.js';
import { paperdeck, sourcesLoadedBy, workspace, writeDeck } from '../schedule/built-cli.js';

const iso = (ms: number) => new Date(ms).toISOString();
const DOCUMENTED_KEYS = ['id', 'title', 'state', 'due', 'stability', 'difficulty', 'retrievability', 'reps', 'lapses', 'suspended', 'buried', 'leech'];

function cards(ws: { decks: string; state: string }, args: string[], now: number) {
  return paperdeck(['cards', ...args, '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(now) });
}

describe('paperdeck cards', () => {
  it('lists every card of the deck in the shape the README documents, studied or not', async () => {
    const ws = workspace();
    const deckCards = makeCards(6);
    writeDeck(ws.decks, 'papers', deckCards, [makeCard('gone', 'A Retired Paper')]);
    const start = local(2026, 3, 2, 9);
    const clock = new ManualClock(start);
    const store = await openState(ws.state, { mode: 'write', clock });
    try {
      const engine = createStudyEngine({ deck: store.deck('papers'), cards: deckCards, settings: settings(), clock });
      engine.answer('c001', 4, 1_000); // review
      engine.answer('c002', 3, 1_000); // learning, 10m step
      engine.answer('c003', 4, 1_000);
      engine.suspend('c003');
      engine.bury('c004');
    } finally {
      store.close();
    }
    const result = cards(ws, ['--json'], start + HOUR);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.deck).toBe('papers');
    expect(doc.cards.map((c: { id: string }) => c.id)).toEqual(['c001', 'c002', 'c003', 'c004', 'c005', 'c006']);
    for (const card of doc.cards) for (const key of DOCUMENTED_KEYS) expect(card).toHaveProperty(key);
    const [review, learning, suspended, buried, fresh] = doc.cards;
    expect(review).toMatchObject({ state: 'review', reps: 1, lapses: 0, suspended: false, buried: false, leech: false });
    expect(new Date(review.due).getHours()).toBe(4);
    expect(review.stability).toBeGreaterThan(1);
    expect(review.difficulty).toBeGreaterThanOrEqual(1);
    expect(review.retrievability).toBeGreaterThan(0.9);
    expect(review.retrievability).toBeLessThanOrEqual(1);
    expect(learning).toMatchObject({ state: 'learning', due: iso(start + 10 * 60_000) });
    expect(suspended).toMatchObject({ state: 'review', suspended: true });
    expect(buried).toMatchObject({ state: 'new', buried: true });
    expect(fresh).toMatchObject({ state: 'new', due: null, stability: null, difficulty: null, retrievability: null, reps: 0, suspended: false, buried: false });
    // The next day the burial is over.
    const nextDay = JSON.parse(cards(ws, ['--json'], local(2026, 3, 3, 4)).stdout);
    expect(nextDay.cards[3].buried).toBe(false);
  });

  it('prints a table that fits 80 columns, long titles cut with … and escape sequences removed', () => {
    const ws = workspace();
    const long = makeCard('c001', 'Understanding Deep Learning Requires Rethinking Generalization In Very Many Words Indeed');
    const nasty = makeCard('c002', 'Evil \u001b[31mRed\u001b[0m \u001b]0;pwned\u0007Title');
    writeDeck(ws.decks, 'papers', [long, nasty, ...makeCards(3).slice(2)]);
    const result = cards(ws, [], local(2026, 3, 2, 9));
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    // The title gets 40 columns before the figures do: DIFF is left out, and that is said.
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+STATE\s+DUE\s+STAB\s+R\s+LAPSES$/);
    expect(lines.at(-2)).toBe('(left out for width: DIFF; --json has all)');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^c001\s+Understanding Deep Learning Requires Rethink\w*…\s+new\s+-/);
    expect(lines[2]).toMatch(/^c002\s+Evil Red Title\s+new/);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(lines.at(-1)).toBe('papers: 3 cards — 3 new, 0 learning, 0 review');
  });

  it('asks which deck when there are several, and refuses an unknown one', () => {
    const ws = workspace();
    writeDeck(ws.decks, 'alpha', makeCards(2));
    writeDeck(ws.decks, 'beta', makeCards(2));
    const several = cards(ws, [], local(2026, 3, 2, 9));
    expect(several.code).toBe(2);
    expect(several.stderr).toBe('paperdeck: several decks (alpha, beta): name one\n');
    const unknown = cards(ws, ['gamma'], local(2026, 3, 2, 9));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.split('\n')).toHaveLength(2);
    expect(JSON.parse(cards(ws, ['beta', '--json'], local(2026, 3, 2, 9)).stdout).cards).toHaveLength(2);
  });

  it('sums up the deck in the same counts as stats: suspended and buried cards apart, leeches as a flag', async () => {
    const ws = workspace();
    const deckCards = makeCards(8);
    writeDeck(ws.decks, 'papers', deckCards);
    const day1 = local(2026, 3, 2, 9);
    const clock = new ManualClock(day1);
    const store = await openState(ws.state, { mode: 'write', clock });
    let checkAt: number;
    try {
      const deck = store.deck('papers');
      const engine = (overrides = {}) => createStudyEngine({ deck, cards: deckCards, settings: settings(overrides), clock });
      const first = engine();
      for (const id of ['c001', 'c002', 'c003']) first.answer(id, 4, 1_000); // review cards
      first.suspend('c006'); // a new card, suspended
      clock.set(deck.cardStates().get('c001')!.due + HOUR);
      engine({ leechThreshold: 1 }).answer('c001', 1, 1_000); // a lapse that makes it a leech: suspended
      const later = engine();
      later.answer('c002', 1, 1_000); // relearning
      later.answer('c004', 3, 1_000); // learning
      later.bury('c005'); // a new card, buried until tomorrow
      checkAt = clock.now() + 2 * 60_000;
    } finally {
      store.close();
    }
    const text = cards(ws, [], checkAt);
    expect(text.code).toBe(0);
    // The summary is wrapped to 80 columns, its continuation indented.
    const summaryLine = text.stdout.slice(text.stdout.indexOf('papers: ')).trimEnd().replace(/\n {2}/g, ' ');
    expect(summaryLine).toBe(
      'papers: 8 cards — 2 new, 1 learning, 1 review, 1 relearning, 2 suspended, 1 buried, 1 leech (also counted above)',
    );
    const statsRun = paperdeck(['stats', '--json', '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(checkAt) });
    expect(statsRun.code).toBe(0);
    const { counts } = JSON.parse(statsRun.stdout);
    expect(counts).toMatchObject({ new: 2, learning: 1, review: 1, relearning: 1, suspended: 2, buried: 1, leech: 1, total: 8 });
    // Every number of the cards line is the stats figure of the same name.
    const summary = summaryLine.split(' — ')[1]!;
    for (const part of summary.split(', ')) {
      const [, n, name] = /^(\d+) (\w+)/.exec(part)!;
      expect(counts[name === 'leech' || name === 'leeches' ? 'leech' : name!], part).toBe(Number(n));
    }
  });

  it('loads neither Ink nor React', async () => {
    const sources = await sourcesLoadedBy('cards');
    expect(sources.some((s) => s.includes('src/schedule/scheduler.ts'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(s) || s.includes('src/ui/'))).toEqual([]);
  });

  it('shows short ids that unsuspend and history take, and finds cards with --search', async () => {
    const ws = workspace();
    const deckCards = [
      makeCard('attention-is-all-1a2b3c', 'Attention Is All You Need'),
      makeCard('paying-more-attention-4d5e6f', 'Paying More ATTENTION to Attention'),
      makeCard('hypernetworks-7a8b9c', 'HyperNetworks'),
    ];
    writeDeck(ws.decks, 'papers', deckCards);
    const start = local(2026, 3, 2, 9);
    const clock = new ManualClock(start);
    const store = await openState(ws.state, { mode: 'write', clock });
    try {
      createStudyEngine({ deck: store.deck('papers'), cards: deckCards, settings: settings(), clock }).suspend('hypernetworks-7a8b9c');
    } finally {
      store.close();
    }
    const all = cards(ws, [], start + HOUR).stdout.split('\n');
    expect(all[1]).toMatch(/^1a2b3c  Attention Is All You Need /);
    expect(all[3]).toMatch(/^7a8b9c  HyperNetworks\s+suspended\s/);

    const found = cards(ws, ['--search', 'attention'], start + HOUR);
    expect(found.code).toBe(0);
    const lines = found.stdout.trimEnd().split('\n');
    expect(lines.slice(1, 3).map((line) => line.slice(0, 6))).toEqual(['1a2b3c', '4d5e6f']);
    expect(lines.at(-1)).toBe('papers: 2 of 3 cards match "attention" — 2 new, 0 learning, 0 review');
    const json = JSON.parse(cards(ws, ['--search', 'ATTENTION', '--json'], start + HOUR).stdout);
    expect(json.cards.map((c: { id: string }) => c.id)).toEqual(['attention-is-all-1a2b3c', 'paying-more-attention-4d5e6f']);
    expect(cards(ws, ['--search', 'nothing like it'], start + HOUR).stdout).toBe('papers: no card\'s title contains "nothing like it" (3 cards in the deck)\n');
    expect(cards(ws, ['--search', ' '], start + HOUR).code).toBe(2);

    // The short id is what unsuspend takes.
    const back = paperdeck(['unsuspend', 'papers', '7a8b9c', '--json', '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(start + HOUR) });
    expect(JSON.parse(back.stdout).unsuspended).toEqual(['hypernetworks-7a8b9c']);
  });
});
