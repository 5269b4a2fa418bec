// Telling the note-taker's voice from the paper's. Conference notes mix what a paper does with
// what its reader felt about it: "I did not fully understand", "Gustav said he had a similar
// idea", "Paper from our group", "SCOOPED", "Oral, but...". None of that may reach a card.
// Each test here looks at one clause or sentence; the patterns are compiled once, and each is
// a plain alternation without nested repetition, so checking a note stays linear in its length.

export type RemarkKind =
  | 'first-person'
  | 'hearsay'
  | 'provenance'
  | 'verdict'
  | 'hedge'
  | 'talk'
  | 'aside';

// "I", "I'm", "my", "me": the note-taker. (The paper's own "I", as in "This paper says that I
// want ...", is told apart by paperVoiceStart below.)
const FIRST_PERSON = /(?<![\w-])(?:I(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Pp]ersonally)(?![\w-])/;
// First person with the "I" left out, at the start of a sentence: "Did not look at the paper
// carefully", "Didn't see this paper before", "Listened carefully for a while".
const ELIDED_FIRST_PERSON =
  /^(?:did ?n[o'’]?t|didn['’]t|did not|have ?n['’]?t|have not|has ?n['’]t|listened|missed|skimmed|skipped|went to|saw (?:it|this|the)|heard|talked|asked|attended|not sure|no idea|need to|must read|to read|to do|todo|will (?:read|check|look)|should (?:read|check|look)|wish|hope to|glad|loved|liked|enjoyed|remember)\b/i;
const OUR_GROUP = /\b(?:our (?:reading group|group|lab|team|seminar|journal club|discussion|previous)|we (?:have )?discussed|we talked)\b/i;
const HEARSAY =
  /\b(?:said|says so|told (?:me|us)|tells? (?:me|us)|it is said|it['’]s said|rumou?rs?|heard|according to (?:the )?(?:authors?|speaker|presenter|him|her|them)|he guessed|she guessed|they guessed)\b/i;
const PROVENANCE = [
  /\b(?:paper|work|article|submission)s? (?:from|by) (?:our|my|the same)\b/i,
  /\bfrom (?:our|my) (?:group|lab|team|department|school|university|institute|company|colleagues?)\b/i,
  /\b(?:from|by) an? (?:(?:phd|master['’]?s|high[- ]school|first[- ]year|young|visiting) )?(?:undergrad(?:uate)?|student|intern)s?\b/i,
  /\bindependent work\b/i,
  /^(?:an? |the )?(?:paper|work) (?:from|by) [A-Z]/,
  // "Google's paper", "TTI's work" at the start of a clause.
  /^(?:[A-Z][\w&.-]*)['’]s (?:paper|work|article|group|lab|team)\b/,
];
const VERDICT = [
  /\b(?:very|really|quite|super|so|pretty|extremely|a little(?: bit)?|a bit|kind of|rather) (?:interesting|cool|nice|impressive|impressing|attractive|elegant|hot|messy|beautiful|clever|neat|boring|confusing|exciting|promising|surprising|fascinating|amazing|dank|vague)\b/i,
  /\b(?:(?:seems?|looks?|sounds?) (?:\w+ )?|(?:is|are) (?:also )?(?:very|really|quite|so|pretty|super) )(?:useful|good|great|nice|promising|interesting|cool|impressive|hot|messy|amazing|awesome|dank)\b(?! (?:at|for|in|on|to|as|than)\b)/i,
  /\bresults? (?:look|looks|are|is|seem|seems)(?: \w+){0,2} (?:good|great|impressive|nice|promising|bad|interesting|amazing|strong|convincing)\b/i,
  /\b(?:dank|scooped|awesome|overrated|underrated|meh|wow|lol|impressing)\b/i,
  /\b(?:everyone|everybody|anyone|nobody) knows\b/i,
  /^(?:an? |the )?(?:(?:very|really|quite|super) )?(?:simple|effective|nice|good|great|interesting|cool|neat|elegant|clever|important|fun|solid|strong|theory|theoretical|empirical|classic|famous|survey|position|short|workshop)(?:,? (?:and|but) (?:(?:very|really|quite) )?\w+)? (?:paper|idea|way|method|work|trick|approach|read|one)\b/i,
  /\bthe idea is (?:very |really |quite )?(?:cool|nice|neat|simple|interesting|good|great|clever|elegant)\b/i,
  /\b(?:needs to be improved|could be improved|not convincing|hard to believe|overclaim\w*)\b/i,
  /\b(?:in its|in the) (?:name|title)\b|\bthe title\b/i,
  /\b(?:father|mother|grandfather|godfather|ancestor) of\b/i,
  /\b(?:easier|easy|hard|difficult) to understand\b/i,
];
const HEDGE =
  /\b(?:maybe wrong|might be wrong|could be wrong|not sure|correct me|if i (?:remember|recall|understand)|did ?n[o'’]?t (?:look|read|listen|understand|see|get|follow|check)|do(?:n['’]t| not) (?:fully |really )?(?:understand|get|follow)|not (?:fully )?(?:clear|understood)|(?:read|look(?:ed)?|listen(?:ed)?) (?:it |at it |at the paper |to it )?carefully|guess(?:ed)?|(?:had|have) not tried|have ?n['’]t tried|not tried|feeling|vague for)\b/i;
// Remarks about the talk or the poster rather than the paper.
const TALK = /\b(?:oral|orals|poster|posters|spotlight|presentation|the talk|slides|q ?& ?a|blog|listen(?:ing|ed)? to)\b/i;

/** What kind of note-taker's remark a clause or sentence is, or null when it is not one. */
export function remarkKind(text: string, opts: { sentenceStart?: boolean } = {}): RemarkKind | null {
  const own = ownVoice(text);
  if (FIRST_PERSON.test(own) || OUR_GROUP.test(own)) return 'first-person';
  if (opts.sentenceStart !== false && ELIDED_FIRST_PERSON.test(own.trimStart())) return 'first-person';
  if (HEARSAY.test(own)) return 'hearsay';
  if (PROVENANCE.some((re) => re.test(own.trimStart()))) return 'provenance';
  if (TALK.test(own)) return 'talk';
  if (HEDGE.test(own)) return 'hedge';
  if (VERDICT.some((re) => re.test(own.trimStart()))) return 'verdict';
  return null;
}

// "This paper says that I want ...": after such an attribution, "I" and "my" are the paper's.
const PAPER_VOICE = /\b(?:this|the) (?:paper|article|work|authors?|abstract)\s+(?:says|said|argues|claims|states|writes|thinks|asks)\s+(?:that\s+)?(?=(?:I|we|my|our)\b)/i;

/** The part of a sentence in the note-taker's own voice: everything before "This paper says that I...". */
function ownVoice(text: string): string {
  const m = PAPER_VOICE.exec(text);
  return m ? text.slice(0, m.index + m[0].length) : text;
}

/**
 * Rewrites the paper's first person after an attribution into the third person, so a card
 * never reads as if the note-taker said it: "This paper says that I want X" -> "This paper
 * says that they want X".
 */
export function paperVoiceToThirdPerson(text: string): string {
  const m = PAPER_VOICE.exec(text);
  if (!m) return text;
  const head = text.slice(0, m.index + m[0].length);
  const tail = text
    .slice(m.index + m[0].length)
    .replace(/\bI am\b/g, 'they are')
    .replace(/\bI was\b/g, 'they were')
    .replace(/\bI['’]m\b/g, 'they are')
    .replace(/\bI\b/g, 'they')
    .replace(/\b[Mm]y\b/g, 'their')
    .replace(/\b[Mm]e\b/g, 'them');
  return head + tail;
}

/** A parenthesis that is the note-taker talking: "(Code available)", "(he guessed ...)", "(... 0.5?)". */
export function isRemarkAside(inner: string): boolean {
  if (/\?/.test(inner)) return true;
  if (/\b(?:code|slides|video)(?: is)? (?:available|online|released)\b|\bgithub\b|\barxiv\b|\bsee (?:also|my|the blog)\b/i.test(inner)) return true;
  return remarkKind(inner) !== null;
}

// Sentences that are about something other than this paper's idea: another paper, a problem
// the note-taker sees, a question. They stay usable but rank low.
export const OTHER_WORK =
  /\b(?:another|other|previous|earlier|similar|prior) (?:papers?|works?|approach(?:es)?|methods?)\b|\bthere is a similar\b|\bin plug ?& ?play\b/i;
export const CRITIQUE =
  /\b(?:there is a problem|the problem is|drawbacks?|downsides?|limitations?|weakness(?:es)?|no one can reproduce|can(?:not|['’]t) reproduce|cost is (?:still )?(?:very )?high|speed is (?:very )?(?:low|slow)|is (?:very )?slow)\b/i;
