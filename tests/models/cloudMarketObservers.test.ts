/**
 * Observer state of the cloud market (columns written only to measure a run): the dynamics and
 * the fingerprint are the same whatever the observers hold; snapshots keep them; the readings
 * built on them match a count by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParams, validateParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import type { AgentSet, Column } from '../../src/core/world';
import { cloudMarket } from '../../src/models/cloudMarket';
import type { MarketParams } from '../../src/models/cloudMarket/params';
import type { MarketWorld } from '../../src/models/cloudMarket/state';

const SHOCK_DAY = 40;

function scenario(customers: number, magnitude: number): MarketParams {
  const events = {
    nextId: 1,
    rows: [{ id: 0, kind: 'supply-shock', day: SHOCK_DAY, subject: -1, magnitude, duration: 30 }],
  };
  const checked = validateParams(cloudMarket.params, { ...defaultParams(cloudMarket.params), customers, events });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  return checked.value as MarketParams;
}

/** Every observer column and global of the run, overwritten with values drawn from `seed`. */
function scramble(run: Run, seed: number): void {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const observers = cloudMarket.world.observers!;
  for (const [name, keys] of Object.entries(observers.columns ?? {})) {
    const set = run.world.agents[name] as AgentSet;
    for (const key of keys) {
      const column = (set.col as Record<string, Column>)[key];
      for (let i = 0; i < set.count; i++) column[i] = (next() % 2000) - 1000;
    }
  }
  for (const g of observers.globals ?? []) run.world.globals[g] = next();
}

describe('observer state', () => {
  it('is declared over columns the world has', () => {
    const observers = cloudMarket.world.observers!;
    const declared = cloudMarket.world.agents as Record<string, Record<string, string>>;
    for (const [name, keys] of Object.entries(observers.columns ?? {}))
      for (const key of keys) expect(declared[name]?.[key], `${name}.${key}`).toBeDefined();
  });

  it('never changes the dynamics or the fingerprint, whatever it holds', () => {
    const params = scenario(300, 0.8);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer(),
        (seed, day, noise) => {
          const straight = Run.create(cloudMarket, params, seed);
          const scrambled = Run.create(cloudMarket, params, seed);
          straight.runUntil(day);
          scrambled.runUntil(day);
          scramble(scrambled, noise);
          expect(scrambled.fingerprint()).toBe(straight.fingerprint());
          straight.runUntil(100);
          scrambled.runUntil(100);
          expect(scrambled.fingerprint()).toBe(straight.fingerprint());
          // Every reporter that does not read an observer is the same too.
          const observed = /^(deliveryRate|retention|retainedLoyalty|profitTrough|profitPositiveDay)\./;
          const dynamic = (r: Record<string, number | null>) =>
            Object.fromEntries(Object.entries(r).filter(([name]) => !observed.test(name)));
          expect(dynamic(scrambled.reporters())).toEqual(dynamic(straight.reporters()));
        },
      ),
      { numRuns: 4 },
    );
  });

  it('is in the fingerprint’s blind spot only: a change of a state column changes the fingerprint', () => {
    const run = Run.create(cloudMarket, scenario(300, 0.8), 3);
    run.runUntil(10);
    const before = run.fingerprint();
    (run.world as MarketWorld).agents.customers.col.loyalty[0] += 0.01;
    expect(run.fingerprint()).not.toBe(before);
  });

  it('is kept by a snapshot, so a restored run reads what a straight run reads', () => {
    const params = scenario(300, 0.8);
    const straight = Run.create(cloudMarket, params, 9);
    straight.runUntil(SHOCK_DAY + 10);
    const restored = Run.restore(cloudMarket, straight.snapshot());
    straight.runUntil(120);
    restored.runUntil(120);
    expect(restored.reporters()).toEqual(straight.reporters());
    expect(straight.reporters()['retention.v0']).not.toBeNull();
  });
});

describe('the readings observers make', () => {
  it('retention and the loyalty of those kept match a count by hand from the shock day’s sellers', () => {
    const run = Run.create(cloudMarket, scenario(400, 0.8), 4);
    run.runUntil(SHOCK_DAY);
    const w = run.world as MarketWorld;
    const c = w.agents.customers.col;
    const before = Array.from({ length: w.agents.customers.count }, (_, i) => (c.units[i] > 0 ? c.seller[i] : -2));
    expect(run.reporters()['retention.v0']).toBeNull();
    run.runUntil(150);
    const kept = before.flatMap((seller, i) => (seller === 0 && c.units[i] > 0 && c.seller[i] === 0 ? [i] : []));
    const r = run.reporters();
    expect(r['retention.v0']).toBeCloseTo(kept.length / before.filter((s) => s === 0).length, 12);
    expect(r['retainedLoyalty.v0']).toBeCloseTo(kept.reduce((t, i) => t + c.loyalty[i], 0) / kept.length, 6);
  });

  it('a shock that cuts supply lowers the delivery rate from the shock day on; without it vendors deliver', () => {
    const rate = (magnitude: number) => {
      const run = Run.create(cloudMarket, scenario(1500, magnitude), 5);
      run.runUntil(SHOCK_DAY + 30);
      return run.reporters()['deliveryRate.v0']!;
    };
    expect(rate(0)).toBeGreaterThan(0.99);
    expect(rate(1)).toBeLessThan(0.8);
  });

  it('counts a purchase once, however many days a customer left short tries again', () => {
    const run = Run.create(cloudMarket, scenario(1500, 1), 5);
    run.runUntil(SHOCK_DAY);
    const w = run.world as MarketWorld;
    const c = w.agents.customers.col;
    const stockoutsBefore = Array.from(c.stockouts.subarray(0, w.agents.customers.count));
    let dailyStockouts = 0;
    while (run.tick < SHOCK_DAY + 30 && run.step())
      for (let j = 0; j < w.agents.vendors.count; j++) dailyStockouts += w.agents.vendors.col.stockoutsToday[j];
    const v = w.agents.vendors.col;
    let short = 0;
    for (let j = 0; j < w.agents.vendors.count; j++) short += v.observedShort[j];
    // Contracts last far longer than the 30 days: each customer needs at most one purchase in them
    // (customers who arrived in them included).
    let leftShort = 0;
    for (let i = 0; i < w.agents.customers.count; i++) if (c.stockouts[i] > (stockoutsBefore[i] ?? 0)) leftShort++;
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThanOrEqual(leftShort);
    expect(short).toBeLessThan(dailyStockouts);
  });

  it('the trough is the lowest cumulative profit so far, and the positive day the day it last turned positive', () => {
    const run = Run.create(cloudMarket, scenario(300, 0), 25);
    let trough = 0;
    let positiveSince: number | null = null;
    const positiveDays = new Set<number>();
    // Cirrus's accrual profit dips below zero and back several times in its first months here.
    while (run.tick < 200 && run.step()) {
      const r = run.reporters();
      const profit = r['cumulativeProfit.v2']!;
      trough = Math.min(trough, profit);
      if (profit <= 0) positiveSince = null;
      else positiveSince ??= run.tick - 1;
      if (positiveSince !== null) positiveDays.add(positiveSince);
      expect(r['profitTrough.v2']).toBe(trough);
      expect(r['profitPositiveDay.v2']).toBe(positiveSince);
    }
    expect(trough).toBeLessThan(0);
    expect(positiveDays.size).toBeGreaterThan(2);
  });
});
