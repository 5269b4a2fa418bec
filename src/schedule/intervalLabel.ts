// Short interval labels as Anki shows them above its answer buttons: "1m", "10m", "1h", "8d",
// "2.1mo", "1.3y". Whole units up to days, one decimal for months and years (Anki's rule).

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Anki's month and year: 365/12 days and 365 days. */
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

function oneDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** A duration in milliseconds as Anki labels it. */
export function durationLabel(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return `${Math.round(span / SECOND)}s`;
  if (span < HOUR) return `${Math.round(span / MINUTE)}m`;
  if (span < DAY) return `${Math.round(span / HOUR)}h`;
  if (span < MONTH) return `${Math.round(span / DAY)}d`;
  if (span < YEAR) return `${oneDecimal(span / MONTH)}mo`;
  return `${oneDecimal(span / YEAR)}y`;
}

/** A whole number of days as Anki labels it ("8d", "2.1mo", "1.3y"). */
export function daysLabel(days: number): string {
  return durationLabel(days * DAY);
}
