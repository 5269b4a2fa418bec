// A note -> the back of its card: the paper's key idea in one or two short sentences, taken
// from the note itself. Deterministic and local: no model, no network.
//
// How: split the note into sentences; drop what is the note-taker talking (remarks.ts), and
// trim remarks off the sentences that mix both ("UNREAL, I have already written a blog post");
// score what is left by how much it reads like a statement of what the paper does (cue phrases,
// the paper or its authors as subject, words of the title, position) and against asides,
// critiques, questions and other papers; keep the best sentence and, when it fits and helps,
// one more, in the note's order; then tidy lead-ins ("In short,", "The idea is to").
// A note with nothing usable is skipped with a reason, so the user can write "Key idea: ...".
import type { NoteEntry } from '../core/types.js';
import { stripControl } from '../core/sanitize.js';
import { splitSentences } from './sentences.js';
import { CRITIQUE, OTHER_WORK, isRemarkAside, paperVoiceToThirdPerson, remarkKind, type RemarkKind } from './remarks.js';

/** Longest answer we build from a note, in characters. A user's own "Key idea:" is kept whole. */
export const ANSWER_BUDGET = 240;
/** Fewer words than this, once remarks are gone, cannot say what a paper does. */
const MIN_WORDS = 6;
/** Below this score no sentence is taken as the key idea. */
const MIN_ANCHOR_SCORE = -1.5;
/** A second sentence joins the best one only when it scores at least this (with its bonuses). */
const MIN_COMPANION_SCORE = 1;

export type KeyIdea = { answer: string } | { skip: string };

export const SKIP_REASONS = {
  empty: 'empty note (nothing under the title)',
  remarks: "only the note-taker's remarks (no key idea)",
  short: 'too short to say what the paper does',
  none: 'no sentence says what the paper does',
} as const;

export interface Candidate {
  /** Position of the sentence in the note. */
  index: number;
  text: string;
  words: number;
  aside: boolean;
  score: number;
}

/** The key idea of a paper's note, or why the note has none. */
export function extractKeyIdea(entry: NoteEntry): KeyIdea {
  const own = entry.keyIdea === undefined ? '' : plainText(entry.keyIdea).replace(/\s+/g, ' ').trim();
  if (own !== '') return { answer: own };

  const body = plainText(entry.body);
  if (body.trim() === '') return { skip: SKIP_REASONS.empty };

  const { candidates, sawRemark } = rankSentences(entry);
  const words = candidates.reduce((n, c) => n + c.words, 0);
  if (candidates.length === 0 || words < MIN_WORDS) {
    return { skip: sawRemark ? SKIP_REASONS.remarks : SKIP_REASONS.short };
  }

  const anchor = candidates.reduce((best, c) => (c.score > best.score ? c : best));
  if (anchor.score < MIN_ANCHOR_SCORE) return { skip: sawRemark ? SKIP_REASONS.remarks : SKIP_REASONS.none };

  return { answer: composeAnswer(anchor, candidates) };
}

/**
 * The note's sentences that are not the note-taker's remarks, cleaned and scored, in the
 * note's order; and whether any remark was taken out. Exported to show why an answer was chosen.
 */
export function rankSentences(entry: NoteEntry): { candidates: Candidate[]; sawRemark: boolean } {
  const titleWords = contentWords(entry.title);
  const candidates: Candidate[] = [];
  let sawRemark = false;
  splitSentences(plainText(entry.body)).forEach((sentence, index) => {
    const usable = usableText(sentence);
    if (usable.trimmedRemark) sawRemark = true;
    if (usable.text === null || restatesTitle(usable.text, titleWords)) return;
    candidates.push({ index, text: usable.text, words: countWords(usable.text), aside: usable.aside, score: 0 });
  });
  candidates.forEach((c, rank) => (c.score = scoreSentence(c, rank, titleWords)));
  return { candidates, sawRemark };
}

// ---------------------------------------------------------------------------------------------
// Cleaning a sentence: remark asides, remark clauses, formulas lost in copy-paste.

interface Usable {
  text: string | null;
  /** Whether a remark of the note-taker was removed from (or was all of) this sentence. */
  trimmedRemark: boolean;
  /** The whole sentence was in parentheses: an aside of the note. */
  aside: boolean;
}

// Clause kinds that can be cut off the front of a sentence and leave the paper's statement:
// "Google's paper, quick multi-style transformations." Other remarks at the front carry on
// into the rest ("his poster is very hot, people are still around ..."), and a verdict at the
// end ("..., very attractive") judges what came before it: those take the sentence with them.
const LEADING_CUTTABLE = new Set<RemarkKind>(['provenance']);
const TRAILING_CUTTABLE = new Set<RemarkKind>(['first-person', 'hearsay', 'hedge', 'talk', 'provenance']);

function usableText(sentence: string): Usable {
  let trimmedRemark = false;
  const aside = /^\(.*\)[.!?]?$/.test(sentence);
  // Before any tidying: the stray spaces are the only trace of a lost formula.
  let text = withoutLostFormula(sentence);
  if (text === '') return { text: null, trimmedRemark, aside };
  text = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    if (!isRemarkAside(inner)) return whole;
    trimmedRemark = true;
    return '';
  });
  text = tidySpacing(text);
  if (countWords(text) === 0) return { text: null, trimmedRemark, aside };

  const clauses = splitClauses(text);
  const kinds = clauses.map((clause, i) => remarkKind(clause, { sentenceStart: i === 0 }));
  const firstRemark = kinds.findIndex((k) => k !== null);
  if (firstRemark !== -1) {
    trimmedRemark = true;
    text = withoutRemarkClauses(clauses, kinds, firstRemark) ?? '';
    if (text === '') return { text: null, trimmedRemark, aside };
  }

  return { text: withoutLabProvenance(text), trimmedRemark, aside };
}

function withoutRemarkClauses(clauses: string[], kinds: (RemarkKind | null)[], firstRemark: number): string | null {
  if (firstRemark > 0) {
    if (!TRAILING_CUTTABLE.has(kinds[firstRemark]!)) return null;
    const kept = trimDanglingEnd(clauses.slice(0, firstRemark).join(' '));
    return countWords(kept) >= 4 ? `${kept}.` : null;
  }
  let rest = 0;
  while (rest < kinds.length && kinds[rest] !== null) {
    if (!LEADING_CUTTABLE.has(kinds[rest]!)) return null;
    rest++;
  }
  if (rest === kinds.length || kinds.slice(rest).some((k) => k !== null)) return null;
  const kept = clauses
    .slice(rest)
    .join(' ')
    .replace(/^(?:and|but|so|however|though|yet)\b\s*,?\s*/i, '');
  return countWords(kept) >= 3 ? kept : null;
}

/** Splits at ", ", "; " and ": " outside parentheses, keeping the punctuation on the left part. */
function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ',' || ch === ';' || ch === ':') && text[i + 1] === ' ') {
      clauses.push(text.slice(start, i + 1));
      start = i + 2;
    }
  }
  clauses.push(text.slice(start));
  return clauses.filter((c) => c.trim() !== '');
}

const DANGLING_END =
  /(?:^|[\s,;:])(?:that is(?: to say)?|i\.e\.?|e\.g\.?|namely|for example|such as|like|and|but|or|so|however|which is|whereas|while|because|since)$/i;

function trimDanglingEnd(text: string): string {
  let out = text.replace(/[\s,;:–—-]+$/, '');
  for (let m = DANGLING_END.exec(out); m && out !== ''; m = DANGLING_END.exec(out)) {
    out = out.slice(0, m.index).replace(/[\s,;:–—-]+$/, '');
  }
  return out;
}

// A formula that did not survive copy-paste leaves punctuation with nothing before it:
// "optimize , rather than ." Two such gaps, or one right before the full stop, mean a lost
// formula; the clause that held it goes, and the sentence stays if enough is left.
const FORMULA_GAP = /[\w)]\s+[,.;:](?=\s|$)/g;

function withoutLostFormula(text: string): string {
  const gaps = [...text.matchAll(FORMULA_GAP)];
  const lost = gaps.length >= 2 || (gaps.length === 1 && /\s[.;:]$/.test(text));
  if (!lost) return tidySpacing(text);
  const first = gaps[0]!.index!;
  const clauses = splitClauses(text.slice(0, first + 1));
  const kept = trimDanglingEnd(clauses.slice(0, -1).join(' '));
  return countWords(kept) >= 4 ? `${kept}.` : '';
}

// "Bigan from MILA, almost the same.": the lab is where the paper comes from, not what it does.
const LAB_PROVENANCE = /^(\S+(?: \S+)?) from (?:[A-Z]{2,}[A-Za-z]*|Google|DeepMind|OpenAI|Facebook|Microsoft|Berkeley|Stanford|Oxford|Toronto|Montreal)(?=,)/;

function withoutLabProvenance(text: string): string {
  return text.replace(LAB_PROVENANCE, '$1');
}

function tidySpacing(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:!?](?:\s|$))/g, '$1')
    .replace(/\s+\.$/, '.')
    .replace(/\(\s*\)/g, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Scoring: how much a sentence reads like "what this paper does".

const SUMMARY_CUE =
  /^(?:in short|in summary|in a nutshell|to summari[sz]e|tl;?dr|the (?:key|main|core|central|basic) idea|the idea|the (?:main )?contribution|the trick|the gist|the difference is|essentially|basically)\b|\b(?:is|are) essentially\b/i;
const PAPER_SUBJECT = /^(?:(?:so|and|then|also|in fact|actually),? )?(?:this|the) (?:paper|article|work|method|model|approach|authors?)\b/i;
const PAPER_MENTION = /\b(?:this|the) (?:paper|article|work)\b/i;
const AUTHOR_SUBJECT =
  /^(?:(?:so|and|then|also|finally),? )?(?:they|he|she|the authors?)\b|^it(?:['’]s| is)? (?:studying|about)\b|^it stud(?:y|ies)\b/i;
// "This paper is also the neural program": where the paper sits, not what it does.
const PAPER_CONTEXT = /^(?:this|the) (?:paper|article|work) is (?:also|similar|like|another|about)\b/i;
// "So they trained a network ...": the method, after the observation that led to it.
const CONSEQUENCE = /^so,? (?:they|he|she|this|the (?:paper|authors?))\b/i;
// "whose input is X and output Y": a description of what the proposed model computes.
const INPUT_OUTPUT = /\binputs? (?:is|are)\b.*\boutputs?\b/i;
// "not only the softmax ... but also the attention map": what the paper adds to what was there.
const NOT_ONLY = /\bnot only\b.*\bbut also\b/i;
// "This paper also uses ...", "He also has ...": a second point, not the first.
const SECONDARY = /^(?:\w+ ){1,3}(?:actually )?also\b/i;
// "You can think of gray as ...", "You don't want ...": explaining to the reader.
const READER_SUBJECT = /^you\b/i;
// A sentence that leans on an earlier one ("this training", "that phenomenon").
const BACK_REFERENCE = /\b(?:this|that|these|those|such) (?!paper\b|article\b|work\b|is\b|was\b)[a-z]+/i;
const ACTION =
  /\b(?:propos\w*|present\w*|introduc\w*|stud(?:y|ies|ied|ying)|imitat\w*|distill\w*|uses?|used|using|adds?|added|design\w*|trains?|trained|learns?|learned|combin\w*|deriv\w*|provid\w*|shows?|showed|found|finds?|discover\w*|suggest\w*|minimi[sz]\w*|maximi[sz]\w*|replac\w*|prevent\w*|unroll\w*|generat\w*|treats?|predict\w*|appl(?:y|ies|ied)|reduc\w*|optimi[sz]\w*|prun\w*|penali[sz]\w*|dynamically|automatically|instead of|rather than|so that|by (?:adding|using|learning))\b/gi;
const CONTRAST_START = /^(?:but|however|although|though|yet|whereas)\b/i;
const EXAMPLE_START = /^(?:for example|for instance|e\.g\.|imagine|intuitively|like)\b/i;
const ELABORATION_START = /^(?:that is|i\.e\.)\b/i;
const CONTEXT_START = /^(?:the motivation|the background|motivation)\b/i;
const SOFT_VERDICT = /\b(?:perform|performs|works?|did|does) (?:really |very |quite )?(?:well|better)\b|\binteresting\b/i;

function scoreSentence(c: Candidate, rank: number, titleWords: Set<string>): number {
  const t = c.text;
  let score = 0;
  if (SUMMARY_CUE.test(t)) score += 3;
  if (PAPER_SUBJECT.test(t)) score += 2;
  else if (PAPER_MENTION.test(t)) score += 1;
  if (AUTHOR_SUBJECT.test(t)) score += 1.5;
  if (CONSEQUENCE.test(t)) score += 0.5;
  if (INPUT_OUTPUT.test(t)) score += 1.5;
  if (NOT_ONLY.test(t)) score += 1;
  score += 0.7 * Math.min(3, new Set(t.toLowerCase().match(ACTION)).size);
  score += 0.8 * Math.min(3, overlap(t, titleWords));
  // The method named as the subject: "So this hypernetwork can ...", "Zoneout is ...".
  if (overlap(t.split(' ').slice(0, 4).join(' '), titleWords) > 0) score += 1.5;
  if (PAPER_CONTEXT.test(t)) score -= 2;
  if (SECONDARY.test(t)) score -= 0.5;
  if (READER_SUBJECT.test(t)) score -= 1;
  if (rank === 0) score += 0.6;
  else if (rank === 1) score += 0.3;

  if (/\?["')]?$/.test(t)) score -= 3;
  if (c.aside) score -= 2.5;
  if (OTHER_WORK.test(t)) score -= 3;
  if (CRITIQUE.test(t)) score -= 2;
  if (CONTRAST_START.test(t)) score -= 1;
  if (EXAMPLE_START.test(t)) score -= 1.5;
  if (ELABORATION_START.test(t)) score -= 1;
  if (CONTEXT_START.test(t)) score -= 1;
  if (SOFT_VERDICT.test(t)) score -= 1;
  if (t.includes('!')) score -= 1;
  if (c.words < 4) score -= 2;
  if (t.length > 200) score -= 1;
  return score;
}

// ---------------------------------------------------------------------------------------------
// Composing the answer.

const ENUMERATED = /^\d{1,2}[.)]\s/;
const FOLLOW_ON_START = /^(?:so|then|and then|and|that is|because|thus|therefore|hence)\b/i;

function composeAnswer(anchor: Candidate, candidates: Candidate[]): string {
  // A numbered item brings its siblings: "1. Use ... 2. Replace ..." is one statement.
  let group = [anchor];
  if (ENUMERATED.test(anchor.text)) {
    const siblings = candidates.filter((c) => ENUMERATED.test(c.text) && Math.abs(c.index - anchor.index) <= 3);
    const together = consecutiveRun(siblings, anchor);
    if (polish(together).length <= ANSWER_BUDGET) group = together;
  }
  const first = group[0]!;
  const last = group[group.length - 1]!;

  let best: { c: Candidate; score: number } | null = null;
  for (const c of candidates) {
    if (group.includes(c)) continue;
    const before = c.index === first.index - 1;
    const after = c.index === last.index + 1;
    let score = c.score;
    // Neighbours read as one thought; what follows the best sentence usually explains it.
    if (before) score += 0.5;
    if (after) score += 1;
    // A short label opening the note ("Div-norm.", "Imagenet scale adversarial training.")
    // names what the next sentence describes.
    if (before && c === candidates[0] && c.words <= 5) score += 2;
    // "So this hypernetwork can ..." leans on the sentence before it; "And then ..." carries on.
    if (before && FOLLOW_ON_START.test(first.text)) score += 2;
    if (after && FOLLOW_ON_START.test(c.text)) score += 1;
    if (!before && !after && BACK_REFERENCE.test(c.text)) score -= 1.5;
    if (score < MIN_COMPANION_SCORE || (best && score <= best.score)) continue;
    const together = [...group, c].sort((a, b) => a.index - b.index);
    if (polish(together).length <= ANSWER_BUDGET) best = { c, score };
  }
  const chosen = best ? [...group, best.c].sort((a, b) => a.index - b.index) : group;

  const answer = polish(chosen);
  if (answer.length <= ANSWER_BUDGET) return answer;
  const bare = polish(chosen, { dropAsides: true });
  if (bare.length <= ANSWER_BUDGET) return bare;
  return cutAtWord(polish([anchor], { dropAsides: true }), ANSWER_BUDGET);
}

function consecutiveRun(items: Candidate[], around: Candidate): Candidate[] {
  const sorted = [...items].sort((a, b) => a.index - b.index);
  const at = sorted.indexOf(around);
  let lo = at;
  let hi = at;
  while (lo > 0 && sorted[lo - 1]!.index === sorted[lo]!.index - 1) lo--;
  while (hi < sorted.length - 1 && sorted[hi + 1]!.index === sorted[hi]!.index + 1) hi++;
  return sorted.slice(lo, hi + 1);
}

function polish(sentences: Candidate[], opts: { dropAsides?: boolean } = {}): string {
  return sentences
    .map((c, i) => {
      const follows = i > 0 && sentences[i - 1]!.index === c.index - 1;
      let text = paperVoiceToThirdPerson(c.text);
      if (opts.dropAsides) text = tidySpacing(text.replace(/\s*\([^()]*\)/g, ''));
      text = withoutLeadIns(text, !follows);
      text = text.replace(/\b(the|a|an|of|to|in|is|and|on|for) \1\b/gi, '$1');
      text = capitalise(text);
      return /[.!?…]["'”’)]?$/.test(text) ? text : `${text}.`;
    })
    .join(' ');
}

const INTERJECTION =
  /^(?:in short|in summary|in a nutshell|to summari[sz]e|tl;?dr|basically|essentially|in fact|actually|well|anyway|interestingly|in this paper|overall|in general)\b\s*[,:]?\s*/i;
const CONNECTIVE = /^(?:so(?! that\b)|and then|and|then|also|but|however|finally|therefore|thus|hence)\b\s*,?\s*/i;
const IDEA_IS = /^the (?:key |main |core |basic |central )?idea (?:here |of (?:this|the) paper )?is(?: simply| just)?(?: to| that|:)?\s+/i;
const SAYING = /^(?:it|this|the paper|this paper|the article|this article|he|they)(?:['’]s| is)? saying(?: that)?\s+/i;
const PAPER_SAYS_THAT =
  /^(?:the|this) (?:paper|article|work) (?:says|said|states) that\s+(?!(?:I|we|my|our|you|they)\b)/i;
const SEEMS = /^it seems(?: that| to be| like)?\s+/i;

/** Drops the words that lead into a statement without being part of it; keeps the meaning. */
function withoutLeadIns(text: string, dropConnectives: boolean): string {
  let out = text;
  for (let guard = 0; guard < 6; guard++) {
    const before = out;
    out = out.replace(INTERJECTION, '').replace(IDEA_IS, '').replace(SAYING, '').replace(PAPER_SAYS_THAT, '').replace(SEEMS, '');
    if (dropConnectives) {
      out = out.replace(CONNECTIVE, '');
      // "Because X." alone reads as an answer; "Because X, Y" needs its because.
      if (!out.includes(',')) out = out.replace(/^because\s+/i, '');
    }
    if (out === before) break;
  }
  return countWords(out) >= 3 ? out : text;
}

function cutAtWord(text: string, budget: number): string {
  const room = text.slice(0, budget - 1);
  const clause = Math.max(room.lastIndexOf(', '), room.lastIndexOf('; '), room.lastIndexOf(': '));
  const end = clause >= budget * 0.6 ? clause : room.lastIndexOf(' ');
  return `${room.slice(0, end > 0 ? end : room.length).replace(/[\s,;:.–—-]+$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// Words.

// Title words too common in ML titles to say a sentence is about this paper.
const STOPWORDS = new Set(
  ('a an the of for and or in on to with via by from through towards toward what does do it its take is are be ' +
    'how why when we our you your not no can using based learning neural network networks deep model models ' +
    'approach improving improved new via towards beyond training').split(' '),
);

function contentWords(text: string): Set<string> {
  const set = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    set.add(stem(w));
  }
  return set;
}

// Just enough stemming to match "visualize" with "Visualizing" and "networks" with "network".
const SUFFIX = /(?:ations?|izing|ized|izes|ize|ing|ed|es|s|e)$/;

function stem(word: string): string {
  const m = SUFFIX.exec(word);
  if (!m || word.endsWith('ss') || word.length - m[0].length < 4) return word;
  return word.slice(0, m.index) + (/^iz/.test(m[0]) ? 'iz' : '');
}

function overlap(text: string, titleWords: Set<string>): number {
  let n = 0;
  for (const w of contentWords(text)) if (titleWords.has(w)) n++;
  return n;
}

/** "Zoneout." under "Zoneout: Regularizing RNNs ...": says nothing the title does not. */
function restatesTitle(text: string, titleWords: Set<string>): boolean {
  const words = contentWords(text);
  if (words.size === 0 || words.size > 4) return false;
  for (const w of words) if (!titleWords.has(w)) return false;
  return true;
}

function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

// Written in lower case in quick notes ("lstm is not really long"); at the start of an answer
// "Lstm" reads wrong, so these are set in capitals there.
const ACRONYMS = new Set(
  'lstm rnn rnns gan gans cnn cnns vae vaes dae daes vgg relu ctc mnist gru mlp rl nlp svm pca kl sgd bert gpt'.split(' '),
);

function capitalise(text: string): string {
  const first = /^[a-z]+/.exec(text)?.[0];
  if (first && ACRONYMS.has(first)) return first.toUpperCase() + text.slice(first.length);
  return text.replace(/^[a-z]/, (ch) => ch.toUpperCase());
}

/** Markdown and control characters off: cards show plain text. */
function plainText(text: string): string {
  return stripControl(text)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/^[ \t]*>[ \t]?/gm, '');
}
