import { describe, expect, it } from 'vitest';
import { ReporterLog } from '../../src/core/recorder';
import { differenceFrame } from '../../src/ui/compare/comparedFrames';
import { comparisonRows, latestValue, seriesOf } from '../../src/ui/compare/shareSeries';
import type { FrameMessage } from '../../src/worker/protocol';

function frame(ids: number[], sellers: number[]): FrameMessage {
  return {
    type: 'frame',
    runId: 1,
    reset: false,
    tick: 10,
    status: 'paused',
    rows: { names: [], ticks: new Float64Array(0), values: new Float64Array(0) },
    agents: {
      customers: { count: ids.length, ids: Uint32Array.from(ids), columns: { seller: Float64Array.from(sellers) } },
    },
    fingerprint: null,
    inspected: null,
    seed: 1,
    reached: 10,
  };
}

describe('differenceFrame', () => {
  it('greys out customers with the same seller in both runs, matched by id, and counts the others', () => {
    const base = frame([1, 2, 3, 4], [0, 1, 2, 0]);
    // Customer 5 is new in the fork; 2 changed seller; 4 left.
    const fork = frame([1, 2, 3, 5], [0, 2, 2, 1]);
    const { frame: shown, differ } = differenceFrame(base, fork);
    expect(Array.from(shown.agents.customers.columns.seller)).toEqual([-1, 2, -1, 1]);
    expect(differ).toBe(2);
    // The fork's own frame is untouched (it is also drawn as the fork).
    expect(Array.from(fork.agents.customers.columns.seller)).toEqual([0, 2, 2, 1]);
  });
});

describe('comparisonRows', () => {
  const log = (values: [number, number][]) => {
    const l = new ReporterLog(['share.v0', 'price.v0']);
    for (const [tick, share] of values) l.add(tick, { 'share.v0': share, 'price.v0': 1 });
    return l;
  };
  it('samples a long run on the same days in both logs, null where a log has no row', () => {
    const base = log(Array.from({ length: 1000 }, (_, tick) => [tick, tick / 1000] as [number, number]));
    // The fork from day 500, without a row for day 702.
    const fork = log(
      Array.from({ length: 500 }, (_, i) => [500 + i, 0.5] as [number, number]).filter(([tick]) => tick !== 702),
    );
    const rows = comparisonRows(base, fork, ['share.v0'], ['base', 'fork'], 500);
    // About 50 rows: more than the buckets' 25, at most 1.5 × 50.
    expect(rows.length).toBeLessThanOrEqual(75);
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      const tick = row.tick!;
      expect(row['base:share.v0']).toBe(tick / 1000);
      expect(row['fork:share.v0']).toBe(tick < 500 || tick === 702 ? null : 0.5);
    }
    expect(rows.map((r) => r.tick)).toEqual(expect.arrayContaining([0, 500, 999]));
    // Only the lines asked for.
    expect(Object.keys(rows[0]).sort()).toEqual(['base:share.v0', 'fork:share.v0', 'tick']);
  });

  it("keeps a one-day spike of the difference and the fork day in a long run's few rows", () => {
    const base = log(Array.from({ length: 3000 }, (_, tick) => [tick, 0.3] as [number, number]));
    const fork = log(
      Array.from({ length: 2000 }, (_, i) => [1001 + i, i === 876 ? 0.9 : 0.3 + i / 1e5] as [number, number]),
    );
    const rows = comparisonRows(base, fork, ['share.v0'], ['delta'], 1001);
    expect(rows.length).toBeLessThanOrEqual(75);
    const spike = rows.find((r) => r.tick === 1877);
    expect(spike?.['delta:share.v0']).toBeCloseTo(0.6);
    expect(rows.map((r) => r.tick)).toContain(1001);
    expect(rows.find((r) => r.tick === 1000)?.['delta:share.v0'] ?? null).toBeNull();
  });

  it('draws the fork from the fork day on and the difference fork − base', () => {
    const base = log([
      [0, 0.5],
      [1, 0.5],
      [2, 0.4],
      [3, 0.3],
    ]);
    const fork = log([
      [2, 0.4],
      [3, 0.45],
    ]);
    const rows = comparisonRows(base, fork, ['share.v0'], ['base', 'fork', 'delta'], 2);
    expect(rows.map((r) => r.tick)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r['fork:share.v0'])).toEqual([null, null, 0.4, 0.45]);
    expect(rows[3]['delta:share.v0']).toBeCloseTo(0.15);
    expect(rows[2]['delta:share.v0']).toBe(0);
    expect(rows[1]['delta:share.v0']).toBeNull();
    expect(latestValue(fork, 'share.v0')).toBe(0.45);
    expect(seriesOf(base, 'share.', new Map([['share.v0', 'Share: Atlas']]))).toEqual([
      { name: 'share.v0', label: 'Atlas' },
    ]);
  });
});
