/**
 * Figures of the experiments and expectations pages in the reader's locale. English keeps the
 * exact text core writes (figures.ts, strategyTable.ts), which the CLI prints too; another locale
 * writes the same figure with Intl: three significant digits, large amounts in its own units
 * (Chinese 万 and 亿: "3180万 信用点"). The number formats come from the interface's one
 * formatter cache (i18n/format.ts).
 */
import { figure, type EffectUnits } from '../core/experiment/figures';
import { credits } from '../models/cloudMarket/strategyTable';
import { getLocale, t } from '../i18n';
import { numberFormat } from '../i18n/format';

/**
 * Three significant digits, compact from ten thousand (where the locale names its units);
 * `exact` keeps trailing zeros ("3.10") as core's figures do, money drops them ("950").
 */
function number(v: number, exact = true): string {
  return numberFormat({
    notation: 'compact',
    maximumSignificantDigits: 3,
    ...(exact ? { minimumSignificantDigits: 3 } : {}),
  }).format(v);
}

/** A unit a model declares ("credits"), in the current locale when the catalogue has it. */
function unitText(unit: string): string {
  return unit === 'credits' ? t('unit.credits') : unit;
}

/** A figure in the claim's units (see core's `figure`), in the current locale. */
export function figureText(v: number, units: EffectUnits): string {
  if (getLocale() === 'en' || !Number.isFinite(v)) return figure(v, units);
  if (units.scale === 'elasticity') return number(v);
  const perUnit = (value: string) => (units.scale === 'slope' ? t('figure.perUnit', { value }) : value);
  if (units.format === 'percent')
    return perUnit(
      units.scale === 'level' ? `${number(100 * v)}%` : t('figure.percentPoints', { value: number(100 * v) }),
    );
  if (units.format === 'money' && units.unit)
    return perUnit(t('figure.money', { value: number(v), unit: unitText(units.unit) }));
  return perUnit(number(v));
}

/** An effect and its 95% interval, e.g. "3.10 pp [1.20 pp, 5.00 pp]", in the current locale. */
export function intervalFigure(e: { effect: number; low: number; high: number }, units: EffectUnits): string {
  return `${figureText(e.effect, units)} [${figureText(e.low, units)}, ${figureText(e.high, units)}]`;
}

/** An amount (a chart's tick): "31.8 M" in English (as core writes millions), "3180万" in Chinese. */
export function amountText(x: number): string {
  return getLocale() === 'en' ? `${x / 1e6} M` : number(x, false);
}

/** An amount of money in credits: "31.8 M credits" in English, "3180万 信用点" in Chinese. */
export function creditsText(x: number): string {
  if (getLocale() === 'en' || !Number.isFinite(x)) return credits(x);
  return t('figure.money', { value: number(Math.round(x), false), unit: t('unit.credits') });
}
