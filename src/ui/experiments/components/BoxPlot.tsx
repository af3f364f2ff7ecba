/** A horizontal box plot (min, quartiles, median, max) drawn on a shared scale, as inline SVG. */
import { OKABE_ITO } from '../../../core/palette';
import type { Summary } from '../../../core/stats';

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
