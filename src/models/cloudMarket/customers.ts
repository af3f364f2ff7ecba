/**
 * The customers' day: those whose lot ends renew (or leave a shrinking market), and new
 * customers arrive with growth; a customer who could not buy tries again the next day.
 * Names: c is the customer columns, i a customer.
 */
import type { KeyedStream } from '../../core/keyedRandom';
import type { Random } from '../../core/rng';
import { schedule, takeDue } from './calendar';
import { CHOICE_DRAWS } from './choice';
import { clamp01, dailyGrowth, leaveChance } from './economics';
import type { Ctx } from './paramValues';
import { choose, releaseLot } from './sales';
import type { Scratch } from './scratch';
import { NONE, type MarketWorld } from './state';

/** Where a segment's customers are drawn, within its third of the view (x offset by segment / 3). */
export const SEGMENT_BAND = { left: 0.02, width: 0.29, top: 0.05, height: 0.9 } as const;

/**
 * What `addCustomer` draws for a newcomer: its traits, need, network links and place in the view.
 * Version 3 keys them by the customer's id, so the same people arrive in a what-if's base and fork
 * (tests and scripts/common-random-numbers.ts compare these columns).
 */
export const ARRIVAL_COLUMNS = [
  'segment',
  'priceSensitivity',
  'qualityRequirement',
  'serviceRequirement',
  'directLoyalty',
  'channelLoyalty',
  'itCapability',
  'susceptibility',
  'need',
  'n0',
  'n1',
  'n2',
  'n3',
  'x',
  'y',
] as const;

/**
 * Adds one customer of a segment drawn from the mix, with attributes drawn around its profile.
 * Its draws are keyed by its id in the `traits` stream, so customer i is the same person in
 * every run on the seed with the same segment mix and profiles, whatever happened before it
 * arrived (its need also scales with the demand on its day of arrival).
 */
export function addCustomer(w: MarketWorld, ctx: Ctx, scratch: Scratch, traits: KeyedStream, layout: Random): number {
  const params = ctx.params;
  const set = w.agents.customers;
  const i = set.add();
  const c = set.col;
  const rng = traits.at(i, 0);
  const mix = [params.shareFinance, params.shareGaming, params.shareManufacturing];
  const total = mix[0] + mix[1] + mix[2];
  let u = rng.next() * (total > 0 ? total : 1);
  let segment = 0;
  if (total > 0) while (segment < 2 && u >= mix[segment]) u -= mix[segment++];
  const scatter = params.scatter;
  const profile = scratch.derived.profile[segment];
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
  c.x[i] = segment / 3 + (SEGMENT_BAND.left + SEGMENT_BAND.width * layout.next());
  c.y[i] = SEGMENT_BAND.top + SEGMENT_BAND.height * layout.next();
  w.globals.totalNeed += c.need[i];
  return i;
}

/**
 * Customers whose lot ends today renew (or leave a shrinking market, at the chance that shrinks
 * it by the yearly rate); those who could not buy retry tomorrow.
 */
export function renewals(w: MarketWorld, ctx: Ctx, scratch: Scratch, draws: KeyedStream): void {
  const today = ctx.tick;
  let i = takeDue(w, today);
  const c = w.agents.customers.col;
  const leave = leaveChance(ctx.params.growth, ctx.params.contractDays);
  let unmet = 0;
  while (i >= 0) {
    const next = c.nextInDay[i];
    releaseLot(w, i);
    if (leave > 0 && draws.at(i, today, CHOICE_DRAWS.leave).chance(leave)) {
      c.seller[i] = NONE;
      c.endDay[i] = -1;
      w.globals.totalNeed -= c.need[i];
    } else if (!choose(w, ctx, scratch, i, draws)) {
      unmet++;
      schedule(w, i, today + 1);
    }
    i = next;
  }
  w.globals.unmet = unmet;
}

/**
 * New customers arrive at the daily rate that compounds to the yearly growth (a fractional debt
 * carried from day to day) and choose at once. How many arrive depends only on how many there
 * are and on demand swings, never on choices.
 */
export function newCustomers(w: MarketWorld, ctx: Ctx, scratch: Scratch, draws: KeyedStream): void {
  w.globals.newCustomerDebt += w.agents.customers.count * dailyGrowth(ctx.params.growth) * w.globals.demandFactor;
  const layout = ctx.rng.stream('layout');
  while (w.globals.newCustomerDebt >= 1) {
    w.globals.newCustomerDebt -= 1;
    const i = addCustomer(w, ctx, scratch, ctx.rng.keyed('traits'), layout);
    if (!choose(w, ctx, scratch, i, draws)) schedule(w, i, ctx.tick + 1);
  }
}
