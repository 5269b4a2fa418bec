import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types.js';
import { holdCardsFile, readCardsFile, serializeCardsFile } from '../../src/store/decks.js';

let decksDir: string;

beforeEach(() => {
  decksDir = mkdtempSync(join(tmpdir(), 'paperdeck-held-'));
  mkdirSync(join(decksDir, 'deck'));
});

afterEach(() => rmSync(decksDir, { recursive: true, force: true }));

const card = (i: number, question?: string): Card => ({
  id: `card-${i}`,
  title: `Paper ${i}, “quoted”, ünïcode`,
  question: question ?? `Paper ${i}, “quoted”, ünïcode`,
  answer: `Answer ${i}\nwith a line break`,
  source: { file: 'notes.txt', line: i, session: 'Monday', code: `C${i}` },
  bodyHash: String(i),
});

function write(cards: Card[], text?: string): string {
  const file = join(decksDir, 'deck', 'cards.json');
  writeFileSync(file, text ?? serializeCardsFile({ version: 1, deck: 'deck', notesHash: '', generator: 1, cards, retired: [card(99)], skipped: [], warnings: [] }));
  return file;
}

describe('cards.json held for a study session', () => {
  it('reads each card by its position as the whole file parses it, the question put back where it is the title', () => {
    const cards = [card(0), card(1, 'A question of its own'), card(2)];
    write(cards);
    const held = holdCardsFile(decksDir, 'deck')!;
    const whole = readCardsFile(decksDir, 'deck')!.cardsFile.cards;
    expect([0, 1, 2].map((i) => held.cardAt(i))).toEqual(whole);
    expect(held.cardAt(3)).toBeNull(); // past the cards: the retired one is not a card of the deck
    expect(held.cardAt(-1)).toBeNull();
  });

  it('parses the bytes it read, whatever is written in its place since', () => {
    write([card(0), card(1)]);
    const held = holdCardsFile(decksDir, 'deck')!;
    write([card(5)]);
    expect(held.parse().cards.map((c) => c.id)).toEqual(['card-0', 'card-1']);
  });

  it('reads no card by position from a file not laid out one card a line, and names a damaged file when parsed', () => {
    const file = write([card(0), card(1)]);
    const pretty = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2);
    write([], pretty);
    expect(holdCardsFile(decksDir, 'deck')!.cardAt(0)).toBeNull();
    write([], '{"version": 1, "cards": [');
    const damaged = holdCardsFile(decksDir, 'deck')!;
    expect(damaged.cardAt(0)).toBeNull();
    expect(() => damaged.parse()).toThrow(/cards\.json is corrupted/);
  });

  it('is null when there is no cards.json', () => {
    expect(holdCardsFile(decksDir, 'deck')).toBeNull();
  });
});
