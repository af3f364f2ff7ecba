/**
 * One expectation's result as `agora expectations` prints it: a JSON record (raw numbers, and
 * the same figures as text the app's page shows) and the lines of the plain-text report.
 */
import type { ExpectationResult } from '../core/experiment/expectation';
import { figure, intervalText, type EffectUnits } from '../core/experiment/figures';
import type { Effect, Verdict } from '../core/experiment/hypothesis';
import type { Experiment } from '../core/experiment/schema';
import type { Model } from '../core/model';
import { t } from '../i18n';

function effectJson(e: Effect, units: EffectUnits) {
  return { effect: e.effect, low: e.low, high: e.high, n: e.n, text: intervalText(e, units) };
}

/** A switch's label as the app shows it (e.g. "Mechanism: switching cost"). */
function switchLabel(model: Model, name: string): string {
  return model.params[name]?.label ?? name;
}

export function expectationJson(file: string, experiment: Experiment, model: Model, r: ExpectationResult) {
  const h = experiment.hypothesis!;
  return {
    file,
    statement: h.statement,
    verdict: r.verdict,
    ...effectJson(r.effect, r.units),
    units: r.units,
    experimentRuns: r.experimentRuns,
    runs: r.runs,
    arms: r.arms.map((a) => ({ value: a.value, label: h.arms?.[String(a.value)] ?? null, mean: a.mean })),
    readings: r.readings.map((x) => ({
      label: x.label,
      measure: x.measure,
      verdict: x.verdict,
      ...effectJson(x.effect, x.units),
    })),
    unmeasuredReadings: r.unmeasuredReadings,
    attribution: r.attribution.label,
    carriers: r.attribution.carriers,
    carriedBy: h.carriedBy ?? null,
    ablations: r.attribution.shares.map((s) => ({
      mechanism: s.mechanism,
      label: switchLabel(model, s.mechanism),
      verdict: s.verdict,
      moved: s.moved,
      ...effectJson(s.effect, r.units),
    })),
    robustness: r.robustness && {
      label: r.robustness.label,
      repetitions: r.robustness.repetitions,
      variations: r.robustness.variations.map((v) => ({
        variation: v.label,
        id: v.id,
        verdict: v.verdict,
        ...(v.effect ? effectJson(v.effect, r.units) : { effect: null }),
      })),
    },
  };
}

type ExpectationJson = ReturnType<typeof expectationJson>;

/** A verdict in the page's words ("does not hold"); the JSON keeps the token. */
function words(verdict: Verdict): string {
  return t(`expect.verdict.${verdict}`);
}

/** The plain-text report of one expectation. */
export function expectationLines(row: ExpectationJson): string[] {
  const lines = [
    row.file,
    `  ${row.statement}`,
    `  ${words(row.verdict)}: effect ${row.text}, n = ${row.n} (${row.experimentRuns} runs; ${row.runs} in all)`,
  ];
  for (const x of row.readings)
    lines.push(`  reading: ${x.label}: ${x.text}${x.verdict ? ` — ${words(x.verdict)}` : ''}`);
  for (const label of row.unmeasuredReadings) lines.push(`  reading: ${t('expect.readingNoValue', { label })}`);
  const carriers = row.carriers.length ? ` (${row.carriers.join(', ')})` : '';
  lines.push(
    row.attribution === 'rule-without-switch'
      ? `  ${t('expect.label.rule-without-switch', { rule: row.carriedBy ?? t('expect.ruleNotNamed') })}${carriers}`
      : `  ${t(`expect.label.${row.attribution}`)}${carriers}`,
  );
  for (const a of row.ablations)
    lines.push(`    ${a.label}: with it ${figure(row.effect, row.units)}, without it ${a.text} — ${words(a.verdict)}`);
  if (row.robustness) {
    lines.push(
      `  ${row.robustness.label} (each variation ${row.robustness.repetitions} repetitions, as the experiment):`,
    );
    for (const v of row.robustness.variations)
      lines.push(`    ${v.variation}: ${words(v.verdict)}${'text' in v ? `, effect ${v.text}` : ''}`);
  }
  return lines;
}
