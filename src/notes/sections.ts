// What a heading, label or column name says it is. Notes name their parts with a small,
// stable vocabulary: a paper's own sub-sections ("Key Points", "Thoughts", "TLDR"), the
// groups papers sit in ("Day 1", "Posters", "Week 3"), and the essay around them
// ("Contents", "Summary", "Tips and tricks"). None of those is a paper's title.

/**
 * What a sub-section of a paper's note holds, by its name:
 * - lead: what the paper is about, said briefly (TLDR, Summary, Main idea): the answer's first source;
 * - own: the note-taker talking (Thoughts, Questions, My take): never the answer;
 * - meta: about the paper, not its idea (Authors, Links, Tags): not read;
 * - context: what surrounds the paper rather than what it does (Related work, History, Future
 *   work, an Update about later work): the answer's source only when the rest has none;
 * - body: the rest of what the paper does (Method, Results, Details).
 */
export type PartKind = 'lead' | 'own' | 'meta' | 'context' | 'body' | 'keyIdea';

const ANSWER_PARTS = /^(?:(?:key |our )?contributions?|key insights?|claims?|quick claims|solutions?|proposal|proposed (?:method|approach|solution|model|framework))$/;

/**
 * Whether a label names the paper's answer ("Solution:", "Contributions:"). Written on a line of
 * the note's text before what it labels, such a label is read with the lines around it, not as
 * a part of its own: "Code models read left to right. Solution: mask a fifth of the tokens" is
 * one statement. (Alone on its line, over bullets, it heads its part, as a heading does.)
 */
export function namesAnswerPart(label: string): boolean {
  return ANSWER_PARTS.test(normal(label).replace(/^(?:the |a )/, ''));
}

const PART_WORDS: [PartKind, RegExp][] = [
  // "Key idea" names the answer; "Key ideas", a list of points, and "Key idea: <topic>" name
  // where the answer is, as "Summary" does (see NoteText.addBlocks).
  // (So does a template's "Short Description": its one line is the gist, over the abstract pasted
  // under it.)
  ['keyIdea', /^(?:key[ -]?idea|(?:short|brief) description)$/],
  [
    'lead',
    /^(?:(?:(?:main|high[- ]level|key) )?research questions?|(?:summary|summaries|blog post|write-?up) (?:by|from) [\p{L}\p{N} .'’-]{1,40}(?: \(.{0,40}\))?|key[ -]?ideas|key[ -]?ideas?\s*[:：\-–—]\s*[\p{L}\p{N}].{0,60}|tl;?\s?dr|tldr|too long;? didn['’]?t read|summary|short summary|brief summary|paper summary|one[- ]?(?:line|liner|sentence)(?: summary)?|in a nutshell|gist|main (?:idea|point|contribution|result|finding)s?|main takeaway|core idea|big idea|the idea|idea|abstract|overview|significance|what(?: is it| they did| it does)?|how|description|essence|elevator pitch|problem and solution|摘要|概要|总结|核心思想|主要思想|一句话总结|要点|概述|(?:文章|论文|内容)(?:概述|简介|概要)|简介|主要内容|主要贡献|贡献|要約|まとめ|概要と手法|どんなもの)$/u,
  ],
  // The paper's answer, as a part of its own ("### Claims", "### Solution", "** Key Insight"):
  // read first, as a summary is, over the problem and background beside it.
  ['lead', ANSWER_PARTS],
  [
    'own',
    /^(?:(?:my |personal |some |random |further |final |other |initial |closing )?(?:thoughts?|notes?\/questions?|questions?|open questions?|comments?|opinions?|take|takeaways? for me|impressions?|reflections?|remarks?|critique|criticism|review|verdict|rating|discussion|ideas?|hot takes?|follow[- ]?ups?|to ?dos?|next steps?|todo|to read|read next|to read next|next reads?|reading list|why (?:i read (?:it|this)|it matters|read it)|how (?:it|this) relates to my work|relevance|strengths? and weakness(?:es)?|weakness(?:es)?|pros and cons|cons|advantages? and disadvantages?|disadvantages?|demerits|drawbacks|shortcomings|likes?|dislikes?|doubts?|confusions?|unclear|things to (?:check|try|look up)|q ?& ?a|qa)|my (?:take|notes|view|summary of thoughts|opinion|comments?)|questions? (?:i (?:have|had)|for|to ponder|going in|coming out|before reading|after reading)\b.{0,40}|(?:pre|post)[- ]?reading questions?|discussion questions?|(?:interesting )?(?:aspects|points) (?:of|from) the discussion|notes (?:for|to) the authors?|unanswered (?:points?|questions?)|(?:things|questions|points) (?:that went |left )?unanswered\b.{0,40}|评论|评价|感想|思考|想法|心得(?:体会)?|体会|读后感|收获|个人(?:看法|理解|想法|思考|评价)|我的(?:看法|理解|想法|思考|评价)|疑问|问题与思考|感想・考察|考察|所感|議論はある|コメント)$/,
  ],
  [
    'meta',
    /^(?:authors?|authorship|affiliations?|institutes?|institutions?|links?|resources?|references?|refs?|bib(?:tex)?|parents?|belongs to|related|citation|cite|code|source|url|pdf|paper|tags?|keywords?|venue|conference|year|date|published|publication|status|importance|priority|relevance|metadata|meta|info|information|details of the paper|paper info|source code|slides|video|talk|poster|github|arxiv|doi|read on|date read|category|categories|topics?|field|field dates|geographic coverage|study (?:area|sites?|period)|location|more|more (?:links|reading|resources|to read)|further reading|see also|also see|read more|learn more(?: about(?: the followings?| these| this)?)?|things to learn(?: about)?|external links|related links|useful links|links and resources|other (?:references|links)|更多|参考资料|vocabulary|glossary|new words|words|生词|单词|词汇|链接|相关链接|参考链接|代码|论文链接|作者|延伸阅读|(?:论文|文章)?(?:题目|标题)|来源|出处|关键词|关键字|リンク|著者|著者\/所属機関|所属機関|会議|論文誌|論文関連リンク|参考リンク|投稿日付.{0,20}|次に読むべき論文は|key-words|read)$/,
  ],
  [
    'context',
    /^(?:strengths?|pros|advantages?|merits|related work|relevant work|related papers|relevant papers|prior work|previous work|future work|(?:areas|directions) (?:for|of) future work|future directions|outlook|history(?: of [\p{L}\p{N} -]{1,50})?|questions (?:considered|asked|addressed|studied)|updates?|相关工作|未来工作|関連研究)$/u,
  ],
  [
    'body',
    /^(?:key (?:points?|takeaways?|findings?|results?|concepts?)|highlights?|method(?:s|ology)?|approach|model|architecture|results?|experiments?(?: and results)?|experimental (?:setup|results)|evaluation|background|motivation|problem(?: statement| setting| setup)?|introduction|intro|details?|technical details|setup|data(?:sets?)?|implementation(?: details)?|analysis|conclusions?|limitations?|observations?|insights?|findings?|lessons(?: learned)?|notes|overall notes|detailed notes|raw notes|(?:main |top |\d+ |three |five )?takeaways?|misc|miscellaneous|appendix|figures?|math|algorithm|training|theory|proofs?|how it works|why|key (?:equations?|figures?)|ablations?|benchmarks?|baselines?|datasets? and metrics|metrics|loss|objective|inference|applications?|use cases?|examples?|intuition|contents?|(?:specific research questions?|research questions?) and hypothes[ie]s|hypothes[ie]s|data (?:collection|analysis)(?: methodolog(?:y|ies)| methods?)?|study design|participants|先行研究と比べてどこがすごいの?|技術や手法のキモはどこ|提案手法の詳細|手法の概要|どうやって有効だと検証した)$/,
  ],
  // The same parts named in Portuguese, Spanish, French and German, as notes kept in those
  // languages name them ("## Resumo", "## Trabalhos correlatos", "## Pontos fracos", "# Referências").
  ['lead', /^(?:resumo|resumen|résumé|zusammenfassung|kurzfassung|sumário|síntese|ideia (?:principal|central)|idea (?:principal|central)|idée (?:principale|centrale)|kernidee|hauptidee|em resumo|en resumen|en bref|contribuições|contribuciones|contributions principales|beiträge)$/u],
  ['own', /^(?:minhas notas|mis notas|mes notes|meine notizen|opini[ãóo]o?n?|cr[íi]ticas?|critiques?|kritik|reflex(?:ões|iones)|pensamentos|pensamientos|réflexions?|gedanken|pontos fracos|puntos d[ée]biles|debilidades|points faibles|faiblesses|schwächen|d[úu]vidas|dudas)$/u],
  ['meta', /^(?:refer[êe]ncias?|références?|referenzen|literatur|bibliografia|bibliografía|bibliographie|autor(?:es|en)?|auteurs?|palavras[- ]chave|palabras clave|mots[- ]clés|schlüsselwörter|download|baixar|descargar|télécharger|c[óo]digo|liga[çc](?:ão|ões)|enlaces?|liens?)$/u],
  ['context', /^(?:trabalhos (?:relacionados|correlatos|futuros)|trabajos? (?:relacionados?|futuros?)|travaux (?:connexes|liés|futurs)|verwandte arbeiten|stand der forschung|pontos fortes|puntos fuertes|fortalezas|points forts|forces|stärken)$/u],
  ['body', /^(?:introdu[çc][ãa]o|introducci[óo]n|einleitung|einführung|metodologia|metodología|méthodologie|m[ée]todos?|méthodes?|methoden?|resultados|résultats|ergebnisse|conclus(?:ão|ões|iones?|ions?)|fazit|schlussfolgerung(?:en)?|discuss(?:ão|ion)|discusión|diskussion|base de dados|conjunto de dados|conjunto de datos|jeu de données|datensatz|experimentos|expériences|experimente|motiva[çc][ãa]o|motivaci[óo]n|problema|problème|problem(?:stellung)?|abordagem|enfoque|approche|ansatz|proposta|propuesta|proposition|vorschlag|objetivos?|objectifs?|ziele?)$/u],
];

// Headings that group papers or frame them, never a paper themselves.
const GROUP_WORDS =
  /^(?:(?:table of )?contents|toc|index|overview|introduction|intro|preface|foreword|about(?: me| this(?: repo| page)?)?|summary|summaries|conclusions?|final (?:thoughts|words|remarks)|closing (?:thoughts|remarks)|(?:overall |general |first )?impressions?|general(?: thoughts| notes| comments)?|trends?|(?:key |main |overall )?(?:highlights|takeaways)|acknowledge?ments?|license|licence|updates?|changelog|news|resources|links|references|refs|bibliography|todo|to read|read|backlog|archive|misc(?:ellaneous)?|others?|other (?:papers|notes|stuff|things|talks|work)|more papers|honou?rable mentions|uncategori[sz]ed|unsorted|tips(?: and tricks| & tricks)?|words i don['’]?t know|vocabulary|terms|terminology|definitions|tricks|faq|notes?|papers?|paper (?:list|notes|summaries)|reading (?:list|notes|group)|list of papers|(?:invited |contributed |workshop |conference |other )?talks?|panels?(?: discussion)?|keynotes?|tutorials?|workshops?(?: (?:papers|notes|highlights))?|posters?(?: sessions?| summaries)?|orals?|spotlights?|sessions?|tracks?|socials?|demos?|demonstrations?|competitions?|awards?|best papers?|lunch|coffee|breaks?|registration|opening(?: remarks)?|closing|venue|logistics|schedule|agenda|program(?:me)?|how to (?:read|use) (?:this|these notes)|legend|key|abbreviations|glossary|template|setup|installation|usage|contributing|(?:how to )?contribute|contributors|contact(?: me)?|tags)$/;

// "**N.B: the second section of the paper gives ...**", "Note: ...", "PS: ...": an aside.
const ASIDE_LABEL = /^(?:n\.? ?b|note|ps|p\.s|edit|remark|tip|warning|caveat|disclaimer|side ?note)\.?\s*[:：]/;

// Days, parts of days, weeks, dates: a line that names when, not what.
const WHEN =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|night|day[ \t]*\d+|week[ \t]*\d+|session[ \t]*\d+|part[ \t]*\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\d{4}-\d{2}(?:-\d{2})?|(?:january|february|march|april|june|july|august|september|october|november|december)(?:[ \t]+\d{4})?)\b/i;
// One talk: "Keynote Talk 2: ...", "Invited talk - ...", "Panel: ...": its sub-headings (its
// speaker, its parts) are the talk's too. (Not a workshop's or a session's: papers are headed
// under those.)
const ONE_TALK_NAMES = 'keynote(?: talk| address| speech| lecture)?|invited talk|invited speaker|plenary(?: talk)?|fireside chat|panel(?: discussion)?';
// "... 2:", "... II -": a name's end, numbered or not.
const LABEL_END = '\\b\\s*(?:(?:\\d+|[ivx]{1,4})\\s*)?[:\\-–—](?:\\s|$)';
const ONE_TALK = new RegExp(`^(?:${ONE_TALK_NAMES})${LABEL_END}`);
// "Keynote: Ten Years of ...", "Tutorial: ...", "Coffee break -": the event names itself.
// "Keynote II: ...", "Announcement from the organisers", "Ada Lovelace: Invited speaker".
const TALK = new RegExp(
  `^(?:(?:${ONE_TALK_NAMES}|tutorial|workshop|social|lunch|coffee break|poster session|opening remarks|closing remarks|town hall|demo session)${LABEL_END}|announcements?(?:\\s*[:\\-–—]|\\s+(?:from|by)\\b))|[:\\-–—(]\\s*(?:invited (?:speaker|talk)|keynote(?: talk| speaker| address)?|plenary talk)\\)?$`,
);

const BOOK_PART = /^(?:chapter|chap\.?|chp\.?|ch\.|section|sec\.|§)\s*\d+(?:\.\d+)*\b/;

/** Whether a heading names a book's chapter or section ("Chapter 2: The Human Factor", "Section 3.8"). */
export function namesBookPart(title: string): boolean {
  return BOOK_PART.test(normal(title));
}

/** Whether a heading names one talk ("Keynote Talk 2: ..."): nothing under it is a paper. */
export function namesOneTalk(title: string): boolean {
  return ONE_TALK.test(normal(title));
}

// "ML 4 Space Social", "Women in ML Lunch", "Poster session B": an event named by its kind.
const EVENT_SUFFIX = /\b(?:social|lunch|dinner|reception|meetup|party|breakfast|poster session|demo session|demonstrations?|panel(?: discussion)?)$/;
// "Machine Learning for Molecules and Materials Workshop", "Workshop on Meta-Learning": a
// workshop, whose papers are headed under it.
// (Also "ICML 2019 Workshop on X", "ICML 2019 Workshop: X", "X workshop @ ICML". A paper's
// title may end in the workshop it was shown at: "Seeded self-play ... (LANTERN workshop)".)
const WORKSHOP = /\bworkshops?(?=$|\s*(?:on\b|:|@|[-–—]\s))/;
const CONFERENCE =
  /\b(?:neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|eacl|coling|aaai|ijcai|kdd|www|sigir|sigmod|vldb|chi|uist|siggraph|icra|iros|corl|rss|uai|aistats|colt|interspeech|icassp|miccai|wacv|bmvc|cikm|wsdm|recsys|osdi|sosp|nsdi|sigcomm|infocom|imc|mobicom|eurosys|asplos|atc|socc|mlsys|isca|micro|pldi|popl|icse|fse|usenix|ccs|sp|ndss|colm|tmlr|jmlr)\b/i;
const COLLECTION_SUFFIX = /\b(?:notes|summary|summaries|write-?up|highlights|papers|reading list|recap|review|digest|round-?up|takeaways|reading|readings|log|journal|blog)$/i;

function normal(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\u200d\ufe0f]/gu, '')
    // ("### >> Abstract", "## → Method": a mark before the name of a part.)
    .replace(/^(?:>>|»|→|=>|->)\s*/, '')
    .replace(/^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[ivx]{1,4}[.)])\s+/, '')
    .replace(/\s*[:.!?：？–—-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Answers kept per text: a heading is asked about several times (is it a part, a group, how
 * strong a title), and a large file has thousands. Cleared when it grows past a bound.
 */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = compute(text);
      if (cache.size > 20_000) cache.clear();
      cache.set(text, value);
    }
    return value as T;
  };
}

const TEMPLATE_PROMPT =
  /^(?:what|how|why|which|who|did|does|do|is|are|was|were|can|could|should|would|describe|explain|summari[sz]e|list|discuss|compare|identify)\b.*\b(?:the (?:paper|authors?|study|studies|work|research|results?|data|methodolog(?:y|ies)|findings?|conclusions?)|research questions?|this (?:paper|work|study))\b/;

/**
 * Whether a heading is written as a statement, a sentence ending as one ("##### 新規の点畳込み演算子
 * KPConvを提案した。", "### They prune heads that attend to the same token."): what the part it
 * sits in says, set in large type, not the name of a part.
 */
export function statesSomething(title: string): boolean {
  const text = title.trim();
  if (!/[。．.!！]$/u.test(text) || /\.\.\.$|…$/.test(text)) return false;
  const ideographs = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return ideographs >= 8 || text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 4;
}

// A note kept in the paper's own sections: "Introduction", then "Methods", "Results", "Discussion".
const PAPER_OPENING_SECTION = /^(?:introduction|intro)$/;
const PAPER_LATER_SECTION = /^(?:(?:materials and )?methods?|results?|experiments?|(?:results and )?discussions?|conclusions?)$/;
// Where such a note says what the paper found (in a note of its own parts, "Discussion" is the
// reading group's talk: partKind's "own").
const PAPER_FINDINGS_SECTION = /^(?:(?:results and )?discussions?|discussions? and conclusions?|conclusions?|concluding remarks)$/;

const PAPER_METHOD_SECTION = /^(?:(?:materials and )?methods?|methodology)$/;
const PAPER_RESULTS_SECTION = /^results?$/;

/**
 * Whether a note's headings are the paper's own sections (an "Introduction" and a "Methods",
 * "Results" or "Discussion"; or, with no Introduction, a "Method", its "Results" and a
 * "Conclusion" or "Discussion"): the note follows the paper, section by section.
 */
export function followsPaperSections(labels: readonly string[]): boolean {
  const names = labels.map((label) => normal(label));
  const has = (section: RegExp) => names.some((name) => section.test(name));
  return (has(PAPER_OPENING_SECTION) && has(PAPER_LATER_SECTION)) || (has(PAPER_METHOD_SECTION) && has(PAPER_RESULTS_SECTION) && has(PAPER_FINDINGS_SECTION));
}

/**
 * The part a heading names (partKind); in a note that follows the paper's sections
 * (followsPaperSections), its "Discussion" and "Conclusion" are where the paper says what it
 * found, read first as a summary is ("The main contribution of the present work is ..."), over
 * the field its "Introduction" opens on.
 */
export function headingPartKind(label: string, inPaperSections: boolean): PartKind | null {
  return inPaperSections && PAPER_FINDINGS_SECTION.test(normal(label)) ? 'lead' : partKind(label);
}

/** The kind of sub-section a heading or label names, or null when it names no part of a note. */
export const partKind = memo(partKindOf);

function partKindOf(title: string): PartKind | null {
  const text = normal(title).replace(/^(?:the |a )/, '');
  if (text === '') return null;
  // "Authors: Remo van der Heiden, ...", "Keywords: ...": a labelled line written as a heading.
  const labelled = /^([\p{L} ]{2,30}?)\s*[:：]\s*\S/u.exec(text);
  if (labelled && PART_WORDS.some(([kind, words]) => kind === 'meta' && words.test(labelled[1]!))) return 'meta';
  // "What is the high-level research question.", "Did the paper draw convincing conclusions
  // using the methodology?": a template's prompt, answered under it.
  if (TEMPLATE_PROMPT.test(text)) return /\bresearch questions?$/.test(text) ? 'lead' : 'body';
  if (text.length > 60) return null;
  for (const [kind, words] of PART_WORDS) if (words.test(text)) return kind;
  // "Summary and thoughts", "Key points / questions", "技術や手法のキモはどこ? or 提案手法の詳細":
  // the first part decides.
  const first = text.split(/\s*(?:\/| and | & | or |,|;| - )\s*/)[0]!.replace(/[?？:：]+$/, '');
  if (first !== text) for (const [kind, words] of PART_WORDS) if (words.test(first)) return kind;
  return null;
}

// Why a heading is no paper when it says when the reading was done: reading filed by day,
// week or year ("### 10" under "## Nov", "## 2019"), its papers beneath it.
const DAY_HEADING = 'a day, week or session heading';
const YEAR_HEADING = 'a year heading, not a paper';

/** Whether notATitle's reason says a heading files reading by when: a group of papers, never one. */
export function filesByWhen(why: string | null): boolean {
  return why === DAY_HEADING || why === YEAR_HEADING;
}

/**
 * Why a heading is not a paper's title, or null when it may be one: the groups and frames
 * around papers ("Contents", "Day 2", "Posters", "ICLR 2019 notes") and the names of a note's
 * own parts ("Thoughts", "Key Points").
 */
export const notATitle = memo(notATitleOf);

function notATitleOf(title: string): string | null {
  const text = normal(title);
  if (text === '') return 'an empty heading';
  const words = text.split(' ').length;
  if (GROUP_WORDS.test(text)) return 'a section that frames the papers';
  if (ASIDE_LABEL.test(text)) return "the note-taker's aside, not a paper";
  if (TALK.test(text) || (words <= 6 && EVENT_SUFFIX.test(text)) || (words <= 16 && WORKSHOP.test(text))) return 'a talk or event, not a paper';
  if (words <= 6 && WHEN.test(text)) return DAY_HEADING;
  // "## Nov" over "### 10", "### 12": a reading log's month and its days.
  if (/^(?:\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?|\d{1,2}月(?:\d{1,2}日)?)$/.test(text)) return DAY_HEADING;
  // "## 2019" under "# Papers I Read": a year that reading is filed under.
  if (/^(?:19|20)\d{2}$/.test(text)) return YEAR_HEADING;
  // "Chapter 4: Joins over Streams", "Ch. 7", "Section 3.4: Mental Models": notes on a book's chapters.
  if (BOOK_PART.test(text)) return "a book's chapter, not a paper";
  // "V2", "v1.3" under a project's name: what changed in a version of it.
  if (/^v\d+(?:\.\d+)*$/.test(text)) return 'a version of what is above, not a paper';
  // ("SIGCOMM 22", "ATC 22": a conference's short year after its name, too.)
  if (words <= 6 && CONFERENCE.test(text) && (/\b(?:19|20)\d{2}\b|'\d{2}\b/.test(text) || (words === 2 && /^\S+ \d{2}$/.test(text)) || COLLECTION_SUFFIX.test(text)) && !titledBeforeVenue(text)) {
    return 'the conference or collection the papers belong to';
  }
  if (words <= 5 && COLLECTION_SUFFIX.test(text) && /^(?:my |our |some |paper |papers |research |weekly |daily |\S+ )?\S*\s*\S+$/.test(text) && !/:/.test(text)) {
    return 'the collection the papers belong to';
  }
  if (partKind(title) !== null) return 'a part of a note, not a paper';
  return null;
}

/**
 * "chain of thought prompting, neurips 2022", "react - iclr 2023": a title set apart from the
 * venue after it ("notes from neurips 2022", "highlights - icml 2019" name a collection).
 */
function titledBeforeVenue(text: string): boolean {
  const venue = CONFERENCE.exec(text);
  if (venue === null || venue.index === 0) return false;
  const before = text.slice(0, venue.index);
  if (!/(?:,|\s[-–—|]|\()\s*$/.test(before)) return false;
  const title = before.replace(/[\s,|–—(-]+$/, '');
  return /\p{L}{3}/u.test(title) && notATitleOf(title) === null && !COLLECTION_SUFFIX.test(title);
}

/**
 * How much a line reads like a paper's title, roughly -2 to 4: long, capitalised, with a
 * colon ("BERT: Pre-training of ..."), linked to a paper, a year or venue; short lower-case
 * phrases and sentences read less like one.
 */
export function titleStrength(title: string, paperLink = false): number {
  return strengthOf(title) + (paperLink ? 2 : 0);
}

const TITLE_CASE_SMALL_WORDS = new Set('a an the of in on at to for from by with and or but nor as via vs'.split(' '));

const strengthOf = memo((title: string): number => {
  const words = title.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  let strength = 0;
  if (words.length >= 4) strength += 1;
  else if (words.length === 3) strength += 0.5;
  else if (!words.some((w) => /[A-Z].*[A-Z0-9]|\d/.test(w.slice(1)) || /^[A-Z0-9-]{2,}$/.test(w))) strength -= 0.5;
  if (/^[^:]{2,60}:\s+\S/.test(title)) strength += 1;
  // (Title case leaves its short words small: "Synchronous, with a Chance of Partition Tolerance".)
  const counted = words.filter((w) => !TITLE_CASE_SMALL_WORDS.has(w));
  const capitalised = counted.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  if (words.length >= 2 && counted.length > 0 && capitalised / counted.length >= 0.6) strength += 0.5;
  if (words.length > 25) strength -= 1.5;
  else if (words.length > 14 && /[.!]$/.test(title)) strength -= 1;
  if (/^(?:this|these|that|we|they|it|i|my|our|note|nb|important|update|edit|warning|tip|caveat|disclaimer|see|also|read|check)\b/i.test(title)) strength -= 2;
  if (/^the (?:paper|authors?|model|method|idea|key|main|results?)\b/i.test(title)) strength -= 2;
  return strength;
});
