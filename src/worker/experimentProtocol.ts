/** Messages between the experiment pool and its workers, in the browser and in the CLI alike. */
import type { Pace } from '../core/estimate';
import type { RunOutcome } from '../core/experiment/execute';

export type ToExperimentWorker =
  | { type: 'experiment'; document: unknown }
  | { type: 'run'; index: number }
  /** Measures the pace of run `index` of `document`, to estimate the experiment before it starts. */
  | { type: 'calibrate'; document: unknown; index: number };
export type FromExperimentWorker = { type: 'outcome'; outcome: RunOutcome } | { type: 'pace'; pace: Pace | null };
