/** Verdicts, effects and attributions as text, shared by the page and its report. */
import { figure } from '../../core/experiment/expectation';
import type { Attribution, Effect, Verdict } from '../../core/experiment/hypothesis';
import { t } from '../../i18n';

export function effectText(e: Effect): string {
  return t('expect.effectValue', { effect: figure(e.effect), low: figure(e.low), high: figure(e.high), n: e.n });
}

export function verdictText(v: Verdict): string {
  return t(`expect.verdict.${v}`);
}

export function attributionText(a: Attribution): string {
  const text = t(`expect.label.${a.label}`);
  return a.carriers.length ? `${text} (${a.carriers.join(', ')})` : text;
}
