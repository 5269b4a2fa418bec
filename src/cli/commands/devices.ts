// `paperdeck devices [--json]`: the machines sharing this state folder (each writes only its own
// files, named after it), with each one's last answer; this machine marked. Read-only.
//
// --json: { device: this machine's name, devices: [{ device, this, lastAnswer: { at, deck } | null }] },
// `device` null for the review logs from before devices.
import type { CommandArgs } from '../args.js';
import { printJson, type CommandContext } from '../context.js';
import { seenDevices } from '../../store/device-list.js';
import { thisDevice } from '../../store/device.js';
import { formatTable, localDateTime } from '../format.js';
import { isoTime } from '../../core/iso-time.js';
import { toSafeLine } from '../../core/sanitize.js';
import { measured } from '../../core/text.js';

/** Widths are measured only when what is printed needs them (core/text.ts measured). */
export const loadsTextWidths = true;

export async function run(ctx: CommandContext, _args: CommandArgs): Promise<number> {
  const self = thisDevice(ctx.env).name;
  const seen = seenDevices(ctx.places.stateDir, self);
  if (ctx.json) {
    printJson(ctx, {
      device: self,
      devices: seen.map(({ device, lastAnswer }) => ({
        device,
        this: device === self,
        lastAnswer: lastAnswer && { at: isoTime(lastAnswer.at), deck: lastAnswer.deck },
      })),
    });
    return 0;
  }
  const rows = seen.map(({ device, lastAnswer }) => [
    // Names of other devices come from file names in a synced folder: one clean line each.
    device === null ? '(before devices: log.ndjson)' : device === self ? `${device} (this machine)` : toSafeLine(device),
    lastAnswer ? localDateTime(lastAnswer.at) : 'no answer yet',
    lastAnswer ? toSafeLine(lastAnswer.deck) : '',
  ]);
  const text = await measured(() =>
    formatTable(
      [
        { header: 'DEVICE', flex: true, min: 12 },
        { header: 'LAST ANSWER' },
        { header: 'DECK', flex: true, min: 8 },
      ],
      rows,
    ),
  );
  ctx.out(text);
  return 0;
}
