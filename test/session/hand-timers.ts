// Timers a test fires by hand, for the session runner (src/session/runner.ts), which takes its
// timers injected: the pending one says how long it asked to wait.
import type { Timers } from '../../src/session/runner.js';

export class HandTimers implements Timers {
  pending: { callback: () => void; ms: number } | null = null;

  set(callback: () => void, ms: number) {
    const entry = { callback, ms };
    this.pending = entry;
    return entry;
  }

  clear(handle: unknown) {
    if (this.pending === handle) this.pending = null;
  }

  fire() {
    const entry = this.pending;
    this.pending = null;
    entry?.callback();
  }
}
