import { describe, expect, it } from 'vitest';
import { ReporterLog } from '../../src/core/recorder';
import { plotTableData, yearEndRows } from '../../src/ui/plotTable';

describe('yearEndRows', () => {
  it('keeps each year end and the latest day', () => {
    expect(yearEndRows(Float64Array.of(0, 1, 365, 366, 730, 800), 365)).toEqual([2, 4, 5]);
    expect(yearEndRows(Float64Array.of(0, 365, 730), 365)).toEqual([1, 2]);
    expect(yearEndRows(Float64Array.of(0), 365)).toEqual([0]);
    expect(yearEndRows(Float64Array.of(), 365)).toEqual([]);
  });
});

describe('plotTableData', () => {
  const log = new ReporterLog(['share.a', 'share.b']);
  for (let tick = 0; tick <= 10; tick++) log.add(tick, { 'share.a': tick / 10, 'share.b': (10 - tick) / 10 });

  it('gives each series at each year end', () => {
    const data = plotTableData(log, ['share.a', 'share.b'], 4);
    expect(data.ticks).toEqual([4, 8, 10]);
    expect(data.columns).toEqual([
      [0.4, 0.8, 1],
      [0.6, 0.2, 0],
    ]);
  });

  it('averages where the plot does, and leaves a series the run has not recorded empty', () => {
    const data = plotTableData(log, ['share.a', 'share.c'], 4, 2);
    expect(data.columns[0].map((v) => Math.round(v * 100) / 100)).toEqual([0.35, 0.75, 0.95]);
    expect(data.columns[1].every(Number.isNaN)).toBe(true);
  });

  it('samples evenly spaced ticks for a model without years', () => {
    expect(plotTableData(log, ['share.a']).ticks).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((t) => t !== 5));
  });
});
