// The key idea's two hand-made readers must read exactly as what they replaced: sentences as
// sbd 1.0.19 splits them (sentences.ts ports its rules, quirks included), and words as
// wordsOf's lower-case-and-split (remarks.ts reads them in one pass). Each is compared with the
// original on the bundled deck and on seeded random text built from the cases they special-case.
// So is lettersAndNumbers, against the Unicode-aware pattern it stands in for.
import { readFileSync } from 'node:fs';
import sbd from 'sbd';
import { describe, expect, it } from 'vitest';
import { lettersAndNumbers } from '../../src/cards/key-idea.js';
import { Vocabulary, wordsOf } from '../../src/cards/remarks.js';
import { ABBREVIATIONS, sbdSentences } from '../../src/cards/sentences.js';

const DECK = readFileSync(new URL('../../decks/iclr2017/notes.txt', import.meta.url), 'utf8');

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function randomTexts(seed: number, count: number, pieces: string[], maxPieces: number, joiner: () => string): string[] {
  const random = seeded(seed);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const parts: string[] = [];
    const length = 1 + Math.floor(random() * maxPieces);
    for (let i = 0; i < length; i++) parts.push(pieces[Math.floor(random() * pieces.length)]!);
    texts.push(parts.join(joiner()));
  }
  return texts;
}

describe('sentence boundaries as sbd draws them', () => {
  const expectSameAsSbd = (texts: string[]): void => {
    const differing = texts.filter((text) => JSON.stringify(sbdSentences(text)) !== JSON.stringify(sbd.sentences(text, { abbreviations: ABBREVIATIONS })));
    expect(differing).toEqual([]);
  };

  it('splits every line of the bundled deck as sbd does', () => {
    expectSameAsSbd(DECK.split('\n'));
  });

  it('agrees with sbd on abbreviations, initials, numbers, list markers, quotes, URLs and glued sentences', () => {
    const words = [
      'The', 'the', 'A', 'a', 'I', 'U.S.', 'e.g.', 'i.e.', 'et', 'al.', 'Fig.', 'fig.', 'Dr.', 'Mr.', 'etc.', 'a.m.', 'p.m.',
      'Monday', 'today', '3.5', '3.', '1.', '12.', '2)', '(see', 'it)', 'end.', 'End.', 'A.', 'b.', 'x.y', 'np.random',
      'www.google.com', '555-123-4567', '(555)', '"quoted."', '"Quote', 'quote"', '”', 'No.', 'What?', 'wow!', '?', '!', '.',
      '..', 'ok...', '…', 'done.It', 'yes!No', 'hmm?Yes', 'a,', '@~@', "'Tis", '``x', 'Smith', 'JOHN', 'K.L.M.', '0x1F',
      'Infinity', '1e5', '-3', '.5', '1,000', 'v.', 'vs.', 'Eq.', '(e.g.', '[Fig.', 'St.', 'é.', 'Über.', '٣', 'Jan.', 'Ab.',
      'Abcdef.', 'Tuesday', '_x',
    ];
    const random = seeded(7);
    expectSameAsSbd(randomTexts(11, 3000, words, 14, () => (random() < 0.1 ? '  ' : ' ')));
  });

  it('agrees with sbd on arbitrary strings of the characters it looks at', () => {
    const characters = ['a', 'B', 'x', 'T', 'e', '.', '.', ' ', ' ', ' ', '?', '!', ',', '"', '”', '(', ')', '1', '0', 'I', '-', '@', '~', '\n', "'", '`', '/', 'É', '_'];
    expectSameAsSbd(randomTexts(13, 3000, characters, 30, () => ''));
  });
});

describe('Vocabulary', () => {
  const readWith = (vocabulary: Vocabulary<string>, text: string): string[] => {
    const words: string[] = [];
    vocabulary.read(text, words);
    return words;
  };

  it('reads the words wordsOf reads, in lower case, keeping the empty words split gives', () => {
    const vocabulary = new Vocabulary<string>((word) => word);
    for (const text of ['', ' ', 'It’s THE Paper, isn’t it?', ' leading and trailing. ', 'R&D rock’n’roll 3D 2017s', 'x--y', 'İstanbul', 'a \u212a b', 'ΣΑΣ Straße École 😀']) {
      expect(readWith(vocabulary, text)).toEqual(wordsOf(text));
    }
  });

  it('agrees with wordsOf on random text, in any case, with letters that lower-case into several', () => {
    const vocabulary = new Vocabulary<string>((word) => word);
    const characters = ['a', 'B', 'z', 'Z', '0', '9', "'", '’', '&', ' ', ',', '.', '-', '_', 'İ', '\u212a', 'é', 'É', 'ß', 'Σ', '😀', '\u0307', '\n', 'K', 'k', 'I', 'i'];
    for (const text of randomTexts(17, 5000, characters, 20, () => '')) expect(readWith(vocabulary, text)).toEqual(wordsOf(text));
  });

  it('describes a word once, and a number every time it is read', () => {
    const described: string[] = [];
    const vocabulary = new Vocabulary<string>((word) => {
      described.push(word);
      return word;
    });
    readWith(vocabulary, 'The paper, the PAPER: 42 and 42');
    expect(described).toEqual(['the', 'paper', '42', 'and', '42']);
  });
});

describe('lettersAndNumbers', () => {
  const pattern = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  it('keeps or drops every character as the pattern does, a surrogate pair as one', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const text = `a${char}b ${char}`;
      if (lettersAndNumbers(text) !== pattern(text)) expect(lettersAndNumbers(text)).toBe(pattern(text));
    }
    for (let code = 0x10000; code <= 0x10ffff; code += 61) {
      const char = String.fromCodePoint(code);
      const text = `${char}x ${char}${char}-`;
      if (lettersAndNumbers(text) !== pattern(text)) expect(lettersAndNumbers(text)).toBe(pattern(text));
    }
  });

  it('agrees with the pattern on random text: runs, ends, lone surrogates, marks', () => {
    const characters = ['a', 'Z', '9', ' ', '-', '.', 'é', '中', '😀', '\ud835\udc00', '\ud800', '\udc00', '\u0307', '\u00a0', '\n', '\u0661', '_', '\u2028'];
    for (const text of randomTexts(23, 5000, characters, 14, () => '')) expect(lettersAndNumbers(text)).toBe(pattern(text));
  });
});
