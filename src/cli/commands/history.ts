// `paperdeck history CARD [DECK] [--json]`: every review of one card (an id, a short id, or a
// unique part of its title), with its grade, the interval it gave, and FSRS's stability,
// difficulty and retrievability. Read-only, like `cards` (no lock, no Ink).
//
// --json: { deck, card: { id, title }, reviews: [{ at, grade, interval, stability, difficulty,
// retrievability, device }] }; `interval` in days (a fraction for a learning step).
import { isoTime } from '../../core/iso-time.js';
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { measured, plural } from '../../core/text.js';
import { toSafeLine } from '../../core/sanitize.js';
import { shortIds } from '../../core/short-id.js';
import { daysLabel, durationLabel, fitTable, localDateTime, outputWidth, stabilityLabel, wrap } from '../format.js';
import { RATING_NAMES, Scheduler } from '../../schedule/scheduler.js';
import { findCard } from '../../schedule/unsuspend.js';
import { cardHistory, GRADE_NAMES } from '../../stats/history.js';
import { readDeck } from '../read-deck.js';

/** Widths are measured only when what is printed needs them (core/text.ts measured). */
export const loadsTextWidths = true;

const DAY_MS = 86_400_000;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const [ref, requestedDeck] = args.positional;
  const { deck, cards, settings, entries } = await readDeck(ctx, requestedDeck, { log: false, entries: true });
  const card = findCard(cards, String(ref ?? ''));
  const scheduler = new Scheduler(settings);
  const reviews = cardHistory(entries, card.id, (state, at) => scheduler.retrievability(state, at));

  if (ctx.json) {
    printJson(ctx, {
      deck,
      card: { id: card.id, title: card.title },
      reviews: reviews.map((review) => ({
        at: isoTime(review.at),
        grade: GRADE_NAMES[review.rating],
        interval: round(review.interval, 6),
        stability: round(review.stability, 4),
        difficulty: round(review.difficulty, 4),
        retrievability: review.retrievability === null ? null : round(review.retrievability, 4),
        device: review.device,
      })),
    });
    return 0;
  }
  const width = outputWidth();
  const id = shortIds(cards.map((c) => c.id)).get(card.id)!;
  const heading = await measured(() => wrap(`${toSafeLine(card.title)} (${id})`, width, { indent: '  ', firstIndent: '' }));
  ctx.out(heading.map((line) => `${line}\n`).join(''));
  if (reviews.length === 0) {
    ctx.out(`${deck}: not reviewed yet\n`);
    return 0;
  }
  const rows = reviews.map((review) => [
    localDateTime(review.at),
    RATING_NAMES[review.rating],
    review.step ? durationLabel(review.interval * DAY_MS) : daysLabel(review.interval),
    stabilityLabel(review.stability),
    review.difficulty.toFixed(1),
    review.retrievability === null ? '-' : `${Math.round(review.retrievability * 100)}%`,
  ]);
  const { text } = await measured(() => fitTable(
    [
      { header: 'DATE' },
      { header: 'GRADE' },
      { header: 'INTERVAL', align: 'right' },
      { header: 'STAB', align: 'right' },
      { header: 'DIFF', align: 'right' },
      { header: 'R', align: 'right' },
    ],
    rows,
    width,
  ));
  ctx.out(text);
  const note = `${deck}: ${plural(reviews.length, 'review')} (R: recall chance when answered; STAB, DIFF: after it)`;
  ctx.out(await measured(() => wrap(note, width, { indent: '  ', firstIndent: '' }).map((line) => `${line}\n`).join('')));
  return 0;
}
