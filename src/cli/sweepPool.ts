/**
 * The CLI's experiment workers: each is a Node child process running `sweepWorker.ts`, adapted
 * to the one experiment pool (retries, hung-worker timeouts) shared with the browser.
 * Completion order does not matter: results are written in canonical order.
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { RunOutcome } from '../core/experiment/execute';
import { runIndices, type PoolTimers, type CreateWorker } from '../worker/experimentPool';
import type { FromExperimentWorker } from '../worker/experimentProtocol';

const SWEEP_WORKER = fileURLToPath(new URL('./sweepWorker.ts', import.meta.url));

/** Forks `modulePath` as a pool worker; a crash is reported with the last line it wrote to stderr. */
export function childProcessWorker(modulePath: string): CreateWorker {
  return (listeners) => {
    // The parent's execArgv carries tsx's loader, so the child runs TypeScript too.
    const child = fork(modulePath, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('message', (message: FromExperimentWorker) => listeners.message(message));
    child.on('error', (error) => listeners.failed(error.message));
    // 'close' comes after the stderr pipe is drained, so the cause is complete.
    child.on('close', (code, signal) =>
      listeners.failed(stderr.trim().split('\n').pop() || `worker process exited (${signal ?? `code ${code}`})`),
    );
    return { postMessage: (message) => child.send(message), terminate: () => child.kill() };
  };
}

export const nodeTimers: PoolTimers = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs `indices` of an experiment document on `workers` child processes. */
export async function runPool(
  document: unknown,
  indices: readonly number[],
  workers: number,
  onOutcome: (outcome: RunOutcome) => void,
): Promise<void> {
  await runIndices(
    { document, size: workers, createWorker: childProcessWorker(SWEEP_WORKER), onOutcome, ...nodeTimers },
    indices,
  );
}
