/** From an untrusted experiment document to everything a sweep needs, or the list of problems. */
import { calibrateScenario } from '../calibrationSize';
import type { Pace } from '../estimate';
import type { Model } from '../model';
import { validateParams } from '../params';
import { createScenario, type Scenario } from '../scenario';
import { encodeStoredScenarioLink } from '../scenarioLink';
import { executeRun, runSettings, runTask, type RunOutcome, type RunSettings } from './execute';
import { paramsForRun } from './plan';
import { parseExperiment, type ResolvedExperiment, type Value } from './schema';

export interface PreparedExperiment {
  readonly plan: ResolvedExperiment;
  readonly settings: RunSettings;
}

export function prepareExperiment(
  document: unknown,
  findModel: (id: string) => Model | undefined,
): { ok: true; value: PreparedExperiment } | { ok: false; errors: string[] } {
  const parsed = parseExperiment(document, findModel);
  if (!parsed.ok) return parsed;
  const settings = runSettings(parsed.value);
  if (!settings.ok) return settings;
  return { ok: true, value: { plan: parsed.value, settings: settings.value } };
}

/**
 * The base scenario as an origin-free link fragment (`#s=…`), with only its changed parameters,
 * stored uncompressed so that the browser and Node write the same characters.
 */
export function baseScenarioLink(plan: ResolvedExperiment): string {
  return encodeStoredScenarioLink(
    createScenario(plan.model, plan.seed, plan.baseParams, { onlyChanged: true, changes: plan.changes }),
  );
}

/**
 * The scenario of one compared arm: the base scenario with `param` (a parameter or a table
 * cell) set to `value`, so a person can open each arm of a comparison, not only the shared base.
 */
export function armScenario(plan: ResolvedExperiment, param: string, value: Value): Scenario {
  const params = paramsForRun(plan, {
    index: 0,
    values: { [param]: value },
    drawn: {},
    repetition: 0,
    seed: plan.seed,
  });
  return createScenario(plan.model, plan.seed, params, { onlyChanged: true, changes: plan.changes });
}

/** The run executor of a worker: prepares the experiment once, then runs index after index. */
export function experimentExecutor(
  document: unknown,
  findModel: (id: string) => Model | undefined,
): (index: number) => RunOutcome {
  const prepared = prepareExperiment(document, findModel);
  if (!prepared.ok) throw new Error(prepared.errors.join('; '));
  const { plan, settings } = prepared.value;
  return (index) => executeRun(plan.model, settings, runTask(plan, index));
}

/**
 * The pace of an experiment's run `index` (its Setup and its first ticks, up to its horizon) on
 * the clock `now`, for estimating the whole experiment (beyond its sliders' sizes, from smaller
 * runs: see calibrateScenario); null when the run cannot be set up.
 */
export function experimentPace(
  document: unknown,
  findModel: (id: string) => Model | undefined,
  index: number,
  now: () => number,
): Pace | null {
  const prepared = prepareExperiment(document, findModel);
  if (!prepared.ok) return null;
  const { plan, settings } = prepared.value;
  const task = runTask(plan, index);
  const params = validateParams(plan.model.params, task.params);
  return params.ok ? calibrateScenario(plan.model, params.value, task.seed, now, settings.horizon).pace : null;
}
