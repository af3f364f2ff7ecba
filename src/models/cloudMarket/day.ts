/**
 * The daily schedule of the cloud market, in the order of the ODD's process overview (info.ts):
 * events, vendor entries, production, procurement, levers changed today and repricing,
 * learning, renewals and new customers' choices (stock-outs and loyalty among them), and the
 * day's accounts. The cost of a
 * day grows with that day's decisions: only customers whose lot ends today (found through the
 * renewal calendar) and new customers choose.
 */
import { pow } from '../../core/dmath';
import { newCustomers, renewals } from './customers';
import { runEvents } from './events';
import { adoptLevers } from './levers';
import { observeEvening, observeMorning } from './observers';
import type { Ctx } from './paramValues';
import { reprice } from './pricing';
import { refreshDerived, scratchOf } from './scratch';
import { followLoyaltyThreshold, type MarketWorld } from './state';
import { procure, produce } from './supply';
import { accountDay, enterVendor, learn, startDay } from './vendors';

export function stepMarket(w: MarketWorld, ctx: Ctx): void {
  const draws = ctx.rng.keyed('choices');
  const scratch = scratchOf(w, ctx);
  w.globals.day = ctx.tick;
  followLoyaltyThreshold(w, ctx.params.loyaltyThreshold);
  startDay(w);
  observeMorning(w, ctx);
  runEvents(w, ctx, scratch);
  const v = w.agents.vendors.col;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j] && !v.exited[j] && v.entryDay[j] === ctx.tick) enterVendor(w, ctx, scratch, j);
  }
  // Production costs fall year on year, compounded daily.
  const s = w.agents.suppliers.col;
  const decline = pow(1 - ctx.params.costDecline / 100, 1 / 365);
  for (let k = 0; k < w.agents.suppliers.count; k++) s.cost[k] *= decline;
  refreshDerived(w, ctx, scratch);
  produce(w, ctx);
  procure(w, ctx, scratch);
  const leversMoved = adoptLevers(w, ctx);
  if (leversMoved || ctx.tick % ctx.params.repriceDays === 0) reprice(w, ctx, scratch);
  learn(w, ctx);
  renewals(w, ctx, scratch, draws);
  newCustomers(w, ctx, scratch, draws);
  accountDay(w, ctx);
  observeEvening(w, ctx);
}
