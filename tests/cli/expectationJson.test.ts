/** `agora expectations`: one expectation's JSON record and text lines, from a known result. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../../src/core/experiment/expectation';
import type { Experiment } from '../../src/core/experiment/schema';
import { expectationJson, expectationLines } from '../../src/cli/expectationJson';
import { findModel } from '../../src/models/registry';

const experiment = JSON.parse(readFileSync('tests/fixtures/experiments/expectation-small.json', 'utf8')) as Experiment;
const model = findModel('cloud-market')!;
const share = { format: 'percent' as const, scale: 'change' as const };
const flip = {
  id: 'half-customers',
  label: 'half the customers',
  verdict: 'does-not-hold' as const,
  effect: { effect: -0.01, low: -0.02, high: -0.005, n: 8 },
};
const result: ExpectationResult = {
  verdict: 'holds',
  effect: { effect: 0.031, low: 0.012, high: 0.05, n: 16 },
  arms: [
    { value: 'aggressive', mean: 0.171 },
    { value: 'profit', mean: 0.14 },
  ],
  units: share,
  readings: [],
  unmeasuredReadings: [],
  attribution: {
    label: 'rule-without-switch',
    carriers: [],
    shares: [
      {
        mechanism: 'mechSwitchingCost',
        effect: { effect: 0.03, low: 0.01, high: 0.05, n: 16 },
        verdict: 'holds',
        moved: 0.03,
      },
    ],
  },
  robustness: {
    label: 'fragile',
    repetitions: 8,
    variations: [flip, { id: 'seed', label: 'another base seed', verdict: 'holds', effect: null }],
    flips: [flip],
  },
  experimentRuns: 32,
  runs: 128,
};

describe('agora expectations output', () => {
  const row = expectationJson('small.json', experiment, model, result);

  it('has a robustness entry per variation: variation, verdict, effect and interval, raw and as the page prints them', () => {
    expect(row.robustness).toEqual({
      label: 'fragile',
      repetitions: 8,
      variations: [
        {
          variation: 'half the customers',
          id: 'half-customers',
          verdict: 'does-not-hold',
          effect: -0.01,
          low: -0.02,
          high: -0.005,
          n: 8,
          text: '-1.00 pp [-2.00 pp, -0.500 pp]',
        },
        { variation: 'another base seed', id: 'seed', verdict: 'holds', effect: null },
      ],
    });
    expect(row.text).toBe('3.10 pp [1.20 pp, 5.00 pp]');
    expect(row.arms[0]).toEqual({ value: 'aggressive', label: 'Cirrus waging a price war', mean: 0.171 });
    expect(row.ablations[0].label).toBe('Mechanism: switching cost');
  });

  it('prints the rule that carries the effect, the effect with and without each switch, and the settings', () => {
    const lines = expectationLines(row);
    expect(lines).toContain('  carried by a rule without a switch: the logit choice of customers on price');
    expect(lines).toContain(
      '    Mechanism: switching cost: with it 3.10 pp, without it 3.00 pp [1.00 pp, 5.00 pp] — holds',
    );
    expect(lines).toContain('  fragile (each variation 8 repetitions, as the experiment):');
    // Verdicts in the page's words, never the JSON's tokens.
    expect(lines).toContain('    half the customers: does not hold, effect -1.00 pp [-2.00 pp, -0.500 pp]');
    expect(lines.join('\n')).not.toMatch(/does-not-hold|by-construction|no-effect/);
    expect(lines).toContain('    another base seed: holds');
    const { carriedBy: _, ...unnamed } = experiment.hypothesis!;
    const bare = expectationLines(expectationJson('s.json', { ...experiment, hypothesis: unnamed }, model, result));
    expect(bare).toContain('  carried by a rule without a switch: the rule is not named');
  });
});
