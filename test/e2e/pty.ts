// A program in a pseudo-terminal, read as a person would read it: tests wait for text to appear
// on the screen (with a deadline), never for a fixed time.
import { spawn, type IPty } from '@lydell/node-pty';
import { replay, type Resize } from './screen.js';

// CSI (with private and intermediate bytes), OSC, and the short two-byte escapes.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78DEHMc]/g;

const BEGIN_SYNCHRONIZED_UPDATE = '\u001b[?2026h';
const END_SYNCHRONIZED_UPDATE = '\u001b[?2026l';

export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '');
}

export class PtyProgram {
  /** Everything the program wrote, escape sequences included. */
  raw = '';
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly pty: IPty;
  private readonly size: { cols: number; rows: number };
  private readonly resizes: Resize[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(file: string, args: string[], options: { env: Record<string, string>; cols?: number; rows?: number; cwd?: string }) {
    this.size = { cols: options.cols ?? 80, rows: options.rows ?? 24 };
    this.pty = spawn(file, args, {
      name: 'xterm-256color',
      cols: options.cols ?? 80,
      rows: options.rows ?? 24,
      cwd: options.cwd ?? process.cwd(),
      env: options.env,
    });
    this.pty.onData((data) => {
      this.raw += data;
      for (const waiter of [...this.waiters]) waiter();
    });
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
  }

  /** A position in the output: wait for text written after it. */
  mark(): number {
    return this.raw.length;
  }

  /** The text written since `since`, escape sequences removed. */
  text(since = 0): string {
    return stripEscapes(this.raw.slice(since));
  }

  write(data: string): void {
    this.pty.write(data);
  }

  resize(cols: number, rows: number): void {
    this.resizes.push({ at: this.raw.length, cols, rows });
    this.pty.resize(cols, rows);
  }

  /** The terminal's screen as a person sees it now: one string a row, trailing spaces removed. */
  screen(): string[] {
    // Ink draws each frame inside a synchronized update, which a terminal shows only once it is
    // complete: a frame still arriving is not on screen yet.
    const begun = this.raw.lastIndexOf(BEGIN_SYNCHRONIZED_UPDATE);
    const shown = begun > this.raw.lastIndexOf(END_SYNCHRONIZED_UPDATE) ? this.raw.slice(0, begun) : this.raw;
    const resizes = this.resizes.map((resize) => ({ ...resize, at: Math.min(resize.at, shown.length) }));
    return replay(shown, this.size.cols, this.size.rows, resizes);
  }

  /**
   * Resolves once the screen shows `expected`: text on it (rows joined by newlines), or rows
   * that pass a check. A check can ask for what must be there and what must be gone at once, so
   * a frame caught half-written is waited past instead of failing the test.
   */
  async waitForScreen(expected: string | RegExp | ((rows: string[]) => boolean), timeoutMs = 15_000): Promise<string[]> {
    const found = () => {
      const rows = this.screen();
      if (typeof expected === 'function') return expected(rows);
      const text = rows.join('\n');
      return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    };
    const deadline = Date.now() + timeoutMs;
    while (!found()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(expected)} on screen:\n${this.screen().join('\n')}`);
      // Wait for the next output (or the deadline) rather than a fixed time.
      await new Promise<void>((resolve) => {
        const check = () => {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(check, Math.max(0, deadline - Date.now()) + 1);
        this.waiters.add(check);
      });
    }
    return this.screen();
  }

  /** Resolves once `expected` shows in the output written since `since`. */
  waitFor(expected: string | RegExp, since = 0, timeoutMs = 15_000): Promise<string> {
    const found = () => {
      const text = this.text(since);
      return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    };
    if (found()) return Promise.resolve(this.text(since));
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!found()) return;
        done();
        resolve(this.text(since));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${String(expected)}; the screen showed:\n${this.text(since).slice(-3000)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      void this.exited.then(() => {
        if (!this.waiters.has(check)) return;
        done();
        if (found()) resolve(this.text(since));
        else reject(new Error(`the program exited while waiting for ${String(expected)}; it showed:\n${this.text(since).slice(-3000)}`));
      });
    });
  }

  /** Ends the program (SIGHUP, as a closed terminal does), or sends it `signal`. */
  kill(signal?: NodeJS.Signals): void {
    try {
      this.pty.kill(signal);
    } catch {
      // already gone
    }
  }
}
