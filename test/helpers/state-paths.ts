// Where this machine's files are in a state folder, for tests that look at them on disk. Every
// test runs as the device "this-machine" (test/setup/env.ts) unless it names another.
import { join } from 'node:path';

export const TEST_DEVICE = 'this-machine';

/** The device's own review log of `deck`. */
export function ownLog(state: string, deck: string, device = TEST_DEVICE): string {
  return join(state, 'decks', deck, 'logs', `${device}.ndjson`);
}

/** What the device keeps for itself: caches, lock, backups. */
export function localOf(state: string, device = TEST_DEVICE): string {
  return join(state, 'local', device);
}

export function snapshotOf(state: string, deck: string, device = TEST_DEVICE): string {
  return join(localOf(state, device), 'decks', deck, 'snapshot.json');
}

export function dueIndexOf(state: string, deck: string, device = TEST_DEVICE): string {
  return join(localOf(state, device), 'decks', deck, 'due-index.json');
}

/** The device's own settings changes. */
export function settingsOf(state: string, device = TEST_DEVICE): string {
  return join(state, 'settings', `${device}.json`);
}

export function backupsOf(state: string, device = TEST_DEVICE): string {
  return join(localOf(state, device), 'backups');
}
