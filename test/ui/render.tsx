// Renders an Ink tree for a test and wraps the render and every keystroke in React's act(), so
// each assertion sees the settled frame: no sleeps, no races.
import { act, type ReactElement } from 'react';
import { render as inkRender } from 'ink-testing-library';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export interface Rendered {
  /** The last frame, colours and styles removed. */
  frame(): string;
  /** The last frame as written, escape sequences and all. */
  rawFrame(): string;
  /** Types `data` as one read from the terminal (several keys at once when longer). */
  press(data: string): void;
  /** A lone Esc: Ink waits one tick to tell it from the start of an escape sequence. */
  pressEscape(): Promise<void>;
  resize(columns: number): void;
  /** Anything else that updates the screen (a timer firing), inside act(). */
  act(work: () => void): void;
  unmount(): void;
}

export function renderInAct(tree: ReactElement, options: { columns?: number } = {}): Rendered {
  let result!: ReturnType<typeof inkRender>;
  const setColumns = (columns: number) => Object.defineProperty(result.stdout, 'columns', { value: columns, configurable: true });
  act(() => {
    result = inkRender(tree);
    if (options.columns !== undefined) {
      setColumns(options.columns);
      result.stdout.emit('resize');
    }
  });
  return {
    frame: () => stripAnsi(result.lastFrame() ?? ''),
    rawFrame: () => result.lastFrame() ?? '',
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
    resize(columns) {
      act(() => {
        setColumns(columns);
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
