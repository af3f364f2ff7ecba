import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng';

const draw = (rng: Rng, name: string, n: number) => Array.from({ length: n }, () => rng.stream(name).next());

describe('Rng', () => {
  it('gives the same numbers for the same seed and different ones for another seed', () => {
    expect(draw(new Rng(1), 'setup', 5)).toEqual(draw(new Rng(1), 'setup', 5));
    expect(draw(new Rng(1), 'setup', 5)).not.toEqual(draw(new Rng(2), 'setup', 5));
  });

  it('keeps substreams independent: drawing from one never shifts another', () => {
    const a = new Rng(7);
    draw(a, 'events', 1000);
    expect(draw(a, 'choices', 5)).toEqual(draw(new Rng(7), 'choices', 5));
    expect(draw(new Rng(7), 'events', 5)).not.toEqual(draw(new Rng(7), 'choices', 5));
  });

  it('resumes exactly from a saved state, which survives JSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(50), (seed, before) => {
        const rng = new Rng(seed);
        draw(rng, 'a', before);
        draw(rng, 'b', 3);
        const restored = Rng.restore(JSON.parse(JSON.stringify(rng.save())));
        expect(draw(restored, 'a', 5)).toEqual(draw(rng, 'a', 5));
        expect(draw(restored, 'b', 5)).toEqual(draw(rng, 'b', 5));
        expect(restored.save()).toEqual(rng.save());
      }),
    );
  });

  it('refuses seeds outside 0…2^32−1', () => {
    for (const bad of [-1, 1.5, 2 ** 32, NaN]) expect(() => new Rng(bad)).toThrow(RangeError);
  });

  it('draws integers in range, uniformly enough, and shuffles into a permutation', () => {
    const s = new Rng(3).stream('x');
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[s.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(500);
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.nat(), (items, seed) => {
        const shuffled = new Rng(seed).stream('s').shuffle([...items]);
        expect([...shuffled].sort()).toEqual([...items].sort());
      }),
    );
  });

  it('draws normals with the requested mean and spread', () => {
    const s = new Rng(11).stream('n');
    const xs = Array.from({ length: 20000 }, () => s.normal(5, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / xs.length);
    expect(Math.abs(mean - 5)).toBeLessThan(0.06);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });
});
