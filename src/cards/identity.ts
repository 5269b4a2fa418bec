// A card's identity must survive what people do to their notes. Hashing the content (as
// hashcards does) throws the history away on every edit; using the position breaks on every
// reorder. So a card gets an id once, when its paper first appears, and every regeneration
// matches the new notes against the previous cards: first by exact (normalised) title, then by
// an unchanged body under a new title, then by a fuzzy match for renamed and edited notes. Cards
// whose paper is gone are retired, not deleted, and come back (with their history) when the
// paper does.
import { createHash } from 'node:crypto';
import type { Card, DeckChanges } from '../core/types.js';
import { normalizeTitle } from '../core/title-key.js';

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
/** Above this many open pairs, compare a draft only with the cards sharing its rarest title words. */
const ALL_PAIRS_LIMIT = 100_000;
/** A title word in more open cards than this says nothing about identity (and costs n²). */
const COMMON_WORD_LIMIT = 200;
/** Cards (sharing the rarest words) each draft is compared with when not all pairs are. */
const CANDIDATES_PER_DRAFT = 8;
/** Notes sharing one body: up to this many pairs, the closest titles pair up; beyond, note order. */
const BODY_GROUP_PAIRS = 64;


function bigrams(text: string): Map<string, number> {
  const compact = text.replace(/ /g, '');
  const grams = new Map<string, number>();
  for (let i = 0; i < compact.length - 1; i++) {
    const gram = compact.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** 1 − Levenshtein distance / longer length: near 1 for typo fixes, low for other papers. */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  // A band as wide as the longer title is the whole table: the exact distance.
  return 1 - editDistanceWithin(a, b, longer) / longer;
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
  /** Place in the pool (live cards first, each list in its order): the last tie-break. */
  index: number;
}

interface Pair {
  draft: number;
  entry: PoolCard;
  score: number;
}

/**
 * Gives each draft the id of the previous card it continues, or a new one, and says what
 * changed. `drafts` are in note order; the result's cards keep that order.
 *
 * Every stage is near-linear: maps for the exact title and the unchanged body, and for renamed
 * and edited notes a bounded number of comparisons per draft (whole decks get renamed at once).
 */
export function assignIdentities(
  drafts: readonly DraftCard[],
  previous: { cards: readonly Card[]; retired: readonly Card[] } | null,
): IdentityResult {
  const pool: PoolCard[] = [
    ...(previous?.cards ?? []).map((card) => ({ card, retired: false })),
    ...(previous?.retired ?? []).map((card) => ({ card, retired: true })),
  ].map(({ card, retired }, index) => ({ card, retired, normal: normalizeTitle(card.title), taken: false, index }));
  const matchOf: (PoolCard | undefined)[] = new Array(drafts.length);
  const draftNormals = drafts.map((draft) => normalizeTitle(draft.title));
  const take = (draft: number, entry: PoolCard) => {
    entry.taken = true;
    matchOf[draft] = entry;
  };

  // 1. Same title: the common case. Active cards before retired ones, in order, so a title
  //    that appears twice keeps its two cards apart.
  const byTitle = new Map<string, { entries: PoolCard[]; next: number }>();
  for (const entry of pool) {
    const group = byTitle.get(entry.normal);
    if (group) group.entries.push(entry);
    else byTitle.set(entry.normal, { entries: [entry], next: 0 });
  }
  drafts.forEach((_, i) => {
    const group = byTitle.get(draftNormals[i]!);
    // Only this stage takes entries, each list front to back: `next` is the first one free.
    if (group && group.next < group.entries.length) take(i, group.entries[group.next++]!);
  });

  // 2. Same body: an unchanged note under a new title is the same paper, whatever the title
  //    says. Notes sharing a body (duplicates) each take their own card.
  const byBody = new Map<string, { drafts: number[]; entries: PoolCard[] }>();
  drafts.forEach((draft, i) => {
    if (matchOf[i]) return;
    const group = byBody.get(draft.bodyHash);
    if (group) group.drafts.push(i);
    else byBody.set(draft.bodyHash, { drafts: [i], entries: [] });
  });
  for (const entry of pool) if (!entry.taken) byBody.get(entry.card.bodyHash)?.entries.push(entry);
  for (const group of byBody.values()) {
    const pairCount = group.drafts.length * group.entries.length;
    if (pairCount === 0) continue;
    if (pairCount === 1) {
      take(group.drafts[0]!, group.entries[0]!);
    } else if (pairCount > BODY_GROUP_PAIRS) {
      // Many copies of one body: comparing their titles would cost n², so they pair up in
      // note order, live cards (first in the pool) before retired ones.
      group.drafts.forEach((i, n) => {
        if (n < group.entries.length) take(i, group.entries[n]!);
      });
    } else {
      // A few copies: the closest titles pair up, a live card winning a tie.
      const pairs: Pair[] = [];
      for (const i of group.drafts) {
        for (const entry of group.entries) {
          const similarity = titleSimilarity(draftNormals[i]!, entry.normal);
          pairs.push({ draft: i, entry, score: similarity + (entry.retired ? 0 : 0.01) });
        }
      }
      takeBestPairs(pairs, matchOf, take);
    }
  }

  // 3. Renamed and edited: the most similar titles first, among what is left.
  const openDrafts = drafts.map((_, i) => i).filter((i) => !matchOf[i]);
  const openPool = pool.filter((entry) => !entry.taken);
  if (openDrafts.length > 0 && openPool.length > 0) {
    const pairs: Pair[] = [];
    const draftTitles = new Map(openDrafts.map((i) => [i, titleKey(draftNormals[i]!)]));
    const poolTitles = new Map(openPool.map((entry) => [entry, titleKey(entry.normal)]));
    const consider = (i: number, entry: PoolCard) => {
      const similarity = similarityIfRename(draftTitles.get(i)!, poolTitles.get(entry)!);
      if (similarity !== null) pairs.push({ draft: i, entry, score: similarity + (entry.retired ? 0 : 0.01) });
    };
    if (openDrafts.length * openPool.length <= ALL_PAIRS_LIMIT) {
      for (const i of openDrafts) for (const entry of openPool) consider(i, entry);
    } else {
      const candidates = rareWordCandidates(openPool);
      for (const i of openDrafts) for (const entry of candidates(draftNormals[i]!)) consider(i, entry);
    }
    takeBestPairs(pairs, matchOf, take);
  }

  // 4. Ids, and the report.
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

/** Greedy, best score first; ties to the earlier note, then the earlier card. */
function takeBestPairs(pairs: Pair[], matchOf: (PoolCard | undefined)[], take: (draft: number, entry: PoolCard) => void): void {
  pairs.sort((a, b) => b.score - a.score || a.draft - b.draft || a.entry.index - b.entry.index);
  for (const pair of pairs) if (!matchOf[pair.draft] && !pair.entry.taken) take(pair.draft, pair.entry);
}

interface TitleKey {
  normal: string;
  grams: Map<string, number>;
  gramCount: number;
}

function titleKey(normal: string): TitleKey {
  const grams = bigrams(normal);
  let gramCount = 0;
  for (const n of grams.values()) gramCount += n;
  return { normal, grams, gramCount };
}

/** titleSimilarity(a, b) when it reaches RENAME_BY_TITLE, else null; cheap tests first. */
function similarityIfRename(a: TitleKey, b: TitleKey): number | null {
  const longer = Math.max(a.normal.length, b.normal.length);
  if (longer === 0) return null;
  // The edit distance is at least the difference in length.
  if (1 - Math.abs(a.normal.length - b.normal.length) / longer < RENAME_BY_TITLE) return null;
  // No farther than this can reach RENAME_BY_TITLE (one to spare for rounding): the distance
  // below is exact up to it, and the similarity the same number titleSimilarity gives.
  const limit = Math.floor((1 - RENAME_BY_TITLE) * longer) + 1;
  // The farthest distance that still reaches it: the score only falls as the distance grows.
  const reach = 1 - limit / longer >= RENAME_BY_TITLE ? limit : limit - 1;
  // One edit breaks at most two bigrams (spaces, left out of them, break none), so titles
  // within `reach` share all but 2 × reach of either one's bigrams; sharing fewer, they cannot
  // be a rename, and the edit distance is skipped. (A fixed overlap ratio does not bound this:
  // "u nsg" and "u dsg" are 0.8 similar but share a third of their bigrams.)
  let shared = 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  for (const [gram, n] of small) shared += Math.min(n, large.get(gram) ?? 0);
  if (shared < Math.max(a.gramCount, b.gramCount) - 2 * reach) return null;
  const distance = editDistanceWithin(a.normal, b.normal, limit);
  if (distance > limit) return null;
  const similarity = 1 - distance / longer;
  return similarity >= RENAME_BY_TITLE ? similarity : null;
}

let rowA = new Int32Array(0);
let rowB = new Int32Array(0);

/** Levenshtein distance when at most `limit`, else more than `limit`: only a band of the table. */
function editDistanceWithin(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  if (rowA.length < b.length + 2) {
    rowA = new Int32Array(b.length + 2);
    rowB = new Int32Array(b.length + 2);
  }
  let previous = rowA;
  let current = rowB;
  // Cells farther than `limit` off the diagonal are over the limit, so they are set to `over`:
  // cells within the band come out exact when at most `limit`, and over it otherwise.
  for (let j = 0; j <= b.length; j++) previous[j] = j < over ? j : over;
  previous[b.length + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const from = i > limit ? i - limit : 1;
    const to = i + limit < b.length ? i + limit : b.length;
    current[from - 1] = from === 1 && i < over ? i : over;
    current[to + 1] = over;
    let rowMin = current[from - 1]!;
    const char = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let value = previous[j - 1]! + (char === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = previous[j]! + 1;
      if (deletion < value) value = deletion;
      const insertion = current[j - 1]! + 1;
      if (insertion < value) value = insertion;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every path to the last cell crosses this row.
    if (rowMin >= over) return over;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length]!;
}

/**
 * For edits too large to compare every pair: a draft is compared with the few open cards that
 * share its rarest title words (a number, a name), weighting each word by how rare it is.
 */
function rareWordCandidates(openPool: PoolCard[]): (normal: string) => PoolCard[] {
  const byWord = new Map<string, PoolCard[]>();
  for (const entry of openPool) {
    for (const word of new Set(entry.normal.split(' '))) {
      if (!word) continue;
      const list = byWord.get(word);
      if (!list) byWord.set(word, [entry]);
      // One past the limit is enough to know the word is common; the list grows no further.
      else if (list.length <= COMMON_WORD_LIMIT) list.push(entry);
    }
  }
  return (normal) => {
    const weights = new Map<PoolCard, number>();
    for (const word of new Set(normal.split(' '))) {
      const sharing = byWord.get(word);
      if (!sharing || sharing.length > COMMON_WORD_LIMIT) continue;
      for (const entry of sharing) weights.set(entry, (weights.get(entry) ?? 0) + 1 / sharing.length);
    }
    return [...weights]
      .sort((a, b) => b[1] - a[1] || a[0].index - b[0].index)
      .slice(0, CANDIDATES_PER_DRAFT)
      .map(([entry]) => entry);
  };
}
