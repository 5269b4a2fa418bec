// How the study screen fits the terminal, worked out in rows before anything is drawn. Every
// text on the screen is wrapped here (or is one line by construction), so the row counts are
// exact, and the frame is kept shorter than the terminal: a frame as tall as the terminal makes
// Ink clear the whole screen on every redraw (flicker), and a taller one pushes the header off
// the top. On a small terminal the body gives way (the answer is cut, then the blank lines, the
// source line, the question), never the header. Plain functions: no Ink, no React.
import { cutLines, displayWidth, wrap } from '../core/text.js';
import type { IntervalPreview, ShownCard } from '../session/types.js';

/** "1 Again 1 min" */
export function gradeLabel(preview: IntervalPreview): string {
  return `${preview.rating} ${preview.name} ${preview.label}`;
}

export const GRADE_SEPARATOR = ' · ';

/** The grades in rows: all four on one when they fit, else two and two, else one a row. */
export function gradeRows(previews: readonly IntervalPreview[], width: number): IntervalPreview[][] {
  const fits = (row: readonly IntervalPreview[]) => displayWidth(row.map(gradeLabel).join(GRADE_SEPARATOR)) <= width;
  for (const size of [4, 2]) {
    const rows: IntervalPreview[][] = [];
    for (let i = 0; i < previews.length; i += size) rows.push(previews.slice(i, i + size));
    if (rows.every(fits)) return rows;
  }
  return previews.map((preview) => [preview]);
}

export { cutLines };

/** "Monday morning · C14 · notes.txt:37" */
export function sourceLine(card: ShownCard): string {
  const { session, code, file, line } = card.source;
  return [session, code, `${file}:${line}`].filter((part) => part !== '').join(' · ');
}

/** The card as rows: what CardView draws. */
export interface CardLayout {
  question: string[];
  /** Empty when there was no room for it. */
  source: string[];
  /** The answer's rows, or null on the question side. */
  answer: string[] | null;
  grades: IntervalPreview[][];
  /** Blank rows before the answer's rule and before the grades. */
  spaced: boolean;
}

export function cardHeight(layout: CardLayout): number {
  const head = layout.question.length + layout.source.length;
  if (!layout.answer) return head;
  return head + (layout.spaced ? 2 : 0) + 1 + layout.answer.length + layout.grades.length;
}

/**
 * The card in at most `maxRows` rows, or as few as it can take when it cannot: first the answer
 * is cut (to three rows), then the blank rows go, then the answer is cut to one row, then the
 * source line goes, then the question is cut to one row.
 */
export function layoutCard(card: ShownCard, showAnswer: boolean, width: number, maxRows: number): CardLayout {
  // No text can show more rows than the card has (and the fewest the steps below keep is
  // three): each is cut to that before it is wrapped, so a 1 MB title costs a screenful.
  const most = { maxLines: Math.max(3, maxRows) };
  const answer = showAnswer ? wrap(card.answer, width, most) : null;
  const withAnswerIn = (layout: CardLayout, fewest: number): CardLayout => {
    if (!answer) return layout;
    const room = maxRows - cardHeight({ ...layout, answer: [] });
    return { ...layout, answer: cutLines(answer, Math.max(fewest, room), width) };
  };
  const steps: ((layout: CardLayout) => CardLayout)[] = [
    (layout) => withAnswerIn(layout, 3),
    (layout) => withAnswerIn({ ...layout, spaced: false }, 3),
    (layout) => withAnswerIn(layout, 1),
    (layout) => withAnswerIn({ ...layout, source: [] }, 1),
    (layout) => withAnswerIn({ ...layout, question: cutLines(layout.question, 1, width) }, 1),
  ];
  let layout: CardLayout = {
    question: wrap(card.question, width, most),
    source: wrap(sourceLine(card), width, most),
    answer,
    grades: showAnswer ? gradeRows(card.previews, width) : [],
    spaced: true,
  };
  for (const step of steps) {
    if (cardHeight(layout) <= maxRows) break;
    layout = step(layout);
  }
  return layout;
}

/** Whether the deck's name and the counts need a row each. */
export function headerSplits(deck: string, countsText: string, width: number): boolean {
  return displayWidth(deck) + 2 + displayWidth(countsText) > width;
}

export interface FrameInput {
  /** The terminal's height. */
  rows: number;
  width: number;
  /** Rows the header takes (deck and counts, the progress bar). */
  headerRows: number;
  /** Rows the key hints take (0 or 1). */
  hintRows: number;
  notice: string | null;
  /** The fewest rows the body can be drawn in. */
  bodyMin: number;
}

export interface FramePlan {
  /** Blank rows between header, body, notice and hints. */
  gaps: boolean;
  /** The notice's rows (cut to one on a small terminal). */
  notice: string[];
  /** Rows the body may take. */
  bodyRows: number;
}

/** Shares the terminal's rows out, the body taking what the header, notice and hints leave. */
export function planFrame({ rows, width, headerRows, hintRows, notice, bodyMin }: FrameInput): FramePlan {
  // One row fewer than the terminal: Ink ends the frame with a newline.
  const room = (gaps: boolean, noticeRows: number) =>
    rows - 1 - headerRows - hintRows - noticeRows - (gaps ? 1 + (noticeRows ? 1 : 0) + (hintRows ? 1 : 0) : 0);
  // A notice can quote a title of any length; it never has more rows than the terminal.
  let noticeLines = notice ? wrap(notice, width, { maxLines: Math.max(1, rows) }) : [];
  let gaps = true;
  if (room(gaps, noticeLines.length) < bodyMin && noticeLines.length > 1) noticeLines = cutLines(noticeLines, 1, width);
  if (room(gaps, noticeLines.length) < bodyMin) gaps = false;
  return { gaps, notice: noticeLines, bodyRows: Math.max(1, room(gaps, noticeLines.length)) };
}
