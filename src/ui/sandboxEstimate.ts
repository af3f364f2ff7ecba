/** Whether a big sandbox Setup may start, as experiments and the CLI decide: go, ask first, or refuse. */
import type { ScenarioPace } from '../core/calibrationSize';
import { describeEstimate, judge, type Estimate } from '../core/estimate';
import { t } from '../i18n';
import { estimateWords } from './estimateWords';
import type { Wording } from './store';

/**
 * A Setup and its first step (which cannot be interrupted either), in time; in memory the run's
 * world twice: in the worker, and the snapshot the page keeps to resume after a worker failure.
 */
export function setupEstimate({ pace }: ScenarioPace): Estimate {
  return { ms: pace.setupMs + pace.tickMs, bytes: 2 * pace.worldBytes };
}

/**
 * The verdict and the estimate for people, said in the locale on display each time `words` is
 * called (a refusal on screen follows a change of language); one scaled up from smaller runs says it is approximate.
 */
export function sandboxVerdict(
  estimate: Estimate,
  approximate: boolean,
): { verdict: 'go' | 'ask' | 'refuse'; words: Wording } {
  const words = () => {
    const described = describeEstimate(estimate, estimateWords);
    return approximate ? t('sandbox.approximate', { estimate: described }) : described;
  };
  return { verdict: judge(estimate), words };
}
