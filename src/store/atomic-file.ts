// Whole-file writes that survive a crash at any moment: the new content goes to a temporary file
// in the same folder, is fsynced, renamed over the old file, and then the folder is fsynced so
// the rename itself is on disk. A reader sees the old file or the new one, never a mix.
// lowdb's own TextFileSync renames without any fsync, so paperdeck's lowdb documents go through
// the adapter below instead.
import { closeSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { SyncAdapter } from 'lowdb';
import { UserError } from '../core/errors.js';
import { displayPath } from './layout.js';
import { MAX_DATA_FILE_BYTES, NotARegularFileError, readRegularFile } from './read-file.js';

/** fsyncs a folder so that entries created, renamed or removed in it are durable. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse to fsync a folder (EINVAL/EISDIR/EPERM); the data itself is
    // fsynced already, so there is nothing better to do there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes all of `data` at the fd's position (writeSync may write less than asked). */
export function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/** Bytes [from, to) of the file open as `fd`: a piece of a new file copied from an old one, never held whole. */
export interface FileRange {
  fd: number;
  from: number;
  to: number;
}

/** The one buffer ranges are copied through (memory touched for the first time costs more than the copy). */
let copyBuffer: Buffer | null = null;

/** Copies `range` to the fd's position, 64 KiB at a time; throws if its file ends before `to`. */
function copyRange(fd: number, { fd: from, from: start, to }: FileRange): void {
  const buffer = (copyBuffer ??= Buffer.allocUnsafe(1 << 16));
  for (let at = start; at < to; ) {
    const n = readSync(from, buffer, 0, Math.min(buffer.length, to - at), at);
    if (n === 0) throw new Error('the file copied from ended early');
    writeAll(fd, buffer.subarray(0, n));
    at += n;
  }
}

/** Links followed before a write is given up as a loop (as the kernel's ELOOP limit). */
const MAX_LINK_HOPS = 40;

/**
 * Where a write to `file` lands: `file` itself, or, when it is a symbolic link, the file the
 * link (and any link it leads to) points to, existing or not. Renaming a new file onto the link
 * would replace the link with a file, and whatever it pointed to (a settings file kept in a
 * dotfiles repository, a snapshot on another disk) would silently go stale; so state files and
 * cards.json are written through their links, and the link stays.
 */
export function writeTarget(file: string): string {
  let target = file;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(target).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return target;
      throw error;
    }
    if (!isLink) return target;
    target = resolve(dirname(target), readlinkSync(target));
  }
  throw Object.assign(new Error(`${file}: too many levels of symbolic links`), { code: 'ELOOP' });
}

/**
 * The file as written, from its own descriptor: what a later stat of the path must show for it
 * to be this very file (a rename puts a new inode in place, so `ino` tells a file replaced by
 * another writer apart even within one tick of the file system's clock).
 */
export interface WrittenFile {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * Replaces `file` with `content` atomically and durably; when `file` is a symbolic link, the
 * file it points to is replaced (writeTarget), in its own folder. `content` may come in pieces,
 * written one after the other (a large file made of parts of others need not be copied whole),
 * and a piece may be a range of another open file, copied through one small buffer.
 * `durable: false` leaves out the two fsyncs, for a cache that checks itself when read (its
 * length, a hash of its content): still old or new after a kill, but a power cut may leave it
 * empty or torn, and then it is not used.
 */
export function writeFileAtomicSync(path: string, content: string | Buffer | readonly (Buffer | FileRange)[], { durable = true }: { durable?: boolean } = {}): WrittenFile {
  const file = writeTarget(path);
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  const fd = openSync(tmp, 'w', 0o644);
  let written: WrittenFile;
  try {
    for (const piece of typeof content === 'string' ? [Buffer.from(content, 'utf8')] : Buffer.isBuffer(content) ? [content] : content) {
      if (Buffer.isBuffer(piece)) writeAll(fd, piece);
      else copyRange(fd, piece);
    }
    if (durable) fsyncSync(fd);
    const info = fstatSync(fd);
    written = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  if (durable) fsyncDir(dirname(file));
  return written;
}

/** A file that exists but cannot be parsed; the caller turns it into a UserError naming backups. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * A lowdb sync adapter for one JSON document: reads it (null when the file does not exist,
 * UnreadableFileError when it is not JSON) and writes it atomically with fsync.
 */
export class DurableJsonFile implements SyncAdapter<unknown> {
  constructor(
    readonly file: string,
    private readonly options: { pretty: boolean },
  ) {}

  read(): unknown {
    let text: string;
    try {
      // Bounded and non-blocking: a FIFO or a link to /dev/zero must not hang (read-file.ts).
      const bytes = readRegularFile(this.file, MAX_DATA_FILE_BYTES, displayPath(this.file));
      if (bytes === null) return null;
      text = bytes.toString('utf8');
    } catch (error) {
      if (error instanceof NotARegularFileError) throw new UserError(`${error.message}; move it away`);
      throw new UserError(`cannot read ${displayPath(this.file)}: ${(error as Error).message}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UnreadableFileError(this.file, (error as Error).message);
    }
  }

  write(data: unknown): void {
    const text = this.options.pretty ? JSON.stringify(data, null, 2) + '\n' : JSON.stringify(data);
    writeFileAtomicSync(this.file, text);
  }
}
