// stats from the due index a session left and from the full read give the same figures, here
// when a card that was studied has left the deck.
process.env.TZ = 'Europe/Berlin';
import { rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { openState } from '../../src/store/index.js';
import { deckStatus, leaveDueIndex } from '../../src/cards/freshness.js';
import { localOf } from '../helpers/state-paths.js';
import { local, makeCards, settings } from '../schedule/helpers.js';
import { paperdeck, workspace, writeDeck } from '../schedule/built-cli.js';

const iso = (ms: number) => new Date(ms).toISOString();
const DAY1 = local(2026, 6, 1, 9);
const DAY30 = local(2026, 6, 30, 9);
const DAY32 = local(2026, 7, 2, 9);

function stats(ws: { decks: string; state: string }, now: number) {
  return paperdeck(['stats', '--json', '--decks', ws.decks, '--state', ws.state], { PAPERDECK_NOW: iso(now) });
}
const strip = (out: string) => JSON.parse(out, (k, v) => (['now', 'predictedRetention', 'retrievability'].includes(k) ? undefined : v));

// A card studied, then its paper removed from the notes: the streak counts days with something
// due in the deck, the same from the due index as from the full read.
it('counts the streak the same with and without the due index after a studied card was retired', async () => {
  const ws = workspace();
  const all = makeCards(3);
  writeDeck(ws.decks, 'papers', all);
  const clock = new ManualClock(DAY1);
  let store = await openState(ws.state, { mode: 'write', clock });
  try {
    const engine = createStudyEngine({ deck: store.deck('papers'), cards: all, settings: settings(), clock });
    for (let i = 0; i < 3; i++) engine.answer(engine.view().card!.id, 4, 2_000);
  } finally { store.close(); }
  // c002's paper leaves the notes: cards.json without it.
  const kept = all.filter((c) => c.id !== 'c002');
  writeDeck(ws.decks, 'papers', kept);
  for (const day of [DAY30, DAY32]) {
    clock.set(day);
    store = await openState(ws.state, { mode: 'write', clock });
    try {
      const engine = createStudyEngine({ deck: store.deck('papers'), cards: kept, settings: settings(), clock });
      for (let v = engine.view(); v.card; v = engine.view()) engine.answer(v.card.id, 3, 1_000);
    } finally { store.close(); }
  }
  utimesSync(join(ws.decks, 'papers', 'cards.json'), new Date(DAY1), new Date(DAY1));
  const reader = await openState(ws.state, { mode: 'read', clock: new ManualClock(DAY32) });
  let left: boolean;
  try { left = leaveDueIndex(ws.state, reader.deck('papers'), deckStatus(ws.decks, 'papers')); } finally { reader.close(); }
  expect(left).toBe(true);
  const now = DAY32 + 3_600_000;
  const indexed = stats(ws, now);
  rmSync(join(localOf(ws.state), 'decks', 'papers', 'due-index.json'));
  const full = stats(ws, now);
  expect(strip(indexed.stdout)).toEqual(strip(full.stdout));
});
