import { describe, expect, it } from 'vitest';
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
});
