// The terminal's size, kept current on resize: the rows of the screen are wrapped and counted
// for it. (Ink re-lays out and redraws by itself on resize, a moment before React hears of it;
// the layout never depends on these numbers for its width.)
import { useEffect, useRef, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Erase the whole visible screen, cursor to the top left (the scrollback is left alone). */
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

/**
 * After the terminal changed size, clears the screen once and draws the frame afresh at the top.
 * Ink erases its last frame by moving the cursor up over as many rows as it wrote; a terminal
 * that rewrapped those rows to its new width holds more of them than that, and the rest would
 * stay on screen as half-frames. Only on a resize: a keystroke never clears (no flicker).
 */
export function useCleanRedrawOnResize({ columns, rows }: TerminalSize): void {
  const { write } = useStdout();
  const drawn = useRef({ columns, rows });
  useEffect(() => {
    if (drawn.current.columns === columns && drawn.current.rows === rows) return;
    drawn.current = { columns, rows };
    // Ink's write erases its frame, writes this, and draws the frame again below it.
    write(CLEAR_SCREEN);
  }, [columns, rows, write]);
}
