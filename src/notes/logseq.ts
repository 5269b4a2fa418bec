// Logseq pages: every line a bullet of an outline, a page's sections written as bullets that are
// headings ("- # Main Result"), block properties under bullets ("id:: 64cb...", "collapsed::
// true"), references to other blocks ("((64cbf6c7-...))") and a PDF embedded from Zotero
// ("- ![Paper.pdf](file://zotero_link/...)"). Read as Markdown as it is, the headings sit in
// list items where no part of a note is looked for, and the properties and references become
// sentences. This turns such a page into the Markdown it means, line for line (a paper's line
// stays its line): headings at the top level over their bullets, the rest blanked.

// "id:: 64cbbde2-...", "collapsed:: true", "type:: paper_reading": a block's or page's property.
const PROPERTY = /^[ \t]*([A-Za-z][\w-]*):: ?(.*)$/;
// "((64cbf6c7-040f-44f7-9b00-950565b151bf))": a reference to another block, whose text is elsewhere.
const BLOCK_REFERENCE = /\(\([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)\)/g;
const A_BLOCK_REFERENCE = new RegExp(BLOCK_REFERENCE.source);
const BULLET = /^(\t*)-(?: |$)/;
// "- # Main Result", "\t- ## Understanding the Paper": a bullet that is a heading.
const HEADING_BULLET = /^(\t*)- (#{1,6} .*)$/;
// "- ![Anyons in an exactly solved model.pdf](file://zotero_link/...)": the paper's PDF, embedded.
const EMBED_LINE = /^\t*- !\[[^\]]*\]\([^)]*\)\s*$/;
// "- #+BEGIN_NOTE", "#+END_NOTE": the fences of a highlighted block, whose text is the note's.
const ADMONITION_FENCE = /^\t*(?:- )?\s*#\+(?:BEGIN|END)_[A-Z]+\s*$/;
// Logseq writes a bullet's further lines two spaces past its dash.
const CONTINUATION = /^\t* {2,}\S/;

/** How many of a page's lines must read as Logseq's for it to be read as a Logseq page. */
const MOST_LINES_OUTSIDE_OUTLINE = 0.1;

/**
 * Whether a Markdown text is a Logseq page: nearly every line a bullet of the outline (or a
 * bullet's further line), with something only Logseq writes somewhere (a property, a block
 * reference, a heading bullet, an embedded file). A file of bullets without any is a list.
 */
export function isLogseqPage(text: string): boolean {
  if (!text.startsWith('- ') && !PROPERTY.test(text.split('\n', 1)[0]!)) return false;
  let lines = 0;
  let outside = 0;
  let marked = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    lines++;
    marked ||= PROPERTY.test(line) || A_BLOCK_REFERENCE.test(line) || HEADING_BULLET.test(line) || EMBED_LINE.test(line);
    if (!BULLET.test(line) && !CONTINUATION.test(line) && !PROPERTY.test(line)) outside++;
  }
  return marked && outside / lines <= MOST_LINES_OUTSIDE_OUTLINE;
}

/** A Logseq page as the Markdown it means, line for line, with its `title::` property if it has one. */
export function logseqToMarkdown(text: string): { text: string; title: string | null } {
  let title: string | null = null;
  // The depth of each heading bullet the lines now read sit under, deepest last: their lines
  // lose that many tabs, and one more for the heading's own bullet.
  const headings: number[] = [];
  const out = text.split('\n').map((raw, index) => {
    const property = PROPERTY.exec(raw);
    if (property) {
      // (A page's own properties come first, before any bullet.)
      if (property[1]!.toLowerCase() === 'title' && title === null && index < 5) title = property[2]!.trim();
      return '';
    }
    if (EMBED_LINE.test(raw) || ADMONITION_FENCE.test(raw)) return '';
    const line = raw.replace(BLOCK_REFERENCE, '');
    if (line.trim() === '' || /^\t*-\s*$/.test(line)) return '';
    const depth = /^\t*/.exec(line)![0].length;
    // (A bullet as deep as a heading bullet, or less, ends its part; a further line of text does not.)
    while (headings.length > 0 && depth <= headings[headings.length - 1]! && BULLET.test(line)) headings.pop();
    const heading = HEADING_BULLET.exec(line);
    if (heading) {
      headings.push(depth);
      return heading[2]!;
    }
    const under = headings.length > 0 ? headings[headings.length - 1]! + 1 : 0;
    return line.slice(Math.min(under, depth));
  });
  return { text: out.join('\n'), title };
}
