import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs before every test file. Ink decides at import time whether it is in CI (then it draws
// only the last frame, on exit); the screen tests check what a person at a terminal sees, so
// they must not inherit CI's variable. (The end-to-end tests strip it from their children too.)
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// Test files run one after another in shared workers (isolate: false): a file that sets
// process.env.TZ for its zone must not leave it to the next file, which may expect the
// machine's zone. Each file starts from the zone the run began with.
const started = ((globalThis as { __paperdeckTZ?: string | null }).__paperdeckTZ ??= process.env.TZ ?? null);
if (started === null) delete process.env.TZ;
else process.env.TZ = started;
// Commands measure the text they print with string-width (core/text.ts measured, or
// cli/dispatch.ts loading it first); tests that call the text functions directly measure so too.
await (await import('../../src/core/text.js')).loadTextWidths();
// Every paperdeck a test runs is the one machine "this-machine" (its own log is
// logs/this-machine.ndjson), unless the test names another; and the install id a writer keeps
// outside the state folder goes to a folder of the run's, not the user's home.
process.env.PAPERDECK_DEVICE ??= 'this-machine';
process.env.XDG_STATE_HOME ??= mkdtempSync(join(tmpdir(), 'paperdeck-xdg-'));
