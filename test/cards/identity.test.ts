import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticNotes } from '../../bench/synthetic.js';
import { generateDeck } from '../../src/cards/generate.js';
import { assignIdentities, cardIdFor, titleSimilarity, type DraftCard } from '../../src/cards/identity.js';
import { normalizeTitle } from '../../src/core/title-key.js';
import type { Card } from '../../src/core/types.js';

function draft(title: string, body = `body of ${title}`, extra: Partial<DraftCard> = {}): DraftCard {
  return {
    title,
    question: title,
    answer: `answer of ${title}`,
    source: { file: 'notes.txt', line: 1, session: 'Monday', code: 'C1' },
    bodyHash: body,
    ...extra,
  };
}

function first(drafts: DraftCard[]) {
  return assignIdentities(drafts, null);
}

describe('assignIdentities', () => {
  it('gives every new paper a readable, distinct id and reports it added', () => {
    const result = first([draft('Snapshot Ensembles: Train 1, Get M for Free'), draft('HyperNetworks')]);
    expect(result.cards.map((c) => c.id)).toEqual([
      expect.stringMatching(/^snapshot-ensembles-train-1-get-m-for-[0-9a-f]{6}$/),
      expect.stringMatching(/^hypernetworks-[0-9a-f]{6}$/),
    ]);
    expect(result.changes.added).toEqual(result.cards.map((c) => c.id));
    expect(result.changes.unchanged).toBe(0);
  });

  it('keeps the id when the body is edited and reports it updated', () => {
    const before = first([draft('Zoneout', 'old body')]);
    const after = assignIdentities([draft('Zoneout', 'new body', { answer: 'new answer' })], before);
    expect(after.cards[0]!.id).toBe(before.cards[0]!.id);
    expect(after.changes.updated).toEqual([before.cards[0]!.id]);
    expect(after.changes.added).toEqual([]);
    expect(after.cards[0]!.answer).toBe('new answer');
  });

  it('keeps ids through a reorder and a move to another session, reporting nothing changed', () => {
    const a = draft('Adversarial Feature Learning');
    const b = draft('Learning to Remember Rare Events');
    const before = first([a, b]);
    const moved = { ...a, source: { ...a.source, session: 'Friday', line: 90 } };
    const after = assignIdentities([b, moved], before);
    expect(after.cards.map((c) => c.id)).toEqual([before.cards[1]!.id, before.cards[0]!.id]);
    expect(after.changes).toMatchObject({ added: [], updated: [], renamed: [], retired: [], unchanged: 2 });
    expect(after.cards[1]!.source.session).toBe('Friday');
  });

  it('treats a typo fix in a title as a rename that carries the id', () => {
    const before = first([draft('Dropout with Expectaton-linear Regularization'), draft('HyperNetworks')]);
    const after = assignIdentities(
      [draft('Dropout with Expectation-linear Regularization', 'body of Dropout with Expectaton-linear Regularization'), draft('HyperNetworks')],
      before,
    );
    expect(after.cards[0]!.id).toBe(before.cards[0]!.id);
    expect(after.changes.renamed).toEqual([
      { from: 'Dropout with Expectaton-linear Regularization', to: 'Dropout with Expectation-linear Regularization', id: before.cards[0]!.id },
    ]);
    expect(after.changes.added).toEqual([]);
    expect(after.changes.retired).toEqual([]);
  });

  it('carries the id through a typo fix in a very short title, even when the body changed too', () => {
    // Normalised to "r fvn" → "r fcn": one letter in five, but two of the three bigrams differ.
    const before = first([draft('R-FVN', 'old body'), draft('HyperNetworks')]);
    const after = assignIdentities([draft('R-FCN', 'new body'), draft('HyperNetworks')], before);
    expect(after.cards[0]!.id).toBe(before.cards[0]!.id);
    expect(after.changes.renamed).toEqual([{ from: 'R-FVN', to: 'R-FCN', id: before.cards[0]!.id }]);
    expect(after.changes.added).toEqual([]);
    expect(after.changes.retired).toEqual([]);
  });

  it('treats a new title over an unchanged body as a rename', () => {
    const before = first([draft('LR-GAN', 'the same long body about layered recursive GANs')]);
    const after = assignIdentities(
      [draft('Layered Recursive Generative Adversarial Networks (LR-GAN)', 'the same long body about layered recursive GANs')],
      before,
    );
    expect(after.cards[0]!.id).toBe(before.cards[0]!.id);
    expect(after.changes.renamed).toHaveLength(1);
  });

  it('does not confuse two different papers for a rename', () => {
    const before = first([draft('Unrolled Generative Adversarial Networks')]);
    const after = assignIdentities([draft('Generative Multi-Adversarial Networks')], before);
    expect(after.cards[0]!.id).not.toBe(before.cards[0]!.id);
    expect(after.changes.added).toHaveLength(1);
    expect(after.changes.retired).toEqual([before.cards[0]!.id]);
  });

  it('retires a deleted paper, keeps it, and brings the same id back when the paper returns', () => {
    const before = first([draft('HyperNetworks'), draft('Zoneout')]);
    const deleted = assignIdentities([draft('HyperNetworks')], before);
    expect(deleted.changes.retired).toEqual([before.cards[1]!.id]);
    expect(deleted.retired.map((c) => c.id)).toEqual([before.cards[1]!.id]);
    const again = assignIdentities([draft('HyperNetworks'), draft('Zoneout')], deleted);
    expect(again.cards[1]!.id).toBe(before.cards[1]!.id);
    expect(again.changes.restored).toEqual([before.cards[1]!.id]);
    expect(again.changes.added).toEqual([]);
    expect(again.retired).toEqual([]);
  });

  it('keeps two entries with the same title apart, each with its own history', () => {
    const before = first([draft('Bi-GAN', 'one'), draft('Bi-GAN', 'two')]);
    expect(new Set(before.cards.map((c) => c.id)).size).toBe(2);
    const after = assignIdentities([draft('Bi-GAN', 'one'), draft('Bi-GAN', 'two')], before);
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id));
    expect(after.changes.unchanged).toBe(2);
  });

  it('stays fast-path correct on a large rename sweep (blocking by title words)', () => {
    const titles = Array.from({ length: 600 }, (_, i) => `Paper number ${i} about topic${i} and method${i * 7}`);
    const before = first(titles.map((t) => draft(t)));
    // Every title gets a typo fix: 600 × 600 open pairs is above the all-pairs limit.
    const after = assignIdentities(titles.map((t) => draft(t.replace('about', 'abuot'), `body of ${t}`)), before);
    expect(after.changes.renamed).toHaveLength(600);
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id));
  });
});

describe('assignIdentities when many notes change at once', () => {
  const titles = Array.from({ length: 3000 }, (_, i) => `Paper number ${i} about topic${i} and method${i * 7}`);

  it('keeps every id through a mass rename of unchanged notes, in a new order, and reports each renamed', () => {
    const before = first(titles.map((t) => draft(t)));
    const renamed = titles.map((t) => draft(`${t} (ICLR)`, `body of ${t}`)).reverse();
    const after = assignIdentities(renamed, before);
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id).reverse());
    expect(after.changes).toMatchObject({ added: [], updated: [], retired: [], restored: [], unchanged: 0 });
    expect(after.changes.renamed).toHaveLength(3000);
    expect(after.changes.renamed[0]).toEqual({ from: titles[2999], to: `${titles[2999]} (ICLR)`, id: before.cards[2999]!.id });
    expect(after.retired).toEqual([]);
  });

  it('matches typo-fixed titles of edited notes at scale, comparing only papers that share rare title words', () => {
    const before = first(titles.map((t) => draft(t)));
    // Title and body both changed: neither the title map nor the body map can match these.
    const after = assignIdentities(titles.map((t) => draft(t.replace('about', 'abuot'), `edited body of ${t}`)), before);
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id));
    expect(after.changes.renamed).toHaveLength(3000);
    expect(after.changes.added).toEqual([]);
  });

  it('puts each card in exactly one bucket when a mass rename meets deletions, additions and a restore', () => {
    const before = first(titles.slice(0, 2000).map((t) => draft(t)));
    const gone = assignIdentities(titles.slice(1, 2000).map((t) => draft(t)), before); // paper 0 retired
    const notes = [
      draft(`${titles[0]} (restored)`, `body of ${titles[0]}`), // back, under a new title
      ...titles.slice(1, 1500).map((t) => draft(`${t} (ICLR)`, `body of ${t}`)),
      ...titles.slice(1500, 1990).map((t) => draft(t)), // untouched; 1990..1999 deleted
      ...['Zoneout', 'HyperNetworks', 'LR-GAN', 'Bi-GAN', 'Snapshot Ensembles'].map((t) => draft(t)), // new papers
    ];
    const after = assignIdentities(notes, gone);
    const { added, updated, renamed, retired, restored, unchanged } = after.changes;
    expect(restored).toEqual([before.cards[0]!.id]);
    expect(renamed).toHaveLength(1499);
    expect(unchanged).toBe(490);
    expect(updated).toEqual([]);
    expect(added).toHaveLength(5);
    expect(retired).toEqual(before.cards.slice(1990).map((c) => c.id));
    expect(added.length + renamed.length + restored.length + unchanged).toBe(after.cards.length);
    expect(new Set(after.cards.map((c) => c.id)).size).toBe(after.cards.length);
    expect(after.cards.slice(0, 1990).map((c) => c.id)).toEqual(before.cards.slice(0, 1990).map((c) => c.id));
  });

  it('gives notes with one body (duplicates) their own cards after a rename, by the closer title', () => {
    const before = first([draft('Bidirectional GAN', 'same'), draft('Zoneout: regularizing RNNs', 'same')]);
    // Reordered and both renamed: the body cannot tell them apart, the titles can.
    const after = assignIdentities([draft('Zoneout: Regularising RNNs', 'same'), draft('Bidirectional GANs', 'same')], before);
    expect(after.cards.map((c) => c.id)).toEqual([before.cards[1]!.id, before.cards[0]!.id]);
    expect(after.changes.renamed).toHaveLength(2);
    // A third copy is a new card with a distinct id, the same one every time.
    const three = [draft('Bidirectional GAN', 'same'), draft('Zoneout: regularizing RNNs', 'same'), draft('A third copy', 'same')];
    const once = assignIdentities(three, before);
    const twice = assignIdentities(three, before);
    expect(once.cards.slice(0, 2).map((c) => c.id)).toEqual(before.cards.map((c) => c.id));
    expect(once.changes.added).toEqual([once.cards[2]!.id]);
    expect(twice.cards).toEqual(once.cards);
  });

  it('gives many notes sharing one body their cards in note order, live before retired', () => {
    const bodies = (i: number) => `shared body ${i % 10}`; // 10 bodies, 100 notes each
    const many = Array.from({ length: 1000 }, (_, i) => `Copy ${i} of a common note`);
    const before = first(many.map((t, i) => draft(t, bodies(i))));
    const fewer = assignIdentities(many.slice(0, 900).map((t, i) => draft(t, bodies(i))), before); // last 100 retired
    const after = assignIdentities(many.map((t, i) => draft(`${t}, renamed`, bodies(i))), fewer);
    expect(after.cards.slice(0, 900).map((c) => c.id)).toEqual(before.cards.slice(0, 900).map((c) => c.id));
    expect(after.changes.renamed).toHaveLength(900);
    expect(after.changes.restored).toEqual(before.cards.slice(900).map((c) => c.id));
    expect(after.retired).toEqual([]);
  });

  it('prefers a live card to a retired one with the same body and an equally close title', () => {
    const before = first([draft('Paper A', 'b'), draft('Paper B', 'b')]);
    const onlyA = assignIdentities([draft('Paper A', 'b')], before); // B retired
    const after = assignIdentities([draft('Paper C', 'b')], onlyA);
    expect(after.cards[0]!.id).toBe(before.cards[0]!.id);
    expect(after.changes.renamed).toEqual([{ from: 'Paper A', to: 'Paper C', id: before.cards[0]!.id }]);
    expect(after.retired.map((c) => c.id)).toEqual([before.cards[1]!.id]);
  });

  it('keeps every card of a 3,000-paper deck when generate meets every title renamed', () => {
    const decks = mkdtempSync(join(tmpdir(), 'paperdeck-identity-'));
    mkdirSync(join(decks, 'big'));
    const notesPath = join(decks, 'big', 'notes.txt');
    const notes = syntheticNotes(3000, readFileSync(new URL('../../decks/iclr2017/notes.txt', import.meta.url), 'utf8'));
    writeFileSync(notesPath, notes);
    const before = generateDeck(decks, 'big');
    writeFileSync(notesPath, notes.replace(/^(C\d+: .+)$/gm, '$1 (ICLR)'));
    const after = generateDeck(decks, 'big');
    expect(after.written).toBe(true);
    const cards = JSON.parse(readFileSync(join(decks, 'big', 'cards.json'), 'utf8')).cards as Card[];
    expect(cards.map((c) => c.id)).toEqual(before.cardsFile.cards.map((c) => c.id));
    expect(cards.every((c) => c.title.endsWith(' (ICLR)'))).toBe(true);
    expect(after.changes.renamed).toHaveLength(before.cardsFile.cards.length);
    expect(after.changes).toMatchObject({ added: [], updated: [], retired: [], restored: [], unchanged: 0 });
  });
});

describe('title helpers', () => {
  it('normalises case, quotes and punctuation', () => {
    expect(normalizeTitle('  What does it take to generate “natural” textures?')).toBe('what does it take to generate natural textures');
  });
  it('scores typos high and different papers low', () => {
    expect(titleSimilarity('zoneout regularizing rnns', 'zoneout regularising rnns')).toBeGreaterThan(0.9);
    expect(titleSimilarity('unrolled generative adversarial networks', 'generative multi adversarial networks')).toBeLessThan(0.8);
    expect(titleSimilarity('adversarial feature learning', 'learning to remember rare events')).toBeLessThan(0.5);
    expect(titleSimilarity('r fvn', 'r fcn')).toBeCloseTo(0.8);
    expect(titleSimilarity('', 'gan')).toBe(0);
  });
  it('never hands out an id that is taken', () => {
    const first = cardIdFor('HyperNetworks', new Set());
    expect(cardIdFor('HyperNetworks', new Set([first]))).toBe(`${first}-2`);
  });
  it('makes an id even for a title with no ASCII letters', () => {
    expect(cardIdFor('深層学習', new Set())).toMatch(/^[a-z0-9-]+$/);
  });
});

export type { Card };
