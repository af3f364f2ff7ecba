/**
 * Seeded randomness owned by one run. The seed is split into named substreams (setup, step,
 * events, choices, …), each an independent generator derived from (seed, name): a model that
 * draws more numbers in one stream never shifts another, which is what lets two scenarios
 * share common random numbers later on. A keyed stream (`keyed`, keyedRandom.ts) goes further:
 * its draws are a pure function of a key (a customer and a day), whatever others drew.
 *
 * IMPORTANT: core code draws randomness only from here, never from Math.random.
 */
import seedrandom from 'seedrandom';
import { sin, cos } from './dmath';
import { boxMuller, KeyedStream, type UniformSource } from './keyedRandom';

/** Saved state of one Alea generator (seedrandom's own state format). */
export interface StreamState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}
/** Saved state of a whole run's randomness; JSON-safe. */
export interface RngState {
  readonly seed: number;
  /** Streams in name order. */
  readonly streams: Readonly<Record<string, StreamState>>;
}

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/**
 * The one spelling of a valid seed. `-0` passes `isValidSeed` (it is an integer ≥ 0) and
 * names the same random streams as 0, but its IEEE-754 bytes differ, so a fingerprint would
 * tell the two runs apart. Every gate that accepts a seed stores it through this.
 */
export function canonicalSeed(seed: number): number {
  return seed === 0 ? 0 : seed;
}

/** One random stream: uniform, integer, normal draws and shuffles. */
export class Random implements UniformSource {
  private readonly prng: seedrandom.StatefulPRNG<seedrandom.State.Alea>;

  constructor(key: string, state?: StreamState) {
    this.prng = seedrandom.alea(key, { state: state ? { ...state } : true });
  }

  /** Uniform in [0, 1) with 53 bits of resolution. */
  next(): number {
    return this.prng.double();
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.prng.double();
  }

  /** Uniform integer in [0, n), n >= 1. */
  int(n: number): number {
    return Math.floor(this.prng.double() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.prng.double() < p;
  }

  /** Normal draw (Box–Muller with the deterministic math module). */
  normal(mean: number, sd: number): number {
    const u = this.prng.double();
    return boxMuller(u, this.prng.double(), mean, sd);
  }

  /** A uniformly random heading in radians together with its sine and cosine. */
  direction(): { angle: number; dx: number; dy: number } {
    const angle = 2 * Math.PI * this.prng.double();
    return { angle, dx: cos(angle), dy: sin(angle) };
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  state(): StreamState {
    const { c, s0, s1, s2 } = this.prng.state();
    return { c, s0, s1, s2 };
  }
}

/** The randomness of one run: a seed and its named substreams. */
export class Rng {
  private readonly streams = new Map<string, Random>();
  private readonly keyedStreams = new Map<string, KeyedStream>();

  readonly seed: number;

  constructor(seed: number, saved?: RngState) {
    if (!isValidSeed(seed)) throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
    this.seed = canonicalSeed(seed);
    if (saved) {
      for (const [name, state] of Object.entries(saved.streams))
        this.streams.set(name, new Random(streamKey(seed, name), state));
    }
  }

  /** The substream `name`, created on first use from (seed, name). */
  stream(name: string): Random {
    let s = this.streams.get(name);
    if (!s) {
      s = new Random(streamKey(this.seed, name));
      this.streams.set(name, s);
    }
    return s;
  }

  /**
   * The keyed (counter-based) stream `name`: draws that are a pure function of (seed, name,
   * key), so it has no state to save; see keyedRandom.ts.
   */
  keyed(name: string): KeyedStream {
    let s = this.keyedStreams.get(name);
    if (!s) {
      s = new KeyedStream(this.seed, name);
      this.keyedStreams.set(name, s);
    }
    return s;
  }

  /** The full state, streams in name order so that equal states serialise equally. */
  save(): RngState {
    const streams: Record<string, StreamState> = {};
    for (const name of [...this.streams.keys()].sort()) streams[name] = this.streams.get(name)!.state();
    return { seed: this.seed, streams };
  }

  static restore(state: RngState): Rng {
    return new Rng(state.seed, state);
  }
}

function streamKey(seed: number, name: string): string {
  return `agora:${seed}:${name}`;
}
