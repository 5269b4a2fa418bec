// Where decks and state live. Defaults resolve against the project root (found from this
// module's own location, bundled or not), never the current directory, so `paperdeck` works
// from anywhere once linked.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, UserError } from './errors.js';

let cachedRoot: string | undefined;

/** The folder holding paperdeck's package.json. */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'paperdeck') return (cachedRoot = dir);
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new UserError('cannot find the project root (the folder of paperdeck\'s package.json); use --decks and --state');
    dir = parent;
  }
}

export interface Places {
  decksDir: string;
  stateDir: string;
}

/** Flags win over environment variables, which win over the project-root defaults. */
export function resolvePlaces(
  flags: { decks?: string | undefined; state?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Places {
  // An empty flag is a mistake (`--state "$UNSET"`); quietly using the project's own folder
  // instead would study into it. An empty variable is unset, as shells treat it.
  for (const name of ['decks', 'state'] as const) {
    if (flags[name] === '') throw new UsageError(`--${name} needs a folder`);
  }
  const pick = (flag: string | undefined, envValue: string | undefined, fallback: string) =>
    flag ? resolve(flag) : envValue ? resolve(envValue) : join(projectRoot(), fallback);
  return {
    decksDir: pick(flags.decks, env.PAPERDECK_DECKS, 'decks'),
    stateDir: pick(flags.state, env.PAPERDECK_STATE, 'state'),
  };
}
