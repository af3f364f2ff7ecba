/**
 * The inspector's "why" for a customer: how it weighs each seller today, term by term, the
 * chance of each at its next choice, and whether its loyalty spares it the comparison.
 */
import type { Explanation, ModelContext, ModelText } from '../../core/model';
import type { MarketParams } from './params';
import { appraisal } from './simulation';
import { DIRECT, type MarketWorld } from './state';

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

export function explainCustomer(w: MarketWorld, ctx: ModelContext<MarketParams>, i: number): Explanation {
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
