/**
 * Finished runs as the results views need them: one row per run with its varied values and
 * final outcomes, in canonical order; and the runs grouped by setting (the varied values
 * except the repetition) with a summary of one outcome.
 */
import { inRunOrder, type RunOutcome } from '../../core/experiment/execute';
import { runRecord } from '../../core/experiment/results';
import type { PreparedExperiment } from '../../core/experiment/prepare';
import type { Value } from '../../core/experiment/schema';
import { summarize, standardError, type Summary } from '../../core/stats';

export interface ResultRow {
  readonly run: number;
  readonly repetition: number;
  readonly seed: number;
  readonly values: Readonly<Record<string, Value>>;
  readonly status: 'ok' | 'failed';
  readonly error: string;
  /** The last recorded value of each reporter (settings.reporters order). */
  readonly final: readonly (number | null)[];
}

export function resultRows({ plan, settings }: PreparedExperiment, outcomes: readonly RunOutcome[]): ResultRow[] {
  return inRunOrder(outcomes).map((o) => {
    const last = o.rows[o.rows.length - 1];
    return {
      ...runRecord(plan, o),
      error: o.status === 'failed' ? o.error : '',
      final: last ? last.values : settings.reporters.map(() => null),
    };
  });
}

export interface SettingSummary {
  /** The setting's varied values, by parameter path. */
  readonly values: Readonly<Record<string, Value>>;
  readonly summary: Summary;
  readonly standardError: number;
  readonly outcomes: readonly number[];
}

/**
 * Runs grouped by the values of `params`, summarising one outcome column; a missing value
 * counts as `missing` (the reporter's declaration), or is left out when that is undefined.
 */
export function bySetting(
  rows: readonly ResultRow[],
  column: number,
  params: readonly string[],
  missing?: number,
): SettingSummary[] {
  const groups = new Map<string, { values: Record<string, Value>; outcomes: number[] }>();
  for (const row of rows) {
    const v = row.final[column] ?? missing;
    if (row.status !== 'ok' || v === null || v === undefined) continue;
    const values: Record<string, Value> = {};
    for (const p of params) values[p] = row.values[p];
    const key = JSON.stringify(params.map((p) => values[p]));
    const group = groups.get(key) ?? { values, outcomes: [] };
    group.outcomes.push(v);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    values: g.values,
    summary: summarize(g.outcomes),
    standardError: standardError(g.outcomes),
    outcomes: g.outcomes,
  }));
}
