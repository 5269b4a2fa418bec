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
import { IDEOGRAPH_RANGES, isIdeograph } from '../core/text.js';
import { FULL_WIDTH_CLOSERS, FULL_WIDTH_STOPS, splitSentences } from './sentences.js';
import {
  CRITIQUE,
  OTHER_WORK,
  Vocabulary,
  isRemarkAside,
  paperVoiceToThirdPerson,
  remarkKind,
  remarkSignals,
  type RemarkKind,
  type RemarkSignals,
} from './remarks.js';

/**
 * Longest answer we build from a note, in characters: two full sentences of a note, what the
 * paper does and how, fit (at 240, the second often did not, and the answer was the aim alone).
 * A user's own "Key idea:" is kept whole.
 */
export const ANSWER_BUDGET = 300;
/** A sentence longer than this leaves the answer no room for another beside it. */
const LONG_SENTENCE = ANSWER_BUDGET - 20;
/** Fewer words than this, once remarks are gone, cannot say what a paper does. */
const MIN_WORDS = 6;
/**
 * Fewest words of what the note says is its summary (a TLDR, an "Idea" column): there, "Sample
 * and aggregate neighbour features" is the idea, written as briefly as the note-taker could.
 */
const MIN_LEAD_WORDS = 3;
/** Sentences a lead may have and still be the back whole (when it fits: extractFromBody). */
const MOST_LEAD_SENTENCES = 4;
/** Only this much of a note is read for its key idea (a long conference note is 2,000). */
const MAX_NOTE_CHARS = 20_000;
/** Longer sentences are cut to this many characters before they are looked at. */
const MAX_SENTENCE = 1000;
/** Below this score no sentence is taken as the key idea. */
const MIN_ANCHOR_SCORE = -1.5;
/** A second sentence joins the best one only when it scores at least this (with its bonuses). */
const MIN_COMPANION_SCORE = 1;

export type KeyIdea = { answer: string } | { skip: string };

export const SKIP_REASONS = {
  empty: 'empty note (nothing under the title)',
  own: "only the note-taker's own sections (thoughts, questions): no key idea",
  remarks: "only the note-taker's remarks (no key idea)",
  short: 'too short to say what the paper does',
  none: 'no sentence says what the paper does',
  title: 'the note only restates the title',
  links: 'only links (nothing about the paper)',
} as const;

export interface Candidate {
  /** Position of the sentence in the note. */
  index: number;
  text: string;
  /** The text's words (as wordsOf reads them), with what the scorer knows of each. */
  words: WordInfo[];
  analysis: WordAnalysis;
  /** How many words it has, counted up to MIN_WORDS: no rule looks at more. */
  wordCount: number;
  aside: boolean;
  /** A short sentence without a verb: it may join an answer, not be its main sentence. */
  fragment: boolean;
  /** No word of three letters or more ("y = f(x) = x + g(x)"): a formula, never the main sentence. */
  formula: boolean;
  /** It says what surrounds the paper (readsAsContext): lower as the main sentence. */
  context: boolean;
  score: number;
  /** What the scorer read in it (sentenceFeatures). */
  features: SentenceFeatures;
  /** It sets how the paper was trained, numbers and all (SETTINGS), and the title names no such setting. */
  settings: boolean;
  /** How deep in nested bullets it sits (NoteEntry.depths), and in which paragraph of the note. */
  depth: number;
  paragraph: number;
}

/** The key idea of a paper's note, or why the note has none. */
export function extractKeyIdea(entry: NoteEntry): KeyIdea {
  return explainKeyIdea(entry).idea;
}

/** Which part of a note an answer came from, and its main sentence among that part's candidates. */
export interface KeyIdeaChoice {
  idea: KeyIdea;
  part?: 'own' | 'lead' | 'body' | 'context';
  /** The main sentence's index (Candidate.index) in rankSentences of that part. */
  anchor?: number;
  /** The entry as that part was ranked: rankSentences(choice.ranked) gives the candidates. */
  ranked?: NoteEntry;
}

/** extractKeyIdea, saying where the answer came from: to show why an answer was chosen. */
export function explainKeyIdea(entry: NoteEntry): KeyIdeaChoice {
  const own = entry.keyIdea === undefined ? '' : plainText(entry.keyIdea).replace(/\s+/g, ' ').trim();
  if (own !== '') return { idea: { answer: own }, part: 'own' };

  // An answer that only says again what the title says makes a card that is its own answer
  // (nearlyRestatesTitle): the next part of the note is tried, and with none, the note is skipped.
  let restated = false;
  const answered = (choice: BodyChoice): boolean => {
    if (!('answer' in choice.idea)) return false;
    if (!answerRestatesTitle(entry.title, choice.idea.answer)) return true;
    restated = true;
    return false;
  };
  // What the note says briefly (TLDR, Summary, Main idea) is the answer when it holds one.
  if (entry.lead !== undefined && entry.lead.trim() !== '') {
    const ranked = { ...entry, body: entry.lead, depths: undefined, opening: undefined };
    const fromLead = extractFromBody(ranked, MIN_LEAD_WORDS);
    if (answered(fromLead)) return made(withFinding(entry, fromLead), 'lead', ranked);
  }
  const fromBody = entry.body.trim() === '' ? null : extractFromBody(entry);
  if (fromBody !== null && answered(fromBody)) return made(withFindingAfter(entry, fromBody), 'body', entry);
  // Related work, history, future work: what a note has to say when it says nothing else.
  if (entry.context !== undefined && entry.context.trim() !== '') {
    const ranked = { ...entry, body: entry.context, depths: undefined, opening: undefined };
    const fromContext = extractFromBody(ranked);
    if (answered(fromContext)) return made(fromContext, 'context', ranked);
  }
  if (restated) return { idea: { skip: SKIP_REASONS.title } };
  return fromBody === null ? { idea: { skip: emptyNoteReason(entry) } } : made(fromBody, 'body', entry);
}

/** A choice from one part of a note, as explainKeyIdea says it (the sentences it was made from left behind). */
function made({ idea, anchor }: BodyChoice, part: KeyIdeaChoice['part'], ranked: NoteEntry): KeyIdeaChoice {
  return anchor === undefined ? { idea, part, ranked } : { idea, part, anchor, ranked };
}

// "This study paper ...", "The present study ...".
const STUDY_SUBJECT = /^(?:this|the|our|their) (?:[\w-]+ )?(?:paper|study|work|article|experiment|survey)\b/i;
// "This paper conducted a user study to examine ...", "This paper evaluates two models on ...":
// what a study set out to do, its result still to come.
const STUDY_AIM = /\b(?:evaluat|examin|investigat|explor|compar|conduct|survey|analy[sz]|assess|measur|test)\w*|\bstud(?:y|ies|ied)\b/i;

/**
 * "## What: This paper conducted a user study to examine how ...", then "## Findings: Participants
 * who ...": a lead of one sentence that says only what a study set out to do, and a part of
 * findings, give the answer both: the aim, then the first finding (when both fit the back).
 */
function withFinding(entry: NoteEntry, choice: BodyChoice): BodyChoice {
  if (entry.findings === undefined || choice.candidates === undefined || !('answer' in choice.idea)) return choice;
  const aim = choice.candidates.length === 1 ? choice.candidates[0]! : null;
  if (aim === null || FINDING.test(aim.text) || aim.features.finding) return choice;
  const studySubject = aim.features.paperSubject || aim.features.authorSubject || STUDY_SUBJECT.test(aim.text);
  if (!(aim.features.aim || aim.features.topicOnly || STUDY_SETUP.test(aim.text) || (studySubject && STUDY_AIM.test(aim.text)))) return choice;
  return withSentenceAfter(choice, firstFinding(rankSentences(entry).candidates, entry.findings));
}

/**
 * A note whose best sentence comes before its part of findings ("##### Results") and says no
 * finding of its own (the aim, the set-up, the method): the first sentence of that part joins
 * the answer, after it, where both fit the back (with the sentence beside it, or in its place).
 */
function withFindingAfter(entry: NoteEntry, choice: BodyChoice): BodyChoice {
  if (entry.findings === undefined || choice.candidates === undefined || !('answer' in choice.idea)) return choice;
  const { candidates } = choice;
  const anchor = candidates.find((c) => c.index === choice.anchor);
  if (anchor === undefined || anchor.paragraph >= entry.findings || FINDING.test(anchor.text) || anchor.features.finding) return choice;
  return withSentenceAfter(choice, firstFinding(candidates, entry.findings), anchor);
}

/**
 * The answer with `found` said after it, where both fit the back; else, given the answer's main
 * sentence (`anchor`, ranked with `found`), that sentence and `found` alone, where they fit.
 * Unchanged when neither fits, or the answer already says it.
 */
function withSentenceAfter(choice: BodyChoice, found: Candidate | undefined, anchor?: Candidate): BodyChoice {
  if (found === undefined || !('answer' in choice.idea)) return choice;
  const polish = polisher();
  const said = polish([found]);
  if (choice.idea.answer.includes(said.replace(/[.。]$/, ''))) return choice;
  const joined = `${choice.idea.answer} ${said}`;
  if (joined.length <= ANSWER_BUDGET) return { ...choice, idea: { answer: joined } };
  const pair = anchor === undefined ? '' : polish([anchor, found]);
  return pair !== '' && pair.length <= ANSWER_BUDGET ? { ...choice, idea: { answer: pair } } : choice;
}

/** The first sentence of a note's part of findings that can say one (not context, a label or a question). */
function firstFinding(candidates: readonly Candidate[], findings: number): Candidate | undefined {
  return candidates.find((c) => c.paragraph >= findings && !c.context && !c.fragment && !c.settings && !c.aside && c.wordCount >= MIN_WORDS && !endsWithQuestion(c.text) && !c.features.otherWork);
}

/** Why a note with nothing about the paper is skipped: what it had instead. */
function emptyNoteReason(entry: NoteEntry): string {
  if (entry.own !== undefined && entry.own.trim() !== '') return SKIP_REASONS.own;
  const removed = entry.removed ?? [];
  if (removed.length === 0) return SKIP_REASONS.empty;
  const names = { authors: 'authors', links: 'links', remarks: 'remarks', placeholder: 'a placeholder', logistics: 'a time and place', venue: 'where it was published' } as const;
  const parts = removed.map((r) => names[r]);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `only ${list} (nothing about the paper)`;
}

interface BodyChoice {
  idea: KeyIdea;
  anchor?: number;
  /** The ranked sentences the answer came from (rankSentences), where it came from a main sentence. */
  candidates?: Candidate[];
}

function extractFromBody(entry: NoteEntry, minWords = MIN_WORDS): BodyChoice {
  const { candidates, sawRemark, sawPointer, sawRestatement } = rankSentences(entry);
  let words = 0;
  for (let i = 0; i < candidates.length; i++) words += candidates[i]!.wordCount;
  if (candidates.length === 0 || words < minWords) {
    return { idea: { skip: sawRestatement ? SKIP_REASONS.title : sawRemark ? SKIP_REASONS.remarks : sawPointer ? SKIP_REASONS.links : SKIP_REASONS.short } };
  }

  // The best sentence of four words or more: "Differential operators: Multiple." cannot say what
  // a paper does, nor can "Graph Convolutional Network.", "y = f(x) = x + g(x)" or a question
  // (they may still join the answer).
  let anchor: Candidate | null = null;
  let anchorScore = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const score = c.score + weigh(c.features, MAIN_SENTENCE_WEIGHTS) - (c.fragment ? FRAGMENT_PENALTY : c.context || c.settings ? CONTEXT_PENALTY : 0);
    if (c.wordCount >= Math.min(4, minWords) && !c.formula && !endsWithQuestion(c.text) && (anchor === null || score > anchorScore)) [anchor, anchorScore] = [c, score];
  }
  if (anchor === null) return { idea: { skip: SKIP_REASONS.short } };
  // A summary of one phrase, the whole of what the note says briefly ("summary: A U-shaped CNN
  // for segmentation", "TL;DR: contrastive pretraining for tables"), is the note-taker's answer.
  if (minWords === MIN_LEAD_WORDS && candidates.length === 1 && anchor.fragment) return { idea: { answer: composeAnswer(anchor, candidates, entry.depths) }, anchor: anchor.index };
  // "Gist: to replicate a neuron you need a 1-hidden-layer ANN. But with NMDA inputs, 7 layers."
  // The note-taker's summary of a few sentences, all of it fitting on the back, is the back: its
  // second sentence is as much the point as its first.
  // (Not its lines wholly in brackets, "(models are trained on tens of hours of speech)": set
  // aside by their writer.)
  // (A summary set as a list of points, "## Key ideas" over "* Commodity hardware" and "*
  // Optimize for best aggregate throughput", says its points in a phrase each: a phrase there is
  // a point, not a label of what surrounds the paper.)
  const leadSentences = candidates.filter((c) => !c.aside);
  const points = entry.body.includes('\n\n');
  if (minWords === MIN_LEAD_WORDS && leadSentences.length > 1 && leadSentences.length <= MOST_LEAD_SENTENCES && leadSentences.every((c) => (!c.context || (points && c.fragment)) && !c.settings && !c.formula)) {
    const whole = polisher()(leadSentences);
    if (whole.length <= ANSWER_BUDGET) return { idea: { answer: whole }, anchor: anchor.index };
  }
  // "Issues with AC-GAN: low diversity." and nothing more: a card would show the problem as the
  // paper's idea. Better said so, and the user can write "Key idea: ...". (Said before the
  // floor below, whose reason could name only the remarks beside it.)
  if (candidates.every((c) => c.context)) return { idea: { skip: SKIP_REASONS.none } };
  // (Reading as context lowers a sentence against the others, not against this floor.)
  if ((anchor.fragment ? anchor.score - FRAGMENT_PENALTY : anchor.score) < MIN_ANCHOR_SCORE) return { idea: { skip: sawRemark ? SKIP_REASONS.remarks : SKIP_REASONS.none } };

  return { idea: { answer: composeAnswer(anchor, candidates, entry.depths) }, anchor: anchor.index, candidates };
}

// "Zoneout: Regularizing RNNs by Randomly Preserving Hidden Activations": a name, then what it is.
const NAMED_TITLE = /^[^:]{1,30}:/;

/**
 * The note's sentences that are not the note-taker's remarks, cleaned and scored, in the
 * note's order; and whether any remark was taken out. Exported to show why an answer was chosen.
 */
export function rankSentences(entry: NoteEntry): { candidates: Candidate[]; sawRemark: boolean; sawPointer: boolean; sawRestatement: boolean } {
  const titleWords = contentWords(entry.title);
  const titleInCJK = CJK.test(entry.title);
  const titleSubject = titleSubjectWords(entry.title);
  const titleLength = countWords(entry.title, 40);
  const titleIsName = titleLength <= 3 || NAMED_TITLE.test(entry.title);
  const candidates: Candidate[] = [];
  let sawRemark = false;
  let sawPointer = false;
  let sawRestatement = false;
  let previousWasRemark = false;
  const seen = new Set<string>();
  const { sentences, depths, paragraphs } = noteSentences(entry);
  for (let index = 0; index < sentences.length; index++) {
    const whole = sentences[index]!;
    // No key idea needs a thousand characters; capping keeps a pathological line cheap.
    const sentence = whole.length > MAX_SENTENCE ? cutAtWord(whole, MAX_SENTENCE) : whole;
    const usable = usableText(sentence, titleWords);
    if (usable.trimmedRemark) sawRemark = true;
    if (usable.pointer === true) sawPointer = true;
    const { text, words, analysis, aside } = usable;
    // "The same is true for the reverse direction ...": the claim is the sentence before's; after
    // a remark ("... will be a fascinating area to track."), it is the same remark.
    const remarkBefore = previousWasRemark;
    previousWasRemark = text === null && usable.trimmedRemark;
    if (remarkBefore && SAME_AS_BEFORE.test(sentence)) {
      previousWasRemark = true;
      continue;
    }
    if (text === null || words === null || analysis === null) continue;
    // The same sentence twice (a front matter "summary:" repeated under "# Summary"): once.
    const said = lettersAndNumbers(text.toLowerCase());
    if (seen.has(said)) continue;
    seen.add(said);
    const wordCount = countWords(text, MIN_WORDS);
    // (Words of a script the title has none of are not read as words, below: "这篇文章主要讲述了
    // DNSSEC的部署过程中遇到的问题与挑战" says far more than "DNSSEC" under a title in English.)
    const saysMoreInItsScript = !titleInCJK && CJK_WORDS.test(text);
    // "Zoneout.", "Attention Is All You Need." under that title: says nothing the front does not.
    if (!saysMoreInItsScript && (wordCount <= 4 || countWords(text, titleLength + 3) <= titleLength + 2) && restatesTitle(words, titleWords)) continue;
    // "Proposes a model for zero-shot image-to-image translation." under that title: neither.
    // Passed over, so that a sentence saying more is the answer.
    if (!saysMoreInItsScript && nearlyRestatesTitle(words, titleSubject)) {
      sawRestatement = true;
      continue;
    }
    const fragment = countWords(text, FRAGMENT_WORDS + 1) <= FRAGMENT_WORDS && !GERUND_START.test(text) && !hasVerb(text, analysis);
    // (Words of other scripts are not read as words are: three letters in a row say it is text.)
    const formula = !words.some((w) => w.word.length >= 3) && !THREE_LETTERS.test(text);
    const settings = trainingSettings(text, entry.title);
    const candidate = { index, text, words, analysis, wordCount, aside, fragment, formula, context: false, settings, score: 0, features: {}, depth: depths?.[index] ?? 0, paragraph: paragraphs?.[index] ?? 0 };
    candidate.context = readsAsContext(candidate);
    candidates.push(candidate);
  }
  const name = titleName(entry.title);
  for (let rank = 0; rank < candidates.length; rank++) candidates[rank]!.features = sentenceFeatures(candidates[rank]!, rank, candidates.length, titleIsName, name);
  markAbstractBackground(candidates);
  for (let rank = 0; rank < candidates.length; rank++) candidates[rank]!.score = weigh(candidates[rank]!.features, SENTENCE_WEIGHTS);
  // What a note says before its Method, Results and Thoughts is what the paper is about.
  // (Only what says something there: "ICCV 2015.", "Cited over 20k times." open notes too.)
  if (entry.opening !== undefined) {
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (c.paragraph < entry.opening && c.wordCount >= MIN_WORDS && !c.fragment && !c.context) c.score += OPENING_BONUS;
    }
  }
  // A note written mostly in Chinese or Japanese quotes the paper in English ("we introduce two
  // new modules ..."): its own words say what the paper does, the quote is a sentence of the
  // paper's, often a detail. (An English sentence of its own is read as any other.)
  let inChinese = 0;
  for (let i = 0; i < candidates.length; i++) if (CJK.test(candidates[i]!.text)) inChinese++;
  if (inChinese * 2 > candidates.length) {
    for (let i = 0; i < candidates.length; i++) if (QUOTED.test(candidates[i]!.text) && !CJK.test(candidates[i]!.text)) candidates[i]!.score -= OTHER_LANGUAGE_PENALTY;
  }
  return { candidates, sawRemark, sawPointer, sawRestatement };
}

/** Which ASCII characters are letters or numbers (\p{L}, \p{N}), by code. */
const ASCII_LETTER_OR_NUMBER = Uint8Array.from({ length: 128 }, (_, code) => (/[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 0));
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * `text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`: its runs of letters and numbers, one space
 * between them. That Unicode-aware pattern, run on every sentence of every note, took two
 * thirds of rankSentences' own time; here an ASCII character is looked up, and only another
 * asks the pattern, on that one character (a surrogate pair as one, a lone surrogate as none).
 * (No letter or number is white space, so trim() took off only the spaces at either end.)
 */
export function lettersAndNumbers(text: string): string {
  let out = '';
  let start = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let width = 1;
    let keep: boolean;
    if (code < 128) keep = ASCII_LETTER_OR_NUMBER[code] === 1;
    else {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) width = 2;
      }
      keep = LETTER_OR_NUMBER.test(text.slice(i, i + width));
    }
    if (keep) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out === '' ? text.slice(start, i) : `${out} ${text.slice(start, i)}`;
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) out = out === '' ? text.slice(start) : `${out} ${text.slice(start)}`;
  return out;
}

/**
 * The note's sentences in order; where its paragraphs sit at different depths of nested
 * bullets, each sentence's depth and paragraph too. A note's key idea is in its first pages:
 * reading no further bounds the work on a huge note.
 */
function noteSentences(entry: NoteEntry): { sentences: string[]; depths: number[] | null; paragraphs: number[] | null } {
  if (entry.depths === undefined && entry.opening === undefined && entry.findings === undefined) {
    const body = entry.body.length > MAX_NOTE_CHARS ? entry.body.slice(0, MAX_NOTE_CHARS) : entry.body;
    return { sentences: splitSentences(plainText(body)), depths: null, paragraphs: null };
  }
  const sentences: string[] = [];
  const depths: number[] = [];
  const paragraphs: number[] = [];
  const parts = entry.body.split('\n\n');
  let chars = 0;
  for (let p = 0; p < parts.length && chars < MAX_NOTE_CHARS; p++) {
    const part = parts[p]!.length > MAX_NOTE_CHARS - chars ? parts[p]!.slice(0, MAX_NOTE_CHARS - chars) : parts[p]!;
    chars += part.length + 2;
    for (const sentence of splitSentences(plainText(part))) {
      sentences.push(sentence);
      depths.push(entry.depths?.[p] ?? 0);
      paragraphs.push(p);
    }
  }
  return { sentences, depths, paragraphs };
}

const SAME_AS_BEFORE = /^(?:and |but )?(?:the same (?:is true|holds|goes|applies)|(?:this|that) (?:is|holds) (?:also |equally )?true)\b/i;

// ---------------------------------------------------------------------------------------------
// Cleaning a sentence: remark asides, remark clauses, formulas lost in copy-paste.

interface Usable {
  text: string | null;
  words: WordInfo[] | null;
  analysis: WordAnalysis | null;
  /** Whether a remark of the note-taker was removed from (or was all of) this sentence. */
  trimmedRemark: boolean;
  /** Whether the sentence only said where to find the paper, its code or its recording. */
  pointer?: boolean;
  /** The whole sentence was in parentheses: an aside of the note. */
  aside: boolean;
}

// Clause kinds that can be cut off the front of a sentence and leave the paper's statement:
// "Google's paper, quick multi-style transformations.", "Not really about attention - the key
// addition is ...". Other remarks at the front carry on into the rest ("his poster is very
// hot, people are still around ..."), and a verdict at the end ("..., very attractive") judges
// what came before it: those take the sentence with them.
// A verdict after the statement ("..., great figures", "..., which is nice") is cut off with
// what follows it: the statement before it stands alone (and is dropped if too short to).
const LEADING_CUTTABLE = new Set<RemarkKind>(['provenance', 'scope']);
const TRAILING_CUTTABLE = new Set<RemarkKind>(['first-person', 'hearsay', 'hedge', 'talk', 'pointer', 'provenance', 'verdict']);
/** A leading verdict of at most this many words is an interjection ("Coool -", "Wow,"), cut like provenance. */
const INTERJECTION_WORDS = 2;

// A parenthesis with what is inside it; bounded, so a stray "(" costs a short look, not the line.
const ASIDE = /\(([^()]{0,300})\)/g;

const WHOLE_ASIDE = /^\(.*\)[.!?]?$/;

function unusable(trimmedRemark: boolean, aside: boolean): Usable {
  return { text: null, words: null, analysis: null, trimmedRemark, aside };
}

// "A not so interesting paper about", "High impact paper using", "Very interesting paper of",
// "Old paper about": a verdict on the paper as a sentence's subject.
const VERDICT_ON_PAPER =
  /^(?:an? )?(?:(?:not (?:so |very |that )?|very |really |quite |so |super |pretty |rather |a bit |an? )?(?:interesting|cool|nice|neat|great|good|fun|important|influential|seminal|classic|high[- ]impact|old|older|recent|boring|solid|clever|elegant|impressive|promising|underrated|overrated|short|dense|easy|hard)(?:,? (?:and |but )?| )){1,3}(?:paper|work|study|article|read) (about|on|of|that|which|using|for|where|in which)\s+/i;

const PASTED_REFERENCE_NUMBER = /^\d{1,2}(?=\p{Lu}\p{Ll}+)/u;

function usableText(sentence: string, titleWords: Set<string>): Usable {
  let trimmedRemark = false;
  const aside = sentence.startsWith('(') && WHOLE_ASIDE.test(sentence);
  // Before any tidying: the stray spaces are the only trace of a lost formula.
  // ("1As doenças ...", "4Assim, coletamos ...": a reference's number pasted from a PDF onto the
  // sentence's first word.)
  let text = withoutLostFormula(sentence.replace(PASTED_REFERENCE_NUMBER, ''));
  if (text === '') return unusable(trimmedRemark, aside);
  if (text.includes('(')) {
    text = tidySpacing(
      text.replace(ASIDE, (whole, inner: string) => {
        if (!isRemarkAside(inner)) return whole;
        trimmedRemark = true;
        return '';
      }),
    );
    if (countWords(text, 1) === 0) return unusable(trimmedRemark, aside);
  }

  // "A not so interesting paper about classifying tumours ...": the note-taker's verdict on the
  // paper, then what it does, which is the sentence.
  const judged = VERDICT_ON_PAPER.exec(text);
  if (judged !== null && countWords(text.slice(judged[0].length), 3) >= 3) {
    text = capitalise(`${judged[1]!.toLowerCase() === 'using' ? 'uses ' : ''}${text.slice(judged[0].length)}`);
    trimmedRemark = true;
  }

  // Most sentences hold no remark at all: one look at the whole sentence clears them.
  const words = readWords(text);
  const analysis = analyseWords(words, titleWords);
  if (remarkKind(text, analysis.remarks) === null) return finish(text, words, analysis, titleWords, trimmedRemark, aside);
  const clauses = splitClauses(text);
  const kinds: (RemarkKind | null)[] = [];
  let firstRemark = -1;
  for (let i = 0; i < clauses.length; i++) {
    const kind = remarkKind(clauses[i]!, null, i === 0);
    kinds.push(kind);
    if (kind === null || firstRemark !== -1) continue;
    firstRemark = i;
    // A remark after the first clause is cut off with all that follows it: no need to read on.
    if (i > 0) break;
  }
  if (firstRemark !== -1) {
    text = withoutRemarkClauses(clauses, kinds, firstRemark) ?? '';
    // "The paper can be found here.": where to read it, which says nothing of the note-taker either.
    if (text === '' && kinds.every((kind) => kind === null || kind === 'pointer')) return { ...unusable(trimmedRemark, aside), pointer: true };
    trimmedRemark = true;
    if (text === '') return unusable(trimmedRemark, aside);
  }
  return finish(text, null, null, titleWords, trimmedRemark, aside);
}

function finish(
  text: string,
  words: WordInfo[] | null,
  analysis: WordAnalysis | null,
  titleWords: Set<string>,
  trimmedRemark: boolean,
  aside: boolean,
): Usable {
  // (A sentence whose words were read is looked at for a lab only if "from" is one of them.)
  const kept = analysis === null || (analysis.cues & Cue.From) !== 0 ? withoutLabProvenance(text) : text;
  if (words && analysis && kept === text) return { text, words, analysis, trimmedRemark, aside };
  const keptWords = readWords(kept);
  return { text: kept, words: keptWords, analysis: analyseWords(keptWords, titleWords), trimmedRemark, aside };
}

function withoutRemarkClauses(clauses: string[], kinds: (RemarkKind | null)[], firstRemark: number): string | null {
  if (firstRemark > 0) {
    if (!TRAILING_CUTTABLE.has(kinds[firstRemark]!)) return null;
    const kept = trimDanglingEnd(clauses.slice(0, firstRemark).join(' '));
    return countWords(kept, 4) >= 4 ? `${kept}.` : null;
  }
  let rest = 0;
  while (rest < kinds.length && kinds[rest] !== null) {
    const interjection = kinds[rest] === 'verdict' && countWords(clauses[rest]!, INTERJECTION_WORDS + 1) <= INTERJECTION_WORDS;
    if (!LEADING_CUTTABLE.has(kinds[rest]!) && !interjection) return null;
    rest++;
  }
  if (rest === kinds.length || kinds.slice(rest).some((k) => k !== null)) return null;
  const kept = clauses
    .slice(rest)
    .join(' ')
    .replace(/^(?:and|but|so|however|though|yet)\b\s*,?\s*/i, '');
  return countWords(kept, 3) >= 3 ? kept : null;
}

/** Splits at ", ", "; ", ": " and " - " outside parentheses, keeping the punctuation (not a dash) on the left part. */
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
    } else if (depth === 0 && (ch === '-' || ch === '–' || ch === '—') && text[i - 1] === ' ' && text[i + 1] === ' ') {
      // "Coool - 3d convs ...", "... degradation - read this": a spaced dash joins clauses.
      clauses.push(text.slice(start, i - 1));
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
  if (!/ [,.;:]/.test(text)) return text;
  const gaps = [...text.matchAll(FORMULA_GAP)];
  const lost = gaps.length >= 2 || (gaps.length === 1 && /\s[.;:]$/.test(text));
  if (!lost) return text;
  const first = gaps[0]!.index!;
  const clauses = splitClauses(text.slice(0, first + 1));
  const kept = trimDanglingEnd(clauses.slice(0, -1).join(' '));
  return countWords(kept, 4) >= 4 ? `${kept}.` : '';
}

// "Bigan from MILA, almost the same.": the lab is where the paper comes from, not what it does.
const LAB_PROVENANCE = /^(\S+(?: \S+)?) from (?:[A-Z]{2,}[A-Za-z]*|Google|DeepMind|OpenAI|Facebook|Microsoft|Berkeley|Stanford|Oxford|Toronto|Montreal)(?=,)/;

function withoutLabProvenance(text: string): string {
  return text.replace(LAB_PROVENANCE, '$1');
}

function tidySpacing(text: string): string {
  let out = text.replace(/\s+/g, ' ').replace(/ ([,;:!?])(?= |$)/g, '$1');
  if (out.includes('()')) out = out.replaceAll('()', '');
  out = out.trim();
  return out.endsWith(' .') ? `${out.slice(0, -2)}.` : out;
}

// ---------------------------------------------------------------------------------------------
// Scoring: how much a sentence reads like "what this paper does".

// "So the point of this alg is ...", "The summary is ...", "Overall it shows how ...": the
// note-taker summing the paper up.
// "结论：...", "一句话结论：...", "总结：...", "核心观点：...": the note's point, in Chinese.
const SUMMARY_CUE_CJK = /^(?:一句话)?(?:结论|总结|核心观点|主要发现|主要结论|要点)\s*[:：]/;
const SUMMARY_CUE =
  /^(?:(?:so,? )?the (?:main |whole )?point (?:of (?:this|the) [\w-]+ )?is\b|the summary is\b|overall,? (?:it|this|they|the (?:paper|method|model|alg|algorithm)) (?:shows?|does|proposes?|presents?)\b|in short|in summary|in a nutshell|to summari[sz]e|in conclusion|to conclude|conclusions?\s*[,:]|the (?:(?:main|key|central|major|core) )?(?:finding|conclusion|prediction|message|take-?away|argument|claim|thesis)s? (?:of (?:this|the|our) [\w-]+ )?(?:is|are|was|were)\b|tl;?dr|the (?:key|main|core|central|basic) (?:idea|insight|observation)|the idea|the (?:(?:main|key|primary|major|biggest|most important) )?contribution|the trick|the gist|the (?:only |main |key )?difference is|essentially|basically|(?:idea|main idea|core idea|key insight|insight|method|approach|contribution|contributions|summary|gist)\s*:)/i;
// "First, the intuition makes sense: frequent words can fit more parameters ...", "Intuition:":
// the note-taker introducing the idea behind the method, as "The idea:" does.
const INTUITION =
  /^(?:first(?:ly)?,? |second(?:ly)?,? )?(?:the )?(?:key |main |basic |core )?intuition(?: behind (?:it|this|the [\w-]+))?(?: (?:is|makes? senses?))?\s*:\s*/i;
const ESSENTIALLY = /\b(?:is|are) essentially\b/i;
// "This paper ...", "So the authors ...", "In this work, we propose ...": the paper as the subject.
// "To this end, the authors introduce ...", "To address this, we ...": what comes after is the
// sentence's subject (read past by paperSubject, authorSubject and proposeStart).
const TO_THIS_END = /^(?:to (?:this|that) end|to do (?:this|so)|to (?:address|solve|tackle|fix) (?:this|these|that|it)),?\s+/i;
const PAPER_SUBJECT =
  /^(?:(?:so|and|then|also|in fact|actually),? )?(?:(?:this|the) (?:paper|article|work|method|model|approach|authors?)\b|(?:here,? |in this (?:paper|work),? )?we (?:propose|present|introduce|develop|design|show|demonstrate|describe|study)\b)/iu;
// The same by its authors' names ("Lee et al. propose ...", "Smith and Jones et al. show ..."; not
// "Lee et al., Title, 2019" or "Lee et al. (2019) show ...", which cite other work): one more
// alternative of PAPER_SUBJECT, kept apart because a letter of either case in a Unicode pattern
// made a large one to compile (some 2 ms of an edit's rebuild here), and tried only where the
// text says "et al" (SAYS_ET_AL), as it must to match (no character but "E", "T", "A" and "L"
// matches their lower case in it).
const PAPER_SUBJECT_BY_NAME =
  /^(?:(?:so|and|then|also|in fact|actually),? )?\p{Lu}[\p{L}'’-]+(?: (?:and|&) \p{Lu}[\p{L}'’-]+)? et al\b(?!\.?,|\.? \()/iu;
const TOPIC_LINE = /^topics?\s*:/i;
const PAPER_MENTION = /\b(?:this|the) (?:paper|article|work)\b/i;
// "They ...", "The authors ...", "It is about ...": the authors as the subject.
const AUTHOR_SUBJECT =
  /^(?:(?:so|and|then|also|finally),? )?(?:they|he|she|(?:the )?authors?|(?:these|the) (?:guys|folks|people|researchers))\b|^it(?:['’]s| is)? (?:studying|about)\b|^it stud(?:y|ies)\b/iu;
// The same by their names: one more alternative of AUTHOR_SUBJECT, kept apart as
// PAPER_SUBJECT_BY_NAME is.
const AUTHOR_SUBJECT_BY_NAME =
  /^(?:(?:so|and|then|also|finally),? )?\p{Lu}[\p{L}'’-]+(?: (?:and|&) \p{Lu}[\p{L}'’-]+)? et al(?!\.?,|\.? \()\b/iu;
const SAYS_ET_AL = / et al/i;

/** PAPER_SUBJECT with its alternative PAPER_SUBJECT_BY_NAME: the paper, or its authors by name, as the subject. */
function paperIsSubject(text: string): boolean {
  return PAPER_SUBJECT.test(text) || (SAYS_ET_AL.test(text) && PAPER_SUBJECT_BY_NAME.test(text));
}

/** AUTHOR_SUBJECT with its alternative AUTHOR_SUBJECT_BY_NAME. */
function authorsAreSubject(text: string): boolean {
  return AUTHOR_SUBJECT.test(text) || (SAYS_ET_AL.test(text) && AUTHOR_SUBJECT_BY_NAME.test(text));
}
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
// ("It shows that Earth-Mover distance ...": "that" after a verb of saying opens what is said.)
const BACK_REFERENCE =
  /(?<!\b(?:shows?|showed|shown|finds?|found|proves?|proved|argues?|argued|claims?|claimed|says?|said|notes?|noted|observes?|observed|demonstrates?|demonstrated|suggests?|suggested|realiz(?:e|es|ed)|means?) )\b(?:this|that|these|those|such) (?!paper\b|article\b|work\b|is\b|was\b)[a-z]+/i;
const CONTRAST_START = /^(?:but|however|although|though|yet|whereas)\b/i;
const EXAMPLE_START = /^(?:(?:for example|for instance|imagine|intuitively|like)\b|e\.g\.)/i;
const ELABORATION_START = /^(?:that is|i\.e\.)\b/i;
// "Otherwise, standard FLIP/PIC use.", "Apart from that, ...": what the paper leaves as it was.
const ASIDE_START = /^(?:otherwise|apart from (?:that|this)|besides(?: that| this)?|other than that|beyond that)\b/i;
// "where m is the dropout mask and α a scaling parameter": the symbols of an equation, which a
// card does not show (an equation set apart is left out).
const DEFINES_SYMBOLS = /^(?:where|here|in which)\s+\S{1,12}\s+(?:is|are|denotes?|represents?|stands? for)\b/i;
const CONTEXT_START =
  /^(?:the motivation|the background|motivation|background|problem|results?|experiments?|evaluation|limitations?|cons|pros|questions?|related work|applications?|use cases?|datasets?|benchmarks?|baselines?)\b/i;
// "Instead, propose ...", "New algorithm MandRIL ...", "Solution: ...", "This work: ...", "The suggested method
// ...", "Their clever approach is to ...": where a note turns from the problem to what the paper does.
const METHOD_CUE =
  /^(?:instead,? |solution\s*:|approach\s*:|method\s*:|proposal\s*:|contribution\s*:|(?:(?:this|our|their) )?(?:work|paper)\s*:|new (?:method|algorithm|model|approach|framework|objective|loss)\b|(?:the|a|their) (?:suggested|proposed|new) (?:method|algorithm|model|approach|framework)\b|(?:their|the authors['’]?|the paper['’]s)(?: [a-z]+)? (?:approach|method|idea|solution|trick) is\b)|\bis (?:their|the authors['’]?|the paper['’]s) (?:solution|approach|answer|idea|method|trick)\b|\b(?:address(?:es)? (?:this|the) (?:problem|issue) by|builds? on\b|relax(?:es)? (?:this|the) problem)/i;
// "本文提出NL Block" (this paper proposes), "作者提出了" (the authors propose), "提案する" (Japanese):
// notes in Chinese and Japanese say so too.
const PROPOSES_CJK = /提出|提案|设计了|引入了|我们的方法|本文的方法/;
// "本文用图神经网络 ...", "这篇论文 ...", "作者 ...", "本論文では ...": the paper or its authors as the
// subject, as "This paper ...", "The authors ..." are.
// (Not who they are or where it appeared: "作者来自 FAIR", "本文发表于 ICCV", "作者：Lin, Goyal".)
const PAPER_SUBJECT_CJK = /^(?:本文|这篇(?:论文|文章|工作)|該?(?:论文|論文)|该(?:论文|文章|工作|方法)|作者们?|本論文|この論文|著者)(?!来自|是|为|单位|[:：]|发表|收录|的代码|代码|链接|主页|地址|所属|は)/;
// "Propomos o uso de ...", "Nosso esquema é ...", "Nous proposons ...", "Wir schlagen ... vor":
// notes in Portuguese, Spanish, French and German say so too.
const PROPOSES_EU =
  /\b(?:propomos|propusemos|prop[õo]em?|propuseram|(?:é|foi|são|foram) propost[oa]s?|apresentamos|desenvolvemos|propo(?:nemos|ne|nen)|propusimos|presentamos|desarrollamos|(?:es|fue) propuest[oa]|nous (?:proposons|présentons|introduisons)|(?:est|a été) proposée?|wir (?:schlagen|stellen)\b.{0,60}\bvor|schlägt\b.{0,60}\bvor|wird vorgeschlagen)\b|^(?:o |a |el |la |le |notre |unser(?:e|er)? )?(?:nosso|nossa|nuestro|nuestra|notre|unser(?:e|er)?)? ?(?:método|modelo|esquema|sistema|abordagem|enfoque|méthode|modèle|approche|ansatz|verfahren|modell) (?:propost[oa]|propuest[oa]|proposée?|vorgeschlagene)\b/iu;
// "Este artigo apresenta ...", "Neste trabalho ...", "Os autores ...", "Cet article ...", "Die
// Autoren ...": the paper or its authors as the subject, in those languages.
const PAPER_SUBJECT_EU =
  /^(?:(?:est[ea]|ess[ea]|o|a|el|la) (?:artigo|trabalho|estudo|pesquisa|artículo|trabajo|estudio)|(?:neste|nesse|en este|en el presente) (?:artigo|trabalho|estudo|artículo|trabajo|estudio)|(?:os|las?|los) autor(?:es|as)|(?:cet|l['’]|le présent) (?:article|étude)|(?:ce|le présent) travail|dans (?:cet article|ce travail|cette étude)|les auteurs|(?:dieses|das|diese|die vorliegende) (?:paper|papier|arbeit|studie)|in (?:diesem paper|dieser arbeit|dieser studie)|die autoren)\b/iu;
// "单阶段检测器的精度不如两阶段检测器，主要原因是 ...": the problem before the paper, in Chinese.
const PROBLEM_CJK = /存在.{0,12}问题|的问题(?:在于|是)|难以|不如|缺点|局限|瓶颈|痛点|主要原因是/;
// "Propose a game-theoretic objective ...", "Introduces ...": a note's shorthand for "they propose".
const PROPOSE_START = /^(?:(?:here|so|thus|hence|then),? )?(?:propos|introduc|present|develop|design)(?:e|es|ed|ing)?\b/i;
// "The authors propose ...", "In this paper, we introduce ...", "This work presents ...": who
// proposes, then what (not "The authors present results on ...": what they show, nor "The
// paper also proposes ...": a side point).
const SUBJECT_PROPOSES = /^(?:in this (?:paper|work),? |here,? )?(?:we|they|the authors?|(?:this|the) (?:paper|work|article)|\p{Lu}[\p{L}'’-]+(?: (?:and|&) \p{Lu}[\p{L}'’-]+)? et al\.?,?)\s+(?:first |then )?(?:(?:propos|introduc|present|develop|design)(?:e|es|ed|ing)?|(?:survey|review)(?:s|ed|ing)?|giv(?:e|es|en) an? (?:[\w-]+ ){0,2}(?:survey|overview|review) of)\b(?! (?:(?:their|the|our|some|several) )?(?:results?|experiments?|evaluations?|findings|numbers|comparisons?|ablations?)\b)/iu;
const OWN_THING =
  /^[\p{L}\p{N}-]+ (?:is|are) (?:an?|the) (?:(?:new|novel|simple|general|first) )?(?:[\w-]+ ){0,3}(?:system|framework|method|model|tool|technique|algorithm|architecture|approach|platform|library|language|protocol|network|device|module|dataset|benchmark|database|compiler|runtime|service|interface|scheme|mechanism)s?\b(?! (?:is|are|was|were)\b)/iu;
const DEFINITION = /^(?:[\w-]+ ){0,3}[\w-]+(?: (?:is|are) (?:an?|the)\b|:\s)/i;
// "This work focuses on ...", "The paper is about ...": the topic, not what the paper does with it.
const TOPIC_ONLY = /\b(?:focus(?:es|ed|ses|sed)? on|is about|deals? with|looks? at)\b|^(?:this|the) (?:paper|study|article|work) (?:studies|examines|investigates|explores|analy[sz]es)\b/i;
// "随着HTTPS部署的增长，...", "近年来 ...", "虽然DNSSEC已经被提出十多年了，...": the field as it stands,
// before the paper, in Chinese.
const BACKGROUND_CJK = /^(?:随着|近年来|近些年|近几年|目前|当前|如今|现如今|传统(?:的|上)|一直以来|长期以来|虽然|尽管)/;
// "边界网关协议（BGP）是当下最常用的域间路由协议之一", "Cookie是用于HTTP协议中标识身份的一个特征": what a
// thing is, in Chinese.
const DEFINITION_CJK = /^[^，。,]{1,30}?(?:（[^）]{1,30}）)?是(?:当下|目前|当前|现在)?(?:最|一种|一个|一类|一组|用于)/;
// "论文主要研究SOP规则的子集", "这篇文章主要是对GFW主动探测行为的研究": what a study is about, in Chinese.
const TOPIC_ONLY_CJK = /主要(?:是)?(?:对.{1,40}的)?(?:研究|探讨|讨论|关注|讲述|介绍)|(?:进行|做)了.{0,12}(?:研究|调研|分析|测量)/;
// "Training GANs is hard.", "Difficult to scale to long windows.", "Energy based models: Hard to
// train.", "The problem with current
// methods is ...", "Motivation: ...".
const PROBLEM_STATEMENT = /\b(?:is|are) (?:very |really |notoriously )?(?:hard|difficult|challenging|expensive|slow|unstable)\b|^(?:[\w -]{1,40}:\s*)?(?:hard|difficult|challenging|expensive) to\b|^(?:the )?(?:main )?problems? with\b|\b(?:main|key|major) (?:issues?|problems?|challenges?|bottlenecks?)\b|\b(?:has|have) (?:a few |some |several |many |two |three )?(?:drawbacks|limitations|problems|issues|weaknesses)\b|^(?:motivation|problem|challenge)\s*:/i;
// "3.57% error", "achieves state of the art", "won the 1st place": a result, not the idea.
const RESULT = /\d+(?:\.\d+)?\s?%|\bstate[- ]of[- ]the[- ]art\b|\bsota\b|\boutperform|\bwon\b|\bachiev(?:e|es|ed|ing)\b/i;
// "We use ε = 0.2 and Adam with a learning rate of 3e-4", "batch size 256, 100 epochs": how it
// was trained, with the numbers set; a detail, never the idea, and never beside it. (Unless the
// title names the setting: "Accurate, Large Minibatch SGD" is about its learning-rate rule.)
// It ends in a digit: a text without one is not tried (hasDigit), and the pattern, some 1.5 ms
// to compile, is not made for a note without numbers.
const SETTINGS = /\b(learning rate|lr|batch size|mini-?batch(?:es)? of|epochs?|weight decay|warm-?up(?: steps)?|dropout (?:rate|probability)|training steps)\b[^.;]{0,30}?\d|[εαβγλη]\s?=\s?\d/i;
// "(Dai et al., 2015)", "(Grady, 2006)", "(Shwartz & Tishby '17)": a sentence about another work.
// (Tried only on a text with a "(".)
const CITATION = /\([A-Z][\p{L}'’-]+(?: (?:et al\.?|and|&) ?[A-Z]?[\p{L}'’-]*)?,? (?:(?:19|20)\d{2}|['’]\d{2})[a-z]?\)/u;
// "This training ...", "These results ...", "In this case, ...": leans on the sentence before.
const LEANS_BACK = /^(?:this|these|those|in this case|using this|leads to|applied these)\b(?! (?:paper|work|article|method|model|approach)\b)/i;
// "This is a new ...", "This alg ...", "This one uses ...": the paper, at the start of its note.
const THIS_IS = /^this (?:is|was|alg(?:orithm)?|one|method|model|approach|architecture|framework|network)\b/i;
const NEW_THING = /\b(?:new|novel|first)\b/i;
const SOFT_VERDICT = /\b(?:perform|performs|works?|did|does) (?:really |very |quite )?(?:well|better)\b|\binteresting\b/i;
// "ResNets work by introducing shortcuts", "The work achieves this by having k slots": how the
// paper does what it does.
const HOW = /\bworks? by [a-z]+ing\b|\b(?:achieves?|achieved|does|do|did) (?:this|that|it|so) (?:by|using|with|via)\b|\b(?:this|which) is done by\b/i;
// "Recurrent models process tokens one after another", "Deep generative models have had less
// impact ...", "Attention mechanisms have become ...": what a family of methods does or lacks.
// "Currently, FID is used ...", "Most brain-like models ...", "Need on-device computation ...",
// "Issues with AC-GAN: ...", "Fisher vectors have been successful ...", "Meta-learning
// algorithms often assume ...", "Voxel based methods: ..." (a family of methods, where a paper
// has one): the state of things
// before the paper, not what it does.
const BACKGROUND =
  /^(?!(?:our|their|the|this|these|its|such|both|all|we|they)\b)(?:(?!(?:that|which|how|whether|finds?|shows?)\b)[\w-]+ ){0,4}(?:models|methods|networks|approaches|algorithms|systems|mechanisms|techniques|architectures|detectors|agents)(?: \([^()]*\))? (?:(?:often|usually|typically|still|generally|mostly) )?(?:have (?:had|been|become|struggled|relied)|struggle|suffer|process (?:\w+ )?one|are (?:limited|unable|slow|prone))\b|^(?:currently|traditionally|typically|usually|conventionally|historically|nowadays|existing|need(?:s|ed)?|issues? with|drawbacks? of|[\w -]{1,40}[ -](?:methods|models|approaches)\s*:)|\b(?:ha(?:s|ve) been (?:successful|widely|popular|used)|(?:is|are) (?:an? |the )?(?:popular|classic|common|standard|representative|well[- ]known|widely used)\b|(?:often|usually|typically|commonly|generally|mostly) (?:assumes?|rely|relies|requires?|ignores?|treats?)\b)/i;
// "Especially for small batch sizes.", "In particular, ...", "Even more surprising, ...",
// "Moreover, ...": the rest of the sentence before, or what goes on from it.
const CONTINUES = /^(?:especially|particularly|in particular|specifically|mainly|mostly|at (?:the )?least|even more|moreover|furthermore|likewise|similarly|in addition|additionally)\b/i;
const OPEN_QUESTION =
  /\b(?:needs?|needed|requires?|warrants?|deserves?|calls? for) (?:further|more|additional|future) (?:investigation|research|study|studies|work|analysis|exploration|validation|experiments?)\b|\b(?:remains?|is still|are still) (?:unclear|unknown|open|an open question|to be (?:seen|explored|investigated|determined|tested))\b|^(?:future (?:work|research|studies) (?:should|could|will|may|might|needs?)|more (?:work|research) is needed)\b/i;

// "Algorithm tries to alleviate this by ...": the method, after the problem it answers.
const ANSWERS_BEFORE = /\b(?:alleviat|address|solv|fix|tackl|overcom|mitigat|avoid|handl)(?:e|es|ed|ing|s)? (?:this|these|that|it|them|such)\b/i;
/** A short sentence without a verb ("Graph Convolutional Network.") names or lists; it says what nobody does. */
const FRAGMENT_WORDS = 5;
/** How much less a sentence that reads as context (readsAsContext) counts when the main sentence is chosen. */
const CONTEXT_PENALTY = 3;
/** Fewer words than this over nested bullets introduce them (see composeAnswer). */
const LEAD_IN_WORDS = 8;
/** What a sentence of a note's opening, before its named parts, gains over theirs. */
const OPENING_BONUS = 3;
/** What a quotation in English takes off in a note written mostly in Chinese or Japanese. */
const OTHER_LANGUAGE_PENALTY = 2;
/** How much less a fragment counts when the answer's main sentence is chosen. */
const FRAGMENT_PENALTY = 3;
const FORMULA_LABEL = /^(?:formula|equation|eqn?|loss(?: function)?|obj(?:ective)?(?: func(?:tion)?)?|update(?: rule)?|gradient)\s*:/i;
/** Words a labelled line may have and still be a formula rather than prose ("Loss: down-weight easy examples so ..."). */
const FORMULA_MOST_WORDS = 10;

/** Whether a labelled line is a formula: operators, and few words around them. */
function readsAsFormula(text: string): boolean {
  const operators = text.match(/[=*^+∑Σ∇]|\blog\s*\(/g)?.length ?? 0;
  return operators >= 2 && countWords(text, FORMULA_MOST_WORDS + 1) <= FORMULA_MOST_WORDS;
}

// "Linking semantics to geometry ...": a verb all the same.
const GERUND_START = /^[A-Za-z]+ing\b/;

// "They", "the authors": someone acting, which background does not have.
const AUTHORS_ACT = /\b(?:they|we|the authors?|the paper|this paper)\b/i;

/**
 * Whether a sentence says what surrounds the paper rather than what it does: the state of
 * things before it, the problem, its aim alone, a label, a question, a fragment, the data it
 * was tried on.
 * (What a term means may be what the paper does: "Zoneout is the dropout of the time dimension".)
 */
function readsAsContext(c: Candidate): boolean {
  const t = c.text;
  if (c.fragment || c.formula || endsWithQuestion(t) || DEFINES_SYMBOLS.test(t)) return true;
  // (Nor what the paper found, said in Chinese: "作者发现前后并没有遗传瓶颈" names a bottleneck it did not find.)
  if (paperIsSubject(t) || authorsAreSubject(t) || SUMMARY_CUE.test(t) || METHOD_CUE.test(t) || PROPOSE_START.test(t) || HOW.test(t) || PROPOSES_CJK.test(t) || PAPER_SUBJECT_CJK.test(t) || FINDING_CJK.test(t)) return false;
  // "Since it is hard to optimize, they optimize a bound instead": the problem and what they do.
  if (AUTHORS_ACT.test(t)) return false;
  if (BACKGROUND.test(t) || PROBLEM_STATEMENT.test(t) || CONTEXT_START.test(t) || AIM_ONLY.test(t) || endsInColon(t) || PROBLEM_CJK.test(t)) return true;
  // "ROxford and RParis data set for image retrieval.": which data, with nothing done to it.
  // ("set" is a verb elsewhere: not in "data set".)
  return DATA_SETS.test(t) && !c.words.some((w, i) => w.verb && !(/^sets?$/.test(w.word) && c.words[i - 1]?.word === 'data'));
}

// "Aims to better understand how ...", "A new model that aims to regain ...": what the paper is
// for, with nothing of how.
// "Motivated to speed up R-CNN ...", "The goal is to ...": why the paper was written, as a note
// of one paper per file often opens.
const AIM_ONLY = /^(?:(?:an?|the) (?:[\w-]+ ){0,4}(?:that|which) )?aims? to\b|^motivated (?:to|by)\b|^(?:the )?(?:main )?(?:goal|aim|objective|motivation) (?:here |of (?:this|the) (?:paper|work) )?(?:is|was) to\b/i;
const DATA_SETS = /\bdata ?sets?\b/i;
// "The authors are motivated to develop ...", "This paper aims to ...", "They seek to ...", "Our
// goal is to ...": the paper's aim, said by who pursues it; how they pursue it is what follows.
const STATES_AIM = /^(?:[^,.;:]{0,40}?\b(?:we|they|the authors?|(?:this|the|our) (?:paper|work|article|study|thesis)|it)\s+)?(?:(?:is|are|was|were) (?:(?:mainly|primarily|mostly) )?motivated|aims?|aimed|seeks?|sought|sets? out|attempts?|attempted|tries|tried|wants?|wanted)\s+to\b|^(?:[^,.;:]{0,40}?\b)?(?:the|our|their|its) (?:main |primary |overall |central )?(?:goal|aim|objective|motivation)s?(?: (?:here|of (?:this|the) (?:paper|work|study)))? (?:is|was|are) to\b/i;
const BY_DOING = /\b(?:by|through|via) [a-z]+ing\b|\bby (?:using|combining|learning|introducing|means of)\b/i;

/**
 * What the scorer reads in a sentence, each with its weight: a sentence's score is the sum of its
 * features' values times their weights. (Named, so that a tool can show why a sentence won and a
 * fit against labelled notes can propose weights.)
 */
export const SENTENCE_WEIGHTS = {
  // "The key idea is ...", "TL;DR", "Essentially, ...", "Intuition: ...", "Conclusion: ...": the note's point, summed up.
  summaryCue: 3,
  paperSubject: 2,
  paperMention: 1,
  authorSubject: 1.5,
  consequence: 0.5,
  inputOutput: 1.5,
  notOnly: 1,
  /** Per verb of doing ("uses", "learns", "instead"). */
  actions: 0.7,
  /** Per word shared with the title, up to three. */
  titleWords: 0.8,
  // The method named as the subject: "So this hypernetwork can ...", "Zoneout is ...".
  titleSubject: 1.5,
  // The same where the title is a name ("HyperNetworks", "Zoneout: Regularizing RNNs ..."), not
  // a phrase whose words may open a sentence on the topic ("Federated learning is ...").
  nameSubject: 1.5,
  paperContext: -2,
  secondary: -1.5,
  readerSubject: -1,
  first: 0.6,
  second: 0.3,
  question: -3,
  aside: -2.5,
  otherWork: -3,
  critique: -2,
  contrastStart: -1,
  exampleStart: -1.5,
  elaborationStart: -1,
  asideStart: -1.5,
  definesSymbols: -3,
  contextStart: -1,
  softVerdict: -1,
  methodCue: 2.5,
  // "Topic: presenting a framework to evaluate meaning in HCI": the note-taker's line on what
  // the paper is about.
  topicLine: 2,
  proposeStart: 1.5,
  how: 1.5,
  background: -1,
  abstractBackground: -1.5,
  continues: -1,
  topicOnly: -1,
  definition: -0.8,
  problem: -1,
  // "The biochemical effects need further investigation", "It remains unclear whether ...": what
  // is left to do, not what the paper did.
  openQuestion: -1.5,
  aim: -1.5,
  result: -0.8,
  // "We find that ...", "BERT outperforms the previous best by 8%": what the paper found, over
  // the task it was set or the set-up that came first.
  finding: 1,
  settings: -3,
  citation: -1.5,
  thisIsOpening: 2,
  // "Hypersight is a system which ...", "Morphy is a hardware module that ...": the paper's own
  // thing, named by the title, said what it is.
  namesOwnThing: 2,
  leansBack: -0.8,
  endsInColon: -2,
  exclamation: -1,
  formulaLabel: -1.5,
  veryShort: -2,
  // Longer than LONG_SENTENCE: no room beside it for the sentence on how.
  long: -1,
  // Read only when choosing the main sentence (MAIN_SENTENCE_WEIGHTS).
  position: 0,
  mediumLength: 0,
} as const;

export type SentenceFeature = keyof typeof SENTENCE_WEIGHTS;
export type SentenceFeatures = Partial<Record<SentenceFeature, number>>;

/** The features a sentence has (those it lacks are left out), as it ranks among the note's sentences. */
/** The name a title gives its paper's thing ("Hypersight" of "Hypersight: boosting ...", "NELoRa"), lower-cased. */
function titleName(title: string): string {
  return (/^[\p{L}\p{N}-]+/u.exec(title)?.[0] ?? '').toLowerCase();
}

export function sentenceFeatures(c: Candidate, rank: number, count: number, titleIsName: boolean, name = ''): SentenceFeatures {
  const t = c.text;
  const { cues, actions, shared, titleInFirstFour } = c.analysis;
  const has = (cue: number): boolean => (cues & cue) !== 0;
  const f: SentenceFeatures = {};
  if (SUMMARY_CUE.test(t) || SUMMARY_CUE_CJK.test(t) || (has(Cue.Essentially) && ESSENTIALLY.test(t)) || INTUITION.test(t)) f.summaryCue = 1;
  const subjectFirst = t.replace(TO_THIS_END, '');
  const paperSubject = paperIsSubject(subjectFirst);
  const authorSubject = authorsAreSubject(subjectFirst);
  if (paperSubject || PAPER_SUBJECT_CJK.test(t) || PAPER_SUBJECT_EU.test(t)) f.paperSubject = 1;
  else if (has(Cue.Paper) && PAPER_MENTION.test(t)) f.paperMention = 1;
  if (authorSubject) f.authorSubject = 1;
  if (CONSEQUENCE.test(t)) f.consequence = 1;
  if (has(Cue.Input) && INPUT_OUTPUT.test(t)) f.inputOutput = 1;
  if (has(Cue.Only) && NOT_ONLY.test(t)) f.notOnly = 1;
  // "Instead of computing ..., we compute ...": the opening "Instead" is the method cue below;
  // it is not also a verb of doing (counted twice, it lifted an aside over the note's "Their
  // approach is to ...").
  const leadingInstead = actions.includes('instead') && /^instead\b/i.test(t) ? 1 : 0;
  if (actions.length - leadingInstead > 0) f.actions = actions.length - leadingInstead;
  if (shared.length > 0) f.titleWords = Math.min(3, shared.length);
  if (titleInFirstFour) f[titleIsName ? 'nameSubject' : 'titleSubject'] = 1;
  if (PAPER_CONTEXT.test(t)) f.paperContext = 1;
  const also = firstAlso(c.words);
  if (also > 0 && also <= 5 && SECONDARY.test(t)) f.secondary = 1;
  if (READER_SUBJECT.test(t)) f.readerSubject = 1;
  if (rank === 0) f.first = 1;
  else if (rank === 1) f.second = 1;

  if (endsWithQuestion(t)) f.question = 1;
  if (c.aside) f.aside = 1;
  if (has(Cue.OtherWork) && OTHER_WORK.test(t)) f.otherWork = 1;
  if (has(Cue.Critique) && CRITIQUE.test(t)) f.critique = 1;
  if (CONTRAST_START.test(t)) f.contrastStart = 1;
  if (EXAMPLE_START.test(t)) f.exampleStart = 1;
  if (ELABORATION_START.test(t)) f.elaborationStart = 1;
  if (ASIDE_START.test(t)) f.asideStart = 1;
  if (DEFINES_SYMBOLS.test(t)) f.definesSymbols = 1;
  if (CONTEXT_START.test(t)) f.contextStart = 1;
  const softVerdict = has(Cue.SoftVerdict) && SOFT_VERDICT.test(t);
  if (softVerdict) f.softVerdict = 1;
  if (METHOD_CUE.test(t) || PROPOSES_CJK.test(t) || PROPOSES_EU.test(t)) f.methodCue = 1;
  else if (PROPOSE_START.test(t) || SUBJECT_PROPOSES.test(subjectFirst)) f.proposeStart = 1;
  if (HOW.test(t)) f.how = 1;
  if (TOPIC_LINE.test(t)) f.topicLine = 1;
  if ((BACKGROUND.test(t) || BACKGROUND_CJK.test(t)) && !paperSubject && !authorSubject) f.background = 1;
  if (CONTINUES.test(t)) f.continues = 1;
  if (TOPIC_ONLY.test(t) || (TOPIC_ONLY_CJK.test(t) && !FINDING_CJK.test(t))) f.topicOnly = 1;
  // "Federated learning is a ...", "Flow models: smooth invertible maps": what a thing is, background.
  if (name.length >= 3 && t.slice(0, name.length).toLowerCase() === name && OWN_THING.test(t)) f.namesOwnThing = 1;
  else if ((DEFINITION.test(t) || DEFINITION_CJK.test(t)) && actions.length === 0 && !paperSubject && !SUMMARY_CUE.test(t)) f.definition = 1;
  if (PROBLEM_STATEMENT.test(t) || PROBLEM_CJK.test(t)) f.problem = 1;
  if (OPEN_QUESTION.test(t)) f.openQuestion = 1;
  if (STATES_AIM.test(t) && !HOW.test(t) && !BY_DOING.test(t)) f.aim = 1;
  if (RESULT.test(t)) f.result = 1;
  if (FINDING_STATEMENT.test(t) || FINDING_CJK.test(t)) f.finding = 1;
  if (c.settings) f.settings = 1;
  if (t.includes('(') && CITATION.test(t)) f.citation = 1;
  // (The note's first sentence has nothing before it to lean on: "This is a new encoder-decoder
  // structure ..." opening a note says what the paper is.)
  // (Not "This one is a classic", "This is one of the most cited papers": what it is, said.)
  if (rank === 0 && THIS_IS.test(t) && (actions.length > 0 || shared.length > 0 || NEW_THING.test(t)) && !softVerdict) f.thisIsOpening = 1;
  else if (LEANS_BACK.test(t) && !authorSubject) f.leansBack = 1;
  // "Multiple sources have two kinds of uncertainty:" introduces what follows; alone it says nothing.
  if (endsInColon(t)) f.endsInColon = 1;
  if (t.includes('!')) f.exclamation = 1;
  // "Formula: Gradient * Q-Learning error * (log policy + V)": how one term is computed, a detail.
  if (FORMULA_LABEL.test(t) && readsAsFormula(t)) f.formulaLabel = 1;
  if (c.wordCount < 4) f.veryShort = 1;
  if (t.length > LONG_SENTENCE) f.long = 1;
  if (count > 1 && rank > 0) f.position = rank / (count - 1);
  if (c.words.length >= 12 && c.words.length <= 35) f.mediumLength = 1;
  return f;
}

// "We propose ...", "In this paper, we introduce ...", "Our model ...": the paper's own words.
// (After a quotation's marks, "Abstract:", or a phrase: "To find a better reward, we learn ...".)
const OWN_VOICE = /^(?:abstract:\s*)?[\s"“'‘…(.]*(?:[^,]{0,120},\s*)?(?:we|our)\b/i;

/**
 * A pasted abstract, in the paper's own words ("We propose ...", "We show ..."), opens on the
 * field ("Word embeddings are useful ... but they lack interpretability.") before it says what
 * the paper does: where two sentences or more speak as the authors, the sentences before the
 * first of them that do not name the paper, its authors, its own system ("Notary is a new
 * hardware and software architecture ...") or a method are that background.
 */
function markAbstractBackground(candidates: Candidate[]): void {
  let first = -1;
  let voiced = 0;
  for (let i = 0; i < candidates.length; i++) {
    if (!OWN_VOICE.test(candidates[i]!.text)) continue;
    voiced++;
    if (first === -1) first = i;
  }
  if (voiced < 2) return;
  for (let i = 0; i < first; i++) {
    const f = candidates[i]!.features;
    if (!f.paperSubject && !f.paperMention && !f.authorSubject && !f.namesOwnThing && !f.summaryCue && !f.methodCue && !f.proposeStart) f.abstractBackground = 1;
  }
}

/**
 * What makes a sentence the main one of an answer, beyond what gives it a place in one (its
 * score): later in the note, less; a statement of twelve to 35 words, more; the title's words
 * anywhere in it, more, and at its start ("Federated learning is ...", the topic being defined),
 * less. Fitted to 623 real notes of 37 authors whose sentences were labelled by hand as stating
 * the paper's key idea or not: the main sentence states it in 62.9 % of them, not 60.4 %, in
 * each author's notes as fitted to the others'.
 */
const MAIN_SENTENCE_WEIGHTS: SentenceFeatures = { titleWords: 0.45, titleSubject: -1.2, nameSubject: -0.6, first: -0.35, second: 0.3, position: -1, mediumLength: 0.25 };

function weigh(features: SentenceFeatures, weights: SentenceFeatures): number {
  let score = 0;
  for (const name in features) score += (weights[name as SentenceFeature] ?? 0) * features[name as SentenceFeature]!;
  return score;
}

/** Where the first "also" is among the first six words (counting an empty first one), or -1. */
function firstAlso(words: WordInfo[]): number {
  for (let i = 0; i < words.length && i <= 5; i++) if (words[i]!.word === 'also') return i;
  return -1;
}

function endsWithQuestion(text: string): boolean {
  const last = text.length - 1;
  // ("容错路由指的是容什么错？": a question in Chinese or Japanese ends in a full-width mark.)
  return text[last] === '?' || text[last] === '？' || (text[last - 1] === '?' && `"')`.includes(text[last]!));
}

// ---------------------------------------------------------------------------------------------
// Composing the answer.

const ENUMERATED = /^\d{1,2}[.)]\s/;
// ", which achieve 3.57% error on ImageNet and won ...": the results after what the paper presents.
const RESULT_CLAUSE = /,\s+(?:which|that|and)\s+(?:also\s+)?(?:achiev|outperform|won\b|wins?\b|beat|reach|obtain|set(?:s)? (?:a )?new)[^]*$/i;
// "Showed simple abstract art to people ...", "They asked students either ...", "Made humans
// follow arbitrary rules ... while in fMRI", "Recorded 282 neurons": what a study did to whom.
const STUDY_SETUP = /^(?:(?:they|the authors|we|researchers)\s+)?(?:showed|asked|made|gave|presented|recorded|recruited|trained|tested|exposed|had (?:participants|subjects|people|students|mice|rats|monkeys)|created|ran|measured|scanned|played)\b/i;
// "Profound titles earned higher appraisals", "were 5 times less likely", "found that ...": what
// a study found, in comparisons.
const FINDING = /\b(?:found|find|finds|showed that|shows that|show(?:s|ed)? to (?:\w+ )?(?:be|have)|(?:was|were) (?:un)?able to|performed (?:best|better|worse)|outperform\w*|(?:is|are|was|were) the best|conclu(?:de|ded|des|sion)|turned out|times (?:more|less)|(?:more|less) likely|(?:higher|lower|better|worse|faster|slower|longer|shorter|stronger|weaker) (?:than|\w+ than)|earned (?:higher|lower)|correlat\w*|(?:increased|decreased|reduced|improved|doubled|halved)\b)/i;
// "We find that ...", "BERT outperforms ...", "evidence that ...", "significantly higher": a sentence
// saying what the paper found (FINDING reads more, "find a distribution" too, for a companion).
const FINDING_STATEMENT =
  /\b(?:finds?|found|shows?|showed|demonstrates?|demonstrated|reports?|reported|confirms?|confirmed|reveals?|revealed) that\b|\b(?:we|they|the authors?|the (?:paper|study|results?|experiments?|analysis)) (?:also )?(?:find|finds|found)\b|\b(?:is|are|was|were) found to\b|\bevidence (?:that|for|of)\b|\bcorrelat(?:es|ed|ion)s? (?:with|between)\b|\boutperform\w*|\b(?:strong|significant|important) implications\b|\bsignificantly\b|\b(?:had|has|have|did have|showed|found) (?:a |no )?(?:significant|strong|weak|large|small|positive|negative|little) (?:effects?|impacts?|influence|relationships?|differences?|associations?) (?:on|with|between|in)\b|\b(?:results?|experiments?|findings?) (?:show|suggest|indicate|demonstrate|reveal)/i;
// "研究发现 ...", "测试结果表明 ...", "实验证明 ...": what a study found, in Chinese.
const FINDING_CJK = /(?:研究|结果|实验|测量|测试|分析)(?:发现|表明|显示|证明)|发现了?|表明/;
/** How much more a study's finding counts as a companion beside its set-up. */
const FINDING_BONUS = 2;
/** How much less a sentence saying what the paper "also" does counts as a companion. */
const SECONDARY_COMPANION_PENALTY = 2;
/** A companion this good is worth cutting the main sentence's results for. */
const STRONG_COMPANION_SCORE = 3;
const FOLLOW_ON_START = /^(?:so|then|and then|and|that is|because|thus|therefore|hence)\b/i;
// "This paper studies ... . It shows that ...": "it" is the paper the sentence before named.
const IT_DOES = /^it (?:also |then |further )?(?!is\b|was\b|has\b)\p{Ll}+s\b/iu;

function saysWhatPaperIs(candidates: Candidate[], sentence: Candidate): boolean {
  const before = candidates.find((c) => c.index === sentence.index - 1);
  return before !== undefined && before.features.paperSubject === 1;
}

function composeAnswer(anchor: Candidate, candidates: Candidate[], depths: readonly number[] | undefined): string {
  const polish = polisher();
  // A numbered item brings its siblings: "1. Use ... 2. Replace ..." is one statement.
  let group = [anchor];
  if (ENUMERATED.test(anchor.text)) {
    const siblings = candidates.filter((c) => ENUMERATED.test(c.text) && Math.abs(c.index - anchor.index) <= 3);
    const together = consecutiveRun(siblings, anchor);
    if (polish(together).length <= ANSWER_BUDGET) group = together;
  }
  const first = group[0]!;
  const last = group[group.length - 1]!;

  // "So this hypernetwork can ...", "And then ..." carry on from the sentence before; "Using this
  // on ...", "tries to alleviate this by ...", "Especially for ..." lean on it: it comes along.
  const anchorFollowsOn = FOLLOW_ON_START.test(first.text) || leansBack(first.text) || (IT_DOES.test(first.text) && saysWhatPaperIs(candidates, first));
  const statesWork = depths !== undefined && statesWhatPaperDoes(first.text);
  const inChinese = CJK.test(first.text);
  // (So is a sentence on what the study is about or aims at: "This review focusses on ...".)
  const found = (c: Candidate) => FINDING.test(c.text) || (inChinese && FINDING_CJK.test(c.text));
  const setsUpStudy = group.length === 1 && (STUDY_SETUP.test(first.text) || first.features.topicOnly === 1 || first.features.aim === 1) && !found(first);
  // (The first finding after it, past how the study went on: "Then they asked students ...".)
  const finding = setsUpStudy ? candidates.find((c) => c.index > first.index && found(c)) : undefined;
  const companions: { c: Candidate; score: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (group.includes(c)) continue;
    // A bullet nested under another point ("- hard negative mining" under the aim) is a detail of
    // that point: not of a main sentence that says what the paper does. (Under a main sentence
    // that does not, "+ Want to learn how to segment ..." over "- The unsupervised IODINE
    // algorithm ...", the nested bullet may well say it.)
    if (statesWork && c.depth > first.depth && !nestedUnder(c, first, depths!)) continue;
    // A note in Chinese or Japanese quoting the paper in English: one answer, one language.
    if (CJK.test(c.text) !== inChinese) continue;
    // How it was trained, numbers and all, is no part of what it is.
    if (c.settings) continue;
    // "- Two changes make it work" over its bullets (kept from a main sentence that says what the
    // paper does, as above) says what they say: alone, nothing.
    if (statesWork && (depths![c.paragraph + 1] ?? 0) > (depths![c.paragraph] ?? 0) && countWords(c.text, LEAD_IN_WORDS) < LEAD_IN_WORDS) continue;
    const before = c.index === first.index - 1;
    const after = c.index === last.index + 1;
    // "Especially for small batches." goes on from the sentence before it: only after that one.
    if (!after && CONTINUES.test(c.text)) continue;
    // "They try two ways to learn the parameters:" introduces what follows it: only before that.
    if (!before && endsInColon(c.text)) continue;
    // "Vacuous mutual information and mis-estimation." before "Instead, move to a noisy DNN":
    // a phrase without a verb before the statement is a label of what came before it, unless it
    // opens the note (below) or the statement leans on it.
    if (before && c.fragment && c !== candidates[0] && !anchorFollowsOn) continue;
    let score = c.score;
    // Neighbours read as one thought; what follows the best sentence usually explains it.
    if (before) score += 0.5;
    if (after) score += 1;
    // A short label opening the note ("Div-norm.", "Imagenet scale adversarial training.")
    // names what the next sentence describes.
    if (before && c === candidates[0] && c.wordCount <= 5 && !CONTEXT_START.test(c.text)) score += 2;
    if (before && anchorFollowsOn) score += 2;
    if (after && FOLLOW_ON_START.test(c.text)) score += 1;
    // "Showed abstract art to people, with titles at random, and asked them to rate it." then
    // "Profound titles earned higher ratings.": a study's set-up, then what it found.
    if (c === finding) score += FINDING_BONUS;
    // "This paper actually also uses ...": a side point, beside the main one only where no other
    // sentence would join.
    if (c.features.secondary) score -= SECONDARY_COMPANION_PENALTY;
    // (Only a sentence that would join otherwise is read for a back reference.)
    if (!before && !after && score >= MIN_COMPANION_SCORE && BACK_REFERENCE.test(c.text)) score -= 1.5;
    if (score >= MIN_COMPANION_SCORE) companions.push({ c, score });
  }
  // Best first (the earlier one on a tie); the first that fits in the budget joins.
  companions.sort((a, b) => b.score - a.score || a.c.index - b.c.index);
  let chosen = group;
  let fitsBare = false;
  for (let i = 0; i < companions.length; i++) {
    const together = [...group, companions[i]!.c].sort((a, b) => a.index - b.index);
    if (polish(together).length <= ANSWER_BUDGET) {
      chosen = together;
      break;
    }
    // (A study's finding beside its set-up is worth their asides: "(~10-15% higher on a 5-point scale)".)
    if (companions[i]!.c === finding && polish(together, { dropAsides: true }).length <= ANSWER_BUDGET) {
      chosen = together;
      fitsBare = true;
      break;
    }
  }
  if (fitsBare) return polish(chosen, { dropAsides: true });
  // "The authors present ResNets, which achieve 3.57% error ...", and a strong sentence on how
  // they work that does not fit beside it: the results give way, before a weaker sentence that
  // fits takes its place ("The authors present results on ImageNet ...").
  const best = companions[0];
  if (best !== undefined && !chosen.includes(best.c) && group.length === 1 && best.score >= STRONG_COMPANION_SCORE) {
    const withoutResults = anchor.text.replace(RESULT_CLAUSE, '');
    if (withoutResults !== anchor.text && countWords(withoutResults, 4) >= 4) {
      const together = [{ ...anchor, text: withoutResults }, best.c].sort((a, b) => a.index - b.index);
      const answer = polisher()(together);
      if (answer.length <= ANSWER_BUDGET) return answer;
    }
  }

  const answer = polish(chosen);
  if (answer.length <= ANSWER_BUDGET) return answer;
  const bare = polish(chosen, { dropAsides: true });
  if (bare.length <= ANSWER_BUDGET) return bare;
  const lean = polish([anchor], { dropAsides: true });
  // "... different variables, such as states, actions, rewards, as nodes of a graphical model
  // ...": the examples go before the end of the sentence does (and before a cut).
  const withoutExamples = lean.includes(',') ? tidySpacing(lean.replace(EXAMPLES, ' ')) : lean;
  if (withoutExamples.length <= ANSWER_BUDGET) return withoutExamples;
  return cutAtWord(withoutExamples, ANSWER_BUDGET);
}

/** Whether a sentence sets how the paper was trained (SETTINGS) where its title names no such setting. */
function trainingSettings(text: string, title: string): boolean {
  return hasDigit(text) && SETTINGS.test(text) && !SETTINGS_NAMED.test(title);
}

/** Whether `text` has a digit, 0-9 (what \d is in a pattern). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

// A title about how to train: its note's settings are its idea.
const SETTINGS_NAMED = /learning rates?|batch|dropout|epoch|warm-?up|weight decay|hyper-?parameter/i;

/** "The authors propose ...", "Key idea: ...", "Introduces ...": a sentence that says what the paper does. */
function statesWhatPaperDoes(text: string): boolean {
  return paperIsSubject(text) || authorsAreSubject(text) || METHOD_CUE.test(text) || PROPOSE_START.test(text) || SUMMARY_CUE.test(text) || PROPOSES_CJK.test(text) || PAPER_SUBJECT_CJK.test(text);
}

/** Whether `c` sits in a bullet nested under the one `parent` sits in (or in its paragraph). */
function nestedUnder(c: Candidate, parent: Candidate, depths: readonly number[]): boolean {
  if (c.paragraph < parent.paragraph) return false;
  for (let p = parent.paragraph + 1; p <= c.paragraph; p++) if ((depths[p] ?? 0) <= parent.depth) return false;
  return true;
}

// ", such as states, actions, rewards," ", e.g. A, B," inside a sentence: short items between commas.
const EXAMPLES = /,\s+(?:such as|e\.g\.,?|for example|for instance|including)\s+(?:[^,;.]{1,40},\s+)*[^,;.]{1,40},(?=\s)/gi;

/**
 * Whether a short sentence has a verb. Halves of hyphenated words do not count: "Mixed-modal
 * data" has none.
 */
function hasVerb(text: string, analysis: WordAnalysis): boolean {
  if (!analysis.hasVerb || !text.includes('-')) return analysis.hasVerb;
  return readWords(text.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu, ' ')).some((w) => w.verb);
}

/** Whether a sentence leans on the one before it for what it is about. */
function leansBack(text: string): boolean {
  return ((LEANS_BACK.test(text) && !authorsAreSubject(text)) || ANSWERS_BEFORE.test(text) || CONTINUES.test(text));
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

/**
 * Sentences in the note's order -> the answer's text. Each sentence is tidied on its own: lead-ins
 * dropped (connectives too, unless it directly follows the sentence before it), the paper's "I"
 * made "they", a doubled word fixed, a capital and a full stop. Tidied sentences are remembered,
 * since trying each companion would otherwise tidy the same sentences again.
 */
function polisher(): (sentences: Candidate[], opts?: { dropAsides?: boolean }) => string {
  const memo = new Map<number, string>();
  const one = (c: Candidate, follows: boolean, dropAsides: boolean): string => {
    const key = c.index * 4 + (follows ? 2 : 0) + (dropAsides ? 1 : 0);
    let text = memo.get(key);
    if (text === undefined) {
      text = c.analysis.remarks.paperVoice ? paperVoiceToThirdPerson(c.text) : c.text;
      if (dropAsides && text.includes('(')) text = tidySpacing(text.replace(ASIDE, ''));
      const first = c.words[0]?.word === '' ? c.words[1]?.word : c.words[0]?.word;
      if (first !== undefined && LEAD_IN_FIRST_WORDS.has(first)) text = withoutLeadIns(text, !follows);
      if (hasDoubledWord(c.words)) text = text.replace(DOUBLED_WORD, '$1');
      if (PRAISE_BEFORE_NOUN.test(text)) text = withoutPraise(text);
      // (A stray quote taken off the front leaves no space there: '" We first propose ...'.)
      text = capitalise(withoutStrayQuote(text.replace(/[\s:;,–—：；，-]+$/, '')).trimStart().replace(QUOTE_CUT_BEFORE, ''));
      // (A sentence in Chinese ending in a Latin name, "基于FPN设计了RetinaNet", ends as Chinese does.)
      if (!endsSentence(text)) text += isIdeograph(text.charCodeAt(text.length - 1)) || CJK_WORDS.test(text) ? '。' : '.';
      memo.set(key, text);
    }
    return text;
  };
  return (sentences, opts = {}) => {
    const dropAsides = opts.dropAsides === true;
    let out = one(sentences[0]!, false, dropAsides);
    for (let i = 1; i < sentences.length; i++) {
      // (Chinese and Japanese put no space after a sentence.)
      out += `${ENDS_FULL_WIDTH.test(out) ? '' : ' '}${one(sentences[i]!, sentences[i - 1]!.index === sentences[i]!.index - 1, dropAsides)}`;
    }
    return out;
  };
}

// "… we study the problem of ...": where a quotation from the paper was cut before its start.
const QUOTE_CUT_BEFORE = /^(?:…|\.{3})\s*(?=\p{L})/u;

/**
 * '... can be combined with any off-policy RL algorithm."': the end of a quotation whose start
 * is in another sentence, or the start of one that ends in another. The lone mark goes, and
 * the marks around a sentence that is all quotation.
 */
function withoutStrayQuote(text: string): string {
  if (!text.includes('"')) return text;
  const marks = text.match(/"/g)!.length;
  // '"… we study the problem of ..."': a whole quotation is the note's sentence, unquoted.
  if (marks === 2) return text.replace(/^"([^"]+)"([.!?]?)$/, (_, inner: string, stop: string) => (/[.!?…]$/.test(inner.trim()) ? inner.trim() : inner.trim() + stop));
  if ((marks & 1) === 0) return text;
  if (/"[.!?]?$/.test(text)) return text.replace(/"([.!?]?)$/, '$1');
  if (text.startsWith('"')) return text.slice(1);
  return text;
}

// "Uses interesting factorization trick", "A nice overview of ...": the note-taker's praise
// of what the paper does, set before the noun, where no clause can be cut off. The card keeps
// what it is ("a factorization trick") without the judgement. (Lower case only: "Clever Hans".)
const PRAISE_BEFORE_NOUN =
  /\b(?:(an?) )?(interesting|nice|neat|clever|elegant|amazing|awesome|fascinating|impressive) (?!(?:to|that|for|and|or|but|in|on|as|at|if|because|enough|than|when)\b)(?=[a-z])/;
const ALL_PRAISE_BEFORE_NOUN = new RegExp(PRAISE_BEFORE_NOUN.source, 'gi');

function withoutPraise(text: string): string {
  return text.replace(ALL_PRAISE_BEFORE_NOUN, (whole: string, article: string | undefined, adjective: string, at: number) => {
    if (adjective[0] !== adjective[0]!.toLowerCase()) return whole;
    if (article === undefined) return '';
    // The article now stands before the next word: "an interesting trick" -> "a trick".
    const fixed = /^[aeiou]/i.test(text.slice(at + whole.length)) ? 'an' : 'a';
    return `${article[0] === 'A' ? `A${fixed.slice(1)}` : fixed} `;
  });
}

// "the the", "also been also" is left alone: only short function words, which are never doubled on purpose.
const DOUBLED_WORD = /\b(the|a|an|of|to|in|is|and|on|for) \1\b/gi;

function hasDoubledWord(words: WordInfo[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!.word;
    if (word === words[i - 1]!.word && word !== '') return true;
  }
  return false;
}

// A sentence ended the Chinese or Japanese way, maybe inside its quote: no space after it.
const SENTENCE_STOPS = `.!?…${FULL_WIDTH_STOPS}`;
const ENDS_FULL_WIDTH = new RegExp(`[${FULL_WIDTH_STOPS}][${FULL_WIDTH_CLOSERS}]*$`);
const THREE_LETTERS = /\p{L}{3}/u;
// Han or kana (see isIdeograph); two in a row, a sentence written in Chinese or Japanese.
const CJK = new RegExp(`[${IDEOGRAPH_RANGES}]`);
const QUOTED = /^["“'‘「『]/;
const CJK_WORDS = new RegExp(`[${IDEOGRAPH_RANGES}]{2}`);

/** "They try two ways:", "几种方法：": a sentence that introduces what follows it. */
function endsInColon(text: string): boolean {
  const last = text[text.length - 1];
  return last === ':' || last === '：';
}

function endsSentence(text: string): boolean {
  const last = text[text.length - 1]!;
  if (SENTENCE_STOPS.includes(last)) return true;
  return `"'’)${FULL_WIDTH_CLOSERS}`.includes(last) && SENTENCE_STOPS.includes(text[text.length - 2] ?? '');
}

// First words of the lead-ins below; a sentence starting otherwise has none to drop.
const LEAD_IN_FIRST_WORDS = new Set(
  ('in to tl tldr basically essentially actually well anyway interestingly overall the it it’s it\'s this he they ' +
    'idea main core key insight method approach contribution summary gist solution topic topics work paper our their first firstly second secondly intuition ' +
    'so and then also but however finally therefore thus hence instead because').split(' '),
);

const INTERJECTION =
  /^(?:in short|in summary|in a nutshell|to summari[sz]e|tl;?dr|basically|essentially|in fact|actually|well(?=\s*[,:–—-])|anyway|interestingly|in this paper|overall|in general|(?:idea|main idea|core idea|key insight|insight|method|approach|contribution|summary|gist|solution|topics?|(?:(?:this|our|their) )?(?:work|paper))(?=\s*:))\b\s*[,:–—-]?\s*/i;
const CONNECTIVE = /^(?:so(?! that\b)|and then|and|then|also|but|however|finally|therefore|thus|hence|instead(?=,))\b\s*,?\s*/i;
const IDEA_IS = /^the (?:key |main |core |basic |central )?idea (?:here |of (?:this|the) paper )?is(?: simply| just)?(?: to| that|:)?\s+/i;
const SAYING = /^(?:it|this|the paper|this paper|the article|this article|he|they)(?:['’]s| is)? saying(?: that)?\s+/i;
const PAPER_SAYS_THAT =
  /^(?:the|this) (?:paper|article|work) (?:says|said|states) that\s+(?!(?:I|we|my|our|you|they)\b)/i;
const SEEMS = /^it seems(?: that| to be| like)?\s+/i;

const BECAUSE = /^because\s+/i;
// All of the above in one pattern: a sentence that matches none of them is left as it is
// after one look rather than six.
const ANY_LEAD_IN = new RegExp([INTERJECTION, IDEA_IS, SAYING, PAPER_SAYS_THAT, SEEMS, INTUITION].map((re) => `(?:${re.source})`).join('|'), 'i');
const ANY_LEAD_IN_OR_CONNECTIVE = new RegExp(`${ANY_LEAD_IN.source}|(?:${CONNECTIVE.source})|(?:${BECAUSE.source})`, 'i');

/** Drops the words that lead into a statement without being part of it; keeps the meaning. */
function withoutLeadIns(text: string, dropConnectives: boolean): string {
  let out = text;
  for (let guard = 0; guard < 6; guard++) {
    if (!(dropConnectives ? ANY_LEAD_IN_OR_CONNECTIVE : ANY_LEAD_IN).test(out)) break;
    const before = out;
    out = out.replace(INTERJECTION, '').replace(IDEA_IS, '').replace(SAYING, '').replace(PAPER_SAYS_THAT, '').replace(SEEMS, '').replace(INTUITION, '');
    if (dropConnectives) {
      out = out.replace(CONNECTIVE, '');
      // "Because X." alone reads as an answer; "Because X, Y" needs its because.
      if (!out.includes(',')) out = out.replace(BECAUSE, '');
    }
    if (out === before) break;
  }
  return countWords(out, 3) >= 3 ? out : text;
}

function cutAtWord(text: string, budget: number): string {
  const room = text.slice(0, budget - 1);
  const clause = Math.max(room.lastIndexOf(', '), room.lastIndexOf('; '), room.lastIndexOf(': '));
  const end = clause >= budget * 0.6 ? clause : room.lastIndexOf(' ');
  return `${room.slice(0, end > 0 ? end : room.length).replace(/[\s,;:.–—-]+$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// Words.

/** One pass over a sentence's words: what remarkKind and scoreSentence need from them. */
export interface WordAnalysis {
  remarks: RemarkSignals;
  cues: number;
  /** Distinct verbs of doing, at most three. */
  actions: string[];
  /** Distinct title words used. */
  shared: string[];
  titleInFirstFour: boolean;
  /** Some word is a verb (see WordInfo.verb): without one, a short sentence is a fragment. */
  hasVerb: boolean;
}

function analyseWords(words: WordInfo[], titleWords: Set<string>): WordAnalysis {
  const remarks: RemarkSignals = { low: 0, high: 0, paperVoice: false };
  let cues = 0;
  const actions: string[] = [];
  const shared: string[] = [];
  let titleInFirstFour = false;
  let hasVerb = false;
  let position = 0;
  for (let i = 0; i < words.length; i++) {
    const info = words[i]!;
    if (info.word === '') continue;
    position++;
    remarks.low |= info.remarks.low;
    remarks.high |= info.remarks.high;
    if (info.remarks.paperVoice) remarks.paperVoice = true;
    cues |= info.cue;
    if (info.verb) hasVerb = true;
    if (info.action !== null && actions.length < 3 && !actions.includes(info.action)) actions.push(info.action);
    if (titleWords.has(info.stem)) {
      if (!shared.includes(info.stem)) shared.push(info.stem);
      if (position <= 4) titleInFirstFour = true;
    }
  }
  return { remarks, cues, actions, shared, titleInFirstFour, hasVerb };
}

// Verbs of doing: what a paper proposes, uses, adds, trains, finds. Whole words, then stems.
const ACTION_WORDS = new Set(
  ('study studies studied studying use uses used using add adds added train trains trained learn learns learned build builds ' +
    'show shows showed found find finds treat treats apply applies applied dynamically automatically instead rather').split(' '),
);
const ACTION_STEMS = [
  'propos', 'present', 'introduc', 'imitat', 'distill', 'design', 'combin', 'deriv', 'provid', 'discover', 'suggest',
  'minimi', 'maximi', 'replac', 'prevent', 'unroll', 'generat', 'predict', 'reduc', 'optimi', 'prun', 'penali',
];

/** What the scorer needs to know about one word; worked out once per distinct word. */
interface WordInfo {
  /** The word in lower case. */
  word: string;
  remarks: RemarkSignals;
  cue: number;
  /** The verb of doing it is a form of, or null. */
  action: string | null;
  stem: string;
  /** Too short or too common to tell what a text is about (see STOPWORDS). */
  minor: boolean;
  /** A form of a verb, as far as a word alone tells ("is", "trained", "uses"; not "learning"). */
  verb: boolean;
}

const LEXICON = new Vocabulary<WordInfo>(describeWord);

/** The text's words (as wordsOf reads them), each with what the scorer knows of it. */
function readWords(text: string): WordInfo[] {
  const words: WordInfo[] = [];
  LEXICON.read(text, words);
  return words;
}

const NO_REMARK: RemarkSignals = { low: 0, high: 0, paperVoice: false };

function describeWord(word: string): WordInfo {
  // Numbers carry no cue (and are not stemmed). They are described each time they are read, so
  // they take this short way; other words are described once.
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return { word, remarks: NO_REMARK, cue: 0, action: null, stem: word, minor: isMinor(word), verb: false };
  return describeNewWord(word);
}

function describeNewWord(word: string): WordInfo {
  const action = ACTION_WORDS.has(word) ? word : (ACTION_STEMS.find((stem) => word.startsWith(stem)) ?? null);
  return { word, remarks: remarkSignals(word), cue: CUE_WORDS.get(word) ?? 0, action, stem: stem(word), minor: isMinor(word), verb: isVerb(word, action) };
}

// Verbs of notes written in shorthand, as bare forms and with -s ("Dropout helps", "Mix labels").
// Words ending in -ing are left out: "learning", "training", "embedding" are as often nouns.
const VERB_WORDS = new Set([
  ...'is are was were be been being has have had can could will would should may might must do does did'.split(' '),
  ...('improve help work make give allow enable require need lead perform outperform yield match beat scale converge ' +
    'generalize generalise run take keep let look seem become mean depend map compute encode decode capture extract ' +
    'estimate sample mix remove solve avoid exploit transform fit get set put cause')
    .split(' ')
    .flatMap((verb) => [verb, verb.endsWith('x') ? `${verb}es` : `${verb}s`]),
]);

// "-ed" words that are not a sentence's verb: "graph based model", "a speed".
const NOT_VERBS_IN_ED = new Set(['based', 'speed']);

function isVerb(word: string, action: string | null): boolean {
  return action !== null || VERB_WORDS.has(word) || (word.length >= 5 && word.endsWith('ed') && !NOT_VERBS_IN_ED.has(word));
}

function isMinor(word: string): boolean {
  return word.length < 2 || STOPWORDS.has(word);
}

// Words without which the pattern they guard cannot match: one pass over a sentence's words
// sets these bits, and a pattern runs only when its bit is set.
const Cue = { Paper: 1, Input: 2, Only: 4, OtherWork: 8, Critique: 16, SoftVerdict: 32, Essentially: 64, From: 128 } as const;
const CUE_WORDS = new Map<string, number>();
for (const [cue, words] of [
  [Cue.Paper, 'paper article work'],
  [Cue.Input, 'input inputs'],
  [Cue.Only, 'only'],
  [Cue.OtherWork, 'another other previous earlier similar prior plug next following'],
  [Cue.Critique, 'problem drawback drawbacks downside downsides limitation limitations weakness weaknesses reproduce cost speed slow'],
  [Cue.SoftVerdict, 'well better interesting'],
  [Cue.Essentially, 'essentially'],
  [Cue.From, 'from'],
] as const) {
  for (const w of words.split(' ')) CUE_WORDS.set(w, (CUE_WORDS.get(w) ?? 0) | cue);
}

// Words that carry no subject: a title's or a sentence's words around the ones that say something.
const FUNCTION_WORDS = new Set(
  ('a an the of for and or in on to with via by from through towards toward what does do it its take is are be ' +
    'how why when we our you your not no can beyond ' +
    // Halves of hyphenated words ("Pre-training", "Multi-Agent") say nothing on their own.
    'pre non multi semi sub self co re anti inter over under post end').split(' '),
);

// Title words too common in ML titles to say a sentence is about this paper.
const STOPWORDS = new Set([
  ...FUNCTION_WORDS,
  ...'using based learning neural network networks deep model models approach improving improved new training'.split(' '),
]);

function contentWords(text: string): Set<string> {
  const set = new Set<string>();
  const words = readWords(text);
  for (let i = 0; i < words.length; i++) {
    const info = words[i]!;
    if (!info.minor) set.add(info.stem);
  }
  return set;
}

// Just enough stemming to match "visualize" with "Visualizing" and "networks" with "network".
// Longest first; "iz" kept so "normalize" and "normalizing" meet at "normaliz".
const SUFFIXES: [string, string][] = [
  ['ations', ''], ['ation', ''], ['izing', 'iz'], ['ized', 'iz'], ['izes', 'iz'], ['ize', 'iz'],
  ['ing', ''], ['ed', ''], ['es', ''], ['s', ''], ['e', ''],
];

function stem(word: string): string {
  if (word.endsWith('ss')) return word;
  for (let i = 0; i < SUFFIXES.length; i++) {
    const suffix = SUFFIXES[i]![0];
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length) + SUFFIXES[i]![1];
  }
  return word;
}

/** "Zoneout." under "Zoneout: Regularizing RNNs ...": says nothing the title does not. */
function restatesTitle(words: WordInfo[], titleWords: Set<string>): boolean {
  let content = 0;
  for (let i = 0; i < words.length; i++) {
    const info = words[i]!;
    if (info.minor) continue;
    if (!titleWords.has(info.stem)) return false;
    content++;
  }
  return content > 0;
}

// Words that say a paper exists, not what it does ("Proposes a model for ..."): beside a title's
// words they add nothing to it.
const SAYS_A_PAPER_EXISTS = new Set(
  ('that this these which as at into their use uses used using based model models approach new novel improve improves ' +
    'improved improving propose proposes introduce introduces ' +
    'present presents framework method technique system work paper study studies perform performs more better ' +
    'efficient simple effective investigate investigates explore explores examine examines analyze analyzes analyse ' +
    'analyses evaluate evaluates capability capabilities ability both also various different')
    .split(' ')
    .map(stem),
);

// Words that say what kind of paper it is, what it is for, or how good it is, not what it does:
// "an overview of some ideas", "a new idea to ...", "aims to help ...", "a cheap and scalable
// ...", "high-fidelity", "user-friendly". Beside a title's words they add nothing to it, unless
// the title has them ("Reinforcement Learning, Fast and Slow").
const SAYS_WHAT_KIND = new Set(
  ('some many several idea ideas algorithm overview review survey summary aim aims help helps provide provides ' +
    'high quality fidelity cheap scalable fast robust accurate powerful performant lightweight flexible versatile ' +
    'practical important user friendly')
    .split(' ')
    .map(stem),
);

/** The most words a sentence may add to its title's and still only restate it ("proprietary"). */
const MOST_ADDED = 1;
/** A sentence longer than this says more than its title, whatever its words. */
const MOST_RESTATING_WORDS = 25;

/**
 * Whether a sentence says no more than its title, if not in the title's words alone: "Proposes a
 * model for zero-shot image-to-image translation." under "Zero-shot Image-to-Image Translation".
 * It is made of the title's words (in any form, or as a short name: titleWordsSaid), the words
 * that only say a paper exists or what kind of paper it is, and at most one more; it takes more
 * of its words from the title than it adds ("Drops recurrence." under "Attention Is All You
 * Need" adds the idea itself); and it says at least half of what the title, or the title's part
 * before or after its colon, says ("A variant of Q learning." under "... Trust Region Fitted
 * Q-Iteration" shares a word by chance, and places the method). A card made of it would be its
 * own answer: a reading list's one-line summaries are often just that.
 */
function nearlyRestatesTitle(words: WordInfo[], title: TitleSubject): boolean {
  if (words.length > MOST_RESTATING_WORDS) return false;
  const covered = new Set<string>();
  let added = 0;
  let fromTitle = 0;
  for (let i = 0; i < words.length; i++) {
    const info = words[i]!;
    // Common ML words ("training", "network") count: "Imagenet scale adversarial training."
    // under "Adversarial machine learning at scale" adds two words to it.
    if (saysNothingOfItsOwn(info)) continue;
    const said = titleWordsSaid(info, title);
    if (said.length > 0) {
      fromTitle += said.length;
      for (let k = 0; k < said.length; k++) covered.add(said[k]!);
    } else if (!SAYS_WHAT_KIND.has(info.stem) && ++added > MOST_ADDED) return false;
  }
  return fromTitle >= Math.max(2, added) && (saysHalf(covered, title.stems) || title.parts.some((part) => saysHalf(covered, part)));
}

/** Whether the stems `covered` hold at least half of `stems`. */
function saysHalf(covered: Set<string>, stems: Set<string>): boolean {
  let n = 0;
  for (const stem of stems) if (covered.has(stem)) n++;
  return 2 * n >= stems.size;
}

/** A word shorter than this is not read as another form of a title word that it begins, or begins it. */
const MIN_SHARED_FORM = 5;

/**
 * The title's words (stems) a sentence's word says again: itself; another form of it
 * ("generative" of "Generating", "potentially" of "Potential"); or a short name made of their
 * initials ("LLMs" of "Large Language Models", "RL" of "Reinforcement Learning").
 */
function titleWordsSaid(info: WordInfo, title: TitleSubject): string[] {
  if (title.stems.has(info.stem)) return [info.stem];
  const short = title.shortNames.get(info.word.endsWith('s') ? info.word.slice(0, -1) : info.word);
  if (short !== undefined) return short;
  if (info.stem.length < MIN_SHARED_FORM) return [];
  for (const stem of title.stems) {
    if (stem.length >= MIN_SHARED_FORM && (info.stem.startsWith(stem) || stem.startsWith(info.stem))) return [stem];
  }
  return [];
}

/** A function word, or a word that only says a paper exists: what nearlyRestatesTitle passes over. */
function saysNothingOfItsOwn(info: WordInfo): boolean {
  return info.word.length < 2 || FUNCTION_WORDS.has(info.word) || SAYS_A_PAPER_EXISTS.has(info.stem);
}

/** What nearlyRestatesTitle compares a sentence with. */
interface TitleSubject {
  /** The stems of the title's words that say something of their own. */
  stems: Set<string>;
  /** Initials of two to four title words in a row ("llm"), with the stems among those words. */
  shortNames: Map<string, string[]>;
  /**
   * The stems before and after the title's colon: "Hard Prompts Made Easy: Gradient-Based
   * Discrete Optimization for ..." says its subject twice, and a sentence that says again either
   * half says again what the title says.
   */
  parts: Set<string>[];
}

// A title is asked about once per part of its note read (lead, body, context) and again for the
// answer: worked out once. The last one is enough, as one paper is read at a time.
let lastSubject: { title: string; subject: TitleSubject } | null = null;

function titleSubjectWords(title: string): TitleSubject {
  if (lastSubject?.title === title) return lastSubject.subject;
  const subject = titleSubjectWordsOf(title);
  lastSubject = { title, subject };
  return subject;
}

function titleSubjectWordsOf(title: string): TitleSubject {
  const stems = new Set<string>();
  const shortNames = new Map<string, string[]>();
  const words = readWords(title).filter((info) => info.word !== '');
  for (let i = 0; i < words.length; i++) {
    const info = words[i]!;
    if (!saysNothingOfItsOwn(info)) stems.add(info.stem);
    // A short name is read from words that name something: "Learning to Rank" gives none.
    let initials = '';
    const named: string[] = [];
    for (let k = i; k < words.length && k < i + 4; k++) {
      const word = words[k]!;
      if (word.word.length < 2 || FUNCTION_WORDS.has(word.word)) break;
      initials += word.word[0];
      if (!saysNothingOfItsOwn(word)) named.push(word.stem);
      if (k > i && named.length > 0 && !shortNames.has(initials)) shortNames.set(initials, [...named]);
    }
  }
  const colon = title.indexOf(': ');
  const parts: Set<string>[] = [];
  if (colon > 0) {
    for (const part of [title.slice(0, colon), title.slice(colon + 2)]) {
      const stemsOfPart = new Set<string>();
      for (const info of readWords(part)) if (info.word !== '' && !saysNothingOfItsOwn(info)) stemsOfPart.add(info.stem);
      if (stemsOfPart.size >= 2) parts.push(stemsOfPart);
    }
  }
  return { stems, shortNames, parts };
}

/** Whether `answer` says no more than `title` (nearlyRestatesTitle), read as the ranking reads text. */
export function answerRestatesTitle(title: string, answer: string): boolean {
  if (!CJK.test(title) && CJK_WORDS.test(answer)) return false;
  return nearlyRestatesTitle(readWords(answer), titleSubjectWords(title));
}

/**
 * Whitespace-separated tokens with a letter or digit in them ("(dense)" is a word, "—" is not),
 * counted up to `upTo`: every rule asks "at least n words?", and stopping there saves reading
 * the rest of the sentence.
 */
function countWords(text: string, upTo: number): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10) counted = false;
    else if (code >= 0x3040 && isIdeograph(code)) {
      if (++n >= upTo) return n;
      counted = false;
    } else if (!counted && isWordChar(code)) {
      if (++n >= upTo) return n;
      counted = true;
    }
  }
  return n;
}


function isWordChar(code: number): boolean {
  // ASCII letters and digits, and anything past Latin-1 punctuation (accented and other scripts).
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;
}

// Written in lower case in quick notes ("lstm is not really long"); at the start of an answer
// "Lstm" reads wrong, so these are set in capitals there.
const ACRONYMS = new Set(
  'lstm rnn rnns gan gans cnn cnns vae vaes dae daes vgg relu ctc mnist gru mlp rl nlp svm pca kl sgd bert gpt'.split(' '),
);

function capitalise(text: string): string {
  const code = text.charCodeAt(0);
  if (code < 97 || code > 122) return text;
  let end = 1;
  while (end < text.length && text.charCodeAt(end) >= 97 && text.charCodeAt(end) <= 122) end++;
  const first = text.slice(0, end);
  if (ACRONYMS.has(first)) return first.toUpperCase() + text.slice(end);
  return String.fromCharCode(code - 32) + text.slice(1);
}

/** Markdown and control characters off: cards show plain text. */
function plainText(text: string): string {
  const clean = stripControl(text);
  if (!/[[*_`>#]/.test(clean)) return clean;
  return clean
    // "Uses #bayesian stats.": a tag written into the sentence is its word.
    .replace(/(^|[\s(])#(?=\p{L})/gu, '$1')
    // TeX's quotes, ``word'' (or ``word"), as LaTeX writers type them in any notes.
    .replace(/``([^`'"\n]{1,200}?)(?:''|")/g, '“$1”')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/^[ \t]*>[ \t]?/gm, '');
}
