/** Forks: without a change a fork is the base, tick for tick; with changes it is the run that had them from Setup. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkSnapshot } from '../../src/core/fork';
import type { Model } from '../../src/core/model';
import { defaultParams, validateParams, type ParamSchema, type ParamValues } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { mergeChanges } from '../../src/core/fork';
import type { TimedChange } from '../../src/core/timedChanges';
import { cloudMarket } from '../../src/models/cloudMarket';
import { STRATEGIES } from '../../src/models/cloudMarket/params';
import { flocking } from '../../src/models/flocking';
import { kMeans } from '../../src/models/kmeans';
import { segregation } from '../../src/models/segregation';

type Params = ParamValues<ParamSchema>;

function paramsOf(model: Model, values: Record<string, unknown>): Params {
  const checked = validateParams(model.params, { ...defaultParams(model.params), ...values });
  if (!checked.ok) throw new Error(checked.errors[0].message);
  return checked.value;
}

/** Each model small enough for many runs: [model, params, ticks]. */
const CASES: [Model, Params, number][] = [
  [cloudMarket, paramsOf(cloudMarket, { customers: 300, years: 1 }), 40],
  [segregation, paramsOf(segregation, {}), 20],
  [kMeans, paramsOf(kMeans, {}), 12],
  [flocking, paramsOf(flocking, {}), 30],
];

function fork(model: Model, run: Run, changes: readonly TimedChange[] = []): Run {
  const snapshot = forkSnapshot(model, run.snapshot(), changes);
  if (!snapshot.ok) throw new Error(snapshot.errors[0].message);
  return Run.restore(model, snapshot.value);
}

describe('a fork without changes', () => {
  for (const [model, params, ticks] of CASES) {
    it(`equals the base bit for bit at every later tick (${model.id})`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: ticks }), (seed, day) => {
          const base = Run.create(model, params, seed);
          base.runUntil(day);
          const forked = fork(model, base);
          expect(forked.fingerprint()).toBe(base.fingerprint());
          while (base.tick < ticks) {
            const stepped = base.step();
            expect(forked.step()).toBe(stepped);
            expect(forked.fingerprint()).toBe(base.fingerprint());
            if (!stepped) break;
          }
          expect(forked.reporters()).toEqual(base.reporters());
        }),
        { numRuns: 5 },
      );
    });
  }
});

const lever = fc.oneof(
  fc.record({
    param: fc.constantFrom('vendors#0.strategy', 'vendors#2.strategy'),
    value: fc.constantFrom(...STRATEGIES),
  }),
  fc.record({ param: fc.constant('vendors#1.margin'), value: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ param: fc.constant('choiceNoise'), value: fc.double({ min: 0.02, max: 5, noNaN: true }) }),
);

describe('a fork with changes', () => {
  const [, params, ticks] = CASES[0];

  it('equals one run set up with the base changes and the fork changes together', () => {
    const changesFrom = (from: number) =>
      fc
        .array(fc.record({ tick: fc.integer({ min: from, max: ticks }), change: lever }), { maxLength: 3 })
        .map((list) => list.map(({ tick, change }) => ({ tick, ...change })).sort((a, b) => a.tick - b.tick));
    const scenario = fc
      .integer({ min: 0, max: ticks })
      .chain((day) => fc.tuple(fc.constant(day), changesFrom(0), changesFrom(day)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), scenario, (seed, [day, baseChanges, forkChanges]) => {
        const base = Run.create(cloudMarket, params, seed, baseChanges);
        base.runUntil(day);
        const forked = fork(cloudMarket, base, forkChanges);
        forked.runUntil(ticks);
        const straight = Run.create(cloudMarket, params, seed, mergeChanges(baseChanges, forkChanges));
        straight.runUntil(ticks);
        expect(forked.fingerprint()).toBe(straight.fingerprint());
        expect(forked.params).toEqual(straight.params);
        // The base goes on as it would have without the fork.
        base.runUntil(ticks);
        const alone = Run.create(cloudMarket, params, seed, baseChanges);
        alone.runUntil(ticks);
        expect(base.fingerprint()).toBe(alone.fingerprint());
      }),
      { numRuns: 8 },
    );
  });

  it('is refused a change before the fork day or of a parameter that is not live', () => {
    const base = Run.create(cloudMarket, params, 1);
    base.runUntil(10);
    const early = forkSnapshot(cloudMarket, base.snapshot(), [{ tick: 9, param: 'choiceNoise', value: 1 }]);
    expect(!early.ok && early.errors[0].message).toBe('fork.changes[0].tick: must be at least the fork day 10');
    const setup = forkSnapshot(cloudMarket, base.snapshot(), [{ tick: 10, param: 'customers', value: 10 }]);
    expect(!setup.ok && setup.errors[0].message).toMatch(/customers: takes effect at the next Setup/);
  });

  it('keeps the random events drawn and the layout of new customers when only a vendor strategy changes', () => {
    // A random event (a yearly demand swing) draws from the events stream every day.
    const withRandomEvent = paramsOf(cloudMarket, {
      customers: 300,
      years: 1,
      growth: 0.5,
      events: {
        nextId: 1,
        rows: [{ id: 0, kind: 'demand', day: 0, perYear: 0.9, subject: -1, object: -1, magnitude: 1.2, duration: 20 }],
      },
    });
    const base = Run.create(cloudMarket, withRandomEvent, 3);
    base.runUntil(5);
    const forked = fork(cloudMarket, base, [{ tick: 5, param: 'vendors#2.strategy', value: 'profit' }]);
    for (let t = 5; t < 60; t++) {
      base.step();
      forked.step();
      const [a, b] = [base.rng.save().streams, forked.rng.save().streams];
      expect(b.events).toEqual(a.events);
      expect(b.layout).toEqual(a.layout);
    }
    expect(forked.fingerprint()).not.toBe(base.fingerprint());
  });
});
