// A program in a pseudo-terminal, read as a person would read it: tests wait for text to appear
// on the screen (with a deadline), never for a fixed time.
import { spawn, type IPty } from '@lydell/node-pty';

// CSI (with private and intermediate bytes), OSC, and the short two-byte escapes.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78DEHMc]/g;

export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '');
}

export class PtyProgram {
  /** Everything the program wrote, escape sequences included. */
  raw = '';
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly pty: IPty;
  private readonly waiters = new Set<() => void>();

  constructor(file: string, args: string[], options: { env: Record<string, string>; cols?: number; rows?: number; cwd?: string }) {
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
    this.pty.resize(cols, rows);
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

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}
