// Word wrapping for note text. Ink wraps with wrap-ansi's `trim: false`, which starts a line
// with the space after a word that ended exactly at the edge (" of recursion ..."); text
// wrapped here first never reaches that. Ink still wraps whatever is left too long (a resize
// can arrive before the new width does).

/** `text` wrapped to `width`, cut to `maxLines` lines, the last ending in "…" when cut. */
export function fitText(text: string, width: number, maxLines: number): string {
  return cutLines(wrapLines(text, width), maxLines, width).join('\n');
}

/** `text` wrapped to `width`, as its lines. */
export function wrapLines(text: string, width: number): string[] {
  return wordWrap(text, width).split('\n');
}

/** The first `maxLines` (at least one) of `lines`, the last ending in "…" when some were cut. */
export function cutLines(lines: readonly string[], maxLines: number, width: number): string[] {
  if (lines.length <= maxLines) return [...lines];
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept[kept.length - 1]!;
  kept[kept.length - 1] = `${last.length >= width ? last.slice(0, Math.max(0, width - 1)) : last}…`;
  return kept;
}

/** Breaks `text` into lines of at most `width` columns at spaces; a longer word is split. */
export function wordWrap(text: string, width: number): string {
  const limit = Math.max(1, width);
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/ +/).filter(Boolean)) {
        let rest = word;
        while (rest.length > limit) {
          if (line) {
            lines.push(line);
            line = '';
          }
          lines.push(rest.slice(0, limit));
          rest = rest.slice(limit);
        }
        if (!rest) continue;
        if (!line) line = rest;
        else if (line.length + 1 + rest.length <= limit) line += ` ${rest}`;
        else {
          lines.push(line);
          line = rest;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}
