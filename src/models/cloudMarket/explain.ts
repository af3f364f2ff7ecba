/**
 * The inspector's "why": for a customer, how it weighs each seller today, term by term, the
 * chance of each at its next choice, and how likely its loyalty spares it the comparison; for a
 * vendor, the brand constants fitted against the reference market, beside every rival's.
 */
import type { Explanation, ModelText } from '../../core/model';
import { appraise, compareChance, logitWeights, renewalLoyalty, utilityTerms } from './choice';
import type { Ctx } from './paramValues';
import { refreshDerived, scratchOf } from './scratch';
import { DIRECT, type MarketWorld } from './state';

/** One option's appeal to a customer today, term by term: the addends of its utility (see `utilityTerms`). */
interface OptionAppeal {
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
  /** The sum of the terms: the option's utility, as the choice reads it. */
  readonly utility: number;
  /** The option's chance in the logit over today's available options. */
  readonly chance: number;
}

/** How customer i weighs its available options today, and how likely it is to renew without comparing them. */
interface Appraisal {
  readonly options: readonly OptionAppeal[];
  /** Its loyalty as a renewal at its seller's price today would weigh it (a price hike costs some). */
  readonly loyalty: number;
  readonly threshold: number;
  /** Chance of comparing at its next renewal: 1 above the threshold never, approached by a targeting rival always. */
  readonly compares: number;
}

/**
 * Customer i's appraisal of its options as it would choose today, through the choice's own
 * `appraise` and `utilityTerms`. Reads the state and draws no random number, so explaining
 * never changes a run.
 */
function appraisal(w: MarketWorld, ctx: Ctx, i: number): Appraisal {
  const params = ctx.params;
  const scratch = scratchOf(w, ctx);
  refreshDerived(w, ctx, scratch);
  appraise(w, ctx, scratch, i, params.mechNeighbours);
  const { utility, offered, available, weights, terms } = scratch;
  const total = logitWeights(utility, available, params.choiceNoise, weights);
  const c = w.agents.customers.col;
  const current = c.seller[i];
  const options: OptionAppeal[] = [];
  for (let j = 0; j <= DIRECT; j++) {
    if (!available[j]) continue;
    utilityTerms(w, scratch, j, offered[j]);
    options.push({
      option: j,
      price: offered[j],
      priceTerm: terms.price,
      qualityTerm: terms.quality,
      serviceTerm: terms.service + terms.channel + terms.directSales,
      neighbourTerm: terms.neighbours,
      brand: terms.brand,
      utility: utility[j],
      chance: weights[j] / total,
    });
  }
  const held = current >= 0 && available[current] === 1;
  const loyalty = held ? renewalLoyalty(c, i, offered[current]) : c.loyalty[i];
  let compares = 1;
  if (held && loyalty > params.loyaltyThreshold) compares = 0;
  else if (held && !scratch.approached) compares = compareChance(params, loyalty);
  return { options, loyalty, threshold: params.loyaltyThreshold, compares };
}

const text = (path: string, english: string, vars?: ModelText['vars']): ModelText => ({
  path: `explain.${path}`,
  english,
  vars,
});

// The answer first (chance, total), then what it is made of.
const COLUMNS = [
  { text: text('chance', 'Chance'), percent: true },
  { text: text('utility', 'Total') },
  { text: text('price', 'Price / unit-day') },
  { text: text('priceTerm', 'Price appeal') },
  { text: text('qualityTerm', 'Quality') },
  { text: text('serviceTerm', 'Service & sales') },
  { text: text('neighbourTerm', 'Neighbours') },
  { text: text('brand', 'Brand') },
];

export function explainCustomer(w: MarketWorld, ctx: Ctx, i: number): Explanation {
  const a = appraisal(w, ctx, i);
  const seller = w.agents.customers.col.seller[i];
  const rows = a.options.map((o) => ({
    label:
      o.option === DIRECT
        ? text('direct', 'direct purchase')
        : String(ctx.params.vendors.rows[o.option]?.name ?? o.option),
    values: [o.chance, o.utility, o.price, o.priceTerm, o.qualityTerm, o.serviceTerm, o.neighbourTerm, o.brand],
    current: o.option === seller,
  }));
  const notes: ModelText[] = [];
  if (rows.length === 0) notes.push(text('noOptions', 'No seller is in the market: the customer waits.'));
  else if (a.compares === 0) {
    notes.push(
      text(
        'loyal',
        'Loyalty {loyalty} is above the threshold {threshold}: when its contract ends it renews with its seller, if in stock, without comparing.',
        { loyalty: a.loyalty.toFixed(2), threshold: a.threshold.toFixed(2) },
      ),
    );
  } else if (a.compares < 1) {
    notes.push(
      text(
        'compares',
        'Loyalty {loyalty}: when its contract ends it compares sellers with chance {chance} (the switching cost); otherwise it renews, if in stock.',
        { loyalty: a.loyalty.toFixed(2), chance: a.compares.toFixed(2) },
      ),
    );
  } else {
    notes.push(text('shops', 'At its next choice it draws a seller with these chances; one out of stock is skipped.'));
  }
  notes.push(
    text(
      'terms',
      'Each row is the seller’s appeal today: the total is the sum of the terms; chances follow the logit with choice noise {noise}.',
      { noise: ctx.params.choiceNoise },
    ),
  );
  return {
    title: text('title', 'Why this seller'),
    rowHeader: text('seller', 'Seller'),
    columns: COLUMNS,
    rows,
    notes,
  };
}

const VENDOR_COLUMNS = [
  { text: text('vendor.fittedBrand', 'Fitted brand') },
  { text: text('vendor.brand', 'Brand today') },
  { text: text('vendor.referencePrice', 'Reference price') },
  { text: text('vendor.price', 'Price today') },
  { text: text('vendor.startShare', 'Share at day 0'), percent: true },
  { text: text('vendor.share', 'Share today'), percent: true },
];

/**
 * Vendor j among the vendors: each one's brand constant as fitted once against the reference
 * market (and today's, less a newcomer's handicap), the reference price it was fitted at, and
 * its price and share at day 0 and today. Reads the state only.
 */
export function explainVendor(w: MarketWorld, ctx: Ctx, j: number): Explanation {
  const v = w.agents.vendors.col;
  const rows = ctx.params.vendors.rows.map((row, k) => ({
    label: String(row.name),
    values: [v.baseBrand[k], v.brand[k], v.referencePrice[k], v.price[k], v.startShare[k], v.shareNow[k]],
    current: k === j,
  }));
  return {
    title: text('vendor.title', 'Brand constants, fitted against the reference market'),
    rowHeader: text('seller', 'Seller'),
    columns: VENDOR_COLUMNS,
    rows,
    notes: [
      text(
        'vendor.reference',
        'Brands were fitted once, at setup, so that with every vendor at its reference price (its full cost at the list price × (1 + {margin}%)) the choice model gives the initial shares. A vendor priced above its reference loses share from day 0; one priced below gains it.',
        { margin: ctx.params.referenceMargin },
      ),
      text('vendor.direct', 'The direct channel’s fitted brand: {brand}.', {
        brand: w.globals.directBrand.toFixed(3),
      }),
    ],
  };
}
