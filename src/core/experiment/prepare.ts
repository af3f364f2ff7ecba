/** From an untrusted experiment document to everything a sweep needs, or the list of problems. */
import type { Model } from '../model';
import { createScenario } from '../scenario';
import { encodeScenarioLink } from '../scenarioLink';
import { runSettings, type RunSettings } from './execute';
import { parseExperiment, type ResolvedExperiment } from './schema';

export interface PreparedExperiment {
  readonly plan: ResolvedExperiment;
  readonly settings: RunSettings;
}

export function prepareExperiment(document: unknown, findModel: (id: string) => Model | undefined): { ok: true; value: PreparedExperiment } | { ok: false; errors: string[] } {
  const parsed = parseExperiment(document, findModel);
  if (!parsed.ok) return parsed;
  const settings = runSettings(parsed.value);
  if (!settings.ok) return settings;
  return { ok: true, value: { plan: parsed.value, settings: settings.value } };
}

/** The base scenario as an origin-free link fragment (`#s=…`), with only its changed parameters. */
export function baseScenarioLink(plan: ResolvedExperiment): Promise<string> {
  return encodeScenarioLink(createScenario(plan.model, plan.seed, plan.baseParams, { onlyChanged: true }));
}
