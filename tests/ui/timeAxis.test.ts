import { describe, expect, it } from 'vitest';
import { timeAxis } from '../../src/ui/timeAxis';

describe('timeAxis', () => {
  it('labels a five-year run at whole years', () => {
    const axis = timeAxis(0, 1825, 365);
    expect(axis.unit).toBe('year');
    expect(axis.ticks).toEqual([0, 365, 730, 1095, 1460, 1825]);
    expect(axis.ticks.map(axis.label)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('labels a part of a run from its first whole year, at most six labels', () => {
    const axis = timeAxis(500, 3650 * 2, 365);
    expect(axis.ticks.map(axis.label)).toEqual(['5', '10', '15', '20']);
  });

  it('labels a run of one and a half years at half years', () => {
    const axis = timeAxis(0, 548, 365);
    expect(axis.ticks.map(axis.label)).toEqual(['0', '0.5', '1', '1.5']);
  });

  it('labels a run shorter than half a year at whole months', () => {
    const axis = timeAxis(0, 100, 365);
    expect(axis.unit).toBe('month');
    expect(axis.ticks.map(axis.label)).toEqual(['0', '1', '2', '3']);
  });
});
