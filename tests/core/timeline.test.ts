/** The timeline: any day shown again has that day's fingerprint, however it was reached; memory stays in budget. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateParams } from '../../src/core/params';
import { Run } from '../../src/core/run';
import { snapshotBytes, Timeline } from '../../src/core/timeline';
import { cloudMarket } from '../../src/models/cloudMarket';

const checked = validateParams(cloudMarket.params, { customers: 300, years: 1 });
if (!checked.ok) throw new Error(checked.errors[0].message);
const params = checked.value;
const TICKS = 60;

/** A run to TICKS with its timeline, and each tick's fingerprint from the straight run. */
function recorded(seed: number, budgetBytes: number) {
  const run = Run.create(cloudMarket, params, seed);
  const timeline = new Timeline({ budgetBytes });
  const fingerprints = [run.fingerprint()];
  timeline.record(run);
  run.runUntil(TICKS, (r) => {
    timeline.record(r);
    fingerprints.push(r.fingerprint());
  });
  return { timeline, fingerprints, snapshotSize: snapshotBytes(run.snapshot()) };
}

describe('Timeline', () => {
  it('shows every day with its fingerprint, scrubbing back and forth in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 3, max: 20 }),
        fc.array(fc.integer({ min: 0, max: TICKS }), { minLength: 1, maxLength: 8 }),
        (seed, kept, days) => {
          const first = recorded(seed, 1);
          // A budget of `kept` snapshots of about this size: thinning happens along the way.
          const { timeline, fingerprints } = recorded(seed, kept * first.snapshotSize);
          for (const day of days) expect(timeline.seek(cloudMarket, day)!.fingerprint()).toBe(fingerprints[day]);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('thins its snapshots to stay within the budget, keeping day 0', () => {
    const { snapshotSize } = recorded(1, 1);
    const budget = 5 * snapshotSize;
    const { timeline } = recorded(1, budget);
    expect(timeline.bytes).toBeLessThanOrEqual(budget);
    expect(timeline.spacing).toBeGreaterThan(1);
    expect(timeline.ticks[0]).toBe(0);
    expect(timeline.ticks.every((t) => t % timeline.spacing === 0)).toBe(true);
    // Evenly spaced up to the run's end: no gap longer than the spacing.
    expect(TICKS - timeline.ticks.at(-1)!).toBeLessThan(timeline.spacing);
    const unbounded = recorded(1, Infinity).timeline;
    expect(unbounded.ticks).toHaveLength(TICKS + 1);
    expect(unbounded.bytes).toBeGreaterThan(budget);
  });

  it("keeps a restored run's first day when thinning, so the day it was restored at can be shown again", () => {
    const { snapshotSize, fingerprints } = recorded(3, 1);
    const origin = Run.create(cloudMarket, params, 3);
    origin.runUntil(7);
    const run = Run.restore(cloudMarket, origin.snapshot());
    const timeline = new Timeline({ budgetBytes: 4 * snapshotSize });
    timeline.record(run);
    run.runUntil(TICKS, (r) => timeline.record(r));
    expect(timeline.spacing).toBeGreaterThan(1);
    expect(timeline.ticks[0]).toBe(7);
    expect(timeline.seek(cloudMarket, 7)!.fingerprint()).toBe(fingerprints[7]);
    expect(timeline.seek(cloudMarket, 9)!.fingerprint()).toBe(fingerprints[9]);
  });

  it('forgets the snapshots after a day, and has none before the first', () => {
    const { timeline, fingerprints } = recorded(2, Infinity);
    timeline.dropAfter(20);
    expect(timeline.ticks.at(-1)).toBe(20);
    expect(timeline.seek(cloudMarket, 35)!.fingerprint()).toBe(fingerprints[35]);
    expect(new Timeline({ budgetBytes: 1 }).seek(cloudMarket, 3)).toBeUndefined();
  });
});

describe('Timeline with live changes', () => {
  it('goes on from a day shown before a change made later as the run did', () => {
    const run = Run.create(cloudMarket, params, 4);
    const timeline = new Timeline({ budgetBytes: Infinity, spacing: 5 });
    timeline.record(run);
    const liveAt = (tick: number, change: Record<string, unknown>) => {
      run.runUntil(tick, (r) => timeline.record(r));
      // A change at this tick: the snapshot taken at it (before the change) no longer holds.
      timeline.dropAfter(tick - 1);
      expect(run.setLiveParams(change).ok).toBe(true);
      timeline.record(run);
    };
    liveAt(20, { 'vendors#2.strategy': 'profit' });
    liveAt(33, { choiceNoise: 2 });
    run.runUntil(TICKS, (r) => timeline.record(r));
    for (const day of [3, 20, 25, 40]) {
      const shown = timeline.seek(cloudMarket, day, run.timedChanges)!;
      shown.runUntil(TICKS);
      expect(shown.fingerprint(), `from day ${day}`).toBe(run.fingerprint());
    }
    // Without the run's changes, a day before them goes on without them.
    const forgetful = timeline.seek(cloudMarket, 3)!;
    forgetful.runUntil(TICKS);
    expect(forgetful.fingerprint()).not.toBe(run.fingerprint());
  });
});

describe('Timeline of a run too big for it', () => {
  it('keeps nothing when one snapshot exceeds the budget, and counts bytes as the snapshots hold them', () => {
    const run = Run.create(cloudMarket, params, 1);
    const size = snapshotBytes(run.snapshot());
    const tooSmall = new Timeline({ budgetBytes: size - 1 });
    tooSmall.record(run);
    expect(tooSmall.ticks).toEqual([]);
    expect(tooSmall.seek(cloudMarket, 0)).toBeUndefined();
    const fits = new Timeline({ budgetBytes: size });
    fits.record(run);
    expect(fits.ticks).toEqual([0]);
    expect(fits.bytes).toBe(size);
  });
});
