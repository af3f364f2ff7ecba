/**
 * The cloud market's behaviour since versions 2 and 3: price is a lever from day 0 (brands are fitted against
 * the reference market, not the vendors' own prices), a market at rest stays put, strategies
 * end and return, a learner follows its group policy, loyalty binds for a minority, and targeting matters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParams, validateParams, type TableValue } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { cloudMarket } from '../../src/models/cloudMarket';
import { AGGRESSIVE, PROFIT } from '../../src/models/cloudMarket/paramValues';
import type { MarketParams } from '../../src/models/cloudMarket/params';
import { countLoyalCustomers, type MarketWorld } from '../../src/models/cloudMarket/state';

const defaults = defaultParams(cloudMarket.params) as MarketParams;

function scenario(changes: Record<string, unknown>): MarketParams {
  const checked = validateParams(cloudMarket.params, { ...defaults, ...changes });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  return checked.value as MarketParams;
}

/** The default vendors with row `index` changed. */
function vendorChanged(index: number, change: Record<string, unknown>, base = defaults.vendors as TableValue) {
  return { ...base, rows: base.rows.map((r, j) => (j === index ? { ...r, ...change } : r)) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function shareAt(params: MarketParams, seed: number, day: number, vendorId: number): number {
  const run = Run.create(cloudMarket, params, seed);
  run.runUntil(day);
  return run.reporters()[`share.v${vendorId}`] ?? 0;
}

describe('price is a lever from day 0', () => {
  const seeds = [1, 2, 3, 4];
  const atYear1 = (params: MarketParams) => mean(seeds.map((seed) => shareAt(params, seed, 365, 0)));

  it('a dearer vendor (higher margin) holds less share at year 1, everything else equal', () => {
    const base = scenario({ customers: 1500 });
    const dearer = scenario({ customers: 1500, vendors: vendorChanged(0, { margin: 70 }) });
    expect(atYear1(dearer)).toBeLessThan(atYear1(base) - 0.01);
  });

  it('a price band that forces a vendor above its price lowers its share at year 1', () => {
    const base = scenario({ customers: 1500 });
    const banded = scenario({ customers: 1500, vendors: vendorChanged(0, { priceMin: 45 }) });
    expect(atYear1(banded)).toBeLessThan(atYear1(base) - 0.01);
  });

  it('starts every vendor at its initial share whatever its price (the installed base)', () => {
    const dearer = scenario({ vendors: vendorChanged(0, { margin: 120 }) });
    const run = Run.create(cloudMarket, dearer, 3);
    expect(Math.abs(run.reporters()['share.v0']! - 0.32)).toBeLessThan(0.03);
  });
});

describe('a market at rest', () => {
  it('stays put: no seller’s mean share (10 seeds) moves more than 1.5 pp in 5 years', { timeout: 120_000 }, () => {
    const preset = cloudMarket.presets!.find((p) => p.id === 'market-at-rest')!;
    const params = scenario(preset.params);
    const names = [...params.vendors.rows.map((r) => `share.v${r.id}`), 'share.direct'];
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const byYear = Array.from({ length: 6 }, () => names.map(() => 0));
    for (const seed of seeds) {
      const run = Run.create(cloudMarket, params, seed);
      for (let year = 0; year <= 5; year++) {
        run.runUntil(year * 365);
        const r = run.reporters();
        names.forEach((name, k) => (byYear[year][k] += (r[name] ?? 0) / seeds.length));
      }
    }
    for (let year = 1; year <= 5; year++)
      names.forEach((name, k) =>
        expect(Math.abs(byYear[year][k] - byYear[0][k]), `${name}, year ${year}`).toBeLessThan(0.015),
      );
  });
});

/** The strategy in force of vendor j on every day of a run. */
function modes(params: MarketParams, seed: number, days: number, j: number): number[] {
  const run = Run.create(cloudMarket, params, seed);
  const w = run.world as unknown as MarketWorld;
  const out: number[] = [];
  while (run.tick < days && run.step()) out.push(w.agents.vendors.col.mode[j]);
  return out;
}

const changes = (xs: number[]) => xs.filter((x, t) => t > 0 && x !== xs[t - 1]).length;

describe('strategies that end', () => {
  it('an aggressive vendor changes strategy at most a handful of times a year', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom('expand', 'balanced', 'profit-first'),
        fc.double({ min: 2e6, max: 8e7, noNaN: true }),
        (seed, policy, cash) => {
          const params = scenario({ customers: 600, vendors: vendorChanged(2, { policy, cash }) });
          const years = 3;
          const path = modes(params, seed, years * 365, 2);
          return changes(path) <= 3 * years;
        },
      ),
      { numRuns: 6 },
    );
  });

  it('an aggressive vendor whose loss budget is spent leaves the price war', () => {
    // A small group: its budget runs out within the first year.
    const params = scenario({ customers: 1500, vendors: vendorChanged(2, { cash: 3e6 }) });
    const path = modes(params, 1, 730, 2);
    expect(path[0]).toBe(AGGRESSIVE);
    expect(path.some((m) => m !== AGGRESSIVE)).toBe(true);
  });

  it('a dynamic vendor returns to a price war after its profit phase', () => {
    const path = modes(scenario({ customers: 1500 }), 1, 5 * 365, 3);
    const firstProfit = path.indexOf(PROFIT);
    expect(firstProfit).toBeGreaterThan(0);
    expect(path.slice(firstProfit).includes(AGGRESSIVE)).toBe(true);
  });
});

describe('the learning strategy', () => {
  /** Epochs a learning Draco (row 3) of `policy` spent on profit and on aggressive, summed over seeds 1–3. */
  function epochs(policy: string): { profit: number; aggressive: number } {
    // The restriction off, so that a profit-first learner may pick the price war: only the reward's weights differ.
    const params = scenario({
      customers: 800,
      years: 3,
      mechProfitFirstRestriction: false,
      vendors: vendorChanged(3, { strategy: 'learning', policy }),
    });
    let profit = 0;
    let aggressive = 0;
    for (const seed of [1, 2, 3]) {
      const run = Run.create(cloudMarket, params, seed);
      run.runUntil(Infinity);
      const v = (run.world as unknown as MarketWorld).agents.vendors.col;
      profit += v.arm0n[3];
      aggressive += v.arm2n[3];
    }
    return { profit, aggressive };
  }

  it('follows its group policy: weighing share, it fights more and prices for profit less', { timeout: 60_000 }, () => {
    const profitFirst = epochs('profit-first');
    const expand = epochs('expand');
    // Of 3 × 30 epochs; version 2's squashed rewards gave differences of 2 to 4 here.
    expect(expand.aggressive - profitFirst.aggressive).toBeGreaterThanOrEqual(9);
    expect(profitFirst.profit - expand.profit).toBeGreaterThanOrEqual(9);
  });
});

describe('loyalty and targeting', () => {
  it('counts the customers above the loyalty threshold exactly, a visible minority, and follows a live threshold', () => {
    const run = Run.create(cloudMarket, scenario({ customers: 1500 }), 2);
    run.runUntil(3 * 365);
    const w = run.world as unknown as MarketWorld;
    expect(w.globals.loyalCustomers).toBe(countLoyalCustomers(w, defaults.loyaltyThreshold));
    const fraction = run.reporters()['loyal-above-threshold']!;
    expect(fraction).toBeGreaterThan(0.01);
    expect(fraction).toBeLessThan(0.3);
    const lower = run.setLiveParams({ loyaltyThreshold: 0.5 });
    expect(lower.ok).toBe(true);
    expect(run.reporters()['loyal-above-threshold']!).toBeGreaterThan(fraction);
    run.step();
    expect(w.globals.loyalCustomers).toBe(countLoyalCustomers(w, 0.5));
  });

  it('a targeted vendor loses share to the vendor targeting it', () => {
    const target = {
      events: {
        nextId: 1,
        rows: [{ id: 0, kind: 'target', day: 30, perYear: 0, subject: 1, object: 0, magnitude: 0, duration: 300 }],
      },
    };
    const seeds = [1, 2, 3];
    const atDay = (changes: Record<string, unknown>) =>
      mean(seeds.map((seed) => shareAt(scenario({ customers: 1500, ...changes }), seed, 330, 0)));
    expect(atDay(target)).toBeLessThan(atDay({ events: { nextId: 0, rows: [] } }) - 0.01);
  });
});
