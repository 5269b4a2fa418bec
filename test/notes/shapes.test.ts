// Every shape of notes people write, read from fixtures written for these tests: which papers
// are found (title, line, session), what is read as no paper and why, and what each card's back
// says. The last block holds every card of every fixture to the rules a user would notice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/cards/generate.js';
import { inspectNotes } from '../../src/cards/inspect.js';
import { SKIP_REASONS, explainKeyIdea, extractKeyIdea, rankSentences } from '../../src/cards/key-idea.js';
import { cleanTitle } from '../../src/notes/inline.js';
import { parseNotes } from '../../src/notes/parse.js';

const shapes = join(import.meta.dirname, '..', 'fixtures', 'notes', 'shapes');
const fixture = (name: string) => readFileSync(join(shapes, name), 'utf8');
const read = (name: string, text = fixture(name)) => parseNotes(text, name);
const answerOf = (entry: Parameters<typeof extractKeyIdea>[0]) => {
  const idea = extractKeyIdea(entry);
  return 'answer' in idea ? idea.answer : `SKIP ${idea.skip}`;
};
/** The back (or skip reason) of the one paper inspect reads from a file of `text`. */
const backOf = (file: string, text: string) => {
  const [paper] = inspectNotes([{ file, bytes: Buffer.from(text) }]).papers;
  return paper && 'answer' in paper ? paper.answer : paper?.skip;
};
/** The answer's main sentence, whatever joins it. */
const mainSentenceOf = (entry: Parameters<typeof extractKeyIdea>[0]) => {
  const choice = explainKeyIdea(entry);
  return rankSentences(choice.ranked!).candidates.find((c) => c.index === choice.anchor)?.text;
};
const folder = () =>
  readdirSync(join(shapes, 'per-paper'))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(shapes, 'per-paper', file)) }));

describe('papers as headings, with their own sub-sections', () => {
  const { entries, notPapers, shapes: found } = read('headings.md');

  it('finds the papers under day headings, and no section, talk or essay heading', () => {
    expect(found).toEqual(['headings']);
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Day 1', 'Gradient Flows Without Gradients', 18],
      ['Day 1', 'Sparse Mixtures of Tiny Experts', 31],
      ['Day 2', 'Learning Rate Warmup Is Implicit Preconditioning', 45],
      ['Day 2', 'Placeholder Paper That I Missed', 50],
    ]);
    expect(notPapers.map((n) => [n.line, n.text, n.why])).toEqual(
      expect.arrayContaining([
        [3, 'Contents', 'heading: a section that frames the papers'],
        [7, 'Summary', 'heading: a section that frames the papers'],
        [12, 'Tips and tricks', 'heading: a section that frames the papers'],
        [41, 'Keynote: Ten Years of Scaling Laws', 'heading: a talk or event, not a paper'],
      ]),
    );
  });

  it('keeps Thoughts and Questions out of the answer, and prefers what the note says the paper does', () => {
    expect(answerOf(entries[0]!)).toBe(
      'The paper proposes to follow a gradient flow using only function evaluations, by estimating the flow field from random probes. Zeroth-order estimates of the flow field replace back-propagation.',
    );
    expect(entries[0]!.own).toContain('Great talk');
    expect(entries[1]!.lead).toMatch(/^they route each token/);
    expect(answerOf(entries[1]!)).toBe('They route each token to two of a thousand very small experts, which keeps compute flat as the model grows.');
    expect(entries[1]!.body).not.toContain('router');
  });

  it('takes "Main idea:" as the answer and leaves the remark after it out', () => {
    expect(answerOf(entries[2]!)).toBe('Warmup works because early updates precondition the loss surface; an explicit preconditioner removes the need for warmup.');
  });

  it('skips a paper whose note is a placeholder, and says so', () => {
    expect(answerOf(entries[3]!)).toBe('SKIP only a placeholder (nothing about the paper)');
  });

  it('drops the author line and the [N: ...] remark from the note', () => {
    expect(entries[0]!.body).not.toMatch(/Lovelace|Fill in/);
    expect(entries[0]!.removed).toEqual(['authors', 'placeholder']);
  });
});

describe('papers as bold-title paragraphs', () => {
  const { entries, notPapers } = read('bold-titles.md');

  it('reads each bold title as a paper, the authors after it as no part of the note', () => {
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Poster Summaries', 'Contrastive Pretraining for Tabular Data', 7],
      ['Poster Summaries', 'Tokenizer-Free Speech Recognition', 10],
      ['Poster Summaries', 'Causal Discovery with Few Interventions', 16],
    ]);
    expect(entries.map((e) => e.body).join(' ')).not.toMatch(/Somerville|Noether|MIT/);
    expect(notPapers.map((n) => n.why)).toEqual(['text outside any paper (a preamble or an essay section)']);
  });

  it('answers from the summary, never from a (me: ...) remark', () => {
    expect(answerOf(entries[1]!)).toBe('The model predicts raw bytes of the transcript directly from audio, so no tokenizer is trained or needed.');
    expect(answerOf(entries[2]!)).toMatch(/^We propose an active strategy/);
  });
});

describe('papers as link lines', () => {
  it('reads a link after an emoji or a marker as the title, and the quote or paragraph after it as the note', () => {
    const { entries, shapes: found } = read('link-lines.md');
    expect(found).toEqual(['link lines']);
    expect(entries.map((e) => e.title)).toEqual([
      'Self-Distillation Without Teachers',
      'Retrieval as Attention',
      'Quantised Optimisers That Still Converge',
    ]);
    expect(answerOf(entries[0]!)).toBe('The network distils its own predictions from an earlier checkpoint, so no separate teacher model is trained.');
    expect(entries[1]!.body).not.toContain('Meitner');
    expect(answerOf(entries[2]!)).toMatch(/^Optimiser states are kept in four bits/);
  });

  it('reads them under section headings that link back to the contents, which are no papers', () => {
    const text = [
      '# Notes', '', '## [Learning with Less Data](#contents)', '',
      ':heavy_minus_sign: [Latent-Variable Generative Models for Text Classification](https://example.org/a.pdf)',
      '> They add discrete latent variables to generative text classifiers.', '',
      '### [Out-of-Domain Detection](#contents)', '', 'The next two papers look at the out-of-domain issue.', '',
      ':boom: [FewRel 2.0: Towards More Challenging Few-Shot Relation Classification](https://example.org/b.pdf)',
      '> Adds a biomedical test set and none-of-the-above detection to FewRel.', '',
      ':heavy_minus_sign: [Out-of-Domain Detection for Low-Resource Text Classification](https://example.org/c.pdf)',
      '> They propose a prototypical network that resists out-of-domain inputs.', '',
    ].join('\n');
    const report = inspectNotes([{ file: 'emnlp.md', bytes: Buffer.from(text) }]);
    expect(report.papers.map((p) => p.title)).toEqual([
      'Latent-Variable Generative Models for Text Classification',
      'FewRel 2.0: Towards More Challenging Few-Shot Relation Classification',
      'Out-of-Domain Detection for Low-Resource Text Classification',
    ]);
  });
});

describe('link-line notes around their papers', () => {
  const text = [
    '# Notes', '',
    '## Miscellaneous Tasks:', '', 'There are also papers on code generation that should go here.', '',
    ':heavy_minus_sign: [Proof Sketches from Word Problems](https://example.org/a.pdf)',
    '> Translates arithmetic word problems into expression trees end to end.', '',
    '## Robustness', '',
    ':heavy_minus_sign: [Adversarial Word Swaps for Sentiment (CoNLL)](https://example.org/b.pdf)', '',
    'The next two papers are about models that are right for the wrong reasons.', '',
    ':boom: [Demoting Topical Confounds. Ann Lee and Bo Chen (TACL)](https://example.org/c.pdf)',
    '> A model predicts the label and the confound, and the encoder is trained to hide the confound.', '',
    ':boom: [Dense vs. Sparse Retrieval for Long Documents. Ann Lee and Bo Chen](https://example.org/e.pdf)',
    '> Compares dense and sparse retrievers on documents of many pages.', '',
    ':boom: [Siamese Encoders for Sentence Similarity**](https://example.org/d.pdf)',
    '> 6.3k pairs, annotated for similarity. Data available at https://example.org/data Two encoders share their weights and compare sentences by cosine.', '',
  ].join('\n');
  const report = inspectNotes([{ file: 'notes.md', bytes: Buffer.from(text) }]);
  const paper = (title: string) => report.papers.find((p) => p.title === title) as { answer?: string; skip?: string; line: number };

  it('reads a heading over a linked paper titled otherwise (or ending in a colon) as a section, not as that paper', () => {
    expect(report.papers.map((p) => p.title)).toContain('Proof Sketches from Word Problems');
    expect(report.papers.map((p) => p.title)).not.toContain('Miscellaneous Tasks');
  });

  it('cleans venues, an author list after the full stop and unpaired bold off the titles', () => {
    expect(report.papers.map((p) => p.title)).toEqual([
      'Proof Sketches from Word Problems',
      'Adversarial Word Swaps for Sentiment',
      'Demoting Topical Confounds',
      'Dense vs. Sparse Retrieval for Long Documents',
      'Siamese Encoders for Sentence Similarity',
    ]);
  });

  it('titles a reference by the link after its authors in italics, and reads the venue after it as no note', () => {
    const list = [
      '## Underground Economy', '',
      '1. *Kun Du, Hao Yang, Zhou Li, Kehuan Zhang.* [*The Ever-changing Labyrinth: A Large-scale Analysis of Wildcard DNS Powered Blackhat SEO*](https://example.org/du.pdf)*, USENIX Security 2016*',
      '2. *Yossi Gilad ， Amir Herzberg and Michael Goberman，* [*CDN-on-Demand: An affordable DDoS Defense via Untrusted Clouds*](https://example.org/cdn.pdf)*，NDSS 2016*',
      '3. *Grant Ho, Aashish Sharma, Vern Paxson,* [*Detecting Credential Spearphishing Attacks in Enterprise Settings*](https://example.org/ho.pdf) finds spearphishing by the sender\'s history and the link\'s domain.',
    ].join('\n');
    const found = inspectNotes([{ file: 'reading_list.md', bytes: Buffer.from(list) }]).papers;
    expect(found.map((p) => p.title)).toEqual([
      'The Ever-changing Labyrinth: A Large-scale Analysis of Wildcard DNS Powered Blackhat SEO',
      'CDN-on-Demand: An affordable DDoS Defense via Untrusted Clouds',
      'Detecting Credential Spearphishing Attacks in Enterprise Settings',
    ]);
    expect(found.map((p) => ('skip' in p ? p.skip : p.answer))).toEqual([
      'only where it was published (nothing about the paper)',
      'only where it was published (nothing about the paper)',
      "Finds spearphishing by the sender's history and the link's domain.",
    ]);
  });

  it('reads a paragraph introducing the next papers as theirs, not as the note of the paper before it', () => {
    expect(paper('Adversarial Word Swaps for Sentiment').skip).toBe('empty note (nothing under the title)');
    expect(report.notPapers).toContainEqual(expect.objectContaining({ line: 14, why: 'an introduction to the papers after it' }));
  });

  it('ends a sentence where a bare URL ended it, and keeps the fragment before it out of the answer', () => {
    const answer = paper('Siamese Encoders for Sentence Similarity').answer!;
    expect(answer).toContain('Two encoders share their weights and compare sentences by cosine.');
    expect(answer).not.toMatch(/available at Two|https?:/);
  });
});

describe('papers as list items', () => {
  const { entries, notPapers } = read('list-items.md');

  it('reads bold and linked items with a summary or nested bullets, and not the table of contents or a list of links', () => {
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['Vision', 'Masked Image Pretraining at Scale'],
      ['Vision', 'Patch Dropout for Faster ViTs'],
      ['Language', 'Chain of Drafts'],
      ['Language', 'Long Context by Recurrence'],
    ]);
    expect(notPapers.map((n) => n.why)).toEqual(
      expect.arrayContaining(['a table of contents', 'a list of 2 links without notes', 'heading: a section that frames the papers']),
    );
  });

  it('takes the summary after the separator, or the nested bullets, and leaves (my take: ...) out', () => {
    expect(answerOf(entries[1]!)).toBe('Drops random patches during training only; the model sees fewer tokens and trains twice as fast.');
    expect(answerOf(entries[3]!)).toBe('Splits a long input into segments and carries a compressed memory from one segment to the next.');
    expect(entries[1]!.body).not.toContain('my take');
  });

  it('reads a list under "See also:" or "References" as works cited, not papers', () => {
    const text = [
      '## Evaluation', '',
      '**See also:**',
      '- [Lee, Ann, and Bo Chen. We need to talk about test splits. ACL 2019](https://example.org/p19-1.pdf)',
      '- [Benchmarks Are Not Enough, TACL 2017](https://example.org/q17-1.pdf)', '',
      ':boom: [Report Your Budget: Expected Validation Accuracy](https://example.org/d19-1.pdf)',
      '> Proposes reporting expected validation accuracy as a function of the tuning budget.', '',
    ].join('\n');
    const report = inspectNotes([{ file: 'notes.md', bytes: Buffer.from(text) }]);
    expect(report.papers.map((p) => p.title)).toEqual(['Report Your Budget: Expected Validation Accuracy']);
    expect(report.notPapers.map((n) => [n.line, n.why])).toContainEqual([4, 'a list of works cited ("See also:")']);
  });

  it('reads links to sites glossed in brackets, and a bold label ending in a colon, as no papers', () => {
    const text = [
      '# Conference notes', '',
      '**Full list of papers:**', '',
      '- Schedule: https://example.org/schedule', '',
      'Workshops worth a look:', '',
      '- [**TextWorkshop 2019**](http://textworkshop.example.org/) (Text Mining and Retrieval)',
      '- [NoisyText 2019](http://noisy.example.github.io/) (Noisy User-generated Text)',
      '- [GraphNLP: 3rd workshop on graphs for language](https://sites.example.com/graphnlp)', '',
      '## Papers', '',
      '- [Sparse Attention Heads Prune Themselves](https://arxiv.org/abs/1905.00001): heads whose gates close during training are removed.',
      '',
    ].join('\n');
    const report = inspectNotes([{ file: 'conf.md', bytes: Buffer.from(text) }]);
    expect(report.papers.map((p) => p.title)).toEqual(['Sparse Attention Heads Prune Themselves']);
    expect(report.notPapers.map((n) => [n.line, n.why])).toEqual(
      expect.arrayContaining([
        [3, 'text outside any paper (a preamble or an essay section)'],
        [9, 'a list of 3 links without notes'],
      ]),
    );
  });
});

describe('papers as table rows', () => {
  it('reads the paper column as titles, the summary column as the note, the week as the session, the thoughts column as remarks', () => {
    const { entries, notPapers } = read('table.md');
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Week 1', 'Denoising Diffusion Models', 5],
      ['Week 2', 'Score Matching in Latent Space', 6],
    ]);
    expect(entries[0]!.body).toBe('Images are generated by learning to reverse a gradual noising process, one small denoising step at a time.\nTrained with a simple noise-prediction loss.');
    expect(entries[0]!.own).toBe('Beautiful maths, slow sampling.');
    expect(notPapers).toEqual([expect.objectContaining({ line: 7, why: 'a row with no paper title' })]);
  });

  it('reads a table of papers under a topic heading, titles linked by an id or written as a bold short name', () => {
    const text = [
      '# Papers by topic', '', '## Evaluation', '',
      '| Paper | TL;DR | Tags |', '|---|---|---|',
      '| [[2604.01234]] Reward Benchmarks for Personal Taste | Reward models peak at 76% on personal preferences, far below their general scores | `rm` |',
      '| [2604.05678v1](https://arxiv.org/abs/2604.05678v1) Sketching a Learning Algorithm | Proposes a sketch of training that supports deleting data without retraining | `cs` |',
      '| **Reflexion** (Shinn 2023 NeurIPS) | Verbal self-reflection stored in an episodic memory guides the next attempt | `agents` |', '',
    ].join('\n');
    const report = inspectNotes([{ file: 'digest.md', bytes: Buffer.from(text) }]);
    expect(report.papers.map((p) => [p.title, (p as { answer: string }).answer])).toEqual([
      ['Reward Benchmarks for Personal Taste', 'Reward models peak at 76% on personal preferences, far below their general scores.'],
      ['Sketching a Learning Algorithm', 'Proposes a sketch of training that supports deleting data without retraining.'],
      ['Reflexion', 'Verbal self-reflection stored in an episodic memory guides the next attempt.'],
    ]);
  });

  it('titles a row by its short name when it repeats the title of the row above (a copy-paste slip)', () => {
    const notes = [
      '| **Paper** | **Links** |',
      '| --- | --- |',
      '| 1) **GLOW-2: Generative Flows With Invertible Attention** - GLOW-2 - invertible attention layers let a flow model long-range structure. | [Paper](https://arxiv.org/abs/3001.00012) |',
      '| 2) **GLOW-2: Generative Flows With Invertible Attention** - ProtoFold - a language model that predicts protein structure from sequence. | [Paper](https://example.org/protofold) |',
      '| 3) **Sparse Probing of Language Models** - Sparse Probing - a few neurons carry most of a probed feature. | [Paper](https://example.org/probing) |',
    ].join('\n');
    const { entries } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['GLOW-2: Generative Flows With Invertible Attention', 'ProtoFold', 'Sparse Probing of Language Models']);
    expect(answerOf(entries[1]!)).toBe('A language model that predicts protein structure from sequence.');
  });
});

describe('a reading list of bare titles', () => {
  it('reads plain title lines under "Posters" or "To read" as papers with nothing written yet', () => {
    const notes = [
      '## Posters',
      '',
      '- noise aware unsupervised lidar stereo fusion',
      '- GLOW-2: Generative Flows With Invertible Attention',
      '- PackNet SfM',
    ].join('\n');
    const { entries } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Posters', 'noise aware unsupervised lidar stereo fusion', 3],
      ['Posters', 'GLOW-2: Generative Flows With Invertible Attention', 4],
      ['Posters', 'PackNet SfM', 5],
    ]);
    expect(answerOf(entries[0]!)).toBe(`SKIP ${'empty note (nothing under the title)'}`);
  });

  it('leaves a list of sentences under "Papers" alone', () => {
    const notes = '## Papers\n\n- I read five papers this week.\n- Most were about diffusion.\n- Next week: flows.\n';
    expect(parseNotes(notes, 'notes.md').entries).toEqual([]);
  });
});

describe('rows and links about no paper', () => {
  it('reads a table row whose link is a blog post or a book, where the rows label their links, as no paper', () => {
    const notes = [
      '| **Paper** | **Links** |',
      '| --- | --- |',
      '| 1) **Diffusion Beats Autoregression on Code** - a diffusion model writes code faster than left-to-right decoding. | [Paper](https://arxiv.org/abs/3001.00010), [Tweet](https://x.com/a/1) |',
      '| 2) **Our Lab in 2030** - a summary of what the lab published this year. | [Blog](https://example.org/blog/2030), [Tweet](https://x.com/a/2) |',
      '| 3) **Deep Learning for Gardeners** - a new book on deep learning. | [Book](https://arxiv.org/abs/3001.00011) |',
      '| 4) **Sparse Probing of Language Models** - a few neurons carry most of a probed feature. | [Paper](https://example.org/probing), [Code](https://github.com/a/b) |',
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['Diffusion Beats Autoregression on Code', 'Sparse Probing of Language Models']);
    expect(notPapers.map((n) => [n.line, n.why])).toEqual([
      [4, 'a row whose link is a blog, not a paper'],
      [5, 'a row whose link is a book, not a paper'],
    ]);
  });

  it('reads a link asking the reader to subscribe or join as no paper', () => {
    const notes = '[Deep Equilibrium Models](https://arxiv.org/abs/1909.01377)\n> One layer solved for its fixed point replaces a deep stack.\n\n[Subscribe to our Newsletter](https://example.org/news) to stay on top of new papers.\n';
    expect(parseNotes(notes, 'notes.md').entries.map((e) => e.title)).toEqual(['Deep Equilibrium Models']);
  });
});

describe('Org-mode notes', () => {
  it('reads * headings as papers, without TODO keywords, tags or property drawers, sub-headings as parts', () => {
    const { entries } = read('notes.org');
    expect(entries.map((e) => e.title)).toEqual(['Graph Networks as Learnable Simulators', 'Equivariant Transformers for Molecules', 'Reading group logistics']);
    expect(entries[0]!.body).not.toMatch(/PROPERTIES|YEAR|2030/);
    expect(answerOf(entries[0]!)).toBe('Message passing is a learned physics engine.');
    expect(answerOf(entries[1]!)).toBe('They build rotation equivariance into attention, so predictions do not change when the molecule is rotated.');
    expect(entries[1]!.own).toContain('tensor field networks');
    expect(answerOf(entries[2]!)).toBe('SKIP empty note (nothing under the title)');
  });

  it('leaves a LaTeX environment out of the back, as an equation set apart', () => {
    const org = [
      '#+title: Neural Ordinary Differential Equations',
      '',
      '* Summary',
      'Residual networks take discrete steps:',
      '',
      '\\begin{equation}',
      '  h_{t+1} = h_t + f(h_t, \\theta_t)',
      '\\end{equation}',
      '',
      'The paper lets a network define the derivative of the hidden state and solves the ODE with a black-box solver, so depth becomes continuous.',
      '',
      '\\[ \\frac{dh}{dt} = f(h(t), t, \\theta) \\]',
    ].join('\n');
    const back = backOf('neural_ode.org', org);
    expect(back).toContain('The paper lets a network define the derivative of the hidden state and solves the ODE with a black-box solver, so depth becomes continuous.');
    expect(back).not.toMatch(/begin|equation|h_|θ|dh\/dt|\\/);
  });

  it('leaves out planning lines and org-ref citations, and titles a reference-style heading by its title', () => {
    const org = [
      '* DONE Gated Residual Mixers',
      '  CLOSED: [2018-01-04 Thu 19:34] SCHEDULED: <2018-01-02 Tue>',
      '  :LOGBOOK:',
      '  CLOCK: [2018-01-04 Thu 17:42]--[2018-01-04 Thu 18:52] =>  1:10',
      '  :END:',
      '[[cite:lee-2017-gated][Lee et al. 2017: Gated Residual Mixers]]',
      'Mixes channels through a learned gate on each residual branch.',
      '* TODO Sparse Routers',
      '[[cite:chen-2018-sparse][Chen et al. 2018: Sparse Routers]]',
      '* Lee, A., & M\\"uller, B. (2015): A Theory of Pooling in Deep Networks',
      'Pooling makes features invariant to translations, more so in deeper layers.',
      '',
    ].join('\n');
    const report = inspectNotes([{ file: 'papers.org', bytes: Buffer.from(org) }]);
    expect(report.papers.map((p) => [p.title, 'answer' in p ? p.answer : p.skip])).toEqual([
      ['Gated Residual Mixers', 'Mixes channels through a learned gate on each residual branch.'],
      ['Sparse Routers', 'only links (nothing about the paper)'],
      ['A Theory of Pooling in Deep Networks', 'Pooling makes features invariant to translations, more so in deeper layers.'],
    ]);
  });
});

describe('one paper per file, a folder of them a deck', () => {
  it('takes each title from front matter, the first heading, a leading link line, or the file name', () => {
    const report = inspectNotes(folder());
    expect(report.shape).toBe('one per file');
    expect(report.papers.map((p) => [p.file, p.title])).toEqual([
      ['attention-sinks.md', 'Attention Sinks in Streaming Models'],
      ['flash-decoding.md', 'FlashDecoding: Parallel Attention Over Long Caches'],
      ['linked.md', 'Speculative Sampling with Draft Models'],
      ['ring-attention.md', 'Ring attention'],
    ]);
    expect(report.papers[0]).toMatchObject({ answer: expect.stringMatching(/^Keeping the first few tokens/) });
  });

  it('reads a note titled by its heading, its authors under it, as one paper: its bold lines are its sub-headings', () => {
    const note = [
      '# Sparse Mixtures Route Tokens by Load (2021)',
      '',
      'Ada Lovelace, Grace Hopper, Alan Turing',
      '',
      '---',
      '',
      'Routes each token to two experts chosen by a learned gate, with a loss that keeps the experts evenly loaded.',
      '',
      '**Why routing collapses**',
      '',
      'Without the balancing loss a few experts take every token and the rest never learn.',
      '',
      '**Capacity factor and dropped tokens**',
      '',
      'Tokens past an expert\'s capacity skip the layer through the residual path.',
      '',
      '**Thoughts**',
      '',
      'I should try this on the translation model next week.',
      '',
    ].join('\n');
    // A whole bold line that says something is text, not a sub-heading: a key idea written so wins.
    const stressed = note.replace('**Why routing collapses**', '**Key idea: a balancing loss keeps every expert in use**');
    const [keyIdea] = inspectNotes([{ file: 'sparse-mixtures.md', bytes: Buffer.from(stressed) }]).papers as { answer: string }[];
    expect(keyIdea!.answer).toBe('a balancing loss keeps every expert in use');
    const report = inspectNotes([{ file: 'sparse-mixtures.md', bytes: Buffer.from(note) }]);
    expect(report.papers.map((p) => [p.line, p.title])).toEqual([[1, 'Sparse Mixtures Route Tokens by Load']]);
    const answer = (report.papers[0] as { answer: string }).answer;
    expect(answer).toMatch(/^Routes each token to two experts chosen by a learned gate/);
    expect(answer).not.toMatch(/Why routing collapses|Capacity factor|Thoughts|translation model/);
    // Its sub-headings are no papers missed: nothing to warn of.
    expect(report.warnings).toEqual([]);
  });

  it('reads Pandoc-style notes: setext "Title - Authors - Year" headings, citation blocks left out, a README about the folder', () => {
    const note = [
      'An Axiomatic Basis for Loop Programs - Hoare Floyd - 1969',
      '=========================================================',
      '',
      'Summary',
      '-------',
      '',
      'Gives axioms and inference rules for proving loop programs correct from pre- and post-conditions.',
      '',
      '### Proof rules',
      '',
      'The rule of consequence and the rule of composition carry proofs through a program.',
      '',
      '---',
      'references:',
      '- id: hoare-axiomatic',
      '  title: An axiomatic basis for loop programs',
      "  container-title: 'Communications of the ACM'",
      '...',
      '',
      'Language Models Are Few-Shot Learners - A Study of Prompting - 2020',
      '==================================================================',
      '',
      'A 175B-parameter model does new tasks from a few examples in its prompt, with no fine-tuning.',
      '',
    ].join('\n');
    const readme = 'We write summaries of the papers we read, one folder per topic.\n';
    const report = inspectNotes([
      { file: 'README.md', bytes: Buffer.from(readme) },
      { file: 'logic/README.md', bytes: Buffer.from(note) },
    ]);
    expect(report.papers.map((p) => [p.file, p.line, p.title])).toEqual([
      ['logic/README.md', 1, 'An Axiomatic Basis for Loop Programs'],
      // A subtitle between the dashes is no list of authors.
      ['logic/README.md', 20, 'Language Models Are Few-Shot Learners - A Study of Prompting'],
    ]);
    const answers = report.papers.map((p) => (p as { answer: string }).answer).join(' ');
    expect(answers).toMatch(/^Gives axioms and inference rules/);
    expect(answers).not.toMatch(/references|container-title|hoare-axiomatic/);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ file: 'README.md', why: "the folder's README: about the notes, not a paper" }));
    // "### Proof rules" is a part of the first paper, no paper missed; the README is named.
    expect(report.warnings).toEqual([{ file: 'README.md', line: 1, message: "no paper read from this file (the folder's README: about the notes, not a paper)" }]);
  });

  it('sets aside a notes template and a small folder\'s README that links to its notes', () => {
    const template = '# Title of the paper\n\n> [link]()\n\n## TLDR\n\n## Aim\n\n> objectives, contributions\n\n## My thoughts\n\n> pros\n';
    const readme = '# List of my summaries\n\n## Vision\n\n* [Region Proposals in One Network](./rpn.md)\n* [Clipped Policy Updates](./ppo.md)\n';
    const report = inspectNotes([
      { file: 'README.md', bytes: Buffer.from(readme) },
      { file: 'ppo.md', bytes: Buffer.from('# Clipped Policy Updates\n\nClips the probability ratio so each policy update stays small.\n') },
      { file: 'rpn.md', bytes: Buffer.from('# Region Proposals in One Network\n\nA network proposes regions and classifies them, sharing its convolutions.\n') },
      { file: 'template.md', bytes: Buffer.from(template) },
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['ppo.md', 'rpn.md']);
    expect(report.warnings.map((w) => [w.file, w.message])).toEqual([
      ['README.md', 'no paper read from this file (an index of the other notes in this folder (it links to 2 of them), read where they are)'],
      ['template.md', 'no paper read from this file (a template for notes, not notes)'],
    ]);
  });

  it('reads a README under one heading that links two notes of its small folder as their index', () => {
    const readme = '# Notes of papers I read\n\n* [Region Proposals in One Network](./rpn.md)\n* [Clipped Policy Updates](./ppo.md)\n';
    const report = inspectNotes([
      { file: 'README.md', bytes: Buffer.from(readme) },
      { file: 'ppo.md', bytes: Buffer.from('# Clipped Policy Updates\n\nClips the probability ratio so each policy update stays small.\n') },
      { file: 'rpn.md', bytes: Buffer.from('# Region Proposals in One Network\n\nA network proposes regions and classifies them, sharing its convolutions.\n') },
    ]);
    expect(report.papers.map((p) => [p.file, p.title])).toEqual([
      ['ppo.md', 'Clipped Policy Updates'],
      ['rpn.md', 'Region Proposals in One Network'],
    ]);
  });

  it('reads a note named README, in a folder of one folder per paper, that links a note beside it as a paper', () => {
    const note = (title: string, summary: string, more = '') => Buffer.from(`# [${title}](https://example.org/${title}.pdf)\n\n## Summary\n\n${summary}\n${more}`);
    const report = inspectNotes([
      { file: 'README.md', bytes: Buffer.from('This is a repo where I store my paper reading reviews.\n') },
      { file: 'Angora.Efficient.Fuzzing.by.Principled.Search/README.md', bytes: note('Angora', 'Angora solves path constraints by gradient descent over input bytes.', '\n## Cons\n\n- No experiment as described in [Evaluating.Fuzz.Testing](../Evaluating.Fuzz.Testing/README.md)\n') },
      { file: 'Evaluating.Fuzz.Testing/README.md', bytes: note('Evaluating Fuzz Testing', 'Most fuzzing papers evaluate with too few trials and no statistical tests.') },
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['Angora.Efficient.Fuzzing.by.Principled.Search/README.md', 'Evaluating.Fuzz.Testing/README.md']);
  });

  it('titles a note by its folder\'s dotted name in words, punctuated as its BibTeX reference is', () => {
    const bib = '## bib\n```\n@inproceedings{chen2018angora,\n  title={Angora: Efficient fuzzing by principled search},\n  year={2018}\n}\n```\n';
    const report = inspectNotes([
      { file: 'Angora.Efficient.Fuzzing.by.Principled.Search/README.md', bytes: Buffer.from(`# [Angora.Efficient.Fuzzing.by.Principled.Search](https://example.org/angora.pdf)\n\n## Summary\n\nAngora solves path constraints by gradient descent over input bytes.\n\n${bib}`) },
      { file: 'How.to.Read.a.Paper/README.md', bytes: Buffer.from('# How.to.Read.a.Paper\n\nRead a paper in three passes, each deeper than the one before.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Angora: Efficient Fuzzing by Principled Search', 'How to Read a Paper']);
    // ("U.S.A." and "e.g." are no titles written with dots.)
    expect(['U.S.A.', 'arxiv.org', 'v1.2.3'].map(cleanTitle)).toEqual(['U.S.A.', 'arxiv.org', 'v1.2.3']);
  });

  it('names an index for what it is, not for a section heading it holds', () => {
    const readme = '# Reading\n\n## To read\n\nSomething for next week.\n\n## Notes of papers I read\n\n* [Region Proposals in One Network](./rpn.md)\n* [Clipped Policy Updates](./ppo.md)\n* [Layer Normalization](./ln.md)\n';
    const report = inspectNotes([
      { file: 'README.md', bytes: Buffer.from(readme) },
      { file: 'ln.md', bytes: Buffer.from('# Layer Normalization\n\nNormalizes each layer over its units, not over the batch.\n') },
      { file: 'ppo.md', bytes: Buffer.from('# Clipped Policy Updates\n\nClips the probability ratio so each policy update stays small.\n') },
      { file: 'rpn.md', bytes: Buffer.from('# Region Proposals in One Network\n\nA network proposes regions and classifies them, sharing its convolutions.\n') },
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['ln.md', 'ppo.md', 'rpn.md']);
    expect(report.warnings.map((w) => [w.file, w.message])).toEqual([
      ['README.md', 'no paper read from this file (an index of the other notes in this folder (it links to 3 of them), read where they are)'],
    ]);
  });

  it('reads the paragraphs under a lone "- *Title* (url):" bullet as that paper\'s note', () => {
    const text = '- *Sparse Mixtures of Tiny Experts* (https://arxiv.org/abs/3001.00014):\n\nThey route each token to two of a thousand very small experts.\n';
    const report = inspectNotes([{ file: 'moe.md', bytes: Buffer.from(text) }]);
    expect(report.papers).toEqual([
      expect.objectContaining({ title: 'Sparse Mixtures of Tiny Experts', answer: 'They route each token to two of a thousand very small experts.' }),
    ]);
    expect(report.notPapers).toEqual([]);
  });

  it('names a file of the folder that gives no paper, with why', () => {
    const report = inspectNotes(folder());
    expect(report.warnings).toEqual([
      { file: 'scratch.md', line: 1, message: 'no paper read from this file (nothing in it but front matter or blank lines)' },
    ]);
  });

  it('sets aside a topic note among notes that open with a link to their paper, and names it', () => {
    const files = [
      ['deq.md', '- Deep Equilibrium Models - https://arxiv.org/abs/1909.01377\n\nOne layer solved for its fixed point replaces a deep stack.\n'],
      ['gaussian-process.md', 'Gaussian Process\nA lovely model. Good introductions: https://example.org/gp-intro\n\nPrediction conditions the joint Gaussian on the observed values.\n'],
      ['hyper.md', '[HyperNetworks](https://arxiv.org/abs/1609.09106)\n\nA small network generates the weights of a larger one.\n'],
      ['moe.md', '## Sparse Mixtures of Tiny Experts\n\nThey route each token to two of a thousand very small experts.\n'],
      ['rope.md', '[RoFormer: Rotary Position Embedding](https://arxiv.org/abs/2104.09864)\n\nPositions rotate the query and key vectors, so attention sees relative offsets.\n'],
      ['zoneout.md', '- Zoneout - https://arxiv.org/abs/1606.01305\n\nHidden units randomly keep their previous values instead of being dropped.\n'],
    ].map(([file, text]) => ({ file: file!, bytes: Buffer.from(text!) }));
    const report = inspectNotes(files);
    expect(report.papers.map((p) => p.file)).toEqual(['deq.md', 'hyper.md', 'moe.md', 'rope.md', 'zoneout.md']);
    expect(report.warnings).toEqual([
      {
        file: 'gaussian-process.md',
        line: 1,
        message: 'no paper read from this file (a topic note: it opens with no link to a paper and no title, unlike the other notes in this folder)',
      },
    ]);
    // Where the notes do not link their papers, a note without a link is a paper like the others.
    expect(inspectNotes(files.filter((f) => f.file !== 'hyper.md' && f.file !== 'zoneout.md')).papers).toHaveLength(4);
  });

  it('sets aside an index of the folder\'s notes (a README listing them), naming it, and reads each paper in its own note', () => {
    const notes = [
      ['notes/deq.md', '# Deep Equilibrium Models (2019)\n\nOne layer solved for its fixed point replaces a deep stack.\n'],
      ['notes/hyper.md', '# HyperNetworks (2016)\n\nA small network generates the weights of a larger one.\n'],
      ['notes/rope.md', '# RoFormer: Rotary Position Embedding (2021)\n\nPositions rotate the query and key vectors.\n'],
    ];
    const index = [
      'README.md',
      '# Paper notes\n\n## 2101\n\n- [RoFormer: Rotary Position Embedding (2021) - Su et al.](notes/rope.md)\n  - transformers, positions\n\n## 1910\n\n' +
        '- [Deep Equilibrium Models (2019) - Bai, Kolter, Koltun](./notes/deq.md#summary)\n\n## 1609\n\n- [HyperNetworks (2016) - Ha, Dai, Le](notes/hyper%2Emd)\n',
    ];
    const files = [index, ...notes].map(([file, text]) => ({ file: file!, bytes: Buffer.from(text!) }));
    const report = inspectNotes(files);
    expect(report.papers.map((p) => p.file).sort()).toEqual(['notes/deq.md', 'notes/hyper.md', 'notes/rope.md']);
    expect(report.warnings).toEqual([
      { file: 'README.md', line: 1, message: 'no paper read from this file (an index of the other notes in this folder (it links to 3 of them), read where they are)' },
    ]);
    // Links to papers elsewhere make a reading list, which stays papers.
    const list = { file: 'README.md', bytes: Buffer.from(index[1]!.replace(/\]\([^)]*\)/g, '](https://arxiv.org/abs/2104.09864)')) };
    expect(inspectNotes([list, ...files.slice(1)]).papers.some((p) => p.file === 'README.md')).toBe(true);
  });

  it('sets aside a note that opens on a topic and cites a paper for it ("see this paper: url")', () => {
    const files = [
      ['deq.md', '- Deep Equilibrium Models - https://arxiv.org/abs/1909.01377\n\nOne layer solved for its fixed point replaces a deep stack.\n'],
      ['eg.md', '- Mirror Descent (see this paper: https://example.org/md.pdf)\n\nLately I have been learning about mirror descent. It keeps weights on the simplex.\n'],
      ['hyper.md', '[HyperNetworks](https://arxiv.org/abs/1609.09106)\n\nA small network generates the weights of a larger one.\n'],
      ['rope.md', '[RoFormer: Rotary Position Embedding](https://arxiv.org/abs/2104.09864)\n\nPositions rotate the query and key vectors.\n'],
    ].map(([file, text]) => ({ file: file!, bytes: Buffer.from(text!) }));
    const report = inspectNotes(files);
    expect(report.papers.map((p) => p.file)).toEqual(['deq.md', 'hyper.md', 'rope.md']);
    // "Title (see url)" is how a note may link its own paper: it stays a paper.
    const own = { file: 'eg.md', bytes: Buffer.from('- Mirror Descent Revisited (see https://arxiv.org/abs/3001.00013)\n\nThe mirror map keeps weights on the simplex.\n') };
    expect(inspectNotes([...files.filter((f) => f.file !== 'eg.md'), own]).papers.map((p) => p.file).sort()).toEqual(['deq.md', 'eg.md', 'hyper.md', 'rope.md']);
    expect(report.warnings).toEqual([
      {
        file: 'eg.md',
        line: 1,
        message: 'no paper read from this file (a topic note: it opens on its topic and cites a paper for it ("see this paper"), unlike the other notes in this folder)',
      },
    ]);
  });
});

describe('LaTeX and the plain format', () => {
  it('shows inline LaTeX readably, never with its dollars', () => {
    const [entry] = read('latex.md').entries;
    expect(entry!.title).toBe('Adaptive ℓ_p Regularisation');
    expect(answerOf(entry!)).toBe('The penalty λ ‖w‖_p is tuned per layer: they learn p and λ by gradient descent, with l_p norms between 1 and 2.');
  });

  it('leaves an equation set apart ($$...$$) out of the answer', () => {
    const notes = [
      '## Temporal Activation Regularisation',
      '',
      '1. They penalise differences between subsequent hidden states of the LSTM, a slowness regulariser $$\\mathrm{TAR} = \\beta \\, L_2(h_t - h_{t-1})$$.',
      '2. The objective: $$J = \\sum_t \\log p(x_t) - \\mathrm{TAR}$$',
      '',
    ].join('\n');
    const [entry] = read('tar.md', notes).entries;
    const answer = answerOf(entry!);
    expect(answer).toMatch(/^They penalise differences between subsequent hidden states of the LSTM/);
    expect(answer).not.toMatch(/[=_^]|L_2|TAR/);
    // Inside a sentence it stays a word of it: the sentence must read whole.
    const inside = read('focal.md', '# Focal Loss\n\nThe loss is $$FL(p_t) = -(1 - p_t)^\\gamma \\log(p_t)$$ which down-weights easy examples so that training focuses on hard ones.\n').entries[0]!;
    expect(answerOf(inside)).toBe('The loss is FL(p_t) = -(1 - p_t)^γ log(p_t) which down-weights easy examples so that training focuses on hard ones.');
  });

  it('reads a code of any length as a paper, not as part of the paper before it', () => {
    const { entries } = parseNotes('C9999: First Paper\n\nIts note.\n\nC10000: Second Paper\n\nAnother note.', 'notes.txt');
    expect(entries.map((e) => [e.code, e.title])).toEqual([
      ['C9999', 'First Paper'],
      ['C10000', 'Second Paper'],
    ]);
  });
});

describe('every card of every shape', () => {
  const files = ['headings.md', 'bold-titles.md', 'link-lines.md', 'list-items.md', 'table.md', 'notes.org', 'latex.md'].map((file) => ({
    file,
    bytes: readFileSync(join(shapes, file)),
  }));
  const { cardsFile } = buildDeck('all', [...files, ...folder().map((f) => ({ ...f, file: `per-paper/${f.file}` }))], null);

  it('has clean fronts: no link syntax, emphasis, rating marks, prefixes, quotes, emoji or list numbers', () => {
    expect(cardsFile.cards.length).toBeGreaterThanOrEqual(20);
    for (const { title } of cardsFile.cards) {
      expect(title).not.toMatch(/\]\(|\*|★|:[a-z_]+:|^(?:Best Paper|Keynote)|^["“]|^\d+[.)]|https?:|[\p{Extended_Pictographic}]/u);
    }
  });

  it('has backs without markup, URLs, LaTeX source, authors, placeholders or remarks', () => {
    for (const { answer } of cardsFile.cards) {
      expect(answer).not.toMatch(/\$|\\|https?:|\*\*|<[a-z/]|^[-*+] |\[pdf\]|TODO|Fill in|TLDR|Lovelace|Meitner|Noether|my take|\(me:|great figures/i);
    }
  });
});

describe('list items titled in plain text', () => {
  const notes = [
    '## A variety of generalization papers',
    '',
    '* 16/12/13, Im: An empirical analysis of loss surfaces. Optimizers take different paths at saddle points. #optimization',
    '* 17/05/24, Soudry: Train longer, generalize better. Large batches only hurt because of the small number of updates. #optimization',
    '    * Proposed solution: ghost batch norm.',
    '* 17/06/16, Bengio: A closer look at memorization in deep networks. Networks fit simple patterns before noise. #memorization',
  ].join('\n');

  it('reads "<date, author>: <Title>. <summary>" items as papers when the list is written so throughout', () => {
    const { entries } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['A variety of generalization papers', 'An empirical analysis of loss surfaces'],
      ['A variety of generalization papers', 'Train longer, generalize better'],
      ['A variety of generalization papers', 'A closer look at memorization in deep networks'],
    ]);
    expect(answerOf(entries[1]!)).toMatch(/^Large batches only hurt because of the small number of updates\./);
    expect(entries[1]!.body).not.toContain('#optimization');
  });

  it('reads bullets titled after a method\'s name as papers when the titles read as titles', () => {
    const notes = [
      '## Instance segmentation', '',
      '- CenterMask: Real-Time Anchor-Free Instance Segmentation. Adds a mask branch to an anchor-free detector.',
      '- YOLACT: Real-Time Instance Segmentation. Combines prototype masks with per-instance coefficients.',
      '- SOLOv2: Dynamic and Fast Instance Segmentation. Predicts mask kernels per grid cell.',
    ].join('\n');
    expect(read('iccv.md', notes).entries.map((e) => e.title)).toEqual([
      'CenterMask: Real-Time Anchor-Free Instance Segmentation',
      'YOLACT: Real-Time Instance Segmentation',
      'SOLOv2: Dynamic and Fast Instance Segmentation',
    ]);
  });

  it('reads bullets labelled by a name, not a date or a rating, as points of one note', () => {
    const note = [
      'Summary:', '',
      'They learn disentangled representations with a Beta-VAE, then train a policy on them, so it transfers to new domains.', '',
      'Experiments:', '',
      '- DeepmindLab: Seek-avoid navigation task. Shows transfer, but the domains are close.',
      '- Sim2Sim MuJoCo Jaco arm: Object reaching. Transfer is across viewpoints.',
      '- Sim2Real: Same task on a real arm. Not that much gain.', '',
      '**N.B: the second section of the paper gives an interesting overview of the field.**', '',
    ].join('\n');
    const report = inspectNotes([
      { file: 'darla_improving_zero_shot_transfer.md', bytes: Buffer.from(note) },
      { file: 'other_paper.md', bytes: Buffer.from('A second note, so that this is a folder of notes, each one paper.\n') },
    ]);
    expect(report.papers.map((p) => [p.file, p.line])).toEqual([['darla_improving_zero_shot_transfer.md', 1], ['other_paper.md', 1]]);
    expect((report.papers[0] as { answer: string }).answer).toMatch(/^They learn disentangled representations with a Beta-VAE, then train a policy on them, so it transfers to new domains\./);
  });

  it('reads a list of titles, each alone on its line, with notes on the lines under them or after a bar, as papers', () => {
    // A weekly journal digest: front matter titled by the week, numbered titles, a note under some.
    const digest = [
      '---', 'title: 23周：June05 Science, June04 Nature', 'date: 2020-06-07', '---', '',
      '# Science - Reports', '',
      '1. Thresholds of mangrove survival under rapid sea level rise',
      '   如果海平面上涨超过 6.1mm/year，红树林的堆积速度就赶不上了',
      '1. A fractional corner anomaly reveals higher-order topology',
      '1. Seafloor microplastic hotspots controlled by deep-sea circulation',
      '   Currents that carry oxygen to the deep sea carry microplastics too.',
      '1. PIRs mediate innate myeloid cell memory to nonself MHC molecules',
      '   先天免疫也有记忆效应',
      '', '# Nature', '',
      '1. Receptor binding and priming of the spike protein of SARS-CoV-2 for membrane fusion | 电镜研究 spike 蛋白两次剪切的分子机制',
      '1. Boltzmann generators: Sampling equilibrium states of many-body systems with deep learning 玻尔兹曼采样',
      '1. Colorectal Cancer Cells Enter a Diapause-like DTP State to Survive Chemotherapy',
      '   癌细胞进入休眠状态来逃避化疗，作者发现前后并没有遗传瓶颈',
    ].join('\n');
    const { entries } = parseNotes(digest, '2020-23.md');
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Science - Reports', 'Thresholds of mangrove survival under rapid sea level rise', 8],
      ['Science - Reports', 'A fractional corner anomaly reveals higher-order topology', 10],
      ['Science - Reports', 'Seafloor microplastic hotspots controlled by deep-sea circulation', 11],
      ['Science - Reports', 'PIRs mediate innate myeloid cell memory to nonself MHC molecules', 13],
      ['Nature', 'Receptor binding and priming of the spike protein of SARS-CoV-2 for membrane fusion', 18],
      ['Nature', 'Boltzmann generators: Sampling equilibrium states of many-body systems with deep learning', 19],
      ['Nature', 'Colorectal Cancer Cells Enter a Diapause-like DTP State to Survive Chemotherapy', 20],
    ]);
    expect(entries.map(answerOf)).toEqual([
      '如果海平面上涨超过 6.1mm/year，红树林的堆积速度就赶不上了。',
      `SKIP ${SKIP_REASONS.empty}`,
      'Currents that carry oxygen to the deep sea carry microplastics too.',
      '先天免疫也有记忆效应。',
      '电镜研究 spike 蛋白两次剪切的分子机制。',
      '玻尔兹曼采样。',
      // (What the authors found is no problem the paper starts from, though it names a bottleneck.)
      '癌细胞进入休眠状态来逃避化疗，作者发现前后并没有遗传瓶颈。',
    ]);
  });

  it('leaves one paper\'s points alone: sentences wrapped over lines, and points over nested bullets', () => {
    const wrapped = [
      '# Pipeline parallelism for large models', '',
      '- Pipeline parallelism creates different memory requirements for each',
      '  accelerator in the pipeline, even with identical compute load.',
      '- They combine two pipelines running in opposite directions of',
      '  the same model, which halves the bubbles.',
      '- Downside of pipeline parallelism is',
      '  that it suffers from bubbles.',
    ].join('\n');
    expect(parseNotes(wrapped, 'notes.md').entries.map((e) => e.title)).toEqual(['Pipeline parallelism for large models']);
    const outline = [
      '# Aria: A Fast and Practical Deterministic OLTP Database', '',
      '- Main Idea: Batch execution with barriers',
      '  - Every transaction in a batch reads from the same snapshot.',
      '- Optimization: Deterministic Reordering',
      '  - Reorders transactions to cut write-after-read aborts.',
      '- Evaluation on YCSB and TPC-C benchmarks',
      '  - Faster than Calvin on both.',
    ].join('\n');
    expect(parseNotes(outline, 'notes.md').entries.map((e) => e.title)).toEqual(['Aria: A Fast and Practical Deterministic OLTP Database']);
  });

  it('leaves a single such line alone: one could be any sentence', () => {
    const { entries } = parseNotes('## Some Paper on Loss Surfaces\n\n* Note: an aside. More text here.\n', 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['Some Paper on Loss Surfaces']);
  });
});

describe('a conference write-up of rated bullets', () => {
  const notes = [
    '# Notes from VisionConf',
    '',
    '## Detection',
    '',
    '- [8/10][anchor-free detector that predicts object centers as keypoints] [Centers Are All You Need for Detection](https://example.org/a.pdf) the heatmap head is shared across scales.',
    '- [7/10] [Sparse Queries for Detection](https://example.org/c.pdf) replaces dense anchors with 100 learned queries and a set loss.',
    '- [5/10][Dense Boxes Revisited](https://example.org/d.pdf)',
    '',
    '## Segmentation',
    '',
    '- [9/10][segments any object from one click through a learned affinity graph] [Click Segmentation](https://example.org/e.pdf)',
    '- [6/10] CenterMask: Masks from object centers. Predicts a mask at each center point, without boxes.',
    '- [6/10] YOLACT: Real-time instance segmentation. Combines prototype masks with per-instance coefficients.',
    '- [7/10] Mask R-CNN: Instance masks from region features. Adds a mask branch to a two-stage detector.',
    '',
    '## Workshop talks',
    '',
    '- A keynote on robotics, mostly about collecting data.',
  ].join('\n');
  const { entries, notPapers } = parseNotes(notes, 'conf.md');

  it('titles each bullet by its link or its named title, never the rating, and keeps a method name before a colon', () => {
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['Detection', 'Centers Are All You Need for Detection'],
      ['Detection', 'Sparse Queries for Detection'],
      ['Detection', 'Dense Boxes Revisited'],
      ['Segmentation', 'Click Segmentation'],
      ['Segmentation', 'CenterMask: Masks from object centers'],
      ['Segmentation', 'YOLACT: Real-time instance segmentation'],
      ['Segmentation', 'Mask R-CNN: Instance masks from region features'],
    ]);
    expect(notPapers.map((n) => n.text)).toContain('Workshop talks');
  });

  it('answers with the bracketed one-line summary first, without the rating or the title', () => {
    expect(answerOf(entries[0]!)).toBe('Anchor-free detector that predicts object centers as keypoints. The heatmap head is shared across scales.');
    expect(answerOf(entries[1]!)).toBe('Replaces dense anchors with 100 learned queries and a set loss.');
    expect(answerOf(entries[2]!)).toMatch(/^SKIP /);
    expect(answerOf(entries[3]!)).toBe('Segments any object from one click through a learned affinity graph.');
  });
});

describe('talks among papers', () => {
  it('reads a heading under a workshops or tutorials session with one speaker as a talk, not a paper', () => {
    const notes = [
      '## Friday (Workshops)',
      '',
      '### Self-Supervised Learning Everywhere',
      '_Grace Hopper_',
      '',
      '+ Model-free RL needs too many trials; predict the world instead.',
      '',
      '### When to Trust Your Model: Model-Based Policy Optimization',
      '_Michael Janner, Justin Fu, Marvin Zhang, Sergey Levine_',
      '',
      '+ Short model rollouts branched from real data keep model error small.',
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['When to Trust Your Model: Model-Based Policy Optimization']);
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 3, why: 'a talk (one speaker, under "Friday (Workshops)"), not a paper' }));
  });

  it('keeps as a paper a one-speaker heading whose note opens by giving its title\'s method a short name', () => {
    const notes = [
      '## Friday (Workshops)',
      '',
      '### Self-Supervised Learning Everywhere',
      '_Grace Hopper_',
      '',
      '+ Monte Carlo tree search (MCTS) plans with a learned model of the world.',
      '',
      '### Fewer Trials: Sparse Reward Relabeling',
      '_Alan Turing_',
      '',
      '+ Sparse reward relabeling (SRR)',
      '  - SRR relabels failed episodes with the goals they did reach.',
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['Fewer Trials: Sparse Reward Relabeling']);
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 3, why: 'a talk (one speaker, under "Friday (Workshops)"), not a paper' }));
  });

  it('reads headings under a day where nearly every entry names one speaker as talks, but keeps the papers there', () => {
    const notes = [
      '## Saturday, July 20',
      '',
      '### Robots That Learn From Play',
      '_Grace Hopper_',
      '',
      '+ Play data is cheap and covers more of the world than demonstrations.',
      '',
      '### Lessons From Ten Years of Benchmarks',
      '_Ada Lovelace_',
      '',
      '+ Benchmarks saturate faster every year.',
      '',
      '### GLOW-2: Generative Flows With Invertible Attention',
      '_Alan Turing_',
      '',
      '+ Invertible attention layers let a flow model long-range structure.',
      '',
      '### Curiosity Without Rewards',
      '_Katherine Johnson_',
      '',
      '+ An agent explores by predicting its own future observations.',
      '',
      '### Sparse Probing of Language Models',
      '_Dorothy Vaughan, Mary Jackson_',
      '',
      '+ A few neurons carry most of a probed feature.',
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['GLOW-2: Generative Flows With Invertible Attention', 'Sparse Probing of Language Models']);
    expect(notPapers).toContainEqual(
      expect.objectContaining({ line: 3, why: 'a talk (one speaker, as nearly every entry under "Saturday, July 20"), not a paper' }),
    );
  });

  it('leaves a day of papers alone when only one of them names a single author', () => {
    const notes = [
      '## Tuesday',
      '',
      '### A Theory of Warmup',
      '_Ada Lovelace_',
      '',
      '+ Warmup preconditions the loss surface.',
      '',
      '### Sparse Mixtures of Tiny Experts',
      '_Katherine Johnson, Dorothy Vaughan_',
      '',
      '+ Each token goes to two of a thousand tiny experts.',
      '',
      '### Gradient Flows Without Gradients',
      '_Alan Turing, Grace Hopper_',
      '',
      '+ Function evaluations estimate the flow field.',
    ].join('\n');
    expect(parseNotes(notes, 'notes.md').entries).toHaveLength(3);
  });

  it('keeps a paper titled as one method ("A ... approach using ...") on a day of one-speaker talks', () => {
    const talk = (title: string, speaker: string, line: string) => [`### ${title}`, `_${speaker}_`, '', `+ ${line}`, ''];
    const notes = [
      '## Saturday, July 20',
      '',
      ...talk('Robots That Learn From Play', 'Grace Hopper', 'Play data is cheap and covers more of the world.'),
      ...talk('Social Learning From Agents and Humans', 'Ada Lovelace', 'Agents learn from what others do.'),
      ...talk('A Curiosity-Driven Exploration Approach Using Learned Forward Models', 'Alan Turing', 'A forward model rewards the agent for states it cannot predict.'),
      ...talk('Multi-Task Learning in the Wild', 'Katherine Johnson', 'Tasks fight for capacity.'),
    ].join('\n');
    const { entries } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['A Curiosity-Driven Exploration Approach Using Learned Forward Models']);
  });

  it('keeps the one author named under a paper\u2019s heading off its card', () => {
    const [entry] = parseNotes('### A Theory of Warmup\n_Ada Lovelace_\n\n+ Warmup preconditions the loss surface early in training.\n', 'notes.md').entries;
    expect(entry!.body).not.toContain('Lovelace');
    expect(answerOf(entry!)).toBe('Warmup preconditions the loss surface early in training.');
  });

  it('reads a one-speaker heading among papers as a keynote when its note is several times as long as theirs', () => {
    const paper = (title: string, authors: string, line: string) => [`### ${title}`, `_${authors}_`, '', `+ ${line}`, ''];
    const keynote = [
      '### What Children Can Do and Machines Cannot (Yet)',
      '_Grace Hopper_',
      '',
      ...Array.from({ length: 12 }, (_, i) => `+ Point ${i + 1} of an hour on how children explore, imitate and build causal models of the world.`),
      '',
    ];
    const notes = [
      '## Tuesday (Conference)',
      '',
      ...keynote,
      ...paper('Deep Equilibrium Models', 'Shaojie Bai, Zico Kolter', 'One layer solved for its fixed point replaces a deep stack.'),
      ...paper('A Theory of Warmup', 'Ada Lovelace', 'Warmup preconditions the loss surface early in training.'),
      ...paper('Sparse Mixtures of Tiny Experts', 'Katherine Johnson, Dorothy Vaughan', 'Each token goes to two of a thousand tiny experts.'),
      ...paper('Gradient Flows Without Gradients', 'Alan Turing, Grace Hopper', 'Function evaluations estimate the flow field.'),
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    // The single-author paper, as short as the others, stays a paper.
    expect(entries.map((e) => e.title)).toEqual(['Deep Equilibrium Models', 'A Theory of Warmup', 'Sparse Mixtures of Tiny Experts', 'Gradient Flows Without Gradients']);
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 3, why: expect.stringMatching(/^a keynote or invited talk/) }));
  });

  it('keeps a single author\u2019s paper with a paragraph among one-line notes: a keynote fills pages', () => {
    const paper = (title: string, authors: string, line: string) => [`### ${title}`, `_${authors}_`, '', `+ ${line}`, ''];
    const notes = [
      '## Tuesday (Conference)',
      '',
      ...paper('A Theory of Warmup', 'Ada Lovelace', 'Warmup preconditions the loss surface early in training, so large learning rates stay stable; they prove it for linear nets and check it on ResNets, where a short warmup matches a long one.'),
      ...paper('Deep Equilibrium Models', 'Shaojie Bai, Zico Kolter', 'One fixed-point layer.'),
      ...paper('Sparse Mixtures of Tiny Experts', 'Katherine Johnson, Dorothy Vaughan', 'Tiny experts.'),
      ...paper('Gradient Flows Without Gradients', 'Alan Turing, Grace Hopper', 'Flows from evaluations.'),
    ].join('\n');
    expect(parseNotes(notes, 'notes.md').entries).toHaveLength(4);
  });

  it('reads a note that calls itself "this talk", or an experience report, as a talk when it names no paper', () => {
    const notes = [
      '## Spotlights',
      '',
      '### The Role of Causality for Interpretability',
      '',
      'Common cause: two related variables may share one cause. Honestly, this talk was too long.',
      '',
      '### Lessons Learned From Implementing a Tree Library',
      '',
      'Just use C++. Make the node small so that many fit in cache.',
      '',
      '### Causal Discovery With Kernel Tests',
      '',
      'The authors find the causal graph that minimises a kernel two-sample statistic. This talk was clear.',
      '',
      '### Deep Equilibrium Models',
      '',
      'This talk was clear: their model solves one layer for its fixed point instead of stacking many.',
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    // A paper's talk is "this talk" too; its note says what they or their model do.
    expect(entries.map((e) => e.title)).toEqual(['Causal Discovery With Kernel Tests', 'Deep Equilibrium Models']);
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 3, why: 'a talk (its note says "this talk", and names no paper), not a paper' }));
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 7, why: 'a talk (an experience report, no paper named), not a paper' }));
  });

  it('reads a heading under a tutorials session as a tutorial, however many give it, and a "... panel" as an event', () => {
    const notes = [
      '## Monday (Tutorials)',
      '',
      '### A Tutorial on Attention',
      '_Alex Smith, Ann Zhang_',
      '',
      '+ Attention pooling replaces averaging.',
      '',
      '## Tuesday',
      '',
      '### Disentangled representations panel',
      '',
      '"Vision is an inference problem."',
      '',
      '### Deep Equilibrium Models',
      '_Shaojie Bai, Zico Kolter, Vladlen Koltun_',
      '',
      '+ One layer solved for its fixed point replaces a deep stack.',
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['Deep Equilibrium Models']);
    expect(notPapers.map((n) => [n.line, n.why])).toEqual(
      expect.arrayContaining([
        [3, 'a tutorial (under "Monday (Tutorials)"), not a paper'],
        [10, 'heading: a talk or event, not a paper'],
      ]),
    );
  });
});

describe('events and leftovers of Markdown line breaks', () => {
  it('reads "Demonstrations" and "... Social" headings as events, not papers', () => {
    const { entries, notPapers } = parseNotes(
      '## Demonstrations\n\n803: a neural network visualizer.\n\n## ML 4 Space Social\n\nWed 07:00 -- 10:00 PM @ West 217\n\n## Deep Equilibrium Models\n\nOne layer solved for its fixed point replaces a deep stack.\n',
      'notes.md',
    );
    expect(entries.map((e) => e.title)).toEqual(['Deep Equilibrium Models']);
    expect(notPapers.filter((n) => n.why.startsWith('heading:')).map((n) => [n.text, n.why])).toEqual([
      ['Demonstrations', 'heading: a section that frames the papers'],
      ['ML 4 Space Social', 'heading: a talk or event, not a paper'],
    ]);
  });

  it('reads what is listed under "Demonstrations" or "Socials" as demos and events, however titled', () => {
    const notes = [
      '# Demonstrations',
      '',
      '**813: Real-Time Fluid Simulation with Mesh Convolutions**\\',
      'Ada Lovelace · Alan Turing',
      '',
      '# Socials',
      '',
      '[T-PRIME](https://example.org/tprime)\\',
      'Wed 07:00 -- 10:00 PM @ West 223',
      '',
      '# Orals',
      '',
      '[Deep Equilibrium Models](https://arxiv.org/abs/1909.01377)\\',
      'One layer solved for its fixed point replaces a deep stack.',
    ].join('\n');
    const { entries, notPapers } = parseNotes(notes, 'notes.md');
    expect(entries.map((e) => e.title)).toEqual(['Deep Equilibrium Models']);
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 3, why: 'under "Demonstrations": a demo or event, not a paper' }));
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 8, why: 'under "Socials": a demo or event, not a paper' }));
  });

  it('ends a sentence at a parenthesis whose URL was left out', () => {
    const [entry] = parseNotes('## Dual Distances for GANs\n\nThey rely on a duality (see this for the duality https://example.org/dual). Instead of points, they compare transformations.\n', 'notes.md').entries;
    expect(entry!.body).toContain('(see this for the duality). Instead');
  });

  it('leaves out a backslash that ended a link line before a blank line', () => {
    const [entry] = parseNotes('[Brain-Like Object Recognition with Shallow Recurrent ANNs](https://arxiv.org/abs/1909.06161)\\\n\nMost brain-like models stem from ImageNet classifiers and ResNets.\n', 'notes.md').entries;
    expect(answerOf(entry!)).toBe('Most brain-like models stem from ImageNet classifiers and ResNets.');
  });
});

describe('a study\'s aim, then its findings in a part of their own', () => {
  it('adds the first finding under "##### Results" to a back from the note\'s opening', () => {
    const note = [
      '### Floral biology, microclimate, and pollination by ectotherm bees', '',
      '- Interior temperature of flowers as a trait that draws ectotherm visitors.', '',
      '##### Methods', '',
      '- Measured air temperature inside and outside flowers at several sites.', '',
      '##### Results', '',
      '- Air inside the flowers was up to eight degrees warmer than outside on sunny days.',
      '- Bees spent more time in the warmer flowers.', '',
    ].join('\n');
    const back = backOf('paper_notes.md', note);
    expect(back).toMatch(/^Interior temperature of flowers as a trait that draws ectotherm visitors\./);
    expect(back).toContain('Air inside the flowers was up to eight degrees warmer than outside on sunny days.');
  });

  it('answers with the aim the note opens on and the first finding under "## Findings"', () => {
    const note = [
      '# Proxy tasks can mislead in evaluating explainable AI', '',
      '## What', '',
      'This paper conducted two studies to examine whether proxy tasks predict how people use explanations.', '',
      '## Why', '',
      'Most evaluations of explanations ask people to simulate the model, not to decide with it.', '',
      '## Findings', '',
      'People trusted example-based explanations on the proxy task but ingredient lists on the real one.', '',
      '## Where', '',
    ].join('\n');
    expect(backOf('proxy.md', note)).toBe(
      'This paper conducted two studies to examine whether proxy tasks predict how people use explanations. People trusted example-based explanations on the proxy task but ingredient lists on the real one.',
    );
    // (A lead that says what the paper found is the answer alone.)
    expect(backOf('proxy.md', note.replace('This paper conducted two studies to examine whether', 'This paper shows that'))).toMatch(/^This paper shows that proxy tasks predict how people use explanations\.$/);
  });
});

describe('parts around the paper: history, related and future work, later updates', () => {
  it('answers from what the paper does, not from the history, the future work or an update about later work', () => {
    const notes = [
      '## Masked Pre-training for Code',
      '',
      '+ History of code models',
      '  - Train an LSTM language model on source files, then fine-tune it on each task.',
      '+ Code models read source files left to right.',
      '+ Solution: mask a fifth of the tokens of each file and predict them from both sides.',
      '+ Future work',
      '  - Use the same masking on compiled binaries to find vulnerabilities.',
      '',
      'Updated (May 2031): a later paper trains the same model on ten times more code, which substantially improves every result.',
    ].join('\n');
    const [entry] = parseNotes(notes, 'notes.md').entries;
    expect(answerOf(entry!)).toBe('Code models read source files left to right. Mask a fifth of the tokens of each file and predict them from both sides.');
    expect(entry!.context).toMatch(/^Train an LSTM language model/);
    expect(entry!.context).toMatch(/binaries[^]*a later paper/);
  });

  it('answers from them when the note says nothing else', () => {
    const [entry] = parseNotes('## Pointer Networks for Code\n\n#### Related work\n\nEarlier models copy tokens from the input with an attention pointer.\n', 'notes.md').entries;
    expect(answerOf(entry!)).toBe('Earlier models copy tokens from the input with an attention pointer.');
  });
});

describe('a method labelled as such', () => {
  it('answers with the "Approach:" line, whatever else joins it', () => {
    const [entry] = parseNotes(
      '## Attentive Scene Representations\n\n- Scene representation networks are a way to encode a whole scene.\n- Approach: add attention over the context views to the query network.\n',
      'notes.md',
    ).entries;
    expect(answerOf(entry!)).toContain('Add attention over the context views to the query network.');
  });
});

describe('notes pasted from PDFs and exported from Notion', () => {
  it('joins a word cut at a line end of the PDF, and keeps hyphens meant as such', () => {
    const note = '# Compositional Games\n\nDevelop a systematically composi- tional language through refer- ential games, with a model- based agent, self- attention and long- and short-term memory.\n';
    const [paper] = inspectNotes([{ file: 'games.md', bytes: Buffer.from(note) }]).papers as { answer: string }[];
    // The piece after the dash is the end of a word ("-tional", "-ential"): joined; a word of
    // its own after a dash ("self- attention", "long- and") stays as typed.
    expect(paper!.answer).toBe('Develop a systematically compositional language through referential games, with a model-based agent, self- attention and long- and short-term memory.');
  });

  it('joins a word cut after its first syllable, and leaves a short word before a dash as typed', () => {
    const note = '# Paragraph Ranking\n\nWe pro- pose a ranker that drops ir- relevant para- graphs before the reader sees them; the idea- replace the retriever\'s order.\n';
    const [paper] = inspectNotes([{ file: 'ranking.md', bytes: Buffer.from(note) }]).papers as { answer: string }[];
    expect(paper!.answer).toBe("We propose a ranker that drops irrelevant paragraphs before the reader sees them; the idea- replace the retriever's order.");
  });

  it('reads an Obsidian note: front matter title, [[wikilinks]] as their words, embeds and "Read next" left out', () => {
    const note = [
      '---', 'title: "Sparse Attention Heads Prune Themselves"', 'tags: [attention]', '---', '',
      '[[lee2019.pdf|Link to PDF]]', '',
      '# Key ideas', '',
      '- Gates on each head close during training, and [[structured pruning|pruning]] removes the heads whose gate closed. ![[figure2.png]]', '',
      '# Read next', '- [[Lottery Tickets]]', '',
    ].join('\n');
    const report = inspectNotes([{ file: 'Sparse Heads.md', bytes: Buffer.from(note) }]);
    expect(report.papers.map((p) => [p.title, 'answer' in p ? p.answer : p.skip])).toEqual([
      ['Sparse Attention Heads Prune Themselves', 'Gates on each head close during training, and pruning removes the heads whose gate closed.'],
    ]);
  });

  it('sets aside an Obsidian map of content that links to the notes by [[name]]', () => {
    const note = (idea: string) => Buffer.from(`# Key ideas\n\n- ${idea}\n`);
    const report = inspectNotes([
      { file: 'Attention MOC.md', bytes: Buffer.from('# Attention papers\n\n- [[Sparse Heads]]: heads that prune themselves\n- [[Linear Attention|linear attention]]: kernels instead of softmax\n- [[Ring Attention]]\n') },
      { file: 'papers/Linear Attention.md', bytes: note('Replaces the softmax with a kernel feature map so attention costs linear time in the length.') },
      { file: 'papers/Ring Attention.md', bytes: note('Splits a long sequence over devices in a ring and passes key-value blocks around it.') },
      { file: 'papers/Sparse Heads.md', bytes: note('Gates on each head close during training, and the heads whose gate closed are removed.') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Linear Attention', 'Ring Attention', 'Sparse Heads']);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ file: 'Attention MOC.md', why: 'an index of the other notes in this folder (it links to 3 of them), read where they are' }));
  });

  it('reads a labelled field whose text is wrapped over the lines after its label as one field', () => {
    const notes = [
      '### Sparse Probes for Syntax',
      '**Abstract**: Probing classifiers are widely used to ask what a network',
      'represents. We propose sparse probes, which select a handful of neurons',
      'and predict syntax from them alone, and find that ten neurons suffice.',
      '',
      '**My comments**: a neat trick, though I am not',
      'convinced the probes are fair to larger models at all.',
      '',
    ].join('\n');
    const [entry] = read('conference.md', notes).entries;
    // The abstract's wrapped lines are the abstract: its contribution sentence is the answer, not
    // the label line cut at its wrap; the comment's second line is the note-taker's too.
    expect(answerOf(entry!)).toMatch(/We propose sparse probes, which select a handful of neurons and predict syntax from them alone, and find that ten neurons suffice\.$/);
    expect(entry!.body).not.toMatch(/convinced/);
    expect(entry!.own).toMatch(/convinced the probes/);
  });

  it('titles a page of a Notion export by its name, without the id Notion appends', () => {
    const report = inspectNotes([
      { file: 'Papers/MAVEN Multi-Agent Variational Exploration 5e239e3fb7484c9faa500ac13330765e.md', bytes: Buffer.from('Conditions each agent\u2019s value function on a shared latent variable to explore in a committed way.\n') },
      { file: 'Papers/Other-Play for Zero-Shot Coordination a7639b675b634c0d93d0e7f3ff34e908.md', bytes: Buffer.from('Trains agents to be robust to partners that break symmetries in other ways.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['MAVEN Multi-Agent Variational Exploration', 'Other-Play for Zero-Shot Coordination']);
  });
});

describe('notes the reading rules must leave as they are', () => {
  const read1 = (text: string, file = 'notes.md') => inspectNotes([{ file, bytes: Buffer.from(text) }]);
  const cards = (report: ReturnType<typeof read1>) => report.papers.map((p) => [p.title, 'answer' in p ? p.answer : `SKIP ${p.skip}`]);

  it('reads "**Title:** summary" items as papers, and a single bold line as the note it is', () => {
    expect(cards(read1('# Week 3\n- **Attention Is All You Need:** replaces recurrence with self-attention, so it trains in parallel.\n- **Batch Normalization:** normalizes activations per mini-batch, so higher learning rates work.\n'))).toEqual([
      ['Attention Is All You Need', 'Replaces recurrence with self-attention, so it trains in parallel.'],
      ['Batch Normalization', 'Normalizes activations per mini-batch, so higher learning rates work.'],
    ]);
    expect(cards(read1('## Attention Is All You Need\n\n**Replaces recurrence with self-attention for translation**\n\n## Batch Normalization\n\n**Normalizes activations over each mini-batch so deep networks train faster**\n\nIt also acts as a regularizer, so dropout can often be left out.\n'))).toEqual([
      ['Attention Is All You Need', 'Replaces recurrence with self-attention for translation.'],
      ['Batch Normalization', 'Normalizes activations over each mini-batch so deep networks train faster.'],
    ]);
  });

  it('keeps a method named before a year or a subtitle between dashes in the title', () => {
    expect(cards(read1('## Adam (2015): A Method for Stochastic Optimization\n\nGives each parameter its own step size from moment estimates.\n\n## AlphaGo - Mastering Go - 2016\n\nCombines tree search with networks trained by self-play.\n')).map(([title]) => title)).toEqual([
      'Adam (2015): A Method for Stochastic Optimization',
      'AlphaGo - Mastering Go',
    ]);
  });

  it('reads "Related papers:" over items with notes as papers, and a note set off by rules as note', () => {
    expect(cards(read1('# Diffusion\n\nRelated papers:\n\n- [DDPM](https://arxiv.org/abs/2006.11239) - predicts the noise added at each step.\n- [DDIM](https://arxiv.org/abs/2010.02502) - samples in fewer steps without a Markov chain.\n'))).toEqual([
      ['DDPM', 'Predicts the noise added at each step.'],
      ['DDIM', 'Samples in fewer steps without a Markov chain.'],
    ]);
    expect(cards(read1('## Attention Is All You Need\n\nSome notes first.\n\n---\nSummary: attention replaces recurrence in translation\n- trains in 3.5 days\n---\n'))[0]![1]).toMatch(/^Attention replaces recurrence in translation/);
  });

  it('keeps "The next paper I read ..." in the note, and a note starting with a URL starts with its words', () => {
    const text = '**[Sparse Routers](https://arxiv.org/abs/2101.00001)** Ann Lee, Bo Chen\n\nRoutes each token to one expert chosen by a learned gate.\n\nThe next paper I read disagreed with this, arguing for two experts.\n\n**[Dense Routers](https://arxiv.org/abs/2101.00002)** Cy Diaz, Di Eng\n\nhttps://github.com/example/dense Sends each token to every expert with learned weights.\n';
    expect(cards(read1(text))).toEqual([
      ['Sparse Routers', 'Routes each token to one expert chosen by a learned gate.'],
      ['Dense Routers', 'Sends each token to every expert with learned weights.'],
    ]);
  });

  it('keeps a paper whose Related work tabulates other papers, and an Obsidian note that cites notes in its sentences', () => {
    const related = '## Attention Is All You Need\n\nReplaces recurrence with attention alone, so training runs in parallel.\n\n### Related work\n\n| Paper | Idea |\n|---|---|\n| Seq2seq | encoder and decoder RNNs |\n| Bahdanau | additive attention |\n';
    expect(cards(read1(related))).toEqual([['Attention Is All You Need', 'Replaces recurrence with attention alone, so training runs in parallel.']]);
    const note = (text: string) => Buffer.from(`# Key ideas\n\n- ${text}\n`);
    const vault = inspectNotes([
      { file: 'Attention.md', bytes: note('Builds on [[Seq2seq]] and [[Bahdanau]] attention, and [[Layer Norm]] keeps it stable.') },
      { file: 'Bahdanau.md', bytes: note('Scores each source word with a small network before decoding each target word.') },
      { file: 'Layer Norm.md', bytes: note('Normalizes over a layer\u2019s units instead of over the batch.') },
      { file: 'Seq2seq.md', bytes: note('Encodes the source into a vector and decodes the target from it.') },
    ]);
    expect(vault.papers.map((p) => p.file)).toEqual(['Attention.md', 'Bahdanau.md', 'Layer Norm.md', 'Seq2seq.md']);
  });

  it('reads a paper note named after templates, and an Org heading that is a citation', () => {
    const report = inspectNotes([
      { file: 'deformable-templates.md', bytes: Buffer.from('# Object Matching Using Deformable Templates\n\nMatches shapes by deforming a template under a prior on its deformations.\n') },
      { file: 'other.md', bytes: Buffer.from('# Snakes: Active Contour Models\n\nAn energy-minimizing spline is pulled toward image edges.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Object Matching Using Deformable Templates', 'Snakes: Active Contour Models']);
    expect(cards(read1('* Reading\n** [[cite:vaswani2017][Vaswani et al. 2017: Attention Is All You Need]]\nReplaces recurrence with attention alone, so training runs in parallel.\n', 'papers.org'))).toEqual([
      ['Attention Is All You Need', 'Replaces recurrence with attention alone, so training runs in parallel.'],
    ]);
  });
});

describe('blog posts and Pandoc notes', () => {
  it('reads Hugo\'s TOML front matter, <a> links after a heading\'s title, and leaves Pandoc citations out', () => {
    const post = [
      '+++', 'title = "Notes from a workshop"', '# Tags: comma separated', 'tags = ["nlp"]', '+++', '',
      '## Reading comprehension', '',
      '#### Answering with Evidence Chains. Ann Lee, Bo Chen <a class="btn" href="https://example.org/a.pdf">Paper</a>', '',
      'They train a reader to pick the sentences that support an answer before answering [@lee2018; @chen2019].', '',
      '#### Sparse Retrieval Revisited. Cy Diaz <a href="https://example.org/b.pdf">Paper</a>', '',
      'A term-weighting model beats dense retrieval on long documents [see @diaz2018, p. 3].', '',
    ].join('\n');
    const report = inspectNotes([{ file: 'post.md', bytes: Buffer.from(post) }]);
    expect(report.papers.map((p) => [p.title, (p as { answer: string }).answer])).toEqual([
      ['Answering with Evidence Chains', 'They train a reader to pick the sentences that support an answer before answering.'],
      ['Sparse Retrieval Revisited', 'A term-weighting model beats dense retrieval on long documents.'],
    ]);
    expect(report.notPapers.map((n) => n.why)).toEqual(['front matter: read for the title, not a paper']);
  });

  it('reads bold lines and titled items after a paper heading\'s own note as its parts, not papers', () => {
    const notes = [
      '# Gated Skip Networks', '[@ito2019gated]', '',
      'The paper shows why gradients vanish in deep recurrent stacks and adds a learned gate that lets each layer pass its input on.', '',
      '**Initialising the gates** as suggested in [@ono2015], the gates start closed so that early training behaves like a plain network.', '',
      '**Long range tasks**', 'Copying and adding problems up to 1,000 steps.', '',
      '# Reading When It Pays', '',
      '- A small bag-of-words model answers first', '- A large model answers when the small one is unsure', '',
      '1. **Confidence rule**: use the large model when the small one\'s top probability is under a threshold.',
      '2. **Learned rule**: a classifier predicts when the small model is wrong.', '',
      '# Some posters I liked', '',
      '**Sparse Attention at Scale** Ann Lee, Bo Chen', 'Attends to a learned subset of keys.', '',
      '**Retrieval for Code** Cy Diaz', 'Retrieves functions by their tests.', '',
    ].join('\n');
    const { entries, notPapers } = read('references.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Gated Skip Networks', 'Reading When It Pays', 'Sparse Attention at Scale', 'Retrieval for Code']);
    expect(answerOf(entries[0]!)).toMatch(/^The paper shows why gradients vanish/);
    expect(notPapers.map((n) => n.text)).not.toContain('Initialising the gates');
  });

  it('reads keynotes, invited speakers and announcements named as such as no paper, whatever their numbering', () => {
    const notes = [
      '## Day 1', '',
      '### Keynote II: "Why Benchmarks Age" Ada Byron (Analytical Engines)', '', 'Ada talked about how test sets leak into training data over the years.', '',
      '### Grace Hopper: Invited speaker', '', 'Grace talked about compilers for probabilistic programs.', '',
      '### Announcement from the workshop organisers', '', 'They introduced the plans for next year\'s shared task.', '',
      '### Sparse Mixtures of Tiny Experts', '', 'They route each token to two of a thousand very small experts.', '',
    ].join('\n');
    const { entries, notPapers } = read('day.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Sparse Mixtures of Tiny Experts']);
    expect(notPapers.filter((n) => n.why === 'heading: a talk or event, not a paper').map((n) => n.line)).toEqual([3, 7, 11]);
  });

  it("reads a sub-folder's README that says what its notes are about as no paper", () => {
    const paper = '## [Sparse Mixtures of Tiny Experts](https://arxiv.org/abs/2101.00001)\n\nThey route each token to two of a thousand very small experts.\n';
    const report = inspectNotes([
      { file: 'routing/README.md', bytes: Buffer.from('## Routing\n\nHere lie my notes for papers related to routing tokens among experts.\n') },
      { file: 'routing/tiny-experts.md', bytes: Buffer.from(paper) },
      { file: 'attention/README.md', bytes: Buffer.from('# Attention Is Not Explanation\n\nThey show that attention weights often disagree with gradient-based importance, so they cannot be read as explanations.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Sparse Mixtures of Tiny Experts', 'Attention Is Not Explanation']);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ file: 'routing/README.md', text: 'Routing', why: "the folder's README: about the notes, not a paper" }));
  });

  it("reads the deck folder's own index that says what the notes are, 'This is a personal wiki ...', as no paper", () => {
    const report = inspectNotes([
      { file: 'index.org', bytes: Buffer.from('#+TITLE: Crypto-Wiki\n\nThis is a personal wiki with several cryptography resources, which helps me remember what I read.\n') },
      { file: '2019.org', bytes: Buffer.from('* Synchronous, with a Chance of Partition Tolerance\nHow to build MPC in a network where some parties may go offline at each round.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Synchronous, with a Chance of Partition Tolerance']);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ file: 'index.org', why: "the folder's README: about the notes, not a paper" }));
  });

  it('reads list items that give the summary first and end with the paper\'s title as a link', () => {
    const { entries, notPapers } = read('trailing-links.md');
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Generative models', 'Latent Diffusion Made Cheap', 5],
      ['Generative models', 'Why Flows Fail on Images', 6],
      ['Optimisation', 'Warmup Is Preconditioning', 11],
      ['Optimisation', 'Cheap Curvature for Adam', 13],
    ]);
    expect(answerOf(entries[1]!)).toBe('They show that normalising flows fail on natural images because the likelihood rewards local texture over global shape.');
    expect(answerOf(entries[3]!)).toBe('A second-order optimiser whose curvature estimate costs one extra backward pass.');
    expect(notPapers.map((n) => [n.line, n.why])).toContainEqual([7, 'a list item with no title, among papers']);
  });

  it('reads a file of one bullet per paper, each linking its paper inside or after its summary', () => {
    const { entries, notPapers } = read('linked-summaries.md');
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Optimisation', 'Rectified Steps for Adaptive Optimisers', 7],
      ['Optimisation', 'Large Batches in One Hour', 8],
      ['Generative models', 'Realness as a Distribution', 13],
      ['Generative models', 'SmoothCert', 14],
      ['Robustness', 'Single Steps Suffice for Robustness', 18],
    ]);
    // The title after the summary is no word of it, nor is its "See" or the aside after it.
    expect(answerOf(entries[1]!)).toBe('Layer-wise adaptive moments train a large language model with huge batches in an hour without losing accuracy.');
    expect(answerOf(entries[2]!)).toBe('A discriminator that outputs a distribution over realness instead of one number makes training stable at high resolution.');
    // A link inside the sentence is a word of it.
    expect(answerOf(entries[3]!)).toMatch(/; SmoothCert makes the certified radius itself the training objective\.$/);
    expect(notPapers.map((n) => [n.line, n.why])).toContainEqual([9, 'a paper linked as "paper", with no title for a card\'s front']);
  });

  it('reads a paper whose bullets mostly cite other papers as that one paper', () => {
    const { entries } = read('cites-in-most-bullets.md');
    expect(entries.map((e) => e.title)).toEqual(['Deep Pyramid Residual Networks']);
    // Under a paper's heading, or its Background, in a file of papers: the works its bullets cite are no papers.
    const conference = read('papers-citing-in-bullets.md').entries;
    expect(conference.map((e) => e.title)).toEqual([
      'Once-for-All: Train One Network and Specialize it for Efficient Deployment',
      'Reformer: The Efficient Transformer',
      'Graph Attention Networks',
    ]);
  });

  it('takes how a paper was presented or honoured, and authors listed straight after it, off its title', () => {
    const { entries } = read('presented-as.md');
    expect(entries.map((e) => e.title)).toEqual([
      'Neural Ordinary Differential Equations',
      'Sparse Mixtures of Tiny Experts',
      'Gradient Flows Without Gradients',
      'Learning Rate Warmup Is Preconditioning',
      'Reading Tables with Sparse Attention',
      'Attention Over Rows and Columns, Again',
    ]);
  });

  it('reads an Org to-do that says what to do as no paper, and a to-do named by a title as one', () => {
    const { entries, notPapers } = read('todo.org');
    expect(entries.map((e) => e.title)).toEqual(['Attention Is All You Need', 'Sparse Mixtures of Tiny Experts']);
    expect(notPapers.map((n) => [n.line, n.why])).toEqual([
      [4, 'heading: a to-do item, not a paper'],
      [5, 'heading: a to-do item, not a paper'],
    ]);
  });

  it('reads the notes of a tutorial, invited talk or lecture, named so by their file or folder, as no paper', () => {
    const paper = '## Sparse Mixtures of Tiny Experts\n\nThey route each token to two of a thousand very small experts.\n';
    const tutorial = '# Adversarial Robustness\n\nThe tutorial went through attacks, certified defences and adversarial training.\n';
    const report = inspectNotes([
      { file: 'day1/talks.md', bytes: Buffer.from(paper) },
      { file: 'day1/Tutorial - Robustness.md', bytes: Buffer.from(tutorial) },
      { file: 'invited_talks/lecun.md', bytes: Buffer.from(tutorial) },
      { file: 'levine_lecture_model_based_rl.md', bytes: Buffer.from(tutorial) },
      { file: 'lecture-notes-on-optimization.md', bytes: Buffer.from(tutorial) },
      { file: 'electure_networks.md', bytes: Buffer.from(paper) },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Sparse Mixtures of Tiny Experts', 'Sparse Mixtures of Tiny Experts']);
    expect(report.notPapers.filter((n) => n.why.startsWith('a tutorial or talk')).map((n) => n.file)).toEqual([
      'day1/Tutorial - Robustness.md', 'invited_talks/lecun.md', 'levine_lecture_model_based_rl.md', 'lecture-notes-on-optimization.md',
    ]);
  });

  it('reads headings that link papers, two levels under a titled heading, as papers and the headings above as groups', () => {
    const { entries } = read('nested-linked-headings.md');
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['Imitation Learning', 'Generative Adversarial Nets (GAN)'],
      ['Imitation Learning', 'Generative Adversarial Imitation Learning (GAIL)'],
      ['Planning', 'Value Iteration Networks (VIN)'],
    ]);
  });

  it("reads a file's one title over a note's part and unlinked headings as one paper with its sections", () => {
    const { entries, notPapers } = read('one-title-with-sections.md');
    expect(entries.map((e) => [e.title, e.line])).toEqual([['LEARNING TO READ TABLES ROW BY ROW', 1]]);
    expect(answerOf(entries[0]!)).toContain('The model reads one row at a time and keeps a memory of the rows read so far.');
    expect(notPapers).toEqual([]);
  });

  it('titles a one-paper file by its plain first line when it reads as a title or names its authors', () => {
    const file = (name: string, text: string) => ({ file: name, bytes: Buffer.from(text) });
    const report = inspectNotes([
      file('re-active.md', 'Re-active Learning (C. Lin, et al)\n\nThey learn when relabelling an example helps more than labelling a new one.\n'),
      file('symmetry.md', 'How Important is Weight Symmetry in Backprop? Liao et al\n\nThey train networks whose feedback weights share only the signs of the forward weights.\n'),
      file('checking.md', 'Global Model Checking of Pushdown Systems\n\nThey check every state of an infinite-state system at once with automata.\n'),
      file('sentence-first.md', 'analyse error bounds for deep networks of any depth\n\nThe bounds grow with depth for fully connected networks.\n'),
      file('authors-first.md', 'Lee, Chen\n\nThey route each token to two of a thousand very small experts.\n'),
    ]);
    expect(report.papers.map((p) => [p.file, p.title]).sort()).toEqual([
      ['authors-first.md', 'Authors first'],
      ['checking.md', 'Global Model Checking of Pushdown Systems'],
      ['re-active.md', 'Re-active Learning'],
      ['sentence-first.md', 'Sentence first'],
      ['symmetry.md', 'How Important is Weight Symmetry in Backprop?'],
    ]);
  });

  it('keeps a one-paper file opening with a plain title line among notes that open with a link', () => {
    const linked = (n: number) => ({ file: `linked-${n}.md`, bytes: Buffer.from(`# [Sparse Experts ${n}](https://arxiv.org/abs/2101.0000${n})\n\nThey route each token to a few small experts.\n`) });
    const report = inspectNotes([
      linked(1),
      linked(2),
      linked(3),
      { file: 're-active.md', bytes: Buffer.from('Re-active Learning (C. Lin, et al)\n\nThey learn when relabelling an example helps more than labelling a new one.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toContain('Re-active Learning');
  });

});

describe('a workshop heading over its papers', () => {
  it('reads a heading that names a workshop as the group of the papers under it', () => {
    const notes = [
      '# Machine Learning for Molecules and Materials Workshop',
      '',
      '## Boltzmann Generators',
      '',
      'They train an invertible network that maps the Boltzmann distribution to a Gaussian, so samples are drawn independently and reweighted.',
      '',
      '## Tensor Field Networks',
      '',
      'Networks that are equivariant to 3D rotations, translations and permutations of points, built from spherical harmonics filters.',
      '',
    ].join('\n');
    const { entries } = read('workshop.md', notes);
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['Machine Learning for Molecules and Materials Workshop', 'Boltzmann Generators'],
      ['Machine Learning for Molecules and Materials Workshop', 'Tensor Field Networks'],
    ]);
    for (const workshop of ['ICML 2019 Workshop on Invertible Neural Networks and Normalizing Flows', 'ICML 2019 Workshop: Invertible Networks', 'Invertible networks workshop @ ICML']) {
      expect(read('workshop.md', notes.replace('Machine Learning for Molecules and Materials Workshop', workshop)).entries).toHaveLength(2);
    }
    // A paper's title may end in the workshop it was shown at.
    const shownAt = '## Seeded Self-Play for Language Learning (LANTERN workshop)\n\nAgents learn a language by self-play seeded with a few human examples.\n';
    expect(read('emnlp.md', shownAt).entries.map((e) => e.title)).toHaveLength(1);
  });
});

describe('where to find a paper, its code or its recording', () => {
  it('is no answer, however the note says it', () => {
    const notes = [
      '## Neural Ordinary Differential Equations', '', 'The paper is [here](https://arxiv.org/abs/1806.07366).', '',
      '## k-Means Clustering with Guarantees', '', 'The R package can be downloaded from [CRAN](https://cran.r-project.org/package=foo).', '',
      '## Stochastic Gradient Descent Revisited', '', 'Recording can be found around 13min [here](https://www.youtube.com/watch?v=abc).', '',
      '### Key Contributions', '', '- Showed that stochastic gradient descent converges for non-smooth convex objectives with a simple averaging of iterates.', '',
    ].join('\n');
    const answers = read('talks.md', notes).entries.map(answerOf);
    expect(answers.slice(0, 2)).toEqual(['SKIP only links (nothing about the paper)', 'SKIP only links (nothing about the paper)']);
    expect(answers[2]).toBe('Showed that stochastic gradient descent converges for non-smooth convex objectives with a simple averaging of iterates.');
    const implementation = read('resnet.md', '# Deep Residual Learning\n\nResidual blocks learn a residual added to an identity shortcut, so very deep networks train. A PyTorch implementation can be found on [GitHub](https://github.com/x/y).\n').entries[0]!;
    expect(answerOf(implementation)).toBe('Residual blocks learn a residual added to an identity shortcut, so very deep networks train.');
  });

  it('leaves out a pointer to another work or to where the paper is used: "Also see", "See under", "Used in"', () => {
    const notes = [
      '- [Score-Based Generative Modeling through SDEs](https://arxiv.org/abs/2011.13456)',
      '  - Unifies score matching and diffusion as the reverse of a stochastic differential equation.',
      '  - Also see [Noise Conditional Score Networks](https://arxiv.org/abs/1907.05600), the earlier discrete version.',
      '- [Domain Adaptive Text Style Transfer](https://aclanthology.org/D19-1325.pdf)',
      '  - See under [Style transfer](#style-transfer).',
      '- [Deep Sets](https://arxiv.org/abs/1703.06114)',
      '  - See how sum pooling makes any network permutation invariant: it is all the paper needs.',
      '- [Mixture Density Networks](https://example.org/mdn.pdf)',
      '  - Used in World Models. Many implementations (Keras, PyTorch, Tensorflow).',
      '- [Generative Temporal Models with Spatial Memory](https://arxiv.org/abs/1804.09401)',
      '  - A forward model in latent space with an external memory predicts a hundred steps ahead in a 3D maze.',
      '  - Nothing found online on this work but tweets.',
    ].join('\n');
    expect(read('list.md', notes).entries.map(answerOf)).toEqual([
      'Unifies score matching and diffusion as the reverse of a stochastic differential equation.',
      'SKIP only links (nothing about the paper)',
      'See how sum pooling makes any network permutation invariant: it is all the paper needs.',
      'SKIP only links (nothing about the paper)',
      'A forward model in latent space with an external memory predicts a hundred steps ahead in a 3D maze.',
    ]);
  });
});

describe('a "Key ideas" list of points', () => {
  const file = (name: string, text: string) => ({ file: name, bytes: Buffer.from(text) });
  const report = inspectNotes([
    file('bn.md', '# [Batch Normalization](https://arxiv.org/abs/1502.03167)\n\n## Key ideas\n\n- Training deep networks is slow because the inputs of each layer shift as earlier layers change.\n- Current methods need low learning rates and careful initialization.\n- Normalizing each layer\'s inputs over the mini-batch, with a learned scale and shift, lets networks train with much higher learning rates.\n'),
    file('attention.md', '# Attention Is All You Need\n\n## Key ideas\n\n- Recurrent models process tokens one after another, which prevents parallelism within a sequence.\n- The Transformer relies entirely on self-attention to draw global dependencies between input and output.\n'),
    file('resnet.md', '#[Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)\n\n## Key idea: identity shortcuts\n\n- Each block learns a residual added to its input through an identity shortcut, so 152-layer networks train.\n\n## Bottleneck blocks for deeper models\n\n- 1x1 convolutions reduce and restore the width around the 3x3 convolution.\n\n## ImageNet and CIFAR experiments\n\n- Won ILSVRC 2015 with an ensemble.\n'),
    file('dropout.md', '# Dropout\n\n## Key idea\n\nRandomly dropping units during training keeps them from co-adapting.\n\n## Method\n\nThe paper proposes to scale the weights at test time.\n'),
  ]);
  const answers = Object.fromEntries(report.papers.map((p) => [p.file, 'answer' in p ? p.answer : `SKIP ${p.skip}`]));

  it('answers with the point that says what the paper does, not the first point when it is background', () => {
    expect(answers['bn.md']).toBe("Normalizing each layer's inputs over the mini-batch, with a learned scale and shift, lets networks train with much higher learning rates.");
    expect(answers['attention.md']).toBe('The Transformer relies entirely on self-attention to draw global dependencies between input and output.');
  });

  it('reads "Key idea: <topic>" as a part of the note, and a "Key idea" paragraph as the answer', () => {
    expect(report.papers.map((p) => p.file).sort()).toEqual(['attention.md', 'bn.md', 'dropout.md', 'resnet.md']);
    expect(answers['resnet.md']).toBe('Each block learns a residual added to its input through an identity shortcut, so 152-layer networks train.');
    expect(answers['dropout.md']).toBe('Randomly dropping units during training keeps them from co-adapting.');
  });
});

describe('a reading list in a folder of notes', () => {
  it('reads a file titled "Reading List" over its checklist as no paper, and says why', () => {
    const list = ['---', 'title: Reading List', '---', '', ...['Leamer1973', 'Friedman1962', 'Varian2014', 'BaiLi2016', 'YangShumway2015'].map((key) => `* [ ]  **${key}**: (Economics and Econometrics) https://dx.doi.org/10.2307/${key}`)].join('\n');
    const report = inspectNotes([
      { file: 'reading_list.md', bytes: Buffer.from(list) },
      { file: 'Leamer2010.md', bytes: Buffer.from('# Tantalus on the Road to Asymptopia\n\nSensitivity analysis is needed because inferences hinge on assumptions no one can check.\n') },
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['Leamer2010.md']);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ file: 'reading_list.md', text: 'Reading List', why: "a list of 5 items under a title that names no paper: no paper's note" }));
  });
});

describe('a note named for its kind, not its paper', () => {
  it('reads "article.md" with no title inside, beside paper notes, as no paper, and says why', () => {
    const report = inspectNotes([
      { file: 'notes/article/article.md', bytes: Buffer.from('Deep learning is eating research. Some goals are idea-driven, others goal-driven.\n') },
      { file: 'notes/weisz_iui2022/weisz_iui2022.md', bytes: Buffer.from('# Better Together? AI-Supported Code Translation\n\nProgrammers with AI translations produced better code than either alone.\n') },
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['notes/weisz_iui2022/weisz_iui2022.md']);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ file: 'notes/article/article.md', why: 'a note named "article", with no title of its own: no paper\'s' }));
  });
});

describe('headings written without the space after their marks', () => {
  it('reads "####Notes" as a part of the note, never as text of its back', () => {
    const note = [
      '---', 'title: "Large Bayesian vector auto regressions"', '---', '',
      '####Notes', '',
      'Vector auto regression with bayesian shrinkage can be an excellent tool for large dynamic models.', '',
      '#####Potential Pitfalls', '',
      '- The shrinkage must be set by the cross-sectional dimension.', '',
    ].join('\n');
    const back = backOf('BanburaGiannoneReichlin2009.md', note);
    expect(back).toMatch(/^Vector auto regression with bayesian shrinkage can be an excellent tool for large dynamic models\./);
    expect(back).not.toMatch(/#|Notes|Pitfalls/);
  });
});

describe('one-paper notes titled only by their file names', () => {
  it('titles one such note on its own by its name when the name reads as a title', () => {
    const note = 'Summary:\n\nUses supervised learning to predict future measurements for each action, and acts towards a goal set in those measurements.\n';
    expect(read('learning_to_act_by_predicting_the_future.md', note).entries.map((e) => e.title)).toEqual(['Learning to act by predicting the future']);
    expect(read('my-reading-notes.md', note).entries).toEqual([]);
    expect(read('notes.md', note).entries).toEqual([]);
  });

  it('spells a name in the title as the note writes it', () => {
    const report = inspectNotes([
      { file: 'simclr.md', bytes: Buffer.from('#paper\n\nLearns representations from two augmented views with a contrastive loss; SimCLR needs big batches.\n') },
      { file: 'deep-mpc.md', bytes: Buffer.from('Learns the cost of a model-predictive controller (MPC) end to end with a deep network.\n') },
      { file: 'lottery-ticket-hypothesis.md', bytes: Buffer.from('Sparse subnetworks reset to their initial weights train to full accuracy on their own.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['SimCLR', 'Deep MPC', 'Lottery ticket hypothesis']);
  });
});

describe('a linked title alone in its bullet, its summary the paragraph after it', () => {
  const notes = [
    '# Papers I liked',
    '',
    '- [Neural Ordinary Differential Equations](https://arxiv.org/abs/1806.07366)',
    '',
    'Replaces a stack of residual layers with an ODE solver over a learned vector field, so depth becomes continuous.',
    '',
    '- [Deep Equilibrium Models](https://arxiv.org/abs/1909.01377)',
    '',
    'Finds the fixed point of one weight-tied layer with a root solver instead of stacking layers.',
    '',
  ].join('\n');

  it('reads each bullet as a paper and the paragraph under it as its note, the heading as no paper', () => {
    const { entries } = read('liked.md', notes);
    expect(entries.map((e) => [e.line, e.title, answerOf(e)])).toEqual([
      [3, 'Neural Ordinary Differential Equations', 'Replaces a stack of residual layers with an ODE solver over a learned vector field, so depth becomes continuous.'],
      [7, 'Deep Equilibrium Models', 'Finds the fixed point of one weight-tied layer with a root solver instead of stacking layers.'],
    ]);
  });

  it('keeps one such bullet in a note as a link the note-taker set apart', () => {
    const one = '# Deep Equilibrium Models\n\n- [Code](https://github.com/x/deq)\n\nFinds the fixed point of one weight-tied layer with a root solver instead of stacking layers.\n';
    expect(read('deq.md', one).entries.map((e) => e.title)).toEqual(['Deep Equilibrium Models']);
  });
});

describe("a paper's folder with its note continued in another file", () => {
  it('reads the continuation as no paper of its own, and one-paper notes linking each other as papers', () => {
    const file = (name: string, text: string) => ({ file: name, bytes: Buffer.from(text) });
    const report = inspectNotes([
      file('summaries/clr/index.md', '# Cyclical Learning Rates for Training Neural Networks\n\n## What & Why\n\nThe learning rate cycles between two bounds instead of decaying. See [details](details.md).\n'),
      file('summaries/clr/details.md', '# Details on the range test\n\nThe range test raises the rate linearly over a few epochs and watches the accuracy.\n'),
      file('summaries/mish/index.md', '# Mish: A Self Regularized Non-Monotonic Activation Function\n\nMish is x times tanh of softplus of x, a smooth activation.\n'),
      file('summaries/mish/appendix.md', '# Proof of smoothness\n\nEvery derivative of the function exists and is bounded.\n'),
      file('flat/cyclegan.md', '# Unpaired Image-to-Image Translation\n\nA cycle-consistency loss lets two GANs translate without pairs.\n'),
      file('flat/pix2pix.md', '# Image-to-Image Translation with Conditional Adversarial Networks\n\nA conditional GAN with a U-Net translates paired images; [CycleGAN](cyclegan.md) drops the pairs.\n'),
    ]);
    expect(report.papers.map((p) => p.file).sort()).toEqual(['flat/cyclegan.md', 'flat/pix2pix.md', 'summaries/clr/index.md', 'summaries/mish/index.md']);
    expect(report.notPapers.filter((n) => n.why.includes('the rest of')).map((n) => [n.file, n.why])).toEqual([
      ['summaries/clr/details.md', 'the rest of index.md\'s note on "Cyclical Learning Rates for Training Neural Networks", not a paper of its own'],
      ['summaries/mish/appendix.md', 'the rest of index.md\'s note on "Mish: A Self Regularized Non-Monotonic Activation Function", not a paper of its own'],
    ]);
  });
});

describe("a README listing the notes as published pages", () => {
  it('is the folder\'s index when its links name the notes\' files', () => {
    const file = (name: string, text: string) => ({ file: name, bytes: Buffer.from(text) });
    const readme = '# List of papers\n**Computer Vision in HCI**\n- ["Designable Visual Markers"](https://me.github.io/notes/papers/Designable_Visual_Markers)\n- ["OmniTouch: Wearable Multitouch Interaction Everywhere"](https://me.github.io/notes/papers/OmniTouch.html)\n';
    const report = inspectNotes([
      file('README.md', readme),
      file('papers/Designable_Visual_Markers.md', '## Designable Visual Markers\n\nMarkers are found by the topology of their connected components, not their geometry.\n'),
      file('papers/OmniTouch.md', '## OmniTouch: Wearable Multitouch Interaction Everywhere\n\nA shoulder-worn depth camera and projector turn any surface into a touch screen.\n'),
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['papers/Designable_Visual_Markers.md', 'papers/OmniTouch.md']);
    expect(report.warnings.map((w) => w.file)).toEqual(['README.md']);
  });
});

describe("a notes repository's README of topic folders", () => {
  it('reads links to the folders of notes as an index, and "How to contribute" as no paper', () => {
    const file = (name: string, text: string) => ({ file: name, bytes: Buffer.from(text) });
    const readme = [
      '# Research paper summaries', '', '## Topics', '',
      '- [Prompting Techniques for Large Language Models](./Prompting): chain of thought, self-consistency and ReAct style prompting.',
      '- [Retrieval Augmented Generation](Retrieval/): dense retrieval and retrieval augmented generation for open-domain questions.',
      '', '## How to contribute', '', 'Open a pull request with a summary in the same format. Please keep one file per topic.', '',
    ].join('\n');
    const report = inspectNotes([
      file('README.md', readme),
      file('Prompting/prompting.md', '# Papers\n\n## Chain of Thought Prompting Elicits Reasoning\n\nWorked examples with intermediate steps in the prompt make large models reason.\n'),
      file('Retrieval/retrieval.md', '# Papers\n\n## Dense Passage Retrieval for Open-Domain Question Answering\n\nA dual encoder trained with in-batch negatives replaces BM25.\n'),
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['Prompting/prompting.md', 'Retrieval/retrieval.md']);
    expect(report.notPapers.filter((n) => n.file === 'README.md').map((n) => [n.line, n.why.replace(/ \(.*/, '')])).toEqual(
      expect.arrayContaining([
        [5, 'an index of the other notes in this folder'],
        [8, 'heading: a section that frames the papers'],
      ]),
    );
  });
});

describe('titles followed by when and where they appeared', () => {
  it('leaves a venue or a month before the year off the front, in any order and any brackets', () => {
    const headings = ['Chain of Thought Prompting, NeurIPS 2022', 'ReAct - ICLR 2023', 'Toolformer, Feb 2023', 'Self-Refine (NeurIPS, 2023)', 'Attention Is All You Need (2017, NeurIPS)', 'Lost in the Middle | TACL 2023', 'GPT-4 Technical Report 2023'];
    const notes = headings.map((h) => `## ${h}\n\nThe paper proposes something that works.\n`).join('\n');
    expect(read('papers.md', notes).entries.map((e) => e.title)).toEqual([
      'Chain of Thought Prompting', 'ReAct', 'Toolformer', 'Self-Refine', 'Attention Is All You Need', 'Lost in the Middle', 'GPT-4 Technical Report',
    ]);
  });
});

describe('titles followed by who wrote them', () => {
  it('leaves "(2016, He et al.)", "(Smith and Lee, 2020)" and "(Lee et al.)" off the front, but not a name alone', () => {
    const headings = ['Deep Residual Learning (2016, He et al.)', 'Sparse Mixtures (Smith and Lee, 2020)', 'Gated Memories (Lee et al.)', 'Few-Shot Prompting (Brown et al., 2020)', 'Deep Bidirectional Transformers (BERT)'];
    const notes = headings.map((h) => `## ${h}\n\nThe paper proposes something that works.\n`).join('\n');
    expect(read('papers.md', notes).entries.map((e) => e.title)).toEqual([
      'Deep Residual Learning', 'Sparse Mixtures', 'Gated Memories', 'Few-Shot Prompting', 'Deep Bidirectional Transformers (BERT)',
    ]);
  });
});

describe('inline maths written out', () => {
  it('keeps grouped scripts together and leaves no command or environment name behind', () => {
    const note = '# Decaying Attention\n\nThe paper weights each past step by $e^{-\\lambda t}$ and picks $\\underset{\\theta}{\\arg\\max}$ of the expected reward $\\mathbb{E}_{x \\sim p_{data}}[r(x)]$ over $\\sum_{i=1}^{N}$ steps, with $\\begin{bmatrix} a & b \\end{bmatrix}$ as the two gates.\n';
    expect(answerOf(read('decay.md', note).entries[0]!)).toBe(
      'The paper weights each past step by e^(-λ t) and picks argmax_θ of the expected reward E_(x ~ p_data)[r(x)] over Σ_(i=1)^N steps, with a, b as the two gates.',
    );
  });
});

describe('citation marks and scripts written in the note', () => {
  it('leaves numbered references, footnotes and citation keys off the back, and writes simple scripts readably', () => {
    const file = (name: string, text: string) => ({ file: name, bytes: Buffer.from(text) });
    const report = inspectNotes([
      file('a.md', '# Fast Sampling for Diffusion\n\nThe paper proposes a sampler that takes ten steps instead of a thousand [1], by learning the schedule with the denoiser [2, 3] on values in [0, 1].\n'),
      file('b.md', '# Optimal Transport GANs\n\nThey find the optimal map T^* by minimizing a cost with an l_1 penalty, the transpose W^T of the weights and l_p norms.\n'),
      file('c.org', '* Learning to Rank with Partial Labels\nThe paper proposes a ranking loss cite:smith2019 that treats unlabeled items as partially ordered [cite:@lee2020], unlike @wang2018.\n'),
      file('d.md', '# Deep Sets\n\nThe authors show that any permutation invariant function is a sum of element embeddings[^1] passed through a network.\n\n[^1]: The proof is in the appendix.\n'),
    ]);
    expect(report.papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual([
      'The paper proposes a sampler that takes ten steps instead of a thousand, by learning the schedule with the denoiser on values in [0, 1].',
      'They find the optimal map T* by minimizing a cost with an l₁ penalty, the transpose Wᵀ of the weights and l_p norms.',
      'The paper proposes a ranking loss that treats unlabeled items as partially ordered.',
      'The authors show that any permutation invariant function is a sum of element embeddings passed through a network.',
    ]);
  });
});

describe('a blog post titled by its front matter', () => {
  const post = (title: string, body: string) => `---\nlayout: post\ntitle: ${title}\n---\n\n${body}`;
  const sections = '## Introduction\n\n* The paper proposes a new activation, x times the sigmoid of x.\n\n## Properties of Swish\n\n* Smooth and non-monotonic.\n\n## Neural Module Network for VQA\n\n* Modules are composed per question.\n\n## Experiments\n\n* Beats ReLU on ImageNet by a small margin.\n';

  it('is one paper titled so, its headings its sections, whatever they read like', () => {
    const { entries } = read('2017-10-22-swish.md', post('Swish - a Self-Gated Activation Function', sections));
    expect(entries.map((e) => [e.line, e.title])).toEqual([[1, 'Swish - a Self-Gated Activation Function']]);
    expect(answerOf(entries[0]!)).toBe('The paper proposes a new activation, x times the sigmoid of x.');
  });

  it('answers from its Introduction, the note\'s opening, before what its other sections say', () => {
    const body = [
      '## Introduction', '',
      '* The paper describes a general purpose embedding model where entities of any type, described by discrete features, share one vector space.',
      '* A similarity function is learnt to compare the entities.', '',
      '## Experiments', '',
      '* The model provides a strong baseline on all the tasks and performs at par with much more complicated task-specific networks.', '',
    ].join('\n');
    const [entry] = read('2018-01-29-starspace.md', post('StarSpace - Embed All The Things', body)).entries;
    expect(answerOf(entry!)).toMatch(/^The paper describes a general purpose embedding model/);
  });

  it('is titled by its description where its title is only the citation ("Bazil 2010")', () => {
    const cited = (title: string, description: string) => `---\ntitle: "${title}"\ndate: 2020-10-22\ndescription: "${description}"\n---\n\n## Results\n\n* A model of 73 states reproduces the swelling of mitochondria.\n`;
    expect(read('bazil-2010.md', cited('Bazil 2010', 'Modeling mitochondrial bioenergetics with integrated volume dynamics')).entries.map((e) => e.title)).toEqual([
      'Modeling mitochondrial bioenergetics with integrated volume dynamics',
    ]);
    expect(read('smith-2019.md', cited('Smith et al. 2019', 'Catalytic coupling of oxidative phosphorylation and ATP demand')).entries[0]!.title).toBe('Catalytic coupling of oxidative phosphorylation and ATP demand');
    // (A title that is a title keeps it; a description of sentences is no title.)
    expect(read('swelling.md', cited('Mitochondria That Swell', 'Modeling mitochondrial bioenergetics with integrated volume dynamics')).entries[0]!.title).toBe('Mitochondria That Swell');
    expect(read('bazil.md', cited('Bazil 2010', 'My notes on a model. It swells.')).entries[0]!.title).not.toMatch(/notes on a model/);
  });

  it('holds several papers when its title names a collection and its headings read as titles', () => {
    const papers = '## Attention Is All You Need\n\nSelf-attention replaces recurrence in sequence models.\n\n## Deep Residual Learning for Image Recognition\n\nIdentity shortcuts let very deep networks train.\n';
    expect(read('2019-05-01-week.md', post('Papers I read this week', papers)).entries.map((e) => e.title)).toEqual([
      'Attention Is All You Need',
      'Deep Residual Learning for Image Recognition',
    ]);
  });
});

describe("the note-taker's review of the paper", () => {
  it('never joins the answer: what the authors should have done, what the paper does not explore', () => {
    const notes = [
      '## One Model To Learn Them All', '',
      'The paper explores a single deep learning model that solves tasks across domains by training on them together. The paper does not explore possibilities like these.', '',
      '## Whole-Home Gesture Recognition Using Wireless Signals', '',
      'This paper uses the reflections of wireless signals to recognise gestures anywhere in a home. The authors should try the more widely used 2.4GHz band.', '',
      '## Principled Detection of Out-of-Distribution Examples', '',
      'The paper proposes a detector of out-of-distribution inputs that leaves the trained model as it is. Limited to vision, so I can not judge its use for NLP.', '',
    ].join('\n');
    expect(read('reviews.md', notes).entries.map(answerOf)).toEqual([
      'The paper explores a single deep learning model that solves tasks across domains by training on them together.',
      'This paper uses the reflections of wireless signals to recognise gestures anywhere in a home.',
      'The paper proposes a detector of out-of-distribution inputs that leaves the trained model as it is.',
    ]);
  });
});

describe('notes written to a template', () => {
  const file = (name: string, text: string) => ({ file: name, bytes: Buffer.from(text) });

  it('answers a critique from its Strength, never its Weakness', () => {
    const note = [
      '## RoomAlive: Magical Experiences Enabled by Scalable, Adaptive Projector-camera Units', '',
      '#### Authors: Brett Jones, Rajinder Sodhi, Michael Murdock', '#### Conference: UIST 2014', '#### Keywords: Projection mapping; spatial augmented reality', '',
      '#### Strength', 'I like the way RoomAlive expands the gaming experience outside of screens using projectors that adapt content to the room.', '',
      '#### Weakness', 'RoomAlive does not seem to support a wide variety of interactions due to latencies of projector camera systems.', '',
      '#### Future Work', 'I would like to extend RoomAlive with a virtual pet that moves around the house.', '',
    ].join('\n');
    const report = inspectNotes([file('RoomAlive.md', note)]);
    expect(report.papers).toEqual([
      expect.objectContaining({ line: 1, answer: 'RoomAlive expands the gaming experience outside of screens using projectors that adapt content to the room.' }),
    ]);
  });

  it('reads a title heading with only its metadata, then a topic heading over the note, as one paper', () => {
    const note = [
      '## Biosignals as Social Cues: Ambiguity and Emotional Interpretation in Social Displays of Skin Conductance', '',
      '#### Authors: Noura Howell, Laura Devendorf', '#### Conference: DIS 2016', '',
      '## Human-AI interaction', '',
      '#### What is the high-level research question that the paper is trying to address?', '',
      'A shirt that shows its wearer\'s skin conductance is read in many ways by the people around them.', '',
    ].join('\n');
    const report = inspectNotes([file('biosignals.md', note), file('roomalive.md', '## RoomAlive\n\nProjectors and depth cameras turn a living room into a game.\n')]);
    expect(report.papers.filter((p) => p.file === 'biosignals.md').map((p) => [p.line, 'answer' in p ? p.answer : p.skip])).toEqual([[1, 'A shirt that shows its wearer\'s skin conductance is read in many ways by the people around them.']]);
  });

  it('reads labelled metadata headings and question prompts as parts of one paper, and numbered points as its points', () => {
    const note = [
      '## Priming Drivers before Handover in Semi-Autonomous Cars', '',
      '#### Authors: Remo van der Heiden, Shamsi Iqbal', '#### Keywords: Human information processing; autonomous vehicles', '',
      '#### What is the high-level research question.', 'Pre-alerts before a handover let drivers of semi-autonomous cars take over sooner and more safely.', '',
      '#### Key Findings',
      '- RQ1: Looking at the road. Drivers look at the road more often after a pre-alert.',
      '- RQ2: Preferences. Some drivers preferred the increasing pulse pre-alert.',
      '- RQ3: Braking. Drivers brake later without a pre-alert when busy with a second task.', '',
      '#### Did the paper draw convincing conclusions using the methodology?', 'Only within the limited conditions of the experiment.', '',
    ].join('\n');
    const report = inspectNotes([file('priming.md', note)]);
    expect(report.papers.map((p) => [p.line, p.title])).toEqual([[1, 'Priming Drivers before Handover in Semi-Autonomous Cars']]);
    expect(report.papers[0]).toMatchObject({ answer: 'Pre-alerts before a handover let drivers of semi-autonomous cars take over sooner and more safely.' });
  });
});

describe('authors on the line under a bold title', () => {
  it('leaves them off the back, initials run together too', () => {
    const notes = [
      '* __Efficient Optimization for Rank-Based Loss Functions__', 'Pritish Mohapatra, Michal Rolínek, C.V. Jawahar, Vladimir Kolmogorov, M. Pawan Kumar', '[[pdf]](https://openaccess.thecvf.com/rank.pdf)', '',
      '* __CodeSLAM: Learning a Compact Representation for Dense SLAM__', 'Michael Bloesch, J.-P. Tardif, S. Leutenegger', '[[pdf]](https://openaccess.thecvf.com/codeslam.pdf)', '',
    ].join('\n');
    expect(read('cvpr.md', notes).entries.map(answerOf)).toEqual(Array(2).fill('SKIP only authors and links (nothing about the paper)'));
  });
});

describe('videos and courses in a reading list', () => {
  it('reads an item titled by a link to a video or a course as no paper', () => {
    const notes = [
      '## Reinforcement learning', '',
      '- [Human-level control through deep reinforcement learning](https://www.nature.com/articles/nature14236)', '  - A Q-network learns to play Atari games from pixels with experience replay.',
      '- [CS234: Reinforcement Learning, Winter 2019](https://www.youtube.com/playlist?list=PLabc)', '  - Lectures on bandits, policy gradients and exploration.',
      '- [Practical Reinforcement Learning](https://www.coursera.org/learn/practical-rl)', '  - A course with weekly assignments.',
    ].join('\n');
    const { entries, notPapers } = read('rl.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Human-level control through deep reinforcement learning']);
    expect(notPapers.filter((n) => n.why.startsWith('a video or a course')).map((n) => n.line)).toEqual([5, 7]);
  });

  it('reads a link line to a video or a course as no paper, and the papers around it as papers', () => {
    const notes = [
      '📝 [Deep Equilibrium Models](https://arxiv.org/abs/1909.01377)', '> One weight-tied layer solved for its fixed point replaces a deep stack.', '',
      '📝 [Deep Learning Lectures, Spring 2020](https://www.youtube.com/playlist?list=PLxyz)', '> Lectures on optimisation and generalisation.', '',
      '📝 [Neural Ordinary Differential Equations](https://arxiv.org/abs/1806.07366)', '> An ODE solver over a learned vector field replaces residual layers.', '',
    ].join('\n');
    const { entries, notPapers } = read('links.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Deep Equilibrium Models', 'Neural Ordinary Differential Equations']);
    expect(notPapers.filter((n) => n.why.startsWith('a video or a course')).map((n) => n.line)).toEqual([4]);
  });
});

describe('a bracketed link after a title', () => {
  it('reads "[[pdf]](url)" as a link to the paper, not a link to a note named pdf', () => {
    const items = ['Hybrid Camera Pose Estimation', 'Very Large-Scale Global SfM by Distributed Motion Averaging', 'Reflection Removal for Large-Scale 3D Point Clouds'];
    const notes = ['# CVPR 2018: construction related papers', '', 'Here is the collection of the papers I found.', '', ...items.map((t, i) => `* __${t}__. Ann Lee, Bo Chen, [[pdf]](https://openaccess.thecvf.com/p${i}.pdf)\n`)].join('\n');
    const report = inspectNotes([{ file: 'AEC.md', bytes: Buffer.from(notes) }]);
    expect(report.papers.map((p) => [p.title, 'skip' in p ? p.skip : p.answer])).toEqual(items.map((t) => [t, 'only links (nothing about the paper)']));
  });
});

describe('reading-list tables, however short', () => {
  it('reads a table headed Paper as papers even with one row, and a table of resources as no paper', () => {
    const notes = [
      '# Reinforcement Learning', '',
      '## Papers', 'Paper | Year | Link', '--- | --- | ---',
      'Human-level control through deep reinforcement learning | 2015 | [pdf](https://example.org/dqn.pdf)',
      'Mastering the game of Go with deep neural networks and tree search | 2016 | [pdf](https://example.org/go.pdf)', '',
      '## RL in Robotics', 'Paper | Year | Link', '--- | --- | ---',
      'Solving Rubik’s Cube with a Robot Hand | 2019 | [pdf](https://arxiv.org/pdf/1910.07113.pdf)', '',
      '## Misc. Articles', 'Resource | Year | Link', '--- | --- | ---',
      'The Chinese Room Argument | 2014 | [Article](https://plato.stanford.edu/entries/chinese-room/)',
      'Machine learning advances human-computer interaction | 2017 | [Article](https://example.org/news)', '',
    ].join('\n');
    const { entries, notPapers } = read('rl.md', notes);
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['Papers', 'Human-level control through deep reinforcement learning'],
      ['Papers', 'Mastering the game of Go with deep neural networks and tree search'],
      ['RL in Robotics', 'Solving Rubik’s Cube with a Robot Hand'],
    ]);
    expect(notPapers.map((n) => [n.line, n.why])).toEqual(
      expect.arrayContaining([
        [14, 'heading: holds no paper'],
        [15, 'a table with no column of paper titles'],
      ]),
    );
  });
});

describe('quotations from the paper', () => {
  it('drops the lone mark of a quotation cut between sentences, and the ellipsis before a quotation\'s start', () => {
    const notes = [
      '## Hindsight Experience Replay', '',
      'Core idea: "It is possible to draw another conclusion from a failed episode. In this paper we introduce a technique called Hindsight Experience Replay which replays each episode with the goal it reached instead."', '',
      '## Predicting Performance Drop under Domain Shift', '',
      '"… we study the problem of predicting the performance drop of modern NLP models under domain shift, without any target labels."', '',
    ].join('\n');
    expect(read('quotes.md', notes).entries.map(answerOf)).toEqual([
      'It is possible to draw another conclusion from a failed episode. We introduce a technique called Hindsight Experience Replay which replays each episode with the goal it reached instead.',
      'We study the problem of predicting the performance drop of modern NLP models under domain shift, without any target labels.',
    ]);
  });

  it('reads "Summary by DeepMind: url" as a pointer to a summary, not a title', () => {
    const report = inspectNotes([
      { file: 'learning_by_playing.md', bytes: Buffer.from('Summary by DeepMind (a bit pretentious imo) : https://deepmind.com/blog/learning-playing/\n\nThey learn auxiliary tasks and a scheduler that picks which task policy to follow to maximise the main reward.\n') },
      { file: 'other.md', bytes: Buffer.from('Another note in the folder, so that notes are titled by their file names.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Learning by playing', 'Other']);
  });
});

describe('notes written in haste', () => {
  it('reads "#Title" on a file\'s first line as its title heading, and a line of tags as tags', () => {
    const report = inspectNotes([
      { file: 'resnet.md', bytes: Buffer.from('#Deep Residual Learning for Image Recognition\n\n## Key ideas\n\n- Layers learn a residual added to an identity shortcut, so very deep networks train.\n\n## Experiments\n\n- 152 layers on ImageNet.\n') },
      { file: 'attention.md', bytes: Buffer.from('#[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n## Key ideas\n\n- Self-attention replaces recurrence, so every position attends to every other in one step.\n') },
      { file: 'tags.md', bytes: Buffer.from('#nlp #transformers\n\n# Some Paper Title Here\n\nIt proposes a thing that works well for transformers in practice.\n') },
      { file: 'bn.md', bytes: Buffer.from('#![Batch Normalization](https://arxiv.org/abs/1502.03167)\n\n## Key ideas\n\n- Normalise each layer\'s inputs over the mini-batch, so deep networks train with higher learning rates.\n\n## Figures\n\n![Figure 1: the transform](fig1.png)\n') },
    ]);
    expect(report.papers.map((p) => [p.file, p.line, p.title])).toEqual([
      ['resnet.md', 1, 'Deep Residual Learning for Image Recognition'],
      ['attention.md', 1, 'Attention Is All You Need'],
      ['tags.md', 3, 'Some Paper Title Here'],
      ['bn.md', 1, 'Batch Normalization'],
    ]);
  });

  it('titles an Org heading by the title after a link labelled with the citation key', () => {
    const notes = '* [[https://a.org/x.pdf][smith2019]] Deep Sets for Point Clouds\nPermutation invariant networks sum element embeddings.\n';
    expect(read('papers.org', notes).entries.map((e) => e.title)).toEqual(['Deep Sets for Point Clouds']);
  });

  it('skips a note that says its summary is to come', () => {
    const notes = '## Deep Sets\n\nSummary to be added.\n\n## Set Transformer\n\nWork in progress\n\n## PointNet\n\nSummary yet to be added.\n\n## PointNet++\n\nNotes not written yet.\n';
    expect(read('ph.md', notes).entries.map(answerOf)).toEqual(Array(4).fill('SKIP only a placeholder (nothing about the paper)'));
  });

  it('ends a drawer whose :END: is mistyped at the next heading, not in the next paper', () => {
    const notes = [
      '* Deep Sets for Point Clouds', '  :PROPERTIES:', '  :ID: abc', '  :EN:', 'Permutation invariant networks sum element embeddings.',
      '* Set Transformer', '  :PROPERTIES:', '  :ID: def', '  :END:', 'Attention over set elements with inducing points keeps the cost linear.', '',
    ].join('\n');
    expect(read('papers.org', notes).entries.map((e) => e.title)).toEqual(['Deep Sets for Point Clouds', 'Set Transformer']);
  });
});

describe('a reading list in a table whose idea cells fold into a widget', () => {
  const { entries } = read('table-details.md');

  it('shows the idea without the label of its <details> widget', () => {
    expect(entries.map((e) => e.title)).toEqual([
      'Semi-Supervised Classification with Graph Convolutional Networks',
      'Graph Attention Networks',
      'Inductive Representation Learning on Large Graphs',
      'How Powerful are Graph Neural Networks?',
    ]);
    expect(answerOf(entries[0]!)).toBe('First-order approximation of spectral graph convolutions.');
  });

  it('reads the text folded under a <details> widget of its own as the note', () => {
    const notes = "# Graph Attention Networks\n\n<details><summary>Idea</summary>\nMasked self-attention over a node's neighbours weights their messages, with no fixed degree-based weights.\n</details>\n";
    expect(answerOf(read('gat.md', notes).entries[0]!)).toBe("Masked self-attention over a node's neighbours weights their messages, with no fixed degree-based weights.");
  });

  it('takes an idea column\'s few words as the answer', () => {
    expect(answerOf(entries[2]!)).toBe('Sample and aggregate neighbour features.');
  });

  it('takes where the note-taker met a paper, or how it is regarded, as a remark, however short', () => {
    expect(read('table-remarks.md').entries.map(answerOf)).toEqual(Array(4).fill("SKIP only the note-taker's remarks (no key idea)"));
  });
});

describe('notes in Chinese, one paper per file', () => {
  const focal = [
    '#### note:',
    '',
    '单阶段检测器精度不如两阶段检测器，主要原因是训练时前景和背景类别极度不平衡。本文提出Focal Loss，在交叉熵前乘上一个调制因子，降低易分样本的权重。',
    '',
    '- 基于FPN设计了RetinaNet',
    '    - a. 每层使用9个anchor',
    '',
    '#### comment:',
    '',
    '非常简洁有效，后来成了检测的标配。',
    '',
    '#### highlight',
    '',
    '> "we propose to address this class imbalance by reshaping the standard cross entropy loss"',
    '',
    '#### more',
    '',
    '[Detectron 实现](https://github.com/facebookresearch/Detectron)',
    '',
  ].join('\n');
  const report = inspectNotes([
    { file: '检测/Focal Loss for Dense Object Detection.md', bytes: Buffer.from(focal) },
    { file: '检测/Deformable Convolutional Networks.md', bytes: Buffer.from('### Deformable Convolutional Networks\n\n#### note:\n\n本文提出了可变形卷积，让网络自己学习采样位置的偏移。\n\n1. 可变形卷积：在规则网格的采样位置上加上二维偏移量。\n    1. b. 偏移量经过归一化\n') },
  ]);

  it('reads a "more" section as links and a file with no title heading as the paper its name says', () => {
    expect(report.papers.map((p) => [p.file, p.line, p.title])).toEqual([
      ['检测/Focal Loss for Dense Object Detection.md', 1, 'Focal Loss for Dense Object Detection'],
      ['检测/Deformable Convolutional Networks.md', 1, 'Deformable Convolutional Networks'],
    ]);
  });

  it('answers with the note\'s own sentence whose subject is the paper, not a step or an English quote', () => {
    const notes = [
      '#### note:',
      '',
      '这篇论文把图卷积简化到只剩邻居聚合，去掉特征变换和非线性激活，用于协同过滤推荐。',
      '',
      '1. 每一层只做归一化的邻居嵌入求和',
      '2. 最终嵌入是各层嵌入的加权和，用 BPR loss 训练',
      '',
      '#### highlight',
      '',
      '> "we propose a new model named LightGCN, including only the most essential component in GCN, neighborhood aggregation, for collaborative filtering"',
      '',
    ].join('\n');
    const [paper] = inspectNotes([{ file: '推荐/LightGCN.md', bytes: Buffer.from(notes) }, ...['A', 'B'].map((n) => ({ file: `推荐/${n}.md`, bytes: Buffer.from(`本文提出了方法${n}，用更少的计算得到更好的推荐。\n`) }))]).papers;
    expect(paper).toMatchObject({ title: 'LightGCN', answer: expect.stringMatching(/^这篇论文把图卷积简化到只剩邻居聚合/) });
  });

  it('reads the parts of a note named in Chinese as their English names are read', () => {
    const notes = [
      '### 深度残差学习',
      '',
      '#### 摘要',
      '',
      '本文提出残差学习，让堆叠的层拟合残差映射，通过恒等捷径连接加回输入。',
      '',
      '#### 实验',
      '',
      '作者在ImageNet上训练了152层的网络，取得了最好的结果。',
      '',
      '#### 感想',
      '',
      '我觉得这个想法非常简单但是非常有效，值得反复阅读。',
      '',
      '#### 相关链接',
      '',
      '[官方代码](https://github.com/KaimingHe/deep-residual-networks)',
      '',
    ].join('\n');
    const [entry] = read('resnet.md', notes).entries;
    expect(entry!.lead).toMatch(/^本文提出残差学习/);
    expect(entry!.own).toMatch(/我觉得这个想法/);
    expect(answerOf(entry!)).toBe('本文提出残差学习，让堆叠的层拟合残差映射，通过恒等捷径连接加回输入。');
  });

  it('reads an English sentence of the note\'s own as any other, and author lines and the problem as no answer', () => {
    const mixed = [
      '# Attention Is All You Need', '',
      'The Transformer relies entirely on self-attention to compute representations of its input and output, without recurrence or convolution.', '',
      '在 WMT14 英德翻译上达到 28.4 BLEU。', '', '位置编码使用正弦函数，模型可以推广到更长的序列。', '', '多头注意力让模型在不同的子空间关注不同的信息。', '',
    ].join('\n');
    expect(answerOf(read('transformer.md', mixed).entries[0]!)).toMatch(/^The Transformer relies entirely on self-attention/);
    for (const authors of ['作者：Tsung-Yi Lin, Priya Goyal, Ross Girshick, Kaiming He', '作者来自 Facebook AI Research，一作是 Tsung-Yi Lin。']) {
      const notes = ['# Focal Loss for Dense Object Detection', '', authors, '', '单阶段检测器的精度不如两阶段检测器，主要原因是正负样本极度不平衡。', '', 'Focal Loss 降低了易分类样本的权重，让训练集中在难样本上。', ''].join('\n');
      expect(answerOf(read('focal.md', notes).entries[0]!)).toBe('Focal Loss 降低了易分类样本的权重，让训练集中在难样本上。');
    }
  });

  it('reads a README of tips among one-paper notes as no paper, and a README linking papers as notes', () => {
    const tips = '# 读论文的一些技巧\n\n#### 1. 先读摘要和结论\n\n先看摘要和结论，判断这篇论文是否值得精读。\n\n#### 2. 带着问题读方法部分\n\n读方法时问自己：作者解决了什么问题？\n';
    const notes = ['A', 'B', 'C'].map((name) => ({ file: `检测/${name}.md`, bytes: Buffer.from(`#### note:\n\n本文提出了一种新的检测方法${name}，用更少的计算得到更准的框。\n`) }));
    const essay = inspectNotes([...notes, { file: 'README.md', bytes: Buffer.from(tips) }]);
    expect(essay.papers.map((p) => p.file)).toEqual(['检测/A.md', '检测/B.md', '检测/C.md']);
    expect(essay.notPapers.filter((n) => n.file === 'README.md').map((n) => n.why)).toEqual([
      "the folder's README, among one-paper notes: it links to no paper",
      "the folder's README, among one-paper notes: it links to no paper",
    ]);
    const linking = `${tips}\n[Focal Loss](https://arxiv.org/abs/1708.02002)\n`;
    expect(inspectNotes([...notes, { file: 'README.md', bytes: Buffer.from(linking) }]).papers.some((p) => p.file === 'README.md')).toBe(true);
    // A README whose headings read as titles holds papers of its own, links or not.
    const papers = '## Dropout: A Simple Way to Prevent Neural Networks from Overfitting\n\nRandomly drops hidden units during training so they cannot co-adapt.\n\n## Adam: A Method for Stochastic Optimization\n\nKeeps running averages of the gradient and its square to adapt each step.\n';
    expect(inspectNotes([...notes, { file: 'README.md', bytes: Buffer.from(papers) }]).papers.filter((p) => p.file === 'README.md')).toHaveLength(2);
  });

  it('answers in the note\'s language: no English quote joins a Chinese answer, no list letter leads a step', () => {
    const answer = (title: string) => {
      const paper = report.papers.find((p) => p.title === title)!;
      return 'answer' in paper ? paper.answer : '';
    };
    expect(answer('Focal Loss for Dense Object Detection')).toMatch(/^本文提出Focal Loss/);
    expect(answer('Focal Loss for Dense Object Detection')).not.toMatch(/[a-z]{3} [a-z]{3}/);
    // A Chinese sentence that ends in a Latin name ends as Chinese does.
    expect(extractKeyIdea({ title: 'RetinaNet', body: '基于FPN设计了单阶段检测器RetinaNet', session: '', code: '', line: 1, file: 'a.md' })).toEqual({ answer: '基于FPN设计了单阶段检测器RetinaNet。' });
    for (const paper of report.papers) expect('answer' in paper ? paper.answer : '').not.toMatch(/(?:^|[。 ])[a-h][.)] /);
    // A letter starting a line that carries a sentence on is a word of it.
    const wrapped = read('gpt.md', '# GPT-3\n\nThey evaluate a 175B language model in three settings: (a) zero-shot,\n(b) one-shot and (c) few-shot, with no gradient updates at all.\n').entries[0]!;
    expect(answerOf(wrapped)).toBe('They evaluate a 175B language model in three settings: (a) zero-shot, (b) one-shot and (c) few-shot, with no gradient updates at all.');
  });
});

describe('one-paper notes in nested bullets', () => {
  const rcnn = [
    '# [Rich Feature Hierarchies for Accurate Object Detection](https://arxiv.org/abs/1311.2524)',
    '',
    'Date: 2017-03-01',
    '',
    '- Motivated to improve object detection on PASCAL VOC, whose performance, measured by mean average precision over twenty classes, has plateaued in recent years after a decade of steady gains',
    '    - Previous best methods are complex ensembles of low-level features and context',
    '    - They use hard negative mining when training the per-class SVMs',
    '- The authors propose R-CNN, which runs a large convolutional network on about 2000 region proposals per image and classifies each region with linear SVMs',
    '    - Region proposals come from selective search',
    '- Supervised pre-training on ImageNet followed by fine-tuning helps when labelled data is scarce',
    '',
  ].join('\n');

  it('answers with the top-level bullet that says what the paper does, and no detail nested under another point', () => {
    const [entry] = read('rcnn.md', rcnn).entries;
    expect(answerOf(entry!)).toBe(
      'The authors propose R-CNN, which runs a large convolutional network on about 2000 region proposals per image and classifies each region with linear SVMs. Region proposals come from selective search.',
    );
  });

  it('leaves out a short bullet over details whose details cannot join', () => {
    const notes = [
      '# Mask R-CNN',
      '',
      '- The authors propose Mask R-CNN, which extends Faster R-CNN for instance segmentation.',
      '- Two changes make it work',
      '  - RoIAlign replaces RoIPool, removing the quantisation of region boundaries and bins, so that masks align with the pixels of the input image exactly.',
      '  - A small fully convolutional mask branch predicts a binary mask per class for every region, decoupled from classification and box regression.',
      '',
    ].join('\n');
    expect(answerOf(read('mask.md', notes).entries[0]!)).toBe('The authors propose Mask R-CNN, which extends Faster R-CNN for instance segmentation.');
  });

  it('reads "Motivated to ..." as why the paper was written, not what it does', () => {
    const notes = [
      '# [U-Net: Convolutional Networks for Biomedical Image Segmentation](https://arxiv.org/abs/1505.04597)',
      '',
      '- Motivated to train segmentation networks from very few annotated biomedical images',
      '- They build a network with a contracting path that captures context and a symmetric expanding path that enables precise localization, joined by skip connections',
      '    - A weighted loss makes the network learn the thin borders between touching cells',
      '- Won the ISBI cell tracking challenge 2015 by a large margin',
      '',
    ].join('\n');
    const [entry] = read('unet.md', notes).entries;
    expect(mainSentenceOf(entry!)).toMatch(/^They build a network with a contracting path/);
  });

  it('still lets a nested bullet say what the paper does when the point over it does not', () => {
    const notes = [
      '### Multi-Object Representations by Iterative Inference',
      '',
      '+ In the single-object setting, representations that are interpretable can be found',
      '  - How to do this with many objects?',
      '+ Want to segment the objects while finding simple representations of them',
      '  - The unsupervised IODINE algorithm is built on the VAE framework, with multi-object structure and iterative variational inference',
      '',
    ].join('\n');
    const [entry] = read('iodine.md', notes).entries;
    expect(answerOf(entry!)).toMatch(/IODINE algorithm/);
  });

  it('reads Advantages as what the note says when it says nothing else, Disadvantages as a verdict, and a vocabulary list as no part of the note', () => {
    const notes = [
      '# Vision Transformers at Scale',
      '',
      '1. The authors split an image into patches, embed each linearly and feed the sequence to a standard Transformer encoder.',
      '2. Vocabulary',
      '    - patch 图像块',
      '    - inductive bias 归纳偏置',
      '',
      '### Advantages',
      '- Scales well with data',
      '',
      '### Disadvantages',
      '- Needs huge pre-training data',
      '',
    ].join('\n');
    const [entry] = read('vit.md', notes).entries;
    expect(answerOf(entry!)).toBe('The authors split an image into patches, embed each linearly and feed the sequence to a standard Transformer encoder.');
    expect(entry!.context).toMatch(/Scales well with data/);
    expect(entry!.own).toMatch(/Needs huge pre-training data/);
    expect(entry!.body).not.toMatch(/图像块/);
  });

  it('answers from what a note says before its Method and Results, under its author and venue lines', () => {
    const notes = [
      '# Graph Attention Networks',
      '',
      '### Petar Veličković, Guillem Cucurull, Arantxa Casanova',
      '',
      '### ICLR 2018',
      '',
      'Graph attention layers let each node weigh its neighbours with masked self-attention, without costly matrix operations or knowing the graph in advance.',
      '',
      '### Method',
      '',
      'The authors use multi-head attention and concatenate the heads, using LeakyReLU in the attention coefficients before the softmax.',
      '',
      '### Results',
      '',
      'They match or beat the state of the art on Cora, Citeseer and PPI.',
      '',
    ].join('\n');
    const [entry] = read('gat.md', notes).entries;
    expect(answerOf(entry!)).toMatch(/^Graph attention layers let each node weigh its neighbours with masked self-attention/);
    // Who wrote it, where and how often it is cited open notes too, and say nothing of the paper.
    const fast = read('fast.md', '# Fast R-CNN\n\nRoss Girshick, Microsoft Research. ICCV 2015. Cited over 20k times.\n\n## Method\n\nThe authors run the ConvNet once per image and use RoI pooling to extract a fixed-size feature for each proposal.\n').entries[0]!;
    expect(answerOf(fast)).toBe('The authors run the ConvNet once per image and use RoI pooling to extract a fixed-size feature for each proposal.');
  });

  it('takes a link to samples in brackets of its own as no word of the note, and one inside a sentence as a word of it', () => {
    const inside = read('wavenet.md', '# WaveNet\n\nA convolutional model that generates raw audio [samples](https://x.org/s) one at a time, conditioned on all the previous ones.\n').entries[0]!;
    expect(answerOf(inside)).toBe('A convolutional model that generates raw audio samples one at a time, conditioned on all the previous ones.');
  });

  it('takes a link to samples, as to code or a demo, as no word of the note', () => {
    const notes = '# Tacotron 2\n\nA sequence-to-sequence network that predicts mel spectrograms and a modified WaveNet that turns them into speech, with a mean opinion score of 4.53. \\[[samples](https://google.github.io/tacotron)\\]\n';
    const [entry] = read('tacotron2.md', notes).entries;
    expect(answerOf(entry!)).toBe('A sequence-to-sequence network that predicts mel spectrograms and a modified WaveNet that turns them into speech, with a mean opinion score of 4.53.');
  });

  it('leaves out what the paper keeps as it was ("Otherwise, ...")', () => {
    const notes = '* [[https://example.org/sand.pdf][Animating Sand as a Fluid]]\n   Sand is simulated with a FLIP fluid solver plus a frictional plasticity model. Otherwise, standard FLIP/PIC use.\n';
    const [entry] = read('papers.org', notes).entries;
    expect(answerOf(entry!)).toBe('Sand is simulated with a FLIP fluid solver plus a frictional plasticity model.');
  });

  it('reads "This is a new ..." opening a note as what the paper is, leaning on nothing', () => {
    const notes = [
      '### [Neural Machine Translation by Jointly Learning to Align and Translate](https://arxiv.org/abs/1409.0473)',
      '- This is a new encoder-decoder structure for neural machine translation with an alignment model',
      '- The encoder is a bidirectional RNN',
      '- This greatly improves the translation of long sentences, which the decoder learns to align',
      '',
    ].join('\n');
    const [entry] = read('rl.md', notes).entries;
    expect(answerOf(entry!)).toMatch(/^This is a new encoder-decoder structure for neural machine translation/);
    const classic = read('ln.md', '# Layer Normalization\n\nThis one is a classic, everyone should read it.\n\nNormalise over the features of each example instead of over the batch, so it works for RNNs and batch size one.\n').entries[0]!;
    expect(answerOf(classic)).toMatch(/^Normalise over the features of each example/);
  });

  it('leaves out how the paper was trained, with its numbers set', () => {
    const notes = [
      '## Proximal Policy Optimization',
      '',
      '- A clipped surrogate objective keeps each policy update close to the old policy.',
      '- They train the policy with Adam, a learning rate of 3e-4 and minibatches of 64 for 10 epochs per update.',
      '- We use ε = 0.2 for the clipping.',
      '',
    ].join('\n');
    const [entry] = read('ppo.md', notes).entries;
    expect(answerOf(entry!)).toBe('A clipped surrogate objective keeps each policy update close to the old policy.');
    // A number in what the paper does is no setting; a title about how to train makes its settings the idea.
    const vgg = read('vgg.md', '# Very Deep Convolutional Networks\n\nUses a stack of 3 3x3 convolutions in place of one 7x7 convolution, so the network can go to 19 layers.\n').entries[0]!;
    expect(answerOf(vgg)).toMatch(/^Uses a stack of 3 3x3 convolutions/);
    const goyal = read('goyal.md', '# Accurate, Large Minibatch SGD\n\n- Scale the learning rate linearly with the minibatch size, with a warmup over the first 5 epochs.\n- Trained ResNet-50 on 256 GPUs in one hour.\n').entries[0]!;
    expect(answerOf(goyal)).toMatch(/^Scale the learning rate linearly with the minibatch size/);
  });

  it('takes a line that only links somewhere as no part of the answer, whatever its label', () => {
    const notes = [
      '* Distributed Representations of Words and Phrases',
      '-[[https://code.google.com/p/word2vec/][open source software]]',
      '-the idea is to project a high-dimensional sparse space of words to a lower dimensional dense space that captures their meaning',
      '',
    ].join('\n');
    const [entry] = read('papers.org', notes).entries;
    expect(answerOf(entry!)).toBe('Project a high-dimensional sparse space of words to a lower dimensional dense space that captures their meaning.');
    expect(entry!.removed).toContain('links');
    // A link whose label is a sentence says it, wherever it points.
    const linkedSummary = '| Paper | Summary |\n|---|---|\n| Attention Is All You Need (2017) | [Replaces recurrence with self-attention over all positions](notes/transformer.md) |\n';
    expect(answerOf(read('index.md', linkedSummary).entries[0]!)).toBe('Replaces recurrence with self-attention over all positions.');
  });
});

describe('notes the rules read since last time must leave as they are', () => {
  const titles = (name: string, text?: string) => read(name, text).entries.map((e) => e.title);

  it('keeps a paper whose bullets end in links to the works they cite', () => {
    expect(titles('citing-links.md')).toEqual(['An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale']);
  });

  it('keeps papers in bold under a topic heading that a short paragraph introduces', () => {
    expect(titles('topic-intro-bold.md')).toEqual([
      'Conservative Q-Learning for Offline Reinforcement Learning',
      'Implicit Q-Learning',
      'Decision Transformer: Reinforcement Learning via Sequence Modeling',
    ]);
  });

  it("keeps a topic file's papers under its one heading and its Overview", () => {
    expect(titles('topic-one-heading.md')).toEqual([
      'A Simple Framework for Contrastive Learning of Visual Representations',
      'Momentum Contrast for Unsupervised Visual Representation Learning',
      'Bootstrap Your Own Latent',
    ]);
  });

  it('keeps a paper whose Related work links other papers in its sub-headings', () => {
    expect(titles('related-linked-headings.md')).toEqual(['Attention Is All You Need']);
  });

  it('keeps Org to-dos that name a paper by a link or in quotes, titled by it', () => {
    expect(titles('todo-titled.org').slice(0, 3)).toEqual([
      'Attention Is All You Need',
      'Deep Residual Learning for Image Recognition',
      'Denoising Diffusion Probabilistic Models',
    ]);
  });

  it('keeps papers whose file names only contain "tutorial" or "panel", and a paper folder\'s README', () => {
    const note = (title: string) => Buffer.from(`# ${title}\n\nUnlike papers on recurrent translation models, they drop recurrence and use stacked self-attention, which trains much faster in parallel.\n`);
    const report = inspectNotes([
      { file: 'a-tutorial-on-spectral-clustering.md', bytes: note('A Tutorial on Spectral Clustering') },
      { file: 'remote_sensing/solar_panel_segmentation.md', bytes: note('DeepSolar: Mapping Solar Panels from Satellite Images') },
      { file: 'keynotes_and_papers/batchnorm.md', bytes: note('Batch Normalization: Accelerating Deep Network Training') },
      { file: 'attention-is-all-you-need/README.md', bytes: note('Attention Is All You Need') },
    ]);
    expect(report.papers.map((p) => p.title).sort()).toEqual([
      'A Tutorial on Spectral Clustering',
      'Attention Is All You Need',
      'Batch Normalization: Accelerating Deep Network Training',
      'DeepSolar: Mapping Solar Panels from Satellite Images',
    ]);
  });

  it('keeps names and places a title is about, bracketed words inside a title, and titles opening with "Announcement" or "Panel"', () => {
    const notes = [
      '## Predicting Election Outcomes from Tweets about Donald Trump, Hillary Clinton and Bernie Sanders', '', 'They count sentiment per candidate.', '',
      '## Gradient-Based Learning Applied to Document Recognition Yann A. LeCun, Leon Bottou and Yoshua Bengio', '', 'They train convolutional networks.', '',
      '## Learning with (Short) Memories in Recurrent Networks', '', 'They forget on purpose.', '',
      '## Announcement Bias in Central Bank Communication', '', 'They measure tone.', '',
      '## Panel I-Vectors for Speaker Verification', '', 'They pool frames.', '',
    ].join('\n');
    expect(titles('titles.md', notes)).toEqual([
      'Predicting Election Outcomes from Tweets about Donald Trump, Hillary Clinton and Bernie Sanders',
      'Gradient-Based Learning Applied to Document Recognition',
      'Learning with (Short) Memories in Recurrent Networks',
      'Announcement Bias in Central Bank Communication',
      'Panel I-Vectors for Speaker Verification',
    ]);
  });

  it('titles a one-paper file by its name when its first line is a sentence, a remark or a label', () => {
    const file = (name: string, first: string) => ({ file: name, bytes: Buffer.from(`${first}\n\nThey decouple weight decay from the gradient update of the optimizer.\n`) });
    const report = inspectNotes([
      file('adamw.md', 'builds on the adam optimizer (Kingma et al)'),
      file('graph-attention.md', 'Key Takeaways For My Thesis'),
      file('dropout.md', 'Status: Read, Rating 4/5'),
    ]);
    expect(report.papers.map((p) => p.title).sort()).toEqual(['Adamw', 'Dropout', 'Graph attention']);
  });
});


describe('files of several papers that their titles do not announce', () => {
  it('reads a post titled "GLOC in Tallinn" over linked papers, each with its authors and summary, as those papers', () => {
    const paper = (n: number, title: string, summary: string) => `* [${title}](https://example.org/anth/G15-10${n}.pdf)\n    - Ilse Morgenthal, Tavi Okonkwo and Runar Bestic\n\n    ${summary}\n`;
    const post = [
      '---',
      'layout: post',
      'title:  "GLOC in Tallinn"',
      'date:   2015-06-02 09:12:00 -0700',
      '---',
      '',
      'Five long days at GLOC; I mostly stayed in the parsing rooms.',
      '',
      '## Day 1 : 2nd Jun',
      '',
      '### Session 1',
      '',
      paper(1, 'Pruning Beam Search with Learned Stop Signals', 'A learned stopping rule ends beam search once the best partial tree cannot be overtaken, halving decoding time.'),
      paper(2, 'Soft Budget Constraints for Incremental Chart Parsing', 'Hard pruning thresholds are replaced by a soft budget penalty, so the parser trades speed for accuracy per sentence.'),
      paper(3, 'Active Annotation of Verb Frames with Partial Labels', 'Annotators label only the least certain arguments of each frame and the model fills in the rest.'),
      '### Session 2',
      '',
      paper(4, 'Lexicon Expansion by Label Spreading over Character Graphs', 'A small seed lexicon grows by spreading labels over a graph of character n-gram neighbours.'),
      paper(5, 'Shallow Discourse Parsing with Connective Lattices', 'Candidate connectives are kept in a lattice and the parser picks one reading per clause pair.'),
    ].join('\n');
    expect(read('2015-06-02-gloc.markdown', post).entries.map((e) => e.title)).toEqual([
      'Pruning Beam Search with Learned Stop Signals',
      'Soft Budget Constraints for Incremental Chart Parsing',
      'Active Annotation of Verb Frames with Partial Labels',
      'Lexicon Expansion by Label Spreading over Character Graphs',
      'Shallow Discourse Parsing with Connective Lattices',
    ]);
  });

  it('reads an Org file of literature whose headings are citation keys as one paper per key', () => {
    const org = [
      '#+TITLE: Literature Overview',
      '#+AUTHOR: Tomasz Feldgrau',
      '',
      'Keys in this file point to entries in refs/library.bib.',
      '',
      '* QRF17',
      '',
      'Depth estimation from a single rolling-shutter frame, running on a phone at interactive rates.',
      '',
      '* HalvorsenKT18',
      '',
      'A proposal for a shared benchmark of rolling-shutter depth methods with fixed splits.',
      '',
      '* ShutterNet18',
      '',
      'Train a small network to undo rolling-shutter skew before matching.',
      '',
    ].join('\n');
    expect(read('literature.org', org).entries.map((e) => [e.line, e.title])).toEqual([
      [6, 'QRF17'],
      [10, 'HalvorsenKT18'],
      [14, 'ShutterNet18'],
    ]);
  });

  it('reads "## 1. Title" headings each over a line with its PDF\'s address as papers, under a title with a word on the course', () => {
    const notes = [
      '# On Drift and Repair in Field Sensors (Spring 2021)',
      '* Environmental Sensing Seminar (ENV-GA.2210-002)',
      '* Material gathered for the term paper',
      '',
      '## 1. Blind recalibration of dense sensor grids without a reference',
      'https://example.org/papers/blind-recal.pdf',
      '* Solves for per-sensor gain and offset jointly by least squares',
      '',
      '## 2. Detecting step faults with rolling medians on coastal buoys',
      'https://example.org/papers/step-faults.pdf',
      '* Rolling median residuals flag sudden offsets in buoy readings',
      '',
    ].join('\n');
    expect(read('On Drift and Repair in Field Sensors.md', notes).entries.map((e) => [e.line, e.title])).toEqual([
      [5, 'Blind recalibration of dense sensor grids without a reference'],
      [9, 'Detecting step faults with rolling medians on coastal buoys'],
    ]);
  });
});

describe("a book's chapters and a project's versions", () => {
  it('reads "Chapter N: ..." and "V2" headings as parts of what is above them, not papers', () => {
    const book = '# Streams at Scale\n\n## Chapter 1: Windows and Watermarks\n- Tumbling vs sliding windows.\n\n## Ch. 4 Joins over Streams\n- Interval joins keep state for the window only.\n';
    expect(read('Streams at Scale.md', book).entries.map((e) => e.title)).toEqual(['Streams at Scale']);
    const protocols = '# Barter Protocols\n\n## Kettle\nA pool per listed token, orders matched in batches.\n\n### V1\nOne pool per token.\n\n### V2\nBatches replaced by continuous matching.\n';
    expect(read('protocols.md', protocols).entries.map((e) => e.title)).not.toContain('V2');
  });

  it('reads a note on "Chp 14. of ..." in a folder of paper notes as a chapter, not a paper', () => {
    const report = inspectNotes([
      { file: 'Design.Principles/README.md', bytes: Buffer.from('# Chp 14. of Computer Security: Design Principles\n\n- Least privilege: give each part only the rights it needs.\n- Fail-safe defaults: deny unless allowed.\n') },
      { file: 'Evaluating.Fuzz.Testing/README.md', bytes: Buffer.from('# Evaluating Fuzz Testing\n\nMost fuzzing papers evaluate with too few trials and no statistical tests.\n') },
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['Evaluating.Fuzz.Testing/README.md']);
  });
});

describe('a name the note-taker adds after a title', () => {
  it('leaves ", Moreau" off the front when the note opens with Moreau, and keeps ", Revisited"', () => {
    const org = [
      '* Salting Schedules under Uncertain Forecasts, Moreau :vrp:stochastic:',
      'Moreau presents a two-stage stochastic model for salting schedules.',
      '* Placing Grit Depots on a Ring Road, Okonjo',
      'Okonjo et al. consider depots on ring roads, which is NP-hard in general.',
      '* Dropout, Revisited',
      'Revisiting dropout shows that its benefit comes from the noise alone.',
      '',
    ].join('\n');
    expect(read('reading.org', org).entries.map((e) => e.title)).toEqual(['Salting Schedules under Uncertain Forecasts', 'Placing Grit Depots on a Ring Road', 'Dropout, Revisited']);
  });
});

describe('a heading that is the paper\'s whole reference', () => {
  it('is titled by the title the reference gives, in the Harvard, plain and Chicago styles', () => {
    const notes = [
      '# Flowering under canopies', '',
      '### Celis, J., et al. 2017. Intraspecific trait variation and the differential decline of meadow species during conifer encroachment. Plant Ecology.', '',
      '- Meadow species that flower less under shade declined most as conifers closed the canopy.', '',
      '### Hendry, A.P., and Day, T. 2005. Population structure attributable to reproductive time: isolation by time and adaptation by time. Molecular Ecology.', '',
      '- Populations that breed at different times diverge as if they were apart in space.', '',
      '### Barr, Dale J., Roger Levy, and Harry J. Tily. 2013. “Random Effects Structure for Confirmatory Hypothesis Testing: Keep It Maximal.” Journal of Memory and Language 68 (3): 255–78.', '',
      '- Mixed models should carry the maximal random effects the design justifies.', '',
      '### Albirini, A., 2011. The sociolinguistic functions of codeswitching between Standard Arabic and Dialectal Arabic. Language in Society, 40(05), 537–562.', '',
      '- Speakers switch to Standard Arabic to mark serious topics and to Dialectal Arabic for humour.', '',
      '### Buck, J.R., and St. Clair, S.B. 2012. Aspen increase soil moisture, nutrients, organic matter and respiration in Rocky Mountain forest communities. PLoS One.', '',
      '- Soils under aspen held more water and nutrients than under conifers.', '',
      '### Celis, J., et al. 2019. Consequences of reduced light for flower production in conifer-invaded meadows of the Pacific Northwest, USA. Plant Ecology.', '',
      '- Light penetration had significant effects on the probability of flowering.', '',
      '### Ibrahim, Muhammad H., 1983. Linguistic Distance and Literacy in Arabic. Journal of Pragmatics 7:507-515', '',
      '- The distance between spoken and written Arabic slows learning to read.', '',
    ].join('\n');
    expect(read('paper_notes.md', notes).entries.map((e) => e.title)).toEqual([
      'Intraspecific trait variation and the differential decline of meadow species during conifer encroachment',
      'Population structure attributable to reproductive time: isolation by time and adaptation by time',
      'Random Effects Structure for Confirmatory Hypothesis Testing: Keep It Maximal',
      'The sociolinguistic functions of codeswitching between Standard Arabic and Dialectal Arabic',
      'Aspen increase soil moisture, nutrients, organic matter and respiration in Rocky Mountain forest communities',
      'Consequences of reduced light for flower production in conifer-invaded meadows of the Pacific Northwest, USA',
      'Linguistic Distance and Literacy in Arabic',
    ]);
  });
});

describe('a slide deck of papers', () => {
  it('titles each slide\'s empty "# " by the quote under it, without its journal, citation or arXiv number', () => {
    const slides = [
      '---', 'marp: true', '---', '<!--', 'headingDivider: 1', '-->', '',
      '# ', '> Patterns of de novo tandem repeat mutations and their role in autism | Nature',
      '[https://www.nature.com/articles/s41586-020-03078-7](https://www.nature.com/articles/s41586-020-03078-7)', '',
      '- Tandem repeats in fetal brain regulatory regions are especially harmful in autism probands.', '',
      '# ', '> Phys. Rev. E 103, 012405 (2021) - Integer topological defects of cell monolayers: Mechanics and flows',
      '[https://journals.aps.org/pre/abstract/10.1103/PhysRevE.103.012405](https://journals.aps.org/pre/abstract/10.1103/PhysRevE.103.012405)', '',
      '- Defects in epithelial monolayers form as an active polar fluid model predicts.', '',
      '# ', '> [2101.09179] Contact-mediated cellular communication supplements positional information', '',
      '- Local cell-cell signalling sharpens the boundaries a morphogen gradient sets.', '',
    ].join('\n');
    const { entries } = read('[paper]202101_3.md', slides);
    expect(entries.map((e) => [e.title, e.line])).toEqual([
      ['Patterns of de novo tandem repeat mutations and their role in autism', 8],
      ['Integer topological defects of cell monolayers: Mechanics and flows', 14],
      ['Contact-mediated cellular communication supplements positional information', 20],
    ]);
    expect(entries.map(answerOf)[0]).toBe('Tandem repeats in fetal brain regulatory regions are especially harmful in autism probands.');
  });
});

describe('a note titled around the paper\'s title', () => {
  it('titles "Notes on \'Title\', by Authors" by the title in quotes, and leaves "Notes on Theory of Computation" whole', () => {
    const note = (title: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n\nThe paper argues that machine learning predicts outcomes well but does not estimate parameters.\n`;
    expect(read('MullainathanSpiess2017.md', note("Notes on 'Machine Learning: An Applied Econometric Approach', by Sendhil Mullainathan, and Jann Spiess")).entries[0]!.title).toBe(
      'Machine Learning: An Applied Econometric Approach',
    );
    expect(read('Kahn2016.md', note("Notes on 'The Climate Change Adaptation Literature', by")).entries[0]!.title).toBe('The Climate Change Adaptation Literature');
    expect(read('Angrist2014.md', note('Notes on: "The perils of peer effects", by Angrist, Joshua D.')).entries[0]!.title).toBe('The perils of peer effects');
    expect(cleanTitle('Notes on Theory of Computation')).toBe('Notes on Theory of Computation');
  });
});

describe('keynotes named as talks', () => {
  it('reads "### Keynote Talk 2: ..." with its speaker under it as a talk, not a paper', () => {
    const notes = [
      '## Day 1',
      '',
      '### Keynote Talk 2: Why Maps Lie About Rivers',
      '',
      '#### Odile Ferreira-Nakamura',
      '',
      'The speaker showed how one river survey can be drawn in very different ways, and argued that annotators inherit those choices.',
      '',
      '### Pruning Beam Search with Learned Stop Signals',
      '',
      'A learned stopping rule ends beam search once the best partial tree cannot be overtaken.',
      '',
    ].join('\n');
    const { entries, notPapers } = read('gloc.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Pruning Beam Search with Learned Stop Signals']);
    expect(notPapers).toContainEqual(expect.objectContaining({ line: 3, why: 'heading: a talk or event, not a paper' }));
  });
});

describe("a reading group's notes on one paper", () => {
  it('reads "Questions I have going in", "Things that went unanswered", "Overall notes" and "Other references" as parts of the paper, and leaves "Reading:" off its title', () => {
    const notes = [
      '# Reading: Labelling Functions for Weak Supervision',
      '',
      'The authors propose that experts write small labelling functions instead of labels, and a model combines their votes into training labels.',
      '',
      '# Questions I have going in',
      '* How are conflicting functions resolved?',
      '',
      '# Overall notes',
      '* Each function may abstain, trading recall for precision.',
      '',
      '# Things that went unanswered',
      '* Whether the functions could also serve as features.',
      '',
      '# Other references',
      '* [The project page](https://example.org/project)',
      '',
    ].join('\n');
    const { entries } = read('labelling-functions.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Labelling Functions for Weak Supervision']);
    expect(answerOf(entries[0]!)).toMatch(/^The authors propose that experts write small labelling functions/);
  });
});

describe("a reading group's notes on one paper, its sections as siblings of its title", () => {
  it('reads "Main Takeaways", "Raw Notes", "Notes for the authors" and "Discussion Questions" as parts of the paper above them', () => {
    const notes = [
      '# Earnings of Crowd Workers on a Task Market',
      '',
      '# Main Takeaways',
      '* The authors traced 2,600 workers over two years and find a median hourly wage of $1.77, largely lost to unpaid search and rejected work.',
      '',
      '# Questions Going In',
      '* What income do workers expect?',
      '',
      '# Raw Notes',
      '* Workers pick up tasks in batches to cut search time.',
      '',
      '# Notes for the authors',
      '* A figure of volume over time would help.',
      '',
      '# Discussion Questions',
      '* Could we automate task search for our own workers?',
      '',
      '# Areas for future work',
      '* Wages by region.',
      '',
    ].join('\n');
    const { entries } = read('crowd-earnings.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Earnings of Crowd Workers on a Task Market']);
    expect(answerOf(entries[0]!)).toMatch(/^The authors traced 2,600 workers over two years/);
  });

  it('reads sibling headings that name no part ("# Models (pre transformer)", "# Probing") as parts, beside "# Data" and "# Results"', () => {
    const notes = [
      'Okafor et al., 2022',
      '',
      'https://example.org/okafor2022.pdf',
      '',
      '# Discrete Units in Self-Supervised Speech Models',
      '',
      'RQ: do the codebook entries of a speech model line up with phonemes?',
      '',
      '# Models (pre transformer)',
      '- A convolutional encoder trained on 20 hours of read speech',
      '',
      '# Data',
      '- TIMIT',
      '',
      '# Probing',
      'A linear classifier on each layer predicts the phoneme label.',
      '',
      '# Results',
      '_(all models are small)_',
      '',
      '- Codebook entries match phonemes only moderately: one phoneme spreads over several entries.',
      '',
    ].join('\n');
    const { entries, notPapers } = read('okafor_et_al_2022.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Discrete Units in Self-Supervised Speech Models']);
    expect(notPapers.map((n) => n.text).join(' ')).not.toMatch(/Models|Probing/);
    expect(entries[0]!.body).toMatch(/convolutional encoder/);
    expect(entries[0]!.body).toMatch(/one phoneme spreads over several entries/);
  });

  it('keeps papers apart where each has its "# Results", or where the heading after one reads as a title', () => {
    const repeated = '# Discrete Units in Speech Models\n\nThey probe codebooks.\n\n# Results\n\n- Moderate match.\n\n# Phonetic Features in Layer Eight\n\nThey probe layers.\n\n# Results\n\n- Middle layers know most.\n\n# Data\n\n- TIMIT\n';
    expect(read('speech.md', repeated).entries.map((e) => e.title)).toEqual(['Discrete Units in Speech Models', 'Phonetic Features in Layer Eight']);
    const titled = '# Discrete Units in Speech Models\n\nThey probe codebooks.\n\n# Data\n\n- TIMIT\n\n# Results\n\n- Moderate match.\n\n# Wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations\n\nContrastive learning over quantised latents.\n';
    expect(read('speech.md', titled).entries.map((e) => e.title)).toEqual(['Discrete Units in Speech Models', 'Wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations']);
  });

  it('reads the takeaways beside a "# Reading" heading as the note of the one paper it names', () => {
    const notes = [
      '# Reading',
      '*Bandits for Choosing Team Structures*',
      'Sharon Lee, Maria Valente, Michael Bern',
      '',
      '# Questions I had before reading the paper',
      "* How do you change a team's structure in the middle of its work?",
      '',
      '# Takeaways',
      '* A network of few-armed bandits explores team structures online and lets teams switch structure as their task changes.',
      '',
    ].join('\n');
    const { entries } = read('dream-team.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Bandits for Choosing Team Structures']);
    expect(answerOf(entries[0]!)).toMatch(/^A network of few-armed bandits explores team structures online/);
  });

  it('reads the takeaways beside a "# Reading:" heading as the note of the paper its bullet links', () => {
    const notes = [
      '# Reading: Data Programming with DDLite/Snorkel',
      '* [Data Programming with DDLite: Putting Humans in a Different Part of the Loop](http://example.org/ddlite.pdf)',
      '* (The Snorkel project used to be called DDLite.)',
      '',
      '# 3 Takeaways',
      '* The authors propose that experts write labelling functions instead of labelling data, and a model combines their votes.',
      '',
      '# Questions I have going in',
      '* How are conflicting functions resolved?',
      '',
    ].join('\n');
    const { entries } = read('snorkel.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Data Programming with DDLite: Putting Humans in a Different Part of the Loop']);
    expect(answerOf(entries[0]!)).toMatch(/^The authors propose that experts write labelling functions/);
  });

  it('reads a "[Paper link](url)" line under the title as the paper\'s link, not a paper called "Paper link"', () => {
    const notes = ['# Mining Interfaces From Query Logs', '[Paper link](https://example.org/precision.pdf)', '', 'The authors generate task-specific interactive interfaces from the queries in a log.', ''].join('\n');
    const report = inspectNotes([{ file: 'precision.md', bytes: Buffer.from(notes) }]);
    expect(report.papers.map((p) => [p.title, 'answer' in p ? p.answer : p.skip])).toEqual([
      ['Mining Interfaces From Query Logs', 'The authors generate task-specific interactive interfaces from the queries in a log.'],
    ]);
  });
});

describe('where a paper was published', () => {
  it('leaves out a line saying where and whether the paper was published, and skips a note of only that', () => {
    const notes = [
      '### Optimal Discrete Decisions when Payoffs are Partially Identified',
      '- Published in ArXiv',
      '- This paper derives optimal decision rules when payoffs are only partially identified.',
      '',
      '### Social Networks with Unobserved Links',
      '- JPE just accepted',
      '- Point-identifies network models without observing any link.',
      '',
      '### Estimation of the Number of Mixture Components',
      '- Published in: Annals of Statistics',
      '',
    ].join('\n');
    expect(read('metrics.md', notes).entries.map(answerOf)).toEqual([
      'This paper derives optimal decision rules when payoffs are only partially identified.',
      'Point-identifies network models without observing any link.',
      'SKIP only where it was published (nothing about the paper)',
    ]);
  });
});

describe('references linked by their authors and year', () => {
  it('titles "[Roth (2022)](url): Pretest with Caution ..." by what follows the link, not the authors', () => {
    const notes = [
      '### Causal Inference',
      '[Roth (2022)](https://doi.org/10.1257/x): Pretest with Caution: Event-Study Estimates after Testing for Parallel Trends',
      '- This paper shows that tests for parallel trends have low power and that conditioning on passing them distorts inference.',
      '',
      '[Mogstad, Torgovitsky & Walters (2021)](https://example.org/p.pdf): The Causal Interpretation of Two-Stage Least Squares with Multiple Instruments',
      '- They show that with several instruments the usual monotonicity condition holds only if choice behaviour is homogeneous.',
      '',
      '[Borusyak, Hull, and Jaravel (2024)](https://example.org/w1.pdf): A Practical Guide to Shift-Share Instruments',
      '- Present the core logic of designs with many exogenous shifts or many exogenous shares.',
      '',
      '[Montiel Olea, Ke, and Nesbit (2021)](https://example.org/w2.pdf): Robust Machine Learning Algorithms for Text Analysis',
      '- Standard text classifiers are made robust to misspecified word distributions.',
      '',
    ].join('\n');
    expect(read('metrics.md', notes).entries.map((e) => e.title)).toEqual([
      'Pretest with Caution: Event-Study Estimates after Testing for Parallel Trends',
      'The Causal Interpretation of Two-Stage Least Squares with Multiple Instruments',
      'A Practical Guide to Shift-Share Instruments',
      'Robust Machine Learning Algorithms for Text Analysis',
    ]);
  });

  it('reads a topic heading over one such reference as the topic, and the reference as the paper, on a line or in a bullet', () => {
    const notes = [
      '#### Regression Discontinuity',
      '[Cattaneo, Keele & Titiunik (2021)](https://arxiv.org/pdf/2110.08410.pdf): Covariate Adjustment in Regression Discontinuity Designs',
      '- Adding covariates does not restore identification but can make the estimates more precise.',
      '',
      '#### Clustering',
      '- [Abadie, Athey, Imbens & Wooldridge (2021)](https://example.org/faculty/papers): Clustering Adjustments to Standard Errors',
      '    - The usual cluster variance can be too large when many clusters are sampled; the proposed estimator corrects it.',
      '',
    ].join('\n');
    expect(read('metrics.md', notes).entries.map((e) => e.title)).toEqual(['Covariate Adjustment in Regression Discontinuity Designs', 'Clustering Adjustments to Standard Errors']);
  });
});

describe("a course's reading notes: a reference, then a topic line", () => {
  it('answers from the "Topic:" line that says what the paper is about, and never from the reference above it', () => {
    const notes = [
      '# Week 12',
      '',
      '> Ten questions on the test will be based on these readings.',
      '',
      '## Touchstone: Exploring Trade-Offs In Experiment Design',
      '',
      '> Eiselmayer, A., & Mackay, W. (2019). Touchstone: Exploring trade-offs in experiment design. In Proceedings of the 2019 CHI Conference on Human Factors in Computing Systems. ACM.',
      '',
      'Topic: a direct-manipulation interface that generates experiment designs and compares their trade-offs.',
      '',
      'Interviewed participants named these problems in their designs:',
      '',
      '1. Time constraints',
      '2. Counterbalancing',
      '',
      '## Spaces And Traces In Public Housing',
      '',
      '> Kozubaev, S., Rochaix, F., & Le Dantec, C. (2019, May). Spaces and traces. In Proceedings of the 2019 CHI Conference on Human Factors in Computing Systems.',
      '',
      'Topic: housing, privacy, smart homes',
      '',
      'Residents saw the sensors installed in their flats as surveillance by the housing authority rather than as help.',
      '',
      '## The Aware Home: A Living Laboratory',
      '',
      '> Kidd, C., Orr, R., Abowd, G., & Essa, I. (1999). The aware home: A living laboratory for ubiquitous computing research. In Proceedings of the International Workshop on Cooperative Buildings (pp. 191-198). Springer.',
      '',
      'Topic: ubiquitous computing research in a house lived in by volunteers.',
      '',
    ].join('\n');
    const { entries } = read('week12.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['Touchstone: Exploring Trade-Offs In Experiment Design', 'Spaces And Traces In Public Housing', 'The Aware Home: A Living Laboratory']);
    expect(answerOf(entries[0]!)).toMatch(/^A direct-manipulation interface that generates experiment designs and compares their trade-offs\./);
    for (const entry of entries) expect(answerOf(entry)).not.toMatch(/Proceedings|Mackay|Dantec|Springer/);
    // The reference's sentences (its title, its venue) are no part of the note either.
    expect(answerOf(entries[2]!)).toBe('Ubiquitous computing research in a house lived in by volunteers.');
    // A topic named by keywords is no statement: the note's sentence is the answer.
    expect(answerOf(entries[1]!)).toBe('Residents saw the sensors installed in their flats as surveillance by the housing authority rather than as help.');
  });

  it('reads a heading over its paper\'s reference as that paper, its sub-headings as parts of its note', () => {
    const notes = [
      '# Week 7',
      '',
      '## What Do Prototypes Prototype',
      '',
      '> Houde, S., & Hill, C. (1997). What do prototypes prototype? In M. Helander (Ed.), Handbook of Human-Computer Interaction. Elsevier.',
      '',
      'Topic: a model that describes any prototype by what it shows of the artifact being designed, not by how it was made.',
      '',
      '### The Problem With Prototypes',
      '',
      'Designers disagree on what counts as a prototype.',
      '',
      '### What Is A Prototype',
      '',
      'Any representation of a design idea, regardless of medium.',
      '',
    ].join('\n');
    const { entries } = read('week07.md', notes);
    expect(entries.map((e) => e.title)).toEqual(['What Do Prototypes Prototype']);
    expect(answerOf(entries[0]!)).toMatch(/^A model that describes any prototype/);
  });

  it('reads a textbook chapter\'s sections, and a numbered book section, as no papers', () => {
    const notes = [
      '# Week 4',
      '',
      '## Chapter 2: The Human Factor',
      '',
      'Humans sense, decide and respond; interfaces are built around those three stages.',
      '',
      '### Sensors',
      '',
      'Hearing resolves pitch changes far smaller than vision resolves brightness changes.',
      '',
      '### The Brain',
      '',
      'Perception is the first stage of processing, where sensory signals arrive.',
      '',
      '## Section 3.8: Interaction Errors',
      '',
      'The big errors are the easy ones: they get fixed.',
      '',
      '## Direct Manipulation Interfaces',
      '',
      '> Hutchins, E. L., Hollan, J. D., & Norman, D. A. (1985). Direct manipulation interfaces. Human-Computer Interaction, 1(4).',
      '',
      'Topic: a cognitive account of the advantages and disadvantages of direct manipulation interfaces.',
      '',
    ].join('\n');
    const report = inspectNotes([{ file: 'week04.md', bytes: Buffer.from(notes) }]);
    expect(report.papers.map((p) => p.title)).toEqual(['Direct Manipulation Interfaces']);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ line: 7, why: 'heading: a section of "Chapter 2: The Human Factor", not a paper' }));
    expect(report.notPapers).toContainEqual(expect.objectContaining({ line: 15, why: "heading: a book's chapter, not a paper" }));
  });
});

describe('literature notes named by citation keys', () => {
  it('titles a note "Author - Title - Year" by its title', () => {
    const report = inspectNotes([
      { file: 'graham2009.md', bytes: Buffer.from('# Paul Graham - Keep Your Identity Small - February 2009\n\nPeople argue well only about topics that engage no part of their identity.\n') },
      { file: 'ahrens2017.md', bytes: Buffer.from('# Sönke Ahrens - How To Take Smart Notes - 2017\n\nLink permanent notes in a slip-box so ideas grow from their connections.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Keep Your Identity Small', 'How To Take Smart Notes']);
  });

  it('reads a note named by its citation key as one work, its numbered headings its sections', () => {
    const note = (title: string, body: string) => Buffer.from(`+++\ntitle = "${title}"\nauthors = "Lee et al."\nyear = 2019\n+++\n\n${body}\n`);
    const report = inspectNotes([
      {
        file: 'ahrensHowTakeSmart2017.md',
        bytes: Buffer.from(
          [
            '# Sönke Ahrens - How To Take Smart Notes - 2017',
            '',
            '## 2 - Everything You Need To Do',
            '',
            'Keep fleeting notes, literature notes and permanent notes, and link the permanent ones in a slip-box.',
            '',
            '## 10 - Read For Understanding',
            '',
            '### 10.1 - Read With A Pen In Hand',
            '',
            'Write down what you read in your own words, to link it into the slip-box later.',
            '',
            '### 10.2 - Keep An Open Mind',
            '',
            'Note what contradicts your view as readily as what confirms it.',
            '',
          ].join('\n'),
        ),
      },
      { file: 'leeSparseProbesSyntax2019.md', bytes: note('Sparse Probes for Syntax', 'Predicts syntax from ten selected neurons, showing that a few units carry most of it.') },
    ]);
    expect(report.papers.map((p) => [p.file, p.title])).toEqual([
      ['ahrensHowTakeSmart2017.md', 'How To Take Smart Notes'],
      ['leeSparseProbesSyntax2019.md', 'Sparse Probes for Syntax'],
    ]);
  });
});

describe('a reading list of references, each with its notes', () => {
  it('reads a bullet written as "Authors. Title. Venue Year. URL" as that paper, its nested bullets as its note', () => {
    const notes = [
      'Machine Learning',
      '================',
      '',
      'General',
      '-------',
      '',
      '* Pedro Domingos. A Few Useful Things to Know about Machine Learning. CACM 2012. http://example.org/cacm12.pdf',
      '    - Learning is representation, evaluation and optimization; the last two are often overlooked.',
      '',
      '* Kiri L. Wagstaff. Machine Learning that Matters. ICML 2012. http://arxiv.org/pdf/1206.4656.pdf',
      '  - Gains on benchmarks are rarely checked against whether they matter to anyone.',
      '',
      '* Albert Corbett and John Anderson. Knowledge Tracing: Modeling the Acquisition of Procedural Knowledge http://example.org/kt.pdf',
      '  - Tracks the probability that a student knows each skill with a hidden Markov model.',
      '',
      'Learning',
      '--------',
      '',
      '* D. Sculley et al. Machine Learning: The High-Interest Credit Card of Technical Debt. SE4ML 2014. http://example.org/debt.pdf',
      '  - ML systems pile up hidden maintenance costs through entanglement and feedback loops.',
      '',
    ].join('\n');
    const { entries } = read('ml.md', notes);
    expect(entries.map((e) => [e.title, answerOf(e)])).toEqual([
      ['A Few Useful Things to Know about Machine Learning', 'Learning is representation, evaluation and optimization; the last two are often overlooked.'],
      ['Machine Learning that Matters', 'Gains on benchmarks are rarely checked against whether they matter to anyone.'],
      ['Knowledge Tracing: Modeling the Acquisition of Procedural Knowledge', 'Tracks the probability that a student knows each skill with a hidden Markov model.'],
      // The heading over one reference is its topic, not that paper's name.
      ['Machine Learning: The High-Interest Credit Card of Technical Debt', 'ML systems pile up hidden maintenance costs through entanglement and feedback loops.'],
    ]);
  });
});

describe('sentences about what the authors did', () => {
  it('reads "Authors introduce ..." as the note\'s sentence, "Authors: ..." as the author line, and "Authors release the code" as a pointer', () => {
    const notes = [
      '# ImageNet Classification with Deep Convolutional Networks',
      '',
      'Authors: Alex Krizhevsky, Ilya Sutskever, Geoffrey Hinton',
      '',
      '**Problem**',
      '',
      'Image classification for over a million images into 1000 object classes.',
      '',
      '**Key points**',
      '',
      '1. Authors introduce a deep convolutional network for image classification that wins the challenge by a wide margin.',
      '2. Authors release the code in this github.',
      "3. Authors' code can be downloaded from here.",
      '',
    ].join('\n');
    const [entry] = read('alexnet.md', notes).entries;
    expect(answerOf(entry!)).toMatch(/Authors introduce a deep convolutional network for image classification/);
    expect(answerOf(entry!)).not.toMatch(/Krizhevsky|github|downloaded/);
    // Where the code is, and nothing else, says nothing of the paper.
    const [pointer] = read('imagined-goals.md', '# Visual Reinforcement Learning with Imagined Goals\n\nAuthors release the code in this github.\n').entries;
    expect(answerOf(pointer!)).toBe('SKIP only links (nothing about the paper)');
  });
});

describe('an Obsidian vault kept to a template', () => {
  it('leaves out the template\'s prompts ("💡 Write a brief summary of this paper here"), and skips a note of only those', () => {
    const note = (body: string) => Buffer.from(`---\ntitle: "Sparse Attention Heads"\n---\n${body}\n`);
    const report = inspectNotes([
      { file: 'Papers/Sparse Heads.md', bytes: note('# Summary\n💡 Write a brief summary of this paper here\nGates on each head close during training, and the closed heads are pruned.\n# Methodology\n💡 Describe the methodology used in this paper\n# Related Papers\n💡 Include any related papers that are relevant to this one\n') },
      { file: 'Papers/Ring Attention.md', bytes: note('# Summary\n💡 Write a brief summary of this paper here\n# Methodology\nDescribe the methodology used in this paper\n') },
    ]);
    expect(report.papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual([
      'Gates on each head close during training, and the closed heads are pruned.',
      'only a placeholder (nothing about the paper)',
    ]);
  });
  it('answers from the front matter\'s "summary:" when the note below says nothing', () => {
    const report = inspectNotes([
      { file: 'Papers/Lumiere.md', bytes: Buffer.from('---\ntitle: "Lumiere: A Space-Time Diffusion Model for Video Generation"\nsummary: Use a 3D UNet to diffuse video frames in both temporal and spatial dimensions.\n---\n# Summary\n![[figure.png]]\n') },
    ]);
    expect(report.papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual(['Use a 3D UNet to diffuse video frames in both temporal and spatial dimensions.']);
  });
  it('reads "\\r" in a double-quoted front matter title as the line break it spells', () => {
    const report = inspectNotes([{ file: 'Papers/DETR.md', bytes: Buffer.from('---\ntitle: "DEFORMABLE DETR: DEFORMABLE TRANSFORMERS\\rFOR END-TO-END OBJECT DETECTION"\n---\nAdds deformable attention to DETR so that each query attends to a few sampled points.\n') }]);
    expect(report.papers.map((p) => p.title)).toEqual(['DEFORMABLE DETR: DEFORMABLE TRANSFORMERS FOR END-TO-END OBJECT DETECTION']);
  });
  it('sets aside the notes of a "Non-Papers" or "Templates" folder', () => {
    const concept = Buffer.from('---\ntitle: FID\nsummary: Frechet Inception Distance, a metric of generated image quality.\n---\nFID compares the statistics of Inception features of real and generated images.\n');
    const report = inspectNotes([
      { file: 'Non-Papers/FID.md', bytes: concept },
      { file: 'Templates/Template - Surveys.md', bytes: Buffer.from('# The Big Picture\nWhat area does the survey cover, and how is it organised?\n') },
      { file: 'Papers/Sparse Heads.md', bytes: Buffer.from('# Sparse Attention Heads\nGates on each head close during training, and the closed heads are pruned.\n') },
    ]);
    expect(report.papers.map((p) => p.file)).toEqual(['Papers/Sparse Heads.md']);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ file: 'Non-Papers/FID.md', why: "a note in a folder of concepts, templates or other notes that are not papers (its folder's name says so)" }));
  });
  it('says a sentence once when the front matter\'s summary repeats it under "# Summary"', () => {
    const report = inspectNotes([
      { file: 'Papers/SDXL.md', bytes: Buffer.from('---\ntitle: "SDXL: Improving Latent Diffusion Models"\nsummary: A larger latent diffusion model with a refiner stage for high-resolution images.\n---\n# Summary\nA larger latent diffusion model with a refiner stage for high-resolution images.\n') },
    ]);
    expect(report.papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual(['A larger latent diffusion model with a refiner stage for high-resolution images.']);
  });
});

describe("a site's paper pages, their links defined elsewhere", () => {
  it('shows a reference link whose definition is not in the file ("[Spec#][barnett:2004]") as its label', () => {
    const page = '---\ntitle: "The Spec# experience"\n---\n\n[Spec#][barnett:cassis:2004]\nadded automated verification to C# through method contracts and [loop invariants][leino:2010].\n';
    const report = inspectNotes([{ file: '_papers/barnett:cacm:2011.md', bytes: Buffer.from(page) }]);
    expect(report.papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual(['Spec# added automated verification to C# through method contracts and loop invariants.']);
  });

  it('keeps a rating and its bracketed summary as the rated bullets write them', () => {
    const [entry] = read('iccv.md', '- [7/10][Robustness to attacks and to common corruptions are independent] [Are Adversarial and Common Robustness Independent](https://arxiv.org/abs/1909.02436)\n- [9/10][Gambler] [I Bet You Are Wrong](https://arxiv.org/abs/1909.00001) A gambler network weights the loss.\n').entries;
    expect(answerOf(entry!)).toBe('Robustness to attacks and to common corruptions are independent.');
  });
});

describe('a resource list whose entries have sections of their own', () => {
  it('reads each "### Title" over "#### URL", "#### Notes", "#### Citation" as a paper, not the list as one', () => {
    const notes = [
      '# Resource List',
      '## Keywords',
      'WebRTC, DNS',
      '',
      '## Resources',
      '### Overload Control for Microsecond-scale RPCs with Breakwater',
      '#### URL',
      'https://example.org/breakwater.pdf',
      '#### Notes',
      '- Servers grant credits to clients so that queues stay short under overload.',
      '#### Citation',
      'I. Cho et al., "Overload Control for us-scale RPCs with Breakwater," in OSDI, 2020.',
      '',
      '### Performance Analysis of Sun RPC',
      '#### URL',
      'https://example.org/sunrpc.pdf',
      '#### Notes',
      '- Measures where the time of a remote call goes, marshalling most of it.',
      '#### Citation',
      'A. Author, "Performance Analysis of Sun RPC," 1999.',
      '',
    ].join('\n');
    const { entries } = read('project/master.md', notes);
    expect(entries.map((e) => [e.title, answerOf(e)])).toEqual([
      ['Overload Control for Microsecond-scale RPCs with Breakwater', 'Servers grant credits to clients so that queues stay short under overload.'],
      ['Performance Analysis of Sun RPC', 'Measures where the time of a remote call goes, marshalling most of it.'],
    ]);
  });
});

describe('a notes template whose fields are headings ("## Title:" over its value)', () => {
  const note = (title: string, significance: string) =>
    Buffer.from(
      `03/02/21\n## Authors:\nOkafor, Ada and Lindqvist, Per\n## Title:\n${title}\n## Keywords:\nkelp, sonar, canopy\n## Study Area\nSouthern California Bight\n## Field Dates:\n05/2019 - 09/2019\n` +
        `## Significance:\n${significance}\n\n## Notes:\nThe echosounder was mounted on a buoy beside the kelp bed.\n\nObservations:\n- Canopy returns were strongest at dusk.\n`,
    );

  it('takes the title from under "## Title:", each file one paper, its significance the answer', () => {
    const report = inspectNotes([
      { file: 'acoustics/Okafor2021.md', bytes: note('Mapping kelp canopy height with a moored upward-looking echosounder', 'A moored echosounder measured kelp canopy height through a whole season, where divers had measured it once a month.') },
      { file: 'acoustics/Lindqvist2020.md', bytes: note('Tracking krill swarms from an autonomous surface vehicle', 'An autonomous surface vehicle with a split-beam echosounder followed krill swarms for days without a ship.') },
    ]);
    expect(report.papers.map((p) => [p.title, p.line, 'answer' in p ? p.answer : p.skip])).toEqual([
      ['Mapping kelp canopy height with a moored upward-looking echosounder', 5, 'A moored echosounder measured kelp canopy height through a whole season, where divers had measured it once a month.'],
      ['Tracking krill swarms from an autonomous surface vehicle', 5, 'An autonomous surface vehicle with a split-beam echosounder followed krill swarms for days without a ship.'],
    ]);
  });
});

describe('a notes template whose fields are headings with their values ("# Title: ...")', () => {
  const note = (title: string, takeaway: string) =>
    Buffer.from(
      `# Title: ${title}\n# Authors: Okafor et al (2019)\n\n### Main Takeaway: ${takeaway}\n\n# General Notes:\n\n* 12 patients, 900 units recorded over two sessions.\n    * Screening in the morning, testing after lunch.\n\n# Questions:\n* Would the units respond to sounds as well?\n`,
    );

  it('takes the title from its heading, each file one paper, the main takeaway the answer', () => {
    const report = inspectNotes([
      { file: 'Memory/2019_Okafor.md', bytes: note('Single neurons that fire for one remembered place', 'Hippocampal neurons fire for one place whether it is seen or only recalled.') },
      { file: 'Vision/2020_Lindqvist.md', bytes: note('Sparse codes for faces in the temporal lobe', 'A few temporal-lobe neurons each answer to one face, from any angle.') },
      // The template the notes are written to: its fields' names and nothing else.
      { file: 'plain.md', bytes: Buffer.from('# Title:\n# Authors:\n\n### Main Takeaway:\n\n# General Notes:\n\n# Questions:\n') },
    ]);
    expect(report.papers.map((p) => [p.file, p.title, p.line, 'answer' in p ? p.answer : p.skip])).toEqual([
      ['Memory/2019_Okafor.md', 'Single neurons that fire for one remembered place', 1, 'Hippocampal neurons fire for one place whether it is seen or only recalled.'],
      ['Vision/2020_Lindqvist.md', 'Sparse codes for faces in the temporal lobe', 1, 'A few temporal-lobe neurons each answer to one face, from any angle.'],
    ]);
    expect(report.warnings.map((w) => [w.file, w.message])).toEqual([['plain.md', 'no paper read from this file (a template for notes, not notes)']]);
  });
});

describe('an index that titles notes files with no title of their own', () => {
  const untitled = (what: string) => Buffer.from(`## What?\n\n${what}\n\n## Why?\n\nCode models often produce code people would not write.\n\n## Main findings\n\nFewer errors than alone.\n\n## Where\n\n[pdf](https://example.org/paper.pdf)\n`);
  const readme = [
    '# My reading notes',
    '',
    '<em>(2022-5-28)</em> Better Together? An Evaluation of AI-Supported Code Translation. Weisz, et al. IUI (2022). [Notes](notes/weisz/weisz.md)',
    '',
    '<em>(2022-3-1)</em> Okafor, et al. Program synthesis with large language models arXiv:2108.07732 (2021).',
    '[Notes](notes/okafor/okafor.md)',
    '',
    '- [Sparse Attention Heads (2020) - Lindqvist, Okafor](notes/sparse.md)',
    '',
  ].join('\n');

  it('titles each by its entry in the index (its title, not its authors, date or venue), the index no paper', () => {
    const report = inspectNotes([
      { file: 'README.md', bytes: Buffer.from(readme) },
      { file: 'notes/weisz/weisz.md', bytes: untitled('A controlled study of 32 engineers translating code with a generative model beside them.') },
      { file: 'notes/okafor/okafor.md', bytes: untitled('They measure how well large language models write short Python programs from a description and tests.') },
      { file: 'notes/sparse.md', bytes: Buffer.from('# Sparse Attention Heads\n\nGates on each head close during training, and the closed heads are pruned.\n') },
    ]);
    expect(report.papers.map((p) => [p.file, p.title, 'answer' in p ? p.answer : p.skip])).toEqual([
      // (What the study is, then its "Main findings".)
      ['notes/weisz/weisz.md', 'Better Together? An Evaluation of AI-Supported Code Translation', 'A controlled study of 32 engineers translating code with a generative model beside them. Fewer errors than alone.'],
      ['notes/okafor/okafor.md', 'Program synthesis with large language models', 'They measure how well large language models write short Python programs from a description and tests. Fewer errors than alone.'],
      ['notes/sparse.md', 'Sparse Attention Heads', 'Gates on each head close during training, and the closed heads are pruned.'],
    ]);
    expect(report.notPapers.filter((n) => n.file === 'README.md')).not.toEqual([]);
  });

  it('leaves a file the index names by a topic as the papers it holds, however briefly they are named', () => {
    const topic = '## BERT\n\nMasked words are predicted from both sides, pretraining one encoder for many tasks.\n\n## T5\n\nEvery task is cast as text to text, one model trained on all of them.\n';
    const report = inspectNotes([
      { file: 'README.md', bytes: Buffer.from('# Notes\n\n- [Transformers](notes/transformers.md)\n- [Sparse Attention Heads](notes/sparse.md)\n') },
      { file: 'notes/transformers.md', bytes: Buffer.from(topic) },
      { file: 'notes/sparse.md', bytes: Buffer.from('# Sparse Attention Heads\n\nGates on each head close during training, and the closed heads are pruned.\n') },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['BERT', 'T5', 'Sparse Attention Heads']);
  });
});

describe("a file's one title linking its paper, over bold lines that link none", () => {
  it('reads the file as that paper, its bold concepts and sub-headings parts of its note', () => {
    const note = [
      '## [Gated Shortcut Networks](https://arxiv.org/abs/1234.56789)',
      '',
      '### Relevant Concepts:',
      '  * **Residual learning**: a stack of layers learns a correction to its input rather than a whole mapping.',
      '',
      '  *[image source](https://example.org/residual-figure)*',
      '',
      '  * **Gating** : a learned value between 0 and 1 that scales what passes through it.',
      '',
      '',
      '* The paper proposes shortcut connections whose gate decides, per example, how much of each correction to keep.',
      '',
      ' **[1] Gate per example**:',
      '',
      '   * The gate is a sigmoid of a linear map of the input.',
      '',
      '**More detailed explanation** :',
      '  * The gates are trained with the rest of the network.',
      '',
      '**[2] Gate per layer**:',
      '',
    ].join('\n') + '\n';
    const report = inspectNotes([
      { file: 'papers/gated.md', bytes: Buffer.from(note) },
      { file: 'papers/other.md', bytes: Buffer.from('# Sparse Attention Heads\n\nGates on each head close during training, and the closed heads are pruned.\n') },
    ]);
    expect(report.papers.map((p) => [p.file, p.title])).toEqual([
      ['papers/gated.md', 'Gated Shortcut Networks'],
      ['papers/other.md', 'Sparse Attention Heads'],
    ]);
    expect(report.papers[0]).toMatchObject({ answer: expect.stringContaining('The paper proposes shortcut connections whose gate decides') });
  });
});

describe('a lead-in over its parts, each named in bold', () => {
  it('names the parts after the lead-in, the list nested or numbered around explanations', () => {
    const nested =
      '# Tailoring Language Models to Small Data\n\n* Fine-tuned models over- or under-estimate rare sentences.\n* The paper proposes a 3-component approach to fix this:\n  1. **Ratio estimator** that given a sentence, estimates how far the model is from the data, using a classifier trained on both.\n  2. **Tailored probability** computed from the ratio estimator once, at no cost per sample.\n  3. **Early rejection sampling**: samples from the model and drops those with a bad ratio.\n';
    const numbered =
      '# Recurrent Transformers Beyond a Fixed Context\n\n* Transformers see a fixed-length context of 512 tokens.\n* This paper proposes two novel ideas to remedy this:\n\n1. **Recurrence Mechanism** :\nThe hidden states of the previous segment are kept and attended to by the next one.\n\nAs shown above, no gradient flows into the previous segment.\n\n2. **Relative Positional Encoding**\n';
    const report = inspectNotes([
      { file: 'nested.md', bytes: Buffer.from(nested) },
      { file: 'numbered.md', bytes: Buffer.from(numbered) },
    ]);
    const answers = report.papers.map((p) => (p as { answer: string }).answer);
    expect(answers[0]).toContain('The paper proposes a 3-component approach to fix this: Ratio estimator; Tailored probability; Early rejection sampling.');
    expect(answers[1]).toContain('This paper proposes two novel ideas to remedy this: Recurrence Mechanism; Relative Positional Encoding.');
  });
});

describe('a vault note filed by its tags and links to other notes', () => {
  it('keeps the tags, the note links and a "Refs" section out of the answer and the papers', () => {
    const note =
      '# Human magnetoreception\n\n#sensory #stats\n\nParents: [[magnetism]]\nBelongs to: senses, statistics\n\nHungry men looking at blue light sensed the direction of the magnetic field, 60% of the time.\n\n# Refs\n\n- On compasses: Smith & Jones, 2011.\n\n# Relevant work\n\nEarlier studies found no such effect.\n';
    const report = inspectNotes([
      { file: 'papers/Chae2019.md', bytes: Buffer.from(note) },
      { file: 'papers/Alamia2020.md', bytes: Buffer.from('# Waves after DMT\n\n#neuro #dreams\n\nAfter DMT, forward travelling waves grow and backward ones shrink.\n') },
    ]);
    expect(report.papers.map((p) => [p.file, 'answer' in p ? p.answer : p.skip])).toEqual([
      ['papers/Chae2019.md', 'Hungry men looking at blue light sensed the direction of the magnetic field, 60% of the time.'],
      ['papers/Alamia2020.md', 'After DMT, forward travelling waves grow and backward ones shrink.'],
    ]);
  });
});

describe("a note headed by the note-taker's own name for its paper, over the paper's reference", () => {
  it("titles the card by the reference's title (APA or MLA), after the note's tags and links", () => {
    const report = inspectNotes([
      {
        file: 'papers/Chae2019.md',
        bytes: Buffer.from('# Hungry blue men\n\nChae, K. S., Oh, I. T., & Kim, S. C. (2019). Blue light-dependent human magnetoreception in geomagnetic food orientation._PloS one_,_14_(2), e0211826.\nhttps://journals.plos.org/x\n\nThey claim hungry men sense the magnetic field under blue light.\n'),
      },
      {
        file: 'papers/Jones2020.md',
        bytes: Buffer.from('# Jones2020neuromnist\n\n#dendritic\n\nParent: [[dendritic_comp]]\nRelated: [[mnist]]\n\nJones, I. S., & Kording, K. P. (2020). Can Single Neurons Solve MNIST? The Computational Power of Biological Dendritic Trees. arXiv preprint arXiv:2009.01269.\n\nA single neuron with a binary dendritic tree classifies MNIST digits almost as well as a small network.\n'),
      },
      {
        file: 'papers/Beniaguev2019.md',
        bytes: Buffer.from('# Beniaguev2019deepneurons\n\nBeniaguev, David, Segev Idan, and London Michael. "Single Cortical Neurons as Deep Artificial Neural Networks." bioRxiv (2019): 613141.\n\nTo mimic a detailed model of a pyramidal neuron, a temporal network of seven layers is needed.\n'),
      },
      // Headed by the title itself: kept as the note-taker wrote it.
      {
        file: 'papers/Turpin2019.md',
        bytes: Buffer.from('# Bullshit makes the art grow profounder\n\nTurpin, M. H., & Stolz, J. A. (2019). Bullshit makes the art grow profounder. Available at SSRN 3410674.\n\nRandom profound titles made people rate abstract art higher.\n'),
      },
    ]);
    expect(report.papers.map((p) => [p.file, p.line, p.title])).toEqual([
      ['papers/Chae2019.md', 1, 'Blue light-dependent human magnetoreception in geomagnetic food orientation'],
      ['papers/Jones2020.md', 1, 'Can Single Neurons Solve MNIST? The Computational Power of Biological Dendritic Trees'],
      ['papers/Beniaguev2019.md', 1, 'Single Cortical Neurons as Deep Artificial Neural Networks'],
      ['papers/Turpin2019.md', 1, 'Bullshit makes the art grow profounder'],
    ]);
  });
});

describe('plain-text notes, each paper named only by its citation key', () => {
  it('reads "(Author, Year)" alone on its line as a paper, its notes under it, a bracketed title after it its title', () => {
    const text = [
      '# I cannot find this one in the sources',
      '* Pausing is favoured by pyrimidines at the growing end (Chan and Landick, 1993)',
      '',
      '(Mejia, 2014)',
      '',
      '(Complete dissection of transcription elongation reveals slow',
      'translocation of RNA polymerase II)',
      '',
      '* Fitting a kinetic model to single-molecule data shows the polymerase rarely reaches equilibrium.',
      '',
      '(Forde, 2002)',
      '',
      '* The polymerase stays 40 seconds at the end of the template; force does not change it.',
      '',
      '(Weixlbaumer et al. 2013)',
      '* The elemental paused state comes from lost protein-nucleic acid contacts, not a weak hybrid.',
      '',
    ].join('\n');
    const report = inspectNotes([{ file: 'paper_notes.txt', bytes: Buffer.from(text) }]);
    expect(report.papers.map((p) => [p.line, p.title, 'answer' in p ? p.answer : p.skip])).toEqual([
      [6, 'Complete dissection of transcription elongation reveals slow translocation of RNA polymerase II', 'Fitting a kinetic model to single-molecule data shows the polymerase rarely reaches equilibrium.'],
      [11, 'Forde, 2002', 'The polymerase stays 40 seconds at the end of the template; force does not change it.'],
      [15, 'Weixlbaumer et al. 2013', 'The elemental paused state comes from lost protein-nucleic acid contacts, not a weak hybrid.'],
    ]);
  });

  it('leaves a citation key in a note as the note\'s text where fewer than three stand alone', () => {
    const text = '# Attention Is All You Need\n\nSelf-attention replaces recurrence entirely.\n\n(Vaswani, 2017)\n\nMulti-head attention looks at several subspaces at once.\n';
    const report = inspectNotes([{ file: 'notes.md', bytes: Buffer.from(text) }]);
    expect(report.papers.map((p) => p.title)).toEqual(['Attention Is All You Need']);
  });
});

describe('list items titled after their venue and year in brackets', () => {
  it('reads "[NSDI’24] Title：gist" items as papers, two to a topic, the title\'s own colons kept', () => {
    const notes = [
      '## Systems',
      '',
      '### Networking',
      '',
      '- [NSDI’24] Swing: Short-cutting Rings for Higher Bandwidth Allreduce：在环形 allreduce 中加入短接，使每一步的通信距离更短，从而提高带宽',
      '- [ASPLOS\'24, Best Paper] Centauri: Enabling Efficient Scheduling for Communication-Computation Overlap',
      '',
      '### Serving',
      '',
      'Requests have two phases with different costs.',
      '',
      '- [OSDI\'24] DistServe: Disaggregating Prefill and Decoding for Goodput-optimized LLM Serving：把 prefill 和 decoding 放到不同的 GPU 上处理，分别优化两者的延迟',
      '- [OSDI\'24] Fairness in Serving Large Language Models',
    ].join('\n');
    const report = inspectNotes([{ file: 'mlsys.md', bytes: Buffer.from(notes) }]);
    expect(report.papers.map((p) => [p.line, p.title, 'answer' in p ? p.answer : p.skip])).toEqual([
      [5, 'Swing: Short-cutting Rings for Higher Bandwidth Allreduce', '在环形 allreduce 中加入短接，使每一步的通信距离更短，从而提高带宽。'],
      [6, 'Centauri: Enabling Efficient Scheduling for Communication-Computation Overlap', 'empty note (nothing under the title)'],
      [12, 'DistServe: Disaggregating Prefill and Decoding for Goodput-optimized LLM Serving', '把 prefill 和 decoding 放到不同的 GPU 上处理，分别优化两者的延迟。'],
      [13, 'Fairness in Serving Large Language Models', 'empty note (nothing under the title)'],
    ]);
  });
});

describe('a paper listed twice in one file', () => {
  it('is one paper where its notes are, the other listing named as such; noted twice, it stays two', () => {
    const post = [
      '[SIGCOMM 22](https://conferences.sigcomm.org/sigcomm/2022/) had 55 papers in 11 sessions.',
      '',
      '### Interested Papers',
      '',
      '- [Cebinae: Scalable In-network Fairness Augmentation](https://example.org/cebinae.pdf): Fairness among congestion control protocols with programmable switches.',
      '- [FlyMon: On-the-Fly Task Reconfiguration for Network Measurement](https://example.org/flymon.pdf)',
      '',
      '### Cebinae: Scalable In-network Fairness Augmentation',
      '',
      'Fairness among congestion control protocols with programmable switches. Flows over their fair share are taxed at the switch.',
      '',
      '### FlyMon: On-the-Fly Task Reconfiguration for Network Measurement',
      '',
      'Sketch-based measurement whose tasks can be reconfigured while the switch runs.',
    ].join('\n');
    const report = inspectNotes([{ file: 'sigcomm22.md', bytes: Buffer.from(post) }]);
    expect(report.papers.map((p) => [p.line, p.title])).toEqual([
      [8, 'Cebinae: Scalable In-network Fairness Augmentation'],
      [12, 'FlyMon: On-the-Fly Task Reconfiguration for Network Measurement'],
    ]);
    expect(report.notPapers).toContainEqual(expect.objectContaining({ line: 5, why: 'the same paper as line 8, listed again' }));

    const readTwice = '* Distributed Representations of Words 2013\n-explains the skip-gram model and hierarchical softmax\n* Distributed Representations of Words 2013\n-projects sparse words into a dense space where analogies are vector arithmetic\n';
    expect(inspectNotes([{ file: 'papers.org', bytes: Buffer.from(readTwice) }]).papers.map((p) => p.line)).toEqual([1, 3]);
  });
});

describe('a link to a conference named with its short year', () => {
  it('reads "[SIGCOMM 22](site) had ..." and "[ATC 22](site)" as the conference, not a paper', () => {
    const post = '[SIGCOMM 22](https://conferences.sigcomm.org/sigcomm/2022/) had 55 papers in 11 sessions.\n\n[ATC 22](https://www.usenix.org/conference/atc22) was online this year.\n\n## Cebinae: Scalable In-network Fairness Augmentation\n\nFlows over their fair share are taxed at the switch.\n';
    const report = inspectNotes([{ file: 'sigcomm22.md', bytes: Buffer.from(post) }]);
    expect(report.papers.map((p) => p.title)).toEqual(['Cebinae: Scalable In-network Fairness Augmentation']);
  });
});

describe('a folder per paper, each with its README', () => {
  it('titles a README with no title of its own by its folder, and a short name by the rest of it', () => {
    const report = inspectNotes([
      { file: 'papers/Dissecting-the-Graphcore-IPU-Architecture/README.md', bytes: Buffer.from('## Notes\n\n* 1216 tiles, each a processor with 256 KiB of its own memory.\n\n### CPU\n\n* Deep caches and branch prediction.\n\n### IPU\n\n* Scratchpad memories, no caches at all.\n') },
      { file: 'papers/Softshell-Dynamic-Scheduling-on-GPUs/README.md', bytes: Buffer.from('# Softshell\n\nSoftshell schedules work on GPUs at run time, with priorities the host can change.\n') },
      { file: 'papers/Studying-Persistent-Threads-on-GPUs/README.md', bytes: Buffer.from('## Learn more about:\n* Persistent threads\n\n## Notes\n* Each thread stays alive for the whole kernel and takes work from a queue until none is left.\n') },
      { file: 'papers/Merrimac-Supercomputing-with-Streams/README.md', bytes: Buffer.from('# Merrimac: Supercomputing with Streams\n\nA streaming processor whose register hierarchy keeps most traffic off the memory system.\n') },
    ]);
    expect(report.papers.map((p) => [p.file.split('/')[1], p.line, p.title])).toEqual([
      ['Dissecting-the-Graphcore-IPU-Architecture', 1, 'Dissecting the Graphcore IPU Architecture'],
      ['Softshell-Dynamic-Scheduling-on-GPUs', 1, 'Softshell: Dynamic Scheduling on GPUs'],
      ['Studying-Persistent-Threads-on-GPUs', 1, 'Studying Persistent Threads on GPUs'],
      ['Merrimac-Supercomputing-with-Streams', 1, 'Merrimac: Supercomputing with Streams'],
    ]);
  });
});

describe("a paper's full reference under its title", () => {
  it('keeps the reference, in any style, off the back, and a sentence naming the paper on it', () => {
    const report = inspectNotes([
      { file: 'ieee.md', bytes: Buffer.from('# Benchmarking GPUs to Tune Dense Linear Algebra\n\nV. Volkov and J. W. Demmel, "Benchmarking GPUs to tune dense linear algebra," SC \'08: Proceedings of the 2008 ACM/IEEE Conference on Supercomputing, 2008, pp. 1-11, doi: 10.1109/SC.2008.5214359.\n\n* Pointer chasing shows the latency of each level of the memory hierarchy.\n') },
      { file: 'mla.md', bytes: Buffer.from('# Characterizing the Implicit Convolution Algorithm\n\nZhou, Yangjie, et al. "Characterizing the Implicit Convolution Algorithm on Commercial Accelerators." 2021 IEEE International Symposium on Workload Characterization.\n\n* Explicit im2col is 28% slower than the implicit approach and needs far more memory.\n') },
      { file: 'hal.md', bytes: Buffer.from('# Interferences between Communications and Computations\n\nPhilippe Swartvagher. Interferences between Communications and Computations in Distributed HPC Systems. Euro-Par 2021, Lisbon.\n\n* Memory contention from computing cores slows the network transfers that run beside them.\n') },
      { file: 'named.md', bytes: Buffer.from('# Preference for art emerges from features\n\nAesthetic preference for art emerges from a weighted integration over visual features (2020).\n\nA linear model of 13 features predicts how much each person likes a painting.\n') },
    ]);
    expect(report.papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual([
      'Pointer chasing shows the latency of each level of the memory hierarchy.',
      'Explicit im2col is 28% slower than the implicit approach and needs far more memory.',
      'Memory contention from computing cores slows the network transfers that run beside them.',
      expect.stringMatching(/^Aesthetic preference for art emerges/),
    ]);
  });
});

describe('a reading log of full references in bold, each with its summary', () => {
  it('titles a reference read again ("RE-READ: Colwell, R.K., 1974. ...") by its title', () => {
    const item = '1. **RE-READ: Colwell, R.K., 1974. Predictability, constancy, and contingency of periodic phenomena. Ecology 55, 1148–1153.** The classic measures of periodic phenomena, from information theory.\n';
    expect(inspectNotes([{ file: 'log.md', bytes: Buffer.from(item) }]).papers.map((p) => p.title)).toEqual(['Predictability, constancy, and contingency of periodic phenomena']);
  });

  const log = [
    '1. **Bogan, M.T., Lytle, D.A., 2011. Severe drought drives novel community trajectories in desert stream pools. Freshwater Biology 56, 2070–2081.** [DOI:10.1111/j.1365-2427.2011.02638.x](http://dx.doi.org/10.1111/j.1365-2427.2011.02638.x). Document a regime shift in desert pools when they went from perennial to intermittent.',
    '',
    '2. **Shimadzu, H., Dornelas, M., Henderson, P. a, Magurran, A.E., 2013. Diversity is maintained by seasonal variation in species abundance. BMC biology 11, 98.** [DOI:10.1186/1741-7007-11-98](http://dx.doi.org/10.1186/1741-7007-11-98). Seasonal swings in abundance let fish species coexist.',
    '',
    '3. **Beche, L., Resh, V., 2006. Long-term seasonal variation in the traits of macroinvertebrates in two streams in California, U.S.A. Freshwater Biology 51, 56–75.** Traits varied more in the intermittent stream than in the perennial one.',
  ].join('\n');

  it('titles each by the title its reference gives, its summary after the DOI link the answer', () => {
    const report = inspectNotes([{ file: 'index.md', bytes: Buffer.from(log) }]);
    expect(report.papers.map((p) => [p.title, 'answer' in p ? p.answer : p.skip])).toEqual([
      ['Severe drought drives novel community trajectories in desert stream pools', 'Document a regime shift in desert pools when they went from perennial to intermittent.'],
      ['Diversity is maintained by seasonal variation in species abundance', 'Seasonal swings in abundance let fish species coexist.'],
      ['Long-term seasonal variation in the traits of macroinvertebrates in two streams in California, U.S.A', 'Traits varied more in the intermittent stream than in the perennial one.'],
    ]);
  });
});

describe('an identifier under a label of metadata, then the note', () => {
  it('keeps the sentences after "DOI:10.1111/..." as the note, the identifier left out', () => {
    const note = '## Flow intermittency alters invertebrate diversity in an arid-land stream network\n\n[DOI:10.1111/fwb.12105](http://dx.doi.org/10.1111/fwb.12105). Invertebrate richness was lowest in intermittent reaches, which held taxa of their own.\n';
    const report = inspectNotes([{ file: 'log.md', bytes: Buffer.from(note) }]);
    expect(report.papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual(['Invertebrate richness was lowest in intermittent reaches, which held taxa of their own.']);
  });
});

describe('where and when a paper appeared, and how far the note got, before or after its title', () => {
  it('leaves "VLDB\'22 - " and "SIGMOD 2022: " before a title, and "(WIP)" after it, off the front', () => {
    const notes = [
      "# VLDB'22 - A Study of Database Performance Sensitivity to Experiment Settings",
      '',
      'Small changes to the experiment settings reorder which database wins a benchmark.',
      '',
      '# SIGMOD 2022: Hybrid Deterministic and Nondeterministic Execution of Transactions',
      '',
      'Runs each transaction deterministically or not, whichever its conflicts favour.',
      '',
      '# Balsa: Learning a Query Optimizer Without Expert Demonstrations (WIP)',
      '',
      'Learns a query optimizer in a simulator first, then on the real database.',
    ].join('\n');
    expect(inspectNotes([{ file: 'db.md', bytes: Buffer.from(notes) }]).papers.map((p) => p.title)).toEqual([
      'A Study of Database Performance Sensitivity to Experiment Settings',
      'Hybrid Deterministic and Nondeterministic Execution of Transactions',
      'Balsa: Learning a Query Optimizer Without Expert Demonstrations',
    ]);
  });
});

describe('a title written as a file name', () => {
  it('reads underscores as spaces, and leaves the PDF\'s file name after a title off the front', () => {
    const files = [
      ['heartbeat.md', '# Heartbeat_Anomaly_Detection_using_Adversarial_Oversampling\n\nSynthetic anomalous beats from a GAN balance the classes.\n'],
      ['both.md', '# Online_Anomaly_Detection_for_Wearables(ijcnn19_gan)\n\nA model of each patient flags the beats it cannot explain.\n'],
      ['survey.md', '# A Survey of Heart Anomaly Detection Using Ambulatory Electrocardiogram (ECG)(sensors-20-01461-v2)\n\nReviews detectors that learn a model of each patient.\n'],
      ['wish.md', '# ECG Anomaly Detection via Time Series Analysis(wish07_anomaly)\n\nFinds discords in the ECG series of wearable sensors.\n'],
      ['gpt.md', '# Language Models are Few-Shot Learners (GPT-3)\n\nA model of 175 billion parameters learns tasks from a few examples in its prompt.\n'],
      ['word2vec.md', '# word2vec_explained\n\nThe skip-gram objective derived step by step.\n'],
    ];
    expect(inspectNotes(files.map(([file, text]) => ({ file: file!, bytes: Buffer.from(text!) }))).papers.map((p) => p.title)).toEqual([
      'Heartbeat Anomaly Detection using Adversarial Oversampling',
      'Online Anomaly Detection for Wearables',
      'A Survey of Heart Anomaly Detection Using Ambulatory Electrocardiogram (ECG)',
      'ECG Anomaly Detection via Time Series Analysis',
      'Language Models are Few-Shot Learners (GPT-3)',
      'word2vec_explained',
    ]);
  });
});

describe('a line of links with a footnote mark', () => {
  it('is links only, and none of it reaches the back', () => {
    const post = '---\ntitle: Modeling mitochondrial bioenergetics with integrated volume dynamics\n---\n\n[Sciwheel](https://sciwheel.com/work/1). [Article](https://example.org/pmc/1)[^Bazil2010]\n\nA model of 73 states reproduces how mitochondria swell.\n\n[^Bazil2010]: Bazil, J. N. et al. PLoS Comput Biol (2010).\n';
    const [entry] = parseNotes(post, 'bazil-2010.md').entries;
    expect(entry!.body).not.toMatch(/Sciwheel|Article/);
    expect(answerOf(entry!)).toBe('A model of 73 states reproduces how mitochondria swell.');
  });
});

describe('where the authors work', () => {
  it('leaves an "Institute:" line out of the back, and keeps "Organization:" (how the paper is laid out)', () => {
    const notes = [
      '# Hihooi: A Database Replication Middleware for Scaling Transactional Databases',
      '',
      '- Authors: Michael A. Georgiou, Aristodemos Paphitis',
      '- Institute: Cyprus University of Technology, Limassol, Cyprus',
      '- Published at TKDE\'20',
      '',
      '## Motivation',
      '',
      'They propose to scale out by replication, master and replicas kept in step asynchronously.',
      '',
      '# Appreciating the variety of goals in computational neuroscience',
      '',
      'Organization: A survey of modelling goals, then the goals the community reports.',
    ].join('\n');
    expect(inspectNotes([{ file: 'db.md', bytes: Buffer.from(notes) }]).papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual([
      'They propose to scale out by replication, master and replicas kept in step asynchronously.',
      expect.stringMatching(/A survey of modelling goals/),
    ]);
  });
});

describe('a topic page whose one bullet names a paper by its venue and year', () => {
  it('reads "SIGMOD\'20 - Title" (or any acronym\'s "ICAC\'11 - ") over its notes as the paper, not the topic', () => {
    const page = [
      '# DBMS Query Processing',
      '',
      "- SIGMOD'20 - Thrifty Query Execution via Incrementability",
      '  - <https://dl.acm.org/doi/abs/10.1145/3318464.3389756>',
      '  - Problem: evaluate a query before all of its data has arrived, so it ends sooner once the rest does.',
      '',
      '# DBMS Machine Provisioning',
      '',
      "- ICAC'11 - A Bayesian Approach to Online Performance Modeling for Database Appliances",
      '  - Models each workload with a Gaussian process that predicts latency from the configuration.',
    ].join('\n');
    expect(inspectNotes([{ file: 'summary.md', bytes: Buffer.from(page) }]).papers.map((p) => [p.line, p.title])).toEqual([
      [3, 'Thrifty Query Execution via Incrementability'],
      [9, 'A Bayesian Approach to Online Performance Modeling for Database Appliances'],
    ]);
  });
});

describe('notes written to a What / Why / How template', () => {
  it('answers with what the paper is and how it does it', () => {
    const note = '# Devito: A System for Automated Stencil Computation\n\n## What\nFramework to generate highly optimized stencil code.\n\n## Why\nThere are many optimizations that can be done and it is hard to do them by hand.\n\n## How\nThey take expressions written in Python and lower them to C++ through a series of intermediate representations.\n\n## Notes\n\n* It uses SymPy for the stencil expressions.\n';
    expect(inspectNotes([{ file: 'devito.md', bytes: Buffer.from(note) }]).papers.map((p) => ('answer' in p ? p.answer : p.skip))).toEqual([
      'Framework to generate highly optimized stencil code. They take expressions written in Python and lower them to C++ through a series of intermediate representations.',
    ]);
  });
});

describe('notes kept to the Japanese question template (落合フォーマット)', () => {
  const note = (name: string) => ({ file: name, bytes: readFileSync(join(shapes, 'template-ja', name)) });

  it("reads a note whose parts are the template's questions as one paper, not each part and reference a paper", () => {
    const report = inspectNotes([note('ray-fields.md')]);
    expect(report.papers.map((p) => [p.line, p.title])).toEqual([[1, 'Ray Fields: Learning Occupancy Along LiDAR Rays']]);
  });

  it('keeps where to read the paper, pointers to other pages and parts left as 省略 off the back', () => {
    const [paper] = inspectNotes([note('sparsevox.md')]).papers;
    expect(paper).toMatchObject({ title: 'SparseVox: Sparse Voxel Transformers for LiDAR Detection' });
    expect(paper && 'answer' in paper ? paper.answer : paper?.skip).not.toMatch(/arxiv|example\/sparsevox|こちら|ご覧|省略|気になる/);
  });
});

describe('a heading written as a statement', () => {
  const answers = (file: string, text: string) => inspectNotes([{ file, bytes: Buffer.from(text) }]).papers.map((p) => ('answer' in p ? p.answer : p.skip));

  it('is what its part says: the summary a note-taker set in large type under "What is it?"', () => {
    const ja = readFileSync(join(shapes, 'template-ja', 'ray-fields.md'), 'utf8');
    expect(answers('ray-fields.md', ja)).toEqual(['LiDARの各光線に沿った占有確率を学習し、遮蔽された領域の形状を補完する手法を提案した。']);
    const note = '# Head Pruning by Redundancy\n\n## Summary\n\n### They prune attention heads that attend to the same tokens as another head.\n\n- Measured on BERT-base.\n\n## Results\n\n### Pruning\n\nHalf the heads go with under one point lost.\n';
    expect(answers('pruning.md', note)[0]).toMatch(/^They prune attention heads that attend to the same tokens as another head\./);
  });
});

describe('a line naming a link, and a line in brackets', () => {
  it('never reach the back: a note of only those is skipped', () => {
    const lines = [
      '# Attention Sinks in Streaming Models',
      '',
      'Implementation of the proposed model: [example/sinks](https://github.com/example/sinks)  ',
      '元の論文の公開ページ : [arxiv.org](https://arxiv.org/abs/0000.00000)',
      '',
      '[I think this is the same trick as register tokens in vision transformers.]',
      '',
    ];
    const papers = (text: string) => inspectNotes([{ file: 'sinks.md', bytes: Buffer.from(text) }]).papers.map((p) => ('answer' in p ? p.answer : `SKIP ${p.skip}`));
    expect(papers(lines.join('\n'))).toEqual([`SKIP ${SKIP_REASONS.own}`]);
    const note = [...lines, 'Keeping the first four tokens in the cache lets a streaming model run past its window.'].join('\n');
    expect(papers(note)).toEqual(['Keeping the first four tokens in the cache lets a streaming model run past its window.']);
  });
});

describe("a note's citation key or authors before its title", () => {
  const titles = (file: string, text: string) => inspectNotes([{ file, bytes: Buffer.from(text) }]).papers.map((p) => p.title);

  it('are left off the front, as org-roam and Zotero notes put them', () => {
    const body = '\n\n* Summary\nThey learn optical flow from events alone, by warping the events with the flow and sharpening the image they make.\n';
    expect(titles('zhu.org', `#+title: zhu_ev-flownet_2018: EV-FlowNet: self-supervised optical flow estimation for event-based cameras${body}`)).toEqual([
      'EV-FlowNet: self-supervised optical flow estimation for event-based cameras',
    ]);
    expect(titles('nasar.org', `#+title: lagorceHots2017: HOTS: A Hierarchy of Event-Based Time-Surfaces${body}`)).toEqual(['HOTS: A Hierarchy of Event-Based Time-Surfaces']);
    expect(titles('ho.org', `#+title: Ho, Sharma, Javed, Paxson, Wagner :: Detecting Credential Spearphishing in Enterprise Settings${body}`)).toEqual([
      'Detecting Credential Spearphishing in Enterprise Settings',
    ]);
    // (A name of the paper's own before its colon stays.)
    expect(titles('w2v.org', `#+title: word2vec: Efficient Estimation of Word Representations${body}`)).toEqual(['word2vec: Efficient Estimation of Word Representations']);
  });
});

describe("the note-taker's scores and hot takes", () => {
  it('are their own, never what a back is made of', () => {
    const note = [
      '# Paper Tags Read by Radar',
      '',
      'The authors introduce an inventory tag printed in ferrofluid ink, read by radar.',
      '',
      'Hot takes:',
      'personal interest: 3/10',
      '',
      'paper quality / novelty: 7/10',
      'Very cool idea, but the experiments left a lot to be desired.',
    ].join('\n');
    const [entry] = read('tags.md', note).entries;
    expect(entry!.body).not.toMatch(/10/);
    expect(entry!.own).toMatch(/paper quality \/ novelty: 7\/10/);
  });
});

describe('a "Key Idea" paragraph wrapped over lines', () => {
  it('is the answer whole, not its first line', () => {
    const note = '#+title: Differentiable plasticity\n\n* Key Idea\n\nWe include an additional plastic component for each neuron. The fixed\npart holds the usual weights, while the plastic\npart is a Hebbian trace.\n';
    expect(backOf('plasticity.org', note)).toBe(
      'We include an additional plastic component for each neuron. The fixed part holds the usual weights, while the plastic part is a Hebbian trace.',
    );
  });
});

describe('a line introducing a short list, in a note of one paper', () => {
  it('is read with the list, as one statement', () => {
    const note = '#+title: Phishing From Inside\n\n* Summary\n\nThe authors build a detector with two goals in mind:\n\n- a low number of false positives\n- catching real attacks\n';
    expect(backOf('phishing.org', note)).toBe('The authors build a detector with two goals in mind: a low number of false positives; catching real attacks.');
  });
});

describe('a sentence naming as many steps as the list after it', () => {
  it('is read with the list: "a three-step framework" with its steps', () => {
    const note = '#+title: Big Self-Supervised Models\n\n* Key Idea\n\nThe paper proposes a three-step semi-supervised learning framework\n\n1. self-supervised pretraining of a big network\n2. supervised fine-tuning on a few labels\n3. distillation using unlabeled data\n';
    expect(backOf('chen.org', note)).toBe(
      'The paper proposes a three-step semi-supervised learning framework: self-supervised pretraining of a big network; supervised fine-tuning on a few labels; distillation using unlabeled data.',
    );
  });
});

describe('an Org link to an image', () => {
  it('is a figure, never words on a back', () => {
    const note = '#+title: Event Cameras for Flow\n\n* Key Idea\n\nThey learn optical flow in two steps\n\n1. warping the events with the flow\n2. sharpening the image of the warped events\n\n  [[file:images/flow/screenshot_20200708_153337.png]]\n';
    expect(backOf('flow.org', note)).toBe('They learn optical flow in two steps: warping the events with the flow; sharpening the image of the warped events.');
  });
});

describe('notes on videos and talks, titled as the page they were clipped from', () => {
  it('are no papers, and say so', () => {
    const body = '\n\n* Notes\nIntervention: we can raise the city, and find that the temperature changes.\n';
    const report = inspectNotes([
      { file: 'causality.org', bytes: Buffer.from(`#+title: Causality, part 1 - Bernhard Schölkopf - MLSS 2020 - YouTube${body}`) },
      { file: 'elisp.org', bytes: Buffer.from(`#+title: Talks: Emacs Lisp Development Tips${body}`) },
      { file: 'flows.org', bytes: Buffer.from(`#+title: Stochastic Normalizing Flows${body}`) },
    ]);
    expect(report.papers.map((p) => p.title)).toEqual(['Stochastic Normalizing Flows']);
    expect(report.notPapers.filter((n) => /video or a talk/.test(n.why)).map((n) => n.file)).toEqual(['causality.org', 'elisp.org']);
  });
});

describe("a note opening on its paper's link, its parts under headings", () => {
  it('is that paper in a folder of such notes, its headings its parts', () => {
    const tendermint = '[Tendermint: Consensus without Mining](https://example.org/tendermint.pdf)\n\n### Problem\n\nMining to secure consensus wastes energy.\n\n### Claims\n\nValidators bond a deposit and sign blocks in rounds; a fork costs the signers their deposits.\n\n### Core Concepts\n\nA block commits when two thirds of the bonded validators sign it.\n';
    const ouroboros = '[Ouroboros Praos: An Adaptively-Secure Proof-of-Stake Blockchain](https://example.org/praos.pdf)\n### Claims\n\nA proof-of-stake protocol secure against fully adaptive corruption in the semi-synchronous setting.\n';
    // (A one-word title over a one-word heading: the link, first thing, is the title.)
    const hyperledger = '[Hyperledger](https://example.org/hyperledger-whitepaper.pdf)\n\n> A modular ledger for businesses.\n\n### Claims\n\nA permissioned ledger whose consensus and membership services plug in.\n';
    const report = inspectNotes([
      { file: 'tendermint.md', bytes: Buffer.from(tendermint) },
      { file: 'ouroboros.md', bytes: Buffer.from(ouroboros) },
      { file: 'hyperledger.md', bytes: Buffer.from(hyperledger) },
    ]);
    expect(report.papers.map((p) => [p.file, p.line, p.title])).toEqual([
      ['tendermint.md', 1, 'Tendermint: Consensus without Mining'],
      ['ouroboros.md', 1, 'Ouroboros Praos: An Adaptively-Secure Proof-of-Stake Blockchain'],
      ['hyperledger.md', 1, 'Hyperledger'],
    ]);
  });

  it('leaves a post opening on a sentence with a link, over papers under headings, as those papers', () => {
    const post = '[ATC 22](https://example.org/atc22) has 18 tracks, and 64 papers are accepted.\n\n### Firebolt: Finding Bugs in Programmable Data Plane Generators\n\nA tool that tests P4 code generators.\n\n### Campo: Cost-Aware Performance Optimization for Mixed-Precision Training\n\nDecides where to quantise gradients by the cost of casting.\n';
    const report = inspectNotes([
      { file: 'atc22.md', bytes: Buffer.from(post) },
      { file: 'other.md', bytes: Buffer.from('# Another Paper on Switches\n\nAggregates gradients in the switch.\n') },
    ]);
    expect(report.papers.filter((p) => p.file === 'atc22.md').map((p) => p.title)).toEqual([
      'Firebolt: Finding Bugs in Programmable Data Plane Generators',
      'Campo: Cost-Aware Performance Optimization for Mixed-Precision Training',
    ]);
  });
});

describe("a note's property table naming its title", () => {
  it('titles the note, and its rows are no part of it', () => {
    const note = [
      '|논문명 | FlowNet: Learning Optical Flow with Convolutional Networks |',
      '| --- | --- |',
      '| 저자\\(소속\\) | Alexey Dosovitskiy |',
      '| 학회/년도 | ICCV 2015, [논문](https://arxiv.org/abs/1504.06852) |',
      '',
      '# FlowNet',
      '',
      '- 광학 흐름을 CNN으로 직접 예측한다. It learns optical flow end to end from a synthetic dataset of flying chairs.',
      '',
    ].join('\n');
    const other = '# PointPillars: Fast Encoders for Object Detection from Point Clouds\n\nIt encodes points in vertical pillars and runs 2D convolutions on them.\n';
    const report = inspectNotes([
      { file: '2015-flownet.md', bytes: Buffer.from(note) },
      { file: '2019-pointpillars.md', bytes: Buffer.from(other) },
    ]);
    const [flownet] = report.papers;
    expect(flownet).toMatchObject({ title: 'FlowNet: Learning Optical Flow with Convolutional Networks', line: 1 });
    expect(flownet && 'answer' in flownet ? flownet.answer : flownet?.skip).not.toMatch(/Dosovitskiy|ICCV|학회/);
  });
});

describe('a part named with a dash after it', () => {
  it('is the part its name says: "**Gist-**", "#### Gist –" are the summary', () => {
    const note = '## Sparse Routing of Tokens to Experts\nSmith et al., 2021\n\nMixture of experts models are expensive to train because every expert sees every token and the load is uneven across the devices.\n\n**Gist-**\n* Routes each token to one expert chosen by a learned gate\n* Adds a loss that balances the load\n';
    expect(backOf('routing.md', note)).toBe('Routes each token to one expert chosen by a learned gate. Adds a loss that balances the load.');
  });
});

describe('what a one-paper note cites, and the headings of its parts', () => {
  it('are not counted as papers the file holds, so no warning says papers were missed', () => {
    const note = [
      '# Deformable Convolutional Networks',
      '',
      '## Summary',
      'Adds learned offsets to the sampling grid of a convolution.',
      '',
      '### Deformable RoI Pooling for Detection Heads',
      'Offsets for every bin of RoI pooling too.',
      '',
      '### Experiments on Semantic Segmentation',
      'Gains on VOC and Cityscapes.',
      '',
      '## References',
      '1. [Notes on Deformable Convolutional Networks](https://arxiv.org/abs/1703.06211)',
      '2. [Active Convolution: Learning the Shape of Convolution](https://arxiv.org/abs/1703.09076)',
      '3. [Spatial Transformer Networks](https://arxiv.org/abs/1506.02025)',
      '4. [Dilated Residual Networks](https://arxiv.org/abs/1705.09914)',
      '',
    ].join('\n');
    const report = inspectNotes([
      { file: 'deformable.md', bytes: Buffer.from(note) },
      { file: 'other.md', bytes: Buffer.from('# Spatial Transformer Networks\n\nA module that learns to warp its input.\n') },
    ]);
    expect(report.files.find((f) => f.file === 'deformable.md')).toMatchObject({ papers: 1, paperLike: 1 });
  });
});

describe('a note on a blog post among notes on papers', () => {
  it('is no paper where the other notes open on their papers, and inspect says why', () => {
    const note = (link: string, text: string) => ({ file: `${link.length}-${text.length}.md`, bytes: Buffer.from(`${link}\n\n${text}\n`) });
    const report = inspectNotes([
      note('[Tendermint: Consensus without Mining](https://example.org/tendermint.pdf)', 'Validators bond deposits and sign blocks in rounds.'),
      note('[Practical Byzantine Fault Tolerance](http://pmg.csail.mit.edu/papers/osdi99.pdf)', 'A replication algorithm that tolerates Byzantine faults in asynchronous networks.'),
      note('[Revive: Rebalancing Off-Blockchain Payment Networks](https://eprint.iacr.org/2017/823.pdf)', 'Rebalances payment channels by cycles of off-chain transfers.'),
      note('[Token Bonding Curves Explained](https://medium.com/@someone/token-bonding-curves-explained-7a9)', 'A bonding curve issues its own tokens through buy and sell functions.'),
    ]);
    expect(report.papers.map((p) => p.title)).not.toContain('Token Bonding Curves Explained');
    expect(report.papers).toHaveLength(3);
    expect(report.notPapers.find((n) => n.text === 'Token Bonding Curves Explained')?.why).toMatch(/^a note on a web page/);
  });
});

describe('a wikilink to a note in a folder', () => {
  it('reads as the note\u2019s name, not its path: "[[authors/Ada Lovelace]]" is no "Authors" part', () => {
    const note = '## Integer Factorization Using Stochastic Junctions\n#### [[authors/Ada Lovelace]], et al, 2019\n\nThe authors build a probabilistic bit from a magnetic tunnel junction and factor semiprimes with eight of them in a [[concepts/Boltzmann machine]].\n';
    expect(backOf('factorization.md', note)).toBe(
      'The authors build a probabilistic bit from a magnetic tunnel junction and factor semiprimes with eight of them in a Boltzmann machine.',
    );
  });
});

describe('bold labels ending in a dash', () => {
  it('are labels of a paper\u2019s note, not papers of their own', () => {
    const note = [
      '## CodeS: Towards Building Open-source Language Models for Text-to-SQL',
      'Li et al, ACM 2024',
      '',
      '**Gist –**',
      '* This paper introduces CodeS, a series of open language models pre-trained for text-to-SQL',
      '',
      '#### Approach -',
      '**What is schema linking –**',
      'Finding which tables and columns a question refers to.',
      '',
      '**Benchmark Datasets-**',
      'BIRD and Spider, and four harder variants of Spider.',
      '',
      '## Sentence-T5: Scalable Sentence Encoders from Pre-trained Text-to-Text Models',
      '',
      'Sentence embeddings from the T5 encoder, trained contrastively.',
    ].join('\n');
    expect(inspectNotes([{ file: 'sql.md', bytes: Buffer.from(note) }]).papers.map((p) => p.title)).toEqual([
      'CodeS: Towards Building Open-source Language Models for Text-to-SQL',
      'Sentence-T5: Scalable Sentence Encoders from Pre-trained Text-to-Text Models',
    ]);
  });
});

describe("a heading the file's table of contents lists", () => {
  it('is a paper of its own, whatever its level', () => {
    const note = [
      '# Papers',
      '1. [ColBERT: Efficient Passage Search, Khattab & Zaharia, SIGIR 2020](#colbert-efficient-passage-search)',
      '2. [BERTserini: Open-Domain Question Answering, Yang et al, 2019](#bertserini-open-domain-question-answering)',
      '3. [A Deep Relevance Matching Model for Ad-hoc Retrieval, Guo et al, 2016](#a-deep-relevance-matching-model-for-ad-hoc-retrieval)',
      '',
      '## ColBERT: Efficient Passage Search',
      'Encodes queries and passages separately and scores them by late interaction of their token embeddings.',
      '',
      '## BERTserini: Open-Domain Question Answering',
      'Retrieves paragraphs with BM25 and reads them with BERT.',
      '',
      '### A Deep Relevance Matching Model for Ad-hoc Retrieval',
      'Treats ad-hoc retrieval as relevance matching, not semantic matching, with histograms of local interactions.',
    ].join('\n');
    expect(inspectNotes([{ file: 'ir.md', bytes: Buffer.from(note) }]).papers.map((p) => [p.line, p.title])).toEqual([
      [6, 'ColBERT: Efficient Passage Search'],
      [9, 'BERTserini: Open-Domain Question Answering'],
      [12, 'A Deep Relevance Matching Model for Ad-hoc Retrieval'],
    ]);
  });
});

describe('an Org heading tagged as a paper', () => {
  it('is that paper, on a page titled by its topic', () => {
    const note = '#+title: Math Problem-solving with Machine Learning\n\n* Papers\n** Entailment as Few-Shot Learner :nlp:paper:\n*** Key Idea\n\nReformulate classification tasks as entailment between the input and a label description.\n';
    expect(inspectNotes([{ file: 'math.org', bytes: Buffer.from(note) }]).papers.map((p) => [p.line, p.title])).toEqual([[4, 'Entailment as Few-Shot Learner']]);
  });
});

describe("a part named for the paper's answer", () => {
  it('answers from "Solution", "Claims" or "Key insight" over the problem and background beside it', () => {
    const solution = [
      '# Storage Audits for Peer-to-Peer Clouds',
      '',
      'A peer-to-peer cloud would let users share their files without a provider in between.',
      '',
      '### Problem',
      '',
      'Peer-to-peer networks keep only the files that are popular, so nobody can rely on them for storage.',
      '',
      '### Solution',
      '',
      'Challenge each peer to prove that it still holds its pieces, and pay the peers that answer.',
      '',
      '### Terms',
      '',
      '- shard: a piece of a file kept by one peer',
    ].join('\n');
    expect(answerOf(parseNotes(solution, 'storj.md').entries[0]!)).toBe('Challenge each peer to prove that it still holds its pieces, and pay the peers that answer.');
    const insight = [
      '# Replaying Failures as Successes',
      '',
      '### Key challenges',
      '',
      'Rewards that come only at the goal are too rare for an agent to learn from.',
      '',
      '### Key insight',
      '',
      'Replay each failed episode as if the state it reached had been its goal, so that every episode teaches something.',
    ].join('\n');
    expect(answerOf(parseNotes(insight, 'her.md').entries[0]!)).toBe('Replay each failed episode as if the state it reached had been its goal, so that every episode teaches something.');
  });
});

describe('parts of a note named in Portuguese, Spanish, French or German', () => {
  it('reads them as the parts they name, not as papers', () => {
    const pt = [
      '# Heartbeat Anomaly Detection using Adversarial Oversampling',
      '',
      '## Referência',
      '',
      'Lima, J. et al. Heartbeat anomaly detection. IJCNN, 2019.',
      '',
      '## Resumo',
      '',
      'Gera batimentos anômalos sintéticos com uma GAN para equilibrar as classes do classificador.',
      '',
      '## Trabalhos correlatos',
      '',
      'Outros trabalhos usam apenas a reamostragem dos batimentos raros para equilibrar as classes.',
      '',
      '## Pontos fracos',
      '',
      '- Avalia em uma única base de dados, sem pacientes novos.',
    ].join('\n');
    const ptNote = read('heartbeat.md', pt);
    expect(ptNote.entries.map((e) => e.title)).toEqual(['Heartbeat Anomaly Detection using Adversarial Oversampling']);
    expect(answerOf(ptNote.entries[0]!)).toBe('Gera batimentos anômalos sintéticos com uma GAN para equilibrar as classes do classificador.');
    expect(ptNote.entries[0]!.own).toMatch(/única base de dados/);
    const fr = '# Segmenter les tumeurs par radiomique\n\n## Travaux connexes\n\nLes méthodes classiques mesurent le volume de la tumeur à la main sur chaque coupe.\n\n## Résumé\n\nUn réseau entraîné sur trois hôpitaux segmente les sarcomes sans annotation manuelle.\n';
    const frNote = read('sarcomes.md', fr);
    expect(frNote.entries.map((e) => e.title)).toEqual(['Segmenter les tumeurs par radiomique']);
    expect(answerOf(frNote.entries[0]!)).toBe('Un réseau entraîné sur trois hôpitaux segmente les sarcomes sans annotation manuelle.');
  });
});

describe('notes written in Portuguese, Spanish, French or German', () => {
  it('answer with the sentence that says what the paper proposes, over the field they open on', () => {
    const notes = [
      ['pt', 'O big data descreve grandes volumes de dados gerados todos os dias. As empresas não conseguem armazenar nem analisar esses dados a tempo. Esse trabalho tem como objetivo o desenvolvimento de uma ferramenta para extrair dados semiestruturados da Web.', 'Esse trabalho tem como objetivo'],
      ['pt', 'Redes de sensores sem fio monitoram pacientes em casa de forma contínua. Cada sensor envia milhares de batimentos por hora ao servidor. Propomos dois algoritmos de descoberta de discórdias nas séries de ECG desses sensores.', 'Propomos dois algoritmos'],
      ['es', 'Los hospitales generan series temporales de sensores a cada minuto. Los equipos no pueden revisarlas todas a mano cada día. En este trabajo presentamos un detector de anomalías ligero para dispositivos del hospital.', 'En este trabajo presentamos'],
      ['fr', 'Les capteurs portables mesurent le rythme cardiaque toute la journée. Les médecins ne lisent pas des heures de signal pour chaque patient. Nous proposons un modèle qui détecte les arythmies directement sur le capteur.', 'Nous proposons un modèle'],
      ['de', 'Tragbare Sensoren messen den Herzschlag den ganzen Tag ohne Unterbrechung. Ärzte lesen nicht stundenlang Signale für jeden Patienten. Wir schlagen ein Modell vor, das Arrhythmien direkt auf dem Sensor erkennt.', 'Wir schlagen ein Modell vor'],
    ] as const;
    for (const [language, body, proposal] of notes) {
      const [entry] = parseNotes(`# Um Artigo Sobre Sensores (${language})\n\n${body}\n`, 'notes.md').entries;
      expect(answerOf(entry!), language).toContain(proposal);
    }
  });
});

describe('a verdict on the paper as the subject of its first sentence', () => {
  it('is left off, and what the paper does is the sentence', () => {
    const med3d = [
      '## [Med3D: Transfer Learning for 3D Medical Image Analysis](https://arxiv.org/abs/1904.00625)',
      '',
      'Very interesting paper of creating a pooled dataset of scans from many modalities and centres, and using it to pretrain networks for other medical tasks. Important is the spatial and intensity normalisation, as the images differ a lot. Next, cropped regions train a ResNet backbone with a decoder for each task.',
    ].join('\n');
    const answer = answerOf(parseNotes(med3d, 'med3d.md').entries[0]!);
    expect(answer).toMatch(/^Creating a pooled dataset of scans from many modalities and centres/);
    expect(answer).not.toMatch(/interesting/i);
    const radiomics = '## Decoding Tumour Phenotype by Noninvasive Imaging\n\nHigh impact paper using radiomics features of CT scans to predict the survival of lung cancer patients. The cohorts come from four hospitals and a thousand patients.\n';
    expect(answerOf(parseNotes(radiomics, 'radiomics.md').entries[0]!)).toMatch(/^Uses radiomics features of CT scans to predict the survival/);
  });
});

describe("a note kept in the paper's own sections", () => {
  const note = (discussionHeading: string) => [
    '# Oscillations of Mitochondrial Redox Couples',
    '',
    '## Introduction',
    '',
    '* The redox environment sets how mitochondrial respiration and oxygen radicals relate.',
    '* Oscillations of the membrane potential are seen in stressed heart cells.',
    '',
    '## Methods',
    '',
    '* A model of four redox couples, integrated over an hour of simulated time.',
    '',
    `## ${discussionHeading}`,
    '',
    '* The main contribution of this work is to show that the balance of two dismutase enzymes decides when complex oscillations appear.',
  ].join('\n');

  it('answers from its Discussion or Conclusion, what the paper found, over the field its Introduction opens on', () => {
    for (const heading of ['Discussion', 'Conclusions', 'Results and Discussion']) {
      expect(answerOf(parseNotes(note(heading), 'kembro-2014.md').entries[0]!), heading).toMatch(/^The main contribution of this work is to show that the balance of two dismutase enzymes/);
    }
  });

  it('answers from its Conclusion where it has no Introduction but its Method and Results', () => {
    const sectioned = [
      '# Phonetic Features in Layer Eight',
      '',
      '# Method',
      '- A linear probe on each layer of a speech transformer predicts place and manner of articulation.',
      '',
      '# Results',
      '- Probe accuracy on TIMIT per layer, in a table.',
      '',
      '# Conclusion',
      '- Phonetic features peak in the middle layers and fade in the last ones, which are tuned to the pretraining task.',
    ].join('\n');
    expect(answerOf(parseNotes(sectioned, 'cormac-2022.md').entries[0]!)).toMatch(/^Phonetic features peak in the middle layers/);
    // (A Conclusion beside only a Method is the note-taker's verdict as often as the paper's.)
    const verdict = '# Phonetic Features in Layer Eight\n\n# Method\n- A linear probe on each layer of a speech transformer predicts place and manner of articulation.\n\n# Conclusion\n- Worth a read, if a little thin.\n';
    expect(answerOf(parseNotes(verdict, 'cormac.md').entries[0]!)).toMatch(/^A linear probe on each layer/);
  });

  it('keeps a Discussion of its own, in a note not written in the paper\'s sections, the note-taker\'s', () => {
    const own = '# Oscillations of Mitochondrial Redox Couples\n\nThe balance of two dismutase enzymes decides when complex oscillations appear.\n\n## Discussion\n\n* We argued whether the model needs the fourth redox couple at all.\n';
    const [entry] = parseNotes(own, 'kembro.md').entries;
    expect(answerOf(entry!)).toBe('The balance of two dismutase enzymes decides when complex oscillations appear.');
    expect(entry!.own).toMatch(/fourth redox couple/);
  });
});

describe('a file named as Zotero names a paper\'s PDF', () => {
  it('is titled by the title in its name, without the year and the authors before it', () => {
    const files = [
      ['2006_Kitaev_Anyons in an exactly solved model and beyond.md', 'An exactly solvable spin model on the honeycomb lattice has non-Abelian anyons.\n'],
      ['2012_Hung_Wan_String-Net Models with $Z_N$ Fusion Algebra.md', 'String-net models generalised to fusion rules of Z_N.\n'],
      ['2018_Zeng_Chen et al_Quantum Information Meets Quantum Matter.md', 'Local unitaries remove local entanglement down to a fixed-point wavefunction.\n'],
      ['2016_Kitaev honeycomb tensor networks.md', 'The honeycomb model written as a tensor network of finite bond dimension.\n'],
    ];
    expect(inspectNotes(files.map(([file, text]) => ({ file: file!, bytes: Buffer.from(text!) }))).papers.map((p) => p.title)).toEqual([
      'Anyons in an exactly solved model and beyond',
      'String-Net Models with $Z_N$ Fusion Algebra',
      'Quantum Information Meets Quantum Matter',
      'Kitaev honeycomb tensor networks',
    ]);
  });
});

describe('a part named "Main Result"', () => {
  it('answers before the set-up beside it, as a summary does', () => {
    const note = [
      '# The Flux-Phase of the Half-Filled Band',
      '',
      '## Setup',
      '',
      'The authors study electrons hopping on a general finite graph of sites joined by bonds, with a phase on each bond.',
      '',
      'The problem is to find the phases on the bonds that minimise the ground state energy of the electrons.',
      '',
      '## Main Results',
      '',
      'The spectrum depends only on the fluxes through the circuits. At half filling on a planar lattice, the best flux is pi through every square.',
    ].join('\n');
    expect(answerOf(parseNotes(note, 'lieb.md').entries[0]!)).toBe('The spectrum depends only on the fluxes through the circuits. At half filling on a planar lattice, the best flux is pi through every square.');
  });
});

describe('a Logseq page', () => {
  const page = [
    '- ![1994_Lieb_The Flux-Phase of the Half-Filled Band.pdf](file://zotero_link/Research/1994_Lieb_The Flux-Phase of the Half-Filled Band.pdf)',
    '  id:: 64b4848c-1974-4bec-b702-35d3c0bdebff',
    '- # Setup',
    '  collapsed:: true',
    '\t- We have a finite graph of sites and bonds, a hopping amplitude on each bond.',
    '\t- ((651182d6-ad9b-44d2-b5c8-17501d6d00ad))',
    '\t- The problem is to find the phases that minimise the ground state energy.',
    '- # Main Result',
    '\t- The spectrum depends only on the fluxes through the circuits, not on the phases themselves.',
    '\t\t- Planar lattices at half filling take a flux of pi in every square.',
    '- #+BEGIN_NOTE',
    '  Read again before the group meeting.',
    '  #+END_NOTE',
  ].join('\n');

  it('is titled by its file, its heading bullets its parts, its properties, references and embedded PDF left out', () => {
    const { papers } = inspectNotes([
      { file: 'pages/1994_Lieb_The Flux-Phase of the Half-Filled Band.md', bytes: Buffer.from(page) },
      { file: 'pages/2003_Kitaev_Fault-tolerant quantum computation by anyons.md', bytes: Buffer.from('- type:: paper_reading\n- # Main Result\n\t- Anyons braided around each other carry out a quantum computation that local noise cannot disturb.\n') },
    ]);
    expect(papers.map((p) => [p.file, p.line, p.title])).toEqual([
      ['pages/1994_Lieb_The Flux-Phase of the Half-Filled Band.md', 1, 'The Flux-Phase of the Half-Filled Band'],
      ['pages/2003_Kitaev_Fault-tolerant quantum computation by anyons.md', 1, 'Fault-tolerant quantum computation by anyons'],
    ]);
    const answers = papers.map((p) => ('answer' in p ? p.answer : p.skip));
    expect(answers[0]).toMatch(/^The spectrum depends only on the fluxes through the circuits/);
    expect(answers[1]).toBe('Anyons braided around each other carry out a quantum computation that local noise cannot disturb.');
    for (const answer of answers) expect(answer).not.toMatch(/::|\(\(|\.pdf|BEGIN_|Lieb_/);
  });

  it('says a page of only its embedded PDF and properties is a stub', () => {
    const report = inspectNotes([
      { file: 'pages/2013_Chen_Gu_SPT and Group Cohomology.md', bytes: Buffer.from('- ![2013_Chen_Gu_SPT.pdf](file://zotero_link/SPT.pdf)\n  id:: 64b4848c-1974-4bec-b702-35d3c0bdebff\n-\n') },
      { file: 'pages/2003_Kitaev_Fault-tolerant quantum computation by anyons.md', bytes: Buffer.from('- # Main Result\n\t- Anyons braided around each other compute in a way local noise cannot disturb.\n') },
    ]);
    expect(report.warnings.map((w) => [w.file, w.message])).toEqual([
      ['pages/2013_Chen_Gu_SPT and Group Cohomology.md', expect.stringMatching(/^no paper read from this file \(a Logseq page with nothing but its properties, block references or embedded file\)/)],
    ]);
  });

  it('is not what a file of plain bullets is: a list of papers stays a list of papers', () => {
    const list = '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762): self-attention replaces recurrence.\n- [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385): identity shortcuts let deep networks train.\n';
    expect(inspectNotes([{ file: 'papers.md', bytes: Buffer.from(list) }]).papers.map((p) => p.title)).toEqual([
      'Attention Is All You Need',
      'Deep Residual Learning for Image Recognition',
    ]);
  });
});

describe('a subtitle of capitalised words after a colon', () => {
  it('stays in the title: "The Two Cultures" names no speaker', () => {
    const note = '# Statistical Modeling: The Two Cultures\n\nBreiman argues that statistics should be open to algorithmic models, not only data models.\n';
    expect(parseNotes(note, 'breiman.md').entries.map((e) => e.title)).toEqual(['Statistical Modeling: The Two Cultures']);
  });
});

describe('a label naming the answer alone on its line', () => {
  it('is the part over the bullets under it, and no word of the back', () => {
    const note = [
      '# The Hallmarks of Cancer',
      '',
      '> Author: Hanahan and Weinberg',
      '',
      'Contribution:',
      '* They argue that there are six capabilities every cancer acquires. This gives common traits for all cancers rather than one picture per tissue.',
      '',
      'Notes:',
      '- Self-sufficiency in growth signals, insensitivity to anti-growth signals, evading apoptosis.',
    ].join('\n');
    const answer = answerOf(parseNotes(note, 'hanahan.md').entries[0]!);
    expect(answer).toMatch(/^They argue that there are six capabilities every cancer acquires\./);
    expect(answer).not.toMatch(/Contribution/);
  });
});

describe('a line set wholly in brackets', () => {
  it('stays off the back of a short summary taken whole', () => {
    const summary = '# Discrete Units in Speech Models\n\n## Summary\n\n_(models are trained on tens of hours of speech)_\n\nCodebook entries line up with phonemes only moderately. Different probes disagree, so use several.\n';
    expect(backOf('units.md', summary)).toBe('Codebook entries line up with phonemes only moderately. Different probes disagree, so use several.');
  });
});

describe('numbered bold labels over the parts of a note', () => {
  it('reads "**1.** **Summary**" and "**2.** **Thoughts**", each label set in two bold runs, as the parts they name', () => {
    const note = [
      '# Forwarding Loops in Content Delivery Networks',
      '',
      '**1.**     **Summary**',
      '',
      'The authors show that a request can be made to loop between content delivery networks, so one request is served again and again until the networks run out of resources.',
      '',
      '**2.**     **Thoughts**',
      '',
      'A clear paper, but the fix seems obvious to me.',
    ].join('\n');
    const [entry] = read('loops.md', note).entries;
    expect(answerOf(entry!)).toMatch(/^The authors show that a request can be made to loop/);
    expect(answerOf(entry!)).not.toMatch(/Summary/);
    expect(entry!.own).toMatch(/fix seems obvious/);
  });
});

describe('parts named in Chinese, and a short description', () => {
  it('reads 文章概述 as the summary, 心得体会 as the note-taker\'s and 论文题目 as the title field', () => {
    const note = [
      '# Forwarding Loops in Content Delivery Networks',
      '',
      '**1.** **论文题目**',
      '',
      '**Forwarding Loops in Content Delivery Networks**',
      '',
      '**2.** **文章概述**',
      '',
      '本文描述了恶意用户如何在多个CDN之间制造转发循环，使一个请求被反复处理，从而耗尽资源。',
      '',
      '**3.** **心得体会**',
      '',
      '这篇文章写得很清楚，我学到了很多。',
    ].join('\n');
    const [entry] = read('loops.md', note).entries;
    expect(entry!.lead).toBe('本文描述了恶意用户如何在多个CDN之间制造转发循环，使一个请求被反复处理，从而耗尽资源。');
    expect(entry!.own).toMatch(/我学到了很多/);
    expect(entry!.body).not.toMatch(/Forwarding Loops/);
  });

  it('reads "随着 ...", "近年来 ..." in a summary as the field before the paper, below what the study found', () => {
    const note = '# The Security Impact of HTTPS Interception\n\n**2.** **文章概述**\n\n随着HTTPS部署的增长，中间件越来越多地拦截TLS连接以保留对网络流量的可见性。在这篇文章中，作者对HTTPS拦截的普遍性和影响进行了全面的研究。研究发现HTTPS拦截的数量比先前估计的多一个数量级，并且大多数拦截削弱了连接的安全性，许多拦截产品还引入了严重的漏洞，使得攻击者可以冒充任意网站。研究者从三个渠道测量了拦截，包括浏览器更新服务器、电子商务网站和证书颁发机构的数据。他们还给出了服务器检测拦截的方法。\n';
    const back = backOf('https.md', note);
    expect(back).toMatch(/研究发现HTTPS拦截的数量/);
    expect(back).not.toMatch(/随着/);
  });

  it('reads "X是当下最常用的 ...之一", what a thing is, below what the study found', () => {
    const note = '# Low-Rate TCP-Targeted DoS Attacks Disrupt Internet Routing\n\n**2.** **文章概述**\n\n本文针对低速率的TCP-BGP DoS攻击进行了研究与分析。\n\n边界网关协议（BGP）是当下最常用的Internet域间路由协议之一，它使用TCP作为其传输协议。研究者详细测试了这种攻击如何破坏域间路由。研究表明，低速率TCP攻击可以通过流量脉冲使BGP会话反复超时并被重置。攻击者无需访问路由器即可发起此类攻击，因此很难被现有机制检测到，而且局部的变化还会传播到整个网络。\n';
    const back = backOf('bgp.md', note);
    expect(back).toMatch(/研究表明，低速率TCP攻击/);
    expect(back).not.toMatch(/边界网关协议/);
  });

  it('answers in Chinese under an English title: the Chinese words say more than the English ones it shares', () => {
    const note = '# Deploying DNSSEC\n\n## 文章概述\n\n这篇文章讲述了DNSSEC的部署过程中遇到的问题，及DNSSEC如何调整自身。\n';
    expect(answerOf(read('dnssec.md', note).entries[0]!)).toBe('这篇文章讲述了DNSSEC的部署过程中遇到的问题，及DNSSEC如何调整自身。');
  });

  it('answers with an org note\'s "Short Description", over the abstract pasted under it', () => {
    const note = [
      '* Fast Three-Party Computation with an Honest Majority',
      '** Short Description',
      'Three-party computation in which each AND gate costs one bit per party.',
      '** Abstract',
      'Secure multiparty computation lets parties compute on private inputs. We present a protocol for three parties with an honest majority. We reduce the bandwidth of the protocol from ten bits to seven bits per AND gate.',
    ].join('\n');
    expect(answerOf(read('2016.org', note).entries[0]!)).toBe('Three-party computation in which each AND gate costs one bit per party.');
  });
});

describe('authors in brackets after a title', () => {
  it('are left off the front, with a to-do bracketed after them', () => {
    const notes = [
      '* [[https://eprint.example.org/2017/a][Optimized Three-Party Computation for Malicious Adversaries (Jun Furukawa, Yehuda Lindell, Ariel Nof and Or Weinstein)]]',
      'Three parties, each AND gate costs seven bits.',
      '* [[https://eprint.example.org/2017/b][Global-Scale Secure Multiparty Computation (Xiao Wang and Samuel Ranellucci and Jonathan Katz)]] (TODO link)',
      'Constant-round MPC for a dishonest majority from authenticated garbling.',
      '* Attention (Mostly) Is What You Need',
      'Attention layers alone translate well.',
    ].join('\n');
    expect(read('2017.org', notes).entries.map((e) => e.title)).toEqual([
      'Optimized Three-Party Computation for Malicious Adversaries',
      'Global-Scale Secure Multiparty Computation',
      'Attention (Mostly) Is What You Need',
    ]);
  });
});

describe('a title in title case, its short words small', () => {
  it('reads as a title: a post titled as a collection holds the papers headed so', () => {
    const post = [
      '---',
      'title: Papers from 2019',
      '---',
      '',
      '# Synchronous, with a Chance of Partition Tolerance',
      '',
      'How to build MPC in a network where some parties may go offline at each round.',
      '',
      '# Improved Building Blocks for Secure Multi-Party Computation based on Secret Sharing with Honest Majority',
      '',
      'Faster comparison and truncation protocols for three parties.',
    ].join('\n');
    expect(read('2019.md', post).entries.map((e) => e.title)).toEqual([
      'Synchronous, with a Chance of Partition Tolerance',
      'Improved Building Blocks for Secure Multi-Party Computation based on Secret Sharing with Honest Majority',
    ]);
  });
});

describe('a topic heading over the reference of the paper it is about', () => {
  const note = [
    '# Which Beta?',
    '',
    '## Errors in Variables',
    '',
    '- [Jegadeesh, Narasimhan, and Junbo Wang. "Empirical tests of asset pricing models with individual assets: resolving the errors-in-variables bias." *Journal of Financial Economics* 133, no. 2 (2019): 273-298.](https://example.org/jegadeesh)',
    '- [A blog post on it](https://example.org/blog)',
    '',
    'An instrumental-variables estimate of the betas removes the bias of the second-pass regression on individual stocks.',
    '',
    '## A Survey of Attacks on Ethereum Smart Contracts',
    '',
    '- [Atzei, Nicola, and Massimo Bartoletti. "A survey of attacks on ethereum smart contracts (sok)." In *Principles of Security and Trust*, pp. 164-186. 2017.](https://example.org/sok)',
    '',
    'A taxonomy of the vulnerabilities of Solidity contracts, each with an attack that exploits it.',
    '',
    '## Toward a Better Factor Model',
    '',
    '- [Liao, Zhipeng, and Yan Liu. "Optimal cross-sectional regression." *Available at SSRN* (2021).](https://example.org/liao)',
    '- [Barillas, Francisco, and Jay Shanken. "Which alpha?." *The Review of Financial Studies* 30, no. 4 (2017): 1316-1338.](https://example.org/barillas)',
    '',
    'Two ways to weigh factor models against each other.',
  ].join('\n');

  it('is titled by the paper the reference names, and the reference is not on the back', () => {
    const { entries } = read('whichbeta.md', note);
    expect(entries.map((e) => e.title)).toEqual([
      'Empirical tests of asset pricing models with individual assets: resolving the errors-in-variables bias',
      'A Survey of Attacks on Ethereum Smart Contracts',
      'Toward a Better Factor Model',
    ]);
    expect(answerOf(entries[0]!)).toBe('An instrumental-variables estimate of the betas removes the bias of the second-pass regression on individual stocks.');
    expect(entries[0]!.body).not.toMatch(/Jegadeesh|Financial Economics/);
  });

  it('holds the papers its list cites one after another, each with the notes after its reference', () => {
    const note = [
      '# Overnight Returns',
      '',
      '- [A blog post on overnight returns](https://example.org/blog)',
      '- [Lou, Dong, and Christopher Polk. "A tug of war: overnight versus intraday expected returns." *Journal of Financial Economics* 134, no. 1 (2019): 192-213.](https://example.org/lou)',
      '- Returns earned overnight and returns earned intraday persist for years, each pulling against the other.',
      '- Momentum profits come overnight, most other anomalies earn theirs intraday.',
      '',
      '',
      '- [Akbas, Ferhat, and Chao Jiang. "Overnight returns, daytime reversals, and future stock returns." *Journal of Financial Economics* 145, no. 3 (2022): 850-875.](https://example.org/akbas)',
      '- A month of high overnight returns reversed in the day predicts higher returns next month.',
    ].join('\n');
    const { entries } = read('overnight.md', note);
    expect(entries.map((e) => [e.line, e.title, e.session])).toEqual([
      [4, 'A tug of war: overnight versus intraday expected returns', 'Overnight Returns'],
      [9, 'Overnight returns, daytime reversals, and future stock returns', 'Overnight Returns'],
    ]);
    expect(answerOf(entries[0]!)).toMatch(/^Returns earned overnight and returns earned intraday persist for years/);
    expect(answerOf(entries[1]!)).toBe('A month of high overnight returns reversed in the day predicts higher returns next month.');
    expect(entries.map((e) => e.body).join(' ')).not.toMatch(/Journal of Financial Economics/);
  });

  it('leaves full references among the notes off the back, in journal and MLA style', () => {
    const note = [
      '# Expected return, volume, and mispricing',
      '',
      '- Han, Yufeng, Dashan Huang and Guofu Zhou, 2022, Expected return, volume, and mispricing, Journal of Financial Economics 143(3), 1295-1315.',
      '- Atmaz, Adem, and Suleyman Basak. "Belief dispersion in the stock market." *The Journal of Finance* 73, no. 3 (2018): 1225-1279.',
      '- Volume amplifies mispricing: alphas rise with volume among underpriced stocks and fall with it among overpriced ones.',
    ].join('\n');
    const [entry] = read('volume.md', note).entries;
    expect(answerOf(entry!)).toBe('Volume amplifies mispricing: alphas rise with volume among underpriced stocks and fall with it among overpriced ones.');
    expect(entry!.body).not.toMatch(/Journal/);
  });

  it('is titled by a reference written with Chinese names', () => {
    const note = '# Nominal Price Illusion\n\n- [何贵华, 崔宸瑜, and 屈源育. "名义价格幻觉——基于证券分析师目标价格预测的经验证据." *金融研究* 492, no. 6 (2021): 1-20.](https://example.org/jryj)\n\n作者发现证券分析师对低价股的目标价格预测显著偏高。\n';
    const [entry] = read('nominal_illusion.md', note).entries;
    expect(entry!.title).toBe('名义价格幻觉——基于证券分析师目标价格预测的经验证据');
    expect(answerOf(entry!)).toBe('作者发现证券分析师对低价股的目标价格预测显著偏高。');
  });

  it('is titled by the reference after links to where else the paper is discussed', () => {
    const note = '# Multi-factor in Cryptocurrency\n\n- [A blog post on crypto factors](https://example.org/blog)\n- [Hubrich, Stefan. "Know when to hodl \'em: factor based investing in the cryptocurrency space." *SSRN Working Paper* (2017).](https://example.org/hubrich)\n\nMomentum, value and carry factors earn returns in cryptocurrencies as they do in stocks.\n';
    expect(read('ff3_crypto.md', note).entries.map((e) => e.title)).toEqual(["Know when to hodl 'em: factor based investing in the cryptocurrency space"]);
    // (A first item that cites a year or journal is a reference read as none: the heading stays.)
    const unread = '# Volume\n\n- [Han, Yufeng, and Guofu Zhou, 2022, Expected return, volume, and mispricing, Journal of Financial Economics 143(3).](https://example.org/han)\n- [Atmaz, Adem. "Belief dispersion in the stock market." *The Journal of Finance* 73 (2018).](https://example.org/atmaz)\n\nVolume amplifies mispricing.\n';
    expect(read('volume.md', unread).entries.map((e) => e.title)).toEqual(['Volume']);
  });
});

describe('a reading list of full references', () => {
  it('skips an item that is only its paper\'s reference, and keeps what an item says after one', () => {
    const list = [
      '# Network Security: Papers to Read',
      '',
      '## TCP/IP',
      '',
      '1. Wang, Z., Cao, Y., & Qian, Z. [Your State is Not Mine: Evading Stateful Censorship](https://example.org/imc17.pdf) (pp. 114–127). Presented at the 2017 Internet Measurement Conference.',
      '2. Y. Cao, Z. Qian, and S. V. Krishnamurthy, “[Off-Path TCP Exploits: Global Rate Limit Considered Dangerous](https://example.org/cao),” USENIX Security, 2016.',
      '3. Sommer, R., & Paxson, V. [Outside the Closed World: Machine Learning for Intrusion Detection](https://example.org/sommer). IEEE S&P 2010. They argue that anomaly detection fails because attacks are rare and errors are costly.',
      '4. Ensafi, R., Fifield, D., & Paxson, V. (2015). [Examining How the Great Firewall Discovers Hidden Circumvention Servers](https://example.org/gfw) (pp. 445–458). Presented at the Internet Measurement Conference.',
      '',
      '## DNS Security',
      '',
      '1. Chung, T., Levin, D., & Maggs, B. M. (2017). [A Longitudinal, End-to-End View of the DNSSEC Ecosystem](https://example.org/dnssec). USENIX Security.',
      '2. Lauinger, T., & Chaabane, A. (2017). [Game of Registrars: Post-Expiration Domain Name Takeovers](https://example.org/registrars). USENIX Security.',
    ].join('\n');
    const backs = read('reading_list.md', list).entries.map((e) => answerOf(e));
    const onlyReference = 'SKIP only authors and where it was published (nothing about the paper)';
    expect(backs).toHaveLength(6);
    expect([backs[0], backs[1], backs[3]]).toEqual([onlyReference, onlyReference, onlyReference]);
    expect(backs[2]).toMatch(/They argue that anomaly detection fails/);
  });
});

describe("the note-taker's words before a title", () => {
  it('leave the front: "Some Points of ...", "My notes on ..."; "Notes on ..." is a title\'s own', () => {
    const notes = '# Q-Factor Model\n\n## Some Points of Which Factors?\n\nAn investment factor and a profitability factor explain most anomalies.\n\n## My notes on Replicating Anomalies\n\nMost anomalies fail once microcaps are controlled for.\n\n## Notes on Convolutional Neural Networks\n\nA derivation of backpropagation through convolutions.\n';
    expect(read('q-factor.md', notes).entries.map((e) => e.title)).toEqual(['Which Factors?', 'Replicating Anomalies', 'Notes on Convolutional Neural Networks']);
  });
});

describe('papers filed under years', () => {
  it('are the papers, each in its year, and the heading over the years groups them', () => {
    const notes = '# Papers I Read\n\n## 2019\n\n### Synchronous, with a Chance of Partition Tolerance\n\nHow to build MPC in a network where some parties may go offline at each round.\n\n### Fast Byzantine Agreement for Permissioned Chains\n\nA two-round protocol that commits blocks when a quorum signs.\n\n## 2018\n\n### HyCC: Compilation of Hybrid Protocols for Practical Secure Computation\n\nA tool-chain compiling ANSI C into hybrid MPC protocols.\n\n## 2017\n';
    const { entries, notPapers } = read('reading.md', notes);
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['2019', 'Synchronous, with a Chance of Partition Tolerance'],
      ['2019', 'Fast Byzantine Agreement for Permissioned Chains'],
      ['2018', 'HyCC: Compilation of Hybrid Protocols for Practical Secure Computation'],
    ]);
    expect(notPapers.filter((n) => n.text === '2017').map((n) => n.why)).toEqual(['heading: a year heading, not a paper']);
  });
});

describe('what a study found', () => {
  it('is the answer over the task it was set', () => {
    const note = [
      '# Next Sentence Prediction Helps Discourse Relation Classification',
      '',
      'The task of discourse relation classification: given a pair of sentences, to determine their discourse relation such as comparison, contingency, expansion or temporal.',
      '',
      'The task is much harder (45-48% accuracy before this paper) when no connective such as "but" or "because" marks the relation.',
      '',
      'BERT outperforms the previous best model in 11-way classification by 8% on the PDTB dataset; this is probably due to the next sentence prediction task that BERT was trained with. Fine-tuning BERT on PDTB without that task hurts performance.',
    ].join('\n');
    expect(backOf('nsp.md', note)).toMatch(/^BERT outperforms the previous best model in 11-way classification by 8%/);
  });

  it("is not what the next paper shows, which the note-taker points to", () => {
    const note = [
      '# Network structure effects in reservoir computers',
      '',
      'Consider a reservoir of 100 neurons with weights in {0, 1}, then start flipping some of the +1 edges to -1, thus altering the network.',
      '',
      'Flipping edges reduced symmetries, and after about 100 flips the symmetries disappear.',
      '',
      "They don't explore it here, but the next paper shows that working at the edge of chaos actually decreases computational capacity, as the system becomes unstable.",
    ].join('\n');
    expect(backOf('reservoir.md', note)).not.toContain('next paper');
  });

  it("of a survey, is what it surveys", () => {
    const note = [
      '# Combining Decision Procedures',
      '',
      'We give a detailed survey of the current state-of-the-art methods for combining decision procedures.',
      'Decision procedures have enabled program analysis and verification tools to make powerful advances in recent years.',
      'Nelson-Oppen combination allows us to combine decision procedures under some assumptions about the theories.',
      'Theorem 10 shows that under these assumptions, polynomial component procedures give a polynomial combined procedure.',
    ].join('\n');
    expect(backOf('combining.md', note)).toMatch(/^We give a detailed survey of the current state-of-the-art methods for combining decision procedures\./);
  });
});

describe('papers in an HTML table', () => {
  const post = [
    '---',
    'title: Papers',
    '---',
    '',
    '<!--',
    '        <tr>',
    '            <td><a href=""></a></td>',
    '            <td><li></li></td>',
    '        </tr>',
    '-->',
    '',
    '# 1 Execution',
    '',
    '<table>',
    '    <thead>',
    '        <tr>',
    '            <th>Title</th>',
    '            <th>Summary</th>',
    '            <th>Rating</th>',
    '        </tr>',
    '    </thead>',
    '    <tbody>',
    '        <tr>',
    '            <td>',
    '                <a href="/papers/morsel.pdf">Morsel-Driven Parallelism: A NUMA-Aware Query Evaluation Framework</a>',
    '            </td>',
    '            <td>',
    '                <li>Work is cut into morsels, small fragments of the input</li>',
    '                <li>A scheduler hands each core the morsels on its own NUMA node &amp; steals work when idle</li>',
    '            </td>',
    '            <td>★★★★★</td>',
    '        </tr>',
    '',
    '        <tr>',
    '            <td><a href="/papers/simd.pdf">Implementing Database Operations Using <b>SIMD</b> Instructions</a></td>',
    '            <td>',
    '                <li>Sequential search in <code>B+ tree</code> leaves runs with SIMD, so leaves need no order</li>',
    '            </td>',
    '            <td>★★★</td>',
    '        </tr>',
    '    </tbody>',
    '</table>',
    '',
    '# 2 TODO',
    '',
    '* [A Survey of Query Evaluation](https://example.org/query.pdf)',
  ].join('\n');
  const { entries } = read('Papers.md', post);

  it('reads each row as a paper at the line of its <tr>, a blank line inside the table and all', () => {
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['1 Execution', 'Morsel-Driven Parallelism: A NUMA-Aware Query Evaluation Framework', 23],
      ['1 Execution', 'Implementing Database Operations Using SIMD Instructions', 34],
    ]);
  });

  it('answers from the summary cell, each list item a point of its own', () => {
    expect(answerOf(entries[0]!)).toBe('Work is cut into morsels, small fragments of the input. A scheduler hands each core the morsels on its own NUMA node & steals work when idle.');
    expect(answerOf(entries[1]!)).toBe('Sequential search in B+ tree leaves runs with SIMD, so leaves need no order.');
  });
});

describe('a table whose header is in Chinese', () => {
  it('reads 题目 as the titles, 概要 as the summary, 评价 as the note-taker\'s and 分类 as the session', () => {
    const notes = [
      '| 分类 | 题目 | 概要 | 评价 |',
      '|---|---|---|---|',
      '| 执行 | [Morsel-Driven Parallelism](https://example.org/morsel.pdf) | 把输入切成小块，由各核心按NUMA位置领取。 | 写得很清楚 |',
      '| 优化器 | [How Good Are Query Optimizers, Really?](https://example.org/job.pdf) | 基数估计比代价模型更重要。 | |',
    ].join('\n');
    const { entries } = read('papers.md', notes);
    expect(entries.map((e) => [e.session, e.title, answerOf(e)])).toEqual([
      ['执行', 'Morsel-Driven Parallelism', '把输入切成小块，由各核心按NUMA位置领取。'],
      ['优化器', 'How Good Are Query Optimizers, Really?', '基数估计比代价模型更重要。'],
    ]);
    expect(entries[0]!.own).toContain('写得很清楚');
  });
});

describe("a table row's note", () => {
  const notes = [
    '# 1 Execution',
    '',
    '| Title | Category | Summary | Rating |',
    '|---|---|---|---|',
    '| [Morsel-Driven Parallelism](https://example.org/morsel.pdf) | `#Execution`<br>`#Parallel` | | ★★★★★ |',
    '| [Vectorized Hash Joins](https://example.org/hash.pdf) | `#Join` | Probing many keys at once hides cache misses. | ★★★ |',
    '',
    '# 2 TODO',
    '',
    '- read [Query Evaluation Techniques](https://example.org/query.pdf) again',
  ].join('\n');
  const { entries, notPapers } = read('papers.md', notes);

  it('takes no rating stars for what it says: a row with only stars has an empty note', () => {
    expect(answerOf(entries[0]!)).toBe('SKIP empty note (nothing under the title)');
    expect(entries[1]!.own ?? '').toBe('');
  });

  it('is filed under the heading over the table, not under a cell of tags', () => {
    expect(entries.map((e) => e.session)).toEqual(['1 Execution', '1 Execution']);
  });

  it('ends with its row: a heading after the table is none of it', () => {
    const last = [
      '# 4 Compile Tech',
      '',
      '| Title | Summary |',
      '|---|---|',
      '| [Adaptive LL(*) Parsing](https://example.org/ll.pdf) | |',
      '',
      '# 5 TODO',
      '',
      '* Survey',
      '    * [Query Evaluation Techniques for Large Databases](https://example.org/query.pdf)',
    ].join('\n');
    const read5 = read('compile.md', last);
    expect(answerOf(read5.entries[0]!)).toBe('SKIP empty note (nothing under the title)');
    expect(read5.notPapers.map((n) => n.text)).toContain('5 TODO');
    expect(notPapers.map((n) => n.text)).toContain('2 TODO');
  });
});

describe('a title written as a file name', () => {
  it('is shown in words: a bracketed, dashed PDF name, and a colon spaced as it should be', () => {
    const notes = [
      '| Title | Summary |',
      '|---|---|',
      '| [[Efficient-External-Sorting-in-DuckDB]](https://example.org/sort.pdf) | Sorting cost is dominated by comparing values and moving data. |',
      '| [WinMagic : Subquery Elimination Using Window Aggregation](https://example.org/w.pdf) | A subquery over the same rows becomes a window aggregate. |',
      '| [Optimizing Queries Using Materialized Views:A Practical, Scalable Solution](https://example.org/v.pdf) | Views are matched to queries by filter tree. |',
      '| [State-of-the-Art Plug-and-Play Priors](https://example.org/p.pdf) | Denoisers serve as priors. |',
    ].join('\n');
    expect(read('papers.md', notes).entries.map((e) => e.title)).toEqual([
      'Efficient External Sorting in DuckDB',
      'WinMagic: Subquery Elimination Using Window Aggregation',
      'Optimizing Queries Using Materialized Views: A Practical, Scalable Solution',
      'State-of-the-Art Plug-and-Play Priors',
    ]);
  });
});

describe('a reading log kept by day', () => {
  const log = [
    '# 2023',
    '## Nov',
    '### 10',
    '- [ROME]: Causal tracing finds factual associations stored in mid-layer MLP modules.',
    '### 23',
    '- Neural Decoding of Visual Imagery During Sleep 2013: machine-learning models predict the contents of visual imagery at sleep onset',
    '- Markov Chain: transient and recurrent states, steady state as equilibrium',
    '- [Hebbian CNN](https://example.org/hebbian)',
    '### 27',
    '- PaLM: a large language model trained across two TPU pods',
    '- Ice age: a good story does not show all its morals at once',
  ].join('\n');
  const { entries, notPapers } = read('log.md', log);

  it('reads no month or day as a paper, and each bullet naming what was read as one', () => {
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['10', 'ROME', 4],
      ['23', 'Neural Decoding of Visual Imagery During Sleep', 6],
      ['23', 'Hebbian CNN', 8],
      ['27', 'PaLM', 10],
    ]);
    expect(answerOf(entries[1]!)).toBe('Machine-learning models predict the contents of visual imagery at sleep onset.');
    expect(notPapers.map((n) => n.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Markov Chain/), expect.stringMatching(/^Ice age/)]));
  });
});

describe('authors before a title, set off by a dash', () => {
  it('leave the front: two names or more, or one with "et al." or a lab', () => {
    const notes = [
      '## Saxena, Cunningham - Towards the neural population doctrine',
      'Four areas where population analysis helps: correlated variability, decoding, dynamics and ANNs.',
      '## Urai ea, Churchland lab - Large scale recordings require new approaches',
      'Describes emerging tools for recording many neurons and how to interpret them.',
      '## da Silveira and Rieke - The geometry of information coding in correlated neural populations',
      'Noise correlations shape how much information a population carries.',
      '## BERT - Pre-training of Deep Bidirectional Transformers',
      'Masked language modelling pre-trains a bidirectional encoder.',
    ].join('\n');
    expect(read('review.md', notes).entries.map((e) => e.title)).toEqual([
      'Towards the neural population doctrine',
      'Large scale recordings require new approaches',
      'The geometry of information coding in correlated neural populations',
      'BERT - Pre-training of Deep Bidirectional Transformers',
    ]);
  });
});

describe('a note opening on its fields', () => {
  it('reads "importance:", "priority:" as fields, as "status:" is, never as the answer', () => {
    const note = [
      '## Towards the neural population doctrine',
      '',
      'authors: Saxena and Cunningham',
      'status: Read in detail',
      'importance: Very high',
      'priority: High',
      '',
      'Population-level analyses reveal computational strategies that single neurons hide.',
    ].join('\n');
    expect(read('thoughts.md', note).entries[0]!.body).not.toMatch(/importance|priority|Very high/);
  });
});

describe('a note to self', () => {
  it('in capitals ("NOTE ..."), or saying what the reader already knows, is no part of the back', () => {
    expect(backOf('geometry.md', '## The geometry of information coding\n\nNoise correlations shape how much a population can encode. NOTE very important for a later chapter in thesis.\n')).toBe(
      'Noise correlations shape how much a population can encode.',
    );
    expect(backOf('stats.md', '## Stats methods for dissecting interactions between brain areas\n\nDimensionality reduction, GLMs and canonical correlations between areas.\nPretty familiar with most of this but should double check.\n')).toBe(
      'Dimensionality reduction, GLMs and canonical correlations between areas.',
    );
    expect(backOf('note.md', '## Focal Loss\n\nNote that the loss down-weights easy examples, so training focuses on hard ones.\n')).toBe('Note that the loss down-weights easy examples, so training focuses on hard ones.');
  });
});

describe('how the paper reads', () => {
  it('("This article is extremely obscure", "Too few pictures to understand") is no part of the back', () => {
    const notes = [
      '| Title | Summary |',
      '|---|---|',
      '| [On the Nature of Merge](https://example.org/merge.pdf) | External merge joins two rooted structures into one.<br>Internal merge takes a part of a structure as one of its two objects.<br>This article is extremely obscure |',
      '| [Including Group-By in Query Optimization](https://example.org/gb.pdf) | One group-by is split into stages interleaved with joins.<br>Too few pictures to understand |',
    ].join('\n');
    expect(read('papers.md', notes).entries.map((e) => answerOf(e))).toEqual([
      'External merge joins two rooted structures into one. Internal merge takes a part of a structure as one of its two objects.',
      'One group-by is split into stages interleaved with joins.',
    ]);
  });
});

describe('a table whose title column is "Title & Source"', () => {
  const week = [
    '# Paper Weekly',
    '',
    '> 2020/9/11-9/17',
    '',
    '|Index|Area|Title & Source|Idea|',
    '|:---:|:--|:-------------|:---|',
    '|1|Few-shot Learning|Learning from Very Few Samples: A Survey. *arXiv 2020.* [~Paper](https://example.org/fsl.pdf)|A survey of few-shot learning: it avoids costly labelling, and its methods are generative or discriminative.|',
    '|2|IR|Billion-scale similarity search with GPUs. *IEEE Transactions on Big Data 2019.* [~Paper](https://example.org/faiss.pdf)|A GPU k-nearest-neighbour search that keeps the memory hierarchy busy.|',
  ].join('\n');

  it('reads each row as a paper, not the week as one note', () => {
    const { entries } = read('2020_0911_0917.md', week);
    expect(entries.map((e) => e.line)).toEqual([7, 8]);
    expect(entries[0]!.title).toMatch(/^Learning from Very Few Samples: A Survey/);
    expect(answerOf(entries[1]!)).toBe('A GPU k-nearest-neighbour search that keeps the memory hierarchy busy.');
  });

  it('titles a row without the venue in italics after the title, or its "[~Paper]" link', () => {
    const { entries } = read('2020_0911_0917.md', week);
    for (const entry of entries) expect(entry.title).not.toMatch(/arXiv|IEEE|2019|2020|~|Paper$/);
  });

  it('titles a row set as a sentence without its full stop', () => {
    const { entries } = read('2020_0911_0917.md', week);
    expect(entries.map((e) => e.title)).toEqual(['Learning from Very Few Samples: A Survey', 'Billion-scale similarity search with GPUs']);
    expect(cleanTitle('Deep Sets for Point Clouds, Smith et al.')).toBe('Deep Sets for Point Clouds, Smith et al.');
  });
});

describe('a mark before the name of a part', () => {
  it('("### >> Abstract") leaves it a part of the paper above, not a paper', () => {
    const note = [
      '### **Understanding black-box predictions via influence functions** [~Paper](https://example.org/if.pdf)',
      '',
      '### >> Abstract',
      '',
      'Influence functions trace a prediction back to the training points most responsible for it.',
      '',
      '### >> Approach',
      '',
      'Only gradients and Hessian-vector products are needed.',
    ].join('\n');
    const { entries } = read('week.md', note);
    expect(entries.map((e) => e.title)).toEqual(['Understanding black-box predictions via influence functions']);
    expect(answerOf(entries[0]!)).toMatch(/^Influence functions trace a prediction back/);
  });
});

describe('a heading naming its paper by authors and year', () => {
  it('is titled by the reference labelled "Citation:" under it, in Harvard style', () => {
    const notes = [
      '### Eaton et al., 1982',
      '',
      '**Citation:** *Eaton, G.P., 1982. The Basin and Range province: Origin and tectonic significance. Annual Review of Earth and Planetary Sciences, Vol. 10, p. 409.*',
      '',
      '**Findings:**',
      '',
      '- Evenly spaced parallel mountain ranges and intervening desert basins.',
      '',
      '### Eastoe and Towne, 2018',
      '',
      '**Citation:** *Eastoe, C. and Towne, D., 2018. Regional zonation of groundwater recharge mechanisms in alluvial basins of Arizona. Journal of Geochemical Exploration, 194, pp.134-145.*',
      '',
      '- Recharge in the basins comes mostly from mountain fronts.',
    ].join('\n');
    expect(read('regions.md', notes).entries.map((e) => e.title)).toEqual([
      'The Basin and Range province: Origin and tectonic significance',
      'Regional zonation of groundwater recharge mechanisms in alluvial basins of Arizona',
    ]);
  });
});

describe('a review topic over papers named by authors and year', () => {
  it('groups them, under a topic of its own or not, instead of reading as one paper', () => {
    const notes = [
      '# Post Wildfire Hydrologic Cycle',
      '',
      '## Reduced Infiltration',
      '',
      '### Beatty et al., 2013',
      '',
      '- Burned soils repel water, so less of the rain infiltrates.',
      '',
      '### Chen et al, 2020',
      '',
      '- A deeper repellent layer lowers infiltration further.',
      '',
      '## Streamflow Response',
      '',
      '### Hallema et al, 2017',
      '',
      '- Wildfires raise annual streamflow where much of the basin burned.',
    ].join('\n');
    const { entries } = read('postfire.md', notes);
    expect(entries.map((e) => [e.session, e.title])).toEqual([
      ['Reduced Infiltration', 'Beatty et al.'],
      ['Reduced Infiltration', 'Chen et al'],
      ['Streamflow Response', 'Hallema et al'],
    ]);
  });
});
