// The machines seen in a state folder (`paperdeck devices`): every device that left a record, a
// review log or settings changes there, each with its last answer. Reads only the ends of the
// logs, and writes nothing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DECKS_DIR, DEVICE_SETTINGS_DIR } from './layout.js';
import { isDeviceName, recordedDevices } from './device.js';
import { LEGACY_DEVICE, deviceLogFiles } from './merged-log.js';
import { fileSize, headerStillArriving, lastEntries, lineEndingAt, readHeader, withFile } from './review-log.js';
import type { LogEntry } from '../core/types.js';

export interface SeenDevice {
  /** null for the review logs from before devices (`log.ndjson`). */
  device: string | null;
  lastAnswer: { at: number; deck: string } | null;
}

function deckNames(stateDir: string): string[] {
  try {
    return readdirSync(join(stateDir, DECKS_DIR), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** The last review in the log `file`, read back from its end (up to its last whole line). */
function lastReview(file: string): LogEntry | null {
  return withFile(file, 'r', (fd) => {
    if (headerStillArriving(fd)) return null;
    const header = readHeader(fd, file);
    let end = fileSize(fd);
    // A last line still arriving (or torn) is not read: back to the last newline.
    while (end > header && lineEndingAt(fd, end, header) === undefined) end--;
    for (let window = 16; ; window *= 4) {
      const entries = lastEntries(fd, end, header, window);
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.kind === 'review') return entries[i]!;
      if (entries.length < window) return null;
    }
  });
}

/** Every device seen, this one first, then by name; the logs from before devices last. */
export function seenDevices(stateDir: string, thisDevice: string): SeenDevice[] {
  const last = new Map<string, { at: number; deck: string } | null>([[thisDevice, null]]);
  for (const name of recordedDevices(stateDir)) last.set(name, last.get(name) ?? null);
  try {
    for (const name of readdirSync(join(stateDir, DEVICE_SETTINGS_DIR))) {
      const device = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (isDeviceName(device) && !last.has(device)) last.set(device, null);
    }
  } catch {
    // no settings changes yet
  }
  let legacySeen = false;
  for (const deck of deckNames(stateDir)) {
    for (const log of deviceLogFiles(stateDir, deck)) {
      if (log.device === LEGACY_DEVICE) legacySeen = true;
      let review: LogEntry | null = null;
      try {
        review = lastReview(log.file);
      } catch {
        // a log that cannot be read here is named by the commands that read it whole
      }
      const held = last.get(log.device) ?? null;
      if (review && (held === null || review.at > held.at)) last.set(log.device, { at: review.at, deck });
      else if (!last.has(log.device)) last.set(log.device, held);
    }
  }
  const legacy = last.get(LEGACY_DEVICE);
  last.delete(LEGACY_DEVICE);
  const named = [...last.keys()].filter((name) => name !== thisDevice).sort();
  const seen: SeenDevice[] = [thisDevice, ...named].map((device) => ({ device, lastAnswer: last.get(device) ?? null }));
  if (legacySeen) seen.push({ device: null, lastAnswer: legacy ?? null });
  return seen;
}
