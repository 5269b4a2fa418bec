// Scheduling in local days, run by one test file per time zone (each file sets process.env.TZ
// before anything else; Node applies a TZ change at once). The times given are local wall-clock
// times in that zone, chosen so that local days and UTC days disagree.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { CardStateKind, type Rating } from '../../src/core/types.js';
import { localDayKey, localDayStart } from '../../src/schedule/days.js';
import { createStudyEngine } from '../../src/schedule/engine.js';
import { newCardState, Scheduler, toFsrsTime } from '../../src/schedule/scheduler.js';
import { FakeDeckState } from './fake-deck-state.js';
import { HOUR, local, makeCards, MINUTE, settings } from './helpers.js';

type Wall = [year: number, month: number, day: number, hour: number, minute?: number];
const at = (w: Wall) => local(w[0], w[1], w[2], w[3], w[4] ?? 0);

export interface ZoneCase {
  zone: string;
  /** Minutes east of UTC on 2026-01-15 (to check the zone is in effect). */
  januaryOffsetMinutes: number;
  /** Two times in one local day that fall on different UTC days. */
  sameLocalDay: [Wall, Wall];
  /** Two times in consecutive local days that fall on the same UTC day. */
  nextLocalDay: [Wall, Wall];
}

/** Takes a card to review state with a short interval, last reviewed at `when`. */
function reviewCardAt(scheduler: Scheduler, id: string, when: number) {
  const learned = scheduler.answer(id, newCardState(), 3, when - 10 * MINUTE);
  return scheduler.answer(id, learned, 3, when);
}

export function describeLocalDays(zoneCase: ZoneCase): void {
  const { zone } = zoneCase;
  describe(`local days in ${zone}`, () => {
    it('runs in the intended time zone', () => {
      expect(process.env.TZ).toBe(zone);
      expect(-new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(zoneCase.januaryOffsetMinutes);
    });

    it('hands ts-fsrs one UTC day per local day', () => {
      const [a, b] = zoneCase.sameLocalDay.map(at) as [number, number];
      expect(new Date(a).getUTCDate()).not.toBe(new Date(b).getUTCDate());
      expect(localDayKey(a, 4)).toBe(localDayKey(b, 4));
      expect(new Date(toFsrsTime(a, 4)).toISOString().slice(0, 10)).toBe(localDayKey(a, 4));
      expect(new Date(toFsrsTime(b, 4)).toISOString().slice(0, 10)).toBe(localDayKey(b, 4));
    });

    it('counts elapsed days in local days, not UTC days', () => {
      const scheduler = new Scheduler(settings({ fuzz: false }));
      const [a1, b1] = zoneCase.sameLocalDay.map(at) as [number, number];
      const sameDay = scheduler.answer('s', reviewCardAt(scheduler, 's', a1), 3, b1);
      expect(sameDay.elapsedDays).toBe(0);

      const [a2, b2] = zoneCase.nextLocalDay.map(at) as [number, number];
      expect(new Date(a2).toISOString().slice(0, 10)).toBe(new Date(b2).toISOString().slice(0, 10));
      const nextDay = scheduler.answer('n', reviewCardAt(scheduler, 'n', a2), 3, b2);
      expect(nextDay.elapsedDays).toBe(1);
    });

    it('makes reviews due at 4 a.m. local time and shows them from then on', () => {
      const clock = new ManualClock(at([2026, 1, 10, 21, 30]));
      const deck = new FakeDeckState();
      const cards = makeCards(1);
      const config = settings({ fuzz: false });
      createStudyEngine({ deck, cards, settings: config, clock }).answer('c001', 4, 1_000);
      const state = deck.cardStates().get('c001')!;
      expect(state.state).toBe(CardStateKind.Review);
      const due = new Date(state.due);
      expect([due.getHours(), due.getMinutes()]).toEqual([4, 0]);
      expect(localDayKey(state.due, 4)).toBe(`2026-01-${String(10 + state.scheduledDays).padStart(2, '0')}`);
      clock.set(state.due - MINUTE);
      expect(createStudyEngine({ deck, cards, settings: config, clock }).view().counts.review).toBe(0);
      clock.set(state.due);
      expect(createStudyEngine({ deck, cards, settings: config, clock }).view().counts.review).toBe(1);
    });

    it('keeps the daily new-card limit per local day over three simulated weeks', () => {
      const clock = new ManualClock(at([2026, 2, 20, 9]));
      const deck = new FakeDeckState();
      const cards = makeCards(80);
      const config = settings({ newPerDay: 5 });
      const hours = [9, 23, 3, 13, 0, 18, 5];
      for (let day = 0; day < 21; day++) {
        // Study at odd hours too: 03:00 and 00:00 belong to the local day before.
        clock.set(local(2026, 2, 20 + day, hours[day % hours.length]!, 30));
        const engine = createStudyEngine({ deck, cards, settings: config, clock });
        const seen = new Set<string>();
        for (let card = engine.view().card; card; card = engine.view().card) {
          clock.advance(20_000);
          engine.answer(card.id, (seen.has(card.id) ? 3 : ((day + card.id.length) % 4) + 1) as Rating, 20_000);
          seen.add(card.id);
        }
      }
      const introducedPerDay = new Map<string, number>();
      const undone = new Set(deck.readLog().flatMap((e) => (e.kind === 'undo' ? [e.undoes] : [])));
      for (const entry of deck.readLog()) {
        if (entry.kind !== 'review' || undone.has(entry.seq) || entry.before !== null) continue;
        const key = localDayKey(entry.at, 4);
        introducedPerDay.set(key, (introducedPerDay.get(key) ?? 0) + 1);
      }
      for (const count of introducedPerDay.values()) expect(count).toBeLessThanOrEqual(5);
      expect([...introducedPerDay.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(60);
      for (const state of deck.cardStates().values()) {
        if (state.state !== CardStateKind.Review) continue;
        expect(state.due).toBe(localDayStart(state.due, 4));
        expect(new Date(state.due).getHours()).toBe(4);
      }
    });
  });
}

/** Daylight-saving changes of America/Los_Angeles in 2026: 8 March (23-hour day) and 1 November (25-hour day). */
export function describeLosAngelesDst(): void {
  describe('across the daylight-saving changes of 2026 in Los Angeles', () => {
    const scheduler = new Scheduler(settings({ fuzz: false }));

    it('makes a review answered the day before the clocks spring forward due at 4 a.m. local time', () => {
      const start = local(2026, 3, 7, 10);
      const state = scheduler.answer('d', { ...reviewCardAt(scheduler, 'd', start - HOUR), due: start }, 3, start);
      const days = state.scheduledDays;
      expect(state.due).toBe(local(2026, 3, 7 + days, 4));
      expect(new Date(state.due).getHours()).toBe(4);
      expect(localDayKey(state.due, 4)).toBe(`2026-03-${String(7 + days).padStart(2, '0')}`);
      // The local day that began on 7 March lasts 23 hours.
      expect(local(2026, 3, 8, 4) - local(2026, 3, 7, 4)).toBe(23 * HOUR);
      expect(localDayKey(local(2026, 3, 8, 3, 30), 4)).toBe('2026-03-07');
    });

    it('keeps a learning step 10 real minutes long across the missing hour', () => {
      const before = local(2026, 3, 8, 1, 55);
      const step = scheduler.answer('m', newCardState(), 3, before);
      expect(step.due - before).toBe(10 * MINUTE);
      expect(new Date(step.due).getHours()).toBe(3);
    });

    it('treats the repeated hour of 1 November as part of the local day that began on 31 October', () => {
      const dayStart = local(2026, 10, 31, 4);
      const nextDayStart = local(2026, 11, 1, 4);
      expect(nextDayStart - dayStart).toBe(25 * HOUR);
      const lastHour = nextDayStart - 30 * MINUTE;
      expect(localDayKey(lastHour, 4)).toBe('2026-10-31');
      expect(new Date(toFsrsTime(lastHour, 4)).toISOString().slice(0, 10)).toBe('2026-10-31');
      // Reviewed at the start of that long day and again in its last half hour: same day.
      const card = reviewCardAt(scheduler, 'f', dayStart + 30 * MINUTE);
      const again = scheduler.answer('f', card, 3, lastHour);
      expect(again.elapsedDays).toBe(0);
      expect(again.due).toBe(local(2026, 10, 31 + again.scheduledDays, 4));
    });

    it('shows a review due on 1 November at 4 a.m. standard time, not an hour early or late', () => {
      const clock = new ManualClock(local(2026, 10, 30, 12));
      const deck = new FakeDeckState();
      const cards = makeCards(1);
      const config = settings({ fuzz: false, learningSteps: [], relearningSteps: [] });
      const engine = createStudyEngine({ deck, cards, settings: config, clock });
      engine.answer('c001', 1, 1_000); // no steps: a 1-day review
      const state = deck.cardStates().get('c001')!;
      expect(state.scheduledDays).toBe(1);
      expect(state.due).toBe(local(2026, 10, 31, 4));
      clock.set(local(2026, 10, 31, 4));
      const next = createStudyEngine({ deck, cards, settings: config, clock });
      next.answer('c001', 1, 1_000);
      const after = deck.cardStates().get('c001')!;
      expect(after.due).toBe(local(2026, 11, 1, 4));
      clock.set(after.due - MINUTE);
      expect(createStudyEngine({ deck, cards, settings: config, clock }).view().counts.review).toBe(0);
      clock.set(after.due);
      expect(createStudyEngine({ deck, cards, settings: config, clock }).view().counts.review).toBe(1);
    });
  });
}
