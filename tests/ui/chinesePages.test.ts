/**
 * What the expectations and experiments pages say in Chinese: figures through Intl (money in 万
 * and 亿), the plain sentence from a ready expectation's own translated labels, the report in the
 * locale (its `lang` too), and the strategy table with the same figures in other words.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../../src/core/experiment/expectation';
import { executeRun, runTask } from '../../src/core/experiment/execute';
import { selectedRuns, WHOLE } from '../../src/core/experiment/plan';
import { prepareExperiment } from '../../src/core/experiment/prepare';
import type { Experiment } from '../../src/core/experiment/schema';
import { setLocale } from '../../src/i18n';
import { strategyReport } from '../../src/models/cloudMarket/analyses';
import { pathNote, strategyTable } from '../../src/models/cloudMarket/strategyTable';
import { findModel } from '../../src/models/registry';
import { expectationReport } from '../../src/ui/expectations/expectationReport';
import {
  namesOf,
  readingTexts,
  robustnessText,
  sentence,
  variationTexts,
} from '../../src/ui/expectations/expectationText';
import { creditsText, figureText } from '../../src/ui/localFigures';
import { pathNoteText, strategyWords } from '../../src/ui/models/cloudMarket/strategyWords';
import { READY_EXPERIMENTS } from '../../src/ui/experiments/readyExperiments';

afterEach(() => setLocale('en'));

const ready = (file: string) => READY_EXPERIMENTS.find((r) => r.file === file)!.experiment;
const negotiation: Experiment = ready('expectation-8-negotiation.json');
const shortage: Experiment = ready('expectation-3-shortage.json');

const result: ExpectationResult = {
  verdict: 'holds',
  effect: { effect: -1.25, low: -2, high: -0.5, n: 40 },
  arms: [],
  units: { format: 'money', unit: 'credits', scale: 'change' },
  readings: [
    {
      label: negotiation.hypothesis!.readings![0].label,
      measure: 'share.v2',
      effect: { effect: 0.031, low: 0.012, high: 0.05, n: 40 },
      arms: [],
      units: { format: 'percent', scale: 'change' },
      verdict: null,
    },
  ],
  unmeasuredReadings: [],
  attribution: { label: 'emergent', carriers: [], shares: [] },
  robustness: {
    label: 'fragile',
    repetitions: 8,
    variations: [
      { id: 'seed', label: 'another base seed', verdict: 'holds', effect: null },
      {
        id: 'subject-1',
        label: negotiation.hypothesis!.robustness!.subjects![0].label,
        verdict: 'inconclusive',
        effect: null,
      },
    ],
    flips: [],
  },
  experimentRuns: 80,
  runs: 200,
};

describe('figures in Chinese', () => {
  it('writes money in 万 and 亿 with the unit in Chinese, shares in 个百分点', () => {
    setLocale('zh-CN');
    expect(creditsText(31.8e6)).toBe('3180万 信用点');
    expect(creditsText(-2.4e9)).toBe('-24亿 信用点');
    expect(creditsText(950)).toBe('950 信用点');
    expect(figureText(3.184e7, { format: 'money', unit: 'credits', scale: 'change' })).toBe('3180万 信用点');
    expect(figureText(0.031, { format: 'percent', scale: 'change' })).toBe('3.10 个百分点');
    expect(figureText(0.171, { format: 'percent', scale: 'level' })).toBe('17.1%');
    expect(figureText(0.002, { format: 'percent', scale: 'slope' })).toBe('每单位 0.200 个百分点');
  });

  it('keeps in English the exact figures the CLI prints', () => {
    expect(creditsText(31.8e6)).toBe('31.8 M credits');
    expect(figureText(0.031, { format: 'percent', scale: 'change' })).toBe('3.10 pp');
  });
});

describe('a ready expectation in Chinese', () => {
  it('says its sentence from the translated arm labels, both quoted', () => {
    setLocale('zh-CN');
    const names = namesOf(negotiation);
    // The measure, the direction and the conclusion come from the interface's and the model's catalogues.
    expect(sentence(result, negotiation.hypothesis!, names)).toMatch(
      /^在“Cirrus 激进定价”的运行中，.+比“Cirrus 按利润定价”的运行.*1\.25 信用点：.+。$/,
    );
    expect(readingTexts(result, names)[0]).toMatch(/^它赢得的份额：Cirrus 的份额，激进减利润/);
    expect(variationTexts(result, names).join('\n')).toMatch(/换一个基础种子[\s\S]*由 Draco 作为激进的供应商/);
    expect(robustnessText(result, names)).not.toMatch(/another base seed/);
  });

  it('reads an arm label that is a noun as well as one that is a clause, in English', () => {
    const names = namesOf(shortage);
    const h = shortage.hypothesis!;
    const did = sentence({ ...result, units: { format: 'percent', scale: 'change' } }, h, names);
    expect(did).toMatch(/^In the runs “capacity −80% for 90 days”, .+ than in the runs “no shock”: the claim holds\.$/);
  });

  it('exports the report in Chinese, its lang the locale', () => {
    setLocale('zh-CN');
    const html = expectationReport([{ file: 'expectation-8-negotiation.json', experiment: negotiation, result }]);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('供应商起初无法从供应方拿到低价');
    expect(html).toContain('“Cirrus 激进定价”的运行中');
    expect(html).not.toContain('Cirrus prices aggressively');
    setLocale('en');
    expect(expectationReport([{ file: 'x.json', experiment: negotiation, result: null }])).toContain(
      '<html lang="en">',
    );
  });
});

describe('the strategy table in Chinese', () => {
  const document = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
  const prepared = prepareExperiment(document, findModel);
  if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
  const { plan, settings } = prepared.value;
  const outcomes = selectedRuns(plan, WHOLE).map((i) => executeRun(plan.model, settings, runTask(plan, i)));
  const report = strategyReport(plan, settings, outcomes, 2, 0.1, 5e6);
  if (!report.ok) throw new Error(report.message);

  it('has the same cells as the English table, its words and money in Chinese', () => {
    const english = strategyTable(report.value);
    setLocale('zh-CN');
    const chinese = strategyTable(report.value, strategyWords);
    expect(chinese.header.slice(0, 4)).toEqual(['策略', '次数', 'P(份额 ≥ 10%)', 'P(利润 ≥ 500万 信用点)']);
    // Probabilities and shares read the same; only day and money cells are reworded.
    for (const column of [0, 1, 2, 3, 4, 5, 6, 8])
      expect(chinese.rows.map((r) => r[column])).toEqual(english.rows.map((r) => r[column]));
    expect(chinese.rows.map((r) => r[9]).every((cell) => cell === '—' || cell.endsWith('信用点'))).toBe(true);
    expect(pathNoteText(report.value)).toMatch(/^每年的份额：.*利润转正之日/);
  });

  it('keeps the CLI’s English table and note word for word in English', () => {
    expect(strategyTable(report.value, strategyWords)).toEqual(strategyTable(report.value));
    expect(pathNoteText(report.value)).toBe(pathNote(report.value));
  });
});
