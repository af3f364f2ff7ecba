/**
 * An expectation = an experiment with a hypothesis: the experiment itself, one ablated copy per
 * mechanism it names, and one lean copy per variation of its setting (robustness). From their
 * runs come the verdict, the effect with its interval and arms, the secondary readings, the
 * attribution and the robustness label. The CLI's `expectations` and the app's expectations
 * page both use this, so they print the same figures.
 */
import { reportersFor } from '../model';
import type { RunOutcome } from './execute';
import { unitsOf, type EffectUnits } from './figures';
import {
  ablatedExperiment,
  attribute,
  measureReading,
  verdictOf,
  type ArmMean,
  type Attribution,
  type Effect,
  type Verdict,
} from './hypothesis';
import { prepareExperiment, type PreparedExperiment } from './prepare';
import { robustnessOf, robustnessVariants, type Robustness } from './robustness';
import type { Experiment, Hypothesis } from './schema';

export interface ExpectationPart {
  readonly role: 'experiment' | 'ablation' | 'variation';
  /** The mechanism switched off, for an ablation; else null. */
  readonly mechanism: string | null;
  /** The variation of the setting, for a variation; else null. */
  readonly variation: { readonly id: string; readonly label: string } | null;
  readonly document: Experiment;
  readonly prepared: PreparedExperiment;
}

/** The reporters a hypothesis reads that the experiment does not record. */
function unrecorded(h: Hypothesis, recorded: readonly string[]): string[] {
  const names = [h.measure, ...(h.readings ?? []).map((r) => r.measure)];
  for (const effect of [h.effect, ...(h.readings ?? []).map((r) => r.effect)])
    if (effect.kind === 'difference-in-differences') names.push(effect.minus);
  return [...new Set(names.filter((name) => !recorded.includes(name)))];
}

function preparePart(
  document: Experiment,
  findModel: Parameters<typeof prepareExperiment>[1],
  what: string,
): { ok: true; value: PreparedExperiment } | { ok: false; errors: string[] } {
  const prepared = prepareExperiment(document, findModel);
  if (!prepared.ok) return { ok: false, errors: prepared.errors.map((e) => `${what}: ${e}`) };
  const missing = unrecorded(document.hypothesis!, prepared.value.settings.reporters);
  if (missing.length)
    return {
      ok: false,
      errors: [`${what}: the experiment does not record ${missing.map((m) => `"${m}"`).join(', ')}`],
    };
  return prepared;
}

/** The experiment, its ablated copies and its robustness variants, prepared; or the problems. */
export function expectationParts(
  document: Experiment,
  findModel: (id: string) => PreparedExperiment['plan']['model'] | undefined,
): { ok: true; hypothesis: Hypothesis; parts: ExpectationPart[] } | { ok: false; errors: string[] } {
  if (!document.hypothesis) return { ok: false, errors: ['the experiment states no hypothesis'] };
  const parts: ExpectationPart[] = [];
  const main = preparePart(document, findModel, 'the experiment');
  if (!main.ok) return main;
  parts.push({ role: 'experiment', mechanism: null, variation: null, document, prepared: main.value });
  for (const mechanism of document.hypothesis.ablations ?? []) {
    const variant = ablatedExperiment(document, mechanism);
    const prepared = preparePart(variant, findModel, `without ${mechanism}`);
    if (!prepared.ok) return prepared;
    parts.push({ role: 'ablation', mechanism, variation: null, document: variant, prepared: prepared.value });
  }
  for (const { id, label, document: variant } of robustnessVariants(main.value.plan)) {
    const prepared = preparePart(variant, findModel, label);
    if (!prepared.ok) return prepared;
    parts.push({
      role: 'variation',
      mechanism: null,
      variation: { id, label },
      document: variant,
      prepared: prepared.value,
    });
  }
  return { ok: true, hypothesis: document.hypothesis, parts };
}

interface ReadingResult {
  readonly label: string;
  readonly measure: string;
  readonly effect: Effect;
  readonly arms: readonly ArmMean[];
  readonly units: EffectUnits;
  /** Null when the reading claims nothing. */
  readonly verdict: Verdict | null;
}

export interface ExpectationResult {
  readonly verdict: Verdict;
  readonly effect: Effect;
  /** The means behind the effect, arm by arm (see Measured.arms). */
  readonly arms: readonly ArmMean[];
  /** The effect's units: the claim's (see figures.ts). */
  readonly units: EffectUnits;
  readonly readings: readonly ReadingResult[];
  /** Labels of the readings no run gave a value for (e.g. the day profit turns positive, when it never does). */
  readonly unmeasuredReadings: readonly string[];
  readonly attribution: Attribution;
  /** Null when neither the model nor the hypothesis declares a variation. */
  readonly robustness: Robustness | null;
  /** Runs of the experiment itself. */
  readonly experimentRuns: number;
  /** Runs behind the verdict, the attribution and the robustness together. */
  readonly runs: number;
}

/** The results once the experiment itself has its runs; null while it has none. */
export function expectationResult(
  hypothesis: Hypothesis,
  parts: readonly ExpectationPart[],
  outcomes: readonly (readonly RunOutcome[])[],
): ExpectationResult | null {
  const measure = (i: number, reading: Pick<Hypothesis, 'measure' | 'effect'>) =>
    measureReading(parts[i].prepared.plan, parts[i].prepared.settings, outcomes[i] ?? [], reading);
  const full = measure(0, hypothesis);
  if (!full) return null;
  const { plan } = parts[0].prepared;
  const reporters = reportersFor(plan.model, plan.baseParams);
  const unitsFor = (r: Pick<Hypothesis, 'measure' | 'effect'>) =>
    unitsOf(
      r.effect,
      reporters.find((d) => d.name === r.measure),
    );
  const unmeasuredReadings: string[] = [];
  const readings = (hypothesis.readings ?? []).flatMap((reading) => {
    const measured = measure(0, reading);
    if (!measured) {
      unmeasuredReadings.push(reading.label);
      return [];
    }
    const verdict = reading.claim ? verdictOf(measured.effect, reading.claim) : null;
    return [{ label: reading.label, measure: reading.measure, ...measured, units: unitsFor(reading), verdict }];
  });
  const ablated: { mechanism: string; effect: Effect }[] = [];
  const variations: { id: string; label: string; verdict: Verdict; effect: Effect | null }[] = [];
  parts.forEach((part, i) => {
    if (part.role === 'experiment') return;
    // A variant measures its own hypothesis (another subject's measure, say).
    const effect = measure(i, part.document.hypothesis!)?.effect ?? null;
    if (part.role === 'ablation' && effect) ablated.push({ mechanism: part.mechanism!, effect });
    if (part.role === 'variation')
      variations.push({
        ...part.variation!,
        effect,
        verdict: effect ? verdictOf(effect, hypothesis.claim) : 'inconclusive',
      });
  });
  const verdict = verdictOf(full.effect, hypothesis.claim);
  const variationPart = parts.find((p) => p.role === 'variation');
  return {
    verdict,
    effect: full.effect,
    arms: full.arms,
    units: unitsFor(hypothesis),
    readings,
    unmeasuredReadings,
    attribution: attribute(hypothesis, full.effect, ablated),
    robustness: robustnessOf(verdict, variations, variationPart?.prepared.plan.repetitions ?? 0),
    experimentRuns: outcomes[0].length,
    runs: outcomes.reduce((n, o) => n + o.length, 0),
  };
}
