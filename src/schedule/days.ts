// Users live in local days that start at an hour they choose (Anki's "next day starts at",
// 4 a.m. by default), not in UTC calendar days. Every "today", daily limit and scheduling day
// count in paperdeck goes through these functions (what the screen says in words, "tomorrow
// at 04:00", counts calendar days: session/format.ts). They use the process's time zone (TZ), build dates
// from local wall-clock parts, and so stay right across daylight-saving changes.

const DAY_MS = 86_400_000;

/** The instant local day (y, m, d) begins: its day-start hour, or the first instant after a DST gap. */
function startOf(y: number, m: number, d: number, dayStartHour: number): number {
  return new Date(y, m, d, dayStartHour).getTime();
}

// A day is identified by the calendar date it begins on, and it holds exactly the instants from
// its start up to the next day's start. Membership is decided by comparing instants with those
// starts, never by the wall-clock hour: where the day-start hour falls in a DST gap (Chatham
// springs from 02:45 to 03:45, so "03:00" begins at 04:00), an instant at 03:50 has hour 3 but
// precedes the day's start, and judging by the hour put it in a day that had not begun yet (in no
// day at all). The loops step over days a zone skipped (Samoa left out 30 December 2011).
function wallDate(ms: number, dayStartHour: number): { y: number; m: number; d: number } {
  const date = new Date(ms);
  const y = date.getFullYear();
  const m = date.getMonth();
  let d = date.getDate();
  while (startOf(y, m, d, dayStartHour) > ms) d -= 1;
  while (startOf(y, m, d + 1, dayStartHour) <= ms) d += 1;
  // Normalise (d may have stepped past a month's edge); noon is never in a DST gap.
  const day = new Date(y, m, d, 12);
  return { y: day.getFullYear(), m: day.getMonth(), d: day.getDate() };
}

/** Epoch ms at which the local day containing `ms` began. */
export function localDayStart(ms: number, dayStartHour: number): number {
  const { y, m, d } = wallDate(ms, dayStartHour);
  return new Date(y, m, d, dayStartHour).getTime();
}

/** Epoch ms at which the local day after the one containing `ms` begins. */
export function nextLocalDayStart(ms: number, dayStartHour: number): number {
  const { y, m, d } = wallDate(ms, dayStartHour);
  return new Date(y, m, d + 1, dayStartHour).getTime();
}

/** The local day holding `ms`, as the times it spans: from `start` up to (not including) `end`. */
export interface LocalDay {
  start: number;
  end: number;
}

/** The local day holding `ms`: "today" for daily limits and today's figures. */
export function localDayOf(ms: number, dayStartHour: number): LocalDay {
  const { y, m, d } = wallDate(ms, dayStartHour);
  return { start: new Date(y, m, d, dayStartHour).getTime(), end: new Date(y, m, d + 1, dayStartHour).getTime() };
}

/** Start of the local day `offset` days from the one containing `ms` (negative: earlier). */
export function localDayStartOffset(ms: number, dayStartHour: number, offset: number): number {
  const { y, m, d } = wallDate(ms, dayStartHour);
  return new Date(y, m, d + offset, dayStartHour).getTime();
}

/** The local day containing `ms` as "YYYY-MM-DD" (the date on which that day began). */
export function localDayKey(ms: number, dayStartHour: number): string {
  const { y, m, d } = wallDate(ms, dayStartHour);
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole local days from day key `from` to day key `to` (positive when `to` is later). */
export function dayKeyDiff(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day key `offset` days after `key`. */
export function addDaysToKey(key: string, offset: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

/** Whole local days between the local days containing `a` and `b`. */
export function localDaysBetween(a: number, b: number, dayStartHour: number): number {
  return dayKeyDiff(localDayKey(a, dayStartHour), localDayKey(b, dayStartHour));
}

/**
 * Maps instants to local days, remembering the last day it saw: reviews come in time order
 * (or cluster in a few hours a day), so this costs a few Date computations per day instead of
 * per review.
 */
export class LocalDayFinder {
  start = Infinity;
  end = -Infinity;
  key = '';
  /** Local days from this instant's day to today (0 today, 1 yesterday, negative: future), when today was given. */
  daysAgo = 0;

  constructor(
    private readonly dayStartHour: number,
    private readonly todayKey?: string,
  ) {}

  /** Moves to the local day containing `ms`; returns whether that is a different day. */
  moveTo(ms: number): boolean {
    if (ms >= this.start && ms < this.end) return false;
    this.start = localDayStart(ms, this.dayStartHour);
    this.end = nextLocalDayStart(ms, this.dayStartHour);
    this.key = localDayKey(ms, this.dayStartHour);
    if (this.todayKey !== undefined) this.daysAgo = dayKeyDiff(this.key, this.todayKey);
    return true;
  }
}

/**
 * Whole local days from the day holding an instant to the day holding `now`, as
 * `localDaysBetween(ms, now)` gives them, for many instants: each local day is reckoned once
 * (its span, by localDayOf, and its key), and an instant in a day already reckoned is found
 * among them by binary search, with no Date made.
 */
export class LocalDaysAgo {
  /** The days reckoned, in time order: where each begins and ends, and how many days ago it is. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly agos: number[] = [];
  private readonly todayKey: string;

  constructor(
    now: number,
    private readonly dayStartHour: number,
  ) {
    this.todayKey = localDayKey(now, dayStartHour);
  }

  of(ms: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length;
    // The first day that begins after `ms`; the one before it may hold it.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= ms) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && ms < this.ends[lo - 1]!) return this.agos[lo - 1]!;
    const day = localDayOf(ms, this.dayStartHour);
    const ago = dayKeyDiff(localDayKey(ms, this.dayStartHour), this.todayKey);
    starts.splice(lo, 0, day.start);
    this.ends.splice(lo, 0, day.end);
    this.agos.splice(lo, 0, ago);
    return ago;
  }
}
