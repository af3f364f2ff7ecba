/** Schelling on Agora's engine: the library model `segregation` itself, driven through a Run. */
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { segregation, type SegregationParams } from '../../src/models/segregation';
import type { SchellingConfig, Sim } from './types';

export function create(config: SchellingConfig, seed: number): Sim {
  const params: SegregationParams = {
    ...(defaultParams(segregation.params) as SegregationParams),
    width: config.side,
    height: config.side,
    agents: config.agents,
    radius: config.radius,
    minSameNeighbours: config.minToBeHappy,
    wrap: false,
  };
  const run = Run.create(segregation, params, seed);
  return {
    step: () => void run.step(),
    statistic: () => run.reporters()['happy-fraction'] ?? 0,
  };
}
