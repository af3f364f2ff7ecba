import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY } from '../../src/core/grid';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { segregation, type SegregationParams } from '../../src/models/segregation';

const defaults = defaultParams(segregation.params) as SegregationParams;

function run(seed: number, changes: Partial<SegregationParams> = {}): Run {
  return Run.create(segregation, { ...defaults, ...changes }, seed);
}

const scenario = fc.record({
  width: fc.integer({ min: 1, max: 25 }),
  height: fc.integer({ min: 1, max: 25 }),
  agents: fc.integer({ min: 0, max: 700 }),
  radius: fc.integer({ min: 1, max: 3 }),
  minSameNeighbours: fc.integer({ min: 0, max: 9 }),
  wrap: fc.boolean(),
});

describe('segregation', () => {
  it('keeps every agent on its own cell, the count and the groups unchanged, the happy fraction in [0, 1]', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (changes, seed) => {
        const r = run(seed, changes);
        const { people, patches } = r.world.agents;
        const n = Math.min(changes.agents, changes.width * changes.height);
        const blue = Math.ceil(n / 2);
        for (let t = 0; t <= 4; t++) {
          expect(people.count).toBe(n);
          expect(patches.count).toBe(changes.width * changes.height);
          const occupied = patches.col.occupant.subarray(0, patches.count).filter((a) => a !== EMPTY).length;
          expect(occupied).toBe(n);
          let groupZero = 0;
          for (let i = 0; i < n; i++) {
            expect(patches.col.occupant[people.col.y[i] * changes.width + people.col.x[i]]).toBe(i);
            if (people.col.group[i] === 0) groupZero++;
          }
          expect(groupZero).toBe(blue);
          const happy = r.reporters()['happy-fraction'];
          if (n === 0) expect(happy).toBeNull();
          else {
            expect(happy).toBeGreaterThanOrEqual(0);
            expect(happy).toBeLessThanOrEqual(1);
          }
          r.step();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('moves exactly the agents that were unhappy at their turn', () => {
    const r = run(4);
    r.step();
    const { happy } = r.world.agents.people.col;
    const unhappy = happy.subarray(0, r.world.agents.people.count).filter((h) => h === 0).length;
    expect(r.reporters().moved).toBe(unhappy);
  });

  it('segregates: similar neighbours rise well above the mixed start', () => {
    const r = run(7);
    const start = r.reporters()['similar-neighbours']!;
    expect(start).toBeGreaterThan(0.4);
    expect(start).toBeLessThan(0.6);
    r.runUntil(20);
    expect(r.reporters()['similar-neighbours']!).toBeGreaterThan(0.75);
    expect(r.reporters()['happy-fraction']!).toBeGreaterThan(0.95);
  });

  it('gives the same run for the same seed', () => {
    const a = run(11, { width: 30, height: 20, agents: 450, radius: 2, minSameNeighbours: 8 });
    const b = run(11, { width: 30, height: 20, agents: 450, radius: 2, minSameNeighbours: 8 });
    a.runUntil(6);
    b.runUntil(6);
    expect(a.fingerprint()).toBe(b.fingerprint());
  });

  it('stops once everyone is happy, as NetLogo does, and not before', () => {
    const r = run(1);
    r.runUntil(1000);
    const { count, col } = r.world.agents.people;
    expect(r.tick).toBeLessThan(1000);
    expect(r.done).toBe(true);
    expect(col.happy.subarray(0, count).every((h) => h === 1)).toBe(true);
    const before = run(1);
    before.runUntil(r.tick - 1);
    expect(before.done).toBe(false);
  });
});
