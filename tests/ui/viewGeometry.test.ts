import { describe, expect, it } from 'vitest';
import type { Portrayal } from '../../src/core/model';
import type { ViewFrame } from '../../src/ui/view/viewTypes';
import { agentPositions } from '../../src/ui/view/arrangement';
import { inspectedMark } from '../../src/ui/viewGeometry';

const portrayal: Portrayal = {
  bounds: { minX: 0, maxX: 1, minY: 0, maxY: 1 },
  background: '#ffffff',
  layers: [
    { agents: 'hubs', label: 'Hubs', x: 'x', y: 'y', shape: 'square', size: 5, color: { kind: 'index' } },
    {
      agents: 'people',
      label: 'People',
      x: 'x',
      y: 'y',
      shape: 'circle',
      size: 2,
      color: { kind: 'index' },
      links: { columns: ['a', 'b', 'c'], color: '#333333' },
    },
  ],
};

function frame(inspected: ViewFrame['inspected']): ViewFrame {
  const people = { x: Float32Array.of(0.1, 0.2, 0.3), y: Float32Array.of(0.5, 0.6, 0.7) };
  return {
    tick: 0,
    agents: {
      people: { count: 3, columns: people },
      hubs: { count: 1, columns: { x: Float32Array.of(0.9), y: Float32Array.of(0.9) } },
    },
    inspected,
  };
}

/** The mark of `inspected` where the agents lie as the model places them. */
function markOf(inspected: ViewFrame['inspected']) {
  const f = frame(inspected);
  return inspectedMark(portrayal, f, (l) =>
    agentPositions(portrayal.layers[l], f.agents[portrayal.layers[l].agents], 'scatter'),
  );
}

describe('the inspected agent in the view', () => {
  it('is marked where it is, with lines to the linked agents that exist', () => {
    // Links to agent 0, to nobody (−1) and to an index past the set's end.
    const mark = markOf({ agents: 'people', index: 2, values: { x: 0.3, y: 0.7, a: 0, b: -1, c: 7 } });
    const f32 = (v: number) => Float32Array.of(v)[0];
    expect(mark).toEqual({ layer: 1, x: f32(0.3), y: f32(0.7), linked: [f32(0.1), f32(0.5)] });
  });

  it('has no links in a layer that declares none, and no mark when nothing (or nothing alive) is inspected', () => {
    expect(markOf({ agents: 'hubs', index: 0, values: { x: 0.9, y: 0.9 } })).toEqual({
      layer: 0,
      x: Float32Array.of(0.9)[0],
      y: Float32Array.of(0.9)[0],
      linked: [],
    });
    expect(markOf(null)).toBeNull();
    expect(markOf({ agents: 'people', index: -1, values: null })).toBeNull();
    expect(markOf({ agents: 'people', index: 3, values: { x: 0, y: 0 } })).toBeNull();
    expect(markOf({ agents: 'ghosts', index: 0, values: { x: 0, y: 0 } })).toBeNull();
  });
});
