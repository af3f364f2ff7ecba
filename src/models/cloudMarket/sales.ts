/**
 * Sales: a customer whose lot ends chooses a seller and buys its whole need from it; the lots in
 * use are booked in the sellers' counts when they start (`bookLot`) and released when they end
 * (`releaseLot`). Names: c/v/s are the customer, vendor and supplier columns, i a customer,
 * k a supplier.
 */
import type { Random } from '../../core/rng';
import { contractLength, schedule } from './calendar';
import { appraise, drawOption, renewalLoyalty, renewsWithoutComparing } from './choice';
import * as E from './economics';
import type { Ctx } from './paramValues';
import { MAX_OPTIONS, type Scratch } from './scratch';
import { DIRECT, NONE, segmentUnits, type MarketWorld } from './state';

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
 * supplier `producer`, at `price` per unit-day: the lot joins its seller's units, customers
 * and loyalty in use. `loyalty` is the one the seller counts (the customer's column stores it
 * in single precision).
 */
export function bookLot(
  w: MarketWorld,
  i: number,
  seller: number,
  producer: number,
  price: number,
  loyalty: number,
): void {
  const c = w.agents.customers.col;
  const units = c.need[i];
  c.seller[i] = seller;
  c.units[i] = units;
  c.price[i] = price;
  c.producer[i] = producer;
  c.loyalty[i] = loyalty;
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
    v.loyaltySum[seller] += loyalty;
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
    segmentUnits(v, c.segment[i])[seller] -= units;
    v.unitsEnded[seller] += units;
  }
  c.units[i] = 0;
}

/**
 * Customer i chooses and buys its whole need from one seller. A chosen seller without stock
 * is a stock-out: loyalty drops and the customer tries its next option. Returns false when
 * nothing could be bought (the customer tries again tomorrow).
 */
export function choose(w: MarketWorld, ctx: Ctx, scratch: Scratch, i: number, rng: Random): boolean {
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const params = ctx.params;
  const current = c.seller[i];
  const need = c.need[i];
  const available = scratch.available;
  appraise(w, ctx, scratch, i, params.mechNeighbours);
  // A renewing customer held by its switching cost (or above the loyalty threshold) stays if it can.
  let choice = -1;
  if (current >= 0 && available[current] && renewsWithoutComparing(ctx, scratch, c, i, rng)) {
    if (current === DIRECT ? directSupplierWithStock(w, need) >= 0 : v.stock[current] >= need) choice = current;
  }
  for (let attempt = 0; choice < 0 && attempt < MAX_OPTIONS; attempt++) {
    const option = drawOption(scratch, params.choiceNoise, rng);
    if (option < 0) break;
    const inStock = option === DIRECT ? directSupplierWithStock(w, need) >= 0 : v.stock[option] >= need;
    if (inStock) {
      choice = option;
      break;
    }
    available[option] = 0;
    c.stockouts[i]++;
    if (option === DIRECT) w.globals.directStockouts++;
    else v.stockoutsToday[option]++;
    c.lastEvent[i] = 2;
    c.lastEventTick[i] = ctx.tick;
    if (option === current) c.loyalty[i] *= 0.7;
  }
  if (choice < 0) return false;
  sell(w, ctx, scratch, i, choice, rng);
  return true;
}

/** Customer i signs a contract with `choice` at the price it was offered, and pays for it at signing. */
function sell(w: MarketWorld, ctx: Ctx, scratch: Scratch, i: number, choice: number, rng: Random): void {
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  const price = scratch.offered[choice];
  const need = c.need[i];
  const days = contractLength(ctx, rng);
  // The contract is prepaid at signing, in whole credits.
  const payment = Math.round(price * need * days);
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
  if (scratch.derived.shortage && ctx.params.mechShortageLoyalty) loyalty += 0.1;
  loyalty = E.clamp01(loyalty);
  if (choice === DIRECT) {
    const k = directSupplierWithStock(w, need);
    s.stock[k] -= need;
    s.soldDirect[k] += need;
    s.revenue[k] += payment;
    bookLot(w, i, choice, k, price, loyalty);
  } else {
    v.stock[choice] -= need;
    v.revenue[choice] += payment;
    v.cash[choice] += payment;
    bookLot(w, i, choice, scratch.derived.producer, price, loyalty);
  }
  w.globals.customersPaid += payment;
  schedule(w, i, ctx.tick + days);
}
