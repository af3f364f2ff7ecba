/** The cloud market's analyses: the strategy report and each vendor's strategy comparison. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeRun, runTask, type RunOutcome } from '../../src/core/experiment/execute';
import { selectedRuns, WHOLE } from '../../src/core/experiment/plan';
import { prepareExperiment } from '../../src/core/experiment/prepare';
import {
  recordsEveryYear,
  shareProfitFrontier,
  strategyComparisonFor,
  strategyReport,
} from '../../src/models/cloudMarket/analyses';
import { chance, credits, strategyTable } from '../../src/models/cloudMarket/strategyTable';
import { wilsonInterval } from '../../src/core/stats';
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
  it('derives from the ready comparison with the vendor swapped, same strategies, repetitions and uncertainty', () => {
    const ready = JSON.parse(readFileSync('experiments/strategy-comparison.json', 'utf8'));
    const forAtlas = strategyComparisonFor(ready, 0, 'Atlas');
    const parsed = prepareExperiment(forAtlas, findModel);
    expect(parsed.ok).toBe(true);
    expect(forAtlas.vary).toEqual([{ ...ready.vary[0], param: 'vendors#0.strategy' }]);
    expect(forAtlas.record).toEqual({ reporters: ['share.v0', 'cumulativeProfit.v0'], every: ready.record.every });
    expect(forAtlas.repetitions).toBe(ready.repetitions);
    // Atlas's strategy is uncertain in Cirrus's comparison; in its own it is the compared arm.
    expect(ready.uncertain.some((u: { param: string }) => u.param === 'vendors#0.strategy')).toBe(true);
    expect(forAtlas.uncertain).toEqual(
      ready.uncertain.filter((u: { param: string }) => u.param !== 'vendors#0.strategy'),
    );
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

describe('the path criteria and the frontier', () => {
  // Two years recorded every 73 days (a divisor of 365): rows at both year ends.
  const yearly = prepareExperiment(
    {
      ...document,
      scenario: { ...document.scenario, params: { customers: 300, years: 2 } },
      vary: [document.vary[0]],
      record: { reporters: ['share.v2', 'cumulativeProfit.v2'], every: 73 },
    },
    findModel,
  );
  if (!yearly.ok) throw new Error(yearly.errors.join('\n'));
  const { plan, settings } = yearly.value;
  /** A synthetic run of strategy k (0 profit, 1 aggressive, 2 dynamic) from its share and profit paths. */
  const run = (index: number, shares: number[], profits: number[]): RunOutcome => ({
    index,
    seed: 0,
    status: 'ok',
    rows: shares.map((s, i) => ({ tick: 73 * (i + 1), values: [s, profits[i]] })),
  });
  const ten = (x: number) => Array(10).fill(x) as number[];

  it('counts share ≥ X at every year end and finds the day profit turns positive for good', () => {
    // Index 0–1: profit; 2–3: aggressive; 4–5: dynamic (one repetition each in canonical order).
    const dip = ten(0.2).map((s, i) => (i === 4 ? 0.05 : s)); // below 10% at day 365 only
    const between = ten(0.2).map((s, i) => (i === 2 ? 0.05 : s)); // below 10% at day 219: not a year end
    const loss = [-5, -3, 2, -1, 4, 6, 8, 9, 9, 9]; // positive on day 219, for good from day 365
    const outcomes = [
      run(0, dip, loss),
      run(1, between, ten(-1)),
      run(2, ten(0.3), ten(1)),
      run(3, ten(0.05), loss),
      run(4, ten(0.2), ten(0)),
      run(5, ten(0.2), ten(0)),
    ];
    const repeated = { ...plan, repetitions: 2 };
    const r = strategyReport(repeated, settings, outcomes, 2, 0.1, 0);
    if (!r.ok) throw new Error(r.message);
    const [profit, aggressive, dynamic] = r.value.rows;
    expect(profit.share.successes).toBe(2);
    expect(profit.everyYear?.successes).toBe(1);
    expect(profit.turnsPositive.successes).toBe(1);
    expect(profit.positiveDays).toEqual([365]);
    expect(aggressive.everyYear?.successes).toBe(1);
    expect(aggressive.positiveDays).toEqual([73, 365]);
    expect(dynamic.turnsPositive.successes).toBe(0);
    expect(strategyTable(r.value).rows.map((row) => row[7])).toEqual(['day 365', 'day 219', '—']);
  });

  it('has no every-year reading when the year ends are not recorded', () => {
    expect(recordsEveryYear(73, 730)).toBe(true);
    expect(recordsEveryYear(0, 365)).toBe(true);
    expect(recordsEveryYear(120, 365)).toBe(true);
    expect(recordsEveryYear(120, 730)).toBe(false);
    expect(recordsEveryYear(0, 1825)).toBe(false);
    const r = strategyReport(prepared.plan, prepared.settings, outcomes, 2, 0.1, 0);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.rows.every((row) => row.everyYear !== null)).toBe(true); // one year, final row = year end
  });

  it('puts on the frontier only the strategies no other beats on both share and profit', () => {
    const outcomes = [
      run(0, ten(0.1), ten(5)),
      run(1, ten(0.3), ten(1)),
      run(2, ten(0.2), ten(1)), // beaten by index 1 on share at equal profit
    ];
    const r = strategyReport({ ...plan, repetitions: 1 }, settings, outcomes, 2, 0.1, 0);
    if (!r.ok) throw new Error(r.message);
    expect(shareProfitFrontier(r.value).map((p) => [p.strategy, p.onFrontier])).toEqual([
      ['profit', true],
      ['aggressive', true],
      ['dynamic', false],
    ]);
  });
});

describe('the strategy table', () => {
  it('writes money as credits with a unit and never rounds a probability to a certainty', () => {
    expect(credits(31_840_000)).toBe('31.8 M credits');
    expect(credits(-2_400)).toBe('−2.4 k credits');
    expect(credits(950)).toBe('950 credits');
    expect(credits(1.25e10)).toBe('12.50 bn credits');
    const p = (successes: number, n: number) => ({
      successes,
      n,
      p: successes / n,
      interval: wilsonInterval(successes, n),
    });
    expect(chance(p(1, 400))).toMatch(/^<1% \[<1%–1%\]$/);
    expect(chance(p(399, 400))).toMatch(/^>99% \[99%–>99%\]$/);
    expect(chance(p(3, 8))).toBe('38% [14%–69%]');
  });
});
