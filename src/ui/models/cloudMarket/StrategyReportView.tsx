/**
 * The strategy report: for a chosen vendor, each strategy's probability of share ≥ X and
 * cumulative profit ≥ Y at the horizon, with 95% Wilson intervals, the runs behind each, and
 * the distributions behind them.
 */
import { useId, useMemo, useState } from 'react';
import type { RunOutcome } from '../../../core/experiment/execute';
import type { PreparedExperiment } from '../../../core/experiment/prepare';
import type { TableValue } from '../../../core/params';
import { summarize } from '../../../core/stats';
import { t } from '../../../i18n';
import { ThresholdInputs } from './ThresholdInputs';
import { reportableVendors, strategyReport, type Probability } from '../../../models/cloudMarket/analyses';
import { BoxPlot } from '../../experiments/components/BoxPlot';
import { formatValue } from '../../reporterFormat';
import { extent } from '../../../core/arrays';

const percent = (p: number) => (Number.isNaN(p) ? '—' : `${(100 * p).toFixed(0)}%`);

function Chance({ p }: { p: Probability }) {
  return (
    <>
      <strong>{percent(p.p)}</strong>{' '}
      <span className="ci">
        [{percent(p.interval.low)}–{percent(p.interval.high)}]
      </span>
    </>
  );
}

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
        {report?.message}
      </p>
    );
  const all = report.value.rows;
  const shares = all.flatMap((r) => r.shares);
  const profits = all.flatMap((r) => r.profits);
  const [sLo, sHi] = extent(shares);
  const [pLo, pHi] = extent(profits);
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
      <table aria-label={t('exp.report.table', { vendor: nameOf(chosen) })}>
        <thead>
          <tr>
            <th>{t('exp.report.strategy')}</th>
            <th>{t('exp.col.runs')}</th>
            <th>{t('exp.report.pShare', { x: minSharePct })}</th>
            <th>{t('exp.report.pProfit', { y: formatValue(minProfit, 'money') })}</th>
            <th>{t('exp.report.pBoth')}</th>
            <th>{t('exp.report.shares')}</th>
            <th>{t('exp.report.profits')}</th>
          </tr>
        </thead>
        <tbody>
          {all.map((r) => (
            <tr key={r.strategy}>
              <th scope="row">{r.strategy}</th>
              <td>
                {r.runs}
                {r.failed > 0 && ` (${t('exp.failed', { failed: r.failed })})`}
              </td>
              <td>
                <Chance p={r.share} />
              </td>
              <td>
                <Chance p={r.profit} />
              </td>
              <td>
                <Chance p={r.both} />
              </td>
              <td>
                {r.runs > 0 && (
                  <BoxPlot
                    summary={summarize(r.shares)}
                    min={sLo}
                    max={sHi}
                    label={t('exp.report.sharesOf', { strategy: r.strategy })}
                  />
                )}{' '}
                {percent(r.shareSummary.median)}
              </td>
              <td>
                {r.runs > 0 && (
                  <BoxPlot
                    summary={summarize(r.profits)}
                    min={pLo}
                    max={pHi}
                    label={t('exp.report.profitsOf', { strategy: r.strategy })}
                  />
                )}{' '}
                {formatValue(r.profitSummary.median, 'money')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('exp.report.note')}</p>
    </div>
  );
}
