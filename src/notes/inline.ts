// Inline runs -> the plain text a card shows: no link syntax or URLs, no emphasis marks, no
// HTML, no emoji shortcodes, LaTeX made readable. And the title at the start of a paragraph,
// list item or cell (`**Title** ...`, `[Title](url) - ...`), which is how many notes name papers.
import { stripControl } from '../core/sanitize.js';
import { ENDS_WANTING_MORE } from '../core/text.js';
import type { Inline, InlineRun } from './document.js';
import { latexToText } from './latex.js';

/** Link labels that name where a link goes, not what the paper says: "[pdf]", "[code]". */
const GENERIC_LABEL =
  /^(?:(?:(?:link|go) to |open |read |view |download )(?:the )?(?:pdf|paper|arxiv|code|slides?|video|notes?)|(?:the |original |full )?(?:paper|article|pdf|code|slides?|video|project)(?: (?:link|links|page|url|pdf|here))?|arxiv|abs|abstract|link|links|here|this|code|github|repo|slides?|video|talk|poster|blog|post|project(?: page)?|website|web|site|url|html|openreview|doi|bib(?:tex)?|official|source|data(?:set)?|demo|review|reviews|notes?|summary|youtube|twitter|tweet|thread|medium|semantic scholar|papers with code|pwc|\d{4}\.\d{4,5}(?:v\d+)?)$/i;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+(?:\([^\s<>()]*\)[^\s<>()]*)*/gi;
const EMOJI_SHORTCODE = /(?<![\w:]):[a-z0-9_+-]{2,40}:(?![\w:])/g;
const HTML_ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

export function isGenericLinkLabel(label: string): boolean {
  // ("[~Paper](url)", "[~Video](url)": a tilde marks the label as a pointer, as brackets do.)
  const text = label.replace(/[[\]()~]/g, '').trim();
  return text === '' || GENERIC_LABEL.test(text) || /^(?:https?:\/\/|www\.)/i.test(text);
}

/**
 * The runs without their lines that hold only links ("[[url][open source software]]", "- [Code](url)"):
 * a pointer to somewhere else says nothing of the paper, whatever its label. The same runs when
 * no line is so.
 */
export function withoutLinkOnlyLines(runs: Inline): Inline {
  const lines: Inline[] = [[]];
  for (const run of runs) {
    if (run.kind === 'break') lines.push([]);
    else if (run.kind === 'text' && run.text.includes('\n')) {
      const parts = run.text.split('\n');
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) lines.push([]);
        if (parts[i] !== '') lines[lines.length - 1]!.push({ kind: 'text', text: parts[i]! });
      }
    } else lines[lines.length - 1]!.push(run);
  }
  const kept = lines.filter((line) => !linkOnly(line));
  if (kept.length === lines.length) return runs;
  const out: Inline = [];
  kept.forEach((line, i) => {
    if (i > 0) out.push({ kind: 'break' });
    out.push(...line);
  });
  return out;
}

const FOOTNOTE_MARK = /\[\^[^\]\s]{1,40}\]/g;

function linkOnly(line: Inline): boolean {
  let links = 0;
  let label = '';
  for (const run of line) {
    // "[Replaces recurrence with self-attention over all positions](notes/transformer.md)": a
    // label that is a sentence says something, wherever it points.
    if (run.kind === 'link' && readsAsSentence(inline(run.children))) return false;
    if (run.kind === 'link') links++;
    else if ((run.kind === 'strong' || run.kind === 'em') && run.children.length === 1 && run.children[0]!.kind === 'link') links++;
    else if (run.kind === 'text' && links === 0) label += run.text;
    // ("[Article](url)[^Bazil2010]": a footnote's mark after a link says nothing either.)
    else if (run.kind === 'text' ? /[\p{L}\p{N}]/u.test(run.text.replace(FOOTNOTE_MARK, '')) : run.kind !== 'image' && run.kind !== 'html') return false;
  }
  // "Code: [repo](url)", "元の論文の公開ページ : [arxiv.org](url)": a label naming its link.
  return links > 0 && (!/[\p{L}\p{N}]/u.test(label) || LINK_LABEL.test(label.trim()));
}

// A few words or a short phrase ending in a colon, saying nothing but what the link is.
const LINK_LABEL = /^(?:[\p{L}\p{N}'’()-]+[ \t]*){1,6}[:：]$|^[^\s.!?。！？]{1,20}[ \t]*[:：]$/u;

/** Five words or more, most not capitalised: a sentence, not a title or a name. */
function readsAsSentence(label: string): boolean {
  const words = label.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length >= 5 && words.filter((w) => /^\p{Lu}/u.test(w)).length * 5 < words.length * 3;
}

/**
 * inlineText of the runs already read: a block's runs are read as a note's text, for a
 * section's text, for its first line (the same runs when there is one line) and for its title.
 * A document's runs are not changed once it is read.
 */
const inlineTexts = new WeakMap<Inline, string>();

/** Plain text of inline runs; line breaks stay "\n". */
export function inlineText(runs: Inline): string {
  let text = inlineTexts.get(runs);
  if (text === undefined) {
    text = tidy(inline(runs));
    inlineTexts.set(runs, text);
  }
  return text;
}

function runText(run: InlineRun): string {
  switch (run.kind) {
    case 'text':
      return textOf(run.text);
    case 'strong':
    case 'em':
    case 'strike':
      return inline(run.children);
    case 'link': {
      const label = inline(run.children);
      return isGenericLinkLabel(label) ? '' : label;
    }
    case 'code':
      return run.text;
    case 'math':
      // (An equation set apart is read by inline(), which sees what is around it.)
      return latexToText(run.text);
    case 'break':
      return '\n';
    case 'html':
    case 'image':
      return '';
  }
}

function inline(runs: Inline): string {
  let out = '';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.kind === 'link' && bracketedPointer(out, run, runs[i + 1])) continue;
    out += run.kind === 'math' && run.display && setApart(out, runs[i + 1]) ? '' : runText(run);
  }
  return out;
}

/**
 * "\[[samples](url)\]", "[[demo](url)]": a link of a word or two in brackets of its own, after or
 * beside a sentence, points somewhere; inside a sentence ("raw audio [samples](url) one at a
 * time") its label is a word of it. (The brackets left empty are tidied away.)
 */
function bracketedPointer(before: string, link: Extract<InlineRun, { kind: 'link' }>, next: InlineRun | undefined): boolean {
  if (!/\[\s*$/.test(before) || next?.kind !== 'text' || !/^\s*\]/.test(next.text)) return false;
  return inline(link.children).trim().split(/\s+/).length <= 2;
}

/**
 * Whether an equation set apart ($$...$$) stands outside its sentence, between `before` (the
 * text so far) and the run after it: it reads as nothing a card can show ("L^CLIP(θ) = E_t [
 * min(r_t(θ) A_t, ...) ]"), and is left out where its sentence reads whole without it: after a
 * full stop or colon, or where the sentence ends with it ("... (slowness regulariser)
 * $$TAR = ...$$."). Inside a sentence ("The loss is $$FL(p_t) = ...$$ which down-weights ...")
 * it is read as inline math is, or the sentence would lose a word.
 */
function setApart(before: string, next: InlineRun | undefined): boolean {
  const prior = before.trimEnd();
  if (prior === '' || /[.:!?;。：！？；]$/.test(prior)) return true;
  const ends = next === undefined || next.kind === 'break' || (next.kind === 'text' && /^\s*(?:[.!?;。！？；]|$)/.test(next.text));
  return ends && !ENDS_WANTING_MORE.test(prior);
}


// Notes text reaches here decoded (notes/decode.ts), control characters already gone.
function textOf(text: string): string {
  let out = text;
  // Pandoc citations, "[@vaswani2017]", "[see @lee2019, p. 4; @chen2020]": a bibliography's keys.
  if (out.includes('@') && out.includes('[')) out = out.replace(PANDOC_CITATION, '');
  if (out.includes('://') || out.includes('www.')) out = out.replace(URL, urlGone);
  if (out.includes(':')) out = out.replace(EMOJI_SHORTCODE, '');
  if (out.includes('&')) out = out.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => HTML_ENTITY[e] ?? e);
  return out;
}

const PANDOC_CITATION = /\[[^\][\n]{0,80}?-?@[\w:.#$%&+?<>~\/-]+[^\][\n]{0,200}\]/g;

/**
 * What is left where a bare URL was: nothing, or a full stop where the sentence ended with it
 * ("Data available at https://... Two methods are ..."), so the next one is a sentence of its own.
 */
function urlGone(url: string, offset: number, text: string): string {
  const end = offset + url.length;
  if (!/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) return '';
  // The words since the last sentence's end: a sentence of its own only when there are some.
  const before = text.slice(Math.max(0, offset - 200), offset);
  const since = before.slice(before.search(/[^.!?:;]*$/));
  return since.trim().split(/\s+/).filter(Boolean).length >= 3 ? '.' : '';
}

// "composi- tional", "dramati- cally", "refer- ential": the second piece is the end of a word,
// a few letters and a suffix, which no word typed after a dash is ("idea- replace", "self-
// attention" stay as written).
const PASTED_HYPHEN =
  /(\p{Ll}{2})- (\p{Ll}{0,4}(?:tion|tions|sion|sions|tional|ment|ments|ness|ity|ities|ally|cally|ically|ential|ative|atives|able|ible|ance|ence|ances|ences|ous|ism|isms|ist|ists|ize|izes|ized|izing|ise|ised|ure|ures|ory|ary|ogy|ical|ly|ed|ing|ings|er|ers|al|ic|ics|ive|ives))\b/gu;
// "pro- pose", "com- prehension", "ir- relevant": a word cut after its first syllable, a few
// letters that are no word of their own. (A short word before a dash, "idea- replace", "self-
// attention", "in- and out-", stays as typed.)
const CUT_SYLLABLE = /(?<![\p{L}\p{N}'’-])(\p{Ll}{2,4})- (\p{Ll}{3,})\b/gu;
const WORD_BEFORE_DASH = new Set(
  ('also back base best both case code core data deep each edge else even fact fast fine five four free from full goal good half ' +
    'hand hard high idea into just key know last left less life like line long loss main make many mean more most much must near ' +
    'need next node only open over part plus post real rich role rule same self semi side size slow some such tail task test text ' +
    'than that them then they this time tree true type unit upon used user very view well were what when wide will with word work ' +
    'year zero and but for the are its our can one two six ten all any few has had her his how may new non not now old own see she ' +
    'too use via was who why yes top low end set off out day an as at be by do go he if in is it me my no of on or so to up we').split(' '),
);
const WORD_AFTER_DASH = new Set(['and', 'or', 'nor', 'the', 'for', 'http', 'https', 'www']);

// "model- based", "task- specific": the end of a compound cut at its own hyphen, which stays.
const COMPOUND_END = new Set(['based', 'wise', 'level', 'specific', 'related', 'oriented', 'driven', 'trained', 'guided', 'shaped', 'sized', 'ended', 'ized', 'aware']);

/** Spaces folded on each line, no empty brackets left by removed links: "(, )" or "[]". */
function tidy(text: string): string {
  const lines = text.split('\n');
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // Most lines need none of this: one look for what each step removes.
    if (/[\t\u00a0]| {2}/.test(line)) line = line.replace(/[ \t\u00a0]+/g, ' ');
    // "composi- tional", "dramati- cally": a word cut at a PDF's line end, pasted. "Long- and
    // short-term", "pre- or post-" keep their hyphen.
    if (line.includes('- ')) {
      line = line
        .replace(PASTED_HYPHEN, (_, before: string, after: string) => (COMPOUND_END.has(after) ? `${before}-${after}` : before + after))
        .replace(CUT_SYLLABLE, (cut, before: string, after: string) =>
          WORD_BEFORE_DASH.has(before) || WORD_AFTER_DASH.has(after) ? cut : COMPOUND_END.has(after) ? `${before}-${after}` : before + after,
        );
    }
    // "()", "[, ]", "(see this paper: )": what is left of brackets whose link was removed.
    if (/[([][^()[\]]{0,40}?[:,;|/]?\s*[)\]]/.test(line)) {
      line = line.replace(/\(\s*(?:[^()]{0,40}:)?\s*[,;|/]?\s*\)|\[\s*[,;|/]?\s*\]|\(\s*(?:see|cf\.?|via|from|at|here|link|source|more)(?:\s+(?:this|here|also|the|paper|link|post|blog|it))*\s*\)/gi, '');
    }
    if (/\s[,.;:!?]/.test(line)) line = line.replace(/\s+([,.;:!?])(?=\s|$)/g, '$1');
    // "(see this for K-R duality )." after its URL went: the space would keep the sentence from ending there.
    if (line.includes(' )')) line = line.replace(/ +\)/g, ')');
    // A backslash ending a line is Markdown's line break when a line follows; before a blank
    // line it stays in the text, and is no part of the note.
    if (line.endsWith('\\')) line = line.replace(/\s*\\+$/, '');
    line = trimTrailingSeparators(line.trim());
    if (line === '') continue;
    out += out === '' ? line : `\n${line}`;
  }
  return out;
}

/** "Title |", "Title /": a separator left at the end of a line by a removed link. */
function trimTrailingSeparators(line: string): string {
  let end = line.length;
  while (end > 0 && '|/·• '.includes(line[end - 1]!)) end--;
  // "Attention Is All You Need - <link>": the dash that led to a removed link.
  while (end > 1 && '-–—'.includes(line[end - 1]!) && line[end - 2] === ' ') end -= 2;
  return end === line.length ? line : line.slice(0, end).trimEnd();
}

/** inlineText with every link read by its label, whatever it is: the text of a heading or title. */
export function labelledText(inline: Inline): string {
  return inlineText(inline.map((run) => (run.kind === 'link' ? { kind: 'strong' as const, children: run.children } : run)));
}

/** The first link in the runs (depth-first), or null. */
export function firstLink(inline: Inline): { href: string; label: string } | null {
  for (const run of inline) {
    if (run.kind === 'link') return { href: run.href, label: inlineText(run.children) };
    if (run.kind === 'strong' || run.kind === 'em' || run.kind === 'strike') {
      const inner = firstLink(run.children);
      if (inner) return inner;
    }
  }
  return null;
}

/** Whether a link goes to a paper: arXiv, OpenReview, a PDF, a DOI, a proceedings site. */
export function isPaperLink(href: string): boolean {
  return /arxiv\.org|openreview\.net|\.pdf\b|doi\.org|aclanthology|aclweb\.org\/anthology|proceedings\.|papers\.nips\.cc|neurips\.cc\/paper|dl\.acm\.org|ieeexplore|semanticscholar\.org|paperswithcode\.com\/paper|openaccess\.thecvf|jmlr\.org\/papers|biorxiv|ssrn\.com|nature\.com\/articles|science\.org\/doi|pmlr\.press|mlr\.press|(?:iclr|icml|neurips|nips)\.cc\/(?:virtual|Conferences\/\d{4}\/Schedule)/i.test(
    href,
  );
}

// Pages that are no papers: blog posts, wikis, forums, videos, an issue or document on GitHub.
const WEB_PAGE =
  /^https?:\/\/(?:[\w-]+\.)*(?:medium\.com|substack\.com|blogspot\.com|wordpress\.com|wikipedia\.org|youtube\.com|youtu\.be|reddit\.com|news\.ycombinator\.com|stackoverflow\.com|quora\.com)\/|^https?:\/\/blog\.|^https?:\/\/[^/]+\/blog\/|^https?:\/\/github\.com\/[^/]+\/[^/]+\/(?:issues|pull|discussions|wiki)\/|^https?:\/\/github\.com\/[^/]+\/[^/]+\/blob\/\S+\.md$|\/faq(?:\.html?)?$/i;

/** Whether a link leads to a web page that is no paper (a blog post, a wiki page, a forum thread): not isPaperLink. */
export function isWebPageLink(href: string): boolean {
  return !isPaperLink(href) && WEB_PAGE.test(href);
}

export interface LeadTitle {
  /** The title as written (plain text, not yet cleaned). */
  title: string;
  via: 'strong' | 'link';
  href: string | null;
  /** What follows the title on its line and after, as runs. */
  rest: Inline;
}

// What may stand before a title at the start of a line: spaces, emoji, stars, bullets,
// numbers, check boxes ("📝 [Title](url)", "1. **Title**", "[x] **Title**").
const LEAD_MARKER = /^[\s\p{Extended_Pictographic}\u200d\ufe0f*★☆✩✪✓✔✗•·▪►▶→⇒>#|-]*(?:\d{1,3}[.)]\s*|\[[ xX]\]\s*)?[\s\p{Extended_Pictographic}\u200d\ufe0f★☆•]*$/u;

/**
 * The title that opens `inline`: a strong run or a link, with nothing before it but markers.
 * A link inside the strong run (`**[Title](url)**`) or strong inside the link both count.
 */
export function leadTitle(inline: Inline): LeadTitle | null {
  for (let i = 0; i < inline.length; i++) {
    const run = inline[i]!;
    if (run.kind === 'text' || run.kind === 'image') {
      const text = run.kind === 'text' ? textOf(run.text) : '';
      if (LEAD_MARKER.test(text)) continue;
      return null;
    }
    if (run.kind === 'html') continue;
    if (run.kind === 'strong' || run.kind === 'em') {
      // "**Title**" and "*Title*"; emphasis that only wraps a link is the link's.
      const link = run.children.length === 1 && run.children[0]!.kind === 'link' ? run.children[0] : null;
      const title = link && link.kind === 'link' ? inline_(link.children) : inline_(run.children);
      return { title, via: 'strong', href: link && link.kind === 'link' ? link.href : firstLink(run.children)?.href ?? null, rest: inline.slice(i + 1) };
    }
    if (run.kind === 'link') {
      // "[Roth (2022)](url): Pretest with Caution ...": a reference's authors and year link the
      // paper, and its title follows them.
      const label = inline_(run.children);
      const after = inline[i + 1];
      const titleAfter = AUTHORS_YEAR_LABEL.test(label) && after?.kind === 'text' ? TITLE_AFTER_LINK.exec(after.text)?.[1] : undefined;
      if (titleAfter !== undefined) return { title: titleAfter.trim(), via: 'link', href: run.href, rest: inline.slice(i + 2) };
      return { title: label, via: 'link', href: run.href, rest: inline.slice(i + 1) };
    }
    return null;
  }
  return null;
}

// ("Borusyak, Hull, and Jaravel (2024)", "Montiel Olea, Ke, and Nesbit (2021)": a surname may
// have two words, and the last name an Oxford comma before it.)
const AUTHORS_YEAR_LABEL =
  /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?(?:(?:,?\s+and\s+|,\s*|\s*&\s*)\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?)*(?:\s+et\.?\s*al\.?)?,?\s*\(?(?:19|20)\d{2}[a-z]?\)?$/u;
const TITLE_AFTER_LINK = /^\s*[:\-–—]\s+(\S.*)$/;

/** Whether a link's label is a reference's authors and year ("Roth (2022)", "Lee and Chen, 2019"). */
export function isAuthorsYearLabel(label: string): boolean {
  return AUTHORS_YEAR_LABEL.test(label.trim());
}

/** Plain text of runs, links kept by their label whatever it is (a title is the label). */
function inline_(runs: Inline): string {
  let out = '';
  for (const run of runs) {
    if (run.kind === 'link') out += inline_(run.children);
    else if (run.kind === 'strong' || run.kind === 'em' || run.kind === 'strike') out += inline_(run.children);
    else if (run.kind === 'break') out += ' ';
    else out += runText(run);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Splits runs at their first line break: the first line, and what follows it. */
export function splitFirstLine(inline: Inline): { first: Inline; rest: Inline } {
  const at = inline.findIndex((run) => run.kind === 'break');
  return at < 0 ? { first: inline, rest: [] } : { first: inline.slice(0, at), rest: inline.slice(at + 1) };
}

// ---------------------------------------------------------------------------------------------
// Titles.

const TITLE_PREFIX =
  /^(?:(?:best|outstanding|honou?rable|test of time)(?: student)?(?: paper)?(?: award)?(?: runner[- ]up)?(?: mention)?|(?:oral|spotlight|poster|keynote|invited talk|paper|talk|award|highlight|reading)(?: \d+)?|\d{1,4})\s*[:\-–—)]\s+/i;
// "Some Points of Digesting Anomalies: An Investment Approach", "My notes on ...": the
// note-taker's words before the title. (Not "Notes on ...", the title of many a report.)
const NOTES_ON = /^(?:some|my|a few|quick|random) (?:points|notes|thoughts|remarks|takeaways) (?:of|on|about|from)\s+(?=\S)/i;
// "Notes on 'Machine Learning: An Applied Econometric Approach', by Sendhil Mullainathan, and Jann
// Spiess", 'Notes on: "The perils of peer effects", by Angrist, Joshua D.': a note's own title
// around the paper's, which is the part in quotes (the authors after it, if any, left off).
const QUOTED_AFTER_NOTES_ON = /^(?:(?:some|my|a few|quick|random|reading) )?(?:notes?|thoughts|remarks|summary) (?:of|on|about|from|for)\s*:?\s*["'‘“](.+)["'’”][,.]?(?:\s*,?\s*by\b.*)?$/i;
// "zhu_ev-flownet_2018: EV-FlowNet: ...", "nasarGrandPursuitStory2011: Grand pursuit: ...": the
// note's citation key before its title, as org-roam and Zotero name notes. (A key has an
// underscore or ends in its year: "word2vec: ..." is a title's own name.)
const CITATION_KEY_BEFORE = /^(?:[a-z][\w-]*_[\w-]*|[a-z][a-zA-Z-]*(?:19|20)\d{2}[a-z]?):\s+(?=\S)/;
// "Ho, Sharma, Javed, Paxson, Wagner :: Detecting Credential Spearphishing ...": the authors'
// surnames, then an Org description list's "::", then the title.
const AUTHORS_BEFORE = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2}(?:,\s*\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2})*\s+::\s+(?=\S)/u;
// "Saxena, Cunningham - Towards the neural population doctrine", "Urai ea, Churchland lab -
// Large scale recordings ...", "da Silveira and Rieke - The geometry of ...": who wrote it (and
// whose lab), then a dash and the title. Two names at least, or one with "et al." or "lab":
// "BERT - Pre-training of ..." is a name of the paper's own.
const NAME = "(?:(?:da|de|van|von|der|di|le) )*\\p{Lu}[\\p{L}'’-]+";
const AUTHORS_DASH_BEFORE = new RegExp(
  `^(?:${NAME}(?: ${NAME})?(?: (?:ea\\.?|et al\\.?|labs?))?(?:,\\s*| and | & )){1,4}${NAME}(?: ${NAME})?(?: (?:ea\\.?|et al\\.?|labs?))?\\s+[-–—]\\s+(?=\\S+\\s+\\S+\\s+\\S)|^${NAME} (?:ea\\.?|et al\\.?)\\s+[-–—]\\s+(?=\\S+\\s+\\S+\\s+\\S)`,
  'u',
);
const RATING = /(?:\s*[★☆✩✪⭐]+|\s*\(\s*[★☆✩✪⭐*]+\s*\)|\s*\[\s*\d(?:\.\d)?\s*\/\s*(?:5|10)\s*\]|\s*\(\s*\d(?:\.\d)?\s*\/\s*(?:5|10)\s*\)|\s+\d(?:\.\d)?\s*\/\s*(?:5|10)|\s+\*{1,5})$/u;
const LEADING_RATING = /^(?:[★☆✩✪⭐]+|\*{1,5}(?=\s)|\(\s*[★☆✩✪⭐*]+\s*\))\s*/u;
const VENUES =
  'neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|eacl|aacl|coling|conll|tacl|lrec|aaai|ijcai|kdd|corl|icra|iros|rss|uai|aistats|colt|tmlr|jmlr|interspeech|icassp|siggraph|sigir|wsdm|www|miccai|bmvc|wacv|arxiv|' +
  'vldb|sigmod|icde|cidr|osdi|sosp|nsdi|eurosys|asplos|isca|hpca|sigcomm|mlsys';
// "VLDB'22 - A Study of Database Performance ...", "SIGMOD 2022: Hybrid ...": where and when, before the title.
/** "VLDB'22 - A Study of ...": the title after a known venue and its year, or null where none leads. */
export function afterLeadingVenue(text: string): string | null {
  const venue = LEADING_VENUE.exec(text) ?? LEADING_ACRONYM_YEAR.exec(text);
  return venue === null ? null : text.slice(venue[0].length);
}
// "ICAC'11 - ", "TKDE 2020: ": any venue written as an acronym with its year, then a dash or colon.
const LEADING_ACRONYM_YEAR = /^[A-Z][A-Z0-9]{1,9}\s*(?:['’]\d{2}|(?:19|20)\d{2})\s*[-–—:|]\s+/;
const LEADING_VENUE = new RegExp(`^(?:${VENUES})\\s*(?:['’]\\d{2}|(?:19|20)\\d{2})\\s*[-–—:|]\\s+`, 'i');
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// "Kernel Methods for Deep Learning 2009", "... (2019)", "... [NeurIPS 2019]", "..., NeurIPS
// 2022", "... - Feb 2023", "... (NeurIPS, 2023)", "... (2017, NeurIPS)": when and where, not what.
const TRAILING_YEAR = new RegExp(
  [
    `(?<=\\S)\\s+(?:\\(\\s*(?:[A-Za-z]+[ '’]*)?(?:19|20)\\d{2}\\s*\\)|\\[\\s*(?:[A-Za-z]+[ '’]*)?(?:19|20)\\d{2}\\s*\\]|(?:19|20)\\d{2})$`,
    `(?<=\\S)(?:\\s*[,|–—-])?\\s+(?:(?:${VENUES}|${MONTHS})\\.?,?\\s+)+(?:19|20)\\d{2}$`,
    `(?<=\\S)\\s*[(\\[](?=[^()[\\]]*(?:\\d{2}|\\b(?:${VENUES})\\b))\\s*(?:(?:${VENUES}|${MONTHS}|(?:19|20)\\d{2}|'\\d{2})\\.?[\\s,]*)+[)\\]]$`,
  ].join('|'),
  'i',
);
// "... (2019, Smith et al.)", "... (Smith and Lee, 2020)", "... (Lee et al.)": who wrote it and
// when. (A name alone is kept: "(BERT)" may be the title's.)
const SURNAME = "[A-Z][\\p{L}'’-]+";
const AUTHORS = `${SURNAME}(?:\\s+(?:et\\.?\\s*al\\.?|(?:and|&)\\s+${SURNAME}))?`;
const YEAR = '(?:19|20)\\d{2}[a-z]?';
const TRAILING_WHO_WHEN = new RegExp(
  `(?<=\\S)\\s*[(\\[]\\s*(?:${YEAR}\\s*[,;]?\\s*${AUTHORS}|${AUTHORS}\\s*[,;]?\\s*${YEAR}|${SURNAME}\\s+et\\.?\\s*al\\.?)\\s*[)\\]]$`,
  'u',
);
// "... (CoNLL)", "... [TACL]", "... (EMNLP Findings)": where it appeared, not what it is.
const TRAILING_VENUE = new RegExp(`(?<=\\S)\\s*[(\\[]\\s*(?:${VENUES})(?:[\\s-]+(?:findings|workshops?|short|long|oral|spotlight|demo|main|(?:19|20)?\\d{2}|'\\d{2}))*\\s*[)\\]]$`, 'i');
// "(Award Winning Oral)", "[Spotlight]", "(best paper award)", "(Rapid Session)": how it was
// presented or honoured, not its title.
const PRESENTATION_NOTE =
  /(?<=\S)\s*[(\[]\s*(?:(?:(?:best|outstanding|honou?rable|test of time|award[- ]winning|special)(?: student)?(?: paper)?(?: award)?(?: runner[- ]up)?(?: mention)?|contributed|invited|short|long|rapid|lightning)\s*)*(?:oral|spotlight|poster|talk|session|award|mention|presentation|highlight)?(?: (?:talk|session|presentation|paper|award))?\s*[)\]](?=\s|$)/gi;
const AWARD_OR_TALK = /\b(?:award|best|outstanding|honou?rable|test of time|oral|spotlight)\b/i;
const QUOTED = /^["“”'‘’«»`]+(.+?)["“”'‘’«»`]+[.,;:]?$/u;
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u200d\ufe0f\u20e3]/gu;
const CODE_PREFIX = /^[Cc]\d+\s*[:\-–—]\s+/;

// A title with none of these characters (most) has nothing to clean but spaces.
const TITLE_MARKS = /[^\p{L}\p{N} ,'’()&+?!-]|\s-\s|^[^\s-]+(?:-[^\s-]+){3,}$|^\(?\d|\s\d{4}\)?$|\)(?:$|\s)|  |^\S+\s*(?:['’]\d{2}|\d{4})\s*[-–—|]\s|^(?:[Ss]ome|[Mm]y|[Aa] few|[Qq]uick|[Rr]andom) |^(?:[Rr]eading )?[Nn]otes? (?:on|of|about|for)\b/u;
const cleanTitles = new Map<string, string>();

/** A title as a card's front shows it: no markers, numbers, ratings, prefixes, quotes or emoji. */
export function cleanTitle(raw: string): string {
  if (!TITLE_MARKS.test(raw)) return raw.trim();
  let cached = cleanTitles.get(raw);
  if (cached === undefined) {
    cached = cleanTitleOnce(raw);
    if (cleanTitles.size > 20_000) cleanTitles.clear();
    cleanTitles.set(raw, cached);
  }
  return cached;
}

// "A Survey of ... (ECG)(sensors-20-01461-v2)", "... Analysis(wish07_anomaly)": the PDF's file
// name kept after the title, one word of digits and dashes or underscores.
const FILE_NAME_AFTER = /(?<=\S)\s*\((?=[^()\s]*\d)(?=[^()\s]*(?:_|[-.][^()\s]*[-.]))[^()\s]{5,40}\)$/u;
// "Heartbeat_Anomaly_Detection_using_Adversarial_Oversampling": a title written as a file name.
const SNAKE_CASE_TITLE = /^[^\s_]+(?:_+[^\s_]+){2,}$/u;
// "Enhanced-Subquery-Optimizations-in-Oracle": the same with dashes, its words mostly capitalised
// (so that no hyphenated term, "state-of-the-art", is taken for one).
const KEBAB_CASE_TITLE = /^(?=(?:[^-]*-\p{Lu}){2})\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+){3,}$/u;
// "Angora.Efficient.Fuzzing.by.Principled.Search", "DTA++.Dynamic.Taint.Analysis...": the same
// with dots, as a folder named by its paper's title is (see isDottedTitle).
const DOTTED_TITLE = /^(?=(?:.*?\.\p{Lu}){2})[\p{L}\p{N}+’'-]+(?:\.[\p{L}\p{N}+’'-]+){2,}$/u;
const THREE_LETTERS = /\p{L}{3}/u;
// "Title | Nature", "Title | Science Advances": the journal after a bar.
const VENUE_AFTER_BAR = /\s+\|\s+\p{Lu}[\p{L}&.' ]{1,40}$/u;
// "Phys. Rev. E 103, 012405 (2021) - Title": a journal's citation, volume, page and year before
// the title. "[2101.09179] Title": the paper's arXiv number before it.
const CITATION_BEFORE = /^(?:\p{Lu}[\p{L}.]*\s+){1,5}\d{1,4},\s*\d{1,7}\s*\((?:19|20)\d\d\)\s*[-–—]\s+|^\[\d{4}\.\d{4,5}(?:v\d+)?\]\s*/u;

/** Whether a title is written with dots for spaces: DOTTED_TITLE, three of its words three letters long at least ("U.S.A." and "e.g." are no titles). */
function isDottedTitle(title: string): boolean {
  return DOTTED_TITLE.test(title) && title.split('.').filter((word) => THREE_LETTERS.test(word)).length >= 3;
}

function cleanTitleOnce(raw: string): string {
  let title = stripControl(raw).replace(PICTOGRAPHS, '').replace(EMOJI_SHORTCODE, '').replace(/\s+/g, ' ').trim();
  title = title.replace(QUOTED_AFTER_NOTES_ON, '$1');
  // (The file name first: "..._Oversampling(ijcnn19_gan)" is a title written as a file name, then its PDF's.)
  title = title.replace(FILE_NAME_AFTER, '');
  if (SNAKE_CASE_TITLE.test(title)) title = title.replace(/_+/g, ' ');
  // "[Efficient-External-Sorting-in-DuckDB]": a link labelled by its PDF's name.
  const bracketed = /^\[([^[\]]+)\]$/.exec(title);
  if (bracketed) title = bracketed[1]!.trim();
  if (KEBAB_CASE_TITLE.test(title)) title = title.replace(/-/g, ' ');
  else if (isDottedTitle(title)) title = title.replace(/\./g, ' ');
  // "WinMagic : Subquery Elimination ...", "Materialized Views:A Practical ...": a colon spaced as typed.
  if (title.includes(':')) title = title.replace(/(?<=\p{L})\s+:\s+/gu, ': ').replace(/(?<=\p{Ll}{2}):(?=\p{Lu}(?:\p{Ll}|\s))/gu, ': ');
  for (let round = 0; round < 4; round++) {
    const before = title;
    title = title
      .replace(/^(?:[-*+•·▪►▶→⇒>#|]\s*)+/, '')
      .replace(/^\[[ xX]\]\s*/, '')
      .replace(/^\(?\d{1,3}[.)]\s+/, '')
      .replace(LEADING_RATING, '')
      .replace(TITLE_PREFIX, '')
      .replace(CITATION_KEY_BEFORE, '')
      .replace(NOTES_ON, '')
      .replace(AUTHORS_BEFORE, '')
      .replace(AUTHORS_DASH_BEFORE, '')
      .replace(LEADING_VENUE, '')
      .replace(CITATION_BEFORE, '')
      .replace(VENUE_AFTER_BAR, '')
      .replace(LEADING_ACRONYM_YEAR, '')
      .replace(RATING, '')
      .replace(TRAILING_YEAR, '')
      .replace(TRAILING_WHO_WHEN, '')
      .replace(TRAILING_VENUE, '')
      // At the end, any such note; before the authors ("(special paper award) Maria Barrett,
      // ..."), only one that names an award or the kind of talk: "(Short) Memories" is a title's.
      .replace(PRESENTATION_NOTE, (whole, offset: number, all: string) =>
        /\p{L}/u.test(whole) && (offset + whole.length === all.length || AWARD_OR_TALK.test(whole)) ? '' : whole,
      )
      .replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1')
      .replace(/^(?:\*\*|__)(.*)$|^(.*?)(?:\*\*|__)$/, unpairedBold)
      .replace(/\s*(?:[:\-–—|,;]|\.\.\.)\s*$/, '')
      // "Billion-scale similarity search with GPUs.": a title set as a sentence ("et al." and
      // "U.S." keep their dots; so does a reference, "Smith, J. "Title." Journal (2017).").
      .replace(/^(?![^]*(?:[.!?]["'”’]?\s|["“”]))([^]*?(?:^|[\s(])[\p{L}\d'’-]{3,}\)?)\.$/u, '$1')
      .replace(/\s*\[(?:pdf|code|arxiv|paper|link|slides|video|blog|github)\]\s*$/i, '')
      // "Balsa: Learning a Query Optimizer ... (WIP)": how far the note-taker got, not the title.
      .replace(/(?<=\S)\s*[(\[](?:wip|todo|to ?do|draft|in progress|work in progress|unfinished|incomplete)[)\]]$/i, '')
      .trim();
    const quoted = QUOTED.exec(title);
    if (quoted) title = quoted[1]!.trim();
    if (title === before) break;
  }
  return title;
}

/** "Sentence-BERT: ... Networks**": bold left open around (or in) a link's label goes. */
function unpairedBold(whole: string, afterOpen: string | undefined, beforeClose: string | undefined): string {
  const inner = afterOpen ?? beforeClose ?? '';
  return /[*_]/.test(inner) ? whole : inner;
}

/** Strips a code ("C12: ") off a title, returning both. */
export function splitCode(title: string): { code: string; title: string } {
  const m = CODE_PREFIX.exec(title);
  if (!m) return { code: '', title };
  return { code: `C${/\d+/.exec(m[0])![0]}`, title: title.slice(m[0].length) };
}
