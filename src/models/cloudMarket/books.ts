/**
 * The vendors' books, on an accrual basis. Contracts are prepaid at signing and units are bought
 * outright, so cash runs ahead of profit: a payment enters deferred revenue and becomes revenue
 * day by day of service; a purchase enters the value of the stock, moves with a sold lot into
 * the lot, and becomes the cost of service day by day. Every amount is in whole credits, so that
 * on every day, exactly,
 *   accrual profit = (cash − initial cash) − (deferred − opening deferred) + (unconsumed − opening unconsumed).
 * Names: v is the vendor columns, j a vendor.
 */
import type { MarketWorld } from './state';

/** What a lot of `units` at `price` per unit-day bills per day of service, in whole credits. */
export function dailyRate(price: number, units: number): number {
  return Math.round(price * units);
}

/** Vendor j receives `units` into stock for `paid` credits: the stock's value and average unit cost follow. */
export function buyUnits(w: MarketWorld, j: number, units: number, paid: number): void {
  const v = w.agents.vendors.col;
  v.stock[j] += units;
  v.stockValue[j] += paid;
  v.unconsumed[j] += paid;
  v.unitCost[j] = v.stockValue[j] / v.stock[j];
  v.cash[j] -= paid;
}

/**
 * Vendor j signs a lot of `units` for `days` days billing `rate` a day, prepaid: the payment is
 * deferred, and the units' value leaves the stock (at its average cost; all of it with the last
 * unit) to be consumed at a whole `floor(value / days)` credits a day, the remainder of the
 * division counted today. Call before the units leave the stock; returns the lot's cost per day.
 */
export function signLot(w: MarketWorld, j: number, units: number, rate: number, days: number): number {
  const v = w.agents.vendors.col;
  const payment = rate * days;
  v.cash[j] += payment;
  v.deferred[j] += payment;
  const value = units >= v.stock[j] ? v.stockValue[j] : Math.round((v.stockValue[j] * units) / v.stock[j]);
  v.stockValue[j] -= value;
  const perDay = Math.floor(value / days);
  const remainder = value - perDay * days;
  v.cost[j] += remainder;
  v.unconsumed[j] -= remainder;
  return perDay;
}

/** A lot of the warm start, paid before day 0: what is left of its service is deferred revenue and unconsumed cost. */
export function openLot(w: MarketWorld, j: number, rate: number, costPerDay: number, daysLeft: number): void {
  const v = w.agents.vendors.col;
  v.deferred[j] += rate * daysLeft;
  v.unconsumed[j] += costPerDay * daysLeft;
}

/** Vendor j's opening stock, bought before day 0 at its unit cost. */
export function openStock(w: MarketWorld, j: number, units: number): void {
  const v = w.agents.vendors.col;
  const value = Math.round(v.unitCost[j] * units);
  v.stock[j] += units;
  v.stockValue[j] += value;
  v.unconsumed[j] += value;
}

/** The books as they stand at the end of setup are the opening balance of the identity above. */
export function closeOpeningBooks(w: MarketWorld): void {
  const v = w.agents.vendors.col;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    v.openingDeferred[j] = v.deferred[j];
    v.openingUnconsumed[j] = v.unconsumed[j];
  }
}

/** The day's service: every lot in use earns its daily rate and consumes its daily cost. */
export function recogniseDay(w: MarketWorld, j: number): void {
  const v = w.agents.vendors.col;
  v.revenue[j] += v.billing[j];
  v.deferred[j] -= v.billing[j];
  v.cost[j] += v.serviceCostRate[j];
  v.unconsumed[j] -= v.serviceCostRate[j];
}
