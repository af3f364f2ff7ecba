/** The browser's experiment pool with fake workers: dealing, retries, hung workers, pause, cancel. */
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/core/experiment/execute';
import { ExperimentPool, type PoolWorker } from '../../src/ui/experiments/experimentPool';
import type { FromExperimentWorker, ToExperimentWorker } from '../../src/worker/experimentProtocol';

type Behaviour = (index: number, worker: FakeWorker) => 'answer' | 'throw' | 'hang';

class FakeWorker implements PoolWorker {
  static created = 0;
  static terminated = 0;
  onmessage: ((event: { data: FromExperimentWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  constructor(private readonly behaviour: Behaviour) {
    FakeWorker.created++;
  }
  postMessage(message: ToExperimentWorker): void {
    if (message.type !== 'run') return;
    const what = this.behaviour(message.index, this);
    setTimeout(() => {
      if (what === 'answer')
        this.onmessage?.({
          data: { type: 'outcome', outcome: { index: message.index, seed: 1, status: 'ok', rows: [] } },
        });
      if (what === 'throw') this.onerror?.({ message: `boom at ${message.index}` });
    }, 1);
  }
  terminate(): void {
    FakeWorker.terminated++;
  }
}

function runPool(behaviour: Behaviour, indices: number[], size = 3, timeoutMs = 50): Promise<RunOutcome[]> {
  return new Promise((resolve) => {
    const outcomes: RunOutcome[] = [];
    const pool = new ExperimentPool({
      document: {},
      size,
      createWorker: () => new FakeWorker(behaviour),
      onOutcome: (o) => {
        outcomes.push(o);
        if (outcomes.length === indices.length) resolve(outcomes);
      },
      timeoutMs: () => timeoutMs,
      now: () => performance.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    pool.enqueue(indices);
  });
}

describe('the experiment pool', () => {
  it('gives every run exactly one outcome', async () => {
    const outcomes = await runPool(() => 'answer', [...Array(20).keys()]);
    expect(outcomes.map((o) => o.index).sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });

  it('replaces a worker that throws and retries its run once', async () => {
    const thrown = new Set<number>();
    const outcomes = await runPool(
      (i) => (i === 5 && !thrown.has(i) ? (thrown.add(i), 'throw') : 'answer'),
      [...Array(10).keys()],
    );
    expect(outcomes.find((o) => o.index === 5)!.status).toBe('ok');
    expect(outcomes).toHaveLength(10);
  });

  it('records a run failing twice as failed, with its cause, and goes on', async () => {
    const outcomes = await runPool((i) => (i === 2 ? 'throw' : 'answer'), [...Array(6).keys()]);
    const failed = outcomes.find((o) => o.index === 2)!;
    expect(failed.status).toBe('failed');
    if (failed.status === 'failed') expect(failed.error).toMatch(/failed 2 times: boom at 2/);
    expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(5);
  });

  it('replaces a worker that stops answering', async () => {
    const hung = new Set<number>();
    const before = FakeWorker.terminated;
    const outcomes = await runPool((i) => (i === 1 && !hung.has(i) ? (hung.add(i), 'hang') : 'answer'), [0, 1, 2, 3]);
    expect(outcomes.find((o) => o.index === 1)!.status).toBe('ok');
    expect(FakeWorker.terminated).toBeGreaterThan(before);
  });

  it('pauses without losing runs, and cancel stops everything', async () => {
    const outcomes: RunOutcome[] = [];
    const pool = new ExperimentPool({
      document: {},
      size: 2,
      createWorker: () => new FakeWorker(() => 'answer'),
      onOutcome: (o) => outcomes.push(o),
      now: () => performance.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    pool.enqueue([0, 1, 2, 3, 4, 5]);
    pool.pause();
    await new Promise((r) => setTimeout(r, 30));
    expect(outcomes).toHaveLength(2); // the two running when paused finish
    pool.resume();
    await new Promise((r) => setTimeout(r, 10));
    pool.cancel();
    const count = outcomes.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(outcomes.length).toBe(count);
    expect(pool.running + pool.waiting).toBe(0);
  });
});
