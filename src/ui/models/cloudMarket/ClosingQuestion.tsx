/**
 * The model brief's closing question for the default scenario: the strategy report run for
 * every vendor, summarised as each strategy's probability of share ≥ X and profit ≥ Y.
 */
import { useState } from 'react';
import type { RunOutcome } from '../../../core/experiment/execute';
import { selectedRuns, WHOLE } from '../../../core/experiment/plan';
import { prepareExperiment, type PreparedExperiment } from '../../../core/experiment/prepare';
import type { TableValue } from '../../../core/params';
import { t } from '../../../i18n';
import { ThresholdInputs } from './ThresholdInputs';
import { strategyName } from './strategyWords';
import { strategyComparisonFor, strategyReport } from '../../../models/cloudMarket/analyses';
import { chance } from '../../../models/cloudMarket/strategyTable';
import { findModel } from '../../../models/registry';
import { useExpectations } from '../../expectations/expectationStore';
import { runOnPool } from '../../../worker/webExperimentPool';
import { READY_EXPERIMENTS } from '../../experiments/readyExperiments';
import { experimentWorkerReplaced } from '../../session';
import { problemText } from '../../problemText';

const COMPARISON = READY_EXPERIMENTS.find((r) => r.file === 'strategy-comparison.json')?.experiment;

interface VendorRuns {
  readonly name: string;
  readonly id: number;
  readonly prepared: PreparedExperiment;
  readonly outcomes: RunOutcome[];
}

export function ClosingQuestion() {
  const [runs, setRuns] = useState<VendorRuns[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [minSharePct, setMinSharePct] = useState(15);
  const [minProfit, setMinProfit] = useState(0);
  if (!COMPARISON) return null;
  const base = prepareExperiment(COMPARISON, findModel);
  if (!base.ok)
    return (
      <p className="exp-warning" role="status">
        {problemText(base.errors[0])}
      </p>
    );
  const vendors = (base.value.plan.baseParams.vendors as TableValue).rows.map((r) => ({
    id: r.id,
    name: String(r.name),
  }));
  const strategies = base.value.plan.variations[0].values.map(String);

  const run = async () => {
    const parts = vendors.map((v) => {
      const document = strategyComparisonFor(COMPARISON, v.id, v.name);
      const prepared = prepareExperiment(document, findModel);
      if (!prepared.ok) throw new Error(prepared.errors[0]);
      return { ...v, document, prepared: prepared.value };
    });
    const total = parts.reduce((n, p) => n + selectedRuns(p.prepared.plan, WHOLE).length, 0);
    let done = 0;
    setRuns([]);
    setProgress({ done, total });
    const finished: VendorRuns[] = [];
    for (const part of parts) {
      const outcomes = await runOnPool(
        part.document,
        selectedRuns(part.prepared.plan, WHOLE),
        useExpectations.getState().workers,
        () => setProgress({ done: ++done, total }),
        experimentWorkerReplaced,
      );
      finished.push({ name: part.name, id: part.id, prepared: part.prepared, outcomes });
      setRuns([...finished]);
    }
    setProgress(null);
  };

  return (
    <div className="closing-question">
      <p className="exp-description">
        {t('expect.closingIntro', { runs: COMPARISON.repetitions * strategies.length * vendors.length })}
      </p>
      <div className="exp-row">
        <button type="button" disabled={progress !== null} onClick={() => void run()}>
          {t('expect.closingRun')}
        </button>
        {progress && <progress max={progress.total} value={progress.done} aria-label={t('expect.closingProgress')} />}
        <ThresholdInputs
          minSharePct={minSharePct}
          minProfit={minProfit}
          onMinSharePct={setMinSharePct}
          onMinProfit={setMinProfit}
        />
      </div>
      {runs.length > 0 && (
        <table aria-label={t('expect.closingTable')}>
          <thead>
            <tr>
              <th>{t('exp.report.vendor')}</th>
              {strategies.map((s) => (
                <th key={s}>{strategyName(s)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((v) => {
              const report = strategyReport(
                v.prepared.plan,
                v.prepared.settings,
                v.outcomes,
                v.id,
                minSharePct / 100,
                minProfit,
              );
              return (
                <tr key={v.id}>
                  <th scope="row">{v.name}</th>
                  {report.ok ? (
                    report.value.rows.map((r) => (
                      <td key={r.strategy}>
                        {chance(r.both)} <span className="ci">n={r.runs}</span>
                      </td>
                    ))
                  ) : (
                    <td colSpan={strategies.length}>{problemText(report.message)}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="note">{t('expect.closingNote')}</p>
    </div>
  );
}
