// `paperdeck study [DECK]`: the interactive review session. The checks that need no terminal
// (is this a terminal at all?) run before anything heavy loads; then the deck, the state (held
// for writing), the engine and the Ink screen load together, once.
import type { CommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { UserError, failureMessage } from '../../core/errors.js';
import { wholeNumberFlag } from '../options.js';
import { toSafeLine } from '../../core/sanitize.js';
import type { CardsFile } from '../../core/types.js';
import type { DeckDue } from '../../session/types.js';
import type { DeckChoice } from '../../ui/index.js';
import { cli } from '../../core/invocation.js';

/** The one line for a caller that is not a person at a terminal, or null when it is one. */
export function terminalRefusal(stdinIsTTY: boolean, stdoutIsTTY: boolean): string | null {
  if (stdinIsTTY && stdoutIsTTY) return null;
  const which = !stdinIsTTY && !stdoutIsTTY ? 'stdin and stdout are not TTYs' : !stdinIsTTY ? 'stdin is not a TTY' : 'stdout is not a TTY';
  return `study needs an interactive terminal (${which}); for scripts use \`${cli()} due\``;
}

/**
 * Runs `load` with the global `fetch` hidden. yoga-layout, Ink's layout engine, checks
 * `typeof fetch` while it loads its inlined WebAssembly, and in Node that first touch of
 * `fetch` loads undici: some 30 ms of start-up, for a network the screen never uses.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export async function run(ctx: CommandContext, args: CommandArgs): Promise<number> {
  const custom = customStudyOf(args.flags); // a bad --new or --ahead is a usage error, before all else
  const refusal = terminalRefusal(Boolean(process.stdin.isTTY), Boolean(process.stdout.isTTY));
  if (refusal) throw new UserError(refusal);
  // Raw from the start: keys typed while paperdeck loads are neither echoed nor held back for a
  // line; they wait in the terminal for the screen, which reads them in order. (Ink turns raw
  // mode on only after its first frame, and off whenever it unmounts.)
  process.stdin.setRawMode(true);
  try {
    return await study(ctx, args, custom);
  } finally {
    process.stdin.setRawMode(false);
  }
}

/** `--new N` and `--ahead DAYS`, read and checked: Anki's custom study, for this session only. */
export function customStudyOf(flags: Record<string, unknown>): { extraNew?: number; aheadDays?: number } {
  const custom: { extraNew?: number; aheadDays?: number } = {};
  const extraNew = wholeNumberFlag(flags, 'new', 1, 9999);
  const aheadDays = wholeNumberFlag(flags, 'ahead', 1, 365);
  if (extraNew !== undefined) custom.extraNew = extraNew;
  if (aheadDays !== undefined) custom.aheadDays = aheadDays;
  return custom;
}

/** What the header says of a custom-study session ("studying ahead 3 days · 10 more new"), or null. */
export function customStudyLabel({ extraNew, aheadDays }: { extraNew?: number; aheadDays?: number }): string | null {
  const parts: string[] = [];
  if (aheadDays) parts.push(`studying ahead ${aheadDays === 1 ? '1 day' : `${aheadDays} days`}`);
  if (extraNew) parts.push(`${extraNew} more new today`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

async function study(ctx: CommandContext, { positional, flags }: CommandArgs, custom: CustomStudy): Promise<number> {
  const modules = await loadStudyModules();
  const wanted = await decksWanted(ctx, positional[0] as string | undefined, flags['all'] === true, custom, modules);
  if (wanted === null) return 0;

  // The lock first: a second session must not rebuild the deck under the first one's feet.
  const state = await modules.store.openState(ctx.places.stateDir, { mode: 'write', clock: ctx.clock, command: 'paperdeck study' });
  let order: { first: string; elsewhere: DeckDue[] };
  try {
    order = await deckOrder(ctx, wanted, custom, modules);
  } catch (error) {
    state.close();
    throw error;
  }
  const closing = closeWhenDone(ctx, state, modules);
  let runner: ReturnType<StudyModules['runner']['createSessionRunner']> | undefined;
  /** Why the first deck could not be opened after its first card was drawn (shown on the screen, then the command's failure). */
  let openFailure: { error: unknown } | null = null;
  try {
    const decks = deckOpener(ctx, state, custom, modules, closing.studied);
    const first = await decks.openFirst(order.first);
    let screen: ReturnType<StudyModules['ui']['showStudySession']> | undefined;
    runner = modules.runner.createSessionRunner({
      deck: order.first,
      engine: first.engine,
      clock: ctx.clock,
      notice: first.notice,
      editNote: noteEditor(ctx, decks, modules, () => screen!),
      openDeck: decks.open,
      scope: { elsewhere: order.elsewhere, all: wanted.all, label: customStudyLabel(custom) },
    });
    screen = modules.ui.showStudySession(runner, { color: ctx.color });
    // The first card is on the terminal: the deck is opened now, before any key is read.
    openFailure = finishOpening(ctx, first, runner, modules);
    await screen.closed;
  } finally {
    runner?.dispose();
    closing.close();
  }
  if (openFailure) throw openFailure.error;
  return closing.failed() ? 1 : 0;
}

/**
 * Opens the first deck, when its first card was drawn from the due index (deckOpener's
 * openFirst): a view that differs once the deck is read whole is drawn again; a deck that cannot
 * be opened (a damaged file, named) is said on the screen, and is the command's failure once it
 * closes. Nothing was written before.
 */
function finishOpening(
  ctx: CommandContext,
  first: { engine: Parameters<StudyModules['view']['readView']>[0]; finishOpening?: () => boolean },
  runner: ReturnType<StudyModules['runner']['createSessionRunner']>,
  { view }: Pick<StudyModules, 'view'>,
): { error: unknown } | null {
  if (!first.finishOpening) return null;
  try {
    if (first.finishOpening()) runner.dispatch({ type: 'refreshed', view: view.readView(first.engine, ctx.clock) });
    return null;
  } catch (error) {
    runner.dispatch({ type: 'failed', message: failureMessage(error), at: ctx.clock.now() });
    return { error };
  }
}

/** Everything a session needs, loaded together, once (see the top of this file). */
async function loadStudyModules() {
  const [decks, cardsInUse, freshness, store, engine, deferred, start, queue, runner, view, format, editor, ui, picker] = await withoutFetch(() =>
    Promise.all([
      import('../../store/decks.js'),
      import('../../cards/current.js'),
      import('../../cards/freshness.js'),
      import('../../store/index.js'),
      import('../../schedule/engine.js'),
      import('../../schedule/deferred-engine.js'),
      import('../study-start.js'),
      import('../../schedule/queue.js'),
      import('../../session/runner.js'),
      import('../../session/view.js'),
      import('../../session/format.js'),
      import('../editor.js'),
      import('../../ui/index.js'),
      import('../../session/picker.js'),
    ]),
  );
  // The generator (note parsing, key-idea extraction) loads only when a note is edited.
  const loadGenerator = () => import('../../cards/generate.js');
  return { decks, cardsInUse, freshness, store, engine, deferred, start, queue, runner, view, format, editor, ui, picker, loadGenerator };
}

type StudyModules = Awaited<ReturnType<typeof loadStudyModules>>;

/** What the user asked to study: one deck (named, or picked from several), or all; null when they cancel the picker. */
async function decksWanted(
  ctx: CommandContext,
  requested: string | undefined,
  all: boolean,
  custom: CustomStudy,
  modules: StudyModules,
): Promise<{ named: string | undefined; all: boolean; available: string[] } | null> {
  const { decksDir } = ctx.places;
  if (all && requested !== undefined) throw new UserError('name a deck or give --all, not both');
  const available = modules.decks.listDecks(decksDir);
  let picked: string | undefined;
  if (!all && requested === undefined && available.length > 1) {
    const choice = await pickDeckToStudy(ctx, available, custom, modules);
    if (choice === null) return null;
    process.stdin.setRawMode(true);
    if (choice === modules.picker.ALL_DECKS) all = true;
    else picked = choice;
  }
  // With no deck at all, the usual word on how to make one.
  const named = all && available.length > 0 ? undefined : (picked ?? modules.decks.resolveDeckName(decksDir, requested));
  return { named, all, available };
}

/**
 * The deck to study first, and the others with cards due now: studying all, those come in turn;
 * else the end screen names them. Counted as the picker counts, after the lock, so no other
 * session moves them.
 */
async function deckOrder(
  ctx: CommandContext,
  { named, all, available }: { named: string | undefined; all: boolean; available: string[] },
  custom: CustomStudy,
  modules: StudyModules,
): Promise<{ first: string; elsewhere: DeckDue[] }> {
  const withDue = all || available.length > 1 ? await decksWithDue(ctx, available, custom, modules) : [];
  const first = named ?? withDue[0]?.deck ?? available[0]!;
  return { first, elsewhere: withDue.filter((other) => other.deck !== first) };
}

type SessionState = Awaited<ReturnType<StudyModules['store']['openState']>>;
type OpenedDeck = ReturnType<SessionState['deck']>;

/**
 * Closing the state when the session ends, or on a signal (every answer is already on disk: only
 * the lock and the fold remain to do), and leaving the due index of every deck studied.
 */
function closeWhenDone(ctx: CommandContext, state: SessionState, { freshness }: StudyModules) {
  const { decksDir, stateDir } = ctx.places;
  /** Every deck this session opened, for the due index left as it ends. */
  const studied = new Map<string, OpenedDeck>();
  // Whether closing failed (a full disk while folding the snapshot): every answer is in the log
  // already, but the session did not end cleanly, and a script must not read exit 0.
  let closeFailed = false;
  const closeState = () => {
    try {
      state.close();
    } catch (error) {
      closeFailed = true;
      ctx.err(`paperdeck: ${toSafeLine(`could not close the state cleanly: ${failureMessage(error)}`)}; every answer given is saved in the review log\n`);
      return;
    }
    // After the fold, so that the index records the snapshot as it was left; for cards.json as
    // it is now (`e` may have rebuilt it). Only a speed-up for `due`: any doubt or failure
    // leaves none (and a stale one is set aside by `due` itself).
    for (const [deckName, deckState] of studied) {
      try {
        freshness.leaveDueIndex(stateDir, deckState, freshness.deckStatus(decksDir, deckName));
      } catch {
        // `due` reads everything, as it would without an index
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    closeState();
    process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
  };
  const signals: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, onSignal);
  return {
    studied,
    close() {
      for (const signal of signals) process.off(signal, onSignal);
      closeState();
    },
    failed: () => closeFailed,
  };
}

/** Opens decks for the session (the first, and each the user moves on to), and keeps the one on screen. */
function deckOpener(ctx: CommandContext, state: SessionState, custom: CustomStudy, modules: StudyModules, studied: Map<string, OpenedDeck>) {
  type Engine = ReturnType<StudyModules['engine']['createStudyEngine']>;
  /** The engine of deck `deckName` on `cardsFile`, the deck's state opened (for writing). */
  const engineOn = (deckName: string, cardsFile: CardsFile, deckNotice: string | null): { engine: Engine; notice: string | null } => {
    let notice = deckNotice;
    const deckState = state.deck(deckName);
    studied.set(deckName, deckState);
    if (deckState.tornTail) {
      // The answer being written when paperdeck was killed: its bytes are kept aside, not lost.
      const aside = deckState.tornTail.file ? ` (its bytes are in ${deckState.tornTail.file})` : '';
      const torn = `The last answer before a crash was cut off and not counted${aside}.`;
      notice = notice ? `${torn} ${notice}` : torn;
    }
    const settings = state.settings(deckName);
    // With parameters of its own (or global ones), each card's memory is replayed from the log.
    const memory = settings.parameters ? modules.engine.memoryFromLog(deckState.readLogFacts(), settings) : undefined;
    const engine = modules.engine.createStudyEngine({ deck: deckState, cards: cardsFile.cards, settings, clock: ctx.clock, custom, memory });
    opener.current = { name: deckName, cards: cardsFile.cards, engine };
    return { engine, notice };
  };
  const opener = {
    /** The deck on screen and its cards: `e` rebuilds them, moving on replaces them. */
    current: undefined as { name: string; cards: CardsFile['cards']; engine: Engine } | undefined,
    open: async (deckName: string): Promise<{ engine: Engine; notice: string | null }> => {
      const { cardsFile, notice } = await deckForSession(ctx.places.decksDir, deckName, modules);
      return engineOn(deckName, cardsFile, notice);
    },
    /**
     * The deck the session starts on: drawn from its due index when that holds it exactly (no
     * FSRS parameters of its own, cards.json and the notes as indexed), the deck opened by
     * `finishOpening` once the first card is on the screen (schedule/deferred-engine.ts); else
     * as `open` opens any deck.
     */
    openFirst: async (deckName: string): Promise<{ engine: Engine; notice: string | null; finishOpening?: () => boolean }> => {
      const { decksDir, stateDir } = ctx.places;
      const settings = state.settings(deckName);
      const indexed = settings.parameters ? null : modules.start.indexedStart(decksDir, stateDir, deckName);
      if (!indexed) return opener.open(deckName);
      const engine = modules.deferred.createDeferredEngine({
        start: indexed.start,
        settings,
        clock: ctx.clock,
        custom,
        // The cards as indexed: the very bytes the first card was read from.
        open: () => engineOn(deckName, indexed.cards.parse(), null).engine,
      });
      // Until the deck is open, `e` finds its cards by opening it (engineOn then makes its own `current`).
      opener.current = {
        name: deckName,
        engine,
        get cards() {
          engine.open();
          return opener.current!.cards;
        },
      };
      return { engine, notice: null, finishOpening: () => engine.open() };
    },
  };
  return opener;
}

/**
 * `e`: opens the card's note in the user's editor at its line (the screen hands the terminal
 * over meanwhile), then rebuilds the deck and says what changed.
 */
function noteEditor(ctx: CommandContext, decks: ReturnType<typeof deckOpener>, modules: StudyModules, screen: () => ReturnType<StudyModules['ui']['showStudySession']>) {
  const { decksDir } = ctx.places;
  const { format, editor } = modules;
  return async (cardId: string): Promise<string> => {
    const { name: deckName, cards, engine } = decks.current!;
    const card = cards.find((candidate) => candidate.id === cardId);
    if (!card) throw new UserError('that card is no longer in the deck');
    const generate = await modules.loadGenerator();
    let where: { path: string; line: number };
    try {
      where = generate.notesFileOf(decksDir, deckName, card);
    } catch (error) {
      // A linked deck whose notes are gone: say where they were looked for, and go on.
      if (!(error instanceof UserError)) throw error;
      return format.noteNotOpenedNotice(failureMessage(error));
    }
    await screen().releaseTerminal();
    try {
      editor.openInEditor(where.path, where.line, ctx.env);
    } finally {
      process.stdin.setRawMode(true);
      screen().takeTerminal();
    }
    let built: ReturnType<typeof generate.generateDeck>;
    try {
      built = generate.generateDeck(decksDir, deckName);
    } catch (error) {
      // Nothing was replaced: the session goes on with the cards it has, and `e` on the same
      // card opens the note again to put it right.
      return format.rebuildFailedNotice(failureMessage(error));
    }
    decks.current = { ...decks.current!, cards: built.cardsFile.cards };
    engine.replaceCards(built.cardsFile.cards);
    return format.summarizeChanges(built.changes, built.skipped.length);
  };
}


type CustomStudy = { extraNew?: number; aheadDays?: number };

/**
 * What is due in each deck now (read without the lock, as `paperdeck due` reads), counted as a
 * session with these custom-study options would count it. A deck whose notes changed is
 * rebuilt only once picked, so the count stays quick: it is left uncounted, or, when `lastBuilt`,
 * counted on the cards last built.
 */
async function countDecks(
  ctx: CommandContext,
  available: string[],
  custom: CustomStudy,
  { freshness, store, queue }: Pick<StudyModules, 'freshness' | 'store' | 'queue'>,
  lastBuilt: boolean,
): Promise<DeckChoice[]> {
  const { decksDir, stateDir } = ctx.places;
  const reader = await store.openState(stateDir, { mode: 'read', clock: ctx.clock });
  try {
    const settings = reader.settings();
    const now = ctx.clock.now();
    const counted = await queue.deckDueCounts({
      names: available,
      store: reader,
      settings: queue.withExtraNew(settings, custom.extraNew),
      now,
      aheadUntil: queue.aheadUntil(now, settings.dayStartHour, custom.aheadDays),
      cardsOf: (deck) => {
        const status = freshness.deckStatus(decksDir, deck);
        if (!status.cardsFile) return 'not built yet';
        if (!status.current && !lastBuilt) return 'notes changed';
        return status.cardsFile.cards;
      },
      unreadableState: 'skip',
    });
    return counted.map(({ deck, counts, remark, error }) => ({ name: deck, counts, remark: error ? 'cannot be read' : remark }));
  } finally {
    reader.close();
  }
}

/** The decks with cards due now, in the order they are listed. */
async function decksWithDue(ctx: CommandContext, available: string[], custom: CustomStudy, modules: Pick<StudyModules, 'freshness' | 'store' | 'queue'>): Promise<DeckDue[]> {
  const counted = await countDecks(ctx, available, custom, modules, true);
  return counted.flatMap(({ name, counts }) => (counts && counts.total > 0 ? [{ deck: name, due: counts.total }] : []));
}

/** Asks which of several decks to study (or all of them), each with what is due in it now. Null when the user cancels. */
async function pickDeckToStudy(
  ctx: CommandContext,
  available: string[],
  custom: CustomStudy,
  { freshness, store, queue, ui }: Pick<StudyModules, 'freshness' | 'store' | 'queue' | 'ui'>,
): Promise<string | null> {
  const choices = await countDecks(ctx, available, custom, { freshness, store, queue }, false);
  return ui.pickDeck(choices, { color: ctx.color });
}

/**
 * The cards to study (cards/current.ts, saving what it rebuilds), and what to say about them
 * first: nothing for cards.json as built, what changed for a rebuilt deck, and why for the
 * cards last built standing in for notes that cannot be used.
 */
async function deckForSession(
  decksDir: string,
  name: string,
  { cardsInUse, format }: Pick<StudyModules, 'cardsInUse' | 'format'>,
): Promise<{ cardsFile: CardsFile; notice: string | null }> {
  const cards = await cardsInUse.cardsToUse(decksDir, name, { save: true });
  switch (cards.kind) {
    case 'as-built':
      return { cardsFile: cards.cardsFile, notice: null };
    case 'last-built':
      return { cardsFile: cards.cardsFile, notice: `The notes cannot be used (${cards.problem.message}): these are the cards last built.` };
    case 'rebuilt': {
      const skipped = cards.skipped.length;
      const notice = cards.firstBuild ? format.summarizeBuild(cards.cardsFile.cards.length, skipped) : format.summarizeChanges(cards.changes, skipped);
      return { cardsFile: cards.cardsFile, notice };
    }
  }
}
