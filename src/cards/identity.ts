// A card's identity must survive what people do to their notes. Hashing the content (as
// hashcards does) throws the history away on every edit; using the position breaks on every
// reorder. So a card gets an id once, when its paper first appears, and every regeneration
// matches the new notes against the previous cards: first by exact (normalised) title, then by
// a fuzzy match for renamed titles, helped by an unchanged body. Cards whose paper is gone are
// retired, not deleted, and come back (with their history) when the paper does.
import { createHash } from 'node:crypto';
import type { Card, DeckChanges } from '../core/types.js';

/** A card as the generator makes it, before it has an identity. */
export type DraftCard = Omit<Card, 'id'>;

export interface IdentityChanges extends DeckChanges {
  /** Retired cards whose paper came back: same id, history intact. */
  restored: string[];
}

export interface IdentityResult {
  cards: Card[];
  retired: Card[];
  changes: IdentityChanges;
}

/** Edit-distance similarity at or above which a changed title is the same paper renamed. */
const RENAME_BY_TITLE = 0.8;
/** Bigram overlap below which two titles cannot reach RENAME_BY_TITLE: skips the edit distance. */
const PREFILTER = 0.5;
/** Above this many unmatched pairs, compare only pairs that share a title word or the body. */
const ALL_PAIRS_LIMIT = 250_000;
const COMMON_WORD_LIMIT = 200;

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

function bigrams(text: string): Map<string, number> {
  const compact = text.replace(/ /g, '');
  const grams = new Map<string, number>();
  for (let i = 0; i < compact.length - 1; i++) {
    const gram = compact.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice over character bigrams: cheap, and low for titles that cannot be a typo apart. */
export function bigramOverlap(a: string, b: string): number {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [gram, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** 1 − Levenshtein distance / longer length: near 1 for typo fixes, low for other papers. */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return 1 - previous[b.length]! / Math.max(a.length, b.length);
}

/** A readable, stable id: the title's first words plus a short hash of the whole title. */
export function cardIdFor(title: string, taken: ReadonlySet<string>): string {
  const normal = normalizeTitle(title);
  const slug =
    normal
      .normalize('NFKD')
      .replace(/[^a-z0-9 ]/g, '')
      .split(' ')
      .filter(Boolean)
      .join('-')
      .replace(/^(.{0,40})(-.*)?$/, '$1') // whole words, at most 40 characters
      .slice(0, 40) || 'paper';
  const hash = createHash('sha256').update(normal).digest('hex');
  let id = `${slug}-${hash.slice(0, 6)}`;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${hash.slice(0, 6)}-${n}`;
  return id;
}

interface PoolCard {
  card: Card;
  retired: boolean;
  normal: string;
  taken: boolean;
}

/**
 * Gives each draft the id of the previous card it continues, or a new one, and says what
 * changed. `drafts` are in note order; the result's cards keep that order.
 */
export function assignIdentities(
  drafts: readonly DraftCard[],
  previous: { cards: readonly Card[]; retired: readonly Card[] } | null,
): IdentityResult {
  const pool: PoolCard[] = [
    ...(previous?.cards ?? []).map((card) => ({ card, retired: false, normal: normalizeTitle(card.title), taken: false })),
    ...(previous?.retired ?? []).map((card) => ({ card, retired: true, normal: normalizeTitle(card.title), taken: false })),
  ];
  const matchOf: (PoolCard | undefined)[] = new Array(drafts.length);
  const draftNormals = drafts.map((draft) => normalizeTitle(draft.title));

  // 1. Same title: the common case. Active cards before retired ones, in order, so a title
  //    that appears twice keeps its two cards apart.
  const byTitle = new Map<string, PoolCard[]>();
  for (const entry of pool) {
    const list = byTitle.get(entry.normal);
    if (list) list.push(entry);
    else byTitle.set(entry.normal, [entry]);
  }
  drafts.forEach((_, i) => {
    const candidate = byTitle.get(draftNormals[i]!)?.find((entry) => !entry.taken);
    if (candidate) {
      candidate.taken = true;
      matchOf[i] = candidate;
    }
  });

  // 2. Renamed titles: best-scoring pairs first among what is left.
  const openDrafts = drafts.map((_, i) => i).filter((i) => !matchOf[i]);
  const openPool = pool.filter((entry) => !entry.taken);
  if (openDrafts.length > 0 && openPool.length > 0) {
    const pairs: { draft: number; entry: PoolCard; score: number }[] = [];
    const consider = (i: number, entry: PoolCard) => {
      // An unchanged note under a new title is the same paper, whatever the title says.
      const sameBody = drafts[i]!.bodyHash === entry.card.bodyHash;
      if (!sameBody && bigramOverlap(draftNormals[i]!, entry.normal) < PREFILTER) return;
      const similarity = titleSimilarity(draftNormals[i]!, entry.normal);
      if (sameBody || similarity >= RENAME_BY_TITLE) {
        pairs.push({ draft: i, entry, score: similarity + (sameBody ? 1 : 0) + (entry.retired ? 0 : 0.01) });
      }
    };
    if (openDrafts.length * openPool.length <= ALL_PAIRS_LIMIT) {
      for (const i of openDrafts) for (const entry of openPool) consider(i, entry);
    } else {
      for (const [i, entry] of candidatePairs(openDrafts, draftNormals, drafts, openPool)) consider(i, entry);
    }
    pairs.sort((a, b) => b.score - a.score || a.draft - b.draft);
    for (const pair of pairs) {
      if (matchOf[pair.draft] || pair.entry.taken) continue;
      pair.entry.taken = true;
      matchOf[pair.draft] = pair.entry;
    }
  }

  // 3. Ids, and the report.
  const changes: IdentityChanges = { added: [], updated: [], renamed: [], retired: [], unchanged: 0, restored: [] };
  const takenIds = new Set(pool.map((entry) => entry.card.id));
  const cards: Card[] = drafts.map((draft, i) => {
    const match = matchOf[i];
    if (!match) {
      const id = cardIdFor(draft.title, takenIds);
      takenIds.add(id);
      changes.added.push(id);
      return { id, ...draft };
    }
    const old = match.card;
    const id = old.id;
    const renamed = old.title !== draft.title;
    const edited = old.bodyHash !== draft.bodyHash || old.answer !== draft.answer || old.question !== draft.question;
    // Each card is in one bucket, so the counts add up to the deck: a paper that came back is
    // restored, a new title is a rename (edited or not), else an edit is an update.
    if (match.retired) changes.restored.push(id);
    else if (renamed) changes.renamed.push({ from: old.title, to: draft.title, id });
    else if (edited) changes.updated.push(id);
    else changes.unchanged++;
    return { id, ...draft };
  });
  const retired: Card[] = [];
  for (const entry of pool) {
    if (entry.taken) continue;
    retired.push(entry.card);
    if (!entry.retired) changes.retired.push(entry.card.id);
  }
  return { cards, retired, changes };
}

/** For very large edits: only pairs that share a title word of 4+ letters, or the body. */
function candidatePairs(
  openDrafts: number[],
  draftNormals: string[],
  drafts: readonly DraftCard[],
  openPool: PoolCard[],
): [number, PoolCard][] {
  const byWord = new Map<string, PoolCard[]>();
  const byBody = new Map<string, PoolCard[]>();
  const add = (map: Map<string, PoolCard[]>, key: string, entry: PoolCard) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const entry of openPool) {
    for (const word of new Set(entry.normal.split(' '))) if (word.length >= 4) add(byWord, word, entry);
    add(byBody, entry.card.bodyHash, entry);
  }
  const result: [number, PoolCard][] = [];
  for (const i of openDrafts) {
    const seen = new Set<PoolCard>();
    const words = new Set(draftNormals[i]!.split(' ').filter((w) => w.length >= 4));
    for (const word of words) {
      const sharing = byWord.get(word) ?? [];
      // A word most titles share ("learning") says nothing about identity and costs n².
      if (sharing.length <= COMMON_WORD_LIMIT) for (const entry of sharing) seen.add(entry);
    }
    for (const entry of byBody.get(drafts[i]!.bodyHash) ?? []) seen.add(entry);
    for (const entry of seen) result.push([i, entry]);
  }
  return result;
}
