/**
 * Counter-based random numbers: a draw is a pure function of (seed, stream, id, day, draw
 * number), a 64-bit mix of those words, instead of the next number of a shared sequence. So the
 * draws of one key (a customer on a day, an event row on a day) never depend on how many draws
 * other keys took, or in which order: what common random numbers between two runs need.
 * Stateless, so nothing of it goes into a snapshot. Only exact 32-bit integer operations, so
 * every JavaScript engine gives the same numbers.
 */
import { fmix, Hasher, M1, murmurRound, X1, xxRound } from './hash';
import { cos, log } from './dmath';

/** Anything that gives uniform draws in [0, 1): a sequential stream or a keyed one. */
export interface UniformSource {
  next(): number;
}

/** A normal draw from two uniform draws u, v in [0, 1) (Box–Muller with the deterministic math module). */
export function boxMuller(u: number, v: number, mean: number, sd: number): number {
  // 1 - u keeps the argument of log in (0, 1].
  const r = Math.sqrt(-2 * log(1 - u));
  return mean + sd * r * cos(2 * Math.PI * v);
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * Uniform in [0, 1) with 53 bits, from a 64-bit key (k0, k1) and three 32-bit words: two lanes
 * of different rounds, each finalised and then mixed into the other, as the fingerprint's
 * digest is. Every input bit reaches every output bit.
 */
export function mixUniform(k0: number, k1: number, w0: number, w1: number, w2: number): number {
  let a = murmurRound(murmurRound(murmurRound(k0, w0), w1), w2);
  let b = xxRound(xxRound(xxRound(k1, w0), w1), w2);
  a = fmix(a ^ 12);
  b = fmix(b ^ Math.imul(12, X1));
  a = fmix(a + Math.imul(b, M1));
  b = fmix(b ^ a);
  return ((a >>> 5) * TWO_POW_26 + (b >>> 6)) / TWO_POW_53;
}

/**
 * A keyed stream of one run: `at(id, day)` starts the draws of that key, and `next()` then
 * gives its draw number 0, 1, 2, … (`at(id, day, first)` starts at draw `first`, so that a
 * purpose can own fixed draw numbers). The stream is a cursor reused for every key: read a
 * key's draws before starting another's.
 */
export class KeyedStream implements UniformSource {
  private readonly k0: number;
  private readonly k1: number;
  private id = 0;
  private day = 0;
  private counter = 0;

  constructor(seed: number, name: string) {
    const key = new Hasher().text('agora:keyed').word(seed).text(name).hex();
    this.k0 = parseInt(key.slice(0, 8), 16) | 0;
    this.k1 = parseInt(key.slice(8), 16) | 0;
  }

  /** Starts the draws of (id, day) at draw number `first`; returns the stream to draw from. */
  at(id: number, day: number, first = 0): this {
    this.id = id;
    this.day = day;
    this.counter = first;
    return this;
  }

  /** Uniform in [0, 1): the key's next draw. */
  next(): number {
    return mixUniform(this.k0, this.k1, this.id, this.day, this.counter++);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform integer in [0, n), n >= 1. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Normal draw, from two uniform draws (Box–Muller, as `Random.normal`). */
  normal(mean: number, sd: number): number {
    const u = this.next();
    return boxMuller(u, this.next(), mean, sd);
  }
}
