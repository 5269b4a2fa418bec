// Two kinds of failure the CLI reports as one plain line on stderr: a usage error (exit 2) and
// anything else the user can act on (exit 1). Anything thrown that is neither is a bug.

/** The user asked for something malformed: a bad flag, key or value. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure the user can act on: a missing file, a corrupted state, a held lock. Exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/** What to tell the user of a failure: its message, or for a bug, "unexpected error: ...". */
export function failureMessage(error: unknown): string {
  if (error instanceof UserError || error instanceof UsageError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
