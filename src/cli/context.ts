// What every command is handed: where things are, the one clock, and where to write.
import type { Clock } from '../core/clock.js';
import type { Places } from '../core/paths.js';

export interface CommandContext {
  places: Places;
  clock: Clock;
  /** --json: print exactly one JSON document on stdout and nothing else there. */
  json: boolean;
  out: (text: string) => void;
  /** Writes a JSON document on stdout, safe on a terminal (core/sanitize.ts safeJson). */
  outJson: (value: unknown) => void;
  /** Warnings and progress for people; never data. */
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal that takes colour (NO_COLOR and pipes turn it off). */
  color: boolean;
}

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.outJson(value);
}
