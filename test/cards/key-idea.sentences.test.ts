import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/cards/sentences.js';

describe('splitSentences', () => {
  it('does not end a sentence at abbreviations: e.g., i.e., et al., Fig. 3, vs., cf., Eq.', () => {
    expect(splitSentences('We use e.g. dropout, i.e. noise. Smith et al. propose this. As in Fig. 3 the loss drops. Adam vs. SGD, cf. Eq. 5 here.')).toEqual([
      'We use e.g. dropout, i.e. noise.',
      'Smith et al. propose this.',
      'As in Fig. 3 the loss drops.',
      'Adam vs. SGD, cf. Eq. 5 here.',
    ]);
  });

  it('reads "et. al." and "et.al." as "et al.": the stray dot ends no sentence', () => {
    expect(splitSentences('Smith et. al. propose a sparse model that trains fast. Lee et.al. extend it to graphs. It works.')).toEqual([
      'Smith et al. propose a sparse model that trains fast.',
      'Lee et al. extend it to graphs.',
      'It works.',
    ]);
  });

  it('carries a sentence on over a line that ends in an abbreviation, and ends one at a line ending in a word', () => {
    expect(splitSentences('the score is the chance that the target word is aligned to i.e.\ntranslated from the words around it\nThis helps.\nthen it is used')).toEqual([
      'the score is the chance that the target word is aligned to i.e. translated from the words around it',
      'This helps.',
      'then it is used',
    ]);
  });

  it('ends a long line written without its full stop where the next line opens a sentence, unless the line needs more', () => {
    expect(splitSentences('HEterogeneity-aware system explicitly developed for Elastic Training\nThe problem is that clusters are heterogeneous.\nWe train the largest models on the cluster and the\nThe second line carries on.')).toEqual([
      'HEterogeneity-aware system explicitly developed for Elastic Training',
      'The problem is that clusters are heterogeneous.',
      'We train the largest models on the cluster and the The second line carries on.',
    ]);
    // However short the line, "and" at its end carries it on.
    expect(splitSentences('extensions in Separation Logic and\nConcurrent Separation Logic over 20 years.')).toEqual(['extensions in Separation Logic and Concurrent Separation Logic over 20 years.']);
  });

  it('carries on after "etc.," but ends at "etc." followed by a new sentence', () => {
    expect(splitSentences('You learn vocabularies, grammar etc., and also practice. Vgg etc. They use it.')).toEqual([
      'You learn vocabularies, grammar etc., and also practice.',
      'Vgg etc.',
      'They use it.',
    ]);
  });

  it('keeps inline numbering inside its sentence', () => {
    expect(
      splitSentences(
        'The ways are: 1. to reduce the probability; 2 to reduce the other; 3 to increase it. The first has a problem. The result is on method 3 (called step 1.1. in the paper)',
      ),
    ).toEqual([
      'The ways are: 1. to reduce the probability; 2 to reduce the other; 3 to increase it.',
      'The first has a problem.',
      'The result is on method 3 (called step 1.1. in the paper)',
    ]);
    expect(splitSentences('The benefit is 1. the generator must fool all of them 2. It is easy to get gradient 3 fewer modes collapse.')).toEqual([
      'The benefit is (1) the generator must fool all of them (2) It is easy to get gradient 3 fewer modes collapse.',
    ]);
  });

  it('splits numbered steps that follow full stops into one sentence each, keeping their numbers', () => {
    expect(splitSentences('Quick transfer. 1. Use instance norm. 2. Replace the scale layer.')).toEqual([
      'Quick transfer.',
      '1. Use instance norm.',
      '2. Replace the scale layer.',
    ]);
  });

  it('reads ellipses typed as …, .... or ……… as one mark, ending a sentence only before a new one', () => {
    expect(splitSentences('I seemed to miss these three poster during the conference………')).toEqual([
      'I seemed to miss these three poster during the conference…',
    ]);
    expect(splitSentences('He had not tried …..), so he made a bound. Wait.... Then a new one… and on.')).toEqual([
      'He had not tried …), so he made a bound.',
      'Wait…',
      'Then a new one… and on.',
    ]);
  });

  it('never splits inside parentheses, and a closing parenthesis can end a sentence', () => {
    expect(splitSentences('This is (a bit like X. not Y) inside. Next one (at least one mode) In fact, another paper exists.')).toEqual([
      'This is (a bit like X. not Y) inside.',
      'Next one (at least one mode)',
      'In fact, another paper exists.',
    ]);
  });

  it('keeps a sentence whose formula was lost in copy-paste as one sentence', () => {
    expect(splitSentences('That is, optimize , rather than . But since it is hard to optimize, he made a bound.')).toEqual([
      'That is, optimize , rather than .',
      'But since it is hard to optimize, he made a bound.',
    ]);
  });

  it('keeps a last sentence without a full stop, and words with dots in them', () => {
    expect(splitSentences('It uses np.random and Node.JS here. The attention is calculated from gradient(Code available)')).toEqual([
      'It uses np.random and Node.JS here.',
      'The attention is calculated from gradient(Code available)',
    ]);
  });

  it('treats bullets and list lines as sentences of their own, joining soft-wrapped lines', () => {
    expect(
      splitSentences(
        '- first bullet\n- second bullet that wraps\n  onto the next line\n\nA paragraph long enough to have been wrapped at\nSome capitalised word. Short line\nAnother line',
      ),
    ).toEqual([
      'first bullet',
      'second bullet that wraps onto the next line',
      'A paragraph long enough to have been wrapped at Some capitalised word.',
      'Short line',
      'Another line',
    ]);
  });

  it('ends sentences at ? and !, and returns nothing for blank text', () => {
    expect(splitSentences('How to maintain it? Replace the closest slot! Done.')).toEqual(['How to maintain it?', 'Replace the closest slot!', 'Done.']);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
