// ISO 8601 times as Date#toISOString writes them ("2026-12-06T19:57:14.123Z"), for the JSON of
// commands that print thousands: toISOString costs some 2.5 µs a call, which was most of what
// `cards --json` spent on 10,000 cards. The date part is made once a day; the rest is arithmetic.

const DAY_MS = 86_400_000;
/** The first ms of the year 10000: from there on, and before 1970, toISOString itself. */
const FAST_UNTIL = 253_402_300_800_000;

/** "YYYY-MM-DDT" by days since the epoch; bounded (emptied when full). */
const datePrefixes = new Map<number, string>();

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `new Date(ms).toISOString()`, the same string, faster; throws as it does for a time out of range. */
export function isoTime(ms: number): string {
  if (!(ms >= 0 && ms < FAST_UNTIL)) return new Date(ms).toISOString();
  const whole = Math.floor(ms); // as Date truncates a time value
  const day = Math.floor(whole / DAY_MS);
  const prefix = datePrefix(day);
  const inDay = whole - day * DAY_MS;
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor(inDay / 60_000) % 60;
  const seconds = Math.floor(inDay / 1000) % 60;
  return `${prefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(inDay % 1000, 3)}Z`;
}

/**
 * isoTime(ms)'s characters written into `bytes` at `at` (one byte each: they are ASCII), for a
 * time within the fast range; the position after them, or -1 for a time outside it (the caller
 * then writes isoTime's string, which throws as toISOString does).
 */
export function isoTimeInto(bytes: Uint8Array, at: number, ms: number): number {
  if (!(ms >= 0 && ms < FAST_UNTIL)) return -1;
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY_MS);
  const prefix = datePrefix(day);
  for (let k = 0; k < prefix.length; k++) bytes[at++] = prefix.charCodeAt(k);
  const inDay = whole - day * DAY_MS;
  const two = (n: number) => {
    bytes[at++] = 0x30 + Math.floor(n / 10);
    bytes[at++] = 0x30 + (n % 10);
  };
  two(Math.floor(inDay / 3_600_000));
  bytes[at++] = 0x3a;
  two(Math.floor(inDay / 60_000) % 60);
  bytes[at++] = 0x3a;
  two(Math.floor(inDay / 1000) % 60);
  bytes[at++] = 0x2e;
  const milli = inDay % 1000;
  bytes[at++] = 0x30 + Math.floor(milli / 100);
  two(milli % 100);
  bytes[at++] = 0x5a;
  return at;
}

/** "2026-12-07T" for day `day` since the epoch: worked out once per day, a few thousand days kept. */
function datePrefix(day: number): string {
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    if (datePrefixes.size >= 4096) datePrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes.set(day, prefix);
  }
  return prefix;
}
