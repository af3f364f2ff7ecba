/** Numbers and plural forms follow the locale on display. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, t, tCount } from '../../src/i18n';
import { formatPercent, numberFormat } from '../../src/i18n/format';
import { formatAxis, formatMonitor, formatValue } from '../../src/ui/reporterFormat';
import { dateOfTick } from '../../src/ui/calendar';

afterEach(() => setLocale('en'));

describe('locale-aware formatting', () => {
  it('writes large amounts in the locale’s units: M in English, 万 and 亿 in Chinese', () => {
    expect(formatValue(31_800_000, 'money')).toBe('31.8M');
    setLocale('zh-CN');
    expect(formatValue(31_800_000, 'money')).toBe('3180万');
    expect(formatMonitor(123_000_000, 'money')).toBe('1.2亿');
    expect(formatAxis(50_000)).toBe('5万');
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatMonitor(null)).toBe('无');
  });

  it('formats percentages with the digits asked, for a locale given (the render worker’s) or the current one', () => {
    expect(formatPercent(0.1234, 1)).toBe('12.3%');
    expect(formatPercent(0.5, 0, 'zh-CN')).toBe('50%');
    expect(numberFormat({ maximumFractionDigits: 0 }, 'de').format(12345.6)).toBe('12.346');
  });

  it('writes the model calendar from the locale’s template', () => {
    expect(dateOfTick(400, 365)).toBe('Year 2, day 35');
    setLocale('zh-CN');
    expect(dateOfTick(400, 365)).toBe('第2年第35天');
  });
});

describe('plural forms', () => {
  it('pick the English form by count, and Chinese’s one form for any count', () => {
    expect(tCount('timed.erased', 1)).toBe('1 timed change was erased; the run starts again without it.');
    expect(tCount('timed.erased', 3)).toBe('3 timed changes were erased; the run starts again without them.');
    expect(tCount('timed.dropped', 0)).toMatch(/^0 timed changes no longer apply/);
    setLocale('zh-CN');
    expect(tCount('timed.erased', 1)).toBe(t('timed.erased.other', { count: 1 }));
    expect(tCount('timed.erased', 1)).toMatch(/^已清除1项定时变更/);
  });
});
