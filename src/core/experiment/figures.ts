/**
 * Figures of verdicts in the claim's units, as a teacher reads them: a share as 12.3%, a
 * change of share as 3.10 pp, money as 31.8 M credits — never 3.184e+7. The CLI and the app
 * print the same text: every step is exactly specified (toPrecision, no Intl).
 */
import type { ReporterDecl, ReporterFormat } from '../model';
import type { EffectSpec } from './schema';

/**
 * What an effect is on its measure's scale: `level` a value of the measure, `change` a
 * difference of two values, `slope` a change per unit of the varied parameter, `elasticity`
 * a ratio of relative changes (no unit).
 */
type EffectScale = 'level' | 'change' | 'slope' | 'elasticity';

export interface EffectUnits {
  readonly format: ReporterFormat;
  /** The measure's unit, e.g. "credits" (money is written with it). */
  readonly unit?: string;
  readonly scale: EffectScale;
}

/** The units of an effect of `spec` on the measure `reporter` declares (plain when it declares nothing). */
export function unitsOf(spec: EffectSpec, reporter: ReporterDecl | undefined): EffectUnits {
  const scale: EffectScale =
    spec.kind === 'level'
      ? reporter?.gap
        ? 'change'
        : 'level'
      : spec.kind === 'slope'
        ? spec.scale === 'log'
          ? 'elasticity'
          : 'slope'
        : 'change';
  return { format: reporter?.format ?? 'plain', ...(reporter?.unit ? { unit: reporter.unit } : {}), scale };
}

/** Three significant digits; thousands grouped, millions and billions named. */
function number(v: number): string {
  // Rounded first, so that 999.96 million reads 1.00 bn, not 1.00e+3 M.
  const a = Math.abs(Number(v.toPrecision(3)));
  if (a >= 1e9) return `${(v / 1e9).toPrecision(3)} bn`;
  if (a >= 1e6) return `${(v / 1e6).toPrecision(3)} M`;
  if (a >= 1e3) return `${v < 0 ? '-' : ''}${String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  return v.toPrecision(3);
}

/** A figure in `units` (a bare format reads as a level of that format). */
export function figure(v: number, units: EffectUnits | ReporterFormat = 'plain'): string {
  const u: EffectUnits = typeof units === 'string' ? { format: units, scale: 'level' } : units;
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (u.scale === 'elasticity') return number(v);
  const perUnit = u.scale === 'slope' ? ' per unit' : '';
  if (u.format === 'percent') return `${number(100 * v)}${u.scale === 'level' ? '%' : ' pp'}${perUnit}`;
  if (u.format === 'money' && u.unit) return `${number(v)} ${u.unit}${perUnit}`;
  return `${number(v)}${perUnit}`;
}

/** An effect and its 95% interval, e.g. "3.10 pp [1.20 pp, 5.00 pp]": the text the page, the report and the CLI print. */
export function intervalText(e: { effect: number; low: number; high: number }, units: EffectUnits): string {
  return `${figure(e.effect, units)} [${figure(e.low, units)}, ${figure(e.high, units)}]`;
}
