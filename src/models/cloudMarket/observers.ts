/**
 * Observers of the market: state written only to measure a run, never read by its rules (so it
 * is left out of the fingerprint: see ObserverDecl in core/world.ts). From the observation day —
 * the day of the events table's first scheduled supply shock, day 0 without one — the purchases
 * asked of each vendor first and how many it left short, and which seller each customer held that morning;
 * over the whole run, each vendor's lowest accrual profit and the day it last turned positive.
 */
import { num, type Ctx } from './paramValues';
import { DIRECT, type MarketWorld } from './state';

/** The day observation starts: the first scheduled supply shock's day (whatever its magnitude), else 0. */
function observationDay(ctx: Ctx): number {
  const shock = ctx.params.events.rows.find((e) => e.kind === 'supply-shock' && num(e, 'perYear') <= 0);
  return shock ? num(shock, 'day') : 0;
}

/** Morning of the observation day, before its events: every customer's seller is noted. */
export function observeMorning(w: MarketWorld, ctx: Ctx): void {
  if (ctx.tick !== observationDay(ctx)) return;
  const c = w.agents.customers.col;
  for (let i = 0; i < w.agents.customers.count; i++) c.observedSeller[i] = c.units[i] > 0 ? c.seller[i] + 1 : 0;
}

/**
 * Customer i's first choice today, vendor `option`, delivered or left it short. One purchase
 * counts once: a customer left short who tries again the next days is waiting, not asking anew
 * (else a shortage would count each customer once a day). Direct sales are not counted.
 */
export function observeFirstChoice(w: MarketWorld, ctx: Ctx, i: number, option: number, delivered: boolean): void {
  const c = w.agents.customers.col;
  if (c.observedWaiting[i]) return;
  if (!delivered) c.observedWaiting[i] = 1;
  if (option < 0 || option >= DIRECT || ctx.tick < observationDay(ctx)) return;
  const v = w.agents.vendors.col;
  v.observedAsks[option]++;
  if (!delivered) v.observedShort[option]++;
}

/** Customer i bought (from whichever seller): it waits no longer. */
export function observePurchase(w: MarketWorld, i: number): void {
  w.agents.customers.col.observedWaiting[i] = 0;
}

/** Evening, after the accounts: each vendor's lowest accrual profit and the day it turned positive. */
export function observeEvening(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    const profit = v.cumProfit[j];
    if (profit < v.profitTrough[j]) v.profitTrough[j] = profit;
    if (profit <= 0) v.positiveFrom[j] = 0;
    else if (v.positiveFrom[j] === 0) v.positiveFrom[j] = ctx.tick + 1;
  }
}

/** Vendor j's delivery rate since the observation day: the purchases asked of it first that it delivered at once; null before any. */
export function deliveryRate(w: MarketWorld, j: number): number | null {
  const v = w.agents.vendors.col;
  return v.observedAsks[j] > 0 ? 1 - v.observedShort[j] / v.observedAsks[j] : null;
}

/**
 * Vendor j's customers of the observation day that still hold a lot from it now (retained), as a
 * share of them, and the mean loyalty of those retained; null before the observation day or without any.
 */
export function retention(w: MarketWorld, ctx: Ctx, j: number): { share: number; loyalty: number | null } | null {
  if (ctx.tick < observationDay(ctx)) return null;
  const c = w.agents.customers.col;
  let before = 0;
  let kept = 0;
  let loyalty = 0;
  for (let i = 0; i < w.agents.customers.count; i++) {
    if (c.observedSeller[i] !== j + 1) continue;
    before++;
    if (c.units[i] > 0 && c.seller[i] === j) {
      kept++;
      loyalty += c.loyalty[i];
    }
  }
  return before > 0 ? { share: kept / before, loyalty: kept > 0 ? loyalty / kept : null } : null;
}

/** The day vendor j's accrual profit last turned positive; null while it is not positive. */
export function positiveDay(w: MarketWorld, j: number): number | null {
  const from = w.agents.vendors.col.positiveFrom[j];
  return from > 0 ? from - 1 : null;
}
