import { describe, expect, it } from 'vitest';
import { trailingMean } from '../../src/ui/trailingMean';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('trailingMean', () => {
  it('averages each value with those of the window before it, fewer at the start', () => {
    const ticks = f64([0, 1, 2, 3, 4]);
    const values = f64([2, 4, 6, 8, 10]);
    expect([...trailingMean(ticks, values, 3, [0, 1, 2, 3, 4])]).toEqual([2, 3, 4, 6, 8]);
    expect([...trailingMean(ticks, values, 3, [1, 4])]).toEqual([3, 8]);
  });

  it('leaves missing values out, and is NaN where the window holds none', () => {
    const ticks = f64([0, 1, 2, 3]);
    const values = f64([NaN, NaN, 6, NaN]);
    const out = trailingMean(ticks, values, 2, [0, 1, 2, 3]);
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
    expect([out[2], out[3]]).toEqual([6, 6]);
  });

  it('counts the window in ticks, not rows', () => {
    const ticks = f64([0, 10, 20, 30]);
    const values = f64([1, 2, 3, 4]);
    expect([...trailingMean(ticks, values, 15, [0, 1, 2, 3])]).toEqual([1, 1.5, 2.5, 3.5]);
  });
});
