/**
 * The cloud market's version-2 rules of supply and accounts, each on a scenario where it shows:
 * growth that compounds to its label, supply contracts renegotiated per term, the supplier that
 * made a lot, an exited vendor without overhead, loyalty sums without drift, and a default
 * supply shock that reaches the vendors.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, validateParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { cloudMarket } from '../../src/models/cloudMarket';
import { RENEGOTIATION_DAYS } from '../../src/models/cloudMarket/economics';
import type { MarketParams } from '../../src/models/cloudMarket/params';
import { DIRECT, type MarketWorld } from '../../src/models/cloudMarket/state';

const defaults = defaultParams(cloudMarket.params) as MarketParams;

function start(changes: Record<string, unknown>, seed = 1): { run: Run; w: MarketWorld } {
  const checked = validateParams(cloudMarket.params, { ...defaults, ...changes });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  const run = Run.create(cloudMarket, checked.value, seed);
  return { run, w: run.world as unknown as MarketWorld };
}

const noEvents = { events: { nextId: 0, rows: [] } };

describe('cloud market, version 2: supply and accounts', () => {
  it('grows the customers by the labelled yearly rate, compounded', () => {
    for (const growth of [25, 60]) {
      const { run, w } = start({ customers: 2000, growth, ...noEvents });
      run.runUntil(365);
      expect(w.agents.customers.count / 2000).toBeCloseTo(1 + growth / 100, 2);
    }
  });

  it('gives a newcomer list price until its first renegotiation, then a discount on its volume', () => {
    const { run, w } = start({ customers: 1000 });
    const v = w.agents.vendors.col;
    const eos = defaults.vendors.rows.findIndex((r) => r.name === 'Eos');
    const entry = defaults.vendors.rows[eos].entryDay as number;
    // The incumbents start with the contracts in force on day 0.
    expect(v.negotiated[0]).toBeGreaterThan(0);
    run.runUntil(entry + RENEGOTIATION_DAYS);
    expect(v.active[eos]).toBe(1);
    expect(v.negotiated[eos]).toBe(0);
    run.step();
    expect(v.negotiated[eos]).toBeGreaterThan(0);
    // Between renegotiations the terms stand, however the volume moves.
    const terms = v.negotiated[eos];
    run.runUntil(entry + 2 * RENEGOTIATION_DAYS);
    expect(v.negotiated[eos]).toBe(terms);
  });

  it('names the supplier that made a lot, not the largest one', () => {
    // The Foundry (the larger capacity share) produces nothing: every unit sold after the opening stock is the OEM's.
    const shock = { id: 0, kind: 'supply-shock', day: 0, subject: 0, magnitude: 1, duration: 36500 };
    const { run, w } = start({ customers: 600, contractDays: 60, events: { nextId: 1, rows: [shock] } });
    run.runUntil(200);
    const c = w.agents.customers.col;
    let lots = 0;
    let fromOem = 0;
    for (let i = 0; i < w.agents.customers.count; i++) {
      if (c.units[i] === 0 || c.seller[i] === DIRECT) continue;
      lots++;
      if (c.producer[i] === 1) fromOem++;
    }
    expect(lots).toBeGreaterThan(50);
    expect(fromOem / lots).toBeGreaterThan(0.95);
  });

  it('stops charging an exited vendor overhead once its lots have ended', () => {
    const rows = defaults.vendors.rows.map((r, j) => (j === 0 ? { ...r, cash: 0 } : r));
    const { run, w } = start({ customers: 600, contractDays: 60, vendors: { ...defaults.vendors, rows } });
    const v = w.agents.vendors.col;
    run.runUntil(120);
    expect(v.exited[0]).toBe(1);
    expect(v.inUse[0]).toBe(0);
    expect(v.cost[0]).toBe(0);
    expect(v.profit[0]).toBe(0);
  });

  it("keeps each vendor's loyalty sum equal to its customers' stored loyalties", () => {
    const { run, w } = start({ customers: 1500, contractDays: 60 });
    run.runUntil(400);
    const c = w.agents.customers.col;
    const sums = new Float64Array(w.agents.vendors.count);
    for (let i = 0; i < w.agents.customers.count; i++)
      if (c.units[i] > 0 && c.seller[i] >= 0 && c.seller[i] < DIRECT) sums[c.seller[i]] += c.loyalty[i];
    for (let j = 0; j < w.agents.vendors.count; j++)
      expect(Math.abs(w.agents.vendors.col.loyaltySum[j] - sums[j])).toBeLessThan(1e-9);
  });

  it('lets the default supply shock reach the vendors: stock-outs during it, none before', () => {
    const { run, w } = start({}, 2);
    const v = w.agents.vendors.col;
    const shock = defaults.events.rows[0];
    const [day, duration] = [shock.day as number, shock.duration as number];
    let before = 0;
    let during = 0;
    run.runUntil(day + duration + 30, (r) => {
      let outs = 0;
      for (let j = 0; j < w.agents.vendors.count; j++) outs += v.stockoutsToday[j];
      if (r.tick - 1 < day) before += outs;
      else during += outs;
    });
    expect(before).toBe(0);
    expect(during).toBeGreaterThan(0);
  });
});
