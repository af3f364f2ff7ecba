/**
 * The series a comparison plots and monitors: each vendor's share of units and accrual profit
 * to date (cloud market reporters `share.<id>` and `cumulativeProfit.<id>`), sampled from the
 * base's and the fork's reporter logs on the same days.
 */
import type { ReporterLog } from '../../core/recorder';
import { extremeRows } from '../plotPoints';

/**
 * Rows a plot draws (see extremeRows: at most 75 with the series' extremes, about one per 5 px of
 * these narrow charts). Recharts' redraw grows with points × lines (up to 12 here): with 80 one
 * redraw was long enough, on a busy 2-core machine, to hold the page past 50 ms now and then.
 */
const MAX_POINTS = 50;

export interface Series {
  readonly name: string;
  readonly label: string;
}

/** The reporters of `prefix` (e.g. `share.`) in the log, with labels from `labels` (by reporter name). */
export function seriesOf(log: ReporterLog, prefix: string, labels: ReadonlyMap<string, string>): Series[] {
  return log.names
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, label: (labels.get(name) ?? name).replace(/^[^:]*: /, '') }));
}

/** The row of each day 0 … `last` in `log`, whose ticks increase; −1 where it has none. */
function rowsOnDays(log: ReporterLog, last: number): Int32Array {
  const rows = new Int32Array(last + 1).fill(-1);
  const logTicks = log.tickColumn();
  for (let row = 0; row < log.length; row++) {
    const tick = logTicks[row];
    if (tick >= 0 && tick <= last && rows[tick] < 0) rows[tick] = row;
  }
  return rows;
}

/** A line of a comparison: a series in the base, in the fork, or the difference fork − base. */
export type ComparedLine = 'base' | 'fork' | 'delta';

/**
 * Chart rows over days 0 … the later run's day, about MAX_POINTS of them, each a day as both
 * runs recorded it (every line's peaks kept, and the fork day): for each of `names` and `lines`
 * the value `<line>:<name>`, null where there is none (the fork and the difference start on
 * the fork day).
 */
export function comparisonRows(
  base: ReporterLog,
  fork: ReporterLog,
  names: readonly string[],
  lines: readonly ComparedLine[],
  forkDay: number,
): Record<string, number | null>[] {
  const last = Math.max(
    base.length ? base.tickColumn()[base.length - 1] : 0,
    fork.length ? fork.tickColumn()[fork.length - 1] : 0,
  );
  const days = last + 1;
  // Found once per log, not per series: the plots re-sample a long run a few times a second.
  const baseRows = rowsOnDays(base, last);
  const forkRows = rowsOnDays(fork, last);
  // Each line's value on every day, computed once (NaN: none): the row picking reads them several times.
  const valuesOf = (log: ReporterLog, rows: Int32Array, name: string): Float64Array => {
    const values = new Float64Array(days).fill(NaN);
    if (!log.names.includes(name)) return values;
    const column = log.column(name);
    for (let day = 0; day < days; day++) if (rows[day] >= 0) values[day] = column[rows[day]];
    return values;
  };
  const series = names.flatMap((name) => {
    const b = valuesOf(base, baseRows, name);
    const f = valuesOf(fork, forkRows, name);
    // Before the fork day the fork is the base.
    const fromForkDay = (value: (day: number) => number) => {
      const values = new Float64Array(days).fill(NaN);
      for (let day = Math.max(0, forkDay); day < days; day++) values[day] = value(day);
      return values;
    };
    const of: Record<ComparedLine, () => Float64Array> = {
      base: () => b,
      fork: () => fromForkDay((day) => f[day]),
      delta: () => fromForkDay((day) => f[day] - b[day]),
    };
    return lines.map((line) => ({ key: `${line}:${name}`, values: of[line]() }));
  });
  const shown = extremeRows(
    days,
    series.map(({ values }) => values),
    MAX_POINTS,
    [forkDay],
  );
  return shown.map((day) => {
    const row: Record<string, number | null> = { tick: day };
    for (const { key, values } of series) {
      const v = values[day];
      row[key] = Number.isNaN(v) ? null : v;
    }
    return row;
  });
}

/** The latest value of `name` in `log`, or null. */
export function latestValue(log: ReporterLog, name: string): number | null {
  if (!log.length || !log.names.includes(name)) return null;
  const v = log.column(name)[log.length - 1];
  return Number.isNaN(v) ? null : v;
}
