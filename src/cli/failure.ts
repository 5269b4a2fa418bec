// How every failure leaves the program: one plain line on stderr and an exit code (2 for a
// usage error, 1 for anything else), never a stack trace.
import { UsageError, UserError } from '../core/errors.js';

export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Prints `error` as one `paperdeck: …` line and sets the exit code. */
export function reportFailure(error: unknown): void {
  if (error instanceof UsageError || error instanceof UserError) {
    process.stderr.write(`paperdeck: ${oneLine(error.message)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`paperdeck: unexpected error: ${oneLine(message)}\n`);
  if (process.env.PAPERDECK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}

/**
 * A reader that stops early (`paperdeck cards | head`) closes the pipe: that is the reader's
 * choice, not a failure, so leave quietly instead of with a stack trace.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
