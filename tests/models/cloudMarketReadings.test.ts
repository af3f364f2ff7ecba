/**
 * The cloud market's reporters behind the restated expectations: direct buying by attribute
 * (customer by customer), a learning vendor's epochs per strategy, and the cheapest vendor's rank.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, validateParams, type TableValue } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { cloudMarket } from '../../src/models/cloudMarket';
import { DIRECT } from '../../src/models/cloudMarket/state';

const defaults = defaultParams(cloudMarket.params);

function runFor(changes: Record<string, unknown>, days: number, seed = 3): Run {
  const checked = validateParams(cloudMarket.params, { ...defaults, customers: 600, ...changes });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  const run = Run.create(cloudMarket, checked.value, seed);
  run.runUntil(days);
  return run;
}

/** The gap counted the slow way: customers holding a lot, above minus below their segment's profile value. */
function gapByHand(run: Run, segment: number, profileValue: number): number {
  const c = run.world.agents.customers;
  const col = c.col as unknown as Record<string, ArrayLike<number>>;
  const halves = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < c.count; i++) {
    if (col.units[i] <= 0 || col.segment[i] !== segment || col.itCapability[i] === profileValue) continue;
    const half = halves[col.itCapability[i] > profileValue ? 1 : 0];
    half[0]++;
    if (col.seller[i] === DIRECT) half[1]++;
  }
  return halves[1][1] / halves[1][0] - halves[0][1] / halves[0][0];
}

describe('readings of the restated expectations', () => {
  it('directGap is the direct-buying gap between the halves of a segment, day after day', () => {
    const run = runFor({}, 200);
    // Gaming (segment 1), IT capability profile 0.8; f32 columns hold the profile value as stored.
    const profile = Math.fround(0.8);
    expect(run.reporters()['directGap.itCapability.gaming']).toBeCloseTo(gapByHand(run, 1, profile), 12);
    run.runUntil(260);
    expect(run.reporters()['directGap.itCapability.gaming']).toBeCloseTo(gapByHand(run, 1, profile), 12);
  });

  it("without the self-operation cost, IT capability changes no customer's seller", () => {
    const sellers = (changes: Record<string, unknown>) =>
      Array.from(runFor(changes, 400).world.agents.customers.col.seller as Int8Array);
    const off = { mechSelfOperation: false };
    expect(sellers({ ...off, gamingItCapability: 0.2 })).toEqual(sellers({ ...off, gamingItCapability: 0.9 }));
    expect(sellers({ gamingItCapability: 0.2 })).not.toEqual(sellers({ gamingItCapability: 0.9 }));
  });

  it("a learning vendor's epochs per strategy sum to one; a vendor that does not learn has none", () => {
    const r = runFor({}, 500).reporters();
    const eos = ['profit', 'follow', 'aggressive'].map((arm) => r[`epochShare.${arm}.v4`] ?? NaN);
    expect(eos.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r['epochShare.profit.v0']).toBeNull();
  });

  it('a profit-first learner never spends an epoch on the price war, unless the restriction is off', () => {
    const table = defaults.vendors as TableValue;
    const vendors = {
      ...table,
      rows: table.rows.map((row) => (row.id === 0 ? { ...row, strategy: 'learning' } : row)),
    };
    expect(runFor({ vendors }, 500).reporters()['epochShare.aggressive.v0']).toBe(0);
    expect(
      runFor({ vendors, mechProfitFirstRestriction: false }, 500).reporters()['epochShare.aggressive.v0'],
    ).toBeGreaterThan(0);
  });

  it('cheapest-vendor-rank is the rank by units in use of the lowest-priced vendor', () => {
    const run = runFor({}, 100);
    const v = run.world.agents.vendors.col as unknown as Record<string, ArrayLike<number>>;
    const active = [0, 1, 2, 3, 4].filter((j) => v.active[j] === 1);
    const cheapest = active.reduce((a, b) => (v.price[b] < v.price[a] ? b : a));
    const rank = 1 + active.filter((j) => v.inUse[j] > v.inUse[cheapest]).length;
    expect(run.reporters()['cheapest-vendor-rank']).toBe(rank);
  });
});
