/**
 * Verdicts on an experiment's hypothesis, computed from its runs — holds, does not hold, or
 * inconclusive, with the effect, its 95% interval and the runs behind it — and the attribution
 * of the effect to mechanisms by ablation: the same experiment rerun with one switch off at a
 * time (same seeds, so common random numbers), and how far each removal moves the effect.
 */
import { countedValue, reportersFor } from '../model';
import { mean, standardError } from '../stats';
import { inRunOrder, type RunOutcome, type RunSettings } from './execute';
import { plannedRun } from './plan';
import type { Experiment, Hypothesis, ResolvedExperiment } from './schema';

export type Verdict = 'holds' | 'does-not-hold' | 'inconclusive';

export interface Effect {
  readonly effect: number;
  readonly low: number;
  readonly high: number;
  /** Runs (or pairs of runs, for a difference) behind the effect. */
  readonly n: number;
}

/** 97.5% quantiles of Student's t for 1–30 degrees of freedom (two-sided 95% intervals). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The standard normal's 97.5% quantile. */
const Z975 = 1.959963984540054;

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom: the table up to 30, beyond it
 * the Cornish–Fisher expansion of t in powers of 1/df around the normal quantile (Abramowitz &
 * Stegun 26.7.5), within 1e-5 of the exact value from df 30 on and tending to 1.96.
 */
export function t975(df: number): number {
  if (df <= 30) return T975[df - 1];
  const z = Z975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** Mean and 95% t-interval of a sample; a sample of one has an unbounded interval. */
function meanInterval(xs: readonly number[]): Effect {
  const m = mean(xs);
  const half = xs.length > 1 ? t975(xs.length - 1) * standardError(xs) : Infinity;
  return { effect: m, low: m - half, high: m + half, n: xs.length };
}

function finalValue(outcome: RunOutcome, column: number): number | null {
  const last = outcome.rows[outcome.rows.length - 1];
  return last ? last.values[column] : null;
}

/** The effect the hypothesis names, from finished runs; null while no run (or pair) is complete. */
export function measureEffect(
  plan: ResolvedExperiment,
  settings: RunSettings,
  outcomes: readonly RunOutcome[],
  h: Hypothesis,
): Effect | null {
  const column = settings.reporters.indexOf(h.measure);
  if (column < 0) throw new Error(`hypothesis.measure: the experiment does not record "${h.measure}"`);
  const reporters = reportersFor(plan.model, plan.baseParams);
  const groups = new Map<string, number[]>();
  const pairs = new Map<string, { treatment?: number; control?: number }>();
  for (const outcome of inRunOrder(outcomes)) {
    // A missing value counts as the reporter declares (or is left out); a failed run never counts.
    const value = outcome.status === 'ok' ? countedValue(reporters, h.measure, finalValue(outcome, column)) : null;
    if (value === null) continue;
    const run = plannedRun(plan, outcome.index);
    if (h.effect.kind === 'difference') {
      const arm = run.values[h.effect.param];
      const others = Object.entries(run.values).filter(([p]) => p !== (h.effect as { param: string }).param);
      const key = JSON.stringify([others, run.repetition]);
      const pair = pairs.get(key) ?? {};
      if (arm === h.effect.treatment) pair.treatment = value;
      if (arm === h.effect.control) pair.control = value;
      pairs.set(key, pair);
    } else {
      const key = h.effect.at === 'all' ? '' : JSON.stringify(Object.entries(run.values));
      const group = groups.get(key) ?? [];
      group.push(value);
      groups.set(key, group);
    }
  }
  if (h.effect.kind === 'difference') {
    const differences = [...pairs.values()]
      .filter((p) => p.treatment !== undefined && p.control !== undefined)
      .map((p) => p.treatment! - p.control!);
    return differences.length ? meanInterval(differences) : null;
  }
  const intervals = [...groups.values()].map(meanInterval);
  if (intervals.length === 0) return null;
  const pick =
    h.effect.at === 'min'
      ? (a: Effect, b: Effect) => (b.effect < a.effect ? b : a)
      : (a: Effect, b: Effect) => (b.effect > a.effect ? b : a);
  return intervals.reduce(pick);
}

/** Holds when the whole interval lies on the claimed side; does not hold when it lies wholly on the other; else inconclusive. */
export function verdictOf(effect: Effect, claim: Hypothesis['claim']): Verdict {
  const { above, below } = claim;
  const inside = (above === undefined || effect.low > above) && (below === undefined || effect.high < below);
  const outside = (above !== undefined && effect.high < above) || (below !== undefined && effect.low > below);
  return inside ? 'holds' : outside ? 'does-not-hold' : 'inconclusive';
}

/** The experiment with one mechanism switch off: same runs, same seeds. */
export function ablatedExperiment(experiment: Experiment, mechanism: string): Experiment {
  return {
    ...experiment,
    name: `${experiment.name} — without ${mechanism}`,
    scenario: { ...experiment.scenario, params: { ...experiment.scenario.params, [mechanism]: false } },
  };
}

type AttributionLabel = 'by-construction' | 'emergent' | 'not-carried' | 'no-effect';

interface MechanismShare {
  readonly mechanism: string;
  readonly effect: Effect;
  readonly verdict: Verdict;
  /** How far switching it off moves the effect, as a fraction of the effect's distance from its reference. */
  readonly moved: number;
}

export interface Attribution {
  readonly label: AttributionLabel;
  /** The mechanisms that carry the effect. */
  readonly carriers: readonly string[];
  readonly shares: readonly MechanismShare[];
}

/** A removal moving the effect at least this far (or flipping the verdict) carries it. */
const CARRIES = 0.5;
/** A removal moving it this far takes part in it. */
const TAKES_PART = 0.25;

/**
 * The reference an effect is measured from: no difference for a difference, unless the claim
 * is that a difference stays small (a bound on the far side of zero), and the claimed threshold
 * for a level — in both latter cases, how far the effect sits from what the claim allows.
 */
function reference(h: Hypothesis, effect: number): number {
  const { above, below } = h.claim;
  if (h.effect.kind === 'level') return below ?? above ?? 0;
  if (above !== undefined && above < 0 && effect >= 0) return above;
  if (below !== undefined && below > 0 && effect <= 0) return below;
  return 0;
}

/**
 * By construction: one mechanism alone carries the effect (removing it moves the effect by half
 * its size or more, or flips the verdict) and no other takes part. Emergent: two or more take
 * part. Not carried: none of the mechanisms tested moves it much (it comes from rules without
 * a switch). No effect: the hypothesis does not hold, so there is nothing to attribute.
 */
export function attribute(
  h: Hypothesis,
  full: Effect,
  ablated: readonly { mechanism: string; effect: Effect }[],
): Attribution {
  const distance = Math.abs(full.effect - reference(h, full.effect));
  const shares = ablated.map(({ mechanism, effect }) => ({
    mechanism,
    effect,
    verdict: verdictOf(effect, h.claim),
    moved: distance > 0 ? Math.abs(effect.effect - full.effect) / distance : 0,
  }));
  if (verdictOf(full, h.claim) !== 'holds') return { label: 'no-effect', carriers: [], shares };
  const carriers = shares.filter((s) => s.moved >= CARRIES || s.verdict !== 'holds').map((s) => s.mechanism);
  const partakers = shares.filter((s) => s.moved >= TAKES_PART || s.verdict !== 'holds').map((s) => s.mechanism);
  if (partakers.length >= 2) return { label: 'emergent', carriers: partakers, shares };
  if (carriers.length === 1) return { label: 'by-construction', carriers, shares };
  return { label: 'not-carried', carriers: [], shares };
}
