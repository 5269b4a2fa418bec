// generate leaves the due index of a deck it rebuilt, so the next `due` reads neither cards.json
// nor every card's state; and that index is never trusted for another cards.json, even one put
// in its place within the same tick of the file system's clock, with the same size: the inode
// tells them apart.
import { existsSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { cardsStillAsIndexed, currentDueIndex } from '../../src/cards/freshness.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { openState } from '../../src/store/index.js';
import { runCli, workspaceWithBundledDeck } from '../helpers/cli.js';
import { dueIndexOf } from '../helpers/state-paths.js';

const NOW = '2026-06-01T09:00:00Z';
const anHourAgo = new Date(Date.parse('2026-01-01T00:00:00Z'));

describe('due right after generate', () => {
  it('counts from the index generate left, which holds only for that very cards.json', async () => {
    const { decks, state } = workspaceWithBundledDeck();
    const cli = (...args: string[]) => runCli([...args, '--decks', decks, '--state', state], { env: { PAPERDECK_NOW: NOW } });
    const notes = join(decks, 'iclr2017', 'notes.txt');
    utimesSync(notes, anHourAgo, anHourAgo); // saved long ago: stamped, so no need to read them again
    expect(cli('generate').code).toBe(0);
    // One answer: the deck has a folder in the state, as any deck studied once.
    const store = await openState(state, { mode: 'write', clock: new ManualClock(Date.parse(NOW)) });
    const first = JSON.parse(readFileSync(join(decks, 'iclr2017', 'cards.json'), 'utf8')).cards[0];
    store.deck('iclr2017').append({ kind: 'review', at: Date.parse(NOW), card: first.id, rating: 3, ms: 1000, before: null, after: { due: Date.parse(NOW) + 600_000, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, state: 1, lastReview: Date.parse(NOW), suspended: false, buriedUntil: null, leech: false } });
    store.close();
    const index = dueIndexOf(state, 'iclr2017');
    if (existsSync(index)) renameSync(index, `${index}.old`);

    // An edited note, then generate: it writes cards.json and leaves the index for it.
    writeFileSync(notes, readFileSync(notes, 'utf8').replace('using rnn.', 'using an RNN.'));
    utimesSync(notes, anHourAgo, anHourAgo);
    expect(cli('generate').code).toBe(0);
    expect(existsSync(index)).toBe(true);
    const counted = JSON.parse(cli('due', '--json').stdout);
    expect(counted).toMatchObject({ deck: 'iclr2017', learning: 1, total: counted.new + 1 });

    // The index is what due reads (its cards still as indexed), and a cards.json put in its
    // place by a rename, as every writer of it does, is told apart by its inode even where size
    // and time are the same.
    expect(currentDueIndex(decks, state, 'iclr2017')).not.toBeNull();
    // The index's first line is its head (store/due-index.ts); the columns follow it.
    const indexed = JSON.parse(readFileSync(index, 'utf8').split('\n')[0]!) as { generator: number; cardsStat: { size: number; mtimeMs: number; ino: number }; notesStamps: [] };
    const still = cardsStillAsIndexed(decks, 'iclr2017');
    expect(still(indexed)).toBe(true);
    expect(still({ ...indexed, cardsStat: { ...indexed.cardsStat, ino: indexed.cardsStat.ino + 1 } })).toBe(false);
    expect(indexed.cardsStat.ino).toBe(statSync(join(decks, 'iclr2017', 'cards.json')).ino);
  });
});
