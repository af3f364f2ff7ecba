/**
 * The comparison's plots, above the model's: each vendor's share in both runs (the fork
 * dashed), and the differences fork − base in share and in accrual profit to date, with the
 * fork day marked.
 */
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PlotLegend } from '../components/PlotLegend';
import { reportersFor, type Model } from '../../core/model';
import { t, tModel } from '../../i18n';
import { useStaggered } from '../components/PlotPanel';
import { reporterLog } from '../frameBus';
import { formatAxis, formatValue } from '../reporterFormat';
import { seriesColor } from '../seriesColor';
import { useApp } from '../store';
import { useCompare } from './compareStore';
import { forkLog } from './forkFrames';
import { comparisonRows, seriesOf, type Series } from './shareSeries';

/** The chart's width until the figure is measured (px). */
const WIDTH = 360;
const HEIGHT = 150;
const TICK = { fontSize: 11, width: 0 };
/** The lines of a chart, as constants: a new array at each render would defeat the charts' memo. */
const BOTH_RUNS = ['base', 'fork'] as const;
const DIFFERENCE = ['delta'] as const;

interface ChartProps {
  readonly title: string;
  readonly rows: Record<string, number | null>[];
  readonly series: readonly Series[];
  readonly keys: readonly ('base' | 'fork' | 'delta')[];
  readonly format: 'percent' | 'plain';
  readonly forkDay: number;
  readonly id: string;
  /** The chart's place: it takes new rows order × 60 ms after the first, each chart in a task of its own. */
  readonly order: number;
  /** The line colour of reporter `name`, drawn `index`-th: as in the model's own plots. */
  readonly colorOf: (name: string, index: number) => string;
}

/** The width of the figure's content box, followed as the panel resizes. */
function useWidth(figure: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(WIDTH);
  useEffect(() => {
    const element = figure.current!;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(element.clientWidth))));
    observer.observe(element);
    return () => observer.disconnect();
  }, [figure]);
  return width;
}

// Memoised and staggered as the model's plots are (see PlotPanel): recharts updates synchronously.
const ComparisonChart = memo(function ComparisonChart(props: ChartProps) {
  const { title, series, keys, format, forkDay, id, colorOf, order } = props;
  const rows = useStaggered(props.rows, order);
  const figure = useRef<HTMLElement>(null);
  const width = useWidth(figure);
  return (
    <figure className="plot compare-plot" data-plot={id} ref={figure}>
      <figcaption>{title}</figcaption>
      <LineChart width={width} height={HEIGHT} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="2 4" />
        <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} tick={TICK} />
        <YAxis tick={TICK} width={48} tickFormatter={(v: number) => formatAxis(v, format)} />
        <Tooltip
          formatter={(v) => formatValue(v as number, format)}
          labelFormatter={(tick) => `${t('compare.day')} ${tick}`}
        />
        <ReferenceLine
          x={forkDay}
          stroke="#444"
          strokeDasharray="4 2"
          label={{ value: t('compare.forkDay'), fontSize: 11, position: 'insideTopRight' }}
        />
        {keys.includes('delta') && <ReferenceLine y={0} stroke="#888" />}
        {series.flatMap((s, i) =>
          keys.map((key) => (
            <Line
              key={`${key}:${s.name}`}
              dataKey={`${key}:${s.name}`}
              name={key === 'fork' ? `${s.label} (${t('compare.forkRun').toLocaleLowerCase()})` : s.label}
              stroke={colorOf(s.name, i)}
              strokeDasharray={key === 'fork' ? '5 3' : undefined}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
              legendType={key === 'fork' ? 'none' : 'line'}
            />
          )),
        )}
        <Legend wrapperStyle={{ fontSize: 11 }} content={PlotLegend} />
      </LineChart>
    </figure>
  );
});

export function ComparePlots({ model }: { model: Model }) {
  const active = useCompare((s) => s.active);
  const forkDay = useCompare((s) => s.forkDay);
  // Deferred: the charts re-render in an interruptible background render, as the model's plots do.
  const forkVersion = useDeferredValue(useCompare((s) => s.plotVersion));
  const baseVersion = useDeferredValue(useApp((s) => s.plotVersion));
  const params = useApp((s) => s.appliedParams);
  const labels = useMemo(
    () =>
      new Map(reportersFor(model, params).map((r) => [r.name, tModel(model.id, `reporter.${r.name}.label`, r.label)])),
    [model, params],
  );
  const data = useMemo(() => {
    const base = reporterLog();
    const fork = forkLog();
    const shares = seriesOf(base, 'share.', labels);
    const profits = seriesOf(base, 'cumulativeProfit.', labels);
    const names = [...shares, ...profits].map((s) => s.name);
    return { shares, profits, rows: comparisonRows(base, fork, names, forkDay) };
    // The logs change in place: the versions say when.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [labels, forkDay, forkVersion, baseVersion]);
  const colorOf = useCallback(
    (name: string, index: number) => seriesColor(model, params, name, index),
    [model, params],
  );
  if (!active || data.shares.length === 0) return null;
  return (
    <section className="compare-plots" aria-label={t('compare.shares')}>
      <ComparisonChart
        id="compare-shares"
        order={1}
        title={t('compare.shares')}
        rows={data.rows}
        series={data.shares}
        keys={BOTH_RUNS}
        format="percent"
        forkDay={forkDay}
        colorOf={colorOf}
      />
      <ComparisonChart
        id="compare-delta-share"
        order={2}
        title={t('compare.deltaShare')}
        rows={data.rows}
        series={data.shares}
        keys={DIFFERENCE}
        format="percent"
        forkDay={forkDay}
        colorOf={colorOf}
      />
      <ComparisonChart
        id="compare-delta-profit"
        order={3}
        title={t('compare.deltaProfit')}
        rows={data.rows}
        series={data.profits}
        keys={DIFFERENCE}
        format="plain"
        forkDay={forkDay}
        colorOf={colorOf}
      />
    </section>
  );
}
