/**
 * The browser's pool of experiment workers: deals run indices to free workers, pauses (no new
 * runs; running ones finish), resumes, cancels, and changes size on the fly. A worker that
 * throws or stops answering is terminated and replaced; its run is retried once, then recorded
 * as failed with its cause, and the experiment goes on.
 */
import type { RunOutcome } from '../../core/experiment/execute';
import type { FromExperimentWorker, ToExperimentWorker } from '../../worker/experimentProtocol';

/** What the pool needs of a worker (a Web Worker, or a fake in tests). */
export interface PoolWorker {
  postMessage(message: ToExperimentWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromExperimentWorker }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}

export interface PoolOptions {
  readonly document: unknown;
  readonly size: number;
  readonly createWorker: () => PoolWorker;
  readonly onOutcome: (outcome: RunOutcome) => void;
  /** A worker was replaced; the reason, for the user. */
  readonly onReplaced?: (reason: string) => void;
  /** No answer within this long is a hung worker. Default: 20 × the slowest run so far, at least 60 s. */
  readonly timeoutMs?: (slowestRunMs: number) => number;
  readonly now: () => number;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

const ATTEMPTS = 2;

interface Slot {
  worker: PoolWorker;
  index: number | null;
  startedAt: number;
  timer: unknown;
}

export class ExperimentPool {
  private readonly queue: number[] = [];
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
    this.queue.push(...indices);
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

  resize(size: number): void {
    this.size = Math.max(1, size);
    for (const slot of this.slots) if (this.slots.size > this.size && slot.index === null) this.retire(slot);
    this.fill();
  }

  /** Stops everything at once: running runs are abandoned. */
  cancel(): void {
    this.cancelled = true;
    this.queue.length = 0;
    for (const slot of [...this.slots]) this.retire(slot);
  }

  private fill(): void {
    if (this.cancelled) return;
    for (const slot of this.slots) if (slot.index === null) this.dispatch(slot);
    while (!this.paused && this.queue.length > 0 && this.slots.size < this.size) this.dispatch(this.spawn());
  }

  private spawn(): Slot {
    const worker = this.options.createWorker();
    const slot: Slot = { worker, index: null, startedAt: 0, timer: null };
    worker.onmessage = (event) => this.finished(slot, event.data.outcome);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.failed(slot, event.message || 'the worker failed');
    };
    worker.postMessage({ type: 'experiment', document: this.options.document });
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
    const timeout = (this.options.timeoutMs ?? ((slowest) => Math.max(60_000, 20 * slowest)))(this.slowestMs);
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

  /** The worker threw or hung: replace it; retry its run once, then record the run as failed. */
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
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.terminate();
    this.slots.delete(slot);
  }
}
