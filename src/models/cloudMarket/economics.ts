/** Constants and small formulas shared by the market's submodels (all stated in the documentation). */
import { pow } from '../../core/dmath';

/** Utility weights of the choice model (multiplied by the customer's own attribute). */
export const WEIGHT_PRICE = 3;
export const WEIGHT_QUALITY = 2;
export const WEIGHT_SERVICE = 2;
export const WEIGHT_NEIGHBOURS = 1.5;
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
/** Days of expected sales a vendor tries to keep in stock. */
export const STOCK_COVER_DAYS = 14;
/** Loss a group lets a vendor run, as a share of its starting cash, by policy (expand, balanced, profit-first). */
export const LOSS_BUDGET = [0.5, 0.2, 0.05] as const;
/** Weight of share (vs profit) in a learning vendor's reward, by policy. */
export const SHARE_WEIGHT = [0.7, 0.5, 0.2] as const;
/** Days a learning vendor keeps one strategy before judging it. */
export const LEARNING_EPOCH = 30;
/** Minimum days of the dynamic strategy's price-war and follow phases. */
export const DYNAMIC_MIN_WAR = 90;
export const DYNAMIC_MIN_FOLLOW = 180;
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
