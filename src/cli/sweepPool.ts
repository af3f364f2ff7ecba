/**
 * The CLI's pool of worker processes: deals run indices to whichever worker is free, collects
 * the outcomes, and replaces a worker that dies — its run is retried once on a fresh worker,
 * then recorded as failed with the cause. Completion order does not matter: results are
 * written in canonical order.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunOutcome } from '../core/experiment/execute';

export type ToSweepWorker = { type: 'experiment'; document: unknown } | { type: 'run'; index: number };
export type FromSweepWorker = { type: 'outcome'; outcome: RunOutcome };

const WORKER = fileURLToPath(new URL('./sweepWorker.ts', import.meta.url));
/** Tries of one run before it is recorded as failed. */
const ATTEMPTS = 2;

export function runPool(
  document: unknown,
  indices: readonly number[],
  workers: number,
  onOutcome: (outcome: RunOutcome) => void,
): Promise<void> {
  const queue = [...indices];
  const attempts = new Map<number, number>();
  let pending = indices.length;
  return new Promise((resolve) => {
    if (pending === 0) return resolve();
    const finish = (outcome: RunOutcome) => {
      onOutcome(outcome);
      if (--pending === 0) resolve();
    };
    const start = (): void => {
      if (queue.length === 0) return;
      // The parent's execArgv carries tsx's loader, so the child runs TypeScript too.
      const child: ChildProcess = fork(WORKER, [], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      let current: number | null = null;
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      const next = () => {
        current = queue.shift() ?? null;
        if (current === null) child.disconnect();
        else child.send({ type: 'run', index: current } satisfies ToSweepWorker);
      };
      child.on('message', (message: FromSweepWorker) => {
        finish(message.outcome);
        next();
      });
      child.on('exit', (code, signal) => {
        if (current === null) return;
        const index = current;
        const tries = (attempts.get(index) ?? 0) + 1;
        attempts.set(index, tries);
        if (tries < ATTEMPTS) queue.unshift(index);
        else {
          const cause = stderr.trim().split('\n').pop() || `worker process exited (${signal ?? `code ${code}`})`;
          finish({ index, seed: 0, status: 'failed', error: `failed ${ATTEMPTS} times: ${cause}`, rows: [] });
        }
        start();
      });
      child.send({ type: 'experiment', document } satisfies ToSweepWorker);
      next();
    };
    for (let i = 0; i < Math.min(workers, queue.length); i++) start();
  });
}
