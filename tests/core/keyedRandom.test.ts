import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyedStream, mixUniform } from '../../src/core/keyedRandom';
import { Rng } from '../../src/core/rng';

const draws = (s: KeyedStream, id: number, day: number, n: number, first = 0) => {
  s.at(id, day, first);
  return Array.from({ length: n }, () => s.next());
};

describe('KeyedStream', () => {
  it('gives a key the same draws whatever other keys drew before, and in between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.nat(1_000_000),
        fc.nat(5000),
        fc.array(fc.tuple(fc.nat(1_000_000), fc.nat(5000), fc.nat(20)), { maxLength: 10 }),
        (seed, id, day, others) => {
          const alone = draws(new KeyedStream(seed, 'choices'), id, day, 6);
          const busy = new KeyedStream(seed, 'choices');
          for (const [o, d, n] of others) draws(busy, o, d, n);
          const first = draws(busy, id, day, 3);
          for (const [o, d, n] of others) draws(busy, o, d, n);
          // Draw numbers 3… of the key, started afresh after the others drew.
          expect([...first, ...draws(busy, id, day, 3, 3)]).toEqual(alone);
        },
      ),
    );
  });

  it('differs by seed, stream name, id, day and draw number', () => {
    const base = draws(new KeyedStream(1, 'choices'), 5, 9, 1)[0];
    const variants = [
      draws(new KeyedStream(2, 'choices'), 5, 9, 1)[0],
      draws(new KeyedStream(1, 'traits'), 5, 9, 1)[0],
      draws(new KeyedStream(1, 'choices'), 6, 9, 1)[0],
      draws(new KeyedStream(1, 'choices'), 5, 10, 1)[0],
      draws(new KeyedStream(1, 'choices'), 5, 9, 1, 1)[0],
      // The words are not interchangeable.
      draws(new KeyedStream(1, 'choices'), 9, 5, 1)[0],
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('pins its numbers (they are part of every fingerprint of a model that draws them)', () => {
    expect(draws(new KeyedStream(1, 'choices'), 0, 0, 3)).toEqual([
      0.5006999470218741, 0.05289177973671655, 0.18045492740159252,
    ]);
  });

  it('is uniform over [0, 1) in 53 bits, also along consecutive ids, days and draw numbers', () => {
    const n = 200_000;
    for (const word of [0, 1, 2]) {
      const buckets = new Array<number>(20).fill(0);
      let lowBits = 0;
      let sum = 0;
      let product = 0;
      let previous = 0.5;
      for (let k = 0; k < n; k++) {
        const u = mixUniform(0x1234567, 0x89abcdef, word === 0 ? k : 3, word === 1 ? k : 7, word === 2 ? k : 11);
        expect(u >= 0 && u < 1).toBe(true);
        buckets[Math.floor(u * 20)]++;
        // The lowest of the 53 bits is 1 half the time: the resolution is real.
        lowBits += Math.floor(u * 2 ** 53) % 2;
        sum += u;
        product += (u - 0.5) * (previous - 0.5);
        previous = u;
      }
      const expected = n / 20;
      const chi2 = buckets.reduce((s, b) => s + (b - expected) ** 2 / expected, 0);
      // 19 degrees of freedom: chi² < 43.8 at p = 0.001.
      expect(chi2).toBeLessThan(43.8);
      expect(Math.abs(lowBits / n - 0.5)).toBeLessThan(0.01);
      expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
      // Serial correlation of neighbouring counters near 0 (its sd is 1/√n ≈ 0.0022).
      expect(Math.abs((product / n) * 12)).toBeLessThan(0.012);
    }
  });

  it('draws integers in range and normals with the right moments', () => {
    const s = new KeyedStream(3, 'x');
    let sum = 0;
    let squares = 0;
    const n = 50_000;
    for (let k = 0; k < n; k++) {
      const z = s.at(k, 1).normal(2, 3);
      sum += z;
      squares += (z - 2) ** 2;
      const j = s.int(6);
      expect(Number.isInteger(j) && j >= 0 && j < 6).toBe(true);
    }
    expect(Math.abs(sum / n - 2)).toBeLessThan(0.05);
    expect(Math.abs(Math.sqrt(squares / n) - 3)).toBeLessThan(0.05);
  });

  it('is a stream of the run: same for the same seed and name, and no part of its saved state', () => {
    const rng = new Rng(7);
    expect(rng.keyed('choices')).toBe(rng.keyed('choices'));
    expect(draws(rng.keyed('choices'), 4, 2, 3)).toEqual(draws(new Rng(7).keyed('choices'), 4, 2, 3));
    expect(rng.save()).toEqual(new Rng(7).save());
  });
});
