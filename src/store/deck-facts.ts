// One deck's logs as the statistics read them (LogFacts: one row of typed arrays an entry, no
// entry objects), through the caches a writer leaves of them: each log's facts (facts-cache.ts)
// and the review tally (stats-cache.ts). Apart from the card states (deck-state.ts): `stats`
// reads the tally without the snapshot, and a writer's fold leaves both caches through this.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isTimeInRange, TIME_RANGE_TEXT } from '../core/clock.js';
import type { UserError } from '../core/errors.js';
import type { LogFacts } from '../core/types.js';
import { LogKindCode } from '../core/types.js';
import { ReviewTally } from '../schedule/review-tally.js';
import { undoneSeqs } from '../schedule/standing.js';
import { asLogError, corruptedFileError, readLogHeader } from './corruption.js';
import { readFactsCache, writeFactsCache } from './facts-cache.js';
import { FACTS_DIR, LEGACY_FACTS_FILE, STATS_CACHE_FILE, deviceLogFile, localDeckDir } from './layout.js';
import { LogFactsBuilder } from './log-facts.js';
import { deviceLogFiles, mergeFacts, LEGACY_DEVICE, type DeviceLogFile, type MergeKey } from './merged-log.js';
import { fileSize, headerStillArriving, lineEndingAt, scanFacts, withFile } from './review-log.js';
import { readStatsCache, writeStatsCache, type KeptTally, type TallyPoint } from './stats-cache.js';

/** What DeckFacts needs of the deck's context (deck-state.ts DeckContext). */
export interface DeckFactsContext {
  stateDir: string;
  /** This machine: its own log is `logs/<device>.ndjson`, its caches under `local/<device>/`. */
  device: string;
  /** The deck's day-start hour, for the review tally a writer keeps (absent: none kept). */
  dayStartHour?: () => number;
}

/** What a reader asks of a deck's history (DeckState has it too). */
export type DeckHistory = Pick<DeckFacts, 'readLogFacts' | 'reviewTally'>;

export class DeckFacts {
  private readonly logFile: string;
  /** This machine's folder for the deck's caches (local/<device>/decks/<deck>/). */
  private readonly cacheDir: string;

  constructor(
    readonly name: string,
    private readonly ctx: DeckFactsContext,
  ) {
    this.logFile = deviceLogFile(ctx.stateDir, name, ctx.device);
    this.cacheDir = localDeckDir(ctx.stateDir, ctx.device, name);
  }

  private corrupted(file: string, reason: string): UserError {
    return corruptedFileError(this.ctx.stateDir, file, reason, 'none');
  }

  private readLogHeader(fd: number, file: string): number {
    return readLogHeader(this.ctx.stateDir, fd, file);
  }

  private logError(error: unknown, file: string): unknown {
    return asLogError(this.ctx.stateDir, error, file);
  }

  /** Writer only, on folding: each log's facts cache and the review tally brought to the logs' ends. */
  leaveCaches(): void {
    this.leaveFactsCaches();
    this.leaveStatsCache();
  }

  /**
   * The statistics reckon days back from now to each entry: a time paperdeck never writes (a
   * hand edit, or a PAPERDECK_NOW from before it was checked) would have them walk or allocate
   * millions of days. Such a log is refused, named with the entry, and left as it is.
   */
  private checkTimes(at: ArrayLike<number>, seq: ArrayLike<number>, file: string): void {
    for (let i = 0; i < at.length; i++) {
      const time = at[i]!;
      if (isTimeInRange(time)) continue;
      const when = Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : String(time);
      throw this.corrupted(file, `entry ${seq[i]} has a time out of range, ${when}; paperdeck takes times ${TIME_RANGE_TEXT}`);
    }
  }

  readLogFacts(): LogFacts {
    const { read, merged } = this.factsLogs();
    if (!merged) return read.length === 0 ? new LogFactsBuilder(0).finish() : this.logFacts(read[0]!);
    return mergeFacts(
      read.map((log) => this.logFacts(log)),
      read.map((log) => log.device),
    );
  }

  /**
   * The logs the statistics read: one log (or none yet) as it is, its own numbering the merged
   * one (as onlyLog reads); of several, all but another machine's whose header is still arriving,
   * merged.
   */
  private factsLogs(): { read: DeviceLogFile[]; merged: boolean } {
    const logs = deviceLogFiles(this.ctx.stateDir, this.name);
    if (logs.length <= 1) {
      const log = logs[0] ?? { device: this.ctx.device, file: this.logFile };
      return { read: existsSync(log.file) ? [log] : [], merged: false };
    }
    return { read: logs.filter((log) => log.file === this.logFile || !withFile(log.file, 'r', headerStillArriving)), merged: true };
  }

  reviewTally(dayStartHour: number, today: number): ReviewTally {
    return (this.keptTally(dayStartHour, today) ?? this.wholeTally(dayStartHour, today)).tally;
  }

  private statsCacheFile(): string {
    return join(this.cacheDir, STATS_CACHE_FILE);
  }

  /**
   * The tally of every log read whole (through the facts caches), and the point each log was
   * read to.
   */
  private wholeTally(dayStartHour: number, today: number): KeptTally {
    const { read, merged } = this.factsLogs();
    const logs: TallyPoint[] = [];
    const facts: LogFacts[] = [];
    let lastKey: MergeKey | null = null;
    for (const log of read) {
      const { one, point } = withFile(log.file, 'r', (fd) => {
        const { facts: one, end, header } = this.scanLogFacts(fd, log);
        return { one, point: { device: log.device, ...end, pointLine: lineEndingAt(fd, end.logBytes, header) ?? '' } };
      });
      this.checkTimes(one.at, one.seq, log.file);
      facts.push(one);
      logs.push(point);
      lastKey = latestFactsKey(one, log.device, lastKey);
    }
    const all = merged ? mergeFacts(facts, read.map((log) => log.device)) : (facts[0] ?? new LogFactsBuilder(0).finish());
    return { tally: ReviewTally.of(all, dayStartHour, today), logs, lastKey };
  }

  /**
   * The tally kept in the stats cache carried on with the entries past it, or null when it cannot
   * give what the whole logs give: no cache, another version or day-start hour, a day counted
   * after today, a log no longer holding the line the cache ends at (or gone), an entry past it
   * that merges before what it counted, an undo of an entry it counted, or a review past it
   * earlier than one it counted. Damage past its point is named as reading the log would.
   */
  private keptTally(dayStartHour: number, today: number): KeptTally | null {
    const kept = readStatsCache(this.statsCacheFile(), dayStartHour);
    if (!kept || kept.tally.lastDay > today) return null;
    const { read, merged } = this.factsLogs();
    const recorded = new Map(kept.logs.map((point) => [point.device, point]));
    const tails: { device: string; facts: LogFacts }[] = [];
    const logs: TallyPoint[] = [];
    let lastKey = kept.lastKey;
    for (const log of read) {
      const point = recorded.get(log.device);
      recorded.delete(log.device);
      const tail = withFile(log.file, 'r', (fd) => {
        const header = this.readLogHeader(fd, log.file);
        const size = fileSize(fd);
        let from = header;
        let fromSeq = 0;
        if (point && point.seq > 0) {
          if (!(point.logBytes <= size && lineEndingAt(fd, point.logBytes, header) === point.pointLine)) return null;
          from = point.logBytes;
          fromSeq = point.seq;
        }
        const builder = new LogFactsBuilder(Math.ceil((size - from) / 160) + 16);
        let scanned;
        try {
          scanned = scanFacts(fd, from, fromSeq, builder);
        } catch (error) {
          throw this.logError(error, log.file);
        }
        const facts = builder.finish();
        const pointLine = scanned.goodEnd === from && point ? point.pointLine : (lineEndingAt(fd, scanned.goodEnd, header) ?? '');
        return { facts, fromSeq, point: { device: log.device, seq: scanned.lastSeq, logBytes: scanned.goodEnd, pointLine } };
      });
      if (tail === null) return null;
      this.checkTimes(tail.facts.at, tail.facts.seq, log.file);
      const { facts, fromSeq } = tail;
      // An undo past the point that takes back an entry the tally counted: count again.
      const undone = undoneSeqs(
        facts.length,
        (i) => facts.seq[i]!,
        (i) => (facts.kind[i] !== LogKindCode.undo ? NaN : merged && !(Number.isInteger(facts.undoes[i]) && facts.undoes[i]! >= 1 && facts.undoes[i]! < facts.seq[i]!) ? 0 : facts.undoes[i]!),
      );
      for (const target of undone) if (target >= 1 && target <= fromSeq) return null;
      // Every entry past the points must merge after those counted, so that they merge after them.
      if (facts.length > 0 && !keyIsAfter(facts.at[0]!, log.device, facts.seq[0]!, kept.lastKey)) return null;
      lastKey = latestFactsKey(facts, log.device, lastKey);
      const standing = new Uint8Array(facts.length);
      for (let i = 0; i < facts.length; i++) standing[i] = facts.kind[i] === LogKindCode.review && !undone.has(facts.seq[i]!) ? 1 : 0;
      tails.push({ device: log.device, facts: { ...facts, kind: standing } });
      logs.push(tail.point);
    }
    for (const gone of recorded.values()) if (gone.seq > 0) return null;
    // The standing reviews past the points, merged as mergeFacts merges (earliest by time, then
    // device, then number), then in time order as effectiveReviews puts them.
    const order: { log: LogFacts; row: number }[] = [];
    const next = tails.map(() => 0);
    for (;;) {
      let best = -1;
      for (let k = 0; k < tails.length; k++) {
        const i = next[k]!;
        const a = tails[k]!.facts;
        if (i >= a.length) continue;
        if (best < 0) {
          best = k;
          continue;
        }
        const b = tails[best]!.facts;
        const j = next[best]!;
        if (a.at[i]! < b.at[j]! || (a.at[i] === b.at[j] && (tails[k]!.device < tails[best]!.device || (tails[k]!.device === tails[best]!.device && a.seq[i]! < b.seq[j]!)))) best = k;
      }
      if (best < 0) break;
      const row = next[best]!++;
      const log = tails[best]!.facts;
      if (log.kind[row] === 1) order.push({ log, row });
    }
    let inTimeOrder = true;
    for (let i = 1; i < order.length && inTimeOrder; i++) inTimeOrder = order[i - 1]!.log.at[order[i - 1]!.row]! <= order[i]!.log.at[order[i]!.row]!;
    if (!inTimeOrder) order.sort((a, b) => a.log.at[a.row]! - b.log.at[b.row]!);
    const { tally } = kept;
    if (order.length > 0 && order[0]!.log.at[order[0]!.row]! < tally.lastAt) return null;
    for (const { log, row } of order) {
      tally.add(log.at[row]!, log.cardIds[log.card[row]!]!, log.rating[row]!, log.ms[row]!, log.beforeState[row]!, log.beforeScheduledDays[row]!, today);
    }
    return { tally, logs, lastKey };
  }

  /**
   * Writer only, on folding: the review tally brought to the logs' ends and kept, so that the next
   * `stats` reads only what is answered after it. Only a speed-up: a failure leaves the cache as it
   * was (or none), and `stats` then reads the logs.
   */
  private leaveStatsCache(): void {
    let hour: number | undefined;
    try {
      hour = this.ctx.dayStartHour?.();
    } catch {
      return; // settings that cannot be read: no tally
    }
    if (hour !== undefined) this.keepStatsTally(hour);
  }

  /**
   * The review tally for days starting at `hour`, brought to the logs' ends and kept (stats-cache.ts).
   * Writers only (a fold, or `config` changing the day-start hour); a failure keeps nothing.
   */
  keepStatsTally(hour: number): void {
    try {
      const kept = this.keptTally(hour, Infinity) ?? this.wholeTally(hour, Infinity);
      if (kept.logs.some((point) => point.seq > 0 && point.pointLine === '')) return;
      const file = this.statsCacheFile();
      mkdirSync(dirname(file), { recursive: true });
      writeStatsCache(file, kept);
    } catch {
      // `stats` counts from the logs, as it would with no cache
    }
  }

  /** One log's facts, read by the fast path (scanFacts) past the cache of them, its times checked. */
  private logFacts(log: DeviceLogFile): LogFacts {
    const read = withFile(log.file, 'r', (fd) => this.scanLogFacts(fd, log).facts);
    this.checkTimes(read.at, read.seq, log.file);
    return read;
  }

  /** Where this machine keeps the cache of `device`'s log's facts: one file a log (layout.ts). */
  private factsCacheOf(device: string): string {
    return join(this.cacheDir, FACTS_DIR, device === LEGACY_DEVICE ? LEGACY_FACTS_FILE : `${device}.bin`);
  }

  /**
   * A log's facts: those of its facts cache while the log still holds the line the cache ends at
   * (facts-cache.ts), and the entries past it read from the log; or the whole log read. Also the
   * point they reach, the log's header length, and whether the cache already reached that point.
   */
  private scanLogFacts(fd: number, log: DeviceLogFile): { facts: LogFacts; end: { seq: number; logBytes: number }; header: number; cacheCurrent: boolean } {
    const header = this.readLogHeader(fd, log.file);
    const size = fileSize(fd);
    const cached = readFactsCache(this.factsCacheOf(log.device), (point) => point.logBytes <= size && lineEndingAt(fd, point.logBytes, header) === point.pointLine);
    const from = cached ? cached.logBytes : header;
    // About 200 bytes a line: room for the whole log at once, most times.
    const builder = cached ? LogFactsBuilder.continuing(cached.facts) : new LogFactsBuilder(Math.ceil((size - from) / 160));
    let scanned;
    try {
      scanned = scanFacts(fd, from, cached ? cached.seq : 0, builder);
    } catch (error) {
      throw this.logError(error, log.file);
    }
    const end = { seq: scanned.lastSeq, logBytes: scanned.goodEnd };
    return { facts: builder.finish(), end, header, cacheCurrent: cached !== null && cached.logBytes === end.logBytes };
  }

  /**
   * Writer only, on folding: each log's facts cache brought to the log's end, so that the next
   * `stats` reads only what was answered after it; a cache already there is left as it is (another
   * machine's log that did not grow). Only a speed-up: a failure leaves a cache as it was (or
   * none), and readers read the logs.
   */
  private leaveFactsCaches(): void {
    for (const log of deviceLogFiles(this.ctx.stateDir, this.name)) {
      try {
        withFile(log.file, 'r', (fd) => {
          if (log.file !== this.logFile && headerStillArriving(fd)) return;
          const { facts, end, header, cacheCurrent } = this.scanLogFacts(fd, log);
          const pointLine = lineEndingAt(fd, end.logBytes, header);
          if (cacheCurrent || facts.length === 0 || pointLine === undefined) return;
          const cache = this.factsCacheOf(log.device);
          mkdirSync(dirname(cache), { recursive: true });
          writeFactsCache(cache, facts, { ...end, pointLine });
        });
      } catch {
        // the readers read this log whole, as they would with no cache
      }
    }
  }
}

/** The latest merge key of `facts`, a log of `device`, and `start`. */
function latestFactsKey(facts: LogFacts, device: string, start: MergeKey | null): MergeKey | null {
  let latest = start;
  for (let i = 0; i < facts.length; i++) {
    if (keyIsAfter(facts.at[i]!, device, facts.seq[i]!, latest)) latest = { at: facts.at[i]!, device, seq: facts.seq[i]! };
  }
  return latest;
}

/** isAfter (merged-log.ts) for an entry known by its time and number. */
function keyIsAfter(at: number, device: string, seq: number, key: MergeKey | null): boolean {
  if (key === null) return true;
  if (at !== key.at) return at > key.at;
  if (device !== key.device) return device > key.device;
  return seq > key.seq;
}
