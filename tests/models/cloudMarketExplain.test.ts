/** The inspector's "why" for a customer: its terms add up, its chances are a distribution, and explaining never changes a run. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { cloudMarket } from '../../src/models/cloudMarket';
import type { MarketParams } from '../../src/models/cloudMarket/params';
import type { MarketWorld } from '../../src/models/cloudMarket/state';

const defaults = defaultParams(cloudMarket.params) as MarketParams;
const small = (changes: Partial<MarketParams> = {}): MarketParams => ({ ...defaults, customers: 300, ...changes });

describe('explaining a customer', () => {
  it('gives terms that add up to each option’s utility and chances that sum to 1, highest utility most likely', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 400 }),
        fc.nat(),
        fc.boolean(),
        (seed, days, pick, neighbours) => {
          const run = Run.create(cloudMarket, small({ mechNeighbours: neighbours }), seed);
          run.runUntil(days);
          const world = run.world as unknown as MarketWorld;
          const i = pick % world.agents.customers.count;
          const e = run.explain('customers', i)!;
          // Columns: chance, total, price, then the terms (price, quality, service, neighbours, brand).
          const options = e.rows.map(({ values: [chance, utility, , ...terms], current }) => ({
            terms,
            utility,
            chance,
            current,
          }));
          for (const o of options) {
            expect(o.terms.reduce((a, b) => a + b, 0)).toBeCloseTo(o.utility, 9);
            expect(o.terms).toHaveLength(5);
            if (!neighbours) expect(o.terms[3]).toBe(0);
          }
          expect(options.reduce((a, o) => a + o.chance, 0)).toBeCloseTo(1, 12);
          const best = [...options].sort((x, y) => y.utility - x.utility)[0];
          expect(Math.max(...options.map((o) => o.chance))).toBe(best.chance);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('names every seller in the market, marks the current one, and says whether loyalty spares the comparison', () => {
    const run = Run.create(cloudMarket, small(), 3);
    run.runUntil(200);
    const world = run.world as unknown as MarketWorld;
    const c = world.agents.customers.col;
    const i = Array.from({ length: world.agents.customers.count }, (_, k) => k).find((k) => c.seller[k] >= 0)!;
    const e = run.explain('customers', i)!;
    const labels = e.rows.map((r) => (typeof r.label === 'string' ? r.label : r.label.english));
    const active = defaults.vendors.rows
      .filter((_, j) => world.agents.vendors.col.active[j] && !world.agents.vendors.col.exited[j])
      .map((r) => String(r.name));
    expect(labels).toEqual([...active, 'direct purchase']);
    expect(e.rows.filter((r) => r.current)).toHaveLength(1);
    expect(e.rows.every((r) => r.values.length === e.columns.length)).toBe(true);
    // Above the threshold it renews without comparing (unless a price hike costs it the margin);
    // below it, it compares with the switching cost's chance.
    if (c.loyalty[i] <= defaults.loyaltyThreshold) {
      expect(e.notes[0].path).toBe('explain.compares');
      // The loyalty it weighs is its own, less the hike penalty when its seller now asks more.
      const weighed = Number(e.notes[0].vars!.loyalty);
      expect([c.loyalty[i], c.loyalty[i] - 0.1].some((l) => Math.abs(l - weighed) < 0.006)).toBe(true);
      expect(Number(e.notes[0].vars!.chance)).toBeCloseTo(Math.exp(-defaults.switchingCost * weighed), 1);
    } else expect(['explain.loyal', 'explain.compares']).toContain(e.notes[0].path);
    expect(run.explain('suppliers', 0)).toBeNull();
  });

  it('shows every vendor’s brand fitted against the reference market, the inspected one marked', () => {
    const run = Run.create(cloudMarket, small(), 3);
    run.runUntil(30);
    const world = run.world as unknown as MarketWorld;
    const v = world.agents.vendors.col;
    const e = run.explain('vendors', 1)!;
    expect(e.rows.map((r) => r.label)).toEqual(defaults.vendors.rows.map((r) => String(r.name)));
    expect(e.rows.map((r) => r.current)).toEqual(defaults.vendors.rows.map((_, j) => j === 1));
    e.rows.forEach((r, j) => {
      expect(r.values[0]).toBe(v.baseBrand[j]);
      expect(r.values[2]).toBe(v.referencePrice[j]);
    });
    expect(e.notes[0].vars!.margin).toBe(defaults.referenceMargin);
  });

  it('never changes the run it explains', () => {
    const explained = Run.create(cloudMarket, small(), 9);
    const plain = Run.create(cloudMarket, small(), 9);
    for (let day = 0; day < 120; day++) {
      explained.explain('customers', day % 300);
      explained.step();
      plain.step();
    }
    expect(explained.fingerprint()).toBe(plain.fingerprint());
  });
});
