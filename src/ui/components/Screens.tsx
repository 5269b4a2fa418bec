// The screens without a card: waiting for a learning card, nothing due, the session's end, the
// editor, an error. Each says what happened and what comes next.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { toSafeLine } from '../../core/sanitize.js';
import { formatCountdown, formatDuration, formatRetention, formatWhen } from '../../session/format.js';
import type { SessionState, StudySummary } from '../../session/types.js';
import { Tinted } from '../theme.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "12 reviews · 2 again · 3m 10s · retention 83%" */
export function todayLine(summary: StudySummary): string {
  return [
    plural(summary.reviewed, 'review'),
    `${summary.again} again`,
    formatDuration(summary.ms),
    `retention ${formatRetention(summary.retention)}`,
  ].join(' · ');
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box flexDirection="row">
      <Box width={14} flexShrink={0}>
        <Text dimColor>{label}</Text>
      </Box>
      <Box flexShrink={1}>
        <Text>{children}</Text>
      </Box>
    </Box>
  );
}

function nextDueText(state: SessionState): string {
  const { nextDue } = state.view;
  return nextDue === null ? 'nothing scheduled' : formatWhen(nextDue, state.now);
}

export function Waiting({ state }: { state: SessionState }) {
  const until = state.waitUntil ?? state.now;
  return (
    <Box flexDirection="column">
      <Text>Nothing else is due right now, but a learning card comes back shortly.</Text>
      <Text>
        Waiting for it: <Text bold>{formatCountdown(until - state.now)}</Text>
        <Text dimColor> (or q to stop here; it will keep)</Text>
      </Text>
    </Box>
  );
}

export function NothingDue({ state }: { state: SessionState }) {
  const { nextDue, summary } = state.view;
  return (
    <Box flexDirection="column">
      <Text bold>Nothing due right now.</Text>
      <Text>
        {nextDue === null
          ? 'No card is scheduled: every card is suspended, or the deck has none.'
          : `Come back ${formatWhen(nextDue, state.now)}.`}
      </Text>
      {summary.reviewed > 0 ? (
        <Box marginTop={1}>
          <Row label="Today">{todayLine(summary)}</Row>
        </Box>
      ) : null}
    </Box>
  );
}

export function SessionEnd({ state }: { state: SessionState }) {
  const { counts, summary } = state.view;
  const left = counts.new + counts.learning + counts.review;
  return (
    <Box flexDirection="column">
      <Text bold>
        {left === 0 ? 'Done for now: nothing more is due.' : `Stopped, with ${plural(left, 'card')} still to go today.`}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        <Row label="This session">{plural(state.done, 'card')}</Row>
        <Row label="Today">{todayLine(summary)}</Row>
        <Row label="Next due">{left > 0 ? 'now' : nextDueText(state)}</Row>
      </Box>
    </Box>
  );
}

export function EditorNote({ state }: { state: SessionState }) {
  const card = state.view.card;
  const where = card ? `${card.source.file}:${card.source.line}` : 'the note';
  return <Text dimColor>Editing {where}; the deck is rebuilt when the editor closes.</Text>;
}

export function ErrorView({ message }: { message: string }) {
  return (
    <Box flexDirection="column">
      <Tinted tone="error" bold>
        Something went wrong
      </Tinted>
      <Text>{toSafeLine(message)}</Text>
      <Text dimColor>Everything rated before this is saved.</Text>
    </Box>
  );
}
