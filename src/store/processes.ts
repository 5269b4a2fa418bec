// Whether another process is still running, for files named after the pid that wrote them, and
// whether a pid still names the same process (pids are reused).
import { readRegularFile } from './read-file.js';

/** Whether a process with this pid exists on this host (EPERM: it exists, another user's). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process `pid` started, in clock ticks after boot (field 22 of /proc/PID/stat), or
 * undefined where there is no /proc or no such process. Two processes with one pid in one boot
 * never share it, so with the boot id it tells a reused pid from the process that had it.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readRegularFile(`/proc/${pid}/stat`, 64 * 1024)?.toString('latin1');
    if (!stat) return undefined;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[22 - 3];
    return start && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}
