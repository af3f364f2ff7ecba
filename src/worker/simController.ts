/**
 * Drives one `Run` for the live view: executes commands, paces ticks at the chosen speed and
 * posts frames. Knows nothing of `self` or the DOM; the clock and timer are injected, so the
 * same controller runs in the worker, in-process as a fallback, and in unit tests.
 */
import { calibrateScenario } from '../core/calibrationSize';
import { judge, runEstimate } from '../core/estimate';
import { validateParams } from '../core/params';
import { packRows } from '../core/recorder';
import { Run, type Snapshot } from '../core/run';
import { checkTimedChanges, type TimedChange } from '../core/timedChanges';
import { Timeline, TIMELINE_BYTES } from '../core/timeline';
import type { AgentSet, Column } from '../core/world';
import { findModel } from '../models/registry';
import type { AgentRef, AgentSetFrame, FromWorker, InspectedAgent, ReporterRow, RunStatus, ToWorker } from './protocol';
import { viewColumns } from './viewColumns';

export interface Scheduler {
  /** Milliseconds from an arbitrary origin; used only for pacing, never by the model. */
  now(): number;
  schedule(fn: () => void, delayMs: number): unknown;
  cancel(handle: unknown): void;
}

export type Post = (message: FromWorker, transfer: Transferable[]) => void;

/** Work per slice when running as fast as possible: long enough to batch ticks, short enough to stay responsive. */
const SLICE_MS = 12;
/**
 * Frames per second at most at finite speeds: the view draws at most 20 per second, and each
 * frame costs the main thread a message, a store update and the monitors' re-render.
 */
const MAX_FRAME_RATE = 30;
/**
 * A tick that took at least this long (ms) is announced before the next one (a `busy`
 * message), so the client's watchdog tells a heavy model from a hung worker.
 */
const BUSY_NOTICE_MS = 500;
/**
 * What a Setup of a normal size is announced to take (ms): a few seconds pass before a looping
 * one counts as hung. A big one (beyond the sliders' range) was estimated first and brings its
 * own estimate (`pace`).
 */
const NORMAL_SETUP_MS = 500;
/** What an estimate is announced to take (ms): a few calibrations at reduced size. */
const ESTIMATE_ALLOWANCE_MS = 10_000;
/**
 * As fast as possible, a frame at most this often (ms), however short the slices: each frame
 * costs the main thread a message, a copy of the drawn columns and a store update, and the
 * view draws at most 20 per second (two runs compared send twice as many).
 */
const FASTEST_FRAME_MS = 33;
/** While running, a frame carries a snapshot at most this often (ms): copying the world costs. */
const SNAPSHOT_MS = 5000;

export class SimController {
  private run: Run | null = null;
  private runId = 0;
  private running = false;
  private ticksPerSecond: number | null = 30;
  private timer: unknown = null;
  private rows: ReporterRow[] = [];
  /** Snapshots of the run, to show past days again. */
  private timeline = new Timeline({ budgetBytes: TIMELINE_BYTES });
  /** Every tick's reporters up to the latest tick reached, by tick: the plots of a day shown again. */
  private history: ReporterRow[] = [];
  private reset = false;
  private drawn = new Map<string, Set<string>>();
  private inspected: AgentRef | null = null;
  /** How long the last tick took (ms): the expected length of the next one. */
  private tickMs = 0;
  /** The run was estimated big before its Setup: Go to a far horizon asks first, until confirmed once. */
  private big = false;
  /** A tick's expected length for estimating Go: the estimate's until a tick was measured. */
  private paceTickMs = 0;
  private goConfirmed = false;
  private lastSnapshotAt = -Infinity;
  private lastFrameAt = -Infinity;
  /** The tick a running run waits at (a lock-step's budget, see `go`); Infinity: none. */
  private until = Infinity;

  constructor(
    private readonly post: Post,
    private readonly scheduler: Scheduler,
  ) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'setup':
        return this.setup(message.modelId, message.params, message.seed, message.changes ?? [], message.pace);
      case 'estimate':
        return this.estimate(message.modelId, message.params, message.seed);
      case 'restore':
        return this.restore(message.snapshot);
      case 'step':
        return this.stepMany(message.count);
      case 'go':
        return this.go(message.confirmed ?? false, message.until ?? Infinity);
      case 'pause':
        return this.pause();
      case 'speed':
        this.ticksPerSecond = message.ticksPerSecond;
        return;
      case 'setLive':
        return this.setLive(message.params);
      case 'seek':
        return this.seek(message.tick);
      case 'inspect':
        this.inspected = message.agent;
        if (!this.running) this.postFrame();
        return;
      case 'ping':
        return this.post({ type: 'pong' }, []);
    }
  }

  private setup(
    modelId: string,
    params: Record<string, unknown>,
    seed: number,
    changes: readonly TimedChange[],
    pace: { setupMs: number; tickMs: number } | undefined,
  ): void {
    this.stop();
    const model = findModel(modelId);
    if (!model) return this.error(`Unknown model "${modelId}"`);
    const checked = validateParams(model.params, params);
    if (!checked.ok) return this.error(checked.errors.map((e) => e.message).join('; '));
    const timed = checkTimedChanges(model, checked.value, changes);
    if (!timed.ok) return this.error(timed.errors.map((e) => e.message).join('; '));
    this.post({ type: 'busy', expectedMs: pace?.setupMs ?? NORMAL_SETUP_MS }, []);
    const start = this.scheduler.now();
    try {
      this.run = Run.create(model, checked.value, seed, timed.value);
    } catch (e) {
      this.run = null;
      return this.error((e as Error).message);
    }
    // The first tick is expected to take about as long as the Setup (both visit every agent).
    this.paceTickMs = pace?.tickMs ?? 0;
    this.started(Math.max(this.scheduler.now() - start, this.paceTickMs), pace !== undefined);
  }

  /** A run was set up or restored: its first frame starts the view and plots afresh. */
  private started(tickMs: number, big: boolean): void {
    const run = this.run!;
    this.runId++;
    this.tickMs = tickMs;
    this.big = big;
    this.goConfirmed = false;
    this.drawn = viewColumns(run.model.portrayal(run.params));
    this.inspected = null;
    this.rows = [];
    this.history = [];
    this.timeline = new Timeline({ budgetBytes: TIMELINE_BYTES });
    this.reset = true;
    this.record();
    this.postFrame();
  }

  private estimate(modelId: string, params: Record<string, unknown>, seed: number): void {
    const model = findModel(modelId);
    const checked = model && validateParams(model.params, params);
    if (!model || !checked?.ok) return this.post({ type: 'pace', pace: null }, []);
    this.post({ type: 'busy', expectedMs: ESTIMATE_ALLOWANCE_MS }, []);
    this.post({ type: 'pace', pace: calibrateScenario(model, checked.value, seed, this.scheduler.now) }, []);
  }

  private restore(snapshot: Snapshot): void {
    this.stop();
    const model = findModel(snapshot.modelId);
    if (!model) return this.error(`Unknown model "${snapshot.modelId}"`);
    this.post({ type: 'busy', expectedMs: NORMAL_SETUP_MS }, []);
    try {
      this.run = Run.restore(model, snapshot);
    } catch (e) {
      this.run = null;
      return this.error((e as Error).message);
    }
    this.started(0, false);
  }

  /** Goes back (or forth, up to the latest tick reached) to `tick`, restoring and replaying from the timeline. */
  private seek(tick: number): void {
    const run = this.run;
    if (!run) return;
    this.stop();
    // After a restore (a replaced worker) the timeline and the rows begin at the restored day.
    const earliest = this.timeline.ticks[0] ?? run.tick;
    const day = Math.max(earliest, Math.min(Math.floor(tick), this.history.length - 1));
    // The run's changes go along: Go from the day shown replays those made after its snapshot.
    const shown = day === run.tick ? run : this.timeline.seek(run.model, day, run.timedChanges);
    if (!shown) return this.error(`day ${day} cannot be shown again`);
    this.run = shown;
    this.rows = this.history.slice(earliest, shown.tick + 1);
    this.reset = true;
    this.postFrame();
  }

  private stepMany(count: number): void {
    if (!this.run) return;
    this.stop();
    for (let i = 0; i < count && this.tick(this.run); i++);
    this.postFrame();
  }

  private go(confirmed: boolean, until: number): void {
    if (!this.run) return;
    this.until = until;
    if (this.running) {
      // Waiting at the former limit (no slice scheduled): on again.
      if (this.timer === null) this.slice();
      return;
    }
    if (this.run.done) return this.postFrame();
    if (confirmed) this.goConfirmed = true;
    if (this.big && !this.goConfirmed) {
      // The plots keep a row of every reporter per tick until the horizon.
      const estimate = runEstimate(
        { setupMs: 0, tickMs: this.paceTickMs, worldBytes: 0 },
        this.run.horizon - this.run.tick,
        this.run.reporterDecls.length,
      );
      if (Number.isFinite(estimate.ms) && judge(estimate) !== 'go') return this.post({ type: 'ask', estimate }, []);
    }
    this.running = true;
    this.slice();
  }

  private pause(): void {
    if (!this.running) return;
    this.stop();
    this.postFrame();
  }

  private setLive(params: Record<string, unknown>): void {
    if (!this.run) return;
    const result = this.run.setLiveParams(params);
    if (!result.ok) return this.error(result.errors.map((e) => e.message).join('; '));
    // The run takes another course from this tick: later days, and the snapshot of this one, no longer hold.
    const tick = this.run.tick;
    this.timeline.dropAfter(tick - 1);
    this.timeline.record(this.run);
    this.history.length = tick + 1;
    this.history[tick] = { tick, values: this.run.reporters() };
    this.post({ type: 'changed', changes: result.value }, []);
  }

  /** One slice of a running model: some ticks, then one frame, then the next slice is scheduled. */
  private slice(): void {
    this.timer = null;
    const run = this.run;
    if (!this.running || !run) return;
    let delay: number;
    if (this.ticksPerSecond === null) {
      const start = this.scheduler.now();
      do {
        if (run.tick >= this.until || !this.tick(run)) break;
      } while (this.scheduler.now() - start < SLICE_MS);
      delay = 0;
    } else {
      // Above MAX_FRAME_RATE ticks/s, several ticks share one frame.
      const perSlice = Math.max(1, Math.ceil(this.ticksPerSecond / MAX_FRAME_RATE));
      for (let i = 0; i < perSlice && run.tick < this.until && this.tick(run); i++);
      delay = (1000 * perSlice) / this.ticksPerSecond;
    }
    if (run.done) this.running = false;
    // At the limit the run waits, still running, for a `go` that moves it.
    const goesOn = this.running && run.tick < this.until;
    // The rows of slices without a frame go with the next one.
    if (!goesOn || this.ticksPerSecond !== null || this.scheduler.now() - this.lastFrameAt >= FASTEST_FRAME_MS) {
      this.postFrame();
    }
    if (goesOn) this.timer = this.scheduler.schedule(() => this.slice(), delay);
  }

  /** One tick, timed and recorded; false once the run is done. A tick expected to be slow is announced first. */
  private tick(run: Run): boolean {
    if (this.tickMs >= BUSY_NOTICE_MS) this.post({ type: 'busy', expectedMs: this.tickMs }, []);
    const start = this.scheduler.now();
    if (!run.step()) return false;
    this.tickMs = this.paceTickMs = this.scheduler.now() - start;
    this.record();
    return true;
  }

  private stop(): void {
    this.running = false;
    if (this.timer !== null) this.scheduler.cancel(this.timer);
    this.timer = null;
  }

  private record(): void {
    const run = this.run!;
    const row = { tick: run.tick, values: run.reporters() };
    this.rows.push(row);
    // After a seek the run replays days already reached: the same rows, as the replay is exact.
    this.history[run.tick] = row;
    this.timeline.record(run);
  }

  private status(run: Run): RunStatus {
    if (this.running) return 'running';
    if (!run.done) return 'paused';
    return run.tick >= run.horizon ? 'horizon' : 'stopped';
  }

  private postFrame(): void {
    const run = this.run;
    if (!run) return;
    const transfer: Transferable[] = [];
    const agents: Record<string, AgentSetFrame> = {};
    for (const [name, set] of Object.entries(run.world.agents) as [string, AgentSet][]) {
      const drawn = this.drawn.get(name);
      if (!drawn) continue;
      const columns: Record<string, Column> = {};
      for (const [key, column] of Object.entries(set.col as Record<string, Column>)) {
        if (!drawn.has(key)) continue;
        const copy = column.slice(0, set.count);
        columns[key] = copy;
        transfer.push(copy.buffer);
      }
      const ids = set.ids.slice(0, set.count);
      transfer.push(ids.buffer);
      agents[name] = { count: set.count, ids, columns };
    }
    const rows = packRows(this.rows);
    transfer.push(rows.ticks.buffer, rows.values.buffer);
    const status = this.status(run);
    this.lastFrameAt = this.scheduler.now();
    this.post(
      {
        type: 'frame',
        runId: this.runId,
        reset: this.reset,
        tick: run.tick,
        status,
        rows,
        agents,
        fingerprint: status === 'running' ? null : run.fingerprint(),
        inspected: this.inspectedAgent(run),
        seed: run.seed,
        snapshot: this.snapshotDue(status) ? run.snapshot() : undefined,
        reached: this.history.length - 1,
      },
      transfer,
    );
    this.rows = [];
    this.reset = false;
  }

  /**
   * Whether this frame carries a snapshot. Not the first after a Setup: the Setup replays that
   * state exactly, and a Setup of normal size must start no slower than before (issue 18).
   */
  private snapshotDue(status: RunStatus): boolean {
    if (this.reset) return false;
    const now = this.scheduler.now();
    if (status === 'running' && now - this.lastSnapshotAt < SNAPSHOT_MS) return false;
    this.lastSnapshotAt = now;
    return true;
  }

  private inspectedAgent(run: Run): InspectedAgent | null {
    if (!this.inspected) return null;
    const set = (run.world.agents as Record<string, AgentSet>)[this.inspected.agents];
    const index = set ? set.ids.subarray(0, set.count).indexOf(this.inspected.id) : -1;
    if (index < 0) return { ...this.inspected, values: null };
    const values: Record<string, number> = {};
    for (const [key, column] of Object.entries(set.col as Record<string, Column>)) values[key] = column[index];
    return { ...this.inspected, values, explanation: run.explain(this.inspected.agents, index) };
  }

  private error(message: string): void {
    this.post({ type: 'error', message }, []);
  }
}
