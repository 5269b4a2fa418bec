// A deck's review tally (schedule/review-tally.ts: what the statistics keep of the standing
// reviews, per local day and per card) as it stood at a point of each of the deck's logs, so
// that `stats` reads the reviews answered since instead of the whole history. Written by a
// writer when it folds (deck-state.ts), read by `stats`. Like the facts cache it is trusted only
// while every log still holds the line it ends at, byte for byte, and anything wrong with it
// makes it unused, never an error: the logs are read instead.
//
// Layout: one line of JSON (StatsCacheDoc) and a newline.
import { localDayKey, localDayOf } from '../schedule/days.js';
import { dayNumber, ReviewTally, type DayFigures } from '../schedule/review-tally.js';
import { writeFileAtomicSync } from './atomic-file.js';
import type { MergeKey } from './merged-log.js';
import { MAX_DATA_FILE_BYTES, readRegularFile } from './read-file.js';

/** Bumped whenever what the tally holds, or how a review is counted in it, changes. */
export const STATS_CACHE_VERSION = 1;

/** How far one log was counted: its last entry, the byte past it, and that entry's whole line. */
export interface TallyPoint {
  device: string;
  seq: number;
  logBytes: number;
  pointLine: string;
}

/** A tally and the point of the logs it was counted to. */
export interface KeptTally {
  tally: ReviewTally;
  logs: TallyPoint[];
  /** The latest merge key among every entry counted (null: none). */
  lastKey: MergeKey | null;
}

type DayRow = [key: string, start: number, end: number, reviews: number, again: number, ms: number, youngPass: number, youngFail: number, maturePass: number, matureFail: number];

interface StatsCacheDoc {
  schemaVersion: number;
  dayStartHour: number;
  logs: TallyPoint[];
  lastKey: MergeKey | null;
  /** null: -Infinity, no review. */
  lastAt: number | null;
  /** null: NaN, no day. */
  firstDay: number | null;
  lastDay: number | null;
  days: DayRow[];
  /** Per card, parallel lists; null stands for NaN (no day). */
  cards: { ids: string[]; lastDay: (number | null)[]; lastCountedDay: (number | null)[]; passed: number[]; failed: number[] };
  dueDelta: [day: number, change: number][];
}

const orNull = (n: number) => (Number.isFinite(n) ? n : null);
const orNaN = (n: number | null) => (n === null ? NaN : n);

/** Writes `kept` to `file`. Throws as writeFileAtomicSync. */
export function writeStatsCache(file: string, kept: KeptTally): void {
  const { tally } = kept;
  const cards: StatsCacheDoc['cards'] = { ids: [], lastDay: [], lastCountedDay: [], passed: [], failed: [] };
  for (const [id, card] of tally.cards) {
    cards.ids.push(id);
    cards.lastDay.push(orNull(card.lastDay));
    cards.lastCountedDay.push(orNull(card.lastCountedDay));
    cards.passed.push(card.passed);
    cards.failed.push(card.failed);
  }
  const doc: StatsCacheDoc = {
    schemaVersion: STATS_CACHE_VERSION,
    dayStartHour: tally.dayStartHour,
    logs: kept.logs,
    lastKey: kept.lastKey,
    lastAt: orNull(tally.lastAt),
    firstDay: orNull(tally.firstDay),
    lastDay: orNull(tally.lastDay),
    days: [...tally.days.values()].map((d) => [d.key, d.start, d.end, d.reviews, d.again, d.ms, d.youngPass, d.youngFail, d.maturePass, d.matureFail]),
    cards,
    dueDelta: [...tally.dueDelta].filter(([, change]) => change !== 0),
  };
  writeFileAtomicSync(file, `${JSON.stringify(doc)}\n`);
}

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
const isCount = (n: unknown): n is number => isWhole(n) && n >= 0;
const isDayOrNull = (n: unknown) => n === null || isWhole(n);

function isPoint(p: unknown): p is TallyPoint {
  if (typeof p !== 'object' || p === null) return false;
  const { device, seq, logBytes, pointLine } = p as Record<string, unknown>;
  return typeof device === 'string' && isCount(seq) && isCount(logBytes) && typeof pointLine === 'string';
}

function isKey(k: unknown): k is MergeKey | null {
  if (k === null) return true;
  if (typeof k !== 'object') return false;
  const { at, device, seq } = k as Record<string, unknown>;
  return typeof at === 'number' && Number.isFinite(at) && typeof device === 'string' && typeof seq === 'number';
}

/**
 * The tally kept in `file` for days starting at `dayStartHour`, when it is whole and of this
 * version, and every day it counted still spans the same instants in this process's time zone
 * (a day counted in another zone would put reviews in other days); else null.
 */
export function readStatsCache(file: string, dayStartHour: number): KeptTally | null {
  try {
    const bytes = readRegularFile(file, MAX_DATA_FILE_BYTES);
    if (!bytes) return null;
    const doc = JSON.parse(bytes.toString('utf8')) as StatsCacheDoc;
    if (typeof doc !== 'object' || doc === null || doc.schemaVersion !== STATS_CACHE_VERSION || doc.dayStartHour !== dayStartHour) return null;
    const { logs, lastKey, lastAt, firstDay, lastDay, days, cards, dueDelta } = doc;
    if (!Array.isArray(logs) || !logs.every(isPoint) || new Set(logs.map((l) => l.device)).size !== logs.length || !isKey(lastKey)) return null;
    if (!(lastAt === null || (typeof lastAt === 'number' && Number.isFinite(lastAt))) || !isDayOrNull(firstDay) || !isDayOrNull(lastDay)) return null;
    if (!Array.isArray(days) || !Array.isArray(dueDelta) || typeof cards !== 'object' || cards === null) return null;
    const tally = new ReviewTally(dayStartHour);
    tally.lastAt = lastAt ?? -Infinity;
    tally.firstDay = orNaN(firstDay);
    tally.lastDay = orNaN(lastDay);
    for (const row of days) {
      if (!Array.isArray(row) || row.length !== 10 || typeof row[0] !== 'string' || !row.slice(1).every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
      const [key, start, end, reviews, again, ms, youngPass, youngFail, maturePass, matureFail] = row;
      if (![reviews, again, youngPass, youngFail, maturePass, matureFail].every(isCount) || !(ms >= 0) || tally.days.has(key)) return null;
      // The day as this process reckons it: the same key, beginning and end.
      const span = localDayOf(start, dayStartHour);
      if (span.start !== start || span.end !== end || localDayKey(start, dayStartHour) !== key) return null;
      const day = dayNumber(key);
      if (!(day >= tally.firstDay && day <= tally.lastDay)) return null;
      const figures: DayFigures = { key, start, end, reviews, again, ms, youngPass, youngFail, maturePass, matureFail };
      tally.days.set(key, figures);
    }
    const { ids } = cards;
    const n = Array.isArray(ids) ? ids.length : -1;
    const lists = [cards.lastDay, cards.lastCountedDay, cards.passed, cards.failed];
    if (n < 0 || !lists.every((list) => Array.isArray(list) && list.length === n)) return null;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      const cardLast = cards.lastDay[i]!;
      const counted = cards.lastCountedDay[i]!;
      const passed = cards.passed[i]!;
      const failed = cards.failed[i]!;
      if (typeof id !== 'string' || tally.cards.has(id) || !isDayOrNull(cardLast) || !isDayOrNull(counted) || !isCount(passed) || !isCount(failed)) return null;
      tally.cards.set(id, { lastDay: orNaN(cardLast), lastCountedDay: orNaN(counted), passed, failed });
    }
    for (const change of dueDelta) {
      if (!Array.isArray(change) || change.length !== 2 || !isWhole(change[0]) || !isWhole(change[1]) || tally.dueDelta.has(change[0])) return null;
      tally.dueDelta.set(change[0], change[1]);
    }
    return { tally, logs, lastKey };
  } catch {
    return null;
  }
}
