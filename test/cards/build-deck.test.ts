// Regenerating reuses what unchanged notes gave (an answer, or a skip's reason), and only that.
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/cards/generate.js';

const file = (text: string) => [{ file: 'notes.md', bytes: Buffer.from(text) }];

describe('regenerating a deck', () => {
  it("says a skipped note's new reason when only what the hash leaves out changed", () => {
    const authorsOnly = '# A Paper With Authors Only\n\nAuthors: Ada Lovelace, Alan Turing\n\n# Another Paper\n\nWe propose a faster sorting network built from comparators.\n';
    const first = buildDeck('d', file(authorsOnly), null).cardsFile;
    expect(first.skipped.map((skip) => skip.reason)).toEqual(['only authors (nothing about the paper)']);
    const withThoughts = authorsOnly.replace('Authors: Ada Lovelace, Alan Turing\n', 'Authors: Ada Lovelace, Alan Turing\n\n## Thoughts\n\nI should read this again.\n');
    const again = buildDeck('d', file(withThoughts), first).cardsFile;
    expect(again.skipped.map((skip) => skip.reason)).toEqual([buildDeck('d', file(withThoughts), null).cardsFile.skipped[0]!.reason]);
    expect(again.skipped[0]!.reason).not.toBe('only authors (nothing about the paper)');
  });
});
