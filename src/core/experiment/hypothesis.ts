/**
 * Verdicts on an experiment's hypothesis, computed from its runs — holds, does not hold, or
 * inconclusive, with the effect, its 95% interval and the runs behind it — and the attribution
 * of the effect to mechanisms by ablation: the same experiment rerun with one switch off at a
 * time (same seeds, so common random numbers), and how far each removal moves the effect.
 */
import { countedValue, reportersFor } from '../model';
import { log as ln } from '../dmath';
import { mean, standardError } from '../stats';
import { inRunOrder, type RunOutcome, type RunSettings } from './execute';
import { plannedRun } from './plan';
import type { EffectSpec, Experiment, Hypothesis, ResolvedExperiment, Value } from './schema';

export type Verdict = 'holds' | 'does-not-hold' | 'inconclusive';

export interface Effect {
  readonly effect: number;
  readonly low: number;
  readonly high: number;
  /** Runs behind a level; pairs of runs behind a difference; pair groups (seeds) behind a slope. */
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

/** What one reading measures: a reporter's final value and the effect computed from it. */
export type ReadingSpec = Pick<Hypothesis, 'measure' | 'effect'>;

/** The mean of the measure (minus `minus`, for a difference in differences) at one value of the compared parameter. */
export interface ArmMean {
  readonly value: Value;
  readonly mean: number;
}

export interface Measured {
  readonly effect: Effect;
  /**
   * The arms behind a paired effect, over the pairs that count: treatment then control, or
   * every value of a slope's parameter in the experiment's order. Empty for a level.
   */
  readonly arms: readonly ArmMean[];
}

function columnOf(settings: RunSettings, name: string, field: string): number {
  const column = settings.reporters.indexOf(name);
  if (column < 0) throw new Error(`${field}: the experiment does not record "${name}"`);
  return column;
}

/** The least-squares slope of y on x; null without two distinct x. */
function olsSlope(points: readonly (readonly [number, number])[]): number | null {
  if (points.length < 2) return null;
  const mx = mean(points.map(([x]) => x));
  const my = mean(points.map(([, y]) => y));
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  return sxx > 0 ? sxy / sxx : null;
}

/** True when a run's values match each value the effect's `where` names (no `where`: every run). */
function inWhere(values: Readonly<Record<string, Value>>, where: EffectSpec['where']): boolean {
  return Object.entries(where ?? {}).every(([param, value]) => values[param] === value);
}

/** The runs of one pair group (same other values, same repetition): the measure by arm value. */
type PairGroup = Map<string, { value: Value; y: number }>;

/** A paired effect: one number per group, and the arms' means over the groups that gave one. */
function pairedEffect(
  effect: Exclude<EffectSpec, { kind: 'level' }>,
  groups: readonly PairGroup[],
  paramValues: readonly Value[],
): Measured | null {
  const perGroup: number[] = [];
  const used: PairGroup[] = [];
  for (const group of groups) {
    let one: number | null = null;
    if (effect.kind === 'slope') {
      const log = effect.scale === 'log';
      const points = [...group.values()]
        .filter(({ value, y }) => !log || ((value as number) > 0 && y > 0))
        .map(({ value, y }) => [log ? ln(value as number) : (value as number), log ? ln(y) : y] as const);
      one = olsSlope(points);
    } else {
      const treatment = group.get(JSON.stringify(effect.treatment));
      const control = group.get(JSON.stringify(effect.control));
      if (treatment && control) one = treatment.y - control.y;
    }
    if (one === null) continue;
    perGroup.push(one);
    used.push(group);
  }
  if (perGroup.length === 0) return null;
  const values = effect.kind === 'slope' ? paramValues : [effect.treatment, effect.control];
  const arms = values.flatMap((value) => {
    const ys = used.flatMap((g) => g.get(JSON.stringify(value))?.y ?? []);
    return ys.length ? [{ value, mean: mean(ys) }] : [];
  });
  return { effect: meanInterval(perGroup), arms };
}

/**
 * A reading's effect and its arms, from finished runs taken in run order (so the figures are
 * the same to the last bit whatever order the runs finished in); null while no run, pair or
 * pair group is complete.
 */
export function measureReading(
  plan: ResolvedExperiment,
  settings: RunSettings,
  outcomes: readonly RunOutcome[],
  reading: ReadingSpec,
): Measured | null {
  const spec = reading.effect;
  const column = columnOf(settings, reading.measure, 'hypothesis.measure');
  const minus = spec.kind === 'difference-in-differences' ? columnOf(settings, spec.minus, 'effect.minus') : -1;
  const reporters = reportersFor(plan.model, plan.baseParams);
  const counted = (outcome: RunOutcome, name: string, at: number) =>
    countedValue(reporters, name, finalValue(outcome, at));
  const levels = new Map<string, number[]>();
  const pairs = new Map<string, PairGroup>();
  for (const outcome of inRunOrder(outcomes)) {
    // A missing value counts as the reporter declares (or is left out); a failed run never counts.
    if (outcome.status !== 'ok') continue;
    let value = counted(outcome, reading.measure, column);
    if (value !== null && spec.kind === 'difference-in-differences') {
      const subtracted = counted(outcome, spec.minus, minus);
      value = subtracted === null ? null : value - subtracted;
    }
    if (value === null) continue;
    const run = plannedRun(plan, outcome.index);
    if (!inWhere(run.values, spec.where)) continue;
    if (spec.kind === 'level') {
      const key = spec.at === 'all' ? '' : JSON.stringify(Object.entries(run.values));
      levels.set(key, [...(levels.get(key) ?? []), value]);
      continue;
    }
    const arm = run.values[spec.param];
    const others = Object.entries(run.values).filter(([p]) => p !== spec.param);
    const key = JSON.stringify([others, run.repetition]);
    const group = pairs.get(key) ?? new Map();
    group.set(JSON.stringify(arm), { value: arm, y: value });
    pairs.set(key, group);
  }
  if (spec.kind !== 'level') {
    const values = plan.variations.find((v) => v.param === spec.param)?.values ?? [];
    return pairedEffect(spec, [...pairs.values()], values);
  }
  const intervals = [...levels.values()].map(meanInterval);
  if (intervals.length === 0) return null;
  const pick =
    spec.at === 'min'
      ? (a: Effect, b: Effect) => (b.effect < a.effect ? b : a)
      : (a: Effect, b: Effect) => (b.effect > a.effect ? b : a);
  return { effect: intervals.reduce(pick), arms: [] };
}

/** The effect a reading names, from finished runs; null while no run (or pair) is complete. */
export function measureEffect(
  plan: ResolvedExperiment,
  settings: RunSettings,
  outcomes: readonly RunOutcome[],
  reading: ReadingSpec,
): Effect | null {
  return measureReading(plan, settings, outcomes, reading)?.effect ?? null;
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

type AttributionLabel = 'by-construction' | 'emergent' | 'rule-without-switch' | 'no-effect';

interface MechanismShare {
  readonly mechanism: string;
  /** The effect with this switch off (the effect with it on is the full one). */
  readonly effect: Effect;
  readonly verdict: Verdict;
  /**
   * How far switching it off moves the effect towards its reference, as a fraction of the effect's
   * distance from it: 1 = to the reference, above 1 = past it, below 0 = the effect grows.
   */
  readonly moved: number;
}

export interface Attribution {
  readonly label: AttributionLabel;
  /**
   * The switches that carry the effect: the one for `by-construction`, those taking part for
   * `emergent`; for `rule-without-switch`, a switch that takes a smaller part, if any.
   */
  readonly carriers: readonly string[];
  readonly shares: readonly MechanismShare[];
}

/** A removal moving the effect at least this far (or flipping the verdict) carries it. */
const CARRIES = 0.5;
/** A removal moving it this far takes part in it. */
const TAKES_PART = 0.25;

/**
 * The reference an effect is measured from: no effect (0) for a difference or a slope, unless
 * the claim is that it stays small (a bound on the far side of zero), and the claimed threshold
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
 * A switch carries the effect when switching it off moves it by half its size or more, or
 * flips the verdict; it takes part when it moves it by a quarter or more.
 * By construction: exactly one switch takes part, and it carries the effect alone.
 * Emergent: two or more switches take part, so none carries it alone.
 * Rule without a switch: no switch carries it (at most one takes a smaller part); a rule that
 * has no switch does, which the hypothesis may name (`carriedBy`).
 * No effect: the effect's interval holds its reference, so there is nothing to attribute.
 * The effect is attributed whatever the claim's verdict: a claim that does not hold (E1: price
 * does decide share) still has an effect carried by some rule. Only a removal that shrinks the
 * effect towards its reference (or past it) counts; one that makes it larger carries nothing.
 */
export function attribute(
  h: Hypothesis,
  full: Effect,
  ablated: readonly { mechanism: string; effect: Effect }[],
): Attribution {
  const ref = reference(h, full.effect);
  const offset = full.effect - ref;
  const shares = ablated.map(({ mechanism, effect }) => ({
    mechanism,
    effect,
    verdict: verdictOf(effect, h.claim),
    moved: offset !== 0 ? 1 - (effect.effect - ref) / offset : 0,
  }));
  if (full.low <= ref && ref <= full.high) return { label: 'no-effect', carriers: [], shares };
  const holds = verdictOf(full, h.claim) === 'holds';
  const carries = (s: MechanismShare) => s.moved >= CARRIES || (holds && s.verdict === 'does-not-hold');
  const partakers = shares.filter((s) => s.moved >= TAKES_PART || carries(s));
  const carriers = partakers.map((s) => s.mechanism);
  if (partakers.length >= 2) return { label: 'emergent', carriers, shares };
  if (partakers.length === 1 && carries(partakers[0])) return { label: 'by-construction', carriers, shares };
  return { label: 'rule-without-switch', carriers, shares };
}
