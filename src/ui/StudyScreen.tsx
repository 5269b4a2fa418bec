// The study screen for one session state: pure rendering, no input. The container
// (StudyApp.tsx) gives it the state and the terminal's size; layout.ts decides what fits.
import type { ReactElement } from 'react';
import { Box, Text } from 'ink';
import { toSafeLine } from '../core/sanitize.js';
import type { Phase, SessionState } from '../session/types.js';
import { CardView } from './components/CardView.js';
import { Header, headerHeight } from './components/Header.js';
import { helpRows } from './components/HelpOverlay.js';
import { KeyHints } from './components/KeyHints.js';
import { EditorNote, errorRows, nothingDueRows, sessionEndRows, waitingRows } from './components/Screens.js';
import { cardHeight, layoutCard, planFrame } from './layout.js';
import { Tinted } from './theme.js';

/** Wide terminals still get lines short enough to read. */
export const MAX_WIDTH = 100;

/** The body of a screen without a card, as rows. */
function bodyRows(state: SessionState, phase: Phase, width: number): ReactElement[] {
  switch (phase) {
    case 'help':
      return helpRows(width);
    case 'waiting':
      return waitingRows(state, width);
    case 'nothing-due':
      return nothingDueRows(state, width);
    case 'end':
      return sessionEndRows(state, width);
    case 'error':
      return errorRows(state.error ?? 'unknown error', width);
    default:
      return [];
  }
}

export function StudyScreen({ state, columns, rows = 24 }: { state: SessionState; columns: number; rows?: number }) {
  // What the rows are wrapped to. The boxes themselves take their width from Ink's layout (the
  // terminal, less one spare column, at most MAX_WIDTH), never from this number: Ink redraws at
  // once on a resize, before React has heard of the new width, and a box fixed at the old width
  // would spill past the edge.
  const width = Math.max(20, Math.min(columns - 1, MAX_WIDTH));
  const { phase } = state;
  if (phase === 'editor') return <EditorNote state={state} />;
  const deck = toSafeLine(state.label ? `${state.deck} · ${state.label}` : state.deck);
  const { counts } = state.view;
  const showProgress = state.answers.length > 0 || phase === 'question' || phase === 'answer' || phase === 'help';
  // The last frame (left on the terminal after quitting) keeps only what is worth keeping.
  const showHints = !state.exit;
  const notice = state.notice && !state.exit ? toSafeLine(state.notice) : null;
  const card = phase === 'question' || phase === 'answer' ? state.view.card : null;
  const others = card ? [] : bodyRows(state, phase, width);
  const plan = planFrame({
    rows,
    width,
    headerRows: headerHeight(deck, counts, width, showProgress),
    hintRows: showHints ? 1 : 0,
    notice,
    bodyMin: card ? cardHeight(layoutCard(card, phase === 'answer', width, 0)) : others.length,
  });
  const gap = plan.gaps ? 1 : 0;
  const body = card ? (
    <CardView layout={layoutCard(card, phase === 'answer', width, plan.bodyRows)} width={width} />
  ) : (
    <Box flexDirection="column">
      {others.length <= plan.bodyRows ? others : [...others.slice(0, plan.bodyRows - 1), <Text key="cut" dimColor>…</Text>]}
    </Box>
  );
  return (
    <Box flexDirection="row" paddingRight={1}>
      <Box flexDirection="column" flexBasis={MAX_WIDTH} flexShrink={1} flexGrow={0}>
        <Header deck={deck} counts={counts} answers={state.answers.length} toGo={state.view.answersToGo} width={width} showProgress={showProgress} />
        <Box marginTop={gap} flexDirection="column">
          {body}
        </Box>
        {plan.notice.length > 0 ? (
          <Box marginTop={gap}>
            <Tinted tone="notice">{plan.notice.join('\n')}</Tinted>
          </Box>
        ) : null}
        {showHints ? (
          <Box marginTop={gap}>
            <KeyHints phase={phase} width={width} canUndo={state.view.canUndo} />
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}
