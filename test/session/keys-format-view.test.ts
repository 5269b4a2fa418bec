import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Card } from '../../src/core/types.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { editorArguments, editorCommand } from '../../src/cli/editor.js';
import {
  elsewhereText,
  formatCountdown,
  formatDuration,
  formatRetention,
  formatWhen,
  leechNotice,
  rebuildFailedNotice,
  summarizeBuild,
  summarizeChanges,
} from '../../src/session/format.js';
import { keysFromInput } from '../../src/session/keys.js';
import { readView } from '../../src/session/view.js';
import { FakeDeckState } from '../schedule/fake-deck-state.js';
import { settings } from '../schedule/helpers.js';

describe('keysFromInput', () => {
  it('splits keys that arrived in one read, in order', () => {
    expect(keysFromInput(' 3 3', {})).toEqual(['show', '3', 'show', '3']);
    expect(keysFromInput('\r4u', {})).toEqual(['show', '4', 'undo']);
  });

  it('reads Enter, Esc and Ctrl+C from the key flags', () => {
    expect(keysFromInput('', { return: true })).toEqual(['show']);
    expect(keysFromInput('', { escape: true })).toEqual(['quit']);
    expect(keysFromInput('c', { ctrl: true })).toEqual(['interrupt']);
    expect(keysFromInput('', {})).toEqual([]);
  });

  it('knows every key of the study screen and calls the rest "other"', () => {
    expect(keysFromInput('1234ubse?qQx', {})).toEqual([
      '1', '2', '3', '4', 'undo', 'bury', 'suspend', 'edit', 'help', 'quit', 'quit', 'other',
    ]);
  });
});

describe('formatWhen', () => {
  // Local wall-clock times, so the expectations hold in any TZ.
  const now = new Date(2027, 2, 1, 10, 0).getTime();
  it('says minutes for the near future', () => {
    expect(formatWhen(now + 42_000, now)).toBe('in 42 seconds');
    expect(formatWhen(now + 3 * 60_000, now)).toBe('in 3 minutes');
    expect(formatWhen(now + 60_000, now)).toBe('in 1 minute');
    expect(formatWhen(now - 1, now)).toBe('now');
  });
  it('says the day and time further off', () => {
    expect(formatWhen(new Date(2027, 2, 1, 15, 30).getTime(), now)).toBe('today at 15:30');
    expect(formatWhen(new Date(2027, 2, 2, 4, 0).getTime(), now)).toBe('tomorrow at 04:00');
    expect(formatWhen(new Date(2027, 2, 5, 4, 0).getTime(), now)).toBe('on Friday at 04:00');
    expect(formatWhen(new Date(2027, 5, 12, 4, 0).getTime(), now)).toBe('on 12 June (in 103 days)');
    expect(formatWhen(new Date(2028, 0, 3, 4, 0).getTime(), now)).toBe('on 3 January 2028 (in 308 days)');
  });
});

describe('durations, retention, changes', () => {
  it('formats what the end screen shows', () => {
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(190_000)).toBe('3 min 10 s');
    expect(formatDuration(3_900_000)).toBe('1 h 05 min');
    expect(formatCountdown(42_001)).toBe('0:43');
    expect(formatCountdown(605_000)).toBe('10:05');
    // One decimal, as `paperdeck stats` shows it.
    expect(formatRetention(0.834)).toBe('83.4%');
    expect(formatRetention(11 / 12)).toBe('91.7%');
    expect(formatRetention(1)).toBe('100.0%');
    expect(formatRetention(null)).toBe('—');
  });

  it('says in one line what a regeneration changed', () => {
    const changes = { added: ['a', 'b'], updated: ['c'], renamed: [], retired: ['d'], unchanged: 40 };
    expect(summarizeChanges(changes)).toBe('notes changed: 2 added, 1 updated, 1 retired');
    expect(summarizeChanges({ ...changes, added: [], updated: [], retired: [] }, 2)).toBe(
      'notes checked: no card changed; 2 notes skipped (see npx paperdeck generate --verbose for why)',
    );
  });

  it('says notes were skipped without guessing why (generate lists each reason)', () => {
    expect(summarizeBuild(43, 11)).toBe('deck built: 43 cards, 11 notes skipped (see npx paperdeck generate --verbose for why)');
    expect(summarizeBuild(1, 0)).toBe('deck built: 1 card');
  });

  it('names a new leech, its lapses, and where to find and unsuspend it', () => {
    expect(leechNotice({ title: 'Paper 7', lapses: 8 })).toBe(
      'Paper 7 is a leech (8 lapses): suspended; see npx paperdeck cards / npx paperdeck unsuspend',
    );
  });

  it('says calmly that a failed rebuild changed nothing, and how to fix it', () => {
    expect(rebuildFailedNotice('notes.txt is empty')).toBe(
      'The deck was not rebuilt: notes.txt is empty. The cards stay as they were; press e to open the note again.',
    );
  });
});

describe('the editor command', () => {
  it('prefers $VISUAL, keeps the editor’s own arguments, and opens at the line', () => {
    expect(editorCommand({ VISUAL: 'code -w', EDITOR: 'nano' })).toEqual(['code', '-w']);
    expect(editorCommand({ EDITOR: 'nano' })).toEqual(['nano']);
    expect(editorCommand({})).toEqual(['vi']);
    expect(editorArguments('/d/notes.txt', 17)).toEqual(['+17', '/d/notes.txt']);
  });
});

describe('readView', () => {
  it('cleans note text of escape sequences and control characters before the screen sees it', () => {
    // The real study engine over an in-memory deck, at 10:00 local time on Monday 1 March 2027.
    const clock = new ManualClock(new Date(2027, 2, 1, 10, 0).getTime());
    const hostile: Card = {
      id: 'card-1',
      title: 'Evil \u001b]0;pwned\u0007title\u001b[2J',
      question: 'Evil \u001b]0;pwned\u0007title\u001b[2J',
      answer: 'Line one\u001b[31m red\u001b[0m.\n\n\n\nSecond\u0008 paragraph\u202e.',
      source: { file: 'notes\u001b[1m.txt', line: 3, session: 'Mon\u0007day', code: 'C1' },
      bodyHash: 'hash-1',
    };
    const engine = createStudyEngine({ deck: new FakeDeckState('d'), cards: [hostile], settings: settings(), clock });
    const view = readView(engine, clock);
    const shown = view.card!;
    expect(shown.title).toBe('Evil title');
    expect(shown.question).toBe('Evil title');
    expect(shown.answer).toBe('Line one red.\n\nSecond paragraph.');
    expect(shown.source).toEqual({ file: 'notes.txt', line: 3, session: 'Monday', code: 'C1' });
    // A new card under the default steps (1m, 10m) and FSRS's first Easy interval.
    expect(shown.previews.map((p) => p.label)).toEqual(['1 min', '6 min', '10 min', '9 d']);
  });
});

describe('the end screen names the other decks with cards due', () => {
  const at = (elsewhere: { deck: string; due: number }[]) => elsewhereText('iclr2017', elsewhere);

  it('says which deck, with the command that studies it', () => {
    expect((at([{ deck: 'neurips', due: 12 }]))).toBe('iclr2017 is done for today; neurips has 12 due: npx paperdeck study neurips');
    expect((at([{ deck: 'neurips', due: 12 }, { deck: 'alpha', due: 3 }]))).toBe(
      'iclr2017 is done for today; 2 other decks have cards due (neurips 12, alpha 3): npx paperdeck study --all',
    );
  });

  it('says nothing when no other deck has cards due', () => {
    expect(at([])).toBeNull();
  });
});
