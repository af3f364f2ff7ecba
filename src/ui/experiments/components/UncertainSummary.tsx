/**
 * The experiment's uncertain inputs, read-only: each parameter and the distribution its values
 * are drawn from (edited in the experiment file; see experiments/strategy-comparison.json).
 */
import type { Experiment, Value } from '../../../core/experiment/schema';
import { t } from '../../../i18n';

type Input = NonNullable<Experiment['uncertain']>[number];

/** How a parameter's value reads (a choice by its option's word). */
type ValueText = (param: string, value: Value) => string;

function distribution(input: Input, valueText: ValueText): string {
  if (input.uniform) return t('exp.uncertain.uniform', { low: input.uniform[0], high: input.uniform[1] });
  if (input.normal) {
    const { mean, sd, min, max } = input.normal;
    const normal = t('exp.uncertain.normal', { mean, sd });
    return min !== undefined || max !== undefined
      ? t('exp.uncertain.within', { normal, min: min ?? '…', max: max ?? '…' })
      : normal;
  }
  const total = (input.choice ?? []).reduce((s, c) => s + c.weight, 0);
  return (input.choice ?? [])
    .map((c) => `${valueText(input.param, c.value)} ${Math.round((100 * c.weight) / total)}%`)
    .join(', ');
}

export function UncertainSummary({ inputs, valueText }: { inputs: Experiment['uncertain']; valueText: ValueText }) {
  if (!inputs?.length) return null;
  return (
    <div className="exp-uncertain">
      <span>{t('exp.uncertain')}</span>
      <ul aria-label={t('exp.uncertain')}>
        {inputs.map((input) => (
          <li key={input.param}>
            <code>{input.param}</code>: {distribution(input, valueText)}
          </li>
        ))}
      </ul>
    </div>
  );
}
