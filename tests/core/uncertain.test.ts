/**
 * Uncertain inputs of experiments: declared distributions, sampled per run by Latin hypercube,
 * reproducibly and identically in any order or shard layout, with the declared marginals.
 */
import { describe, expect, it } from 'vitest';
import { runTask } from '../../src/core/experiment/execute';
import { plannedRun, runCount, selectedRuns } from '../../src/core/experiment/plan';
import { prepareExperiment, type PreparedExperiment } from '../../src/core/experiment/prepare';
import { normalCdf, normalQuantile } from '../../src/core/experiment/uncertain';
import type { TableValue } from '../../src/core/params';
import { findModel } from '../../src/models/registry';

const REPETITIONS = 200;
const UNCERTAIN = [
  { param: 'growth', uniform: [5, 45] },
  { param: 'vendors#0.margin', normal: { mean: 35, sd: 15, min: 10, max: 60 } },
  {
    param: 'vendors#1.strategy',
    choice: [
      { value: 'profit', weight: 1 },
      { value: 'follow', weight: 2 },
      { value: 'aggressive', weight: 1 },
    ],
  },
  { param: 'repriceDays', uniform: [1, 10] },
  { param: 'switchingCost', normal: { mean: 4.5, sd: 1 } },
];

const document = (fields: object = {}) => ({
  format: 'agora-experiment',
  version: 1,
  name: 'Uncertain inputs',
  scenario: { format: 'agora-scenario', version: 1, model: 'cloud-market', modelVersion: 1, seed: 11, params: {} },
  vary: [
    { param: 'vendors#2.strategy', values: ['profit', 'aggressive'], compare: true },
    { param: 'choiceNoise', values: [0.3, 0.6] },
  ],
  repetitions: REPETITIONS,
  uncertain: UNCERTAIN,
  ...fields,
});

function prepare(doc: unknown): PreparedExperiment {
  const r = prepareExperiment(doc, findModel);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

function errorsOf(doc: unknown): string {
  const r = prepareExperiment(doc, findModel);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.errors.join('\n');
}

const plan = prepare(document()).plan;
const all = Array.from({ length: runCount(plan) }, (_, i) => plannedRun(plan, i));
const drawnOf = (param: string, runs = all) => runs.map((r) => r.drawn[param]);

/** Kolmogorov–Smirnov distance between a sample and a CDF. */
function ksDistance(sample: readonly number[], cdf: (x: number) => number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => (d = Math.max(d, Math.abs(cdf(x) - i / n), Math.abs(cdf(x) - (i + 1) / n))));
  return d;
}
/** The KS critical value at α = 0.01 (asymptotic): a sample from the CDF stays below it 99% of the time. */
const ks01 = (n: number) => 1.628 / Math.sqrt(n);

/** Pearson's chi-square of observed counts against expected probabilities. */
function chiSquare(observed: readonly number[], probabilities: readonly number[]): number {
  const n = observed.reduce((a, b) => a + b, 0);
  return observed.reduce((t, o, k) => t + (o - n * probabilities[k]) ** 2 / (n * probabilities[k]), 0);
}

/**
 * The CDF of a normal(mean, sd) truncated to [min, max], by Simpson's rule on its density:
 * computed independently of the sampler's erfc and quantile fits.
 */
function truncatedNormalCdf(mean: number, sd: number, min: number, max: number): (x: number) => number {
  const density = (x: number) => Math.exp(-0.5 * ((x - mean) / sd) ** 2);
  const integral = (a: number, b: number) => {
    const steps = 400;
    const h = (b - a) / steps;
    let s = density(a) + density(b);
    for (let k = 1; k < steps; k++) s += (k % 2 ? 4 : 2) * density(a + k * h);
    return (s * h) / 3;
  };
  const total = integral(min, max);
  return (x) => (x <= min ? 0 : x >= max ? 1 : integral(min, x) / total);
}

describe('sampling uncertain inputs', () => {
  it('is reproducible from the experiment seed, and another seed draws other values', () => {
    const again = prepare(document()).plan;
    expect(all.map((r) => r.drawn)).toEqual(all.map((r) => plannedRun(again, r.index).drawn));
    const other = prepare({ ...document(), scenario: { ...document().scenario, seed: 12 } }).plan;
    expect(drawnOf('growth')).not.toEqual(all.map((r) => plannedRun(other, r.index).drawn.growth));
    // The run's own seed is what it was without uncertain inputs: fingerprints stay as they were.
    const plain = prepare(document({ uncertain: undefined })).plan;
    expect(all.map((r) => r.seed)).toEqual(all.map((r) => plannedRun(plain, r.index).seed));
    expect(plannedRun(plain, 0).drawn).toEqual({});
  });

  it('gives run k the same values whatever order or shard layout computes it', () => {
    for (const count of [1, 3, 7]) {
      for (let shard = count; shard >= 1; shard--) {
        const fresh = prepare(document()).plan; // a worker prepares its own plan
        const indices = selectedRuns(fresh, { limit: null, shard: { index: shard, count } }).reverse();
        for (const i of indices) expect(plannedRun(fresh, i).drawn).toEqual(all[i].drawn);
      }
    }
  });

  it('applies the drawn values to the run’s parameters (table cells by row id)', () => {
    const task = runTask(plan, 5);
    expect(task.params.growth).toBe(all[5].drawn.growth);
    const vendors = task.params.vendors as TableValue;
    expect(vendors.rows.find((r) => r.id === 0)!.margin).toBe(all[5].drawn['vendors#0.margin']);
    expect(vendors.rows.find((r) => r.id === 1)!.strategy).toBe(all[5].drawn['vendors#1.strategy']);
    expect(vendors.rows.find((r) => r.id === 2)!.strategy).toBe(all[5].values['vendors#2.strategy']);
  });

  it('lets the compared arms meet the same draws, and other settings other draws', () => {
    const at = (strategy: string, noise: number) =>
      all.filter((r) => r.values['vendors#2.strategy'] === strategy && r.values.choiceNoise === noise);
    expect(at('aggressive', 0.3).map((r) => r.drawn)).toEqual(at('profit', 0.3).map((r) => r.drawn));
    expect(drawnOf('growth', at('profit', 0.6))).not.toEqual(drawnOf('growth', at('profit', 0.3)));
  });

  it('is a Latin hypercube: each arm’s repetitions visit every stratum of every input once', () => {
    const arm = all.filter((r) => r.values['vendors#2.strategy'] === 'aggressive' && r.values.choiceNoise === 0.6);
    expect(arm).toHaveLength(REPETITIONS);
    const strata = drawnOf('growth', arm).map((g) => Math.floor((((g as number) - 5) / 40) * REPETITIONS));
    expect([...strata].sort((a, b) => a - b)).toEqual(Array.from({ length: REPETITIONS }, (_, k) => k));
    // Two inputs are not drawn in the same order (their strata are shuffled independently).
    const margin = truncatedNormalCdf(35, 15, 10, 60);
    const marginStrata = drawnOf('vendors#0.margin', arm).map((m) => Math.floor(margin(m as number) * REPETITIONS));
    expect(marginStrata).not.toEqual(strata);
  });

  // Fixed seed; tolerances are the 1% critical values, so a correct sampler fails them only by a
  // 1-in-100 accident of this one seed, and a wrong distribution (a shifted or untruncated normal,
  // unequal weights) fails them by far.
  it('draws the declared marginals (KS and chi-square at the 1% level)', () => {
    const n = all.length;
    expect(ksDistance(drawnOf('growth') as number[], (x) => (x - 5) / 40)).toBeLessThan(ks01(n));
    const margins = drawnOf('vendors#0.margin') as number[];
    expect(Math.min(...margins)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...margins)).toBeLessThanOrEqual(60);
    expect(ksDistance(margins, truncatedNormalCdf(35, 15, 10, 60))).toBeLessThan(ks01(n));
    // Truncated to the parameter's own range (switching cost: 0 to 5) when no min/max is given.
    const switching = drawnOf('switchingCost') as number[];
    expect(Math.max(...switching)).toBeLessThanOrEqual(5);
    expect(ksDistance(switching, truncatedNormalCdf(4.5, 1, 0, 5))).toBeLessThan(ks01(n));
    // An untruncated normal would not pass: the test can fail.
    expect(ksDistance(switching, (x) => normalCdf((x - 4.5) / 1))).toBeGreaterThan(ks01(n));

    const strategies = drawnOf('vendors#1.strategy');
    const counts = ['profit', 'follow', 'aggressive'].map((s) => strategies.filter((x) => x === s).length);
    expect(chiSquare(counts, [0.25, 0.5, 0.25])).toBeLessThan(9.21); // df 2
    expect(chiSquare(counts, [1 / 3, 1 / 3, 1 / 3])).toBeGreaterThan(9.21);

    const days = drawnOf('repriceDays') as number[];
    expect(days.every((d) => Number.isInteger(d) && d >= 1 && d <= 10)).toBe(true);
    const dayCounts = Array.from({ length: 10 }, (_, k) => days.filter((d) => d === k + 1).length);
    expect(chiSquare(dayCounts, Array(10).fill(0.1))).toBeLessThan(21.67); // df 9
  });

  it('inverts the normal CDF', () => {
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.77, 0.99, 1 - 1e-6])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
  });
});

describe('declarations of uncertain inputs', () => {
  const with1 = (input: object) => document({ uncertain: [input] });

  it('refuses each bad declaration with a message naming its field', () => {
    expect(errorsOf(with1({ param: 'growth', uniform: [-80, 10] }))).toMatch(
      /uncertain\[0\]\.uniform: \[-80, 10\] lies outside the range of growth \(-50 to 200\)/,
    );
    expect(errorsOf(with1({ param: 'growth', uniform: [30, 10] }))).toMatch(/uncertain\[0\]\.uniform: .*low ≤ high/);
    expect(errorsOf(with1({ param: 'growth', uniform: [1, 2, 3] }))).toMatch(/uncertain\[0\]\.uniform/);
    expect(errorsOf(with1({ param: 'noSuchParam', uniform: [0, 1] }))).toMatch(
      /uncertain\[0\]\.param: unknown parameter "noSuchParam"/,
    );
    expect(errorsOf(with1({ param: 'vendors#99.margin', uniform: [0, 1] }))).toMatch(/no row with id 99/);
    const weights = errorsOf(
      with1({
        param: 'vendors#1.strategy',
        choice: [
          { value: 'profit', weight: 0 },
          { value: 'follow', weight: -1 },
        ],
      }),
    );
    expect(weights).toMatch(/uncertain\[0\]\.choice\[0\]\.weight: must be a positive number/);
    expect(weights).toMatch(/uncertain\[0\]\.choice\[1\]\.weight: must be a positive number/);
    expect(errorsOf(with1({ param: 'vendors#1.strategy', choice: [{ value: 'telepathy', weight: 1 }] }))).toMatch(
      /uncertain\[0\]\.choice\[0\]\.value/,
    );
    expect(errorsOf(with1({ param: 'vendors#1.strategy', uniform: [0, 1] }))).toMatch(
      /vendors#1\.strategy is not a number .*declare it with choice/,
    );
    expect(errorsOf(with1({ param: 'growth', normal: { mean: 20, sd: 0 } }))).toMatch(
      /uncertain\[0\]\.normal\.sd: must be a positive number/,
    );
    expect(errorsOf(with1({ param: 'growth', normal: { mean: 20, sd: 5, min: -90 } }))).toMatch(
      /uncertain\[0\]\.normal: min -90 and max 200 must lie within the range of growth/,
    );
    expect(errorsOf(with1({ param: 'growth', normal: { mean: 80, sd: 5, max: 50 } }))).toMatch(
      /uncertain\[0\]\.normal\.mean: 80 lies outside -50 to 50/,
    );
    expect(errorsOf(with1({ param: 'repriceDays', uniform: [1.5, 3] }))).toMatch(/integer bounds/);
    expect(errorsOf(with1({ param: 'growth', uniform: [0, 1], normal: { mean: 0, sd: 1 } }))).toMatch(
      /uncertain\[0\]: give exactly one distribution/,
    );
    expect(errorsOf(with1({ param: 'growth' }))).toMatch(/uncertain\[0\]: give exactly one distribution/);
    expect(errorsOf(with1({ param: 'growth', uniform: [0, 1], spread: 2 }))).toMatch(/uncertain\[0\]\.spread/);
    expect(errorsOf(with1({ param: 'choiceNoise', uniform: [0.1, 1] }))).toMatch(
      /uncertain\[0\]\.param: "choiceNoise" is already varied/,
    );
    expect(
      errorsOf(
        document({
          uncertain: [
            { param: 'growth', uniform: [0, 1] },
            { param: 'growth', uniform: [0, 2] },
          ],
        }),
      ),
    ).toMatch(/uncertain\[1\]\.param: "growth" is uncertain twice/);
  });
});
