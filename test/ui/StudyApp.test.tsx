// The study screen on the real study engine (FSRS, Anki's queue and limits) over an in-memory
// deck state, driven by keys as a user types them.
import chalk from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { displayWidth } from '../../src/core/text.js';
import type { Card, Settings } from '../../src/core/types.js';
import { createStudyEngine, type StudyEngine } from '../../src/schedule/engine.js';
import { createSessionRunner } from '../../src/session/runner.js';
import { StudyApp } from '../../src/ui/StudyApp.js';
import { FakeDeckState } from '../schedule/fake-deck-state.js';
import { HandTimers } from '../session/hand-timers.js';
import { DAY, HOUR, MINUTE, settings } from '../schedule/helpers.js';
import { renderInAct, stripAnsi } from './render.js';

const T0 = new Date(2027, 2, 1, 10, 0).getTime();

function makeCard(n: number, overrides: Partial<Card> = {}): Card {
  return {
    id: `card-${n}`,
    title: `Paper number ${n}`,
    question: `Paper number ${n}`,
    answer: `The key idea of paper ${n}.`,
    source: { file: 'notes.txt', line: 10 * n, session: 'Monday morning', code: `C${n}` },
    bodyHash: `hash-${n}`,
    ...overrides,
  };
}

interface SessionOptions {
  notice?: string;
  settings?: Partial<Settings>;
  /** What earlier sessions did to the deck, through the engine, at the time they set on their clock. */
  history?: (engine: StudyEngine, clock: ManualClock, deck: FakeDeckState) => void;
}

/** A study session on deck iclr2017 at T0 (Monday 1 March 2027, 10:00 local time). */
function session(cards = [makeCard(1), makeCard(2)], options: SessionOptions = {}) {
  const deck = new FakeDeckState('iclr2017');
  const config = settings(options.settings);
  if (options.history) {
    const before = new ManualClock(T0);
    options.history(createStudyEngine({ deck, cards, settings: config, clock: before }), before, deck);
  }
  const clock = new ManualClock(T0);
  const engine = createStudyEngine({ deck, cards, settings: config, clock });
  const timers = new HandTimers();
  const runner = createSessionRunner({ deck: 'iclr2017', engine, clock, timers, notice: options.notice ?? null });
  return { clock, deck, timers, runner };
}

/** The ratings in the deck's log, as [card, rating]. */
function ratings(deck: FakeDeckState): [string, number][] {
  return deck.readLog().flatMap((entry) => (entry.kind === 'review' ? [[entry.card, entry.rating] as [string, number]] : []));
}

/** An earlier session: card-1, new, answered Easy `daysAgo` days before T0, so it is a review card now. */
const graduatedDaysAgo = (daysAgo: number) => (engine: StudyEngine, clock: ManualClock) => {
  clock.set(T0 - daysAgo * DAY);
  engine.answer('card-1', 4, 5_000);
};

/** Earlier sessions: card-1 graduated 200 days before T0, then forgotten seven times, each time it came due. */
function forgottenSevenTimes(engine: StudyEngine, clock: ManualClock, deck: FakeDeckState): void {
  const due = () => deck.cardStates().get('card-1')!.due;
  clock.set(T0 - 200 * DAY);
  engine.answer('card-1', 4, 5_000);
  for (let lapse = 0; lapse < 7; lapse++) {
    clock.set(due());
    engine.answer('card-1', 1, 5_000);
    clock.set(due()); // its relearning step
    engine.answer('card-1', 3, 5_000);
  }
  if (due() > T0) throw new Error('the history runs past T0');
}

let savedLevel: typeof chalk.level;
beforeEach(() => {
  savedLevel = chalk.level;
});
afterEach(() => {
  chalk.level = savedLevel;
});

describe('the study screen', () => {
  it('shows the deck, the labelled counts, the progress, the question and its source', () => {
    const { runner } = session(undefined, { notice: 'notes changed: 2 added, 1 updated' });
    const screen = renderInAct(<StudyApp runner={runner} color={false} />, { columns: 80 });
    const frame = screen.frame();
    expect(frame).toContain('iclr2017');
    expect(frame).toContain('2 new · 0 learning · 0 review');
    expect(frame).toMatch(/░+ 0 answers, about 4 to go/);
    expect(frame).toContain('Paper number 1');
    expect(frame).toContain('Monday morning · C1 · notes.txt:10');
    expect(frame).toContain('notes changed: 2 added, 1 updated');
    expect(frame).toContain('Space show answer · u undo · b bury · s suspend · e edit · ? help · q quit');
    expect(frame).not.toContain('The key idea of paper 1');
  });

  it('shows the answer with each grade’s interval, then rates with a digit', () => {
    const { runner, deck } = session();
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' ');
    expect(screen.frame()).toContain('The key idea of paper 1.');
    expect(screen.frame()).toContain('1 Again 1 min · 2 Hard 6 min · 3 Good 10 min · 4 Easy 9 d');
    screen.press('3');
    expect(ratings(deck)).toEqual([['card-1', 3]]);
    expect(screen.frame()).toContain('Paper number 2');
    expect(screen.frame()).not.toContain('The key idea of paper 2');
    // Good took card 1 to its 10-minute step: still to come today, as a learning card.
    expect(screen.frame()).toContain('1 new · 1 learning · 0 review');
    // The bar moves although no card is done: 1 answer of about 4 (each new card two steps).
    expect(screen.frame()).toMatch(/█+░+ 1 answer, about 3 to go/);
  });

  it('takes keys typed faster than the screen draws, each on the right card', () => {
    const { runner, deck } = session([makeCard(1), makeCard(2), makeCard(3)]);
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' 3 4\r2');
    expect(ratings(deck)).toEqual([
      ['card-1', 3],
      ['card-2', 4],
      ['card-3', 2],
    ]);
    // Card 2 graduated; Hard left card 3 six minutes off and Good card 1 ten: with nothing
    // else left, the one due first is shown at once.
    expect(screen.frame()).toContain('0 new · 2 learning · 0 review');
    expect(screen.frame()).toContain('Paper number 3');
  });

  it('undoes with u, back to the card whose rating was taken back', () => {
    const { runner, deck } = session();
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' 3');
    screen.press('u');
    expect(screen.frame()).toContain('Paper number 1');
    expect(screen.frame()).toContain('Undone: Paper number 1');
    expect(screen.frame()).toContain('2 new · 0 learning · 0 review');
    expect(deck.readLog().map((entry) => [entry.kind, entry.card])).toEqual([
      ['review', 'card-1'],
      ['undo', 'card-1'],
    ]);
  });

  it('opens the help and goes back with any key', () => {
    const { runner, deck } = session();
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' ?');
    expect(screen.frame()).toContain('undo the last rating');
    expect(screen.frame()).toContain('any key back to the session');
    screen.press('4');
    expect(deck.readLog()).toEqual([]);
    expect(screen.frame()).toContain('1 Again 1 min');
  });

  it('ends with what was done and when the next cards come', () => {
    // Card 1 graduated nine days ago and is due today; card 2 was buried until tomorrow.
    const { runner, clock } = session([makeCard(1), makeCard(2)], {
      history: (engine, before) => {
        graduatedDaysAgo(9)(engine, before);
        before.set(T0 - HOUR);
        engine.bury('card-2');
      },
    });
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    expect(screen.frame()).toContain('0 new · 0 learning · 1 review');
    clock.advance(12_000);
    screen.press(' 3');
    const frame = screen.frame();
    expect(frame).toContain('Done for now: nothing more is due.');
    expect(frame).toMatch(/This session\s+1 answer · 1 card\n/);
    // Retention counts the day's first answer to each card that was in review: card 1 passed.
    expect(frame).toMatch(/Today\s+1 review · 0 again · 12 s · retention 100\.0%/);
    expect(frame).toMatch(/Next due\s+tomorrow at 04:00/);
  });

  it('counts answers and cards apart: a card in learning is answered more than once', () => {
    const { runner, clock } = session([makeCard(1), makeCard(2)]);
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' 1 4');
    // Card 1 is back in a minute; nothing else is left, so it is shown now.
    expect(screen.frame()).toContain('Paper number 1');
    expect(screen.frame()).toContain('0 new · 1 learning · 0 review');
    clock.advance(MINUTE);
    screen.press(' 4');
    expect(screen.frame()).toContain('Done for now: nothing more is due.');
    expect(screen.frame()).toMatch(/███ 3 answers, none to go/);
    expect(screen.frame()).toMatch(/This session\s+3 answers · 2 cards\n/);
  });

  it('says so when an answer makes a card a leech, and where to find it again', () => {
    // Card 1 has lapsed seven times before; the eighth makes it a leech (Anki's threshold).
    const { runner, deck } = session(undefined, { history: forgottenSevenTimes });
    const screen = renderInAct(<StudyApp runner={runner} color={false} />, { columns: 100 });
    expect(screen.frame()).toContain('1 new · 0 learning · 1 review');
    screen.press(' 1');
    expect(deck.cardStates().get('card-1')).toMatchObject({ lapses: 8, suspended: true, leech: true });
    expect(screen.frame()).toContain('Paper number 1 is a leech (8 lapses): suspended; see npx paperdeck cards / npx paperdeck unsuspend');
    expect(screen.frame()).toContain('Paper number 2');
    // The next answer's screen has no notice.
    screen.press(' 3');
    expect(screen.frame()).not.toContain('leech');
  });

  it('tells in the help how a suspended card comes back', () => {
    const screen = renderInAct(<StudyApp runner={session().runner} color={false} />);
    screen.press('?');
    expect(screen.frame()).toContain('suspend: put the card away until `npx paperdeck unsuspend`');
  });

  it('clears the screen once on each resize, and never on a key', () => {
    const { runner } = session([makeCard(1), makeCard(2), makeCard(3)]);
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' 3 ?x');
    expect(screen.clears()).toBe(0);
    screen.resize(50);
    expect(screen.clears()).toBe(1);
    expect(screen.frame()).toContain('Paper number 2');
    screen.press(' 3');
    expect(screen.clears()).toBe(1);
    screen.resize(50, 15);
    expect(screen.clears()).toBe(2);
  });

  it('keeps the header on top of a 40×15 terminal, cutting the card instead, with the grades and the help key in view', () => {
    const long = makeCard(1, {
      title: 'Towards Principled Methods for Training Generative Adversarial Networks',
      question: 'Towards Principled Methods for Training Generative Adversarial Networks',
      answer: 'The paper analyses why GAN training is unstable: the supports of the real and generated distributions are nearly disjoint, so the discriminator saturates and its gradients vanish.',
    });
    const { runner } = session([long, makeCard(2)], { notice: 'deck built: 43 cards, 11 notes skipped (see paperdeck generate for why)' });
    const screen = renderInAct(<StudyApp runner={runner} color={false} />, { columns: 40, rows: 15 });
    screen.press(' ');
    const lines = screen.frame().split('\n');
    expect(lines.length).toBeLessThan(15);
    expect(lines[0]).toMatch(/^iclr2017 +2 new · 0 learning · 0 review$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(screen.frame()).toContain('Towards Principled');
    expect(screen.frame()).toContain('The paper analyses');
    expect(screen.frame()).toContain('3 Good 10 min');
    expect(screen.frame()).toContain('4 Easy 9 d');
    expect(lines.at(-1)).toContain('? help');

    // The help is cut too, never the header.
    screen.press('?');
    const help = screen.frame().split('\n');
    expect(help.length).toBeLessThan(15);
    expect(help[0]).toMatch(/^iclr2017 /);
  });

  it('says when to come back when nothing is due', () => {
    // One new card a day, and today's was studied an hour ago (Easy: it graduated).
    const { runner } = session([makeCard(1), makeCard(2)], { settings: { newPerDay: 1 }, history: graduatedDaysAgo(1 / 24) });
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    expect(screen.frame()).toContain('Nothing due right now.');
    expect(screen.frame()).toContain('Come back tomorrow at 04:00.');
    // A day of learning steps only has no retention: it says why, not a bare dash.
    expect(screen.frame()).toMatch(/Today\s+1 review · 0 again · 5 s · no retention yet \(learning steps do not count\)/);
    expect(screen.frame()).not.toContain('—');
    // Nothing was done in this session: u is not offered (it would reach into an earlier one).
    expect(screen.frame()).toContain('q leave · ? help');
    expect(screen.frame()).not.toContain('u undo');

    const empty = renderInAct(<StudyApp runner={session([]).runner} color={false} />);
    expect(empty.frame()).toContain('Nothing due right now.');
    expect(empty.frame()).toContain('No card is scheduled: every card is suspended, or the deck has none.');
  });

  it('brings a learning card back within 20 minutes of its step, redrawing when it is due meanwhile', () => {
    const { runner, clock, timers } = session([makeCard(1)], { settings: { learningSteps: ['1m', '30m'] } });
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' 1');
    // Back in a minute, and nothing else is left: shown again now (Anki's learn ahead).
    expect(screen.frame()).toContain('0 new · 1 learning · 0 review');
    expect(screen.frame()).toContain('Paper number 1');
    expect(screen.frame()).not.toContain('Waiting');
    // Good: the next step is 30 minutes off, beyond learning ahead; the session ends for now.
    screen.press(' 3');
    expect(screen.frame()).toContain('Done for now: nothing more is due.');
    expect(screen.frame()).toMatch(/Next due\s+in 30 minutes/);
    for (let minute = 1; minute <= 9; minute++) {
      clock.advance(MINUTE);
      screen.act(() => timers.fire());
    }
    expect(screen.frame()).toMatch(/Next due\s+in 21 minutes/);
    clock.advance(MINUTE);
    screen.act(() => timers.fire());
    expect(screen.frame()).toContain('Paper number 1');
    expect(screen.frame()).toContain('0 new · 1 learning · 0 review');
  });

  it('quits with q, leaving the summary as the last frame', () => {
    const { runner } = session();
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    screen.press(' 3q');
    const frame = screen.frame();
    // Card 2 is still new, card 1 in its 10-minute step.
    expect(frame).toContain('Stopped, with 2 cards still to go today.');
    // Card 2 is on screen: due now, and it says what that means rather than a bare "now".
    expect(frame).toMatch(/Next due\s+now: they wait for you until you come back/);
    expect(frame).not.toContain('q quit');
    expect(runner.getState().exit).toBe(true);
  });

  it('quits with Esc too', async () => {
    const { runner } = session();
    const screen = renderInAct(<StudyApp runner={runner} color={false} />);
    await screen.pressEscape();
    expect(runner.getState().exit).toBe(true);
  });

  it('fits 60 columns: long titles and answers wrap, nothing runs past the edge, and a resize redraws', () => {
    const long = makeCard(1, {
      title: 'Towards Principled Methods for Training Generative Adversarial Networks Without Tears or Mode Collapse',
      question: 'Towards Principled Methods for Training Generative Adversarial Networks Without Tears or Mode Collapse',
      answer:
        'The paper analyses why GAN training is unstable: the supports of the real and generated distributions are nearly disjoint, so the discriminator saturates and the generator’s gradients vanish; adding noise smooths them.',
    });
    const { runner } = session([long, makeCard(2)]);
    const screen = renderInAct(<StudyApp runner={runner} color={false} />, { columns: 60 });
    screen.press(' ');
    const lines = screen.frame().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(screen.frame()).toContain('1 Again 1 min · 2 Hard 6 min · 3 Good 10 min · 4 Easy 9 d');
    expect(screen.frame().replace(/\s+/g, ' ')).toContain('adding noise smooths them.');
    expect(lines.length).toBeLessThan(24);

    screen.resize(100);
    const wide = screen.frame().split('\n');
    expect(Math.max(...wide.map((l) => l.length))).toBeGreaterThan(60);
    screen.resize(60);
    for (const line of screen.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('fits 60 columns with a CJK title and answer, each character two columns wide', () => {
    const title = '深層学習による自然言語処理のための注意機構と記憶を備えたニューラルネットワークの研究';
    const answer = Array.from({ length: 20 }, (_, i) => `第${i + 1}に、注意機構は入力の重要な部分に重みを与え、長い文脈でも記憶を保つ。`).join('');
    const { runner } = session([makeCard(1, { title, question: title, answer }), makeCard(2)]);
    const screen = renderInAct(<StudyApp runner={runner} color={false} />, { columns: 60, rows: 24 });
    screen.press(' ');
    const lines = screen.frame().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    // The rows were counted as the terminal shows them: the frame stays a row short of the
    // terminal, with the title whole, the answer begun and cut, the grades and the keys all there.
    expect(lines.length).toBeLessThan(24);
    expect(screen.frame().replace(/\s+/g, '')).toContain(title);
    expect(screen.frame()).toContain('第1に、注意機構は');
    expect(screen.frame()).toMatch(/…\n/);
    expect(screen.frame()).toContain('1 Again 1 min · 2 Hard 6 min · 3 Good 10 min · 4 Easy 9 d');
    expect(screen.frame()).toContain('1-4 grade');
  });

  it('cuts an answer too long for the terminal, so the frame stays shorter than 24 rows', () => {
    const answer = Array.from({ length: 60 }, (_, i) => `Sentence ${i} of a key idea far longer than any card should hold.`).join(' ');
    const { runner } = session([makeCard(1, { answer })], { notice: 'notes changed: 1 updated' });
    const screen = renderInAct(<StudyApp runner={runner} color={false} />, { columns: 60 });
    screen.press(' ');
    const lines = screen.frame().split('\n');
    expect(lines.length).toBeLessThan(24);
    expect(screen.frame()).toContain('Sentence 0 of a key idea');
    expect(screen.frame()).toMatch(/…\n/);
    expect(screen.frame()).toContain('1 Again 1 min · 2 Hard 6 min · 3 Good 10 min · 4 Easy 9 d');
    expect(screen.frame()).toContain('1-4 grade');
  });

  it('colours the counts as Anki does when colour is on, and uses none when it is off (NO_COLOR)', () => {
    chalk.level = 1;
    const coloured = renderInAct(<StudyApp runner={session().runner} color={true} />);
    expect(coloured.rawFrame()).toContain(chalk.blue('2 new'));
    expect(coloured.rawFrame()).toContain(chalk.red('0 learning'));
    expect(coloured.rawFrame()).toContain(chalk.green('0 review'));

    const plain = renderInAct(<StudyApp runner={session().runner} color={false} />);
    plain.press(' ');
    // No foreground colour at all (30-37, 90-97, 38;…); bold and dim may stay.
    expect(plain.rawFrame()).not.toMatch(/\u001b\[(3[0-8]|9[0-7])[;m]/);
    expect(stripAnsi(plain.rawFrame())).toContain('2 new · 0 learning · 0 review');
  });

  it('never lets escape sequences from the notes reach the terminal', () => {
    const hostile = makeCard(1, {
      title: 'Bad\u001b]0;owned\u0007 title\u001b[2J',
      question: 'Bad\u001b]0;owned\u0007 title\u001b[2J',
      answer: 'Answer\u001b[31m in red\u001b[0m\u0007.',
    });
    const screen = renderInAct(<StudyApp runner={session([hostile]).runner} color={false} />);
    screen.press(' ');
    expect(screen.rawFrame()).not.toContain('\u001b]');
    expect(screen.rawFrame()).not.toContain('\u001b[2J');
    expect(screen.rawFrame()).not.toContain('\u0007');
    expect(screen.frame()).toContain('Bad title');
    expect(screen.frame()).toContain('Answer in red.');
  });
});
