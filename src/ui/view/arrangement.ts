/**
 * Where the view places a layer's agents, in world coordinates, in the arrangement the viewer
 * picked: the model's x/y, or grouped (LayerPortrayal.grouping). Drawing and picking both place
 * agents through here, so a click finds the agent drawn under it in either arrangement.
 */
import type { Arrangement, LayerGrouping, LayerPortrayal } from '../../core/model';
import type { Column } from '../../core/world';

export interface AgentColumns {
  readonly count: number;
  readonly columns: Readonly<Record<string, Column>>;
}

export interface Positions {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/** Share of a band's height left empty between two blocks, so that blocks read as separate areas. */
const GAP = 0.025;

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * Grouped places: each band is split top to bottom into one block per group (in the grouping's
 * order, empty groups take no room), each block's height proportional to its agents, so a
 * group's share of the band is its share of the band's area. An agent keeps its relative place
 * within its band, scaled into its block: only agents that change group travel far.
 */
function groupedPositions(grouping: LayerGrouping, set: AgentColumns, x: Column, y: Column): Positions {
  const { count } = set;
  const bandOf = set.columns[grouping.bandColumn];
  const groupOf = set.columns[grouping.groupColumn];
  const groups = grouping.order.length + 1;
  const rank = new Map(grouping.order.map((value, k) => [value, k]));
  const bands = grouping.bands.length;
  const blockOf = new Int32Array(count);
  const counts = new Float64Array(bands * groups);
  for (let i = 0; i < count; i++) {
    const band = bandOf[i];
    if (band < 0 || band >= bands) {
      blockOf[i] = -1;
      continue;
    }
    blockOf[i] = band * groups + (rank.get(groupOf[i]) ?? grouping.order.length);
    counts[blockOf[i]]++;
  }
  // Top and height of each block, as shares of its band's height (0 = the band's top).
  const tops = new Float64Array(bands * groups);
  const heights = new Float64Array(bands * groups);
  for (let b = 0; b < bands; b++) {
    let total = 0;
    let filled = 0;
    for (let g = 0; g < groups; g++) {
      total += counts[b * groups + g];
      if (counts[b * groups + g] > 0) filled++;
    }
    const room = 1 - GAP * Math.max(0, filled - 1);
    let top = 0;
    for (let g = 0; g < groups; g++) {
      const n = counts[b * groups + g];
      if (n === 0) continue;
      tops[b * groups + g] = top;
      heights[b * groups + g] = (room * n) / total;
      top += heights[b * groups + g] + GAP;
    }
  }
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const block = blockOf[i];
    if (block < 0) {
      xs[i] = x[i];
      ys[i] = y[i];
      continue;
    }
    const r = grouping.bands[bandOf[i]];
    const v = clamp01((r.maxY - y[i]) / (r.maxY - r.minY));
    xs[i] = x[i];
    ys[i] = r.maxY - (tops[block] + v * heights[block]) * (r.maxY - r.minY);
  }
  return { xs, ys };
}

const cache = new WeakMap<AgentColumns, { readonly arrangement: Arrangement; readonly positions: Positions }>();

/**
 * The agents' places in `arrangement`; a layer without a grouping is always where the model puts
 * it. Kept per frame's agent set (each frame brings new ones), since picking asks at every pointer move.
 */
export function agentPositions(spec: LayerPortrayal, set: AgentColumns, arrangement: Arrangement): Positions {
  const x = set.columns[spec.x];
  const y = set.columns[spec.y];
  if (arrangement === 'scatter' || !spec.grouping) return { xs: x, ys: y };
  const kept = cache.get(set);
  if (kept?.arrangement === arrangement) return kept.positions;
  const positions = groupedPositions(spec.grouping, set, x, y);
  cache.set(set, { arrangement, positions });
  return positions;
}
