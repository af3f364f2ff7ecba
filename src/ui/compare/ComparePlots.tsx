/**
 * The comparison's plots, above the model's: each vendor's share in both runs (the fork
 * dashed), and the differences fork − base in share and in accrual profit to date, with the
 * fork day marked.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PlotLegend } from '../components/PlotLegend';
import { reportersFor, type Model } from '../../core/model';
import { t, tModel } from '../../i18n';
import { reporterLog } from '../frameBus';
import { runPlotData, usePlotTurn, type PlotSource } from '../plotTurns';
import { formatAxis, formatValue } from '../reporterFormat';
import { seriesColor } from '../seriesColor';
import { useApp } from '../store';
import { useCompare } from './compareStore';
import { forkLog } from './forkFrames';
import { comparisonRows, seriesOf, type ComparedLine, type Series } from './shareSeries';

/** The chart's width until the figure is measured (px). */
const WIDTH = 360;
const HEIGHT = 150;
const TICK = { fontSize: 11, width: 0 };
/** Room on the right for half the last day's label (e.g. 1825). */
const MARGIN = { top: 4, right: 16, bottom: 0, left: 0 };
/** The lines of a chart, as constants: a new array at each render would defeat the charts' memo. */
const BOTH_RUNS: readonly ComparedLine[] = ['base', 'fork'];
const DIFFERENCE: readonly ComparedLine[] = ['delta'];

/** New data for the comparison's plots: from either run. */
const forkPlotData: PlotSource = (onNewData) =>
  useCompare.subscribe((s, prev) => {
    if (s.plotVersion !== prev.plotVersion) onNewData();
  });
const BOTH_RUNS_DATA: readonly PlotSource[] = [runPlotData, forkPlotData];

interface ChartProps {
  readonly title: string;
  readonly series: readonly Series[];
  readonly keys: readonly ComparedLine[];
  readonly format: 'percent' | 'plain';
  readonly forkDay: number;
  readonly id: string;
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

// Memoised, and redrawn on its own turn as the model's plots are (see plotTurns): recharts updates synchronously.
const ComparisonChart = memo(function ComparisonChart(props: ChartProps) {
  const { title, series, keys, format, forkDay, id, colorOf } = props;
  const figure = useRef<HTMLElement>(null);
  const turn = usePlotTurn(figure, BOTH_RUNS_DATA);
  const rows = useMemo(
    () =>
      comparisonRows(
        reporterLog(),
        forkLog(),
        series.map((s) => s.name),
        keys,
        forkDay,
      ),
    // The logs change in place: the turn says when.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, keys, forkDay, turn],
  );
  const width = useWidth(figure);
  // Kept while the format stays: recharts re-dispatches an axis whose props are new objects.
  const yTickText = useCallback((v: number) => formatAxis(v, format), [format]);
  return (
    <figure className="plot compare-plot" data-plot={id} ref={figure}>
      <figcaption>{title}</figcaption>
      <LineChart width={width} height={HEIGHT} data={rows} margin={MARGIN}>
        <CartesianGrid strokeDasharray="2 4" />
        {/* Every tick shown (interval 0): recharts measures no label in the DOM to thin them out (five fit). */}
        <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} tick={TICK} interval={0} />
        <YAxis tick={TICK} width={48} interval={0} tickFormatter={yTickText} />
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
  const params = useApp((s) => s.appliedParams);
  // Cheap: the charts redraw on their own turns; this finds a new log of the base (its series).
  useApp((s) => s.plotVersion);
  const base = reporterLog();
  const labels = useMemo(
    () =>
      new Map(reportersFor(model, params).map((r) => [r.name, tModel(model.id, `reporter.${r.name}.label`, r.label)])),
    [model, params],
  );
  const data = useMemo(
    () => ({ shares: seriesOf(base, 'share.', labels), profits: seriesOf(base, 'cumulativeProfit.', labels) }),
    [base, labels],
  );
  const colorOf = useCallback(
    (name: string, index: number) => seriesColor(model, params, name, index),
    [model, params],
  );
  if (!active || data.shares.length === 0) return null;
  return (
    <section className="compare-plots" aria-label={t('compare.shares')}>
      <ComparisonChart
        id="compare-shares"
        title={t('compare.shares')}
        series={data.shares}
        keys={BOTH_RUNS}
        format="percent"
        forkDay={forkDay}
        colorOf={colorOf}
      />
      <ComparisonChart
        id="compare-delta-share"
        title={t('compare.deltaShare')}
        series={data.shares}
        keys={DIFFERENCE}
        format="percent"
        forkDay={forkDay}
        colorOf={colorOf}
      />
      <ComparisonChart
        id="compare-delta-profit"
        title={t('compare.deltaProfit')}
        series={data.profits}
        keys={DIFFERENCE}
        format="plain"
        forkDay={forkDay}
        colorOf={colorOf}
      />
    </section>
  );
}
