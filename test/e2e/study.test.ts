// The built binary in a pseudo-terminal at 80×24, driven with real keys: what a person does,
// checked against what the state on disk holds afterwards.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { CardsFile, LogEntry } from '../../src/core/types.js';
import { openState } from '../../src/store/index.js';
import { testBinary } from '../helpers/binary.js';
import { interactiveEnv } from './env.js';
import { PtyProgram } from './pty.js';
import { dueIndexOf } from '../helpers/state-paths.js';

import { NOTES, NOW, tinyWorkspace } from './tiny-deck.js';

let bin: string;
let work: string;
let decksDir: string;
let stateDir: string;
const running: PtyProgram[] = [];

beforeAll(() => {
  // Built once per run by vitest's global setup, exactly as dist/ is.
  bin = testBinary();
});

beforeEach(() => {
  ({ work, decksDir, stateDir } = tinyWorkspace('paperdeck-e2e-'));
});

afterEach(() => {
  for (const program of running.splice(0)) program.kill();
  rmSync(work, { recursive: true, force: true });
});

function study(extraEnv: Record<string, string> = {}, cols = 80, rows = 24): PtyProgram {
  const program = new PtyProgram(process.execPath, [bin, 'study', 'tiny', '--state', stateDir, '--decks', decksDir], {
    env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC', EDITOR: 'true', ...extraEnv }),
    cols,
    rows,
  });
  running.push(program);
  return program;
}

function titlesById(): Map<string, string> {
  const file = JSON.parse(readFileSync(join(decksDir, 'tiny', 'cards.json'), 'utf8')) as CardsFile;
  return new Map(file.cards.map((card) => [card.id, card.title]));
}

async function readLog(): Promise<LogEntry[]> {
  const store = await openState(stateDir, { mode: 'read', clock: new ManualClock(Date.parse(NOW)) });
  try {
    return store.deck('tiny').readLog();
  } finally {
    store.close();
  }
}

/** The ratings that stand: reviews not taken back by an undo, as [title, rating]. */
async function standingReviews(): Promise<[string, number][]> {
  const log = await readLog();
  const undone = new Set(log.flatMap((entry) => (entry.kind === 'undo' ? [entry.undoes] : [])));
  const titles = titlesById();
  return log.flatMap((entry) =>
    entry.kind === 'review' && !undone.has(entry.seq) ? [[titles.get(entry.card) ?? entry.card, entry.rating] as [string, number]] : [],
  );
}

/** Runs the binary to its end (not in a terminal), for setting up state. */
function paperdeck(...args: string[]): string {
  const result = spawnSync(process.execPath, [bin, ...args, '--state', stateDir, '--decks', decksDir], {
    env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC' }),
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

/** A script usable as $EDITOR: `body` is the module's code, with `file` the note's path. */
function editorScript(name: string, body: string): string {
  const path = join(work, name);
  writeFileSync(path, `import { readFileSync, writeFileSync } from 'node:fs';\nconst [line, file] = process.argv.slice(2);\n${body}\n`);
  chmodSync(path, 0o755);
  return `${process.execPath} ${path}`;
}

const count = (text: string, part: string) => text.split(part).length - 1;
/** The screen's text as one line, so a check does not depend on where it wrapped. */
const flat = (rows: string[]) => rows.join(' ').replace(/\s+/g, ' ');
const CLEAR = '\u001b[2J';

function due(): { new: number; learning: number; review: number; total: number } {
  const result = spawnSync(process.execPath, [bin, 'due', 'tiny', '--json', '--state', stateDir, '--decks', decksDir], {
    env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC' }),
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

/** Shows each of a deck's three cards and answers Easy: every card leaves learning at once, and the deck is done. */
async function answerAllEasy(program: PtyProgram, deck: string): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await program.waitForScreen((rows) => rows[0]!.startsWith(`${deck} `) && rows.some((row) => row.includes('Paper Title')) && !rows.some((row) => row.includes('4 Easy')));
    let mark = program.mark();
    program.write(' ');
    await program.waitFor('4 Easy', mark);
    mark = program.mark();
    program.write('4');
    await program.waitFor(/\S/, mark);
  }
}

describe('paperdeck study in a terminal', () => {
  it('answers with real keys, undoes one, quits, and starts again where it left off', async () => {
    const first = study();
    // The deck had no cards.json: it is built first, and the screen says so.
    await first.waitFor('Alpha Paper Title');
    await first.waitFor('deck built: 3 cards');
    await first.waitFor('3 new · 0 learning · 0 review');

    let mark = first.mark();
    first.write(' ');
    await first.waitFor('recursion makes programs generalize', mark);
    await first.waitFor(/1 Again \S+ \S+ · 2 Hard \S+ \S+ · 3 Good \S+ \S+ · 4 Easy \S+ \S+/, mark);

    mark = first.mark();
    first.write('3');
    await first.waitFor('Beta Paper Title', mark);

    // Typed in one burst: show, Again for Beta; show, Easy for Gamma. Alpha and Beta are
    // learning cards now; Gamma left today's queue.
    mark = first.mark();
    first.write(' 1 4');
    await first.waitFor('0 new · 2 learning · 0 review', mark);

    // Take back the last rating (Gamma's Easy): Gamma is asked again.
    mark = first.mark();
    first.write('u');
    await first.waitFor('Undone: Gamma Paper Title', mark);
    await first.waitFor('Gamma Paper Title', mark);

    mark = first.mark();
    first.write('q');
    await first.waitFor('Stopped, with', mark);
    expect((await first.exited).exitCode).toBe(0);

    expect(await standingReviews()).toEqual([
      ['Alpha Paper Title', 3],
      ['Beta Paper Title', 1],
    ]);
    const undos = (await readLog()).filter((entry) => entry.kind === 'undo');
    expect(undos).toHaveLength(1);

    // The queue as `due` sees it is what the next session shows: Gamma is still new.
    const queue = due();
    expect(queue.new).toBe(1);

    const second = study();
    await second.waitFor('Gamma Paper Title');
    await second.waitFor(`${queue.new} new · ${queue.learning} learning · ${queue.review} review`);
    // Nothing to rebuild this time.
    expect(second.text()).not.toContain('deck built');
    mark = second.mark();
    second.write('q');
    expect((await second.exited).exitCode).toBe(0);
    expect(await standingReviews()).toHaveLength(2);
  });

  it('shows a 1 MB title and a 200 KB answer at once, cut to the screen, and still answers q and SIGTERM', async () => {
    // Words with no space in them: wrapped naively, each row re-measured all the rest, and the
    // screen froze at full CPU, deaf to q, Ctrl-C and SIGTERM, with the lock held.
    const title = `Huge${'x'.repeat(1_000_000)}`;
    const answer = `Vast${'y'.repeat(200_000)}`;
    writeFileSync(join(decksDir, 'tiny', 'notes.txt'), `Monday morning\n\nC1: ${title}\n\nKey idea: ${answer}.\n\n${NOTES.split('\n\n').slice(3).join('\n\n')}`);
    const started = Date.now();
    const program = study();
    const rows = await program.waitForScreen((screen) => screen.some((row) => row.startsWith('Hugexxx')), 10_000);
    // Cut to the screen: the title fills the rows it has and says it goes on.
    expect(rows.length).toBe(24);
    expect(rows.some((row) => row.endsWith('x…'))).toBe(true);
    let mark = program.mark();
    program.write(' ');
    await program.waitFor('Vastyyy', mark, 5_000);
    await program.waitForScreen((screen) => screen.some((row) => /^1 Again .* 4 Easy /.test(row)), 5_000);
    mark = program.mark();
    program.write('q');
    await program.waitFor('Stopped', mark, 5_000);
    expect((await program.exited).exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);

    // Again, and a signal while the huge answer is on screen: it ends at once, lock released.
    const again = study();
    await again.waitForScreen((screen) => screen.some((row) => row.startsWith('Hugexxx')), 10_000);
    mark = again.mark();
    again.write(' ');
    await again.waitFor('Vastyyy', mark, 5_000);
    again.kill('SIGTERM');
    expect((await again.exited).exitCode).toBe(143);
    const third = study();
    await third.waitForScreen((screen) => screen.some((row) => row.startsWith('Hugexxx')), 10_000);
    third.write('q');
    expect((await third.exited).exitCode).toBe(0);
  });

  it('refuses a second session on the same state while the first runs', async () => {
    const first = study();
    await first.waitFor('Alpha Paper Title');
    const second = study();
    await second.waitFor(/paperdeck: .*(another|lock|process)/i);
    expect((await second.exited).exitCode).toBe(1);
    first.write('q');
    expect((await first.exited).exitCode).toBe(0);
  });

  it('opens the note in $EDITOR, rebuilds the deck on return and shows the new answer', async () => {
    const editor = join(work, 'fake-editor.mjs');
    writeFileSync(
      editor,
      `import { readFileSync, writeFileSync } from 'node:fs';
const [line, file] = process.argv.slice(2);
writeFileSync(${JSON.stringify(join(work, 'editor-args.txt'))}, line + ' ' + file);
writeFileSync(file, readFileSync(file, 'utf8').replace('recursion makes programs generalize', 'recursion proves generalization'));
`,
    );
    chmodSync(editor, 0o755);
    const program = study({ EDITOR: `${process.execPath} ${editor}` });
    await program.waitFor('Alpha Paper Title');
    let mark = program.mark();
    program.write(' ');
    await program.waitFor('recursion makes programs generalize', mark);
    mark = program.mark();
    program.write('e');
    await program.waitFor('notes changed: 1 updated', mark);
    await program.waitFor('recursion proves generalization', mark);
    expect(readFileSync(join(work, 'editor-args.txt'), 'utf8')).toBe(`+3 ${join(decksDir, 'tiny', 'notes.txt')}`);
    // The screen is as it was: the header on top, no "Editing ..." line left above it.
    const screen = await program.waitForScreen((rows) => rows[0]!.startsWith('tiny ') && rows.some((row) => row.includes('notes changed: 1 updated')));
    expect(screen.join('\n')).not.toContain('Editing');
    expect(screen.filter((row) => row.includes('3 new · 0 learning · 0 review'))).toHaveLength(1);
    mark = program.mark();
    program.write('3');
    await program.waitFor('Beta Paper Title', mark);
    program.write('q');
    expect((await program.exited).exitCode).toBe(0);
    expect(await standingReviews()).toEqual([['Alpha Paper Title', 3]]);
  });

  it('goes on with the cards as they were when an edit leaves notes that cannot be built, and e opens the note again', async () => {
    // The first edit empties the notes; the second puts them back.
    const saved = join(work, 'notes.saved');
    const editor = editorScript(
      'emptying-editor.mjs',
      `const text = readFileSync(file, 'utf8');
if (text) { writeFileSync(${JSON.stringify(saved)}, text); writeFileSync(file, ''); }
else writeFileSync(file, readFileSync(${JSON.stringify(saved)}, 'utf8'));`,
    );
    const program = study({ EDITOR: editor });
    await program.waitFor('Alpha Paper Title');
    program.write(' ');
    await program.waitFor('recursion makes programs generalize');
    program.write('e');
    const failed = await program.waitForScreen((rows) => flat(rows).includes('notes.txt is empty.'));
    const text = flat(failed);
    expect(text).toMatch(/The deck was not rebuilt: \S*notes\.txt is empty\. The cards stay as they were; press e to open the note again\./);
    expect(text).not.toContain('Something went wrong');
    // Still the same card, answer showing, ready for a grade.
    expect(text).toContain('Alpha Paper Title');
    expect(text).toContain('recursion makes programs generalize');
    expect(readFileSync(join(decksDir, 'tiny', 'notes.txt'), 'utf8')).toBe('');

    let mark = program.mark();
    program.write('e');
    await program.waitFor('notes checked: no card changed', mark);
    mark = program.mark();
    program.write('3');
    await program.waitFor('Beta Paper Title', mark);
    program.write('q');
    expect((await program.exited).exitCode).toBe(0);
    expect(await standingReviews()).toEqual([['Alpha Paper Title', 3]]);
  });

  it('says when an answer makes a card a leech, and that it is suspended', async () => {
    paperdeck('config', 'leech-threshold', '1');
    // Easy sends Alpha to review; a month on, Again is its first lapse: a leech at threshold 1.
    const first = study();
    await first.waitFor('Alpha Paper Title');
    first.write(' 4q');
    expect((await first.exited).exitCode).toBe(0);
    const later = study({ PAPERDECK_NOW: '2027-04-01T10:00:00Z' });
    await later.waitFor('Alpha Paper Title');
    later.write(' 1');
    await later.waitForScreen((rows) =>
      flat(rows).includes('Alpha Paper Title is a leech (1 lapse): suspended; see npx paperdeck cards / npx paperdeck unsuspend'),
    );
    later.write('q');
    expect((await later.exited).exitCode).toBe(0);
    const cards = JSON.parse(paperdeck('cards', 'tiny', '--json')).cards as { title: string; suspended: boolean; leech: boolean }[];
    expect(cards.find((card) => card.title === 'Alpha Paper Title')).toMatchObject({ suspended: true, leech: true });
  });

  it('rebuilds a deck whose notes changed since cards.json, and says what changed', async () => {
    const first = study();
    await first.waitFor('Alpha Paper Title');
    first.write('q');
    await first.exited;
    writeFileSync(
      join(decksDir, 'tiny', 'notes.txt'),
      NOTES.replace('normalizes the normalizers', 'normalizes every normalizer') +
        '\nC4: Delta Paper Title\n\nKey idea: Delta adds a fourth card.\n',
    );
    const second = study();
    await second.waitFor('notes changed: 1 added, 1 updated');
    await second.waitFor('4 new · 0 learning · 0 review');
    second.write('q');
    expect((await second.exited).exitCode).toBe(0);
  });

  it('leaves a due index as it ends, which counts what the full read counts', async () => {
    // Notes saved yesterday and cards built an hour ago (file times are real time, whatever
    // PAPERDECK_NOW says): both settled, so the session may leave an index on them.
    const yesterday = new Date(Date.now() - 86_400_000);
    utimesSync(join(decksDir, 'tiny', 'notes.txt'), yesterday, yesterday);
    paperdeck('generate', 'tiny');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(decksDir, 'tiny', 'cards.json'), anHourAgo, anHourAgo);
    const program = study();
    await program.waitFor('Alpha Paper Title');
    program.write(' 3 1 4'); // typed ahead: the session takes each key in turn
    await program.waitFor('3 answers');
    program.write('q');
    expect((await program.exited).exitCode).toBe(0);
    const index = dueIndexOf(stateDir, 'tiny');
    expect(existsSync(index)).toBe(true);
    const due = (now: string) => {
      const result = spawnSync(process.execPath, [bin, 'due', 'tiny', '--json', '--state', stateDir, '--decks', decksDir], {
        env: interactiveEnv({ PAPERDECK_NOW: now, TZ: 'UTC' }),
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as { total: number };
    };
    const times = ['2027-03-01T10:02Z', '2027-03-01T10:30Z', '2027-03-02T10:00Z', '2027-03-12T10:00Z'];
    const withIndex = times.map(due);
    renameSync(index, `${index}.away`);
    expect(times.map(due)).toEqual(withIndex);
    expect(withIndex.map((counts) => counts.total)).not.toEqual([0, 0, 0, 0]);
  });

  it('studies the cards last built when the notes cannot be used (emptied mid-save), saying so', async () => {
    const first = study();
    await first.waitFor('Alpha Paper Title');
    first.write('q');
    await first.exited;
    writeFileSync(join(decksDir, 'tiny', 'notes.txt'), '');
    const second = study();
    await second.waitFor('The notes cannot be used');
    await second.waitFor('3 new · 0 learning · 0 review');
    second.write('q');
    expect((await second.exited).exitCode).toBe(0);
  });

  it('asks which deck when there are several and none was named, with what is due in each, and clears the list once one is picked', async () => {
    mkdirSync(join(decksDir, 'another'));
    writeFileSync(join(decksDir, 'another', 'notes.txt'), NOTES.replace(/Alpha|Beta|Gamma/g, 'Other'));
    paperdeck('generate', 'tiny');
    const program = new PtyProgram(process.execPath, [bin, 'study', '--state', stateDir, '--decks', decksDir], {
      env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC' }),
    });
    running.push(program);
    const picker = await program.waitForScreen('↑↓ choose');
    // The cursor starts on the deck with cards due, not on the one with nothing to count.
    expect(picker.slice(0, 3)).toEqual(['Which deck?', '  1 another  not built yet', '❯ 2 tiny     3 new · 0 learning · 0 review']);
    program.write('\r');
    const session = await program.waitForScreen((rows) => rows.some((row) => row.includes('Alpha Paper Title')) && rows[0]!.startsWith('tiny '));
    expect(session.join('\n')).not.toMatch(/Which deck|❯|↑↓/);
    program.write('q');
    expect((await program.exited).exitCode).toBe(0);
  });

  it('offers all decks first when several have cards due, and studies them one after the other in one session', async () => {
    mkdirSync(join(decksDir, 'another'));
    writeFileSync(join(decksDir, 'another', 'notes.txt'), NOTES.replace(/Alpha|Beta|Gamma/g, (word) => `Other${word}`));
    paperdeck('generate');
    const program = new PtyProgram(process.execPath, [bin, 'study', '--state', stateDir, '--decks', decksDir], {
      env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC' }),
    });
    running.push(program);
    const picker = await program.waitForScreen('↑↓ choose');
    expect(picker[1]).toMatch(/^❯ 1 All decks \(6 due\)/);
    program.write('\r');
    await answerAllEasy(program, 'another');
    const next = await program.waitForScreen((rows) => rows[0]!.startsWith('tiny '));
    expect(flat(next)).toContain('another is done for today; now tiny.');
    await answerAllEasy(program, 'tiny');
    const end = await program.waitForScreen('Done for now');
    expect(flat(end)).not.toContain('is done for today;');
    program.write('q');
    expect((await program.exited).exitCode).toBe(0);
    const store = await openState(stateDir, { mode: 'read', clock: new ManualClock(Date.parse(NOW)) });
    try {
      for (const deck of ['another', 'tiny']) expect(store.deck(deck).readLog().filter((entry) => entry.kind === 'review')).toHaveLength(3);
    } finally {
      store.close();
    }
  });

  it('says at the end of one deck which other deck still has cards due, and how to study it', async () => {
    mkdirSync(join(decksDir, 'another'));
    writeFileSync(join(decksDir, 'another', 'notes.txt'), NOTES.replace(/Alpha|Beta|Gamma/g, (word) => `Other${word}`));
    paperdeck('generate');
    const program = study();
    await answerAllEasy(program, 'tiny');
    const end = await program.waitForScreen('Done for now');
    expect(flat(end)).toContain('tiny is done for today; another has 3 due: npx paperdeck study another');
    program.write('q');
    expect((await program.exited).exitCode).toBe(0);
  });

  it('studies ahead with --ahead DAYS, saying so in the header, and shows more new cards with --new N', async () => {
    paperdeck('config', 'new-per-day', '1');
    const first = study();
    await first.waitFor('1 new · 0 learning · 0 review');
    first.write(' ');
    await first.waitFor('4 Easy');
    first.write('4');
    await first.waitForScreen('Done for now');
    first.write('q');
    expect((await first.exited).exitCode).toBe(0);

    const program = new PtyProgram(process.execPath, [bin, 'study', 'tiny', '--ahead', '60', '--new', '2', '--state', stateDir, '--decks', decksDir], {
      env: interactiveEnv({ PAPERDECK_NOW: NOW, TZ: 'UTC' }),
    });
    running.push(program);
    const screen = await program.waitForScreen((rows) => rows[0]!.startsWith('tiny · studying ahead 60 days · 2 more new today'));
    expect(flat(screen)).toContain('2 new · 0 learning · 1 review');
    program.write('q');
    expect((await program.exited).exitCode).toBe(0);
    expect(paperdeck('config', 'new-per-day')).toContain('1');
  });

  it('uses no colour under NO_COLOR, and Anki’s colours otherwise', async () => {
    const plain = study({ NO_COLOR: '1' });
    await plain.waitFor('Alpha Paper Title');
    plain.write(' ');
    await plain.waitFor('1 Again');
    plain.write('q');
    await plain.exited;
    expect(plain.raw).not.toMatch(/\u001b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m/);

    const coloured = study();
    await coloured.waitFor('Alpha Paper Title');
    coloured.write('q');
    await coloured.exited;
    expect(coloured.raw).toContain('\u001b[34m3 new');
  });

  it('holds at 60 columns, and redraws to fit when the terminal is resized', async () => {
    const lines = (text: string) => text.split(/\r?\n|\r/);
    const program = study({}, 60);
    await program.waitFor('Alpha Paper Title');
    let mark = program.mark();
    program.write(' ');
    await program.waitFor('4 Easy', mark);
    for (const line of lines(program.text())) expect(line.length).toBeLessThanOrEqual(60);

    // Each resize is waited out (its one clear is in) before the next.
    program.resize(100, 24);
    await program.waitForScreen((rows) => count(program.raw, CLEAR) === 1 && rows.some((row) => /^░{70,} 0 answers, about 6 to go$/.test(row)));
    program.resize(50, 24);
    // A frame for 50 columns, whole: anything wider drawn after the resize would have been
    // wrapped by the terminal, and neither the header nor the bar would fill its row alone.
    const narrow = await program.waitForScreen(
      (rows) =>
        count(program.raw, CLEAR) === 2 &&
        /^tiny +3 new · 0 learning · 0 review$/.test(rows[0]!) &&
        rows.some((row) => /^░{20,30} 0 answers, about 6 to go$/.test(row)) &&
        rows.some((row) => row.includes('4 Easy')),
    );
    expect(narrow.filter((row) => row.includes('to go'))).toHaveLength(1);
    expect(narrow.filter((row) => row.includes('? help'))).toHaveLength(1);
    program.write('q');
    await program.exited;
  });

  it('redraws cleanly after a resize (one clear per resize, none on keys), the header on top', async () => {
    const program = study();
    await program.waitFor('Alpha Paper Title');
    program.write(' ');
    await program.waitForScreen('4 Easy');
    expect(count(program.raw, CLEAR)).toBe(0);

    program.resize(50, 24);
    await program.waitForScreen((rows) => count(program.raw, CLEAR) === 1 && rows.some((row) => /^░+ 0 answers, about 6 to go$/.test(row)));
    program.resize(100, 24);
    const wide = await program.waitForScreen(
      (rows) =>
        count(program.raw, CLEAR) === 2 &&
        /^tiny +3 new · 0 learning · 0 review$/.test(rows[0]!) &&
        rows.some((row) => /^░{50,} 0 answers, about 6 to go$/.test(row)) &&
        rows.some((row) => row.endsWith('? help · q quit')),
    );
    // One frame on screen: the header, the bar and the hints once each.
    expect(wide.filter((row) => row.includes('3 new · 0 learning'))).toHaveLength(1);
    expect(wide.filter((row) => row.includes('to go'))).toHaveLength(1);
    expect(wide.filter((row) => row.includes('? help'))).toHaveLength(1);

    program.write('3');
    await program.waitForScreen('Beta Paper Title');
    program.write(' ');
    await program.waitForScreen('graph generation');
    expect(count(program.raw, CLEAR)).toBe(2);
    program.write('q');
    await program.exited;
  });

  it('keeps the header on screen in a 40×15 terminal, cutting the card instead', async () => {
    const program = study({}, 40, 15);
    await program.waitFor('Alpha Paper Title');
    program.write(' ');
    const rows = await program.waitForScreen((screen) => screen.some((row) => row.includes('Easy')) && screen.join('\n').includes('? help'));
    expect(rows[0]).toMatch(/^tiny +3 new · 0 learning · 0 review$/);
    expect(rows.join('\n')).toContain('4 Easy');
    expect(rows.join('\n')).toContain('deck built: 3 cards');
    expect(rows.join('\n')).toContain('? help');
    expect(count(program.raw, CLEAR)).toBe(0);
    program.write('q');
    await program.exited;
  });
});

describe('paperdeck study without a terminal', () => {
  it('refuses piped stdin with one line that points to `paperdeck due`, before Ink starts', async () => {
    // stdin a pipe, stdout the terminal.
    const program = new PtyProgram('/bin/sh', ['-c', `echo | "${process.execPath}" "${bin}" study tiny --state "${stateDir}" --decks "${decksDir}"; echo "exit=$?"`], {
      env: interactiveEnv({ PAPERDECK_NOW: NOW }),
    });
    running.push(program);
    const text = await program.waitFor(/exit=\d+/);
    expect(text.trim().split(/\r?\n/)).toEqual([
      'paperdeck: study needs an interactive terminal (stdin is not a TTY); for scripts use `npx paperdeck due`',
      'exit=1',
    ]);
  });

  it('refuses when neither end is a terminal, writing nothing to stdout and no state', async () => {
    const result = spawnSync(process.execPath, [bin, 'study', 'tiny', '--state', stateDir, '--decks', decksDir], {
      env: interactiveEnv({ PAPERDECK_NOW: NOW }),
      input: ' 3 3 q',
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'paperdeck: study needs an interactive terminal (stdin and stdout are not TTYs); for scripts use `npx paperdeck due`\n',
    );
    expect(await readLogSafe()).toEqual([]);
  });
});

async function readLogSafe(): Promise<LogEntry[]> {
  try {
    return await readLog();
  } catch {
    return [];
  }
}
