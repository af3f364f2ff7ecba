/**
 * The runs of an experiment in canonical order (the first varied parameter outermost,
 * repetitions innermost), each with its seed, and the split of that order into shards.
 *
 * A run's seed derives from the base seed and the run's key: the canonical JSON of its varied
 * values except the compared arms, plus its repetition. So the arms of a comparison share
 * their random numbers, and adding a setting shifts no other run's seed.
 */
import { Hasher } from '../hash';
import type { ParamSchema, ParamValues, TableRow, TableValue } from '../params';
import { canonicalJson, type ResolvedExperiment, type Value } from './schema';
import { drawValue, latinHypercube } from './uncertain';

export interface PlannedRun {
  /** Position in the canonical order, from 0. */
  readonly index: number;
  /** The varied values, by parameter path, in the experiment's order. */
  readonly values: Readonly<Record<string, Value>>;
  readonly repetition: number;
  readonly seed: number;
  /** The uncertain inputs' values drawn for this run, by parameter path (empty without any). */
  readonly drawn: Readonly<Record<string, Value>>;
}

/** A run's setting: the canonical JSON of its varied values except the compared arms. */
function settingKey(values: Readonly<Record<string, Value>>, compared: ReadonlySet<string>): string {
  const key: Record<string, Value> = {};
  for (const [param, value] of Object.entries(values)) if (!compared.has(param)) key[param] = value;
  return canonicalJson(key);
}

/** The seed of one run (an unsigned 32-bit integer). */
function runSeed(baseSeed: number, setting: string, repetition: number): number {
  const hex = new Hasher().word(baseSeed).text(setting).word(repetition).hex();
  return parseInt(hex.slice(0, 8), 16);
}

/** Latin hypercubes already drawn, per plan and setting: every run of a setting reads the same design. */
const designs = new WeakMap<ResolvedExperiment, Map<string, Float64Array[]>>();

function drawnValues(plan: ResolvedExperiment, setting: string, repetition: number): Record<string, Value> {
  if (plan.uncertain.length === 0) return {};
  let bySetting = designs.get(plan);
  if (!bySetting) designs.set(plan, (bySetting = new Map()));
  let design = bySetting.get(setting);
  if (!design) bySetting.set(setting, (design = latinHypercube(plan.seed, setting, plan.uncertain, plan.repetitions)));
  const drawn: Record<string, Value> = {};
  plan.uncertain.forEach((input, d) => (drawn[input.param] = drawValue(input, design[d][repetition])));
  return drawn;
}

export function runCount(plan: ResolvedExperiment): number {
  return plan.variations.reduce((n, v) => n * v.values.length, 1) * plan.repetitions;
}

/** The run at `index` of the canonical order. */
export function plannedRun(plan: ResolvedExperiment, index: number): PlannedRun {
  const compared = new Set(plan.variations.filter((v) => v.compare).map((v) => v.param));
  let rest = Math.floor(index / plan.repetitions);
  const repetition = index % plan.repetitions;
  const values: Record<string, Value> = {};
  // The last variation changes fastest: decode the index from the inside out.
  for (let i = plan.variations.length - 1; i >= 0; i--) {
    const v = plan.variations[i];
    values[v.param] = v.values[rest % v.values.length];
    rest = Math.floor(rest / v.values.length);
  }
  const ordered: Record<string, Value> = {};
  for (const v of plan.variations) ordered[v.param] = values[v.param];
  const setting = settingKey(ordered, compared);
  return {
    index,
    values: ordered,
    repetition,
    seed: runSeed(plan.seed, setting, repetition),
    drawn: drawnValues(plan, setting, repetition),
  };
}

/** Which part of the canonical order to run: the first `limit` runs, then one shard of them. */
export interface Selection {
  /** Only the first N runs of the canonical order (applied before sharding); null: all. */
  readonly limit: number | null;
  /** Shard `index` of `count`, numbered from 1; runs are dealt round-robin. */
  readonly shard: { readonly index: number; readonly count: number };
}

export const WHOLE: Selection = { limit: null, shard: { index: 1, count: 1 } };

/** The run indices a selection covers, in canonical order. */
export function selectedRuns(plan: ResolvedExperiment, selection: Selection): number[] {
  const total = selection.limit === null ? runCount(plan) : Math.min(selection.limit, runCount(plan));
  const out: number[] = [];
  for (let i = selection.shard.index - 1; i < total; i += selection.shard.count) out.push(i);
  return out;
}

/** The base parameters with one run's varied and drawn values applied (table cells by row id). */
export function paramsForRun(plan: ResolvedExperiment, run: PlannedRun): ParamValues<ParamSchema> {
  const params: Record<string, unknown> = { ...plan.baseParams };
  for (const [path, value] of [...Object.entries(run.values), ...Object.entries(run.drawn)]) {
    const hash = path.indexOf('#');
    if (hash < 0) {
      params[path] = value;
      continue;
    }
    const table = path.slice(0, hash);
    const dot = path.indexOf('.', hash);
    const rowId = Number(path.slice(hash + 1, dot));
    const column = path.slice(dot + 1);
    const current = params[table] as TableValue;
    params[table] = {
      ...current,
      rows: current.rows.map((r) => (r.id === rowId ? ({ ...r, [column]: value } as TableRow) : r)),
    };
  }
  return params as ParamValues<ParamSchema>;
}
