/** Verdicts and attribution on synthetic outcomes: the logic alone, with known answers. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/core/experiment/execute';
import { attribute, measureEffect, t975, verdictOf, type Effect } from '../../src/core/experiment/hypothesis';
import { plannedRun, runCount } from '../../src/core/experiment/plan';
import { prepareExperiment } from '../../src/core/experiment/prepare';
import type { Hypothesis } from '../../src/core/experiment/schema';
import { findModel } from '../../src/models/registry';

const doc = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
doc.repetitions = 20;
const prepared = prepareExperiment(doc, findModel);
if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
const { plan, settings } = prepared.value;

const hypothesis: Hypothesis = {
  statement: 'aggressive gives Cirrus more share than profit',
  measure: 'share.v2',
  effect: { kind: 'difference', param: 'vendors#2.strategy', treatment: 'aggressive', control: 'profit' },
  claim: { above: 0.02 },
};

/** Outcomes whose share.v2 is `base(setting, repetition) + effect(strategy) + noise`. */
function synthetic(effect: number, noise: number): RunOutcome[] {
  return Array.from({ length: runCount(plan) }, (_, index) => {
    const run = plannedRun(plan, index);
    const strategy = run.values['vendors#2.strategy'];
    const wobble = noise * Math.sin(index * 12.9898);
    const share = 0.1 + 0.01 * run.repetition + (strategy === 'aggressive' ? effect : 0) + wobble;
    return {
      index,
      seed: run.seed,
      status: 'ok',
      rows: [{ tick: 365, values: settings.reporters.map((r) => (r === 'share.v2' ? share : 0)) }],
    };
  });
}

describe('verdicts', () => {
  it('a clear effect holds, no effect does not hold, a noisy one is inconclusive', () => {
    const verdict = (effect: number, noise: number) =>
      verdictOf(measureEffect(plan, settings, synthetic(effect, noise), hypothesis)!, hypothesis.claim);
    expect(verdict(0.06, 0.002)).toBe('holds');
    expect(verdict(0, 0.002)).toBe('does-not-hold');
    expect(verdict(0.03, 0.2)).toBe('inconclusive');
  });

  it('pairs runs by repetition: shared noise cancels (common random numbers)', () => {
    const e = measureEffect(plan, settings, synthetic(0.05, 0), hypothesis)!;
    expect(e.effect).toBeCloseTo(0.05, 12);
    expect(e.n).toBe(40); // 2 noise settings × 20 repetitions
    expect(e.high - e.low).toBeLessThan(1e-9);
  });

  it('a level effect takes the highest setting and respects "below" claims', () => {
    const level: Hypothesis = { ...hypothesis, effect: { kind: 'level', at: 'max' }, claim: { below: 0.5 } };
    const e = measureEffect(plan, settings, synthetic(0.05, 0.001), level)!;
    expect(e.effect).toBeGreaterThan(0.2); // aggressive: 0.1 + mean repetition term 0.095 + 0.05
    expect(verdictOf(e, level.claim)).toBe('holds');
    expect(verdictOf(e, { below: 0.2 })).toBe('does-not-hold');
  });
});

describe('order of arrival', () => {
  it('gives the same effect to the last bit, whatever order the runs finished in', () => {
    // Values whose float sums depend on the order of addition.
    const outcomes = synthetic(0.05, 0.3).map((o, i) => ({
      ...o,
      rows: o.rows.map((r) => ({
        ...r,
        values: r.values.map((v) => (!v ? v : v * (1 + i * 1e-3) + 1e5 * (i % 3))),
      })),
    }));
    const level: Hypothesis = { ...hypothesis, effect: { kind: 'level', at: 'all' } };
    const inOrder = [
      measureEffect(plan, settings, outcomes, hypothesis),
      measureEffect(plan, settings, outcomes, level),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(outcomes, { minLength: outcomes.length }), (arrived) => {
        expect(measureEffect(plan, settings, arrived, hypothesis)).toStrictEqual(inOrder[0]);
        expect(measureEffect(plan, settings, arrived, level)).toStrictEqual(inOrder[1]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('attribution', () => {
  const at = (effect: number, spread = 0.001): Effect => ({
    effect,
    low: effect - spread,
    high: effect + spread,
    n: 30,
  });
  it('one switch carrying the effect alone is "by construction"', () => {
    const a = attribute(hypothesis, at(0.06), [
      { mechanism: 'a', effect: at(0.0) },
      { mechanism: 'b', effect: at(0.058) },
    ]);
    expect([a.label, a.carriers]).toEqual(['by-construction', ['a']]);
  });

  it('"emergent" only when two or more switches each carry part and none alone', () => {
    const emergent = attribute(hypothesis, at(0.06), [
      { mechanism: 'a', effect: at(0.035) },
      { mechanism: 'b', effect: at(0.04) },
      { mechanism: 'c', effect: at(0.0595) },
    ]);
    expect([emergent.label, emergent.carriers]).toEqual(['emergent', ['a', 'b']]);
    // Both needed: each removal kills the effect, so neither carries it alone.
    const both = attribute(hypothesis, at(0.06), [
      { mechanism: 'a', effect: at(0.0) },
      { mechanism: 'b', effect: at(0.0) },
    ]);
    expect(both.label).toBe('emergent');
  });

  it('names a rule without a switch when no switch carries the effect, with a smaller part if one takes it', () => {
    const none = attribute(hypothesis, at(0.06), [{ mechanism: 'a', effect: at(0.059) }]);
    expect([none.label, none.carriers]).toEqual(['rule-without-switch', []]);
    // Moves it by a third: takes part, carries nothing alone.
    const part = attribute(hypothesis, at(0.06), [{ mechanism: 'a', effect: at(0.04) }]);
    expect([part.label, part.carriers]).toEqual(['rule-without-switch', ['a']]);
    expect(attribute(hypothesis, at(0.06), []).label).toBe('rule-without-switch');
  });

  it("has nothing to attribute when the effect's interval holds its reference, and keeps each effect without its switch", () => {
    const a = attribute(hypothesis, at(0.0), [{ mechanism: 'a', effect: at(0.06) }]);
    expect(a.label).toBe('no-effect');
    expect(a.shares[0].effect.effect).toBe(0.06);
  });

  it('attributes a real effect whose claim does not hold (the claim is a bound the effect misses)', () => {
    // Claims an effect above 0.1; the effect is 0.06, clearly not 0: a switch that removes it carries it.
    const bound = { ...hypothesis, claim: { above: 0.1 } };
    const a = attribute(bound, at(0.06), [{ mechanism: 'a', effect: at(0.0) }]);
    expect([a.label, a.carriers]).toEqual(['by-construction', ['a']]);
  });

  it('never credits a switch whose removal makes the effect larger', () => {
    const a = attribute(hypothesis, at(0.06), [{ mechanism: 'a', effect: at(0.12) }]);
    expect(a.shares[0].moved).toBeCloseTo(-1, 12);
    expect([a.label, a.carriers]).toEqual(['rule-without-switch', []]);
  });
});

describe("Student's t quantile", () => {
  it('matches known values above 30 degrees of freedom, and tends to the normal', () => {
    // t(0.975; df) from R's qt(0.975, df); the tables' 3 decimals are 2.040, 2.021, 2.000, 1.980, 1.962.
    const known: [number, number][] = [
      [31, 2.039513],
      [40, 2.021075],
      [60, 2.000298],
      [120, 1.97993],
      [1000, 1.962339],
    ];
    for (const [df, t] of known) expect(t975(df)).toBeCloseTo(t, 5);
    expect(t975(1e9)).toBeCloseTo(1.959964, 6);
  });

  it('falls smoothly from the table into the expansion', () => {
    expect(t975(30)).toBe(2.042);
    for (let df = 30; df < 400; df++) {
      expect(t975(df + 1)).toBeLessThan(t975(df));
      expect(t975(df) - t975(df + 1)).toBeLessThan(0.003);
    }
  });
});
