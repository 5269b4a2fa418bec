// A crash that cut the review log's last line: the read commands still work and say so.
import { appendFileSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { newCardState } from '../../src/schedule/card-state.js';
import { openState } from '../../src/store/index.js';
import { runCli, workspaceWithBundledDeck } from '../helpers/cli.js';
import { ownLog } from '../helpers/state-paths.js';

it('reads past a torn last log line, with a note on stderr, and writes nothing', async () => {
  const { decks, state } = workspaceWithBundledDeck();
  const generated = JSON.parse(runCli(['generate', '--json', '--decks', decks]).stdout);
  const card = generated.cards[0].id as string;
  const clock = new ManualClock(Date.parse('2026-11-20T10:00:00Z'));
  const store = await openState(state, { mode: 'write', clock });
  const before = newCardState();
  store.deck('iclr2017').append({ kind: 'suspend', at: clock.now(), card, before, after: { ...before, suspended: true } });
  store.close();
  const log = ownLog(state, 'iclr2017');
  appendFileSync(log, '{"seq":2,"at":17');
  const bytes = readFileSync(log);

  const result = runCli(['cards', 'iclr2017', '--json', '--decks', decks, '--state', state], {
    env: { PAPERDECK_NOW: '2026-11-20T11:00:00Z' },
  });
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/^paperdeck: note: the last line of iclr2017's review log was cut off by a crash .*\n$/);
  const row = JSON.parse(result.stdout).cards.find((c: { id: string }) => c.id === card);
  expect(row.suspended).toBe(true);
  expect(readFileSync(log).equals(bytes)).toBe(true);
});
