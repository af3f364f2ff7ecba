/** The browser's experiment workers: Web Workers adapted to the one experiment pool, and the page's timers. */
import type { Pace } from '../core/estimate';
import type { RunOutcome } from '../core/experiment/execute';
import { runIndices, type PoolTimers, type CreateWorker } from './experimentPool';
import type { FromExperimentWorker } from './experimentProtocol';
import { startWorker } from './workerScripts';

export const createExperimentWorker: CreateWorker = (listeners) => {
  const worker = startWorker('experiment');
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

/**
 * Runs `indices` of an experiment document; resolves with every outcome (in finishing order).
 * `onReplaced` hears of each worker that failed or hung and was replaced.
 */
export function runOnPool(
  document: unknown,
  indices: readonly number[],
  workers: number,
  onOutcome: (outcome: RunOutcome) => void,
  onReplaced: (reason: string) => void,
): Promise<RunOutcome[]> {
  return runIndices(
    { document, size: workers, createWorker: createExperimentWorker, onOutcome, onReplaced, ...browserTimers },
    indices,
  );
}

/**
 * Times the Setup and first ticks of run `index` in a worker of its own (the page stays
 * responsive), to estimate the experiment; null when the run cannot be set up or the worker fails.
 */
export function measureExperimentPace(document: unknown, index: number): Promise<Pace | null> {
  return new Promise((resolve) => {
    const worker = createExperimentWorker({
      message: (message) => {
        if (message.type !== 'pace') return;
        worker.terminate();
        resolve(message.pace);
      },
      failed: () => {
        worker.terminate();
        resolve(null);
      },
    });
    worker.postMessage({ type: 'calibrate', document, index });
  });
}
