/**
 * Reporter values as text, from the one declaration of how a reporter reads (its `format`):
 * tables and tooltips, monitors and chart axes each format through here, in the locale on
 * display (see i18n/format: Chinese writes large amounts in 万 and 亿).
 */
import type { ReporterFormat } from '../core/model';
import { t } from '../i18n';
import { formatPercent, numberFormat } from '../i18n/format';

const STANDARD: Intl.NumberFormatOptions = { maximumSignificantDigits: 4 };
const LARGE: Intl.NumberFormatOptions = { maximumSignificantDigits: 4, notation: 'compact' };
const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const MONITOR: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };
const AXIS: Intl.NumberFormatOptions = { notation: 'compact' };

const isNone = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || Number.isNaN(v);

/** A value in a table or a tooltip: at most 4 significant digits, compact from a million; "—" for none. */
export function formatValue(v: number | null | undefined, format: ReporterFormat = 'plain'): string {
  if (isNone(v)) return '—';
  if (format === 'percent') return formatPercent(v, 1);
  if (format === 'count' && Number.isInteger(v) && Math.abs(v) < 1e6) return numberFormat(WHOLE).format(v);
  return numberFormat(Math.abs(v) >= 1e6 ? LARGE : STANDARD).format(v);
}

/** A monitor's value: short enough to read at a glance as it changes; "n/a" for none. */
export function formatMonitor(v: number | null | undefined, format: ReporterFormat = 'plain'): string {
  if (isNone(v)) return t('value.none');
  return format === 'percent' ? formatPercent(v, 1) : numberFormat(MONITOR).format(v);
}

/** A chart axis tick. */
export function formatAxis(v: number, format: ReporterFormat = 'plain'): string {
  if (format === 'percent') return formatPercent(v, Math.abs(100 * v - Math.round(100 * v)) < 1e-6 ? 0 : 1);
  return numberFormat(AXIS).format(v);
}
