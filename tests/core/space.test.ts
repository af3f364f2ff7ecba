import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../src/core/rng';
import { TorusSpace } from '../../src/core/space';

/** Indices within `radius` of point `self` on the torus, by checking every point. */
function bruteNear(
  xs: Float64Array,
  ys: Float64Array,
  w: number,
  h: number,
  px: number,
  py: number,
  radius: number,
  self: number,
): number[] {
  const out: number[] = [];
  for (let j = 0; j < xs.length; j++) {
    if (j === self) continue;
    const dx = TorusSpace.offset(px, xs[j], w);
    const dy = TorusSpace.offset(py, ys[j], h);
    if (dx * dx + dy * dy <= radius * radius) out.push(j);
  }
  return out;
}

const cloud = fc
  .record({
    width: fc.double({ min: 1, max: 60, noNaN: true }),
    height: fc.double({ min: 1, max: 60, noNaN: true }),
    n: fc.integer({ min: 0, max: 120 }),
    bucket: fc.double({ min: 0.3, max: 20, noNaN: true }),
    seed: fc.nat(),
  })
  .map(({ width, height, n, bucket, seed }) => {
    const random = new Random(`space:${seed}`);
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = random.uniform(0, width);
      ys[i] = random.uniform(0, height);
    }
    return { width, height, bucket, xs, ys, random };
  });

describe('TorusSpace', () => {
  it('finds exactly the points a brute-force search finds, across the edges', () => {
    fc.assert(
      fc.property(cloud, fc.double({ min: 0, max: 40, noNaN: true }), ({ width, height, bucket, xs, ys }, radius) => {
        const space = new TorusSpace(width, height, bucket);
        space.rebuild(xs, ys, xs.length);
        for (let i = 0; i < xs.length; i++) {
          const n = space.near(xs[i], ys[i], radius, i);
          const found = Array.from(space.found.subarray(0, n)).sort((a, b) => a - b);
          expect(found).toEqual(bruteNear(xs, ys, width, height, xs[i], ys[i], radius, i));
          for (let k = 0; k < n; k++) {
            const j = space.found[k];
            expect(space.foundDx[k]).toBeCloseTo(TorusSpace.offset(xs[i], xs[j], width), 9);
            expect(space.foundDy[k]).toBeCloseTo(TorusSpace.offset(ys[i], ys[j], height), 9);
          }
        }
      }),
    );
  });

  it('stays exact for points moved up to the slack after the rebuild', () => {
    fc.assert(
      fc.property(
        cloud,
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        ({ width, height, bucket, xs, ys, random }, radius, slack) => {
          const space = new TorusSpace(width, height, bucket);
          space.rebuild(xs, ys, xs.length, slack);
          for (let i = 0; i < xs.length; i++) {
            const { dx, dy } = random.direction();
            const step = random.uniform(0, slack);
            xs[i] = TorusSpace.wrap(xs[i] + dx * step, width);
            ys[i] = TorusSpace.wrap(ys[i] + dy * step, height);
            space.update(i);
          }
          for (let i = 0; i < xs.length; i++) {
            const found: number[] = [];
            space.forEachNeighbour(xs[i], ys[i], radius, (j) => found.push(j), i);
            expect(found.sort((a, b) => a - b)).toEqual(bruteNear(xs, ys, width, height, xs[i], ys[i], radius, i));
          }
        },
      ),
    );
  });

  it('wraps coordinates into [0, size)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0.001, max: 1e4, noNaN: true }),
        (v, size) => {
          const w = TorusSpace.wrap(v, size);
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThan(size);
        },
      ),
    );
    expect(TorusSpace.wrap(-1e-17, 150)).toBe(0);
    expect(TorusSpace.offset(149, 1, 150)).toBe(2);
    expect(TorusSpace.offset(1, 149, 150)).toBe(-2);
  });
});
