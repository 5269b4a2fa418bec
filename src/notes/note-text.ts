// One paper's note as text for its card: blocks and lines sorted into what the paper is about
// (the body, and the lead: TLDR, Summary, Main idea), what the note-taker says for themself
// (Thoughts, Questions, "(me: ...)"), the user's own "Key idea:", and what is about the paper
// rather than its idea (authors, links, placeholders), which no card shows.
import type { NoteEntry } from '../core/types.js';
import type { Block, Inline, InlineRun } from './document.js';
import { inlineText, withoutLinkOnlyLines } from './inline.js';
import { namesAnswerPart, partKind, type PartKind } from './sections.js';

/** What was left out of a note that had nothing else: for the reason a paper is skipped. */
export type Removed = 'authors' | 'links' | 'remarks' | 'placeholder' | 'logistics' | 'venue';

// "10.1111/fwb.12105. Invertebrate richness ...", "2009.01269 - They show ...": one token with a
// digit or a slash (an identifier, an address), then a sentence of four words or more.
const IDENTIFIER_THEN_TEXT = /^\S*[\d/]\S*?[.,;:)–—-]*\s+(\p{Lu}\S*(?:\s+\S+){3,}.*)$/su;
// "#neuro #dreams", "#fun, #art": a line of tags (Obsidian's, Zettlr's), where the note is filed.
const TAG_LINE = /^#(?=[\p{N}_/-]*\p{L})[\p{L}\p{N}_/-]+(?:[ \t,]+#(?=[\p{N}_/-]*\p{L})[\p{L}\p{N}_/-]+)*$/u;

/** Whether a line is only tags, "#neuro #dreams" (each with a letter). */
export function isTagLine(line: string): boolean {
  return TAG_LINE.test(line);
}
const KEY_IDEA_LINE = /^key[ \t-]*ideas?[ \t]*[:：][ \t]*(.*)$/i;
// "TLDR:", "TL;DR -", "Main idea:", "Summary:" and the like: a label, then the text it names.
const LABEL = /^([\p{L}][\p{L} '’/&;-]{0,40}?)[ \t]*[:：][ \t]*(.*)$/u;

/** "Main Takeaway: Results are ...": a line's label and what follows it, or null where it has no label. */
export function labelledLine(line: string): { name: string; value: string } | null {
  const label = LABEL.exec(line);
  return label === null ? null : { name: label[1]!.trim(), value: label[2]! };
}
// "Cowan, R. S. (1976). The “industrial revolution” in the home ... Technology and Culture 17(1).":
// the paper's full reference, as a course's reading list gives it (APA style): who wrote it and
// where it appeared, no part of what it says.
const REFERENCE_LINE = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?,?[ \t]+\p{Lu}\.[^()\n]{0,400}?\((?:19|20)\d\d[a-z]?(?:,[ \t]*[\p{L} ]{1,20})?\)[.,]/u;
/** Whether a line is a paper's full reference: "Cowan, R. S. (1976). The ... Technology and Culture 17(1)." */
export function isReferenceLine(line: string): boolean {
  return REFERENCE_LINE.test(line.trim());
}

// "Alamia, A., ... (2020). DMT alters cortical travelling waves. bioRxiv.": after the year, the
// title, up to the full stop before where it appeared (its space lost before an italic venue,
// "orientation._PloS one_", read "orientation.PloS one"; not at an initial, "the Black Stork C.
// nigra").
const APA_TITLE = /\((?:19|20)\d\d[a-z]?(?:,[ \t]*[\p{L} ]{1,20})?\)\.[ \t]+(\S.{2,300}?)(?<!\s\p{Lu})([.?!])(?=[\s_*]|\p{Lu}\p{Ll}|$)/u;
// " The Computational Power of Biological Dendritic Trees. arXiv": words, no numbers, to a full stop.
const SUBTITLE_AFTER_QUESTION = /^[ \t]+(\p{Lu}[^\d.?!()]{10,200}?)\.(?=\s)/u;
// 'Beniaguev, David, Segev Idan, and London Michael. "Single Cortical Neurons as Deep Artificial
// Neural Networks." bioRxiv (2019)': the title in quotes, the year after it (MLA).
// (Chinese names too: '何贵华, 崔宸瑜, and 屈源育. "名义价格幻觉 ..." *金融研究* 492 (2021)'.)
const MLA_TITLE = /^(?:\p{Lu}[\p{L}'’-]+|\p{Script=Han}{2,4}),[^"“”\n]{1,200}?\.[ \t]+["“]([^"“”\n]{3,300}?)[.,?!]?["”].{0,200}?\b(?:19|20)\d\d\b/u;

/** The title a paper's full reference gives (APA or MLA), or null where the line is none. */
export function referenceTitle(line: string): string | null {
  const text = line.trim();
  if (REFERENCE_LINE.test(text)) {
    const apa = APA_TITLE.exec(text);
    if (apa) {
      const title = apa[1]!.trim();
      // "Can Single Neurons Solve MNIST? The Computational Power of ...": a question and its subtitle.
      const subtitle = apa[2] === '?' ? SUBTITLE_AFTER_QUESTION.exec(text.slice(apa.index + apa[0].length)) : null;
      return subtitle ? `${title}? ${subtitle[1]!}` : title + (apa[2] === '.' ? '' : apa[2]!);
    }
  }
  const mla = MLA_TITLE.exec(text);
  if (mla) return mla[1]!.trim();
  const journal = JOURNAL_STYLE_TITLE.exec(text);
  if (journal) return journal[1]!.trim();
  const harvard = HARVARD_TITLE.exec(text);
  return harvard ? harvard[1]!.trim() : null;
}

// "Han, Yufeng, Dashan Huang and Guofu Zhou, 2022, Expected return, volume, and mispricing, Journal
// of Financial Economics 143(3), 1295-1315.": the year after the names, the title, then the
// journal with its volume and pages, all between commas (the finance journals' style).
const JOURNAL_STYLE_TITLE = /^\p{Lu}[\p{L}'’-]+,\s*\p{Lu}[^\n]{0,300}?,\s*(?:19|20)\d\d[a-z]?,\s+(\S[^\n]{2,300}?),\s+[*_]{0,2}\p{Lu}[\p{L} &]{2,80}?[*_]{0,2}\s+\d+(?:\(\d+\))?,\s*\d+\s*[-–]\s*\d+\.?\s*$/u;

// "Bogan, M.T., Lytle, D.A., 2011. Severe drought drives novel community trajectories in desert
// stream pools. Freshwater Biology 56, 2070–2081.": the year after the names, the title, then
// the journal with its volume and pages (Elsevier's, Harvard's style).
// (Authors joined by "and" too, "Eastoe, C. and Towne, D., 2018.", and a journal whose volume
// comes after a dot, "Annual Review of Earth and Planetary Sciences, Vol. 10, p. 409".)
const HARVARD_TITLE = /^\p{Lu}[\p{L}'’ -]+,\s*(?:\p{Lu}\.[\s-]*){1,3}(?:,?\s*(?:(?:&|and)\s+)?\p{Lu}[\p{L}'’ -]+,\s*(?:\p{L}\.?[\s-]*){1,3}|,?\s*et al\.?)*,?\s+(?:19|20)\d\d[a-z]?\.\s+(\S.{2,300}?)[.?!]\s+(?=\p{Lu}[^.\n]{0,80}?(?:\d|\bVol\.\s*\d))/u;

const TOPIC_LABEL = /^topics?$/i;
/**
 * Whether a "Topic:" line says what the paper is about in words of its own ("presenting a
 * framework to evaluate meaning in HCI"), not names its field ("NLP, parsing") or asks ("what is
 * research?"): five words or more, no list of short items, no question.
 */
function readsAsTopicStatement(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 5 || /\?\s*$/.test(text)) return false;
  const items = text.split(/[,;|]/);
  return !(items.length >= 3 && items.every((item) => item.trim().split(/\s+/).length <= 3));
}
// Labels that say a line is what the paper does: kept for the extractor to see.
const METHOD_LABEL = /^(?:approach|method|methods|methodology|solution|proposal|contribution|contributions|main contribution|idea)$/i;
const OPENING_PART = /^(?:introduction|intro|overview)[:.]?$/i;
// "## Findings", "## Main findings", "## Most significant findings", "Results:", "## Conclusion".
const FINDINGS_PART = /^(?:(?:the |our )?(?:main|key|major|primary|principal|most (?:significant|important|interesting)) )?(?:findings?|results?|conclusions?|outcomes?)\s*[:：.]?$/i;
const LIKES_HOW = /^i (?:really |particularly |especially )?(?:like|liked|love|loved|appreciate|appreciated|enjoyed) (?:the way (?:that )?|how |that )(?=\S+ \S+ \S+)/i;
const TLDR_LEAD_IN = /^(?:tl;?\s?dr|tldr)\b[ \t]*[;:,.\-–—]*[ \t]*/i;
const PLACEHOLDER =
  /^(?:todo|to ?do|tbd|tba|wip|fill(?: in| me)?(?: (?:the )?notes?)?(?: later| here)?|notes? (?:here|to come|tbd|later)|coming soon|to be (?:continued|written|added|filled(?: in)?|done)|(?:add|write) (?:notes?|a summary|summary)(?: here| later)?|placeholder|(?:(?:the )?(?:summary|notes?|details?) (?:(?:is |are )?(?:yet |still )?to be (?:added|written|updated|done)|pending|coming soon|tbd|to come|later)|(?:summary|notes?) (?:not (?:yet )?(?:added|written)(?: yet)?|yet to come))|(?:a )?work in progress|in progress|省略|未記入|under construction|will (?:add|write|update|fill in)(?: (?:this|it|more|notes?|a summary|the summary))?(?: later| soon)?|lorem ipsum.*|x{3,}|\.{3,}|…|-+|n\/?a|none|nothing yet|empty|\?+)[.!]*$/i;
// "Update:", "Updated (24th July 2017):", "EDIT 2:": what the note-taker added later.
const UPDATE_LEAD = /^(?:update|updated|edit|edited|addendum)\b[^:\n]{0,40}:[ \t]*/i;
const TODO_LINE = /^(?:todo|to ?do|fixme)\b[ \t]*[:\-–—]/i;
// "[N: ...]", "(me: ...)", "[JB: ...]", "(my take: ...)": the note-taker's remark in brackets.
const BRACKET_REMARK =
  /\s*(?:\[(?:[A-Z]{1,3}|me|my|mine|my take|note|nb|n\.b\.|todo|tbd|ed|edit|comment|aside|q|question|thought|opinion|personal)\s*[:.\-–—][^\]\n]{0,400}\]|\((?:[A-Z]{1,3}|me|my|mine|my take|note to self|nb|n\.b\.|todo|tbd|ed|edit|comment|aside|q|question|thought|opinion|personal)\s*[:\-–—][^)\n]{0,400}\))/g;
// "Note: 記事の見方や注意点については、こちらをご覧ください。" ("see here for how to read these"),
// "こちらを参照->..." ("see here"), "详见..." ("for details see"): where else to read, its link gone.
const POINTER_CJK = /^(?:note\s*[:：]\s*)?[^。.]{0,30}?(?:(?:こちら|ここ|以下|下記)(?:を|に|の(?:記事|ページ)を?)?(?:参照|ご覧)|请(?:参考|参见|参阅|查看)|详见)/i;
const RATING_LINE = /^[\p{L}][\p{L} /&'’-]{1,40}[:：]\s*\d{1,2}(?:\.\d)?\s*(?:\(\?*\)\s*)?\/\s*(?:5|10|100)\b/u;
const WHOLE_BRACKETED = /^\[[^\[\]\n]{2,400}\]$/;
const AUTHORS_LABEL = /^(?:authors?|by|written by|authored by)\b[ \t]*[:\-–—]?[ \t]*/i;
const VENUE =
  /(?:^|[\s,.;(\[])(?:neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|kdd|arxiv|corl|icra|iros|uai|aistats|colt|tmlr|jmlr|interspeech|icassp|siggraph|www|sigir)\b[^.;\n]{0,30}[)\]]?\.?$/i;
// "Wed Dec 11th 07:00 -- 10:00 PM @ West 217", "10:05 am : West Ballroom C": when and where.
const LOGISTICS =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?(?:[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? )?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:-{1,2}|–|—|to)\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\s*(?:[@:|,-]\s*[^.!?]{0,60})?$/i;
// "Published in ArXiv", "Published in: Annals of Statistics", "JPE just accepted", "To appear
// at ICML 2021": where and whether the paper appeared, a line of its own. ("Presented at our
// reading group" is where the note-taker met it: a remark.)
// (And the tail of a reference after its title, ", IEEE Symposium on Security & Privacy, 2016".)
const VENUE_LINE =
  /^(?:(?:published|appeared|accepted|appearing|forthcoming|to appear) (?:in|at|on|to|by)\b\s*:?\s*[^.!?]{0,80}|(?:under review|in press|preprint)(?: (?:at|in)\b[^.!?]{0,60})?|[^.!?\s]{1,30} (?:just )?accepted|accepted|[,，]\s*[^.!?]{2,70}\b(?:19|20)\d{2})[.!]?$/i;
const AUTHOR_HINT = /[,;&|·(]|\band\b|\bet\.? al\b|^(?:authors?|by|written|authored)\b/i;
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'di', 'da', 'del', 'della', 'la', 'le', 'du', 'dos', 'bin', 'al', 'el', 'y', 'ter', 'ten']);

/**
 * Whether a line is a list of people: "A. Vaswani, N. Shazeer, ... et al.", "_Kim, Lee and
 * Park_", "Authors: ...", "by Ian Goodfellow". Names are one to four capitalised words or
 * initials (particles such as "van" and "de" allowed); affiliation marks and a venue may follow.
 */
export function isAuthorLine(line: string): boolean {
  let text = line.trim();
  // Most lines of a note are sentences: nothing here can make them a list of people.
  if (text === '' || !AUTHOR_HINT.test(text)) return false;
  const labelled = AUTHORS_LABEL.exec(text);
  // ("Authors: ...", "Written by ..."; "Authors introduce a network for ..." is a sentence.)
  if (labelled && labelled[0].length > 0 && /^(?:authors?\s*[:\-–—]|written|authored)/i.test(text)) return true;
  if (labelled) text = text.slice(labelled[0].length);
  text = text
    .replace(/\([^)]{0,80}\)|\[[^\]]{0,80}\]/g, ' ')
    .replace(/[\d*†‡§¶∗]+(?=[,\s]|$)/g, '')
    .replace(VENUE, '')
    .replace(/\bet\.? al\.?/gi, ', et al')
    .replace(/[.;]+$/, '')
    .trim();
  const names = text.split(/\s*(?:,|;|&|\band\b|·|\|)\s*/).filter((n) => n !== '');
  if (names.length === 0) return false;
  const etAl = names.some((n) => n === 'et al');
  const affiliated = /^[^(]{3,60}\([^)]{2,80}\)\s*$/.test(line.trim());
  if (names.length < 2 && !etAl && !labelled && !affiliated) return false;
  return names.every((name) => name === 'et al' || isPersonName(name));
}

/**
 * The text of a paragraph that is one bold run and no sentence ("**Average Reward**"): a
 * sub-heading. A bold sentence ("**We propose X.**") or labelled line ("**Key idea: X**") is
 * the note's text, stressed.
 */
function boldSubHeading(inline: Inline): string | null {
  const runs = inline.filter((run) => !(run.kind === 'text' && run.text.trim() === ''));
  // ("**2.**     **文章概述**": a numbered label set in two bold runs is one label.)
  const strong = runs.filter((run): run is Extract<InlineRun, { children: Inline }> => run.kind === 'strong');
  if (strong.length === 0 || strong.length > 3 || strong.length < runs.length) return null;
  const text = strong
    .map((run) => inlineText(run.children).trim())
    .join(' ')
    .trim();
  if (text === '' || text.includes('\n') || /[.!?]["')\]]?$/.test(text) || /[:：]\s*\S/.test(text)) return null;
  return text.replace(/[:：]$/, '');
}

/** One person on a line, maybe with an affiliation: "Aaron Voelker", "Ivana Kajić (Waterloo)". */
function isNameLine(line: string): boolean {
  if (!/^\s*\p{Lu}/u.test(line) || line.length > 120) return false;
  const text = line.replace(/\([^)]{0,80}\)|\[[^\]]{0,80}\]/g, ' ').replace(/[\d*†‡§¶∗,]+/g, ' ').trim();
  return text !== '' && text.split(/\s+/).length <= 4 && isPersonName(text);
}

export function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 1 || words.length > 5) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NAME_PARTICLES.has(word.toLowerCase())) continue;
    // "A.", "J.-P.", "C.V." (initials run together)
    if (/^\p{Lu}\.?(?:-\p{Lu}\.?)?$|^(?:\p{Lu}\.){2,3}$/u.test(word)) {
      capitalised++;
      continue;
    }
    if (!/^\p{Lu}[\p{L}'’-]*\.?$/u.test(word)) return false;
    capitalised++;
  }
  return capitalised >= 1 && (words.length > 1 || /^\p{Lu}\p{Ll}+$/u.test(words[0]!));
}

// "💡 Write a brief summary of this paper here", "Describe the methodology used in this paper",
// "Anything else that's in this paper but not mentioned before": a notes template's prompt,
// telling the note-taker what to write (in the second person), left in the note.
const TEMPLATE_PROMPT_LINE =
  /^(?:write|describe|list|include|summari[sz]e|explain|add|note down|put|insert|fill in|jot down|anything else)\b[^.!?]{0,100}\b(?:this paper|the paper|this work|here)\b[^.!?]{0,60}[.!]?$/i;
// (After a template's emoji, "💡 Include any related papers that are relevant to this one",
// "💡 Personal thoughts, reflections, or questions about this paper": any such line.)
const EMOJI_PROMPT_LINE =
  /^[\p{Extended_Pictographic}\u200d\ufe0f]+\s*(?:write|describe|list|include|summari[sz]e|explain|add|note|put|insert|fill in|jot down|anything|any|personal|your|my)\b[^.!?]{0,160}[.!?]?$/iu;

/** Whether a note line is a placeholder ("TODO", "Fill in notes", "...") or a template's prompt. */
export function isPlaceholder(line: string): boolean {
  const text = line.trim();
  return PLACEHOLDER.test(text) || TEMPLATE_PROMPT_LINE.test(text) || EMOJI_PROMPT_LINE.test(text);
}

/** Builds one paper's note: what the card can be made of, and what was set aside. */
export class NoteText {
  private readonly body: string[] = [];
  /** Each body paragraph's depth in nested bullets (see NoteEntry.depths). */
  private readonly bodyDepths: number[] = [];
  /** How many lists the text now being added sits in. */
  private lists = 0;
  /** How many body paragraphs came before the note's part of findings (see markPart), or -1. */
  private findingsAt = -1;
  /** How many body paragraphs came before the note's first named part (see markOpening), or -1. */
  private openingEnds = -1;
  private readonly lead: string[] = [];
  private readonly own: string[] = [];
  private readonly context: string[] = [];
  private keyIdea: string | undefined;
  private awaitingKeyIdea = false;
  readonly removed = new Set<Removed>();

  /** Adds blocks of the note, as the part `part` (the sub-section they sit in). */
  addBlocks(blocks: readonly Block[], part: PartKind = 'body', inItem = false): void {
    // Under "Key idea", one paragraph is the answer; a list of points is where to find it.
    if (part === 'keyIdea') this.awaitingKeyIdea = !isListOfPoints(blocks[0]);
    let as = part === 'keyIdea' ? 'lead' : part;
    // Bold lines alone in their paragraphs, two or more between the note's text ("**Average
    // Reward**", "**An Objective for Continuing Tasks**"), are the note's sub-headings, not
    // sentences of it; one that names a part ("**Thoughts**") starts that part, as "#### Thoughts"
    // does. A single bold line, or one in a list item, is the note's text, stressed.
    const bold = inItem ? [] : blocks.map((block) => (block.kind === 'paragraph' ? boldSubHeading(block.inline) : null));
    const headings = bold.filter((text) => text !== null).length;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const next = blocks[i + 1];
      const heading = bold[i] ?? null;
      const subHeading = heading !== null && (partKind(heading) !== null || (headings >= 2 && next !== undefined)) ? heading : null;
      if (subHeading !== null) {
        this.markPart(subHeading);
        const kind = partKind(subHeading);
        if (kind === 'keyIdea') this.awaitingKeyIdea = true;
        if (kind !== null) as = kind === 'keyIdea' ? 'lead' : kind;
        continue;
      }
      // "Two kinds of uncertainty:" over a short list is one statement: "...: bias; variance."
      if (block.kind === 'paragraph' && next?.kind === 'list' && isShortList(next)) {
        const intro = inlineText(block.inline);
        // ("The paper proposes a three-step framework" over its three steps, numbered, says so too.)
        const counted = !intro.endsWith(':') && countsItems(intro, next.items.length);
        if ((intro.endsWith(':') || counted) && !intro.includes('\n')) {
          const items = next.items.map((item) => inlineText((item.blocks[0] as Extract<Block, { kind: 'paragraph' }>).inline).replace(/[.;]$/, ''));
          this.addText(`${counted ? `${intro.replace(/[.。]$/, '')}:` : intro} ${items.join('; ')}.`, as);
          i++;
          continue;
        }
      }
      // "The paper proposes a 3-component approach:" over items each led by its bold name ("1.
      // **Ratio estimator** that ...", "2. **Mixture** ...") names the parts in one statement,
      // "...: Ratio estimator; Mixture.", before the items say what each is.
      const labels = labelsAfter(blocks, i);
      if (labels !== null) {
        const introItem = block.kind === 'list' ? block.items[block.items.length - 1]! : null;
        const introBlock = introItem ? (introItem.blocks.length === 1 ? introItem.blocks[0]! : null) : block;
        const intro = introBlock?.kind === 'paragraph' ? inlineText(introBlock.inline) : '';
        if (intro.endsWith(':') && !intro.includes('\n') && countLinks((introBlock as Extract<Block, { kind: 'paragraph' }>).inline) === 0) {
          if (block.kind === 'list') {
            if (block.items.length > 1) this.addBlock({ ...block, items: block.items.slice(0, -1) }, as);
            this.lists++;
            this.addText(`${intro} ${labels.join('; ')}.`, as);
            this.lists--;
          } else this.addText(`${intro} ${labels.join('; ')}.`, as);
          continue;
        }
      }
      this.addBlock(block, as);
    }
  }

  private addBlock(block: Block, part: PartKind): void {
    switch (block.kind) {
      case 'paragraph':
        this.addInline(block.inline, part);
        break;
      case 'list':
        this.lists++;
        for (const item of block.items) {
          // "+ Future work" over nested bullets is a sub-section, as "#### Future work" is.
          const kind = part === 'body' ? labelOverList(item.blocks) : null;
          if (kind !== null && kind !== 'body') this.addBlocks(item.blocks.slice(1), kind, true);
          else this.addBlocks(item.blocks, part, true);
        }
        this.lists--;
        break;
      case 'quote':
        this.addBlocks(block.blocks, part);
        break;
      case 'table':
        for (const row of block.rows) this.addText(row.cells.map(inlineText).filter(Boolean).join('; '), part);
        break;
      case 'heading':
        this.addText(inlineText(block.inline), part);
        break;
      case 'html':
      case 'code':
      case 'rule':
        break;
    }
  }

  /** Adds a paragraph's (or list item's, or cell's) inline content. */
  addInline(inline: Inline, part: PartKind = 'body'): void {
    const links = countLinks(inline);
    if (links === 0) return this.addText(inlineText(inline), part);
    const said = withoutLinkOnlyLines(inline);
    const text = inlineText(said);
    if (said !== inline || text === '') this.removed.add('links');
    this.addText(text, part);
  }

  /** Adds plain text, a paragraph: its lines are sorted one by one. */
  addText(text: string, part: PartKind = 'body'): void {
    if (part === 'meta') return;
    const kept: string[] = [];
    let target: PartKind = part;
    const lines = text.split('\n');
    // A paragraph of names, one per line ("Aaron Voelker", "Ivana Kajić (Waterloo)"): authors.
    const names = lines.length >= 2 ? lines.filter((line) => isNameLine(line)).length : 0;
    // "**Abstract**: Attention mechanisms play a central role in" over the abstract's wrapped
    // lines: a labelled field goes on to the paragraph's next label (hard-wrapped text), so the
    // lines after its label line belong to it, not to the body.
    let field: string[] | null = null;
    for (let at = 0; at < lines.length; at++) {
      let line = lines[at]!.trim();
      if (line === '') continue;
      const continues: string[] | null = field;
      field = null;
      let leadGoesOn = false;
      if (names >= 2 && isNameLine(line)) {
        this.removed.add('authors');
        continue;
      }
      if (TAG_LINE.test(line)) {
        this.removed.add('links');
        continue;
      }
      if (this.awaitingKeyIdea) {
        // (All of the paragraph: "We include a plastic component for each neuron. The fixed"
        // wraps onto "part contains regular weights ...".)
        this.setKeyIdea(lines.slice(at).join(' '));
        this.awaitingKeyIdea = false;
        break;
      }
      const keyIdea = KEY_IDEA_LINE.exec(line);
      if (keyIdea) {
        if (keyIdea[1]!.trim() !== '') this.setKeyIdea(keyIdea[1]!);
        else this.awaitingKeyIdea = true;
        continue;
      }
      if (target === 'body' && kept.length === 0 && UPDATE_LEAD.test(line)) {
        // "Updated (24th July 2017): a later paper improves ...": added later, often about other work.
        line = line.replace(UPDATE_LEAD, '');
        target = 'context';
        if (line === '') continue;
      } else if (LIKES_HOW.test(line)) {
        // "I like the way RoomAlive expands the gaming experience ...": what it does, liked.
        line = capitalise(line.replace(LIKES_HOW, ''));
        this.removed.add('remarks');
      } else if (TLDR_LEAD_IN.test(line)) {
        line = line.replace(TLDR_LEAD_IN, '');
        this.lead.push(line);
        target = target === 'own' ? 'own' : 'body';
      } else {
        const label = LABEL.exec(line);
        const named = label ? partKind(label[1]!) : null;
        const kind = named === 'lead' && namesAnswerPart(label![1]!) && label![2]!.trim() !== '' ? null : named;
        if (label && kind) {
          if (kind === 'meta' && TOPIC_LABEL.test(label[1]!.trim()) && readsAsTopicStatement(label[2]!)) {
            // "Topic: a direct-manipulation interface that generates and compares designs": what
            // the paper is about, said in a line (the extractor reads the label; see topicLine).
          } else if (kind === 'meta') {
            this.removed.add(/author/i.test(label[1]!) ? 'authors' : 'links');
            // "DOI:10.1111/fwb.12105. Invertebrate richness was lowest in ...": an identifier (a
            // link's label left as text), then the note's own sentences, which go on as the note.
            const after = IDENTIFIER_THEN_TEXT.exec(label[2]!);
            if (after === null) continue;
            line = after[1]!;
          }
          if (kind === 'own' || kind === 'context') {
            const into = kind === 'own' ? this.own : this.context;
            into.push(label[2]!);
            field = into;
            continue;
          }
          if (kind === 'lead' || kind === 'keyIdea') {
            this.lead.push(label[2]!);
            field = this.lead;
          }
          if (label[2]!.trim() === '') continue;
          // "Approach: add attention", "Method: ...": the label tells the extractor what the line
          // is (and the answer's polish takes it off); a lead's label has done its work.
          // (A "Topic:" line, the one label of metadata read, keeps its label for topicLine.)
          if (!((kind === 'body' && METHOD_LABEL.test(label[1]!.trim())) || kind === 'meta')) line = label[2]!;
        } else if (continues !== null) {
          field = continues;
          if (continues !== this.lead) {
            continues[continues.length - 1] += `\n${line}`;
            continue;
          }
          leadGoesOn = true;
        }
      }
      if (LOGISTICS.test(line)) {
        this.removed.add('logistics');
        continue;
      }
      if (VENUE_LINE.test(line)) {
        this.removed.add('venue');
        continue;
      }
      // "paper quality / novelty: 7/10", "Rating: 4/5": the note-taker's score.
      if (RATING_LINE.test(line)) {
        this.removed.add('remarks');
        this.own.push(line);
        continue;
      }
      if (POINTER_CJK.test(line)) {
        this.removed.add('links');
        continue;
      }
      if (TODO_LINE.test(line) || isPlaceholder(line)) {
        this.removed.add('placeholder');
        continue;
      }
      if (isAuthorLine(line) || isReferenceLine(line) || referenceTitle(line) !== null) {
        this.removed.add('authors');
        continue;
      }
      // "[既存の手法もある…]", "[I think this is the same as DeepSets.]": a line the note-taker set
      // in brackets, a remark of theirs, as "[N: ...]" is.
      if (WHOLE_BRACKETED.test(line)) {
        // ("[N: Fill in notes.]" is a placeholder in brackets, as below.)
        const inner = line.slice(1, -1).trim().replace(/^[^:\-–—]{1,12}[:\-–—]\s*/, '');
        if (isPlaceholder(inner) || /^fill in\b/i.test(inner)) this.removed.add('placeholder');
        else {
          this.removed.add('remarks');
          this.own.push(line.slice(1, -1).trim());
        }
        continue;
      }
      if (line.includes('[') || line.includes('(')) {
        const remarks: string[] = [];
        const without = line.replace(BRACKET_REMARK, (remark) => (remarks.push(remark), '')).trim();
        if (without !== line) {
          // "[N: Fill in notes.]" is a placeholder in brackets, not a thought of the reader's.
          const inner = remarks.map((r) => r.trim().slice(1, -1).replace(/^[^:\-–—]{1,12}[:\-–—]\s*/, ''));
          if (inner.every((text) => isPlaceholder(text) || /^fill in\b/i.test(text))) this.removed.add('placeholder');
          else {
            this.removed.add('remarks');
            this.own.push(remarks.join(' ').trim());
          }
          line = without;
          if (line === '') continue;
        }
      }
      if (FOOTNOTE_DEFINITION.test(line)) {
        // "[^1]: See the proof in the appendix.": an aside set at the foot of the note.
        this.context.push(line.replace(FOOTNOTE_DEFINITION, ''));
        continue;
      }
      if (REFERENCE_MARK_HINT.test(line)) {
        line = withoutReferenceMarks(line);
        if (line === '') continue;
      }
      if (leadGoesOn) this.lead[this.lead.length - 1] += `\n${line}`;
      kept.push(line);
    }
    if (kept.length === 0) return;
    const paragraph = kept.join('\n');
    if (target === 'own') this.own.push(paragraph);
    else if (target === 'context') this.context.push(paragraph);
    else {
      this.body.push(paragraph);
      this.bodyDepths.push(Math.max(0, this.lists - 1));
      if (target === 'lead') this.lead.push(paragraph);
    }
  }

  /**
   * Called where the note's first named part starts ("### Method", "#### Results"): the body's
   * paragraphs before it are the note's opening, which says what the paper is about.
   */
  /**
   * Notes where a named part begins; a part that says what the paper found ("## Findings",
   * "## Main findings", "Results:") is remembered, as where the note's findings begin.
   */
  markPart(part: string): void {
    if (this.findingsAt === -1 && FINDINGS_PART.test(part.trim())) this.findingsAt = this.body.length;
  }

  markOpening(part: string): void {
    // "## Introduction" first thing: the note's opening goes on under it ("The paper presents ...").
    if (this.body.length === 0 && OPENING_PART.test(part.trim())) return;
    if (this.openingEnds === -1) this.openingEnds = this.body.length;
  }

  private setKeyIdea(text: string): void {
    const idea = text.replace(/\s+/g, ' ').trim();
    if (idea !== '' && this.keyIdea === undefined) this.keyIdea = idea;
  }

  hasText(): boolean {
    return this.body.length > 0 || this.own.length > 0 || this.context.some((t) => t.trim() !== '') || this.keyIdea !== undefined;
  }

  /** The entry's text fields: body, and lead/own/context/keyIdea/removed where there are any. */
  fields(): Pick<NoteEntry, 'body' | 'depths' | 'opening' | 'findings' | 'lead' | 'own' | 'context' | 'keyIdea' | 'removed'> {
    const fields: Pick<NoteEntry, 'body' | 'depths' | 'opening' | 'findings' | 'lead' | 'own' | 'context' | 'keyIdea' | 'removed'> = { body: this.body.join('\n\n') };
    if (this.bodyDepths.some((depth) => depth > 0)) fields.depths = [...this.bodyDepths];
    if (this.openingEnds > 0 && this.openingEnds < this.body.length) fields.opening = this.openingEnds;
    if (this.findingsAt >= 0 && this.findingsAt < this.body.length) fields.findings = this.findingsAt;
    const lead = this.lead.filter((t) => t.trim() !== '');
    if (lead.length) fields.lead = lead.join('\n\n');
    if (this.own.length) fields.own = this.own.join('\n\n');
    // (An empty "Future work:" label is kept only to take the lines wrapped after it.)
    const context = this.context.filter((t) => t.trim() !== '');
    if (context.length) fields.context = context.join('\n\n');
    if (this.keyIdea !== undefined) fields.keyIdea = this.keyIdea;
    if (this.removed.size) fields.removed = [...this.removed].sort();
    return fields;
  }
}

/**
 * The part a list item names when it is a label over nested bullets ("+ Future work", "+ History
 * of contextual representations", "+ Questions"), or null for an item that says something.
 */
function labelOverList(blocks: readonly Block[]): PartKind | null {
  const [head, ...rest] = blocks;
  if (head?.kind !== 'paragraph' || !rest.some((b) => b.kind === 'list')) return null;
  const text = inlineText(head.inline);
  return text.includes('\n') ? null : partKind(text.replace(/:$/, ''));
}

/** At most six items of one short line each, nothing nested: a list that reads as one clause. */
const COUNTS = ['two', 'three', 'four', 'five', 'six'];
const COUNTED_PARTS = /\b(two|three|four|five|six|[2-6])[- ](?:main |key |major )?(?:steps?|stages?|parts?|phases?|components?|modules?|pieces?|ingredients?|ideas?|contributions?|ways?|kinds?|types?|levels?|tricks?|changes?)\b/i;

/** Whether a sentence names as many steps, parts or ideas as a list after it has items ("a three-step framework"). */
function countsItems(text: string, items: number): boolean {
  const count = COUNTED_PARTS.exec(text)?.[1]?.toLowerCase();
  if (count === undefined) return false;
  return (/\d/.test(count) ? Number(count) : COUNTS.indexOf(count) + 2) === items;
}

function isShortList(list: Extract<Block, { kind: 'list' }>): boolean {
  return (
    list.items.length <= 6 &&
    list.items.every((item) => item.blocks.length === 1 && item.blocks[0]!.kind === 'paragraph' && inlineText(item.blocks[0]!.inline).split(/\s+/).length <= 15)
  );
}

/**
 * The bold names that open each item of the list after blocks[i] ("**Ratio estimator** that
 * given ...", "**Embeddings layer** : Maps words ..."), two to eight of them, or null where an
 * item has none. A numbered list may go on after a paragraph or a figure ("1. **Recurrence**",
 * its explanation, "2. **Relative Positional Encoding**"). (A short list is read whole: see
 * isShortList.)
 */
function labelsAfter(blocks: readonly Block[], i: number): string[] | null {
  const list = blocks[i + 1];
  if (list?.kind !== 'list' || isShortList(list)) return null;
  const labels: string[] = [];
  for (let j = i + 1; j < blocks.length; j++) {
    const block = blocks[j]!;
    if (block.kind !== 'list') {
      if (list.ordered) continue;
      break;
    }
    if (j > i + 1 && !(list.ordered && block.ordered)) break;
    const named = itemLabels(block);
    if (named === null) {
      if (j === i + 1) return null;
      break;
    }
    labels.push(...named);
  }
  return labels.length >= 2 && labels.length <= 8 ? labels : null;
}

/** The bold name opening each item of a list, or null where an item opens otherwise. */
function itemLabels(list: Extract<Block, { kind: 'list' }>): string[] | null {
  const labels: string[] = [];
  for (const item of list.items) {
    const first = item.blocks[0];
    if (first?.kind !== 'paragraph') return null;
    const opening = first.inline.find((run) => !(run.kind === 'text' && run.text.trim() === ''));
    if (opening?.kind !== 'strong') return null;
    const label = inlineText(opening.children).trim().replace(/\s*[:：-]$/, '');
    if (label === '' || label.includes('\n') || label.split(/\s+/).length > 6 || /[.!?]$/.test(label)) return null;
    labels.push(label);
  }
  return labels;
}

function countLinks(inline: Inline): number {
  let n = 0;
  for (const run of inline) {
    if (run.kind === 'link') n++;
    else if (run.kind === 'strong' || run.kind === 'em' || run.kind === 'strike') n += countLinks(run.children);
  }
  return n;
}

function isListOfPoints(block: Block | undefined): boolean {
  return block?.kind === 'list' && block.items.length >= 2;
}

const FOOTNOTE_DEFINITION = /^\[\^[\w-]{1,20}\]:\s*/;
const REFERENCE_MARK_HINT = /\[|cite|@|[\^_]/;
// "... a thousand steps [1], by ... [2, 3]", "embeddings[^1]": where the note cites, not what
// it says. (An interval is no citation: "values in [0, 1]".)
const NUMBERED_REFERENCE = /(?<!\b(?:in|within|range|interval|between|of|to|from)) ?\[(?:\^[\w-]{1,20}|[1-9]\d{0,2}(?:\s*[,–-]\s*[1-9]\d{0,2}){0,6})\](?!\()/g;
// Org-ref "cite:smith2019", Pandoc "[@lee2020; @wang2018]" and "@wang2018": a citation key.
const CITATION_KEY = / ?\b(?:cite[a-z]*:[\w:.,-]+|\[(?:see )?@[A-Za-z][\w:.-]*(?:[;,]\s*@[A-Za-z][\w:.-]*)*\])|(?:,? (?:unlike|like|than|see|cf\.|as in|following|by))? ?(?<![\w.@])@[A-Za-z][A-Za-z-]*\d{4}[a-z]?\b/g;
// Scripts written out of maths ("x^*", "W^T", "l_1"): as the terminal can show them.
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A line without citation markers, and with its simple scripts readable (see latexToText). */
function withoutReferenceMarks(line: string): string {
  return line
    .replace(NUMBERED_REFERENCE, '')
    .replace(CITATION_KEY, '')
    .replace(/(?<=[\p{L}\p{N})\]])\^\*/gu, '*')
    .replace(/(?<=[\p{L})\]])\^(?:T|\{T\}|⊤)(?![\p{L}\p{N}])/gu, 'ᵀ')
    .replace(/(?<=[\p{L})\]])\^\{?(-?)(\d{1,2})\}?(?![\p{L}\p{N}.])/gu, (_, minus: string, digits: string) => (minus ? '⁻' : '') + [...digits].map((d) => SUPERSCRIPT_DIGITS[+d]).join(''))
    .replace(/(?<=(?:^|[^\p{L}\p{N}_])\p{L})_\{?(\d{1,2})\}?(?![\p{L}\p{N}_])/gu, (_, digits: string) => [...digits].map((d) => SUBSCRIPT_DIGITS[+d]).join(''))
    .replace(/ {2,}/g, ' ')
    .replace(/ (?=[.,;:!?])/g, '')
    .trim();
}

/** The text with its first letter in capitals. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
