/** `agora run` estimates a long or big run and starts it only with --yes, refusing it above the memory cap. */
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/params';
import { findModel } from '../../src/models/registry';
import { UsageError } from '../../src/cli/args';
import { allowRun, estimateRun } from '../../src/cli/runEstimate';

const flocking = findModel('flocking')!;
// Flocking has no stop condition: a run of a billion ticks really is that long.
const resolved = { model: flocking, params: defaultParams(flocking.params), changes: [], seed: 1, warnings: [] };
const kmeans = findModel('k-means')!;

/** A clock that moves `step` ms at every reading: each tick measures `step` ms. */
function fakeClock(step: number) {
  let time = 0;
  return () => (time += step);
}

function verdict(estimate: { ms: number; bytes: number }, yes: boolean) {
  const lines: string[] = [];
  try {
    allowRun(estimate, yes, { stderr: (text) => lines.push(text) });
    return { started: true, lines };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { started: false, lines, message: e.message };
  }
}

describe('agora run estimates big work', () => {
  it('extrapolates the calibrated pace to the run, and counts a --series kept in memory', () => {
    const tenMsTicks = fakeClock(10);
    const plain = estimateRun(resolved, 1, { maxTick: 1e9 }, tenMsTicks);
    expect(plain.ms).toBeCloseTo(10 + 10 * 1e9);
    const series = estimateRun(resolved, 1, { maxTick: 1e9, seriesReporters: 4 }, fakeClock(10));
    expect(series.bytes - plain.bytes).toBeGreaterThan(1e11);
    expect(verdict(series, true).started).toBe(false);
  });

  it('does not ask for a run that ends by itself long before the ticks asked for', () => {
    const ends = { ...resolved, model: kmeans, params: defaultParams(kmeans.params) };
    const estimate = estimateRun(ends, 1, { maxTick: 1e9, seriesReporters: 4 }, fakeClock(10));
    expect(estimate.ms).toBeLessThan(1000);
    expect(verdict(estimate, false)).toEqual({ started: true, lines: [] });
  });

  it('starts a small run silently, asks for --yes above 10 minutes, and refuses above 4 GB even with --yes', () => {
    expect(verdict({ ms: 5000, bytes: 1e6 }, false)).toEqual({ started: true, lines: [] });
    const long = { ms: 3 * 3_600_000, bytes: 1e6 };
    expect(verdict(long, false)).toEqual({
      started: false,
      lines: ['agora: estimate: about 3 h 0 min and 1 MB'],
      message: 'run: this run would take about 3 h 0 min and 1 MB; add --yes to start it',
    });
    expect(verdict(long, true)).toEqual({ started: true, lines: ['agora: estimate: about 3 h 0 min and 1 MB'] });
    const big = verdict({ ms: 1000, bytes: 5e9 }, true);
    expect(big.started).toBe(false);
    expect(big.message).toMatch(/^run: about 1 s and 5\.0 GB is over the limit of 4 GB/);
  });
});
