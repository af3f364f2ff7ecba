/**
 * Setup of the market: suppliers and vendors from their tables, the customers, brand
 * constants fitted once against the reference market, the installed base (every customer
 * already holds a lot, in the initial shares), and the vendors' sizes and opening stock.
 * Names: c/v/s are the customer, vendor and supplier columns, i a customer, j a vendor or
 * option, k a supplier.
 */
import type { Random } from '../../core/rng';
import { closeOpeningBooks, dailyRate, openLot, openStock } from './books';
import { schedule } from './calendar';
import { appraiseExpected, calibrateBrands } from './calibration';
import { drawOption } from './choice';
import { addCustomer } from './customers';
import * as E from './economics';
import { AGGRESSIVE, DYNAMIC, LEARNING, PROFIT, num, vendorRows, type Ctx } from './paramValues';
import { POLICIES, STRATEGIES } from './params';
import { basicPrice } from './pricing';
import { bookLot, directSupplierWithStock } from './sales';
import { MAX_OPTIONS, refreshDerived, scratchOf, type Scratch } from './scratch';
import { DIRECT, holdingRow, shareOf, type MarketWorld } from './state';
import { mainListPrice, openContracts } from './supply';

function addSuppliers(w: MarketWorld, ctx: Ctx): void {
  const suppliers = w.agents.suppliers;
  const rows = ctx.params.suppliers.rows;
  rows.forEach((row, k) => {
    suppliers.add();
    const s = suppliers.col;
    s.rowId[k] = row.id;
    s.capacityShare[k] = num(row, 'capacityShare');
    s.cost[k] = num(row, 'cost');
    s.margin[k] = num(row, 'margin');
    s.direct[k] = row.direct ? 1 : 0;
    s.maxDiscount[k] = num(row, 'maxDiscount');
    s.availability[k] = 1;
    s.x[k] = (k + 1) / (rows.length + 1);
    s.y[k] = 1.13;
  });
}

function addVendors(w: MarketWorld, ctx: Ctx): void {
  const vendors = w.agents.vendors;
  const rows = vendorRows(ctx.params);
  rows.forEach((row, j) => {
    vendors.add();
    const v = vendors.col;
    v.rowId[j] = row.id;
    v.index[j] = j;
    v.strategy[j] = STRATEGIES.indexOf(row.strategy as (typeof STRATEGIES)[number]);
    v.policy[j] = POLICIES.indexOf(row.policy as (typeof POLICIES)[number]);
    v.mode[j] = v.strategy[j] === DYNAMIC ? AGGRESSIVE : v.strategy[j] === LEARNING ? PROFIT : v.strategy[j];
    v.entryDay[j] = num(row, 'entryDay');
    // Money moves in whole credits, so that every payment is one exact debit and one exact credit.
    v.cash[j] = Math.round(num(row, 'cash'));
    v.initialCash[j] = v.cash[j];
    v.startQuality[j] = num(row, 'quality');
    v.quality[j] = v.startQuality[j];
    v.targetVendor[j] = -1;
    v.armStart[j] = -1;
    v.x[j] = (j + 1) / (rows.length + 1);
    v.y[j] = -0.08;
  });
}

/** Initial shares by option: vendors present at day 0 get their row's share, the direct channel the rest. */
function initialShares(w: MarketWorld, ctx: Ctx, scratch: Scratch): Float64Array {
  const target = new Float64Array(MAX_OPTIONS);
  let vendorTotal = 0;
  vendorRows(ctx.params).forEach((row, j) => {
    if (num(row, 'entryDay') === 0) {
      target[j] = num(row, 'initialShare');
      vendorTotal += target[j];
    }
  });
  if (vendorTotal > 1) for (let j = 0; j < w.agents.vendors.count; j++) target[j] /= vendorTotal;
  target[DIRECT] = scratch.derived.hasDirect ? Math.max(0, 1 - Math.min(1, vendorTotal)) : 0;
  return target;
}

/**
 * Every vendor's reference price: its full cost per unit-day at the main supplier's list price,
 * × (1 + reference margin). The vendors present at day 0 open, buying at that list price, and
 * price for profit.
 */
function openVendors(w: MarketWorld, ctx: Ctx, scratch: Scratch): void {
  const v = w.agents.vendors.col;
  const listPrice = mainListPrice(w, scratch);
  const reference = 1 + ctx.params.referenceMargin / 100;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    v.referencePrice[j] = E.unitDayCost(listPrice, ctx.params.contractDays, scratch.derived.service[j]) * reference;
    if (v.entryDay[j] === 0) {
      v.active[j] = 1;
      v.unitCost[j] = listPrice;
    }
  }
  for (let j = 0; j < w.agents.vendors.count; j++) if (v.active[j]) v.price[j] = basicPrice(w, ctx, scratch, j, PROFIT);
}

/** Renewals with its seller of a contract in force at day 0: P(n ≥ k) = INSTALLED_RENEWAL_CHANCE^k. */
function installedRenewals(rng: Random): number {
  let n = 0;
  while (n < 50 && rng.next() < E.INSTALLED_RENEWAL_CHANCE) n++;
  return n;
}

/**
 * Warm start: the installed base. Every customer already holds a lot from the seller the
 * reference market draws for it (so the contracts in force at day 0 have the initial shares),
 * at its seller's opening price, with a loyalty grown over the renewals it has had, and with
 * renewals spread evenly over the next lifecycle.
 */
function warmStart(w: MarketWorld, ctx: Ctx, scratch: Scratch, target: Float64Array, rng: Random): void {
  const params = ctx.params;
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  for (let i = 0; i < w.agents.customers.count; i++) {
    appraiseExpected(w, ctx, scratch, i, target);
    const option = drawOption(scratch, params.choiceNoise, rng);
    const k = option === DIRECT ? directSupplierWithStock(w, 0) : scratch.derived.producer;
    // Without a supplier nothing was ever produced: the customer starts empty-handed.
    if (option < 0 || k < 0) {
      schedule(w, i, 1 + rng.int(params.contractDays));
      continue;
    }
    const need = c.need[i];
    // The installed base pays its seller's opening price; its units cost the opening unit cost, per day of service.
    const price = option === DIRECT ? scratch.derived.directPrice : v.price[option];
    const costPerDay = option === DIRECT ? 0 : Math.round((v.unitCost[option] * need) / params.contractDays);
    bookLot(w, i, option, k, price, E.loyaltyAfterRenewals(installedRenewals(rng)), costPerDay);
    s.produced[k] += need;
    schedule(w, i, 1 + rng.int(params.contractDays));
    if (option === DIRECT) s.soldDirect[k] += need;
    else {
      s.soldToVendors[k] += need;
      v.unitsBought[option] += need;
      openLot(w, option, dailyRate(price, need), costPerDay, c.endDay[i] - ctx.tick);
    }
  }
}

/** Sizes (the row's, or 1.3 × the units in use), starting shares and opening stock (bought before day 0) of the vendors. */
function sizeVendors(w: MarketWorld, ctx: Ctx, scratch: Scratch): void {
  const params = ctx.params;
  const rows = vendorRows(params);
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j]) continue;
    if (num(rows[j], 'size') > 0) v.size[j] = num(rows[j], 'size');
    else v.size[j] = Math.ceil(Math.max(v.inUse[j], 0.02 * w.globals.totalNeed) * 1.3);
    v.startShare[j] = shareOf(w, j);
    v.shareNow[j] = v.startShare[j];
    v.lastPrice[j] = v.price[j];
    v.volume[j] = (v.inUse[j] / params.contractDays) * 90;
    // Opening stock: the group's cover of expected sales, produced by the main supplier before day 0.
    const k = scratch.derived.producer;
    const stock = k >= 0 ? Math.ceil((E.STOCK_COVER_DAYS[v.policy[j]] * v.inUse[j]) / params.contractDays) : 0;
    openStock(w, j, stock);
    v.unitsBought[j] += stock;
    if (k >= 0) {
      w.agents.holdings.col.units[holdingRow(w, j, k)] += stock;
      s.produced[k] += stock;
      s.soldToVendors[k] += stock;
    }
  }
  for (let j = 0; j < w.agents.vendors.count; j++)
    if (num(rows[j], 'size') > 0 && !v.active[j]) v.size[j] = num(rows[j], 'size');
}

export function setupMarket(w: MarketWorld, ctx: Ctx): void {
  const rng = ctx.rng.stream('setup');
  const layout = ctx.rng.stream('layout');
  const scratch = scratchOf(w, ctx);
  w.globals.demandFactor = 1;
  w.globals.demandUntil = 0;
  w.globals.loyalThreshold = ctx.params.loyaltyThreshold;
  const ring = Math.ceil(ctx.params.contractDays * 1.2) + 2;
  w.agents.calendar.add(ring);
  w.agents.calendar.col.head.fill(-1);
  addSuppliers(w, ctx);
  addVendors(w, ctx);
  w.agents.holdings.add(w.agents.vendors.count * w.agents.suppliers.count);
  refreshDerived(w, ctx, scratch);
  const traits = ctx.rng.keyed('traits');
  for (let i = 0; i < ctx.params.customers; i++) addCustomer(w, ctx, scratch, traits, layout);
  const target = initialShares(w, ctx, scratch);
  openVendors(w, ctx, scratch);
  calibrateBrands(w, ctx, scratch, target);
  warmStart(w, ctx, scratch, target, rng);
  sizeVendors(w, ctx, scratch);
  openContracts(w, ctx);
  closeOpeningBooks(w);
}
