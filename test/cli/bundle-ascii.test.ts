// Every file of the build is ASCII (scripts/bundle.mjs, asciiOnlySource): Node reads a bundle as
// UTF-8, and a single character beyond ASCII makes the whole file a two-byte string, slower to
// decode and to parse. The escaped patterns must match just what they matched before.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiOnlySource } from '../../scripts/bundle.mjs';
import { testBinary } from '../helpers/binary.js';

const NOT_ASCII = /[^\x00-\x7f]/;

describe('the built files', () => {
  it('are ASCII only', () => {
    const dist = dirname(testBinary());
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => /\.m?js$/.test(name));
    expect(files).toContain('study.js');
    for (const name of files) {
      const text = readFileSync(join(dist, name), 'utf8');
      expect({ name, at: text.search(NOT_ASCII) }).toEqual({ name, at: -1 });
    }
  });
});

describe('asciiOnlySource', () => {
  // Patterns as esbuild leaves them: characters beyond ASCII as they are, one escaped by a
  // backslash, one beyond the BMP, in each kind of pattern.
  const patterns = [
    String.raw`/^[。，、．：；！？）」』】〉》”’.,:;!?)\]]$/`,
    String.raw`/[:\–—]| - /`,
    String.raw`/\\–/`,
    String.raw`/^["“”'‘’«»]+(.+?)["“”'‘’«»]+$/u`,
    String.raw`/^[\s\p{Extended_Pictographic}★☆⭐😀-🙏]*x$/u`,
    String.raw`/^[★😀]$/v`,
    String.raw`/😀+/`,
  ];
  const texts = ['。', '–', '\\–', '\\', 'a - b', ':', '“q”', '★x', '😀x', '🙂🙃x', '😀', '★', '😀😀', '\ud83d', 'x', '—'];

  it('leaves every pattern matching what it matched', () => {
    for (const pattern of patterns) {
      const escaped = asciiOnlySource(pattern);
      expect(escaped).not.toMatch(NOT_ASCII);
      const before = new Function(`return ${pattern};`)() as RegExp;
      const after = new Function(`return ${escaped};`)() as RegExp;
      expect(after.flags).toBe(before.flags);
      for (const text of texts) expect([pattern, text, after.test(text)]).toEqual([pattern, text, before.test(text)]);
    }
  });

  it('leaves ASCII as it is, escapes included', () => {
    const text = String.raw`const a = /\u2013\\x/; // "\u00e9" \\ done`;
    expect(asciiOnlySource(text)).toBe(text);
    expect(asciiOnlySource('// naïve\n')).toBe('// na\\u00efve\n');
  });
});
