import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/i18n/locale';

describe('pickLocale', () => {
  it('keeps a kept choice over the browser', () => {
    expect(pickLocale('zh-CN', ['en-GB'])).toBe('zh-CN');
    expect(pickLocale('en', ['zh-CN'])).toBe('en');
  });
  it('follows the first browser language Agora speaks', () => {
    expect(pickLocale(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, ['zh-Hans-CN'])).toBe('zh-CN');
    expect(pickLocale(null, ['fr-FR', 'zh'])).toBe('zh-CN');
    expect(pickLocale(null, ['en-US', 'zh-CN'])).toBe('en');
  });
  it('reads Traditional Chinese and unknown languages as English, and ignores a bad kept value', () => {
    expect(pickLocale(null, ['zh-TW'])).toBe('en');
    expect(pickLocale(null, ['de'])).toBe('en');
    expect(pickLocale('klingon', [])).toBe('en');
  });
});
