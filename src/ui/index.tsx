// The screen's public face, one function per screen (as Shopify's CLI kit has one per prompt):
// the study command calls these and never touches Ink itself. Nothing here decides anything
// about the session; the runner does.
import { render, type Instance } from 'ink';
import type { SessionRunner } from '../session/runner.js';
import { DeckPicker, type DeckChoice } from './components/DeckPicker.js';
import { StudyApp } from './StudyApp.js';
import { ColorProvider } from './theme.js';

export type { DeckChoice } from './components/DeckPicker.js';

/**
 * Back to the start of the row above, and erase from there to the end of the screen. Ink leaves
 * the cursor on the row after its last frame when it unmounts; a one-row frame is undone by this.
 */
const ERASE_ROW_ABOVE = '\r\u001b[1A\u001b[J';

export interface ScreenStreams {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const inkOptions = (streams: ScreenStreams) => ({
  ...streams,
  // Ctrl+C is a key the session handles: it quits through the same path as q.
  exitOnCtrlC: false,
  patchConsole: false,
  // Ink 6.8's incremental renderer loses track of the frame when its height changes (tried here:
  // every answer shifted the screen down a line; see also vadimdemedes/ink#1023). The standard
  // one erases only the previous frame, never the whole screen, inside a synchronized update.
  incrementalRendering: false,
});

export interface StudyScreenHandle {
  /** Settles once the session has exited and its last frame is on the terminal. */
  readonly closed: Promise<void>;
  /** Hands the terminal to another program (the editor): the screen unmounts, raw mode ends. */
  releaseTerminal(): Promise<void>;
  /**
   * Takes the terminal back after `releaseTerminal`: the "editing" line is erased and the screen
   * drawn afresh where it was.
   */
  takeTerminal(): void;
}

export function showStudySession(runner: SessionRunner, options: { color: boolean } & ScreenStreams): StudyScreenHandle {
  const { color, ...streams } = options;
  const stdout = streams.stdout ?? process.stdout;
  let instance: Instance;
  let resolveClosed: () => void = () => {};
  let rejectClosed: (error: unknown) => void = () => {};
  const closed = new Promise<void>((resolve, reject) => {
    resolveClosed = resolve;
    rejectClosed = reject;
  });

  const mount = () => {
    const mounted = render(<StudyApp runner={runner} color={color} />, inkOptions(streams));
    instance = mounted;
    mounted.waitUntilExit().then(
      () => {
        // An unmount for the editor is not the end; the session's own exit is.
        if (runner.getState().exit) resolveClosed();
      },
      (error: unknown) => rejectClosed(error),
    );
  };
  mount();

  return {
    closed,
    async releaseTerminal() {
      // Let the screen draw its "editing" line first; then Ink restores the terminal.
      await new Promise<void>((resolve) => setImmediate(resolve));
      instance.unmount();
      await instance.waitUntilExit().catch(() => {});
    },
    takeTerminal() {
      // The editor has given the terminal back with the cursor where it was: below the one-row
      // "editing" frame (editors restore the screen they found).
      stdout.write(ERASE_ROW_ABOVE);
      mount();
    },
  };
}

/**
 * Asks which deck to study; null when the user cancels. The list is gone from the terminal
 * when this returns, and the cursor is where the list began, for the session to draw there.
 */
export async function pickDeck(decks: readonly DeckChoice[], options: { color: boolean } & ScreenStreams): Promise<string | null> {
  const { color, ...streams } = options;
  const stdout = streams.stdout ?? process.stdout;
  let chosen: string | null = null;
  const instance = render(
    <ColorProvider color={color}>
      <DeckPicker
        decks={decks}
        onDone={(deck) => {
          chosen = deck;
          // After the picker has drawn its empty frame (which erases the list).
          setImmediate(() => instance.unmount());
        }}
      />
    </ColorProvider>,
    inkOptions(streams),
  );
  await instance.waitUntilExit();
  // An empty frame is one blank row to Ink: step back over it.
  stdout.write(ERASE_ROW_ABOVE);
  return chosen;
}
