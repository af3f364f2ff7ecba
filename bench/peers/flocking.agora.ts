/** Flocking on Agora's engine: the library model `flocking` itself, driven through a Run. */
import { defaultParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { flocking, type FlockingParams } from '../../src/models/flocking';
import { FLOCK, type FlockingConfig, type Sim } from './types';

export function create(config: FlockingConfig, seed: number): Sim {
  const params: FlockingParams = {
    ...(defaultParams(flocking.params) as FlockingParams),
    ...FLOCK,
    width: config.side,
    height: config.side,
    birds: config.birds,
    visualDistance: config.visualDistance,
  };
  const run = Run.create(flocking, params, seed);
  return {
    step: () => void run.step(),
    statistic: () => run.reporters()['mean-neighbours'] ?? 0,
  };
}
