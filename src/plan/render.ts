// `paperdeck plan` as text: one row per desired retention with its simulated workload, and a
// bar of the minutes each remembered card costs (the figure to make small), within the width
// given (80 columns and less). Marks the retention set now and the one costing least per card.
import type { Plan } from './plan.js';

export interface PlanHeader {
  deck: string;
  days: number;
  studied: number;
  newCards: number;
  newPerDay: number;
  current: number;
  /** How the times were had: the user's own, or defaults. */
  timesNote: string;
  /** The command as the user runs it ("paperdeck", "npx paperdeck"), for the hint. */
  command: string;
}

const fixed = (n: number, digits: number) => n.toFixed(digits);
const whole = (n: number) => Math.round(n).toLocaleString('en-US');

export function renderPlan(header: PlanHeader, plan: Plan, width: number): string {
  const lines: string[] = [];
  const cards = `${whole(header.studied)} cards studied and ${whole(header.newCards)} new, ${header.newPerDay} new a day`;
  const days = header.days === 1 ? '1 day' : `${header.days} days`;
  lines.push(...wrapWords(`${header.deck}: the next ${days} simulated for each desired retention`, width));
  lines.push(...wrapWords(`(${cards})`, width));
  lines.push(...wrapWords(header.timesNote, width));
  lines.push('');
  const columns = ['RETENTION', 'REVIEWS/DAY', 'MIN/DAY', 'REMEMBERED', 'MIN/CARD'];
  const cells = plan.rows.map((row) => [
    fixed(row.retention, 2),
    fixed(row.reviewsPerDay, 1),
    fixed(row.minutesPerDay, 1),
    whole(row.remembered),
    fixed(row.minutesPerRemembered, 2),
  ]);
  const widths = columns.map((head, i) => Math.max(head.length, ...cells.map((row) => row[i]!.length)));
  // The setting may lie between two rows (0.855): the nearest one is marked.
  const nearest = plan.rows.reduce((a, b) => (Math.abs(b.retention - header.current) < Math.abs(a.retention - header.current) ? b : a));
  // Every retention costing the same (a day or two of a small deck): none is marked cheapest.
  const tied = plan.rows.every((row) => Math.abs(row.minutesPerRemembered - plan.rows[0]!.minutesPerRemembered) < 0.005);
  const marks = plan.rows.map((row) => {
    const marked: string[] = [];
    if (row === nearest) marked.push('current');
    if (!tied && Math.abs(row.retention - plan.recommended) < 1e-9) marked.push('least per card');
    return marked.join(', ');
  });
  const table = (row: string[]) => row.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  const tableWidth = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const markWidth = Math.max(...marks.map((m) => m.length));
  // The bar gets what is left, between a floor that still shows a shape and a ceiling that reads.
  const barWidth = Math.max(6, Math.min(30, width - tableWidth - 2 - (markWidth ? markWidth + 1 : 0) - 1));
  const costs = plan.rows.map((row) => row.minutesPerRemembered);
  const top = Math.max(...costs, 1e-9);
  lines.push(`${table(columns)}  ${'MIN/CARD, 0 to ' + fixed(top, 2)}`.slice(0, width).trimEnd());
  plan.rows.forEach((row, k) => {
    const bar = '#'.repeat(Math.max(row.minutesPerRemembered > 0 ? 1 : 0, Math.round((row.minutesPerRemembered / top) * barWidth)));
    const mark = marks[k] ? ` ${marks[k]}` : '';
    lines.push(`${table(cells[k]!)}  ${bar.padEnd(barWidth)}${mark}`.trimEnd());
  });
  lines.push('');
  const explained = `MIN/CARD: minutes of study over the ${days} per card you would remember at their end (the expected number recalled).`;
  if (tied) {
    lines.push(...wrapWords(`${explained} Every retention costs the same here: none is cheaper per card than another.`, width));
  } else {
    lines.push(...wrapWords(`${explained} Least per card: ${fixed(plan.recommended, 2)}; set it with:`, width));
    // The command on a line of its own, so that it is never cut in two.
    lines.push(`  ${header.command} config desired-retention ${fixed(plan.recommended, 2)}`);
  }
  return lines.join('\n') + '\n';
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
