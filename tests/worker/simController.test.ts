import { describe, expect, it } from 'vitest';
import { defaultParams, validateParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { kMeans } from '../../src/models/kmeans';
import { findModel } from '../../src/models/registry';
import type { FrameMessage, FromWorker } from '../../src/worker/protocol';
import { SimController, type Scheduler } from '../../src/worker/simController';

/** A scheduler with a hand-driven clock: tests decide when time passes. */
class ManualScheduler implements Scheduler {
  time = 0;
  private queue: { at: number; fn: () => void; handle: number }[] = [];
  private next = 0;
  now = () => this.time;
  schedule = (fn: () => void, delay: number) => {
    const handle = this.next++;
    this.queue.push({ at: this.time + delay, fn, handle });
    return handle;
  };
  cancel = (handle: unknown) => {
    this.queue = this.queue.filter((q) => q.handle !== handle);
  };
  /** Runs due callbacks, advancing the clock by `ms` in total; each tick of work costs `costMs`. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const first = this.queue[0];
      if (!first || first.at > end) break;
      this.queue.shift();
      this.time = Math.max(this.time, first.at);
      first.fn();
    }
    this.time = end;
  }
  get pending(): number {
    return this.queue.length;
  }
}

function setupController() {
  const messages: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  const scheduler = new ManualScheduler();
  const controller = new SimController((m, t) => {
    messages.push(m);
    transfers.push(t);
  }, scheduler);
  const frames = () => messages.filter((m): m is FrameMessage => m.type === 'frame');
  const last = () => frames()[frames().length - 1];
  controller.handle({ type: 'setup', modelId: 'k-means', params: {}, seed: 1 });
  return { controller, messages, transfers, scheduler, frames, last };
}

/** A frame's packed rows as row objects (no value: null), as a run's reporters give them. */
function rowsOf(frame: FrameMessage): { tick: number; values: Record<string, number | null> }[] {
  const { names, ticks, values } = frame.rows;
  return Array.from(ticks, (tick, r) => ({
    tick,
    values: Object.fromEntries(
      names.map((name, k) => {
        const v = values[r * names.length + k];
        return [name, Number.isNaN(v) ? null : v];
      }),
    ),
  }));
}

describe('SimController', () => {
  it('sets up at tick 0 with the fingerprint, the reporters and the agents of a fresh Run', () => {
    const { last, transfers } = setupController();
    const run = Run.create(kMeans, defaultParams(kMeans.params), 1);
    const frame = last();
    expect(frame).toMatchObject({ tick: 0, status: 'paused', reset: true, fingerprint: run.fingerprint(), seed: 1 });
    expect(rowsOf(frame)).toEqual([{ tick: 0, values: run.reporters() }]);
    expect(frame.agents.points.count).toBe(400);
    expect(Array.from(frame.agents.points.columns.x)).toEqual(
      Array.from(run.world.agents.points.col.x.subarray(0, 400)),
    );
    // Only the columns the view draws travel, each exactly the live slice, transferred.
    expect(Object.keys(frame.agents.points.columns).sort()).toEqual(['cluster', 'x', 'y']);
    expect(Object.keys(frame.agents.centroids.columns).sort()).toEqual(['x', 'y']);
    expect(transfers[transfers.length - 1]).toHaveLength(9); // 5 columns + 2 id arrays + the rows' ticks and values
    expect(frame.agents.points.columns.x.length).toBe(400);
    expect(frame.inspected).toBeNull();
  });

  it('sends every attribute of the inspected agent with each frame', () => {
    const { controller, last } = setupController();
    controller.handle({ type: 'inspect', agent: { agents: 'centroids', id: 2 } });
    const run = Run.create(kMeans, defaultParams(kMeans.params), 1);
    expect(last().inspected).toEqual({
      agents: 'centroids',
      id: 2,
      values: { x: run.world.agents.centroids.col.x[2], y: run.world.agents.centroids.col.y[2], points: 0 },
      // k-means explains nothing.
      explanation: null,
    });
    controller.handle({ type: 'inspect', agent: { agents: 'centroids', id: 99 } });
    expect(last().inspected).toEqual({ agents: 'centroids', id: 99, values: null });
  });

  it('advances exactly one tick per Step, however many arrive at once', () => {
    const { controller, frames, last } = setupController();
    const before = frames().length;
    for (let i = 0; i < 3; i++) controller.handle({ type: 'step', count: 1 });
    expect(last().tick).toBe(3);
    expect(
      frames()
        .slice(before)
        .map((f) => f.tick),
    ).toEqual([1, 2, 3]);
    const run = Run.create(kMeans, defaultParams(kMeans.params), 1);
    run.runUntil(3);
    expect(last().fingerprint).toBe(run.fingerprint());
  });

  it('runs with Go, reports every tick in its rows, and stops at the stop condition', () => {
    const { controller, scheduler, frames, last } = setupController();
    controller.handle({ type: 'speed', ticksPerSecond: 10 });
    controller.handle({ type: 'go' });
    expect(last().status).toBe('running');
    expect(last().fingerprint).toBeNull();
    scheduler.advance(10_000);
    expect(last().status).toBe('stopped');
    expect(last().fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const ticks = frames().flatMap((f) => Array.from(f.rows.ticks));
    expect(ticks).toEqual(Array.from({ length: last().tick + 1 }, (_, i) => i));
    expect(scheduler.pending).toBe(0);
  });

  it('pauses: no more ticks, and the frame carries the fingerprint of the paused tick', () => {
    const { controller, scheduler, last } = setupController();
    controller.handle({ type: 'speed', ticksPerSecond: 1 });
    controller.handle({ type: 'go' });
    scheduler.advance(1500);
    controller.handle({ type: 'pause' });
    const paused = last();
    expect(paused.status).toBe('paused');
    scheduler.advance(10_000);
    expect(last()).toBe(paused);
    const run = Run.create(kMeans, defaultParams(kMeans.params), 1);
    run.runUntil(paused.tick);
    expect(paused.fingerprint).toBe(run.fingerprint());
  });

  it('with a limit, runs to it and waits there running (no fingerprint) until a later limit or a pause', () => {
    const { controller, scheduler, frames, last } = setupController();
    controller.handle({ type: 'setup', modelId: 'cloud-market', params: { customers: 200 }, seed: 2 });
    const setUp = frames().length - 1;
    controller.handle({ type: 'speed', ticksPerSecond: null });
    controller.handle({ type: 'go', until: 12 });
    scheduler.advance(1000);
    expect(last()).toMatchObject({ tick: 12, status: 'running', fingerprint: null });
    expect(scheduler.pending).toBe(0);
    const waiting = frames().length;
    scheduler.advance(1000);
    expect(frames().length).toBe(waiting);
    // A later limit sent to the waiting run: on to it, every tick in the rows.
    controller.handle({ type: 'go', until: 30 });
    scheduler.advance(1000);
    expect(last()).toMatchObject({ tick: 30, status: 'running' });
    const ticks = frames()
      .slice(setUp)
      .flatMap((f) => Array.from(f.rows.ticks));
    expect(ticks).toEqual(Array.from({ length: 31 }, (_, i) => i));
    // A limit sent while it runs moves the limit without restarting it; a pause answers with the fingerprint.
    controller.handle({ type: 'speed', ticksPerSecond: 100 });
    controller.handle({ type: 'go', until: 40 });
    controller.handle({ type: 'go', until: 35 });
    scheduler.advance(5000);
    expect(last()).toMatchObject({ tick: 35, status: 'running' });
    controller.handle({ type: 'pause' });
    const market = findModel('cloud-market')!;
    const params = validateParams(market.params, { customers: 200 });
    const run = Run.create(market, params.ok ? params.value : defaultParams(market.params), 2);
    run.runUntil(35);
    expect(last()).toMatchObject({ tick: 35, status: 'paused', fingerprint: run.fingerprint() });
    // Go without a limit runs on as ever.
    controller.handle({ type: 'go' });
    scheduler.advance(2000);
    expect(last().tick).toBeGreaterThan(100);
  });

  it('as fast as possible, batches ticks into slices instead of posting a frame per tick', () => {
    const { controller, scheduler, frames } = setupController();
    controller.handle({
      type: 'setup',
      modelId: 'k-means',
      params: { numDataPoints: 1000, movementThreshold: 0 },
      seed: 3,
    });
    controller.handle({ type: 'speed', ticksPerSecond: null });
    const before = frames().length;
    controller.handle({ type: 'go' });
    scheduler.advance(0);
    // The manual clock does not move during a slice, so the first slice runs to the end.
    const after = frames().slice(before);
    expect(after.length).toBe(1);
    expect(after[0].rows.ticks.length).toBeGreaterThan(1);
  });

  it('as fast as possible, posts a frame at most every 33 ms however short the slices, and one where it stops', () => {
    const { controller, scheduler, frames } = setupController();
    controller.handle({ type: 'setup', modelId: 'cloud-market', params: { customers: 100 }, seed: 5 });
    const setUp = frames().length - 1;
    controller.handle({ type: 'speed', ticksPerSecond: null });
    // Every reading of the clock takes 4 ms: a slice (12 ms) is a tick or two.
    const { now, schedule } = scheduler;
    scheduler.now = () => (scheduler.time += 4);
    let slices = 1;
    scheduler.schedule = (fn, delay) => {
      slices++;
      return schedule(fn, delay);
    };
    controller.handle({ type: 'go', until: 200 });
    scheduler.advance(100_000);
    scheduler.now = now;
    const running = frames().slice(setUp + 1);
    expect(running.at(-1)).toMatchObject({ tick: 200, status: 'running' });
    // A slice takes some 20 ms of this clock: a frame every second slice or so (and the last, at the limit).
    expect(slices).toBeGreaterThan(60);
    expect(running.length).toBeLessThan(slices * 0.6);
    const ticks = frames()
      .slice(setUp)
      .flatMap((f) => Array.from(f.rows.ticks));
    expect(ticks).toEqual(Array.from({ length: 201 }, (_, i) => i));
  });

  it('reports bad input as an error and keeps the current run', () => {
    const { controller, messages, last } = setupController();
    const fingerprint = last().fingerprint;
    controller.handle({ type: 'setup', modelId: 'k-means', params: { numCentroids: 0 }, seed: 1 });
    controller.handle({ type: 'setup', modelId: 'nope', params: {}, seed: 1 });
    controller.handle({ type: 'setLive', params: { numCentroids: 3 } });
    const errors = messages.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message);
    expect(errors).toEqual([
      'numCentroids: must be an integer from 1 to 20, got 0',
      'Unknown model "nope"',
      'numCentroids: takes effect at the next Setup',
    ]);
    controller.handle({ type: 'step', count: 1 });
    expect(last().tick).toBe(1);
    expect(last().fingerprint).not.toBe(fingerprint);
  });

  it('applies a live parameter to the running model', () => {
    const { controller, scheduler, last } = setupController();
    controller.handle({ type: 'setLive', params: { movementThreshold: 10 } });
    controller.handle({ type: 'go' });
    scheduler.advance(5000);
    // With a threshold of 10 units the centroids settle almost at once.
    expect(last().status).toBe('stopped');
    expect(last().tick).toBeLessThanOrEqual(2);
  });
});

describe('SimController speed', () => {
  it('gives the same state at the same tick whatever the speed (cloud market)', () => {
    const fingerprintAt = (ticksPerSecond: number | null) => {
      const frames: FrameMessage[] = [];
      const scheduler = new ManualScheduler();
      const controller = new SimController((m) => {
        if (m.type === 'frame') frames.push(m);
      }, scheduler);
      controller.handle({ type: 'setup', modelId: 'cloud-market', params: { customers: 300 }, seed: 4 });
      controller.handle({ type: 'speed', ticksPerSecond });
      controller.handle({ type: 'go' });
      while (frames[frames.length - 1].tick < 40) scheduler.advance(50);
      controller.handle({ type: 'pause' });
      // Each speed pauses at its own tick: compare with a straight run to that tick.
      const tick = frames[frames.length - 1].tick;
      const model = findModel('cloud-market')!;
      const params = validateParams(model.params, { customers: 300 });
      const run = Run.create(model, params.ok ? params.value : defaultParams(model.params), 4);
      run.runUntil(tick);
      return { shown: frames[frames.length - 1].fingerprint, straight: run.fingerprint() };
    };
    for (const speed of [1000, null]) {
      const { shown, straight } = fingerprintAt(speed);
      expect(shown).toBe(straight);
    }
  });
});

describe('SimController heartbeat', () => {
  it('answers a ping, and announces a tick as slow as the last one before starting it', () => {
    const { controller, messages, scheduler } = setupController();
    messages.length = 0;
    controller.handle({ type: 'ping' });
    expect(messages).toEqual([{ type: 'pong' }]);
    // Every reading of the clock is 600 ms later: each tick measures 600 ms.
    scheduler.now = () => (scheduler.time += 600);
    controller.handle({ type: 'step', count: 3 });
    expect(messages.map((m) => m.type)).toEqual(['pong', 'busy', 'busy', 'frame']);
    expect(messages[1]).toEqual({ type: 'busy', expectedMs: 600 });
    // A Setup of normal size is announced as short (a looping one is noticed within seconds), and
    // the first tick is expected to take as long as it did.
    messages.length = 0;
    controller.handle({ type: 'setup', modelId: 'k-means', params: {}, seed: 2 });
    expect(messages).toMatchObject([{ type: 'busy', expectedMs: 500 }, { type: 'frame' }]);
    scheduler.now = () => scheduler.time;
    controller.handle({ type: 'step', count: 2 });
    expect(messages.slice(2)).toMatchObject([
      { type: 'busy', expectedMs: 600 },
      { type: 'frame', tick: 2 },
    ]);
  });
});

describe('SimController and big work', () => {
  it('announces an estimated Setup as long as its estimate, and one of normal size as short', () => {
    const { controller, messages } = setupController();
    expect(messages[0]).toEqual({ type: 'busy', expectedMs: 500 });
    messages.length = 0;
    controller.handle({
      type: 'setup',
      modelId: 'k-means',
      params: {},
      seed: 2,
      pace: { setupMs: 90_000, tickMs: 10 },
    });
    expect(messages[0]).toEqual({ type: 'busy', expectedMs: 90_000 });
  });

  it('estimates a scenario without touching the run on display', () => {
    const { controller, messages, last, scheduler } = setupController();
    controller.handle({ type: 'step', count: 2 });
    const before = last();
    messages.length = 0;
    // Every reading of the clock is 20 ms later: the calibrations spend their budgets in a few ticks.
    scheduler.now = () => (scheduler.time += 20);
    controller.handle({ type: 'estimate', modelId: 'flocking', params: { birds: 100_000 }, seed: 1 });
    const pace = messages.find((m) => m.type === 'pace');
    expect(pace).toMatchObject({ pace: { approximate: true, pace: { worldBytes: 100_000 * 41 } } });
    controller.handle({ type: 'estimate', modelId: 'flocking', params: { birds: -1 }, seed: 1 });
    expect(messages.at(-1)).toEqual({ type: 'pace', pace: null });
    controller.handle({ type: 'step', count: 1 });
    expect(last()).toMatchObject({ tick: 3, runId: before.runId });
  });

  it('asks before Go to a far horizon of a big run, and runs once confirmed; never for a normal run', () => {
    const { controller, messages, scheduler, last } = setupController();
    const market = { modelId: 'cloud-market', params: { customers: 300, years: 30 }, seed: 1 } as const;
    controller.handle({ type: 'setup', ...market });
    controller.handle({ type: 'go' });
    expect(last().status).toBe('running');
    controller.handle({ type: 'pause' });
    // Estimated at 100 ms a day: 10,950 days take about 18 min.
    controller.handle({ type: 'setup', ...market, pace: { setupMs: 1000, tickMs: 100 } });
    const since = messages.length;
    controller.handle({ type: 'go' });
    expect(messages.slice(since)).toEqual([{ type: 'ask', estimate: { ms: 1_095_000, bytes: expect.any(Number) } }]);
    scheduler.advance(1000);
    expect(last()).toMatchObject({ tick: 0, status: 'paused' });
    controller.handle({ type: 'go', confirmed: true });
    expect(last().status).toBe('running');
    controller.handle({ type: 'pause' });
    const again = messages.length;
    controller.handle({ type: 'go' });
    expect(messages.slice(again).some((m) => m.type === 'ask')).toBe(false);
    expect(last().status).toBe('running');
    controller.handle({ type: 'pause' });
  });

  it('sends a snapshot with a paused frame, from which a new controller resumes exactly', () => {
    const { controller, last } = setupController();
    // Not the Setup's first frame: a Setup replays it, and starts no slower for the snapshot.
    expect(last().snapshot).toBeUndefined();
    controller.handle({ type: 'step', count: 3 });
    const paused = last();
    expect(paused.snapshot?.tick).toBe(3);
    const other = setupController();
    other.controller.handle({ type: 'restore', snapshot: paused.snapshot! });
    expect(other.last()).toMatchObject({ tick: 3, fingerprint: paused.fingerprint, reset: true });
    controller.handle({ type: 'step', count: 2 });
    other.controller.handle({ type: 'step', count: 2 });
    expect(other.last().fingerprint).toBe(last().fingerprint);
  });
});

describe('SimController time travel', () => {
  function market() {
    const messages: FromWorker[] = [];
    const controller = new SimController((m) => messages.push(m), new ManualScheduler());
    const last = () => messages.filter((m): m is FrameMessage => m.type === 'frame').at(-1)!;
    controller.handle({ type: 'setup', modelId: 'cloud-market', params: { customers: 300, years: 1 }, seed: 3 });
    return { controller, last, messages };
  }
  const checked = validateParams(findModel('cloud-market')!.params, { customers: 300, years: 1 });
  if (!checked.ok) throw new Error('bad params');
  const straight = (tick: number, changes: { tick: number; param: string; value: unknown }[] = []) => {
    const run = Run.create(findModel('cloud-market')!, checked.value, 3, changes);
    run.runUntil(tick);
    return run;
  };

  it('shows a past day with its fingerprint and its plots up to that day, and goes on from it as before', () => {
    const { controller, last } = market();
    controller.handle({ type: 'step', count: 50 });
    const at50 = last().fingerprint;
    controller.handle({ type: 'seek', tick: 17 });
    const shown = last();
    expect(shown).toMatchObject({ tick: 17, reset: true, reached: 50, fingerprint: straight(17).fingerprint() });
    expect(Array.from(shown.rows.ticks)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(rowsOf(shown)[17].values).toEqual(straight(17).reporters());
    controller.handle({ type: 'seek', tick: 999 });
    expect(last()).toMatchObject({ tick: 50, fingerprint: at50 });
    controller.handle({ type: 'seek', tick: 30 });
    controller.handle({ type: 'step', count: 20 });
    expect(last()).toMatchObject({ tick: 50, reached: 50, fingerprint: at50, reset: false });
  });

  it('keeps a live change made later when going on from an earlier day, and takes a new course after one made there', () => {
    const { controller, last } = market();
    controller.handle({ type: 'step', count: 20 });
    controller.handle({ type: 'setLive', params: { 'vendors#2.strategy': 'profit' } });
    controller.handle({ type: 'step', count: 20 });
    const withChange = straight(40, [{ tick: 20, param: 'vendors#2.strategy', value: 'profit' }]);
    expect(last().fingerprint).toBe(withChange.fingerprint());
    controller.handle({ type: 'seek', tick: 5 });
    controller.handle({ type: 'step', count: 35 });
    expect(last().fingerprint).toBe(withChange.fingerprint());
    // A change at day 10: the days after it are no longer reached.
    controller.handle({ type: 'seek', tick: 10 });
    controller.handle({ type: 'setLive', params: { choiceNoise: 2 } });
    controller.handle({ type: 'step', count: 1 });
    expect(last().reached).toBe(11);
  });
});

describe('SimController time travel after a restore', () => {
  it('shows no day before the restored one: a replaced worker holds no earlier snapshot or rows', () => {
    const { controller, last } = setupController();
    controller.handle({ type: 'step', count: 3 });
    const paused = last();
    const other = setupController();
    other.controller.handle({ type: 'restore', snapshot: paused.snapshot! });
    other.controller.handle({ type: 'step', count: 2 });
    other.controller.handle({ type: 'seek', tick: 0 });
    const shown = other.last();
    expect(shown).toMatchObject({ tick: 3, fingerprint: paused.fingerprint, reset: true, reached: 5 });
    expect(Array.from(shown.rows.ticks)).toEqual([3]);
  });
});
