import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeNotes } from '../../src/notes/decode.js';
import { parseNotes } from '../../src/notes/parse.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'notes');

/** The way `generate` reads a notes file: bytes from disk, decoded, parsed. */
function readNotes(text: string | Uint8Array, name = 'notes.txt') {
  const dir = mkdtempSync(join(tmpdir(), 'paperdeck-parse-'));
  writeFileSync(join(dir, name), text);
  return parseNotes(decodeNotes(readFileSync(join(dir, name)), name), name);
}

const titles = (text: string | Uint8Array) => readNotes(text).entries.map((e) => e.title);

describe('the bundled text format', () => {
  const notes = [
    '# ICLR 2017 summary',
    '',
    'Thanks to everyone. In order not to forget, a little summary.',
    '',
    'Monday morning',
    '',
    'C1: Making Neural Programming Architectures Generalize via Recursion',
    '',
    'In short, they used training data which includes recursion.',
    '',
    'So I think the good results come from memorised corner cases.',
    '',
    'C9: What does it take to generate natural textures?',
    '',
    'The paper says that a random network with a relu is enough.',
    '',
    'Monday afternoon:',
    '',
    'C1: DSD: Dense-Sparse-Dense Training for Deep Neural Networks',
    '',
    'Train dense, prune, train dense again.',
    '',
    'C31, C32, C33: I seemed to miss these three poster during the conference………',
    '',
    'C33: Third Person Imitation Learning',
    '',
    'Domain adversarial training of the imitation policy.',
  ].join('\n');

  it('reads each paper once, with its session, code, title line and body, and skips the preamble', () => {
    const { entries } = readNotes(notes);
    expect(entries.map((e) => [e.session, e.code, e.title, e.line])).toEqual([
      ['Monday morning', 'C1', 'Making Neural Programming Architectures Generalize via Recursion', 7],
      ['Monday morning', 'C9', 'What does it take to generate natural textures?', 13],
      ['Monday afternoon', 'C1', 'DSD: Dense-Sparse-Dense Training for Deep Neural Networks', 19],
      ['Monday afternoon', 'C33', 'Third Person Imitation Learning', 25],
    ]);
    expect(entries[0]!.body).toBe(
      'In short, they used training data which includes recursion.\n\nSo I think the good results come from memorised corner cases.',
    );
    expect(entries.every((e) => e.file === 'notes.txt')).toBe(true);
  });

  it('splits the title at the first colon after the code, so titles keep their own colons', () => {
    expect(titles('C4: DSD: Dense-Sparse-Dense Training\n\nBody text.\n')).toEqual(['DSD: Dense-Sparse-Dense Training']);
  });

  it('does not take a line listing several codes for a paper, nor merge it into the paper before', () => {
    const { entries, warnings } = readNotes(notes);
    expect(entries.some((e) => e.title.includes('I seemed to miss'))).toBe(false);
    expect(entries.some((e) => e.body.includes('I seemed to miss'))).toBe(false);
    expect(warnings).toEqual([
      {
        file: 'notes.txt',
        line: 23,
        message: 'line names several papers (C31, C32, C33) and no single title: not read as a paper',
      },
    ]);
  });

  it('drops the paragraphs under a multi-code line too, instead of giving them to the paper before', () => {
    const { entries } = readNotes('C1: First\n\nFirst body.\n\nC2, C3: missed both\n\nThey clashed with lunch.\n\nC4: Fourth\n\nFourth body.');
    expect(entries.map((e) => [e.title, e.body])).toEqual([
      ['First', 'First body.'],
      ['Fourth', 'Fourth body.'],
    ]);
  });

  it('keeps repeated codes as separate papers: codes identify nothing', () => {
    const { entries } = readNotes('Day 1\n\nC1: Alpha\n\nA.\n\nC1: Beta\n\nB.\n\nDay 2\n\nC1: Gamma\n\nC.');
    expect(entries.map((e) => `${e.session}/${e.code}/${e.title}`)).toEqual(['Day 1/C1/Alpha', 'Day 1/C1/Beta', 'Day 2/C1/Gamma']);
  });

  it('does not mistake a one-line note just before the next paper for a session header', () => {
    const { entries } = readNotes('Wednesday morning\n\nC24: Adversarial Feature Learning\n\nBi-GAN\n\nC30: PGQ\n\nCombine PG and Q-learning.');
    expect(entries.map((e) => [e.session, e.title, e.body])).toEqual([
      ['Wednesday morning', 'Adversarial Feature Learning', 'Bi-GAN'],
      ['Wednesday morning', 'PGQ', 'Combine PG and Q-learning.'],
    ]);
  });

  it('reads "Oral" as the only line of a note, but "Posters" after a note as a session', () => {
    const { entries } = readNotes('C1: Alpha\n\nOral\n\nC2: Beta\n\nSome note.\n\nPosters\n\nC3: Gamma\n\nMore.');
    expect(entries.map((e) => [e.session, e.title, e.body])).toEqual([
      ['', 'Alpha', 'Oral'],
      ['', 'Beta', 'Some note.'],
      ['Posters', 'Gamma', 'More.'],
    ]);
  });

  it('recognises lowercase codes and dash headers as papers, never as body text', () => {
    const { entries } = readNotes('c5: Lower Case\n\nOne.\n\nC6 - Hyphen Header\n\nTwo.\n\nC7 – En Dash Header\n\nThree.\n\nC8 — Em Dash\n\nFour.');
    expect(entries.map((e) => [e.code, e.title, e.body])).toEqual([
      ['C5', 'Lower Case', 'One.'],
      ['C6', 'Hyphen Header', 'Two.'],
      ['C7', 'En Dash Header', 'Three.'],
      ['C8', 'Em Dash', 'Four.'],
    ]);
  });

  it('warns about a code with no title and keeps its lines out of the paper before', () => {
    const { entries, warnings } = readNotes('C1: First\n\nBody.\n\nC2:\n\nOrphan text.\n\nC3: Third\n\nMore.');
    expect(entries.map((e) => [e.title, e.body])).toEqual([
      ['First', 'Body.'],
      ['Third', 'More.'],
    ]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([[5, 'C2 has no title: not read as a paper']]);
  });

  it('returns no entries when nothing is recognisable', () => {
    const { entries } = readNotes('Just some thoughts.\n\nNothing that looks like a paper here.\n');
    expect(entries).toEqual([]);
  });
});

describe('real-world files', () => {
  it('survives a BOM, CRLF, tabs, NBSP, trailing spaces, blank lines with spaces and no final newline', () => {
    const text = '\ufeffMonday morning:  \r\n \t \r\nC1:\tTabbed\u00a0Title  \r\n\r\nThey\tuse   tabs\u00a0and\u00a0NBSP.  \r\n   \r\nSecond paragraph, no final newline';
    const { entries } = readNotes(new TextEncoder().encode(text));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      session: 'Monday morning',
      code: 'C1',
      title: 'Tabbed Title',
      line: 3,
      body: 'They use tabs and NBSP.\n\nSecond paragraph, no final newline',
    });
  });

  it('keeps curly quotes and ellipses, and no control characters reach titles or bodies', () => {
    const { entries } = readNotes('C1: It\u2019s \u201cAll\u201d\u0007 You Need\u001b[2J\n\nThey\u2019re right… mostly.\u0008');
    expect(entries[0]!.title).toBe('It\u2019s \u201cAll\u201d You Need');
    expect(entries[0]!.body).toBe('They\u2019re right… mostly.');
  });
});

describe('"Key idea:" lines', () => {
  it('lift the user\u2019s own answer out of the body, in any of the usual spellings', () => {
    const { entries } = readNotes(
      [
        'C1: Plain',
        '',
        'Some context.',
        'Key idea: keep slow weights and step towards fast weights.',
        '',
        'C2: Bold Markdown',
        '',
        '**Key idea:** a tensor factorisation decides what to share.',
        '',
        'C3: Bullet',
        '',
        '- first point',
        '- key idea: unroll the discriminator updates',
        '- last point',
        '',
        'C4: Wrapped Over Two Lines',
        '',
        'KEY IDEA: the generator must fool',
        'several discriminators at once.',
      ].join('\n'),
    );
    expect(entries.map((e) => e.keyIdea)).toEqual([
      'keep slow weights and step towards fast weights.',
      'a tensor factorisation decides what to share.',
      'unroll the discriminator updates',
      'the generator must fool several discriminators at once.',
    ]);
    expect(entries.map((e) => e.body)).toEqual(['Some context.', '', '- first point\n- last point', '']);
  });

  it('warn when the line is empty, and the note stays as it was', () => {
    const { entries, warnings } = readNotes('C1: Alpha\n\nKey idea:\n\nThey add a memory.');
    expect(entries[0]!.keyIdea).toBeUndefined();
    expect(entries[0]!.body).toBe('They add a memory.');
    expect(warnings.map((w) => [w.line, w.message])).toEqual([[3, 'empty "Key idea:" line: the answer is taken from the note instead']]);
  });
});

describe('Markdown notes', () => {
  it('reads a document title, sessions as ## and papers as ###, with bullet bodies', () => {
    const { entries } = parseNotes(readFileSync(join(fixtures, 'sessions-and-papers.md'), 'utf8'), 'talks.md');
    expect(entries.map((e) => [e.session, e.title, e.line])).toEqual([
      ['Day 1 — Tuesday', 'Deep Equilibrium Models', 7],
      ['Day 1 — Tuesday', 'Lookahead Optimizer: k steps forward, 1 step back', 13],
      ['Day 2', 'Weight Agnostic Neural Networks', 21],
      ['Day 2', 'Some paper I missed', 26],
    ]);
    // Bullets are read as the list they are: one line each, no markers on a card.
    expect(entries[0]!.body).toBe(
      'They find the fixed point of a single layer directly with a root solver instead of stacking layers.\n\n' +
        'Memory is constant in depth, since backprop uses implicit differentiation.\n\n' +
        'I was not sure how stable the solver is.',
    );
    expect(entries[1]!.keyIdea).toBe('keep slow weights and update them towards fast weights every k steps.');
    expect(entries[1]!.body).toBe('Nice poster, very crowded.');
    expect(entries[2]!.body).toBe(
      'Searching for architectures that work with a single shared random weight.\nThe paper shows that the architecture alone can encode a solution.',
    );
  });

  it('reads papers as ## when there is nothing else, codes in headings included, sub-headings as parts of the note', () => {
    const { entries } = parseNotes(readFileSync(join(fixtures, 'papers-only.md'), 'utf8'), 'papers.md');
    expect(entries.map((e) => [e.code, e.title])).toEqual([
      ['', 'Attention Is All You Need'],
      ['C12', 'BERT: Pre-training of Deep Bidirectional Transformers'],
      ['', 'ResNet'],
    ]);
    expect(entries[1]!.body).toContain('Next sentence prediction as a second pre-training task.');
    // "#### Details" is a part of the note: its text is the paper's, its name no sentence.
    expect(entries[1]!.body).toContain('They pre-train on books and Wikipedia.');
    expect(entries[1]!.body).not.toMatch(/^Details$|[*#]/m);
    expect(entries[2]!.body).toBe('Learn residual functions F(x) = H(x) - x with identity shortcuts.\n\nLets them train networks with 150+ layers.');
  });

  it('treats a single top heading as a paper when it is the only kind of heading', () => {
    expect(titles('# One Paper\n\nIts note.\n\n# Another Paper\n\nAnother note.')).toEqual(['One Paper', 'Another Paper']);
  });

  it('takes the paragraph under a "### Key idea" heading as the user\u2019s answer', () => {
    const { entries } = readNotes('## HyperNetworks\n\nA small net makes the weights.\n\n### Key idea\n\nOne network generates the weights of another.\n\n## Next\n\nText.');
    expect(entries[0]!.keyIdea).toBe('One network generates the weights of another.');
    expect(entries[0]!.body).toBe('A small net makes the weights.');
  });

  it('uses session headings above coded paper headings', () => {
    const { entries } = readNotes('# Monday\n\n## C3: First Paper\n\nBody one.\n\n# Tuesday\n\n## C3: Second Paper\n\nBody two.');
    expect(entries.map((e) => [e.session, e.code, e.title])).toEqual([
      ['Monday', 'C3', 'First Paper'],
      ['Tuesday', 'C3', 'Second Paper'],
    ]);
  });
});
