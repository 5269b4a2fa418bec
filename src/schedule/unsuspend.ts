// Bringing suspended cards back: which cards the user means (an id, or part of a title), which
// of them are suspended, and the log entries that put them back in the queue. A leech keeps
// its flag, as in Anki: unsuspending says "try again", not "this card is fine".
import { UsageError } from '../core/errors.js';
import { toSafeLine } from '../core/sanitize.js';
import type { Card, CardState, LogEntry } from '../core/types.js';
import type { StudyDeck } from './engine.js';
import { shortIds } from '../core/short-id.js';

/** Matches listed in an ambiguity error, at most. */
const MATCHES_SHOWN = 8;

/**
 * The card `ref` names: the card with that id or short id (the ID column of `paperdeck cards`),
 * else the one whose title is `ref` (ignoring case), else the one whose title contains it
 * (ignoring case). No card, or several, is a usage error; several are listed so the user can
 * pick a longer part of the title or the id.
 */
export function findCard(cards: readonly Card[], ref: string): Card {
  const wanted = ref.trim().toLowerCase();
  if (wanted === '') throw new UsageError('an empty card name matches every card: give an id or part of a title');
  const byId = cards.find((card) => card.id.toLowerCase() === wanted);
  if (byId) return byId;
  const short = shortIds(cards.map((card) => card.id));
  const byShortId = cards.find((card) => short.get(card.id)!.toLowerCase() === wanted);
  if (byShortId) return byShortId;
  const byTitle = cards.filter((card) => card.title.toLowerCase() === wanted);
  if (byTitle.length === 1) return byTitle[0]!;
  const matches = byTitle.length > 1 ? byTitle : cards.filter((card) => card.title.toLowerCase().includes(wanted));
  if (matches.length === 1) return matches[0]!;
  const quoted = JSON.stringify(toSafeLine(ref));
  if (matches.length === 0) throw new UsageError(`no card has the id or a title containing ${quoted}`);
  const listed = matches.slice(0, MATCHES_SHOWN).map((card) => `${JSON.stringify(toSafeLine(card.title))} (${short.get(card.id)})`);
  const more = matches.length > MATCHES_SHOWN ? `, and ${matches.length - MATCHES_SHOWN} more` : '';
  throw new UsageError(`${quoted} matches ${matches.length} cards: ${listed.join(', ')}${more}; give the id or more of the title`);
}

export interface UnsuspendRequest {
  /** Card ids or parts of titles, as typed. */
  refs: readonly string[];
  /** Every suspended leech. */
  leeches: boolean;
  /** Every suspended card. */
  all: boolean;
}

export interface UnsuspendPlan {
  /** Suspended cards to bring back, in deck order, each once. */
  unsuspend: Card[];
  /** Cards named by `refs` that are not suspended (nothing to do for them). */
  notSuspended: Card[];
}

/** Which of the deck's current cards the request brings back. */
export function planUnsuspend(cards: readonly Card[], states: ReadonlyMap<string, CardState>, request: UnsuspendRequest): UnsuspendPlan {
  const named = new Set(request.refs.map((ref) => findCard(cards, ref).id));
  const suspended = (card: Card) => states.get(card.id)?.suspended === true;
  const chosen = (card: Card) => request.all || named.has(card.id) || (request.leeches && states.get(card.id)?.leech === true);
  return {
    unsuspend: cards.filter((card) => chosen(card) && suspended(card)),
    notSuspended: cards.filter((card) => named.has(card.id) && !suspended(card)),
  };
}

/** The state of a suspended card put back: everything else, the leech flag too, unchanged. */
export function unsuspendedState(state: CardState): CardState {
  return { ...state, suspended: false };
}

/** Appends one 'unsuspend' entry per card (each on disk before the next); returns them. */
export function unsuspendCards(deck: Pick<StudyDeck, 'cardStates' | 'append'>, cardIds: readonly string[], now: number): LogEntry[] {
  const written: LogEntry[] = [];
  for (const card of cardIds) {
    const before = deck.cardStates().get(card);
    if (!before?.suspended) continue;
    written.push(deck.append({ kind: 'unsuspend', at: now, card, before, after: unsuspendedState(before) }));
  }
  return written;
}
