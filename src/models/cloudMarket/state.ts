/** The state of the cloud market as struct-of-arrays agent sets, and the queries over it that several submodels read. */
import type { World } from '../../core/world';

/** `seller` code of a customer buying straight from a supplier; vendors are 0 … DIRECT − 1. */
export const DIRECT = 15;
/** `seller` code of a customer holding nothing. */
export const NONE = -1;
export const SEGMENTS = ['finance', 'gaming', 'manufacturing'] as const;
/** Neighbours per customer in the social network. */
export const NEIGHBOURS = 4;

export const worldDecl = {
  agents: {
    customers: {
      segment: 'u8',
      priceSensitivity: 'f32',
      qualityRequirement: 'f32',
      serviceRequirement: 'f32',
      directLoyalty: 'f32',
      channelLoyalty: 'f32',
      itCapability: 'f32',
      susceptibility: 'f32',
      need: 'i32',
      /** Vendor index (0 … DIRECT − 1), DIRECT, or NONE. */
      seller: 'i8',
      /** Supplier index that produced the lot in use, −1 if none. */
      producer: 'i16',
      /** Units of the lot in use (one lot per customer: all its units were bought together). */
      units: 'i32',
      /** Price per unit per day of the current contract (locked for its lifecycle). */
      price: 'f64',
      /** What one unit of the lot cost its seller (the vendor's average purchase price, or the direct supplier's production cost). */
      cost: 'f64',
      /**
       * What the lot's units cost its vendor, recognised per day of service (whole credits; the
       * remainder of the division on the signing day). 0 for a direct lot: suppliers keep cash books.
       */
      costPerDay: 'f64',
      /** Day the lot in use ends (its units' lifecycle end). */
      endDay: 'i32',
      /** Next customer renewing on the same calendar day (−1 ends the list). */
      nextInDay: 'i32',
      loyalty: 'f32',
      stockouts: 'i32',
      /** History: the seller before the current one, contracts signed, and switches among them. */
      previousSeller: 'i8',
      contracts: 'i32',
      switches: 'i32',
      /** The last visible event of the customer (1 switched seller, 2 stock-out) and its tick. */
      lastEvent: 'u8',
      lastEventTick: 'i32',
      n0: 'i32',
      n1: 'i32',
      n2: 'i32',
      n3: 'i32',
      x: 'f32',
      y: 'f32',
      /** Observer: 1 + the seller (vendor index or DIRECT) on the observation day; 0 none (see observers.ts). */
      observedSeller: 'u8',
      /** Observer: 1 while a purchase it was left short for is still to be made. */
      observedWaiting: 'u8',
    },
    vendors: {
      rowId: 'i32',
      /** The vendor's seller code (its index), for colouring it like its customers. */
      index: 'u8',
      active: 'u8',
      exited: 'u8',
      strategy: 'u8',
      policy: 'u8',
      /** The strategy in force now (dynamic and learning switch between the basic three). */
      mode: 'u8',
      entryDay: 'i32',
      cash: 'f64',
      initialCash: 'f64',
      price: 'f64',
      lastPrice: 'f64',
      /** Average purchase price of a unit in stock (credits per unit, whole lifecycle). */
      unitCost: 'f64',
      stock: 'f64',
      size: 'f64',
      quality: 'f64',
      startQuality: 'f64',
      brand: 'f64',
      /** Brand constant fitted once against the reference market, before the newcomer handicap. */
      baseBrand: 'f64',
      /** The reference market's price of this vendor (credits per unit-day): what its brand was fitted at. */
      referencePrice: 'f64',
      inUse: 'f64',
      customers: 'f64',
      loyaltySum: 'f64',
      /** Units in use by segment (finance, gaming, manufacturing). */
      seg0: 'f64',
      seg1: 'f64',
      seg2: 'f64',
      /** Today's revenue, recognised for the day's service: the sum of the daily rates of its lots in use. */
      revenue: 'f64',
      /** Today's costs: the unit cost of the day's service, operating cost, overhead and expansion. */
      cost: 'f64',
      /** Today's accrual profit, revenue − cost. */
      profit: 'f64',
      /** Accrual profit since day 0 (read it through `accrualProfit`). */
      cumProfit: 'f64',
      /** Contracts are prepaid: revenue received for service not yet delivered. */
      deferred: 'f64',
      /** What the units in stock and the rest of the lots in use cost: bought, not yet consumed. */
      unconsumed: 'f64',
      /** What the units in stock cost (whole credits). */
      stockValue: 'f64',
      /** Revenue and unit cost recognised per day: the sums of the lots' daily rates in use. */
      billing: 'f64',
      serviceCostRate: 'f64',
      /** Deferred revenue and unconsumed cost on day 0 (the warm start's contracts and opening stock). */
      openingDeferred: 'f64',
      openingUnconsumed: 'f64',
      /** Distinct customers today whose first choice was this vendor and who found it without stock. */
      stockoutsToday: 'f64',
      /** Trailing purchase volume (exponentially weighted, ~90 days): the basis of volume discounts. */
      volume: 'f64',
      /** Volume discount earned at the last renegotiation, as a fraction of each supplier's maximum. */
      negotiated: 'f64',
      unitsBought: 'f64',
      unitsEnded: 'f64',
      phase: 'u8',
      phaseStart: 'i32',
      startShare: 'f64',
      targetVendor: 'i32',
      targetUntil: 'i32',
      armStart: 'i32',
      armStartProfit: 'f64',
      armStartShare: 'f64',
      arm0n: 'f64',
      arm1n: 'f64',
      arm2n: 'f64',
      /** The learner's mean change of accrual profit (credits) and of share over the epochs of each arm. */
      arm0profit: 'f64',
      arm1profit: 'f64',
      arm2profit: 'f64',
      arm0share: 'f64',
      arm1share: 'f64',
      arm2share: 'f64',
      /** The range of those changes over all its epochs so far, which scales its rewards into [0, 1]. */
      epochProfitLow: 'f64',
      epochProfitHigh: 'f64',
      epochShareLow: 'f64',
      epochShareHigh: 'f64',
      /** Share of units in use at the end of the last day (for the view). */
      shareNow: 'f64',
      x: 'f32',
      y: 'f32',
      /** Observers (see observers.ts): first choices of customers since the observation day, and those left short. */
      observedAsks: 'f64',
      observedShort: 'f64',
      /** Observers: the lowest accrual profit so far; 1 + the day it last turned positive (0 while it is not). */
      profitTrough: 'f64',
      positiveFrom: 'i32',
    },
    suppliers: {
      rowId: 'i32',
      capacityShare: 'f64',
      cost: 'f64',
      margin: 'f64',
      direct: 'u8',
      maxDiscount: 'f64',
      stock: 'f64',
      produced: 'f64',
      soldToVendors: 'f64',
      soldDirect: 'f64',
      directInUse: 'f64',
      directCustomers: 'f64',
      seg0: 'f64',
      seg1: 'f64',
      seg2: 'f64',
      directEnded: 'f64',
      revenue: 'f64',
      shock: 'f64',
      shockUntil: 'i32',
      capacity: 'f64',
      /** 1 − the running shock: how much of its capacity it has (for the view). */
      availability: 'f64',
      /** Today's lowest unit price to any vendor in the market (never below its cost). */
      lowestPrice: 'f64',
      x: 'f32',
      y: 'f32',
    },
    /** Renewal calendar: a ring of day slots, each the head of a linked list of customers. */
    calendar: { head: 'i32' },
    /** Vendor j's stock made by supplier k, in row j × (number of suppliers) + k. */
    holdings: { units: 'f64' },
  },
  globals: [
    'day',
    'newCustomerDebt',
    'demandFactor',
    'demandUntil',
    'directBrand',
    'totalNeed',
    'directStockouts',
    /** 1 when some seller could not deliver to a customer's first choice yesterday. */
    'marketShort',
    'customersPaid',
    'operatingPaid',
    'unmet',
    /** Contracts signed by customers who held a lot before, and how many of them changed seller. */
    'renewals',
    'switches',
    /** Customers holding a lot whose loyalty is above `loyalThreshold` (kept as lots start and end). */
    'loyalCustomers',
    'loyalThreshold',
  ],
  // Written only to observe a run, never read by the market's rules: out of the fingerprint (see ObserverDecl).
  observers: {
    columns: {
      customers: ['observedSeller', 'observedWaiting'],
      vendors: ['observedAsks', 'observedShort', 'profitTrough', 'positiveFrom'],
    },
  },
} as const;

export type MarketWorld = World<typeof worldDecl>;

/** Units in use in the whole market: held from vendors plus bought directly from suppliers. */
export function unitsInUse(w: MarketWorld): number {
  const v = w.agents.vendors.col;
  let t = 0;
  for (let j = 0; j < w.agents.vendors.count; j++) t += v.inUse[j];
  const s = w.agents.suppliers.col;
  for (let k = 0; k < w.agents.suppliers.count; k++) t += s.directInUse[k];
  return t;
}

/**
 * Vendor j's cumulative profit on an accrual basis: revenue and the unit cost of service
 * recognised per day of service, so that prepaid contracts count only as they are delivered.
 * The one accessor of profit: the loss budget, the exit rule, the learning reward and the
 * reports read it.
 */
export function accrualProfit(w: MarketWorld, j: number): number {
  return w.agents.vendors.col.cumProfit[j];
}

/** Vendor j's holdings row of supplier k: the units of k's making in its stock. */
export function holdingRow(w: MarketWorld, j: number, k: number): number {
  return j * w.agents.suppliers.count + k;
}

/** Vendor j's share of the units in use (0 in an empty market). */
export function shareOf(w: MarketWorld, j: number): number {
  const total = unitsInUse(w);
  return total > 0 ? w.agents.vendors.col.inUse[j] / total : 0;
}

/** The units-in-use-by-segment column of vendors or suppliers for `segment`. */
export function segmentUnits(
  cols: { seg0: Float64Array; seg1: Float64Array; seg2: Float64Array },
  segment: number,
): Float64Array {
  return segment === 0 ? cols.seg0 : segment === 1 ? cols.seg1 : cols.seg2;
}

/** Customers holding a lot whose loyalty is above `threshold`, counted one by one. */
export function countLoyalCustomers(w: MarketWorld, threshold: number): number {
  const c = w.agents.customers.col;
  let n = 0;
  for (let i = 0; i < w.agents.customers.count; i++) if (c.units[i] > 0 && c.loyalty[i] > threshold) n++;
  return n;
}

/** The count of loyal customers follows the loyalty threshold in force (a live parameter): recounted when it moves. */
export function followLoyaltyThreshold(w: MarketWorld, threshold: number): void {
  if (w.globals.loyalThreshold === threshold) return;
  w.globals.loyalThreshold = threshold;
  w.globals.loyalCustomers = countLoyalCustomers(w, threshold);
}
