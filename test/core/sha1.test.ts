// core/sha1.ts must give what node:crypto gives (a note's body hash is stored in cards.json, and
// a rebuild hashes with one where a full build hashed with the other).
import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../../src/core/sha1.js';

const crypto = (text: string) => hash('sha1', text, 'hex');

describe('sha1Hex', () => {
  it('gives the standard digests', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('gives what node:crypto gives for every length around the block edges, and for any text', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length);
      expect(sha1Hex(text), `length ${length}`).toBe(crypto(text));
    }
    const texts = [
      'Zoneout randomly keeps hidden units at their previous values.\nKey idea: zoneout',
      'é'.repeat(40) + '本文提出NL Block' + '😀'.repeat(30),
      'a lone high surrogate \ud800 and a lone low one \udc00, at the end \ud83d',
      '\0\u0001\u007f\u0080\u07ff\u0800\uffff',
      'y'.repeat(70_000),
    ];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 300);
      texts.push(Array.from({ length }, () => String.fromCharCode(random() < 0.8 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 0x10000))).join(''));
    }
    for (const text of texts) expect(sha1Hex(text)).toBe(crypto(text));
  });
});
