// Every whole-file read of paperdeck's own files (cards.json, the notes link, the snapshot, the
// settings, the due index, the lock's owner file) goes through here, bounded. A file that is a
// FIFO would block the open and the read until some other process wrote to it, and a link to
// /dev/zero would be read until memory ran out: `due` in a shell prompt would hang. So the file
// is opened without blocking, must be a regular file (links are followed to one), and is read to
// a limit, never past it.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UserError } from '../core/errors.js';

/** The file is not a regular file, or is larger than its limit; the message says which. */
export class NotARegularFileError extends UserError {
  override name = 'NotARegularFileError';
}

/** Opening a FIFO for reading without a writer would block; O_NONBLOCK is ignored for files. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens `path` to read without blocking, and checks it is a regular file; the fd, or throws. */
export function openRegularFile(path: string, shownAs: string = path): number {
  const fd = openSync(path, READ_FLAGS);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new NotARegularFileError(`${shownAs} is a folder, not a file`);
    if (!info.isFile()) throw new NotARegularFileError(`${shownAs} is not a regular file (a FIFO, device or socket; a link to one)`);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** openRegularFile, or null when there is no file at `path`. */
function openIfThere(path: string, shownAs: string): number | null {
  try {
    return openRegularFile(path, shownAs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them; null when it does not
 * exist. NotARegularFileError when it is not a regular file or holds more than `maxBytes` (read
 * to the end, not by its stat: files in /proc say they are empty). Other errors as thrown.
 */
export function readRegularFile(path: string, maxBytes: number, shownAs: string = path): Buffer | null {
  return readRegularFileAndStat(path, maxBytes, shownAs)?.bytes ?? null;
}

/** readRegularFile, with the stat of the file read (through the same descriptor: the very file the bytes are from). */
export function readRegularFileAndStat(path: string, maxBytes: number, shownAs: string = path): { bytes: Buffer; stat: Stats } | null {
  const fd = openIfThere(path, shownAs);
  if (fd === null) return null;
  try {
    const stat = fstatSync(fd);
    const size = stat.size;
    if (size > maxBytes) throw tooLarge(shownAs, maxBytes);
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(size + 1, 4096)));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > maxBytes) throw tooLarge(shownAs, maxBytes);
        buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, maxBytes + 1 - buffer.length))]);
      }
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    if (filled > maxBytes) throw tooLarge(shownAs, maxBytes);
    return { bytes: buffer.subarray(0, filled), stat };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(shownAs: string, maxBytes: number): NotARegularFileError {
  const mb = maxBytes >= 1 << 20 ? `${Math.round(maxBytes / (1 << 20))} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new NotARegularFileError(`${shownAs} is larger than ${mb}, more than paperdeck ever writes there`);
}

/** Limits: far above what paperdeck writes (cards.json and a snapshot are ~7 MB at 10,000 cards). */
export const MAX_DATA_FILE_BYTES = 512 << 20;
export const MAX_SMALL_FILE_BYTES = 1 << 20;

/**
 * The first line of the regular file at `path` (without its newline) and the file's stat, read
 * in 64 KiB steps and never past `maxBytes`; null when the file does not exist, or has no
 * newline within `maxBytes`. Errors as readRegularFile.
 */
export function readFirstLine(path: string, maxBytes: number, shownAs: string = path): { line: Buffer; size: number; mtimeMs: number; ino: number } | null {
  const fd = openIfThere(path, shownAs);
  if (fd === null) return null;
  try {
    const info = fstatSync(fd);
    const chunks: Buffer[] = [];
    let filled = 0;
    while (filled < maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes - filled));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return null;
      const newline = chunk.subarray(0, n).indexOf(10);
      if (newline >= 0) {
        chunks.push(chunk.subarray(0, newline));
        return { line: Buffer.concat(chunks), size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
      }
      chunks.push(chunk.subarray(0, n));
      filled += n;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
