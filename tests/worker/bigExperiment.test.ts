/**
 * The experiment pool at the size the schema accepts: 10^6 runs (issue 18 — queuing them used
 * to spread a million arguments onto the stack, and an array's shift() made dealing quadratic).
 */
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/core/experiment/execute';
import { runIndices, type PoolWorkerListeners } from '../../src/worker/experimentPool';
import type { ToExperimentWorker } from '../../src/worker/experimentProtocol';
import { RunQueue } from '../../src/worker/runQueue';

const RUNS = 1_000_000;

/** A worker that answers every run on the next microtask, as fast as a pool can deal. */
function instantWorker(listeners: PoolWorkerListeners) {
  return {
    postMessage(message: ToExperimentWorker) {
      if (message.type !== 'run') return;
      const outcome: RunOutcome = { index: message.index, seed: 0, status: 'ok', rows: [] };
      queueMicrotask(() => listeners.message({ type: 'outcome', outcome }));
    },
    terminate() {},
  };
}

/** Timers that never fire: the runs answer long before any deadline. */
const idleTimers = { now: () => 0, setTimer: () => null, clearTimer: () => {} };

describe('an experiment of 10^6 runs', () => {
  it('is queued and dealt without a crash, each run once', async () => {
    const indices = Array.from({ length: RUNS }, (_, i) => i);
    const outcomes = await runIndices({ document: {}, size: 4, createWorker: instantWorker, ...idleTimers }, indices);
    expect(outcomes).toHaveLength(RUNS);
    const seen = new Uint8Array(RUNS);
    for (const o of outcomes) seen[o.index]++;
    expect(seen.every((n) => n === 1)).toBe(true);
  }, 60_000);
});

describe('RunQueue', () => {
  it('gives indices back in order, a put-back one first, across its compactions', () => {
    const queue = new RunQueue();
    queue.pushAll(Array.from({ length: 5000 }, (_, i) => i));
    const out: number[] = [];
    for (let i = 0; i < 3000; i++) out.push(queue.shift()!);
    queue.unshift(2999);
    queue.pushAll([5000]);
    expect(queue.length).toBe(2002);
    for (let n = queue.length; n > 0; n--) out.push(queue.shift()!);
    expect(queue.shift()).toBeUndefined();
    expect(out.slice(2998, 3001)).toEqual([2998, 2999, 2999]);
    expect(out.at(-1)).toBe(5000);
    expect(out).toHaveLength(5002);
    queue.clear();
    queue.unshift(7);
    expect([queue.length, queue.shift()]).toEqual([1, 7]);
  });
});
