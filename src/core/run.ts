/**
 * The one run loop shared by the worker, the CLI, experiments and tests: setup from
 * (model, params, seed), step tick by tick until the model's stop condition or the horizon,
 * report, fingerprint, and snapshot/restore for exact resumption.
 */
import { fingerprint } from './fingerprint';
import { reportersFor, type Explanation, type Model, type ModelContext, type ReporterDecl } from './model';
import { validateValue, type ParamSchema, type ParamValues, type ValidationError, type Validated } from './params';
import { Rng, type RngState } from './rng';
import { copyWorld, createWorld, loadWorld, type World, type WorldData } from './world';
import { append } from './arrays';

type Params = ParamValues<ParamSchema>;

/** Everything needed to resume a run exactly; structured-clone safe. */
export interface Snapshot {
  readonly modelId: string;
  readonly modelVersion: number;
  readonly tick: number;
  readonly params: Params;
  readonly rng: RngState;
  readonly world: WorldData;
}

export type Reporters = Record<string, number | null>;

export class Run {
  tick = 0;
  readonly world: World;
  readonly reporterDecls: readonly ReporterDecl[];
  private currentParams: Params;

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
   * Sets up a new run. `params` must already be validated (see `validateParams`); the seed
   * is an unsigned 32-bit integer.
   */
  static create(model: Model, params: Params, seed: number): Run {
    const run = new Run(model, params, new Rng(seed));
    model.setup(run.world, run.context());
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

  /** Advances one tick unless done; returns whether it stepped. */
  step(): boolean {
    if (this.done) return false;
    this.model.step(this.world, this.context());
    this.tick++;
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
    };
  }

  /**
   * Applies changes to parameters declared `apply: 'live'`; a change to any other parameter
   * is refused with a message saying it needs Setup. Nothing changes unless all are valid.
   */
  setLiveParams(changes: Record<string, unknown>): Validated<Params> {
    const errors: ValidationError[] = [];
    const next: Record<string, unknown> = { ...this.currentParams };
    for (const [name, value] of Object.entries(changes)) {
      const spec = Object.prototype.hasOwnProperty.call(this.model.params, name) ? this.model.params[name] : undefined;
      if (!spec) errors.push({ field: name, message: `${name}: unknown parameter` });
      else if (spec.apply !== 'live') errors.push({ field: name, message: `${name}: takes effect at the next Setup` });
      else {
        const result = validateValue(spec, value, name);
        if (result.ok) next[name] = result.value;
        else append(errors, result.errors);
      }
    }
    if (errors.length) return { ok: false, errors };
    this.currentParams = next as Params;
    return { ok: true, value: this.currentParams };
  }

  summaryJson(): Record<string, unknown> {
    return this.model.summaryJson?.(this.world, this.context()) ?? {};
  }

  private context(): ModelContext<Params> {
    return { params: this.currentParams, rng: this.rng, tick: this.tick };
  }
}
