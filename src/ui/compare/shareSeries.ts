/**
 * The series a comparison plots and monitors: each vendor's share of units and accrual profit
 * to date (cloud market reporters `share.<id>` and `cumulativeProfit.<id>`), sampled from the
 * base's and the fork's reporter logs on the same days.
 */
import type { ReporterLog } from '../../core/recorder';

/** About the plot area's width in pixels, as in PlotPanel. */
const MAX_POINTS = 120;

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

/** The value of `name` in each of `rows` of `log` (null where there is none). */
function valuesOn(log: ReporterLog, name: string, rows: Int32Array): (number | null)[] {
  if (!log.names.includes(name)) return Array.from(rows, () => null);
  const column = log.column(name);
  return Array.from(rows, (row) => (row < 0 || Number.isNaN(column[row]) ? null : column[row]));
}

/**
 * Chart rows over days 0 … the later run's day, at most MAX_POINTS: for each series
 * `base:<name>`, `fork:<name>` and `delta:<name>` (fork − base, from the fork day on).
 */
export function comparisonRows(
  base: ReporterLog,
  fork: ReporterLog,
  names: readonly string[],
  forkDay: number,
): Record<string, number | null>[] {
  const last = Math.max(
    base.length ? base.tickColumn()[base.length - 1] : 0,
    fork.length ? fork.tickColumn()[fork.length - 1] : 0,
  );
  const stride = Math.max(1, Math.ceil(last / MAX_POINTS));
  const ticks: number[] = [];
  for (let tick = 0; tick < last; tick += stride) ticks.push(tick);
  // The fork day and the last day are always drawn.
  ticks.push(last);
  if (!ticks.includes(forkDay) && forkDay <= last) ticks.push(forkDay);
  ticks.sort((a, b) => a - b);
  const rows: Record<string, number | null>[] = ticks.map((tick) => ({ tick }));
  // Found once per log, not per series: the plots re-sample a long run a few times a second.
  const baseRows = rowsOn(base, ticks);
  const forkRows = rowsOn(fork, ticks);
  for (const name of names) {
    const b = valuesOn(base, name, baseRows);
    const f = valuesOn(fork, name, forkRows);
    rows.forEach((row, i) => {
      row[`base:${name}`] = b[i];
      // Before the fork day the fork is the base.
      row[`fork:${name}`] = ticks[i] < forkDay ? null : f[i];
      row[`delta:${name}`] = ticks[i] < forkDay || b[i] === null || f[i] === null ? null : f[i]! - b[i]!;
    });
  }
  return rows;
}

/** The latest value of `name` in `log`, or null. */
export function latestValue(log: ReporterLog, name: string): number | null {
  if (!log.length || !log.names.includes(name)) return null;
  const v = log.column(name)[log.length - 1];
  return Number.isNaN(v) ? null : v;
}
