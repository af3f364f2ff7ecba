/**
 * Fork here (from the day shown), and while comparing the question, the fork day, what the
 * view shows (base, fork, differences), both runs' monitors (day, fingerprint, share of each
 * vendor) and the comparison's Share, Export file and Close.
 */
import { useMemo } from 'react';
import './compare.css';
import { reportersFor, type Model } from '../../core/model';
import { t, tModel } from '../../i18n';
import { reporterLog } from '../frameBus';
import { formatValue } from '../reporterFormat';
import { useApp } from '../store';
import { closeComparison, exportComparison, forkHere, shareComparison } from './compareSession';
import { useCompare, type ComparedView } from './compareStore';
import { forkLog } from './forkFrames';
import { latestValue, seriesOf } from './shareSeries';
import { questionText } from './readyWhatIfs';

const VIEWS: readonly [ComparedView, 'compare.base' | 'compare.forkRun' | 'compare.diff'][] = [
  ['base', 'compare.base'],
  ['fork', 'compare.forkRun'],
  ['diff', 'compare.diff'],
];

function RunMonitors({ model }: { model: Model }) {
  const params = useApp((s) => s.appliedParams);
  const baseTick = useApp((s) => s.tick);
  const baseFingerprint = useApp((s) => s.fingerprint);
  const forkTick = useCompare((s) => s.tick);
  const forkFingerprint = useCompare((s) => s.fingerprint);
  // The shares shown are the logs' latest: refreshed with the plots.
  useApp((s) => s.plotVersion);
  useCompare((s) => s.plotVersion);
  const labels = useMemo(
    () =>
      new Map(reportersFor(model, params).map((r) => [r.name, tModel(model.id, `reporter.${r.name}.label`, r.label)])),
    [model, params],
  );
  const logs = { base: reporterLog(), fork: forkLog() };
  const shares = seriesOf(logs.base, 'share.', labels);
  const rows = [
    { run: 'base' as const, title: t('compare.base'), tick: baseTick, fingerprint: baseFingerprint },
    { run: 'fork' as const, title: t('compare.forkRun'), tick: forkTick, fingerprint: forkFingerprint },
  ];
  return (
    // Focusable: on a narrow screen the table scrolls sideways, and the keyboard must scroll it too.
    <div className="compare-monitors-scroll" tabIndex={0} role="region" aria-label={t('compare.monitors')}>
      <table className="compare-monitors">
        <thead>
          <tr>
            <th scope="col">{t('compare.run')}</th>
            <th scope="col">{t('compare.day')}</th>
            <th scope="col">{t('compare.fingerprint')}</th>
            {shares.map((s) => (
              <th key={s.name} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.run} data-run={row.run}>
              <th scope="row">{row.title}</th>
              <td data-testid={`${row.run}-day`}>{row.tick}</td>
              <td data-testid={`${row.run}-fingerprint`} className="fingerprint">
                {row.fingerprint ?? '…'}
              </td>
              {shares.map((s) => {
                const value = latestValue(logs[row.run], s.name);
                return <td key={s.name}>{formatValue(value, 'percent')}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Under the time slider: a second run from the day shown (none while a comparison is open). */
export function ForkButton() {
  const active = useCompare((s) => s.active);
  const status = useApp((s) => s.status);
  if (active) return null;
  return (
    <div className="compare-bar">
      <button
        type="button"
        onClick={forkHere}
        disabled={status === 'running' || status === 'starting'}
        title={t('compare.forkHint')}
      >
        {t('compare.fork')}
      </button>
    </div>
  );
}

/** Above the view while comparing, so both runs' fingerprints and shares are in sight beside it. */
export function ComparePanel({ model }: { model: Model }) {
  const active = useCompare((s) => s.active);
  const question = useCompare((s) => s.question);
  const forkDay = useCompare((s) => s.forkDay);
  const view = useCompare((s) => s.view);
  if (!active) return null;
  return (
    <section className="compare-panel" aria-label={t('compare.title', { day: forkDay })}>
      <div className="compare-head">
        <h3>{t('compare.title', { day: forkDay })}</h3>
        {question && <p className="compare-question">{questionText(model.id, question)}</p>}
      </div>
      <div className="compare-tools">
        <div role="group" aria-label={t('compare.show')} className="compare-views">
          {VIEWS.map(([value, key]) => (
            <button
              key={value}
              type="button"
              aria-pressed={view === value}
              onClick={() => useCompare.setState({ view: value })}
            >
              {t(key)}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => void shareComparison()}>
          {t('compare.share')}
        </button>
        <button type="button" onClick={exportComparison}>
          {t('compare.export')}
        </button>
        <button type="button" onClick={closeComparison}>
          {t('compare.close')}
        </button>
      </div>
      {view === 'diff' && <p className="hint">{t('compare.diffHint')}</p>}
      <RunMonitors model={model} />
    </section>
  );
}
