/** Daily reporters of the market, per vendor (named by the vendor row's stable id) and for the market. */
import type { ModelContext, ReporterDecl, ReporterFormat } from '../../core/model';
import type { WorldDecl } from '../../core/world';
import { directGap, DIRECT_ATTRIBUTES } from './directBuyers';
import * as E from './economics';
import { deliveryRate, positiveDay, retention } from './observers';
import type { MarketParams } from './params';
import { accrualProfit, countLoyalCustomers, SEGMENTS, segmentUnits, unitsInUse, type MarketWorld } from './state';

type Reporter = ReporterDecl<WorldDecl, MarketParams>;
type Compute = (w: MarketWorld, ctx: ModelContext<MarketParams>) => number | null;

/** How a reporter reads, and what its missing value counts as in an experiment's statistics. */
interface Reading {
  readonly format: ReporterFormat;
  readonly missing?: number;
  readonly gap?: boolean;
}

/** A fraction of the market: a seller not in the market (no value) holds none of it. */
const SHARE: Reading = { format: 'percent', missing: 0 };
const FRACTION: Reading = { format: 'percent' };
/** A gap between two fractions (high minus low scorers): its level reads in percentage points. */
const FRACTION_GAP: Reading = { format: 'percent', gap: true };
const MONEY: Reading = { format: 'money' };
const COUNT: Reading = { format: 'count' };
const PLAIN: Reading = { format: 'plain' };

function reporter(name: string, label: string, reading: Reading, compute: Compute, unit?: string): Reporter {
  return { name, label, unit, ...reading, compute: compute as Reporter['compute'] };
}

function directUnits(w: MarketWorld): number {
  const s = w.agents.suppliers.col;
  let t = 0;
  for (let k = 0; k < w.agents.suppliers.count; k++) t += s.directInUse[k];
  return t;
}

function customersServed(w: MarketWorld): number {
  let t = 0;
  for (let j = 0; j < w.agents.vendors.count; j++) t += w.agents.vendors.col.customers[j];
  for (let k = 0; k < w.agents.suppliers.count; k++) t += w.agents.suppliers.col.directCustomers[k];
  return t;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Herfindahl–Hirschman index over vendors and direct-selling suppliers, on the 0–10,000 scale. */
export function hhi(w: MarketWorld): number | null {
  const total = unitsInUse(w);
  if (total <= 0) return null;
  let h = 0;
  const add = (units: number) => {
    const pct = (100 * units) / total;
    h += pct * pct;
  };
  for (let j = 0; j < w.agents.vendors.count; j++) add(w.agents.vendors.col.inUse[j]);
  for (let k = 0; k < w.agents.suppliers.count; k++) add(w.agents.suppliers.col.directInUse[k]);
  return h;
}

const ATTRIBUTE_WORDS: Record<(typeof DIRECT_ATTRIBUTES)[number], string> = {
  priceSensitivity: 'price sensitivity',
  itCapability: 'IT capability',
  loyalty: 'loyalty (direct sales + channel)',
};

type VendorCols = MarketWorld['agents']['vendors']['col'];
/** The learning strategy's three arms and the columns counting the epochs each was scored. */
const LEARNED_ARMS: readonly (readonly [string, (v: VendorCols) => Float64Array])[] = [
  ['profit', (v) => v.arm0n],
  ['follow', (v) => v.arm1n],
  ['aggressive', (v) => v.arm2n],
];

/**
 * The share of a learning vendor's scored epochs spent on one strategy: every epoch runs the
 * same number of days (30, rounded up to a repricing day), so it is its share of those days.
 * Null for a vendor that has not finished an epoch (or does not learn).
 */
function learnedEpochShare(w: MarketWorld, j: number, counts: (v: VendorCols) => Float64Array): number | null {
  const v = w.agents.vendors.col;
  let total = 0;
  for (const [, arm] of LEARNED_ARMS) total += arm(v)[j];
  return ratio(counts(v)[j], total);
}

export function marketReporters(params: MarketParams): Reporter[] {
  const out: Reporter[] = [];
  params.vendors.rows.forEach((row, j) => {
    const id = `v${row.id}`;
    const name = String(row.name);
    const v = (w: MarketWorld) => w.agents.vendors.col;
    // A vendor not yet in the market (and holding nothing) has no share: null, not 0.
    const present = (w: MarketWorld) => v(w).active[j] === 1 || v(w).inUse[j] > 0;
    out.push(
      reporter(`share.${id}`, `Share: ${name}`, SHARE, (w) =>
        present(w) ? ratio(v(w).inUse[j], unitsInUse(w)) : null,
      ),
      reporter(`customerShare.${id}`, `Customer share: ${name}`, SHARE, (w) =>
        present(w) ? ratio(v(w).customers[j], customersServed(w)) : null,
      ),
      reporter(
        `price.${id}`,
        `Price: ${name}`,
        MONEY,
        (w) => (v(w).active[j] ? v(w).price[j] : null),
        'credits/unit-day',
      ),
      reporter(
        `unitCost.${id}`,
        `Unit cost: ${name}`,
        MONEY,
        (w, ctx) =>
          v(w).active[j] ? E.unitDayCost(v(w).unitCost[j], ctx.params.contractDays, row.service as number) : null,
        'credits/unit-day',
      ),
      reporter(`quality.${id}`, `Quality: ${name}`, PLAIN, (w) => (v(w).active[j] ? v(w).quality[j] : null)),
      reporter(`stock.${id}`, `Stock: ${name}`, COUNT, (w) => v(w).stock[j], 'units'),
      reporter(`stockouts.${id}`, `Stock-outs: ${name}`, COUNT, (w) => v(w).stockoutsToday[j]),
      // Revenue, profit and cumulative profit are accrual (recognised per day of service); cash and deferred revenue beside them.
      reporter(`revenue.${id}`, `Revenue: ${name}`, MONEY, (w) => v(w).revenue[j], 'credits'),
      reporter(`profit.${id}`, `Profit: ${name}`, MONEY, (w) => v(w).profit[j], 'credits'),
      reporter(`cumulativeProfit.${id}`, `Cumulative profit: ${name}`, MONEY, (w) => accrualProfit(w, j), 'credits'),
      reporter(`cash.${id}`, `Cash: ${name}`, MONEY, (w) => v(w).cash[j], 'credits'),
      reporter(`deferredRevenue.${id}`, `Deferred revenue: ${name}`, MONEY, (w) => v(w).deferred[j], 'credits'),
      reporter(`loyalty.${id}`, `Mean loyalty: ${name}`, PLAIN, (w) => ratio(v(w).loyaltySum[j], v(w).customers[j])),
      // Observers (observers.ts): since the observation day (the first scheduled supply shock's), and the profit path.
      reporter(`deliveryRate.${id}`, `Delivery rate since the shock day: ${name}`, FRACTION, (w) => deliveryRate(w, j)),
      reporter(
        `retention.${id}`,
        `Customers of the shock day kept: ${name}`,
        FRACTION,
        (w, ctx) => retention(w, ctx, j)?.share ?? null,
      ),
      reporter(
        `retainedLoyalty.${id}`,
        `Loyalty of the customers kept since the shock day: ${name}`,
        PLAIN,
        (w, ctx) => retention(w, ctx, j)?.loyalty ?? null,
      ),
      reporter(
        `profitTrough.${id}`,
        `Lowest cumulative profit: ${name}`,
        MONEY,
        (w) => v(w).profitTrough[j],
        'credits',
      ),
      reporter(`profitPositive.${id}`, `Cumulative profit above zero: ${name}`, FRACTION, (w) =>
        accrualProfit(w, j) > 0 ? 1 : 0,
      ),
      reporter(`profitPositiveDay.${id}`, `Day cumulative profit turned positive: ${name}`, COUNT, (w) =>
        positiveDay(w, j),
      ),
    );
    LEARNED_ARMS.forEach(([arm, counts]) => {
      out.push(
        reporter(`epochShare.${arm}.${id}`, `Learning epochs on ${arm}: ${name}`, FRACTION, (w) =>
          learnedEpochShare(w, j, counts),
        ),
      );
    });
    SEGMENTS.forEach((segment, g) => {
      out.push(
        reporter(`segmentShare.${segment}.${id}`, `Share in ${segment}: ${name}`, SHARE, (w) =>
          present(w) ? ratio(segmentUnits(v(w), g)[j], segmentTotal(w, g)) : null,
        ),
      );
    });
  });
  out.push(
    reporter('share.direct', 'Share: direct purchase', SHARE, (w) => ratio(directUnits(w), unitsInUse(w))),
    reporter('customerShare.direct', 'Customer share: direct purchase', SHARE, (w) => {
      let t = 0;
      for (let k = 0; k < w.agents.suppliers.count; k++) t += w.agents.suppliers.col.directCustomers[k];
      return ratio(t, customersServed(w));
    }),
    reporter('stockouts.direct', 'Stock-outs: direct purchase', COUNT, (w) => w.globals.directStockouts),
  );
  DIRECT_ATTRIBUTES.forEach((attribute, a) => {
    const words = ATTRIBUTE_WORDS[attribute];
    out.push(
      reporter(
        `directGap.${attribute}`,
        `Direct buying, ${words} above minus below (within segments)`,
        FRACTION_GAP,
        (w, ctx) => directGap(w, ctx, a, -1),
      ),
    );
    SEGMENTS.forEach((segment, g) => {
      out.push(
        reporter(
          `directGap.${attribute}.${segment}`,
          `Direct buying in ${segment}, ${words} above minus below`,
          FRACTION_GAP,
          (w, ctx) => directGap(w, ctx, a, g),
        ),
      );
    });
  });
  SEGMENTS.forEach((segment, g) => {
    out.push(
      reporter(`segmentShare.${segment}.direct`, `Share in ${segment}: direct purchase`, SHARE, (w) => {
        let t = 0;
        for (let k = 0; k < w.agents.suppliers.count; k++) t += segmentUnits(w.agents.suppliers.col, g)[k];
        return ratio(t, segmentTotal(w, g));
      }),
    );
  });
  out.push(
    reporter('hhi', 'Concentration (HHI)', PLAIN, (w) => hhi(w)),
    reporter('market-size', 'Market size (units in use)', COUNT, (w) => unitsInUse(w), 'units'),
    reporter('customers', 'Customers', COUNT, (w) => w.agents.customers.count),
    reporter('unmet', 'Customers who could not buy', COUNT, (w) => w.globals.unmet),
    reporter('loyal-above-threshold', 'Customers above the loyalty threshold', FRACTION, (w, ctx) => {
      const threshold = ctx.params.loyaltyThreshold;
      const loyal =
        w.globals.loyalThreshold === threshold ? w.globals.loyalCustomers : countLoyalCustomers(w, threshold);
      return ratio(loyal, customersServed(w));
    }),
    reporter('cheapest-vendor-rank', 'Rank by share of the cheapest vendor (1 = the biggest)', PLAIN, cheapestRank),
    reporter('switching-rate', 'Switching at renewal (so far)', FRACTION, (w) =>
      ratio(w.globals.switches, w.globals.renewals),
    ),
  );
  return out;
}

/**
 * The cross-section of the market today: the rank by share of units of the cheapest vendor in
 * the market (1 = the biggest; ties in price go to the bigger vendor). Null with no vendor in it.
 */
function cheapestRank(w: MarketWorld): number | null {
  const v = w.agents.vendors.col;
  let cheapest = -1;
  for (let j = 0; j < w.agents.vendors.count; j++) {
    if (!v.active[j] || v.exited[j]) continue;
    if (
      cheapest < 0 ||
      v.price[j] < v.price[cheapest] ||
      (v.price[j] === v.price[cheapest] && v.inUse[j] > v.inUse[cheapest])
    )
      cheapest = j;
  }
  if (cheapest < 0) return null;
  let rank = 1;
  for (let j = 0; j < w.agents.vendors.count; j++) if (j !== cheapest && v.inUse[j] > v.inUse[cheapest]) rank++;
  return rank;
}

function segmentTotal(w: MarketWorld, g: number): number {
  let t = 0;
  for (let j = 0; j < w.agents.vendors.count; j++) t += segmentUnits(w.agents.vendors.col, g)[j];
  for (let k = 0; k < w.agents.suppliers.count; k++) t += segmentUnits(w.agents.suppliers.col, g)[k];
  return t;
}
