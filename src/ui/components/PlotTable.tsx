/** A plot's numbers as a table (issue 17): a row per year end, a column per series, beside the chart. */
import { useId } from 'react';
import { reporterFormat, type ReporterDecl } from '../../core/model';
import { t } from '../../i18n';
import { dateOfTick } from '../calendar';
import { reporterLog } from '../frameBus';
import { plotTableData } from '../plotTable';
import { formatValue } from '../reporterFormat';

function rowLabel(tick: number, ticksPerYear?: number): string {
  if (!ticksPerYear) return String(tick);
  return tick > 0 && tick % ticksPerYear === 0
    ? t('plot.yearEnd', { year: tick / ticksPerYear })
    : dateOfTick(tick, ticksPerYear);
}

export function PlotTable(props: {
  title: string;
  names: readonly string[];
  labels: readonly string[];
  reporters: readonly ReporterDecl[];
  ticksPerYear?: number;
  average?: number;
}) {
  const { title, names, labels, reporters, ticksPerYear, average } = props;
  const data = plotTableData(reporterLog(), names, ticksPerYear, average);
  const captionId = useId();
  // The caption outside the scrolling box, so that it wraps to the plot's width.
  return (
    <div className="plot-table">
      <p id={captionId} className="plot-table-caption">
        {t(ticksPerYear ? 'plot.tableCaption' : 'plot.tableCaptionTicks', { title })}
      </p>
      {/* Focusable: a wide table scrolls sideways, and the keyboard must scroll it too. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t(ticksPerYear ? 'monitor.date' : 'plot.tick')}</th>
              {labels.map((label, k) => (
                <th scope="col" key={names[k]}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.ticks.map((tick, r) => (
              <tr key={tick}>
                <th scope="row">{rowLabel(tick, ticksPerYear)}</th>
                {data.columns.map((column, k) => (
                  <td key={names[k]}>{formatValue(column[r], reporterFormat(reporters, names[k]))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
