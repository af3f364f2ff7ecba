/**
 * The actions of the expectations page: run an expectation (the experiment and its ablated
 * copies, on the worker pool), run them all, open one's scenario or experiment, export the page
 * as an HTML report.
 */
import { expectationParts, expectationResult } from '../../core/experiment/expectation';
import { selectedRuns, WHOLE } from '../../core/experiment/plan';
import type { RunOutcome } from '../../core/experiment/execute';
import type { Experiment } from '../../core/experiment/schema';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { download } from '../download';
import { openExperimentDocument } from '../experiments/experimentSession';
import { runOnPool } from '../../worker/webExperimentPool';
import { loadScenario } from '../scenarioSession';
import { experimentWorkerReplaced, showPage } from '../session';
import { useExpectations, type ExpectationState } from './expectationStore';
import { EXPECTATIONS } from './readyExpectations';

function update(file: string, change: Partial<ExpectationState>): void {
  useExpectations.setState((s) => ({
    states: {
      ...s.states,
      [file]: { ...(s.states[file] ?? { status: 'idle', done: 0, total: 0, result: null, error: null }), ...change },
    },
  }));
}

/** Runs one expectation from scratch (results are never reused: the model may have changed). */
export async function runExpectation(file: string, experiment: Experiment): Promise<void> {
  const resolved = expectationParts(experiment, findModel);
  if (!resolved.ok) return update(file, { status: 'error', error: resolved.errors.join('; ') });
  const indices = resolved.parts.map((p) => selectedRuns(p.prepared.plan, WHOLE));
  const total = indices.reduce((n, list) => n + list.length, 0);
  update(file, { status: 'running', done: 0, total, result: null, error: null });
  let done = 0;
  const outcomes: RunOutcome[][] = [];
  for (const [i, part] of resolved.parts.entries()) {
    outcomes.push(
      await runOnPool(
        part.document,
        indices[i],
        useExpectations.getState().workers,
        () => update(file, { done: ++done }),
        experimentWorkerReplaced,
      ),
    );
  }
  update(file, { status: 'done', result: expectationResult(resolved.hypothesis, resolved.parts, outcomes) });
}

export async function runAllExpectations(): Promise<void> {
  for (const { file, experiment } of EXPECTATIONS) await runExpectation(file, experiment);
}

export function openExpectationScenario(experiment: Experiment): void {
  if (loadScenario(experiment.scenario, experiment.name)) showPage('sandbox');
}

/** Opens the expectation's experiment on the experiments page. */
export function openExpectationExperiment(experiment: Experiment): void {
  openExperimentDocument(experiment, experiment.name);
}

export async function exportExpectationReport(): Promise<void> {
  // Loaded on demand: react-dom/server is a large part of the report and only the report needs it.
  const { expectationReport } = await import('./expectationReport');
  const html = expectationReport(
    EXPECTATIONS.map(({ file, experiment }) => ({
      file,
      experiment,
      result: useExpectations.getState().states[file]?.result ?? null,
    })),
  );
  download(new Blob([html], { type: 'text/html' }), t('expect.reportFile'));
}
