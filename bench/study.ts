// Study start-up: from the command to the first frame that shows a card, in a pseudo-terminal
// (Ink draws only to a terminal), beside bare node's first output read the same way. Target: at
// most 3× `node -e 0` (the costs table's goal). Nothing is answered: each run quits with `q`,
// so the state is left as found.
import { spawn } from '@lydell/node-pty';
import { loadCardsFile, listDecks } from '../src/store/decks.js';
import { median } from './measure.js';

const RUNS = 5;
const TIMEOUT_MS = 30_000;
// CSI, OSC and two-byte escapes: what is left is the text on screen.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78DEHMc]/g;

function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Ink shows only the last frame under CI: the first frame would never come.
    if (value !== undefined && key !== 'CI' && !key.startsWith('CI_')) env[key] = value;
  }
  return { ...env, TERM: env.TERM ?? 'xterm-256color', ...extra };
}

interface PtyRun {
  /** ms from spawn until `until` said yes (or until exit when there is no `until`). */
  ms: number;
  text: string;
}

/** Spawns in an 80×24 pty; stops the clock when `until(screenText)` holds, then sends `quit`. */
function runInPty(file: string, args: string[], until?: (text: string) => boolean, quit = 'q', extraEnv: Record<string, string> = {}): Promise<PtyRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let raw = '';
    let measured: number | null = null;
    const pty = spawn(file, args, { name: 'xterm-256color', cols: 80, rows: 24, cwd: process.cwd(), env: childEnv(extraEnv) });
    const timer = setTimeout(() => {
      pty.kill();
      reject(new Error(`${args.join(' ')}: no card after ${TIMEOUT_MS} ms; screen:\n${raw.replace(ESCAPES, '').slice(-2000)}`));
    }, TIMEOUT_MS);
    pty.onData((data) => {
      raw += data;
      if (measured !== null || !until) return;
      if (until(raw.replace(ESCAPES, ''))) {
        measured = Number(process.hrtime.bigint() - start) / 1e6;
        pty.write(quit);
      }
    });
    pty.onExit(({ exitCode }) => {
      clearTimeout(timer);
      const text = raw.replace(ESCAPES, '');
      if (!until) return resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, text });
      if (measured === null) return reject(new Error(`${args.join(' ')} exited (${exitCode}) before showing a card:\n${text.slice(-2000)}`));
      resolve({ ms: measured, text });
    });
  });
}

/**
 * Median ms from `paperdeck study` to the first frame showing the card's title, for the deck in
 * `decksDir` (iclr2017 when it is there, else the first), with `node -e 0` in a pty for scale.
 * `extraEnv` is added to the study's environment (PAPERDECK_NOW: the day its history was made for).
 */
export async function benchStudyStartup(binPath: string, stateDir: string, decksDir: string, extraEnv: Record<string, string> = {}): Promise<Record<string, number>> {
  const decks = listDecks(decksDir);
  const deck = decks.includes('iclr2017') ? 'iclr2017' : decks[0];
  if (!deck) throw new Error(`no deck in ${decksDir}`);
  const args = [binPath, 'study', deck, '--state', stateDir, '--decks', decksDir];
  const cardFrame = (text: string) => text.includes('show answer') || text.includes('Nothing due');

  // Warm-up, not timed: builds cards.json if the deck is stale, and tells which card comes first.
  const warm = await runInPty(process.execPath, args, cardFrame, 'q', extraEnv);
  const cards = loadCardsFile(decksDir, deck)?.cards ?? [];
  // A title's start fits on its first line at 80 columns.
  const first = cards.map((card) => card.question.slice(0, 24)).find((start) => warm.text.includes(start));
  if (!first) throw new Error(`study ${deck}: no card on the first screen (nothing due in ${stateDir}?)`);

  const study: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Node's own first output, seen through the same pty and the same reading.
    node.push((await runInPty(process.execPath, ['-e', "process.stdout.write('ready')"], (text) => text.includes('ready'), '')).ms);
    study.push((await runInPty(process.execPath, args, (text) => text.includes(first), 'q', extraEnv)).ms);
  }
  const studyMs = median(study);
  const nodeMs = median(node);
  return {
    'study: command to first card (ms)': studyMs,
    'node -e 0 to first output in a pty (ms)': nodeMs,
    'study first card / node first output': studyMs / nodeMs,
    cards: cards.length,
  };
}
