// The arguments a command runner receives from main.ts.
export interface CommandArgs<F = Record<string, unknown>> {
  positional: unknown[];
  flags: F & { json?: boolean; decks?: string; state?: string };
}
