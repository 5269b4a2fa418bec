// Words for the study screen: when the next cards come, how long a session took, what a
// regeneration changed. Pure functions of their arguments; local time is the process's TZ.
import { toSafeLine } from '../core/sanitize.js';
import { formatDuration, percent, plural } from '../core/text.js';
import type { DeckChanges } from '../core/types.js';
import { cli } from '../core/invocation.js';

export { formatDuration };

const MINUTE = 60_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Whole calendar days from the local date of `from` to that of `to`. */
function calendarDaysBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  const dayA = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const dayB = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((dayB - dayA) / 86_400_000);
}

/**
 * When `at` is, seen from `now`, as people say it: "in 3 minutes", "today at 15:30",
 * "tomorrow at 04:00", "on Friday at 04:00", "on 12 June 2027".
 */
export function formatWhen(at: number, now: number): string {
  const ahead = at - now;
  if (ahead <= 0) return 'now';
  if (ahead < MINUTE) return `in ${plural(Math.max(1, Math.ceil(ahead / 1000)), 'second')}`;
  if (ahead < 90 * MINUTE) return `in ${plural(Math.round(ahead / MINUTE), 'minute')}`;
  const date = new Date(at);
  const days = calendarDaysBetween(now, at);
  if (days === 0) return `today at ${clockTime(date)}`;
  if (days === 1) return `tomorrow at ${clockTime(date)}`;
  if (days < 7) return `on ${WEEKDAYS[date.getDay()]} at ${clockTime(date)}`;
  const year = new Date(now).getFullYear() === date.getFullYear() ? '' : ` ${date.getFullYear()}`;
  return `on ${date.getDate()} ${MONTHS[date.getMonth()]}${year} (in ${plural(days, 'day')})`;
}

/** A countdown: "0:42", "12:05". */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A retention as `paperdeck stats` shows it (the same `percent`, so the two agree to the digit),
 * or a dash when there is nothing to measure yet.
 */
export function formatRetention(retention: number | null): string {
  return retention === null || Number.isNaN(retention) ? '—' : percent(retention);
}

/** ", 11 notes skipped (see paperdeck generate --verbose for why)": notes are skipped for several reasons. */
function skippedPart(skipped: number): string {
  return skipped ? `${plural(skipped, 'note')} skipped (see ${cli()} generate --verbose for why)` : '';
}

/** The notice after building a deck that had no cards yet. */
export function summarizeBuild(cards: number, skipped: number): string {
  return [`deck built: ${plural(cards, 'card')}`, skippedPart(skipped)].filter(Boolean).join(', ');
}

/** The notice when an answer made a card a leech, which suspends it. */
export function leechNotice({ title, lapses }: { title: string; lapses: number }): string {
  return `${title} is a leech (${plural(lapses, 'lapse')}): suspended; see ${cli()} cards / ${cli()} unsuspend`;
}

/** The notice when a card's note cannot be opened (its notes file is gone): the session goes on. */
export function noteNotOpenedNotice(reason: string): string {
  return `The note cannot be opened: ${reason}. The cards stay as they were.`;
}

/** The notice when the notes could not be rebuilt after an edit: the session goes on as it was. */
export function rebuildFailedNotice(reason: string): string {
  return `The deck was not rebuilt: ${reason}. The cards stay as they were; press e to open the note again.`;
}

/** One line for what a regeneration changed: "notes changed: 2 added, 1 updated, 1 retired". */
export function summarizeChanges(changes: DeckChanges & { restored?: string[] }, skipped = 0): string {
  const parts: string[] = [];
  if (changes.added.length) parts.push(`${changes.added.length} added`);
  if (changes.updated.length) parts.push(`${changes.updated.length} updated`);
  if (changes.renamed.length) parts.push(`${changes.renamed.length} renamed`);
  if (changes.retired.length) parts.push(`${changes.retired.length} retired`);
  if (changes.restored?.length) parts.push(`${changes.restored.length} restored`);
  const skippedText = skipped ? `; ${skippedPart(skipped)}` : '';
  if (parts.length === 0) return `notes checked: no card changed${skippedText}`;
  return `notes changed: ${parts.join(', ')}${skippedText}`;
}

/**
 * When a deck is done but others have cards due: which, and the command that studies them
 * ("iclr2017 is done for today; neurips has 12 due: paperdeck study neurips"); null when none.
 */
export function elsewhereText(deck: string, elsewhere: readonly { deck: string; due: number }[]): string | null {
  const done = `${toSafeLine(deck)} is done for today`;
  const [only] = elsewhere;
  if (!only) return null;
  if (elsewhere.length === 1) return `${done}; ${toSafeLine(only.deck)} has ${only.due} due: ${cli()} study ${toSafeLine(only.deck)}`;
  const list = elsewhere.map((other) => `${toSafeLine(other.deck)} ${other.due}`).join(', ');
  return `${done}; ${elsewhere.length} other decks have cards due (${list}): ${cli()} study --all`;
}
