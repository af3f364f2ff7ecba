/**
 * The inspector's "why" for a customer: how it weighs each seller today, term by term, the
 * chance of each at its next choice, and whether its loyalty spares it the comparison.
 */
import type { Explanation, ModelText } from '../../core/model';
import { appraise, logitWeights, stayTerm, utilityTerms } from './choice';
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
  /** The switching cost the current seller enjoys (loyalty × switching cost). */
  readonly stayTerm: number;
  /** The sum of the terms: the option's utility, as the choice reads it. */
  readonly utility: number;
  /** The option's chance in the logit over today's available options. */
  readonly chance: number;
}

/** How customer i weighs its available options today, and whether its loyalty keeps it with its seller without comparing. */
interface Appraisal {
  readonly options: readonly OptionAppeal[];
  readonly loyalty: number;
  readonly threshold: number;
  readonly renewsWithoutComparing: boolean;
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
      stayTerm: j === current && params.mechSwitchingCost ? stayTerm(params, c, i) : 0,
      utility: utility[j],
      chance: weights[j] / total,
    });
  }
  return {
    options,
    loyalty: c.loyalty[i],
    threshold: params.loyaltyThreshold,
    renewsWithoutComparing: current >= 0 && c.loyalty[i] > params.loyaltyThreshold && available[current] === 1,
  };
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
  { text: text('stayTerm', 'Staying') },
];

export function explainCustomer(w: MarketWorld, ctx: Ctx, i: number): Explanation {
  const a = appraisal(w, ctx, i);
  const seller = w.agents.customers.col.seller[i];
  const rows = a.options.map((o) => ({
    label:
      o.option === DIRECT
        ? text('direct', 'direct purchase')
        : String(ctx.params.vendors.rows[o.option]?.name ?? o.option),
    values: [
      o.chance,
      o.utility,
      o.price,
      o.priceTerm,
      o.qualityTerm,
      o.serviceTerm,
      o.neighbourTerm,
      o.brand,
      o.stayTerm,
    ],
    current: o.option === seller,
  }));
  const notes: ModelText[] = [];
  if (rows.length === 0) notes.push(text('noOptions', 'No seller is in the market: the customer waits.'));
  else if (a.renewsWithoutComparing) {
    notes.push(
      text(
        'loyal',
        'Loyalty {loyalty} is above the threshold {threshold}: when its contract ends it renews with its seller, if in stock, without comparing.',
        {
          loyalty: a.loyalty.toFixed(2),
          threshold: a.threshold.toFixed(2),
        },
      ),
    );
  } else {
    notes.push(
      text(
        'compares',
        'Loyalty {loyalty} is not above the threshold {threshold}: at its next choice it draws a seller with these chances; one out of stock is skipped.',
        {
          loyalty: a.loyalty.toFixed(2),
          threshold: a.threshold.toFixed(2),
        },
      ),
    );
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
