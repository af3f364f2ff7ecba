import { describe, expect, it } from 'vitest';
import { dateOfTick } from '../../src/ui/calendar';

describe('dateOfTick', () => {
  it('names the day a tick completed: the horizon of five years is the last day of year 5', () => {
    expect(dateOfTick(0, 365)).toBe('Year 1, day 1');
    expect(dateOfTick(1, 365)).toBe('Year 1, day 1');
    expect(dateOfTick(365, 365)).toBe('Year 1, day 365');
    expect(dateOfTick(366, 365)).toBe('Year 2, day 1');
    expect(dateOfTick(1825, 365)).toBe('Year 5, day 365');
  });
});
