// One reading of the engine: everything the screen shows, taken after every change, from one
// pass over the deck (StudyEngine.view). Note text is cleaned here, once, so no escape sequence
// from a notes file ever reaches the terminal.
import type { Clock } from '../core/clock.js';
import { stripControl, toSafeLine } from '../core/sanitize.js';
import type { Card } from '../core/types.js';
import type { IntervalPreview, SessionView, ShownCard, StudyEngine } from './types.js';

/**
 * UTF-16 units of a card's text kept for the screen. No screen shows more (a 200-row terminal
 * at the widest the screen gets, 100 columns, holds 20,000 columns), and cleaning and every
 * reading after it then cost the same for a 1 MB title as for a screenful.
 */
export const SHOWN_TEXT_UNITS = 64_000;

/** `text` cut to what a screen can show, ending in "…" when cut (never inside a surrogate pair). */
export function forScreen(text: string): string {
  if (text.length <= SHOWN_TEXT_UNITS) return text;
  const end = /[\ud800-\udbff]/.test(text[SHOWN_TEXT_UNITS - 1]!) ? SHOWN_TEXT_UNITS - 1 : SHOWN_TEXT_UNITS;
  return `${text.slice(0, end)}…`;
}

/** Paragraphs kept, each line cleaned, runs of blank lines folded. */
function safeText(text: string): string {
  return stripControl(text)
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/[ \t]+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

export function shownCard(card: Card, previews: readonly IntervalPreview[], previewsAt: number): ShownCard {
  return {
    id: card.id,
    title: toSafeLine(forScreen(card.title)),
    question: toSafeLine(forScreen(card.question || card.title)),
    answer: safeText(forScreen(card.answer)),
    source: {
      file: toSafeLine(card.source.file),
      line: card.source.line,
      session: toSafeLine(card.source.session),
      code: toSafeLine(card.source.code),
    },
    previews: previews.map((preview) => ({ ...preview, label: toSafeLine(preview.label) })),
    previewsAt,
  };
}

/** Reads the engine: one view of its queue, the shown card's previews and today's summary. */
export function readView(engine: StudyEngine, clock: Clock): SessionView {
  const { counts, card, nextLearningDue, nextDue, answersToGo } = engine.view();
  const at = clock.now();
  return {
    at,
    counts,
    card: card ? shownCard(card, engine.previews(card.id, at), at) : null,
    nextLearningDue,
    nextDue,
    answersToGo,
    summary: engine.summary(),
    canUndo: engine.nextUndo() !== null,
  };
}
