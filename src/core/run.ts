/**
 * The one run loop shared by the worker, the CLI, experiments and tests: setup from
 * (model, params, seed), step tick by tick until the model's stop condition or the horizon,
 * report, fingerprint, and snapshot/restore for exact resumption.
 */
import { fingerprint } from './fingerprint';
import { reportersFor, type Explanation, type Model, type ModelContext, type ReporterDecl } from './model';
import type { ParamSchema, ParamValues, ValidationError, Validated } from './params';
import { Rng, type RngState } from './rng';
import { applyChange, MAX_TIMED_CHANGES, pathField, recordChange, type TimedChange } from './timedChanges';
import { copyWorld, createWorld, loadWorld, type World, type WorldData } from './world';

type Params = ParamValues<ParamSchema>;

/** Everything needed to resume a run exactly; structured-clone safe. */
export interface Snapshot {
  readonly modelId: string;
  readonly modelVersion: number;
  readonly tick: number;
  readonly params: Params;
  readonly rng: RngState;
  readonly world: WorldData;
  /** The run's timed changes, and how many of them are already in `params`. */
  readonly changes?: readonly TimedChange[];
  readonly changesApplied?: number;
}

export type Reporters = Record<string, number | null>;

export class Run {
  tick = 0;
  readonly world: World;
  readonly reporterDecls: readonly ReporterDecl[];
  private currentParams: Params;
  /** Timed changes in order of tick; the first `applied` of them are in `currentParams`. */
  private changes: TimedChange[] = [];
  private applied = 0;

  private constructor(
    readonly model: Model,
    params: Params,
    readonly rng: Rng,
  ) {
    this.currentParams = params;
    this.world = createWorld(model.world);
    this.reporterDecls = reportersFor(model, params);
  }

  /**
   * Sets up a new run. `params` must already be validated (see `validateParams`), `changes`
   * checked by `checkTimedChanges`; each change takes effect once the run reaches its tick (after
   * Setup for tick 0), before that tick's step. The seed is an unsigned 32-bit integer.
   */
  static create(model: Model, params: Params, seed: number, changes: readonly TimedChange[] = []): Run {
    const run = new Run(model, params, new Rng(seed));
    run.changes = [...changes];
    model.setup(run.world, run.context());
    run.applyDueChanges();
    return run;
  }

  /** Resumes a snapshot: the result steps exactly like the run the snapshot was taken of. */
  static restore(model: Model, snapshot: Snapshot): Run {
    if (snapshot.modelId !== model.id || snapshot.modelVersion !== model.version) {
      throw new Error(
        `snapshot of ${snapshot.modelId} v${snapshot.modelVersion} cannot resume in ${model.id} v${model.version}`,
      );
    }
    const run = new Run(model, snapshot.params, Rng.restore(snapshot.rng));
    loadWorld(run.world, snapshot.world);
    run.tick = snapshot.tick;
    run.changes = [...(snapshot.changes ?? [])];
    run.applied = snapshot.changesApplied ?? 0;
    return run;
  }

  get seed(): number {
    return this.rng.seed;
  }

  get params(): Params {
    return this.currentParams;
  }

  /** The horizon in ticks, or Infinity when the model sets none. */
  get horizon(): number {
    return this.model.horizon?.(this.currentParams) ?? Infinity;
  }

  /** True once the stop condition holds or the horizon is reached. */
  get done(): boolean {
    return this.tick >= this.horizon || (this.model.isDone?.(this.world, this.context()) ?? false);
  }

  /** The timed changes of this run: those it was set up with and those made live, in order. */
  get timedChanges(): readonly TimedChange[] {
    return this.changes;
  }

  /** Advances one tick unless done; returns whether it stepped. */
  step(): boolean {
    if (this.done) return false;
    this.model.step(this.world, this.context());
    this.tick++;
    // A change of tick t is in force from tick t on: in params read at t, and in t's step.
    this.applyDueChanges();
    return true;
  }

  /**
   * Steps until `tick` reaches `maxTick` or the run is done; returns the ticks stepped.
   * `afterTick` is called after every tick (e.g. to record reporters).
   */
  runUntil(maxTick: number, afterTick?: (run: Run) => void): number {
    const start = this.tick;
    while (this.tick < maxTick && this.step()) afterTick?.(this);
    return this.tick - start;
  }

  /** The model's explanation of one agent's behaviour (see ModelDefinition.explain). */
  explain(agents: string, index: number): Explanation | null {
    return this.model.explain?.(this.world, this.context(), agents, index) ?? null;
  }

  reporters(): Reporters {
    const out: Reporters = {};
    const ctx = this.context();
    for (const r of this.reporterDecls) {
      const v = r.compute(this.world, ctx);
      out[r.name] = v === null || !Number.isFinite(v) ? null : v;
    }
    return out;
  }

  fingerprint(): string {
    return fingerprint({
      modelId: this.model.id,
      modelVersion: this.model.version,
      tick: this.tick,
      rng: this.rng.save(),
      world: this.world,
      observers: this.model.world.observers,
    });
  }

  snapshot(): Snapshot {
    return {
      modelId: this.model.id,
      modelVersion: this.model.version,
      tick: this.tick,
      // Validated params are plain JSON data (finite numbers, strings, booleans, arrays).
      params: JSON.parse(JSON.stringify(this.currentParams)) as Params,
      rng: this.rng.save(),
      world: copyWorld(this.world),
      changes: JSON.parse(JSON.stringify(this.changes)) as TimedChange[],
      changesApplied: this.applied,
    };
  }

  /**
   * Applies live changes now, at the current tick, and records them as timed changes, so a run
   * set up with `timedChanges` replays them exactly. `changes` maps parameter paths (see
   * timedChanges.ts) to values; a change to anything not live is refused with a message saying
   * why. Nothing changes unless all are valid. Returns the timed changes made.
   */
  setLiveParams(changes: Record<string, unknown>): Validated<readonly TimedChange[]> {
    // Changes already scheduled for this tick go first, as a replay would apply them.
    this.applyDueChanges();
    const errors: ValidationError[] = [];
    let next = this.currentParams;
    const made: TimedChange[] = [];
    for (const [param, value] of Object.entries(changes)) {
      const result = applyChange(this.model.params, next, param, value);
      if (!result.ok) errors.push({ field: param, message: `${pathField(param)}: ${result.message}` });
      else {
        next = result.params;
        made.push({ tick: this.tick, param, value: result.value });
      }
    }
    if (!errors.length && this.changes.length + made.length > MAX_TIMED_CHANGES) {
      const message = `at most ${MAX_TIMED_CHANGES} timed changes in a run: erase some to make more`;
      errors.push({ field: 'changes', message });
    }
    if (errors.length) return { ok: false, errors };
    this.currentParams = next;
    // Every change up to this tick is applied, so each lands at the end of the applied ones.
    for (const change of made) recordChange(this.changes, change);
    this.applied = this.changes.filter((c) => c.tick <= this.tick).length;
    return { ok: true, value: made };
  }

  summaryJson(): Record<string, unknown> {
    return this.model.summaryJson?.(this.world, this.context()) ?? {};
  }

  private applyDueChanges(): void {
    while (this.applied < this.changes.length && this.changes[this.applied].tick <= this.tick) {
      const { param, value } = this.changes[this.applied++];
      const result = applyChange(this.model.params, this.currentParams, param, value);
      // Checked when the run was made; a change that no longer applies is a bug, not input.
      if (!result.ok) throw new Error(`timed change of ${param}: ${result.message}`);
      this.currentParams = result.params;
    }
  }

  private context(): ModelContext<Params> {
    // The changes applied at this tick: the last applied ones, as they are in order of tick.
    const changed: string[] = [];
    for (let i = this.applied - 1; i >= 0 && this.changes[i].tick === this.tick; i--)
      changed.unshift(this.changes[i].param);
    return { params: this.currentParams, rng: this.rng, tick: this.tick, changed };
  }
}
