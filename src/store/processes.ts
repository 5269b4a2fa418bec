// Whether another process is still running, for files named after the pid that wrote them.

/** Whether a process with this pid exists on this host (EPERM: it exists, another user's). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
