// Scheduling in Pacific/Chatham (UTC+12:45, +13:45 in summer), whose clocks spring forward from
// 02:45 to 03:45: with a day start of 3:00, the day's start hour does not exist on that day.
process.env.TZ = 'Pacific/Chatham';

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { localDayKey, localDayOf, localDayStart, nextLocalDayStart } from '../../src/schedule/days.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { studiedTodayIn } from '../../src/schedule/queue.js';
import { FakeDeckState } from './fake-deck-state.js';
import { HOUR, local, makeCards, MINUTE, settings } from './helpers.js';

describe('local days in Pacific/Chatham on the day its clocks spring forward', () => {
  // 27 September 2026: 02:45 CHAST (13:00 UTC) becomes 03:45 CHADT.
  const springForward = Date.UTC(2026, 8, 26, 14, 0);
  const tenToFour = springForward + 5 * MINUTE; // 03:50 CHADT

  it('runs in the intended zone, and 03:00 does not exist that day', () => {
    expect(process.env.TZ).toBe('Pacific/Chatham');
    expect(new Date(tenToFour).getHours()).toBe(3);
    expect(new Date(tenToFour).getMinutes()).toBe(50);
    expect(local(2026, 9, 27, 3)).toBe(springForward + HOUR / 4); // 03:00 taken as 04:00
  });

  it('puts 03:50 in exactly one local day: the one that began the day before', () => {
    const day = localDayOf(tenToFour, 3);
    expect(day.start).toBeLessThanOrEqual(tenToFour);
    expect(day.end).toBeGreaterThan(tenToFour);
    expect(localDayStart(tenToFour, 3)).toBe(day.start);
    expect(nextLocalDayStart(tenToFour, 3)).toBe(day.end);
    expect(localDayKey(tenToFour, 3)).toBe('2026-09-26');
    expect(localDayKey(day.end, 3)).toBe('2026-09-27');
  });

  it('counts answers at 03:50 in today, and keeps the new-card limit', () => {
    const clock = new ManualClock(tenToFour);
    const deck = new FakeDeckState();
    const cards = makeCards(10);
    const config = settings({ dayStartHour: 3, newPerDay: 3 });
    const engine = createStudyEngine({ deck, cards, settings: config, clock });
    let introduced = 0;
    for (let card = engine.view().card; card; card = engine.view().card) {
      if (deck.cardStates().get(card.id) === undefined) introduced += 1;
      engine.answer(card.id, 4, 1_000); // Easy: out of the day's queue at once
      clock.advance(MINUTE);
    }
    expect(introduced).toBe(3);
    expect(engine.summary().reviewed).toBe(3);
    expect(studiedTodayIn(deck.readLog(), clock.now(), 3).studied.newCards).toBe(3);
    // Still 03:5x: a fresh engine (a new session) sees the limit reached too.
    expect(createStudyEngine({ deck, cards, settings: config, clock }).view().counts.new).toBe(0);
  });
});
