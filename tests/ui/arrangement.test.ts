import { describe, expect, it } from 'vitest';
import type { LayerPortrayal, Portrayal } from '../../src/core/model';
import { agentPositions } from '../../src/ui/view/arrangement';
import { Glide } from '../../src/ui/view/glide';
import { agentAt } from '../../src/ui/viewGeometry';
import type { FrameMessage } from '../../src/worker/protocol';

const BANDS = [
  { minX: 0, maxX: 0.4, minY: 0, maxY: 1 },
  { minX: 0.5, maxX: 0.9, minY: 0, maxY: 1 },
];
const layer: LayerPortrayal = {
  agents: 'people',
  label: 'People',
  x: 'x',
  y: 'y',
  shape: 'circle',
  size: 2,
  color: { kind: 'category', column: 'seller', otherColor: '#cccccc' },
  grouping: { bandColumn: 'band', bands: BANDS, groupColumn: 'seller', label: 'grouped', order: [0, 1, 15] },
};

/** `n` people scattered over two bands (the first half in band 0), with sellers cycling through 0, 1, 15 and −1 (not in the order). */
function people(n: number, seller = (i: number) => [0, 1, 15, -1][i % 4]) {
  const band = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? 0 : 1));
  const x = Float64Array.from({ length: n }, (_, i) => BANDS[band[i]].minX + 0.4 * ((i * 0.618) % 1));
  const y = Float64Array.from({ length: n }, (_, i) => (i * 0.377) % 1);
  return { count: n, columns: { band, x, y, seller: Float64Array.from({ length: n }, (_, i) => seller(i)) } };
}

describe('the grouped arrangement', () => {
  it('splits each band top to bottom into blocks in the given order, unknown groups last, sized by count', () => {
    const set = people(400);
    const { xs, ys } = agentPositions(layer, set, 'grouped');
    for (const band of [0, 1]) {
      const extent = new Map<number, { top: number; bottom: number; n: number }>();
      for (let i = 0; i < set.count; i++) {
        if (set.columns.band[i] !== band) continue;
        // Across, an agent keeps its place; it stays inside its band.
        expect(xs[i]).toBe(set.columns.x[i]);
        expect(ys[i]).toBeGreaterThanOrEqual(BANDS[band].minY);
        expect(ys[i]).toBeLessThanOrEqual(BANDS[band].maxY);
        const g = set.columns.seller[i];
        const e = extent.get(g) ?? { top: -Infinity, bottom: Infinity, n: 0 };
        extent.set(g, { top: Math.max(e.top, ys[i]), bottom: Math.min(e.bottom, ys[i]), n: e.n + 1 });
      }
      const blocks = [0, 1, 15, -1].map((g) => extent.get(g)!);
      // Each block lies wholly below the one before it (world y grows upwards).
      for (let k = 1; k < blocks.length; k++) expect(blocks[k].top).toBeLessThan(blocks[k - 1].bottom);
      // 50 agents each: each block spans about a quarter of the band, less the gaps.
      for (const b of blocks) expect(b.top - b.bottom).toBeGreaterThan(0.2);
    }
  });

  it('gives a larger group a proportionally taller block, and moves a switching agent into its new block', () => {
    const before = people(300, (i) => (i % 3 === 0 ? 1 : 0));
    const a = agentPositions(layer, before, 'grouped');
    const height = (ys: ArrayLike<number>, set: typeof before, g: number) => {
      let top = -Infinity;
      let bottom = Infinity;
      for (let i = 0; i < set.count; i++)
        if (set.columns.band[i] === 0 && set.columns.seller[i] === g) {
          top = Math.max(top, ys[i]);
          bottom = Math.min(bottom, ys[i]);
        }
      return top - bottom;
    };
    // Group 0 has twice group 1's agents.
    expect(height(a.ys, before, 0) / height(a.ys, before, 1)).toBeCloseTo(2, 0);
    const after = { ...before, columns: { ...before.columns, seller: before.columns.seller.slice() } };
    after.columns.seller[2] = 1;
    const b = agentPositions(layer, after, 'grouped');
    // Agent 2 (band 0) was in the top block (group 0) and is now below every group-0 agent.
    for (let i = 0; i < after.count; i++)
      if (after.columns.band[i] === 0 && after.columns.seller[i] === 0) expect(b.ys[2]).toBeLessThan(b.ys[i]);
    // Everyone else moves only as the blocks' boundaries shift a little.
    let far = 0;
    for (let i = 0; i < after.count; i++) if (i !== 2 && Math.abs(b.ys[i] - a.ys[i]) > 0.02) far++;
    expect(far).toBe(0);
  });

  it('leaves a layer where the model puts it when scattered, or when it offers no grouping', () => {
    const set = people(10);
    expect(agentPositions(layer, set, 'scatter').ys).toBe(set.columns.y);
    expect(agentPositions({ ...layer, grouping: undefined }, set, 'grouped').ys).toBe(set.columns.y);
  });

  it('is where picking finds agents: a click on the grouped place picks that agent', () => {
    const set = people(40);
    const portrayal: Portrayal = {
      bounds: { minX: 0, maxX: 1, minY: 0, maxY: 1 },
      background: '#fff',
      layers: [layer],
    };
    const ids = Uint32Array.from({ length: 40 }, (_, i) => 100 + i);
    const frame = { agents: { people: { ...set, ids } } } as unknown as FrameMessage;
    const { xs, ys } = agentPositions(layer, set, 'grouped');
    // 100 × 100 px, no padding: screen x = world x × 100, screen y = (1 − world y) × 100.
    const click = (i: number, arrangement: 'scatter' | 'grouped') =>
      agentAt(portrayal, frame, arrangement, 100, 100, 0, xs[i] * 100, (1 - ys[i]) * 100, 1)?.id;
    const moved = [...Array(40).keys()].find((i) => Math.abs(ys[i] - set.columns.y[i]) > 0.1)!;
    expect(click(moved, 'grouped')).toBe(100 + moved);
    expect(click(moved, 'scatter')).not.toBe(100 + moved);
  });
});

describe('gliding', () => {
  it('moves shown places part of the way each frame until they arrive; a new run or a new agent jumps', () => {
    const glide = new Glide();
    const at = (x: number, n = 1) => ({ xs: new Float64Array(n).fill(x), ys: new Float64Array(n).fill(0) });
    expect(glide.step(at(0), 1, 50, false).xs[0]).toBe(0);
    const first = glide.step(at(1), 1, 50, false);
    expect(first.moving).toBe(true);
    expect(first.xs[0]).toBeGreaterThan(0.2);
    expect(first.xs[0]).toBeLessThan(0.8);
    let last = first;
    for (let frame = 0; frame < 40 && last.moving; frame++) last = glide.step(at(1), 1, 50, false);
    expect(last.moving).toBe(false);
    expect(last.xs[0]).toBe(1);
    // A second agent appears where it belongs; a snap (new run) puts everyone there at once.
    const grown = glide.step(at(0.5, 2), 2, 50, false);
    expect(grown.xs[1]).toBe(0.5);
    expect(grown.xs[0]).toBeGreaterThan(0.5);
    const snapped = glide.step(at(3, 2), 2, 50, true);
    expect([snapped.xs[0], snapped.xs[1], snapped.moving]).toEqual([3, 3, false]);
  });
});
