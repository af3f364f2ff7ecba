/** The cloud market's analyses: the strategy report and each vendor's strategy comparison. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeRun, runTask, type RunOutcome } from '../../src/core/experiment/execute';
import { selectedRuns, WHOLE } from '../../src/core/experiment/plan';
import { prepareExperiment } from '../../src/core/experiment/prepare';
import { strategyComparisonFor, strategyReport } from '../../src/models/cloudMarket/analyses';
import { findModel } from '../../src/models/registry';

const document = JSON.parse(readFileSync('tests/fixtures/experiments/small.json', 'utf8'));
const ready = prepareExperiment(document, findModel);
if (!ready.ok) throw new Error(ready.errors.join('\n'));
const prepared = ready.value;
const outcomes: RunOutcome[] = selectedRuns(prepared.plan, WHOLE).map((i) =>
  executeRun(prepared.plan.model, prepared.settings, runTask(prepared.plan, i)),
);

describe('the strategy report', () => {
  it('counts each strategy’s runs reaching share ≥ X and profit ≥ Y from the final values', () => {
    const r = strategyReport(prepared.plan, prepared.settings, outcomes, 2, 0.1, 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows.map((row) => row.strategy)).toEqual(['profit', 'aggressive', 'dynamic']);
    for (const row of r.value.rows) {
      expect(row.runs).toBe(4);
      expect(row.share.successes).toBe(row.shares.filter((s) => s >= 0.1).length);
      expect(row.both.successes).toBeLessThanOrEqual(Math.min(row.share.successes, row.profit.successes));
      expect(row.share.interval.low).toBeLessThanOrEqual(row.share.p);
      expect(row.share.interval.high).toBeGreaterThanOrEqual(row.share.p);
    }
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const at = (x: number) => {
          const report = strategyReport(prepared.plan, prepared.settings, outcomes, 2, x, 0);
          return report.ok ? report.value.rows : [];
        };
        return at(hi).every((row, i) => row.share.successes <= at(lo)[i].share.successes);
      }),
      { numRuns: 30 },
    );
  });

  it('explains when the experiment cannot answer', () => {
    const r = strategyReport(prepared.plan, prepared.settings, outcomes, 0, 0.1, 0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does not vary vendors#0.strategy/);
  });
});

describe('the strategy comparison of each vendor', () => {
  it('derives from the ready comparison with the vendor swapped, same strategies and repetitions', () => {
    const ready = JSON.parse(readFileSync('experiments/strategy-comparison.json', 'utf8'));
    const forAtlas = strategyComparisonFor(ready, 0, 'Atlas');
    const parsed = prepareExperiment(forAtlas, findModel);
    expect(parsed.ok).toBe(true);
    expect(forAtlas.vary).toEqual([{ ...ready.vary[0], param: 'vendors#0.strategy' }]);
    expect(forAtlas.record?.reporters).toEqual(['share.v0', 'cumulativeProfit.v0']);
    expect(forAtlas.repetitions).toBe(ready.repetitions);
  });
});

describe('missing values in the strategy report', () => {
  it('count as the share reporter declares: a vendor not in the market holds no share', () => {
    const shareColumn = prepared.settings.reporters.indexOf('share.v2');
    const absent = outcomes.map((o) => ({
      ...o,
      rows: o.rows.map((row) => ({ ...row, values: row.values.map((v, i) => (i === shareColumn ? null : v)) })),
    }));
    const r = strategyReport(prepared.plan, prepared.settings, absent, 2, 0.1, 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const row of r.value.rows) {
      expect(row.runs).toBe(4);
      expect(row.shares).toEqual([0, 0, 0, 0]);
      expect(row.share.successes).toBe(0);
    }
  });
});
