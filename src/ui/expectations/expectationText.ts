/**
 * Verdicts, effects, attributions and robustness as text a teacher reads, shared by the page and
 * its report: figures in the claim's units (the CLI prints the same ones, see figures.ts),
 * switches and parameters named as the controls name them, one plain sentence per expectation.
 */
import type { ExpectationResult } from '../../core/experiment/expectation';
import type { EffectUnits } from '../../core/experiment/figures';
import type { ArmMean, Effect, Verdict } from '../../core/experiment/hypothesis';
import {
  parseExperiment,
  rangeValues,
  type Experiment,
  type Hypothesis,
  type Value,
} from '../../core/experiment/schema';
import { reportersFor } from '../../core/model';
import { t, tModel } from '../../i18n';
import { en, type MessageKey } from '../../i18n/en';
import { documentText, readingLabel, subjectLabel } from '../experiments/documentText';
import { figureText as figure, intervalFigure as intervalText } from '../localFigures';
import { findModel } from '../../models/registry';
import { labelOfPath, valueTextOfPath } from '../experiments/paramPaths';

/** The effect and its interval in the claim's units (the CLI prints the same figures). */
export function effectText(e: Effect, units: EffectUnits): string {
  return t('expect.effectValue', { interval: intervalText(e, units) });
}

export function verdictText(v: Verdict): string {
  return t(`expect.verdict.${v}`);
}

/**
 * How the expectation names things: parameters and switches as the controls do, reporters as the
 * plots do, and its own texts (arm labels, readings, the rule) in the reader's language.
 */
export interface Names {
  param(path: string): string;
  /** A value of the parameter at `path`: a choice by its option's word. */
  value(path: string, value: Value): string;
  reporter(name: string): string;
  /** The document's own text at `path` (e.g. `['hypothesis', 'arms', '21']`). */
  text(path: readonly string[], english: string): string;
  reading(label: string): string;
  /** A setting the verdict is rerun in: a variation the model declares, or a subject the document does. */
  variation(id: string, label: string): string;
}

/** A variation the model declares (`seed`, `segment-mix`…), in the current locale when its label is the known one. */
function modelVariation(id: string, label: string): string {
  const key = `expect.variant.${id === 'segment-mix' ? `segment-mix-${label.includes('gaming') ? 'gaming' : 'finance'}` : id}`;
  return key in en && en[key as MessageKey] === label ? t(key as MessageKey) : label;
}

export function namesOf(experiment: Experiment): Names {
  const own = {
    text: (path: readonly string[], english: string) => documentText(experiment, path, english),
    reading: (label: string) => readingLabel(experiment, label),
    variation: (id: string, label: string) =>
      id.startsWith('subject-') ? subjectLabel(experiment, label) : modelVariation(id, label),
  };
  const parsed = parseExperiment(experiment, findModel);
  if (!parsed.ok) return { param: (p) => p, value: (_, v) => String(v), reporter: (r) => r, ...own };
  const { model, baseParams } = parsed.value;
  const reporters = reportersFor(model, baseParams);
  return {
    param: (path) => labelOfPath(model, baseParams, path),
    value: (path, value) => valueTextOfPath(model, baseParams, path)(value),
    reporter: (name) =>
      tModel(model.id, `reporter.${name}.label`, reporters.find((r) => r.name === name)?.label ?? name),
    ...own,
  };
}

export function attributionText(result: ExpectationResult, h: Hypothesis, names: Names): string {
  const a = result.attribution;
  const carriers = a.carriers.map(names.param);
  if (a.label === 'rule-without-switch') {
    const rule = h.carriedBy ? names.text(['hypothesis', 'carriedBy'], h.carriedBy) : t('expect.ruleNotNamed');
    const text = t('expect.label.rule-without-switch', { rule });
    return carriers.length ? t('expect.label.partly', { label: text, mechanism: carriers[0] }) : text;
  }
  const text = t(`expect.label.${a.label}`);
  return carriers.length ? `${text} (${carriers.join(', ')})` : text;
}

/** Each switch: the effect with it on and off, and the verdict without it. */
export function ablationTexts(result: ExpectationResult, names: Names): string[] {
  return result.attribution.shares.map((s) =>
    t('expect.withWithout', {
      mechanism: names.param(s.mechanism),
      with: figure(result.effect.effect, result.units),
      without: intervalText(s.effect, result.units),
      verdict: verdictText(s.verdict),
    }),
  );
}

/** "n = 16 pairs, 128 runs", said in words. */
export function sampleText(result: ExpectationResult, h: Hypothesis, names: Names): string {
  const vars = { n: result.effect.n, runs: result.experimentRuns };
  const own =
    h.effect.kind === 'level'
      ? t('expect.sample.level', vars)
      : h.effect.kind === 'slope'
        ? t('expect.sample.slopes', { ...vars, param: names.param(h.effect.param) })
        : t('expect.sample.pairs', vars);
  return result.runs > result.experimentRuns ? `${own} ${t('expect.sample.total', { total: result.runs })}` : own;
}

/** The arm's plain label: the hypothesis's own, else "Parameter = value". */
export function armLabel(h: Hypothesis, param: string, value: Value, names: Names): string {
  const own = h.arms?.[String(value)];
  return own !== undefined
    ? names.text(['hypothesis', 'arms', String(value)], own)
    : t('expect.says.arm', { param: names.param(param), value: names.value(param, value) });
}

/** The arms a person can open in the sandbox: both arms of a difference, the two ends of a slope. */
export function openableArms(experiment: Experiment): { param: string; value: Value }[] {
  const e = experiment.hypothesis!.effect;
  if (e.kind === 'level') return [];
  if (e.kind === 'slope') {
    const variation = experiment.vary.find((v) => v.param === e.param);
    const r = variation?.range;
    const values = r ? rangeValues(r.from, r.to, r.step) : (variation?.values ?? []);
    return values.length ? [values[0], values[values.length - 1]].map((value) => ({ param: e.param, value })) : [];
  }
  return [
    { param: e.param, value: e.treatment },
    { param: e.param, value: e.control },
  ];
}

/** One plain sentence saying what the model shows, led by the arms it is restricted to (`where`), if any. */
export function sentence(result: ExpectationResult, h: Hypothesis, names: Names): string {
  const only = Object.entries(h.effect.where ?? {}).map(([param, value]) => armLabel(h, param, value, names));
  const said = comparison(result, h, names);
  return only.length ? `${t('expect.says.only', { arms: only.join(t('expect.says.armSeparator')) })} ${said}` : said;
}

/** The sentence's comparison: the arms' means (or the level) and the conclusion. */
function comparison(result: ExpectationResult, h: Hypothesis, names: Names): string {
  const e = h.effect;
  const conclusion = t(`expect.conclusion.${result.verdict}`);
  const measure =
    e.kind === 'difference-in-differences'
      ? t('expect.says.minus', { measure: names.reporter(h.measure), minus: names.reporter(e.minus) })
      : names.reporter(h.measure);
  const level: EffectUnits = { ...result.units, scale: e.kind === 'difference-in-differences' ? 'change' : 'level' };
  if (e.kind === 'level')
    return t('expect.says.level', {
      measure,
      mean: figure(result.effect.effect, result.units),
      where: t(`expect.says.at.${e.at}`),
      conclusion,
    });
  if (e.kind === 'slope') {
    const first: ArmMean | undefined = result.arms[0];
    const last: ArmMean | undefined = result.arms[result.arms.length - 1];
    return t('expect.says.slope', {
      first: first ? armLabel(h, e.param, first.value, names) : '',
      firstMean: first ? figure(first.mean, level) : '',
      last: last ? armLabel(h, e.param, last.value, names) : '',
      lastMean: last ? figure(last.mean, level) : '',
      measure,
      slopeName: t(e.scale === 'log' ? 'expect.says.elasticity' : 'expect.says.slopeName'),
      slope: figure(result.effect.effect, result.units),
      conclusion,
    });
  }
  return t('expect.says.change', {
    treatment: armLabel(h, e.param, e.treatment, names),
    control: armLabel(h, e.param, e.control, names),
    measure,
    size: figure(Math.abs(result.effect.effect), result.units),
    direction: t(result.effect.effect >= 0 ? 'expect.says.higher' : 'expect.says.lower'),
    conclusion,
  });
}

/** Robust or fragile, with the settings where the verdict flips and their effects. */
export function robustnessText(result: ExpectationResult, names: Names): string | null {
  const r = result.robustness;
  if (!r) return null;
  if (r.label === 'robust') return t('expect.robust', { count: r.variations.length });
  const flips = r.flips.map((f) =>
    t('expect.flip', {
      variation: names.variation(f.id, f.label),
      verdict: verdictText(f.verdict),
      effect: f.effect ? effectText(f.effect, result.units) : t('expect.noEffect'),
    }),
  );
  return t('expect.fragile', { flips: flips.join('; ') });
}

/** Each other setting: its verdict and effect. */
export function variationTexts(result: ExpectationResult, names: Names): string[] {
  return (result.robustness?.variations ?? []).map((v) =>
    t('expect.variation', {
      variation: names.variation(v.id, v.label),
      verdict: verdictText(v.verdict),
      effect: v.effect ? effectText(v.effect, result.units) : t('expect.noEffect'),
    }),
  );
}

export function robustnessNote(result: ExpectationResult): string | null {
  const r = result.robustness;
  return r ? t('expect.robustnessNote', { repetitions: r.repetitions }) : null;
}

/** The secondary readings: label, effect, and the verdict when they claim something. */
export function readingTexts(result: ExpectationResult, names: Names): string[] {
  const measured = result.readings.map((x) => {
    const text = t('expect.reading', { label: names.reading(x.label), effect: effectText(x.effect, x.units) });
    return x.verdict ? `${text} — ${verdictText(x.verdict)}` : text;
  });
  const unmeasured = result.unmeasuredReadings.map((label) =>
    t('expect.readingNoValue', { label: names.reading(label) }),
  );
  return [...measured, ...unmeasured];
}
