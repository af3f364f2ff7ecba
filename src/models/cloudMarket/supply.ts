/**
 * Supply: suppliers produce to their share of the market's daily flow (less during a shock),
 * and vendors refill their stock from them, paying list price less a volume discount.
 * Names: v/s are the vendor and supplier columns, j a vendor, k a supplier.
 */
import { pow } from '../../core/dmath';
import * as E from './economics';
import type { Ctx } from './paramValues';
import type { Scratch } from './scratch';
import type { MarketWorld } from './state';

/** Expected units the market buys per day: renewals plus new customers. */
function dailyFlow(w: MarketWorld, ctx: Ctx): number {
  const growth = Math.max(0, ctx.params.growth) / 100;
  return w.globals.totalNeed / ctx.params.contractDays + (w.globals.totalNeed * growth) / 365;
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
    // Production stops at 30 days of capacity in stock: nobody builds for a warehouse.
    const units = Math.max(0, Math.min(Math.floor(capacity * shocked + 0.5), Math.floor(30 * capacity - s.stock[k])));
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
  for (let j = 0; j < nv; j++) {
    orders[j] = 0;
    if (!v.active[j] || v.exited[j]) continue;
    const expected = (flow * Math.max(v.inUse[j], 0.02 * marketUnits)) / marketUnits;
    const target = Math.min(E.STOCK_COVER_DAYS * expected, Math.max(0, v.size[j] - v.inUse[j]));
    orders[j] = Math.max(0, Math.floor(target - v.stock[j]));
  }
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    // A direct-selling supplier keeps a fifth of its stock for its own buyers.
    const free = Math.floor(s.stock[k] * (s.direct[k] ? 0.8 : 1));
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
    for (let j = 0; j < nv; j++) {
      const units = granted[j];
      if (units <= 0) continue;
      const discount = ctx.params.mechVolumeDiscount
        ? (s.maxDiscount[k] / 100) * Math.min(1, v.volume[j] / (E.FULL_DISCOUNT_FLOW_DAYS * Math.max(1, flow)))
        : 0;
      const unitPrice = s.cost[k] * (1 + s.margin[k] / 100) * (1 - discount);
      const paid = Math.round(unitPrice * units);
      v.unitCost[j] = (v.unitCost[j] * v.stock[j] + paid) / (v.stock[j] + units);
      v.stock[j] += units;
      v.unitsBought[j] += units;
      v.cash[j] -= paid;
      v.cost[j] += paid;
      v.volume[j] += units;
      s.stock[k] -= units;
      s.soldToVendors[k] += units;
      s.revenue[k] += paid;
    }
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
