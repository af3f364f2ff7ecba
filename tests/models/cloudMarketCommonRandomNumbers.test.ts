/**
 * Common random numbers in the cloud market (version 3, docs/common-random-numbers.md): a fork
 * that changes a vendor meets the same newcomers as its base, a customer's draws are its own,
 * and a random event fires on the same days whatever other rows the events table holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkSnapshot } from '../../src/core/fork';
import { defaultParams, validateParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { cloudMarket } from '../../src/models/cloudMarket';
import { appraise } from '../../src/models/cloudMarket/choice';
import type { Ctx } from '../../src/models/cloudMarket/paramValues';
import { STRATEGIES, type MarketParams } from '../../src/models/cloudMarket/params';
import { choose, directSupplierWithStock, releaseLot } from '../../src/models/cloudMarket/sales';
import { refreshDerived, scratchOf } from '../../src/models/cloudMarket/scratch';
import { DIRECT, type MarketWorld } from '../../src/models/cloudMarket/state';
import { ARRIVAL_COLUMNS } from '../../src/models/cloudMarket/customers';

function scenario(changes: Record<string, unknown>): MarketParams {
  const checked = validateParams(cloudMarket.params, { ...defaultParams(cloudMarket.params), ...changes });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  return checked.value as MarketParams;
}

const worldOf = (run: Run) => run.world as unknown as MarketWorld;

function traitsOf(w: MarketWorld, from: number): number[][] {
  const c = w.agents.customers.col;
  return Array.from({ length: w.agents.customers.count - from }, (_, k) => ARRIVAL_COLUMNS.map((t) => c[t][from + k]));
}

describe('a fork that changes one vendor’s strategy', () => {
  const params = scenario({ customers: 300, years: 1 });

  it('meets the base’s newcomers: every customer arriving after the fork has the same id and traits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...STRATEGIES),
        (seed, day, vendor, strategy) => {
          const base = Run.create(cloudMarket, params, seed);
          base.runUntil(day);
          const before = worldOf(base).agents.customers.count;
          const change = { tick: day, param: `vendors#${vendor}.strategy`, value: strategy };
          const snapshot = forkSnapshot(cloudMarket, base.snapshot(), [change]);
          if (!snapshot.ok) throw new Error(snapshot.errors[0].message);
          const fork = Run.restore(cloudMarket, snapshot.value);
          base.runUntil(Infinity);
          fork.runUntil(Infinity);
          expect(worldOf(fork).agents.customers.count).toBe(worldOf(base).agents.customers.count);
          expect(worldOf(base).agents.customers.count).toBeGreaterThan(before);
          expect(traitsOf(worldOf(fork), before)).toEqual(traitsOf(worldOf(base), before));
        },
      ),
      { numRuns: 6 },
    );
  });

  it('still changes the market: Cirrus ending its price war gives other choices, with the same people', () => {
    const base = Run.create(cloudMarket, params, 1);
    const snapshot = forkSnapshot(cloudMarket, base.snapshot(), [
      { tick: 0, param: 'vendors#2.strategy', value: 'profit' },
    ]);
    if (!snapshot.ok) throw new Error(snapshot.errors[0].message);
    const fork = Run.restore(cloudMarket, snapshot.value);
    base.runUntil(Infinity);
    fork.runUntil(Infinity);
    const sellers = (run: Run) => Array.from(worldOf(run).agents.customers.col.seller);
    expect(sellers(fork)).not.toEqual(sellers(base));
    expect(traitsOf(worldOf(fork), 0)).toEqual(traitsOf(worldOf(base), 0));
  });
});

/**
 * What customer i is offered on a day: each option's utility and price, whether it is on offer,
 * and whether it has the customer's need in stock.
 */
function optionsOf(w: MarketWorld, ctx: Ctx, i: number): number[] {
  const scratch = scratchOf(w, ctx);
  appraise(w, ctx, scratch, i, ctx.params.mechNeighbours);
  const need = w.agents.customers.col.need[i];
  return Array.from(scratch.available).flatMap((on, j) => {
    const stocked = j === DIRECT ? directSupplierWithStock(w, need) >= 0 : w.agents.vendors.col.stock[j] >= need;
    return on ? [j, scratch.utility[j], scratch.offered[j], stocked ? 1 : 0] : [];
  });
}

/** Customer i's lot ends and it chooses again, as on a renewal day. */
function renew(w: MarketWorld, ctx: Ctx, i: number): void {
  releaseLot(w, i);
  choose(w, ctx, scratchOf(w, ctx), i, ctx.rng.keyed('choices'));
}

describe('a customer whose options did not change on a day', () => {
  const params = scenario({ customers: 400, years: 1 });

  it('draws the same numbers and makes the same choice, whatever other customers drew before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 200 }),
        fc.nat(399),
        fc.uniqueArray(fc.nat(399), { minLength: 1, maxLength: 30 }),
        (seed, day, target, others) => {
          fc.pre(!others.includes(target));
          const run = Run.create(cloudMarket, params, seed);
          run.runUntil(day);
          const snapshot = run.snapshot();
          const [alone, busy] = [Run.restore(cloudMarket, snapshot), Run.restore(cloudMarket, snapshot)];
          const ctxOf = (r: Run): Ctx => ({ params, rng: r.rng, tick: day, changed: [] });
          for (const r of [alone, busy]) refreshDerived(worldOf(r), ctxOf(r), scratchOf(worldOf(r), ctxOf(r)));
          // In one copy, other customers choose first: they draw, take stock and change neighbours' sellers.
          for (const k of others) renew(worldOf(busy), ctxOf(busy), k);
          // Untouched: the target's options are the same in both copies (else its choice may rightly differ).
          const options = optionsOf(worldOf(alone), ctxOf(alone), target);
          fc.pre(JSON.stringify(optionsOf(worldOf(busy), ctxOf(busy), target)) === JSON.stringify(options));
          renew(worldOf(alone), ctxOf(alone), target);
          renew(worldOf(busy), ctxOf(busy), target);
          const outcome = (w: MarketWorld) => {
            const c = w.agents.customers.col;
            return [c.seller[target], c.endDay[target], c.price[target], c.loyalty[target], c.stockouts[target]];
          };
          expect(outcome(worldOf(busy))).toEqual(outcome(worldOf(alone)));
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('a random event', () => {
  /** Days on which the random targeting of row id 0 (Atlas targets Borealis, about 14 times a year) fires in a year. */
  function firingDays(extraRowsFirst: boolean): number[] {
    const row0 = { id: 0, kind: 'target', day: 0, perYear: 1, subject: 0, object: 1, magnitude: 0, duration: 1 };
    const other = { id: 5, kind: 'target', day: 0, perYear: 1, subject: 2, object: 3, magnitude: 0, duration: 1 };
    const rows = extraRowsFirst ? [other, row0] : [row0];
    const run = Run.create(cloudMarket, scenario({ customers: 200, years: 1, events: { nextId: 6, rows } }), 3);
    const days: number[] = [];
    while (run.step()) if (worldOf(run).agents.vendors.col.targetUntil[0] === run.tick) days.push(run.tick - 1);
    return days;
  }

  it('fires on the same days when another random event is added before it in the table', () => {
    const alone = firingDays(false);
    expect(alone.length).toBeGreaterThan(5);
    expect(firingDays(true)).toEqual(alone);
  });
});
