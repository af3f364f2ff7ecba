/**
 * A chart's legend: recharts' own, but with its icons hidden from screen readers. Recharts names
 * each icon "<series> legend icon", in English whatever the page speaks, and the series' name
 * follows it as text anyway. The class names are recharts' own (the PNG export reads them).
 */
import type { LegendPayload } from 'recharts';

const SIZE = 32;
/** Recharts' line icon: a stroke with a ring in the middle. */
const LINE_ICON =
  `M0,${SIZE / 2}h${SIZE / 3}A${SIZE / 6},${SIZE / 6},0,1,1,${(2 * SIZE) / 3},${SIZE / 2}H${SIZE}` +
  `M${(2 * SIZE) / 3},${SIZE / 2}A${SIZE / 6},${SIZE / 6},0,1,1,${SIZE / 3},${SIZE / 2}`;

export function PlotLegend({ payload = [] }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="recharts-default-legend" style={{ padding: 0, margin: 0, textAlign: 'center' }}>
      {payload
        .filter((entry) => entry.type !== 'none')
        .map((entry, i) => (
          <li key={i} className="recharts-legend-item" style={{ display: 'inline-block', marginRight: 10 }}>
            <svg
              aria-hidden="true"
              width={14}
              height={14}
              viewBox={`0 0 ${SIZE} ${SIZE}`}
              style={{ display: 'inline-block', verticalAlign: 'middle', marginRight: 4 }}
            >
              <path d={LINE_ICON} strokeWidth={4} fill="none" stroke={entry.color} />
            </svg>
            <span className="recharts-legend-item-text" style={{ color: entry.color }}>
              {entry.value}
            </span>
          </li>
        ))}
    </ul>
  );
}
