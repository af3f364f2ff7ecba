/** Messages between the browser's experiment pool and its workers. */
import type { RunOutcome } from '../core/experiment/execute';

export type ToExperimentWorker = { type: 'experiment'; document: unknown } | { type: 'run'; index: number };
export type FromExperimentWorker = { type: 'outcome'; outcome: RunOutcome };
