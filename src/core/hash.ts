/**
 * A streaming 64-bit digest over 32-bit words, for fingerprints of simulation state.
 * Two independent 32-bit lanes (a MurmurHash3-style round and an xxHash32-style round) are
 * fed the same words and finalised together. Not cryptographic: it detects divergence of
 * runs, it does not resist forgery. Only exact integer operations are used, so the digest is
 * the same in every JavaScript engine.
 */

export const M1 = 0xcc9e2d51;
const M2 = 0x1b873593;
export const X1 = 0x9e3779b1;
const X2 = 0x85ebca77;

/** One MurmurHash3 round of lane a. */
export function murmurRound(a: number, w: number): number {
  let k = Math.imul(w, M1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, M2);
  a ^= k;
  a = (a << 13) | (a >>> 19);
  return (Math.imul(a, 5) + 0xe6546b64) | 0;
}

/** One xxHash32 round of lane b. */
export function xxRound(b: number, w: number): number {
  b = (b + Math.imul(w, X2)) | 0;
  b = (b << 13) | (b >>> 19);
  return Math.imul(b, X1);
}

/** MurmurHash3's finaliser: every input bit reaches every output bit (unsigned 32-bit result). */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Scratch views for reading the IEEE-754 bytes of single numbers without allocating.
// NOTE: typed-array views use the platform's byte order; every platform that runs JavaScript
// engines today is little-endian, which the fingerprint's golden values assume.
const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

export class Hasher {
  private a = 0x243f6a88;
  private b = 0x13198a2e;
  private words = 0;

  /** Feeds one 32-bit word (the low 32 bits of `w`). */
  word(w: number): this {
    this.a = murmurRound(this.a, w);
    this.b = xxRound(this.b, w);
    this.words++;
    return this;
  }

  /** Feeds a number as its 8 IEEE-754 bytes (so -0, NaN payloads and 0.1 + 0.2 all count). */
  float(x: number): this {
    f64[0] = x;
    return this.word(f64Words[0]).word(f64Words[1]);
  }

  /** Feeds a string: its length, then its UTF-16 code units. */
  text(s: string): this {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    return this;
  }

  /** Feeds the words of a 32-bit view (used for the bytes of float and int columns). */
  words32(view: Uint32Array | Int32Array): this {
    for (let i = 0; i < view.length; i++) this.word(view[i]);
    return this;
  }

  /** The digest as 16 lowercase hex characters. */
  hex(): string {
    let a = this.a ^ this.words;
    let b = this.b ^ Math.imul(this.words, X1);
    a = fmix(a + Math.imul(b, M1));
    b = fmix(b ^ a);
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }
}
