/**
 * The benchmark's configurations: the Agents.jl comparison's small and large ones, then 10k,
 * 100k and 1M agents at the large configuration's density.
 */
import type { Config, FlockingConfig, ImplName, ModelName, SchellingConfig } from './types';

export interface Row {
  readonly model: ModelName;
  /** e.g. "small", "10k". */
  readonly label: string;
  readonly config: Config;
  readonly agents: number;
  readonly impls: readonly ImplName[];
}

const ALL: readonly ImplName[] = ['agora', 'reference', 'agentscript', 'flocc'];
const OWN: readonly ImplName[] = ['agora', 'reference'];

const SCHELLING_SMALL: SchellingConfig = { side: 40, agents: 1000, radius: 1, minToBeHappy: 3, steps: 20 };
const SCHELLING_LARGE: SchellingConfig = { side: 100, agents: 8000, radius: 2, minToBeHappy: 8, steps: 20 };
const FLOCKING_SMALL: FlockingConfig = { side: 100, birds: 200, visualDistance: 5, steps: 100 };
const FLOCKING_LARGE: FlockingConfig = { side: 150, birds: 400, visualDistance: 15, steps: 100 };

/** The large configuration grown to `agents` at the same density. */
function schellingAt(agents: number): SchellingConfig {
  const cellsPerAgent = (SCHELLING_LARGE.side * SCHELLING_LARGE.side) / SCHELLING_LARGE.agents;
  return { ...SCHELLING_LARGE, side: Math.round(Math.sqrt(agents * cellsPerAgent)), agents };
}
function flockingAt(birds: number): FlockingConfig {
  const areaPerBird = (FLOCKING_LARGE.side * FLOCKING_LARGE.side) / FLOCKING_LARGE.birds;
  return { ...FLOCKING_LARGE, side: Math.round(Math.sqrt(birds * areaPerBird)), birds };
}

const schelling = (label: string, config: SchellingConfig, impls = ALL): Row => ({
  model: 'schelling',
  label,
  config,
  agents: config.agents,
  impls,
});
const flocking = (label: string, config: FlockingConfig, impls = ALL): Row => ({
  model: 'flocking',
  label,
  config,
  agents: config.birds,
  impls,
});

export const ROWS: readonly Row[] = [
  schelling('small', SCHELLING_SMALL),
  schelling('large', SCHELLING_LARGE),
  schelling('10k', schellingAt(10_000)),
  schelling('100k', schellingAt(100_000)),
  schelling('1M', schellingAt(1_000_000), OWN),
  flocking('small', FLOCKING_SMALL),
  flocking('large', FLOCKING_LARGE),
  flocking('10k', flockingAt(10_000)),
  flocking('100k', flockingAt(100_000)),
  flocking('1M', flockingAt(1_000_000), OWN),
];

/** The configuration the correctness gate runs for each model. */
export const GATE_CONFIG: Readonly<Record<ModelName, Config>> = {
  schelling: SCHELLING_SMALL,
  flocking: FLOCKING_SMALL,
};
