/** Reporter values read as their reporters declare, wherever they are shown. */
import { describe, expect, it } from 'vitest';
import { formatAxis, formatMonitor, formatValue } from '../../src/ui/reporterFormat';

describe('reporter formats', () => {
  it('show a fraction as a percentage, a count whole, money and plain numbers at 4 significant digits', () => {
    expect(formatValue(0.12345, 'percent')).toBe('12.3%');
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(2.5, 'count')).toBe('2.5');
    expect(formatValue(12_345_678, 'money')).toBe('12.35M');
    expect(formatValue(0.012345)).toBe('0.01235');
    expect(formatValue(null, 'percent')).toBe('—');
  });

  it('keep monitors short and say when there is no value', () => {
    expect(formatMonitor(0.2, 'percent')).toBe('20.0%');
    expect(formatMonitor(1_234_567, 'money')).toBe('1.2M');
    expect(formatMonitor(undefined, 'percent')).toBe('n/a');
    expect(formatMonitor(Number.NaN)).toBe('n/a');
  });

  it('write axis ticks without needless decimals', () => {
    expect(formatAxis(0.15, 'percent')).toBe('15%');
    expect(formatAxis(0.125, 'percent')).toBe('12.5%');
    expect(formatAxis(25_000, 'money')).toBe('25K');
  });
});
