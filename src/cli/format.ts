// Text output for people: tables that fit the terminal, and short time labels. Everything that
// came from notes goes through toSafeLine first, so a title cannot move the cursor or recolour
// the terminal.
import { toSafeLine } from '../core/sanitize.js';
import { displayWidth, truncate, wrap } from '../core/text.js';
import { localDaysBetween } from '../schedule/days.js';
import { daysLabel, durationLabel } from '../schedule/interval-label.js';

export { daysLabel, durationLabel };
// Column widths live in core (the study screen and stats measure the same way); the commands
// import them from here with the rest of their output helpers.
export { displayWidth, truncate, wrap };

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /**
   * This column takes the width left over; its cells are cut with "…". `min`: what it wants
   * when no `want` is given.
   */
  flex?: boolean;
  min?: number;
  /**
   * For the flexible column: the width it should get before anything else (or its natural
   * width, when less). Columns with a `drop` rank are left out, lowest rank first, until it does.
   */
  want?: number;
  /** May be left out to make room (lowest first); columns without it are always shown. */
  drop?: number;
}

export interface FittedTable {
  /** The lines, each ending in "\n", none wider than the width. */
  text: string;
  /** Headers of the columns left out for width, in column order. */
  dropped: string[];
}

/**
 * Rows under a header, columns two spaces apart, within `width` columns: each row is one line,
 * never wider (a wrapped row falls apart into fragments the eye cannot put back together).
 * When the flexible column would get less than it `want`s, columns with a `drop` rank are left
 * out first. Cells are made safe for the terminal (one line, no control characters).
 */
export function fitTable(columns: readonly Column[], rows: readonly (readonly string[])[], width = 80): FittedTable {
  const gap = 2;
  const allCells = rows.map((row) => columns.map((_, i) => toSafeLine(row[i] ?? '')));
  const natural = columns.map((column, i) => Math.max(displayWidth(column.header), ...allCells.map((row) => displayWidth(row[i]!))));
  let kept = columns.map((_, i) => i);
  const fixedWidth = (indices: readonly number[]) =>
    indices.reduce((sum, i) => sum + (columns[i]!.flex ? 0 : natural[i]!), 0) + gap * (indices.length - 1);
  const flex = columns.findIndex((column) => column.flex);
  if (flex >= 0) {
    const wanted = Math.min(natural[flex]!, columns[flex]!.want ?? columns[flex]!.min ?? 10);
    const droppable = kept.filter((i) => columns[i]!.drop !== undefined).sort((a, b) => columns[a]!.drop! - columns[b]!.drop!);
    for (const victim of droppable) {
      if (width - fixedWidth(kept) >= wanted) break;
      kept = kept.filter((i) => i !== victim);
    }
  }
  const fixed = fixedWidth(kept);
  const widths = columns.map((column, i) =>
    // The flexible column shrinks below its `min` rather than let a row run past the width.
    column.flex ? Math.max(1, Math.min(natural[i]!, width - fixed)) : natural[i]!,
  );
  const line = (values: readonly string[]) =>
    kept
      .map((i) => pad(truncate(values[i]!, widths[i]!), widths[i]!, columns[i]!.align ?? 'left'))
      .join(' '.repeat(gap))
      .trimEnd() + '\n';
  return {
    text: line(columns.map((column) => column.header)) + allCells.map(line).join(''),
    dropped: columns.flatMap((column, i) => (kept.includes(i) ? [] : [column.header])),
  };
}

/** fitTable's lines, for tables whose columns all stay. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], width = 80): string {
  return fitTable(columns, rows, width).text;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A local date and time to the minute, as `history` and `devices` show them: "2026-05-03 09:41". */
export function localDateTime(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** FSRS stability (days) for a table: a decimal under a day, else as an interval. */
export function stabilityLabel(days: number): string {
  return days < 1 ? `${days.toFixed(1)} d` : daysLabel(Math.round(days));
}

/** Width for tables: the terminal's when stdout is one (within reason), else 80. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  if (!stream.isTTY || !stream.columns) return 80;
  return Math.max(40, Math.min(stream.columns, 200));
}

/**
 * When something is due, relative to now, for a table: "now", "in 8 min" for minute-scale dues,
 * "today", "in 3 d", "2 d ago" in local days for day-scale ones.
 */
export function dueLabel(due: number, now: number, dayStartHour: number, minuteScale: boolean): string {
  if (minuteScale) return due <= now ? 'now' : `in ${durationLabel(due - now)}`;
  const days = localDaysBetween(now, due, dayStartHour);
  if (days === 0) return 'today';
  return days > 0 ? `in ${daysLabel(days)}` : `${daysLabel(-days)} ago`;
}
