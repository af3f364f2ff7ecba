/**
 * Brand constants fitted once at setup, against the reference market: with every vendor at its
 * reference price (its full cost at the main supplier's list price × (1 + reference margin)),
 * the choice model's own shares are the initial shares. The fit never sees a vendor's strategy,
 * margin or price band, so a vendor priced above its reference loses share from day 0 and one
 * priced below gains it.
 */
import { log } from '../../core/dmath';
import * as E from './economics';
import { appraise, logitWeights } from './choice';
import type { Ctx } from './paramValues';
import { MAX_OPTIONS, type Scratch } from './scratch';
import { DIRECT, type MarketWorld } from './state';

/**
 * Appraisal in the reference market before any neighbour has chosen: the neighbour term takes
 * the expected share of each option, so that calibrated brands already include the social pull
 * of the initial shares.
 */
export function appraiseExpected(
  w: MarketWorld,
  ctx: Ctx,
  scratch: Scratch,
  i: number,
  expectedShare: Float64Array,
): void {
  appraise(w, ctx, scratch, i, false, true);
  if (!ctx.params.mechNeighbours) return;
  const { utility, available } = scratch;
  const su = w.agents.customers.col.susceptibility[i];
  for (let j = 0; j < MAX_OPTIONS; j++) if (available[j]) utility[j] += E.WEIGHT_NEIGHBOURS * su * expectedShare[j];
}

/** A few rounds of proportional fitting: brand constants make the reference market's choice shares the initial shares. */
export function calibrateBrands(w: MarketWorld, ctx: Ctx, scratch: Scratch, target: Float64Array): void {
  const v = w.agents.vendors.col;
  const need = w.agents.customers.col.need;
  const brands = v.baseBrand;
  const noise = ctx.params.choiceNoise;
  const sample = Math.min(w.agents.customers.count, 2000);
  const modelShare = new Float64Array(MAX_OPTIONS);
  const weights = scratch.weights;
  for (let round = 0; round < 12 && sample > 0; round++) {
    modelShare.fill(0);
    let sampleUnits = 0;
    for (let i = 0; i < sample; i++) {
      appraiseExpected(w, ctx, scratch, i, target);
      const total = logitWeights(scratch.utility, scratch.available, noise, weights);
      // Shares are of units in use, so each customer weighs by its need.
      for (let j = 0; j < MAX_OPTIONS; j++) modelShare[j] += (weights[j] / total) * need[i];
      sampleUnits += need[i];
    }
    for (let j = 0; j < MAX_OPTIONS; j++) modelShare[j] /= sampleUnits;
    for (let j = 0; j < w.agents.vendors.count; j++) {
      if (!v.active[j] || target[j] <= 0) continue;
      brands[j] += noise * log(target[j] / Math.max(modelShare[j], 1e-9));
      v.brand[j] = brands[j];
    }
    if (target[DIRECT] > 0) w.globals.directBrand += noise * log(target[DIRECT] / Math.max(modelShare[DIRECT], 1e-9));
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
