/**
 * Moving between agents with the arrow keys (issue 17: a view that works without a mouse): the
 * agents where the view draws them, and the nearest one in an arrow's direction. Pure, so that
 * the choice is tested without a canvas; AgentView applies it to the newest frame.
 */
import type { Arrangement, Portrayal } from '../core/model';
import type { AgentRef, FrameMessage } from '../worker/protocol';
import { agentPositions } from './view/arrangement';
import { screenMapping } from './viewGeometry';

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** Every agent of the frame, each layer in turn, at its unzoomed screen place (y grows downwards). */
export interface PlacedAgents {
  readonly refs: readonly (AgentRef & { readonly label: string })[];
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

export function placedAgents(
  portrayal: Portrayal,
  frame: FrameMessage,
  arrangement: Arrangement,
  width: number,
  height: number,
  padding: number,
): PlacedAgents {
  const { scale, offsetX, offsetY } = screenMapping(portrayal, width, height, padding);
  const { minX, minY } = portrayal.bounds;
  const refs: (AgentRef & { label: string })[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const layer of portrayal.layers) {
    const set = frame.agents[layer.agents];
    if (!set) continue;
    const placed = agentPositions(layer, set, arrangement);
    for (let i = 0; i < set.count; i++) {
      refs.push({ agents: layer.agents, id: set.ids[i], label: layer.label });
      xs.push(offsetX + (placed.xs[i] - minX) * scale);
      ys.push(height - offsetY - (placed.ys[i] - minY) * scale);
    }
  }
  return { refs, xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

/** The index of `agent` among the placed agents, or -1 when it is gone. */
export function indexOf(placed: PlacedAgents, agent: AgentRef): number {
  return placed.refs.findIndex((r) => r.agents === agent.agents && r.id === agent.id);
}

/** The agent nearest to (x, y), or -1 when there is none. */
export function nearestTo(placed: PlacedAgents, x: number, y: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < placed.refs.length; i++) {
    const d = (placed.xs[i] - x) ** 2 + (placed.ys[i] - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * The agent the arrow leads to from agent `from`: among the agents within 45° of the arrow's
 * direction, the nearest, a step off the axis counting twice (so that → goes to the agent to the
 * right rather than to one nearer but far below). -1 when none lies that way; ties go to the first.
 */
export function nextInDirection(placed: PlacedAgents, from: number, direction: Direction): number {
  const { xs, ys } = placed;
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < placed.refs.length; i++) {
    if (i === from) continue;
    const dx = xs[i] - xs[from];
    const dy = ys[i] - ys[from];
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const across = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (along <= 0 || across > along) continue;
    const score = along * along + 4 * across * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
