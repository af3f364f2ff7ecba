/**
 * The one experiment pool (browser and CLI) with fake workers on fake timers: dealing, retry
 * after a crash, the hung-worker timeout, pause/resume, resize and cancel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOutcome } from '../../src/core/experiment/execute';
import {
  ExperimentPool,
  runIndices,
  type PoolOptions,
  type PoolWorker,
  type PoolWorkerListeners,
} from '../../src/worker/experimentPool';
import type { ToExperimentWorker } from '../../src/worker/experimentProtocol';

/** What a fake worker does with a run: answer after `ms`, crash after `ms`, or never answer. */
type Act = { answer: number } | { crash: string } | 'hang';
/** Decides per run and per try (1, 2, …). */
type Behaviour = (index: number, attempt: number) => Act;

class FakeWorkers {
  readonly alive = new Set<FakeWorker>();
  started = 0;
  private readonly tries = new Map<number, number>();
  constructor(private readonly behaviour: Behaviour) {}

  readonly create = (listeners: PoolWorkerListeners): PoolWorker => {
    this.started++;
    const worker = new FakeWorker(listeners, (index) => {
      const attempt = (this.tries.get(index) ?? 0) + 1;
      this.tries.set(index, attempt);
      return this.behaviour(index, attempt);
    });
    worker.onTerminate = () => this.alive.delete(worker);
    this.alive.add(worker);
    return worker;
  };

  busy(): number {
    return [...this.alive].filter((w) => w.running !== null).length;
  }
}

class FakeWorker implements PoolWorker {
  document: unknown = undefined;
  running: number | null = null;
  onTerminate = () => {};
  constructor(
    readonly listeners: PoolWorkerListeners,
    private readonly act: (index: number) => Act,
  ) {}

  postMessage(message: ToExperimentWorker): void {
    if (message.type === 'experiment') return void (this.document = message.document);
    const index = message.index;
    const act = this.act(index);
    this.running = index;
    if (act === 'hang') return;
    if ('crash' in act) return void setTimeout(() => this.listeners.failed(act.crash), 1);
    setTimeout(() => {
      this.running = null;
      this.listeners.message({ type: 'outcome', outcome: { index, seed: 1, status: 'ok', rows: [] } });
    }, act.answer);
  }

  terminate(): void {
    this.onTerminate();
  }
}

const fakeTimers = {
  now: () => Date.now(),
  setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimer: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function pool(behaviour: Behaviour, size: number, extra: Partial<PoolOptions> = {}) {
  const workers = new FakeWorkers(behaviour);
  const outcomes: RunOutcome[] = [];
  const replaced: string[] = [];
  const p = new ExperimentPool({
    document: { name: 'doc' },
    size,
    createWorker: workers.create,
    onOutcome: (o) => outcomes.push(o),
    onReplaced: (reason) => replaced.push(reason),
    ...fakeTimers,
    ...extra,
  });
  return { pool: p, workers, outcomes, replaced };
}

const indicesOf = (outcomes: RunOutcome[]) => outcomes.map((o) => o.index).sort((a, b) => a - b);
const range = (n: number) => [...Array(n).keys()];

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the experiment pool', () => {
  it('gives every run exactly one outcome, on no more workers than its size, each sent the document', () => {
    const { pool: p, workers, outcomes } = pool(() => ({ answer: 10 }), 3);
    p.enqueue(range(20));
    expect(workers.alive.size).toBe(3);
    expect([...workers.alive].every((w) => (w.document as { name: string }).name === 'doc')).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(indicesOf(outcomes)).toEqual(range(20));
    expect(workers.started).toBe(3);
    expect(workers.alive.size).toBe(0); // idle workers with nothing left to do stop
  });

  it('replaces a worker that crashes and retries its run once', () => {
    const {
      pool: p,
      workers,
      outcomes,
      replaced,
    } = pool((i, attempt) => (i === 5 && attempt === 1 ? { crash: 'boom at 5' } : { answer: 10 }), 3);
    p.enqueue(range(10));
    vi.advanceTimersByTime(1000);
    expect(indicesOf(outcomes)).toEqual(range(10));
    expect(outcomes.every((o) => o.status === 'ok')).toBe(true);
    expect(replaced).toEqual(['boom at 5']);
    expect(workers.started).toBe(4);
  });

  it('records a run failing twice as failed, with its cause, and goes on', () => {
    const { pool: p, outcomes } = pool((i) => (i === 2 ? { crash: 'boom at 2' } : { answer: 10 }), 2);
    p.enqueue(range(6));
    vi.advanceTimersByTime(1000);
    expect(indicesOf(outcomes)).toEqual(range(6));
    const failed = outcomes.find((o) => o.index === 2)!;
    expect(failed).toMatchObject({ status: 'failed', error: 'failed 2 times: boom at 2' });
    expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(5);
  });

  it('replaces a worker that stops answering after the timeout, not before, and ignores its late answer', () => {
    const {
      pool: p,
      workers,
      outcomes,
      replaced,
    } = pool((i, attempt) => (i === 1 && attempt === 1 ? 'hang' : { answer: 10 }), 2, { timeoutMs: () => 5000 });
    p.enqueue([0, 1, 2, 3]);
    const hung = [...workers.alive].find((w) => w.running === 1)!;
    vi.advanceTimersByTime(4999);
    expect(indicesOf(outcomes)).toEqual([0, 2, 3]);
    expect(replaced).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(replaced).toEqual(['no answer within 5 s']);
    expect(workers.alive.has(hung)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(indicesOf(outcomes)).toEqual([0, 1, 2, 3]);
    // The replaced worker answering at last adds nothing.
    hung.listeners.message({
      type: 'outcome',
      outcome: { index: 1, seed: 1, status: 'ok', rows: [] },
    });
    expect(outcomes).toHaveLength(4);
  });

  it('waits by default 20 × the slowest run so far, and at least 60 s', () => {
    const { pool: p, outcomes, replaced } = pool((i) => (i === 1 ? 'hang' : { answer: 4000 }), 1);
    p.enqueue([0, 1]);
    vi.advanceTimersByTime(4000); // run 0 took 4 s: the limit is 80 s
    expect(outcomes).toHaveLength(1);
    vi.advanceTimersByTime(79_999);
    expect(replaced).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(replaced).toEqual(['no answer within 80 s']);

    const fast = pool(() => 'hang', 1);
    fast.pool.enqueue([0]);
    vi.advanceTimersByTime(59_999);
    expect(fast.replaced).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fast.replaced).toEqual(['no answer within 60 s']);
  });

  it('pauses without losing runs: running ones finish, none start until it resumes', () => {
    const { pool: p, workers, outcomes } = pool(() => ({ answer: 10 }), 2);
    p.enqueue(range(6));
    p.pause();
    vi.advanceTimersByTime(1000);
    expect(indicesOf(outcomes)).toEqual([0, 1]);
    expect(workers.busy()).toBe(0);
    expect(p.waiting).toBe(4);
    p.resume();
    expect(workers.busy()).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(indicesOf(outcomes)).toEqual(range(6));
  });

  it('grows at once and shrinks as runs finish', () => {
    const { pool: p, workers, outcomes } = pool(() => ({ answer: 10 }), 1);
    p.enqueue(range(12));
    expect(workers.busy()).toBe(1);
    p.resize(3);
    expect(workers.busy()).toBe(3);
    expect(p.running).toBe(3);
    p.resize(1);
    expect(workers.alive.size).toBe(3); // busy workers finish their run first
    vi.advanceTimersByTime(10);
    expect(workers.alive.size).toBe(1);
    expect(outcomes).toHaveLength(3);
    vi.advanceTimersByTime(1000);
    expect(indicesOf(outcomes)).toEqual(range(12));
    expect(workers.started).toBe(3);
  });

  it('cancel stops everything at once', () => {
    const { pool: p, workers, outcomes, replaced } = pool(() => ({ answer: 10 }), 2);
    p.enqueue(range(6));
    vi.advanceTimersByTime(10);
    p.cancel();
    expect(workers.alive.size).toBe(0);
    expect(p.running + p.waiting).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(outcomes).toHaveLength(2);
    expect(replaced).toEqual([]);
  });
});

describe('runIndices', () => {
  it('resolves with every outcome and leaves no worker behind', async () => {
    const workers = new FakeWorkers(() => ({ answer: 10 }));
    const seen: number[] = [];
    const done = runIndices(
      { document: {}, size: 2, createWorker: workers.create, onOutcome: (o) => seen.push(o.index), ...fakeTimers },
      [4, 5, 6],
    );
    vi.advanceTimersByTime(1000);
    const outcomes = await done;
    expect(indicesOf(outcomes)).toEqual([4, 5, 6]);
    expect(seen.sort()).toEqual([4, 5, 6]);
    expect(workers.alive.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves at once with nothing to run', async () => {
    const workers = new FakeWorkers(() => ({ answer: 10 }));
    expect(await runIndices({ document: {}, size: 2, createWorker: workers.create, ...fakeTimers }, [])).toEqual([]);
    expect(workers.started).toBe(0);
  });
});
