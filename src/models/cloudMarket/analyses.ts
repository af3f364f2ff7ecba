/**
 * The market's own analyses (declared in the model's `analyses`; the UI's cloud-market views
 * render them). The strategy report, the model brief's closing question: for one vendor, each
 * strategy's probability of ending the horizon with share ≥ X and cumulative profit ≥ Y, with
 * 95% Wilson intervals, the number of runs behind each, and the distributions behind them.
 */
import { inRunOrder, type RunOutcome, type RunSettings } from '../../core/experiment/execute';
import { plannedRun } from '../../core/experiment/plan';
import type { Experiment, ResolvedExperiment } from '../../core/experiment/schema';
import { countedValue, reportersFor, type AnalysisDecl } from '../../core/model';
import { summarize, wilsonInterval, type Interval, type Summary } from '../../core/stats';

export const STRATEGY_REPORT = 'strategy-report';
export const CLOSING_QUESTION = 'closing-question';

export const marketAnalyses: readonly AnalysisDecl[] = [
  { id: STRATEGY_REPORT, title: 'Strategy report', on: 'experiment' },
  {
    id: CLOSING_QUESTION,
    title: 'The closing question: which strategy gives what chance of share and profit?',
    on: 'expectations',
  },
];

export interface Probability {
  readonly successes: number;
  readonly n: number;
  readonly p: number;
  readonly interval: Interval;
}

interface StrategyRow {
  readonly strategy: string;
  readonly runs: number;
  readonly failed: number;
  readonly share: Probability;
  readonly profit: Probability;
  readonly both: Probability;
  readonly shareSummary: Summary;
  readonly profitSummary: Summary;
  /** The final values behind the summaries, for distribution charts. */
  readonly shares: readonly number[];
  readonly profits: readonly number[];
}

export interface StrategyReport {
  readonly vendorId: number;
  readonly minShare: number;
  readonly minProfit: number;
  readonly rows: readonly StrategyRow[];
}

function probability(successes: number, n: number): Probability {
  return { successes, n, p: n ? successes / n : NaN, interval: wilsonInterval(successes, n) };
}

/** The path of a vendor's strategy among the experiment's variations. */
function strategyParam(vendorId: number): string {
  return `vendors#${vendorId}.strategy`;
}

/** Vendors whose strategy the experiment varies (their row ids). */
export function reportableVendors(plan: ResolvedExperiment): number[] {
  return plan.variations
    .map((v) => /^vendors#(\d+)\.strategy$/.exec(v.param))
    .filter((m) => m !== null)
    .map((m) => Number(m![1]));
}

/**
 * Builds the report from finished runs (any order, any subset: it grows as runs stream in).
 * Returns an explanation instead when the experiment cannot answer the question.
 */
export function strategyReport(
  plan: ResolvedExperiment,
  settings: RunSettings,
  outcomes: readonly RunOutcome[],
  vendorId: number,
  minShare: number,
  minProfit: number,
): { ok: true; value: StrategyReport } | { ok: false; message: string } {
  const param = strategyParam(vendorId);
  const variation = plan.variations.find((v) => v.param === param);
  if (!variation) return { ok: false, message: `the experiment does not vary ${param}` };
  const shareName = `share.v${vendorId}`;
  const profitName = `cumulativeProfit.v${vendorId}`;
  const shareColumn = settings.reporters.indexOf(shareName);
  const profitColumn = settings.reporters.indexOf(profitName);
  if (shareColumn < 0 || profitColumn < 0)
    return { ok: false, message: `the experiment must record ${shareName} and ${profitName}` };
  const reporters = reportersFor(plan.model, plan.baseParams);
  const groups = new Map<string, { shares: number[]; profits: number[]; failed: number }>();
  for (const value of variation.values) groups.set(String(value), { shares: [], profits: [], failed: 0 });
  for (const outcome of inRunOrder(outcomes)) {
    const group = groups.get(String(plannedRun(plan, outcome.index).values[param]))!;
    const last = outcome.rows[outcome.rows.length - 1];
    if (outcome.status === 'failed' || !last) {
      group.failed++;
      continue;
    }
    // Missing values count as the reporters declare (a vendor that never entered holds no share).
    const share = countedValue(reporters, shareName, last.values[shareColumn]);
    const profit = countedValue(reporters, profitName, last.values[profitColumn]);
    if (share === null || profit === null) continue;
    group.shares.push(share);
    group.profits.push(profit);
  }
  const rows = [...groups.entries()].map(([strategy, g]) => {
    const n = g.shares.length;
    let share = 0;
    let profit = 0;
    let both = 0;
    for (let i = 0; i < n; i++) {
      const s = g.shares[i] >= minShare;
      const p = g.profits[i] >= minProfit;
      if (s) share++;
      if (p) profit++;
      if (s && p) both++;
    }
    return {
      strategy,
      runs: n,
      failed: g.failed,
      share: probability(share, n),
      profit: probability(profit, n),
      both: probability(both, n),
      shareSummary: summarize(g.shares),
      profitSummary: summarize(g.profits),
      shares: g.shares,
      profits: g.profits,
    };
  });
  return { ok: true, value: { vendorId, minShare, minProfit, rows } };
}

/** The strategy comparison of one vendor, derived from a comparison of another (same scenario, strategies, repetitions). */
export function strategyComparisonFor(comparison: Experiment, vendorId: number, vendorName: string): Experiment {
  const strategies = comparison.vary.find((v) => /^vendors#\d+\.strategy$/.test(v.param));
  if (!strategies) throw new Error(`${comparison.name} does not vary a vendor's strategy`);
  return {
    ...comparison,
    name: `Strategy comparison: ${vendorName}`,
    vary: [{ ...strategies, param: strategyParam(vendorId) }],
    record: { reporters: [`share.v${vendorId}`, `cumulativeProfit.v${vendorId}`] },
  };
}
