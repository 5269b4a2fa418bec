// The study engine on the real state store, on disk: answers survive a restart, undo walks back
// across restarts, and a reader sees the writer's answers while the writer is still open.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { CardStateKind } from '../../src/core/types.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { queueForDeck } from '../../src/schedule/queue.js';
import { newCardState } from '../../src/schedule/scheduler.js';
import { openState } from '../../src/store/index.js';
import { HOUR, local, makeCards, settings } from './helpers.js';

function stateDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'paperdeck-engine-')), 'state');
}

describe('study engine on the real store', () => {
  const cards = makeCards(25);
  const config = settings();

  it("keeps answers and today's limits across restarts; undo reaches only the session's own answers", async () => {
    const dir = stateDir();
    const clock = new ManualClock(local(2026, 6, 1, 9));
    let store = await openState(dir, { mode: 'write', clock });
    let engine = createStudyEngine({ deck: store.deck('papers'), cards, settings: config, clock });
    for (let i = 0; i < 5; i++) {
      const card = engine.view().card!;
      expect(card.id).toBe(`c00${i + 1}`);
      clock.advance(15_000);
      engine.answer(card.id, 3, 15_000);
    }
    clock.set(store.deck('papers').cardStates().get('c001')!.due);
    const graduated = structuredClone(store.deck('papers').cardStates());
    expect(engine.view().card!.id).toBe('c001');
    engine.answer('c001', 3, 9_000); // graduates
    expect(store.deck('papers').cardStates().get('c001')!.state).toBe(CardStateKind.Review);
    store.close();

    clock.advance(HOUR);
    store = await openState(dir, { mode: 'write', clock });
    engine = createStudyEngine({ deck: store.deck('papers'), cards, settings: config, clock });
    expect(engine.view().counts).toEqual({ new: 15, learning: 4, review: 0, total: 19 });
    expect(engine.summary()).toMatchObject({ reviewed: 6, ms: 84_000 });
    // The last session's answers are out of reach, even an hour later the same day.
    expect(engine.undo()).toBeNull();
    // A card never studied before comes back as new.
    const before = new Map([...structuredClone(store.deck('papers').cardStates()), ['c006', newCardState()]]);
    engine.answer('c006', 1, 5_000);
    engine.answer('c002', 4, 5_000);
    expect(engine.undo()?.id).toBe('c002');
    expect(engine.undo()?.id).toBe('c006');
    expect(engine.undo()).toBeNull();
    expect(store.deck('papers').cardStates()).toEqual(before);
    store.close();

    // What was restored is what a fresh read of the log gives.
    store = await openState(dir, { mode: 'read', clock });
    expect(store.deck('papers').cardStates()).toEqual(before);
    expect(before.get('c001')!.state).toBe(CardStateKind.Review);
    expect(graduated.get('c001')!.state).toBe(CardStateKind.Learning);
    const log = store.deck('papers').readLog();
    expect(log.map((e) => e.kind)).toEqual(['review', 'review', 'review', 'review', 'review', 'review', 'review', 'review', 'undo', 'undo']);
    store.close();
  });

  it('lets a reader count what is due while a study session holds the state', async () => {
    const dir = stateDir();
    const clock = new ManualClock(local(2026, 6, 1, 9));
    const writer = await openState(dir, { mode: 'write', clock, command: 'paperdeck study papers' });
    const engine = createStudyEngine({ deck: writer.deck('papers'), cards, settings: config, clock });
    engine.answer('c001', 4, 1_000);
    engine.answer('c002', 3, 1_000);
    const reader = await openState(dir, { mode: 'read', clock });
    try {
      const { counts } = queueForDeck({ deck: reader.deck('papers'), cards, settings: config, now: clock.now() });
      expect(counts).toEqual({ new: 18, learning: 1, review: 0, total: 19 });
    } finally {
      reader.close();
      writer.close();
    }
  });
});
