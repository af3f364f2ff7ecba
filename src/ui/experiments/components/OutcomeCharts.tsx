/**
 * One outcome across the experiment's settings: its distribution per setting (box plots and
 * quantiles), against one parameter with a 95% band of the mean, and as a heatmap of the mean
 * over two parameters.
 */
import { useId, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReporterFormat } from '../../../core/model';
import { OKABE_ITO } from '../../../core/palette';
import { Z95 } from '../../../core/stats';
import { t } from '../../../i18n';
import { bySetting, type ResultRow } from '../resultRows';
import { formatAxis, formatValue } from '../../reporterFormat';
import { BoxPlot } from './BoxPlot';
import { extent } from '../../../core/arrays';
import type { Value } from '../../../core/experiment/schema';

interface Props {
  readonly rows: readonly ResultRow[];
  readonly column: number;
  readonly outcome: string;
  /** How the outcome reads (its reporter's declared format). */
  readonly format: ReporterFormat;
  /** What a missing value of the outcome counts as (its reporter's `missing`); undefined: left out. */
  readonly missing: number | undefined;
  readonly params: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** How a parameter's value reads (a choice by its option's word). */
  readonly valueText: (param: string, value: Value) => string;
}

export function Distributions({ rows, column, outcome, format, missing, params, labels, valueText }: Props) {
  const groups = useMemo(() => bySetting(rows, column, params, missing), [rows, column, params, missing]);
  const lo = extent(groups.map((g) => g.summary.min))[0];
  const hi = extent(groups.map((g) => g.summary.max))[1];
  return (
    <div className="table-scroll">
      <table aria-label={t('exp.distributionOf', { outcome })}>
        <thead>
          <tr>
            {params.map((p) => (
              <th key={p}>{labels[p] ?? p}</th>
            ))}
            <th>{t('exp.col.runs')}</th>
            <th>{t('exp.col.mean')}</th>
            <th>{t('exp.col.sd')}</th>
            <th>{t('exp.col.quartiles')}</th>
            <th>{t('exp.col.distribution')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={JSON.stringify(g.values)}>
              {params.map((p) => (
                <td key={p}>{valueText(p, g.values[p])}</td>
              ))}
              <td>{g.summary.n}</td>
              <td>{formatValue(g.summary.mean, format)}</td>
              <td>{formatValue(g.summary.sd, format)}</td>
              <td>
                {formatValue(g.summary.min, format)} · {formatValue(g.summary.q25, format)} ·{' '}
                <strong>{formatValue(g.summary.median, format)}</strong> · {formatValue(g.summary.q75, format)} ·{' '}
                {formatValue(g.summary.max, format)}
              </td>
              <td>
                <BoxPlot
                  summary={g.summary}
                  min={lo}
                  max={hi}
                  label={t('exp.boxOf', { setting: params.map((p) => valueText(p, g.values[p])).join(', ') })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AgainstParameter({ rows, column, outcome, format, missing, params, labels }: Props) {
  const id = useId();
  const numeric = useMemo(
    () => params.filter((p) => rows.some((r) => typeof r.values[p] === 'number')),
    [params, rows],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const param = chosen && numeric.includes(chosen) ? chosen : numeric[0];
  const data = useMemo(() => {
    if (!param) return [];
    return bySetting(rows, column, [param], missing)
      .map((g) => {
        const half = Z95 * (Number.isFinite(g.standardError) ? g.standardError : 0);
        return {
          x: g.values[param] as number,
          mean: g.summary.mean,
          band: [g.summary.mean - half, g.summary.mean + half] as [number, number],
        };
      })
      .sort((a, b) => a.x - b.x);
  }, [rows, column, param, missing]);
  if (!param) return <p className="empty">{t('exp.noNumericParam')}</p>;
  return (
    <figure className="plot" aria-label={t('exp.againstOf', { outcome, param: labels[param] ?? param })}>
      <label htmlFor={id}>{t('exp.against')}</label>{' '}
      <select id={id} value={param} onChange={(e) => setChosen(e.target.value)}>
        {numeric.map((p) => (
          <option key={p} value={p}>
            {labels[p] ?? p}
          </option>
        ))}
      </select>
      <ComposedChart width={420} height={220} data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e4e4e4" />
        <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tick={{ fontSize: 11 }} />
        <YAxis
          width={64}
          tick={{ fontSize: 11 }}
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => formatAxis(v, format)}
        />
        <Tooltip
          formatter={(v) =>
            Array.isArray(v) ? v.map((x) => formatValue(Number(x), format)).join(' – ') : formatValue(Number(v), format)
          }
        />
        <Area dataKey="band" name={t('exp.band')} stroke="none" fill="#cfe3f3" isAnimationActive={false} />
        <Line
          dataKey="mean"
          name={t('exp.col.mean')}
          stroke={OKABE_ITO.blue}
          strokeWidth={2}
          dot
          isAnimationActive={false}
        />
      </ComposedChart>
    </figure>
  );
}

export function Heatmap({ rows, column, outcome, format, missing, params, labels, valueText }: Props) {
  const [a, b] = params;
  const groups = useMemo(() => (a && b ? bySetting(rows, column, [a, b], missing) : []), [rows, column, a, b, missing]);
  if (!a || !b) return <p className="empty">{t('exp.needTwoParams')}</p>;
  // Values keyed as JSON, so that a key reads back as its value.
  const xs = [...new Set(groups.map((g) => JSON.stringify(g.values[b])))];
  const ys = [...new Set(groups.map((g) => JSON.stringify(g.values[a])))];
  const means = groups.map((g) => g.summary.mean);
  const [lo, hi] = extent(means);
  const cell = (y: string, x: string) =>
    groups.find((g) => JSON.stringify(g.values[a]) === y && JSON.stringify(g.values[b]) === x);
  return (
    <table className="heatmap" aria-label={t('exp.heatmapOf', { outcome, a: labels[a] ?? a, b: labels[b] ?? b })}>
      <thead>
        <tr>
          <th>
            {labels[a] ?? a} \ {labels[b] ?? b}
          </th>
          {xs.map((x) => (
            <th key={x}>{valueText(b, JSON.parse(x) as Value)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ys.map((y) => (
          <tr key={y}>
            <th>{valueText(a, JSON.parse(y) as Value)}</th>
            {xs.map((x) => {
              const g = cell(y, x);
              const share = g && hi > lo ? (g.summary.mean - lo) / (hi - lo) : 0.5;
              return (
                <td
                  key={x}
                  style={
                    g
                      ? { background: `hsl(205 70% ${92 - 50 * share}%)`, color: share > 0.6 ? '#fff' : undefined }
                      : undefined
                  }
                >
                  {g ? formatValue(g.summary.mean, format) : '—'}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
