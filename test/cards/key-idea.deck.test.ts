// The bundled deck end to end: its real notes file from disk, read and parsed as `generate`
// reads it, and every paper's answer checked the way a reader of that paper would check it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_BUDGET, SKIP_REASONS, extractKeyIdea } from '../../src/cards/key-idea.js';
import { decodeNotes } from '../../src/notes/decode.js';
import { parseNotes } from '../../src/notes/parse.js';

const notesPath = join(import.meta.dirname, '..', '..', 'decks', 'iclr2017', 'notes.txt');
const { entries, warnings } = parseNotes(decodeNotes(readFileSync(notesPath), 'notes.txt'), 'notes.txt');
const results = entries.map((entry) => ({ entry, result: extractKeyIdea(entry) }));

type Expectation = { must: RegExp[]; mustNot?: RegExp[] } | { skip: string };

// Title -> what its card must say (or why it has none). Every paper of the deck is here.
const EXPECTED: Record<string, Expectation> = {
  'Making Neural Programming Architectures Generalize via Recursion': { must: [/training data which includes recursion/, /generalization/] },
  'Learning Graphical State Transitions': { must: [/generate a graph/, /sequence generation problem/], mustNot: [/undergraduate|oral/i] },
  'Normalizing the Normalizers: Comparing and Extending Network Normalization Schemes': { must: [/Div-norm/, /local instance normalization/] },
  'Neural Program Lattices': { must: [/semi-supervised/], mustNot: [/wondering/] },
  'Diet Networks: Thin Parameters for Fat Genomics': { skip: SKIP_REASONS.short },
  'Unsupervised Cross-Domain Image Generation': { must: [/cyclegan/, /no paired data/], mustNot: [/personally|beautiful/] },
  'Towards Principled Methods for Training Generative Adversarial Networks': { skip: SKIP_REASONS.remarks },
  'Paying More Attention to Attention: Improving the Performance of Convolutional Neural Networks via Attention Transfer': {
    must: [/teacher student/, /attention map to be similar/],
    mustNot: [/Gustav|SCOOPED|three attention|attractive/],
  },
  'On Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima': { must: [/larger batches .*sharp minima/, /flat minima/], mustNot: [/details/] },
  'Nonparametric Neural Networks': { must: [/dynamically add the network node during training/] },
  'Learning to Generate Samples from Noise through Infusion Training': { must: [/denoising autoencoder/, /step by step/], mustNot: [/maybe wrong|carefully/] },
  'Snapshot Ensembles: Train 1, Get M for Free': { must: [/learning rate periodically/, /save the snapshot at the end of each period/], mustNot: [/simple and effective/] },
  'Multi-Agent Cooperation and the Emergence of (Natural) Language': { must: [/game of cooperation the two agents can develop their own language/], mustNot: [/very interesting/] },
  'Efficient Vector Representation for Documents through Corruption': { must: [/embedding/], mustNot: [/simple idea|useful/] },
  'Reinforcement Learning with Unsupervised Auxiliary Tasks': { skip: SKIP_REASONS.remarks },
  'DSD: Dense-Sparse-Dense Training for Deep Neural Networks': { must: [/first train a network/i, /prune the weights/, /continue the training/], mustNot: [/said|reproduce/] },
  'What does it take to generate natural textures?': { must: [/do not need vgg/, /random layer of network plus a relu/], mustNot: [/Results look good/] },
  'Adversarial machine learning at scale': { must: [/Imagenet scale adversarial training/] },
  'Q-Prop: Sample-Efficient Policy Gradient with An Off-Policy Critic': { skip: SKIP_REASONS.remarks },
  'Third Person Imitation Learning': { skip: SKIP_REASONS.remarks },
  'Mode Regularized Generative Adversarial Networks': { must: [/mode collapse/, /autoencoder-like reconstruction loss/] },
  'End-to-end Optimized Image Compression': { must: [/variational autoencoder with fixed lambda/], mustNot: [/like this paper|reading group|very good/] },
  'Introspection: Accelerating Neural Network Training By Learning Weight Evolution': {
    must: [/trained a network, whose input is .* old parameter values and output a new paramter value/],
    mustNot: [/dank|impressing/],
  },
  'A Baseline for Detecting Misclassified and Out-of-Distribution Examples in Neural Networks': {
    must: [/output of the network/, /misclassified/, /out-of-distribution/],
    mustNot: [/TTI|undergraduate/],
  },
  'Unrolled Generative Adversarial Networks': { must: [/mode hopping/, /unroll the future update/] },
  'Improving Policy Gradient by Exploring Under-appreciated Rewards': { must: [/probability of output is low for an action/, /reward it gains is high/, /pushed up harder/] },
  'Learning to Perform Physics Experiments via Deep Reinforcement Learning': { must: [/physical environment/, /answer some physical questoins/], mustNot: [/understand/] },
  'LR-GAN: Layered Recursive Generative Adversarial Networks for Image Generation': { must: [/foreground and background separately/], mustNot: [/Didn|very interesting/] },
  'Categorical Reparameterization with Gumbel-Softmax': { must: [/differentiable argmax/] },
  'Frustratingly Short Attention Spans in Neural Language Modeling': { must: [/LSTM is not really long/], mustNot: [/title/] },
  'Deep Multi-task Representation Learning: A Tensor Factorisation Approach': { must: [/which layers to share/, /tensor factorization to find the sharing automatically/], mustNot: [/cool/] },
  'Delving into Transferable Adversarial Examples and Black-box Attacks': { must: [/hard to specify the class/, /multiple models/] },
  'Regularizing CNNs with Locally Constrained Decorrelations': { must: [/penalty on the weights correlation/, /orthogonal/] },
  'Generative Multi-Adversarial Networks': { must: [/several different discriminators/], mustNot: [/another paper/] },
  'Visualizing Deep Neural Network Decisions: Prediction Difference Analysis': { must: [/visualize the impact of each region/, /marginal probability/], mustNot: [/30 minutes/] },
  'FractalNet: Ultra-Deep Neural Networks without Residuals': { skip: SKIP_REASONS.remarks },
  'Faster CNNs with Direct Sparse Convolutions and Guided Pruning': { must: [/kernel size by observing the data spectrum/] },
  'Automatic Rule Extraction from Long Short Term Memory Networks': { must: [/LSTM classifier/, /positive and negative score/] },
  'Adversarially Learned Inference': { must: [/Bigan/, /addition of a noise like VAE/], mustNot: [/MILA/] },
  'On Detecting Adversarial Perturbations': { must: [/add a detector in the network to predict whether it is adversarial/i] },
  'Understanding deep learning requires rethinking generalization': { skip: SKIP_REASONS.remarks },
  'Adversarial Feature Learning': { skip: SKIP_REASONS.short },
  'PGQ: Combining policy gradient and Q-learning': { must: [/combine the policy grandient and q learning/, /Q function is a function of policy function/] },
  'Learning to Navigate in Complex Environments': { must: [/depth estimation as a auxiliary task/], mustNot: [/asked|told|sad/] },
  'Learning recurrent representations for hierarchical behavior modeling': { skip: SKIP_REASONS.remarks },
  'Amortised MAP Inference for Image Super-resolution': { skip: SKIP_REASONS.remarks },
  'A Learned Representation For Artistic Style': { must: [/multi-style/, /instance noramlizaiton/, /different styles/], mustNot: [/Google/] },
  'Learning to Remember Rare Events': { must: [/add a memory when training a classifier/i], mustNot: [/looks good|according to the author/] },
  'Tighter bounds lead to improved classifiers': {
    must: [/classification problem as RL problem/, /optimize the bound rather than directly optimize the objective function/],
    mustNot: [/guessed|tried|feeling|optimize, rather than| \./],
  },
  'Why Deep Neural Networks for Function Approximation?': { skip: SKIP_REASONS.remarks },
  'Dropout with Expectation-linear Regularization': { must: [/gap between ensemble dropout and general expectation dropout/, /minimize the gap as a regularizer/] },
  'HyperNetworks': { must: [/weights of the second RNN is the output of the first RNN/, /hypernetwork can change the weight/] },
  'Zoneout: Regularizing RNNs by Randomly Preserving Hidden Activations': { must: [/“dropout” on the rnn time dimension/] },
  'Learning Visual Servoing with Deep Features and Trust Region Fitted Q-Iteration': { must: [/variant of Q learning/, /upper bound and a lower bound/], mustNot: [/vague/] },
};

// Things only the note-taker says. None may appear in any answer.
const REMARKS = [
  /\bI\b/, /\bI['’]/, /\bmy\b/i, /\bme\b/, /SCOOPED/i, /\bdank\b/, /\bsaid\b/, /told me/, /our (?:reading )?group/,
  /Google['’]s/, /TTI/, /undergraduate/, /Results look good/, /maybe wrong/, /poster/i, /\boral\b/i, /\bblog\b/,
  /Gustav/, /personally/i, /wondering/, /everyone knows/, /very interesting/, /\bguessed\b/, /carefully/, /MILA/,
];

describe('the bundled deck, iclr2017', () => {
  it('has exactly 54 papers: the line listing C31, C32 and C33 is not one', () => {
    expect(entries).toHaveLength(54);
    expect(entries.some((e) => /C31|I seemed to miss/.test(`${e.title} ${e.body}`))).toBe(false);
    expect(warnings.map((w) => w.line)).toEqual([91]);
  });

  it('gives every paper an answer or a skip with a reason', () => {
    for (const { result } of results) {
      if ('answer' in result) expect(result.answer.trim()).not.toBe('');
      else expect(Object.values(SKIP_REASONS)).toContain(result.skip);
    }
  });

  it('has an expectation for every paper, and every title is unique', () => {
    expect(new Set(entries.map((e) => e.title)).size).toBe(54);
    expect(entries.map((e) => e.title).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('puts no remark of the note-taker in any answer', () => {
    for (const { entry, result } of results) {
      if (!('answer' in result)) continue;
      for (const remark of REMARKS) expect(result.answer, `${entry.title}: ${result.answer}`).not.toMatch(remark);
    }
  });

  it('keeps answers short: at most the budget, whole sentences', () => {
    for (const { entry, result } of results) {
      if (!('answer' in result)) continue;
      expect(result.answer.length, entry.title).toBeLessThanOrEqual(ANSWER_BUDGET);
      expect(result.answer, entry.title).toMatch(/^[A-Z0-9“"]/);
      expect(result.answer, entry.title).toMatch(/[.!?…]$/);
    }
  });

  it.each(results.map(({ entry, result }) => [entry.title, result] as const))('%s', (title, result) => {
    const expected = EXPECTED[title]!;
    if ('skip' in expected) {
      expect(result).toEqual({ skip: expected.skip });
      return;
    }
    expect('answer' in result, JSON.stringify(result)).toBe(true);
    const text = 'answer' in result ? result.answer : '';
    for (const re of expected.must) expect(text).toMatch(re);
    for (const re of expected.mustNot ?? []) expect(text).not.toMatch(re);
  });
});
