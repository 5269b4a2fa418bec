// How large a notes file may be, shared by whoever reads one (the deck folders in store/, the
// decoder in notes/).

const MEGABYTE = 1024 * 1024;

/** Notes are written by hand: even a decade of them is a few MB. Past this, it is not notes. */
export const MAX_NOTES_BYTES = 20 * MEGABYTE;

/** Why a file of `bytes` bytes is refused as notes: "notes.txt is too large (21 MB; notes files up to 20 MB)". */
export function notesTooLargeMessage(label: string, bytes: number): string {
  const megabytes = Math.round((bytes / MEGABYTE) * 10) / 10;
  return `${label} is too large (${megabytes} MB; notes files up to ${MAX_NOTES_BYTES / MEGABYTE} MB)`;
}
