/** Invariants of the cloud market over random scenarios and seeds, and its edge scenarios. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams, validateParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { cloudMarket } from '../../src/models/cloudMarket';
import { EVENT_KINDS, POLICIES, STRATEGIES, type MarketParams } from '../../src/models/cloudMarket/params';
import { dailyRate } from '../../src/models/cloudMarket/books';
import { accrualProfit, DIRECT, holdingRow, type MarketWorld } from '../../src/models/cloudMarket/state';

const defaults = defaultParams(cloudMarket.params) as MarketParams;

function scenario(changes: Record<string, unknown>): MarketParams {
  const checked = validateParams(cloudMarket.params, { ...defaults, ...changes });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  return checked.value as MarketParams;
}

/** Uniform over [min, max] in a million steps (fc.double crowds its draws near the bounds and 0). */
function uniform(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 1_000_000 }).map((step) => min + ((max - min) * step) / 1_000_000);
}

const vendorArb = fc.record({
  strategy: fc.constantFrom(...STRATEGIES),
  policy: fc.constantFrom(...POLICIES),
  initialShare: uniform(0, 0.5),
  entryDay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })),
  margin: uniform(0, 100),
  quality: uniform(0, 1),
  size: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
  cash: uniform(0, 1e8),
});
const supplierArb = fc.record({
  capacityShare: uniform(0, 1),
  cost: fc.oneof(fc.constant(0), uniform(0, 10000)),
  margin: uniform(0, 60),
  maxDiscount: uniform(0, 90),
  direct: fc.boolean(),
});
const eventArb = fc.record({
  kind: fc.constantFrom(...EVENT_KINDS),
  day: fc.integer({ min: 0, max: 150 }),
  perYear: fc.oneof(fc.constant(0), uniform(0, 1)),
  subject: fc.integer({ min: -1, max: 4 }),
  object: fc.integer({ min: -1, max: 4 }),
  magnitude: uniform(0, 3),
  duration: fc.integer({ min: 0, max: 100 }),
});
const scenarioArb = fc.record({
  customers: fc.integer({ min: 0, max: 300 }),
  growth: fc.integer({ min: -50, max: 100 }),
  supplyCoverage: fc.oneof(fc.constant(0), uniform(0, 3)),
  supplierStockDays: fc.oneof(fc.constant(0), uniform(0, 10)),
  allocationExponent: uniform(0, 10),
  contractDays: fc.integer({ min: 30, max: 120 }),
  vendors: fc.array(vendorArb, { maxLength: 5 }),
  suppliers: fc.array(supplierArb, { maxLength: 3 }),
  events: fc.array(eventArb, { maxLength: 4 }),
});

type ScenarioShape = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function toParams(s: ScenarioShape): MarketParams {
  const rows = <T extends object>(items: T[], extra: (i: number) => object) => ({
    nextId: items.length,
    rows: items.map((item, id) => ({ id, ...extra(id), ...item })),
  });
  return scenario({
    customers: s.customers,
    growth: s.growth,
    supplyCoverage: s.supplyCoverage,
    supplierStockDays: s.supplierStockDays,
    allocationExponent: s.allocationExponent,
    contractDays: s.contractDays,
    vendors: rows(s.vendors, (i) => ({ name: `V${i}` })),
    suppliers: rows(s.suppliers, (i) => ({ name: `S${i}` })),
    events: rows(s.events, () => ({})),
  });
}

/** Every unit ever produced is in a supplier's stock, a vendor's stock, in use, or ended. */
function checkUnits(w: MarketWorld): void {
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  let produced = 0;
  let accounted = 0;
  let soldToVendors = 0;
  let bought = 0;
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    produced += s.produced[k];
    accounted += s.stock[k] + s.directInUse[k] + s.directEnded[k];
    soldToVendors += s.soldToVendors[k];
    expect(s.soldDirect[k]).toBe(s.directInUse[k] + s.directEnded[k]);
    expect(s.produced[k]).toBe(s.stock[k] + s.soldToVendors[k] + s.soldDirect[k]);
    expect(s.stock[k]).toBeGreaterThanOrEqual(0);
  }
  for (let j = 0; j < w.agents.vendors.count; j++) {
    let held = 0;
    for (let k = 0; k < w.agents.suppliers.count; k++) held += w.agents.holdings.col.units[holdingRow(w, j, k)];
    expect(held).toBe(v.stock[j]);
    expect(v.unitsBought[j]).toBe(v.stock[j] + v.inUse[j] + v.unitsEnded[j]);
    expect(v.stock[j]).toBeGreaterThanOrEqual(0);
    accounted += v.stock[j] + v.inUse[j] + v.unitsEnded[j];
    bought += v.unitsBought[j];
  }
  expect(bought).toBe(soldToVendors);
  expect(accounted).toBe(produced);
  const c = w.agents.customers.col;
  let held = 0;
  for (let i = 0; i < w.agents.customers.count; i++) {
    expect(c.units[i]).toBeLessThanOrEqual(c.need[i]);
    held += c.units[i];
  }
  let inUse = 0;
  for (let j = 0; j < w.agents.vendors.count; j++) inUse += v.inUse[j];
  for (let k = 0; k < w.agents.suppliers.count; k++) inUse += s.directInUse[k];
  expect(held).toBe(inUse);
}

/** Every credit a customer paid is a vendor's or supplier's; what vendors paid out is a supplier's or the operating sink's. */
function checkMoney(w: MarketWorld): void {
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  let vendorGain = 0;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    vendorGain += v.cash[j] - v.initialCash[j];
    expect(Number.isInteger(v.cash[j] - v.initialCash[j])).toBe(true);
  }
  let supplierRevenue = 0;
  for (let k = 0; k < w.agents.suppliers.count; k++) supplierRevenue += s.revenue[k];
  expect(vendorGain + supplierRevenue).toBe(w.globals.customersPaid - w.globals.operatingPaid);
}

/**
 * The accrual books on the day that starts at tick `next`, recomputed from the lots in use: deferred
 * revenue is what the lots' daily rates bill for the days they have left, unconsumed cost the
 * stock's value plus the lots' daily costs for those days; and, exactly, accrual profit =
 * (cash − initial cash) − (deferred − opening deferred) + (unconsumed − opening unconsumed).
 */
function checkBooks(w: MarketWorld, next: number): void {
  const v = w.agents.vendors.col;
  const c = w.agents.customers.col;
  const nv = w.agents.vendors.count;
  const deferred = new Float64Array(nv);
  const lotsCost = new Float64Array(nv);
  for (let i = 0; i < w.agents.customers.count; i++) {
    const j = c.seller[i];
    if (c.units[i] === 0 || j < 0 || j >= DIRECT) continue;
    expect(c.endDay[i]).toBeGreaterThanOrEqual(next);
    deferred[j] += dailyRate(c.price[i], c.units[i]) * (c.endDay[i] - next);
    lotsCost[j] += c.costPerDay[i] * (c.endDay[i] - next);
  }
  for (let j = 0; j < nv; j++) {
    expect(v.deferred[j]).toBe(deferred[j]);
    expect(v.unconsumed[j]).toBe(v.stockValue[j] + lotsCost[j]);
    expect(v.stockValue[j]).toBeGreaterThanOrEqual(0);
    if (v.stock[j] === 0) expect(v.stockValue[j]).toBe(0);
    const cashGain = v.cash[j] - v.initialCash[j];
    expect(accrualProfit(w, j)).toBe(
      cashGain - (v.deferred[j] - v.openingDeferred[j]) + (v.unconsumed[j] - v.openingUnconsumed[j]),
    );
  }
}

function checkShares(run: Run): void {
  const r = run.reporters();
  const w = run.world as unknown as MarketWorld;
  const shares = Object.entries(r).filter(([k]) => /^share\./.test(k));
  // Vendors not in the market (never entered, holding nothing) have no share at all.
  const absent = new Set(
    Array.from({ length: w.agents.vendors.count }, (_, j) => j)
      .filter((j) => !w.agents.vendors.col.active[j] && w.agents.vendors.col.inUse[j] === 0)
      .map((j) => `share.v${w.agents.vendors.col.rowId[j]}`),
  );
  if (r['market-size']! > 0) {
    let total = 0;
    for (const [name, v] of shares) {
      if (absent.has(name)) {
        expect(v).toBeNull();
        continue;
      }
      expect(v).not.toBeNull();
      expect(v!).toBeGreaterThanOrEqual(0);
      expect(v!).toBeLessThanOrEqual(1);
      total += v!;
    }
    expect(total).toBeCloseTo(1, 9);
  } else {
    for (const [, v] of shares) expect(v).toBeNull();
  }
  for (const v of Object.values(r)) expect(v === null || Number.isFinite(v)).toBe(true);
  const json = JSON.stringify(run.summaryJson());
  expect(json).not.toMatch(/NaN|Infinity/);
}

function checkFinite(w: MarketWorld): void {
  for (const set of Object.values(w.agents)) {
    for (const column of Object.values(set.col as Record<string, ArrayLike<number>>)) {
      for (let i = 0; i < set.count; i++) expect(Number.isFinite(column[i])).toBe(true);
    }
  }
  for (const value of Object.values(w.globals)) expect(Number.isFinite(value)).toBe(true);
}

function checkAll(run: Run): void {
  const w = run.world as unknown as MarketWorld;
  checkUnits(w);
  checkMoney(w);
  checkBooks(w, run.tick);
  checkShares(run);
  checkFinite(w);
}

describe('cloud market invariants over random scenarios', () => {
  it('conserves units and money, keeps shares in [0,1] summing to 1, and every number finite', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, seed) => {
        const run = Run.create(cloudMarket, toParams(s), seed);
        checkAll(run);
        for (let day = 0; day < 200 && run.step(); day++) if (day % 50 === 0) checkAll(run);
        checkAll(run);
      }),
      { numRuns: 40 },
    );
  });

  it('resumes a snapshot at any tick exactly like a straight run', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.integer({ min: 0, max: 120 }), (s, seed, split) => {
        const params = toParams(s);
        const straight = Run.create(cloudMarket, params, seed);
        straight.runUntil(150);
        const first = Run.create(cloudMarket, params, seed);
        first.runUntil(split);
        const resumed = Run.restore(cloudMarket, structuredClone(first.snapshot()));
        resumed.runUntil(150);
        expect(resumed.fingerprint()).toBe(straight.fingerprint());
      }),
      { numRuns: 15 },
    );
  });
});

/** Customers' stock-outs suffered so far (a copy of the column). */
function stockoutsSuffered(w: MarketWorld): Int32Array {
  return w.agents.customers.col.stockouts.slice(0, w.agents.customers.count);
}

describe('cloud market books, stock-outs and supplier prices, day by day', () => {
  it('recognises each lot at its daily rate, keeps the accrual identity, counts one stock-out per customer and day, and never prices a supplier below cost', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, seed) => {
        const run = Run.create(cloudMarket, toParams(s), seed);
        const w = run.world as unknown as MarketWorld;
        const v = w.agents.vendors.col;
        const c = w.agents.customers.col;
        const sup = w.agents.suppliers.col;
        for (let day = 0; day < 150; day++) {
          const before = stockoutsSuffered(w);
          if (!run.step()) break;
          // Revenue recognised today = Σ over the lots in use of price × units, one day each.
          const billed = new Float64Array(w.agents.vendors.count);
          for (let i = 0; i < w.agents.customers.count; i++)
            if (c.units[i] > 0 && c.seller[i] >= 0 && c.seller[i] < DIRECT)
              billed[c.seller[i]] += dailyRate(c.price[i], c.units[i]);
          for (let j = 0; j < w.agents.vendors.count; j++) expect(v.revenue[j]).toBe(v.active[j] ? billed[j] : 0);
          // Stock-outs counted = distinct customers whose first choice could not deliver today.
          let counted = w.globals.directStockouts;
          for (let j = 0; j < w.agents.vendors.count; j++) counted += v.stockoutsToday[j];
          let distinct = 0;
          for (let i = 0; i < w.agents.customers.count; i++) {
            const suffered = c.stockouts[i] - (i < before.length ? before[i] : 0);
            expect(suffered).toBeLessThanOrEqual(1);
            distinct += suffered;
          }
          expect(counted).toBe(distinct);
          for (let k = 0; k < w.agents.suppliers.count; k++)
            expect(sup.lowestPrice[k]).toBeGreaterThanOrEqual(sup.cost[k]);
          checkBooks(w, run.tick);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('cloud market edge scenarios run clean', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['zero customers', { customers: 0 }],
    ['one vendor', { vendors: { nextId: 1, rows: [{ id: 0, name: 'Solo', initialShare: 0.8 }] } }],
    ['no supplier capacity', { supplyCoverage: 0 }],
    ['no suppliers', { suppliers: { nextId: 0, rows: [] } }],
    [
      'all vendors entering late',
      {
        vendors: {
          nextId: 2,
          rows: [
            { id: 0, name: 'A', entryDay: 100 },
            { id: 1, name: 'B', entryDay: 200 },
          ],
        },
      },
    ],
    [
      'every event at day 0',
      {
        events: {
          nextId: EVENT_KINDS.length,
          rows: EVENT_KINDS.map((kind, id) => ({
            id,
            kind,
            day: 0,
            subject: kind === 'supply-shock' || kind === 'supplier-cost' ? -1 : 2,
            object: 0,
            magnitude: 0.5,
            duration: 30,
          })),
        },
      },
    ],
  ];
  it.each(cases)('%s', (_, changes) => {
    const run = Run.create(cloudMarket, scenario({ customers: 500, ...changes }), 1);
    checkAll(run);
    run.runUntil(400);
    expect(run.tick).toBe(400);
    checkAll(run);
  });
});

describe('cloud market JSON summary', () => {
  it('lists every vendor with its shares, null for a vendor not yet in the market, and shares summing to 1', () => {
    const run = Run.create(cloudMarket, defaults, 1);
    run.runUntil(30);
    type VendorJson = {
      id: number;
      name: string;
      share: number | null;
      customerShare: number | null;
      price: number | null;
      profit: number;
      cumulativeProfit: number;
    };
    const json = run.summaryJson() as { vendors: VendorJson[]; direct: { share: number }; hhi: number };
    expect(json.vendors.map((v) => v.id)).toEqual(defaults.vendors.rows.map((r) => r.id));
    const late = json.vendors.find((v) => v.name === 'Eos')!;
    expect(late.share).toBeNull();
    expect(late.price).toBeNull();
    const total = json.vendors.reduce((sum, v) => sum + (v.share ?? 0), 0) + json.direct.share;
    expect(total).toBeCloseTo(1, 12);
    expect(json.hhi).toBeGreaterThan(0);
    expect(json.hhi).toBeLessThanOrEqual(10_000);
  });
});

describe('cloud market behaviour', () => {
  it('starts from the initial shares it was given (brands calibrated to the choice model)', () => {
    const run = Run.create(cloudMarket, defaults, 3);
    const r = run.reporters();
    defaults.vendors.rows.forEach((row) => {
      if ((row.entryDay as number) > 0) return;
      expect(Math.abs((r[`share.v${row.id}`] as number) - (row.initialShare as number))).toBeLessThan(0.03);
    });
  });

  it('runs five years of the default scenario without any vendor taking everything', () => {
    const run = Run.create(cloudMarket, defaults, 1);
    run.runUntil(5 * 365);
    expect(run.done).toBe(true);
    const shares = defaults.vendors.rows.map((row) => run.reporters()[`share.v${row.id}`] as number);
    expect(Math.max(...shares)).toBeLessThan(0.75);
    expect(shares.filter((s) => s > 0.05).length).toBeGreaterThanOrEqual(3);
  });

  it('a supply shock at all suppliers causes stock-outs that a shock-free run does not have', () => {
    const shock = {
      events: { nextId: 1, rows: [{ id: 0, kind: 'supply-shock', day: 100, subject: -1, magnitude: 1, duration: 60 }] },
    };
    const count = (params: MarketParams) => {
      const run = Run.create(cloudMarket, params, 5);
      let outs = 0;
      while (run.tick < 200 && run.step()) {
        const r = run.reporters();
        for (const [k, v] of Object.entries(r)) if (k.startsWith('stockouts.')) outs += v ?? 0;
      }
      return outs;
    };
    expect(count(scenario({ ...shock, customers: 1500 }))).toBeGreaterThan(
      count(scenario({ customers: 1500, events: { nextId: 0, rows: [] } })),
    );
  });
});
