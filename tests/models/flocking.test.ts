import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { TorusSpace } from '../../src/core/space';
import { flocking, type FlockingParams } from '../../src/models/flocking';

const defaults = defaultParams(flocking.params) as FlockingParams;

function run(seed: number, changes: Partial<FlockingParams> = {}): Run {
  return Run.create(flocking, { ...defaults, ...changes }, seed);
}

describe('flocking', () => {
  it('keeps birds inside the torus with unit velocities, and the count unchanged', () => {
    fc.assert(
      fc.property(
        fc.record({
          width: fc.integer({ min: 1, max: 60 }),
          height: fc.integer({ min: 1, max: 60 }),
          birds: fc.integer({ min: 0, max: 150 }),
          visualDistance: fc.double({ min: 0, max: 40, noNaN: true }),
          speed: fc.double({ min: 0, max: 3, noNaN: true }),
        }),
        fc.nat(),
        (changes, seed) => {
          const r = run(seed, changes);
          r.runUntil(4);
          const { count, col } = r.world.agents.birds;
          expect(count).toBe(changes.birds);
          for (let i = 0; i < count; i++) {
            expect(col.x[i]).toBeGreaterThanOrEqual(0);
            expect(col.x[i]).toBeLessThan(changes.width);
            expect(col.y[i]).toBeGreaterThanOrEqual(0);
            expect(col.y[i]).toBeLessThan(changes.height);
            expect(Math.hypot(col.vx[i], col.vy[i])).toBeCloseTo(1, 12);
            expect(col.neighbours[i]).toBeGreaterThanOrEqual(0);
            expect(col.neighbours[i]).toBeLessThan(count);
          }
          const alignment = r.reporters().alignment;
          if (count > 0) {
            expect(alignment).toBeGreaterThanOrEqual(0);
            expect(alignment).toBeLessThanOrEqual(1 + 1e-12);
          } else expect(alignment).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts the neighbours each bird sees within its visual distance, across the edges', () => {
    const r = run(5, { birds: 300, width: 40, height: 30 });
    const { count, col } = r.world.agents.birds;
    for (let i = 0; i < count; i++) {
      let n = 0;
      for (let j = 0; j < count; j++) {
        const dx = TorusSpace.offset(col.x[i], col.x[j], 40);
        const dy = TorusSpace.offset(col.y[i], col.y[j], 30);
        if (j !== i && dx * dx + dy * dy <= defaults.visualDistance ** 2) n++;
      }
      expect(col.neighbours[i]).toBe(n);
    }
  });

  it('moves a lone bird straight at its normalised velocity', () => {
    const r = run(3, { birds: 1, speed: 0.5 });
    const { x, y, vx, vy } = r.world.agents.birds.col;
    const norm = Math.hypot(vx[0], vy[0]);
    // Alone, N = 0: velocity becomes v / 2 normalised, i.e. the same direction.
    const ex = TorusSpace.wrap(x[0] + (vx[0] / norm) * 0.5, defaults.width);
    const ey = TorusSpace.wrap(y[0] + (vy[0] / norm) * 0.5, defaults.height);
    r.step();
    expect(x[0]).toBeCloseTo(ex, 12);
    expect(y[0]).toBeCloseTo(ey, 12);
  });

  it('flocks: neighbour counts and alignment rise from the random start', () => {
    const r = run(8);
    const before = r.reporters();
    r.runUntil(100);
    const after = r.reporters();
    expect(after['mean-neighbours']!).toBeGreaterThan(2 * before['mean-neighbours']!);
    expect(after.alignment!).toBeGreaterThan(before.alignment!);
  });
});
