/**
 * The strategy report: for a chosen vendor, each strategy's probability of share ≥ X and
 * cumulative profit ≥ Y at the horizon, and the path criteria, with 95% Wilson intervals — the
 * table `agora report` prints, from the same code — then the share–profit frontier.
 */
import { useId, useMemo, useState } from 'react';
import type { RunOutcome } from '../../../core/experiment/execute';
import type { PreparedExperiment } from '../../../core/experiment/prepare';
import type { TableValue } from '../../../core/params';
import { t } from '../../../i18n';
import { ThresholdInputs } from './ThresholdInputs';
import { reportableVendors, strategyReport } from '../../../models/cloudMarket/analyses';
import { strategyTable } from '../../../models/cloudMarket/strategyTable';
import { problemText } from '../../problemText';
import { pathNoteText, strategyName, strategyWords } from './strategyWords';
import { FrontierChart } from './FrontierChart';

export function StrategyReportView({
  prepared,
  outcomes,
}: {
  prepared: PreparedExperiment;
  outcomes: readonly RunOutcome[];
}) {
  const vendorId = useId();
  const vendors = useMemo(() => reportableVendors(prepared.plan), [prepared]);
  const rows = (prepared.plan.baseParams.vendors as TableValue | undefined)?.rows ?? [];
  const nameOf = (id: number) => String(rows.find((r) => r.id === id)?.name ?? `#${id}`);
  const [vendor, setVendor] = useState<number | null>(null);
  const [minSharePct, setMinSharePct] = useState(15);
  const [minProfit, setMinProfit] = useState(0);
  const chosen = vendor !== null && vendors.includes(vendor) ? vendor : vendors[0];
  const report = useMemo(
    () =>
      chosen === undefined
        ? null
        : strategyReport(prepared.plan, prepared.settings, outcomes, chosen, minSharePct / 100, minProfit),
    [prepared, outcomes, chosen, minSharePct, minProfit],
  );
  if (chosen === undefined) return <p className="empty">{t('exp.report.none')}</p>;
  if (!report || !report.ok)
    return (
      <p className="exp-warning" role="status">
        {report && problemText(report.message)}
      </p>
    );
  const table = strategyTable(report.value, strategyWords);
  return (
    <div className="strategy-report">
      <div className="exp-row">
        <label htmlFor={vendorId}>{t('exp.report.vendor')}</label>
        <select id={vendorId} value={chosen} onChange={(e) => setVendor(Number(e.target.value))}>
          {vendors.map((id) => (
            <option key={id} value={id}>
              {nameOf(id)}
            </option>
          ))}
        </select>
        <ThresholdInputs
          minSharePct={minSharePct}
          minProfit={minProfit}
          onMinSharePct={setMinSharePct}
          onMinProfit={setMinProfit}
        />
      </div>
      <div className="table-scroll">
        <table aria-label={t('exp.report.table', { vendor: nameOf(chosen) })}>
          <thead>
            <tr>
              {table.header.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map(([strategy, ...cells]) => (
              <tr key={strategy}>
                <th scope="row">{strategyName(strategy)}</th>
                {cells.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">
        {t('exp.report.note')} {pathNoteText(report.value)}
      </p>
      <FrontierChart report={report.value} vendor={nameOf(chosen)} />
    </div>
  );
}
