import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { CardStateKind, type Card, type Rating, type Settings } from '../../src/core/types.js';
import { localDayKey, nextLocalDayStart } from '../../src/schedule/days.js';
import { createStudyEngine, type StudyEngine } from '../../src/schedule/engine.js';
import { unsuspendCards } from '../../src/schedule/unsuspend.js';
import { FakeDeckState } from './fake-deck-state.js';
import { HOUR, local, makeCard, makeCards, MINUTE, settings } from './helpers.js';

function setup(count: number, overrides: Partial<Settings> = {}, start = local(2026, 4, 6, 9)) {
  const clock = new ManualClock(start);
  const deck = new FakeDeckState();
  const cards = makeCards(count);
  const config = settings(overrides);
  const open = (list: Card[] = cards) => createStudyEngine({ deck, cards: list, settings: config, clock });
  return { clock, deck, cards, config, engine: open(), open };
}

/** Answers whatever the engine shows until it shows nothing, a few seconds per card. */
function studyNow(engine: StudyEngine, clock: ManualClock, rate: (card: Card) => Rating = () => 3): string[] {
  const shown: string[] = [];
  for (let card = engine.view().card; card; card = engine.view().card) {
    shown.push(card.id);
    clock.advance(8_000);
    engine.answer(card.id, rate(card), 8_000);
    if (shown.length > 10_000) throw new Error('study loop does not end');
  }
  return shown;
}

/** A whole day's study: waits for learning cards that come due later in the same local day. */
function studyDay(engine: StudyEngine, clock: ManualClock, dayStartHour: number, rate?: (card: Card) => Rating): string[] {
  const end = nextLocalDayStart(clock.now(), dayStartHour);
  const shown = studyNow(engine, clock, rate);
  for (let next = engine.view().nextLearningDue; next !== null && next < end; next = engine.view().nextLearningDue) {
    clock.set(Math.max(clock.now(), next));
    shown.push(...studyNow(engine, clock, rate));
  }
  return shown;
}

describe('study engine: the queue', () => {
  it('shows new cards in note order, up to 20 a day', () => {
    const { engine, clock } = setup(30);
    expect(engine.view().counts).toEqual({ new: 20, learning: 0, review: 0, total: 20 });
    expect(engine.view().card?.id).toBe('c001');
    engine.answer('c001', 3, 5_000);
    // c001 is now in its 10-minute step: counted as learning, shown last (learn ahead).
    expect(engine.view().counts).toEqual({ new: 19, learning: 1, review: 0, total: 20 });
    expect(engine.view().card?.id).toBe('c002');
    const shown = studyNow(engine, clock);
    const firstSeen = [...new Set(['c001', ...shown])];
    expect(firstSeen).toEqual(makeCards(20).map((c) => c.id));
    expect(engine.view().counts).toEqual({ new: 0, learning: 0, review: 0, total: 0 });
    expect(engine.view().card).toBeNull();
  });

  it('counts the answers today still takes, learning steps included, and one fewer with every Good', () => {
    // Counted by cards, "20 to go" stood still while the first answers moved cards into learning.
    const { engine, clock } = setup(3);
    expect(engine.view().answersToGo).toBe(6); // three new cards, two steps each (1 min, 10 min)
    const togo: number[] = [];
    for (let card = engine.view().card; card; card = engine.view().card) {
      engine.answer(card.id, 3, 1_000);
      clock.advance(11 * MINUTE);
      togo.push(engine.view().answersToGo);
    }
    expect(togo).toEqual([5, 4, 3, 2, 1, 0]);
    // An Again puts its steps back: a review lapsing takes the relearning step's answer more.
    const again = setup(1);
    const id = again.engine.view().card!.id;
    again.engine.answer(id, 3, 1_000);
    expect(again.engine.view().answersToGo).toBe(1);
    again.engine.answer(id, 1, 1_000);
    expect(again.engine.view().answersToGo).toBe(2);
  });

  it('shows no new cards with a limit of 0', () => {
    const { engine } = setup(5, { newPerDay: 0 });
    expect(engine.view().counts).toEqual({ new: 0, learning: 0, review: 0, total: 0 });
    expect(engine.view().card).toBeNull();
    expect(engine.view().nextDue).toBeNull();
  });

  it('counts what was studied earlier today against the limits, also after a restart', () => {
    const { engine, clock, open } = setup(30, { newPerDay: 10 });
    for (const id of ['c001', 'c002', 'c003', 'c004']) {
      engine.answer(id, 4, 3_000);
      clock.advance(10_000);
    }
    expect(engine.view().counts.new).toBe(6);
    clock.advance(3 * HOUR);
    expect(open().view().counts).toEqual({ new: 6, learning: 0, review: 0, total: 6 });
    // The next morning the limit is whole again.
    clock.set(local(2026, 4, 7, 9));
    expect(open().view().counts.new).toBe(10);
  });

  it('caps reviews at the daily review limit, counting reviews already done today', () => {
    const { engine, clock, open } = setup(10, { reviewsPerDay: 3 });
    for (const card of makeCards(10)) engine.answer(card.id, 4, 1_000);
    clock.set(local(2026, 5, 30, 9));
    const later = open();
    expect(later.view().counts).toEqual({ new: 0, learning: 0, review: 3, total: 3 });
    const first = later.view().card!;
    later.answer(first.id, 3, 2_000);
    expect(later.view().counts.review).toBe(2);
    expect(open().view().counts.review).toBe(2);
  });

  it('starts the day at 4 a.m.: 03:59 is still yesterday', () => {
    const { engine, clock, open } = setup(40, { newPerDay: 20 });
    clock.set(local(2026, 4, 6, 22));
    studyDay(engine, clock, 4, () => 3);
    clock.set(local(2026, 4, 7, 3, 59));
    const night = open();
    expect(night.view().counts.new).toBe(0);
    expect(night.view().counts.review).toBe(0);
    clock.set(local(2026, 4, 7, 4, 0));
    const morning = open();
    expect(morning.view().counts.new).toBe(20);
  });

  it('shows a review on its due day only, most overdue first', () => {
    const { engine, clock, deck, open } = setup(3, { fuzz: false });
    engine.answer('c001', 4, 1_000); // Easy: straight to review, a few days out
    clock.advance(MINUTE);
    engine.answer('c002', 4, 1_000);
    clock.advance(MINUTE);
    engine.answer('c003', 4, 1_000);
    const due = deck.cardStates().get('c001')!.due;
    expect(deck.cardStates().get('c003')!.due).toBe(due);
    clock.set(due - 1);
    expect(open().view().counts.review).toBe(0);
    clock.set(due);
    expect(open().view().counts.review).toBe(3);
    // Two days later still due; c002 answered a day earlier than the others would come first.
    clock.set(due + 2 * 24 * HOUR);
    const e = open();
    e.answer('c002', 3, 1_000);
    const again = deck.cardStates().get('c002')!;
    expect(again.state).toBe(CardStateKind.Review);
    expect(again.due).toBeGreaterThan(clock.now());
    expect(e.view().counts.review).toBe(2);
  });

  it('simulates 90 days of study: limits hold, nothing is shown before it is due, intervals grow', () => {
    const { deck, clock, open } = setup(60, { newPerDay: 7, reviewsPerDay: 50 });
    const firstDay = clock.now();
    const introduced = new Set<string>();
    let reviewsShown = 0;
    for (let day = 0; day < 90; day++) {
      clock.set(local(2026, 4, 6 + day, 8 + (day % 5)));
      const engine = open();
      const states = new Map(deck.cardStates());
      const before = engine.view().counts;
      expect(before.new).toBe(Math.min(7, 60 - introduced.size));
      // Some cards are forgotten at their first showing every fourth day.
      const failedToday = new Set<string>();
      const shown = studyDay(engine, clock, 4, (card) => {
        if (!card.id.endsWith('3') || day % 4 !== 0 || failedToday.has(card.id)) return 3;
        failedToday.add(card.id);
        return 1;
      });
      const fresh = new Set(shown.filter((id) => !introduced.has(id) && (states.get(id)?.state ?? 0) === CardStateKind.New));
      expect(fresh.size).toBe(before.new);
      for (const id of fresh) introduced.add(id);
      for (const id of new Set(shown)) {
        const state = states.get(id);
        if (state?.state === CardStateKind.Review) {
          reviewsShown += 1;
          expect(state.due).toBeLessThan(nextLocalDayStart(clock.now(), 4));
        }
      }
      expect(engine.view().counts).toEqual({ new: 0, learning: 0, review: 0, total: 0 });
    }
    expect(introduced.size).toBe(60);
    expect(reviewsShown).toBeGreaterThan(60);
    const goodOnly = deck.cardStates().get('c001')!;
    expect(goodOnly.scheduledDays).toBeGreaterThan(20);
    expect(localDayKey(firstDay, 4)).toBe('2026-04-06');
  });
});

describe('study engine: custom study', () => {
  it('shows N more new cards today with extraNew, and answers them as usual', () => {
    const { deck, cards, config, clock } = setup(30, { newPerDay: 5 });
    const engine = createStudyEngine({ deck, cards, settings: config, clock, custom: { extraNew: 3 } });
    expect(engine.view().counts.new).toBe(8);
    const plain = createStudyEngine({ deck, cards, settings: config, clock });
    expect(plain.view().counts.new).toBe(5);
  });

  it('studies ahead: reviews due in the next days are shown now and logged at the real time', () => {
    const { engine, clock, deck, cards, config } = setup(2, { fuzz: false });
    engine.answer('c001', 4, 1_000);
    engine.answer('c002', 4, 1_000);
    const due = deck.cardStates().get('c001')!.due;
    const days = Math.ceil((due - clock.now()) / (24 * HOUR));
    expect(createStudyEngine({ deck, cards, settings: config, clock }).view().counts.review).toBe(0);
    const ahead = createStudyEngine({ deck, cards, settings: config, clock, custom: { aheadDays: days } });
    expect(ahead.view().counts.review).toBe(2);
    clock.advance(HOUR);
    const shown = ahead.view().card!;
    ahead.answer(shown.id, 3, 1_000);
    const entry = deck.readLog().at(-1)!;
    expect(entry.at).toBe(clock.now());
    expect(entry.kind === 'review' && entry.after.due).toBeGreaterThan(clock.now());
    expect(ahead.view().counts.review).toBe(1);
  });
});

describe('study engine: answers, previews and undo', () => {
  it('answers with exactly the interval the preview showed', () => {
    const { engine, clock, deck } = setup(3);
    const previews = engine.previews('c001');
    expect(previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
    expect(previews.slice(0, 3).map((p) => p.label)).toEqual(['1 min', '6 min', '10 min']);
    engine.answer('c001', 3, 4_000);
    expect(deck.cardStates().get('c001')!.due).toBe(previews[2]!.due);
    const entry = deck.readLog().at(-1)!;
    expect(entry).toMatchObject({ kind: 'review', card: 'c001', rating: 3, ms: 4_000, before: null, at: clock.now() });
  });

  it('undoes answers one by one, restoring each card exactly, back to the start of the session', () => {
    const { engine, clock, deck } = setup(5);
    const snapshots: unknown[] = [];
    for (const id of ['c001', 'c002', 'c001', 'c003']) {
      snapshots.push(structuredClone(deck.cardStates().get(id) ?? null));
      engine.answer(id, 3, 1_000);
      clock.advance(30_000);
    }
    expect(engine.undo()?.id).toBe('c003');
    expect(deck.cardStates().get('c003')!.state).toBe(CardStateKind.New);
    expect(engine.view().card?.id).toBe('c003');
    expect(engine.undo()?.id).toBe('c001');
    expect(deck.cardStates().get('c001')).toEqual(snapshots[2]);
    expect(engine.view().card?.id).toBe('c001');
    expect(engine.undo()?.id).toBe('c002');
    expect(engine.undo()?.id).toBe('c001');
    expect(engine.undo()).toBeNull();
    expect(engine.view().counts.new).toBe(5);
    expect(deck.readLog().filter((e) => e.kind === 'undo').map((e) => (e.kind === 'undo' ? e.undoes : 0))).toEqual([4, 3, 2, 1]);
  });

  it("never undoes what an earlier session did, not even earlier the same day", () => {
    const { engine, clock, deck, open } = setup(3);
    engine.answer('c001', 3, 1_000);
    engine.suspend('c002');
    const earlier = structuredClone([...deck.cardStates()]);
    clock.advance(HOUR);
    const later = open();
    expect(later.undo()).toBeNull();
    // Its own answers it takes back, then stops where it started.
    later.answer('c003', 4, 1_000);
    expect(later.undo()?.id).toBe('c003');
    expect(later.undo()).toBeNull();
    expect([...deck.cardStates()].filter(([id]) => id !== 'c003')).toEqual(earlier);
    expect(deck.cardStates().get('c002')!.suspended).toBe(true);
    expect(deck.readLog().map((e) => e.kind)).toEqual(['review', 'suspend', 'review', 'undo']);
  });

  it("keeps a leech suspended when a session on a later day presses undo first", () => {
    const { engine, clock, deck, open } = setup(2, { leechThreshold: 1, relearningSteps: [] });
    engine.answer('c001', 4, 1_000);
    clock.set(deck.cardStates().get('c001')!.due + HOUR);
    open().answer('c001', 1, 1_000);
    expect(deck.cardStates().get('c001')).toMatchObject({ leech: true, suspended: true });
    clock.advance(4 * 24 * HOUR);
    const nextSession = open();
    expect(nextSession.undo()).toBeNull();
    expect(deck.cardStates().get('c001')).toMatchObject({ leech: true, suspended: true });
    expect(deck.readLog().some((e) => e.kind === 'undo')).toBe(false);
  });

  it('restores a late review card to its original due date (unlike ts-fsrs rollback)', () => {
    const { engine, clock, deck, open } = setup(1);
    engine.answer('c001', 4, 1_000);
    const original = structuredClone(deck.cardStates().get('c001')!);
    clock.set(original.due + 11 * 24 * HOUR + 5 * HOUR);
    const late = open();
    expect(late.view().counts.review).toBe(1);
    late.answer('c001', 3, 1_000);
    expect(deck.cardStates().get('c001')!.due).not.toBe(original.due);
    expect(late.undo()?.id).toBe('c001');
    expect(deck.cardStates().get('c001')).toEqual(original);
    expect(late.view().counts.review).toBe(1);
  });

  it('buries a card until the next local day, and undo brings it back', () => {
    const { engine, clock, deck, open } = setup(3);
    engine.bury('c001');
    expect(deck.cardStates().get('c001')!.buriedUntil).toBe(local(2026, 4, 7, 4));
    expect(engine.view().card?.id).toBe('c002');
    expect(engine.view().counts.new).toBe(2);
    expect(engine.undo()?.id).toBe('c001');
    expect(engine.view().counts.new).toBe(3);
    engine.bury('c001');
    clock.set(local(2026, 4, 7, 3, 59));
    expect(open().view().card?.id).toBe('c002');
    clock.set(local(2026, 4, 7, 4));
    expect(open().view().card?.id).toBe('c001');
  });

  it('suspends a card until it is unsuspended; an unsuspend is not undone by a later undo', () => {
    const { engine, clock, deck, open } = setup(2);
    engine.suspend('c001');
    expect(engine.view().counts.new).toBe(1);
    clock.advance(30 * 24 * HOUR);
    const later = open();
    expect(later.view().counts.new).toBe(1);
    expect(later.view().card?.id).toBe('c002');
    // `paperdeck unsuspend`, between sessions (it needs the state's lock, as a session does).
    unsuspendCards(deck, ['c001'], clock.now());
    const next = open();
    expect(next.view().card?.id).toBe('c001');
    expect(next.undo()).toBeNull();
    expect(next.view().counts.new).toBe(2);
  });

  it('flags a leech at the 8th lapse, suspends it and takes it out of the queue', () => {
    const { engine, clock, deck, open } = setup(2, { newPerDay: 1 });
    engine.answer('c001', 4, 1_000);
    for (let lapse = 1; lapse <= 8; lapse++) {
      clock.set(deck.cardStates().get('c001')!.due + HOUR);
      const e = open();
      expect(e.view().card?.id).toBe('c001');
      e.answer('c001', 1, 1_000);
      const state = deck.cardStates().get('c001')!;
      expect(state.leech).toBe(lapse === 8);
      if (lapse < 8) {
        clock.set(state.due);
        e.answer('c001', 3, 1_000);
      } else {
        expect(state.suspended).toBe(true);
        expect(e.view().counts.learning).toBe(0);
        expect(e.view().card?.id).toBe('c002');
        // Undo takes the leech back too.
        expect(e.undo()?.id).toBe('c001');
        expect(deck.cardStates().get('c001')!.leech).toBe(false);
      }
    }
  });

  it('keeps retired cards out of the queue with their state and history, and keeps renamed cards on schedule', () => {
    const { engine, clock, deck, cards, open } = setup(3);
    for (const card of cards) engine.answer(card.id, 4, 1_000);
    const retiredState = structuredClone(deck.cardStates().get('c002')!);
    clock.set(retiredState.due + HOUR);
    const renamed = { ...makeCard('c003', 'A New Title For The Same Paper') };
    const e = open([cards[0]!, renamed]);
    expect(e.view().counts.review).toBe(2);
    const seen = [e.view().card!];
    e.answer(seen[0]!.id, 3, 1_000);
    seen.push(e.view().card!);
    expect(seen.map((c) => c.id).sort()).toEqual(['c001', 'c003']);
    expect(seen.find((c) => c.id === 'c003')!.title).toBe('A New Title For The Same Paper');
    expect(deck.cardStates().get('c002')).toEqual(retiredState);
    expect(deck.readLog().some((entry) => entry.card === 'c002')).toBe(true);
    // The paper comes back: so does its schedule.
    e.replaceCards(cards);
    expect(e.view().counts.review).toBe(2);
  });

  it('answers, buries and suspends only the cards the deck has since its notes were last rebuilt', () => {
    const { engine, cards, deck } = setup(3);
    engine.answer('c001', 3, 1_000);
    engine.replaceCards([cards[1]!, cards[2]!]); // c001's paper deleted from the notes
    expect(() => engine.answer('c001', 3, 1_000)).toThrow(/no card c001/);
    expect(() => engine.bury('c001')).toThrow(/no card c001/);
    expect(deck.readLog()).toHaveLength(1);
    engine.replaceCards(cards); // and written back
    engine.suspend('c001');
    expect(deck.cardStates().get('c001')!.suspended).toBe(true);
    expect(engine.view().counts.total).toBe(2);
  });
});

describe('study engine: timing and summary', () => {
  it('says when the next learning card and the next work come due', () => {
    const { engine, clock } = setup(1, { learningSteps: ['30m', '2h'] });
    expect(engine.view().nextLearningDue).toBeNull();
    engine.answer('c001', 3, 1_000); // -> the 2h step
    expect(engine.view().card).toBeNull();
    expect(engine.view().nextLearningDue).toBe(clock.now() + 2 * HOUR);
    expect(engine.view().nextDue).toBe(clock.now() + 2 * HOUR);
    clock.advance(2 * HOUR);
    expect(engine.view().card?.id).toBe('c001');
    engine.answer('c001', 3, 1_000);
    const state = engine.previews('c001');
    expect(state).toHaveLength(4);
    expect(engine.view().nextLearningDue).toBeNull();
    expect(engine.view().nextDue).toBeGreaterThanOrEqual(local(2026, 4, 7, 4));
  });

  it("says tomorrow when today's new-card limit holds more back", () => {
    const { engine, clock } = setup(3, { newPerDay: 1, learningSteps: [] });
    engine.answer(engine.view().card!.id, 3, 1_000);
    expect(engine.view().card).toBeNull();
    expect(engine.view().nextDue).toBe(nextLocalDayStart(clock.now(), 4));
  });

  it("starts a new day's limits and summary in a session left open past the day's start, with no answer between", () => {
    const { engine, clock } = setup(30, { newPerDay: 5, learningSteps: [] });
    clock.set(local(2026, 4, 7, 3, 50));
    for (let i = 0; i < 5; i++) engine.answer(engine.view().card!.id, 3, 2_000);
    expect(engine.view().counts.new).toBe(0);
    expect(engine.summary()).toMatchObject({ reviewed: 5, ms: 10_000 });
    clock.set(local(2026, 4, 7, 4));
    expect(engine.view().counts.new).toBe(5);
    expect(engine.summary()).toEqual({ reviewed: 0, again: 0, ms: 0, retention: null });
    engine.answer(engine.view().card!.id, 3, 2_000);
    expect(engine.view().counts.new).toBe(4);
    expect(engine.summary()).toMatchObject({ reviewed: 1 });
  });

  it("sums up today's work: reviews, agains, time and the pass rate of first reviews", () => {
    const { engine, clock, deck, open } = setup(4, { fuzz: false });
    expect(engine.summary()).toEqual({ reviewed: 0, again: 0, ms: 0, retention: null });
    for (const card of makeCards(4)) engine.answer(card.id, 4, 2_000);
    expect(engine.summary()).toEqual({ reviewed: 4, again: 0, ms: 8_000, retention: null });
    clock.set(deck.cardStates().get('c001')!.due + HOUR);
    const e = open();
    e.answer('c001', 1, 5_000);
    e.answer('c002', 3, 4_000);
    e.answer('c003', 3, 3_000);
    e.answer('c004', 2, 2_000);
    clock.advance(10 * MINUTE);
    e.answer('c001', 3, 1_000); // a relearning step: not a first review of the day
    e.answer('c002', 3, 1_000);
    e.undo();
    expect(e.summary()).toEqual({ reviewed: 5, again: 1, ms: 15_000, retention: 3 / 4 });
  });
});
