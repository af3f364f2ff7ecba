/** Every model's Info panel opens with "How to use it" and "Things to try", in English and Simplified Chinese. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, tModel } from '../../src/i18n';
import { MODELS } from '../../src/models/registry';

afterEach(() => setLocale('en'));

describe.each(MODELS.map((m) => [m.id, m] as const))('the guide of %s', (id, model) => {
  const guide = model.guide ?? '';

  it('has both sections, in order, and names at least one of its presets', () => {
    const use = guide.indexOf('# How to use it');
    expect(use).toBeGreaterThanOrEqual(0);
    expect(guide.indexOf('# Things to try')).toBeGreaterThan(use);
    expect((model.presets ?? []).some((p) => guide.includes(`*${p.title}*`))).toBe(true);
  });

  it('reads in Simplified Chinese with the same sections', () => {
    setLocale('zh-CN');
    const zh = tModel(id, 'guide', guide);
    expect(zh).not.toBe(guide);
    const use = zh.indexOf('# 如何使用');
    expect(use).toBeGreaterThanOrEqual(0);
    expect(zh.indexOf('# 可以尝试')).toBeGreaterThan(use);
  });
});
