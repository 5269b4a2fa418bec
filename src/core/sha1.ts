// SHA-1 in plain JavaScript, for the few short texts a rebuild after an edit hashes (a note's
// body, cards/records.ts): node:crypto, the other way to hash them, took some 11 ms to load
// here, far more than hashing a few notes here takes. Not for security (nothing here is); it
// gives exactly what node:crypto's SHA-1 gives for the same text, which a test holds it to.

const ROUNDS = 80;
/** The 80-word message schedule, reused from one block and one call to the next. */
const schedule = new Int32Array(ROUNDS);

/** The SHA-1 digest, in lower-case hex, of `text` as node:crypto hashes a string: its UTF-8 bytes (a lone surrogate as U+FFFD). */
export function sha1Hex(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const length = bytes.length;
  // The bytes, a 0x80 byte, zeros, and the length in bits as 64 bits, big-endian: whole 64-byte blocks.
  const blocks = ((length + 8) >>> 6) + 1;
  const words = new Int32Array(blocks * 16);
  for (let i = 0; i < length; i++) words[i >>> 2]! |= bytes[i]! << (24 - 8 * (i & 3));
  words[length >>> 2]! |= 0x80 << (24 - 8 * (length & 3));
  words[blocks * 16 - 2] = Math.floor(length / 0x20000000);
  words[blocks * 16 - 1] = (length * 8) | 0;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  const w = schedule;
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) w[t] = words[block * 16 + t]!;
    for (let t = 16; t < ROUNDS; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < ROUNDS; t++) {
      let f: number;
      if (t < 20) f = ((b & c) | (~b & d)) + 0x5a827999;
      else if (t < 40) f = (b ^ c ^ d) + 0x6ed9eba1;
      else if (t < 60) f = ((b & c) | (b & d) | (c & d)) + (0x8f1bbcdc | 0);
      else f = (b ^ c ^ d) + (0xca62c1d6 | 0);
      const next = (((a << 5) | (a >>> 27)) + f + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h0) + hex(h1) + hex(h2) + hex(h3) + hex(h4);
}
