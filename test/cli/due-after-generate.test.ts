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

  it('after an edit of one note, leaves an index that counts as a full read does, for the cards.json written', async () => {
    const { decks, state } = workspaceWithBundledDeck();
    const cli = (...args: string[]) => runCli([...args, '--decks', decks, '--state', state], { env: { PAPERDECK_NOW: NOW } });
    const notes = join(decks, 'iclr2017', 'notes.txt');
    const save = (text: string) => {
      writeFileSync(notes, text);
      utimesSync(notes, anHourAgo, anHourAgo);
    };
    utimesSync(notes, anHourAgo, anHourAgo);
    expect(cli('generate').code).toBe(0);
    // Two answers, the second card suspended: the index must keep each card's state in its place.
    const store = await openState(state, { mode: 'write', clock: new ManualClock(Date.parse(NOW)) });
    const cards = JSON.parse(readFileSync(join(decks, 'iclr2017', 'cards.json'), 'utf8')).cards as { id: string }[];
    const after = { due: Date.parse(NOW) + 600_000, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, state: 1 as const, lastReview: Date.parse(NOW), suspended: false, buriedUntil: null, leech: false };
    store.deck('iclr2017').append({ kind: 'review', at: Date.parse(NOW), card: cards[0]!.id, rating: 3, ms: 1000, before: null, after });
    store.deck('iclr2017').append({ kind: 'suspend', at: Date.parse(NOW) + 1, card: cards[5]!.id, before: null, after: { ...after, state: 0, reps: 0, learningSteps: 0, lastReview: null, suspended: true } });
    store.close();
    const original = readFileSync(notes, 'utf8');
    // A first edit leaves an index made from the state; a second, one for the cards.json it writes.
    save(original.replace('using rnn.', 'using an RNN.'));
    expect(cli('generate').code).toBe(0);
    const index = dueIndexOf(state, 'iclr2017');
    expect(existsSync(index)).toBe(true);
    save(original.replace('using rnn.', 'using a recurrent net.'));
    const generated = cli('generate');
    expect(generated.stdout).toMatch(/updated\s+1\n/);
    expect(currentDueIndex(decks, state, 'iclr2017')).not.toBeNull();
    const head = JSON.parse(readFileSync(index, 'utf8').split('\n')[0]!) as { cardsStat: { ino: number } };
    expect(head.cardsStat.ino).toBe(statSync(join(decks, 'iclr2017', 'cards.json')).ino);
    const fromIndex = cli('due', '--json').stdout;
    const listed = cli('cards', '--json').stdout;
    // The same as what `due` and `cards` make of cards.json and the log, without the index.
    renameSync(index, `${index}.aside`);
    expect(cli('due', '--json').stdout).toBe(fromIndex);
    expect(cli('cards', '--json').stdout).toBe(listed);
    expect(JSON.parse(fromIndex)).toMatchObject({ learning: 1, total: JSON.parse(fromIndex).new + 1 });
  });
});
