// The one container of the study screen: it holds the session (through the runner), sends it
// the keys, and leaves when the session is over. Everything below it only renders.
import { useEffect } from 'react';
import { useApp } from 'ink';
import type { SessionRunner } from '../session/runner.js';
import { useSessionKeys, useSessionState } from './hooks/useSessionRunner.js';
import { useCleanRedrawOnResize, useTerminalSize } from './hooks/useTerminalSize.js';
import { StudyScreen } from './StudyScreen.js';
import { ColorProvider } from './theme.js';

export function StudyApp({ runner, color }: { runner: SessionRunner; color: boolean }) {
  const state = useSessionState(runner);
  const size = useTerminalSize();
  const { columns, rows } = size;
  useCleanRedrawOnResize(size);
  const { exit } = useApp();
  useSessionKeys(runner, !state.exit);
  useEffect(() => {
    // After the commit, so the summary is the frame left on the terminal.
    if (state.exit) exit();
  }, [state.exit, exit]);
  return (
    <ColorProvider color={color}>
      <StudyScreen state={state} columns={columns} rows={rows} />
    </ColorProvider>
  );
}
