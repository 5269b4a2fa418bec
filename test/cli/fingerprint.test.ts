// The notes fingerprint decides whether cards.json is still current: any change to the notes
// must change it, and the same notes must always give the same value (it is stored on disk).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Fingerprint } from '../../src/core/fingerprint.js';
import { hashNotes } from '../../src/cards/freshness.js';
import { BUNDLED_NOTES, tempDir } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';

const bytes = (text: string) => new TextEncoder().encode(text);
const print = (...parts: string[]) => parts.reduce((f, part) => f.update(bytes(part)), new Fingerprint()).digest();

describe('notes fingerprint', () => {
  it('gives the values stored in cards.json files, run after run', () => {
    // Stored on disk: were these to change, every deck would be taken for changed notes once.
    // Each tail length (0 to 3 bytes past the last whole word) and the word loop are pinned.
    const pinned: [string, string][] = [
      ['', 'a43084cf9ffc921c'],
      ['a', 'e0b2ebfede84ec05'],
      ['ab', '8fd1aabf4e8ec296'],
      ['abc', '048ef5f2e69c6875'],
      ['abcd', '92600a5b89524bdb'],
      ['paperdeck', '8bf260846ca339cb'],
      ['Making Neural Programming', '2bcc24e7dd300825'],
      ['Making Neural Programming!', 'eeb416462d20135c'],
    ];
    for (const [text, digest] of pinned) expect(print(text)).toBe(digest);
    expect(hashNotes([{ file: 'notes.txt', bytes: readFileSync(BUNDLED_NOTES) }])).toBe('01d88c21592ed379');
  });

  it('changes with any one-character edit, wherever it falls (every tail length)', () => {
    const text = 'Making Neural Programming Architectures Generalize via Recursion. Key idea: recursion.';
    const texts = new Set<string>([text]);
    for (let i = 0; i < text.length; i++) {
      texts.add(text.slice(0, i) + (text[i] === 'x' ? 'y' : 'x') + text.slice(i + 1));
      texts.add(text.slice(0, i) + text.slice(i + 1)); // one character deleted
    }
    expect(texts.size).toBeGreaterThan(text.length);
    expect(new Set([...texts].map((t) => print(t))).size).toBe(texts.size);
  });

  it('tells apart the same bytes split differently between files', () => {
    expect(print('ab', 'c')).not.toBe(print('a', 'bc'));
    expect(print('abc', '')).not.toBe(print('abc'));
    expect(print('\0')).not.toBe(print(''));
  });

  it('covers file names as well as contents (a renamed notes file is a change)', () => {
    const notes = bytes('C1: Title\n');
    expect(hashNotes([{ file: 'a.txt', bytes: notes }])).not.toBe(hashNotes([{ file: 'b.txt', bytes: notes }]));
    expect(hashNotes([{ file: 'a.txt', bytes: notes }])).toBe(hashNotes([{ file: 'a.txt', bytes: bytes('C1: Title\n') }]));
  });

  it('reads a view into a larger buffer by its own bytes only', () => {
    const buffer = bytes('xxxxC1: Title\nyyyy');
    expect(new Fingerprint().update(buffer.subarray(4, 14)).digest()).toBe(print('C1: Title\n'));
    expect(new Fingerprint().update(buffer.subarray(3, 13)).digest()).not.toBe(print('C1: Title\n'));
  });

  it('gives the same digest for the same bytes wherever they lie in memory', () => {
    // Words on a 4-byte boundary are read where they lie, others copied 64 KiB at a time first:
    // a piece longer than that, at each offset from a boundary, fed whole and in pieces.
    const notes = readFileSync(BUNDLED_NOTES);
    const text = Buffer.concat([notes, notes, notes]).subarray(0, 150_001);
    const whole = new Fingerprint().update(Uint8Array.from(text)).digest();
    for (let offset = 0; offset < 4; offset++) {
      const memory = new Uint8Array(new ArrayBuffer(text.length + 8));
      memory.set(text, offset);
      const view = memory.subarray(offset, offset + text.length);
      expect(new Fingerprint().update(view).digest(), `update at offset ${offset}`).toBe(whole);
      const pieces = new Fingerprint().begin();
      for (let at = 0; at < view.length; at += 70_001) pieces.add(view.subarray(at, at + 70_001));
      expect(pieces.end().digest(), `add at offset ${offset}`).toBe(whole);
    }
  });

  it('gives the same digest fed in pieces of any length as fed whole', () => {
    const notes = readFileSync(BUNDLED_NOTES);
    const whole = hashNotes([{ file: 'notes.txt', bytes: notes }]);
    for (const size of [1, 2, 3, 5, 4096, 65_536, 65_537]) {
      const fingerprint = new Fingerprint().update(bytes('notes.txt')).begin();
      for (let at = 0; at < notes.length; at += size) fingerprint.add(notes.subarray(at, at + size));
      expect(fingerprint.end().digest(), `pieces of ${size}`).toBe(whole);
    }
    // Every tail length, pieces of one byte and of three, and a copy taken midway going on alike.
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'Making Neural Programming!']) {
      const ones = new Fingerprint().begin();
      for (const byte of bytes(text)) ones.add(Uint8Array.of(byte));
      expect(ones.end().digest()).toBe(print(text));
      const half = new Fingerprint().begin().add(bytes(text.slice(0, 3)));
      const copy = half.clone();
      expect(half.add(bytes(text.slice(3))).end().digest()).toBe(print(text));
      expect(copy.add(bytes(text.slice(3))).end().digest()).toBe(print(text));
    }
  });

  it('gives the same digests where WebAssembly cannot be used (node --jitless), its word loop then JavaScript', async () => {
    // Long runs of words go through core/word-mixer.ts's WebAssembly loop; without WebAssembly, mixWords.
    const file = join(tempDir(), 'digests.mjs');
    await build({
      stdin: {
        contents: `import { readFileSync } from 'node:fs';
          import { Fingerprint } from './src/core/fingerprint.ts';
          const notes = readFileSync(${JSON.stringify(BUNDLED_NOTES)});
          const out = [new Fingerprint().update(notes).digest(), new Fingerprint().update(notes.subarray(1)).digest()];
          const pieces = new Fingerprint().begin();
          for (let at = 0; at < notes.length; at += 5000) pieces.add(notes.subarray(at, at + 5000));
          out.push(pieces.end().digest());
          process.stdout.write(JSON.stringify(out));`,
        resolveDir: join(import.meta.dirname, '..', '..'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: file,
      logLevel: 'error',
    });
    const digests = (flags: string[]) => {
      const run = spawnSync(process.execPath, [...flags, file], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      return JSON.parse(run.stdout) as string[];
    };
    const withWasm = digests([]);
    expect(withWasm[0]).toBe(new Fingerprint().update(readFileSync(BUNDLED_NOTES)).digest());
    expect(digests(['--jitless'])).toEqual(withWasm);
  });
});
