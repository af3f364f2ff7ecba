/**
 * Working memory of one run: values derived from the state and the parameters that many
 * customers' choices read in one day, and the arrays a choice or a procurement fills and reads.
 * It belongs to the run (a WeakMap keyed by its world, as segregation and flocking keep their
 * caches) and holds nothing a snapshot would need: `refreshDerived` recomputes the derived
 * values at the start of every day and before setup or the inspector reads them.
 */
import { num, segmentParam, vendorRows, type Ctx } from './paramValues';
import { DIRECT, SEGMENTS, type MarketWorld } from './state';

/** Options of a choice: the vendors (0 … DIRECT − 1) and the direct channel (DIRECT). */
export const MAX_OPTIONS = DIRECT + 1;

/** The segment attributes in `Derived.profile`, in this order. */
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

interface Derived {
  hasDirect: boolean;
  /** Cheapest direct price per unit-day. */
  directPrice: number;
  /** A supply shock is running. */
  shortage: boolean;
  /** The supplier with the largest capacity share (−1 without suppliers). */
  producer: number;
  /** The vendors' service, channel reach and direct sales force, from their rows. */
  readonly service: Float64Array;
  readonly channel: Float64Array;
  readonly directSales: Float64Array;
  /** Segment profiles: [segment][attribute] in the order of PROFILE. */
  readonly profile: readonly Float64Array[];
}

/** A customer's weights, read once per choice: how much each attribute of an option pulls it. */
interface Pulls {
  price: number;
  quality: number;
  service: number;
  channel: number;
  directSales: number;
  neighbours: number;
  /** What running bare units costs this customer per unit-day (direct purchase only). */
  selfOperation: number;
}

/** The addends of one option's utility for one customer (see `utilityTerms`). */
interface Terms {
  price: number;
  quality: number;
  service: number;
  channel: number;
  directSales: number;
  neighbours: number;
  brand: number;
}

export interface Scratch {
  readonly derived: Derived;
  // One customer's choice, indexed by option: filled by `appraise`, read by `drawOption` and `sell`.
  readonly utility: Float64Array;
  /** Price per unit-day offered to the customer (targeted offers included). */
  readonly offered: Float64Array;
  readonly available: Uint8Array;
  readonly weights: Float64Array;
  /** Share of the customer's neighbours holding each option. */
  readonly neighbourShare: Float64Array;
  readonly pulls: Pulls;
  readonly terms: Terms;
  /** A rival targeting the customer's seller made it an offer: it compares at this renewal. */
  approached: boolean;
  // One supplier's allocation, indexed by vendor: filled and read by `procure`.
  readonly orders: Float64Array;
  readonly granted: Float64Array;
}

function createScratch(): Scratch {
  return {
    derived: {
      hasDirect: false,
      directPrice: Infinity,
      shortage: false,
      producer: -1,
      service: new Float64Array(DIRECT),
      channel: new Float64Array(DIRECT),
      directSales: new Float64Array(DIRECT),
      profile: SEGMENTS.map(() => new Float64Array(PROFILE.length)),
    },
    utility: new Float64Array(MAX_OPTIONS),
    offered: new Float64Array(MAX_OPTIONS),
    available: new Uint8Array(MAX_OPTIONS),
    weights: new Float64Array(MAX_OPTIONS),
    neighbourShare: new Float64Array(MAX_OPTIONS),
    pulls: { price: 0, quality: 0, service: 0, channel: 0, directSales: 0, neighbours: 0, selfOperation: 0 },
    terms: { price: 0, quality: 0, service: 0, channel: 0, directSales: 0, neighbours: 0, brand: 0 },
    approached: false,
    orders: new Float64Array(DIRECT),
    granted: new Float64Array(DIRECT),
  };
}

const scratches = new WeakMap<MarketWorld, Scratch>();

/**
 * The run's scratch. A new one (a new run, or a run resumed from a snapshot) starts refreshed:
 * a vendor entering before the day's refresh prices with its own service level.
 */
export function scratchOf(w: MarketWorld, ctx: Ctx): Scratch {
  let scratch = scratches.get(w);
  if (!scratch) {
    scratch = createScratch();
    refreshDerived(w, ctx, scratch);
    scratches.set(w, scratch);
  }
  return scratch;
}

export function refreshDerived(w: MarketWorld, ctx: Ctx, scratch: Scratch): void {
  const d = scratch.derived;
  const s = w.agents.suppliers.col;
  d.hasDirect = false;
  d.directPrice = Infinity;
  d.shortage = false;
  d.producer = -1;
  for (let k = 0; k < w.agents.suppliers.count; k++) {
    if (s.direct[k]) {
      d.hasDirect = true;
      d.directPrice = Math.min(d.directPrice, (s.cost[k] * (1 + s.margin[k] / 100)) / ctx.params.contractDays);
    }
    if (s.shockUntil[k] > ctx.tick && s.shock[k] > 0) d.shortage = true;
    if (d.producer < 0 || s.capacityShare[k] > s.capacityShare[d.producer]) d.producer = k;
  }
  vendorRows(ctx.params).forEach((row, j) => {
    d.service[j] = num(row, 'service');
    d.channel[j] = num(row, 'channel');
    d.directSales[j] = num(row, 'directSales');
  });
  for (let g = 0; g < SEGMENTS.length; g++) {
    PROFILE.forEach((name, a) => (d.profile[g][a] = segmentParam(ctx.params, g, name)));
  }
}
