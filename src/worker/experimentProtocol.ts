/** Messages between the experiment pool and its workers, in the browser and in the CLI alike. */
import type { RunOutcome } from '../core/experiment/execute';

export type ToExperimentWorker = { type: 'experiment'; document: unknown } | { type: 'run'; index: number };
export type FromExperimentWorker = { type: 'outcome'; outcome: RunOutcome };
