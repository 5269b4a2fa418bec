// Telling the note-taker's voice from the paper's. Conference notes mix what a paper does with
// what its reader felt about it: "I did not fully understand", "Gustav said he had a similar
// idea", "Paper from our group", "SCOOPED", "Oral, but...". None of that may reach a card.
// Each test here looks at one clause or a whole sentence (patterns tied to the start of a clause
// also match after ", "), so a sentence with no remark is cleared in one pass. The patterns are
// compiled once and are plain alternations without nested repetition: linear in the text.

export type RemarkKind =
  | 'first-person'
  | 'hearsay'
  | 'provenance'
  | 'verdict'
  | 'hedge'
  | 'talk'
  | 'aside'
  /** Where to find the paper, its code or its recording ("The paper can be found here"). */
  | 'pointer'
  /** The reader on what the paper is really about ("Not really about attention, actually - ..."). */
  | 'scope';

// The words that wake the patterns of where else to look, and of what the authors should have
// done (one trigger group for all of them: the groups are few, see below).
const ASIDE_WORDS =
  'found available online accessible linked link links downloaded read seen watched accessed paper code recording video slides see cf compare used implementations implementation nothing should judge explore';

// Each pattern runs only when its trigger words are in the text: `when` lists groups of words,
// and every group must have one of its words there. A sentence is split into words once, and
// most sentences of a note wake none of the patterns below.
interface Pattern {
  kind: RemarkKind;
  when: string[];
  re: RegExp;
}

const INTENSIFIERS = 'very really quite super so pretty extremely little bit kind rather';
const PRAISE =
  'interesting cool nice impressive impressing attractive elegant hot messy beautiful clever neat boring confusing exciting promising surprising fascinating amazing dank vague useful good great awesome bad strong convincing obscure';

const PATTERNS: Pattern[] = [
  // "I", "I'm", "my", "me": the note-taker. (The paper's own "I", as in "This paper says that I
  // want ...", is told apart by ownVoice below; "I/O page remapping" is no one.)
  {
    kind: 'first-person',
    when: ["i i'm i’m i've i’ve i'd i’d i'll i’ll me my mine myself personally"],
    re: /(?<![\w-])(?:I(?!\/Os?\b)(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Pp]ersonally)(?![\w-])/,
  },
  {
    kind: 'first-person',
    when: ['our we', 'group lab team seminar journal discussion previous discussed talked'],
    re: /\b(?:our (?:reading group|group|lab|team|seminar|journal club|discussion|previous)|we (?:have )?discussed|we talked)\b/i,
  },
  {
    kind: 'hearsay',
    when: ['said says told tell tells rumor rumors rumour rumours heard according guessed'],
    re: /\b(?:said|says so|told (?:me|us)|tells? (?:me|us)|rumou?rs?|heard|according to (?:the )?(?:authors?|speaker|presenter|him|her|them)|(?:he|she|they) guessed)\b/i,
  },
  {
    kind: 'provenance',
    when: ['from by', 'our my same'],
    re: /\b(?:(?:paper|work|article|submission)s? (?:from|by) (?:our|my|the same)|from (?:our|my) (?:group|lab|team|department|school|university|institute|company|colleagues?))\b/i,
  },
  {
    kind: 'provenance',
    when: ['from by', 'undergrad undergraduate undergraduates undergrads student students intern interns'],
    re: /\b(?:from|by) an? (?:(?:phd|master['’]?s|high[- ]school|first[- ]year|young|visiting) )?(?:undergrad(?:uate)?|student|intern)s?\b/i,
  },
  { kind: 'provenance', when: ['independent', 'work'], re: /\bindependent work\b/i },
  // "Presented at reading group", "Cited in chapter 3", "Mentioned by Petar in class": where the
  // note-taker met the paper.
  {
    kind: 'provenance',
    when: ['presented discussed mentioned cited covered recommended'],
    re: /^(?:(?:this|it|the paper) (?:was |is )?)?(?:presented|discussed|mentioned|cited|covered|recommended) (?:at|in|by|for|during)\b/i,
  },
  // "Very influential, highly cited.", "A classic.": how the paper is regarded.
  {
    kind: 'verdict',
    when: ['influential cited citations classic seminal'],
    re: /^(?:very |highly |hugely |quite )?(?:influential|(?:highly|much|widely|heavily) cited|an? classic|seminal)\b|(?:^|[.;,] )cited (?:over|more than|by over) [\d,.]+|(?:^|[.;,] )[\d,.]+k? citations\b/i,
  },
  // "Paper from DeepMind", "Google's paper", "TTI's work" at the start of a clause.
  { kind: 'provenance', when: ['from by', 'paper work'], re: /(?:^|[,;:] )(?:an? |the )?(?:paper|work) (?:from|by) [A-Z]/ },
  {
    kind: 'provenance',
    when: ['paper work article group lab team'],
    re: /(?:^|[,;:] )(?:[A-Z][\w&.-]*)['’]s (?:paper|work|article|group|lab|team)\b/,
  },
  // Remarks about the talk or the poster rather than the paper.
  {
    kind: 'talk',
    when: ['oral orals poster posters spotlight presentation talk slides q&a q blog listen listening listened'],
    // (Q&A is the talk's only as "in the Q&A" or "Q&A session": "Science Q&A" is a task.)
    // (A blog is the talk's kind of aside as "a blog post about it", "their blog": "Tumblr blog
    // posts" analysed are data.)
    // (Slides under a microscope or a scanner are data: "3064 MRI slides", "histology slides".)
    re: /\b(?:oral|orals|poster|posters|spotlight|presentation|the talk|(?<!\b(?:mri|ct|pet|x-ray|histology|histological|histopathology|pathology|tissue|microscope|microscopy|glass|whole|image|imaging|2d|3d)[ -])slides|(?:in|during|at) the q ?& ?a|q ?& ?a session|(?:a|an|the|this|their|his|her|its|my|our|\w+['’]s) blog|blog posts? (?:by|from|about|on|explaining)|listen(?:ing|ed)? to)\b/i,
  },
  { kind: 'hedge', when: ['wrong'], re: /\b(?:maybe|might be|could be) wrong\b/i },
  { kind: 'hedge', when: ['sure'], re: /\bnot sure\b/i },
  // "... does 300 epochs for who knows why", "(not specified which)": the note-taker puzzled.
  { kind: 'hedge', when: ['knows'], re: /\bwho knows\b/i },
  { kind: 'hedge', when: ['specified stated explained mentioned'], re: /^(?:it(?:['’]s| is) )?not (?:specified|stated|explained|mentioned) (?:which|why|how|what|where|when)\b/i },
  { kind: 'hedge', when: ['correct'], re: /\bcorrect me\b/i },
  { kind: 'hedge', when: ['remember recall'], re: /\bif i (?:remember|recall)\b/i },
  {
    kind: 'hedge',
    when: ["did didn't didn’t didnt do don't don’t dont", 'look read listen understand see get follow check'],
    re: /\b(?:did ?n[o'’]?t (?:look|read|listen|understand|see|get|follow|check)|do(?:n['’]t| not) (?:fully |really )?(?:understand|get|follow))\b/i,
  },
  { kind: 'hedge', when: ['clear understood'], re: /\bnot (?:fully )?(?:clear|understood)\b/i },
  { kind: 'hedge', when: ['carefully'], re: /\b(?:read|look(?:ed)?|listen(?:ed)?) (?:it |at it |at the paper |to it )?carefully\b/i },
  { kind: 'hedge', when: ['guess guessed tried feeling vague'], re: /\b(?:guess(?:ed)?|(?:had|have) not tried|have ?n['’]t tried|not tried|(?:my|a|the|gut) feeling|feeling (?:is|that|somewhat|like|a bit)|^feeling|vague for)\b/i },
  {
    kind: 'verdict',
    when: [INTENSIFIERS, PRAISE],
    re: /\b(?:very|really|quite|super|so|pretty|extremely|a little(?: bit)?|a bit|kind of|rather) (?:interesting|cool|nice|impressive|impressing|attractive|elegant|hot|messy|beautiful|clever|neat|boring|confusing|exciting|promising|surprising|fascinating|amazing|dank|vague|obscure)\b/i,
  },
  {
    kind: 'verdict',
    when: [`seem seems look looks sound sounds ${INTENSIFIERS}`, PRAISE],
    re: /\b(?:(?:seems?|looks?|sounds?) (?:\w+ )?|(?:is|are) (?:also )?(?:very|really|quite|so|pretty|super) )(?:useful|good|great|nice|promising|interesting|cool|impressive|hot|messy|amazing|awesome|dank)\b(?! (?:at|for|in|on|to|as|than)\b)/i,
  },
  {
    kind: 'verdict',
    when: ['result results', PRAISE],
    re: /\bresults? (?:look|looks|are|is|seem|seems)(?: \w+){0,2} (?:good|great|impressive|nice|promising|bad|interesting|amazing|strong|convincing)\b/i,
  },
  {
    kind: 'verdict',
    when: ['dank scooped awesome overrated underrated meh wow impressing'],
    re: /\b(?:dank|scooped|awesome|overrated|underrated|meh|wow|impressing)\b/i,
  },
  // "Turning alchemy of batch norm into electricity, lol.": the note-taker joking. What the
  // laugh closes is the joke, not the paper's statement: it goes with it.
  { kind: 'aside', when: ['lol haha hahaha lmao rofl'], re: /\b(?:lol|haha|hahaha|lmao|rofl)\b/i },
  { kind: 'verdict', when: ['knows'], re: /\b(?:everyone|everybody|anyone|nobody) knows\b/i },
  // "A very interesting paper.", "Very simple and effective way.", "A theory paper." (But "A
  // survey paper on neural ranking models studying ..." says what the paper is.)
  {
    kind: 'verdict',
    when: [
      'simple effective nice good great interesting cool neat elegant clever important fun solid strong theory theoretical empirical classic famous survey position short workshop',
      'paper idea way method work trick approach read one',
    ],
    re: /(?:^|[,;:] )(?:an? |the )?(?:(?:very|really|quite|super) )?(?:(?:simple|effective|nice|good|great|interesting|cool|neat|elegant|clever|important|fun|solid|strong|classic|famous|short)(?:,? (?:and|but) (?:(?:very|really|quite) )?\w+)? (?:paper|idea|way|method|work|trick|approach|read|one)\b|(?:theory|theoretical|empirical|survey|position|workshop)(?:,? (?:and|but) (?:(?:very|really|quite) )?\w+)? (?:paper|work|one)\b(?! (?:on|about|of|that|which|for|\w+ing)\b))/i,
  },
  {
    kind: 'verdict',
    when: ['idea', 'cool nice neat simple interesting good great clever elegant'],
    re: /\bthe idea is (?:very |really |quite )?(?:cool|nice|neat|simple|interesting|good|great|clever|elegant)\b/i,
  },
  {
    kind: 'verdict',
    when: ['improved convincing believe overclaim overclaims overclaimed overclaiming'],
    re: /\b(?:needs to be improved|could be improved|not convincing|hard to believe|overclaim\w*)\b/i,
  },
  { kind: 'verdict', when: ['name title'], re: /\b(?:in its|in the) (?:name|title)\b|\bthe title\b/i },
  { kind: 'verdict', when: ['father mother grandfather godfather ancestor'], re: /\b(?:father|mother|grandfather|godfather|ancestor) of\b/i },
  { kind: 'verdict', when: ['understand', 'easier easy hard difficult'], re: /\b(?:easier|easy|hard|difficult) to understand\b/i },
  { kind: 'verdict', when: ['worth must highly award awarded best'], re: /\b(?:worth (?:reading|a read|a look|checking|applying|using|trying)|must[- ]read|highly recommend(?:ed)?|best paper|award(?:ed)?)\b/i },
  { kind: 'hedge', when: ['would', 'nice interesting good cool great'], re: /\bwould be (?:nice|interesting|good|cool|great) to\b/i },
  { kind: 'hedge', when: ['unclear'], re: /\bunclear\b/i },
  { kind: 'talk', when: ['presented speaker', 'by'], re: /\b(?:presented by|speaker)\b/i },
  // "The paper can be found [here](url).", "Code is available online", "Link to the paper": where
  // to read it, not what it does (the link itself is gone from the text).
  {
    kind: 'pointer',
    when: [ASIDE_WORDS],
    // (Only the whole sentence, or with where after it: "Code is available as a graph once ..." says what the paper does.)
    // "The R package can be downloaded from CRAN", "Recording can be found around 13min",
    // "Authors release the code in this github", and "The paper is." (what "The paper is
    // [here](url)" leaves), "Paper link" (what "Paper link - https://..." leaves).
    re: /^(?:the |a |an |its |their )?(?:[\w'’-]+ ){0,2}(?:paper|pdf|preprint|arxiv version|(?:source )?code|implementation|(?:[\w-]+ )?package|library|repo(?:sitory)?|notebook|slides|video|recording|project page|abstract|talk|poster|blog post)\b[^.;]{0,40}?\b(?:can be (?:found|read|accessed|downloaded|seen|watched)|(?:is|are) (?:available|online|accessible|linked))\b(?:\s*(?:here|online|publicly|for free|around [^.;,]{1,20}|(?:on|at|from|in|via|through)(?: [^.;,]{1,40})?))*\s*[.!]?$|^links? (?:to|for) (?:the |their )?(?:paper|slides|code|video|recording|poster)\b|^(?:the |a )?(?:(?:paper|pdf|code|slides|video|recording)(?: links?)?|links?)(?: is| are| can be found)?\s*[.:]?$|^(?:the )?(?:authors?|they)(?:['’]s?)? (?:also )?(?:release[sd]?|open[- ]sourced?|share[sd]?|publish(?:ed|es)?|provided?|provides|made available) (?:the |their |all |its )?(?:source )?(?:code|implementation|weights)\b[^.;]{0,40}[.!]?$/i,
  },
  // "Used in World Models.", "Many implementations (Keras, PyTorch).", "Nothing found online on
  // this work but tweets.": where else it turns up, not what it does.
  {
    kind: 'pointer',
    when: [ASIDE_WORDS],
    re: /^(?:(?:it is |it's |also )?used (?:in|by) [A-Z][^.;]{0,60}[.!]?$|(?:many|several|some|lots of) (?:\w+ )?implementations?\b[^.;]{0,60}[.!]?$|nothing (?:found|online)\b)/i,
  },
  // "The authors should try the 2.4GHz band", "can not judge its applicability for NLP", "The
  // paper does not explore possibilities like these": the note-taker's review of the paper.
  {
    kind: 'verdict',
    when: [ASIDE_WORDS],
    re: /\b(?:the authors|they|it|the paper|this paper) should (?:try|have|consider|also|compare|address|test|evaluate|explore)\b|\bcan ?not judge\b|\b(?:does|do|did) not (?:explore|address|discuss|consider|evaluate)\b/i,
  },
  // "Also see [Score Networks](url), the earlier version", "See also ...", "Cf. ...": another work
  // to read, not what this one does.
  { kind: 'pointer', when: [ASIDE_WORDS], re: /^(?:(?:also|and) )?(?:see(?: also)?\s+(?!how\b|that\b|why\b|what\b|whether\b)|cf\.?\s|compare (?:with|to)\s)/i },
  // "..., which is nice", "it's cool": a verdict tacked onto a statement.
  {
    kind: 'verdict',
    when: ['which that this it it’s it\'s', 'nice cool neat great good interesting awesome elegant clever impressive fun'],
    re: /\b(?:which|that|this|it)(?: is|['’]s| was) (?:also )?(?:nice|cool|neat|great|good|interesting|awesome|elegant|clever|impressive|fun)\b(?! (?:at|for|in|on|to|as|than|enough)\b)/i,
  },
  // "Coool -", "Whoa", "Brilliant!", "a good reference", "pretty non-trivial".
  {
    kind: 'verdict',
    when: ['coool cooool whoa woah brilliant reference nontrivial non-trivial trivial'],
    re: /^(?:co{3,}l|whoa|woah|brilliant)\b|\b(?:good|great|nice|useful) reference\b|\b(?:pretty|quite|very) (?:non-?)?trivial\b/i,
  },
  // "Skimmed.", "supposedly within a magnitude", "seemingly amazing", "might not be that great".
  {
    kind: 'hedge',
    when: ['skimmed supposedly seemingly apparently implementable comparison compare'],
    re: /\b(?:skimmed|supposedly|seemingly|implementable|no comparison|does(?:n['’]?t| not) compare)\b/i,
  },
  { kind: 'hedge', when: ['might', 'great good'], re: /\bmight not be (?:that |so |very )?(?:great|good)\b/i },
  // "Only theoretical; no results.", "No hard results; just figures showing that it works": the
  // reader judging the evidence, not what the paper does.
  {
    kind: 'verdict',
    when: ['results experiments evaluation theoretical figures plots'],
    re: /^(?:no (?:hard |real |empirical |experimental |quantitative |convincing )?(?:results|experiments|evaluation)|only theoretical|just (?:figures|plots))\b/i,
  },
  // "If you're looking for open problems, ...": advice to the reader, not the paper's idea.
  { kind: 'verdict', when: ['if', 'you you\'re you’re'], re: /^if you(?:['’]re| are| want| need| have)\b/i },
  // "great figures", "nice slides", "well written": about the paper as a read, not its idea.
  {
    kind: 'verdict',
    when: ['figures figure plots slides writing written visualizations visualisations read talk poster presentation explained'],
    re: /\b(?:great|nice|good|beautiful|clear|pretty|lovely|excellent|fun|easy|quick|hard|tough) (?:figures?|plots|slides|writing|visuali[sz]ations|read|talk|poster|presentation)\b|\b(?:well|nicely|clearly|beautifully|badly|poorly) (?:written|explained|presented)\b/i,
  },
  // "...; interesting phenomena observed", "nice results shown": a verdict with nothing said of
  // what was observed. "They uncovered clear, practical insights.": praise for insights it does
  // not give ("insights into X" says what they are about, and is no remark).
  {
    kind: 'verdict',
    when: ['observed found shown reported obtained seen insights insight'],
    re: /(?:^|[,;:] )(?:some |many |several )?(?:very |really |quite )?(?:interesting|surprising|cool|nice|impressive|amazing|fascinating|strong|good|great)(?: \w+){1,2} (?:observed|found|shown|reported|obtained|seen)[.;,:]?$|\b(?:clear|practical|useful|interesting|valuable|deep|important|great|nice)(?:,? (?:and )?\w+)? insights?[.;,:]?$/i,
  },
  // "... will be a fascinating research area to track", "a space to watch": the reader's forecast
  // for a field, not what the paper does. "Not straightforward but there is potential ...": the
  // reader weighing the paper's future.
  {
    kind: 'verdict',
    when: ['track watch follow eye straightforward potential'],
    re: /\b(?:area|areas|space|topic|topics|direction|directions|field|fields|trend|trends) to (?:track|watch|follow|keep an eye on)\b|\bworth (?:tracking|watching|following)\b|^not (?:very |really |so |that )?straightforward\b|\bthere is (?:a lot of |some |great |huge |real )?potential\b/i,
  },
  // "Not really about attention, actually - the key addition is ...": the reader setting the
  // title right; what follows says what the paper is about.
  { kind: 'scope', when: ['about'], re: /^not (?:really |actually |quite |so much |entirely )?(?:about|a paper (?:about|on))\b/i },
  // "Doesn't appear to create an intermediate representation, as the authors were probably
  // attempting to do": the reader guessing at what the paper did not manage.
  {
    kind: 'hedge',
    when: ['appear seem probably'],
    re: /^(?:does|did)(?:n['’]?t| not) (?:appear|seem) to\b|\b(?:the authors|they) (?:were|are) probably\b|\bprobably (?:attempting|trying|intended|meant)\b/i,
  },
  // "for the reading group", "in journal club": where the note-taker will use it.
  {
    kind: 'first-person',
    when: ['group club seminar meeting class course quals qualifier'],
    re: /\b(?:for|in|at|to) (?:the|our|my|next|this week['’]?s) (?:reading group|journal club|seminar|lab meeting|group meeting|class|course|quals|qualifier)\b/i,
  },
];

// First person with the "I" left out, at the start of a sentence: "Did not look at the paper
// carefully", "Didn't see this paper before", "Listened carefully for a while".
const ELIDED_FIRST_PERSON =
  /^(?:read (?:this|it)\b|check (?:this|it) out|did ?n[o'’]?t|didn['’]t|did not|have ?n['’]?t|have not|has ?n['’]t|listened|missed|skimmed|skipped|went to|saw (?:it|this|the)|heard|talked|asked|attended|not sure|not (?:yet )?read|only skimmed|no idea|need to|must read|to read|to do|todo|will (?:read|check|look)|should (?:read|check|look)|wish|hope to|glad|loved|liked|enjoyed|remember)\b/i;

// "NOTE very important for a later chapter in thesis", "Pretty familiar with most of this": a
// note to self, in capitals ("Note that the loss ..." is the paper's), or what the reader knows.
const NOTE_TO_SELF = /^(?:NOTE\b|(?:[Pp]retty |[Qq]uite |[Vv]ery |[Nn]ot )?[Ff]amiliar with\b)/;
// "Too few pictures to understand.": how the paper reads, not what it says. (Read here, by its
// start, as the patterns' trigger groups are full.)
const HOW_IT_READS = /^too (?:few|many) (?:pictures|figures|diagrams|illustrations)\b/i;
// "This is a paper in ECS251(winter 20) reading list.": why the note-taker read it.
const ON_A_READING_LIST = /^(?:this|it) (?:is|was) (?:a|one) (?:paper|reading|article) (?:in|on|from|of) (?:the |my |our |a )?[^.;]{0,40}\breading list\b/i;

// Each word group of each pattern gets a bit; a word maps to the bits of the groups it is in.
// A pattern runs when all of its groups' bits are set. Two 32-bit masks hold the groups.
// (The masks of pattern i are NEEDS_LOW[i] and NEEDS_HIGH[i]: flat arrays, because the loop
// over them runs for every sentence, mostly before the optimising compiler has seen it.)
const GROUP_WORDS = new Map<string, [number, number]>();
const NEEDS_LOW: number[] = [];
const NEEDS_HIGH: number[] = [];
{
  let group = 0;
  // Patterns that wake on the same words share their group's bit.
  const groupOf = new Map<string, [0 | 1, number]>();
  for (const pattern of PATTERNS) {
    const needs: [number, number] = [0, 0];
    for (const words of pattern.when) {
      let at = groupOf.get(words);
      if (at === undefined) {
        at = [group < 31 ? 0 : 1, 1 << group % 31] as [0 | 1, number];
        groupOf.set(words, at);
        for (const word of words.split(' ')) {
          const bits: [number, number] = GROUP_WORDS.get(word) ?? [0, 0];
          bits[at[0]] |= at[1];
          GROUP_WORDS.set(word, bits);
        }
        group++;
      }
      needs[at[0]] |= at[1];
    }
    NEEDS_LOW.push(needs[0]);
    NEEDS_HIGH.push(needs[1]);
  }
  if (group > 62) throw new Error('remarks: too many trigger groups for two masks');
}
const WORD_SPLIT = /[^a-z0-9'’&]+/;

/** A text's words in lower case, as every word test here and in key-idea.ts reads them. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(WORD_SPLIT);
}

/** Past this many distinct words a vocabulary starts over: only a pathological file gets there. */
const MAX_VOCABULARY = 200_000;

// What each character is in a word, as wordsOf reads it: its lower case (a letter, digit, "'",
// "&" or "’"), or SEPARATOR. Two characters lower-case into letters ("İ" into "i̇", the Kelvin
// sign into "k"): a text with either is lower-cased whole first. No other character does
// (checked against every code point). One table, so the loop over a text has no rare branch.
const SEPARATOR = -1;
const LOWER_CASE_FIRST = -2;
const WORD_CODES = new Int16Array(0x10000).fill(SEPARATOR);
for (let code = 0; code < 128; code++) {
  const lower = code >= 65 && code <= 90 ? code + 32 : code;
  if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) || lower === 39 || lower === 38) WORD_CODES[code] = lower;
}
WORD_CODES[0x2019] = 0x2019;
WORD_CODES[0x130] = LOWER_CASE_FIRST;
WORD_CODES[0x212a] = LOWER_CASE_FIRST;

interface Entry<T> {
  word: string;
  hash: number;
  info: T;
  next: Entry<T> | null;
}

/**
 * Reads texts into words exactly as wordsOf does, and gives what `describe` says of each word
 * (a describer that needs the word keeps it in what it returns). Notes use a small vocabulary,
 * so each distinct word is described once and kept. Reading is one pass over the text that
 * lower-cases, splits and looks words up as it goes: making a lower-case copy, splitting it and
 * hashing every word as a new string took most of the time of reading a note. Numbers are many
 * and mostly distinct: described each time, not kept.
 */
export class Vocabulary<T> {
  private buckets: (Entry<T> | null)[] = new Array<Entry<T> | null>(1024).fill(null);
  private size = 0;

  constructor(private readonly describe: (word: string) => T) {}

  /** What describe says of each word of wordsOf(text), in order, appended to `infos`. */
  read(text: string, infos: T[]): void {
    const infosBefore = infos.length;
    const length = text.length;
    let start = 0;
    let hash = 0;
    let inGap = false;
    // The text's end is read as one more separator.
    for (let i = 0; i <= length; i++) {
      const code = i < length ? WORD_CODES[text.charCodeAt(i)]! : SEPARATOR;
      if (code >= 0) {
        if (inGap) {
          inGap = false;
          start = i;
          hash = 0;
        }
        hash = (Math.imul(hash, 31) + code) | 0;
      } else if (code === SEPARATOR) {
        // A separator ends the word before it: an empty one at the very start, and at the end
        // after a trailing separator, as split gives.
        if (!inGap) {
          infos.push(this.lookUp(text, start, i, hash));
          inGap = true;
        } else if (i === length) {
          infos.push(this.lookUp(text, i, i, 0));
        }
      } else {
        // No character lower-cases into "İ" or the Kelvin sign: the lower-case text reads plainly.
        infos.length = infosBefore;
        this.read(text.toLowerCase(), infos);
        return;
      }
    }
  }

  /** The info of text[start, end), in any case; `hash` is of its lower case. */
  private lookUp(text: string, start: number, end: number, hash: number): T {
    const first = start < end ? text.charCodeAt(start) : 0;
    if (first >= 48 && first <= 57) return this.describe(text.slice(start, end).toLowerCase());
    const buckets = this.buckets;
    let entry = buckets[hash & (buckets.length - 1)] as Entry<T> | null;
    while (entry !== null && (entry.hash !== hash || !spells(entry.word, text, start, end))) entry = entry.next;
    if (entry === null) entry = this.insert(text.slice(start, end).toLowerCase(), hash);
    return entry.info;
  }

  private insert(word: string, hash: number): Entry<T> {
    if (this.size >= MAX_VOCABULARY) {
      this.buckets = new Array<Entry<T> | null>(1024).fill(null);
      this.size = 0;
    }
    if (this.size >= this.buckets.length) this.grow();
    const at = hash & (this.buckets.length - 1);
    const entry: Entry<T> = { word, hash, info: this.describe(word), next: this.buckets[at] as Entry<T> | null };
    this.buckets[at] = entry;
    this.size++;
    return entry;
  }

  private grow(): void {
    const old = this.buckets;
    const buckets = new Array<Entry<T> | null>(old.length * 2).fill(null);
    const mask = buckets.length - 1;
    for (let i = 0; i < old.length; i++) {
      let entry = old[i] as Entry<T> | null;
      while (entry !== null) {
        const next = entry.next;
        entry.next = buckets[entry.hash & mask] as Entry<T> | null;
        buckets[entry.hash & mask] = entry;
        entry = next;
      }
    }
    this.buckets = buckets;
  }
}

/** Whether text[start, end), lower-cased, is `word`. */
function spells(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (WORD_CODES[text.charCodeAt(start + k)] !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * What one word wakes in remarkKind: two masks of trigger groups, and whether it is a verb of
 * saying that may hand the sentence to the paper's voice. For callers that already walk a
 * sentence's words (key-idea.ts does, once) and pass the merged result back as `signals`.
 */
export function remarkSignals(word: string): RemarkSignals {
  const bits = GROUP_WORDS.get(word);
  return { low: bits?.[0] ?? 0, high: bits?.[1] ?? 0, paperVoice: PAPER_VOICE_VERBS.has(word) };
}

export interface RemarkSignals {
  low: number;
  high: number;
  paperVoice: boolean;
}

const SIGNAL_WORDS = new Vocabulary<RemarkSignals>(remarkSignals);

function signalsOf(text: string): RemarkSignals {
  const signals: RemarkSignals[] = [];
  SIGNAL_WORDS.read(text, signals);
  const merged: RemarkSignals = { low: 0, high: 0, paperVoice: false };
  for (let i = 0; i < signals.length; i++) {
    const one = signals[i]!;
    merged.low |= one.low;
    merged.high |= one.high;
    if (one.paperVoice) merged.paperVoice = true;
  }
  return merged;
}

/**
 * What kind of note-taker's remark a clause or sentence is, or null when it is not one.
 * `signals` are its words' remarkSignals merged, when the caller has them (else they are read
 * here); `sentenceStart` says whether the text begins a sentence.
 */
export function remarkKind(text: string, signals: RemarkSignals | null = null, sentenceStart = true): RemarkKind | null {
  let own = text;
  let wake = signals ?? signalsOf(text);
  if (wake.paperVoice) {
    own = ownVoice(text);
    if (own !== text) wake = signalsOf(own);
  }
  if (sentenceStart) {
    const start = own.trimStart();
    if (ELIDED_FIRST_PERSON.test(start) || NOTE_TO_SELF.test(start)) return 'first-person';
    if (HOW_IT_READS.test(start)) return 'verdict';
    if (ON_A_READING_LIST.test(start)) return 'provenance';
  }
  if (EMOTICON.test(own)) return 'aside';
  const { low, high } = wake;
  if (low === 0 && high === 0) return null;
  for (let i = 0; i < PATTERNS.length; i++) {
    const needLow = NEEDS_LOW[i]!;
    const needHigh = NEEDS_HIGH[i]!;
    if ((low & needLow) === needLow && (high & needHigh) === needHigh && PATTERNS[i]!.re.test(own)) return PATTERNS[i]!.kind;
  }
  return null;
}

// "Something like a halting problem for directed graphs :)", "works, sort of ;-)", "🙂": a face
// is the note-taker's, as a paper has none. (Only where a face stands alone, after a space and
// at the end or before one: not "f(x:)" in a formula.)
const EMOTICON = /(?:^|\s)[:;]-?[)(DPp](?=[\s.!?,]*$|\s)|[\u{1F600}-\u{1F644}\u{1F910}-\u{1F92F}]/u;

// "This paper says that I want ...": after such an attribution, "I" and "my" are the paper's.
const PAPER_VOICE = /\b(?:this|the) (?:paper|article|work|authors?|abstract)\s+(?:says|said|argues|claims|states|writes|thinks|asks)\s+(?:that\s+)?(?=(?:I|we|my|our)\b)/i;
const PAPER_VOICE_VERB = /\b(?:says|said|argues|claims|states|writes|thinks|asks)\b/;
const PAPER_VOICE_VERBS = new Set('says said argues claims states writes thinks asks'.split(' '));

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
  const m = PAPER_VOICE_VERB.test(text) ? PAPER_VOICE.exec(text) : null;
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

/**
 * A parenthesis that is the note-taker talking: "(Code available)", "(he guessed ...)", "(... 0.5?)",
 * or sending the reader elsewhere: "(see this for an explanation of duality)" pointed at a link
 * that a card does not show.
 */
export function isRemarkAside(inner: string): boolean {
  if (/\?/.test(inner)) return true;
  if (/\b(?:code|slides|video)(?: is)? (?:available|online|released)\b|\bgithub\b|\barxiv\b|\bsee (?:also|my|the blog|this|these|here)\b/i.test(inner)) return true;
  return remarkKind(inner) !== null;
}

// Sentences that are about something other than this paper's idea: another paper, a problem
// the note-taker sees, a question. They stay usable but rank low.
export const OTHER_WORK =
  /\b(?:another|other|previous|earlier|similar|prior|next|following) (?:papers?|works?|approach(?:es)?|methods?)\b|\bthere is a similar\b|\bin plug ?& ?play\b/i;
export const CRITIQUE =
  /\b(?:there is a problem|the problem is|drawbacks?|downsides?|limitations?|weakness(?:es)?|no one can reproduce|can(?:not|['’]t) reproduce|cost is (?:still )?(?:very )?high|speed is (?:very )?(?:low|slow)|is (?:very )?slow)\b/i;
