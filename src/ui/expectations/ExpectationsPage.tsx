/**
 * The expectations page: the model brief's eight expectations (and any opened from a file) side
 * by side, each with its verdict computed from runs (see ExpectationItem), run one by one or all
 * at once, and exported as an HTML report.
 */
import { useId } from 'react';
import type { Model } from '../../core/model';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { ExpectationsAnalyses } from '../models/AnalysisPanels';
import { ExpectationItem } from './ExpectationItem';
import { showPage } from '../session';
import { exportExpectationReport, openExpectationFile, runAllExpectations } from './expectationSession';
import { useExpectations } from './expectationStore';
import { EXPECTATIONS } from './readyExpectations';

/** The models the expectations are about, whose own analyses follow them. */
const MODELS = [...new Set(EXPECTATIONS.map((e) => e.experiment.scenario.model))]
  .map(findModel)
  .filter((m): m is Model => m !== undefined);

export function ExpectationsPage() {
  const workersId = useId();
  const { states, workers, opened } = useExpectations();
  const list = [...EXPECTATIONS, ...opened];
  const busy = Object.values(states).some((s) => s.status === 'running');
  return (
    <main className="expectations">
      <section className="panel" aria-labelledby="expect-heading">
        <h2 id="expect-heading">{t('expect.title')}</h2>
        <p className="exp-description">{t('expect.intro')}</p>
        <div className="exp-row">
          <button type="button" onClick={() => showPage('sandbox')}>
            {t('exp.back')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void runAllExpectations()}>
            {t('expect.runAll')}
          </button>
          <label htmlFor={workersId}>{t('exp.workers')}</label>
          <input
            id={workersId}
            type="number"
            min={1}
            max={64}
            value={workers}
            onChange={(e) =>
              useExpectations.setState({ workers: Math.max(1, Math.min(64, Number(e.target.value) || 1)) })
            }
          />
          <button type="button" onClick={() => void exportExpectationReport()}>
            {t('expect.export')}
          </button>
          <label>
            {t('expect.openFile')}{' '}
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) void openExpectationFile(chosen);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <ol className="expectation-list">
          {list.map(({ file, experiment }, i) => (
            <ExpectationItem key={file} file={file} experiment={experiment} number={i + 1} />
          ))}
        </ol>
      </section>
      <ExpectationsAnalyses models={MODELS} />
    </main>
  );
}
