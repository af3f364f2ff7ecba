/**
 * The scenario document, one JSON shape for every entry point (UI, link, file, CLI, sweeps):
 * `{ format: "agora-scenario", version: 2, model, modelVersion, seed, params, changes }`, where
 * `changes` are the timed changes made during the run (see timedChanges.ts), and the optional
 * `presenterPlots` the plots presenter mode shows (a display choice: runs ignore it).
 * `parseScenario` is the single gate from untrusted input to a runnable scenario.
 */
import * as v from 'valibot';
import { count, documentHeader, documentObject, isPlainObject, parseDocument, strictEntries } from './documentSchema';
import type { Model } from './model';
import { defaultParams, validateParams, type ParamSchema, type ParamValues, type ValidationError } from './params';
import { canonicalSeed, isValidSeed, MAX_SEED } from './rng';
import { displayText } from './safeText';
import { checkTimedChanges, type TimedChange } from './timedChanges';

export const SCENARIO_FORMAT = 'agora-scenario';
/** Current version of the scenario format; older versions migrate forward on parse. */
export const SCENARIO_VERSION = 2;

const POSITIVE = 'must be a positive integer';
const PLOT_IDS = 'must be a list of plot ids';
const MAX_PLOTS = 100;
const MAX_PLOT_ID = 100;

/** The envelope; its parameters are checked against the model's spec by `resolveScenario`. */
export const ScenarioSchema = documentObject(
  {
    ...documentHeader(SCENARIO_FORMAT, SCENARIO_VERSION),
    model: v.string('must be a model id'),
    modelVersion: count(1, Number.MAX_SAFE_INTEGER, POSITIVE),
    seed: v.pipe(v.custom<number>(isValidSeed, `must be an integer from 0 to ${MAX_SEED}`), v.transform(canonicalSeed)),
    /** Omitted: every parameter at its default. */
    params: v.optional(
      v.custom<Readonly<Record<string, unknown>>>(isPlainObject, 'must be an object of parameter values'),
    ),
    /** Omitted: no timed changes. Checked against the model by `resolveScenario`. */
    changes: v.optional(
      v.array(
        strictEntries(
          {
            tick: count(0, 1e9, 'must be a whole tick from 0 to 1000000000'),
            param: v.string('must be a parameter path, e.g. vendors#2.strategy'),
            value: v.unknown(),
          },
          'unknown key in a timed change',
        ),
        'must be a list of timed changes { tick, param, value }',
      ),
    ),
    /** Omitted: the model's own choice. Ids of the model's plots; an unknown id is left out. */
    presenterPlots: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(PLOT_IDS), v.maxLength(MAX_PLOT_ID, PLOT_IDS)), PLOT_IDS),
        v.maxLength(MAX_PLOTS, `must list at most ${MAX_PLOTS} plots`),
      ),
    ),
  },
  'a JSON object',
  'unknown key in scenario',
);

export type Scenario = v.InferOutput<typeof ScenarioSchema>;

/** A scenario checked against its model: complete, validated parameters. */
interface ResolvedScenario {
  readonly model: Model;
  readonly seed: number;
  readonly params: ParamValues<ParamSchema>;
  /** Timed changes, checked against the model and `params`. */
  readonly changes: readonly TimedChange[];
  /** The plots presenter mode shows, when the scenario says: ids of the model's plots only. */
  readonly presenterPlots?: readonly string[];
  /** Non-fatal notices, e.g. a scenario made with another model version. */
  readonly warnings: readonly string[];
}

export type ScenarioResult = { ok: true; value: ResolvedScenario } | { ok: false; errors: ValidationError[] };

/**
 * Writes a scenario document. With `onlyChanged`, parameters equal to their defaults are left
 * out. Timed changes are written only when there are some, presenter plots only when given.
 */
export function createScenario(
  model: Model,
  seed: number,
  params: ParamValues<ParamSchema>,
  options: { onlyChanged?: boolean; changes?: readonly TimedChange[]; presenterPlots?: readonly string[] } = {},
): Scenario {
  const defaults = defaultParams(model.params);
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(model.params)) {
    if (options.onlyChanged && JSON.stringify(params[name]) === JSON.stringify(defaults[name])) continue;
    out[name] = params[name];
  }
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    model: model.id,
    modelVersion: model.version,
    seed,
    params: out,
    ...(options.changes?.length ? { changes: options.changes.map((c) => ({ ...c })) } : {}),
    ...(options.presenterPlots ? { presenterPlots: [...options.presenterPlots] } : {}),
  };
}

/**
 * Checks an untrusted scenario document (already JSON-parsed) against the model registry.
 * Never throws; every problem comes back as a message naming its field.
 */
export function parseScenario(input: unknown, findModel: (id: string) => Model | undefined): ScenarioResult {
  const scenario = parseDocument(ScenarioSchema, input, 'scenario');
  return scenario.ok ? resolveScenario(scenario.value, findModel) : scenario;
}

/** The semantic half of `parseScenario`: the model exists, and the parameters meet its spec. */
export function resolveScenario(scenario: Scenario, findModel: (id: string) => Model | undefined): ScenarioResult {
  const model = findModel(scenario.model);
  if (!model) {
    const message = `model: unknown model "${displayText(scenario.model, { max: 60 })}"`;
    return { ok: false, errors: [{ field: 'model', message }] };
  }
  const params = validateParams(model.params, scenario.params ?? {});
  if (!params.ok)
    return {
      ok: false,
      errors: params.errors.map((e) => ({ field: `params.${e.field}`, message: `params.${e.message}` })),
    };
  const changes = checkTimedChanges(model, params.value, scenario.changes ?? []);
  if (!changes.ok) return changes;
  const warnings =
    scenario.modelVersion === model.version
      ? []
      : [
          `This scenario was made with ${model.id} version ${scenario.modelVersion}; this is version ${model.version}, so its numbers may differ.`,
        ];
  const plotIds = new Set(model.plots.map((p) => p.id));
  const presenterPlots = scenario.presenterPlots?.filter((id) => plotIds.has(id));
  return {
    ok: true,
    value: {
      model,
      seed: scenario.seed,
      params: params.value,
      changes: changes.value,
      ...(presenterPlots ? { presenterPlots } : {}),
      warnings,
    },
  };
}
