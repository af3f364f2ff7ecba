/**
 * Reporter collection: a run's reporter values over time, stored column-wise (one growable
 * Float64Array per reporter, NaN for "no value"), for plots, CSV export and experiments.
 */
import { csvLine } from './csv';
import type { Reporters } from './run';

/**
 * Reporter rows packed for a message between threads: row r's value of `names[k]` is
 * `values[r * names.length + k]` (NaN: none). Its two arrays' buffers are transferred, where
 * row objects would be copied value by value and rebuilt as objects on the receiving thread.
 */
export interface PackedRows {
  readonly names: readonly string[];
  readonly ticks: Float64Array;
  readonly values: Float64Array;
}

/** `rows` packed; their reporters are those of the first row. */
export function packRows(rows: readonly { readonly tick: number; readonly values: Reporters }[]): PackedRows {
  const names = rows.length ? Object.keys(rows[0].values) : [];
  const ticks = new Float64Array(rows.length);
  const values = new Float64Array(rows.length * names.length);
  rows.forEach((row, r) => {
    ticks[r] = row.tick;
    names.forEach((name, k) => {
      const v = row.values[name];
      values[r * names.length + k] = v === null || v === undefined ? NaN : v;
    });
  });
  return { names, ticks, values };
}

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

  /** Appends packed rows; reporters of the log missing from them are stored as no value. */
  addPacked(rows: PackedRows): void {
    const width = rows.names.length;
    const from = this.names.map((name) => rows.names.indexOf(name));
    for (let r = 0; r < rows.ticks.length; r++) {
      if (this.length === this.ticks.length) this.grow();
      this.ticks[this.length] = rows.ticks[r];
      for (let i = 0; i < from.length; i++) {
        this.columns[i][this.length] = from[i] < 0 ? NaN : rows.values[r * width + from[i]];
      }
      this.length++;
    }
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
