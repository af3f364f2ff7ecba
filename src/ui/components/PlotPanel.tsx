/**
 * Live plots of the model's reporters. Data comes from the run's reporter log, re-sampled to
 * at most MAX_POINTS a few times a second, so a long run costs no more than a short one.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { PlotLegend } from './PlotLegend';
import {
  plotSeries,
  reporterFormat,
  reportersFor,
  type Model,
  type PlotDecl,
  type ReporterDecl,
} from '../../core/model';
import { t, tModel } from '../../i18n';
import type { ParamSchema, ParamValues } from '../../core/params';
import { ReporterLog, reporterLogCsv } from '../../core/recorder';
import { dateOfTick } from '../calendar';
import { seriesColor } from '../seriesColor';
import { download } from '../download';
import { plotImage } from '../plotImage';
import { formatAxis, formatValue } from '../reporterFormat';
import { reporterLog } from '../frameBus';
import { shortLegendNames } from '../legendNames';
import { timeAxis } from '../timeAxis';
import { trailingMean } from '../trailingMean';
import { pickPresenterPlot, usePresenterPlots } from '../presenterPlots';
import { useApp } from '../store';
import { changeMarks } from '../timedChangeText';
import { markLines, PlotMarkButtons } from './PlotMarks';
import { PlotTable } from './PlotTable';
import { extremeRows } from '../plotPoints';
import { runPlotData, usePlotTurn, type PlotSource } from '../plotTurns';

/**
 * Rows a chart draws (about 110 with the series' extremes, see extremeRows; an averaged series
 * this many), fewer than the plot's pixel columns: more cost render time and show nothing more.
 */
const MAX_POINTS = 80;

/**
 * Tick labels that recharts does not measure word by word in the DOM to wrap them (a forced
 * layout per label at every update): they are short and never wrap.
 */
const TICK = { fontSize: 11, width: 0 };
const AXIS_TITLE = { fontSize: 11, fill: '#5b6470' };

/**
 * The rows a chart draws: about MAX_POINTS, each series as recorded (every series' peaks kept,
 * see extremeRows) or as its trailing mean over `average` ticks (smooth: evenly sampled).
 */
function chartRows(names: readonly string[], average?: number): Record<string, number | null>[] {
  const log = reporterLog();
  const ticks = log.tickColumn();
  const recorded = names.filter((n) => log.names.includes(n)).map((n) => log.column(n));
  const indices = average ? log.sampleIndices(MAX_POINTS) : extremeRows(log.length, recorded, MAX_POINTS);
  const columns = names
    .filter((n) => log.names.includes(n))
    .map((n) => {
      const column = log.column(n);
      // Averaged columns hold one value per sampled row; the others, every recorded row.
      return [n, average ? trailingMean(ticks, column, average, indices) : column] as const;
    });
  return indices.map((i, k) => {
    const row: Record<string, number | null> = { tick: ticks[i] };
    for (const [name, column] of columns) {
      const v = average ? column[k] : column[i];
      row[name] = Number.isNaN(v) ? null : v;
    }
    return row;
  });
}

/** Every recorded tick of the plot's series (not the decimated view) as CSV, headed by the series' labels. */
function exportCsv(names: readonly string[], labels: readonly string[], file: string): void {
  const log = reporterLog();
  // Two vendors of the same name would make two columns of one name: then the reporters' names.
  const headers = new Set(labels).size === labels.length ? labels : names;
  const subset = new ReporterLog(headers);
  const ticks = log.tickColumn();
  const columns = names.map((n) => log.column(n));
  for (let i = 0; i < log.length; i++) {
    const row: Record<string, number | null> = {};
    headers.forEach((h, k) => (row[h] = Number.isNaN(columns[k][i]) ? null : columns[k][i]));
    subset.add(ticks[i], row);
  }
  download(new Blob([reporterLogCsv(subset)], { type: 'text/csv' }), file);
}

/** The whole chart (title, axes, legend) as PNG; an export that fails says so in the console only. */
function exportPng(figure: HTMLElement | null, title: string, file: string): void {
  if (!figure) return;
  plotImage(figure, title).then(
    (blob) => download(blob, file),
    (e: unknown) => console.warn('the plot could not be exported:', e),
  );
}

/**
 * The chart's width: its figure's, up to `max`, in steps of 20 px so that a window resized by a
 * pixel does not redraw every chart. Recharts needs a number; a fixed one overflowed narrow columns.
 */
function usePlotWidth(figure: React.RefObject<HTMLElement | null>, max: number): number {
  const [available, setAvailable] = useState(340);
  useEffect(() => {
    const element = figure.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setAvailable(Math.floor(element.clientWidth / 20) * 20));
    observer.observe(element);
    return () => observer.disconnect();
  }, [figure]);
  return Math.max(240, Math.min(max, available));
}

/** The plots' one source of new data: the run on display. */
const RUN: readonly PlotSource[] = [runPlotData];

// Memoised: the chart redraws on its own turn (see plotTurns), not when the panel re-renders.
const Plot = memo(function Plot({
  model,
  plot,
  reporters,
  params,
}: {
  model: Model;
  plot: PlotDecl;
  reporters: readonly ReporterDecl[];
  params: ParamValues<ParamSchema>;
}) {
  const figure = useRef<HTMLElement>(null);
  const version = usePlotTurn(figure, RUN);
  const presenter = useApp((s) => s.presenter);
  const width = usePlotWidth(figure, presenter ? 480 : 380);
  const ticksPerYear = model.ticksPerYear;
  // The reporter log grows in place: `version` is what says it has new rows.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const names = useMemo(() => plotSeries(plot, reporterLog().names), [plot, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => chartRows(names, plot.average), [names, plot.average, version]);
  const title = tModel(model.id, `plot.${plot.id}.title`, plot.title);
  // A plot's series share a unit, so the first one's format reads the axis.
  const axisFormat = reporterFormat(reporters, names[0] ?? '');
  const yTickText = useCallback((v: number) => formatAxis(v, axisFormat), [axisFormat]);
  const first = rows[0]?.tick ?? 0;
  const last = rows.at(-1)?.tick ?? 0;
  const newAxis = ticksPerYear ? timeAxis(first, last, ticksPerYear) : null;
  // The axes' props keep their identity while their ticks and format stay: recharts re-dispatches
  // an axis, and recomputes everything that depends on it, whenever a prop is a new object.
  const axisKey = newAxis ? `${ticksPerYear}:${newAxis.unit}:${newAxis.ticks.join(',')}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const axis = useMemo(() => newAxis, [axisKey]);
  const xTicks = useMemo(
    () => (axis ? { ticks: [...axis.ticks], tickFormatter: axis.label, interval: 0 } : {}),
    [axis],
  );
  const xTitle = t(axis?.unit === 'month' ? 'plot.months' : axis ? 'plot.years' : 'plot.tick');
  const unit = plot.unit && tModel(model.id, `plot.${plot.id}.unit`, plot.unit);
  const yTitle = unit ?? (axisFormat === 'percent' ? '%' : undefined);
  const labels = names.map((name) =>
    tModel(model.id, `reporter.${name}.label`, reporters.find((r) => r.name === name)?.label ?? name),
  );
  const legendNames = shortLegendNames(labels);
  // The timed changes of the days plotted so far: a change still ahead has no place on the axis yet.
  const changes = useApp((s) => s.changes);
  const marks = changeMarks(model, params, changes).filter((m) => m.tick >= first && m.tick <= last);
  const [activeMark, setActiveMark] = useState<number | null>(null);
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="plot" aria-label={title} ref={figure} data-plot={plot.id}>
      <figcaption>
        {title}
        {unit ? <span className="unit"> ({unit})</span> : null}
        <span className="plot-actions">
          <button
            type="button"
            aria-label={t('plot.exportCsv', { title })}
            onClick={() => exportCsv(names, labels, `${model.id}-${plot.id}.csv`)}
            disabled={rows.length === 0}
          >
            {t('plot.csv')}
          </button>
          <button
            type="button"
            aria-label={t('plot.exportPng', { title })}
            onClick={() => exportPng(figure.current, unit ? `${title} (${unit})` : title, `${model.id}-${plot.id}.png`)}
            disabled={rows.length === 0}
          >
            {t('plot.png')}
          </button>
          <button
            type="button"
            aria-label={t('plot.showTable', { title })}
            aria-pressed={asTable}
            onClick={() => setAsTable((shown) => !shown)}
          >
            {t('plot.table')}
          </button>
        </span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="empty">{t('plot.empty')}</p>
      ) : (
        <LineChart
          width={width}
          height={presenter ? 300 : 190}
          data={rows}
          margin={{ top: 6, right: 12, bottom: 4, left: 4 }}
        >
          <CartesianGrid stroke="#e4e4e4" />
          <XAxis
            dataKey="tick"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
            tick={TICK}
            height={34}
            {...xTicks}
            label={{ value: xTitle, position: 'insideBottom', offset: 0, ...AXIS_TITLE }}
          />
          {/* A fixed interval: recharts measures no label to thin them out (the five ticks fit). */}
          <YAxis
            width={62}
            interval={0}
            tick={TICK}
            domain={['auto', 'auto']}
            tickFormatter={yTickText}
            label={yTitle ? { value: yTitle, angle: -90, position: 'insideLeft', offset: 2, ...AXIS_TITLE } : undefined}
          />
          <Tooltip
            formatter={(v, _name, item) => formatValue(Number(v), reporterFormat(reporters, String(item.dataKey)))}
            labelFormatter={(v) => (ticksPerYear ? dateOfTick(Number(v), ticksPerYear) : `${t('plot.tick')} ${v}`)}
          />
          {names.length > 1 && <Legend content={PlotLegend} />}
          {names.map((name, i) => (
            <Line
              key={name}
              dataKey={name}
              name={legendNames[i]}
              stroke={seriesColor(model, params, name, i)}
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
          ))}
          {markLines(marks, activeMark)}
        </LineChart>
      )}
      {rows.length > 0 && <PlotMarkButtons marks={marks} title={title} onActive={setActiveMark} />}
      {asTable && rows.length > 0 && (
        <PlotTable
          title={title}
          names={names}
          labels={legendNames}
          reporters={reporters}
          ticksPerYear={ticksPerYear}
          average={plot.average}
        />
      )}
    </figure>
  );
});

/** Renders its children only while the enclosing <details> is open. */
function OpenOnly({ children }: { children: React.ReactNode }) {
  const marker = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const details = marker.current?.closest('details');
    if (!details) return;
    const sync = () => setOpen(details.open);
    details.addEventListener('toggle', sync);
    return () => details.removeEventListener('toggle', sync);
  }, []);
  return <span ref={marker}>{open ? children : null}</span>;
}

export function PlotPanel({ model }: { model: Model }) {
  const params = useApp((s) => s.appliedParams);
  const reporters = useMemo(() => reportersFor(model, params), [model, params]);
  const presenter = useApp((s) => s.presenter);
  const shown = usePresenterPlots(model);
  const primary = model.plots.filter((p) => p.primary !== false);
  const more = model.plots.filter((p) => p.primary === false);
  const plotOf = (plot: PlotDecl) => (
    <Plot key={`${model.id}.${plot.id}`} model={model} plot={plot} reporters={reporters} params={params} />
  );
  if (presenter)
    return (
      <div className="plots">
        <details className="presenter-plots">
          <summary>{t('plot.pick')}</summary>
          {model.plots.map((plot) => (
            <label key={plot.id}>
              <input
                type="checkbox"
                checked={shown.includes(plot.id)}
                onChange={(e) => pickPresenterPlot(model, shown, plot.id, e.target.checked)}
              />
              {tModel(model.id, `plot.${plot.id}.title`, plot.title)}
            </label>
          ))}
        </details>
        {model.plots.filter((p) => shown.includes(p.id)).map(plotOf)}
      </div>
    );
  return (
    <div className="plots">
      {primary.map(plotOf)}
      {more.map((plot) => (
        // One click away: a closed disclosure per plot; it draws only when open.
        <details key={`${model.id}.${plot.id}`} className="more-plot" data-plot={plot.id}>
          <summary>{tModel(model.id, `plot.${plot.id}.title`, plot.title)}</summary>
          <OpenOnly>{plotOf(plot)}</OpenOnly>
        </details>
      ))}
    </div>
  );
}
