/**
 * Who buys direct, customer by customer: within each segment, the share of customers holding a
 * direct lot among those above their segment's profile value of an attribute, minus the share
 * among those below it (the expectation that price-sensitive, IT-capable, low-loyalty customers
 * buy from suppliers). Every customer of a run meets the same brands and prices, so the gap is
 * the attribute's own pull, and a change of the segment's profile (which the brand fit would
 * absorb) is not needed to see it.
 */
import { segmentParam, type Ctx } from './paramValues';
import { DIRECT, SEGMENTS, type MarketWorld } from './state';

/** The attributes compared; loyalty is the sum of the two loyalties (direct sales and channel). */
export const DIRECT_ATTRIBUTES = ['priceSensitivity', 'itCapability', 'loyalty'] as const;

/** Holders and direct holders per attribute, segment and half (below, above): [a][g][half][0 holders, 1 direct]. */
type Tally = number[][][][];

interface Memo {
  readonly tick: number;
  /** Counters that move whenever a customer signs: a memo of another state at the same tick is not reused. */
  readonly stamp: string;
  readonly tally: Tally;
}

const memos = new WeakMap<MarketWorld, Memo>();

function stampOf(w: MarketWorld): string {
  const g = w.globals;
  return `${w.agents.customers.count}:${g.renewals}:${g.switches}:${g.customersPaid}:${g.unmet}`;
}

/** One pass over the customers, shared by every gap reporter of the same day. */
function tallyOf(w: MarketWorld, ctx: Ctx): Tally {
  const stamp = stampOf(w);
  const memo = memos.get(w);
  if (memo && memo.tick === ctx.tick && memo.stamp === stamp) return memo.tally;
  const tally: Tally = DIRECT_ATTRIBUTES.map(() =>
    SEGMENTS.map(() => [
      [0, 0],
      [0, 0],
    ]),
  );
  const mean = SEGMENTS.map((_, g) => [
    segmentParam(ctx.params, g, 'PriceSensitivity'),
    segmentParam(ctx.params, g, 'ItCapability'),
    segmentParam(ctx.params, g, 'DirectLoyalty') + segmentParam(ctx.params, g, 'ChannelLoyalty'),
  ]);
  const c = w.agents.customers.col;
  for (let i = 0; i < w.agents.customers.count; i++) {
    if (c.units[i] <= 0) continue;
    const g = c.segment[i];
    const direct = c.seller[i] === DIRECT ? 1 : 0;
    const values = [c.priceSensitivity[i], c.itCapability[i], c.directLoyalty[i] + c.channelLoyalty[i]];
    for (let a = 0; a < values.length; a++) {
      // Exactly at the profile value (a customer clipped there, or no scatter) counts in neither half.
      if (values[a] === mean[g][a]) continue;
      const half = tally[a][g][values[a] > mean[g][a] ? 1 : 0];
      half[0]++;
      half[1] += direct;
    }
  }
  memos.set(w, { tick: ctx.tick, stamp, tally });
  return tally;
}

function rate(half: number[]): number | null {
  return half[0] > 0 ? half[1] / half[0] : null;
}

/**
 * The gap in direct buying between the customers above and below their segment's profile value
 * of attribute `a`, in segment `g`, or pooled over the segments (g = −1: each customer still
 * split by its own segment's value). Null when either half holds no lot.
 */
export function directGap(w: MarketWorld, ctx: Ctx, a: number, g: number): number | null {
  const tally = tallyOf(w, ctx)[a];
  const halves = g >= 0 ? tally[g] : tally.reduce((sum, t) => t.map((half, h) => half.map((n, k) => n + sum[h][k])));
  const above = rate(halves[1]);
  const below = rate(halves[0]);
  return above === null || below === null ? null : above - below;
}
