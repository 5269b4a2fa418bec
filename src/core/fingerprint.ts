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
    const whole = i + ((n - i) & ~3);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; i < whole; i += 4) {
      const word = view.getUint32(i, true);
      lane1 = mixWord(lane1, word);
      lane2 = mixWord(lane2, word ^ 0x5bd1e995);
    }
    for (; i < n; i++) this.pending |= bytes[i]! << (8 * this.pendingCount++);
    this.lane1 = lane1;
    this.lane2 = lane2;
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
