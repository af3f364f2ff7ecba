/** Where the world lies on the canvas, and which agent is under a point: shared by drawing and picking. */
import type { Arrangement, Portrayal } from '../core/model';
import type { FrameMessage } from '../worker/protocol';
import { agentPositions, type Positions } from './view/arrangement';
import type { ViewFrame } from './view/viewTypes';

export interface Mapping {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/** World → screen: the world's bounds fitted into width × height with a padding, centred. */
export function screenMapping(portrayal: Portrayal, width: number, height: number, padding: number): Mapping {
  const { minX, maxX, minY, maxY } = portrayal.bounds;
  const scale = Math.min((width - 2 * padding) / (maxX - minX), (height - 2 * padding) / (maxY - minY));
  return { scale, offsetX: (width - scale * (maxX - minX)) / 2, offsetY: (height - scale * (maxY - minY)) / 2 };
}

export interface Hit {
  readonly agents: string;
  readonly label: string;
  readonly index: number;
  readonly id: number;
}

/**
 * The agent drawn nearest to (x, y) in unzoomed screen coordinates, within its drawn radius
 * (at least 4 screen pixels at the current zoom), placed as `arrangement` places it; later
 * layers, drawn on top, win.
 */
export function agentAt(
  portrayal: Portrayal,
  frame: FrameMessage,
  arrangement: Arrangement,
  width: number,
  height: number,
  padding: number,
  x: number,
  y: number,
  zoom: number,
): Hit | null {
  const { scale, offsetX, offsetY } = screenMapping(portrayal, width, height, padding);
  const { minX, minY } = portrayal.bounds;
  for (let l = portrayal.layers.length - 1; l >= 0; l--) {
    const layer = portrayal.layers[l];
    const set = frame.agents[layer.agents];
    if (!set) continue;
    const { xs, ys } = agentPositions(layer, set, arrangement);
    const reach = Math.max(layer.size, 4 / zoom);
    let best = -1;
    let bestD = reach * reach;
    for (let i = 0; i < set.count; i++) {
      const dx = offsetX + (xs[i] - minX) * scale - x;
      const dy = height - offsetY - (ys[i] - minY) * scale - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) return { agents: layer.agents, label: layer.label, index: best, id: set.ids[best] };
  }
  return null;
}

/** Where the inspected agent is and, when its layer has network links, where its linked agents are (world coordinates). */
export interface InspectedMark {
  /** The layer the inspected agent is drawn in. */
  readonly layer: number;
  readonly x: number;
  readonly y: number;
  /** Positions of its linked agents: x0, y0, x1, y1, … */
  readonly linked: readonly number[];
}

/** Where the inspected agent and its linked agents are drawn, given where its layer's agents are (`positionsOf`). */
export function inspectedMark(
  portrayal: Portrayal,
  frame: ViewFrame,
  positionsOf: (layer: number) => Positions,
): InspectedMark | null {
  const inspected = frame.inspected;
  const values = inspected?.values;
  if (!inspected || !values) return null;
  const layer = portrayal.layers.findIndex((l) => l.agents === inspected.agents);
  const set = layer < 0 ? undefined : frame.agents[portrayal.layers[layer].agents];
  if (!set || inspected.index < 0 || inspected.index >= set.count) return null;
  const spec = portrayal.layers[layer];
  const { xs, ys } = positionsOf(layer);
  const linked: number[] = [];
  for (const column of spec.links?.columns ?? []) {
    const other = values[column];
    if (Number.isInteger(other) && other >= 0 && other < set.count) linked.push(xs[other], ys[other]);
  }
  return { layer, x: xs[inspected.index], y: ys[inspected.index], linked };
}
