/**
 * The comparison on display (issue 16): the fork taken from the base run, its own timed
 * changes, and the fork run's state as its worker reports it. Per-tick data of the fork lives
 * in forkFrames.ts, like the base's in frameBus.ts.
 */
import { create } from 'zustand';
import type { ParamSchema, ParamValues } from '../../core/params';
import type { TimedChange } from '../../core/timedChanges';
import type { RunStatus } from '../../worker/protocol';

/** What the view shows while comparing: one run, or the fork marking customers whose seller differs. */
export type ComparedView = 'base' | 'fork' | 'diff';

export interface CompareState {
  /** Whether a comparison is open. */
  active: boolean;
  question: string | null;
  forkDay: number;
  /** The fork's Setup parameters: the base's, unless the fork changes Setup parameters (taken at day 0). */
  forkParams: ParamValues<ParamSchema> | null;
  /** Setup parameters the fork changes (a comparison's `fork.params`). */
  setupChanges: Readonly<Record<string, unknown>>;
  /** The fork's own timed changes, from the fork day on. */
  changes: readonly TimedChange[];
  /** Live changes sent to the fork and not yet confirmed, by path. */
  pendingLive: Readonly<Record<string, unknown>>;
  tick: number;
  status: RunStatus | 'starting';
  fingerprint: string | null;
  /** Bumped when the fork's reporters changed. */
  plotVersion: number;
  view: ComparedView;
}

export const closedComparison: CompareState = {
  active: false,
  question: null,
  forkDay: 0,
  forkParams: null,
  setupChanges: {},
  changes: [],
  pendingLive: {},
  tick: 0,
  status: 'starting',
  fingerprint: null,
  plotVersion: 0,
  view: 'base',
};

export const useCompare = create<CompareState>()(() => closedComparison);
