/** What a teacher reads of a verdict: the plain sentence, the rule named, the arms, the settings where it flips. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../../src/core/experiment/expectation';
import type { Experiment, Hypothesis } from '../../src/core/experiment/schema';
import { setLocale } from '../../src/i18n';
import {
  armLabel,
  attributionText,
  namesOf,
  openableArms,
  robustnessText,
  sampleText,
  sentence,
} from '../../src/ui/expectations/expectationText';

const experiment = JSON.parse(readFileSync('tests/fixtures/experiments/expectation-small.json', 'utf8')) as Experiment;
const h = experiment.hypothesis!;
const names = namesOf(experiment);

const base: ExpectationResult = {
  verdict: 'holds',
  effect: { effect: 0.031, low: 0.012, high: 0.05, n: 16 },
  arms: [
    { value: 'aggressive', mean: 0.171 },
    { value: 'profit', mean: 0.14 },
  ],
  units: { format: 'percent', scale: 'change' },
  readings: [],
  unmeasuredReadings: [],
  attribution: { label: 'rule-without-switch', carriers: [], shares: [] },
  robustness: null,
  experimentRuns: 32,
  runs: 128,
};

describe('the plain sentence', () => {
  it('says a difference from the arm labels, its size in the claim’s units and the verdict', () => {
    expect(sentence(base, h, names)).toBe(
      'In the runs “Cirrus waging a price war”, Share: Cirrus is 3.10 pp higher than in the runs “Cirrus pricing for profit”: the claim holds.',
    );
    expect(sentence({ ...base, verdict: 'inconclusive', effect: { ...base.effect, effect: -0.02 } }, h, names)).toBe(
      'In the runs “Cirrus waging a price war”, Share: Cirrus is 2.00 pp lower than in the runs “Cirrus pricing for profit”: the runs cannot tell whether the claim holds.',
    );
  });

  it('says a slope from its two ends, naming an arm by its parameter when the hypothesis gives no label', () => {
    const slope: Hypothesis = {
      ...h,
      effect: { kind: 'slope', param: 'vendors#2.margin', scale: 'log' },
      arms: { '40': '40% margin' },
    };
    const result: ExpectationResult = {
      ...base,
      verdict: 'does-not-hold',
      effect: { effect: -2.1, low: -2.5, high: -1.7, n: 8 },
      arms: [
        { value: 40, mean: 0.02 },
        { value: 27, mean: 0.06 },
      ],
      units: { format: 'percent', scale: 'elasticity' },
    };
    expect(sentence(result, slope, names)).toBe(
      'In the runs “40% margin”, Share: Cirrus is 2.00%; in the runs “Target margin of Cirrus = 27”, 6.00% (elasticity -2.10): the claim does not hold.',
    );
  });

  it('says a difference in differences as the measure minus the other', () => {
    const did: Hypothesis = {
      ...h,
      effect: {
        kind: 'difference-in-differences',
        param: 'vendors#2.strategy',
        treatment: 'aggressive',
        control: 'profit',
        minus: 'share.v1',
      },
    };
    expect(sentence(base, did, names)).toContain('Share: Cirrus minus Share: Borealis is 3.10 pp higher');
  });

  it('leads with the arms an effect is restricted to', () => {
    const where: Hypothesis = {
      ...h,
      effect: { kind: 'level', at: 'max', where: { 'vendors#2.strategy': 'aggressive' } },
    };
    expect(sentence({ ...base, units: { format: 'percent', scale: 'level' } }, where, names)).toBe(
      'Only the runs “Cirrus waging a price war”: Share: Cirrus is 3.10% at its highest setting: the claim holds.',
    );
  });
});

describe('attribution in words', () => {
  it('names the rule without a switch, or says that it is not named — never a bare "not carried"', () => {
    expect(attributionText(base, h, names)).toBe(
      'carried by a rule without a switch: the logit choice of customers on price',
    );
    const { carriedBy: _, ...unnamed } = h;
    expect(attributionText(base, unnamed, names)).toBe('carried by a rule without a switch: the rule is not named');
    const part = { ...base, attribution: { ...base.attribution, carriers: ['mechSwitchingCost'] } };
    expect(attributionText(part, h, names)).toBe(
      'carried by a rule without a switch: the logit choice of customers on price (Mechanism: switching cost takes a smaller part)',
    );
    const emergent = {
      ...base,
      attribution: {
        ...base.attribution,
        label: 'emergent' as const,
        carriers: ['mechSwitchingCost', 'mechNeighbours'],
      },
    };
    expect(attributionText(emergent, h, names)).toBe(
      'emergent (Mechanism: switching cost, Mechanism: neighbour influence)',
    );
  });
});

describe('arms, n and robustness in words', () => {
  it('opens both compared arms, labelled as the hypothesis labels them', () => {
    const arms = openableArms(experiment);
    expect(arms).toEqual([
      { param: 'vendors#2.strategy', value: 'aggressive' },
      { param: 'vendors#2.strategy', value: 'profit' },
    ]);
    expect(arms.map((a) => armLabel(h, a.param, a.value, names))).toEqual([
      'Cirrus waging a price war',
      'Cirrus pricing for profit',
    ]);
  });

  it('names an arm without a label of its own by the parameter and the option’s word', () => {
    const { arms: _, ...unlabelled } = h;
    expect(armLabel(unlabelled, 'vendors#2.strategy', 'aggressive', names)).toBe('Strategy of Cirrus = aggressive');
    setLocale('zh-CN');
    try {
      expect(armLabel(unlabelled, 'vendors#2.strategy', 'aggressive', namesOf(experiment))).toBe(
        'Cirrus的定价策略 = 激进',
      );
    } finally {
      setLocale('en');
    }
  });

  it('explains n in words', () => {
    expect(sampleText(base, h, names)).toMatch(
      /^n = 16 pairs, 32 runs: each pair is two runs with the same random numbers/,
    );
    expect(sampleText(base, h, names)).toMatch(/128 runs in all/);
  });

  it('lists the settings where a fragile verdict flips, with their effects', () => {
    const flip = {
      id: 'seed',
      label: 'another base seed',
      verdict: 'does-not-hold' as const,
      effect: { effect: -0.01, low: -0.02, high: -0.005, n: 8 },
    };
    const fragile = {
      ...base,
      robustness: { label: 'fragile' as const, variations: [flip], flips: [flip], repetitions: 8 },
    };
    expect(robustnessText(fragile, names)).toBe(
      'fragile: the verdict flips in another base seed (does not hold, effect -1.00 pp [-2.00 pp, -0.500 pp])',
    );
    const robust = {
      ...base,
      robustness: { label: 'robust' as const, variations: [flip, flip], flips: [], repetitions: 8 },
    };
    expect(robustnessText(robust, names)).toBe('robust: the same verdict in all 2 other settings');
  });
});
