// The text report as a user reads it: labels, scales, widths, no colour when off, and titles
// that cannot reach the terminal's control codes. Europe/Berlin, now Tuesday 2026-03-10 12:00.
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text.js';
import { CardStateKind } from '../../src/core/types.js';
import type { Card, CardState } from '../../src/core/types.js';
import { DEFAULT_SETTINGS } from '../../src/schedule/settings.js';
import { computeStats } from '../../src/stats/index.js';
import { renderStats } from '../../src/stats/render.js';
import { DAY, History, card, cardState, local } from './history.js';

const NOW = local('2026-03-10T12:00');

function report(history: History, states = new Map<string, CardState>(), cards: Card[] = [], options = {}): string {
  const stats = computeStats({ deck: 'papers', log: history.facts(), states, cards, settings: { ...DEFAULT_SETTINGS }, now: NOW });
  return renderStats(stats, options);
}

/** The lines of the section whose heading starts with `heading`, up to the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

/**
 * A busy deck: 20 cards due tomorrow; a week of reviews, one 6 days ago up to 7 today, each
 * day's first an Again; lapsed cards with awkward titles.
 */
function busyDeck(): { history: History; states: Map<string, CardState>; cards: Card[] } {
  const history = new History();
  for (let day = 6; day >= 0; day--) {
    for (let i = 0; i < 7 - day; i++) {
      history.review(`c${i}`, NOW - day * DAY - 3_600_000, i === 0 ? 1 : 3, { scheduledDays: i % 2 ? 30 : 5 });
    }
  }
  const states = new Map<string, CardState>();
  const cards: Card[] = [];
  for (let i = 0; i < 20; i++) {
    states.set(`c${i}`, cardState({ due: NOW + DAY, lastReview: NOW - DAY, lapses: i < 3 ? 3 - i : 0 }));
    cards.push(card(`c${i}`, `Paper ${i}`));
  }
  cards[0] = card('c0', '\u001b[31mEvil\u0007 paper\u202e with\ttabs\nand a newline');
  cards[1] = card('c1', 'An extraordinarily long title about attention, memory and everything else that needs cutting short');
  cards[2] = card('c2', '深層学習による論文の要約と記憶の研究についての非常に長い題名です');
  return { history, states, cards };
}

describe('stats report', () => {
  it("shows Anki's True Retention table: six periods by young, mature and total", () => {
    const h = new History();
    h.review('a', '2026-03-10T09:00', 3, { scheduledDays: 5 });
    h.review('b', '2026-03-10T09:00', 1, { scheduledDays: 5 });
    h.review('c', '2026-03-09T09:00', 3, { scheduledDays: 40 });
    const table = section(report(h), 'True retention');
    expect(table.join('\n')).toMatch(/─+ Young ─+ ─+ Mature ─+ ─+ Total ─+/);
    expect(table.join('\n')).toMatch(/Pass +Fail +Retention +Pass +Fail +Retention +Pass +Fail +Retention/);
    const row = (label: string) => table.find((l) => l.startsWith(label))!.slice(10).trim().split(/ +/);
    expect(row('Today')).toEqual(['1', '1', '50.0%', '0', '0', 'N/A', '1', '1', '50.0%']);
    expect(row('Yesterday')).toEqual(['0', '0', 'N/A', '1', '0', '100.0%', '1', '0', '100.0%']);
    expect(row('Last week')).toEqual(['1', '1', '50.0%', '1', '0', '100.0%', '2', '1', '66.7%']);
    for (const label of ['Last month', 'Last year', 'All time']) expect(row(label)).toEqual(row('Last week'));
  });

  it('labels every chart with its scale and axis maximum', () => {
    const { history, states, cards } = busyDeck();
    const text = report(history, states, cards);
    const forecast = section(text, 'Due in the next 30 days');
    expect(forecast[0]).toBe('Due in the next 30 days — 20 cards');
    // 20 cards on one day, 8 rows at most: each row 3 cards, 7 rows, axis up to 21.
    expect(forecast).toContain('    each █ = 3 cards (rounded up); axis max 21');
    expect(forecast[1]).toMatch(/^21 ┤  █$/); // tomorrow's column, the second
    expect(forecast.filter((l) => l.includes('█')).length).toBe(8); // 7 rows and the scale line
    const perDay = section(text, 'Reviews per day, last 30 days');
    expect(perDay[0]).toBe('Reviews per day, last 30 days — 28 reviews, 7 again, on 7 days');
    expect(perDay.join('\n')).toContain('each █ = 1 review; axis max 7; █ passed ░ again');
    expect(perDay.at(-2)).toMatch(/today$/);
    const perMonth = section(text, 'Reviews per month, last 12 months');
    expect(perMonth.join('\n')).toContain('Apr  May  Jun  Jul  Aug  Sep  Oct  Nov  Dec  Jan  Feb  Mar');
    expect(perMonth.join('\n')).toMatch(/each █ = 4 reviews \(rounded up\); axis max 28/);
  });

  it('draws the heatmap as weekday rows of shade characters with a legend and the streak', () => {
    const { history, states, cards } = busyDeck();
    const heat = section(report(history, states, cards), 'Last 26 weeks');
    expect(heat[0]).toBe('Last 26 weeks — 28 reviews on 7 days; current streak 7 days');
    const rows = heat.slice(2, 9);
    expect(rows.map((r) => r.slice(0, 3))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    // Today (Tuesday, the last column) had the most reviews (7); Wednesday a week ago one.
    expect(rows[1]!.split(' ').filter(Boolean).length).toBe(27); // label + 26 weeks
    expect(rows[1]!.endsWith('█')).toBe(true);
    expect(rows[2]!.trimEnd().split(' ').at(-1)).toBe('░');
    expect(rows[2]!.trimEnd().split(' ').at(-2)).toBe('·');
    expect(heat.at(-1)).toBe('    · none  ░ 1  ▒ 2–3  ▓ 4–5  █ 6–7  reviews a day');
  });

  it('lists the hardest papers by title, made safe and cut to fit with …', () => {
    const { history, states, cards } = busyDeck();
    const hardest = section(report(history, states, cards), 'Hardest papers');
    expect(hardest[1]).toBe('  Lapses  Recall  Title');
    expect(hardest[2]).toMatch(/^ +3 +\d+% {2}Evil paper with tabs and a newline$/);
    expect(hardest[3]).toMatch(/^ +2 +\d+% {2}An extraordinarily long title .*…$/);
    expect(hardest[4]).toMatch(/^ +1 +\d+% {2}深層学習.*…$/);
    expect(displayWidth(hardest[3]!)).toBe(80);
    expect(displayWidth(hardest[4]!)).toBeLessThanOrEqual(80);
  });

  it('keeps every line within the width, 80 by default and 60 at the least, with no escape codes', () => {
    const { history, states, cards } = busyDeck();
    for (const width of [undefined, 60, 40]) {
      const text = report(history, states, cards, { width });
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      const limit = width === undefined ? 80 : Math.max(60, width);
      for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(limit);
    }
    // Narrow: Anki's summary layout of the table instead of pass/fail columns.
    const narrow = section(report(history, states, cards, { width: 60 }), 'True retention');
    expect(narrow.join('\n')).toMatch(/Young +Mature +Total +Reviews/);
  });

  it('fits 60 columns with CJK titles, each character two columns wide: short ones whole, long ones cut to the edge', () => {
    const { history, states, cards } = busyDeck();
    cards[1] = card('c1', '注意機構の研究');
    const text = report(history, states, cards, { width: 60 });
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    const hardest = section(text, 'Hardest papers');
    expect(hardest[3]).toMatch(/^ +2 +\d+% {2}注意機構の研究$/);
    expect(hardest[4]).toMatch(/^ +1 +\d+% {2}深層学習.*…$/);
    // Cut by columns, not characters: the row reaches the edge, short of it by at most the
    // one column a wide character could not fill.
    expect(displayWidth(hardest[4]!)).toBeGreaterThanOrEqual(59);
  });

  it('colours only when asked, and says the same without colour', () => {
    const { history, states, cards } = busyDeck();
    const plain = report(history, states, cards, { color: false });
    const coloured = report(history, states, cards, { color: true });
    expect(coloured).toMatch(/\u001b\[1mCards\u001b\[0m/);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('says plainly when there is nothing yet', () => {
    const text = report(new History(), new Map([['a', cardState({ state: CardStateKind.New, lastReview: null })]]), [card('a')]);
    expect(text).toContain('  new 1 · learning 0 · review 0 · relearning 0');
    expect(text).toContain('  no reviews yet today');
    expect(text).toContain('  no card has been reviewed yet');
    expect(text).toContain('  nothing due: new cards are not counted');
    expect(text).toContain('no current streak');
    expect(text).toContain('  no lapses yet');
    expect(section(text, 'True retention').find((l) => l.startsWith('All time'))).toMatch(/N\/A +0 +0 +N\/A +0 +0 +N\/A$/);
  });
});

describe('the heatmap month labels', () => {
  it('name every month that begins in the 26 weeks, even one beginning in the second week', () => {
    // Now Tuesday 2026-06-16: the first week shown is Monday 22 December to Sunday 28 December,
    // and January begins in the second.
    const now = local('2026-06-16T12:00');
    for (const width of [80, 60]) {
      const stats = computeStats({ deck: 'papers', log: new History().facts(), states: new Map(), cards: [], settings: { ...DEFAULT_SETTINGS }, now });
      expect(stats.heatmap.days[0]!.date).toBe('2025-12-22');
      const heat = section(renderStats(stats, { width }), 'Last 26 weeks');
      const months = heat[1]!.trim().split(/\s+/);
      expect(months.slice(-6), `width ${width}`).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun']);
      // Each label over the week of the month's first day.
      expect(heat[1]!.indexOf('Jan')).toBe(6);
    }
  });
});
