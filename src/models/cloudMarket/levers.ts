/**
 * The vendors' levers changed mid-run (the live columns of the vendors table: strategy, price
 * band, target margin). A vendor that takes up a new strategy starts it afresh (a dynamic one
 * with its price war, a learning one with a new epoch), and the market reprices the day a lever
 * moves rather than at its next repricing day.
 */
import { STRATEGIES } from './params';
import { vendorRows, type Ctx } from './paramValues';
import { shareOf, type MarketWorld } from './state';

/** Applies today's lever changes to the vendors' state; true when the market must reprice today. */
export function adoptLevers(w: MarketWorld, ctx: Ctx): boolean {
  if (!ctx.changed?.some((path) => path.startsWith('vendors#'))) return false;
  const v = w.agents.vendors.col;
  const rows = vendorRows(ctx.params);
  for (let j = 0; j < w.agents.vendors.count; j++) {
    const strategy = STRATEGIES.indexOf(rows[j].strategy as (typeof STRATEGIES)[number]);
    if (strategy === v.strategy[j]) continue;
    v.strategy[j] = strategy;
    v.phase[j] = 0;
    v.phaseStart[j] = ctx.tick;
    v.startShare[j] = shareOf(w, j);
    v.armStart[j] = -1;
  }
  return true;
}
