/**
 * Robust verdicts: an expectation is rerun in the standard variations of its setting that its
 * model declares (another seed, another population...) and in the other subjects it declares
 * (another vendor, say); its verdict is robust when it is the same in every one, fragile when
 * it flips somewhere. Variations run the experiment's own repetitions (no ablations), so that a
 * variation's interval is as wide as the experiment's: a verdict that flips does so because the
 * model behaves otherwise in that setting, never because the variation ran fewer runs.
 */
import { createScenario } from '../scenario';
import type { Effect, Verdict } from './hypothesis';
import type { Experiment, Hypothesis, ResolvedExperiment } from './schema';

export interface RobustnessVariant {
  /** Stable name: the model's variation id, or `subject-<n>` for a declared subject. */
  readonly id: string;
  readonly label: string;
  readonly document: Experiment;
}

/** Every occurrence of each key of `replace` in `text`, replaced at once (so a swap a↔b works). */
function replaceAll(text: string, replace: Readonly<Record<string, string>>): string {
  const keys = Object.keys(replace).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return text;
  const pattern = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, (match) => replace[match]);
}

/** The experiment about another subject: the replacements made in its varied paths, records and measures. */
export function subjectExperiment(experiment: Experiment, replace: Readonly<Record<string, string>>): Experiment {
  const r = (text: string) => replaceAll(text, replace);
  const effect = <E extends Hypothesis['effect']>(e: E): E => ({
    ...e,
    ...('param' in e ? { param: r(e.param) } : {}),
    ...('minus' in e ? { minus: r(e.minus) } : {}),
    ...(e.where ? { where: Object.fromEntries(Object.entries(e.where).map(([p, x]) => [r(p), x])) } : {}),
  });
  const h = experiment.hypothesis;
  return {
    ...experiment,
    vary: experiment.vary.map((variation) => ({ ...variation, param: r(variation.param) })),
    ...(experiment.record
      ? {
          record: {
            ...experiment.record,
            ...(experiment.record.reporters ? { reporters: experiment.record.reporters.map(r) } : {}),
          },
        }
      : {}),
    ...(experiment.stop ? { stop: { ...experiment.stop, reporter: r(experiment.stop.reporter) } } : {}),
    ...(h
      ? {
          hypothesis: {
            ...h,
            measure: r(h.measure),
            effect: effect(h.effect),
            ...(h.readings
              ? { readings: h.readings.map((x) => ({ ...x, measure: r(x.measure), effect: effect(x.effect) })) }
              : {}),
          },
        }
      : {}),
  };
}

/** A variant's name: the experiment's and the variation's, within the 200 characters a name may have. */
function variantName(experiment: Experiment, label: string): string {
  const suffix = ` — ${label}`;
  return experiment.name.slice(0, Math.max(1, 200 - suffix.length)) + suffix.slice(0, 199);
}

/**
 * The variants an expectation is rerun in: the model's variations of the experiment's setting,
 * then its declared subjects; each with the experiment's repetitions, and no ablations.
 */
export function robustnessVariants(plan: ResolvedExperiment): RobustnessVariant[] {
  const experiment = plan.experiment;
  const lean = (document: Experiment, label: string): Experiment => {
    const { ablations: _ablations, ...hypothesis } = document.hypothesis!;
    return { ...document, name: variantName(experiment, label), hypothesis };
  };
  const out: RobustnessVariant[] = [];
  const setting = { params: plan.baseParams, seed: plan.seed, horizon: plan.horizon };
  for (const variation of plan.model.robustnessVariations?.(setting) ?? []) {
    const params = { ...plan.baseParams, ...variation.params } as typeof plan.baseParams;
    const scenario = createScenario(plan.model, variation.seed ?? plan.seed, params, {
      onlyChanged: true,
      changes: plan.changes,
    });
    const document = { ...experiment, scenario, horizon: variation.horizon ?? plan.horizon };
    out.push({ id: variation.id, label: variation.label, document: lean(document, variation.label) });
  }
  experiment.hypothesis?.robustness?.subjects?.forEach((subject, i) =>
    out.push({
      id: `subject-${i + 1}`,
      label: subject.label,
      document: lean(subjectExperiment(experiment, subject.replace), subject.label),
    }),
  );
  return out;
}

export interface VariantVerdict {
  readonly id: string;
  readonly label: string;
  /** Inconclusive when the variation gave no effect (no run finished). */
  readonly verdict: Verdict;
  readonly effect: Effect | null;
}

export interface Robustness {
  /** Robust: the same verdict in every variation; fragile: it flips in at least one. */
  readonly label: 'robust' | 'fragile';
  readonly variations: readonly VariantVerdict[];
  /** The variations whose verdict differs from the experiment's. */
  readonly flips: readonly VariantVerdict[];
  /** Repetitions each variation ran. */
  readonly repetitions: number;
}

/** Robust or fragile, from the experiment's verdict and its variations' (null: no variation). */
export function robustnessOf(
  verdict: Verdict,
  variations: readonly VariantVerdict[],
  repetitions: number,
): Robustness | null {
  if (variations.length === 0) return null;
  const flips = variations.filter((v) => v.verdict !== verdict);
  return { label: flips.length ? 'fragile' : 'robust', variations, flips, repetitions };
}
