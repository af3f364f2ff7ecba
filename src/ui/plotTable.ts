/**
 * A plot as a data table (issue 17: the plots' numbers for a screen reader or a keyboard): one
 * row per year end reached, then the latest day when it is not one; a model without years gets
 * a few evenly spaced ticks instead.
 */
import type { ReporterLog } from '../core/recorder';
import { trailingMean } from './trailingMean';

/** Rows of a table without years. */
const ROWS_WITHOUT_YEARS = 10;

/** Indices (into the log's rows, ticks ascending) of each year end and of the latest row. */
export function yearEndRows(ticks: ArrayLike<number>, ticksPerYear: number): number[] {
  const n = ticks.length;
  if (n === 0) return [];
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (ticks[i] > 0 && ticks[i] % ticksPerYear === 0) rows.push(i);
  if (rows.at(-1) !== n - 1) rows.push(n - 1);
  return rows;
}

export interface PlotTableData {
  readonly ticks: readonly number[];
  /** One column per series, in the series' order; NaN where the series has no value. */
  readonly columns: readonly (readonly number[])[];
}

/** The table's rows of `names` from `log`, averaged over `average` ticks where the plot averages. */
export function plotTableData(
  log: ReporterLog,
  names: readonly string[],
  ticksPerYear?: number,
  average?: number,
): PlotTableData {
  const ticks = log.tickColumn();
  const rows = ticksPerYear ? yearEndRows(ticks, ticksPerYear) : log.sampleIndices(ROWS_WITHOUT_YEARS);
  const columns = names.map((name) => {
    if (!log.names.includes(name)) return rows.map(() => NaN);
    const column = log.column(name);
    return average ? Array.from(trailingMean(ticks, column, average, rows)) : rows.map((i) => column[i]);
  });
  return { ticks: rows.map((i) => ticks[i]), columns };
}
