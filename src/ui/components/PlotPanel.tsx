/**
 * Live plots of the model's reporters. Data comes from the run's reporter log, re-sampled to
 * at most MAX_POINTS a few times a second, so a long run costs no more than a short one.
 */
import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { CATEGORY_PALETTE, plotSeries, reportersFor, type Model, type PlotDecl, type ReporterDecl } from '../../core/model';
import { t, tModel } from '../../i18n';
import { reporterLog } from '../frameBus';
import { useApp } from '../store';

const MAX_POINTS = 400;

function chartRows(names: readonly string[]): Record<string, number | null>[] {
  const log = reporterLog();
  const ticks = log.tickColumn();
  const columns = names.filter((n) => log.names.includes(n)).map((n) => [n, log.column(n)] as const);
  return log.sampleIndices(MAX_POINTS).map((i) => {
    const row: Record<string, number | null> = { tick: ticks[i] };
    for (const [name, column] of columns) row[name] = Number.isNaN(column[i]) ? null : column[i];
    return row;
  });
}

function Plot({ model, plot, version, reporters }: { model: Model; plot: PlotDecl; version: number; reporters: readonly ReporterDecl[] }) {
  const names = useMemo(() => plotSeries(plot, reporterLog().names), [plot, version]);
  const rows = useMemo(() => chartRows(names), [names, version]);
  const title = tModel(model.id, `plot.${plot.id}.title`, plot.title);
  const labelOf = (name: string) => tModel(model.id, `reporter.${name}.label`, reporters.find((r) => r.name === name)?.label ?? name);
  return (
    <figure className="plot" aria-label={title}>
      <figcaption>
        {title}
        {plot.unit ? <span className="unit"> ({plot.unit})</span> : null}
      </figcaption>
      {rows.length === 0 ? (
        <p className="empty">{t('plot.empty')}</p>
      ) : (
        <LineChart width={340} height={190} data={rows} margin={{ top: 6, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e4e4e4" />
          <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis width={56} tick={{ fontSize: 11 }} domain={['auto', 'auto']} tickFormatter={(v: number) => Intl.NumberFormat('en', { notation: 'compact' }).format(v)} />
          <Tooltip labelFormatter={(v) => `${t('plot.tick')} ${v}`} />
          {names.length > 1 && <Legend />}
          {names.map((name, i) => (
            <Line key={name} dataKey={name} name={labelOf(name)} stroke={CATEGORY_PALETTE[i % CATEGORY_PALETTE.length]} dot={false} isAnimationActive={false} strokeWidth={2} />
          ))}
        </LineChart>
      )}
    </figure>
  );
}

export function PlotPanel({ model }: { model: Model }) {
  const version = useApp((s) => s.plotVersion);
  const params = useApp((s) => s.appliedParams);
  const reporters = useMemo(() => reportersFor(model, params), [model, params]);
  return (
    <div className="plots">
      {model.plots.map((plot) => (
        <Plot key={`${model.id}.${plot.id}`} model={model} plot={plot} version={version} reporters={reporters} />
      ))}
    </div>
  );
}
