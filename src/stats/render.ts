// The text report of `paperdeck stats`: plain lines that fit the terminal (80 columns by
// default, 60 at the least). Every chart says its scale and reads without colour: bars,
// shades and labels are characters; colour, when on, only repeats what they already say.
import { toSafeLine } from '../core/sanitize.js';
import { displayWidth, formatDuration, percent, plural, truncate, wrap } from '../core/text.js';
import { RETENTION_PERIODS } from './index.js';
import type { DeckStats, TrueRetentionRow } from './index.js';

export const DEFAULT_WIDTH = 80;
export const MIN_WIDTH = 60;
const CHART_HEIGHT = 8;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL = '█';
const AGAIN = '░';
/** Heatmap shades, from no reviews to the busiest days. */
export const HEAT_LEVELS = ['·', '░', '▒', '▓', '█'] as const;

export interface RenderOptions {
  /** Columns available; default 80, never less than 60. */
  width?: number;
  /** ANSI colour; off for NO_COLOR and pipes. */
  color?: boolean;
}

interface Paint {
  heading: (text: string) => string;
  pass: (text: string) => string;
  fail: (text: string) => string;
  dim: (text: string) => string;
}

function painter(color: boolean): Paint {
  const wrap = (open: string) => (text: string) => (color && text !== '' ? `\u001b[${open}m${text}\u001b[0m` : text);
  return { heading: wrap('1'), pass: wrap('32'), fail: wrap('31'), dim: wrap('2') };
}

export function renderStats(stats: DeckStats, options: RenderOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  const paint = painter(options.color ?? false);
  const sections = [
    renderHeader(stats, width, paint),
    renderCounts(stats, width, paint),
    renderToday(stats, width, paint),
    renderTrueRetention(stats.trueRetention, width, paint),
    renderPredicted(stats, width, paint),
    renderForecast(stats, width, paint),
    renderReviewsPerDay(stats, width, paint),
    renderReviewsPerMonth(stats, width, paint),
    renderHeatmap(stats, width, paint),
    renderHardest(stats, width, paint),
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

function renderHeader(stats: DeckStats, width: number, paint: Paint): string[] {
  const deck = truncate(toSafeLine(stats.deck), width - 40);
  const weekday = WEEKDAYS[(new Date(`${stats.date}T00:00:00Z`).getUTCDay() + 6) % 7];
  return [
    paint.heading(`Statistics for ${deck}`) + ` · ${weekday} ${stats.date}`,
    paint.dim(`(days start at ${stats.dayStartHour}:00 local time)`),
  ];
}

function renderCounts(stats: DeckStats, width: number, paint: Paint): string[] {
  const c = stats.counts;
  const leech = c.leech === 0 ? 'no leeches' : `${plural(c.leech, 'leech', 'leeches')} (also counted above)`;
  return [
    paint.heading('Cards'),
    ...joinWithin([`new ${c.new}`, `learning ${c.learning}`, `review ${c.review}`, `relearning ${c.relearning}`], ' · ', width, '  '),
    ...joinWithin([`suspended ${c.suspended}`, `buried ${c.buried}`, leech, `${c.total} in all`], ' · ', width, '  '),
  ];
}

function renderToday(stats: DeckStats, width: number, paint: Paint): string[] {
  const t = stats.today;
  if (t.reviews === 0) return [paint.heading('Today'), '  no reviews yet today'];
  const passed = (t.reviews - t.again) / t.reviews;
  const again = t.again === 0 ? 'no again' : `${t.again} again`;
  return [
    paint.heading('Today'),
    ...joinWithin([plural(t.reviews, 'review'), `${again} (${percent(passed)} passed)`, `${formatDuration(t.seconds * 1000)} spent`], ' · ', width, '  '),
  ];
}

function renderTrueRetention(rows: readonly TrueRetentionRow[], width: number, paint: Paint): string[] {
  const label = (row: TrueRetentionRow) => RETENTION_PERIODS.find((p) => p.period === row.period)?.label ?? row.period;
  const pct = (r: number | null) => (r === null ? 'N/A' : percent(r));
  const lines = [
    ...headline('True retention', "as Anki's table counts it", width, paint),
    ...joinWithin(['first review of a card each day', 'Again fails', 'mature: interval ≥ 21 days'], '; ', width, '  ').map(paint.dim),
  ];
  const LABEL = 10;
  // Anki's layout: Young, Mature and Total, each as pass, fail and retention. Each number
  // column is as wide as its largest figure (plus a space), so heavy users' six-digit totals
  // still fit 80 columns; when they do not, the summary layout below is used.
  const groups = rows.map((row) => [
    [row.youngPass, row.youngFail, row.youngRetention],
    [row.maturePass, row.matureFail, row.matureRetention],
    [row.youngPass + row.maturePass, row.youngFail + row.matureFail, row.retention],
  ] as const);
  const RETENTION = 10;
  const numberWidths = [0, 1, 2].map((g) =>
    [0, 1].map((k) => 1 + Math.max(4, ...groups.map((row) => String(row[g]![k]).length))),
  );
  const groupWidths = numberWidths.map(([pass, fail]) => pass! + fail! + RETENTION);
  if (LABEL + groupWidths.reduce((a, b) => a + b, 0) <= width) {
    const titles = ['Young', 'Mature', 'Total'];
    lines.push(' '.repeat(LABEL) + groupWidths.map((w, g) => ' ' + center(` ${titles[g]} `, w - 1, '─')).join(''));
    lines.push(
      ' '.repeat(LABEL) +
        numberWidths.map(([pass, fail]) => 'Pass'.padStart(pass!) + 'Fail'.padStart(fail!) + 'Retention'.padStart(RETENTION)).join(''),
    );
    rows.forEach((row, i) => {
      const cells = groups[i]!.map(
        ([pass, fail, r], g) =>
          String(pass).padStart(numberWidths[g]![0]!) + String(fail).padStart(numberWidths[g]![1]!) + pct(r).padStart(RETENTION),
      );
      lines.push(label(row).padEnd(LABEL) + cells.join(''));
    });
  } else {
    // Narrow terminals: Anki's summary form, retention per group and the count of reviews.
    lines.push(' '.repeat(LABEL) + ['Young', 'Mature', 'Total', 'Reviews'].map((h) => h.padStart(10)).join(''));
    for (const row of rows) {
      const count = row.youngPass + row.youngFail + row.maturePass + row.matureFail;
      lines.push(
        label(row).padEnd(LABEL) +
          [pct(row.youngRetention), pct(row.matureRetention), pct(row.retention), String(count)].map((c) => c.padStart(10)).join(''),
      );
    }
  }
  return lines;
}

function renderPredicted(stats: DeckStats, width: number, paint: Paint): string[] {
  const head = paint.heading('Predicted retention');
  const parameters = wrap(
    stats.parameters.source === 'default'
      ? "FSRS parameters: FSRS-6's defaults (paperdeck optimize fits them to this deck's reviews)"
      : `FSRS parameters: ${stats.parameters.summary}`,
    width,
    { indent: '  ' },
  );
  if (stats.predictedRetention === null) return [head, '  no card has been reviewed yet', ...parameters];
  return [
    head,
    ...wrap(
      `${percent(stats.predictedRetention)} now (desired ${percent(stats.desiredRetention)}): FSRS's mean ` +
        `probability of recall over the ${plural(stats.predictedRetentionCards, 'card')} in review or relearning`,
      width,
      { indent: '  ' },
    ),
    ...parameters,
  ];
}

interface Column {
  /** Height of the whole bar. */
  total: number;
  /** Of it, the part drawn with AGAIN at the bottom. */
  part?: number;
}

/**
 * A vertical bar chart, one column per value, with the y axis labelled at the top and bottom
 * and x labels placed where they fit. Each row is `step` units; a bar is rounded up to whole
 * rows so any non-zero value shows.
 */
function columnChart(
  columns: readonly Column[],
  xLabels: readonly string[],
  options: { colWidth: number; barWidth: number; unit: string; legend?: string; width: number },
): string[] {
  const max = Math.max(0, ...columns.map((c) => c.total));
  const step = Math.max(1, Math.ceil(max / CHART_HEIGHT));
  const height = Math.max(1, Math.ceil(max / step)); // the tallest bar reaches the top row
  const top = step * height;
  const axisWidth = String(top).length + 1;
  const rows: string[] = [];
  const barRows = columns.map((c) => Math.ceil(c.total / step));
  // The AGAIN part shows when it is at least one row, but never hides that a bar had passes.
  const partRows = columns.map((c, i) => {
    if (!c.part) return 0;
    const rows = Math.max(1, Math.round(c.part / step));
    return Math.min(rows, barRows[i]! - (c.total > c.part ? 1 : 0));
  });
  for (let row = height; row >= 1; row--) {
    const axis = row === height ? `${String(top).padStart(axisWidth - 1)} ┤` : `${' '.repeat(axisWidth - 1)} │`;
    let line = axis;
    columns.forEach((_, i) => {
      const glyph = row <= partRows[i]! ? AGAIN : row <= barRows[i]! ? FULL : ' ';
      line += glyph.repeat(options.barWidth) + ' '.repeat(options.colWidth - options.barWidth);
    });
    rows.push(line.trimEnd());
  }
  rows.push(`${'0'.padStart(axisWidth - 1)} └${'─'.repeat(columns.length * options.colWidth)}`);
  // x labels: each starts under its column, skipped when it would touch the one before.
  let labelLine = ' '.repeat(axisWidth + 1);
  xLabels.forEach((label, i) => {
    if (!label) return;
    const at = axisWidth + 1 + i * options.colWidth;
    if (at < labelLine.length + (labelLine.trim() ? 1 : 0)) return;
    labelLine = labelLine.padEnd(at) + label;
  });
  rows.push(labelLine.trimEnd());
  const scale = step === 1 ? `each ${FULL} = 1 ${options.unit}` : `each ${FULL} = ${step} ${options.unit}s (rounded up)`;
  const notes = [scale, `axis max ${top}`, ...(options.legend ? [options.legend] : [])];
  rows.push(...joinWithin(notes, '; ', options.width, ' '.repeat(axisWidth + 1)));
  return rows;
}

function chartColumnWidth(count: number, width: number, preferred: number): number {
  const axis = 6;
  for (let w = preferred; w > 1; w--) if (axis + count * w <= width) return w;
  return 1;
}

function renderForecast(stats: DeckStats, width: number, paint: Paint): string[] {
  const total = stats.forecast.reduce((sum, d) => sum + d.due, 0);
  const overdue = stats.overdue ? `, ${stats.overdue} of them overdue (counted today)` : '';
  const lines = headline(`Due in the next ${stats.forecast.length} days`, `${plural(total, 'card')}${overdue}`, width, paint);
  if (total === 0) return [...lines, '  nothing due: new cards are not counted'];
  const colWidth = chartColumnWidth(stats.forecast.length, width, 2);
  const labels = stats.forecast.map((d, i) => (i === 0 ? 'today' : i % 7 === 0 ? d.date.slice(5) : ''));
  const chart = columnChart(
    stats.forecast.map((d) => ({ total: d.due })),
    labels,
    { colWidth, barWidth: 1, unit: 'card', width },
  );
  return [...lines, ...chart.map((l) => colorBars(l, paint))];
}

function renderReviewsPerDay(stats: DeckStats, width: number, paint: Paint): string[] {
  const days = stats.reviewsPerDay;
  const total = days.reduce((sum, d) => sum + d.reviews, 0);
  const again = days.reduce((sum, d) => sum + d.again, 0);
  const active = days.filter((d) => d.reviews > 0).length;
  const lines = headline(
    `Reviews per day, last ${days.length} days`,
    `${plural(total, 'review')}, ${again} again, on ${plural(active, 'day')}`,
    width,
    paint,
  );
  if (total === 0) return [...lines, '  no reviews in these days'];
  const colWidth = chartColumnWidth(days.length, width, 2);
  const last = days.length - 1;
  const labels = days.map((d, i) => (i === last ? 'today' : (last - i) % 7 === 0 ? d.date.slice(5) : ''));
  const chart = columnChart(
    days.map((d) => ({ total: d.reviews, part: d.again })),
    labels,
    { colWidth, barWidth: 1, unit: 'review', legend: `${FULL} passed ${AGAIN} again`, width },
  );
  return [...lines, ...chart.map((l) => colorBars(l, paint))];
}

function renderReviewsPerMonth(stats: DeckStats, width: number, paint: Paint): string[] {
  const months = stats.reviewsPerMonth;
  const total = months.reduce((sum, m) => sum + m.reviews, 0);
  const again = months.reduce((sum, m) => sum + m.again, 0);
  const lines = headline(`Reviews per month, last ${months.length} months`, `${plural(total, 'review')}, ${again} again`, width, paint);
  if (total === 0) return [...lines, '  no reviews in these months'];
  const colWidth = chartColumnWidth(months.length, width, 5);
  const chart = columnChart(
    months.map((m) => ({ total: m.reviews, part: m.again })),
    months.map((m) => MONTHS[Number(m.month.slice(5, 7)) - 1]!.slice(0, Math.max(1, colWidth - 1))),
    { colWidth, barWidth: Math.max(1, colWidth - 2), unit: 'review', legend: `${FULL} passed ${AGAIN} again`, width },
  );
  return [...lines, ...chart.map((l) => colorBars(l, paint))];
}

function renderHeatmap(stats: DeckStats, width: number, paint: Paint): string[] {
  const { days, max, weeks } = stats.heatmap;
  const active = days.filter((d) => d.reviews > 0).length;
  const total = days.reduce((sum, d) => sum + d.reviews, 0);
  const streak =
    stats.streakDays === 0 ? 'no current streak' : `current streak ${plural(stats.streakDays, 'day')}`;
  const lines = headline(`Last ${weeks} weeks`, `${plural(total, 'review')} on ${plural(active, 'day')}; ${streak}`, width, paint);
  const cell = 4 + weeks * 2 <= width ? 2 : 1;
  const level = (count: number) => (count === 0 ? 0 : Math.min(4, Math.ceil((4 * count) / max)));
  // Month names above the week in which each month begins, and above the first week for the
  // month it is in. That first label names only the tail of a month: when it would crowd the
  // next month's label, it gives way (it used to take the room, and the next month went
  // unnamed, as if skipped).
  const labels: { at: number; name: string }[] = [];
  for (let week = 0; week < weeks; week++) {
    const monday = days[week * 7];
    if (!monday) break;
    const weekDates = days.slice(week * 7, week * 7 + 7).map((d) => d.date);
    const first = weekDates.find((d) => d.endsWith('-01')) ?? (week === 0 ? monday.date : undefined);
    if (first) labels.push({ at: 4 + week * cell, name: MONTHS[Number(first.slice(5, 7)) - 1]! });
  }
  let monthLine = ' '.repeat(4);
  for (const [i, label] of labels.entries()) {
    const next = labels[i + 1];
    if (i === 0 && next && label.at + label.name.length + 1 > next.at) continue;
    // Months begin four or five weeks apart, so later labels never meet at one or two columns a week.
    if (label.at < monthLine.length + 1 && monthLine.trim()) continue;
    monthLine = monthLine.padEnd(label.at) + label.name;
  }
  lines.push(monthLine.trimEnd());
  for (let weekday = 0; weekday < 7; weekday++) {
    let line = WEEKDAYS[weekday]!.padEnd(4);
    for (let week = 0; week < weeks; week++) {
      const day = days[week * 7 + weekday];
      line += (day ? HEAT_LEVELS[level(day.reviews)]! : ' ').padEnd(cell);
    }
    lines.push(line.trimEnd());
  }
  const legend = [`${HEAT_LEVELS[0]} none`];
  for (let l = 1; l <= 4; l++) {
    const lo = Math.floor(((l - 1) * max) / 4) + 1;
    const hi = Math.floor((l * max) / 4);
    if (lo > hi) continue;
    legend.push(`${HEAT_LEVELS[l]} ${lo === hi ? lo : `${lo}–${hi}`}`);
  }
  legend.push('reviews a day');
  lines.push(...joinWithin(legend, '  ', width, '    '));
  return lines;
}

function renderHardest(stats: DeckStats, width: number, paint: Paint): string[] {
  const head = headline('Hardest papers', 'most lapses, then least often recalled', width, paint);
  if (stats.hardest.length === 0) return [...head, '  no lapses yet'];
  const lines = [...head, `  ${'Lapses'.padStart(6)}  ${'Recall'.padStart(6)}  Title`];
  for (const card of stats.hardest) {
    const flags = [card.leech ? 'leech' : '', card.suspended ? 'suspended' : ''].filter(Boolean).join(', ');
    const suffix = flags ? ` [${flags}]` : '';
    const recall = card.recall === null ? '—' : percent(card.recall, 0);
    const room = width - 2 - 6 - 2 - 6 - 2 - suffix.length;
    const title = truncate(toSafeLine(card.title), room);
    lines.push(`  ${String(card.lapses).padStart(6)}  ${recall.padStart(6)}  ${title}${paint.dim(suffix)}`);
  }
  return lines;
}

/** A section's first line: its title, then " — " and details, wrapped at words to `width`. */
function headline(title: string, details: string, width: number, paint: Paint): string[] {
  const lines = wrap(`${title} — ${details}`, width, { firstIndent: '', indent: '  ' });
  lines[0] = paint.heading(title) + lines[0]!.slice(title.length);
  return lines;
}

/** Joins `parts` with `separator`, starting a new line (with `indent`) where one would pass `width`. */
function joinWithin(parts: readonly string[], separator: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && displayWidth(indent + line + separator + part) > width) {
      lines.push(indent + line + separator.trimEnd());
      line = part;
    } else line = line ? line + separator + part : part;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Colours bar glyphs in a chart line (after layout, so widths are unaffected). */
function colorBars(line: string, paint: Paint): string {
  return line.replace(/█+/g, (m) => paint.pass(m)).replace(/░+/g, (m) => paint.fail(m));
}

function center(text: string, width: number, fill: string): string {
  const left = Math.max(0, Math.floor((width - displayWidth(text)) / 2));
  const right = Math.max(0, width - left - displayWidth(text));
  return fill.repeat(left) + text + fill.repeat(right);
}
