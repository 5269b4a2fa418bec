// Renders an Ink tree for a test and wraps the render and every keystroke in React's act(), so
// each assertion sees the settled frame: no sleeps, no races.
import { act, type ReactElement } from 'react';
import { render as inkRender } from 'ink-testing-library';
import { CLEAR_SCREEN } from '../../src/ui/hooks/useTerminalSize.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export interface Rendered {
  /** The last frame, colours and styles removed. */
  frame(): string;
  /** How many times the screen was cleared whole so far. */
  clears(): number;
  /** The last frame as written, escape sequences and all. */
  rawFrame(): string;
  /** Types `data` as one read from the terminal (several keys at once when longer). */
  press(data: string): void;
  /** A lone Esc: Ink waits one tick to tell it from the start of an escape sequence. */
  pressEscape(): Promise<void>;
  resize(columns: number, rows?: number): void;
  /** Anything else that updates the screen (a timer firing), inside act(). */
  act(work: () => void): void;
  unmount(): void;
}

export function renderInAct(tree: ReactElement, options: { columns?: number; rows?: number } = {}): Rendered {
  let result!: ReturnType<typeof inkRender>;
  const setColumns = (columns: number) => Object.defineProperty(result.stdout, 'columns', { value: columns, configurable: true });
  const setRows = (rows: number) => Object.defineProperty(result.stdout, 'rows', { value: rows, configurable: true });
  act(() => {
    result = inkRender(tree);
    if (options.columns !== undefined || options.rows !== undefined) {
      if (options.columns !== undefined) setColumns(options.columns);
      if (options.rows !== undefined) setRows(options.rows);
      result.stdout.emit('resize');
    }
  });
  // ink-testing-library runs Ink in debug mode, where a write through useStdout() goes out with
  // the frame Ink kept, and in debug mode Ink keeps none: such a write is not a frame.
  const lastFrame = () => {
    const frames = result.stdout.frames as string[];
    for (let i = frames.length - 1; i >= 0; i--) if (!frames[i]!.startsWith(CLEAR_SCREEN)) return frames[i]!;
    return '';
  };
  return {
    frame: () => stripAnsi(lastFrame()),
    rawFrame: lastFrame,
    clears: () => (result.stdout.frames as string[]).filter((frame) => frame.includes(CLEAR_SCREEN)).length,
    press(data) {
      act(() => {
        result.stdin.write(data);
      });
    },
    async pressEscape() {
      await act(async () => {
        result.stdin.write('\u001b');
        await new Promise<void>((resolve) => setImmediate(resolve));
      });
    },
    resize(columns, rows) {
      act(() => {
        setColumns(columns);
        if (rows !== undefined) setRows(rows);
        result.stdout.emit('resize');
      });
    },
    act(work) {
      act(work);
    },
    unmount() {
      act(() => result.unmount());
    },
  };
}
