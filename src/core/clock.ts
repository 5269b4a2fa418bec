// Every "now" in paperdeck comes from one Clock handed down from the command line, so tests,
// demos and simulations can set the time (PAPERDECK_NOW) and nothing reads the system clock
// deep inside the core.
import { UsageError } from './errors.js';

export interface Clock {
  /** The current time in epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that starts at `start` and then advances with real time (durations stay real). */
export function clockStartingAt(start: number, real: Clock = systemClock): Clock {
  const realStart = real.now();
  return { now: () => start + (real.now() - realStart) };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(time: number | string | Date): void {
    this.current = typeof time === 'number' ? time : new Date(time).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** The clock for a command: PAPERDECK_NOW when set, else the system clock. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const raw = env.PAPERDECK_NOW;
  if (raw === undefined || raw === '') return systemClock;
  const start = Date.parse(raw);
  if (Number.isNaN(start)) throw new UsageError(`PAPERDECK_NOW is not an ISO date-time: ${JSON.stringify(raw)}`);
  return clockStartingAt(start);
}
