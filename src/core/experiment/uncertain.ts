/**
 * Uncertain inputs of an experiment: parameters (or table cells) that are not known, declared as
 * distributions — `uniform: [lo, hi]`, `normal: { mean, sd, min?, max? }` (truncated to the
 * parameter's range), `choice: [{ value, weight }]` — and sampled per run.
 *
 * Sampling is a Latin hypercube over the repetitions of each setting: the R repetitions of a
 * setting split every input's probability range into R equal strata, each visited once, in an
 * order shuffled per input. A setting is the run's non-compared varied values, so the compared
 * arms of a comparison (strategies, switches) meet the same draws, repetition by repetition,
 * as they meet the same random numbers. The design derives from the experiment's seed and the
 * setting alone, so run k gets the same values in the browser, the CLI and on any shard.
 */
import * as v from 'valibot';
import { documentObject, finite, kindOf } from '../documentSchema';
import { exp, log } from '../dmath';
import { validateValue, type ParamSpec } from '../params';
import { Random } from '../rng';
import { displayText } from '../safeText';

type Scalar = number | string | boolean;
const MAX_CHOICES = 1000;

const ScalarSchema = v.union(
  [v.number(), v.string(), v.boolean()],
  (issue) => `must be a number, a text or true/false, got ${kindOf(issue.input)}`,
);
const positive = (message: string) =>
  v.pipe(
    finite(message),
    v.check((x) => x > 0, message),
  );

const UNIFORM = 'must be [low, high] with low ≤ high';
const UniformSchema = v.pipe(
  v.strictTuple([finite(UNIFORM), finite(UNIFORM)], UNIFORM),
  v.check(([lo, hi]) => lo <= hi, UNIFORM),
);
const NormalSchema = documentObject(
  {
    mean: finite('must be a finite number'),
    sd: positive('must be a positive number'),
    min: v.optional(finite()),
    max: v.optional(finite()),
  },
  'an object { mean, sd, min?, max? }',
);
const ChoiceSchema = v.pipe(
  v.array(
    documentObject(
      { value: ScalarSchema, weight: positive('must be a positive number') },
      'an object { value, weight }',
    ),
    'must be a list of { value, weight }',
  ),
  v.minLength(1, `needs 1 to ${MAX_CHOICES} choices`),
  v.maxLength(MAX_CHOICES, `needs 1 to ${MAX_CHOICES} choices`),
);

const KINDS = ['uniform', 'normal', 'choice'] as const;

/** One uncertain input as written in the document. */
export const UncertainSchema = v.pipe(
  documentObject(
    {
      /** A parameter name, or a table cell: `table#rowId.column` (e.g. `vendors#1.strategy`). */
      param: v.string('must be a parameter name'),
      uniform: v.optional(UniformSchema),
      normal: v.optional(NormalSchema),
      choice: v.optional(ChoiceSchema),
    },
    'an object { param, uniform | normal | choice }',
  ),
  v.check(
    (input) => KINDS.filter((k) => input[k] !== undefined).length === 1,
    'give exactly one distribution: uniform, normal or choice',
  ),
);
type UncertainInput = v.InferOutput<typeof UncertainSchema>;

/** A declared distribution checked against its parameter: what `drawValue` maps a probability through. */
export type ResolvedUncertain =
  | {
      readonly param: string;
      readonly kind: 'uniform';
      readonly lo: number;
      readonly hi: number;
      readonly int: boolean;
    }
  | {
      readonly param: string;
      readonly kind: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly min: number;
      readonly max: number;
      readonly int: boolean;
    }
  | {
      readonly param: string;
      readonly kind: 'choice';
      readonly values: readonly Scalar[];
      /** Cumulative weights, normalised so that the last is 1. */
      readonly cumulative: readonly number[];
    };

/**
 * The semantic checks of one uncertain input against its parameter's spec (found by `specOf`,
 * which reports unknown parameters). Pushes a message naming the field for each problem.
 */
export function resolveUncertain(
  input: UncertainInput,
  at: string,
  specOf: (path: string) => { spec: ParamSpec; error?: undefined } | { error: string },
  errors: string[],
): ResolvedUncertain | null {
  const target = specOf(input.param);
  if (target.error !== undefined) return (errors.push(`${at}.param: ${target.error}`), null);
  const spec = target.spec;
  const name = displayText(input.param, { max: 60 });
  if (input.choice) return resolveChoice(input.param, input.choice, spec, at, errors);
  if (spec.kind !== 'int' && spec.kind !== 'float') {
    errors.push(`${at}: ${name} is not a number (it is a ${spec.kind}): declare it with choice`);
    return null;
  }
  const range = `${spec.min} to ${spec.max}`;
  const int = spec.kind === 'int';
  if (input.uniform) {
    const [lo, hi] = input.uniform;
    if (lo < spec.min || hi > spec.max)
      return (errors.push(`${at}.uniform: [${lo}, ${hi}] lies outside the range of ${name} (${range})`), null);
    if (int && !(Number.isInteger(lo) && Number.isInteger(hi)))
      return (errors.push(`${at}.uniform: ${name} is an integer: give integer bounds`), null);
    return { param: input.param, kind: 'uniform', lo, hi, int };
  }
  const normal = input.normal!;
  const min = normal.min ?? spec.min;
  const max = normal.max ?? spec.max;
  if (min < spec.min || max > spec.max)
    return (
      errors.push(`${at}.normal: min ${min} and max ${max} must lie within the range of ${name} (${range})`),
      null
    );
  if (!(min <= normal.mean && normal.mean <= max))
    return (errors.push(`${at}.normal.mean: ${normal.mean} lies outside ${min} to ${max}`), null);
  return { param: input.param, kind: 'normal', mean: normal.mean, sd: normal.sd, min, max, int };
}

function resolveChoice(
  param: string,
  choice: readonly { value: Scalar; weight: number }[],
  spec: ParamSpec,
  at: string,
  errors: string[],
): ResolvedUncertain | null {
  const values: Scalar[] = [];
  const before = errors.length;
  choice.forEach((c, i) => {
    const checked = validateValue(spec, c.value, `${at}.choice[${i}].value`);
    if (checked.ok) values.push(checked.value as Scalar);
    else for (const e of checked.errors) errors.push(e.message);
  });
  if (new Set(values.map((x) => JSON.stringify(x))).size !== values.length)
    errors.push(`${at}.choice: repeats a value`);
  if (errors.length > before) return null;
  const total = choice.reduce((t, c) => t + c.weight, 0);
  let running = 0;
  const cumulative = choice.map((c) => (running += c.weight) / total);
  cumulative[cumulative.length - 1] = 1;
  return { param, kind: 'choice', values, cumulative };
}

/** The value at probability `u` ∈ [0, 1) of a distribution: its inverse CDF. */
export function drawValue(input: ResolvedUncertain, u: number): Scalar {
  switch (input.kind) {
    case 'uniform':
      if (input.int) return Math.min(input.hi, input.lo + Math.floor(u * (input.hi - input.lo + 1)));
      return input.lo + u * (input.hi - input.lo);
    case 'normal': {
      const a = normalCdf((input.min - input.mean) / input.sd);
      const b = normalCdf((input.max - input.mean) / input.sd);
      const p = a + u * (b - a);
      const x = p <= 0 ? input.min : p >= 1 ? input.max : input.mean + input.sd * normalQuantile(p);
      const clamped = Math.min(input.max, Math.max(input.min, x));
      return input.int ? Math.min(Math.floor(input.max), Math.max(Math.ceil(input.min), Math.round(clamped))) : clamped;
    }
    case 'choice': {
      const k = input.cumulative.findIndex((c) => u < c);
      return input.values[k < 0 ? input.values.length - 1 : k];
    }
  }
}

/**
 * The standard normal CDF, from erfc (Numerical Recipes' Chebyshev fit, fractional error
 * below 1.2e-7) with the deterministic exp: the same digits on every engine.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * exp(poly);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** The standard normal quantile for p ∈ (0, 1) (Acklam's rational fit, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * log(p < P_LOW ? p : 1 - p));
    const x =
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * The Latin hypercube of one setting: for each input, the probabilities of repetitions 0 … R−1,
 * one in each stratum [k/R, (k+1)/R), in a shuffled order. Each input has its own stream, keyed
 * by (seed, setting, input position and name), so adding an input leaves the others' draws alone.
 */
export function latinHypercube(
  seed: number,
  setting: string,
  inputs: readonly ResolvedUncertain[],
  repetitions: number,
): Float64Array[] {
  return inputs.map((input, d) => {
    const rng = new Random(`agora-lhs:${seed}:${setting}:${d}:${input.param}`);
    const strata = rng.shuffle(Array.from({ length: repetitions }, (_, k) => k));
    const u = new Float64Array(repetitions);
    for (let k = 0; k < repetitions; k++) u[k] = (strata[k] + rng.next()) / repetitions;
    return u;
  });
}
