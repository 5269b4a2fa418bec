// How every failure leaves the program: one plain line on stderr and an exit code (2 for a
// usage error, 1 for anything else), never a stack trace.
import { writeSync } from 'node:fs';
import { UsageError, UserError, failureMessage } from '../core/errors.js';
import { stripControl } from '../core/sanitize.js';

export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Prints `error` as one `paperdeck: …` line and sets the exit code. */
export function reportFailure(error: unknown): void {
  // Messages quote file names, paths and damaged lines: none reaches the terminal raw.
  process.stderr.write(`paperdeck: ${oneLine(stripControl(failureMessage(error)))}\n`);
  const expected = error instanceof UsageError || error instanceof UserError;
  if (!expected && process.env.PAPERDECK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

/**
 * What to do when writing to stdout or stderr fails. A reader that stops early (`paperdeck
 * cards | head`) closes the pipe: that is the reader's choice, not a failure, so leave quietly.
 * Anything else (a full disk behind a redirect) is one line and exit 1, written straight to
 * file descriptor 2, since the stream that failed may be stderr itself.
 */
export function handleOutputErrors(stream: NodeJS.WriteStream, name: 'stdout' | 'stderr'): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      writeSync(2, `paperdeck: cannot write to ${name}: ${oneLine(stripControl(error.message))}\n`);
    } catch {
      // nowhere left to say it
    }
    process.exit(1);
  });
}

/**
 * handleOutputErrors for process.stderr, set up when something first asks for the stream, not
 * before: Node builds it on first use (for a pipe or a terminal, with node:net or node:tty: some
 * 5 ms of a `due` that prints nothing there). Whatever writes to it asks for it first, so no
 * write goes out without the handler. Where process.stderr is not the getter Node defines, the
 * handler is set at once.
 */
export function handleStderrErrorsOnFirstUse(): void {
  const own = Object.getOwnPropertyDescriptor(process, 'stderr');
  if (!own?.get || !own.configurable) {
    handleOutputErrors(process.stderr, 'stderr');
    return;
  }
  Object.defineProperty(process, 'stderr', {
    configurable: true,
    enumerable: own.enumerable ?? true,
    get() {
      Object.defineProperty(process, 'stderr', own);
      const stream = process.stderr;
      handleOutputErrors(stream, 'stderr');
      return stream;
    },
  });
}
