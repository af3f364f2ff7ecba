import { describe, expect, it } from 'vitest';
import { shortLegendNames } from '../../src/ui/legendNames';

describe('shortLegendNames', () => {
  it('drops the prefix every series shares', () => {
    expect(shortLegendNames(['Share: Atlas', 'Share: Borealis', 'Share: direct purchase'])).toEqual([
      'Atlas',
      'Borealis',
      'direct purchase',
    ]);
  });

  it('drops a Chinese prefix, written with a full-width colon', () => {
    expect(shortLegendNames(['份额：Atlas', '份额：直接采购'])).toEqual(['Atlas', '直接采购']);
  });

  it('keeps the names when the prefixes differ, or for a single series', () => {
    expect(shortLegendNames(['Share: Atlas', 'Profit: Atlas'])).toEqual(['Share: Atlas', 'Profit: Atlas']);
    expect(shortLegendNames(['Share: Atlas'])).toEqual(['Share: Atlas']);
    expect(shortLegendNames(['Happy', 'Moved'])).toEqual(['Happy', 'Moved']);
  });
});
