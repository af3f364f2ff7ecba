/** The expectations page's state: each expectation's run progress and result. */
import { create } from 'zustand';
import type { ExpectationResult } from '../../core/experiment/expectation';
import type { Experiment } from '../../core/experiment/schema';
import { defaultWorkers } from '../experiments/experimentStore';

export interface ExpectationState {
  readonly status: 'idle' | 'running' | 'done' | 'error';
  readonly done: number;
  readonly total: number;
  readonly result: ExpectationResult | null;
  readonly error: string | null;
}

export interface ExpectationsState {
  workers: number;
  /** By the experiment's file name. */
  states: Record<string, ExpectationState>;
  /** What the person predicted before running, by file name (classroom use). */
  predictions: Record<string, 'holds' | 'does-not-hold'>;
  /** Expectations the person opened from files, after the ready ones. */
  opened: readonly { readonly file: string; readonly experiment: Experiment }[];
}

export const useExpectations = create<ExpectationsState>(() => ({
  workers: defaultWorkers(),
  states: {},
  predictions: {},
  opened: [],
}));
