// `paperdeck cards [DECK] --json` on the quick path: every row from the deck's due index
// (store/due-index.ts), which holds each card's title and whole state, so that neither cards.json
// nor the snapshot is parsed and the full program is not loaded. The document is made as bytes
// (card-rows.ts cardRowsBytes), the ids' and titles' JSON text copied from the index as it is
// (when it is already safeJson's: rawJsonStrings), into one buffer written out 64 KiB at a time:
// some 4.5 MB of text never become strings. It answers only when the index
// gives exactly what the full program would print, and hands everything else over to it
// (hand-over.ts), before printing anything:
//
// - the table (no --json): it measures widths and shortens ids, which the full program does;
// - a deck with FSRS parameters set: its memory states are replayed from the log (schedule/memory.ts);
// - an index that cannot be used (stale, damaged, another machine's answers since, a clock set
//   back: readDueIndex) or whose states past its point a full read would merge otherwise;
// - a log whose last line was cut off by a crash (the full program notes it on stderr);
// - any error at all: the full program reports it as it always has.
import type { CommandArgs } from './args.js';
import { printJson, type CommandContext } from './context.js';
import { resolveDeckName } from '../store/decks.js';
import { openStateForReading } from '../store/index.js';
import { NOT_ANSWERED, stateInColumns, type DueColumns } from '../store/due-index.js';
import { currentDueIndex } from '../cards/freshness.js';
import { DEFAULT_WEIGHTS } from '../schedule/parameters.js';
import { forgettingCurve, retrievabilityWith } from '../schedule/forgetting-curve.js';
import { CardStateKind } from '../core/types.js';
import { isoTime } from '../core/iso-time.js';
import { SafeJsonBytes, SafeJsonText } from '../core/sanitize.js';
import { cardRow, cardRowsBytes, cardRowsJson, restBytes, round4, rowRest, rowText, type RowBytes } from './card-rows.js';
import { stateName } from '../schedule/card-state.js';
import { HandOverToFullProgram } from './hand-over.js';

/** It measures no widths: the table is the full program's. */
export const loadsTextWidths = true;

export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const rows = ctx.json ? indexedRows(ctx, args.positional[0]) : null;
  if (!rows) throw new HandOverToFullProgram('cards: the full program lists this deck');
  printJson(ctx, rows);
  return 0;
}

/** The document `cards --json` prints, from the due index; null when the full program must make it. */
function indexedRows(ctx: CommandContext, requested: unknown): SafeJsonText | SafeJsonBytes | null {
  const { decksDir, stateDir } = ctx.places;
  try {
    const deck = resolveDeckName(decksDir, typeof requested === 'string' ? requested : undefined);
    const store = openStateForReading(stateDir, ctx.clock);
    let parameters;
    try {
      parameters = store.settings(deck).parameters;
    } finally {
      store.close();
    }
    if (parameters) return null;
    const index = currentDueIndex(decksDir, stateDir, deck);
    if (!index || !index.deck.exact || index.deck.torn) return null;
    const { columns, length } = index.deck;
    // Every state byte one paperdeck writes, before the first row is printed.
    for (let i = 0; i < length; i++) {
      const kind = columns.state[i]!;
      if (kind > 3 && kind !== NOT_ANSWERED) return null;
    }
    const now = ctx.clock.now();
    const raw = index.deck.rawIdsAndTitles();
    if (raw) {
      // Bytes: the ids' and titles' text copied from the index as it is, the other fields
      // written as they are read. One row object, filled again for each card.
      const { bytes, ids, titles } = raw;
      const row: RowBytes = { bytes, idFrom: 0, idTo: 0, titleFrom: 0, titleTo: 0, rest: { ...NEW_REST }, restBytes: null };
      // A card never answered has no state of its own: every such row ends in the same text,
      // made once (most rows of a deck just built, or of one with new cards to come).
      let neverAnswered: Uint8Array | null = null;
      return new SafeJsonBytes(
        cardRowsBytes(deck, length, (i) => {
          row.idFrom = ids[i]!;
          row.idTo = ids[i + 1]! - 1;
          row.titleFrom = titles[i]!;
          row.titleTo = titles[i + 1]! - 1;
          if (columns.state[i] === NOT_ANSWERED) {
            if (!neverAnswered) {
              fillRest(row.rest, columns, i, now);
              neverAnswered = restBytes(row.rest);
            }
            row.restBytes = neverAnswered;
          } else {
            fillRest(row.rest, columns, i, now);
            row.restBytes = null;
          }
          return row;
        }),
      );
    }
    const ids = index.deck.ids();
    const titles = index.deck.titles();
    return new SafeJsonText(cardRowsJson(deck, length, (i) => indexedRowJson(columns, i, ids[i]!, titles[i]!, now)));
  } catch {
    return null;
  }
}

const DAY_MS = 86_400_000;

/** rowJson(cardRow(...)) of card `i`, read straight from the columns: no card state is made for it. */
function indexedRowJson(columns: DueColumns, i: number, id: string, title: string, now: number): string {
  const rest = { ...NEW_REST };
  fillRest(rest, columns, i, now);
  const { due, lastReview } = rest;
  return rowText(id, title, rowRest({ ...rest, due: due === null ? null : isoTime(due), lastReview: lastReview === null ? null : isoTime(lastReview) }));
}

const NEW_REST: RowBytes['rest'] = { state: 'new', due: null, stability: null, difficulty: null, retrievability: null, reps: 0, lapses: 0, suspended: false, buried: false, leech: false, scheduledDays: 0, lastReview: null };

/** cardRow(...)'s fields after the title for card `i`, into `rest`, the times as ms. */
function fillRest(rest: RowBytes['rest'], columns: DueColumns, i: number, now: number): void {
  const kind = columns.state[i]!;
  if (kind === NOT_ANSWERED || kind === CardStateKind.New) {
    const stored = stateInColumns(columns, i);
    const row = cardRow({ id: '', title: '' }, stored, (state) => retrievabilityWith(DEFAULT_WEIGHTS, state, now), now);
    Object.assign(rest, row, { due: row.due === null ? null : stored!.due, lastReview: stored?.lastReview ?? null });
    return;
  }
  const stability = columns.stability[i]!;
  const lastReview = columns.lastReview[i]!;
  const buriedUntil = columns.buriedUntil[i]!;
  const known = !Number.isNaN(lastReview);
  rest.state = stateName(kind as CardStateKind);
  rest.due = columns.due[i]!;
  rest.stability = round4(stability);
  rest.difficulty = round4(columns.difficulty[i]!);
  rest.retrievability = known && stability > 0 ? round4(forgettingCurve(DEFAULT_WEIGHTS, Math.max(0, now - lastReview) / DAY_MS, stability)) : null;
  rest.reps = columns.reps[i]!;
  rest.lapses = columns.lapses[i]!;
  rest.suspended = columns.suspended[i] === 1;
  rest.buried = !Number.isNaN(buriedUntil) && buriedUntil > now;
  rest.leech = columns.leech[i] === 1;
  rest.scheduledDays = columns.scheduledDays[i]!;
  rest.lastReview = known ? lastReview : null;
}
