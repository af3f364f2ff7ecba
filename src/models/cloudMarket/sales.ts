/**
 * Sales: a customer whose lot ends chooses a seller and buys its whole need from it; the lots in
 * use are booked in the sellers' counts when they start (`bookLot`) and released when they end
 * (`releaseLot`). Names: c/v/s are the customer, vendor and supplier columns, i a customer,
 * k a supplier.
 */
import type { KeyedStream } from '../../core/keyedRandom';
import { contractLength, schedule } from './calendar';
import { dailyRate, signLot } from './books';
import { appraise, CHOICE_DRAWS, drawOption, renewalLoyalty, renewsWithoutComparing } from './choice';
import * as E from './economics';
import type { Ctx } from './paramValues';
import { observeFirstChoice, observePurchase } from './observers';
import { MAX_OPTIONS, type Scratch } from './scratch';
import { DIRECT, NONE, segmentUnits, type MarketWorld } from './state';
import { takeUnits } from './supply';

/** Supplier that sells directly with the most stock, or −1. */
export function directSupplierWithStock(w: MarketWorld, units: number): number {
  const s = w.agents.suppliers.col;
  let best = -1;
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    if (s.direct[k] && s.stock[k] >= units && (best < 0 || s.stock[k] > s.stock[best])) best = k;
  }
  return best;
}

/**
 * Customer i now holds a lot of its whole need from `seller` (a vendor or DIRECT), made by
 * supplier `producer`, at `price` per unit-day: the lot joins its seller's units, customers,
 * loyalty and daily billing in use; `costPerDay` is what the lot's units cost its vendor per day.
 */
export function bookLot(
  w: MarketWorld,
  i: number,
  seller: number,
  producer: number,
  price: number,
  loyalty: number,
  costPerDay: number,
): void {
  const c = w.agents.customers.col;
  const units = c.need[i];
  c.seller[i] = seller;
  c.units[i] = units;
  c.price[i] = price;
  c.producer[i] = producer;
  c.loyalty[i] = loyalty;
  c.costPerDay[i] = costPerDay;
  if (c.loyalty[i] > w.globals.loyalThreshold) w.globals.loyalCustomers++;
  if (seller === DIRECT) {
    const s = w.agents.suppliers.col;
    c.cost[i] = s.cost[producer];
    s.directInUse[producer] += units;
    s.directCustomers[producer] += 1;
    segmentUnits(s, c.segment[i])[producer] += units;
  } else {
    const v = w.agents.vendors.col;
    c.cost[i] = v.unitCost[seller];
    v.inUse[seller] += units;
    v.customers[seller] += 1;
    // The stored (single-precision) loyalty, the one `releaseLot` takes out again.
    v.loyaltySum[seller] += c.loyalty[i];
    v.billing[seller] += dailyRate(price, units);
    v.serviceCostRate[seller] += costPerDay;
    segmentUnits(v, c.segment[i])[seller] += units;
  }
}

/** The lot of customer i reaches the end of its lifecycle: `bookLot` undone, its units counted as ended. */
export function releaseLot(w: MarketWorld, i: number): void {
  const c = w.agents.customers.col;
  const seller = c.seller[i];
  const units = c.units[i];
  if (units === 0) return;
  if (c.loyalty[i] > w.globals.loyalThreshold) w.globals.loyalCustomers--;
  if (seller === DIRECT) {
    const k = c.producer[i];
    const s = w.agents.suppliers.col;
    s.directInUse[k] -= units;
    s.directEnded[k] += units;
    s.directCustomers[k] -= 1;
    segmentUnits(s, c.segment[i])[k] -= units;
  } else if (seller >= 0) {
    const v = w.agents.vendors.col;
    v.inUse[seller] -= units;
    v.customers[seller] -= 1;
    v.loyaltySum[seller] -= c.loyalty[i];
    v.billing[seller] -= dailyRate(c.price[i], units);
    v.serviceCostRate[seller] -= c.costPerDay[i];
    segmentUnits(v, c.segment[i])[seller] -= units;
    v.unitsEnded[seller] += units;
  }
  c.units[i] = 0;
}

function inStock(w: MarketWorld, option: number, need: number): boolean {
  return option === DIRECT ? directSupplierWithStock(w, need) >= 0 : w.agents.vendors.col.stock[option] >= need;
}

/** Customer i's first choice, `option`, cannot deliver: one stock-out, at that seller, today. */
function stockOut(w: MarketWorld, ctx: Ctx, i: number, option: number): void {
  const c = w.agents.customers.col;
  c.stockouts[i]++;
  if (option === DIRECT) w.globals.directStockouts++;
  else w.agents.vendors.col.stockoutsToday[option]++;
  c.lastEvent[i] = 2;
  c.lastEventTick[i] = ctx.tick;
  observeFirstChoice(w, ctx, i, option, false);
}

/**
 * Customer i chooses and buys its whole need from one seller. Its first choice is its current
 * seller when it renews without comparing (above the loyalty threshold always, else as its
 * switching cost holds it: see `renewsWithoutComparing`), else the first option it draws. A chosen
 * seller without stock cannot deliver: the customer tries its next option; only
 * a first choice that cannot deliver counts as a stock-out (one per customer and day), and a
 * current seller that cannot deliver loses loyalty. Returns false when nothing could be bought
 * (the customer tries again tomorrow). Its draws are its own: keyed by (customer, day) in
 * `draws`, the `choices` stream, at the numbers `CHOICE_DRAWS` gives each purpose.
 */
export function choose(w: MarketWorld, ctx: Ctx, scratch: Scratch, i: number, draws: KeyedStream): boolean {
  const c = w.agents.customers.col;
  const params = ctx.params;
  const current = c.seller[i];
  const need = c.need[i];
  const available = scratch.available;
  appraise(w, ctx, scratch, i, params.mechNeighbours);
  // A renewing customer held by its switching cost (or above the loyalty threshold) has its seller as first choice.
  let choice = -1;
  let firstShort = false;
  if (
    current >= 0 &&
    available[current] &&
    renewsWithoutComparing(ctx, scratch, c, i, draws.at(i, ctx.tick, CHOICE_DRAWS.compare))
  ) {
    if (inStock(w, current, need)) choice = current;
    else {
      stockOut(w, ctx, i, current);
      firstShort = true;
      available[current] = 0;
      c.loyalty[i] *= 0.7;
    }
  }
  for (let attempt = 0; choice < 0 && attempt < MAX_OPTIONS; attempt++) {
    const option = drawOption(scratch, params.choiceNoise, draws.at(i, ctx.tick, CHOICE_DRAWS.firstOption + attempt));
    if (option < 0) break;
    if (inStock(w, option, need)) {
      choice = option;
      break;
    }
    available[option] = 0;
    if (!firstShort) stockOut(w, ctx, i, option);
    firstShort = true;
    if (option === current) c.loyalty[i] *= 0.7;
  }
  if (choice < 0) return false;
  if (!firstShort) observeFirstChoice(w, ctx, i, choice, true);
  observePurchase(w, i);
  sell(w, ctx, scratch, i, choice, firstShort || w.globals.marketShort > 0, draws);
  return true;
}

/**
 * Customer i signs a contract with `choice` at the price it was offered and prepays it: the
 * lot's daily rate (whole credits) times its days. `short`: its first choice or the market was
 * short of stock when it was served.
 */
function sell(
  w: MarketWorld,
  ctx: Ctx,
  scratch: Scratch,
  i: number,
  choice: number,
  short: boolean,
  draws: KeyedStream,
): void {
  const c = w.agents.customers.col;
  const s = w.agents.suppliers.col;
  const price = scratch.offered[choice];
  const need = c.need[i];
  const days = contractLength(ctx, draws.at(i, ctx.tick, CHOICE_DRAWS.contractLength));
  const rate = dailyRate(price, need);
  const previous = c.seller[i];
  c.contracts[i]++;
  if (previous !== NONE) {
    w.globals.renewals++;
    if (previous !== choice) {
      w.globals.switches++;
      c.switches[i]++;
      c.previousSeller[i] = previous;
      c.lastEvent[i] = 1;
      c.lastEventTick[i] = ctx.tick;
    }
  }
  // Loyalty: renewing raises it, switching resets it, a price hike lowers it, being served in a shortage raises it.
  let loyalty = E.SWITCH_LOYALTY;
  if (previous === choice) {
    loyalty = renewalLoyalty(c, i, price);
    loyalty += (1 - loyalty) * E.RENEWAL_GAIN;
  }
  if (short && ctx.params.mechShortageLoyalty) loyalty += 0.1;
  loyalty = E.clamp01(loyalty);
  if (choice === DIRECT) {
    const k = directSupplierWithStock(w, need);
    s.stock[k] -= need;
    s.soldDirect[k] += need;
    s.revenue[k] += rate * days;
    bookLot(w, i, choice, k, price, loyalty, 0);
  } else {
    const costPerDay = signLot(w, choice, need, rate, days);
    const producer = takeUnits(w, choice, need);
    bookLot(w, i, choice, producer, price, loyalty, costPerDay);
  }
  w.globals.customersPaid += rate * days;
  schedule(w, i, ctx.tick + days);
}
