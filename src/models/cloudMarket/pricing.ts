/**
 * Pricing: every repricing day each vendor prices by the strategy in force, which the
 * aggressive strategy (in or out of its price war), the dynamic one (a cycle of phases) and the
 * learning one (UCB1 over the basic three) choose anew. Every strategy reads profit through
 * `accrualProfit`.
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

/** The loss vendor j has run so far (accrual profit below zero), as a share of what its group allows. */
function lossBudgetUsed(w: MarketWorld, j: number): number {
  const v = w.agents.vendors.col;
  const budget = E.LOSS_BUDGET[v.policy[j]] * v.initialCash[j];
  const loss = -accrualProfit(w, j);
  return budget > 0 ? loss / budget : loss > 0 ? Infinity : 0;
}

/** The lowest previous price of the other vendors in the market (the lag); Infinity when there is none. */
function cheapestRivalPrice(w: MarketWorld, self: number): number {
  const v = w.agents.vendors.col;
  let cheapest = Infinity;
  for (let j = 0; j < w.agents.vendors.count; j++)
    if (j !== self && v.active[j] && !v.exited[j]) cheapest = Math.min(cheapest, v.lastPrice[j]);
  return cheapest;
}

/** The profit-first restriction: a profit-first group never runs a price war (when the switch is on). */
function restrictedToProfit(ctx: Ctx, policy: number): boolean {
  return policy === PROFIT_FIRST && ctx.params.mechProfitFirstRestriction;
}

function lossBudgetLeft(w: MarketWorld, ctx: Ctx, j: number): boolean {
  return !ctx.params.mechLossBudget || lossBudgetUsed(w, j) < 1;
}

/** Vendor j's full cost of a unit-day. */
function fullCost(w: MarketWorld, ctx: Ctx, scratch: Scratch, j: number): number {
  return E.unitDayCost(w.agents.vendors.col.unitCost[j], ctx.params.contractDays, scratch.derived.service[j]);
}

/** The price of one of the three basic strategies. */
export function basicPrice(w: MarketWorld, ctx: Ctx, scratch: Scratch, j: number, strategy: number): number {
  const v = w.agents.vendors.col;
  const row = vendorRows(ctx.params)[j];
  const cost = fullCost(w, ctx, scratch, j);
  if (strategy === FOLLOW) return leadersPrice(w, j);
  if (strategy === AGGRESSIVE) {
    // Just under its cost, or the cheapest rival's price if that is lower (matching a cut), as
    // far down as 0.85 × cost while the group's loss budget lasts; then (and for a profit-first
    // group always) break-even.
    if (!lossBudgetLeft(w, ctx, j) || restrictedToProfit(ctx, v.policy[j])) return cost * 1.02;
    return Math.max(cost * 0.85, Math.min(cost * E.UNDERCUT, cheapestRivalPrice(w, j)));
  }
  // Profit (loyal renewing customers pay a premium on top: see the choice's harvesting).
  return cost * (1 + num(row, 'margin') / 100);
}

/**
 * The aggressive strategy's phase: a price war while the loss budget lasts; once it is spent,
 * out of the war for at least AGGRESSIVE_MIN_RETREAT days, following the leaders (never below
 * break-even), until the loss is back under AGGRESSIVE_RETURN of the budget. The two
 * thresholds are the hysteresis that keeps it from flipping on its budget line.
 */
function aggressiveMode(w: MarketWorld, ctx: Ctx, j: number): number {
  const v = w.agents.vendors.col;
  if (v.phase[j] === 0 && !lossBudgetLeft(w, ctx, j)) {
    v.phase[j] = 1;
    v.phaseStart[j] = ctx.tick;
  } else if (
    v.phase[j] === 1 &&
    ctx.tick - v.phaseStart[j] >= E.AGGRESSIVE_MIN_RETREAT &&
    lossBudgetUsed(w, j) < E.AGGRESSIVE_RETURN
  ) {
    v.phase[j] = 0;
    v.phaseStart[j] = ctx.tick;
  }
  return v.phase[j] === 0 ? AGGRESSIVE : FOLLOW;
}

/** The dynamic strategy's share target: what its price war is for. */
function dynamicTarget(w: MarketWorld, j: number): number {
  const start = w.agents.vendors.col.startShare[j];
  return Math.max(start * 1.5, start + 0.03);
}

/**
 * The dynamic strategy's phase: a price war until its share target is won (or the budget
 * spent), then follow, then profit; back to war when its share falls below the target again
 * while budget is left. Each phase lasts a minimum number of days.
 */
function dynamicMode(w: MarketWorld, ctx: Ctx, j: number): number {
  const v = w.agents.vendors.col;
  const age = ctx.tick - v.phaseStart[j];
  const below = shareOf(w, j) < dynamicTarget(w, j);
  let next = v.phase[j];
  if (v.phase[j] === 0) {
    if (age >= E.DYNAMIC_MIN_WAR && (!below || !lossBudgetLeft(w, ctx, j))) next = 1;
  } else if (v.phase[j] === 1) {
    if (age >= E.DYNAMIC_MIN_FOLLOW) next = 2;
  } else if (age >= E.DYNAMIC_MIN_PROFIT && below && lossBudgetLeft(w, ctx, j)) next = 0;
  if (next !== v.phase[j]) {
    v.phase[j] = next;
    v.phaseStart[j] = ctx.tick;
  }
  return [AGGRESSIVE, FOLLOW, PROFIT][v.phase[j]];
}

const ARMS = [PROFIT, FOLLOW, AGGRESSIVE];

/** Where x lies in [low, high], from 0 to 1; 0.5 while the range is empty (nothing tells the arms apart yet). */
function withinRange(x: number, low: number, high: number): number {
  return high > low ? (x - low) / (high - low) : 0.5;
}

/**
 * Scores the epoch vendor j just ended on its arm: the epoch's change of accrual profit and of
 * share join that arm's means and widen the range seen over all its epochs.
 */
function scoreEpoch(w: MarketWorld, j: number, counts: readonly Float64Array[]): void {
  const v = w.agents.vendors.col;
  const arm = ARMS.indexOf(v.mode[j]);
  const profit = accrualProfit(w, j) - v.armStartProfit[j];
  const share = shareOf(w, j) - v.armStartShare[j];
  const first = counts[0][j] + counts[1][j] + counts[2][j] === 0;
  v.epochProfitLow[j] = first ? profit : Math.min(v.epochProfitLow[j], profit);
  v.epochProfitHigh[j] = first ? profit : Math.max(v.epochProfitHigh[j], profit);
  v.epochShareLow[j] = first ? share : Math.min(v.epochShareLow[j], share);
  v.epochShareHigh[j] = first ? share : Math.max(v.epochShareHigh[j], share);
  const profits = [v.arm0profit, v.arm1profit, v.arm2profit];
  const shares = [v.arm0share, v.arm1share, v.arm2share];
  counts[arm][j] += 1;
  profits[arm][j] += (profit - profits[arm][j]) / counts[arm][j];
  shares[arm][j] += (share - shares[arm][j]) / counts[arm][j];
}

/**
 * Arm a's mean reward for vendor j: its mean changes of profit and of share, each scaled into
 * [0, 1] by the range seen over all epochs (UCB1's rewards lie in [0, 1]), weighed as the group
 * policy weighs share against profit. Scaled by what the vendor has seen, a policy's weights
 * steer the choice whatever the market's size in credits.
 */
function meanReward(v: MarketWorld['agents']['vendors']['col'], j: number, a: number): number {
  const profit = [v.arm0profit, v.arm1profit, v.arm2profit][a][j];
  const share = [v.arm0share, v.arm1share, v.arm2share][a][j];
  const wShare = E.SHARE_WEIGHT[v.policy[j]];
  return (
    (1 - wShare) * withinRange(profit, v.epochProfitLow[j], v.epochProfitHigh[j]) +
    wShare * withinRange(share, v.epochShareLow[j], v.epochShareHigh[j])
  );
}

/** UCB1 over the three basic strategies, judged every epoch on profit and share as the group policy weighs them. */
function learningMode(w: MarketWorld, ctx: Ctx, j: number): number {
  const v = w.agents.vendors.col;
  if (ctx.tick - v.armStart[j] < E.LEARNING_EPOCH && v.armStart[j] >= 0) return v.mode[j];
  const counts = [v.arm0n, v.arm1n, v.arm2n];
  if (v.armStart[j] >= 0) scoreEpoch(w, j, counts);
  let total = 0;
  for (const c of counts) total += c[j];
  let best = 0;
  let bestScore = -Infinity;
  for (let a = 0; a < ARMS.length; a++) {
    // Profit-first groups never allow the loss-making arm.
    if (ARMS[a] === AGGRESSIVE && restrictedToProfit(ctx, v.policy[j])) continue;
    const n = counts[a][j];
    const score = n === 0 ? Infinity : meanReward(v, j, a) + Math.sqrt((2 * log(total + 1)) / n) * E.EXPLORATION;
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
    else if (mode === AGGRESSIVE) mode = aggressiveMode(w, ctx, j);
    v.mode[j] = mode;
    let price = basicPrice(w, ctx, scratch, j, mode);
    // Out of its price war, an aggressive vendor no longer sells below break-even.
    if (v.strategy[j] === AGGRESSIVE && mode !== AGGRESSIVE)
      price = Math.max(price, fullCost(w, ctx, scratch, j) * 1.02);
    const lo = num(rows[j], 'priceMin');
    const hi = Math.max(lo, num(rows[j], 'priceMax'));
    v.price[j] = Math.min(hi, Math.max(lo, price));
  }
}
