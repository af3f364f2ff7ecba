/**
 * Reporter collection: a run's reporter values over time, stored column-wise (one growable
 * Float64Array per reporter, NaN for "no value"), for plots, CSV export and experiments.
 */
import { csvLine } from './csv';
import type { Reporters } from './run';

export class ReporterLog {
  private ticks = new Float64Array(64);
  private readonly columns: Float64Array[];
  length = 0;

  constructor(readonly names: readonly string[]) {
    this.columns = names.map(() => new Float64Array(64));
  }

  /** Appends the values of one tick; reporters missing from `values` are stored as no value. */
  add(tick: number, values: Reporters): void {
    if (this.length === this.ticks.length) this.grow();
    this.ticks[this.length] = tick;
    this.names.forEach((name, i) => {
      const v = values[name];
      this.columns[i][this.length] = v === null || v === undefined ? NaN : v;
    });
    this.length++;
  }

  /** The ticks recorded, in order. */
  tickColumn(): Float64Array {
    return this.ticks.subarray(0, this.length);
  }

  /** The values of reporter `name` (NaN = no value), aligned with `tickColumn()`. */
  column(name: string): Float64Array {
    const i = this.names.indexOf(name);
    if (i < 0) throw new Error(`no reporter named ${name}`);
    return this.columns[i].subarray(0, this.length);
  }

  /**
   * Indices of at most `maxPoints` rows spread evenly over the log, always keeping the first
   * and the last, so a plot of a long run costs the same as a plot of a short one.
   */
  sampleIndices(maxPoints: number): number[] {
    const n = this.length;
    if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
    const out: number[] = [];
    const stride = (n - 1) / (maxPoints - 1);
    for (let k = 0; k < maxPoints; k++) out.push(Math.round(k * stride));
    return out;
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const size = this.ticks.length * 2;
    const next = new Float64Array(size);
    next.set(this.ticks);
    this.ticks = next;
    this.columns.forEach((column, i) => {
      const c = new Float64Array(size);
      c.set(column);
      this.columns[i] = c;
    });
  }
}

/** The log as CSV: a `tick` column, then one column per reporter; no value is an empty cell. */
export function reporterLogCsv(log: ReporterLog): string {
  const lines = [csvLine(['tick', ...log.names])];
  const ticks = log.tickColumn();
  const columns = log.names.map((name) => log.column(name));
  for (let i = 0; i < log.length; i++) {
    lines.push(csvLine([ticks[i], ...columns.map((column) => (Number.isNaN(column[i]) ? null : column[i]))]));
  }
  return lines.join('\n') + '\n';
}
