/**
 * Supply: suppliers produce to their share of the market's daily flow (less during a shock),
 * and vendors refill their stock from them, paying list price less the volume discount of their
 * supply contract (renegotiated every term on trailing volume), never below the supplier's cost.
 * Names: v/s are the vendor and supplier columns, j a vendor, k a supplier.
 */
import { pow } from '../../core/dmath';
import { buyUnits } from './books';
import * as E from './economics';
import type { Ctx } from './paramValues';
import type { Scratch } from './scratch';
import { holdingRow, type MarketWorld } from './state';

/** Expected units the market buys per day: renewals plus new customers. */
function dailyFlow(w: MarketWorld, ctx: Ctx): number {
  return w.globals.totalNeed / ctx.params.contractDays + w.globals.totalNeed * E.dailyGrowth(ctx.params.growth);
}

/** The main supplier's list price today: what a vendor that has bought nothing yet expects to pay (0 without suppliers). */
export function mainListPrice(w: MarketWorld, scratch: Scratch): number {
  const s = w.agents.suppliers.col;
  const k = scratch.derived.producer;
  return k >= 0 ? s.cost[k] * (1 + s.margin[k] / 100) : 0;
}

/** The discount a vendor's trailing volume earns now, as a fraction of a supplier's maximum. */
function earnedDiscount(w: MarketWorld, ctx: Ctx, j: number): number {
  return Math.min(1, w.agents.vendors.col.volume[j] / (E.FULL_DISCOUNT_FLOW_DAYS * Math.max(1, dailyFlow(w, ctx))));
}

/** Supply contracts in force on day 0: the vendors present then have earned their discounts. */
export function openContracts(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  for (let j = 0; j < w.agents.vendors.count; j++) if (v.active[j]) v.negotiated[j] = earnedDiscount(w, ctx, j);
}

/** Every contract term after its entry, a vendor's discount is renegotiated on its trailing volume: a newcomer waits for it. */
function renegotiate(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    const age = ctx.tick - v.entryDay[j];
    if (v.active[j] && !v.exited[j] && age > 0 && age % E.RENEGOTIATION_DAYS === 0)
      v.negotiated[j] = earnedDiscount(w, ctx, j);
  }
}

/** Supplier k's unit price to vendor j: list price less j's negotiated discount, never below k's cost. */
function supplierPrice(w: MarketWorld, ctx: Ctx, k: number, j: number): number {
  const s = w.agents.suppliers.col;
  const discount = ctx.params.mechVolumeDiscount ? (s.maxDiscount[k] / 100) * w.agents.vendors.col.negotiated[j] : 0;
  return Math.max(s.cost[k], s.cost[k] * (1 + s.margin[k] / 100) * (1 - discount));
}

/**
 * Vendor j's `units` leave its stock, the largest holding first (the lowest supplier index on a
 * tie); returns the supplier that made most of them.
 */
export function takeUnits(w: MarketWorld, j: number, units: number): number {
  const h = w.agents.holdings.col.units;
  const ns = w.agents.suppliers.count;
  let left = units;
  let producer = -1;
  while (left > 0) {
    let k = -1;
    for (let m = 0; m < ns; m++)
      if (h[holdingRow(w, j, m)] > 0 && (k < 0 || h[holdingRow(w, j, m)] > h[holdingRow(w, j, k)])) k = m;
    if (k < 0) break;
    if (producer < 0) producer = k;
    const taken = Math.min(left, h[holdingRow(w, j, k)]);
    h[holdingRow(w, j, k)] -= taken;
    left -= taken;
  }
  w.agents.vendors.col.stock[j] -= units;
  return producer;
}

/**
 * What a direct-selling supplier keeps back from the vendors for its own buyers: DIRECT_RESERVE_DAYS
 * of their expected purchases, at most half its stock (0 for a supplier that sells only to vendors).
 */
function directReserve(w: MarketWorld, ctx: Ctx, k: number): number {
  const s = w.agents.suppliers.col;
  if (!s.direct[k]) return 0;
  const daily = s.directInUse[k] / ctx.params.contractDays + s.directInUse[k] * E.dailyGrowth(ctx.params.growth);
  return Math.min(0.5 * s.stock[k], E.DIRECT_RESERVE_DAYS * daily);
}

function totalCapacityShare(w: MarketWorld): number {
  let t = 0;
  for (let k = 0; k < w.agents.suppliers.count; k++) t += w.agents.suppliers.col.capacityShare[k];
  return t;
}

export function produce(w: MarketWorld, ctx: Ctx): void {
  const s = w.agents.suppliers.col;
  const flow = dailyFlow(w, ctx) * ctx.params.supplyCoverage;
  const shares = totalCapacityShare(w);
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    const capacity = shares > 0 ? (flow * s.capacityShare[k]) / shares : 0;
    s.capacity[k] = capacity;
    const shocked = s.shockUntil[k] > ctx.tick ? 1 - s.shock[k] : 1;
    s.availability[k] = shocked;
    // Production stops at a few days of capacity in stock: nobody builds for a warehouse.
    const room = Math.floor(ctx.params.supplierStockDays * capacity - s.stock[k]);
    const units = Math.max(0, Math.min(Math.floor(capacity * shocked + 0.5), room));
    s.stock[k] += units;
    s.produced[k] += units;
  }
}

/** Vendors refill stock; a short supplier allocates in proportion to order volume ^ exponent. */
export function procure(w: MarketWorld, ctx: Ctx, scratch: Scratch): void {
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  const { orders, granted } = scratch;
  const nv = w.agents.vendors.count;
  const flow = dailyFlow(w, ctx);
  const marketUnits = Math.max(1, w.globals.totalNeed);
  renegotiate(w, ctx);
  for (let j = 0; j < nv; j++) {
    orders[j] = 0;
    if (!v.active[j] || v.exited[j]) continue;
    const expected = (flow * Math.max(v.inUse[j], 0.02 * marketUnits)) / marketUnits;
    const target = Math.min(E.STOCK_COVER_DAYS[v.policy[j]] * expected, Math.max(0, v.size[j] - v.inUse[j]));
    orders[j] = Math.max(0, Math.floor(target - v.stock[j]));
  }
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    const free = Math.floor(s.stock[k] - directReserve(w, ctx, k));
    const share = s.capacityShare[k] / Math.max(1e-9, totalCapacityShare(w));
    let wanted = 0;
    let weight = 0;
    for (let j = 0; j < nv; j++) {
      granted[j] = Math.floor(orders[j] * share);
      wanted += granted[j];
      weight += granted[j] > 0 ? pow(granted[j], ctx.params.allocationExponent) : 0;
    }
    if (wanted > free && weight > 0) {
      if (ctx.params.mechShareAllocation) {
        for (let j = 0; j < nv; j++) {
          if (granted[j] > 0)
            granted[j] = Math.min(
              granted[j],
              Math.floor((free * pow(granted[j], ctx.params.allocationExponent)) / weight),
            );
        }
      } else biggestFirst(granted, nv, free);
    }
    let lowest = Infinity;
    for (let j = 0; j < nv; j++) {
      if (v.active[j] && !v.exited[j]) lowest = Math.min(lowest, supplierPrice(w, ctx, k, j));
      const units = granted[j];
      if (units <= 0) continue;
      // Rounded up to whole credits, so that no sale brings in less than its units cost.
      const paid = Math.ceil(supplierPrice(w, ctx, k, j) * units);
      buyUnits(w, j, units, paid);
      w.agents.holdings.col.units[holdingRow(w, j, k)] += units;
      v.unitsBought[j] += units;
      v.volume[j] += units;
      s.stock[k] -= units;
      s.soldToVendors[k] += units;
      s.revenue[k] += paid;
    }
    s.lowestPrice[k] = lowest === Infinity ? s.cost[k] * (1 + s.margin[k] / 100) : lowest;
  }
  for (let j = 0; j < nv; j++) v.volume[j] *= 1 - 1 / 90;
}

/** The literal source rule, for ablation: the largest order is served in full first, then the next. */
function biggestFirst(granted: Float64Array, nv: number, free: number): void {
  let left = free;
  const order = Array.from({ length: nv }, (_, j) => j).sort((a, b) => granted[b] - granted[a] || a - b);
  for (const j of order) {
    const units = Math.min(granted[j], left);
    granted[j] = units;
    left -= units;
  }
}
