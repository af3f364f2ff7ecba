/**
 * The experiment machinery knows no model: a model without vendors, markets or shares runs
 * experiments, writes their results, and gets verdicts and attributions on its expectations,
 * with missing values counted as its reporters declare.
 */
import { describe, expect, it } from 'vitest';
import { executeRun, runTask, type RunOutcome } from '../../src/core/experiment/execute';
import { expectationParts, expectationResult } from '../../src/core/experiment/expectation';
import { figure } from '../../src/core/experiment/figures';
import { measureEffect } from '../../src/core/experiment/hypothesis';
import { selectedRuns, WHOLE } from '../../src/core/experiment/plan';
import type { PreparedExperiment } from '../../src/core/experiment/prepare';
import { resultsCsv } from '../../src/core/experiment/results';
import type { Experiment, Hypothesis } from '../../src/core/experiment/schema';
import { findTestModel } from '../fixtures/models/coinFlips';

const experiment: Experiment = {
  format: 'agora-experiment',
  version: 1,
  name: 'A biased coin',
  scenario: { format: 'agora-scenario', version: 1, model: 'coin-flips', modelVersion: 1, seed: 5, params: {} },
  vary: [{ param: 'bias', values: [0.5, 0.8], compare: true }],
  repetitions: 12,
  record: { reporters: ['heads-fraction', 'heads', 'first-tails', 'prize'] },
  hypothesis: {
    statement: 'A coin biased to 80% heads comes up heads more often than a fair one',
    measure: 'heads-fraction',
    effect: { kind: 'difference', param: 'bias', treatment: 0.8, control: 0.5 },
    claim: { above: 0.1 },
    ablations: ['biased'],
  },
};

const resolved = expectationParts(experiment, findTestModel);
if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
const { hypothesis, parts } = resolved;

function runAll({ plan, settings }: PreparedExperiment): RunOutcome[] {
  return selectedRuns(plan, WHOLE).map((i) => executeRun(plan.model, settings, runTask(plan, i)));
}

/** The runs of the experiment itself, then of its copy with the `biased` switch off. */
const outcomes = parts.map((part) => runAll(part.prepared));

describe('a model without vendors', () => {
  it('runs an experiment and writes its results', () => {
    const [{ prepared }] = parts;
    expect(outcomes[0]).toHaveLength(24);
    expect(outcomes[0].every((o) => o.status === 'ok' && o.rows.at(-1)?.tick === 40)).toBe(true);
    const csv = resultsCsv({ ...prepared, selection: WHOLE, scenarioLink: '#s=test' }, outcomes[0]);
    expect(csv).toContain('heads-fraction');
    expect(csv).toContain('prize');
  });

  it('gets a verdict, in its measure’s format, and the switch that carries the effect', () => {
    const result = expectationResult(hypothesis, parts, outcomes)!;
    expect(result.verdict).toBe('holds');
    expect(result.effect.n).toBe(12);
    expect(result.effect.effect).toBeGreaterThan(0.15);
    // A difference of a percent measure reads in percentage points; the model declares no variations of setting.
    expect(result.units).toEqual({ format: 'percent', scale: 'change' });
    expect(figure(result.effect.effect, result.units)).toBe(`${(100 * result.effect.effect).toPrecision(3)} pp`);
    expect(result.robustness).toBeNull();
    // Off, both arms flip a fair coin with the same random numbers: no difference at all.
    expect(result.attribution.shares[0].effect.effect).toBe(0);
    expect(result.attribution.label).toBe('by-construction');
    expect(result.attribution.carriers).toEqual(['biased']);
  });
});

describe('missing values', () => {
  const [{ prepared }] = parts;
  const columns = prepared.settings.reporters;
  /** The runs with every third run's `first-tails` and `prize` missing, and run 1 failed. */
  const gappy: RunOutcome[] = outcomes[0].map((o) => {
    const values = (row: RunOutcome['rows'][number]) =>
      row.values.map((v, c) => (o.index % 3 === 0 && ['first-tails', 'prize'].includes(columns[c]) ? null : v));
    const rows = o.rows.map((row) => ({ ...row, values: values(row) }));
    return o.index === 1 ? { ...o, status: 'failed', error: 'crashed', rows } : { ...o, rows };
  });
  const level = (measure: string): Hypothesis => ({
    statement: measure,
    measure,
    effect: { kind: 'level', at: 'all' },
    claim: { above: 0 },
  });
  const finals = (measure: string, keep: (o: RunOutcome) => boolean) =>
    gappy.filter((o) => o.status === 'ok' && keep(o)).map((o) => o.rows.at(-1)!.values[columns.indexOf(measure)]!);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('are left out by default', () => {
    const effect = measureEffect(prepared.plan, prepared.settings, gappy, level('first-tails'))!;
    const kept = finals('first-tails', (o) => o.index % 3 !== 0);
    expect(effect.n).toBe(kept.length);
    expect(effect.n).toBe(15); // 24 runs, 8 with the value missing, 1 failed
    expect(effect.effect).toBeCloseTo(mean(kept), 12);
  });

  it('count as the reporter declares, and a failed run never counts', () => {
    const effect = measureEffect(prepared.plan, prepared.settings, gappy, level('prize'))!;
    expect(effect.n).toBe(23);
    const counted = gappy
      .filter((o) => o.status === 'ok')
      .map((o) => (o.index % 3 === 0 ? 0 : (o.rows.at(-1)!.values[columns.indexOf('prize')] ?? 0)));
    expect(effect.effect).toBeCloseTo(mean(counted), 12);
    expect(effect.effect).toBeGreaterThan(0);
  });
});
