import { describe, expect, it } from 'vitest';
import type { Portrayal } from '../../src/core/model';
import type { FrameMessage } from '../../src/worker/protocol';
import { indexOf, nearestTo, nextInDirection, placedAgents, type PlacedAgents } from '../../src/ui/agentNavigation';

/** Agents at these screen points (y grows downwards), all of one layer. */
function at(...points: [number, number][]): PlacedAgents {
  return {
    refs: points.map((_, i) => ({ agents: 'a', id: 100 + i, label: 'A' })),
    xs: Float64Array.from(points.map((p) => p[0])),
    ys: Float64Array.from(points.map((p) => p[1])),
  };
}

describe('nextInDirection', () => {
  //   1
  // 4 0 2     5 far right on the axis
  //   3
  const cross = at([50, 50], [50, 10], [90, 50], [50, 90], [10, 50], [200, 50]);

  it('goes to the nearest agent each arrow points at', () => {
    expect(nextInDirection(cross, 0, 'up')).toBe(1);
    expect(nextInDirection(cross, 0, 'right')).toBe(2);
    expect(nextInDirection(cross, 0, 'down')).toBe(3);
    expect(nextInDirection(cross, 0, 'left')).toBe(4);
    expect(nextInDirection(cross, 2, 'right')).toBe(5);
  });

  it('finds nothing past the last agent that way', () => {
    expect(nextInDirection(cross, 5, 'right')).toBe(-1);
    expect(nextInDirection(cross, 1, 'up')).toBe(-1);
  });

  it('prefers an agent on the axis to a nearer one far off it, and ignores those outside 45°', () => {
    // 1 is nearer but 40° off the axis; 2 is further but straight right; 3 is beyond 45°.
    const placed = at([0, 0], [30, 25], [45, 0], [10, 30]);
    expect(nextInDirection(placed, 0, 'right')).toBe(2);
    expect(nextInDirection(placed, 0, 'down')).toBe(3);
  });
});

describe('placing and finding agents', () => {
  const portrayal: Portrayal = {
    bounds: { minX: 0, maxX: 10, minY: 0, maxY: 10 },
    background: '#ffffff',
    layers: [
      { agents: 'hubs', label: 'Hubs', x: 'x', y: 'y', shape: 'square', size: 5, color: { kind: 'index' } },
      { agents: 'people', label: 'People', x: 'x', y: 'y', shape: 'circle', size: 2, color: { kind: 'index' } },
    ],
  };
  const frame = {
    agents: {
      hubs: { count: 1, ids: Uint32Array.of(7), columns: { x: Float32Array.of(5), y: Float32Array.of(5) } },
      people: {
        count: 2,
        ids: Uint32Array.of(3, 9),
        columns: { x: Float32Array.of(0, 10), y: Float32Array.of(10, 0) },
      },
    },
  } as unknown as FrameMessage;

  it('places every layer where the view draws it: world y up, screen y down', () => {
    const placed = placedAgents(portrayal, frame, 'scatter', 120, 120, 10);
    expect(placed.refs.map((r) => `${r.label} #${r.id}`)).toEqual(['Hubs #7', 'People #3', 'People #9']);
    expect(Array.from(placed.xs)).toEqual([60, 10, 110]);
    expect(Array.from(placed.ys)).toEqual([60, 10, 110]);
    expect(indexOf(placed, { agents: 'people', id: 9 })).toBe(2);
    expect(indexOf(placed, { agents: 'people', id: 7 })).toBe(-1);
    expect(nearestTo(placed, 100, 100)).toBe(2);
    // From the top-left person, → and ↓ both lead to the hub in the middle (45° exactly).
    expect(nextInDirection(placed, 1, 'right')).toBe(0);
    expect(nextInDirection(placed, 1, 'up')).toBe(-1);
  });
});
