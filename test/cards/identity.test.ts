import { describe, expect, it } from 'vitest';
import { assignIdentities, cardIdFor, normalizeTitle, titleSimilarity, type DraftCard } from '../../src/cards/identity.js';
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

describe('title helpers', () => {
  it('normalises case, quotes and punctuation', () => {
    expect(normalizeTitle('  What does it take to generate “natural” textures?')).toBe('what does it take to generate natural textures');
  });
  it('scores typos high and different papers low', () => {
    expect(titleSimilarity('zoneout regularizing rnns', 'zoneout regularising rnns')).toBeGreaterThan(0.9);
    expect(titleSimilarity('unrolled generative adversarial networks', 'generative multi adversarial networks')).toBeLessThan(0.8);
    expect(titleSimilarity('adversarial feature learning', 'learning to remember rare events')).toBeLessThan(0.5);
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
