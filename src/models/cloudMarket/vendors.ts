/**
 * The vendors' own day: entry into the market, quality on a learning curve and a newcomer's
 * fading brand handicap, and the day's accounts (operating cost, expansion, profit, exit).
 * Names: v is the vendor columns, j a vendor.
 */
import { exp } from '../../core/dmath';
import { recogniseDay } from './books';
import * as E from './economics';
import { num, PROFIT, PROFIT_FIRST, vendorRows, type Ctx } from './paramValues';
import { basicPrice } from './pricing';
import type { Scratch } from './scratch';
import { mainListPrice } from './supply';
import { accrualProfit, unitsInUse, type MarketWorld } from './state';

/** The day's flows start from zero: revenue, cost and stock-outs are per day; yesterday's stock-outs mark the market short. */
export function startDay(w: MarketWorld): void {
  const v = w.agents.vendors.col;
  let stockouts = w.globals.directStockouts;
  for (let j = 0; j < w.agents.vendors.count; j++) stockouts += v.stockoutsToday[j];
  w.globals.marketShort = stockouts > 0 ? 1 : 0;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    v.revenue[j] = 0;
    v.cost[j] = 0;
    v.stockoutsToday[j] = 0;
  }
  w.globals.directStockouts = 0;
}

/**
 * Vendor j enters the market today, on the profit strategy's price at the main supplier's list
 * price (it has bought nothing yet: its first price must not leave out its units' cost);
 * without a size of its own it gets 5% of the market.
 */
export function enterVendor(w: MarketWorld, ctx: Ctx, scratch: Scratch, j: number): void {
  const v = w.agents.vendors.col;
  v.active[j] = 1;
  if (v.stock[j] === 0) v.unitCost[j] = mainListPrice(w, scratch);
  v.entryDay[j] = ctx.tick;
  v.phaseStart[j] = ctx.tick;
  v.startShare[j] = 0;
  v.armStart[j] = -1;
  if (v.size[j] === 0) v.size[j] = Math.ceil(0.05 * Math.max(1, w.globals.totalNeed));
  v.price[j] = basicPrice(w, ctx, scratch, j, PROFIT);
  v.lastPrice[j] = v.price[j];
}

/** Quality on a learning curve in time in market and installed base; the newcomer's brand handicap fades. */
export function learn(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  const market = Math.max(1, w.globals.totalNeed);
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j]) continue;
    const age = ctx.tick - v.entryDay[j];
    const experience = age / E.LEARNING_DAYS + v.inUse[j] / market;
    v.quality[j] = ctx.params.mechLearningCurve
      ? 1 - (1 - v.startQuality[j]) * exp(-experience * 0.5)
      : v.startQuality[j];
    const handicap =
      v.entryDay[j] > 0 && ctx.params.mechEntrantHandicap
        ? ctx.params.entrantHandicap * exp(-age / ctx.params.brandDays - (10 * v.inUse[j]) / market)
        : 0;
    v.brand[j] = v.baseBrand[j] - handicap;
  }
}

/**
 * The day's accounts: the service delivered (revenue and unit cost, see books.ts), operating
 * cost, overhead while in the market, expansion under high utilisation, the day's accrual
 * profit; a vendor whose cash or equity (starting cash + accrual profit) runs out exits.
 */
export function accountDay(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  const rows = vendorRows(ctx.params);
  const total = unitsInUse(w);
  for (let j = 0; j < w.agents.vendors.count; j++) v.shareNow[j] = total > 0 ? v.inUse[j] / total : 0;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j]) continue;
    recogniseDay(w, j);
    // An exited vendor runs its remaining lots to their end, without the overhead of a business.
    const overhead = v.exited[j] ? 0 : v.size[j] * E.OVERHEAD_PER_SIZE;
    const operating = Math.round(v.inUse[j] * E.operatingCost(num(rows[j], 'service')) + overhead);
    v.cost[j] += operating;
    v.cash[j] -= operating;
    w.globals.operatingPaid += operating;
    // Expansion under high utilisation, as the group allows: a profit-first group only while profitable.
    const allowed = v.policy[j] !== PROFIT_FIRST || accrualProfit(w, j) > 0;
    if (!v.exited[j] && allowed && v.inUse[j] + v.stock[j] > 0.85 * v.size[j] && v.cash[j] > 0) {
      const added = Math.ceil(v.size[j] * 0.1);
      const capital = added * E.EXPANSION_COST;
      v.size[j] += added;
      v.cash[j] -= capital;
      v.cost[j] += capital;
      w.globals.operatingPaid += capital;
    }
    v.profit[j] = v.revenue[j] - v.cost[j];
    v.cumProfit[j] += v.profit[j];
    // A vendor that cannot pay, or has lost its starting cash, exits: it sells nothing more; its lots run to their end.
    if ((v.cash[j] < 0 || v.initialCash[j] + accrualProfit(w, j) < 0) && !v.exited[j]) v.exited[j] = 1;
  }
}
