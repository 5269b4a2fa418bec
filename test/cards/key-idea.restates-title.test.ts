import { describe, expect, it } from 'vitest';
import { answerRestatesTitle } from '../../src/cards/key-idea.js';

describe('an answer that only restates the title', () => {
  it('is one whose words are the title\'s, give or take "proposes", "a model" and one adjective', () => {
    expect(answerRestatesTitle('Zero-shot Image-to-Image Translation', 'Proposes a model for zero-shot image-to-image translation.')).toBe(true);
    expect(answerRestatesTitle('Structure and Content-Guided Video Synthesis with Diffusion Models', 'proposes an approach for structure and content-guided video synthesis with diffusion models.')).toBe(true);
    expect(answerRestatesTitle('A Watermark for Large Language Models', 'A watermarking framework for proprietary language models.')).toBe(true);
    expect(answerRestatesTitle('Text-To-4D Dynamic Scene Generation', 'A new text-to-4D model for dynamic scene generation from input text.')).toBe(true);
    expect(answerRestatesTitle('InstructPix2Pix: Learning to Follow Image Editing Instructions', 'Proposes a method with the capability of editing images from human instructions.')).toBe(true);
  });

  it('is one that adds only how good it is, what kind of paper it is, other forms of its words or their short names', () => {
    expect(answerRestatesTitle('SpeechGen: Generating Speech From Text', 'A generative model for generating high-fidelity speech from text descriptions.')).toBe(true);
    expect(answerRestatesTitle('Probing Large Language Models for Arithmetic', 'A review paper on the capabilities of LLMs for arithmetic.')).toBe(true);
    expect(answerRestatesTitle('A Short Tour of Reinforcement Learning', 'An overview of some important ideas in RL.')).toBe(true);
    expect(answerRestatesTitle('Fast Image Segmentation', 'A fast and robust segmentation model built on superpixel graphs.')).toBe(false);
  });

  it('is one that says again either half of a title with a colon', () => {
    expect(answerRestatesTitle('Soft Prompts Made Cheap: Gradient-Based Discrete Optimization for Prompt Tuning and Discovery', 'Optimizing text prompts through efficient gradient-based optimization.')).toBe(true);
    expect(answerRestatesTitle('Zoneout: Regularizing RNNs by Randomly Preserving Hidden Activations', 'Randomly preserves hidden activations instead of dropping them.')).toBe(false);
  });

  it('is not one that says how, or what was found', () => {
    expect(answerRestatesTitle('Deep Residual Learning for Image Recognition', 'Layers learn residual functions with reference to their inputs, through shortcut connections.')).toBe(false);
    expect(answerRestatesTitle('Noise2Music: Text-conditioned Music Generation with Diffusion Models', 'proposes diffusion models to generate high-quality 30-second music clips via text prompts.')).toBe(false);
    expect(answerRestatesTitle('BERT', 'Pre-trains a bidirectional transformer by masking words and predicting them.')).toBe(false);
    expect(answerRestatesTitle('Attention Is All You Need', 'Drops recurrence.')).toBe(false);
    expect(answerRestatesTitle('Learning Visual Servoing with Deep Features and Trust Region Fitted Q-Iteration', 'A variant of Q learning.')).toBe(false);
    expect(answerRestatesTitle('Attention Is All You Need', 'Self-attention replaces recurrence.')).toBe(false);
    expect(answerRestatesTitle('The Impossibility of Parallelizing Boosting', 'Boosting cannot be parallelized without an exponential blow-up in training complexity.')).toBe(false);
  });
});
