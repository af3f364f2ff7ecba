/**
 * The market's own analyses (declared in the model's `analyses`; the UI's cloud-market views
 * render them). The strategy report, the model brief's closing question: for one vendor, each
 * strategy's probability of ending the horizon with share ≥ X and cumulative profit ≥ Y, with
 * 95% Wilson intervals, the number of runs behind each, and the distributions behind them;
 * and, from the rows recorded along each run, two path criteria: share ≥ X at the end of every
 * year, and the day the accrual cumulative profit turns positive for good.
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
  /** Share ≥ X at the end of every year; null when the runs do not record every year's end. */
  readonly everyYear: Probability | null;
  /** Runs whose cumulative profit is positive from some recorded day to the horizon. */
  readonly turnsPositive: Probability;
  /** Those runs' day it turned positive for good (the first recorded day of the last positive stretch). */
  readonly positiveDays: readonly number[];
}

export interface StrategyReport {
  readonly vendorId: number;
  readonly minShare: number;
  readonly minProfit: number;
  /** Days between recorded rows (0: only the final values): the resolution of the path criteria. */
  readonly every: number;
  readonly horizon: number;
  readonly rows: readonly StrategyRow[];
}

/** Days in a year of the market (its ticks are days). */
const YEAR = 365;

/** Whether the rows recorded (every `every` days, and at the horizon) include the end of every year. */
export function recordsEveryYear(every: number, horizon: number): boolean {
  for (let day = YEAR; day <= horizon; day += YEAR)
    if (day !== horizon && !(every > 0 && day % every === 0)) return false;
  return true;
}

interface RunPath {
  readonly share: number;
  readonly profit: number;
  /** The lowest share at a year's end (the final share when no year ends are recorded). */
  readonly lowestYearEnd: number;
  /** The day profit turned positive for good, or null if it ends the run at or below zero. */
  readonly positiveFrom: number | null;
}

/** One run's final values and path, from its recorded rows; null when a final value is missing. */
function runPath(
  outcome: RunOutcome,
  read: (row: RunOutcome['rows'][number]) => { share: number | null; profit: number | null },
): RunPath | null {
  const rows = outcome.rows;
  const last = read(rows[rows.length - 1]);
  if (last.share === null || last.profit === null) return null;
  let lowestYearEnd = last.share;
  let positiveFrom: number | null = null;
  for (const row of rows) {
    const { share, profit } = read(row);
    if (row.tick > 0 && row.tick % YEAR === 0) lowestYearEnd = Math.min(lowestYearEnd, share ?? 0);
    if (profit === null || profit <= 0) positiveFrom = null;
    else if (positiveFrom === null) positiveFrom = row.tick;
  }
  return { share: last.share, profit: last.profit, lowestYearEnd, positiveFrom };
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
  // Missing values count as the reporters declare (a vendor that never entered holds no share).
  const read = (row: RunOutcome['rows'][number]) => ({
    share: countedValue(reporters, shareName, row.values[shareColumn]),
    profit: countedValue(reporters, profitName, row.values[profitColumn]),
  });
  const groups = new Map<string, { paths: RunPath[]; failed: number }>();
  for (const value of variation.values) groups.set(String(value), { paths: [], failed: 0 });
  for (const outcome of inRunOrder(outcomes)) {
    const group = groups.get(String(plannedRun(plan, outcome.index).values[param]))!;
    if (outcome.status === 'failed' || outcome.rows.length === 0) {
      group.failed++;
      continue;
    }
    const path = runPath(outcome, read);
    if (path) group.paths.push(path);
  }
  const yearly = recordsEveryYear(plan.every, plan.horizon);
  const rows = [...groups.entries()].map(([strategy, g]) => {
    const n = g.paths.length;
    const count = (test: (p: RunPath) => boolean) => g.paths.filter(test).length;
    const shares = g.paths.map((p) => p.share);
    const profits = g.paths.map((p) => p.profit);
    const positiveDays = g.paths.map((p) => p.positiveFrom).filter((d) => d !== null);
    return {
      strategy,
      runs: n,
      failed: g.failed,
      share: probability(
        count((p) => p.share >= minShare),
        n,
      ),
      profit: probability(
        count((p) => p.profit >= minProfit),
        n,
      ),
      both: probability(
        count((p) => p.share >= minShare && p.profit >= minProfit),
        n,
      ),
      shareSummary: summarize(shares),
      profitSummary: summarize(profits),
      shares,
      profits,
      everyYear: yearly
        ? probability(
            count((p) => p.lowestYearEnd >= minShare),
            n,
          )
        : null,
      turnsPositive: probability(positiveDays.length, n),
      positiveDays,
    };
  });
  return { ok: true, value: { vendorId, minShare, minProfit, every: plan.every, horizon: plan.horizon, rows } };
}

/**
 * The strategy comparison of one vendor, derived from a comparison of another (same scenario,
 * strategies, repetitions, uncertain inputs): the vendor's own strategy is varied, so it is no
 * longer among the uncertain inputs; the other vendor keeps its scenario's strategy.
 */
export function strategyComparisonFor(comparison: Experiment, vendorId: number, vendorName: string): Experiment {
  const strategies = comparison.vary.find((v) => /^vendors#\d+\.strategy$/.test(v.param));
  if (!strategies) throw new Error(`${comparison.name} does not vary a vendor's strategy`);
  const param = strategyParam(vendorId);
  const uncertain = comparison.uncertain?.filter((u) => u.param !== param);
  return {
    ...comparison,
    name: `Strategy comparison: ${vendorName}`,
    vary: [{ ...strategies, param }],
    ...(uncertain ? { uncertain } : {}),
    record: { ...comparison.record, reporters: [`share.v${vendorId}`, `cumulativeProfit.v${vendorId}`] },
  };
}

export interface FrontierPoint {
  readonly strategy: string;
  readonly share: number;
  readonly profit: number;
  /** No other strategy has at least this median share and profit and more of one of them. */
  readonly onFrontier: boolean;
}

/** Each strategy's median final share and profit, and which of them make the share–profit frontier. */
export function shareProfitFrontier(report: StrategyReport): FrontierPoint[] {
  const points = report.rows
    .filter((r) => r.runs > 0)
    .map((r) => ({ strategy: r.strategy, share: r.shareSummary.median, profit: r.profitSummary.median }));
  const dominated = (p: (typeof points)[number]) =>
    points.some((q) => q.share >= p.share && q.profit >= p.profit && (q.share > p.share || q.profit > p.profit));
  return points.map((p) => ({ ...p, onFrontier: !dominated(p) }));
}
