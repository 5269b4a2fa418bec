// The screens without a card: waiting for a learning card, nothing due, the session's end, an
// error. Each says what happened and what comes next, as rows wrapped beforehand (so the screen
// knows their height and can cut them on a small terminal). Also the line shown while the
// note is open in the editor.
import type { ReactElement } from 'react';
import { Text } from 'ink';
import { toSafeLine } from '../../core/sanitize.js';
import { displayWidth, plural, wrap } from '../../core/text.js';
import { elsewhereText, formatCountdown, formatDuration, formatRetention, formatWhen } from '../../session/format.js';
import { waitingUntil } from '../../session/reducer.js';
import type { SessionState, StudySummary } from '../../session/types.js';
import { Tinted } from '../theme.js';

/**
 * "12 reviews · 2 again · 3 min 10 s · retention 83.3%". On a day of learning steps only there
 * is no retention to give (learning steps do not count, as in stats), and a bare "—" said
 * nothing: it says why instead.
 */
export function todayLine(summary: StudySummary): string {
  const retention = summary.retention === null || Number.isNaN(summary.retention) ? null : summary.retention;
  return [
    plural(summary.reviewed, 'review'),
    `${summary.again} again`,
    formatDuration(summary.ms),
    retention === null ? 'no retention yet (learning steps do not count)' : `retention ${formatRetention(retention)}`,
  ].join(' · ');
}

/** "53 answers · 32 cards": a card in learning is answered more than once. */
export function sessionLine(answers: readonly string[], decks = 1): string {
  return `${plural(answers.length, 'answer')} · ${plural(new Set(answers).size, 'card')}${decks > 1 ? ` in ${decks} decks` : ''}`;
}

/** This session's answers, in every deck it went through (studying all of them). */
function allAnswers(state: SessionState): { answers: string[]; decks: number } {
  const here = state.answers.map((card) => `${state.deck}\0${card}`);
  const answers = [...state.earlierAnswers, ...here];
  return { answers, decks: new Set(answers.map((key) => key.slice(0, key.indexOf('\0')))).size };
}

const LABEL_COLUMN = 14;

/**
 * Rows no screen here outgrows; the screen cuts the body to the terminal afterwards. A bound
 * all the same, because an error may quote text of any length, and wrapping reads only what
 * the rows it may fill can show.
 */
const MAX_TEXT_ROWS = 200;

/** Rows of plain text, wrapped. */
function plain(key: string, text: string, width: number, style: { bold?: boolean; dimColor?: boolean } = {}): ReactElement[] {
  return wrap(text, width, { maxLines: MAX_TEXT_ROWS }).map((line, index) => (
    <Text key={`${key}-${index}`} {...style}>
      {line}
    </Text>
  ));
}

/** A label in a column of its own, its text wrapped beside it. */
function labelled(label: string, text: string, width: number): ReactElement[] {
  return wrap(text, Math.max(10, width - LABEL_COLUMN), { maxLines: MAX_TEXT_ROWS }).map((line, index) => (
    <Text key={`${label}-${index}`}>
      <Text dimColor>{(index === 0 ? label : '').padEnd(LABEL_COLUMN)}</Text>
      {line}
    </Text>
  ));
}

const blank = (key: string) => <Text key={key}> </Text>;

function nextDueText(state: SessionState): string {
  const { nextDue } = state.view;
  return nextDue === null ? 'nothing scheduled' : formatWhen(nextDue, state.now);
}

/**
 * When the cards left today come, after a quit with some still to go: a bare "now" under the
 * title read as a glitch. Says that they wait, or when a learning card comes back.
 */
function stillDueText(state: SessionState): string {
  const { card, nextLearningDue } = state.view;
  if (card || nextLearningDue === null || nextLearningDue <= state.now) return 'now: they wait for you until you come back';
  return `${formatWhen(nextLearningDue, state.now)} (a card in learning)`;
}

function elsewhereRows(state: SessionState, width: number): ReactElement[] {
  // Only once this deck is done: with cards still to go, they come first.
  const text = state.view.counts.total > 0 ? null : elsewhereText(state.deck, state.elsewhere);
  return text === null ? [] : [blank('elsewhere-gap'), ...plain('elsewhere', text, width)];
}

export function waitingRows(state: SessionState, width: number): ReactElement[] {
  const countdown = formatCountdown((waitingUntil(state) ?? state.now) - state.now);
  const waiting = `Waiting for it: ${countdown}`;
  const aside = '(or q to stop here; it will keep)';
  const asideFits = displayWidth(waiting) + 1 + displayWidth(aside) <= width;
  const countdownRow = (
    <Text key="countdown">
      Waiting for it: <Text bold>{countdown}</Text>
      {asideFits ? <Text dimColor> {aside}</Text> : null}
    </Text>
  );
  return [
    ...plain('waiting', 'Nothing else is due right now, but a learning card comes back shortly.', width),
    countdownRow,
    ...(asideFits ? [] : plain('aside', aside, width, { dimColor: true })),
  ];
}

export function nothingDueRows(state: SessionState, width: number): ReactElement[] {
  const { nextDue, summary } = state.view;
  return [
    ...plain('title', 'Nothing due right now.', width, { bold: true }),
    ...plain(
      'when',
      nextDue === null
        ? 'No card is scheduled: every card is suspended, or the deck has none.'
        : `Come back ${formatWhen(nextDue, state.now)}.`,
      width,
    ),
    ...(summary.reviewed > 0 ? [blank('gap'), ...labelled('Today', todayLine(summary), width)] : []),
    ...elsewhereRows(state, width),
  ];
}

export function sessionEndRows(state: SessionState, width: number): ReactElement[] {
  const { counts, summary } = state.view;
  const left = counts.total;
  // Studying all decks, the decks not reached yet are still to go too.
  const others = state.all ? state.elsewhere : [];
  const leftElsewhere = others.reduce((sum, other) => sum + other.due, 0);
  const title =
    left + leftElsewhere === 0
      ? 'Done for now: nothing more is due.'
      : leftElsewhere === 0
        ? `Stopped, with ${plural(left, 'card')} still to go today.`
        : `Stopped, with ${plural(left + leftElsewhere, 'card')} still to go today (${left} here, ${leftElsewhere} in ${plural(others.length, 'other deck')}).`;
  const session = allAnswers(state);
  return [
    ...plain('title', title, width, { bold: true }),
    blank('gap'),
    ...labelled('This session', sessionLine(session.answers, session.decks), width),
    // Today's figures are the deck on screen's: named, once the session has been through others
    // (even when nothing was answered here yet).
    ...labelled('Today', `${state.earlierAnswers.length > 0 ? `in ${toSafeLine(state.deck)}, ` : ''}${todayLine(summary)}`, width),
    ...labelled('Next due', left > 0 ? stillDueText(state) : nextDueText(state), width),
    ...elsewhereRows(state, width),
  ];
}

export function errorRows(message: string, width: number): ReactElement[] {
  return [
    <Tinted key="title" tone="error" bold>
      Something went wrong
    </Tinted>,
    ...plain('message', toSafeLine(message), width),
    ...plain('saved', 'Everything rated before this is saved.', width, { dimColor: true }),
  ];
}

/** The one line left while the editor has the terminal; cut, never wrapped, so it is one row to erase. */
export function EditorNote({ state }: { state: SessionState }) {
  const card = state.view.card;
  const where = card ? `${card.source.file}:${card.source.line}` : 'the note';
  return (
    <Text dimColor wrap="truncate-end">
      Editing {where}; the deck is rebuilt when the editor closes.
    </Text>
  );
}
