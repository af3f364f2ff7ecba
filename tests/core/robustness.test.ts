/**
 * Robust verdicts: the variants an expectation is rerun in (the model's variations of its
 * setting and its declared subjects), and the robust / fragile label from synthetic outcomes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/core/experiment/execute';
import { expectationParts, expectationResult, type ExpectationPart } from '../../src/core/experiment/expectation';
import { plannedRun, runCount } from '../../src/core/experiment/plan';
import { robustnessVariants, subjectExperiment } from '../../src/core/experiment/robustness';
import { parseExperiment, type Experiment } from '../../src/core/experiment/schema';
import { findModel } from '../../src/models/registry';

const fixture = JSON.parse(readFileSync('tests/fixtures/experiments/expectation-small.json', 'utf8')) as Experiment;
const planOf = (document: Experiment) => {
  const parsed = parseExperiment(document, findModel);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
};

describe('the variants of an expectation', () => {
  it('are the cloud market’s standard variations, then the declared subjects, lean and valid', () => {
    const plan = planOf(fixture);
    const variants = robustnessVariants(plan);
    expect(variants.map((v) => v.id)).toEqual([
      'seed',
      'half-customers',
      'double-customers',
      'longer-horizon',
      'segment-mix',
      'subject-1',
    ]);
    const byId = Object.fromEntries(variants.map((v) => [v.id, planOf(v.document)]));
    expect(byId.seed.seed).toBe(4);
    expect(byId['half-customers'].baseParams.customers).toBe(100);
    expect(byId['double-customers'].baseParams.customers).toBe(400);
    expect(byId['longer-horizon'].horizon).toBe(60 + 365);
    // The model stops at its own horizon: the variation lengthens it too.
    expect(byId['longer-horizon'].baseParams.years).toBe(2);
    expect(byId['segment-mix'].baseParams.shareFinance).toBe(0.6);
    for (const v of variants) {
      expect(v.document.hypothesis!.ablations).toBeUndefined();
      expect(v.document.repetitions).toBe(2);
      expect(v.document.name.length).toBeLessThanOrEqual(200);
    }
    const subject = variants[5].document;
    expect(subject.hypothesis!.measure).toBe('share.v1');
    expect(subject.vary[0].param).toBe('vendors#1.strategy');
    expect(subject.hypothesis!.readings![0].measure).toBe('cumulativeProfit.v1');
    expect(subject.record!.reporters).toContain('share.v1');
  });

  it('run the experiment’s own repetitions, however many', () => {
    const variants = robustnessVariants(planOf({ ...fixture, repetitions: 20 }));
    expect(variants.every((v) => v.document.repetitions === 20)).toBe(true);
  });

  it('replace a subject’s texts all at once, so a swap works', () => {
    const swapped = subjectExperiment(fixture, { v1: 'v2', v2: 'v1' });
    expect(swapped.record!.reporters).toEqual(['share.v1', 'share.v2', 'cumulativeProfit.v1', 'cumulativeProfit.v2']);
  });
});

describe('robust or fragile', () => {
  const resolved = expectationParts(fixture, findModel);
  if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
  const { hypothesis, parts } = resolved;

  /** Each part's runs with `share.v2` (or the subject's measure) = 0.1 + effect(part) in the treatment arm. */
  function outcomesWith(effect: (part: ExpectationPart) => number): RunOutcome[][] {
    return parts.map((part) => {
      const { plan, settings } = part.prepared;
      const h = part.document.hypothesis!;
      const param = (h.effect as { param: string }).param;
      return Array.from({ length: runCount(plan) }, (_, index) => {
        const run = plannedRun(plan, index);
        const y = 0.1 + 0.001 * run.repetition + (run.values[param] === 'aggressive' ? effect(part) : 0);
        return {
          index,
          seed: run.seed,
          status: 'ok' as const,
          rows: [{ tick: 60, values: settings.reporters.map((r) => (r === h.measure ? y : 0)) }],
        };
      });
    });
  }

  it('is robust when every variation gives the experiment’s verdict', () => {
    const r = expectationResult(
      hypothesis,
      parts,
      outcomesWith(() => 0.05),
    )!;
    expect(r.verdict).toBe('holds');
    expect(r.robustness!.label).toBe('robust');
    expect(r.robustness!.variations).toHaveLength(6);
    expect(r.robustness!.flips).toEqual([]);
    expect(r.robustness!.repetitions).toBe(2);
    expect(r.runs).toBe(4 * 8);
    expect(r.experimentRuns).toBe(4);
  });

  it('is fragile, naming where the verdict flips and with what effect', () => {
    const r = expectationResult(
      hypothesis,
      parts,
      outcomesWith((part) =>
        part.variation?.id === 'half-customers' ? -0.02 : part.variation?.id === 'subject-1' ? 0 : 0.05,
      ),
    )!;
    expect(r.robustness!.label).toBe('fragile');
    expect(r.robustness!.flips.map((f) => [f.id, f.verdict])).toEqual([
      ['half-customers', 'does-not-hold'],
      // Exactly 0 against a claim of "above 0": on the edge, so undecided.
      ['subject-1', 'inconclusive'],
    ]);
    expect(r.robustness!.flips[0].effect!.effect).toBeCloseTo(-0.02, 12);
  });

  it('counts a variation without a finished run as inconclusive, hence fragile', () => {
    const outcomes = outcomesWith(() => 0.05).map((o, i) => (parts[i].variation?.id === 'seed' ? [] : o));
    const r = expectationResult(hypothesis, parts, outcomes)!;
    expect(r.robustness!.flips.map((f) => [f.id, f.verdict, f.effect])).toEqual([['seed', 'inconclusive', null]]);
  });

  it('labels the attribution by the switch, and names no rule when the switch carries the effect', () => {
    const r = expectationResult(
      hypothesis,
      parts,
      outcomesWith((part) => (part.role === 'ablation' ? 0 : 0.05)),
    )!;
    expect([r.attribution.label, r.attribution.carriers]).toEqual(['by-construction', ['mechSwitchingCost']]);
  });
});

describe('a robustness label comes from the model, not from the number of runs', () => {
  const resolved = expectationParts({ ...fixture, repetitions: 12 }, findModel);
  if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
  const { hypothesis, parts } = resolved;

  it('gives a variation that behaves as the experiment its verdict and interval, so it never flips', () => {
    // Every part: the same noisy effect per repetition, small against its spread. Had the
    // variations run fewer repetitions, their intervals would be wider and could straddle 0.
    const outcomes = parts.map((part) => {
      const { plan, settings } = part.prepared;
      const h = part.document.hypothesis!;
      const param = (h.effect as { param: string }).param;
      return Array.from({ length: runCount(plan) }, (_, index) => {
        const run = plannedRun(plan, index);
        const noise = 0.03 * (((run.repetition * 7) % 12) / 11 - 0.5);
        const y = 0.1 + (run.values[param] === 'aggressive' ? 0.01 + noise : 0);
        const values = settings.reporters.map((r) => (r === h.measure ? y : 0));
        return { index, seed: run.seed, status: 'ok' as const, rows: [{ tick: 60, values }] };
      });
    });
    const r = expectationResult(hypothesis, parts, outcomes)!;
    expect(r.verdict).toBe('holds');
    expect(r.robustness!.repetitions).toBe(12);
    expect(r.robustness!.label).toBe('robust');
    for (const v of r.robustness!.variations) expect(v.effect).toEqual(r.effect);
  });
});
