// Text for the terminal: how many columns a string takes, cutting and wrapping to a width, and
// the few small words and numbers every screen and report says the same way. Widths count
// terminal columns, not UTF-16 units, and are measured by `string-width`, the library Ink itself
// measures with: a row planned here is the row Ink draws (an emoji such as ✅ or a ZWJ family
// takes two columns to both, a combining mark none).
//
// Cutting and wrapping look only at as much of a text as can be shown: a 1 MB title with no
// space in it costs what the few lines it fills cost, never a pass over the rest per line.
//
// string-width builds an Intl.Segmenter and its emoji patterns as it loads, some 30 ms: more
// than all the work of `cards --json` or of a `generate` that finds nothing changed. So it is
// loaded only by loadTextWidths: by `measured`, when a command's text holds characters whose
// width only string-width knows, or else by the command runner before any command that prints
// text for a person without `measured` (cli/dispatch.ts). JSON output never measures columns.

/** string-width, once loaded. */
let stringWidth: ((text: string) => number) | undefined;

/** Loads string-width, for every width measured from then on. */
export async function loadTextWidths(): Promise<void> {
  stringWidth ??= (await import('string-width')).default;
}

/**
 * Columns a text takes when string-width was not loaded: `measured`'s first pass meets it (and
 * then formats again with string-width), as does a line printed without either (on stderr of
 * a --json run). Combining marks and format characters take none, the narrow characters one,
 * and every other two: more than a terminal draws for many, never less, so a line planned with
 * it is never too wide.
 */
function roughWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    // VS16 asks for emoji presentation, two columns: "©️" and "1️⃣" take two.
    if (char === '\uFE0F') width++;
    else if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(char)) continue;
    else width += NARROW_CHARACTERS.test(char) ? 1 : 2;
  }
  return width;
}

/** Whether a text was measured roughly (string-width not loaded) since `measured` last began. */
let measuredRoughly = false;

/** Columns of a text with characters beyond NARROW_CHARACTERS: string-width's count when loaded. */
function measure(text: string): number {
  if (stringWidth) return stringWidth(text);
  measuredRoughly = true;
  return roughWidth(text);
}

/**
 * What `format` gives, every text it measured measured exactly: a text of NARROW_CHARACTERS
 * alone is, without string-width, so string-width is loaded (and `format` run again) only when
 * `format` met another character. A table of plain titles then never pays for loading it.
 * `format` must do nothing but format: it may run twice.
 */
export async function measured<T>(format: () => T): Promise<T> {
  if (stringWidth) return format();
  measuredRoughly = false;
  const first = format();
  if (!measuredRoughly) return first;
  await loadTextWidths();
  return format();
}

/** Grapheme clusters: a ZWJ family, a flag or a letter with its accents is cut whole or not at all. Made on first need (see above). */
let segmenter: Intl.Segmenter | undefined;

/**
 * UTF-16 units of a text that `wrap` reads per column of the lines it may fill. The widest
 * clusters people write take a few units a column (a ZWJ family: 11 units in 2 columns); a text
 * longer than this is shown cut, whatever is in it (a flood of spaces or zero-width marks fills
 * fewer columns, and then shows less than it could: a bound on the work matters more).
 */
const UNITS_PER_COLUMN = 16;

/**
 * Characters one column wide that string-width need not be asked about: printable ASCII, Latin
 * letters with their accents and modifiers (up to U+02FF, the soft hyphen aside), the general
 * punctuation paperdeck itself prints (— … · ‘ ’ “ ”), arrows ← ↑ → ↓, and box drawing and block
 * elements (the progress bar). string-width's first look at any other character compiles its
 * emoji patterns, some 30 ms: a report whose only non-ASCII character is an em dash pays none
 * of it. (A test holds every one of these characters to string-width's own width.)
 */
export const NARROW_CHARACTERS = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u2193\u2500-\u259f]*$/;

/**
 * Terminal columns `text` takes, as Ink counts them. Plain ASCII (most titles, every table
 * cell of figures) is one column a character: string-width segments every text into clusters
 * first, which costs more than a report of thousands of lines should.
 */
export function displayWidth(text: string): number {
  return NARROW_CHARACTERS.test(text) ? text.length : measure(text);
}

/**
 * Widths of the clusters met so far: string-width tests each cluster against the emoji
 * sequences one by one (tens of microseconds), and a text repeats its few clusters. Bounded:
 * emptied when full.
 */
const clusterWidths = new Map<string, number>();

/** Columns one grapheme cluster takes. */
function clusterWidth(cluster: string): number {
  if (cluster.length === 1 && NARROW_CHARACTERS.test(cluster)) return 1;
  let width = clusterWidths.get(cluster);
  if (width === undefined) {
    if (clusterWidths.size >= 4096) clusterWidths.clear();
    width = measure(cluster);
    // Only string-width's counts are kept: a rough one would outlive the loading.
    if (stringWidth) clusterWidths.set(cluster, width);
  }
  return width;
}

/** UTF-16 units segmented at a time: segmenting costs in proportion to the string it is given. */
const WINDOW = 256;

/**
 * The grapheme clusters of `text`, read lazily, a window at a time, so a caller that stops
 * early has paid only for what it read (a segmenter handed 1 MB pays for 1 MB up front).
 */
function* clusters(text: string): Generator<string> {
  let pos = 0;
  while (pos < text.length) {
    const end = Math.min(text.length, pos + WINDOW);
    const window = text.slice(pos, end);
    let last = '';
    for (const { segment } of (segmenter ??= new Intl.Segmenter()).segment(window)) {
      if (last) yield last;
      last = segment;
    }
    // The window's last cluster may go on past it: it is read again at the next window's start,
    // unless the text ends here or the cluster fills the window (a flood of marks, cut there).
    if (end === text.length || last.length === window.length) {
      yield last;
      pos = end;
    } else {
      pos = end - last.length;
    }
  }
}

interface Taken {
  /** The longest start of the text that takes at most the width. */
  head: string;
  /** Its columns. */
  width: number;
  /** Whether the head is the whole text. */
  whole: boolean;
}

/** The longest start of `text` within `width` columns, reading no more than that needs. */
function takeColumns(text: string, width: number): Taken {
  const room = Math.max(0, width);
  // Narrow characters are a column each: no need to segment them.
  const probe = text.slice(0, room + 1);
  if (NARROW_CHARACTERS.test(probe)) {
    const head = probe.slice(0, room);
    return { head, width: head.length, whole: head.length === text.length };
  }
  let end = 0;
  let used = 0;
  for (const cluster of clusters(text)) {
    const w = clusterWidth(cluster);
    if (used + w > room) return { head: text.slice(0, end), width: used, whole: false };
    end += cluster.length;
    used += w;
  }
  return { head: text, width: used, whole: true };
}

/** `text` cut to at most `width` columns, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  if (takeColumns(text, width).whole) return text;
  if (width <= 0) return '';
  return takeColumns(text, width - 1).head.trimEnd() + '…';
}

/** The first `maxLines` (at least one) of `lines`, the last ending in "…" when some were cut. */
export function cutLines(lines: readonly string[], maxLines: number, width: number): string[] {
  if (lines.length <= maxLines) return [...lines];
  return endWithEllipsis(lines.slice(0, Math.max(1, maxLines)), width);
}

/** The last line marked as cut: truncate leaves a line with room for the "…", and cuts a full one to make room. */
function endWithEllipsis(lines: string[], width: number): string[] {
  lines[lines.length - 1] = truncate(`${lines[lines.length - 1]!}…`, width);
  return lines;
}

export interface WrapOptions {
  /** Put before every line but the first. */
  indent?: string;
  /** Put before the first line; `indent` unless given. */
  firstIndent?: string;
  /**
   * At most this many lines, the last ending in "…" when the text goes on. Only the start of
   * the text that these lines can show is read, so the cost is that of what is shown.
   */
  maxLines?: number;
}

/**
 * `text` broken at spaces into lines of at most `width` columns, indents included; "\n" starts
 * a new line. A word wider than a line is split (between grapheme clusters, never inside one).
 * No line starts or ends with a space: Ink wraps with wrap-ansi's `trim: false`, which would
 * start a line with the space after a word that ended exactly at the edge.
 */
export function wrap(text: string, width: number, { indent = '', firstIndent = indent, maxLines = Infinity }: WrapOptions = {}): string[] {
  const limit = Math.max(1, maxLines);
  // Cut first: lines of `width` columns show at most this much of the text.
  const budget = Number.isFinite(limit) ? Math.max(1, width) * limit * UNITS_PER_COLUMN : Infinity;
  const cut = text.length > budget;
  const source = cut ? text.slice(0, budget) : text;
  const lines: string[] = [];
  let prefix = firstIndent;
  let line = '';
  let lineWidth = 0;
  const room = () => Math.max(1, width - displayWidth(prefix));
  const push = () => {
    lines.push(line ? prefix + line : '');
    prefix = indent;
    line = '';
    lineWidth = 0;
  };
  const full = () => lines.length > limit;
  paragraphs: for (const paragraph of source.split('\n')) {
    for (const word of paragraph.split(/ +/)) {
      if (!word) continue;
      // Measured only as far as a line: a longer word is split whatever its width.
      const fit = takeColumns(word, room());
      const overflows = !fit.whole || lineWidth + 1 + fit.width > room();
      // Chinese and Japanese fill the line they start on: "本文提出Focal Loss，在交叉熵前 ..."
      // goes on after "Loss" rather than on a line of its own.
      const flows = overflows && line !== '' && IDEOGRAPHIC.test(word);
      if (line && overflows && !flows) push();
      if (full()) break paragraphs;
      if (fit.whole && !flows) {
        line = line ? `${line} ${word}` : word;
        lineWidth += (lineWidth ? 1 : 0) + fit.width;
        continue;
      }
      // A word wider than a line: whole lines of it, then the rest starts the next line. Read
      // once, cluster by cluster, and only as far as the lines it fills.
      // Chinese and Japanese break between any two characters, Latin only at spaces: a line
      // ends where the two meet or between two ideographs, never before a closing mark
      // ("。", "，", ".") and never inside a Latin word, unless the word alone is wider than a line.
      let piece = flows ? `${line} ` : '';
      let pieceWidth = flows ? lineWidth + 1 : 0;
      // (A line it flows on may end before it, at the space.)
      let breakAt = flows ? piece.length : 0;
      let breakWidth = flows ? pieceWidth : 0;
      let previous = flows ? ' ' : '';
      for (const cluster of NARROW_CHARACTERS.test(word) ? word : clusters(word)) {
        const w = clusterWidth(cluster);
        if (piece && (IDEOGRAPHIC.test(previous) || IDEOGRAPHIC.test(cluster)) && !NO_LINE_START.test(cluster)) [breakAt, breakWidth] = [piece.length, pieceWidth];
        // At least one cluster a line, even one wider than the line. (What is left after a break
        // may still leave no room for this cluster: then it is a line of its own.)
        while (piece && pieceWidth + w > room()) {
          const at = breakAt > 0 ? breakAt : piece.length;
          line = piece.slice(0, at).trimEnd();
          push();
          if (full()) break paragraphs;
          piece = piece.slice(at);
          pieceWidth = at === breakAt ? pieceWidth - breakWidth : 0;
          breakAt = 0;
          breakWidth = 0;
        }
        piece += cluster;
        pieceWidth += w;
        previous = cluster;
      }
      line = piece;
      lineWidth = pieceWidth;
    }
    push();
    if (full()) break;
  }
  if (lines.length > limit) return cutLines(lines, limit, width);
  return cut ? endWithEllipsis(lines, width) : lines;
}

/** Han and kana, as a character class's ranges: the characters Chinese and Japanese write words with, no space between. */
export const IDEOGRAPH_RANGES = '\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff';
const IDEOGRAPHIC = new RegExp(`[${IDEOGRAPH_RANGES}]`);

/** A Han or kana character: a word of its own, as Chinese and Japanese put no space between words (Korean does). */
export function isIdeograph(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
// Closing marks that no line starts with, in Chinese and Japanese typesetting and in ours.
const NO_LINE_START = /^[。，、．：；！？）」』】〉》”’.,:;!?)\]]$/;

/** "1 card", "3 cards"; `many` for the irregular ("leeches"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A share as a percentage: "83.3%" (one decimal unless told). */
export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/**
 * Time spent: "42 s", "3 min 10 s", "1 h 05 min", in the units of the interval labels
 * (schedule/interval-label.ts): minutes are never "m", which reads as months beside "mo".
 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * A text ending on a word after which no sentence ends ("The loss is", "... trained by", "...
 * in Separation Logic and"): what follows is its sentence going on.
 */
export const ENDS_WANTING_MORE =
  /\b(?:is|are|was|were|be|been|becomes?|by|of|as|to|the|an?|in|on|at|with|from|into|for|between|than|that|which|where|and|or|then|equals?)$|=$/i;
