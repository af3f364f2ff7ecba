/**
 * Pricing: every repricing day each vendor prices by the strategy in force, which the dynamic
 * strategy (a schedule of phases) and the learning one (UCB1 over the basic three) choose anew.
 * Names: v is the vendor columns, j a vendor.
 */
import { log } from '../../core/dmath';
import * as E from './economics';
import { AGGRESSIVE, DYNAMIC, FOLLOW, LEARNING, PROFIT, PROFIT_FIRST, num, vendorRows, type Ctx } from './paramValues';
import type { Scratch } from './scratch';
import { accrualProfit, shareOf, type MarketWorld } from './state';

/** Share-weighted price of the (up to) three largest other vendors, at their previous prices (the lag). */
function leadersPrice(w: MarketWorld, self: number): number {
  const v = w.agents.vendors.col;
  const order = Array.from({ length: w.agents.vendors.count }, (_, j) => j)
    .filter((j) => j !== self && v.active[j] && !v.exited[j])
    .sort((a, b) => v.inUse[b] - v.inUse[a] || a - b)
    .slice(0, 3);
  let weight = 0;
  let sum = 0;
  for (const j of order) {
    const share = v.inUse[j] + 1;
    weight += share;
    sum += share * v.lastPrice[j];
  }
  return weight > 0 ? sum / weight : v.price[self];
}

function lossBudgetLeft(w: MarketWorld, ctx: Ctx, j: number): boolean {
  if (!ctx.params.mechLossBudget) return true;
  const v = w.agents.vendors.col;
  return -accrualProfit(w, j) < E.LOSS_BUDGET[v.policy[j]] * v.initialCash[j];
}

/** The price of one of the three basic strategies. */
export function basicPrice(w: MarketWorld, ctx: Ctx, scratch: Scratch, j: number, strategy: number): number {
  const v = w.agents.vendors.col;
  const row = vendorRows(ctx.params)[j];
  const cost = E.unitDayCost(v.unitCost[j], ctx.params.contractDays, scratch.derived.service[j]);
  if (strategy === FOLLOW) return leadersPrice(w, j);
  if (strategy === AGGRESSIVE) {
    // Below cost while the group's loss budget lasts, then break-even.
    return lossBudgetLeft(w, ctx, j) && v.policy[j] !== PROFIT_FIRST ? cost * 0.85 : cost * 1.02;
  }
  // Profit, harvesting a loyal base: loyal customers tolerate a premium.
  const loyalty = v.customers[j] > 0 ? v.loyaltySum[j] / v.customers[j] : 0;
  return cost * (1 + num(row, 'margin') / 100) * (loyalty > 0.7 ? 1.05 : 1);
}

/** The dynamic strategy's phase: a price war until share is won (or the budget spent), then follow, then profit. */
function dynamicMode(w: MarketWorld, ctx: Ctx, j: number): number {
  const v = w.agents.vendors.col;
  const age = ctx.tick - v.phaseStart[j];
  if (v.phase[j] === 0) {
    const share = shareOf(w, j);
    const reached = share >= Math.max(v.startShare[j] * 1.5, v.startShare[j] + 0.03);
    if (age >= E.DYNAMIC_MIN_WAR && (reached || !lossBudgetLeft(w, ctx, j))) {
      v.phase[j] = 1;
      v.phaseStart[j] = ctx.tick;
    }
  } else if (v.phase[j] === 1 && age >= E.DYNAMIC_MIN_FOLLOW) {
    v.phase[j] = 2;
    v.phaseStart[j] = ctx.tick;
  }
  return [AGGRESSIVE, FOLLOW, PROFIT][v.phase[j]];
}

const ARMS = [PROFIT, FOLLOW, AGGRESSIVE];

/** Maps any real number into (−1, 1), monotonically (a cheap, exact tanh stand-in). */
function squash(x: number): number {
  return x / (1 + Math.abs(x));
}

/** UCB1 over the three basic strategies, judged every epoch on profit and share as the group policy weighs them. */
function learningMode(w: MarketWorld, ctx: Ctx, j: number): number {
  const v = w.agents.vendors.col;
  if (ctx.tick - v.armStart[j] < E.LEARNING_EPOCH && v.armStart[j] >= 0) return v.mode[j];
  const counts = [v.arm0n, v.arm1n, v.arm2n];
  const values = [v.arm0v, v.arm1v, v.arm2v];
  if (v.armStart[j] >= 0) {
    const arm = ARMS.indexOf(v.mode[j]);
    const profit = accrualProfit(w, j) - v.armStartProfit[j];
    const scale = Math.max(1, v.initialCash[j] * 0.02);
    const share = shareOf(w, j) - v.armStartShare[j];
    const wShare = E.SHARE_WEIGHT[v.policy[j]];
    const reward = (1 - wShare) * squash(profit / scale) + wShare * squash(share * 20);
    counts[arm][j] += 1;
    values[arm][j] += (reward - values[arm][j]) / counts[arm][j];
  }
  let total = 0;
  for (const c of counts) total += c[j];
  let best = 0;
  let bestScore = -Infinity;
  for (let a = 0; a < ARMS.length; a++) {
    // Profit-first groups never allow the loss-making arm.
    if (ARMS[a] === AGGRESSIVE && v.policy[j] === PROFIT_FIRST) continue;
    const n = counts[a][j];
    const score = n === 0 ? Infinity : values[a][j] + Math.sqrt((2 * log(total + 1)) / n) * 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  v.armStart[j] = ctx.tick;
  v.armStartProfit[j] = accrualProfit(w, j);
  v.armStartShare[j] = shareOf(w, j);
  return ARMS[best];
}

/** Every vendor in the market prices by the strategy in force, within its row's price band. */
export function reprice(w: MarketWorld, ctx: Ctx, scratch: Scratch): void {
  const v = w.agents.vendors.col;
  const rows = vendorRows(ctx.params);
  for (let j = 0; j < w.agents.vendors.count; j++) v.lastPrice[j] = v.price[j];
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j] || v.exited[j]) continue;
    let mode = v.strategy[j];
    if (mode === DYNAMIC) mode = dynamicMode(w, ctx, j);
    else if (mode === LEARNING) mode = learningMode(w, ctx, j);
    v.mode[j] = mode;
    const price = basicPrice(w, ctx, scratch, j, mode);
    const lo = num(rows[j], 'priceMin');
    const hi = Math.max(lo, num(rows[j], 'priceMax'));
    v.price[j] = Math.min(hi, Math.max(lo, price));
  }
}
