// The study screen for one session state: pure rendering, no input. The container
// (StudyApp.tsx) gives it the state and the terminal's width.
import { Box } from 'ink';
import { toSafeLine } from '../core/sanitize.js';
import type { Phase, SessionState } from '../session/types.js';
import { CardView, sourceLine } from './components/CardView.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { KeyHints } from './components/KeyHints.js';
import { EditorNote, ErrorView, NothingDue, SessionEnd, Waiting } from './components/Screens.js';
import { Tinted } from './theme.js';
import { wordWrap } from './wrap.js';

/** Wide terminals still get lines short enough to read. */
export const MAX_WIDTH = 100;

const lineCount = (text: string, width: number) => wordWrap(text, width).split('\n').length;

/**
 * How many lines the answer may take so that the whole frame stays shorter than the terminal:
 * a frame as tall as the terminal makes Ink clear the screen on every redraw (flicker).
 */
export function answerLineBudget(state: SessionState, width: number, rows: number): number {
  const card = state.view.card;
  if (!card) return Number.POSITIVE_INFINITY;
  const { counts } = state.view;
  const countsText = `${counts.new} new · ${counts.learning} learning · ${counts.review} review`;
  const header = (state.deck.length + 2 + countsText.length > width ? 2 : 1) + 1; // + progress bar
  const question = 1 + lineCount(card.question, width) + lineCount(sourceLine(card), width);
  const rule = 2; // margin, rule
  const grades = 2; // margin, grades (they fit 60 columns)
  const notice = state.notice ? 1 + lineCount(state.notice, width) : 0;
  const hints = 2;
  return Math.max(3, rows - 1 - header - question - rule - grades - notice - hints);
}

function Body({ state, phase, width, rows }: { state: SessionState; phase: Phase; width: number; rows: number }) {
  const card = state.view.card;
  switch (phase) {
    case 'question':
    case 'answer':
      return card ? (
        <CardView card={card} showAnswer={phase === 'answer'} width={width} maxAnswerLines={answerLineBudget(state, width, rows)} />
      ) : null;
    case 'help':
      return <HelpOverlay />;
    case 'waiting':
      return <Waiting state={state} />;
    case 'nothing-due':
      return <NothingDue state={state} />;
    case 'end':
      return <SessionEnd state={state} />;
    case 'editor':
      return <EditorNote state={state} />;
    case 'error':
      return <ErrorView message={state.error ?? 'unknown error'} />;
  }
}

export function StudyScreen({ state, columns, rows = 24 }: { state: SessionState; columns: number; rows?: number }) {
  // What the progress bar and the key hints are sized for. The boxes themselves take their
  // width from Ink's layout (the terminal, less one spare column, at most MAX_WIDTH), never from
  // this number: Ink redraws at once on a resize, before React has heard of the new width, and a
  // box fixed at the old width would spill past the edge and leave debris.
  const width = Math.max(20, Math.min(columns - 1, MAX_WIDTH));
  const { phase } = state;
  if (phase === 'editor') return <EditorNote state={state} />;
  const showProgress = state.done > 0 || phase === 'question' || phase === 'answer' || phase === 'help';
  // The last frame (left on the terminal after quitting) keeps only what is worth keeping.
  const hints = state.exit ? null : <KeyHints phase={phase} width={width} />;
  return (
    <Box flexDirection="row" paddingRight={1}>
      <Box flexDirection="column" flexBasis={MAX_WIDTH} flexShrink={1} flexGrow={0}>
        <Header deck={toSafeLine(state.deck)} counts={state.view.counts} done={state.done} width={width} showProgress={showProgress} />
        <Box marginTop={1} flexDirection="column">
          <Body state={state} phase={phase} width={width} rows={rows} />
        </Box>
        {state.notice && !state.exit ? (
          <Box marginTop={1}>
            <Tinted tone="notice">{wordWrap(toSafeLine(state.notice), width)}</Tinted>
          </Box>
        ) : null}
        {hints ? (
          <Box marginTop={1}>
            {hints}
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}

