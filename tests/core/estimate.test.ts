import { describe, expect, it } from 'vitest';
import { calibrate, describeEstimate, judge, runEstimate, sweepEstimate } from '../../src/core/estimate';
import { defaultParams } from '../../src/core/params';
import { findModel } from '../../src/models/registry';

const kmeans = findModel('k-means')!;
const params = defaultParams(kmeans.params);

/** A clock that moves `step` ms at every reading: each tick measures `step` ms. */
function fakeClock(step: number) {
  let time = 0;
  return () => (time += step);
}

describe('estimates of big work', () => {
  it('measures Setup and ticks on the clock given, with the world memory', () => {
    const flocking = findModel('flocking')!;
    const pace = calibrate(flocking, { ...defaultParams(flocking.params), birds: 10 }, 1, fakeClock(10), 250, 1000);
    expect(pace.setupMs).toBe(10);
    expect(pace.tickMs).toBe(10);
    expect(pace.worldBytes).toBeGreaterThan(0);
    expect(pace.endTick).toBeUndefined();
  });

  it('takes the measured time, not an upper bound, when the calibration reached the end of the run', () => {
    // k-means reaches its stop condition within a few ticks: a billion ticks asked for change nothing.
    const pace = calibrate(kmeans, params, 1, fakeClock(10), 250, 1e9);
    expect(pace.endTick).toBeGreaterThan(0);
    expect(pace.endTick).toBeLessThan(25);
    expect(runEstimate(pace, 1e9)).toEqual(runEstimate(pace, pace.endTick!));
    expect(runEstimate(pace, 1e9).ms).toBe(10 + 10 * pace.endTick!);
    expect(judge(runEstimate(pace, 1e9, 4))).toBe('go');
    const sweep = { horizon: 1e9, every: 1, reporters: 4, runs: 10, workers: 1 };
    expect(sweepEstimate(pace, sweep)).toEqual(sweepEstimate(pace, { ...sweep, horizon: pace.endTick! }));
    // A horizon reached within the budget ends the run there too.
    expect(calibrate(kmeans, params, 1, fakeClock(10), 250, 2).endTick).toBe(2);
  });

  it('takes the pace from warm ticks: a first slow stretch is left out', () => {
    let time = 0;
    let readings = 0;
    // The first 5 readings are 50 ms apart (cold code), then 2 ms.
    const now = () => (time += ++readings <= 5 ? 50 : 2);
    // Flocking has no stop condition: the calibration runs until its budget is spent.
    const flocking = findModel('flocking')!;
    const pace = calibrate(flocking, { ...defaultParams(flocking.params), birds: 10 }, 1, now, 400);
    expect(pace.tickMs).toBe(2);
  });

  it('extrapolates to a horizon and an experiment, and asks or refuses above the documented caps', () => {
    const pace = { setupMs: 5, tickMs: 0.01, worldBytes: 1e5 };
    expect(runEstimate(pace, 1000)).toEqual({ ms: 15, bytes: 1e5 });
    // A --series of 3 reporters keeps 1001 rows of 96 + 3 × 32 bytes.
    expect(runEstimate(pace, 1000, 3)).toEqual({ ms: 15, bytes: 1e5 + 1001 * 192 });
    const small = sweepEstimate(pace, { horizon: 1000, every: 100, reporters: 3, runs: 12, workers: 2 });
    expect(small.ms).toBeCloseTo(90);
    expect(judge(small)).toBe('go');
    // A horizon of 10^8 ticks: about 17 min for one run.
    const long = runEstimate(pace, 1e8);
    expect(judge(long)).toBe('ask');
    expect(describeEstimate(long)).toBe('about 17 min and 1 MB');
    // 10^6 runs recording every tick of 1000: ~10^9 rows, far above the memory cap.
    const huge = sweepEstimate(pace, { horizon: 1000, every: 1, reporters: 3, runs: 1e6, workers: 2 });
    expect(judge(huge)).toBe('refuse');
    expect(describeEstimate({ ms: 3 * 86_400_000, bytes: 2.5e9 })).toBe('about 3 days and 2.5 GB');
    expect(describeEstimate({ ms: 3_723_000, bytes: 5e5 })).toBe('about 1 h 2 min and 1 MB');
  });
});
