import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/params';
import { findModel } from '../../src/models/registry';
import { changeMarks, describeChange } from '../../src/ui/timedChangeText';

const market = findModel('cloud-market')!;
const base = defaultParams(market.params);

describe('timed changes in words', () => {
  it('name a vendor, its lever and the value by their words', () => {
    expect(describeChange(market, base, { tick: 365, param: 'vendors#2.strategy', value: 'aggressive' })).toBe(
      'Cirrus: strategy → Aggressive',
    );
    expect(describeChange(market, base, { tick: 9, param: 'vendors#0.margin', value: 20 })).toBe(
      'Atlas: target margin → 20 %',
    );
  });

  it('group the changes of one day into one mark, in order', () => {
    const marks = changeMarks(market, base, [
      { tick: 30, param: 'vendors#2.strategy', value: 'profit' },
      { tick: 30, param: 'vendors#0.priceMax', value: 70 },
      { tick: 90, param: 'vendors#2.strategy', value: 'follow' },
    ]);
    expect(marks).toEqual([
      { tick: 30, first: 0, texts: ['Cirrus: strategy → Profit', 'Atlas: price band: max → 70'] },
      { tick: 90, first: 2, texts: ['Cirrus: strategy → Follow'] },
    ]);
  });
});
