/** Statistics behind the strategy report and the experiment results. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram, quantile, standardDeviation, summarize, wilsonInterval } from '../../src/core/stats';

describe('Wilson interval', () => {
  it('matches published values', () => {
    // 8 of 10 → [0.4902, 0.9433]; 0 of 10 → [0, 0.2775] (Newcombe 1998, method 3).
    const a = wilsonInterval(8, 10);
    expect(a.low).toBeCloseTo(0.4902, 4);
    expect(a.high).toBeCloseTo(0.9433, 4);
    const b = wilsonInterval(0, 10);
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.2775, 4);
  });

  it('stays inside [0, 1], holds the estimate and narrows with more runs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p) => {
        const k = Math.round(p * n);
        const i = wilsonInterval(k, n);
        const four = wilsonInterval(4 * k, 4 * n);
        return (
          i.low >= 0 &&
          i.high <= 1 &&
          i.low <= k / n + 1e-12 &&
          i.high >= k / n - 1e-12 &&
          four.high - four.low <= i.high - i.low + 1e-12
        );
      }),
    );
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('summaries', () => {
  it('computes quantiles by interpolation and the sample standard deviation', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    const s = summarize([5, 1, 3]);
    expect([s.min, s.median, s.max, s.mean]).toEqual([1, 3, 5, 3]);
  });

  it('puts every value in exactly one histogram bin, even over a subnormal span', () => {
    expect(histogram([0, 5e-324], 2).map((b) => b.count)).toEqual([1, 1]);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (xs, bins) => {
          return histogram(xs, bins).reduce((n, b) => n + b.count, 0) === xs.length;
        },
      ),
    );
  });
});
