// Two machines sharing one state folder through a file-sync tool, as it would happen: two state
// folders stand for the two machines (PAPERDECK_DEVICE differs, and each has its own install id
// outside the folder), each studies in a real terminal on its own simulated clock, and "syncing"
// copies each machine's files to the other as a sync tool does: whole files, each from the one
// machine that writes it, sometimes caught in the middle of an append.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBinary } from '../helpers/binary.js';
import { interactiveEnv } from './env.js';
import { PtyProgram } from './pty.js';

const NOTES = `Monday morning

C1: Alpha Paper Title

Key idea: Alpha shows that recursion makes programs generalize.

C2: Beta Paper Title

Key idea: Beta treats graph generation as sequence generation.

C3: Gamma Paper Title

Key idea: Gamma normalizes the normalizers.
`;

interface Machine {
  device: string;
  state: string;
  decks: string;
  /** Where this machine's paperdeck keeps its install id: outside the synced folder. */
  home: string;
}

let work: string;
const running: PtyProgram[] = [];

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'paperdeck-two-'));
});

afterEach(() => {
  for (const program of running.splice(0)) program.kill();
  rmSync(work, { recursive: true, force: true });
});

function machine(device: string): Machine {
  const root = join(work, device);
  const m = { device, state: join(root, 'state'), decks: join(root, 'decks'), home: join(root, 'home') };
  mkdirSync(join(m.decks, 'tiny'), { recursive: true });
  mkdirSync(m.home, { recursive: true });
  writeFileSync(join(m.decks, 'tiny', 'notes.txt'), NOTES);
  return m;
}

function envOf(m: Machine, now: string): Record<string, string> {
  return { PAPERDECK_DEVICE: m.device, XDG_STATE_HOME: m.home, PAPERDECK_NOW: now, TZ: 'UTC', NO_COLOR: '1' };
}

function run(m: Machine, now: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [testBinary(), ...args, '--state', m.state, '--decks', m.decks], {
    env: interactiveEnv(envOf(m, now)),
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(m: Machine, now: string, ...args: string[]): unknown {
  const result = run(m, now, ...args, '--json');
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return JSON.parse(result.stdout);
}

/** Studies deck tiny in a terminal: answers the first `answers` cards shown with `rating`, then quits. */
async function study(m: Machine, now: string, answers: number, rating: '3' | '4'): Promise<void> {
  const program = new PtyProgram(process.execPath, [testBinary(), 'study', 'tiny', '--state', m.state, '--decks', m.decks], {
    env: interactiveEnv({ ...envOf(m, now), EDITOR: 'true' }),
  });
  running.push(program);
  for (let i = 0; i < answers; i++) {
    await program.waitForScreen((rows) => rows[0]!.startsWith('tiny ') && rows.some((row) => row.includes('Paper Title')) && !rows.some((row) => row.includes('4 Easy')));
    let mark = program.mark();
    program.write(' ');
    await program.waitFor('4 Easy', mark);
    mark = program.mark();
    program.write(rating);
    await program.waitFor(/\S/, mark);
  }
  program.write('q');
  expect((await program.exited).exitCode).toBe(0);
}

/** The machine that writes `rel` (a path in the state folder), or null for a file no machine writes now. */
function writerOf(rel: string): string | null {
  const parts = rel.split(sep);
  if (parts[0] === 'local') return parts[1]!;
  if ((parts[0] === 'settings' || parts[0] === 'devices') && parts.length === 2) return parts[1]!.replace(/\.json$/, '');
  if (parts[0] === 'decks' && parts[2] === 'logs' && parts.length === 4) return parts[3]!.replace(/\.ndjson$/, '');
  return null;
}

function filesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => statSync(join(dir, rel)).isFile())
    .sort();
}

/**
 * What a sync tool does: each file `from` writes, copied whole to `to` (a file no machine writes
 * is copied only where it is missing). With `midAppend`, a log is caught while a line is being
 * appended: its copy ends half-way through its last line.
 */
function sync(from: Machine, to: Machine, { midAppend = false } = {}): void {
  for (const rel of filesOf(from.state)) {
    const writer = writerOf(rel);
    if (writer !== null && writer !== from.device) continue;
    const target = join(to.state, rel);
    if (writer === null && existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    let bytes = readFileSync(join(from.state, rel));
    if (midAppend && rel.endsWith('.ndjson')) {
      const lastLineStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
      bytes = bytes.subarray(0, lastLineStart + Math.floor((bytes.length - lastLineStart) / 2));
    }
    writeFileSync(target, bytes);
  }
}

/** Every file of the state folder and a hash of its bytes. */
function snapshotOfFiles(m: Machine): Record<string, string> {
  return Object.fromEntries(filesOf(m.state).map((rel) => [rel, createHash('sha256').update(readFileSync(join(m.state, rel))).digest('hex')]));
}


describe('two machines on one synced state folder', () => {
  it('study the same deck on the same day, one card on both: after syncing both show the same cards and stats, every answer once', async () => {
    const laptop = machine('laptop');
    const desktop = machine('desktop');
    // The laptop answers all three cards in the morning; the desktop, not synced yet, answers the
    // first card (Alpha) half an hour later.
    await study(laptop, '2027-03-01T10:00:00Z', 3, '4');
    await study(desktop, '2027-03-01T10:30:00Z', 1, '3');

    // A sync caught in the middle of an append: the desktop gets the laptop's log up to half of
    // its last line. It reads what is whole, says nothing, and changes none of those bytes.
    sync(laptop, desktop, { midAppend: true });
    const halfLog = join(desktop.state, 'decks', 'tiny', 'logs', 'laptop.ndjson');
    const halfBytes = readFileSync(halfLog);
    const half = json(desktop, '2027-03-01T11:00:00Z', 'cards', 'tiny') as { cards: { title: string; reps: number }[] };
    expect(half.cards.map((card) => [card.title, card.reps])).toEqual([
      ['Alpha Paper Title', 2],
      ['Beta Paper Title', 1],
      ['Gamma Paper Title', 0],
    ]);
    expect(readFileSync(halfLog).equals(halfBytes)).toBe(true);

    // The sync finishes, both ways.
    sync(laptop, desktop);
    sync(desktop, laptop);
    const now = '2027-03-01T11:00:00Z';
    const views = [laptop, desktop].map((m) => ({
      cards: json(m, now, 'cards', 'tiny'),
      stats: withoutNow(json(m, now, 'stats', 'tiny')),
      due: json(m, now, 'due', 'tiny'),
    }));
    expect(views[1]).toEqual(views[0]);
    const cards = (views[0]!.cards as { cards: { title: string; reps: number; state: string }[] }).cards;
    // Alpha counts both answers, the laptop's first: Easy made it a review card, and the desktop's
    // Good half an hour later was scheduled again on that, as if given on one machine.
    expect(cards.map((card) => [card.title, card.reps])).toEqual([
      ['Alpha Paper Title', 2],
      ['Beta Paper Title', 1],
      ['Gamma Paper Title', 1],
    ]);
    expect(cards[0]!.state).toBe('review');
    const history = json(laptop, now, 'history', 'Alpha', 'tiny') as { reviews: { grade: string; device: string }[] };
    expect(history.reviews.map((review) => [review.device, review.grade])).toEqual([
      ['laptop', 'easy'],
      ['desktop', 'good'],
    ]);

    // Syncing again changes nothing.
    const before = [snapshotOfFiles(laptop), snapshotOfFiles(desktop)];
    sync(laptop, desktop);
    sync(desktop, laptop);
    expect([snapshotOfFiles(laptop), snapshotOfFiles(desktop)]).toEqual(before);

    // Each machine wrote only files named after it: no file for a sync tool to choose between.
    for (const m of [laptop, desktop]) {
      const written = filesOf(m.state).filter((rel) => writerOf(rel) === m.device);
      expect(written.length).toBeGreaterThan(0);
      expect(filesOf(m.state).filter((rel) => writerOf(rel) === null)).toEqual([]);
    }

    // `devices` lists both, with their last answers, this machine marked.
    expect(json(desktop, now, 'devices')).toEqual({
      device: 'desktop',
      devices: [
        { device: 'desktop', this: true, lastAnswer: { at: expect.stringMatching(/^2027-03-01T10:30/), deck: 'tiny' } },
        { device: 'laptop', this: false, lastAnswer: { at: expect.stringMatching(/^2027-03-01T10:00/), deck: 'tiny' } },
      ],
    });
  });

  it('later settings change wins on both machines, whichever synced last', () => {
    const laptop = machine('laptop');
    const desktop = machine('desktop');
    expect(run(laptop, '2027-03-01T09:00:00Z', 'config', 'new-per-day', '5').code).toBe(0);
    expect(run(desktop, '2027-03-01T09:30:00Z', 'config', 'new-per-day', '7').code).toBe(0);
    expect(run(desktop, '2027-03-01T09:40:00Z', 'config', 'desired-retention', '0.85').code).toBe(0);
    expect(run(laptop, '2027-03-01T09:50:00Z', 'config', 'desired-retention', '--reset').code).toBe(0);
    sync(desktop, laptop);
    sync(laptop, desktop);
    for (const m of [laptop, desktop]) {
      expect(json(m, '2027-03-01T10:00:00Z', 'config')).toMatchObject({ settings: { 'new-per-day': 7, 'desired-retention': 0.9 } });
    }
  });

  it('keeps a state folder from before devices working: every answer kept, new ones beside it', async () => {
    const old = machine('laptop');
    await study(old, '2027-03-01T10:00:00Z', 2, '4');
    // What an older paperdeck leaves: one log.ndjson per deck, settings.json, no devices.
    const before = json(old, '2027-03-01T11:00:00Z', 'cards', 'tiny');
    const legacyLog = join(old.state, 'decks', 'tiny', 'log.ndjson');
    cpSyncFile(join(old.state, 'decks', 'tiny', 'logs', 'laptop.ndjson'), legacyLog);
    for (const rel of ['decks/tiny/logs', 'local', 'devices', 'settings']) rmSync(join(old.state, rel), { recursive: true, force: true });
    const legacyBytes = readFileSync(legacyLog);

    expect(json(old, '2027-03-01T11:00:00Z', 'cards', 'tiny')).toEqual(before);
    await study(old, '2027-03-02T10:00:00Z', 1, '4');
    const after = json(old, '2027-03-02T11:00:00Z', 'cards', 'tiny') as { cards: { reps: number }[] };
    expect(after.cards.map((card) => card.reps)).toEqual([1, 1, 1]);
    // The old log is read by everyone and written by no one.
    expect(readFileSync(legacyLog).equals(legacyBytes)).toBe(true);
    expect(readFileSync(join(old.state, 'decks', 'tiny', 'logs', 'laptop.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('names conflict copies in one line, reads none of them, deletes none', () => {
    const m = machine('laptop');
    expect(run(m, '2027-03-01T09:00:00Z', 'generate').code).toBe(0);
    const copy = join(m.state, 'decks', 'tiny', 'logs', 'laptop.sync-conflict-20270301-090000-ABCDEFG.ndjson');
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, '{"paperdeck":"review-log","schemaVersion":1,"deck":"tiny"}\nnot a log line\n');
    const dropbox = join(m.state, 'settings', "laptop (desktop's conflicted copy 2027-03-01).json");
    mkdirSync(dirname(dropbox), { recursive: true });
    writeFileSync(dropbox, '{"newPerDay": 1}');
    const result = run(m, '2027-03-01T09:00:00Z', 'due', 'tiny', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ new: 3 });
    expect(result.stderr).toMatch(/^paperdeck: note: 2 conflict copies made by a file-sync tool are in .* and not read: decks\/tiny\/logs\/laptop\.sync-conflict-20270301-090000-ABCDEFG\.ndjson, settings\/laptop \(desktop's conflicted copy 2027-03-01\)\.json .*\n$/);
    expect(existsSync(copy) && existsSync(dropbox)).toBe(true);
  });

  it('refuses a second machine that takes a name already in use, in one line, writing nothing', () => {
    const laptop = machine('laptop');
    const other = machine('other');
    expect(run(laptop, '2027-03-01T09:00:00Z', 'config', 'new-per-day', '5').code).toBe(0);
    sync(laptop, other);
    // Another machine (its own install id) told to call itself "laptop" too.
    const before = snapshotOfFiles(other);
    const clash = spawnSync(process.execPath, [testBinary(), 'config', 'new-per-day', '9', '--state', other.state, '--decks', other.decks], {
      env: interactiveEnv({ ...envOf(other, '2027-03-01T09:30:00Z'), PAPERDECK_DEVICE: 'laptop' }),
      encoding: 'utf8',
    });
    expect(clash.status).toBe(1);
    expect(clash.stderr).toMatch(/^paperdeck: another machine already writes to this state folder as device laptop \(.*devices\/laptop\.json\); give this one another name with PAPERDECK_DEVICE=NAME .*\n$/);
    expect(snapshotOfFiles(other)).toEqual(before);
  });
});

/**
 * `stats --json` without the instant it was printed at: PAPERDECK_NOW's clock runs on from the
 * instant it sets, so two runs differ by milliseconds, and so does a forgetting curve read at
 * "now" in its eighth digit. Figures are compared to six.
 */
function withoutNow(stats: unknown): unknown {
  const { now: _printedAt, ...rest } = stats as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest), (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(6)) : value));
}

function cpSyncFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, readFileSync(from));
}
