/** A horizontal box plot (min, quartiles, median, max) drawn on a shared scale, as inline SVG. */
import { OKABE_ITO } from '../../../core/palette';
import type { Summary } from '../../../core/stats';

const STANDARD = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const COMPACT = new Intl.NumberFormat('en', { maximumSignificantDigits: 4, notation: 'compact' });

export function BoxPlot({ summary, min, max, label }: { summary: Summary; min: number; max: number; label: string }) {
  const width = 160;
  const x = (v: number) => (max > min ? ((v - min) / (max - min)) * (width - 8) + 4 : width / 2);
  return (
    <svg className="box-plot" width={width} height={18} role="img" aria-label={label}>
      <line x1={x(summary.min)} x2={x(summary.max)} y1={9} y2={9} stroke="#5b6470" />
      <rect
        x={x(summary.q25)}
        y={3}
        width={Math.max(1, x(summary.q75) - x(summary.q25))}
        height={12}
        fill="#cfe3f3"
        stroke={OKABE_ITO.blue}
      />
      <line x1={x(summary.median)} x2={x(summary.median)} y1={2} y2={16} stroke={OKABE_ITO.blue} strokeWidth={2} />
    </svg>
  );
}

/** Numbers in result tables: compact, with at most 4 significant digits. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return (Math.abs(v) >= 1e6 ? COMPACT : STANDARD).format(v);
}
