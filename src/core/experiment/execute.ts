/**
 * One run of an experiment, from plain data to plain data, so the same function runs in the
 * CLI's worker threads, the browser's worker pool and the tests.
 */
import { reportersFor, type Model } from '../model';
import { validateParams, type ParamSchema, type ParamValues } from '../params';
import { Run } from '../run';
import { checkTimedChanges, type TimedChange } from '../timedChanges';
import { plannedRun, paramsForRun } from './plan';
import type { ResolvedExperiment, StopCondition } from './schema';

/** What every run of an experiment shares. */
export interface RunSettings {
  readonly modelId: string;
  readonly horizon: number;
  readonly every: number;
  /** The reporters recorded, in column order. */
  readonly reporters: readonly string[];
  readonly stop?: StopCondition;
}

export interface RunTask {
  readonly index: number;
  readonly seed: number;
  readonly params: ParamValues<ParamSchema>;
  /** The scenario's timed changes; omitted: none. */
  readonly changes?: readonly TimedChange[];
}

interface RecordedRow {
  readonly tick: number;
  /** Aligned with RunSettings.reporters; null = no value. */
  readonly values: readonly (number | null)[];
}

export type RunOutcome =
  | { readonly index: number; readonly seed: number; readonly status: 'ok'; readonly rows: readonly RecordedRow[] }
  | {
      readonly index: number;
      readonly seed: number;
      readonly status: 'failed';
      readonly error: string;
      readonly rows: readonly RecordedRow[];
    };

/**
 * Outcomes in run order, whatever order they finished in: sums over runs then add in one order,
 * so every summary is the same to the last bit in the browser, the CLI and with any worker count.
 */
export function inRunOrder(outcomes: readonly RunOutcome[]): RunOutcome[] {
  return [...outcomes].sort((a, b) => a.index - b.index);
}

/** The settings and the reporter columns of an experiment; unknown reporter names are an error. */
export function runSettings(
  plan: ResolvedExperiment,
): { ok: true; value: RunSettings } | { ok: false; errors: string[] } {
  const available = reportersFor(plan.model, plan.baseParams).map((r) => r.name);
  const wanted = plan.reporters ?? available;
  const unknown = wanted.filter((r) => !available.includes(r));
  if (plan.stop && !available.includes(plan.stop.reporter)) unknown.push(plan.stop.reporter);
  if (unknown.length) {
    return {
      ok: false,
      errors: unknown.map(
        (r) =>
          `reporter "${r.slice(0, 60)}" does not exist in this scenario (e.g. ${available.slice(0, 4).join(', ')})`,
      ),
    };
  }
  return {
    ok: true,
    value: { modelId: plan.model.id, horizon: plan.horizon, every: plan.every, reporters: wanted, stop: plan.stop },
  };
}

export function runTask(plan: ResolvedExperiment, index: number): RunTask {
  const run = plannedRun(plan, index);
  const task = { index, seed: run.seed, params: paramsForRun(plan, run) };
  return plan.changes.length ? { ...task, changes: plan.changes } : task;
}

function stopped(stop: StopCondition | undefined, value: number | null | undefined): boolean {
  if (!stop || value === null || value === undefined) return false;
  return (stop.above !== undefined && value > stop.above) || (stop.below !== undefined && value < stop.below);
}

/** Runs one task to the horizon (or the stop condition); a failing model gives a failed outcome, never a throw. */
export function executeRun(model: Model, settings: RunSettings, task: RunTask): RunOutcome {
  const rows: RecordedRow[] = [];
  const { index, seed } = task;
  try {
    const checked = validateParams(model.params, task.params);
    if (!checked.ok)
      return { index, seed, status: 'failed', error: checked.errors.map((e) => e.message).join('; '), rows };
    // A varied parameter may take away what a timed change names (a shorter horizon, say).
    const timed = checkTimedChanges(model, checked.value, task.changes ?? []);
    if (!timed.ok) return { index, seed, status: 'failed', error: timed.errors.map((e) => e.message).join('; '), rows };
    const run = Run.create(model, checked.value, seed, timed.value);
    const record = () => {
      const values = run.reporters();
      rows.push({ tick: run.tick, values: settings.reporters.map((r) => values[r] ?? null) });
      return values;
    };
    let last: number | null = null;
    while (run.tick < settings.horizon && run.step()) {
      const due = settings.every > 0 && run.tick % settings.every === 0;
      if (due || settings.stop) {
        const values = due ? record() : run.reporters();
        if (stopped(settings.stop, values[settings.stop?.reporter ?? ''])) {
          if (!due) record();
          return { index, seed, status: 'ok', rows };
        }
        if (due) last = run.tick;
      }
    }
    if (last !== run.tick) record();
    return { index, seed, status: 'ok', rows };
  } catch (e) {
    return { index, seed, status: 'failed', error: e instanceof Error ? e.message : String(e), rows: [] };
  }
}
