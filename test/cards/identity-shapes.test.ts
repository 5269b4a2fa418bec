// Identity across regeneration holds in every shape of notes: an edited note updates its card,
// reordered papers keep theirs, a fixed typo in a title is a rename, a deleted paper retires
// its card. The same four papers are written in each shape and edited as a user would.
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/cards/generate.js';
import type { CardsFile } from '../../src/core/types.js';

interface Paper {
  title: string;
  note: string;
}

const PAPERS: Paper[] = [
  { title: 'Gradient Flows Without Gradients', note: 'They follow a gradient flow using only function evaluations and random probes.' },
  { title: 'Sparse Mixtures of Tiny Experts', note: 'Each token is routed to two of a thousand very small experts, so compute stays flat.' },
  { title: 'Retrieval as Attention', note: 'The keys of a large external memory are attended to like ordinary tokens.' },
  { title: 'Quantised Optimisers That Still Converge', note: 'Optimiser states are kept in four bits with stochastic rounding to stay unbiased.' },
];

type Files = { file: string; bytes: Uint8Array }[];
const one = (file: string, text: string): Files => [{ file, bytes: Buffer.from(text) }];

const SHAPES: Record<string, (papers: Paper[]) => Files> = {
  headings: (ps) => one('notes.md', ps.map((p) => `## ${p.title}\n\n${p.note}\n\n### Thoughts\nWorth a second read.\n`).join('\n')),
  'bold titles': (ps) => one('notes.md', `## Posters\n\n${ps.map((p) => `**${p.title}** Ada Lovelace, Alan Turing\n${p.note}\n`).join('\n')}`),
  'link lines': (ps) => one('notes.md', ps.map((p, i) => `📝 [${p.title}](https://arxiv.org/abs/3001.0000${i})\n> ${p.note}\n`).join('\n')),
  'list items': (ps) => one('notes.md', ps.map((p) => `- **${p.title}**: ${p.note}`).join('\n') + '\n'),
  'table rows': (ps) => one('notes.md', `| Paper | Summary |\n|---|---|\n${ps.map((p) => `| ${p.title} | ${p.note} |`).join('\n')}\n`),
  org: (ps) => one('notes.org', ps.map((p) => `* DONE ${p.title} :paper:\n  ${p.note}\n`).join('')),
  'one per file': (ps) =>
    [...ps]
      .map((p, i) => ({ file: `paper-${(PAPERS.findIndex((q) => q.note === p.note) + 10) * 10 + i}.md`, bytes: Buffer.from(`# ${p.title}\n\n${p.note}\n`) }))
      .sort((a, b) => a.file.localeCompare(b.file)),
};

const idsByTitle = (file: CardsFile) => new Map(file.cards.map((c) => [c.title, c.id]));

describe.each(Object.entries(SHAPES))('identity in %s', (_shape, render) => {
  const first = buildDeck('d', render(PAPERS), null);
  const ids = idsByTitle(first.cardsFile);

  it('builds a card for each paper', () => {
    expect([...ids.keys()].sort()).toEqual(PAPERS.map((p) => p.title).sort());
  });

  it('an edited note updates its card and keeps its id', () => {
    const edited = PAPERS.map((p, i) => (i === 1 ? { ...p, note: `${p.note} Trained on a trillion tokens.` } : p));
    const next = buildDeck('d', render(edited), first.cardsFile);
    expect(next.changes.updated).toEqual([ids.get(PAPERS[1]!.title)]);
    expect(idsByTitle(next.cardsFile)).toEqual(ids);
  });

  it('reordered papers keep their ids and change nothing', () => {
    const next = buildDeck('d', render([...PAPERS].reverse()), first.cardsFile);
    expect(idsByTitle(next.cardsFile)).toEqual(ids);
    expect(next.changes.updated).toEqual([]);
    expect(next.changes.added).toEqual([]);
  });

  it('a fixed typo in a title is a rename that keeps the id', () => {
    const renamed = PAPERS.map((p, i) => (i === 3 ? { ...p, title: 'Quantized Optimisers That Still Converge' } : p));
    const next = buildDeck('d', render(renamed), first.cardsFile);
    expect(next.changes.renamed).toEqual([expect.objectContaining({ id: ids.get(PAPERS[3]!.title), to: 'Quantized Optimisers That Still Converge' })]);
  });

  it('a deleted paper retires its card, history kept, and it comes back when the paper does', () => {
    const without = buildDeck('d', render(PAPERS.slice(0, 3)), first.cardsFile);
    expect(without.changes.retired).toEqual([ids.get(PAPERS[3]!.title)]);
    const back = buildDeck('d', render(PAPERS), without.cardsFile);
    expect(back.changes.restored).toEqual([ids.get(PAPERS[3]!.title)]);
  });
});
