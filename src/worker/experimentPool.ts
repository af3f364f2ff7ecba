/**
 * The one pool of experiment workers, for the browser and the CLI: deals run indices to free
 * workers, pauses (no new runs; running ones finish), resumes, cancels, and changes size on the
 * fly. A worker that fails or stops answering is terminated and replaced; its run is retried
 * once, then recorded as failed with its cause, and the experiment goes on. It knows no host:
 * workers come from an adapter (a Web Worker, a Node child process, a fake in tests) and the
 * clock and timers are injected.
 */
import type { RunOutcome } from '../core/experiment/execute';
import type { FromExperimentWorker, ToExperimentWorker } from './experimentProtocol';
import { RunQueue } from './runQueue';

/** What the pool needs of a running worker. */
export interface PoolWorker {
  postMessage(message: ToExperimentWorker): void;
  terminate(): void;
}

/** Where a worker reports; calls after the pool has terminated it are ignored. */
export interface PoolWorkerListeners {
  message(message: FromExperimentWorker): void;
  /** The worker threw, crashed or exited; `reason` is for people. */
  failed(reason: string): void;
}

/** Starts one worker that reports to `listeners`. */
export type CreateWorker = (listeners: PoolWorkerListeners) => PoolWorker;

export interface PoolTimers {
  /** Milliseconds, from any origin. */
  readonly now: () => number;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

export interface PoolOptions extends PoolTimers {
  readonly document: unknown;
  readonly size: number;
  readonly createWorker: CreateWorker;
  readonly onOutcome: (outcome: RunOutcome) => void;
  /** A worker was replaced; the reason, for the user. */
  readonly onReplaced?: (reason: string) => void;
  /** No answer within this long is a hung worker. Default: 20 × the slowest run so far, at least 60 s. */
  readonly timeoutMs?: (slowestRunMs: number) => number;
}

/** Tries of one run before it is recorded as failed. */
const ATTEMPTS = 2;

const defaultTimeoutMs = (slowestRunMs: number) => Math.max(60_000, 20 * slowestRunMs);

interface Slot {
  worker: PoolWorker;
  index: number | null;
  startedAt: number;
  timer: unknown;
}

export class ExperimentPool {
  private readonly queue = new RunQueue();
  private readonly slots = new Set<Slot>();
  private readonly attempts = new Map<number, number>();
  private size: number;
  private paused = false;
  private cancelled = false;
  private slowestMs = 0;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size);
  }

  /** Adds runs to do, in the order given. */
  enqueue(indices: readonly number[]): void {
    this.queue.pushAll(indices);
    this.fill();
  }

  get running(): number {
    return [...this.slots].filter((s) => s.index !== null).length;
  }

  get waiting(): number {
    return this.queue.length;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.fill();
  }

  /** Idle workers above the new size stop now; busy ones when their run is done. */
  resize(size: number): void {
    this.size = Math.max(1, size);
    for (const slot of this.slots) if (this.slots.size > this.size && slot.index === null) this.retire(slot);
    this.fill();
  }

  /** Stops everything at once: running runs are abandoned. */
  cancel(): void {
    this.cancelled = true;
    this.queue.clear();
    for (const slot of [...this.slots]) this.retire(slot);
  }

  private fill(): void {
    if (this.cancelled) return;
    for (const slot of this.slots) if (slot.index === null) this.dispatch(slot);
    while (!this.paused && this.queue.length > 0 && this.slots.size < this.size) this.dispatch(this.spawn());
  }

  private spawn(): Slot {
    // Adapters report asynchronously, so the listeners never see `slot` before it exists.
    const slot: Slot = {
      worker: this.options.createWorker({
        message: (message) => message.type === 'outcome' && this.finished(slot, message.outcome),
        failed: (reason) => this.failed(slot, reason || 'the worker failed'),
      }),
      index: null,
      startedAt: 0,
      timer: null,
    };
    slot.worker.postMessage({ type: 'experiment', document: this.options.document });
    this.slots.add(slot);
    return slot;
  }

  private dispatch(slot: Slot): void {
    if (this.paused || this.cancelled) return;
    if (this.slots.size > this.size) return this.retire(slot);
    const index = this.queue.shift();
    if (index === undefined) return this.retire(slot);
    slot.index = index;
    slot.startedAt = this.options.now();
    const timeout = (this.options.timeoutMs ?? defaultTimeoutMs)(this.slowestMs);
    slot.timer = this.options.setTimer(
      () => this.failed(slot, `no answer within ${Math.round(timeout / 1000)} s`),
      timeout,
    );
    slot.worker.postMessage({ type: 'run', index });
  }

  private finished(slot: Slot, outcome: RunOutcome): void {
    if (!this.slots.has(slot) || slot.index !== outcome.index) return;
    this.options.clearTimer(slot.timer);
    this.slowestMs = Math.max(this.slowestMs, this.options.now() - slot.startedAt);
    slot.index = null;
    this.options.onOutcome(outcome);
    this.dispatch(slot);
  }

  /** The worker failed or hung: replace it; retry its run once, then record the run as failed. */
  private failed(slot: Slot, reason: string): void {
    if (!this.slots.has(slot)) return;
    const index = slot.index;
    this.retire(slot);
    if (this.cancelled) return;
    this.options.onReplaced?.(reason);
    if (index !== null) {
      const tries = (this.attempts.get(index) ?? 0) + 1;
      this.attempts.set(index, tries);
      if (tries < ATTEMPTS) this.queue.unshift(index);
      else
        this.options.onOutcome({
          index,
          seed: 0,
          status: 'failed',
          error: `failed ${ATTEMPTS} times: ${reason}`,
          rows: [],
        });
    }
    this.fill();
  }

  private retire(slot: Slot): void {
    this.options.clearTimer(slot.timer);
    this.slots.delete(slot);
    slot.worker.terminate();
  }
}

/** Runs `indices` of an experiment document on a fresh pool; resolves with every outcome (in finishing order). */
export function runIndices(
  options: Omit<PoolOptions, 'onOutcome'> & { readonly onOutcome?: (outcome: RunOutcome) => void },
  indices: readonly number[],
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  if (indices.length === 0) return Promise.resolve(outcomes);
  return new Promise((resolve) => {
    const pool = new ExperimentPool({
      ...options,
      onOutcome: (outcome) => {
        outcomes.push(outcome);
        options.onOutcome?.(outcome);
        if (outcomes.length === indices.length) {
          pool.cancel();
          resolve(outcomes);
        }
      },
    });
    pool.enqueue(indices);
  });
}
