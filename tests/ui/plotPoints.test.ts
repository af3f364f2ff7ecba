import { describe, expect, it } from 'vitest';
import { extremeRows } from '../../src/ui/plotPoints';

describe('extremeRows', () => {
  it('keeps every row of a short series', () => {
    expect(extremeRows(5, [[1, 2, 3, 4, 5]], 120)).toEqual([0, 1, 2, 3, 4]);
  });

  it("keeps each series' one-day spikes, up and down, the ends and the rows asked for, within the budget", () => {
    const n = 10_000;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500));
    const b = Float64Array.from({ length: n }, () => 1);
    a[4321] = 50;
    b[777] = -3;
    const rows = extremeRows(n, [a, b], 120, [2500]);
    expect(rows).toEqual(expect.arrayContaining([0, 777, 2500, 4321, n - 1]));
    expect(rows.length).toBeLessThanOrEqual(180);
    // Increasing, no repeats.
    expect(rows.every((row, i) => i === 0 || row > rows[i - 1])).toBe(true);
  });

  it('gives noisy series wider buckets rather than more rows, keeping the overall extremes', () => {
    const n = 20_000;
    // Many series whose extremes all fall on different days.
    const columns = Array.from({ length: 12 }, (_, k) => {
      const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i * (k + 1) * 1.7) + Math.cos(i * 0.3 * k));
      return values;
    });
    const rows = extremeRows(n, columns, 120);
    expect(rows.length).toBeLessThanOrEqual(180);
    for (const values of columns) {
      const max = values.indexOf(Math.max(...values));
      expect(rows).toContain(max);
    }
  });

  it('skips missing values (NaN)', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i < 500 ? NaN : i === 600 ? 9 : 1));
    const rows = extremeRows(1000, [values], 20);
    expect(rows).toContain(600);
    expect(rows.length).toBeLessThanOrEqual(30);
  });
});
