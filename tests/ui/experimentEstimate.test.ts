import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n';
import { experimentVerdict } from '../../src/ui/experiments/experimentEstimate';

/** A cloud market of a few hundred customers: 1 ms a tick, 40 KB of agent columns. */
const PACE = { setupMs: 5, tickMs: 1, worldBytes: 40_000 };
const RECORD = { horizon: 360, every: 120, reporters: ['share.v2', 'hhi', 'profit'] };

describe('experimentVerdict', () => {
  afterEach(() => setLocale('en'));

  it('lets a normal experiment start without asking', () => {
    const { verdict, words } = experimentVerdict(PACE, RECORD, 12, 12, 2);
    expect([verdict, words()]).toEqual(['go', 'about 2 s and 1 MB']);
  });

  it('says its estimate in the language on display when asked, not when judged (a refusal on screen follows it)', () => {
    const { words } = experimentVerdict(PACE, RECORD, 12, 12, 2);
    setLocale('zh-CN');
    expect(words()).toBe('约 2 秒，占用 1 MB');
  });

  it('asks before a million runs that would take days', () => {
    const { verdict, words } = experimentVerdict(PACE, RECORD, 1e6, 1e6, 2);
    expect(verdict).toBe('ask');
    expect(words()).toMatch(/^about \d+ days and 0?\.?\d+ (MB|GB)$/);
  });

  it('asks before one run of a very long horizon', () => {
    expect(experimentVerdict(PACE, { ...RECORD, horizon: 1e8, every: 0 }, 1, 1, 1).verdict).toBe('ask');
  });

  it('refuses results that would not fit the page (over 4 GB)', () => {
    expect(experimentVerdict(PACE, { ...RECORD, every: 1 }, 1e6, 1e6, 2).verdict).toBe('refuse');
  });

  it('times only the runs still to do, but counts memory for every run kept', () => {
    expect(experimentVerdict(PACE, RECORD, 10, 1e6, 2).verdict).toBe('go');
    expect(experimentVerdict(PACE, { ...RECORD, every: 1 }, 10, 1e6, 2).verdict).toBe('refuse');
  });
});
