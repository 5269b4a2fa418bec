import { describe, expect, it } from 'vitest';
import { ANSWER_BUDGET, SKIP_REASONS, explainKeyIdea, extractKeyIdea, rankSentences } from '../../src/cards/key-idea.js';
import type { NoteEntry } from '../../src/core/types.js';

function note(body: string, extra: Partial<NoteEntry> = {}): NoteEntry {
  return { title: 'Some Paper Title', body, session: '', code: 'C1', line: 3, file: 'notes.txt', ...extra };
}

function answer(body: string, extra: Partial<NoteEntry> = {}): string {
  const result = extractKeyIdea(note(body, extra));
  if (!('answer' in result)) throw new Error(`skipped: ${result.skip}`);
  return result.answer;
}

/** The answer's main sentence, as ranked: what a test of which sentence wins reads, whatever joins it. */
function mainSentence(body: string, extra: Partial<NoteEntry> = {}): string {
  const choice = explainKeyIdea(note(body, extra));
  const main = rankSentences(choice.ranked!).candidates.find((c) => c.index === choice.anchor);
  if (main === undefined) throw new Error('no main sentence');
  return main.text;
}

function skip(body: string, extra: Partial<NoteEntry> = {}): string {
  const result = extractKeyIdea(note(body, extra));
  if (!('skip' in result)) throw new Error(`answered: ${result.answer}`);
  return result.skip;
}

describe('the user\u2019s own "Key idea:"', () => {
  it('wins over the note, verbatim apart from Markdown and spacing', () => {
    expect(answer('They propose something else entirely.', { keyIdea: '**One** network   generates the weights of `another`.' })).toBe(
      'One network generates the weights of another.',
    );
  });

  it('shows TeX quotes as quotation marks, and inline step numbers as (2), never as markup', () => {
    expect(answer('Instead of comparing each ``point" of the space, the critic compares transformations of it.')).toBe(
      'Instead of comparing each “point” of the space, the critic compares transformations of it.',
    );
    expect(answer('We propose a dual game: 1. translate the sentence 2. Score it with a language model 3. Translate it back.')).toBe(
      'We propose a dual game: 1. translate the sentence (2) Score it with a language model (3) Translate it back.',
    );
  });

  it('wins even when the note alone would be skipped', () => {
    expect(answer('Oral, but I do not fully understand.', { keyIdea: 'Control variates from an off-policy critic.' })).toBe(
      'Control variates from an off-policy critic.',
    );
  });
});

describe('the note-taker\u2019s remarks never reach an answer', () => {
  const cases: [string, string, string][] = [
    [
      'first person',
      'They used training data which includes recursion. I did not fully understand the proof. So I think the results come from memorised corner cases. I was wondering if priors would help. I really like this paper.',
      'They used training data which includes recursion.',
    ],
    [
      'hearsay',
      'Gustav said he already had a similar idea. They told me the code is coming. It is said that no one can reproduce it. They add a detector network that predicts whether an input is adversarial.',
      'They add a detector network that predicts whether an input is adversarial.',
    ],
    [
      'where to find it',
      'The paper can be found. Code is available online. Link to the slides. Paper link. They build messages from relative positions so that the network is equivariant to rotations.',
      'They build messages from relative positions so that the network is equivariant to rotations.',
    ],
    [
      'provenance',
      'Paper from our group. TTI\u2019s work, from an undergraduate. An independent work from an undergraduate, and the presentation is good. They learn a tensor factorisation that decides which layers to share.',
      'They learn a tensor factorisation that decides which layers to share.',
    ],
    [
      'verdicts',
      'SCOOPED. This paper is dank. Results look good. A very interesting paper. Very simple and effective way. The results are also very good. The idea is cool, but it needs to be improved. Change the learning rate periodically and save a snapshot at the end of each period.',
      'Change the learning rate periodically and save a snapshot at the end of each period.',
    ],
    [
      'verdicts on the evidence',
      'ICA is a method for redundancy reduction in sensory data. No hard results; just figures showing that it works.',
      'ICA is a method for redundancy reduction in sensory data.',
    ],
    [
      'advice to use it',
      'Layer statistics are averaged over a moving window instead of the batch. Worth applying and using, it ships with the framework already.',
      'Layer statistics are averaged over a moving window instead of the batch.',
    ],
    [
      'hedges',
      'Did not look at the paper carefully, maybe wrong. They train a second denoising autoencoder that takes larger steps.',
      'They train a second denoising autoencoder that takes larger steps.',
    ],
    [
      'faces',
      'Something like a halting problem for directed graphs :)\n\nSparse networks stay active when their activity cycles through three motifs.\n\nWorks on every seed ;-)\n\nA nice trick 🙂',
      'Sparse networks stay active when their activity cycles through three motifs.',
    ],
    [
      'poster and oral remarks',
      'Oral, but the talk was rushed. I did not listen to poster. His poster is very hot, people stayed for an hour. The model unrolls the discriminator updates when training the generator.',
      'The model unrolls the discriminator updates when training the generator.',
    ],
  ];
  it.each(cases)('%s', (_kind, body, expected) => {
    expect(answer(body)).toBe(expected);
  });

  it('reads "Not read but appears to be ..." as the note-taker saying where they stand', () => {
    expect(skip('Not read but appears to be an updated version of an earlier paper with a less open publisher.')).toBe(SKIP_REASONS.remarks);
  });

  it('reads a blog as an aside only when it is where the note-taker read of the paper, not data it studies', () => {
    expect(answer('From John Smith\'s blog. They fit a mixture model to the residuals.')).toBe('They fit a mixture model to the residuals.');
    expect(answer('Examining homelessness on social media through an analysis of Tumblr blog posts.')).toBe('Examining homelessness on social media through an analysis of Tumblr blog posts.');
  });

  it('cuts a remark off the end of a sentence and keeps what the paper does', () => {
    expect(answer('They used a depth estimation as an auxiliary task, but I did not check the numbers.')).toBe(
      'They used a depth estimation as an auxiliary task.',
    );
    expect(answer('UNREAL, I have already written a blog post about it. They add auxiliary pixel-control tasks to A3C.')).toBe(
      'They add auxiliary pixel-control tasks to A3C.',
    );
  });

  it('cuts provenance off the front of a sentence', () => {
    expect(answer('Google\u2019s paper, quick multi-style transfer with conditional instance normalisation.')).toBe(
      'Quick multi-style transfer with conditional instance normalisation.',
    );
  });

  it('reads no face in a formula ("f(x:)")', () => {
    expect(answer('They minimise the loss f(x:) over the simplex with mirror descent.')).toBe('They minimise the loss f(x:) over the simplex with mirror descent.');
  });

  it('drops remark asides in parentheses', () => {
    const text = answer('Since it is hard to optimize (he guessed, he had not tried), they optimize a tighter bound instead (Code available).');
    expect(text).toBe('Since it is hard to optimize, they optimize a tighter bound instead.');
  });

  it('drops an aside that sends the reader to a link the card does not show', () => {
    expect(answer('Their approach is to rewrite the distance through its dual (see this for an explanation of the duality).')).toBe(
      'Their approach is to rewrite the distance through its dual.',
    );
  });

  it('tells the paper\u2019s own voice from the note-taker\u2019s, and never prints "I"', () => {
    const text = answer(
      'Gustav said he had the idea first. This paper says that I want not only the softmax similar, but also the attention map to be similar.',
    );
    expect(text).toBe('This paper says that they want not only the softmax similar, but also the attention map to be similar.');
    expect(text).not.toMatch(/\bI\b|said/);
  });
});

describe('a note with no usable key idea is skipped with a reason', () => {
  it.each([
    ['Oral, but I do not fully understand.', SKIP_REASONS.remarks],
    ['A theory paper.', SKIP_REASONS.remarks],
    ['This is a paper in ECS251(winter 20) reading list.', SKIP_REASONS.remarks],
    ['Anyway, everyone knows this paper.', SKIP_REASONS.remarks],
    ['Paper from our group.', SKIP_REASONS.remarks],
    ['The father of WGAN.', SKIP_REASONS.remarks],
    ['I didn\u2019t read it. But his poster is very hot, people are still around half an hour after the end.', SKIP_REASONS.remarks],
    ['Bi-GAN', SKIP_REASONS.short],
    ['Computational biology. Deal with np.', SKIP_REASONS.short],
    ['', SKIP_REASONS.empty],
  ])('%j', (body, reason) => {
    expect(skip(body)).toBe(reason);
  });

  it('but keeps what kind of paper it is where it says what the paper is on', () => {
    const survey = 'A survey paper on neural ranking models, analysing their assumptions, design principles and learning strategies.';
    expect(answer(survey)).toBe(survey);
  });

  it('but keeps a short note that says what the paper does', () => {
    expect(answer('This provides a differentiable argmax operation.')).toBe('This provides a differentiable argmax operation.');
    expect(answer('They can dynamically add the network node during training.')).toBe(
      'They can dynamically add the network node during training.',
    );
  });

  it('and does not count a sentence that only repeats the title', () => {
    expect(skip('Zoneout.', { title: 'Zoneout: Regularizing RNNs' })).toBe(SKIP_REASONS.short);
    expect(answer('Zoneout. Zoneout is the dropout on the time dimension of an RNN, keeping the previous hidden state.', { title: 'Zoneout: Regularizing RNNs' })).toBe(
      'Zoneout is the dropout on the time dimension of an RNN, keeping the previous hidden state.',
    );
  });
});

describe('choosing and tidying the answer', () => {
  it('reads "Lee et al. present ..." as the authors saying what the paper does, as "The authors present ..." is', () => {
    const scoreOfFirst = (body: string) => rankSentences(note(body, { title: 'Column Generation for Winter Road Service' })).candidates[0]!.score;
    const rest = ' Each pricing problem is a shortest path with resource limits, solved by labelling.';
    expect(scoreOfFirst(`Lee et al. present an exact method for routing snowplough fleets.${rest}`)).toBe(scoreOfFirst(`The authors present an exact method for routing snowplough fleets.${rest}`));
    expect(scoreOfFirst(`Lee and Okafor et al. present an exact method for routing snowplough fleets.${rest}`)).toBe(scoreOfFirst(`The authors present an exact method for routing snowplough fleets.${rest}`));
  });

  it('prefers the sentence that states what the paper does over context, critique and questions', () => {
    const body =
      'Policy gradient is sample-hungry. How to fix it? This article combines policy gradient and Q-learning by deriving Q values from the policy. But there is a problem with the bias.';
    const text = answer(body, { title: 'PGQ: Combining policy gradient and Q-learning' });
    expect(text).toContain('This article combines policy gradient and Q-learning by deriving Q values from the policy.');
    expect(text).not.toMatch(/How to fix it|problem/);
  });

  it('drops an "Instead," whose sentence before stays out of the answer, and keeps "Instead of ..."', () => {
    expect(answer('How do we measure this? Instead, they move to a noisy network where each neuron adds a little Gaussian noise.')).toBe(
      'They move to a noisy network where each neuron adds a little Gaussian noise.',
    );
    expect(answer('Instead of ranking by citations, they rank papers by how often they are read.')).toBe('Instead of ranking by citations, they rank papers by how often they are read.');
  });

  it('drops lead-ins but keeps the meaning', () => {
    expect(answer('In short, they used a more powerful training data.')).toBe('They used a more powerful training data.');
    expect(answer('The idea is to prevent mode hopping during training.')).toBe('Prevent mode hopping during training.');
    expect(answer('Basically it\u2019s saying lstm is not really long.')).toBe('LSTM is not really long.');
  });

  it('keeps a second sentence in the note\u2019s order when it fits and carries on the first', () => {
    expect(
      answer(
        'The idea is to first train a network, and then prune the weights whose absolute value is below a threshold. And then continue the training. So that you can get better results.',
        { title: 'DSD: Dense-Sparse-Dense Training' },
      ),
    ).toBe('First train a network, and then prune the weights whose absolute value is below a threshold. And then continue the training.');
  });

  it('brings the sentence a "So ..." statement leans on', () => {
    expect(
      answer('He has a small RNN. Why? Because the weights of the second RNN are the output of the first RNN. So this hypernetwork can change the weights at every step. They do this to increase its capacity.', {
        title: 'HyperNetworks',
      }),
    ).toBe('The weights of the second RNN are the output of the first RNN. So this hypernetwork can change the weights at every step.');
  });

  it('brings the problem a statement that answers "this" leans on', () => {
    expect(answer('Current detectors are overconfident on unseen classes. The method tries to fix this by averaging the logits of two augmented views. Results on three benchmarks.')).toBe(
      'Current detectors are overconfident on unseen classes. The method tries to fix this by averaging the logits of two augmented views.',
    );
    expect(answer('Procedure: drop the points far from the median; Then refit and repeat with a tighter bound. Using this on camera pose averaging.')).toBe(
      'Procedure: drop the points far from the median; Then refit and repeat with a tighter bound. Using this on camera pose averaging.',
    );
  });

  it('reads "these guys" as the authors, and a short sentence without a verb as no main sentence', () => {
    expect(answer('Predicting reaction yields. In this setting, lab data. These guys use a message-passing network over the reaction graph.')).toBe(
      'These guys use a message-passing network over the reaction graph.',
    );
    expect(answer('Especially for long sequences. Attention cost grows with the square of the length, so they compute it in blocks.')).toBe(
      'Attention cost grows with the square of the length, so they compute it in blocks.',
    );
  });

  it('has room for what the paper does and how, two full sentences of a note', () => {
    const idea = answer(
      'The authors propose to learn the optimiser itself, as a small recurrent network shared by every parameter of the model it trains. ' +
        'It reads the gradient of one coordinate at a time and writes that coordinate\'s update, and it is trained by unrolling a few hundred steps of the model\'s training.',
      { title: 'Learning to Learn by Gradient Descent by Gradient Descent' },
    );
    expect(idea).toMatch(/^The authors propose to learn the optimiser itself/);
    expect(idea).toMatch(/It reads the gradient of one coordinate at a time/);
  });

  it('gives a study\'s finding beside its set-up, past how the study went on and the set-up\'s asides', () => {
    const gorilla = answer(
      'They created fake data where a plot of BMI against daily steps draws a gorilla. ' +
        'Then they asked students either "did gender matter?", or "what is in the data?" ' +
        'Those given a hypothesis were 5 times less likely to plot the data and spot the gorilla. ' +
        'Students are not data scientists, of course.',
      { title: 'A hypothesis is a liability' },
    );
    expect(gorilla).toBe('They created fake data where a plot of BMI against daily steps draws a gorilla. Those given a hypothesis were 5 times less likely to plot the data and spot the gorilla.');
    const titles = answer(
      'Showed simple abstract art to people, made by humans or by computers, assigned titles at random (either profound, simple matter-of-fact, or no title at all), and asked them to rate how profound the art was. ' +
        'Profound titles earned higher ratings (about 10-15% higher on a 5-point scale, with a rather average average) than untitled or mundane ones.',
      { title: 'Bullshit makes the art grow profounder' },
    );
    expect(titles).toBe('Showed simple abstract art to people, made by humans or by computers, assigned titles at random, and asked them to rate how profound the art was. Profound titles earned higher ratings than untitled or mundane ones.');
  });

  it('answers a note on what a study focusses on with what it found', () => {
    const review = answer(
      'This review focusses on the diagnostic accuracy of noninvasive tests for distinguishing malignant peripheral nerve sheath tumors (MPNST) from benign nerve sheath tumors (BPNST). ' +
        'This is important as biopsies are cumbersome and often in nerve tissue, possibly leading to damage. ' +
        'Also, these tumors are heterogenous and are prone to sampling errors. ' +
        'The 43 papers addressed in this review were rated for their quality with a standard checklist and pooled statistically. ' +
        'Studies included MRI, FDG-PET and liquid biopsy biomarkers. ' +
        'Together FDG-PET showed to currently be the best method of detecting MPNST. ' +
        'No automated methods of feature extraction were used in any of the papers analyzed in this review.',
      { title: 'A Bayesian approach for diagnostic accuracy of malignant peripheral nerve sheath tumors: a systematic review and meta-analysis' },
    );
    expect(review).toBe(
      'This review focusses on the diagnostic accuracy of noninvasive tests for distinguishing malignant peripheral nerve sheath tumors (MPNST) from benign nerve sheath tumors (BPNST). Together FDG-PET showed to currently be the best method of detecting MPNST.',
    );
  });

  it('reads "the authors are motivated to ..." as the aim, and what they do as the main sentence', () => {
    const title = 'Pyramid Features for Detection at Every Scale';
    expect(
      mainSentence(
        'The authors are motivated to develop a more efficient way of building feature pyramids, as detectors need them to find objects at every scale. ' +
          'The authors propose using the pyramid of features that a convolutional network already computes, joining its levels top down with lateral connections.',
        { title },
      ),
    ).toMatch(/^The authors propose using the pyramid/);
    // How they pursue it, said in the same sentence, is what the paper does.
    expect(
      mainSentence('They aim to detect objects at every scale by joining the levels of the backbone top down. Detectors are slow on small objects.', { title }),
    ).toMatch(/^They aim to detect objects at every scale by joining/);
  });

  it('reads "The authors propose ...", "Lee et al. introduce ..." as saying what the paper does, over the aim sharing more of the title', () => {
    const body =
      'The authors are motivated to develop a more efficient way of generating feature pyramids, as they are a basic component in object detection systems. ' +
      'The authors propose using the pyramid that a convolutional network already computes, joining its levels top down with lateral connections so that every level has strong semantics at marginal extra cost.';
    expect(mainSentence(body, { title: 'Feature Pyramid Networks for Object Detection' })).toMatch(/^The authors propose using the pyramid/);
    // (Not what they present of their results.)
    expect(mainSentence('The authors propose a sparse mixture of experts layer with thousands of experts. The authors present results on language modelling and translation benchmarks.', { title: 'Outrageously Large Neural Networks' })).toMatch(/^The authors propose/);
  });

  it('leaves out the examples of a sentence too long for a card before cutting it', () => {
    const text = answer(
      'Proposing a new objective which treats the parts of an agent, such as states, actions, hidden representations, rewards, global context, as nodes of one graphical model and ties them together with a single information bottleneck between every pair of nodes, estimated with a variational bound on each edge, trained end to end with the policy.',
    );
    expect(text).toMatch(/^Proposing a new objective which treats the parts of an agent as nodes of one graphical model/);
    expect(text.length).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('cuts the results off the main sentence to make room for how the method works', () => {
    expect(
      answer(
        'The authors present Gated Shortcut Nets, which achieve 2.1% error on the test set and won first place in the yearly detection challenge. They work by adding gated shortcut connections across stacks of layers, so that each stack only learns a small correction to its input, and a learned gate decides for each example how much of the correction to keep. The authors present results on two data sets.',
        { title: 'Gated Shortcut Learning' },
      ),
    ).toBe('The authors present Gated Shortcut Nets. They work by adding gated shortcut connections across stacks of layers, so that each stack only learns a small correction to its input, and a learned gate decides for each example how much of the correction to keep.');
  });

  it('takes a sentence over a verbless fragment that shares more of the title', () => {
    expect(answer('Multi-modal data. Learning without labels across several modalities at once. Multi-modal data and mixed-modal data.', { title: 'Deep Mixed-Modal Clustering' })).toMatch(
      /^Learning without labels across several modalities at once\./,
    );
  });

  it('prefers how the paper does it ("works by", "achieves this by") over what the topic is', () => {
    expect(
      answer('This work focuses on scene decomposition. Scenes are made of objects of many kinds. The model achieves this by giving each object its own slot, refined in parallel.', {
        title: 'Slot Models for Scenes',
      }),
    ).toMatch(/achieves this by giving each object its own slot/);
    expect(
      answer('How to run big models on a phone? On-device networks must be small, for privacy and offline use. Already shipped in two apps. The model works by hashing inputs with random projections into tiny networks.', {
        title: 'Efficient On-Device Networks',
      }),
    ).toMatch(/The model works by hashing inputs with random projections into tiny networks\.$/);
  });

  it('reads a subjectless "Difficult to ..." as the problem, not the answer', () => {
    expect(answer('Difficult to scale for long windows of time. Input is projected onto a basis of orthogonal polynomials.')).toBe(
      'Input is projected onto a basis of orthogonal polynomials.',
    );
  });

  it('takes the idea over background that shares more of the title', () => {
    const body = 'Is the encoder needed at test time?\n\nEnergy based view of the critic\n\nKernel features: Have been successful in vision.';
    expect(answer(body, { title: 'Contrastive Kernel Features for Self-Supervised Speech' })).toMatch(/^Energy based view of the critic\./);
  });

  it('takes how the method works over "X is a classic technique for ..." naming the title', () => {
    const body =
      'Score matching is a classic technique to train energy-based image models.\n\nIt is not new by any means.\n\n' +
      'It compares the gradients of the log density of the model with those of the data rather than the densities themselves, so the normalizing constant, which is intractable, drops out of the objective.';
    expect(mainSentence(body, { title: 'Score Matching: Estimating Unnormalized Statistical Densities' })).toMatch(/^It compares the gradients/);
  });

  it('takes the line labelled "This work:" as what the paper does, over the field it works in, without the label', () => {
    const body =
      'Cryo-electron microscopy: images single molecules frozen in a thin layer of vitreous ice, thousands of noisy projections of each, from which a 3D density map is rebuilt.\n\n' +
      'Microscopy pipelines are typically tuned by hand, with heuristic filters.\n\n' +
      'THIS WORK: a denoiser trained on pairs of independent noisy exposures of the same field replaces the hand-tuned filters.';
    const title = 'Learned Denoising for Cryo-Electron Microscopy';
    expect(answer(body, { title })).toMatch(/(?<!THIS WORK: )A denoiser trained on pairs of independent noisy exposures of the same field replaces the hand-tuned filters\.$/);
    expect(mainSentence(body, { title })).toMatch(/^(?:THIS WORK: )?a denoiser trained/i);
  });

  it('leaves out a line that introduces a list ("... two ways to fit it:") when the list stays out', () => {
    const body = 'They learn kernels from how people extrapolate curves, not from the data alone.\n\nThe authors compare two different ways to fit the kernel parameters of the model:\n\nFrom the data.';
    expect(answer(body, { title: 'Learning Kernels from People' })).toBe('They learn kernels from how people extrapolate curves, not from the data alone.');
  });

  it('leaves out "Even more surprising, ..." and "Moreover, ..." unless right after what they go on from', () => {
    const body =
      'They learn kernels from how people extrapolate curves.\n\nEach person saw many noisy curves drawn from a known kernel with a known noise level, one at a time, ' +
      'and was asked to continue each curve by hand as far as the screen went, with no time limit, in a quiet room, on a tablet with a stylus.\n\nEven more surprising, people prefer simpler kernels than the learnt ones.';
    const idea = answer(body, { title: 'Learning Kernels from People' });
    expect(idea).toMatch(/^They learn kernels from how people extrapolate curves\./);
    expect(idea).not.toMatch(/surprising/);
  });

  it('reads "(Shwartz & Tishby \'17)" as a citation of other work, as "(Grady, 2006)" is', () => {
    const body =
      "Estimating information flow (Shwartz & Tishby '17) shows two phases, fitting then compression.\n\nThe proofs are long.\n\n" +
      'They add a little Gaussian noise to the output of each neuron, so that the network is no longer deterministic and the mutual information between layers is finite and can be estimated from samples.';
    expect(mainSentence(body, { title: 'Estimating Information Flow in Deep Networks' })).toMatch(/^They add a little Gaussian noise/);
  });

  it('leaves out a phrase without a verb just before the statement, unless it opens the note', () => {
    const body =
      'Score functions are hard to estimate.\n\nUnstable conditional score fields.\n\n' +
      'They train one network on many noise levels at once, so every level shares what the others learn and no level is left without data.';
    expect(answer(body, { title: 'Noise-Conditional Score Networks' })).not.toMatch(/Unstable conditional score fields/);
  });

  it('takes "X is their solution" as what the paper does, over a line on one experiment', () => {
    expect(
      answer('Problem: domain adaptation. How to learn representations suitable for all domains? Disentanglement is their solution. Learn to see: train a Beta-VAE on frames. Experiments: DeepmindLab. Shows transfer, but the domains are close.', {
        title: 'DARLA: Improving Zero-Shot Transfer in Reinforcement Learning',
      }),
    ).toMatch(/^Disentanglement is their solution\./);
  });

  it('takes "their approach is to ..." as what the paper does', () => {
    expect(
      mainSentence('It is hard to summarise such a great work! It shows that one distance, the cost of moving the mass of one distribution onto the other, is a much better match for learning distributions on low-dimensional manifolds than the usual divergences. Their clever approach is to reformulate the distance through its dual, which is cheap to estimate. The weights are clipped to a small box.', {
        title: 'Dual Distances for GANs',
      }),
    ).toMatch(/^Their clever approach is to reformulate the distance through its dual/);
  });

  it('prefers "their approach is to ..." over an "Instead of ..." sentence explaining it', () => {
    // (What the paper shows comes first: "It shows that the mover distance ...".)
    const back = answer(
      'I love this paper. It shows that the mover distance should be a better match for learning distributions. Some background on divergences follows here. Their clever approach is to rely on a duality to reformulate the computation of the mover distance. Instead of computing the metric over each point in the space, we can compute the metric based on the transformation of that point to another point in the same space.',
      { title: 'Dual Distances for GANs' },
    );
    expect(back).toContain('Their approach is to rely on a duality to reformulate the computation of the mover distance.');
    expect(back).not.toContain('Instead of computing');
  });

  it('takes what follows "the intuition makes sense:" or "Intuition:" as the idea, without the lead-in', () => {
    expect(
      answer(
        'A method to scale up large output layers. First, the intuition makes sense: frequent words can fit more parameters, while rare words only fit a few. Each word is a vector with the size of d_A + d_B, and the vector is very sparse in this way.',
        { title: 'Frequency-Sized Softmax' },
      ),
    ).toBe('A method to scale up large output layers. Frequent words can fit more parameters, while rare words only fit a few.');
    expect(answer('Why do transformers need so many keys? Intuition: attention heads that agree can share one key projection.')).toBe(
      'Attention heads that agree can share one key projection.',
    );
  });

  it('takes "the most important contribution is ..." as the summary it is', () => {
    expect(
      answer('The paper also proposes multi-head attention, with eight heads that each attend in parallel over a lower-dimensional projection of the keys, queries and values, whose outputs are then concatenated and projected again to the model width. Recurrent models encode the whole input into one fixed-size vector. The most important contribution of the paper is to get rid of recurrence altogether.', {
        title: 'Attention Only Sequence Models',
      }),
    ).toMatch(/The most important contribution of the paper is to get rid of recurrence altogether\.$/);
  });

  it('takes the note-taker summing the paper up ("The point of this alg is", "Overall it shows") as the summary it is', () => {
    const body = (summary: string) =>
      `Value iteration can be written as a convolutional network. This allows for planning using value iteration. Not model-based because we are not directly learning a model but planning off of it. ${summary}`;
    expect(answer(body('Overall it shows how to put planning in a network for end-to-end training.'))).toMatch(/It shows how to put planning in a network/);
    expect(answer(body('So the point of this alg is to put planning in a network for end-to-end training.'))).toMatch(/So the point of this alg is/);
    expect(answer(body('The summary is that planning can sit in a network trained end to end.'))).toMatch(/The summary is that planning/);
  });

  it('reads a note written in Chinese: sentences end at 。, and "提出" (proposes) marks what the paper does', () => {
    const body = '卷积网络只能看到局部的信息。本文提出一种非局部模块，直接计算任意两个位置之间的关系，从而捕捉长距离依赖。\n\n几种计算关系的方法：\n\n这个模块可以插入任何网络。';
    expect(answer(body, { title: 'Non-Local Blocks for Video' })).toBe('卷积网络只能看到局部的信息。本文提出一种非局部模块，直接计算任意两个位置之间的关系，从而捕捉长距离依赖。');
  });

  it('takes a labelled formula for the detail it is, not the key idea', () => {
    // (Bullets, as notes write them: a paragraph each.)
    const body = [
      "This alg's goal is to combine actor-critic and Q-learning",
      'Every transition is kept in a shared memory',
      'Formula: gradient of the policy * Q-learning error * (log policy(s,a) + V(s))',
      'So you train the actor-critic network with this objective as well',
    ].join('\n\n');
    expect(answer(body, { title: 'Combining Policy Gradient and Q-Learning' })).toMatch(/^This alg's goal is to combine actor-critic and Q-learning\./);
  });

  it('leaves a verdict after "Overall" out, a prose "Loss:" line in, and where-to-find lines out only when that is all they say', () => {
    expect(answer('Each layer gets its own learning rate scaled by the ratio of its weight norm to its gradient norm. Overall it is a bit hard to follow.')).toBe(
      'Each layer gets its own learning rate scaled by the ratio of its weight norm to its gradient norm.',
    );
    expect(
      answer('One-stage detectors are swamped by easy background anchors. Loss: down-weight well-classified examples by a factor (1-p)^gamma so training focuses on the hard ones. RetinaNet is the detector they build to show it.', {
        title: 'Focal Loss for Dense Object Detection',
      }),
    ).toMatch(/^Loss: down-weight well-classified examples/);
    expect(answer('Code is available as a graph once data flow edges are added, and they run a gated graph network over it.')).toMatch(/^Code is available as a graph/);
    expect(answer('The recording can be watched on YouTube. They treat depth as continuous and regress it per pixel.')).toBe('They treat depth as continuous and regress it per pixel.');
  });

  it('keeps a full-width quote whole, and reads Korean as words with spaces', () => {
    expect(answer('实验部分很长。作者写道：“本文提出通过学习逆转逐步加噪的过程来生成图像。”这一点很清楚。', { title: 'Denoising Diffusion' })).toContain(
      '“本文提出通过学习逆转逐步加噪的过程来生成图像。”',
    );
    expect(answer('이 논문은 양방향 트랜스포머를 마스크 언어 모델로 사전 학습한다')).toBe('이 논문은 양방향 트랜스포머를 마스크 언어 모델로 사전 학습한다.');
  });

  it('keeps numbered steps together', () => {
    expect(answer('Quick multi-style transfer. 1. Use instance normalization for style transfer. 2. Replace its scale layer per style.')).toBe(
      'Quick multi-style transfer. 1. Use instance normalization for style transfer. 2. Replace its scale layer per style.',
    );
  });

  it('drops the clause that held a formula lost in copy-paste', () => {
    expect(answer('Well, the author suggested to treat classification as an RL problem, that is, optimize , rather than .')).toBe(
      'The author suggested to treat classification as an RL problem.',
    );
  });

  it('leaves off a reference number pasted from a PDF onto a sentence\'s first word', () => {
    expect(answer('4Assim, coletamos e divulgamos um novo banco de ECGs de 12 derivações de dez mil pacientes.')).toBe(
      'Assim, coletamos e divulgamos um novo banco de ECGs de 12 derivações de dez mil pacientes.',
    );
    expect(answer('3D ShapeNets learn a distribution of 3D shapes from voxel grids with a convolutional deep belief network.')).toMatch(/^3D ShapeNets learn/);
  });

  it('leaves off the note-taker puzzling over the paper ("for who knows why", "not specified which")', () => {
    const puzzled = answer(
      'A ResNet with three outputs sorts brain tumours on MRI into three kinds. Gets good accuracy, does 300 epochs for who knows why, as it already converges after 40. Radiomic features predict survival (not specified which).',
    );
    expect(puzzled).toMatch(/^A ResNet with three outputs sorts brain tumours/);
    expect(puzzled).not.toMatch(/who knows|not specified/);
  });

  it('reads slides under a scanner or a microscope as data, not as a talk\'s slides', () => {
    expect(answer('Classifying meningioma, glioma and pituitary tumours from 3064 public 2D MRI slides. A ResNet with three outputs, trained with Adam.')).toMatch(
      /^Classifying meningioma, glioma and pituitary tumours from 3064 public 2D MRI slides\./,
    );
    expect(answer('Segments glands in histology slides with a U-shaped network. The slides of the talk were great.')).toBe('Segments glands in histology slides with a U-shaped network.');
  });

  it('reads "To this end, the authors introduce ..." as the authors proposing', () => {
    expect(
      answer(
        'Because there is so little of it to go around, energy management in batteryless systems is paramount. ' +
          'The required characteristics of a storage capacitor might change with the task load and the harvest. ' +
          'To this end, the authors introduce Morphy, a hardware module with some OS-level software primitives. ' +
          'Its hardware is an array of capacitors linked by a network of switches. ' +
          'The authors implement Morphy as a physical circuit board and its software primitives as FreeRTOS plugins. ' +
          'They find that Morphy achieves greater uptime than fixed capacitors.',
        { title: 'Morphy: Software-Defined Charge Storage for the IoT' },
      ),
    ).toMatch(/^To this end, the authors introduce Morphy, a hardware module with some OS-level software primitives\./);
  });

  it('answers with what the paper\'s own thing is, named as its title names it', () => {
    const body =
      'Using stereo vision to make 3D models of scenes on commodity smartphones is promising for new mobile applications, however, smartphones are limited in their depth perception by a baseline of a few centimetres. ' +
      'Stereo systems with such a baseline are fine for tracking nearby objects, but their error grows fast with distance. ' +
      'Hypersight is a system which synthetically constructs a longer baseline stereo camera from a smartphone moved through space by a human. ' +
      'The main challenge is that a human will not move the camera precisely the right distance.';
    expect(answer(body, { title: 'Hypersight: boosting distant 3D vision on a single dual-camera smartphone' })).toMatch(/^Hypersight is a system which synthetically constructs/);
    // (Another thing the title names is the field, not the paper's own.)
    expect(answer('LoRa is a communication scheme widely used in low-power nodes. The authors introduce two DNNs which act together as a LoRa decoder at very low SNR.', { title: 'NELoRa: neural enhanced demodulation for ultra low SNR LoRa' })).toMatch(/The authors introduce two DNNs/);
  });

  it('keeps "Well" that is a word of the sentence, not an interjection', () => {
    expect(answer('Well differentiated liposarcoma and lipoma are told apart from MRI radiomics by a random forest.')).toBe(
      'Well differentiated liposarcoma and lipoma are told apart from MRI radiomics by a random forest.',
    );
  });

  it('stays within the budget, cutting cleanly at a word boundary only when it must', () => {
    const long = `They propose ${'a very long chain of modules that each refine the previous output and pass it on, '.repeat(6)}until done.`;
    const text = answer(long);
    expect(text.length).toBeLessThanOrEqual(ANSWER_BUDGET);
    expect(text.endsWith('…')).toBe(true);
    expect(long.startsWith(text.slice(0, -1).trimEnd())).toBe(true);
  });

  it('reads Markdown bullets as plain sentences', () => {
    expect(answer('- **Masked language modelling**: hide 15% of tokens and predict them.\n- Some detail.', { title: 'BERT' })).toBe(
      'Masked language modelling: hide 15% of tokens and predict them.',
    );
  });

  it('answers a pasted abstract from what the paper does, not from the field it opens on', () => {
    const abstract =
      'Open-domain question answering systems retrieve documents from a large corpus and read them. ' +
      'Their accuracy depends on how many relevant documents the retriever returns. ' +
      'In this paper, we introduce a paragraph ranker that reorders retrieved paragraphs so the reader sees fewer irrelevant ones. ' +
      'We show that it raises answer recall on four open-domain datasets.';
    expect(answer(abstract, { title: 'Ranking Paragraphs for Open-Domain Question Answering' })).toMatch(/^We introduce a paragraph ranker/);
  });

  it('is deterministic', () => {
    const entry = note('They add a memory to a classifier so the model remembers rare samples. How to maintain it? Replace the closest slot.');
    expect(extractKeyIdea(entry)).toEqual(extractKeyIdea(structuredClone(entry)));
  });
});

describe('remarks at the end of a sentence, and verdicts tacked on', () => {
  const statement = 'The network learns residual functions, so very deep nets train without degradation.';
  it.each([
    ['a sentence of its own', `${statement} Read this for the reading group, great figures.`],
    ['a clause after a comma', `${statement.slice(0, -1)}, great figures.`],
    ['a clause after a dash', `${statement.slice(0, -1)} - read this for the reading group.`],
    ['a clause after a semicolon', `${statement.slice(0, -1)}; must read for the group.`],
  ])('are left out when they are %s', (_how, body) => {
    expect(answer(body)).toBe(statement);
  });

  it('take a joke ("..., lol") away whole, with what the laugh closes', () => {
    expect(answer('Turning pruning into a science, lol. They prune weights by their second-order saliency.')).toBe('They prune weights by their second-order saliency.');
  });

  it('cut "which is nice" off the statement, and an interjection off its front', () => {
    expect(answer('They learn residual functions with identity shortcuts, which is nice.')).toBe('They learn residual functions with identity shortcuts.');
    expect(answer('Coool - 3d convolutions slide one filter over the whole volume.')).toBe('3d convolutions slide one filter over the whole volume.');
  });

  it('leave out praise with nothing said ("interesting phenomena observed", "clear, practical insights")', () => {
    expect(answer('Shows how small models memorize their training examples; interesting phenomena observed; important work.')).toBe(
      'Shows how small models memorize their training examples.',
    );
    expect(answer('They uncovered clear, practical insights. They prove that the evidence of a model detects memorization.')).toBe(
      'They prove that the evidence of a model detects memorization.',
    );
  });

  it('leave out the reader weighing its future ("Not straightforward but there is potential ...")', () => {
    expect(answer('Composes new networks from fragments of pretrained ones. Not straightforward but there is potential in reusing what networks learned.')).toBe(
      'Composes new networks from fragments of pretrained ones.',
    );
  });

  it('cut the reader setting the title right off the front, and their guess at what the authors attempted', () => {
    expect(answer('Not really about attention, actually - the key addition is a third network that tracks the arc of the dialogue.')).toBe(
      'The key addition is a third network that tracks the arc of the dialogue.',
    );
    expect(answer('One model translates between many language pairs with one shared attention. Doesn\u2019t appear to learn an interlingua, as the authors were probably attempting to do.')).toBe(
      'One model translates between many language pairs with one shared attention.',
    );
  });

  it('skip a note that only forecasts a field, and "the same is true" of another', () => {
    expect(skip('Transformers for planning will be a fascinating research area to track. The same is true for the reverse direction (planning for transformers).')).toBe(
      SKIP_REASONS.remarks,
    );
    // After a statement, "the same is true" carries the statement on.
    expect(answer('Transformers learn planning from demonstrations alone. The same is true for search with learned heuristics.')).toBe(
      'Transformers learn planning from demonstrations alone. The same is true for search with learned heuristics.',
    );
  });

  it('take praise off the noun it is set before, keeping the article right', () => {
    expect(answer('Uses interesting factorization trick to reduce the game to a tractable decision process.')).toBe(
      'Uses factorization trick to reduce the game to a tractable decision process.',
    );
    expect(answer('A nice overview of the important ideas in reinforcement learning.')).toBe('An overview of the important ideas in reinforcement learning.');
    expect(answer('They add an elegant shortcut that makes the critic cheap to evaluate on every step.')).toBe(
      'They add a shortcut that makes the critic cheap to evaluate on every step.',
    );
  });
});

describe('what the note says briefly, and notes with nothing else', () => {
  it('answers from the lead (TLDR, Summary, Main idea) before the rest of the note', () => {
    expect(answer('Background on scaling laws first. They also study data mixtures.', { lead: 'Warmup works because early updates precondition the loss.' })).toBe(
      'Warmup works because early updates precondition the loss.',
    );
  });

  it('answers with the whole lead where all of it fits on the back', () => {
    const gist = 'To replicate a pyramidal neuron with AMPA inputs, you need a 1-hidden-layer network. But if NMDA conductances are added, one needs 7 hidden layers.';
    expect(answer('Good intro into the history of the question.', { lead: gist })).toBe(gist);
    // (A lead too long for the back is read for its best sentences, as the body is.)
    const long = `${gist} ${'They also fit the temporal kernels of every synapse to the recorded traces one by one. '.repeat(3)}`;
    expect(answer('', { lead: long }).length).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('answers with every point of a lead set as a list of phrases, where they fit', () => {
    // ("## Key ideas" over four bullets: each phrase is a point, none a label of the next.)
    const points = ['Ballooning to allow memory overcommitment over all VMs', 'Idle memory taxing', 'Content-based page sharing', 'I/O page remapping'];
    expect(answer('Shadow page tables map virtual pages to machine pages.', { lead: points.join('\n\n') })).toBe(`${points.join('. ')}.`);
  });

  it('prefers what the paper does over the problem it starts from and the results', () => {
    expect(
      answer('Training RL agents from demonstrations is hard. Instead, they propose a game-theoretic objective that matches the expert. It reaches 95% of expert return.'),
    ).toBe('They propose a game-theoretic objective that matches the expert.');
  });

  it('say why a note with only authors, links, remarks or own sections is skipped', () => {
    expect(skip('', { removed: ['authors', 'links'] })).toBe('only authors and links (nothing about the paper)');
    expect(skip('', { own: 'I should compare this with tensor field networks.' })).toBe(SKIP_REASONS.own);
    expect(skip('', { removed: ['logistics'] })).toBe('only a time and place (nothing about the paper)');
  });
});

describe('words that are remarks only in the note-taker\u2019s mouth', () => {
  it('keep a sentence about a Q&A task or agents feeling their way', () => {
    expect(answer('Proposes integrated decomposition, an approach to improve Science Q&A through human oversight.')).toBe(
      'Proposes integrated decomposition, an approach to improve Science Q&A through human oversight.',
    );
    expect(answer('Agents learn to build maps by feeling their way around the room.')).toBe('Agents learn to build maps by feeling their way around the room.');
  });
});

describe('a summary of one phrase', () => {
  it('answers from a one-line lead that is a phrase, as the note-taker wrote it, but not from such a line in the body', () => {
    expect(answer('', { lead: 'A U-shaped CNN for segmentation' })).toBe('A U-shaped CNN for segmentation.');
    expect(answer('', { lead: 'Sparse block based attention' })).toBe('Sparse block based attention.');
    expect(skip('A U-shaped CNN for segmentation')).toBe(SKIP_REASONS.short);
  });
});

describe('notes that say too little', () => {
  it('skip a fragment rather than answer with it', () => {
    expect(skip('Differential operators: Multiple.')).toBe(SKIP_REASONS.short);
  });

  it('skip a note that only says what was there before the paper, or the problem it takes on', () => {
    expect(skip('Issues with auxiliary-classifier GANs: low diversity, a tendency towards mode collapse.')).toBe(SKIP_REASONS.none);
    expect(skip('Currently, a single scalar score is used to judge generated images. How to measure precision and recall instead?')).toBe(SKIP_REASONS.none);
    expect(skip('Graph networks often assume all nodes are of one type.\n\nMotivation:\n- Heterogeneity\n- Non-stationarity')).toBe(SKIP_REASONS.none);
    // What it is for, and nothing of how: "Aims to ...".
    expect(skip('Aims to better understand why sparse networks train slowly; fascinating results shown.')).toBe(SKIP_REASONS.none);
    // A joke ("..., lol") and the drawbacks of what came before.
    expect(skip('Turning pruning into a science, lol.\n\nPruning methods have a few drawbacks: depend on the schedule; costly retraining.')).toBe(SKIP_REASONS.none);
    // The families of methods before it ("Grid based methods: ...") and their main issues.
    const families = 'Latency and memory main issues for 3D detectors.\n\nGrid based methods: memory grows cubically.\n\nPoint-based models: irregular memory access.\n\n3D detection (KITTI)';
    expect(skip(families, { title: 'Mesh-Point Transformer for Fast 3D Detection' })).toBe(SKIP_REASONS.none);
    // A term defined may be the method itself: that is an answer.
    expect(answer('Zoneout is the dropout of the time dimension, keeping the previous hidden state at random.', { title: 'Zoneout' })).toMatch(/^Zoneout is the dropout/);
  });

  it('skip a label, "... based model": "based" is no verb', () => {
    expect(skip('A differentiable graph based model.\n\nDataset: CLEVR, GQA', { title: 'Neural Graph Machine' })).toBe(SKIP_REASONS.none);
  });

  it('skip a note of labels, the data sets it was tried on and the problem ("X: Hard to ...")', () => {
    expect(skip('Graph attention network\n\nPascal and Cityscapes data sets for segmentation.\n\nResNet backbone')).toBe(SKIP_REASONS.none);
    expect(skip('Diffusion models: Hard to sample from quickly.\n\nWhy diffusion?')).toBe(SKIP_REASONS.none);
    // A sentence that does something with its data is an answer.
    expect(answer('They set a new split of the COCO data set where test objects never co-occur in training.')).toMatch(/^They set a new split/);
  });

  it('skip a formula or a question rather than answer with it', () => {
    expect(skip('y = f(x) = x + g(x). What are flow models?')).toBe(SKIP_REASONS.short);
    // A question in Chinese or Japanese ends in a full-width mark: the note-taker asking, too.
    expect(skip('多模态的模型拆分和常见的模型拆分有什么不同？')).toBe(SKIP_REASONS.short);
  });

  it('leave out advice to the reader', () => {
    expect(skip("If you're looking for interesting open problems in deep learning, this is a good reference.")).toBe(SKIP_REASONS.remarks);
  });
});

describe('a note that only restates its title', () => {
  const title = 'Zero-shot Image-to-Image Translation';

  it('is skipped with that reason, asking for a key idea, rather than made a card that is its own answer', () => {
    expect(skip('pix2pix-zero - proposes a model for zero-shot image-to-image translation.', { title })).toBe(SKIP_REASONS.title);
  });

  it('gives its answer from the sentence after, however long, when the note goes on to say more', () => {
    const more =
      'It edits an image along an editing direction found automatically in the text embedding space, and keeps the input image structure through cross-attention guidance during diffusion sampling.';
    expect(answer(`Proposes a model for zero-shot image-to-image translation. ${more}`, { title })).toBe(more);
  });

  it('gives its answer from the next part of the note that says more', () => {
    expect(answer('Proposes a model for zero-shot image-to-image translation. It edits an image along a direction found in text embeddings, keeping its structure by cross-attention guidance.', { title })).toContain('cross-attention guidance');
  });

  it('still takes the user\u2019s own "Key idea:" line, whatever it says', () => {
    expect(answer('Nothing here.', { title, keyIdea: 'Zero-shot image-to-image translation.' })).toBe('Zero-shot image-to-image translation.');
  });
});

describe('a sentence giving the conclusion', () => {
  it('is on the back, as the point of the paper', () => {
    expect(
      answer(
        'A qualitative and quantitative analysis of the information encoded by the heads of a large language model. ' +
          'Most heads attend to the separator token or the next word. ' +
          'They disable single heads one by one and measure each task again. ' +
          'Conclusion: the model is overparametrized, with a limited set of attention patterns repeated across its heads.',
        { title: 'Revealing the Secrets of Attention Heads' },
      ),
    ).toMatch(/Conclusion: the model is overparametrized, with a limited set of attention patterns repeated across its heads\.$/);
  });
});

describe('a sentence on what is left to do', () => {
  it('gives way to what the paper found ("need further investigation", "remains unclear")', () => {
    for (const open of [
      'The biochemical effects of the absorption need further investigation in conjunction with the heating of the tissue.',
      'It remains unclear whether the heating of the tissue affects the kinetics of the absorption.',
      'Future work should measure the heating of the tissue in patients.',
    ]) {
      expect(mainSentence(`${open}\n\nThe heating of the tissue stays below a tenth of a degree, and light of 810 nm penetrates deeper than light of 630 nm.`, { title: 'Photon Transport and Tissue Heating' }), open).toMatch(/^The heating of the tissue stays below/);
    }
  });
});

describe('a study in Chinese', () => {
  it('says what it found beside what it studied ("论文主要研究 ...", then "测试结果表明 ...")', () => {
    const body = '同源策略是管理不同源之间交互的一组规则。论文主要研究同源策略中嵌入文档的规则。研究者们在10个浏览器上运行了544个测试用例。测试结果表明，授予的访问权限取决于嵌入元素的类型和沙箱属性。';
    expect(answer(body, { title: 'Same-Origin Policy: Evaluation in Modern Browsers' })).toBe('论文主要研究同源策略中嵌入文档的规则。测试结果表明，授予的访问权限取决于嵌入元素的类型和沙箱属性。');
  });
});

describe('an essay\'s argument and an abstract\'s system', () => {
  it('takes "The core argument is that ..." as the note\'s point', () => {
    const body = [
      'This paper discussed why information security is complex from an economic perspective.',
      'The core argument is that it is hard not only because of technical issues but mainly a lack of incentive.',
      'First, the paper established that information security is based on network economics, i.e., winner takes all.',
      'What\'s worse, the "white hat" lacks the motivation to submit a report when a bug is found.',
    ].join('\n');
    expect(answer(body, { title: 'Why Information Security is Hard: An Economic Perspective' })).toContain('The core argument is that it is hard not only because of technical issues but mainly a lack of incentive.');
  });

  it('reads a pasted abstract\'s opening on its own system ("Notary is a new ... architecture") as no background', () => {
    const abstract = [
      'Notary is a new hardware and software architecture for running isolated approval agents in the form factor of a USB stick.',
      'Approval agents allow factoring out critical security decisions to a secure environment.',
      'Prior systems either build single-function devices or share one operating system between agents.',
      'We built a hardware/software prototype of Notary, using a combination of ARM and RISC-V processors.',
      'We show that reset-based switching between agents is fast enough for interactive use.',
    ].join(' ');
    expect(answer(abstract, { title: 'Notary: A Device for Secure Transaction Approval' })).toMatch(/^Notary is a new hardware and software architecture for running isolated approval agents/);
  });
});

describe('what a paper found, said in Chinese', () => {
  it('is no problem the paper starts from, though it names a bottleneck', () => {
    const body = '癌细胞进入休眠状态来逃避化疗，作者发现前后并没有遗传瓶颈，就像胚胎滞育';
    expect(answer(body, { title: 'Colorectal Cancer Cells Enter a Diapause-like DTP State to Survive Chemotherapy' })).toBe(`${body}。`);
  });
});

describe('the point of a Chinese note, labelled', () => {
  it('reads "结论：...", "一句话结论：..." as the note\'s point, as "Conclusion: ..." is', () => {
    const body = '用错误定价指标和交易量数据进行双重分组，构建5*5投资组合。结论：预期收益与低估股票的交易量正相关，与高估股票的交易量负相关。交易量与投资者分歧、波动性和流动性都相关。';
    expect(mainSentence(body, { title: 'Expected Return, Volume, and Mispricing' })).toMatch(/^结论：预期收益与低估股票的交易量正相关/);
  });
});

describe('a paper that "studies" something', () => {
  it('says what it found beside what it studied ("This paper studies ...", then "It shows that ...")', () => {
    const body = 'This paper studies the crowdsourced stock rankings of a forecasting website. It shows that investors extrapolate from recent returns, weighting the latest weeks most. Such beliefs are stronger among nonprofessionals. The coefficients on past returns are mostly significant. They further decompose past weekly returns into their systematic and idiosyncratic parts using the CAPM.';
    expect(answer(body, { title: 'Extrapolative Beliefs in the Cross-Section' })).toBe('This paper studies the crowdsourced stock rankings of a forecasting website. It shows that investors extrapolate from recent returns, weighting the latest weeks most.');
  });
});

describe('an example', () => {
  it('opening on "E.g." is no answer', () => {
    const body =
      'Lots of analysis performed on thousands of cells, see the data page for how they were recorded. E.g. Peer prediction and SVCA. Interesting hypothesis also that there exists a multidimensional representation of behaviour in visual cortex.';
    expect(mainSentence(body, { title: 'Spontaneous behaviors drive brainwide activity' })).toMatch(/^Lots of analysis/);
  });
});

describe('a quotation pasted with its opening mark alone', () => {
  it('starts the back on its first word, not a space', () => {
    const back = answer('" We first propose a novel objective for a deep bidirectional LSTM network, where unlabeled data are used to learn deep contextualized acoustic representations.', {
      title: 'Deep Contextualized Acoustic Representations',
    });
    expect(back).toMatch(/^We first propose a novel objective/);
  });
});

describe('a tag written into a sentence', () => {
  it('reads "#bayesian" as the word, not as a tag mark on the back', () => {
    expect(answer('Expert knowledge narrows the parameter space where crop data are scarce, using #bayesian priors.')).toBe(
      'Expert knowledge narrows the parameter space where crop data are scarce, using bayesian priors.',
    );
  });
});

describe('an effect the study found', () => {
  it('reads "did have significant effects on ..." as a finding, over the set-up before it', () => {
    const body = 'Looking at responses in number of flowers and flowering effort per plant across the light gradient. Light penetration did have significant effects on the probability of individuals flowering, as well as on cover and effort.';
    expect(mainSentence(body, { title: 'Consequences of reduced light for flower production in conifer-invaded meadows' })).toMatch(/^Light penetration did have significant effects/);
  });
});
