/**
 * The effect kinds beyond a plain difference — a slope (linear or log, an elasticity), a
 * difference in differences — and secondary readings, on synthetic outcomes with known answers;
 * the hypothesis format they are written in; the figures they are printed with.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/core/experiment/execute';
import { expectationParts, expectationResult } from '../../src/core/experiment/expectation';
import { figure, intervalText, unitsOf } from '../../src/core/experiment/figures';
import { measureReading, verdictOf } from '../../src/core/experiment/hypothesis';
import { plannedRun, runCount } from '../../src/core/experiment/plan';
import { parseExperiment, type Experiment, type Hypothesis } from '../../src/core/experiment/schema';
import { findTestModel } from '../fixtures/models/coinFlips';

const BIASES = [0.2, 0.4, 0.6, 0.8];

const experiment: Experiment = {
  format: 'agora-experiment',
  version: 1,
  name: 'Coins of four biases',
  scenario: { format: 'agora-scenario', version: 1, model: 'coin-flips', modelVersion: 1, seed: 5, params: {} },
  vary: [{ param: 'bias', values: BIASES, compare: true }],
  repetitions: 6,
  record: { reporters: ['heads-fraction', 'heads', 'prize'] },
  hypothesis: {
    statement: 'Heads rise with the bias',
    measure: 'heads-fraction',
    effect: { kind: 'slope', param: 'bias', scale: 'linear' },
    claim: { above: 0.5 },
    readings: [
      { label: 'elasticity', measure: 'heads-fraction', effect: { kind: 'slope', param: 'bias', scale: 'log' } },
      {
        label: 'heads minus prize, 0.8 vs 0.2',
        measure: 'heads',
        effect: { kind: 'difference-in-differences', param: 'bias', treatment: 0.8, control: 0.2, minus: 'prize' },
        claim: { above: 0 },
      },
    ],
    arms: { '0.2': 'a coin that rarely lands heads', '0.8': 'a coin that mostly does' },
  },
};

const resolved = expectationParts(experiment, findTestModel);
if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
const { plan, settings } = resolved.parts[0].prepared;

/** Outcomes whose recorded values are `values(bias, repetition)` by reporter. */
function synthetic(values: (bias: number, repetition: number, index: number) => Record<string, number>): RunOutcome[] {
  return Array.from({ length: runCount(plan) }, (_, index) => {
    const run = plannedRun(plan, index);
    const v = values(run.values.bias as number, run.repetition, index);
    return {
      index,
      seed: run.seed,
      status: 'ok' as const,
      rows: [{ tick: 40, values: settings.reporters.map((r) => v[r] ?? 0) }],
    };
  });
}

const measure = (outcomes: RunOutcome[], reading: Pick<Hypothesis, 'measure' | 'effect'>) =>
  measureReading(plan, settings, outcomes, reading)!;

describe('a slope', () => {
  it('is the regression on the varied parameter, one per seed, so a per-seed offset cancels', () => {
    // Each repetition has its own level; the slope is 0.75 in every one.
    const outcomes = synthetic((b, rep) => ({ 'heads-fraction': 0.1 * rep + 0.75 * b }));
    const m = measure(outcomes, experiment.hypothesis!);
    expect(m.effect.effect).toBeCloseTo(0.75, 12);
    expect(m.effect.n).toBe(6);
    expect(m.effect.high - m.effect.low).toBeLessThan(1e-9);
    // The arms: each bias in the experiment's order, with its mean over the seeds.
    expect(m.arms.map((a) => a.value)).toEqual(BIASES);
    expect(m.arms[0].mean).toBeCloseTo(0.25 + 0.75 * 0.2, 12);
  });

  it('on a log scale is the elasticity: y = c·x^e gives e', () => {
    const outcomes = synthetic((b, rep) => ({ 'heads-fraction': (1 + rep) * b ** -2 }));
    const m = measure(outcomes, { measure: 'heads-fraction', effect: { kind: 'slope', param: 'bias', scale: 'log' } });
    expect(m.effect.effect).toBeCloseTo(-2, 9);
  });

  it('has an interval from the spread of the seeds’ slopes, and a verdict from it', () => {
    const noisy = (size: number) =>
      synthetic((b, rep) => ({ 'heads-fraction': (0.75 + size * (rep % 2 ? 1 : -1)) * b }));
    const tight = measure(noisy(0.01), experiment.hypothesis!).effect;
    const wide = measure(noisy(0.5), experiment.hypothesis!).effect;
    expect(verdictOf(tight, experiment.hypothesis!.claim)).toBe('holds');
    expect(verdictOf(wide, experiment.hypothesis!.claim)).toBe('inconclusive');
    expect(wide.effect).toBeCloseTo(tight.effect, 12);
  });

  it('leaves out a seed with fewer than two usable points on a log scale', () => {
    // Repetition 0 has zero heads everywhere: no logarithm, no slope.
    const outcomes = synthetic((b, rep) => ({ 'heads-fraction': rep === 0 ? 0 : b }));
    const m = measure(outcomes, { measure: 'heads-fraction', effect: { kind: 'slope', param: 'bias', scale: 'log' } });
    expect(m.effect.n).toBe(5);
    expect(m.effect.effect).toBeCloseTo(1, 12);
  });
});

describe('a difference in differences', () => {
  it('is (measure − minus) at treatment minus the same at control, paired by seed', () => {
    const outcomes = synthetic((b, rep) => ({ heads: 10 * b + rep, prize: 3 * b + rep }));
    const spec = experiment.hypothesis!.readings![1];
    const m = measure(outcomes, spec);
    expect(m.effect.effect).toBeCloseTo(7 * 0.6, 12);
    expect(m.effect.n).toBe(6);
    expect(m.arms.map((a) => a.value)).toEqual([0.8, 0.2]);
    expect(m.arms[0].mean - m.arms[1].mean).toBeCloseTo(m.effect.effect, 12);
  });
});

describe('an effect restricted to one arm (where)', () => {
  // Two compared parameters: the bias, and whether the coin is biased at all.
  const twoArms: Experiment = {
    ...experiment,
    vary: [...experiment.vary, { param: 'biased', values: [true, false], compare: true }],
  };
  const parts = expectationParts(twoArms, findTestModel);
  if (!parts.ok) throw new Error(parts.errors.join('\n'));
  const two = parts.parts[0].prepared;
  /** The bias counts (×10) only on a biased coin. */
  const outcomes = Array.from({ length: runCount(two.plan) }, (_, index) => {
    const run = plannedRun(two.plan, index);
    const y = run.values.biased ? 10 * (run.values.bias as number) : 0;
    const values = two.settings.reporters.map((r) => (r === 'heads' ? y + run.repetition : 0));
    return { index, seed: run.seed, status: 'ok' as const, rows: [{ tick: 40, values }] };
  });
  const at = (reading: Pick<Hypothesis, 'measure' | 'effect'>) =>
    measureReading(two.plan, two.settings, outcomes, reading)!.effect;
  const difference = { kind: 'difference', param: 'bias', treatment: 0.8, control: 0.2 } as const;

  it('considers only the runs with that value', () => {
    expect(at({ measure: 'heads', effect: { ...difference, where: { biased: true } } }).effect).toBeCloseTo(6, 12);
    expect(at({ measure: 'heads', effect: { ...difference, where: { biased: false } } }).effect).toBe(0);
    // Unrestricted, the pairs of both arms are pooled: half of them show nothing.
    expect(at({ measure: 'heads', effect: difference }).effect).toBeCloseTo(3, 12);
    const level = at({ measure: 'heads', effect: { kind: 'level', at: 'max', where: { biased: false } } });
    expect([level.effect, level.n]).toEqual([2.5, 6]);
  });

  it('names a parameter that is not varied, a value it does not take, or the compared one', () => {
    const errors = (where: unknown) => {
      const r = parseExperiment(
        { ...twoArms, hypothesis: { ...twoArms.hypothesis!, effect: { ...difference, where } } },
        findTestModel,
      );
      return r.ok ? [] : r.errors;
    };
    expect(errors({ biased: true })).toEqual([]);
    expect(errors({ flips: 3 })).toEqual(['hypothesis.effect.where: "flips" is not varied by the experiment']);
    expect(errors({ biased: 2 })).toEqual(['hypothesis.effect.where: not one of the values of biased']);
    expect(errors({ bias: 0.8 })).toEqual(['hypothesis.effect.where: "bias" is the parameter the effect compares']);
    expect(errors([1])[0]).toMatch(/^hypothesis\.effect\.where/);
    expect(
      parseExperiment(
        { ...twoArms, hypothesis: { ...twoArms.hypothesis!, effect: { ...difference, only: { biased: true } } } },
        findTestModel,
      ).ok,
    ).toBe(false);
  });
});

describe('readings and order of arrival', () => {
  it('computes each reading beside the verdict, with its own verdict when it claims something', () => {
    const outcomes = synthetic((b) => ({ 'heads-fraction': b, heads: 40 * b, prize: 0 }));
    const result = expectationResult(resolved.hypothesis, resolved.parts, [outcomes])!;
    expect(result.verdict).toBe('holds');
    expect(result.readings.map((r) => [r.label, r.verdict])).toEqual([
      ['elasticity', null],
      ['heads minus prize, 0.8 vs 0.2', 'holds'],
    ]);
    expect(result.readings[0].effect.effect).toBeCloseTo(1, 12);
    expect(result.readings[0].units.scale).toBe('elasticity');
  });

  it('gives the same figures to the last bit whatever order the runs finished in', () => {
    const outcomes = synthetic((b, _rep, i) => ({
      'heads-fraction': b * (1 + i * 1e-3) + 1e5 * (i % 3),
      heads: 1e7 * b + i,
      prize: i % 5,
    }));
    const inOrder = expectationResult(resolved.hypothesis, resolved.parts, [outcomes]);
    fc.assert(
      fc.property(fc.shuffledSubarray(outcomes, { minLength: outcomes.length }), (arrived) => {
        expect(expectationResult(resolved.hypothesis, resolved.parts, [arrived])).toStrictEqual(inOrder);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the hypothesis format', () => {
  const withHypothesis = (h: unknown) => parseExperiment({ ...experiment, hypothesis: h }, findTestModel);
  const errors = (h: unknown) => {
    const r = withHypothesis(h);
    return r.ok ? [] : r.errors;
  };
  const h = experiment.hypothesis!;

  it('reads every new field', () => {
    const full = {
      ...h,
      carriedBy: 'the self-operation cost',
      robustness: { subjects: [{ label: 'the other coin', replace: { bias: 'bias' } }] },
    };
    expect(withHypothesis(full).ok).toBe(true);
  });

  it('refuses unknown keys and malformed effects, naming the field', () => {
    expect(errors({ ...h, extra: 1 })).toEqual(['hypothesis.extra: unknown key']);
    expect(errors({ ...h, effect: { kind: 'slope', param: 'bias' } })[0]).toMatch(/^hypothesis\.effect\.scale: /);
    expect(errors({ ...h, effect: { kind: 'ratio' } })[0]).toMatch(/hypothesis\.effect\.kind: must be "difference"/);
    expect(
      errors({ ...h, readings: [{ label: 'x', measure: 'heads', effect: { kind: 'level', at: 'all' }, y: 1 }] }),
    ).toHaveLength(1);
    expect(errors({ ...h, robustness: { subjects: [{ label: 'x', replace: {} }] } })[0]).toMatch(
      /needs at least one replacement/,
    );
  });

  it('checks effects against the experiment: a compared, numeric, positive parameter for a log slope', () => {
    const slope = (scale: 'linear' | 'log', values: unknown[], compare = true) =>
      parseExperiment(
        {
          ...experiment,
          vary: [{ param: 'bias', values, compare }],
          hypothesis: { ...h, readings: undefined, effect: { kind: 'slope', param: 'bias', scale } },
        },
        findTestModel,
      );
    expect(slope('log', [0, 0.5]).ok).toBe(false);
    expect(slope('linear', [0, 0.5]).ok).toBe(true);
    expect(slope('linear', [0.5]).ok).toBe(false);
    expect(slope('linear', [0.2, 0.5], false).ok).toBe(false);
    expect(
      errors({ ...h, readings: [{ ...h.readings![1], effect: { ...h.readings![1].effect, treatment: 0.9 } }] }),
    ).toEqual(['hypothesis.readings[0].effect.treatment: not one of the values of bias']);
  });

  it('refuses a hypothesis whose minus is not recorded', () => {
    const spec = {
      kind: 'difference-in-differences',
      param: 'bias',
      treatment: 0.8,
      control: 0.2,
      minus: 'first-tails',
    };
    const r = expectationParts({ ...experiment, hypothesis: { ...h, effect: spec } } as Experiment, findTestModel);
    expect(r.ok ? [] : r.errors).toEqual(['the experiment: the experiment does not record "first-tails"']);
  });
});

describe('figures in the claim’s units', () => {
  it('writes shares in %, changes of share in pp, money with its unit and never in exponent form', () => {
    const share = { format: 'percent' as const, scale: 'level' as const };
    expect(figure(0.1234, share)).toBe('12.3%');
    expect(figure(0.031, { ...share, scale: 'change' })).toBe('3.10 pp');
    expect(figure(-0.0052, { ...share, scale: 'slope' })).toBe('-0.520 pp per unit');
    const money = { format: 'money' as const, unit: 'credits', scale: 'change' as const };
    expect(figure(3.184e7, money)).toBe('31.8 M credits');
    expect(figure(-2.5e9, money)).toBe('-2.50 bn credits');
    expect(figure(999_960_000, money)).toBe('1.00 bn credits');
    expect(figure(12_345.6, money)).toBe('12,346 credits');
    expect(figure(999.6, 'count')).toBe('1,000');
    expect(figure(-2.04, { format: 'percent', scale: 'elasticity' })).toBe('-2.04');
    expect(figure(Infinity, share)).toBe('∞');
    expect(intervalText({ effect: 0.031, low: 0.012, high: 0.05 }, { ...share, scale: 'change' })).toBe(
      '3.10 pp [1.20 pp, 5.00 pp]',
    );
  });

  it('takes the units from the effect kind and the measure’s reporter', () => {
    const reporter = { name: 'p', label: 'P', format: 'money' as const, unit: 'credits', compute: () => 0 };
    expect(unitsOf({ kind: 'level', at: 'all' }, reporter)).toEqual({
      format: 'money',
      unit: 'credits',
      scale: 'level',
    });
    expect(unitsOf({ kind: 'slope', param: 'x', scale: 'log' }, undefined)).toEqual({
      format: 'plain',
      scale: 'elasticity',
    });
    // A reporter that is itself a gap between two shares: its level reads in percentage points.
    const gap = { name: 'g', label: 'G', format: 'percent' as const, gap: true, compute: () => 0 };
    const units = unitsOf({ kind: 'level', at: 'all' }, gap);
    expect(intervalText({ effect: 0.0251, low: 0.0196, high: 0.0307 }, units)).toBe('2.51 pp [1.96 pp, 3.07 pp]');
  });
});
