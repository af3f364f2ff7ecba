import { describe, expect, it } from 'vitest';
import type { Portrayal } from '../../src/core/model';
import type { ViewFrame } from '../../src/ui/view/viewTypes';
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

describe('the inspected agent in the view', () => {
  it('is marked where it is, with lines to the linked agents that exist', () => {
    // Links to agent 0, to nobody (−1) and to an index past the set's end.
    const mark = inspectedMark(portrayal, frame({ agents: 'people', values: { x: 0.3, y: 0.7, a: 0, b: -1, c: 7 } }));
    expect(mark).toEqual({ layer: 1, x: 0.3, y: 0.7, linked: [Float32Array.of(0.1)[0], Float32Array.of(0.5)[0]] });
  });

  it('has no links in a layer that declares none, and no mark when nothing (or nothing alive) is inspected', () => {
    expect(inspectedMark(portrayal, frame({ agents: 'hubs', values: { x: 0.9, y: 0.9 } }))).toEqual({
      layer: 0,
      x: 0.9,
      y: 0.9,
      linked: [],
    });
    expect(inspectedMark(portrayal, frame(null))).toBeNull();
    expect(inspectedMark(portrayal, frame({ agents: 'people', values: null }))).toBeNull();
    expect(inspectedMark(portrayal, frame({ agents: 'ghosts', values: { x: 0, y: 0 } }))).toBeNull();
  });
});
