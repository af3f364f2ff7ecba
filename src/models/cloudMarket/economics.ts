/** Constants and small formulas shared by the market's submodels (all stated in the documentation). */
import { pow } from '../../core/dmath';

/** Utility weights of the choice model (multiplied by the customer's own attribute). */
export const WEIGHT_PRICE = 3;
export const WEIGHT_QUALITY = 2;
export const WEIGHT_SERVICE = 2;
/** Tempered in version 2 (was 1.5): with every vendor at its reference price it alone moved the direct channel −1.2 pp a year. */
export const WEIGHT_NEIGHBOURS = 0.75;
/** Price (credits per unit-day) that counts as one unit of price disutility. */
export const PRICE_SCALE = 50;
/** Daily cost a customer without IT skills pays to run units it bought directly (credits per unit-day). */
export const SELF_OPERATION = 25;
/** A vendor's operating cost per unit in use per day: base plus service level. */
const OPERATING_BASE = 6;
const OPERATING_SERVICE = 14;
/** A vendor's fixed overhead per unit of size per day. */
export const OVERHEAD_PER_SIZE = 0.4;
/** Cost of adding one unit of size when a vendor expands. */
export const EXPANSION_COST = 300;
/**
 * Days of expected sales a vendor tries to keep in stock, by group policy (expand, balanced,
 * profit-first): an expanding group stocks deeper so as not to turn a customer away; the others
 * keep two weeks.
 */
export const STOCK_COVER_DAYS = [24, 14, 14] as const;
/** Loss a group lets a vendor run, as a share of its starting cash, by policy (expand, balanced, profit-first). */
export const LOSS_BUDGET = [0.5, 0.2, 0.05] as const;
/** Weight of share (vs profit) in a learning vendor's reward, by policy. */
export const SHARE_WEIGHT = [0.7, 0.5, 0.2] as const;
/** Days in market that make one unit of a vendor's experience (tempered from 1,500 in version 2: quality converged too fast). */
export const LEARNING_DAYS = 3000;
/**
 * Weight of UCB1's exploration bonus, √(2 ln N / n) × this, against rewards in [0, 1]
 * (version 3: rewards scaled by their observed range; the weight is version 2's).
 */
export const EXPLORATION = 0.5;
/** Days a learning vendor keeps one strategy before judging it. */
export const LEARNING_EPOCH = 30;
/**
 * An aggressive vendor prices this fraction of its cost, or matches the cheapest rival if lower
 * (down to its floor). At 0.98 a war barely spent a loss budget on accrual books and lasted most
 * of five years.
 */
export const UNDERCUT = 0.94;
/** Minimum days of the dynamic strategy's price-war, follow and profit phases. */
export const DYNAMIC_MIN_WAR = 90;
export const DYNAMIC_MIN_FOLLOW = 180;
export const DYNAMIC_MIN_PROFIT = 180;
/** Minimum days an aggressive vendor stays out of a price war once its loss budget is spent. */
export const AGGRESSIVE_MIN_RETREAT = 180;
/** An aggressive vendor out of the war returns to it once its loss is back under this share of its budget. */
export const AGGRESSIVE_RETURN = 0.5;
/** Loyalty above which a vendor on the profit strategy charges a renewing customer a premium (harvesting). */
export const HARVEST_LOYALTY = 0.7;
export const HARVEST_PREMIUM = 0.1;
/** How far under the target's price a targeting vendor's offers to the target's renewing customers go. */
export const TARGET_DISCOUNT = 0.1;
/** Loyalty after switching seller, and the share of the way to 1 a renewal with the same seller adds. */
export const SWITCH_LOYALTY = 0.3;
export const RENEWAL_GAIN = 0.2;
/** The installed base at day 0: each contract in force had been renewed n times, P(n ≥ k) = this^k. */
export const INSTALLED_RENEWAL_CHANCE = 0.75;
/** Loyalty lost at a renewal whose price is more than 5% above the last contract's. */
export const HIKE_PENALTY = 0.1;
/** Days of its direct buyers' expected purchases a direct-selling supplier keeps back from the vendors. */
export const DIRECT_RESERVE_DAYS = 2;
/** Volume (units) at which a buyer earns a supplier's full discount, per unit of daily market flow. */
export const FULL_DISCOUNT_FLOW_DAYS = 30;
/** The term of a supply contract: volume discounts are renegotiated this often, counted from the vendor's entry. */
export const RENEGOTIATION_DAYS = 90;

export function operatingCost(service: number): number {
  return OPERATING_BASE + OPERATING_SERVICE * service;
}

/** A vendor's full cost of one unit-day: purchase spread over the lifecycle plus operation. */
export function unitDayCost(unitCost: number, contractDays: number, service: number): number {
  return unitCost / contractDays + operatingCost(service);
}

/** Loyalty after switching to a seller and renewing with it n times. */
export function loyaltyAfterRenewals(n: number): number {
  let gap = 1 - SWITCH_LOYALTY;
  for (let k = 0; k < n; k++) gap *= 1 - RENEWAL_GAIN;
  return 1 - gap;
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** The daily rate that compounds to `growthPercent` a year (0 for a market that does not grow). */
export function dailyGrowth(growthPercent: number): number {
  return growthPercent > 0 ? pow(1 + growthPercent / 100, 1 / 365) - 1 : 0;
}

/** The chance that a renewing customer leaves a market shrinking by `growthPercent` a year: one renewal per lifecycle. */
export function leaveChance(growthPercent: number, contractDays: number): number {
  return growthPercent < 0 ? 1 - pow(1 + growthPercent / 100, contractDays / 365) : 0;
}
