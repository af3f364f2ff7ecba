/**
 * The strategy report as a table of text: the one rendering the Experiments page shows and
 * `agora report` prints, so the two cannot disagree on a figure. Money reads like
 * "31.8 M credits", probabilities like "43% [31%–56%]".
 */
import { quantile } from '../../core/stats';
import type { Probability, StrategyReport } from './analyses';
import { recordsEveryYear } from './analyses';

export interface StrategyTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** An amount of money: "31.8 M credits", "−2.4 k credits", "950 credits". */
export function credits(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (a >= 1e9) return `${sign}${(a / 1e9).toFixed(2)} bn credits`;
  if (a >= 1e6) return `${sign}${(a / 1e6).toFixed(1)} M credits`;
  if (a >= 1e3) return `${sign}${(a / 1e3).toFixed(1)} k credits`;
  return `${sign}${a.toFixed(0)} credits`;
}

/** A probability in whole percent; never rounded to a certainty it is not ("<1%", ">99%"). */
function percent(p: number): string {
  if (Number.isNaN(p)) return '—';
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p > 0.995) return '>99%';
  return `${Math.round(100 * p)}%`;
}

/** A probability with its 95% Wilson interval: "43% [31%–56%]". */
export function chance(p: Probability): string {
  return p.n === 0 ? '—' : `${percent(p.p)} [${percent(p.interval.low)}–${percent(p.interval.high)}]`;
}

/** A share of the market with one decimal: "14.2%". */
const share = (x: number) => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)}%`);

function medianOf(values: readonly number[]): number {
  return values.length
    ? quantile(
        [...values].sort((a, b) => a - b),
        0.5,
      )
    : NaN;
}

/** The words of a strategy table: English for the CLI; the app passes its locale's. */
export interface StrategyTableWords {
  /** The column headers, given the share threshold ("15%") and the profit threshold as money. */
  header(share: string, profit: string): readonly string[];
  runsFailed(runs: number, failed: number): string;
  day(day: number): string;
  credits(x: number): string;
}

const ENGLISH: StrategyTableWords = {
  header: (x, profit) => [
    'Strategy',
    'Runs',
    `P(share ≥ ${x})`,
    `P(profit ≥ ${profit})`,
    'P(both)',
    `P(share ≥ ${x} every year)`,
    'P(profit turns positive)',
    'Day it turns positive (median)',
    'Median share',
    'Median profit',
  ],
  runsFailed: (runs, failed) => `${runs} (${failed} failed)`,
  day: (day) => `day ${day}`,
  credits,
};

/** The header and the text of every row of a strategy report. */
export function strategyTable(report: StrategyReport, words: StrategyTableWords = ENGLISH): StrategyTable {
  const x = `${Number((100 * report.minShare).toPrecision(12))}%`;
  const header = words.header(x, words.credits(report.minProfit));
  const rows = report.rows.map((r) => [
    r.strategy,
    r.failed > 0 ? words.runsFailed(r.runs, r.failed) : String(r.runs),
    chance(r.share),
    chance(r.profit),
    chance(r.both),
    r.everyYear ? chance(r.everyYear) : '—',
    chance(r.turnsPositive),
    r.positiveDays.length ? words.day(Math.round(medianOf(r.positiveDays))) : '—',
    share(r.shareSummary.median),
    r.runs ? words.credits(r.profitSummary.median) : '—',
  ]);
  return { header, rows };
}

/** What the path columns rest on, in a sentence (their resolution, or why one is missing). */
export function pathNote(report: StrategyReport): string {
  const every = report.every;
  const yearly = recordsEveryYear(every, report.horizon)
    ? 'Share in every year: at the end of each year and at the horizon.'
    : `Share in every year needs rows recorded at each year's end (record every 365 days or a divisor of it; this experiment records ${every ? `every ${every} days` : 'only the final values'}).`;
  const day =
    every > 0
      ? `The day profit turns positive: the first recorded day (every ${every} days) from which the accrual cumulative profit stays above zero to the horizon.`
      : 'The day profit turns positive: only the final value is recorded, so it is the horizon or never.';
  return `${yearly} ${day}`;
}
