// Text output for people: tables that fit the terminal, and short time labels. Everything that
// came from notes goes through toSafeLine first, so a title cannot move the cursor or recolour
// the terminal.
import { toSafeLine } from '../core/sanitize.js';
import { displayWidth, truncate, wrap } from '../core/text.js';
import { localDaysBetween } from '../schedule/days.js';
import { daysLabel, durationLabel } from '../schedule/intervalLabel.js';

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
  /** This column takes the width left over (at least `min`); its cells are cut with "…". */
  flex?: boolean;
  min?: number;
}

/**
 * Rows under a header, columns two spaces apart, within `width` columns. Cells are made safe for
 * the terminal (one line, no control characters). Returns the lines, each ending in "\n".
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], width = 80): string {
  const cells = rows.map((row) => columns.map((_, i) => toSafeLine(row[i] ?? '')));
  const gap = 2;
  const natural = columns.map((column, i) => Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[i]!))));
  const fixed = columns.reduce((sum, column, i) => sum + (column.flex ? 0 : natural[i]!), 0) + gap * (columns.length - 1);
  const widths = columns.map((column, i) =>
    column.flex ? Math.min(natural[i]!, Math.max(column.min ?? 10, width - fixed)) : natural[i]!,
  );
  const line = (values: readonly string[]) =>
    columns
      .map((column, i) => pad(truncate(values[i]!, widths[i]!), widths[i]!, column.align ?? 'left'))
      .join(' '.repeat(gap))
      .trimEnd() + '\n';
  return line(columns.map((column) => column.header)) + cells.map(line).join('');
}

/** Width for tables: the terminal's when stdout is one (within reason), else 80. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  if (!stream.isTTY || !stream.columns) return 80;
  return Math.max(40, Math.min(stream.columns, 200));
}

/**
 * When something is due, relative to now, for a table: "now", "in 8m" for minute-scale dues,
 * "today", "in 3d", "2d ago" in local days for day-scale ones.
 */
export function dueLabel(due: number, now: number, dayStartHour: number, minuteScale: boolean): string {
  if (minuteScale) return due <= now ? 'now' : `in ${durationLabel(due - now)}`;
  const days = localDaysBetween(now, due, dayStartHour);
  if (days === 0) return 'today';
  return days > 0 ? `in ${daysLabel(days)}` : `${daysLabel(-days)} ago`;
}
