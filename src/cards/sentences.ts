// Splits a note into sentences. sbd does the heavy lifting (abbreviations, decimals, initials,
// "1. Use ..." list items); around it we fix what hand-typed conference notes do to it:
// soft-wrapped lines, bullets, ellipses typed as "……" or "....", dots inside parentheses,
// inline numbering glued to the previous word ("... all the discriminators 2. It's easy"),
// "etc." that does end a sentence, a closing parenthesis standing in for a full stop, and
// "word.Word" that sbd would cut in two.
import sbd from 'sbd';

// sbd's `abbreviations` option replaces its built-in list, so this is the whole list. sbd
// compares a word with its punctuation removed ("e.g." -> "eg", "et al." -> "al"), and case
// matters, so both spellings are listed. Plain English words ("no", "pop") are left out: they
// end sentences far more often than they abbreviate anything in notes.
const ABBREVIATIONS = withCapitalised([
  'eg', 'ie', 'etc', 'al', 'cf', 'vs', 'viz', 'wrt', 'approx', 'resp', 'incl', 'esp', 'ca',
  'fig', 'figs', 'eq', 'eqs', 'eqn', 'eqns', 'sec', 'secs', 'sect', 'tab', 'ch', 'pp', 'vol',
  'ref', 'refs', 'alg', 'thm', 'lem', 'def', 'cor', 'prop', 'app', 'appx', 'ex', 'ibid',
  'dr', 'prof', 'mr', 'mrs', 'ms', 'jr', 'sr', 'st', 'inc', 'ltd', 'co', 'corp', 'univ', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'phd', 'msc', 'bsc', 'est', 'avg', 'misc', 'max', 'min',
]);
const SBD_OPTIONS = { abbreviations: ABBREVIATIONS };

function withCapitalised(words: string[]): string[] {
  return words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]);
}

// Stands in for a dot that must not end a sentence while sbd looks at the text.
const HIDDEN_DOT = '\ue000';
const BULLET = /^(?:[-*+•]|\d{1,3}[.)])[ \t]+/;
const ELLIPSIS = /(?:\.{3,}|…)[.…]*/g;
// Words that begin a sentence often enough that ") In fact" or "etc. The" is a boundary.
const STARTERS = '(?:In|The|This|These|That|They|Their|There|So|But|However|Then|Also|It|Its|He|His|She|We|Our|I|Finally|Actually|Anyway|Moreover|Furthermore|Besides|Thus|Therefore|Hence|Instead|Basically|Interestingly|Unfortunately)\\b';
const FORCED_BOUNDARY = new RegExp(`(?<=\\)|\\betc\\.|\\.\\.\\.)[ ]+(?=${STARTERS})`, 'g');
const SHORT_PARENTHESIS = /\([^()]{1,200}\)/g;
// Two characters either side, so dotted abbreviations ("e.g.", "U.S.") stay sbd's business.
const DOT_INSIDE_WORD = /(?<=[A-Za-z0-9]{2})\.(?=[A-Za-z]{2})/g;
const INLINE_NUMBER = /(?<=^|\s)(\d{1,2})\.(?=\s)/g;

/** The sentences of a note, in order, whitespace folded; bullets and list lines each stand alone. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const unit of units(text)) {
    // Each step is skipped when the character it looks for is absent: most lines need none.
    const dotted = hideDots(unit.includes('..') || unit.includes('…') ? unit.replace(ELLIPSIS, '...') : unit);
    const chunks = dotted.includes(')') || dotted.includes('.. ') || dotted.includes('etc. ') ? dotted.split(FORCED_BOUNDARY) : [dotted];
    for (const chunk of chunks) {
      for (const raw of splitChunk(chunk)) {
        let sentence = raw.includes(HIDDEN_DOT) ? raw.replaceAll(HIDDEN_DOT, '.') : raw;
        if (sentence.includes('...')) sentence = sentence.replaceAll('...', '…');
        sentence = sentence.trim();
        if (sentence === '') continue;
        // A lone marker or stray punctuation (", ." of a lost formula) belongs to the sentence before it.
        if (sentences.length > 0 && (/^[\d.)…,;:!?]+$/.test(sentence) || !/[\p{L}\p{N}]/u.test(sentence))) {
          sentences[sentences.length - 1] += ` ${sentence}`;
          continue;
        }
        sentences.push(sentence);
      }
    }
  }
  return sentences;
}

/**
 * Cuts a chunk at the boundaries no one would argue about ("...the graph. The task is..."), and
 * hands sbd only the pieces that still hold a dot it has to judge (an abbreviation, a number,
 * an initial). Splitting is most of the cost of reading a note, and most full stops are plain.
 */
function splitChunk(chunk: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const m of chunk.matchAll(PLAIN_BOUNDARY)) {
    const at = m.index!;
    if (m[0][0] === '.') {
      // A lower-case word of three letters or more standing alone before the dot ("graph."),
      // not "e.g." or "U.S." or "etc.", ends its sentence whatever comes next.
      let wordStart = at;
      while (wordStart > 0 && isLowerAscii(chunk.charCodeAt(wordStart - 1))) wordStart--;
      const before = wordStart === 0 ? ' ' : chunk[wordStart - 1]!;
      const word = chunk.slice(wordStart, at);
      if (word.length < 3 || !' ("“'.includes(before) || ABBREVIATION_SET.has(word)) continue;
    } else if (at === 0 || !isLowerAscii(chunk.charCodeAt(at - 1))) {
      continue;
    }
    const end = at + m[0].length;
    pieces.push(chunk.slice(start, end).trim());
    start = end;
  }
  pieces.push(chunk.slice(start).trim());
  return pieces.flatMap((piece) => (INTERNAL_MARK.test(piece) ? sbd.sentences(piece, SBD_OPTIONS) : piece === '' ? [] : [piece]));
}

// A full stop (or ? or !), closing quotes, spaces, then a capitalised word; the word before the
// mark is checked by hand (a regex starting with it would be tried at every letter).
const PLAIN_BOUNDARY = /[.!?]["'”’)]*(?= +["“‘(]?[A-Z][a-z])/g;

function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}
// A sentence mark with more text after it: the piece may still be more than one sentence.
const INTERNAL_MARK = /[.!?…]["'”’)]* +\S/;
const ABBREVIATION_SET = new Set(ABBREVIATIONS);

/**
 * Paragraphs and lines -> runs of text to split. A bullet or list line stands alone (its marker
 * dropped); other lines of a paragraph are one run when they look soft-wrapped (the line before
 * is long or the next one carries on in lower case), else each is its own run.
 */
function units(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    let current = '';
    let previousLine = '';
    for (const rawLine of paragraph.split('\n')) {
      const line = UNFOLDED_SPACE.test(rawLine) ? rawLine.replace(/\s+/g, ' ').trim() : rawLine.trim();
      if (line === '') continue;
      const marker = BULLET.exec(line);
      const bullet = marker !== null;
      const item = marker ? line.slice(marker[0].length) : line;
      if (current !== '' && !bullet && continues(previousLine, item)) {
        current += ` ${item}`;
      } else {
        if (current !== '') out.push(current);
        current = item;
      }
      previousLine = item;
    }
    if (current !== '') out.push(current);
  }
  return out;
}

const UNFOLDED_SPACE = /\s\s|[^\S ]/;

function continues(before: string, next: string): boolean {
  if ('.!?…:;'.includes(before[before.length - 1]!)) return false;
  if (/^[a-z0-9(]/.test(next)) return true;
  return before.length >= 40;
}

/** Hides the dots that sbd would take for sentence ends but that are not. */
function hideDots(text: string): string {
  const hide = (s: string): string => s.replaceAll('.', HIDDEN_DOT);
  let out = text;
  // "(a bit like X. not Y)": an aside is never two sentences of the note.
  if (out.includes('(')) out = out.replace(SHORT_PARENTHESIS, hide);
  // "np.random", "Node.JS": sbd would cut "word.Word" in two and drop the dot.
  if (/\.[A-Za-z]/.test(out)) out = out.replace(DOT_INSIDE_WORD, HIDDEN_DOT);
  if (!/\d\.\s/.test(out)) return out;
  // Inline numbering: "is 1. the generator must fool all 2. It's easy": a number that continues
  // a sequence (its neighbour number is also there) and follows a word rather than a full stop
  // is a list marker inside the sentence, not the end of one.
  const numbers = new Set<number>();
  for (const m of out.matchAll(INLINE_NUMBER)) numbers.add(Number(m[1]));
  if (numbers.size > 1) {
    out = out.replace(INLINE_NUMBER, (marker: string, n: string, offset: number) => {
      const value = Number(n);
      const inSequence = numbers.has(value - 1) || numbers.has(value + 1);
      const afterWord = offset > 0 && !/[.!?…:;]\s*$/.test(out.slice(Math.max(0, offset - 3), offset));
      return inSequence && afterWord ? marker.replace('.', HIDDEN_DOT) : marker;
    });
  }
  return out;
}
