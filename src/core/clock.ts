// Every "now" in paperdeck comes from one Clock handed down from the command line, so tests,
// demos and simulations can set the time (PAPERDECK_NOW) and nothing reads the system clock
// deep inside the core.
import { UsageError } from './errors.js';

export interface Clock {
  /** The current time in epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * This machine's real time, for the file-time checks alone: comparing a file's mtime, which the
 * file system stamps from the real clock, with now (is a stamp too fresh to trust?). Never the
 * Clock, which PAPERDECK_NOW may set anywhere.
 */
export function fileTimeNow(): number {
  return Date.now();
}

/** A clock that starts at `start` and then advances with real time (durations stay real). */
export function clockStartingAt(start: number, real: Clock = systemClock): Clock {
  const realStart = real.now();
  return { now: () => start + (real.now() - realStart) };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(time: number | string | Date): void {
    this.current = typeof time === 'number' ? time : new Date(time).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * An ISO 8601 date-time: a date, a time to the minute at least, and an optional zone (Z or
 * ±HH:MM); without one, local time. A date alone is refused: JavaScript would take it for
 * midnight UTC, which is the evening before west of Greenwich.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/** Epoch ms of an ISO date-time, or NaN when `text` is not one (or names a day that does not exist). */
export function parseIsoDateTime(text: string): number {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return NaN;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth || hour! > 23 || minute! > 59 || second! > 59) return NaN;
  return Date.parse(text.trim().replace(' ', 'T'));
}

/**
 * The times paperdeck works with: from 1970 to the end of 2999 (UTC). Days, backups and
 * statistics are reckoned in four-digit years (day keys such as 2026-11-26 sort as text), and a
 * 100-year maximum interval from the last of these still stays within them; a time far outside
 * made `stats` walk millions of days and run out of memory.
 */
export const EARLIEST_TIME = Date.UTC(1970, 0, 1);
export const LATEST_TIME = Date.UTC(3000, 0, 1);
export const TIME_RANGE_TEXT = 'from 1970-01-01 to 2999-12-31 (UTC)';

/** Whether `ms` is a time within EARLIEST_TIME and LATEST_TIME. */
export function isTimeInRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_TIME && ms < LATEST_TIME;
}

/** The clock for a command: PAPERDECK_NOW when set, else the system clock. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const raw = env.PAPERDECK_NOW;
  if (raw === undefined || raw === '') return systemClock;
  const start = parseIsoDateTime(raw);
  if (Number.isNaN(start)) {
    throw new UsageError(
      `PAPERDECK_NOW is not an ISO date-time: ${JSON.stringify(raw)} (e.g. 2026-11-26T09:00 for local time, or 2026-11-26T09:00Z)`,
    );
  }
  if (!isTimeInRange(start)) {
    throw new UsageError(`PAPERDECK_NOW is out of range: ${JSON.stringify(raw)} (paperdeck takes dates ${TIME_RANGE_TEXT})`);
  }
  return clockStartingAt(start);
}
