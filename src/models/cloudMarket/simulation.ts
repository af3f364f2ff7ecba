/**
 * The daily process of the cloud market (see info.ts for the ODD description): events,
 * production, procurement, repricing, customer choice at renewal, stock-outs, loyalty, lifecycle
 * ends and accounting. The cost of a day grows with that day's decisions: only customers whose
 * lot ends today (found through the renewal calendar) and new customers choose.
 */
import type { ModelContext } from '../../core/model';
import { exp, log, pow } from '../../core/dmath';
import type { Random } from '../../core/rng';
import type { TableRow } from '../../core/params';
import * as E from './economics';
import { POLICIES, STRATEGIES, type MarketParams } from './params';
import { DIRECT, NEIGHBOURS, NONE, SEGMENTS, type MarketWorld } from './state';

type Ctx = ModelContext<MarketParams>;

/** Options of a choice: the vendors (0…6) and the direct channel (DIRECT = 7). */
const MAX_OPTIONS = DIRECT + 1;
const MAX_VENDOR_SLOTS = DIRECT;

const PROFIT = STRATEGIES.indexOf('profit');
const FOLLOW = STRATEGIES.indexOf('follow');
const AGGRESSIVE = STRATEGIES.indexOf('aggressive');
const DYNAMIC = STRATEGIES.indexOf('dynamic');
const LEARNING = STRATEGIES.indexOf('learning');

function vendorRows(params: MarketParams): readonly TableRow[] {
  return params.vendors.rows;
}

function num(row: TableRow, key: string): number {
  return row[key] as number;
}

function segmentParam(params: MarketParams, segment: number, name: string): number {
  return (params as Record<string, unknown>)[`${SEGMENTS[segment]}${name}`] as number;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

// ——— derived values, refreshed at the start of each day ———

/**
 * Values derived from the state and the parameters that many customers' choices read in one
 * day. WARNING: they are recomputed (by `refreshDerived`) at the start of every step and after
 * setup changes them; they hold nothing a snapshot would need.
 */
const derived = {
  hasDirect: false,
  /** Cheapest direct price per unit-day. */
  directPrice: Infinity,
  shortage: false,
  producer: -1,
  service: new Float64Array(MAX_VENDOR_SLOTS),
  channel: new Float64Array(MAX_VENDOR_SLOTS),
  directSales: new Float64Array(MAX_VENDOR_SLOTS),
  /** Segment profiles: [segment][attribute] in the order of PROFILE. */
  profile: [new Float64Array(8), new Float64Array(8), new Float64Array(8)],
};
const PROFILE = [
  'PriceSensitivity',
  'QualityRequirement',
  'ServiceRequirement',
  'DirectLoyalty',
  'ChannelLoyalty',
  'ItCapability',
  'Susceptibility',
  'Units',
] as const;

function refreshDerived(w: MarketWorld, ctx: Ctx): void {
  const s = w.agents.suppliers.col;
  derived.hasDirect = false;
  derived.directPrice = Infinity;
  derived.shortage = false;
  derived.producer = -1;
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    if (s.direct[k]) {
      derived.hasDirect = true;
      derived.directPrice = Math.min(
        derived.directPrice,
        (s.cost[k] * (1 + s.margin[k] / 100)) / ctx.params.contractDays,
      );
    }
    if (s.shockUntil[k] > ctx.tick && s.shock[k] > 0) derived.shortage = true;
    if (derived.producer < 0 || s.capacityShare[k] > s.capacityShare[derived.producer]) derived.producer = k;
  }
  vendorRows(ctx.params).forEach((row, j) => {
    derived.service[j] = num(row, 'service');
    derived.channel[j] = num(row, 'channel');
    derived.directSales[j] = num(row, 'directSales');
  });
  for (let g = 0; g < SEGMENTS.length; g++) {
    PROFILE.forEach((name, a) => (derived.profile[g][a] = segmentParam(ctx.params, g, name)));
  }
}

// ——— calendar ———

function calendarSlot(w: MarketWorld, day: number): number {
  return day % w.agents.calendar.count;
}

function schedule(w: MarketWorld, customer: number, day: number): void {
  const c = w.agents.customers.col;
  const slot = calendarSlot(w, day);
  c.endDay[customer] = day;
  c.nextInDay[customer] = w.agents.calendar.col.head[slot];
  w.agents.calendar.col.head[slot] = customer;
}

function contractLength(ctx: Ctx, rng: Random): number {
  const d = ctx.params.contractDays;
  return Math.max(1, Math.round(d * (0.8 + 0.4 * rng.next())));
}

// ——— customers ———

function addCustomer(w: MarketWorld, ctx: Ctx, rng: Random, layout: Random): number {
  const params = ctx.params;
  const mix = [params.shareFinance, params.shareGaming, params.shareManufacturing];
  const total = mix[0] + mix[1] + mix[2];
  let u = rng.next() * (total > 0 ? total : 1);
  let segment = 0;
  if (total > 0) while (segment < 2 && u >= mix[segment]) u -= mix[segment++];
  const set = w.agents.customers;
  const i = set.add();
  const c = set.col;
  const scatter = params.scatter;
  const profile = derived.profile[segment];
  c.segment[i] = segment;
  c.priceSensitivity[i] = clamp01(rng.normal(profile[0], scatter));
  c.qualityRequirement[i] = clamp01(rng.normal(profile[1], scatter));
  c.serviceRequirement[i] = clamp01(rng.normal(profile[2], scatter));
  // Fixed loyalties: uniform in [0, 2 × mean] (the source: uniform 0–1 for finance), capped at 1.
  c.directLoyalty[i] = clamp01(2 * profile[3] * rng.next());
  c.channelLoyalty[i] = clamp01(2 * profile[4] * rng.next());
  c.itCapability[i] = clamp01(rng.normal(profile[5], scatter));
  c.susceptibility[i] = clamp01(rng.normal(profile[6], scatter));
  const units = profile[7];
  c.need[i] = Math.max(1, Math.round(units * w.globals.demandFactor * (0.5 + rng.next())));
  c.seller[i] = NONE;
  c.previousSeller[i] = NONE;
  c.producer[i] = -1;
  c.loyalty[i] = 0.6;
  c.endDay[i] = -1;
  c.nextInDay[i] = -1;
  // Links to earlier customers only, so that setup order decides the network.
  c.n0[i] = i > 0 ? rng.int(i) : -1;
  c.n1[i] = i > 0 ? rng.int(i) : -1;
  c.n2[i] = i > 0 ? rng.int(i) : -1;
  c.n3[i] = i > 0 ? rng.int(i) : -1;
  // Layout for the view: one band per segment (its own stream, so it never shifts the model's numbers).
  c.x[i] = segment / 3 + (0.02 + 0.29 * layout.next());
  c.y[i] = 0.05 + 0.9 * layout.next();
  w.globals.totalNeed += c.need[i];
  return i;
}

// ——— choice ———

const utility = new Float64Array(MAX_OPTIONS);
const offered = new Float64Array(MAX_OPTIONS);
const available = new Uint8Array(MAX_OPTIONS);
const choiceWeight = new Float64Array(MAX_OPTIONS);

const neighbourCount = new Float64Array(MAX_OPTIONS);

/** Fills `neighbourCount` with the share of customer i's neighbours holding each option. */
function countNeighbours(w: MarketWorld, i: number): void {
  const c = w.agents.customers.col;
  neighbourCount.fill(0);
  let n = 0;
  // Unrolled over the four links: this runs for every choice of every customer.
  for (let k = 0; k < NEIGHBOURS; k++) {
    const link = k === 0 ? c.n0[i] : k === 1 ? c.n1[i] : k === 2 ? c.n2[i] : c.n3[i];
    if (link < 0) continue;
    n++;
    const seller = c.seller[link];
    if (seller >= 0) neighbourCount[seller]++;
  }
  if (n > 0) for (let j = 0; j < MAX_OPTIONS; j++) neighbourCount[j] /= n;
}

/** Fills `utility` and `available` for customer i; returns the number of options. */
function appraise(w: MarketWorld, ctx: Ctx, i: number, withNeighbours: boolean): number {
  const params = ctx.params;
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const current = c.seller[i];
  // The customer's weights, read once: this loop runs for every option of every choice.
  const pricePull = (-E.WEIGHT_PRICE * c.priceSensitivity[i]) / E.PRICE_SCALE;
  const qualityPull = E.WEIGHT_QUALITY * c.qualityRequirement[i];
  const servicePull = E.WEIGHT_SERVICE * c.serviceRequirement[i];
  const channelPull = c.channelLoyalty[i];
  const directPull = c.directLoyalty[i];
  const social = withNeighbours ? E.WEIGHT_NEIGHBOURS * c.susceptibility[i] : 0;
  if (withNeighbours) countNeighbours(w, i);
  else neighbourCount.fill(0);
  const targeted = current >= 0 && current < DIRECT;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    available[j] = v.active[j] && !v.exited[j] ? 1 : 0;
    if (!available[j]) continue;
    let price = v.price[j];
    // Targeting: offers aimed at the target's renewing customers, just under its price.
    if (targeted && v.targetVendor[j] === current && v.targetUntil[j] > ctx.tick)
      price = Math.min(price, v.price[current] * 0.95);
    offered[j] = price;
    utility[j] =
      pricePull * price +
      qualityPull * v.quality[j] +
      servicePull * derived.service[j] +
      channelPull * derived.channel[j] +
      directPull * derived.directSales[j] +
      social * neighbourCount[j] +
      v.brand[j];
  }
  const n = w.agents.vendors.count;
  available[DIRECT] = derived.hasDirect ? 1 : 0;
  if (available[DIRECT]) {
    const price = derived.directPrice;
    offered[DIRECT] = price;
    const selfOperation = E.SELF_OPERATION * (1 - c.itCapability[i]);
    // No service; the quality of a bare unit is that of the market's best-known hardware (0.7).
    utility[DIRECT] =
      pricePull * (price + selfOperation) + qualityPull * 0.7 + social * neighbourCount[DIRECT] + w.globals.directBrand;
  }
  for (let j = n; j < DIRECT; j++) available[j] = 0;
  if (current >= 0 && available[current] && params.mechSwitchingCost)
    utility[current] += params.switchingCost * c.loyalty[i];
  return n;
}

/** One option's appeal to a customer today, term by term: the addends of its utility in `appraise`. */
export interface OptionAppeal {
  /** Seller code: a vendor's index or DIRECT. */
  readonly option: number;
  /** Price per unit-day offered to this customer (targeted offers included). */
  readonly price: number;
  /** Price, plus the cost of running bare units oneself for direct purchase. */
  readonly priceTerm: number;
  /** Quality, including the bare unit's quality for direct purchase. */
  readonly qualityTerm: number;
  /** Service, channel reach and direct sales force, weighted by the customer's requirements and loyalties. */
  readonly serviceTerm: number;
  readonly neighbourTerm: number;
  readonly brand: number;
  /** The switching cost the current seller enjoys (loyalty × switching cost). */
  readonly stayTerm: number;
  /** The sum of the terms: the option's utility. */
  readonly utility: number;
  /** The option's chance in the logit over today's available options. */
  readonly chance: number;
}

/** How customer i weighs its available options today, and whether its loyalty keeps it with its seller without comparing. */
export interface Appraisal {
  readonly options: readonly OptionAppeal[];
  readonly loyalty: number;
  readonly threshold: number;
  readonly renewsWithoutComparing: boolean;
}

/**
 * Customer i's appraisal of its options as it would choose today, for the inspector. Reads
 * the state and draws no random number, so explaining never changes a run.
 */
export function appraisal(w: MarketWorld, ctx: Ctx, i: number): Appraisal {
  refreshDerived(w, ctx);
  const withNeighbours = ctx.params.mechNeighbours;
  appraise(w, ctx, i, withNeighbours);
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const current = c.seller[i];
  const pricePull = (-E.WEIGHT_PRICE * c.priceSensitivity[i]) / E.PRICE_SCALE;
  const qualityPull = E.WEIGHT_QUALITY * c.qualityRequirement[i];
  const social = withNeighbours ? E.WEIGHT_NEIGHBOURS * c.susceptibility[i] : 0;
  let max = -Infinity;
  for (let j = 0; j < MAX_OPTIONS; j++) if (available[j] && utility[j] > max) max = utility[j];
  let total = 0;
  for (let j = 0; j < MAX_OPTIONS; j++) total += available[j] ? exp((utility[j] - max) / ctx.params.choiceNoise) : 0;
  const options: OptionAppeal[] = [];
  for (let j = 0; j < MAX_OPTIONS; j++) {
    if (!available[j]) continue;
    const direct = j === DIRECT;
    const priceTerm = pricePull * (direct ? offered[j] + E.SELF_OPERATION * (1 - c.itCapability[i]) : offered[j]);
    const qualityTerm = qualityPull * (direct ? 0.7 : v.quality[j]);
    const serviceTerm = direct
      ? 0
      : E.WEIGHT_SERVICE * c.serviceRequirement[i] * derived.service[j] +
        c.channelLoyalty[i] * derived.channel[j] +
        c.directLoyalty[i] * derived.directSales[j];
    const stayTerm = j === current && ctx.params.mechSwitchingCost ? ctx.params.switchingCost * c.loyalty[i] : 0;
    options.push({
      option: j,
      price: offered[j],
      priceTerm,
      qualityTerm,
      serviceTerm,
      neighbourTerm: social * neighbourCount[j],
      brand: direct ? w.globals.directBrand : v.brand[j],
      stayTerm,
      utility: utility[j],
      chance: exp((utility[j] - max) / ctx.params.choiceNoise) / total,
    });
  }
  const threshold = ctx.params.loyaltyThreshold;
  return {
    options,
    loyalty: c.loyalty[i],
    threshold,
    renewsWithoutComparing: current >= 0 && c.loyalty[i] > threshold && available[current] === 1,
  };
}

/** Draws an option from the logit over available options; −1 when none is left. */
function drawOption(temperature: number, rng: Random): number {
  let max = -Infinity;
  for (let j = 0; j < MAX_OPTIONS; j++) if (available[j] && utility[j] > max) max = utility[j];
  if (max === -Infinity) return -1;
  let total = 0;
  for (let j = 0; j < MAX_OPTIONS; j++) {
    if (!available[j]) continue;
    choiceWeight[j] = exp((utility[j] - max) / temperature);
    total += choiceWeight[j];
  }
  let u = rng.next() * total;
  for (let j = 0; j < MAX_OPTIONS; j++) {
    if (!available[j]) continue;
    u -= choiceWeight[j];
    if (u < 0) return j;
  }
  for (let j = MAX_OPTIONS - 1; j >= 0; j--) if (available[j]) return j;
  return -1;
}

// ——— sales ———

/** The units-in-use-by-segment column of vendors or suppliers for `segment`. */
export function segmentUnits(
  cols: { seg0: Float64Array; seg1: Float64Array; seg2: Float64Array },
  segment: number,
): Float64Array {
  return segment === 0 ? cols.seg0 : segment === 1 ? cols.seg1 : cols.seg2;
}

/** Supplier that sells directly with the most stock, or −1. */
function directSupplierWithStock(w: MarketWorld, units: number): number {
  const s = w.agents.suppliers.col;
  let best = -1;
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    if (s.direct[k] && s.stock[k] >= units && (best < 0 || s.stock[k] > s.stock[best])) best = k;
  }
  return best;
}

/**
 * Customer i chooses and buys its whole need from one seller. A chosen seller without stock
 * is a stock-out: loyalty drops and the customer tries its next option. Returns false when
 * nothing could be bought (the customer tries again tomorrow).
 */
function choose(w: MarketWorld, ctx: Ctx, i: number, rng: Random): boolean {
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const params = ctx.params;
  const current = c.seller[i];
  const need = c.need[i];
  appraise(w, ctx, i, ctx.params.mechNeighbours);
  // The source's threshold rule: above the loyalty threshold the customer stays if it can.
  let choice = -1;
  if (current >= 0 && c.loyalty[i] > params.loyaltyThreshold && available[current]) {
    if (current === DIRECT ? directSupplierWithStock(w, need) >= 0 : v.stock[current] >= need) choice = current;
  }
  for (let attempt = 0; choice < 0 && attempt < MAX_OPTIONS; attempt++) {
    const option = drawOption(params.choiceNoise, rng);
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
  sell(w, ctx, i, choice, offered[choice], rng);
  return true;
}

function sell(w: MarketWorld, ctx: Ctx, i: number, choice: number, price: number, rng: Random): void {
  const c = w.agents.customers.col;
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  const need = c.need[i];
  const days = contractLength(ctx, rng);
  // The contract is prepaid at signing, in whole credits.
  const payment = Math.round(price * need * days);
  const previous = c.seller[i];
  const shortage = derived.shortage;
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
  let loyalty = c.loyalty[i];
  if (previous === choice) {
    loyalty += (1 - loyalty) * 0.2;
    if (price > c.price[i] * 1.05) loyalty -= 0.1;
  } else loyalty = 0.3;
  if (shortage && ctx.params.mechShortageLoyalty) loyalty += 0.1;
  loyalty = clamp01(loyalty);
  if (choice === DIRECT) {
    const k = directSupplierWithStock(w, need);
    s.stock[k] -= need;
    s.soldDirect[k] += need;
    s.directInUse[k] += need;
    s.directCustomers[k] += 1;
    segmentUnits(s, c.segment[i])[k] += need;
    s.revenue[k] += payment;
    c.producer[i] = k;
    c.cost[i] = s.cost[k];
  } else {
    v.stock[choice] -= need;
    v.inUse[choice] += need;
    v.customers[choice] += 1;
    v.loyaltySum[choice] += loyalty;
    segmentUnits(v, c.segment[i])[choice] += need;
    v.revenue[choice] += payment;
    v.cash[choice] += payment;
    c.producer[i] = derived.producer;
    c.cost[i] = v.unitCost[choice];
  }
  w.globals.customersPaid += payment;
  c.seller[i] = choice;
  c.units[i] = need;
  c.price[i] = price;
  c.loyalty[i] = loyalty;
  schedule(w, i, ctx.tick + days);
}

/** The lot of customer i reaches the end of its lifecycle: its units end. */
function endLot(w: MarketWorld, i: number): void {
  const c = w.agents.customers.col;
  const seller = c.seller[i];
  const units = c.units[i];
  if (units === 0) return;
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

// ——— supply ———

/** Expected units the market buys per day: renewals plus new customers. */
function dailyFlow(w: MarketWorld, ctx: Ctx): number {
  const growth = Math.max(0, ctx.params.growth) / 100;
  return w.globals.totalNeed / ctx.params.contractDays + (w.globals.totalNeed * growth) / 365;
}

function produce(w: MarketWorld, ctx: Ctx): void {
  const s = w.agents.suppliers.col;
  const flow = dailyFlow(w, ctx) * ctx.params.supplyCoverage;
  const shares = totalCapacityShare(w);
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    const capacity = shares > 0 ? (flow * s.capacityShare[k]) / shares : 0;
    s.capacity[k] = capacity;
    const shocked = s.shockUntil[k] > ctx.tick ? 1 - s.shock[k] : 1;
    s.availability[k] = shocked;
    // Production stops at 30 days of capacity in stock: nobody builds for a warehouse.
    const units = Math.max(0, Math.min(Math.floor(capacity * shocked + 0.5), Math.floor(30 * capacity - s.stock[k])));
    s.stock[k] += units;
    s.produced[k] += units;
  }
}

function totalCapacityShare(w: MarketWorld): number {
  let t = 0;
  for (let k = 0; k < w.agents.suppliers.count; k++) t += w.agents.suppliers.col.capacityShare[k];
  return t;
}

const orders = new Float64Array(MAX_OPTIONS);
const granted = new Float64Array(MAX_OPTIONS);

/** Vendors refill stock; a short supplier allocates in proportion to order volume ^ exponent. */
function procure(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  const nv = w.agents.vendors.count;
  const flow = dailyFlow(w, ctx);
  const marketUnits = Math.max(1, w.globals.totalNeed);
  for (let j = 0; j < nv; j++) {
    orders[j] = 0;
    if (!v.active[j] || v.exited[j]) continue;
    const expected = (flow * Math.max(v.inUse[j], 0.02 * marketUnits)) / marketUnits;
    const target = Math.min(E.STOCK_COVER_DAYS * expected, Math.max(0, v.size[j] - v.inUse[j]));
    orders[j] = Math.max(0, Math.floor(target - v.stock[j]));
  }
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    // A direct-selling supplier keeps a fifth of its stock for its own buyers.
    const free = Math.floor(s.stock[k] * (s.direct[k] ? 0.8 : 1));
    const share = s.capacityShare[k] / Math.max(1e-9, totalCapacityShare(w));
    let wanted = 0;
    let weight = 0;
    for (let j = 0; j < nv; j++) {
      granted[j] = Math.floor(orders[j] * share);
      wanted += granted[j];
      weight += granted[j] > 0 ? pow(granted[j], ctx.params.allocationExponent) : 0;
    }
    if (wanted > free && weight > 0) {
      if (ctx.params.mechShareAllocation) {
        for (let j = 0; j < nv; j++) {
          if (granted[j] > 0)
            granted[j] = Math.min(
              granted[j],
              Math.floor((free * pow(granted[j], ctx.params.allocationExponent)) / weight),
            );
        }
      } else biggestFirst(nv, free);
    }
    for (let j = 0; j < nv; j++) {
      const units = granted[j];
      if (units <= 0) continue;
      const discount = ctx.params.mechVolumeDiscount
        ? (s.maxDiscount[k] / 100) * Math.min(1, v.volume[j] / (E.FULL_DISCOUNT_FLOW_DAYS * Math.max(1, flow)))
        : 0;
      const unitPrice = s.cost[k] * (1 + s.margin[k] / 100) * (1 - discount);
      const paid = Math.round(unitPrice * units);
      v.unitCost[j] = (v.unitCost[j] * v.stock[j] + paid) / (v.stock[j] + units);
      v.stock[j] += units;
      v.unitsBought[j] += units;
      v.cash[j] -= paid;
      v.cost[j] += paid;
      v.volume[j] += units;
      s.stock[k] -= units;
      s.soldToVendors[k] += units;
      s.revenue[k] += paid;
    }
  }
  for (let j = 0; j < nv; j++) v.volume[j] *= 1 - 1 / 90;
}

// ——— pricing ———

function unitsInUse(w: MarketWorld): number {
  const v = w.agents.vendors.col;
  let t = 0;
  for (let j = 0; j < w.agents.vendors.count; j++) t += v.inUse[j];
  const s = w.agents.suppliers.col;
  for (let k = 0; k < w.agents.suppliers.count; k++) t += s.directInUse[k];
  return t;
}

function shareOf(w: MarketWorld, j: number): number {
  const total = unitsInUse(w);
  return total > 0 ? w.agents.vendors.col.inUse[j] / total : 0;
}

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
  return -v.cumProfit[j] < E.LOSS_BUDGET[v.policy[j]] * v.initialCash[j];
}

/** The literal source rule, for ablation: the largest order is served in full first, then the next. */
function biggestFirst(nv: number, free: number): void {
  let left = free;
  const order = Array.from({ length: nv }, (_, j) => j).sort((a, b) => granted[b] - granted[a] || a - b);
  for (const j of order) {
    const units = Math.min(granted[j], left);
    granted[j] = units;
    left -= units;
  }
}

/** The price of one of the three basic strategies. */
function basicPrice(w: MarketWorld, ctx: Ctx, j: number, strategy: number): number {
  const v = w.agents.vendors.col;
  const row = vendorRows(ctx.params)[j];
  const cost = E.unitDayCost(v.unitCost[j], ctx.params.contractDays, derived.service[j]);
  if (strategy === FOLLOW) return leadersPrice(w, j);
  if (strategy === AGGRESSIVE) {
    // Below cost while the group's loss budget lasts, then break-even.
    return lossBudgetLeft(w, ctx, j) && v.policy[j] !== POLICIES.indexOf('profit-first') ? cost * 0.85 : cost * 1.02;
  }
  // Profit, harvesting a loyal base: loyal customers tolerate a premium.
  const loyalty = v.customers[j] > 0 ? v.loyaltySum[j] / v.customers[j] : 0;
  return cost * (1 + num(row, 'margin') / 100) * (loyalty > 0.7 ? 1.05 : 1);
}

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
    const profit = v.cumProfit[j] - v.armStartProfit[j];
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
    if (ARMS[a] === AGGRESSIVE && v.policy[j] === POLICIES.indexOf('profit-first')) continue;
    const n = counts[a][j];
    const score = n === 0 ? Infinity : values[a][j] + Math.sqrt((2 * log(total + 1)) / n) * 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  v.armStart[j] = ctx.tick;
  v.armStartProfit[j] = v.cumProfit[j];
  v.armStartShare[j] = shareOf(w, j);
  return ARMS[best];
}

function reprice(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  const rows = vendorRows(ctx.params);
  for (let j = 0; j < w.agents.vendors.count; j++) v.lastPrice[j] = v.price[j];
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j] || v.exited[j]) continue;
    let mode = v.strategy[j];
    if (mode === DYNAMIC) mode = dynamicMode(w, ctx, j);
    else if (mode === LEARNING) mode = learningMode(w, ctx, j);
    v.mode[j] = mode;
    const price = basicPrice(w, ctx, j, mode);
    const lo = num(rows[j], 'priceMin');
    const hi = Math.max(lo, num(rows[j], 'priceMax'));
    v.price[j] = Math.min(hi, Math.max(lo, price));
  }
}

// ——— events ———

function rowIndex(rows: readonly TableRow[], id: number): number {
  return rows.findIndex((r) => r.id === id);
}

function fireEvent(w: MarketWorld, ctx: Ctx, e: TableRow): void {
  const v = w.agents.vendors.col;
  const s = w.agents.suppliers.col;
  const day = ctx.tick;
  const subject = num(e, 'subject');
  const magnitude = num(e, 'magnitude');
  const until = day + num(e, 'duration');
  const supplierTargets = (fn: (k: number) => void) => {
    const k = subject < 0 ? -1 : rowIndex(ctx.params.suppliers.rows, subject);
    for (let i = 0; i < w.agents.suppliers.count; i++) if (subject < 0 || i === k) fn(i);
  };
  const vendor = rowIndex(vendorRows(ctx.params), subject);
  switch (e.kind) {
    case 'supply-shock':
      supplierTargets((k) => {
        s.shock[k] = clamp01(magnitude);
        s.shockUntil[k] = until;
      });
      break;
    case 'supplier-cost':
      supplierTargets((k) => (s.cost[k] *= magnitude));
      break;
    case 'vendor-entry':
      if (vendor >= 0 && !v.active[vendor] && !v.exited[vendor]) enterVendor(w, ctx, vendor);
      break;
    case 'policy-change':
      if (vendor >= 0) v.policy[vendor] = Math.min(2, Math.max(0, Math.round(magnitude)));
      break;
    case 'target': {
      const target = rowIndex(vendorRows(ctx.params), num(e, 'object'));
      if (vendor >= 0 && target >= 0 && target !== vendor) {
        v.targetVendor[vendor] = target;
        v.targetUntil[vendor] = until;
      }
      break;
    }
    case 'demand':
      w.globals.demandFactor = magnitude;
      w.globals.demandUntil = until;
      break;
  }
}

function runEvents(w: MarketWorld, ctx: Ctx): void {
  const rng = ctx.rng.stream('events');
  for (const e of ctx.params.events.rows) {
    const perYear = num(e, 'perYear');
    // Random events: the daily hazard that gives the yearly probability.
    const fires =
      perYear > 0 ? rng.chance(1 - pow(1 - Math.min(perYear, 0.999999), 1 / 365)) : num(e, 'day') === ctx.tick;
    if (fires) fireEvent(w, ctx, e);
  }
  if (w.globals.demandUntil <= ctx.tick) w.globals.demandFactor = 1;
}

// ——— vendors' day ———

function enterVendor(w: MarketWorld, ctx: Ctx, j: number): void {
  const v = w.agents.vendors.col;
  v.active[j] = 1;
  v.entryDay[j] = ctx.tick;
  v.phaseStart[j] = ctx.tick;
  v.startShare[j] = 0;
  v.armStart[j] = -1;
  if (v.size[j] === 0) v.size[j] = Math.ceil(0.05 * Math.max(1, w.globals.totalNeed));
  v.price[j] = basicPrice(w, ctx, j, PROFIT);
  v.lastPrice[j] = v.price[j];
}

/** Quality on a learning curve in time in market and installed base; the newcomer's brand handicap fades. */
function learn(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  const market = Math.max(1, w.globals.totalNeed);
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j]) continue;
    const age = ctx.tick - v.entryDay[j];
    const experience = age / 1500 + v.inUse[j] / market;
    v.quality[j] = ctx.params.mechLearningCurve
      ? 1 - (1 - v.startQuality[j]) * exp(-experience * 0.5)
      : v.startQuality[j];
    const handicap =
      v.entryDay[j] > 0 && ctx.params.mechEntrantHandicap
        ? ctx.params.entrantHandicap * exp(-age / ctx.params.brandDays - (10 * v.inUse[j]) / market)
        : 0;
    v.brand[j] = v.baseBrand[j] - handicap;
  }
}

function accountDay(w: MarketWorld, ctx: Ctx): void {
  const v = w.agents.vendors.col;
  const rows = vendorRows(ctx.params);
  const total = unitsInUse(w);
  for (let j = 0; j < w.agents.vendors.count; j++) v.shareNow[j] = total > 0 ? v.inUse[j] / total : 0;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j]) continue;
    const operating = Math.round(
      v.inUse[j] * E.operatingCost(num(rows[j], 'service')) + v.size[j] * E.OVERHEAD_PER_SIZE,
    );
    v.cost[j] += operating;
    v.cash[j] -= operating;
    w.globals.operatingPaid += operating;
    // Expansion under high utilisation, as the group allows: a profit-first group only while profitable.
    const allowed = v.policy[j] !== POLICIES.indexOf('profit-first') || v.cumProfit[j] > 0;
    if (!v.exited[j] && allowed && v.inUse[j] + v.stock[j] > 0.85 * v.size[j] && v.cash[j] > 0) {
      const added = Math.ceil(v.size[j] * 0.1);
      const capital = added * E.EXPANSION_COST;
      v.size[j] += added;
      v.cash[j] -= capital;
      v.cost[j] += capital;
      w.globals.operatingPaid += capital;
    }
    v.profit[j] = v.revenue[j] - v.cost[j];
    v.cumProfit[j] += v.profit[j];
    // A vendor whose cash runs out exits: it sells nothing more; its lots run to their end.
    if (v.cash[j] < 0 && !v.exited[j]) v.exited[j] = 1;
  }
}

// ——— setup and step ———

export function setupMarket(w: MarketWorld, ctx: Ctx): void {
  const params = ctx.params;
  const rng = ctx.rng.stream('setup');
  const layout = ctx.rng.stream('layout');
  w.globals.demandFactor = 1;
  w.globals.demandUntil = 0;
  const ring = Math.ceil(params.contractDays * 1.2) + 2;
  w.agents.calendar.add(ring);
  w.agents.calendar.col.head.fill(-1);

  const suppliers = w.agents.suppliers;
  params.suppliers.rows.forEach((row, k) => {
    suppliers.add();
    const s = suppliers.col;
    s.rowId[k] = row.id;
    s.capacityShare[k] = num(row, 'capacityShare');
    s.cost[k] = num(row, 'cost');
    s.margin[k] = num(row, 'margin');
    s.direct[k] = row.direct ? 1 : 0;
    s.maxDiscount[k] = num(row, 'maxDiscount');
    s.availability[k] = 1;
    s.x[k] = (k + 1) / (params.suppliers.rows.length + 1);
    s.y[k] = 1.13;
  });

  const vendors = w.agents.vendors;
  const rows = vendorRows(params);
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

  refreshDerived(w, ctx);
  for (let i = 0; i < params.customers; i++) addCustomer(w, ctx, rng, layout);

  const v = vendors.col;
  // Initial shares: vendors present at day 0 get their row's share, the direct channel the rest.
  const target = new Float64Array(MAX_OPTIONS);
  let vendorTotal = 0;
  rows.forEach((row, j) => {
    if (num(row, 'entryDay') === 0) {
      target[j] = num(row, 'initialShare');
      vendorTotal += target[j];
    }
  });
  if (vendorTotal > 1) for (let j = 0; j < vendors.count; j++) target[j] /= vendorTotal;
  target[DIRECT] = derived.hasDirect ? Math.max(0, 1 - Math.min(1, vendorTotal)) : 0;
  for (let j = 0; j < vendors.count; j++) {
    if (v.entryDay[j] === 0) {
      v.active[j] = 1;
      // Unit cost at day 0: the main supplier's list price.
      const k = derived.producer;
      v.unitCost[j] = k >= 0 ? suppliers.col.cost[k] * (1 + suppliers.col.margin[k] / 100) : 0;
    }
  }
  for (let j = 0; j < vendors.count; j++) if (v.active[j]) v.price[j] = basicPrice(w, ctx, j, PROFIT);
  calibrateBrands(w, ctx, target);

  // Warm start: every customer already holds a lot, drawn from the calibrated choice model,
  // with renewals spread evenly over the next lifecycle.
  const c = w.agents.customers.col;
  for (let i = 0; i < w.agents.customers.count; i++) {
    appraiseExpected(w, ctx, i, target);
    const option = drawOption(params.choiceNoise, rng);
    const k = option === DIRECT ? directSupplierWithStock(w, 0) : derived.producer;
    // Without a supplier nothing was ever produced: the customer starts empty-handed.
    if (option < 0 || k < 0) {
      schedule(w, i, 1 + rng.int(params.contractDays));
      continue;
    }
    const need = c.need[i];
    c.seller[i] = option;
    c.units[i] = need;
    c.price[i] = offered[option];
    c.producer[i] = k;
    c.cost[i] = option === DIRECT ? suppliers.col.cost[k] : v.unitCost[option];
    suppliers.col.produced[k] += need;
    if (option === DIRECT) {
      suppliers.col.soldDirect[k] += need;
      suppliers.col.directInUse[k] += need;
      suppliers.col.directCustomers[k] += 1;
      segmentUnits(suppliers.col, c.segment[i])[k] += need;
    } else {
      suppliers.col.soldToVendors[k] += need;
      v.inUse[option] += need;
      v.customers[option] += 1;
      v.loyaltySum[option] += c.loyalty[i];
      segmentUnits(v, c.segment[i])[option] += need;
      v.unitsBought[option] += need;
    }
    schedule(w, i, 1 + rng.int(params.contractDays));
  }
  for (let j = 0; j < vendors.count; j++) {
    if (!v.active[j]) continue;
    if (num(rows[j], 'size') > 0) v.size[j] = num(rows[j], 'size');
    else v.size[j] = Math.ceil(Math.max(v.inUse[j], 0.02 * w.globals.totalNeed) * 1.3);
    v.startShare[j] = shareOf(w, j);
    v.shareNow[j] = v.startShare[j];
    v.lastPrice[j] = v.price[j];
    v.volume[j] = (v.inUse[j] / params.contractDays) * 90;
    // Opening stock: two weeks of expected sales, produced by the main supplier before day 0.
    const k = derived.producer;
    const stock = k >= 0 ? Math.ceil((E.STOCK_COVER_DAYS * v.inUse[j]) / params.contractDays) : 0;
    v.stock[j] = stock;
    v.unitsBought[j] += stock;
    if (k >= 0) {
      suppliers.col.produced[k] += stock;
      suppliers.col.soldToVendors[k] += stock;
    }
  }
  for (let j = 0; j < vendors.count; j++)
    if (num(rows[j], 'size') > 0 && !v.active[j]) v.size[j] = num(rows[j], 'size');
}

/**
 * Appraisal before any neighbour has chosen: the neighbour term takes the expected share of
 * each option, so that calibrated brands already include the social pull of the initial shares.
 */
function appraiseExpected(w: MarketWorld, ctx: Ctx, i: number, expectedShare: Float64Array): void {
  appraise(w, ctx, i, false);
  if (!ctx.params.mechNeighbours) return;
  const su = w.agents.customers.col.susceptibility[i];
  for (let j = 0; j < MAX_OPTIONS; j++) if (available[j]) utility[j] += E.WEIGHT_NEIGHBOURS * su * expectedShare[j];
}

/** A few rounds of proportional fitting: brand constants make the model's own choice shares match the initial shares. */
function calibrateBrands(w: MarketWorld, ctx: Ctx, target: Float64Array): void {
  const v = w.agents.vendors.col;
  const brands = v.baseBrand;
  const sample = Math.min(w.agents.customers.count, 2000);
  const modelShare = new Float64Array(MAX_OPTIONS);
  for (let round = 0; round < 12 && sample > 0; round++) {
    modelShare.fill(0);
    let sampleUnits = 0;
    for (let i = 0; i < sample; i++) {
      appraiseExpected(w, ctx, i, target);
      let max = -Infinity;
      for (let j = 0; j < MAX_OPTIONS; j++) if (available[j] && utility[j] > max) max = utility[j];
      let total = 0;
      for (let j = 0; j < MAX_OPTIONS; j++) {
        choiceWeight[j] = available[j] ? exp((utility[j] - max) / ctx.params.choiceNoise) : 0;
        total += choiceWeight[j];
      }
      // Shares are of units in use, so each customer weighs by its need.
      for (let j = 0; j < MAX_OPTIONS; j++) modelShare[j] += (choiceWeight[j] / total) * w.agents.customers.col.need[i];
      sampleUnits += w.agents.customers.col.need[i];
    }
    for (let j = 0; j < MAX_OPTIONS; j++) modelShare[j] /= sampleUnits;
    for (let j = 0; j < w.agents.vendors.count; j++) {
      if (!v.active[j] || target[j] <= 0) continue;
      brands[j] += ctx.params.choiceNoise * log(target[j] / Math.max(modelShare[j], 1e-9));
      v.brand[j] = brands[j];
    }
    if (target[DIRECT] > 0)
      w.globals.directBrand += ctx.params.choiceNoise * log(target[DIRECT] / Math.max(modelShare[DIRECT], 1e-9));
  }
  // Vendors without an initial share (entrants) start from the mean brand of the incumbents.
  let sum = 0;
  let n = 0;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (target[j] <= 0) continue;
    sum += brands[j];
    n++;
  }
  for (let j = 0; j < w.agents.vendors.count; j++) if (target[j] <= 0) brands[j] = n > 0 ? sum / n : 0;
  for (let j = 0; j < w.agents.vendors.count; j++) v.brand[j] = brands[j];
}

function startDay(w: MarketWorld): void {
  const v = w.agents.vendors.col;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    v.revenue[j] = 0;
    v.cost[j] = 0;
    v.stockoutsToday[j] = 0;
  }
  w.globals.directStockouts = 0;
}

/** Customers whose lot ends today renew (or leave the market when it shrinks); those who could not buy retry tomorrow. */
function renewals(w: MarketWorld, ctx: Ctx, rng: Random): void {
  const today = ctx.tick;
  const slot = calendarSlot(w, today);
  const head = w.agents.calendar.col.head;
  let i = head[slot];
  head[slot] = -1;
  const c = w.agents.customers.col;
  const leave = ctx.params.growth < 0 ? ((-ctx.params.growth / 100) * ctx.params.contractDays) / 365 : 0;
  let unmet = 0;
  while (i >= 0) {
    const next = c.nextInDay[i];
    endLot(w, i);
    if (leave > 0 && rng.chance(leave)) {
      c.seller[i] = NONE;
      c.endDay[i] = -1;
      w.globals.totalNeed -= c.need[i];
    } else if (!choose(w, ctx, i, rng)) {
      unmet++;
      schedule(w, i, today + 1);
    }
    i = next;
  }
  w.globals.unmet = unmet;
}

function newCustomers(w: MarketWorld, ctx: Ctx, rng: Random): void {
  const growth = Math.max(0, ctx.params.growth) / 100;
  w.globals.newCustomerDebt += (w.agents.customers.count * growth * w.globals.demandFactor) / 365;
  const layout = ctx.rng.stream('layout');
  while (w.globals.newCustomerDebt >= 1) {
    w.globals.newCustomerDebt -= 1;
    const i = addCustomer(w, ctx, rng, layout);
    if (!choose(w, ctx, i, rng)) schedule(w, i, ctx.tick + 1);
  }
}

export function stepMarket(w: MarketWorld, ctx: Ctx): void {
  const rng = ctx.rng.stream('choices');
  w.globals.day = ctx.tick;
  startDay(w);
  runEvents(w, ctx);
  const v = w.agents.vendors.col;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j] && !v.exited[j] && v.entryDay[j] === ctx.tick) enterVendor(w, ctx, j);
  }
  const s = w.agents.suppliers.col;
  const decline = pow(1 - ctx.params.costDecline / 100, 1 / 365);
  for (let k = 0; k < w.agents.suppliers.count; k++) s.cost[k] *= decline;
  refreshDerived(w, ctx);
  produce(w, ctx);
  procure(w, ctx);
  if (ctx.tick % ctx.params.repriceDays === 0) reprice(w, ctx);
  learn(w, ctx);
  renewals(w, ctx, rng);
  newCustomers(w, ctx, rng);
  accountDay(w, ctx);
}

export { unitsInUse, shareOf };
