/**
 * An experiment document (BehaviorSpace's "experiment"): a base scenario, the parameters it
 * varies, repetitions, horizon, what to record and an optional stop condition. One format for
 * the app's form, the share link, files under experiments/ and the CLI's `sweep`.
 * `parseExperiment` is the one gate: it never throws and names the field of every problem.
 */
import type { Model } from '../model';
import { validateValue, type ParamSpec, type ParamValues, type ParamSchema, type TableSpec } from '../params';
import { parseScenario, type Scenario } from '../scenario';
import { migrateScenario } from '../scenarioMigrations';

export const EXPERIMENT_FORMAT = 'agora-experiment';
export const EXPERIMENT_VERSION = 1;
/** Upper bounds that keep a typo from asking for a billion runs. */
export const MAX_RUNS = 1_000_000;
export const MAX_VALUES = 10_000;

export type Value = number | string | boolean;

/** One varied parameter: a list of values, or a numeric range with a step. */
export interface Variation {
  /** A parameter name, or a table cell: `table#rowId.column` (e.g. `events#0.magnitude`). */
  readonly param: string;
  readonly values?: readonly Value[];
  readonly range?: { readonly from: number; readonly to: number; readonly step: number };
  /**
   * A compared arm (a strategy, an ablation switch): left out of the run's seed, so every arm
   * of a comparison meets the same random numbers (common random numbers).
   */
  readonly compare?: boolean;
}

/** Stop a run early once a reporter crosses a threshold. */
export interface StopCondition {
  readonly reporter: string;
  readonly above?: number;
  readonly below?: number;
}

/**
 * What an experiment tests, fixed before it runs: a measure (a reporter's final value), the
 * effect computed from it, and the claim about that effect. See ./hypothesis.ts.
 */
export interface Hypothesis {
  readonly statement: string;
  readonly measure: string;
  /**
   * `difference`: the paired mean difference of the measure between two values of a compared
   * parameter (treatment − control; pairs share the other values and the repetition, hence
   * their random numbers). `level`: the mean of the measure at the setting where it is highest
   * (`max`), lowest (`min`), or over all runs (`all`).
   */
  readonly effect:
    | { readonly kind: 'difference'; readonly param: string; readonly treatment: Value; readonly control: Value }
    | { readonly kind: 'level'; readonly at: 'max' | 'min' | 'all' };
  /** The effect is claimed to lie above and/or below these values. */
  readonly claim: { readonly above?: number; readonly below?: number };
  /** Mechanism switches (boolean parameters) to turn off one at a time, to see which carry the effect. */
  readonly ablations?: readonly string[];
}

export interface Experiment {
  readonly format: typeof EXPERIMENT_FORMAT;
  readonly version: number;
  readonly name: string;
  readonly description?: string;
  readonly scenario: Scenario;
  readonly vary: readonly Variation[];
  readonly repetitions: number;
  /** Ticks per run; omitted: the model's own horizon. */
  readonly horizon?: number;
  /** Reporters recorded (omitted: all) at the end of each run, and every N ticks when `every` > 0. */
  readonly record?: { readonly reporters?: readonly string[]; readonly every?: number };
  readonly stop?: StopCondition;
  readonly hypothesis?: Hypothesis;
}

/** A varied parameter resolved against the model: its values, validated. */
export interface ResolvedVariation {
  readonly param: string;
  readonly values: readonly Value[];
  readonly compare: boolean;
}

export interface ResolvedExperiment {
  readonly experiment: Experiment;
  readonly model: Model;
  readonly seed: number;
  readonly baseParams: ParamValues<ParamSchema>;
  readonly variations: readonly ResolvedVariation[];
  readonly repetitions: number;
  readonly horizon: number;
  readonly every: number;
  /** Reporter names recorded; null means all of them. */
  readonly reporters: readonly string[] | null;
  readonly stop?: StopCondition;
  readonly warnings: readonly string[];
}

export type ExperimentResult = { ok: true; value: ResolvedExperiment } | { ok: false; errors: string[] };

const KEYS = new Set([
  'format',
  'version',
  'name',
  'description',
  'scenario',
  'vary',
  'repetitions',
  'horizon',
  'record',
  'stop',
  'hypothesis',
]);
const CELL = /^([A-Za-z_][\w]*)#(\d+)\.([A-Za-z_][\w]*)$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The spec a variation's values are checked against: a parameter's, or a table column's. */
export function specOf(
  model: Model,
  params: ParamValues<ParamSchema>,
  path: string,
): { spec: ParamSpec; error?: undefined } | { error: string } {
  const cell = CELL.exec(path);
  if (!cell) {
    const spec = Object.hasOwn(model.params, path) ? model.params[path] : undefined;
    if (!spec) return { error: `unknown parameter "${path.slice(0, 60)}"` };
    if (spec.kind === 'table' || spec.kind === 'list')
      return { error: `"${path}" is a ${spec.kind}: vary one of its cells (${path}#<row id>.<column>)` };
    return { spec };
  }
  const [, table, rowId, column] = cell;
  const spec = Object.hasOwn(model.params, table) ? model.params[table] : undefined;
  if (!spec || spec.kind !== 'table') return { error: `"${table}" is not a table parameter` };
  const columnSpec = Object.hasOwn((spec as TableSpec).columns, column)
    ? (spec as TableSpec).columns[column]
    : undefined;
  if (!columnSpec) return { error: `table "${table}" has no column "${column}"` };
  const rows = (params[table] as { rows: readonly { id: number }[] }).rows;
  if (!rows.some((r) => r.id === Number(rowId)))
    return { error: `table "${table}" of the scenario has no row with id ${rowId}` };
  return { spec: columnSpec };
}

/** The values of a range, computed so that every machine gets the same decimals. */
export function rangeValues(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  for (let k = 0; k < count && k <= MAX_VALUES; k++) out.push(Number((from + k * step).toPrecision(12)));
  return out;
}

function resolveVariation(
  model: Model,
  params: ParamValues<ParamSchema>,
  input: unknown,
  at: string,
  errors: string[],
): ResolvedVariation | null {
  if (!isObject(input)) return (errors.push(`${at}: must be an object { param, values | range }`), null);
  for (const key of Object.keys(input))
    if (!['param', 'values', 'range', 'compare'].includes(key)) errors.push(`${at}.${key}: unknown key`);
  if (typeof input.param !== 'string') return (errors.push(`${at}.param: must be a parameter name`), null);
  const target = specOf(model, params, input.param);
  if (target.error !== undefined) return (errors.push(`${at}.param: ${target.error}`), null);
  let values: unknown[];
  if (input.values !== undefined && input.range !== undefined)
    return (errors.push(`${at}: give values or range, not both`), null);
  if (Array.isArray(input.values)) values = input.values;
  else if (isObject(input.range)) {
    const { from, to, step } = input.range;
    if (
      ![from, to, step].every((v) => typeof v === 'number' && Number.isFinite(v)) ||
      (step as number) <= 0 ||
      (to as number) < (from as number)
    ) {
      return (errors.push(`${at}.range: needs finite from ≤ to and step > 0`), null);
    }
    if (((to as number) - (from as number)) / (step as number) >= MAX_VALUES)
      return (errors.push(`${at}.range: more than ${MAX_VALUES} values`), null);
    values = rangeValues(from as number, to as number, step as number);
  } else return (errors.push(`${at}: needs values (a list) or range { from, to, step }`), null);
  if (values.length === 0 || values.length > MAX_VALUES)
    return (errors.push(`${at}.values: needs 1 to ${MAX_VALUES} values`), null);
  const checked: Value[] = [];
  values.forEach((v, i) => {
    const result = validateValue(target.spec, v, `${at}.values[${i}]`);
    if (result.ok) checked.push(result.value as Value);
    else errors.push(...result.errors.map((e) => e.message));
  });
  if (new Set(checked.map((v) => JSON.stringify(v))).size !== checked.length)
    errors.push(`${at}.values: repeats a value`);
  if (input.compare !== undefined && typeof input.compare !== 'boolean')
    errors.push(`${at}.compare: must be true or false`);
  return { param: input.param, values: checked, compare: input.compare === true };
}

/** Checks an untrusted experiment document against the model registry. Never throws. */
export function parseExperiment(input: unknown, findModel: (id: string) => Model | undefined): ExperimentResult {
  if (!isObject(input)) return { ok: false, errors: ['experiment: must be a JSON object'] };
  const errors: string[] = [];
  for (const key of Object.keys(input))
    if (!KEYS.has(key)) errors.push(`${key.slice(0, 60)}: unknown key in experiment`);
  if (input.format !== EXPERIMENT_FORMAT) errors.push(`format: must be "${EXPERIMENT_FORMAT}"`);
  if (!isCount(input.version, 1, Number.MAX_SAFE_INTEGER)) errors.push('version: must be a positive integer');
  else if (input.version > EXPERIMENT_VERSION)
    errors.push(
      `version: is ${input.version}, made by a newer Agora (this one reads up to ${EXPERIMENT_VERSION}); please update`,
    );
  if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 200)
    errors.push('name: must be a text of 1 to 200 characters');
  if (input.description !== undefined && (typeof input.description !== 'string' || input.description.length > 5000))
    errors.push('description: must be a text of at most 5,000 characters');
  const migrated = migrateScenario(input.scenario);
  const scenario = migrated.ok ? parseScenario(migrated.document, findModel) : null;
  if (!migrated.ok) errors.push(`scenario: ${migrated.message}`);
  else if (scenario && !scenario.ok) errors.push(...scenario.errors.map((e) => `scenario.${e.message}`));
  if (!isCount(input.repetitions, 1, MAX_RUNS)) errors.push(`repetitions: must be an integer from 1 to ${MAX_RUNS}`);
  if (input.horizon !== undefined && !isCount(input.horizon, 1, 100_000_000))
    errors.push('horizon: must be a positive integer (ticks)');
  if (!Array.isArray(input.vary)) errors.push('vary: must be a list of varied parameters (it may be empty)');
  if (!scenario?.ok || errors.length) return { ok: false, errors };

  const { model, params, seed, warnings } = scenario.value;
  const variations: ResolvedVariation[] = [];
  const seen = new Set<string>();
  (input.vary as unknown[]).forEach((v, i) => {
    const resolved = resolveVariation(model, params, v, `vary[${i}]`, errors);
    if (!resolved) return;
    if (seen.has(resolved.param)) errors.push(`vary[${i}].param: "${resolved.param}" is varied twice`);
    seen.add(resolved.param);
    variations.push(resolved);
  });
  const settings = variations.reduce((n, v) => n * v.values.length, 1);
  if (settings * (input.repetitions as number) > MAX_RUNS)
    errors.push(
      `the experiment asks for ${settings * (input.repetitions as number)} runs; at most ${MAX_RUNS.toLocaleString('en')}`,
    );

  const horizon = (input.horizon as number | undefined) ?? model.horizon?.(params);
  if (horizon === undefined || !Number.isFinite(horizon))
    errors.push('horizon: the model has no horizon of its own, so the experiment must set one');
  let every = 0;
  let reporters: string[] | null = null;
  if (input.record !== undefined) {
    const record = input.record;
    if (!isObject(record)) errors.push('record: must be an object { reporters?, every? }');
    else {
      for (const key of Object.keys(record))
        if (key !== 'reporters' && key !== 'every') errors.push(`record.${key}: unknown key`);
      if (record.every !== undefined && !isCount(record.every, 0, 100_000_000))
        errors.push('record.every: must be an integer ≥ 0 (0: only the final values)');
      else every = (record.every as number | undefined) ?? 0;
      if (record.reporters !== undefined) {
        if (!Array.isArray(record.reporters) || !record.reporters.every((r) => typeof r === 'string'))
          errors.push('record.reporters: must be a list of reporter names');
        else reporters = record.reporters as string[];
      }
    }
  }
  let stop: StopCondition | undefined;
  if (input.stop !== undefined) {
    const s = input.stop;
    const finite = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
    if (
      !isObject(s) ||
      typeof s.reporter !== 'string' ||
      !finite(s.above) ||
      !finite(s.below) ||
      (s.above === undefined && s.below === undefined)
    ) {
      errors.push('stop: must be { reporter, above?, below? } with at least one finite threshold');
    } else stop = { reporter: s.reporter, above: s.above as number | undefined, below: s.below as number | undefined };
  }
  if (input.hypothesis !== undefined) checkHypothesis(input.hypothesis, model, variations, errors);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      experiment: input as unknown as Experiment,
      model,
      seed,
      baseParams: params,
      variations,
      repetitions: input.repetitions as number,
      horizon: horizon as number,
      every,
      reporters,
      stop,
      warnings,
    },
  };
}

function checkHypothesis(h: unknown, model: Model, variations: readonly ResolvedVariation[], errors: string[]): void {
  if (!isObject(h))
    return void errors.push('hypothesis: must be an object { statement, measure, effect, claim, ablations? }');
  for (const key of Object.keys(h))
    if (!['statement', 'measure', 'effect', 'claim', 'ablations'].includes(key))
      errors.push(`hypothesis.${key}: unknown key`);
  if (typeof h.statement !== 'string' || h.statement.trim() === '') errors.push('hypothesis.statement: must be a text');
  if (typeof h.measure !== 'string') errors.push('hypothesis.measure: must be a reporter name');
  const effect = h.effect;
  if (!isObject(effect) || (effect.kind !== 'difference' && effect.kind !== 'level'))
    errors.push(
      'hypothesis.effect: must be { kind: "difference", param, treatment, control } or { kind: "level", at }',
    );
  else if (effect.kind === 'difference') {
    const variation = variations.find((v) => v.param === effect.param);
    if (!variation)
      errors.push(`hypothesis.effect.param: "${String(effect.param).slice(0, 60)}" is not varied by the experiment`);
    else {
      for (const arm of ['treatment', 'control'] as const) {
        if (!variation.values.some((v) => v === effect[arm]))
          errors.push(`hypothesis.effect.${arm}: not one of the values of ${variation.param}`);
      }
      if (!variation.compare)
        errors.push(
          `hypothesis.effect.param: ${variation.param} must be a compared arm (compare: true), so that pairs share their random numbers`,
        );
    }
  } else if (!['max', 'min', 'all'].includes(effect.at as string))
    errors.push('hypothesis.effect.at: must be "max", "min" or "all"');
  const claim = h.claim;
  const finite = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  if (
    !isObject(claim) ||
    !finite(claim.above) ||
    !finite(claim.below) ||
    (claim.above === undefined && claim.below === undefined)
  ) {
    errors.push('hypothesis.claim: must be { above?, below? } with at least one finite number');
  }
  if (h.ablations !== undefined) {
    if (!Array.isArray(h.ablations)) errors.push('hypothesis.ablations: must be a list of mechanism switches');
    else
      for (const a of h.ablations)
        if (typeof a !== 'string' || model.params[a]?.kind !== 'boolean')
          errors.push(
            `hypothesis.ablations: "${String(a).slice(0, 60)}" is not a switch (a boolean parameter) of ${model.id}`,
          );
  }
}

/** True for a document that claims to be an experiment (links and files may hold either kind). */
export function isExperimentDocument(document: unknown): boolean {
  return isObject(document) && document.format === EXPERIMENT_FORMAT;
}

/** JSON with object keys sorted at every level: equal documents give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
