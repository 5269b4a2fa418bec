// The notes fingerprint decides whether cards.json is still current: any change to the notes
// must change it, and the same notes must always give the same value (it is stored on disk).
import { describe, expect, it } from 'vitest';
import { Fingerprint } from '../../src/core/fingerprint.js';
import { hashNotes } from '../../src/store/decks.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const print = (...parts: string[]) => parts.reduce((f, part) => f.update(bytes(part)), new Fingerprint()).digest();

describe('notes fingerprint', () => {
  it('is 16 hex digits and the same for the same bytes, run after run', () => {
    expect(print('C1: Title\nKey idea: x\n')).toMatch(/^[0-9a-f]{16}$/);
    expect(print('C1: Title\nKey idea: x\n')).toBe(print('C1: Title\nKey idea: x\n'));
    // Stored in cards.json: a different value for the same notes would rebuild every deck.
    expect(print('')).toBe('a43084cf9ffc921c');
    expect(print('paperdeck')).toBe(print('paperdeck'));
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
});
