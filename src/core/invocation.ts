// How the user can run paperdeck again, for the hints printed on screen ("run paperdeck
// generate iclr2017 to save them"): `paperdeck` when this process was started from the PATH
// (after `npm link`), `npx paperdeck` otherwise (through npm: `npm start`, `npx`, `npm exec`;
// or as a file, `node dist/paperdeck.js`), where `paperdeck` alone may be no command at all.
// A hint says what works as written. Worked out once, from how this process was started.
import { basename } from 'node:path';

let name: string | undefined;

/** The command to print in hints: "paperdeck" or "npx paperdeck". */
export function cli(): string {
  if (name === undefined) {
    const script = process.argv[1] ?? '';
    const throughNpm = process.env.npm_lifecycle_event !== undefined || process.env.npm_command !== undefined;
    const fromPath = basename(script) === 'paperdeck' && !script.split(/[\\/]/).includes('node_modules');
    name = fromPath && !throughNpm ? 'paperdeck' : 'npx paperdeck';
  }
  return name;
}
