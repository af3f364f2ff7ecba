/** The browser's experiment workers: Web Workers adapted to the one experiment pool, and the page's timers. */
import type { RunOutcome } from '../core/experiment/execute';
import { runIndices, type PoolTimers, type CreateWorker } from './experimentPool';
import type { FromExperimentWorker } from './experimentProtocol';

export const createExperimentWorker: CreateWorker = (listeners) => {
  // IMPORTANT: Vite only bundles a worker written literally in this form.
  const worker = new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromExperimentWorker>) => listeners.message(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    listeners.failed(event.message);
  };
  worker.onmessageerror = () => listeners.failed('a message from the experiment worker could not be read');
  return worker;
};

export const browserTimers: PoolTimers = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs `indices` of an experiment document; resolves with every outcome (in finishing order). */
export function runOnPool(
  document: unknown,
  indices: readonly number[],
  workers: number,
  onOutcome: (outcome: RunOutcome) => void,
): Promise<RunOutcome[]> {
  return runIndices(
    { document, size: workers, createWorker: createExperimentWorker, onOutcome, ...browserTimers },
    indices,
  );
}
