// A 64-bit fingerprint of bytes, computed in plain JavaScript. It tells whether a deck's notes
// changed since its cards were built: the check `paperdeck due` makes on every shell prompt,
// where loading node:crypto alone (with the stream machinery it pulls in) would cost more
// than everything else `due` does on a small deck. Accidental change detection only, not
// security: two 32-bit MurmurHash3 lanes with different seeds, so two different versions of
// someone's notes collide with odds of about 1 in 2^64.

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

/** Fingerprints a sequence of byte arrays; each array's length counts, so boundaries matter. */
export class Fingerprint {
  private lane1 = 0x9747b28c | 0;
  private lane2 = 0x2d358dcc | 0;
  private length = 0;

  update(bytes: Uint8Array): this {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const whole = bytes.byteLength & ~3;
    let lane1 = this.lane1;
    let lane2 = this.lane2;
    for (let i = 0; i < whole; i += 4) {
      const word = view.getUint32(i, true);
      lane1 = mixWord(lane1, word);
      lane2 = mixWord(lane2, word ^ 0x5bd1e995);
    }
    let tail = 0;
    for (let i = bytes.byteLength - 1; i >= whole; i--) tail = (tail << 8) | bytes[i]!;
    // The tail's length goes in with it, so "ab" + "" and "a" + "b" differ.
    const last = (tail << 2) ^ (bytes.byteLength - whole);
    this.lane1 = mixWord(lane1, last);
    this.lane2 = mixWord(lane2, last ^ 0x5bd1e995);
    this.length += bytes.byteLength + 1;
    return this;
  }

  /** 16 hex digits. */
  digest(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    return hex(finish(this.lane1, this.length)) + hex(finish(this.lane2, this.length));
  }
}
