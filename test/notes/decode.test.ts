import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { decodeNotes } from '../../src/notes/decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Writes bytes to a real file and reads them back, as `generate` does. */
function onDisk(name: string, bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'paperdeck-decode-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return readFileSync(path);
}

function refusal(bytes: Uint8Array, name = 'notes.txt'): UserError {
  try {
    decodeNotes(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('decodeNotes accepted the file');
}

describe('decodeNotes refuses what is not notes, in one line', () => {
  it('an empty file', () => {
    expect(refusal(onDisk('notes.txt', new Uint8Array(0))).message).toBe('notes.txt is empty');
  });

  it('a file of blank lines, spaces, tabs and a BOM', () => {
    expect(refusal(utf8('\ufeff  \n\t\r\n   \n'), 'deck/notes.md').message).toBe('deck/notes.md is empty');
  });

  it('a binary file with NUL bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(refusal(onDisk('cover.png', png), 'cover.png').message).toBe('cover.png looks like a binary file, not notes');
  });

  it('bytes that are mostly invalid UTF-8 and control codes', () => {
    const noise = new Uint8Array(4000);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noise[i] = (seed >> 16) & 0xff || 1;
    }
    expect(refusal(noise).message).toBe('notes.txt looks like a binary file, not notes');
  });

  it('a file over 20 MB, saying how large it is', () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const message = refusal(big).message;
    expect(message).toBe('notes.txt is too large (21 MB; notes files up to 20 MB)');
    expect(message.split('\n')).toHaveLength(1);
  });
});

describe('decodeNotes cleans real-world text', () => {
  it('strips a UTF-8 BOM and turns CRLF and lone CR into LF', () => {
    const text = decodeNotes(onDisk('notes.txt', utf8('\ufeffMonday\r\n\r\nC1: A\rB\n')), 'notes.txt');
    expect(text).toBe('Monday\n\nC1: A\nB\n');
  });

  it('turns non-breaking spaces into spaces and keeps curly quotes, ellipses and tabs', () => {
    const text = decodeNotes(utf8('It\u2019s \u201cquoted\u201d\u00a0here…\tand tabbed'), 'n.txt');
    expect(text).toBe('It\u2019s \u201cquoted\u201d here…\tand tabbed');
  });

  it('removes escape sequences and control characters that could drive a terminal', () => {
    const text = decodeNotes(utf8('C1: \u001b[31mRed\u001b[0m title\u0007\n\nBody\u001b]0;pwned\u0007 text\u0008.'), 'n.txt');
    expect(text).toBe('C1: Red title\n\nBody text.');
  });

  it('decodes UTF-16 with a byte order mark, little- and big-endian', () => {
    const sample = 'C1: Caf\u00e9 \u2014 na\u00efve\n\nThey use \u201cattention\u201d.\n';
    const le = new Uint8Array(2 + sample.length * 2);
    const be = new Uint8Array(2 + sample.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < sample.length; i++) {
      const code = sample.charCodeAt(i);
      le[2 + i * 2] = code & 0xff;
      le[3 + i * 2] = code >> 8;
      be[2 + i * 2] = code >> 8;
      be[3 + i * 2] = code & 0xff;
    }
    expect(decodeNotes(onDisk('le.txt', le), 'le.txt')).toBe(sample);
    expect(decodeNotes(onDisk('be.txt', be), 'be.txt')).toBe(sample);
  });

  it('reads an old Latin-1 file instead of calling it binary, even one full of accents', () => {
    const latin1 = new Uint8Array([...utf8('C1: Caf'), 0xe9, ...utf8(' notes\n\nIt works.\n')]);
    expect(decodeNotes(latin1, 'old.txt')).toBe('C1: Caf\u00e9 notes\n\nIt works.\n');
    const french = 'C2: R\u00e9seaux \u00e0 m\u00e9moire\n\nL\u2019id\u00e9e: \u00e9t\u00e9 d\u00e9j\u00e0 \u00e9voqu\u00e9e, tr\u00e8s \u00e9l\u00e9gante.\n';
    const bytes = new Uint8Array([...french].map((ch) => (ch === '\u2019' ? 0x92 : ch.charCodeAt(0))));
    expect(decodeNotes(bytes, 'fr.txt')).toBe(french);
  });
});
