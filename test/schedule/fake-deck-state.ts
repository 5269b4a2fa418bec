// An in-memory deck state with the store's DeckState interface, for scheduling unit tests:
// the log is the truth, each append applies the entry's `after` to the card.
import type { CardState, LogEntry } from '../../src/core/types.js';
import type { NewLogEntry, StudyDeck } from '../../src/schedule/engine.js';

export class FakeDeckState implements StudyDeck {
  private readonly log: LogEntry[] = [];
  private readonly states = new Map<string, CardState>();

  constructor(readonly name = 'deck') {}

  cardStates(): ReadonlyMap<string, CardState> {
    return this.states;
  }

  lastSeq(): number {
    return this.log.length;
  }

  append(entry: NewLogEntry): LogEntry {
    const written = structuredClone({ ...entry, seq: this.log.length + 1 }) as LogEntry;
    this.log.push(written);
    this.states.set(written.card, structuredClone(written.after));
    return structuredClone(written);
  }

  readLog(): LogEntry[] {
    return structuredClone(this.log);
  }

  entriesSince(seq: number): LogEntry[] {
    this.entriesRead += Math.max(0, this.log.length - seq);
    return structuredClone(this.log.slice(Math.max(0, seq)));
  }

  /** How many entries entriesSince has handed out: reading the whole history would show here. */
  entriesRead = 0;

  fold(): void {}
}
