/** Small, exact statistics for experiment results: summaries, quantiles, Wilson intervals. */

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** z of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion (successes of n): unlike the normal approximation it
 * stays inside [0, 1] and is sensible for 0 or n successes. n = 0 gives [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

/** Sample standard deviation (n − 1); NaN below two values. */
export function standardDeviation(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

export function standardError(xs: readonly number[]): number {
  return standardDeviation(xs) / Math.sqrt(xs.length);
}

/** Quantile q of sorted values by linear interpolation (type 7, as R and NumPy default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly q25: number;
  readonly median: number;
  readonly q75: number;
  readonly max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: mean(sorted),
    sd: standardDeviation(sorted),
    min: sorted.length ? sorted[0] : NaN,
    q25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q75: quantile(sorted, 0.75),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Equal-width histogram of values over [min, max] in `bins` bins. */
export function histogram(values: readonly number[], bins: number): { from: number; to: number; count: number }[] {
  if (values.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) return [{ from: lo, to: hi, count: values.length }];
  // Scale by the span before multiplying by the bin count: (hi − lo) / bins can underflow to 0
  // for a tiny span, which would drop values into a NaN bin.
  const span = hi - lo;
  const edge = (i: number) => (i === bins ? hi : lo + (span * i) / bins);
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor(((v - lo) / span) * bins))]++;
  return counts.map((count, i) => ({ from: edge(i), to: edge(i + 1), count }));
}
