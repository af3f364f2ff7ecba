import { describe, expect, it } from 'vitest';
import { experimentVerdict } from '../../src/ui/experiments/experimentEstimate';

/** A cloud market of a few hundred customers: 1 ms a tick, 40 KB of agent columns. */
const PACE = { setupMs: 5, tickMs: 1, worldBytes: 40_000 };
const RECORD = { horizon: 360, every: 120, reporters: ['share.v2', 'hhi', 'profit'] };

describe('experimentVerdict', () => {
  it('lets a normal experiment start without asking', () => {
    expect(experimentVerdict(PACE, RECORD, 12, 12, 2)).toEqual({ verdict: 'go', words: 'about 2 s and 1 MB' });
  });

  it('asks before a million runs that would take days', () => {
    const { verdict, words } = experimentVerdict(PACE, RECORD, 1e6, 1e6, 2);
    expect(verdict).toBe('ask');
    expect(words).toMatch(/^about \d+ days and 0?\.?\d+ (MB|GB)$/);
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
