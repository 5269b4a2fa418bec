// Text for the terminal: how many columns a string takes, cutting and wrapping to a width, and
// the few small words and numbers every screen and report says the same way. Widths count
// terminal columns, not UTF-16 units: a CJK character takes two, a combining mark none, so a
// title in Chinese wraps where the terminal would wrap it and the row counts stay exact.

// Wide (two-column) characters: CJK, Hangul, full-width forms, most emoji.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
// Combining marks and zero-width characters take no column.
const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f]/u;

/** Columns one character (code point) takes. */
function charWidth(char: string): number {
  return ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
}

/** Terminal columns `text` takes (an approximation of wcwidth). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** The longest start of `text` that takes at most `width` columns. */
function takeColumns(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width) break;
    out += char;
    used += w;
  }
  return out;
}

/** `text` cut to at most `width` columns, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  return takeColumns(text, width - 1).trimEnd() + '…';
}

export interface WrapOptions {
  /** Put before every line but the first. */
  indent?: string;
  /** Put before the first line; `indent` unless given. */
  firstIndent?: string;
}

/**
 * `text` broken at spaces into lines of at most `width` columns, indents included; "\n" starts
 * a new line. A word wider than a line is split (at characters, never inside one). No line
 * starts or ends with a space: Ink wraps with wrap-ansi's `trim: false`, which would start a
 * line with the space after a word that ended exactly at the edge.
 */
export function wrap(text: string, width: number, { indent = '', firstIndent = indent }: WrapOptions = {}): string[] {
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
  for (const paragraph of text.split('\n')) {
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      let rest = word;
      let restWidth = displayWidth(rest);
      if (line && lineWidth + 1 + restWidth > room()) push();
      while (restWidth > room()) {
        if (line) push();
        // At least one character a line, even one wider than the line.
        const piece = takeColumns(rest, room()) || [...rest][0]!;
        line = piece;
        push();
        rest = rest.slice(piece.length);
        restWidth = displayWidth(rest);
      }
      if (!rest) continue;
      line = line ? `${line} ${rest}` : rest;
      lineWidth += (lineWidth ? 1 : 0) + restWidth;
    }
    push();
  }
  return lines;
}

/** "1 card", "3 cards"; `many` for the irregular ("leeches"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A share as a percentage: "83.3%" (one decimal unless told). */
export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** Time spent: "42s", "3m 10s", "1h 05m". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
