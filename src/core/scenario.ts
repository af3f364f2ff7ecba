/**
 * The scenario document, one JSON shape for every entry point (UI, link, file, CLI, sweeps):
 * `{ format: "agora-scenario", version: 1, model, modelVersion, seed, params }`.
 * `parseScenario` is the single gate from untrusted input to a runnable scenario.
 */
import type { Model } from './model';
import { defaultParams, validateParams, type ParamSchema, type ParamValues, type ValidationError } from './params';
import { isValidSeed, MAX_SEED } from './rng';

export const SCENARIO_FORMAT = 'agora-scenario';
/** Current version of the scenario format; older versions migrate forward on parse. */
export const SCENARIO_VERSION = 1;

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly version: number;
  readonly model: string;
  readonly modelVersion: number;
  readonly seed: number;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A scenario checked against its model: complete, validated parameters. */
export interface ResolvedScenario {
  readonly model: Model;
  readonly seed: number;
  readonly params: ParamValues<ParamSchema>;
  /** Non-fatal notices, e.g. a scenario made with another model version. */
  readonly warnings: readonly string[];
}

export type ScenarioResult = { ok: true; value: ResolvedScenario } | { ok: false; errors: ValidationError[] };

/** Writes a scenario document. With `onlyChanged`, parameters equal to their defaults are left out. */
export function createScenario(
  model: Model,
  seed: number,
  params: ParamValues<ParamSchema>,
  options: { onlyChanged?: boolean } = {},
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
  };
}

const KEYS = new Set(['format', 'version', 'model', 'modelVersion', 'seed', 'params']);

function fail(field: string, message: string): ScenarioResult {
  return { ok: false, errors: [{ field, message: `${field}: ${message}` }] };
}

/**
 * Checks an untrusted scenario document (already JSON-parsed) against the model registry.
 * Never throws; every problem comes back as a message naming its field.
 */
export function parseScenario(input: unknown, findModel: (id: string) => Model | undefined): ScenarioResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('scenario', 'must be a JSON object');
  }
  const doc = input as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (!KEYS.has(key)) return fail(key, 'unknown key in scenario');
  }
  if (doc.format !== SCENARIO_FORMAT) return fail('format', `must be "${SCENARIO_FORMAT}"`);
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version', 'must be a positive integer');
  }
  if (version > SCENARIO_VERSION) {
    return fail(
      'version',
      `is ${version}, made by a newer Agora (this one reads up to ${SCENARIO_VERSION}); please update`,
    );
  }
  if (typeof doc.model !== 'string') return fail('model', 'must be a model id');
  const model = findModel(doc.model);
  if (!model) return fail('model', `unknown model "${doc.model.slice(0, 60)}"`);
  const modelVersion = doc.modelVersion;
  if (typeof modelVersion !== 'number' || !Number.isInteger(modelVersion) || modelVersion < 1) {
    return fail('modelVersion', 'must be a positive integer');
  }
  if (!isValidSeed(doc.seed)) return fail('seed', `must be an integer from 0 to ${MAX_SEED}`);
  const params = validateParams(model.params, doc.params ?? {});
  if (!params.ok)
    return {
      ok: false,
      errors: params.errors.map((e) => ({ field: `params.${e.field}`, message: `params.${e.message}` })),
    };
  const warnings =
    modelVersion === model.version
      ? []
      : [
          `This scenario was made with ${model.id} version ${modelVersion}; this is version ${model.version}, so its numbers may differ.`,
        ];
  return { ok: true, value: { model, seed: doc.seed, params: params.value, warnings } };
}
