// A 64-bit fingerprint of bytes, computed in JavaScript (long runs of words by a few bytes of
// WebAssembly: core/word-mixer.ts), without node:crypto. It tells whether a deck's notes
// changed since its cards were built: the check `paperdeck due` makes on every shell prompt,
// where loading node:crypto alone (with the stream machinery it pulls in) would cost more
// than everything else `due` does on a small deck. Accidental change detection only, not
// security: two 32-bit MurmurHash3 lanes with different seeds, so two different versions of
// someone's notes collide with odds of about 1 in 2^64.

import { MIXER_WORDS, wordMixer } from './word-mixer.js';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixWord(h: number, word: number): number {
  let k = Math.imul(word, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/**
 * The lanes as mixBytes leaves them (two numbers handed back without an object made per call).
 * Every whole word fingerprinted goes through mixBytes: a long run to the WebAssembly loop
 * (core/word-mixer.ts), others to mixWords, the one JavaScript loop, for `update` and `add`
 * alike (each had its own, each slow until optimised).
 */
let lanesOut1 = 0;
let lanesOut2 = 0;

/** Mixes words [0, count) of `words` into the two lanes, as mixWord does each (inlined here), leaving them in lanesOut1 and lanesOut2. */
function mixWords(words: Int32Array, count: number, lane1: number, lane2: number): void {
  for (let i = 0; i < count; i++) {
    const word = words[i]!;
    let k = Math.imul(word, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    lane1 ^= k;
    lane1 = (lane1 << 13) | (lane1 >>> 19);
    lane1 = (Math.imul(lane1, 5) + 0xe6546b64) | 0;
    k = Math.imul(word ^ 0x5bd1e995, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    lane2 ^= k;
    lane2 = (lane2 << 13) | (lane2 >>> 19);
    lane2 = (Math.imul(lane2, 5) + 0xe6546b64) | 0;
  }
  lanesOut1 = lane1;
  lanesOut2 = lane2;
}

/** The WebAssembly loop's memory, as bytes. */
let mixerPage: Uint8Array | null = null;

/** Words a piece of bytes not on a 4-byte boundary is copied through (see mixBytes). */
const SCRATCH_WORDS = 1 << 14;
let scratch: Int32Array | null = null;

/** Runs of fewer words than this are mixed by mixWords; longer ones by the WebAssembly loop (core/word-mixer.ts), where there is one. */
const MIXER_MIN_WORDS = 1024;

/**
 * Mixes the `count` whole words (little-endian) of `bytes` from byte `from` into the two lanes,
 * leaving them in lanesOut1 and lanesOut2. A long run is copied a page at a time into the
 * WebAssembly loop's memory. Otherwise bytes on a 4-byte boundary are read where they lie;
 * others (or on a big-endian machine) are copied a piece at a time into words that are.
 */
function mixBytes(bytes: Uint8Array, from: number, count: number, lane1: number, lane2: number): void {
  const mixer = count >= MIXER_MIN_WORDS ? wordMixer() : null;
  if (mixer !== null) {
    const page = (mixerPage ??= new Uint8Array(mixer.memory.buffer, 0, 4 * MIXER_WORDS));
    mixer.lane1.value = lane1;
    mixer.lane2.value = lane2;
    for (let done = 0; done < count; done += MIXER_WORDS) {
      const n = Math.min(MIXER_WORDS, count - done);
      page.set(bytes.subarray(from + 4 * done, from + 4 * (done + n)));
      mixer.mix(n);
    }
    lanesOut1 = mixer.lane1.value;
    lanesOut2 = mixer.lane2.value;
    return;
  }
  const at = bytes.byteOffset + from;
  if (LITTLE_ENDIAN && at % 4 === 0) return mixWords(new Int32Array(bytes.buffer, at, count), count, lane1, lane2);
  const words = (scratch ??= new Int32Array(SCRATCH_WORDS));
  const wordBytes = new Uint8Array(words.buffer);
  lanesOut1 = lane1;
  lanesOut2 = lane2;
  for (let done = 0; done < count; done += SCRATCH_WORDS) {
    const n = Math.min(SCRATCH_WORDS, count - done);
    wordBytes.set(bytes.subarray(from + 4 * done, from + 4 * (done + n)));
    if (!LITTLE_ENDIAN) swapWords(words, n);
    mixWords(words, n, lanesOut1, lanesOut2);
  }
}

/** Reverses the bytes of words [0, count) of `words` (big-endian machines only). */
function swapWords(words: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) {
    const w = words[i]!;
    words[i] = ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24);
  }
}

/** Fingerprints a sequence of byte arrays; each array's length counts, so boundaries matter. */
export class Fingerprint {
  private lane1 = 0x9747b28c | 0;
  private lane2 = 0x2d358dcc | 0;
  private length = 0;

  update(bytes: Uint8Array): this {
    const whole = bytes.byteLength & ~3;
    mixBytes(bytes, 0, whole / 4, this.lane1, this.lane2);
    let tail = 0;
    for (let i = bytes.byteLength - 1; i >= whole; i--) tail = (tail << 8) | bytes[i]!;
    // The tail's length goes in with it, so "ab" + "" and "a" + "b" differ.
    const last = (tail << 2) ^ (bytes.byteLength - whole);
    this.lane1 = mixWord(lanesOut1, last);
    this.lane2 = mixWord(lanesOut2, last ^ 0x5bd1e995);
    this.length += bytes.byteLength + 1;
    return this;
  }

  /** Bytes of the unit begun by `begin`, past its last whole word (little-endian), and their count. */
  private pending = 0;
  private pendingCount = 0;
  private unitLength = 0;

  /**
   * Begins one unit fed in pieces (`add`, then `end`): the digest is then what `update` of the
   * pieces joined gives, whatever their lengths, so a file can be fingerprinted through one
   * reused buffer instead of being held whole.
   */
  begin(): this {
    this.pending = 0;
    this.pendingCount = 0;
    this.unitLength = 0;
    return this;
  }

  /** The next piece of the unit begun by `begin`. */
  add(bytes: Uint8Array): this {
    const n = bytes.byteLength;
    let i = 0;
    let lane1 = this.lane1;
    let lane2 = this.lane2;
    if (this.pendingCount > 0) {
      while (this.pendingCount < 4 && i < n) this.pending |= bytes[i++]! << (8 * this.pendingCount++);
      if (this.pendingCount === 4) {
        lane1 = mixWord(lane1, this.pending);
        lane2 = mixWord(lane2, this.pending ^ 0x5bd1e995);
        this.pending = 0;
        this.pendingCount = 0;
      }
    }
    const count = (n - i) >>> 2;
    mixBytes(bytes, i, count, lane1, lane2);
    for (i += 4 * count; i < n; i++) this.pending |= bytes[i]! << (8 * this.pendingCount++);
    this.lane1 = lanesOut1;
    this.lane2 = lanesOut2;
    this.unitLength += n;
    return this;
  }

  /** Ends the unit begun by `begin`, as `update` ends one. */
  end(): this {
    const last = (this.pending << 2) ^ this.pendingCount;
    this.lane1 = mixWord(this.lane1, last);
    this.lane2 = mixWord(this.lane2, last ^ 0x5bd1e995);
    this.length += this.unitLength + 1;
    return this.begin();
  }

  /** A fingerprint in the same state, to go on with other bytes. */
  clone(): Fingerprint {
    const copy = new Fingerprint();
    copy.lane1 = this.lane1;
    copy.lane2 = this.lane2;
    copy.length = this.length;
    copy.pending = this.pending;
    copy.pendingCount = this.pendingCount;
    copy.unitLength = this.unitLength;
    return copy;
  }

  /** 16 hex digits. */
  digest(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    return hex(finish(this.lane1, this.length)) + hex(finish(this.lane2, this.length));
  }
}
