/**
 * Turns parsed `run` arguments into a validated scenario: reads the scenario file or link, applies
 * --model, --param and --seed, and validates everything through the shared parameter
 * validator. Problems come back as UsageError with one line naming the flag.
 */
import { readFileSync } from 'node:fs';
import type { Model } from '../core/model';
import { parseParamText, validateParams, type ParamSchema, type ParamValues } from '../core/params';
import { parseScenario } from '../core/scenario';
import { checkTimedChanges, type TimedChange } from '../core/timedChanges';
import { decodeScenarioLink, isScenarioLink } from '../core/scenarioLink';
import { findModel, MODELS } from '../models/registry';
import { UsageError, type RunArgs } from './args';
import { append } from '../core/arrays';
import { parseJsonText } from '../core/jsonDocument';

export interface ResolvedRun {
  readonly model: Model;
  readonly params: ParamValues<ParamSchema>;
  /** The scenario's timed changes, replayed by the run. */
  readonly changes: readonly TimedChange[];
  /** Undefined when neither --seed nor a scenario gave one. */
  readonly seed: number | undefined;
  readonly warnings: readonly string[];
}

/** The JSON document in a --scenario file. */
export function readScenarioFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--scenario: cannot read ${path}${code === 'ENOENT' ? ' (no such file)' : ` (${code ?? 'error'})`}`,
    );
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new UsageError(`--scenario: ${path} ${parsed.message}`);
  return parsed.value;
}

function modelById(id: string): Model {
  const model = findModel(id);
  if (!model)
    throw new UsageError(`--model must be one of ${MODELS.map((m) => m.id).join(', ')}, got ${JSON.stringify(id)}`);
  return model;
}

/** A scenario document from --scenario: a share link (full URL or fragment) or a JSON file. */
async function readScenario(source: string): Promise<unknown> {
  if (!isScenarioLink(source)) return readScenarioFile(source);
  const decoded = await decodeScenarioLink(source);
  if (!decoded.ok) throw new UsageError(`--scenario: ${decoded.error.message}`);
  return decoded.document;
}

export async function resolveRun(args: RunArgs): Promise<ResolvedRun> {
  let model: Model;
  let base: Record<string, unknown> = {};
  let changes: readonly TimedChange[] = [];
  let seed = args.seed;
  const warnings: string[] = [];
  if (args.scenario !== undefined) {
    const parsed = parseScenario(await readScenario(args.scenario), findModel);
    if (!parsed.ok) throw new UsageError(`--scenario: ${parsed.errors[0].message}`);
    model = parsed.value.model;
    if (args.model !== undefined && args.model !== model.id) {
      throw new UsageError(`--model ${args.model} disagrees with the scenario's model ${model.id}`);
    }
    base = { ...parsed.value.params };
    changes = parsed.value.changes;
    seed ??= parsed.value.seed;
    append(warnings, parsed.value.warnings);
  } else {
    model = modelById(args.model!);
  }
  for (const { name, value } of args.params) {
    const spec = Object.prototype.hasOwnProperty.call(model.params, name) ? model.params[name] : undefined;
    if (!spec) {
      throw new UsageError(
        `--param: ${model.id} has no parameter ${JSON.stringify(name)} (it has ${Object.keys(model.params).join(', ')})`,
      );
    }
    const parsed = parseParamText(spec, value);
    if (!parsed.ok) throw new UsageError(`--param ${name} ${parsed.message}, got ${JSON.stringify(value)}`);
    base[name] = parsed.value;
  }
  const params = validateParams(model.params, base);
  if (!params.ok) throw new UsageError(`--param ${params.errors[0].message}`);
  // A --param may take away what a timed change names (a table row, say).
  const checked = checkTimedChanges(model, params.value, changes, "the scenario's changes");
  if (!checked.ok) throw new UsageError(`--param leaves ${checked.errors[0].message}`);
  return { model, params: params.value, changes: checked.value, seed, warnings };
}
