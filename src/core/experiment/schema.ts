/**
 * An experiment document (BehaviorSpace's "experiment"): a base scenario, the parameters it
 * varies, repetitions, horizon, what to record and an optional stop condition. One format for
 * the app's form, the share link, files under experiments/ and the CLI's `sweep`.
 * `parseExperiment` is the one gate: it never throws and names the field of every problem.
 */
import * as v from 'valibot';
import {
  documentHeader,
  count,
  documentObject,
  finite,
  isPlainObject,
  kindOf,
  parseDocument,
  strictEntries,
  text,
} from '../documentSchema';
import type { Model } from '../model';
import { validateValue, type ParamSpec, type ParamValues, type ParamSchema, type TableSpec } from '../params';
import { resolveScenario, ScenarioSchema } from '../scenario';
import type { TimedChange } from '../timedChanges';
import { migrateScenario } from '../scenarioMigrations';
import { displayText, hasUnsafeCharacters, UNSAFE_TEXT } from '../safeText';
import { MAX_DOCUMENT_DEPTH } from '../jsonDocument';
import { resolveUncertain, UncertainSchema, type ResolvedUncertain } from './uncertain';

export const EXPERIMENT_FORMAT = 'agora-experiment';
export const EXPERIMENT_VERSION = 1;
/** Upper bounds that keep a typo from asking for a billion runs. */
const MAX_RUNS = 1_000_000;
const MAX_VALUES = 10_000;

const ValueSchema = v.union(
  [v.number(), v.string(), v.boolean()],
  (issue) => `must be a number, a text or true/false, got ${kindOf(issue.input)}`,
);
export type Value = v.InferOutput<typeof ValueSchema>;

const RangeSchema = v.pipe(
  documentObject({ from: finite(), to: finite(), step: finite() }, 'an object { from, to, step }'),
  v.check(({ from, to, step }) => step > 0 && to >= from, 'needs from ≤ to and step > 0'),
  v.check(({ from, to, step }) => rangeLength(from, to, step) <= MAX_VALUES, `more than ${MAX_VALUES} values`),
);

/** One varied parameter: a list of values, or a numeric range with a step. */
const VariationSchema = v.pipe(
  documentObject(
    {
      /** A parameter name, or a table cell: `table#rowId.column` (e.g. `events#0.magnitude`). */
      param: v.string('must be a parameter name'),
      values: v.optional(
        v.pipe(
          v.array(ValueSchema, 'must be a list'),
          v.minLength(1, `needs 1 to ${MAX_VALUES} values`),
          v.maxLength(MAX_VALUES, `needs 1 to ${MAX_VALUES} values`),
        ),
      ),
      range: v.optional(RangeSchema),
      /**
       * A compared arm (a strategy, an ablation switch): left out of the run's seed, so every arm
       * of a comparison meets the same random numbers (common random numbers).
       */
      compare: v.optional(v.boolean('must be true or false')),
    },
    'an object { param, values | range }',
  ),
  v.check((variation) => !(variation.values && variation.range), 'give values or range, not both'),
  v.check((variation) => !!(variation.values || variation.range), 'needs values (a list) or range { from, to, step }'),
);
export type Variation = v.InferOutput<typeof VariationSchema>;

const atLeastOne = (bounds: { above?: number; below?: number }) =>
  bounds.above !== undefined || bounds.below !== undefined;

/** Stop a run early once a reporter crosses a threshold. */
const StopSchema = v.pipe(
  documentObject(
    { reporter: v.string('must be a reporter name'), above: v.optional(finite()), below: v.optional(finite()) },
    'an object { reporter, above?, below? }',
  ),
  v.check((bounds) => atLeastOne(bounds), 'needs a threshold: above, below or both'),
);
export type StopCondition = v.InferOutput<typeof StopSchema>;

const EFFECT =
  'must be { kind: "difference", param, treatment, control }, { kind: "level", at }, ' +
  '{ kind: "slope", param, scale } or { kind: "difference-in-differences", param, treatment, control, minus }';
const KINDS = 'must be "difference", "level", "slope" or "difference-in-differences"';

/**
 * How an effect is computed from the final values of a measure (see ./hypothesis.ts).
 * `difference`: the paired mean difference between two values of a compared parameter
 * (treatment − control; pairs share the other values and the repetition, hence their random
 * numbers). `level`: the mean at the setting where it is highest (`max`), lowest (`min`), or
 * over all runs (`all`). `slope`: the regression of the measure on a compared numeric parameter
 * over all its values, one slope per pair group; with `scale: "log"` the elasticity
 * d ln(measure) / d ln(param). `difference-in-differences`: (measure − minus) at treatment minus
 * the same at control, paired. `where` restricts any of them to the runs where each named varied
 * parameter takes the given value (e.g. one arm of another comparison).
 */
const WhereSchema = v.optional(
  v.record(v.string('must be a parameter name'), ValueSchema, 'must be an object { "<param>": value }'),
);

const EffectSchema = v.variant(
  'kind',
  [
    strictEntries({
      kind: v.literal('difference'),
      param: v.string('must be a parameter name'),
      treatment: ValueSchema,
      control: ValueSchema,
      where: WhereSchema,
    }),
    strictEntries({
      kind: v.literal('level'),
      at: v.picklist(['max', 'min', 'all'], 'must be "max", "min" or "all"'),
      where: WhereSchema,
    }),
    strictEntries({
      kind: v.literal('slope'),
      param: v.string('must be a parameter name'),
      scale: v.picklist(['linear', 'log'], 'must be "linear" or "log"'),
      where: WhereSchema,
    }),
    strictEntries({
      kind: v.literal('difference-in-differences'),
      param: v.string('must be a parameter name'),
      treatment: ValueSchema,
      control: ValueSchema,
      minus: v.string('must be a reporter name'),
      where: WhereSchema,
    }),
  ],
  // The variant names `kind` when the input is an object whose kind is none of these.
  (issue) => (issue.path ? KINDS : EFFECT),
);
export type EffectSpec = v.InferOutput<typeof EffectSchema>;

/** The effect is claimed to lie above and/or below these values. */
const ClaimSchema = v.pipe(
  documentObject({ above: v.optional(finite()), below: v.optional(finite()) }, 'an object { above?, below? }'),
  v.check((bounds) => atLeastOne(bounds), 'needs a bound: above, below or both'),
);

/** A secondary reading shown beside the verdict, with its own effect and (if it has a claim) its own verdict. */
const ReadingSchema = documentObject(
  {
    label: text('must be a text of 1 to 200 characters', 200),
    measure: v.string('must be a reporter name'),
    effect: EffectSchema,
    claim: v.optional(ClaimSchema),
  },
  'an object { label, measure, effect, claim? }',
);

/** Another subject of the same claim: texts replaced in the measures and parameter paths (e.g. "v3" → "v2"). */
const SubjectSchema = documentObject(
  {
    label: text('must be a text of 1 to 200 characters', 200),
    replace: v.pipe(
      v.record(v.pipe(v.string(), v.minLength(1, 'a replaced text must not be empty')), v.string('must be a text')),
      v.check((r) => Object.keys(r).length > 0, 'needs at least one replacement'),
    ),
  },
  'an object { label, replace }',
);

/**
 * What an experiment tests, fixed before it runs: a measure (a reporter's final value), the
 * effect computed from it, and the claim about that effect. See ./hypothesis.ts.
 */
const HypothesisSchema = documentObject(
  {
    statement: text('must be a text'),
    measure: v.string('must be a reporter name'),
    effect: EffectSchema,
    claim: ClaimSchema,
    /** Mechanism switches (boolean parameters) to turn off one at a time, to see which carry the effect. */
    ablations: v.optional(v.array(v.string('must be the name of a switch'), 'must be a list of mechanism switches')),
    readings: v.optional(v.array(ReadingSchema, 'must be a list of readings')),
    /** The rule that carries the effect when no switch does, in plain words. */
    carriedBy: v.optional(text('must be a text of 1 to 500 characters', 500)),
    /** Plain labels of the compared arms, by the parameter value as text (e.g. "0.8": "an 80% supply cut"). */
    arms: v.optional(v.record(v.string(), text('must be a text of 1 to 200 characters', 200))),
    /** Further settings the verdict is checked in, beyond the model's own variations. */
    robustness: v.optional(
      documentObject(
        { subjects: v.optional(v.array(SubjectSchema, 'must be a list of subjects')) },
        'an object { subjects? }',
      ),
    ),
  },
  'an object { statement, measure, effect, claim, ablations?, readings?, carriedBy?, arms?, robustness? }',
);
export type Hypothesis = v.InferOutput<typeof HypothesisSchema>;

/** The base scenario, of any format version: migrated, then checked like any scenario. */
const MigratedScenarioSchema = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const migrated = migrateScenario(dataset.value);
    if (migrated.ok) return migrated.document;
    addIssue({ message: migrated.message });
    return NEVER;
  }),
  ScenarioSchema,
);

const NAME = 'must be a text of 1 to 200 characters';
const DESCRIPTION = 'must be a text of at most 5,000 characters';

/**
 * An experiment document (BehaviorSpace's "experiment"): a base scenario, the parameters it
 * varies, repetitions, horizon, what to record and an optional stop condition.
 */
const ExperimentSchema = documentObject(
  {
    ...documentHeader(EXPERIMENT_FORMAT, EXPERIMENT_VERSION),
    name: text(NAME, 200),
    description: v.optional(
      v.pipe(
        v.string(DESCRIPTION),
        v.maxLength(5000, DESCRIPTION),
        v.check((s) => !hasUnsafeCharacters(s, true), UNSAFE_TEXT),
      ),
    ),
    scenario: MigratedScenarioSchema,
    vary: v.array(VariationSchema, 'must be a list of varied parameters (it may be empty)'),
    repetitions: count(1, MAX_RUNS, `must be an integer from 1 to ${MAX_RUNS}`),
    /** Ticks per run; omitted: the model's own horizon. */
    horizon: v.optional(count(1, 100_000_000, 'must be a positive integer (ticks)')),
    /** Reporters recorded (omitted: all) at the end of each run, and every N ticks when `every` > 0. */
    record: v.optional(
      documentObject(
        {
          reporters: v.optional(v.array(v.string('must be a reporter name'), 'must be a list of reporter names')),
          every: v.optional(count(0, 100_000_000, 'must be an integer ≥ 0 (0: only the final values)')),
        },
        'an object { reporters?, every? }',
      ),
    ),
    stop: v.optional(StopSchema),
    hypothesis: v.optional(HypothesisSchema),
    /** Inputs not known, as distributions sampled per run (see ./uncertain.ts). */
    uncertain: v.optional(v.array(UncertainSchema, 'must be a list of uncertain inputs')),
  },
  'a JSON object',
  'unknown key in experiment',
);
export type Experiment = v.InferOutput<typeof ExperimentSchema>;

/** A varied parameter resolved against the model: its values, validated. */
interface ResolvedVariation {
  readonly param: string;
  readonly values: readonly Value[];
  readonly compare: boolean;
}

export interface ResolvedExperiment {
  readonly experiment: Experiment;
  readonly model: Model;
  readonly seed: number;
  readonly baseParams: ParamValues<ParamSchema>;
  /** The base scenario's timed changes, replayed in every run. */
  readonly changes: readonly TimedChange[];
  readonly variations: readonly ResolvedVariation[];
  readonly repetitions: number;
  readonly horizon: number;
  readonly every: number;
  /** Reporter names recorded; null means all of them. */
  readonly reporters: readonly string[] | null;
  readonly stop?: StopCondition;
  readonly warnings: readonly string[];
  /** Uncertain inputs, sampled per run by Latin hypercube (see ./uncertain.ts). */
  readonly uncertain: readonly ResolvedUncertain[];
}

export type ExperimentResult = { ok: true; value: ResolvedExperiment } | { ok: false; errors: string[] };

const CELL = /^([A-Za-z_][\w]*)#(\d+)\.([A-Za-z_][\w]*)$/;

/** The spec a variation's values are checked against: a parameter's, or a table column's. */
function specOf(
  model: Model,
  params: ParamValues<ParamSchema>,
  path: string,
): { spec: ParamSpec; error?: undefined } | { error: string } {
  const cell = CELL.exec(path);
  if (!cell) {
    const spec = Object.hasOwn(model.params, path) ? model.params[path] : undefined;
    if (!spec) return { error: `unknown parameter "${displayText(path, { max: 60 })}"` };
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

/** How many values a range has: the last one may fall a rounding error short of `to`. */
function rangeLength(from: number, to: number, step: number): number {
  return Math.floor((to - from) / step + 1e-9) + 1;
}

/** The values of a range, computed so that every machine gets the same decimals. */
export function rangeValues(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  const count = rangeLength(from, to, step);
  for (let k = 0; k < count && k <= MAX_VALUES; k++) out.push(Number((from + k * step).toPrecision(12)));
  return out;
}

/** The semantic checks of a variation: its parameter exists, and each value meets its spec. */
function resolveVariation(
  model: Model,
  params: ParamValues<ParamSchema>,
  variation: Variation,
  at: string,
  errors: string[],
): ResolvedVariation | null {
  const target = specOf(model, params, variation.param);
  if (target.error !== undefined) return (errors.push(`${at}.param: ${target.error}`), null);
  const range = variation.range;
  const values = range ? rangeValues(range.from, range.to, range.step) : (variation.values ?? []);
  const checked: Value[] = [];
  values.forEach((value, i) => {
    const result = validateValue(target.spec, value, `${at}.values[${i}]`);
    if (result.ok) checked.push(result.value as Value);
    else for (const e of result.errors) errors.push(e.message);
  });
  if (new Set(checked.map((value) => JSON.stringify(value))).size !== checked.length)
    errors.push(`${at}.values: repeats a value`);
  return { param: variation.param, values: checked, compare: variation.compare === true };
}

/**
 * Checks an untrusted experiment document against the model registry. Never throws. The
 * schema checks the document's shape; what needs the model (parameters, values, horizon,
 * run count, the hypothesis against the variations) is checked here.
 */
export function parseExperiment(input: unknown, findModel: (id: string) => Model | undefined): ExperimentResult {
  const parsed = parseDocument(ExperimentSchema, input, 'experiment');
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => e.message) };
  const experiment = parsed.value;
  const scenario = resolveScenario(experiment.scenario, findModel);
  if (!scenario.ok) return { ok: false, errors: scenario.errors.map((e) => `scenario.${e.message}`) };

  const errors: string[] = [];
  const { model, params, seed, changes, warnings } = scenario.value;
  const variations: ResolvedVariation[] = [];
  const seen = new Set<string>();
  experiment.vary.forEach((variation, i) => {
    const resolved = resolveVariation(model, params, variation, `vary[${i}]`, errors);
    if (!resolved) return;
    if (seen.has(resolved.param)) errors.push(`vary[${i}].param: "${resolved.param}" is varied twice`);
    seen.add(resolved.param);
    variations.push(resolved);
  });
  const runs = variations.reduce((n, v) => n * v.values.length, 1) * experiment.repetitions;
  if (runs > MAX_RUNS) errors.push(`the experiment asks for ${runs} runs; at most ${MAX_RUNS.toLocaleString('en')}`);

  const horizon = experiment.horizon ?? model.horizon?.(params);
  if (horizon === undefined || !Number.isFinite(horizon))
    errors.push('horizon: the model has no horizon of its own, so the experiment must set one');
  if (experiment.hypothesis) checkHypothesis(experiment.hypothesis, model, variations, errors);
  const uncertain = resolveUncertainInputs(experiment, model, params, seen, errors);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      experiment,
      model,
      seed,
      baseParams: params,
      changes,
      variations,
      repetitions: experiment.repetitions,
      horizon: horizon!,
      every: experiment.record?.every ?? 0,
      reporters: experiment.record?.reporters ?? null,
      stop: experiment.stop,
      warnings,
      uncertain,
    },
  };
}

/** The uncertain inputs against the model: each names a parameter once, and one that is not also varied. */
function resolveUncertainInputs(
  experiment: Experiment,
  model: Model,
  params: ParamValues<ParamSchema>,
  varied: ReadonlySet<string>,
  errors: string[],
): ResolvedUncertain[] {
  const out: ResolvedUncertain[] = [];
  const seen = new Set<string>();
  (experiment.uncertain ?? []).forEach((input, i) => {
    const at = `uncertain[${i}]`;
    const name = displayText(input.param, { max: 60 });
    if (varied.has(input.param)) errors.push(`${at}.param: "${name}" is already varied: vary it or make it uncertain`);
    else if (seen.has(input.param)) errors.push(`${at}.param: "${name}" is uncertain twice`);
    seen.add(input.param);
    const resolved = resolveUncertain(input, at, (path) => specOf(model, params, path), errors);
    if (resolved) out.push(resolved);
  });
  return out;
}

/** The hypothesis against the experiment: its arms are values of a compared variation, its ablations switches. */
function checkHypothesis(
  hypothesis: Hypothesis,
  model: Model,
  variations: readonly ResolvedVariation[],
  errors: string[],
): void {
  checkEffect(hypothesis.effect, variations, 'hypothesis.effect', errors);
  hypothesis.readings?.forEach((reading, i) =>
    checkEffect(reading.effect, variations, `hypothesis.readings[${i}].effect`, errors),
  );
  for (const ablation of hypothesis.ablations ?? [])
    if (model.params[ablation]?.kind !== 'boolean')
      errors.push(
        `hypothesis.ablations: "${displayText(ablation, { max: 60 })}" is not a switch (a boolean parameter) of ${model.id}`,
      );
}

/** An effect against the variations: its parameter is a compared one, its arms among its values. */
function checkEffect(effect: EffectSpec, variations: readonly ResolvedVariation[], at: string, errors: string[]): void {
  for (const [param, value] of Object.entries(effect.where ?? {})) {
    const variation = variations.find((v) => v.param === param);
    const name = displayText(param, { max: 60 });
    if (!variation) errors.push(`${at}.where: "${name}" is not varied by the experiment`);
    else if (effect.kind !== 'level' && param === effect.param)
      errors.push(`${at}.where: "${name}" is the parameter the effect compares`);
    else if (!variation.values.some((x) => x === value)) errors.push(`${at}.where: not one of the values of ${name}`);
  }
  if (effect.kind === 'level') return;
  const variation = variations.find((v) => v.param === effect.param);
  if (!variation) {
    errors.push(`${at}.param: "${displayText(effect.param, { max: 60 })}" is not varied by the experiment`);
    return;
  }
  if (!variation.compare)
    errors.push(
      `${at}.param: ${variation.param} must be a compared arm (compare: true), so that pairs share their random numbers`,
    );
  if (effect.kind === 'slope') {
    const numbers = variation.values.filter((value) => typeof value === 'number');
    if (numbers.length < 2 || numbers.length !== variation.values.length)
      errors.push(`${at}.param: a slope needs ${variation.param} to take two or more numeric values`);
    else if (effect.scale === 'log' && numbers.some((value) => value <= 0))
      errors.push(`${at}.scale: a log slope needs every value of ${variation.param} above 0`);
    return;
  }
  for (const arm of ['treatment', 'control'] as const)
    if (!variation.values.some((value) => value === effect[arm]))
      errors.push(`${at}.${arm}: not one of the values of ${variation.param}`);
}

/** True for a document that claims to be an experiment (links and files may hold either kind). */
export function isExperimentDocument(document: unknown): boolean {
  return isPlainObject(document) && document.format === EXPERIMENT_FORMAT;
}

/**
 * JSON with object keys sorted at every level: equal documents give equal text. Its input is a
 * checked document (see MAX_DOCUMENT_DEPTH): deeper nesting is a programming error, thrown as one.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DOCUMENT_DEPTH)
    throw new RangeError(`canonicalJson: nested deeper than ${MAX_DOCUMENT_DEPTH} levels`);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k], depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
