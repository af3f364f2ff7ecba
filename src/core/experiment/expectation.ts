/**
 * An expectation = an experiment with a hypothesis: the experiment itself and one ablated copy
 * per mechanism it names. From their runs come the verdict, the effect with its interval, and
 * the attribution. The CLI's `expectations` and the app's expectations page both use this.
 */
import { reporterFormat, reportersFor, type Model, type ReporterFormat } from '../model';
import type { RunOutcome } from './execute';
import {
  ablatedExperiment,
  attribute,
  measureEffect,
  verdictOf,
  type Attribution,
  type Effect,
  type Verdict,
} from './hypothesis';
import { prepareExperiment, type PreparedExperiment } from './prepare';
import type { Experiment, Hypothesis } from './schema';

export interface ExpectationPart {
  /** null for the experiment itself, else the mechanism switched off. */
  readonly mechanism: string | null;
  readonly document: Experiment;
  readonly prepared: PreparedExperiment;
}

/** The experiment and its ablated copies, prepared; or the problems. */
export function expectationParts(
  document: Experiment,
  findModel: (id: string) => Model | undefined,
): { ok: true; hypothesis: Hypothesis; parts: ExpectationPart[] } | { ok: false; errors: string[] } {
  if (!document.hypothesis) return { ok: false, errors: ['the experiment states no hypothesis'] };
  const parts: ExpectationPart[] = [];
  for (const mechanism of [null, ...(document.hypothesis.ablations ?? [])]) {
    const variant = mechanism === null ? document : ablatedExperiment(document, mechanism);
    const prepared = prepareExperiment(variant, findModel);
    if (!prepared.ok) return prepared;
    parts.push({ mechanism, document: variant, prepared: prepared.value });
  }
  return { ok: true, hypothesis: document.hypothesis, parts };
}

export interface ExpectationResult {
  readonly verdict: Verdict;
  readonly effect: Effect;
  readonly attribution: Attribution;
  /** Runs behind the verdict and the attribution together. */
  readonly runs: number;
  /** How the measure reads (its reporter's declared format), for `figure`. */
  readonly format: ReporterFormat;
}

/** The verdict and attribution once every part has its runs; null while the experiment itself has none. */
export function expectationResult(
  hypothesis: Hypothesis,
  parts: readonly ExpectationPart[],
  outcomes: readonly (readonly RunOutcome[])[],
): ExpectationResult | null {
  const effects = parts.map((part, i) =>
    measureEffect(part.prepared.plan, part.prepared.settings, outcomes[i], hypothesis),
  );
  const full = effects[0];
  if (!full) return null;
  const ablated = parts
    .slice(1)
    .flatMap((part, i) => (effects[i + 1] ? [{ mechanism: part.mechanism!, effect: effects[i + 1]! }] : []));
  return {
    verdict: verdictOf(full, hypothesis.claim),
    effect: full,
    attribution: attribute(hypothesis, full, ablated),
    runs: outcomes.reduce((n, o) => n + o.length, 0),
    format: reporterFormat(
      reportersFor(parts[0].prepared.plan.model, parts[0].prepared.plan.baseParams),
      hypothesis.measure,
    ),
  };
}

/**
 * A figure of a verdict at four significant digits, a percentage for a `percent` measure: the
 * CLI and the app print the same text (toPrecision is exactly specified, unlike Intl).
 */
export function figure(v: number, format: ReporterFormat = 'plain'): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (format === 'percent') return `${figure(100 * v)}%`;
  return Math.abs(v) >= 1e5 ? v.toExponential(3) : v.toPrecision(4);
}
