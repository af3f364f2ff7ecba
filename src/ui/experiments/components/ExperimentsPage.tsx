/** The experiments page: author or open an experiment, run it, explore its results and its model's analyses. */
import { useId, useMemo, useState } from 'react';
import { reporterFormat, reportersFor } from '../../../core/model';
import { t, tModel } from '../../../i18n';
import { OpenFileButton } from '../../components/OpenFileButton';
import { ExperimentAnalyses } from '../../models/AnalysisPanels';
import { showPage } from '../../session';
import { exportExperimentFile, exportResults, openExperimentDocument, shareExperiment } from '../experimentSession';
import { useExperiments } from '../experimentStore';
import { labelOfPath, valueTextOfPath } from '../paramPaths';
import { READY_EXPERIMENTS } from '../readyExperiments';
import { documentText } from '../documentText';
import { resultRows } from '../resultRows';
import type { Value } from '../../../core/experiment/schema';
import { ExperimentForm } from './ExperimentForm';
import { ExperimentProgress } from './ExperimentProgress';
import { AgainstParameter, Distributions, Heatmap } from './OutcomeCharts';
import { ResultsTable } from './ResultsTable';

function Results() {
  const outcomeId = useId();
  const { active, outcomes } = useExperiments();
  const [outcome, setOutcome] = useState<string | null>(null);
  const rows = useMemo(() => (active ? resultRows(active.prepared, outcomes) : []), [active, outcomes]);
  const declared = useMemo(
    () => (active ? reportersFor(active.prepared.plan.model, active.prepared.plan.baseParams) : []),
    [active],
  );
  const formats = useMemo(
    () => (active ? active.prepared.settings.reporters.map((name) => reporterFormat(declared, name)) : []),
    [active, declared],
  );
  if (!active || outcomes.length === 0) return null;
  const { plan, settings } = active.prepared;
  const params = plan.variations.map((v) => v.param);
  const labels = Object.fromEntries(params.map((p) => [p, labelOfPath(plan.model, plan.baseParams, p)]));
  const valueTexts = Object.fromEntries(params.map((p) => [p, valueTextOfPath(plan.model, plan.baseParams, p)]));
  const valueText = (param: string, value: Value) => valueTexts[param](value);
  // Reporters by their labels ("Share: Cirrus"); exports keep the ids (`share.v2`).
  const reporterLabel = (name: string) =>
    tModel(plan.model.id, `reporter.${name}.label`, declared.find((r) => r.name === name)?.label ?? name);
  const chosen = outcome && settings.reporters.includes(outcome) ? outcome : settings.reporters[0];
  const column = settings.reporters.indexOf(chosen);
  const missing = declared.find((r) => r.name === chosen)?.missing;
  const outcomeLabel = reporterLabel(chosen);
  const props = { rows, column, outcome: outcomeLabel, format: formats[column], missing, params, labels, valueText };
  return (
    <section className="panel exp-results" aria-labelledby="exp-results-heading">
      <h2 id="exp-results-heading">{t('exp.results')}</h2>
      <div className="exp-row">
        <button type="button" onClick={() => exportResults('csv')}>
          {t('exp.exportCsv')}
        </button>
        <button type="button" onClick={() => exportResults('json')}>
          {t('exp.exportJson')}
        </button>
        <label htmlFor={outcomeId}>{t('exp.outcome')}</label>
        <select id={outcomeId} value={chosen} onChange={(e) => setOutcome(e.target.value)}>
          {settings.reporters.map((r) => (
            <option key={r} value={r}>
              {reporterLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <h3>{t('exp.distributions')}</h3>
      <Distributions {...props} />
      <h3>{t('exp.againstTitle')}</h3>
      <AgainstParameter {...props} />
      <h3>{t('exp.heatmap')}</h3>
      <Heatmap {...props} />
      <h3>{t('exp.runsTable')}</h3>
      <ResultsTable
        rows={rows}
        params={params}
        labels={labels}
        valueText={valueText}
        reporters={settings.reporters.map((name) => ({ name, label: reporterLabel(name) }))}
        formats={formats}
      />
    </section>
  );
}

export function ExperimentsPage() {
  const readyId = useId();
  const { draft, problems, status, active, outcomes } = useExperiments();
  const busy = status === 'running' || status === 'paused';
  return (
    <main className="experiments">
      <section className="panel exp-author" aria-labelledby="exp-heading">
        <h2 id="exp-heading">{t('exp.title')}</h2>
        <div className="exp-row">
          <button type="button" onClick={() => showPage('sandbox')}>
            {t('exp.back')}
          </button>
          <label htmlFor={readyId}>{t('exp.ready')}</label>
          <select
            id={readyId}
            value=""
            disabled={busy}
            onChange={(e) => {
              const ready = READY_EXPERIMENTS.find((r) => r.file === e.target.value);
              if (ready)
                openExperimentDocument(ready.experiment, () =>
                  documentText(ready.experiment, ['name'], ready.experiment.name),
                );
            }}
          >
            <option value="">{t('exp.chooseReady')}</option>
            {READY_EXPERIMENTS.map((r) => (
              <option key={r.file} value={r.file}>
                {documentText(r.experiment, ['name'], r.experiment.name)}
              </option>
            ))}
          </select>
          <OpenFileButton label={t('exp.openFile')} disabled={busy} />
          <button type="button" disabled={!draft} onClick={exportExperimentFile}>
            {t('exp.exportFile')}
          </button>
          <button type="button" disabled={!draft} onClick={() => void shareExperiment()}>
            {t('exp.share')}
          </button>
        </div>
        {draft?.description && (
          <p className="exp-description">{documentText(draft, ['description'], draft.description)}</p>
        )}
        {draft && <ExperimentForm draft={draft} problems={problems} locked={busy} />}
        <ExperimentProgress canRun={!!draft && problems.length === 0} />
      </section>
      {active && outcomes.length > 0 && <ExperimentAnalyses prepared={active.prepared} outcomes={outcomes} />}
      <Results />
    </main>
  );
}
