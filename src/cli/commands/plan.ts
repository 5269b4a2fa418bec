// `paperdeck plan [DECK] [--days N] [--new-per-day N] [--seed N] [--json]`: the simulated
// workload for each desired retention from 0.70 to 0.99 (src/plan), to help choose one, as
// Anki's "Help me decide" does. Read-only, like `stats`; deterministic for a seed.
//
// --json: { deck, days, current, recommended, newPerDay, seed, habits, rows: [{ retention,
// reviewsPerDay, minutesPerDay, remembered, minutesPerRemembered }] }.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { outputWidth } from '../format.js';
import { wholeNumberFlag } from '../options.js';
import { cli } from '../../core/invocation.js';
import { measureHabits, startingCards } from '../../plan/inputs.js';
import { planWorkload } from '../../plan/plan.js';
import { renderPlan } from '../../plan/render.js';
import { weightsOf } from '../../schedule/parameters.js';
import { readDeck } from '../read-deck.js';

export async function run(ctx: CommandContext, args: CommandArgs<Record<string, unknown>>): Promise<number> {
  const days = wholeNumberFlag(args.flags, 'days', 1, 3650) ?? 365;
  const newPerDayFlag = wholeNumberFlag(args.flags, 'new-per-day', 0, 100_000);
  const seed = wholeNumberFlag(args.flags, 'seed', 0, 2 ** 31 - 1) ?? 1;
  const { deck, cards, settings, states, log } = await readDeck(ctx, args.positional[0], { log: true });
  const now = ctx.clock.now();
  const habits = measureHabits(log, settings.dayStartHour);
  const start = startingCards(cards, states, now, settings.dayStartHour);
  const newPerDay = newPerDayFlag ?? settings.newPerDay;
  const plan = planWorkload({
    weights: weightsOf(settings.parameters),
    days,
    newPerDay,
    reviewsPerDay: settings.reviewsPerDay,
    maximumInterval: settings.maximumInterval,
    learningSteps: settings.learningSteps.length,
    relearningSteps: settings.relearningSteps.length,
    cards: start.cards,
    newCards: start.newCards,
    costs: habits.costs,
    firstRatings: habits.firstRatings,
    recallRatings: habits.recallRatings,
    seed,
  });
  if (ctx.json) {
    printJson(ctx, {
      deck,
      days,
      current: settings.desiredRetention,
      recommended: plan.recommended,
      newPerDay,
      seed,
      cards: { studied: start.cards.length, new: start.newCards },
      habits,
      rows: plan.rows,
    });
    return 0;
  }
  const own = habits.measured.review && habits.measured.learn;
  const timesNote = `Times: ${habits.costs.review[2].toFixed(0)} s a Good review, ${habits.costs.learn.toFixed(0)} s a new card (${
    own ? 'measured from your reviews' : 'defaults: your log is too short to measure them'
  })`;
  ctx.out(
    renderPlan(
      { deck, days, studied: start.cards.length, newCards: start.newCards, newPerDay, current: settings.desiredRetention, timesNote, command: cli() },
      plan,
      Math.min(outputWidth(), 100),
    ),
  );
  return 0;
}
