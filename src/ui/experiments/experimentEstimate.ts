/** Whether an experiment may start on the page, as the CLI's sweep decides: go, ask first, or refuse. */
import { describeEstimate, judge, sweepEstimate, type Pace } from '../../core/estimate';
import type { RunSettings } from '../../core/experiment/execute';
import { estimateWords } from '../estimateWords';
import type { Wording } from '../store';

export interface StartVerdict {
  readonly verdict: 'go' | 'ask' | 'refuse';
  /** The estimate for people, in the locale on display when called: "about 3 h 20 min and 1.2 GB". */
  readonly words: Wording;
}

/**
 * Time for the `todo` runs still to do on `workers` workers; memory for all `total` runs'
 * results, which the page holds until the experiment is closed.
 */
export function experimentVerdict(
  pace: Pace,
  settings: Pick<RunSettings, 'horizon' | 'every' | 'reporters'>,
  todo: number,
  total: number,
  workers: number,
): StartVerdict {
  const sweep = { horizon: settings.horizon, every: settings.every, reporters: settings.reporters.length, workers };
  const estimate = {
    ms: sweepEstimate(pace, { ...sweep, runs: todo }).ms,
    bytes: sweepEstimate(pace, { ...sweep, runs: total }).bytes,
  };
  return { verdict: judge(estimate), words: () => describeEstimate(estimate, estimateWords) };
}
