/**
 * The actions of the expectations page: run an expectation (the experiment, its ablated copies
 * and its variations of setting, on the worker pool), run them all, open an expectation file,
 * open one's scenario, each compared arm or its experiment, export the page as an HTML report.
 */
import { expectationParts, expectationResult } from '../../core/experiment/expectation';
import { selectedRuns, WHOLE } from '../../core/experiment/plan';
import type { RunOutcome } from '../../core/experiment/execute';
import { armScenario } from '../../core/experiment/prepare';
import { parseExperiment, type Experiment, type Value } from '../../core/experiment/schema';
import { parseJsonText } from '../../core/jsonDocument';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { download } from '../download';
import { notify } from '../notices';
import { openExperimentDocument } from '../experiments/experimentSession';
import { runOnPool } from '../../worker/webExperimentPool';
import { loadScenario } from '../scenarioSession';
import { experimentWorkerReplaced, showPage } from '../session';
import { useExpectations, type ExpectationState } from './expectationStore';
import { EXPECTATIONS } from './readyExpectations';
import { problemText } from '../problemText';
import { documentText } from '../experiments/documentText';
import type { Wording } from '../store';

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
  if (!resolved.ok) return update(file, { status: 'error', error: resolved.errors.map(problemText).join('; ') });
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

/** The ready expectations, then those opened from files. */
function allExpectations(): readonly { file: string; experiment: Experiment }[] {
  return [...EXPECTATIONS, ...useExpectations.getState().opened];
}

export async function runAllExpectations(): Promise<void> {
  for (const { file, experiment } of allExpectations()) await runExpectation(file, experiment);
}

/** The experiment's name as messages quote it: a ready one's in the reader's language. */
const nameOf = (experiment: Experiment) => documentText(experiment, ['name'], experiment.name);

export function openExpectationScenario(experiment: Experiment): void {
  if (loadScenario(experiment.scenario, () => nameOf(experiment))) showPage('sandbox');
}

/** Opens one compared arm in the sandbox: the base scenario with the arm's value. */
export function openExpectationArm(experiment: Experiment, param: string, value: Value, label: Wording): void {
  const parsed = parseExperiment(experiment, findModel);
  if (!parsed.ok) return;
  if (loadScenario(armScenario(parsed.value, param, value), () => `${nameOf(experiment)} — ${label()}`))
    showPage('sandbox');
}

/** Adds an expectation from a file (an experiment with a hypothesis) to the page; replaces one of the same name. */
export async function openExpectationFile(file: File): Promise<void> {
  const refuse = (problem: Wording) =>
    notify({ kind: 'error', say: () => t('expect.fileRefused', { file: file.name, problem: problem() }) });
  const json = parseJsonText(await file.text());
  if (!json.ok) return refuse(() => problemText(json.message));
  const parsed = parseExperiment(json.value, findModel);
  if (!parsed.ok) return refuse(() => problemText(parsed.errors[0]));
  const experiment = parsed.value.experiment;
  if (!experiment.hypothesis) return refuse(() => t('expect.noHypothesis'));
  useExpectations.setState((s) => ({
    opened: [...s.opened.filter((o) => o.file !== file.name), { file: file.name, experiment }],
    states: Object.fromEntries(Object.entries(s.states).filter(([f]) => f !== file.name)),
  }));
}

/** Opens the expectation's experiment on the experiments page. */
export function openExpectationExperiment(experiment: Experiment): void {
  openExperimentDocument(experiment, () => nameOf(experiment));
}

export async function exportExpectationReport(): Promise<void> {
  // Loaded on demand: react-dom/server is a large part of the report and only the report needs it.
  const { expectationReport } = await import('./expectationReport');
  const html = expectationReport(
    allExpectations().map(({ file, experiment }) => ({
      file,
      experiment,
      result: useExpectations.getState().states[file]?.result ?? null,
    })),
  );
  download(new Blob([html], { type: 'text/html' }), t('expect.reportFile'));
}
