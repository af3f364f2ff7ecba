/** Experiment workers for the page, and a promise-shaped run of some indices on a fresh pool. */
import type { RunOutcome } from '../../core/experiment/execute';
import { ExperimentPool, type PoolWorker } from './experimentPool';

export function createExperimentWorker(): PoolWorker {
  // IMPORTANT: Vite only bundles a worker written literally in this form.
  return new Worker(new URL('../../worker/experiment.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as PoolWorker;
}

export const browserTimers = {
  now: () => performance.now(),
  setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimer: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs `indices` of an experiment document; resolves with every outcome (in finishing order). */
export function runOnPool(
  document: unknown,
  indices: readonly number[],
  workers: number,
  onOutcome: (outcome: RunOutcome) => void,
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  if (indices.length === 0) return Promise.resolve(outcomes);
  return new Promise((resolve) => {
    const pool = new ExperimentPool({
      document,
      size: workers,
      createWorker: createExperimentWorker,
      onOutcome: (outcome) => {
        outcomes.push(outcome);
        onOutcome(outcome);
        if (outcomes.length === indices.length) {
          pool.cancel();
          resolve(outcomes);
        }
      },
      ...browserTimers,
    });
    pool.enqueue(indices);
  });
}
