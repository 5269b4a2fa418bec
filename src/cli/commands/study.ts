// `paperdeck study [DECK]`: the interactive review session. The checks that need no terminal
// (is this a terminal at all?) run before anything heavy loads; then the deck, the state (held
// for writing), the engine and the Ink screen load together, once.
import type { CommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { UserError, failureMessage } from '../../core/errors.js';
import { toSafeLine } from '../../core/sanitize.js';
import type { CardsFile } from '../../core/types.js';
import type { DeckChoice } from '../../ui/index.js';

/** The one line for a caller that is not a person at a terminal, or null when it is one. */
export function terminalRefusal(stdinIsTTY: boolean, stdoutIsTTY: boolean): string | null {
  if (stdinIsTTY && stdoutIsTTY) return null;
  const which = !stdinIsTTY && !stdoutIsTTY ? 'stdin and stdout are not TTYs' : !stdinIsTTY ? 'stdin is not a TTY' : 'stdout is not a TTY';
  return `study needs an interactive terminal (${which}); for scripts use \`paperdeck due\``;
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
  const refusal = terminalRefusal(Boolean(process.stdin.isTTY), Boolean(process.stdout.isTTY));
  if (refusal) throw new UserError(refusal);
  // Raw from the start: keys typed while paperdeck loads are neither echoed nor held back for a
  // line; they wait in the terminal for the screen, which reads them in order. (Ink turns raw
  // mode on only after its first frame, and off whenever it unmounts.)
  process.stdin.setRawMode(true);
  try {
    return await study(ctx, args);
  } finally {
    process.stdin.setRawMode(false);
  }
}

async function study(ctx: CommandContext, { positional }: CommandArgs): Promise<number> {
  // The generator (note parsing, key-idea extraction) loads only when the deck needs rebuilding.
  const loadGenerator = () => import('../../cards/generate.js');
  const [decks, store, engineModule, queue, runnerModule, format, editor, ui] = await withoutFetch(() =>
    Promise.all([
      import('../../store/decks.js'),
      import('../../store/index.js'),
      import('../../schedule/engine.js'),
      import('../../schedule/queue.js'),
      import('../../session/runner.js'),
      import('../../session/format.js'),
      import('../../session/editor.js'),
      import('../../ui/index.js'),
    ]),
  );
  const { decksDir, stateDir } = ctx.places;
  const { clock } = ctx;

  const requested = positional[0] as string | undefined;
  const available = decks.listDecks(decksDir);
  let name: string;
  if (requested === undefined && available.length > 1) {
    const picked = await pickDeckToStudy(ctx, available, { decks, store, queue, ui });
    if (picked === null) return 0;
    process.stdin.setRawMode(true);
    name = picked;
  } else {
    name = decks.resolveDeckName(decksDir, requested);
  }

  // The lock first: a second session must not rebuild the deck under the first one's feet.
  const state = await store.openState(stateDir, { mode: 'write', clock, command: 'paperdeck study' });
  let deckState: ReturnType<typeof state.deck> | undefined;
  // What `due` counts, left for it as the session ends (store/due-index.ts), for cards.json as
  // it is now: `e` may have rebuilt it. Only a speed-up, so any doubt or failure leaves none
  // (and a stale one is set aside by `due` itself).
  const leaveDueIndex = () => {
    if (!deckState) return;
    try {
      store.writeDueIndex(stateDir, deckState, decks.deckStatus(decksDir, name));
    } catch {
      // `due` reads everything, as it would without an index
    }
  };
  // Whether closing failed (a full disk while folding the snapshot): every answer is in the log
  // already, but the session did not end cleanly, and a script must not read exit 0.
  let closeFailed = false;
  const closeState = () => {
    try {
      state.close();
    } catch (error) {
      closeFailed = true;
      ctx.err(
        `paperdeck: ${toSafeLine(`could not close the state cleanly: ${failureMessage(error)}`)}; every answer given is saved in the review log\n`,
      );
      return;
    }
    leaveDueIndex(); // after the fold: the index records the snapshot as it was left
  };
  // Every answer is already on disk; on a signal only the lock and the fold remain to do.
  const onSignal = (signal: NodeJS.Signals) => {
    closeState();
    process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
  };
  const signals: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, onSignal);

  let runner: ReturnType<typeof runnerModule.createSessionRunner> | undefined;
  try {
    const { cardsFile, notice: deckNotice } = await deckForSession(decksDir, name, { decks, format, loadGenerator });
    let notice = deckNotice;
    let cards = cardsFile.cards;
    deckState = state.deck(name);
    if (deckState.tornTail) {
      // The answer being written when paperdeck was killed: its bytes are kept aside, not lost.
      const aside = deckState.tornTail.file ? ` (its bytes are in ${deckState.tornTail.file})` : '';
      const torn = `The last answer before a crash was cut off and not counted${aside}.`;
      notice = notice ? `${torn} ${notice}` : torn;
    }
    const engine = engineModule.createStudyEngine({ deck: deckState, cards, settings: state.settings(), clock });

    let screen: ReturnType<typeof ui.showStudySession> | undefined;
    const editNote = async (cardId: string): Promise<string> => {
      const card = cards.find((candidate) => candidate.id === cardId);
      if (!card) throw new UserError('that card is no longer in the deck');
      const generate = await loadGenerator();
      let where: { path: string; line: number };
      try {
        where = generate.notesFileOf(decksDir, name, card);
      } catch (error) {
        // A linked deck whose notes are gone: say where they were looked for, and go on.
        if (!(error instanceof UserError)) throw error;
        return format.noteNotOpenedNotice(failureMessage(error));
      }
      const { path, line } = where;
      await screen!.releaseTerminal();
      try {
        editor.openInEditor(path, line, ctx.env);
      } finally {
        process.stdin.setRawMode(true);
        screen!.takeTerminal();
      }
      let built: ReturnType<typeof generate.generateDeck>;
      try {
        built = generate.generateDeck(decksDir, name);
      } catch (error) {
        // Nothing was replaced: the session goes on with the cards it has, and `e` on the same
        // card opens the note again to put it right.
        return format.rebuildFailedNotice(failureMessage(error));
      }
      cards = built.cardsFile.cards;
      engine.replaceCards(cards);
      return format.summarizeChanges(built.changes, built.skipped.length);
    };

    runner = runnerModule.createSessionRunner({ deck: name, engine, clock, notice, editNote });
    screen = ui.showStudySession(runner, { color: ctx.color });
    await screen.closed;
  } finally {
    runner?.dispose();
    for (const signal of signals) process.off(signal, onSignal);
    closeState();
  }
  return closeFailed ? 1 : 0;
}

type StudyModules = {
  decks: typeof import('../../store/decks.js');
  store: typeof import('../../store/index.js');
  queue: typeof import('../../schedule/queue.js');
  ui: typeof import('../../ui/index.js');
  format: typeof import('../../session/format.js');
  loadGenerator: () => Promise<typeof import('../../cards/generate.js')>;
};

/**
 * Asks which of several decks to study, each shown with what is due in it now (read without
 * the lock, as `paperdeck due` reads). A deck whose notes changed is rebuilt only once picked,
 * so the picker stays quick. Null when the user cancels.
 */
async function pickDeckToStudy(
  ctx: CommandContext,
  available: string[],
  { decks, store, queue, ui }: Pick<StudyModules, 'decks' | 'store' | 'queue' | 'ui'>,
): Promise<string | null> {
  const { decksDir, stateDir } = ctx.places;
  const reader = await store.openState(stateDir, { mode: 'read', clock: ctx.clock });
  let choices: DeckChoice[];
  try {
    const counted = await queue.deckDueCounts({
      names: available,
      store: reader,
      settings: reader.settings(),
      now: ctx.clock.now(),
      cardsOf: (deck) => {
        const status = decks.deckStatus(decksDir, deck);
        if (!status.cardsFile) return 'not built yet';
        if (!status.current) return 'notes changed';
        return status.cardsFile.cards;
      },
      unreadableState: 'skip',
    });
    choices = counted.map(({ deck, counts, remark, error }) => ({ name: deck, counts, remark: error ? 'cannot be read' : remark }));
  } finally {
    reader.close();
  }
  return ui.pickDeck(choices, { color: ctx.color });
}

/**
 * The cards to study, and what to say about them first: cards.json as it is when the notes are
 * those it was built from (restamping notes touched but unchanged, so that `due` need not read
 * them again); else the deck rebuilt, with what changed. Notes that cannot be used (deleted but
 * for another file, emptied by an editor mid-save, binary) leave the cards last built to study.
 */
async function deckForSession(
  decksDir: string,
  name: string,
  { decks, format, loadGenerator }: Pick<StudyModules, 'decks' | 'format' | 'loadGenerator'>,
): Promise<{ cardsFile: CardsFile; notice: string | null }> {
  const status = decks.deckStatus(decksDir, name);
  const lastBuilt = (problem: UserError) => `The notes cannot be used (${problem.message}): these are the cards last built.`;
  const problem = decks.notesProblem(status);
  if (status.cardsFile && problem) return { cardsFile: status.cardsFile, notice: lastBuilt(problem) };
  if (status.cardsFile && status.current) {
    decks.restampNotes(decksDir, name, status);
    return { cardsFile: status.cardsFile, notice: null };
  }
  try {
    const built = (await loadGenerator()).generateDeck(decksDir, name, { status });
    const skipped = built.skipped.length;
    const notice = status.cardsFile ? format.summarizeChanges(built.changes, skipped) : format.summarizeBuild(built.cardsFile.cards.length, skipped);
    return { cardsFile: built.cardsFile, notice };
  } catch (error) {
    if (!(status.cardsFile && error instanceof UserError)) throw error;
    return { cardsFile: status.cardsFile, notice: lastBuilt(error) };
  }
}
