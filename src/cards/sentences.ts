// Splits a note into sentences. The rules of sbd 1.0.19, ported below (credited there), do the
// heavy lifting (abbreviations, decimals, initials, "1. Use ..." list items); around them we
// fix what hand-typed conference notes do:
// soft-wrapped lines, bullets, ellipses typed as "……" or "....", dots inside parentheses,
// inline numbering glued to the previous word ("... all the discriminators 2. It's easy"),
// "etc." that does end a sentence, a closing parenthesis standing in for a full stop, and
// "word.Word" that sbd would cut in two.
import { ENDS_WANTING_MORE } from '../core/text.js';

// The abbreviations the port knows: the whole list (sbd's own option replaced its built-in
// list, and the test holding the port to sbd passes this one). A word is compared with its
// punctuation removed ("e.g." -> "eg", "et al." -> "al"), and case
// matters, so both spellings are listed. Plain English words ("no", "pop") are left out: they
// end sentences far more often than they abbreviate anything in notes.
export const ABBREVIATIONS = withCapitalised([
  'eg', 'ie', 'etc', 'al', 'cf', 'vs', 'viz', 'wrt', 'approx', 'resp', 'incl', 'esp', 'ca',
  'fig', 'figs', 'eq', 'eqs', 'eqn', 'eqns', 'sec', 'secs', 'sect', 'tab', 'ch', 'pp', 'vol',
  'ref', 'refs', 'alg', 'thm', 'lem', 'def', 'cor', 'prop', 'app', 'appx', 'ex', 'ibid',
  'dr', 'prof', 'mr', 'mrs', 'ms', 'jr', 'sr', 'st', 'inc', 'ltd', 'co', 'corp', 'univ', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'phd', 'msc', 'bsc', 'est', 'avg', 'misc', 'max', 'min',
]);

function withCapitalised(words: string[]): string[] {
  return words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]);
}

// Stands in for a dot that must not end a sentence while sbd looks at the text.
const HIDDEN_DOT = '\ue000';
// Stands in for the dot of an inline step number ("all 2. It is easy") until the sentences are
// cut; then the number is written "(2)", as prose numbers such steps: a bare "2." inside an
// answer reads as list markup.
const STEP_NUMBER = '\ue001';
const STEP_NUMBERS = /(\d{1,2})\ue001/g;
const BULLET = /^(?:[-*+•]|\d{1,3}[.)])[ \t]+/;
// The letters of a list written by hand ("a. ", "b) ", "(c) "): a marker only at the start of a
// line after one that ended ("... in three settings: (a) zero-shot,⏎(b) one-shot" runs on).
const LETTER_BULLET = /^(?:[a-h][.)]|\([a-h]\))[ \t]+/;
const ENDS_LINE = /[.!?:;。！？：；]$/;
const ELLIPSIS = /(?:\.{3,}|…)[.…]*/g;
// Words that begin a sentence often enough that ") In fact" or "etc. The" is a boundary.
const STARTERS = '(?:In|The|This|These|That|They|Their|There|So|But|However|Then|Also|It|Its|He|His|She|We|Our|I|Finally|Actually|Anyway|Moreover|Furthermore|Besides|Thus|Therefore|Hence|Instead|Basically|Interestingly|Unfortunately)\\b';
const FORCED_BOUNDARY = new RegExp(`(?<=\\)|\\betc\\.|\\.\\.\\.)[ ]+(?=${STARTERS})`, 'g');
const SHORT_PARENTHESIS = /\([^()]{1,200}\)/g;
const STRAY_ET_DOT = /\b([Ee])t\.\s*al\b/g;
// Two characters either side, so dotted abbreviations ("e.g.", "U.S.") stay sbd's business.
const DOT_INSIDE_WORD = /(?<=[A-Za-z0-9]{2})\.(?=[A-Za-z]{2})/g;
const INLINE_NUMBER = /(?<=^|\s)(\d{1,2})\.(?=\s)/g;

/** The sentences of a note, in order, whitespace folded; bullets and list lines each stand alone. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const pieces: string[] = [];
  const all = units(text);
  // Chinese and Japanese end a sentence with a full-width mark and no space after it.
  if (FULL_WIDTH_END.test(text)) all.splice(0, all.length, ...all.flatMap((unit) => unit.split(AFTER_FULL_WIDTH_END)));
  for (let u = 0; u < all.length; u++) {
    const unit = all[u]!;
    // Each step is skipped when the character it looks for is absent: most lines need none.
    const dotted = hideDots(unit.includes('..') || unit.includes('…') ? unit.replace(ELLIPSIS, '...') : unit);
    pieces.length = 0;
    if (dotted.includes(')') || dotted.includes('.. ') || dotted.includes('etc. ')) {
      const chunks = dotted.split(FORCED_BOUNDARY);
      for (let c = 0; c < chunks.length; c++) splitChunk(chunks[c]!, pieces);
    } else {
      splitChunk(dotted, pieces);
    }
    // Looked for once in the unit rather than in each of its sentences.
    const hidden = dotted.includes(HIDDEN_DOT);
    const steps = dotted.includes(STEP_NUMBER);
    const ellipsis = hidden || dotted.includes('...');
    for (let p = 0; p < pieces.length; p++) {
      const raw = pieces[p]!;
      let sentence = hidden && raw.includes(HIDDEN_DOT) ? raw.replaceAll(HIDDEN_DOT, '.') : raw;
      if (steps && sentence.includes(STEP_NUMBER)) sentence = sentence.replace(STEP_NUMBERS, '($1)');
      if (ellipsis && sentence.includes('...')) sentence = sentence.replaceAll('...', '…');
      sentence = sentence.trim();
      if (sentence === '') continue;
      // A lone marker or stray punctuation (", ." of a lost formula) belongs to the sentence before it.
      // (A sentence that starts with a letter is neither: most are let through on that.)
      if (sentences.length > 0 && !isAsciiLetter(sentence.charCodeAt(0)) && (LONE_MARKER.test(sentence) || !LETTER_OR_DIGIT.test(sentence))) {
        sentences[sentences.length - 1] += ` ${sentence}`;
        continue;
      }
      sentences.push(sentence);
    }
  }
  return sentences;
}

/** How Chinese and Japanese end a sentence, and the quotes and brackets that may close after it. */
export const FULL_WIDTH_STOPS = '。！？';
export const FULL_WIDTH_CLOSERS = '”」』）';
const FULL_WIDTH_END = new RegExp(`[${FULL_WIDTH_STOPS}]`);
// After the mark and any closing quote or bracket: "“本文提出……。”" ends after the ”.
const AFTER_FULL_WIDTH_END = new RegExp(`(?<=[${FULL_WIDTH_STOPS}][${FULL_WIDTH_CLOSERS}]*)(?![${FULL_WIDTH_CLOSERS}])\\s*`);
const LONE_MARKER = /^[\d.)…,;:!?]+$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Cuts a chunk at the boundaries no one would argue about ("...the graph. The task is..."), and
 * hands sbd only the pieces that still hold a dot it has to judge (an abbreviation, a number,
 * an initial); appends the sentences to `out`. Splitting is most of the cost of reading a note,
 * and most full stops are plain.
 */
function splitChunk(chunk: string, out: string[]): void {
  const pieces: string[] = [];
  let start = 0;
  PLAIN_BOUNDARY.lastIndex = 0;
  for (let m = PLAIN_BOUNDARY.exec(chunk); m !== null; m = PLAIN_BOUNDARY.exec(chunk)) {
    const at = m.index;
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
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (INTERNAL_MARK.test(piece)) sbdSentences(piece, out);
    else if (piece !== '') out.push(piece);
  }
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
const LOWER_START = /^[a-z]/;
const LAST_WORD = /(?:^|[\s(])((?:[A-Za-z]\.){1,3}[A-Za-z]?|[A-Za-z]+)\.$/;

/**
 * Paragraphs and lines -> runs of text to split. A bullet or list line stands alone (its marker
 * dropped); other lines of a paragraph are one run when they look soft-wrapped (the line before
 * is long or the next one carries on in lower case), else each is its own run.
 */
function units(text: string): string[] {
  const out: string[] = [];
  const paragraphs = text.includes('\n') ? text.split(PARAGRAPH_BREAK) : [text];
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    let current = '';
    let previousLine = '';
    const lines = paragraph.includes('\n') ? paragraph.split('\n') : [paragraph];
    for (let l = 0; l < lines.length; l++) {
      const rawLine = lines[l]!;
      const unfolded = rawLine.includes('  ') || OTHER_SPACE.test(rawLine);
      const line = unfolded ? rawLine.replace(WHITESPACE_RUN, ' ').trim() : rawLine.trim();
      if (line === '') continue;
      const marker = BULLET.exec(line) ?? (previousLine === '' || ENDS_LINE.test(previousLine) ? LETTER_BULLET.exec(line) : null);
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

const PARAGRAPH_BREAK = /\n[ \t]*\n/;
// Two spaces in a row, or any other white space (the same as /\s\s|[^\S ]/, which is slower).
const OTHER_SPACE = /[^\S ]/;
const WHITESPACE_RUN = /\s+/g;
const CARRIES_ON = /^[a-z0-9(]/;

function continues(before: string, next: string): boolean {
  const last = before[before.length - 1]!;
  // "... is aligned to i.e." over "translated from ...": an abbreviation ends the line, not a sentence.
  if (last === '.' && LOWER_START.test(next)) {
    const word = LAST_WORD.exec(before);
    if (word && ABBREVIATION_SET.has(word[1]!.replaceAll('.', ''))) return true;
  }
  if ('.!?…:;'.includes(last)) return false;
  if (CARRIES_ON.test(next)) return true;
  // "... extensions in Separation Logic and" over "Concurrent Separation Logic ...": a line
  // ending on a word that needs more goes on, however short it is.
  if (ENDS_WANTING_MORE.test(before)) return true;
  // "HEterogeneity-aware system explicitly developed for Elastic Training" over "The problem is
  // that ...": a line written as a sentence without its full stop, then one that opens another
  // (unless the line before ends on a word that needs more: "... trained by" over "The ...").
  if (SENTENCE_OPENER.test(next)) return false;
  return before.length >= 40;
}

const SENTENCE_OPENER = /^(?:The|This|These|Those|They|Their|We|Our|It|Its|However|Thus|Hence|There|Each|One|Both|Unlike|Overall|Finally)\s+[a-z]/;

const DOT_BEFORE_LETTER = /\.[A-Za-z]/;
const NUMBER_DOT = /\d\.\s/;

function hideAll(text: string): string {
  return text.replaceAll('.', HIDDEN_DOT);
}

/** Hides the dots that sbd would take for sentence ends but that are not. */
function hideDots(text: string): string {
  let out = text;
  // "Smith et. al. propose ...", "et.al.": "et" is no abbreviation; its stray dot ended the
  // sentence mid-name and the statement was lost. Written as it should be.
  if (out.includes('t.')) out = out.replace(STRAY_ET_DOT, '$1t al');
  // "(a bit like X. not Y)": an aside is never two sentences of the note.
  if (out.includes('(')) out = out.replace(SHORT_PARENTHESIS, hideAll);
  // "np.random", "Node.JS": sbd would cut "word.Word" in two and drop the dot.
  if (DOT_BEFORE_LETTER.test(out)) out = out.replace(DOT_INSIDE_WORD, HIDDEN_DOT);
  if (!NUMBER_DOT.test(out)) return out;
  // Inline numbering: "is 1. the generator must fool all 2. It's easy": a number that continues
  // a sequence (its neighbour number is also there) and follows a word rather than a full stop
  // is a list marker inside the sentence, not the end of one (STEP_NUMBER).
  const numbers = new Set<number>();
  for (const m of out.matchAll(INLINE_NUMBER)) numbers.add(Number(m[1]));
  if (numbers.size > 1) {
    out = out.replace(INLINE_NUMBER, (marker: string, n: string, offset: number) => {
      const value = Number(n);
      const inSequence = numbers.has(value - 1) || numbers.has(value + 1);
      const afterWord = offset > 0 && !/[.!?…:;]\s*$/.test(out.slice(Math.max(0, offset - 3), offset));
      return inSequence && afterWord ? `${n}${STEP_NUMBER}` : marker;
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// sbd 1.0.19's `sentences` (MIT licence, Copyright (c) 2012 Fabiën Tesselaar; the package stays
// a dev dependency for the test that holds this port to it), for the one way it is used here: our abbreviations, and its defaults
// otherwise (no newline or HTML boundaries, no sanitising, whitespace not preserved). Ported
// rule for rule, quirks included (a word "@~@" ends a sentence; the look at the next words for
// a name reads only as far as the text's sixth word), so it splits exactly as sbd does; a test
// compares the two. As a library it took about a fifth of the key-idea time of a cold
// `generate`: building its options on every call, copying arrays for each look ahead, and
// having its optimised code thrown away and rebuilt three times as its types changed.

const SBD_WORD = /\S+|\n/g;
const NOT_SPACE = /\S/;
const SBD_ABBREVIATIONS = new Set(ABBREVIATIONS);
const SBD_SYMBOLS = /[-'`~!@#$%^&*()_|+=?;:'",.<>\{\}\[\]\\\/]/gi;
const SBD_BRACKETS = /[\(\)\[\]\{\}]/g;
const SBD_DOTTED = /(.\.)*/;
const SBD_CAPITALISED = /^[A-Z][a-z].*/;
const SBD_OPENING_QUOTE = /``|"|'/;
const SBD_CAPITAL = /[A-Z]/;
const SBD_NOT_WORD = /\W+/g;
const SBD_LETTER = /[a-zA-Z].*/;
const SBD_LIST_MARKER = /^.{1,2}[.]$/;
const SBD_DOT = /[.]/;
const SBD_URL = /[-a-zA-Z0-9@:%._\+~#=]{2,256}\.[a-z]{2,6}\b([-a-zA-Z0-9@:%_\+.~#?&//=]*)/;
const SBD_PHONE =
  /^(?:(?:\+?1\s*(?:[.-]\s*)?)?(?:\(\s*([2-9]1[02-9]|[2-9][02-8]1|[2-9][02-8][02-9])\s*\)|([2-9]1[02-9]|[2-9][02-8]1|[2-9][02-8][02-9]))\s*(?:[.-]\s*)?)?([2-9]1[02-9]|[2-9][02-9]1|[2-9][02-9]{2})\s*(?:[.-]\s*)?([0-9]{4})(?:\s*(?:#|x\.?|ext\.?|extension)\s*(\d+))?$/;

/** Appends the sentences sbd finds in `text` to `out` (and returns it). Exported for the test that holds it to sbd. */
export function sbdSentences(text: string, out: string[] = []): string[] {
  if (text.length === 0 || !NOT_SPACE.test(text)) return out;
  const words = text.trim().match(SBD_WORD);
  if (words === null || words.length === 0) return out;
  const count = words.length;
  const sentences: string[][] = [];
  let current: string[] = [];
  let wordCount = 0;
  for (let i = 0; i < count; i++) {
    const original = words[i]!;
    wordCount++;
    current.push(original);
    // Where its marks are, in one look rather than a search for each.
    let comma = false;
    let dot = -1;
    let bang = -1;
    let question = -1;
    for (let k = 0; k < original.length; k++) {
      const code = original.charCodeAt(k);
      if (code === 44) comma = true;
      else if (code === 46) {
        if (dot === -1) dot = k;
      } else if (code === 33) {
        if (bang === -1) bang = k;
      } else if (code === 63 && question === -1) question = k;
    }
    // Sub-sentences reset the count.
    if (comma) wordCount = 0;

    const last = original.charCodeAt(original.length - 1);
    if (original === '.' || last === 63 || last === 33 || original === '@~@') {
      sentences.push(current);
      wordCount = 0;
      current = [];
      continue;
    }
    // A closing quote is dropped from the word as sbd reads it on (not from the sentence).
    const word = last === 34 || last === 0x201d ? original.slice(0, -1) : original;
    words[i] = word;

    if (dot === -1 && bang === -1 && question === -1) continue;
    if (word.endsWith('.')) {
      if (i + 1 < count && isSbdDotInside(words, i, wordCount)) continue;
      sentences.push(current);
      current = [];
      wordCount = 0;
      continue;
    }
    if (dot > -1 && isSbdDottedWord(word, dot)) continue;

    // "end.Next": a sentence mark glued to a letter.
    const mark = dot > -1 ? dot : bang > -1 ? bang : question;
    if (mark > -1 && SBD_LETTER.test(word.charAt(mark + 1))) {
      current.pop();
      current.push(word.slice(0, mark));
      sentences.push(current);
      current = [word.slice(mark + 1)];
      wordCount = 0;
    }
  }
  if (current.length > 0) sentences.push(current);
  joinListMarkers(sentences, out);
  return out;
}

/** Whether the dot ending words[i] (which has a word after it) belongs to the sentence, not ends it. */
function isSbdDotInside(words: string[], i: number, wordCount: number): boolean {
  const word = words[i]!;
  // A single character and a dot is an initial.
  if (word.length === 2 && isSbdNaN(word.charAt(0))) return true;
  if (SBD_ABBREVIATIONS.has(word.replace(SBD_SYMBOLS, ''))) return true;
  const next = words[i + 1]!;
  if (isSbdSentenceStarter(next)) {
    if (isSbdTimeAbbreviation(word, next)) return true;
    if (isSbdNameAbbreviation(wordCount, words, i, 6)) return true;
    return isSbdNumber(next) && (word.length <= 3 || isSbdCapitalised(word));
  }
  if (word.slice(word.length - 2) === '..') return true;
  if (isSbdDottedAbbreviation(word)) return true;
  return isSbdNameAbbreviation(wordCount, words, i, 5);
}

/** A dot inside a word that keeps the word whole: a number, a dotted abbreviation, a URL, a phone number. */
function isSbdDottedWord(word: string, dot: number): boolean {
  if (isSbdNumber(dot ? word.slice(dot - 1, dot + 2) : word)) return true;
  if (isSbdDottedAbbreviation(word)) return true;
  return SBD_URL.test(word) || SBD_PHONE.test(word);
}

/** Joins sbd's sentences (as word lists) into `out`; a lone list marker ("1.") joins the next sentence, unless that is one too. */
function joinListMarkers(sentences: string[][], out: string[]): void {
  const joined: string[][] = [sentences[0]!];
  for (let k = 1; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    const previous = joined[joined.length - 1]!;
    if (previous.length === 1 && SBD_LIST_MARKER.test(previous[0]!) && !SBD_DOT.test(sentence[0]!)) {
      joined[joined.length - 1] = previous.concat(sentence);
      continue;
    }
    joined.push(sentence);
  }
  for (let k = 0; k < joined.length; k++) out.push(joined[k]!.join(' '));
}

// sbd's isNaN(text), spelled out: the global isNaN on a string has the optimising compiler
// guess a number, be wrong and start over.
function isSbdNaN(text: string): boolean {
  return Number.isNaN(Number(text));
}

function isSbdNumber(text: string): boolean {
  return !isSbdNaN(text);
}

function isSbdCapitalised(word: string): boolean {
  return SBD_CAPITALISED.test(word) || isSbdNumber(word);
}

function isSbdSentenceStarter(word: string): boolean {
  return isSbdCapitalised(word) || SBD_OPENING_QUOTE.test(word.substring(0, 2));
}

function isSbdTimeAbbreviation(word: string, next: string): boolean {
  return (word === 'a.m.' || word === 'p.m.') && next.replace(SBD_NOT_WORD, '').slice(-3).toLowerCase() === 'day';
}

function isSbdDottedAbbreviation(word: string): boolean {
  const matches = word.replace(SBD_BRACKETS, '').match(SBD_DOTTED);
  return matches !== null && matches[0].length > 0;
}

/**
 * sbd's guess that a dot is an initial before a name: looks at words[from] up to (not
 * including) words[until], where `until` counts from the start of the text, as in sbd.
 */
function isSbdNameAbbreviation(wordCount: number, words: string[], from: number, until: number): boolean {
  const end = Math.min(until, words.length);
  if (from >= end) return false;
  if (wordCount < 5 && words[from]!.length < 6 && isSbdCapitalised(words[from]!)) return true;
  let capitalised = 0;
  for (let k = from; k < end; k++) if (SBD_CAPITAL.test(words[k]!.charAt(0))) capitalised++;
  return capitalised >= 3;
}
