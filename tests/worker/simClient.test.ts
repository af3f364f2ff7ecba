import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../src/core/run';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { DEADLINE_MS, SimClient, type SimHost, type SimWorkerListeners } from '../../src/worker/simClient';

/** A simulation worker the test drives: it answers pings unless told to hang. */
class FakeWorker {
  readonly received: ToWorker[] = [];
  terminated = false;
  hung = false;
  constructor(readonly listeners: SimWorkerListeners) {}
  postMessage(message: ToWorker): void {
    this.received.push(message);
    if (message.type === 'ping' && !this.hung) queueMicrotask(() => this.listeners.message({ type: 'pong' }));
  }
  terminate(): void {
    this.terminated = true;
  }
  say(message: FromWorker): void {
    this.listeners.message(message);
  }
}

const frame = { type: 'frame', runId: 1, reset: true, tick: 0, status: 'paused' } as unknown as FromWorker;
const setupMessage: ToWorker = { type: 'setup', modelId: 'flocking', params: { birds: 5 }, seed: 3 };

function client() {
  const workers: FakeWorker[] = [];
  const crashes: { reason: string; lost: boolean; resumedAt: number | null }[] = [];
  const messages: FromWorker[] = [];
  const host: SimHost = {
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    createWorker: (listeners) => {
      const worker = new FakeWorker(listeners);
      workers.push(worker);
      return worker;
    },
  };
  const sim = new SimClient(
    {
      onMessage: (m) => messages.push(m),
      onCrash: (reason, lost, resumedAt) => crashes.push({ reason, lost, resumedAt }),
    },
    host,
  );
  return { sim, workers, crashes, messages, current: () => workers[workers.length - 1] };
}

describe('SimClient watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a worker that answers its pings, and passes on only what the UI needs', async () => {
    const { sim, workers, crashes, messages, current } = client();
    sim.send(setupMessage);
    current().say(frame);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(1);
    expect(crashes).toEqual([]);
    expect(current().received.filter((m) => m.type === 'ping').length).toBeGreaterThanOrEqual(30);
    expect(messages).toEqual([frame]);
    sim.dispose();
  });

  it('replaces a hung worker within the deadline and sets the new one up with the last Setup', async () => {
    const { sim, workers, crashes, current } = client();
    sim.send({ type: 'speed', ticksPerSecond: 10 });
    sim.send(setupMessage);
    current().say(frame);
    await vi.advanceTimersByTimeAsync(3000);
    workers[0].hung = true;
    await vi.advanceTimersByTimeAsync(DEADLINE_MS + 500);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(crashes).toEqual([
      { reason: expect.stringMatching(/^no answer for [45] s$/), lost: false, resumedAt: null },
    ]);
    expect(current().received).toEqual([{ type: 'speed', ticksPerSecond: 10 }, setupMessage]);
    sim.send({ type: 'step', count: 1 });
    expect(current().received.at(-1)).toEqual({ type: 'step', count: 1 });
    sim.dispose();
  });

  it('waits for work the worker announced, and no longer than its slack', async () => {
    const { sim, workers, crashes, current } = client();
    sim.send(setupMessage);
    current().say(frame);
    current().hung = true;
    // A tick of about 10 s is coming: silence up to DEADLINE + 3 × 10 s is a busy worker, not a hung one.
    current().say({ type: 'busy', expectedMs: 10_000 });
    await vi.advanceTimersByTimeAsync(DEADLINE_MS + 30_000 - 1000);
    expect(workers).toHaveLength(1);
    expect(crashes).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(workers).toHaveLength(2);
    sim.dispose();
  });

  it('forgets announced work once the worker speaks again', async () => {
    const { sim, workers, current } = client();
    current().say({ type: 'busy', expectedMs: 600_000 });
    current().say(frame);
    current().hung = true;
    await vi.advanceTimersByTimeAsync(DEADLINE_MS + 2000);
    expect(workers).toHaveLength(2);
    sim.dispose();
  });

  it('replaces a worker that reports an error at once', () => {
    const { sim, workers, crashes, current } = client();
    sim.send(setupMessage);
    current().listeners.failed('out of memory');
    expect(workers).toHaveLength(2);
    expect(crashes).toEqual([{ reason: 'out of memory', lost: false, resumedAt: null }]);
    expect(current().received).toEqual([setupMessage]);
    // The replaced worker is deaf: its late messages change nothing.
    workers[0].listeners.failed('again');
    expect(workers).toHaveLength(2);
    sim.dispose();
  });

  it('does not resend a Setup that killed the worker it was resent to', () => {
    const { sim, workers, crashes, current } = client();
    sim.send(setupMessage);
    current().listeners.failed('boom');
    current().listeners.failed('boom');
    expect(workers).toHaveLength(3);
    expect(crashes.map((c) => c.lost)).toEqual([false, true]);
    expect(current().received).toEqual([]);
    // A frame proves a healthy run: the next failure is resent again.
    sim.send(setupMessage);
    current().say(frame);
    current().listeners.failed('boom');
    expect(crashes.at(-1)!.lost).toBe(false);
    sim.dispose();
  });

  it('resumes a replaced worker from the last snapshot since the Setup, not from the Setup', () => {
    const { sim, crashes, current } = client();
    sim.send(setupMessage);
    const snapshot = { tick: 7 } as unknown as Snapshot;
    current().say({ ...frame, tick: 7, snapshot } as FromWorker);
    current().say({ ...frame, tick: 8 } as FromWorker);
    current().listeners.failed('boom');
    expect(current().received).toEqual([{ type: 'restore', snapshot }]);
    expect(crashes).toEqual([{ reason: 'boom', lost: false, resumedAt: 7 }]);
    // A new Setup makes the old state stale: the next replacement sets up again.
    sim.send(setupMessage);
    current().say(frame);
    current().listeners.failed('boom');
    expect(current().received).toEqual([setupMessage]);
    expect(crashes.at(-1)).toEqual({ reason: 'boom', lost: false, resumedAt: null });
    sim.dispose();
  });

  it('runs in-process where workers cannot start', () => {
    const messages: FromWorker[] = [];
    const sim = new SimClient(
      { onMessage: (m) => messages.push(m), onCrash: () => {} },
      {
        now: () => 0,
        setTimer: () => 0,
        clearTimer: () => {},
        createWorker: () => {
          throw new Error('no workers here');
        },
      },
    );
    sim.send({ type: 'setup', modelId: 'k-means', params: {}, seed: 1 });
    expect(messages.find((m) => m.type === 'frame')).toMatchObject({ tick: 0, seed: 1 });
  });
});
