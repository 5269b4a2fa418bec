// Short interval labels, as Anki shows above its answer buttons, with units that cannot be
// misread: "45 s", "10 min", "2 h", "8 d", "2.1 mo", "1.3 y". Anki's "10m" beside "3.9mo" reads
// as ten months, so minutes are "min" and every unit stands apart from its number. Whole units
// up to days, one decimal for months and years (Anki's rule).

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
  if (span < MINUTE) return `${Math.round(span / SECOND)} s`;
  if (span < HOUR) return `${Math.round(span / MINUTE)} min`;
  if (span < DAY) return `${Math.round(span / HOUR)} h`;
  if (span < MONTH) return `${Math.round(span / DAY)} d`;
  if (span < YEAR) return `${oneDecimal(span / MONTH)} mo`;
  return `${oneDecimal(span / YEAR)} y`;
}

/** A whole number of days as labelled: "8 d", "2.1 mo", "1.3 y". */
export function daysLabel(days: number): string {
  return durationLabel(days * DAY);
}
