// Several machines' review logs of one deck read as one. Each machine appends to its own log
// (numbered from 1 in its own right); every reader merges them in one order that depends on the
// files alone, so that two machines holding the same files compute the same card states, queue
// and statistics. The merge takes, of the logs' next entries, the one with the earliest time
// (then the device name, then its number): for logs in time order, as a machine's clock makes
// them, that is the union sorted by (at, device, seq). The merged entries are numbered 1..N in
// that order, and an undo's `undoes` is turned from its own log's number into the merged one, so
// every reader of one log (undo sets, today's counts, the statistics) reads the union unchanged.
//
// Card states: each entry carries the state its writer saw before and made after. When the
// merged state of the card is the one the writer saw, its state after is taken as written
// (always so on one machine). When not, another machine changed the card in between, and the
// entry is done again on the merged state: a review is scheduled again with its rating at its
// time, a flag is set again, a taken-back entry is dropped and the card's history replayed
// without it. So a card answered on two machines on the same day counts both answers, in time
// order, as if both had been made on one machine.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newCardState } from '../schedule/card-state.js';
import type { CardState, LogEntry, LogFacts, LogKindCode } from '../core/types.js';
import { EntryFacts, LogFactsBuilder } from './log-facts.js';
import { DEVICE_LOGS_DIR, LOG_FILE, deckStateDir } from './layout.js';
import { LogCorruption, lastEntries, withFile } from './review-log.js';
import { isDeviceName } from './device.js';

/** The legacy log (`log.ndjson`, from before devices) merges as the device with this name, first at equal times. */
export const LEGACY_DEVICE = '';

/** How an entry is done again on a state its writer did not see: a review needs the scheduler. */
export type Redo = (state: CardState, entry: LogEntry) => CardState;

/** One deck's log of one device, as found on disk. */
export interface DeviceLogFile {
  device: string;
  file: string;
}

/** The deck's logs: the legacy one (when there) first, then each device's, by name. */
export function deviceLogFiles(stateDir: string, deck: string): DeviceLogFile[] {
  const dir = deckStateDir(stateDir, deck);
  const logs: DeviceLogFile[] = [];
  if (existsSync(join(dir, LOG_FILE))) logs.push({ device: LEGACY_DEVICE, file: join(dir, LOG_FILE) });
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, DEVICE_LOGS_DIR));
  } catch {
    // no device has written to this deck yet
  }
  // Only `<device>.ndjson`: a sync tool's conflict copy or temporary file is never read.
  for (const name of names.sort()) {
    if (!name.endsWith('.ndjson')) continue;
    const device = name.slice(0, -'.ndjson'.length);
    if (isDeviceName(device)) logs.push({ device, file: join(dir, DEVICE_LOGS_DIR, name) });
  }
  return logs;
}

/** The merge order of two entries from the logs of `deviceA` and `deviceB`. */
export function mergeOrder(a: LogEntry, deviceA: string, b: LogEntry, deviceB: string): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (deviceA !== deviceB) return deviceA < deviceB ? -1 : 1;
  return a.seq - b.seq;
}

/** A point of the merge: the last entry taken, by time and device. */
export interface MergeKey {
  at: number;
  device: string;
  seq: number;
}

export function keyOf(entry: LogEntry, device: string): MergeKey {
  return { at: entry.at, device, seq: entry.seq };
}

/** Whether `entry` of `device`'s log comes after the merge point `key`. */
export function isAfter(entry: LogEntry, device: string, key: MergeKey | null): boolean {
  if (key === null) return true;
  if (entry.at !== key.at) return entry.at > key.at;
  if (device !== key.device) return device > key.device;
  return entry.seq > key.seq;
}

export interface MergedEntry {
  entry: LogEntry;
  /** Index of its log in the lists merged. */
  source: number;
}

/** The entries of each log (each in its own order), merged (see the top of this file). */
export function mergeLogs(lists: readonly (readonly LogEntry[])[], devices: readonly string[]): MergedEntry[] {
  const merged: MergedEntry[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![next[i]!];
      if (candidate === undefined) continue;
      if (best < 0 || mergeOrder(candidate, devices[i]!, lists[best]![next[best]!]!, devices[best]!) < 0) best = i;
    }
    if (best < 0) return merged;
    merged.push({ entry: lists[best]![next[best]!++]!, source: best });
  }
}

/**
 * The merged entries numbered from `firstSeq`, each a copy with its merged number, undos pointing
 * at merged numbers. An undo whose entry is not among them (it was merged earlier) points at
 * `earlier(source, seq)`, or 0, which no entry has.
 */
export function numberMerged(
  merged: readonly MergedEntry[],
  firstSeq: number,
  devices?: readonly string[],
  earlier?: (source: number, seq: number) => number | undefined,
): LogEntry[] {
  const mergedSeqOf = new Map<string, number>();
  const out: LogEntry[] = new Array(merged.length);
  for (let i = 0; i < merged.length; i++) {
    const { entry, source } = merged[i]!;
    const seq = firstSeq + i;
    mergedSeqOf.set(`${source}:${entry.seq}`, seq);
    const device = devices?.[source];
    const from = device ? { device } : {};
    if (entry.kind === 'undo') {
      const target = mergedSeqOf.get(`${source}:${entry.undoes}`) ?? earlier?.(source, entry.undoes) ?? 0;
      out[i] = { ...entry, seq, undoes: target, ...from };
    } else {
      out[i] = { ...entry, seq, ...from };
    }
  }
  return out;
}

/**
 * Whether `state` is the point of the card's history that `seen` (an entry's state before) was:
 * every field but the memory (stability, difficulty), which a study session with fitted
 * parameters replaces in what it shows and writes as the state before (schedule/memory.ts).
 */
export function sameHistoryPoint(state: CardState | null, seen: CardState | null): boolean {
  if (state === null || seen === null) return state === seen;
  return (
    state.reps === seen.reps &&
    state.lapses === seen.lapses &&
    state.state === seen.state &&
    state.due === seen.due &&
    state.lastReview === seen.lastReview &&
    state.scheduledDays === seen.scheduledDays &&
    state.learningSteps === seen.learningSteps &&
    state.suspended === seen.suspended &&
    state.buriedUntil === seen.buriedUntil &&
    state.leech === seen.leech
  );
}

/**
 * Thrown when a review must be scheduled again and no scheduler was given: `due`'s quick path,
 * which leaves ts-fsrs out of its bundle, then hands the command to the full program.
 */
export class NeedsScheduler extends Error {
  override name = 'NeedsScheduler';
}

/** An entry done again on `state`: a review scheduled again, a flag set again, nothing else changed. */
export function redoEntry(state: CardState | null, entry: LogEntry, redo: Redo | undefined): CardState {
  const base = state ?? newCardState();
  const after = entry.after;
  switch (entry.kind) {
    case 'review':
      if (!redo) throw new NeedsScheduler('a review made on another machine must be scheduled again');
      return redo(base, entry);
    case 'suspend':
      return { ...base, suspended: true };
    case 'unsuspend':
      return { ...base, suspended: false };
    case 'bury':
      return { ...base, buriedUntil: after.buriedUntil };
    case 'unbury':
      return { ...base, buriedUntil: null };
    case 'reschedule':
      return { ...base, due: after.due, scheduledDays: after.scheduledDays };
    default:
      return after;
  }
}

/** Where a state done again came from: no log, so the next entry's state before is compared. */
const DONE_AGAIN = '/done again';

/** Thrown by MergedStates.apply when an undo needs the card's history, which it does not hold. */
export class NeedsHistory extends Error {}

/**
 * Card states folded from merged entries. Folding on top of a snapshot, an undo made on a state
 * its writer did not see throws NeedsHistory (the caller then replays every log from its start).
 */
export class MergedStates {
  private readonly history: Map<string, LogEntry[]> | null;
  /** The log (device) of the entry each card's state last came from, as far as this fold saw. */
  private readonly lastFrom = new Map<string, string>();

  /**
   * `fromStart`: the fold starts from no state (a replay of every log from its start), so it
   * knows which log each state came from; with it, it also keeps every card's entries, so that
   * an undo made on a state its writer did not see can replay the card without the entry taken
   * back.
   */
  constructor(
    readonly states: Map<string, CardState>,
    private readonly redo: Redo | undefined,
    private readonly fromStart: boolean,
  ) {
    this.history = fromStart ? new Map() : null;
  }

  apply(entry: LogEntry): void {
    const current = this.states.get(entry.card) ?? null;
    if (this.history) {
      const list = this.history.get(entry.card);
      if (list) list.push(entry);
      else this.history.set(entry.card, [entry]);
    }
    const from = entry.device ?? LEGACY_DEVICE;
    const previous = this.lastFrom.get(entry.card);
    // The entries of one log follow one another as written (one machine alone reads its log as it
    // always did), and a card's first entry in a replay from the start is as written too; the
    // states they saw are compared only where another log came in between, where an entry was
    // done again, or where this fold does not know where the state came from (a snapshot's).
    const followsItsLog = previous === from || (previous === undefined && this.fromStart);
    if (followsItsLog || sameHistoryPoint(current, entry.before)) {
      this.states.set(entry.card, entry.after);
      this.lastFrom.set(entry.card, from);
      return;
    }
    this.lastFrom.set(entry.card, DONE_AGAIN);
    if (entry.kind !== 'undo') {
      this.states.set(entry.card, redoEntry(current, entry, this.redo));
      return;
    }
    if (!this.history) throw new NeedsHistory();
    this.states.set(entry.card, this.replayCard(this.history.get(entry.card)!));
  }

  /** The card's state from its entries, leaving out undos and what they took back. */
  private replayCard(entries: readonly LogEntry[]): CardState {
    const undone = new Set<number>();
    for (const entry of entries) if (entry.kind === 'undo') undone.add(entry.undoes);
    let state: CardState | null = null;
    for (const entry of entries) {
      if (entry.kind === 'undo' || undone.has(entry.seq)) continue;
      // Here an entry taken back may lie between two of one log: every state is compared.
      state = sameHistoryPoint(state, entry.before) ? entry.after : redoEntry(state, entry, this.redo);
    }
    return state ?? newCardState();
  }
}

/** A log as far as a reader has read it: whole entries from `headerBytes` to `end`, numbered 1..`count`. */
export interface ReadLog {
  device: string;
  file: string;
  headerBytes: number;
  end: number;
  count: number;
}

/**
 * The last `n` merged entries of `logs` (whose merge holds `total`), numbered up to `total`, read
 * backwards from each log's end. For logs in time order, the last n of the merge are among the
 * last n of each log.
 */
export function mergedTail(logs: readonly ReadLog[], total: number, n: number): LogEntry[] {
  if (n <= 0) return [];
  const lists = logs.map((log) => {
    const want = Math.min(n, log.count);
    if (want === 0) return [];
    const entries = withFile(log.file, 'r', (fd) => lastEntries(fd, log.end, log.headerBytes, want));
    if (entries.length !== want || entries.at(-1)?.seq !== log.count) throw new LogCorruption(`its last lines do not hold entries ${log.count - want + 1} to ${log.count}`);
    return entries;
  });
  const devices = logs.map((log) => log.device);
  const merged = mergeLogs(lists, devices).slice(-n);
  return numberMerged(merged, total - merged.length + 1, devices);
}

/**
 * Each log's facts (read by the fast path of one log), merged as mergeLogs merges entries and
 * numbered alike: the statistics of several machines without an entry object for any line.
 */
export function mergeFacts(logs: readonly LogFacts[], devices: readonly string[]): LogFacts {
  let total = 0;
  for (const log of logs) total += log.length;
  const merged = new LogFactsBuilder(total);
  // Per log, the merged number of each of its entries by its own number (1..length).
  const mergedSeqOf = logs.map((log) => new Float64Array(log.length + 1));
  const next = logs.map(() => 0);
  const row = new EntryFacts();
  for (let seq = 1; seq <= total; seq++) {
    let best = -1;
    for (let k = 0; k < logs.length; k++) {
      const i = next[k]!;
      if (i >= logs[k]!.length) continue;
      if (best < 0) {
        best = k;
        continue;
      }
      const a = logs[k]!;
      const b = logs[best]!;
      const j = next[best]!;
      const atA = a.at[i]!;
      const atB = b.at[j]!;
      if (atA < atB || (atA === atB && (devices[k]! < devices[best]! || (devices[k] === devices[best] && a.seq[i]! < b.seq[j]!)))) best = k;
    }
    const log = logs[best]!;
    const i = next[best]!++;
    const own = log.seq[i]!;
    if (own >= 1 && own <= log.length) mergedSeqOf[best]![own] = seq;
    const undone = log.undoes[i]!;
    row.kind = log.kind[i]! as LogKindCode;
    row.seq = seq;
    row.at = log.at[i]!;
    row.card = log.cardIds[log.card[i]!]!;
    row.rating = log.rating[i]!;
    row.ms = log.ms[i]!;
    // An undo's entry came before it in its own log, so it has its merged number already.
    row.undoes = Number.isNaN(undone) ? NaN : Number.isInteger(undone) && undone >= 1 && undone <= log.length ? mergedSeqOf[best]![undone] || 0 : 0;
    row.beforeState = log.beforeState[i]!;
    row.beforeScheduledDays = log.beforeScheduledDays[i]!;
    merged.push(row);
  }
  return merged.finish();
}
