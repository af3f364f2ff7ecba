/**
 * Reporter values as text, from the one declaration of how a reporter reads (its `format`):
 * tables and tooltips, monitors and chart axes each format through here.
 */
import type { ReporterFormat } from '../core/model';

/** Built once: a NumberFormat is costly to make and these run on every frame. */
const STANDARD = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const LARGE = new Intl.NumberFormat('en', { maximumSignificantDigits: 4, notation: 'compact' });
const WHOLE = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const MONITOR = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const AXIS = new Intl.NumberFormat('en', { notation: 'compact' });

const isNone = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || Number.isNaN(v);
const percent = (v: number, digits: number) => `${(100 * v).toFixed(digits)}%`;

/** A value in a table or a tooltip: at most 4 significant digits, compact from a million; "—" for none. */
export function formatValue(v: number | null | undefined, format: ReporterFormat = 'plain'): string {
  if (isNone(v)) return '—';
  if (format === 'percent') return percent(v, 1);
  if (format === 'count' && Number.isInteger(v) && Math.abs(v) < 1e6) return WHOLE.format(v);
  return (Math.abs(v) >= 1e6 ? LARGE : STANDARD).format(v);
}

/** A monitor's value: short enough to read at a glance as it changes; "n/a" for none. */
export function formatMonitor(v: number | null | undefined, format: ReporterFormat = 'plain'): string {
  if (isNone(v)) return 'n/a';
  return format === 'percent' ? percent(v, 1) : MONITOR.format(v);
}

/** A chart axis tick. */
export function formatAxis(v: number, format: ReporterFormat = 'plain'): string {
  if (format === 'percent') return percent(v, Math.abs(100 * v - Math.round(100 * v)) < 1e-6 ? 0 : 1);
  return AXIS.format(v);
}
