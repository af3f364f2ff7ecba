/** `agora run` estimates a long or big run before it starts, as `agora sweep` does a sweep. */
import { calibrateScenario } from '../core/calibrationSize';
import { describeEstimate, judge, runEstimate, type Estimate } from '../core/estimate';
import { UsageError } from './args';
import type { ResolvedRun } from './resolveRun';

/** A run's estimate; `approximate` when it was scaled up from smaller runs. */
type RunEstimate = Estimate & { readonly approximate?: boolean };

/**
 * The time and memory of a run to `maxTick`, from timing the Setup and a few ticks of its
 * scenario on `now` (beyond its sliders' sizes, of smaller runs of it, as the browser does: a
 * Setup of ten million birds is not waited for): the measured time when the calibration reached
 * the run's end, else an upper bound (a stop condition may end the run earlier).
 */
export function estimateRun(
  resolved: ResolvedRun,
  seed: number,
  run: { maxTick: number; seriesReporters?: number },
  now: () => number,
): RunEstimate {
  const { pace, approximate } = calibrateScenario(resolved.model, resolved.params, seed, now, run.maxTick);
  return { ...runEstimate(pace, run.maxTick, run.seriesReporters), approximate };
}

/**
 * Lets a run start, or refuses it with one line: above the memory cap always, above 10 minutes
 * or 1 GB unless `yes`. The estimate is said on stderr only for such big work.
 */
export function allowRun(estimate: RunEstimate, yes: boolean, out: { stderr(text: string): void }): void {
  const verdict = judge(estimate);
  if (verdict === 'go') return;
  const size = `${describeEstimate(estimate)}${estimate.approximate ? ' (approximate, from smaller runs)' : ''}`;
  out.stderr(`agora: estimate: ${size}`);
  if (verdict === 'refuse')
    throw new UsageError(`run: ${size} is over the limit of 4 GB: run fewer --ticks, or leave out --series`);
  if (!yes) throw new UsageError(`run: this run would take ${size}; add --yes to start it`);
}
