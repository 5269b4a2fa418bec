// What makes two titles "the same": read by the identity of cards across regeneration and by
// the notes' readers (a title an index gives a note, a paper's reference under its heading).

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, compatibility-folded, punctuation to spaces: what makes two titles "the same". */
export function normalizeTitle(title: string): string {
  // Most titles are plain ASCII: a cheaper path than the Unicode-aware one, same result.
  if (PLAIN_ASCII.test(title)) {
    return title.toLowerCase().replace(/['"`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  }
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d'"`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
