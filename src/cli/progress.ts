// A one-line progress bar on stderr, for the commands that take seconds (optimize). Drawn only
// when stderr is a terminal: piped or in CI nothing is written, and stdout (a --json document)
// is never touched. It redraws at most every 100 ms and only when a whole percent has passed.
import { systemClock } from '../core/clock.js';

export interface ProgressBar {
  /** The share done, 0 to 1. */
  update(done: number): void;
  /** Clears the line. */
  finish(): void;
}

const BAR_WIDTH = 30;

/** The bar's line: "optimizing iclr2017  [#########.....................]  31%". */
export function progressLine(label: string, done: number): string {
  const share = Math.min(1, Math.max(0, done));
  const filled = Math.round(share * BAR_WIDTH);
  return `${label}  [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%`;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = systemClock.now): ProgressBar {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let shown = -1;
  let lastDraw = -Infinity;
  const draw = (done: number) => {
    const percent = Math.floor(Math.min(1, Math.max(0, done)) * 100);
    if (percent === shown || (percent < 100 && now() - lastDraw < 100)) return;
    shown = percent;
    lastDraw = now();
    stream.write(`\r${progressLine(label, done)}`);
  };
  draw(0);
  return {
    update: draw,
    finish() {
      stream.write('\r\u001b[K');
    },
  };
}
