/**
 * The expectations page: the model brief's eight expectations side by side, each with its
 * verdict computed from runs, the effect with its 95% interval and runs, the mechanisms that
 * carry it (by ablation), a one-click rerun, and links to its scenario and its experiment.
 */
import { useId } from 'react';
import type { Model } from '../../core/model';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { ExpectationsAnalyses } from '../models/AnalysisPanels';
import { attributionText, effectText, verdictText } from './expectationText';
import { showPage } from '../session';
import {
  exportExpectationReport,
  openExpectationExperiment,
  openExpectationScenario,
  runAllExpectations,
  runExpectation,
} from './expectationSession';
import { useExpectations } from './expectationStore';
import { EXPECTATIONS } from './readyExpectations';

/** The models the expectations are about, whose own analyses follow them. */
const MODELS = [...new Set(EXPECTATIONS.map((e) => e.experiment.scenario.model))]
  .map(findModel)
  .filter((m): m is Model => m !== undefined);

export function ExpectationsPage() {
  const workersId = useId();
  const { states, workers, predictions } = useExpectations();
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
        </div>
        <ol className="expectation-list">
          {EXPECTATIONS.map(({ file, experiment }) => {
            const h = experiment.hypothesis!;
            const state = states[file];
            const result = state?.result ?? null;
            return (
              <li key={file} className={`expectation ${result?.verdict ?? ''}`} aria-label={h.statement}>
                <p className="statement">{h.statement}</p>
                <p className="exp-description">{experiment.description}</p>
                <div className="exp-row">
                  <label>
                    {t('expect.prediction')}{' '}
                    <select
                      aria-label={t('expect.predictionOf', { n: EXPECTATIONS.findIndex((e) => e.file === file) + 1 })}
                      value={predictions[file] ?? ''}
                      onChange={(e) =>
                        useExpectations.setState((s) => ({
                          predictions: { ...s.predictions, [file]: e.target.value as 'holds' | 'does-not-hold' },
                        }))
                      }
                    >
                      <option value="">{t('expect.noPrediction')}</option>
                      <option value="holds">{t('expect.verdict.holds')}</option>
                      <option value="does-not-hold">{t('expect.verdict.does-not-hold')}</option>
                    </select>
                  </label>
                  {result && predictions[file] && (
                    <span className="prediction-check">
                      {predictions[file] === result.verdict ? t('expect.predictionRight') : t('expect.predictionWrong')}
                    </span>
                  )}
                </div>
                <div className="exp-row">
                  <span className="verdict" aria-label={t('expect.col.verdict')}>
                    {result
                      ? verdictText(result.verdict)
                      : state?.status === 'running'
                        ? t('expect.running', { done: state.done, total: state.total })
                        : state?.status === 'error'
                          ? state.error
                          : t('expect.notRun')}
                  </span>
                  {result && (
                    <>
                      <span aria-label={t('expect.col.effect')}>{effectText(result.effect, result.format)}</span>
                      <span aria-label={t('expect.col.runs')}>{t('expect.runs', { runs: result.runs })}</span>
                      <span aria-label={t('expect.col.mechanism')}>{attributionText(result.attribution)}</span>
                    </>
                  )}
                </div>
                {result && result.attribution.shares.length > 0 && (
                  <details>
                    <summary>{t('expect.ablations')}</summary>
                    <ul>
                      {result.attribution.shares.map((s) => (
                        <li key={s.mechanism}>
                          {t('expect.without', { mechanism: s.mechanism })}: {effectText(s.effect, result.format)} —{' '}
                          {verdictText(s.verdict)}, {t('expect.moves', { percent: Math.round(100 * s.moved) })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <div className="exp-row">
                  <button
                    type="button"
                    disabled={state?.status === 'running'}
                    onClick={() => void runExpectation(file, experiment)}
                  >
                    {result ? t('expect.rerun') : t('expect.run')}
                  </button>
                  <button type="button" onClick={() => openExpectationScenario(experiment)}>
                    {t('expect.openScenario')}
                  </button>
                  <button type="button" onClick={() => openExpectationExperiment(experiment)}>
                    {t('expect.openExperiment')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      </section>
      <ExpectationsAnalyses models={MODELS} />
    </main>
  );
}
