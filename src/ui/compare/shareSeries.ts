/**
 * The series a comparison plots and monitors: each vendor's share of units and accrual profit
 * to date (cloud market reporters `share.<id>` and `cumulativeProfit.<id>`), sampled from the
 * base's and the fork's reporter logs on the same days.
 */
import type { ReporterLog } from '../../core/recorder';
import { extremeRows } from '../plotPoints';

/** Rows a plot draws (see extremeRows: about 110 with the series' extremes): fewer than its pixel columns. */
const MAX_POINTS = 80;

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

/** The row of each of `ticks` (increasing) in `log`, whose ticks increase too; −1 where it has none. */
function rowsOn(log: ReporterLog, ticks: readonly number[]): Int32Array {
  const rows = new Int32Array(ticks.length).fill(-1);
  const logTicks = log.tickColumn();
  let row = 0;
  ticks.forEach((tick, i) => {
    while (row < logTicks.length && logTicks[row] < tick) row++;
    if (row < logTicks.length && logTicks[row] === tick) rows[i] = row;
  });
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
  const days = Array.from({ length: last + 1 }, (_, tick) => tick);
  // Found once per log, not per series: the plots re-sample a long run a few times a second.
  const baseRows = rowsOn(base, days);
  const forkRows = rowsOn(fork, days);
  const valueOf = (log: ReporterLog, rows: Int32Array, name: string): ((day: number) => number) => {
    if (!log.names.includes(name)) return () => NaN;
    const column = log.column(name);
    return (day) => (rows[day] < 0 ? NaN : column[rows[day]]);
  };
  const series = names.flatMap((name) => {
    const b = valueOf(base, baseRows, name);
    const f = valueOf(fork, forkRows, name);
    // Before the fork day the fork is the base.
    const of: Record<ComparedLine, (day: number) => number> = {
      base: b,
      fork: (day) => (day < forkDay ? NaN : f(day)),
      delta: (day) => (day < forkDay ? NaN : f(day) - b(day)),
    };
    return lines.map((line) => ({ key: `${line}:${name}`, value: of[line] }));
  });
  const shown = extremeRows(
    days.length,
    series.map((s) => s.value),
    MAX_POINTS,
    [forkDay],
  );
  return shown.map((day) => {
    const row: Record<string, number | null> = { tick: day };
    for (const { key, value } of series) {
      const v = value(day);
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
