// The environment for a child that must believe it is at a person's terminal.
export function interactiveEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Ink prints only the last frame when it sees CI; colour flags from the test runner would
    // decide colour for the child.
    if (value === undefined || key === 'CI' || key.startsWith('CI_') || key === 'FORCE_COLOR' || key === 'NO_COLOR') continue;
    if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, TERM: 'xterm-256color', ...extra };
}
