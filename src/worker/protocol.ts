/**
 * Messages between the UI and the simulation worker. Commands flow UI → worker and are never
 * dropped (each `step` advances exactly one tick); frames flow worker → UI and the UI draws
 * only the newest (latest state wins).
 */
import type { ScenarioPace } from '../core/calibrationSize';
import type { Estimate } from '../core/estimate';
import type { PackedRows } from '../core/recorder';
import type { Explanation } from '../core/model';
import type { Reporters, Snapshot } from '../core/run';
import type { TimedChange } from '../core/timedChanges';
import type { Column } from '../core/world';

export type ToWorker =
  /**
   * Builds a new run; params and timed changes are validated in the worker with the shared
   * validators, and the run replays the changes at their ticks.
   */
  | {
      readonly type: 'setup';
      readonly modelId: string;
      readonly params: Record<string, unknown>;
      readonly seed: number;
      /** Omitted: none. */
      readonly changes?: readonly TimedChange[];
      /**
       * The scenario's estimated pace at full size (ms), when it was estimated before (a big
       * scenario): the watchdog then allows its Setup that long, and Go to a far horizon asks.
       */
      readonly pace?: { readonly setupMs: number; readonly tickMs: number };
    }
  /** Estimates a Setup of this scenario (see calibrationSize.ts) without touching the run: answered by `pace`. */
  | {
      readonly type: 'estimate';
      readonly modelId: string;
      readonly params: Record<string, unknown>;
      readonly seed: number;
    }
  /** Resumes a run from a snapshot a frame carried (after a worker was replaced). */
  | { readonly type: 'restore'; readonly snapshot: Snapshot }
  /** Advances exactly `count` ticks, or to the stop condition (pauses first if running). */
  | { readonly type: 'step'; readonly count: number }
  /**
   * Runs on; a long run to its horizon is first answered by `ask`, unless `confirmed`. With
   * `until`, runs to that tick at most and waits there, still running, for a `go` with a later
   * one (a comparison's lock-step: see ui/compare/lockStep.ts); sent while running, it moves the limit.
   */
  | { readonly type: 'go'; readonly confirmed?: boolean; readonly until?: number }
  | { readonly type: 'pause' }
  /** Ticks per second; null = as fast as possible. */
  | { readonly type: 'speed'; readonly ticksPerSecond: number | null }
  /**
   * Changes live parameters or live table cells (by path, see timedChanges.ts) in the running
   * model at its current tick; the worker answers with the timed changes it made.
   */
  | { readonly type: 'setLive'; readonly params: Record<string, unknown> }
  /**
   * Shows day `tick` again (at most the latest day reached): the run goes back to it from its
   * timeline of snapshots, and Go continues from there. Answered by a frame with `reset` whose
   * rows are every tick up to the day.
   */
  | { readonly type: 'seek'; readonly tick: number }
  /** Follows one agent: every frame then carries all its attributes (null stops). */
  | { readonly type: 'inspect'; readonly agent: AgentRef | null }
  /** The client's heartbeat: the worker answers `pong` as soon as it is free. */
  | { readonly type: 'ping' };

/** One agent, by agent set and stable id. */
export interface AgentRef {
  readonly agents: string;
  readonly id: number;
}

/**
 * The live part of one agent set: `count` agents, each column sliced to `count`. Only the
 * columns the view draws travel in every frame (see viewColumns); the inspector gets the rest
 * for its one agent.
 */
export interface AgentSetFrame {
  readonly count: number;
  /** Stable ids of the agents (never reused), for following one agent across frames. */
  readonly ids: Uint32Array;
  readonly columns: Readonly<Record<string, Column>>;
}

/** Every attribute of the inspected agent (null values when it no longer exists), and the model's explanation of it. */
export interface InspectedAgent extends AgentRef {
  readonly values: Readonly<Record<string, number>> | null;
  readonly explanation?: Explanation | null;
}

/** Reporter values of one tick. */
export interface ReporterRow {
  readonly tick: number;
  readonly values: Reporters;
}

export type RunStatus = 'running' | 'paused' | 'stopped' | 'horizon';

export interface FrameMessage {
  readonly type: 'frame';
  /** Increments at every Setup, so the UI can tell a new run from the next frame of the old one. */
  readonly runId: number;
  /** True on the first frame after a Setup: the UI clears its plots. */
  readonly reset: boolean;
  readonly tick: number;
  readonly status: RunStatus;
  /** Reporter rows of every tick since the previous frame, so plots miss no tick; their buffers are transferred. */
  readonly rows: PackedRows;
  /** The latest agent state; its buffers are transferred. */
  readonly agents: Readonly<Record<string, AgentSetFrame>>;
  /** Fingerprint of `tick`; null while running (computed on demand, when paused or stopped). */
  readonly fingerprint: string | null;
  readonly inspected: InspectedAgent | null;
  readonly seed: number;
  /**
   * The run's state at `tick`, from which a replaced worker resumes: on frames of a paused or
   * ended run, and every few seconds while running; not on a Setup's first frame (a replaced
   * worker replays the Setup instead).
   */
  readonly snapshot?: Snapshot;
  /** The latest tick this run has reached: the end of the time slider (after a seek, beyond `tick`). */
  readonly reached: number;
}

interface ErrorMessage {
  readonly type: 'error';
  /** One readable line. */
  readonly message: string;
}

/**
 * The worker starts work it cannot interrupt (a slow tick) that should take about
 * `expectedMs`: the client's watchdog waits for it instead of taking the silence for a hang.
 */
interface BusyMessage {
  readonly type: 'busy';
  readonly expectedMs: number;
}

/** Live changes the run took, at the tick it was at: the scenario records them. */
interface ChangedMessage {
  readonly type: 'changed';
  readonly changes: readonly TimedChange[];
}

/** The answer to `estimate`: null when the scenario cannot be set up (the Setup then says why). */
interface PaceMessage {
  readonly type: 'pace';
  readonly pace: ScenarioPace | null;
}

/** Go would run long to the horizon: the UI asks the person first, then sends `go` confirmed. */
interface AskMessage {
  readonly type: 'ask';
  readonly estimate: Estimate;
}

export type FromWorker =
  FrameMessage | ErrorMessage | BusyMessage | ChangedMessage | PaceMessage | AskMessage | { readonly type: 'pong' };
