/** The shapes every implementation of the peer benchmark shares. */

/** Schelling as the Agents.jl framework comparison declares it. */
export interface SchellingConfig {
  /** The grid is side × side cells, without wrap-around. */
  readonly side: number;
  /** Agents in two equal groups, one per cell. */
  readonly agents: number;
  /** Neighbours: the square of this Chebyshev radius around a cell. */
  readonly radius: number;
  readonly minToBeHappy: number;
  readonly steps: number;
}

/** Flocking as the Agents.jl framework comparison declares it. */
export interface FlockingConfig {
  /** The torus is side × side units. */
  readonly side: number;
  readonly birds: number;
  readonly visualDistance: number;
  readonly steps: number;
}

/** Constants of the flocking rules, the same in every configuration. */
export const FLOCK = { separation: 1, cohereFactor: 0.03, separateFactor: 0.015, matchFactor: 0.05, speed: 1 } as const;

/** One simulation, set up by an implementation's `create(config, seed)`. */
export interface Sim {
  step(): void;
  /**
   * The statistic the correctness gate compares: the happy fraction (Schelling; an agent's
   * mood is set at its turn) or the mean neighbour count the birds saw at their last turn (Flocking).
   */
  statistic(): number;
}

export type ModelName = 'schelling' | 'flocking';
export type ImplName = 'agora' | 'reference' | 'agentscript' | 'flocc';
export type Config = SchellingConfig | FlockingConfig;
export type Create<C extends Config> = (config: C, seed: number) => Sim;
