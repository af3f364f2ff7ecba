/**
 * A customer's choice among the sellers: each option's utility (one formula, `utilityTerms`,
 * read by the hot path and by the inspector's "why" table), the logit draw over them, and
 * whether a renewing customer compares at all (the switching cost).
 * Names: c/v are the customer and vendor columns, i a customer, j an option (a vendor's index
 * or DIRECT).
 */
import { exp } from '../../core/dmath';
import type { UniformSource } from '../../core/keyedRandom';
import * as E from './economics';
import { num, PROFIT, vendorRows, type Ctx } from './paramValues';
import type { MarketParams } from './params';
import { MAX_OPTIONS, type Scratch } from './scratch';
import { DIRECT, NEIGHBOURS, type MarketWorld } from './state';

type CustomerCols = MarketWorld['agents']['customers']['col'];

/**
 * The draw numbers of a customer's day in the keyed `choices` stream (key: customer, day): each
 * purpose owns its own, so a draw skipped in one run (no comparing above the loyalty threshold,
 * say) never shifts the numbers the customer draws for the others.
 */
export const CHOICE_DRAWS = { leave: 0, compare: 1, contractLength: 2, firstOption: 3 } as const;

/** Fills `share` with the share of customer i's neighbours holding each option. */
function countNeighbours(w: MarketWorld, share: Float64Array, i: number): void {
  const c = w.agents.customers.col;
  share.fill(0);
  let n = 0;
  // Unrolled over the four links: this runs for every choice of every customer.
  for (let k = 0; k < NEIGHBOURS; k++) {
    const link = k === 0 ? c.n0[i] : k === 1 ? c.n1[i] : k === 2 ? c.n2[i] : c.n3[i];
    if (link < 0) continue;
    n++;
    const seller = c.seller[link];
    if (seller >= 0) share[seller]++;
  }
  if (n > 0) for (let j = 0; j < MAX_OPTIONS; j++) share[j] /= n;
}

/** Reads customer i's weights into `scratch.pulls`, once per choice. */
function readPulls(scratch: Scratch, c: CustomerCols, i: number, withNeighbours: boolean): void {
  const p = scratch.pulls;
  p.price = (-E.WEIGHT_PRICE * c.priceSensitivity[i]) / E.PRICE_SCALE;
  p.quality = E.WEIGHT_QUALITY * c.qualityRequirement[i];
  p.service = E.WEIGHT_SERVICE * c.serviceRequirement[i];
  p.channel = c.channelLoyalty[i];
  p.directSales = c.directLoyalty[i];
  p.neighbours = withNeighbours ? E.WEIGHT_NEIGHBOURS * c.susceptibility[i] : 0;
  p.selfOperation = E.SELF_OPERATION * (1 - c.itCapability[i]);
}

/**
 * The utility of option j at `price` for the customer whose pulls and neighbours are in the
 * scratch: fills `scratch.terms` with its addends and returns their sum, added in this order.
 */
export function utilityTerms(w: MarketWorld, scratch: Scratch, j: number, price: number): number {
  const { pulls: p, terms: t } = scratch;
  t.neighbours = p.neighbours * scratch.neighbourShare[j];
  if (j === DIRECT) {
    // No service; the quality of a bare unit is that of the market's best-known hardware (0.7).
    t.price = p.price * (price + p.selfOperation);
    t.quality = p.quality * 0.7;
    t.service = 0;
    t.channel = 0;
    t.directSales = 0;
    t.brand = w.globals.directBrand;
    return t.price + t.quality + t.neighbours + t.brand;
  }
  const d = scratch.derived;
  t.price = p.price * price;
  t.quality = p.quality * w.agents.vendors.col.quality[j];
  t.service = p.service * d.service[j];
  t.channel = p.channel * d.channel[j];
  t.directSales = p.directSales * d.directSales[j];
  t.brand = w.agents.vendors.col.brand[j];
  return t.price + t.quality + t.service + t.channel + t.directSales + t.neighbours + t.brand;
}

/**
 * Customer i's loyalty as it weighs a renewal at `offered` (its current seller's price today):
 * a price more than 5% above its last contract's costs it some loyalty at once.
 */
export function renewalLoyalty(c: CustomerCols, i: number, offered: number): number {
  return offered > c.price[i] * 1.05 ? c.loyalty[i] - E.HIKE_PENALTY : c.loyalty[i];
}

/**
 * The chance that customer i, at `loyalty`, compares sellers at a renewal instead of renewing
 * (the switching cost): exp(−switching cost × loyalty); 1 when the mechanism is off.
 */
export function compareChance(params: MarketParams, loyalty: number): number {
  return params.mechSwitchingCost ? exp(-params.switchingCost * Math.max(0, loyalty)) : 1;
}

/**
 * Whether customer i, appraised in the scratch, renews with its current seller without
 * comparing: above the loyalty threshold always (the source's rule); approached by a rival
 * targeting its seller never; otherwise with 1 − `compareChance`. Draws a number only when the
 * switching cost can hold it, so a zero switching cost is the mechanism switched off.
 */
export function renewsWithoutComparing(
  ctx: Ctx,
  scratch: Scratch,
  c: CustomerCols,
  i: number,
  rng: UniformSource,
): boolean {
  const loyalty = renewalLoyalty(c, i, scratch.offered[c.seller[i]]);
  if (loyalty > ctx.params.loyaltyThreshold) return true;
  if (scratch.approached) return false;
  const chance = compareChance(ctx.params, loyalty);
  return chance < 1 && rng.next() >= chance;
}

/** The premium a vendor on the profit strategy asks of a renewing customer loyal enough to pay it (harvesting). */
function harvestFactor(v: MarketWorld['agents']['vendors']['col'], j: number, loyalty: number): number {
  return v.mode[j] === PROFIT && loyalty > E.HARVEST_LOYALTY ? 1 + E.HARVEST_PREMIUM : 1;
}

/**
 * Vendor j's price in the reference market: its reference price; without brand calibration at
 * the reference price (version 1's rule), its own opening price within its band, the price it
 * sells at from day 0.
 */
function referenceMarketPrice(ctx: Ctx, v: MarketWorld['agents']['vendors']['col'], j: number): number {
  if (ctx.params.mechBrandCalibration) return v.referencePrice[j];
  const row = vendorRows(ctx.params)[j];
  const lo = num(row, 'priceMin');
  return Math.min(Math.max(lo, num(row, 'priceMax')), Math.max(lo, v.price[j]));
}

/**
 * Fills the scratch's `utility`, `offered` and `available` for customer i (and its pulls and
 * neighbours). At `reference`, every vendor is priced at its reference price, with no offer
 * aimed at anyone: the reference market the brands are fitted against.
 */
export function appraise(
  w: MarketWorld,
  ctx: Ctx,
  scratch: Scratch,
  i: number,
  withNeighbours: boolean,
  reference = false,
): void {
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const { utility, offered, available, derived } = scratch;
  const current = c.seller[i];
  readPulls(scratch, c, i, withNeighbours);
  if (!ctx.params.mechSelfOperation) scratch.pulls.selfOperation = 0;
  if (withNeighbours) countNeighbours(w, scratch.neighbourShare, i);
  else scratch.neighbourShare.fill(0);
  const renewing = !reference && current >= 0 && current < DIRECT;
  scratch.approached = false;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    available[j] = v.active[j] && !v.exited[j] ? 1 : 0;
    if (!available[j]) continue;
    let price = reference ? referenceMarketPrice(ctx, v, j) : v.price[j];
    if (renewing && j === current) price *= harvestFactor(v, j, c.loyalty[i]);
    // Targeting: offers aimed at the target's renewing customers, well under its price.
    if (renewing && v.targetVendor[j] === current && v.targetUntil[j] > ctx.tick) {
      price = Math.min(price, v.price[current] * (1 - E.TARGET_DISCOUNT));
      scratch.approached = true;
    }
    offered[j] = price;
    utility[j] = utilityTerms(w, scratch, j, price);
  }
  available[DIRECT] = derived.hasDirect ? 1 : 0;
  if (available[DIRECT]) {
    offered[DIRECT] = derived.directPrice;
    utility[DIRECT] = utilityTerms(w, scratch, DIRECT, derived.directPrice);
  }
  for (let j = w.agents.vendors.count; j < DIRECT; j++) available[j] = 0;
}

/**
 * The logit: fills `weights` with exp((utility − max) / temperature) for the available options
 * (0 for the others) and returns their sum, 0 when no option is available.
 */
export function logitWeights(
  utility: Float64Array,
  available: Uint8Array,
  temperature: number,
  weights: Float64Array,
): number {
  let max = -Infinity;
  for (let j = 0; j < MAX_OPTIONS; j++) if (available[j] && utility[j] > max) max = utility[j];
  if (max === -Infinity) {
    weights.fill(0);
    return 0;
  }
  let total = 0;
  for (let j = 0; j < MAX_OPTIONS; j++) {
    const weight = available[j] ? exp((utility[j] - max) / temperature) : 0;
    weights[j] = weight;
    total += weight;
  }
  return total;
}

/** Draws an option from the logit over the available options in the scratch; −1 when none is left. */
export function drawOption(scratch: Scratch, temperature: number, rng: UniformSource): number {
  const { utility, available, weights } = scratch;
  const total = logitWeights(utility, available, temperature, weights);
  if (total === 0) return -1;
  let u = rng.next() * total;
  for (let j = 0; j < MAX_OPTIONS; j++) {
    if (!available[j]) continue;
    u -= weights[j];
    if (u < 0) return j;
  }
  for (let j = MAX_OPTIONS - 1; j >= 0; j--) if (available[j]) return j;
  return -1;
}
