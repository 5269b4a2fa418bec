// The fast loop runs its files in shared workers (no isolation, three times quicker): a file
// that sets process.env.TZ for its zone must not leave it to the next file, which may expect
// the machine's zone. Each file starts from the zone the run began with.
const started = ((globalThis as { __paperdeckTZ?: string | null }).__paperdeckTZ ??= process.env.TZ ?? null);
if (started === null) delete process.env.TZ;
else process.env.TZ = started;
// As test/setup/env.ts: every store a test opens is the machine "this-machine".
process.env.PAPERDECK_DEVICE ??= 'this-machine';
