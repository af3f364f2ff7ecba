/** Verdicts, effects and attributions as text, shared by the page and its report. */
import { figure } from '../../core/experiment/expectation';
import type { Attribution, Effect, Verdict } from '../../core/experiment/hypothesis';
import type { ReporterFormat } from '../../core/model';
import { t } from '../../i18n';

/** The effect in its measure's format (the CLI prints the same figures). */
export function effectText(e: Effect, format: ReporterFormat): string {
  const f = (v: number) => figure(v, format);
  return t('expect.effectValue', { effect: f(e.effect), low: f(e.low), high: f(e.high), n: e.n });
}

export function verdictText(v: Verdict): string {
  return t(`expect.verdict.${v}`);
}

export function attributionText(a: Attribution): string {
  const text = t(`expect.label.${a.label}`);
  return a.carriers.length ? `${text} (${a.carriers.join(', ')})` : text;
}
