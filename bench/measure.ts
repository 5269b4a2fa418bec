// Small timing helpers for the benchmarks. Figures go next to bare `node -e 0`, because a
// shared 2-core machine is noisy and ratios travel better than milliseconds.
import { spawnSync } from 'node:child_process';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Wall time in ms of running `node ...args` once, to completion. */
function runNode(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

/** Median wall time in ms of running `node ...args` to completion. */
export function timeNode(args: string[], runs: number, env: NodeJS.ProcessEnv = process.env): number {
  return median(Array.from({ length: runs }, () => runNode(args, env)));
}

/**
 * Waits for the disk to take what the bench has just written (a state of 200,000 reviews is
 * 84 MB): the kernel writing it back while a command is timed made one row of `costs` swing
 * from 1.4× to 1.7× between runs, a cost of setting up the bench, not of the command.
 */
function settleDisk(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

/**
 * Median wall times of `node ...args` and of bare `node -e 0`, run in turns, so that the ratio
 * compares runs made under the same load: the figure a start-up target is judged by.
 */
export function timeBesideNode(
  args: string[],
  runs: number,
  env: NodeJS.ProcessEnv = process.env,
  /** Untimed, before each run of the command (e.g. an edit for it to pick up). */
  before?: (run: number) => void,
): { ms: number; nodeMs: number; ratio: number } {
  settleDisk();
  const times: number[] = [];
  const nodeTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    nodeTimes.push(runNode(['-e', '0'], env));
    before?.(i);
    times.push(runNode(args, env));
  }
  const result = { ms: median(times), nodeMs: median(nodeTimes) };
  return { ...result, ratio: result.ms / result.nodeMs };
}

/** Median ms of `fn` over `runs` runs (after one warm-up). */
export function timeFn(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

export function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(2)}×`;
}

export function row(label: string, ...cells: string[]): void {
  console.log(`  ${label.padEnd(52)} ${cells.map((c) => c.padStart(11)).join(' ')}`);
}
