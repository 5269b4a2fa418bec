// The container's hold on the session: the state comes from the runner (outside React), so
// every key is reduced against the latest state, never against a render's stale copy.
import { useCallback, useSyncExternalStore } from 'react';
import { useInput } from 'ink';
import { keysFromInput } from '../../session/keys.js';
import type { SessionRunner } from '../../session/runner.js';
import type { SessionState } from '../../session/types.js';

export function useSessionState(runner: SessionRunner): SessionState {
  return useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
}

/** Sends every key the terminal delivers to the runner, one by one and in order. */
export function useSessionKeys(runner: SessionRunner, isActive = true): void {
  const onInput = useCallback(
    (input: string, key: { return: boolean; escape: boolean; ctrl: boolean }) => {
      for (const sessionKey of keysFromInput(input, key)) runner.press(sessionKey);
    },
    [runner],
  );
  useInput(onInput, { isActive });
}
