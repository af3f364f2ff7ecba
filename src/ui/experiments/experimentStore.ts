/**
 * The experiments page's state: the experiment being authored (a plain experiment document),
 * and the experiment being run — its progress and the runs finished so far. Actions live in
 * ./experimentSession.ts.
 */
import { create } from 'zustand';
import type { RunOutcome } from '../../core/experiment/execute';
import type { PreparedExperiment } from '../../core/experiment/prepare';
import type { Experiment } from '../../core/experiment/schema';
import type { SavedExperiment } from './resultStore';

type ExperimentStatus = 'idle' | 'running' | 'paused' | 'done' | 'cancelled';

export interface ExperimentsState {
  draft: Experiment | null;
  /** Problems of the draft, one per line; empty when it can run. */
  problems: string[];
  status: ExperimentStatus;
  /** The experiment that runs or ran, with what its results need. */
  active: { prepared: PreparedExperiment; hash: string; document: Experiment } | null;
  total: number;
  /** Finished runs in the order they finished (results sort them). */
  outcomes: RunOutcome[];
  /** Runs found already finished in storage when the experiment started. */
  restored: number;
  startedAt: number;
  elapsedMs: number;
  workers: number;
  /** False when results live only in memory (storage unavailable or full). */
  persistent: boolean;
  /** Notices of this page, oldest first: a new one never replaces another (see ../notices.ts). */
  notices: readonly string[];
  /** The newest interrupted experiment in storage with its finished runs, offered for resuming after a reload. */
  interrupted: { saved: SavedExperiment; done: number } | null;
}

/** Workers by default: every core but one, which the page keeps for itself. */
export function defaultWorkers(): number {
  return Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
}

export const useExperiments = create<ExperimentsState>(() => ({
  draft: null,
  problems: [],
  status: 'idle',
  active: null,
  total: 0,
  outcomes: [],
  restored: 0,
  startedAt: 0,
  elapsedMs: 0,
  workers: defaultWorkers(),
  persistent: true,
  notices: [],
  interrupted: null,
}));
