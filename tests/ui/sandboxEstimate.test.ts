import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n';
import { sandboxVerdict, setupEstimate } from '../../src/ui/sandboxEstimate';

describe('sandbox Setup estimates', () => {
  it('counts the Setup and its first step, and the world twice (the run and the snapshot kept)', () => {
    expect(setupEstimate({ pace: { setupMs: 1000, tickMs: 500, worldBytes: 1e6 }, approximate: false })).toEqual({
      ms: 1500,
      bytes: 2e6,
    });
  });

  it('asks above 10 min or 1 GB, refuses above 4 GB, and says when the estimate is approximate', () => {
    const small = sandboxVerdict({ ms: 5000, bytes: 1e8 }, false);
    expect([small.verdict, small.words()]).toEqual(['go', 'about 5 s and 100 MB']);
    const long = sandboxVerdict({ ms: 20 * 60_000, bytes: 1e8 }, true);
    expect([long.verdict, long.words()]).toEqual(['ask', 'about 20 min and 100 MB (approximate, from smaller runs)']);
    expect(sandboxVerdict({ ms: 5000, bytes: 2e9 }, false).verdict).toBe('ask');
    expect(sandboxVerdict({ ms: 5000, bytes: 5e9 }, false).verdict).toBe('refuse');
  });

  afterEach(() => setLocale('en'));

  it('says its time and memory in the locale on display, approximate or not', () => {
    const { words } = sandboxVerdict({ ms: 20 * 60_000, bytes: 1e8 }, true);
    setLocale('zh-CN');
    expect(words()).toBe('约 20 分钟，占用 100 MB（近似值，由较小的运行推算）');
  });
});
