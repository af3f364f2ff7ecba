/**
 * The actions of the experiments page: author an experiment, run it on the worker pool with
 * its runs kept in storage (a reload or a crashed tab resumes where it stopped), pause, cancel,
 * export results, and share the experiment as a file or a link.
 */
import type { RunOutcome, RunSettings } from '../../core/experiment/execute';
import { selectedRuns, WHOLE } from '../../core/experiment/plan';
import { baseScenarioLink, prepareExperiment } from '../../core/experiment/prepare';
import { experimentHash, resultsCsv, resultsJson } from '../../core/experiment/results';
import { APP_VERSION } from '../../core/version';
import { EXPERIMENT_FORMAT, EXPERIMENT_VERSION, type Experiment } from '../../core/experiment/schema';
import { encodeScenarioLink } from '../../core/scenarioLink';
import { t } from '../../i18n';
import { findModel } from '../../models/registry';
import { download } from '../download';
import { loadScenario, scenarioOnDisplay } from '../scenarioSession';
import { experimentWorkerReplaced, showPage } from '../session';
import { ExperimentPool } from '../../worker/experimentPool';
import { browserTimers, createExperimentWorker, measureExperimentPace } from '../../worker/webExperimentPool';
import { askToStart } from '../confirmStart';
import { experimentVerdict } from './experimentEstimate';
import { useExperiments } from './experimentStore';
import { openResultStore, type ResultStore, type SavedExperiment } from './resultStore';
import { notify } from '../notices';
import { problemSentence } from '../problemText';
import type { Wording } from '../store';

/** Finished runs reach the page in batches at most this often (ms): a fast sweep must not flood React. */
const FLUSH_MS = 250;

let store: Promise<ResultStore> | null = null;
let pool: ExperimentPool | null = null;
let pending: RunOutcome[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;
/** performance.now() when the current stretch of running began; elapsed time excludes pauses. */
let runningSince = 0;

function notice(text: string): void {
  useExperiments.setState((s) => ({ notices: [...s.notices.filter((n) => n !== text), text] }));
}

export function dismissNotice(text: string): void {
  useExperiments.setState((s) => ({ notices: s.notices.filter((n) => n !== text) }));
}

function results(): Promise<ResultStore> {
  store ??= openResultStore((reason) => {
    useExperiments.setState({ persistent: false });
    notice(t('exp.memoryOnly', { reason }));
  }).then((s) => {
    useExperiments.setState({ persistent: s.persistent });
    return s;
  });
  return store;
}

// ——— authoring ———

/** A new experiment on the sandbox's current scenario. */
function draftFromSandbox(): Experiment {
  return {
    format: EXPERIMENT_FORMAT,
    version: EXPERIMENT_VERSION,
    name: t('exp.defaultName'),
    scenario: scenarioOnDisplay(true),
    vary: [],
    repetitions: 10,
  };
}

export function setDraft(draft: Experiment): void {
  const prepared = prepareExperiment(draft, findModel);
  useExperiments.setState({ draft, problems: prepared.ok ? [] : prepared.errors });
}

/** Shows the experiments page, with a draft on the sandbox's scenario if there is none yet. */
export function openExperiments(): void {
  showPage('experiments');
  if (!useExperiments.getState().draft) setDraft(draftFromSandbox());
}

/** Opens an experiment document from a link or a file: its scenario in the sandbox, the experiment on its page. */
export function openExperimentDocument(document: unknown, source: Wording): boolean {
  const prepared = prepareExperiment(document, findModel);
  if (!prepared.ok) {
    notify({
      kind: 'error',
      say: () => t('scenario.refused', { source: source(), problem: problemSentence(prepared.errors[0]) }),
    });
    return false;
  }
  const draft = document as Experiment;
  loadScenario(draft.scenario, source);
  setDraft(draft);
  showPage('experiments');
  return true;
}

// ——— running ———

function flush(): void {
  flushTimer = null;
  const s = useExperiments.getState();
  const outcomes = pending.length ? [...s.outcomes, ...pending] : s.outcomes;
  pending = [];
  const elapsedMs = s.status === 'running' ? s.elapsedMs + (performance.now() - runningSince) : s.elapsedMs;
  if (s.status === 'running') runningSince = performance.now();
  useExperiments.setState({ outcomes, elapsedMs });
  if (outcomes.length >= s.total && s.active && s.status !== 'cancelled') void finish();
}

function scheduleFlush(): void {
  flushTimer ??= setTimeout(flush, FLUSH_MS);
}

async function finish(): Promise<void> {
  const { active, total } = useExperiments.getState();
  pool = null;
  useExperiments.setState({ status: 'done' });
  if (active)
    await (
      await results()
    ).saveExperiment({
      hash: active.hash,
      name: active.document.name,
      document: active.document,
      total,
      finished: true,
    });
}

/**
 * Estimates the runs still to do from their first run's Setup and ticks (timed in a worker) and
 * asks before big work or refuses work too big for the page; true when the experiment may start.
 */
async function mayStart(
  draft: Experiment,
  settings: RunSettings,
  todo: readonly number[],
  total: number,
  workers: number,
): Promise<boolean> {
  const pace = await measureExperimentPace(draft, todo[0]);
  if (!pace) return true; // A run that cannot be set up fails on its own, with its cause.
  const { verdict, words } = experimentVerdict(pace, settings, todo.length, total, workers);
  if (verdict === 'refuse') notify({ kind: 'error', say: () => t('exp.refusedBig', { estimate: words() }) });
  if (verdict !== 'ask') return verdict === 'go';
  return askToStart(t('exp.askBig', { estimate: words() }));
}

/** Set while an experiment is estimated before it starts: a second Run then does nothing. */
let starting = false;

/** Runs the draft: runs already kept in storage for this very experiment are not run again. */
export async function startExperiment(): Promise<void> {
  if (starting) return;
  starting = true;
  try {
    await startDraft();
  } finally {
    starting = false;
  }
}

async function startDraft(): Promise<void> {
  const { draft, workers, status } = useExperiments.getState();
  if (!draft || status === 'running' || status === 'paused') return;
  const prepared = prepareExperiment(draft, findModel);
  if (!prepared.ok) return void useExperiments.setState({ problems: prepared.errors });
  // Kept runs are only reused by the same app version: another version may compute other numbers.
  const hash = `${experimentHash(prepared.value.plan.experiment)}@${APP_VERSION}`;
  const indices = selectedRuns(prepared.value.plan, WHOLE);
  const kept = await results();
  const restored = (await kept.loadOutcomes(hash)).filter((o) => o.index < indices.length);
  const done = new Set(restored.map((o) => o.index));
  const todo = indices.filter((i) => !done.has(i));
  if (todo.length && !(await mayStart(draft, prepared.value.settings, todo, indices.length, workers))) return;
  await kept.saveExperiment({ hash, name: draft.name, document: draft, total: indices.length, finished: false });
  pending = [];
  runningSince = performance.now();
  useExperiments.setState({
    active: { prepared: prepared.value, hash, document: draft },
    status: 'running',
    total: indices.length,
    outcomes: restored,
    restored: restored.length,
    elapsedMs: 0,
    interrupted: null,
  });
  if (restored.length) notice(t('exp.restored', { count: restored.length }));
  if (todo.length === 0) return finish();
  pool = new ExperimentPool({
    document: draft,
    size: workers,
    createWorker: createExperimentWorker,
    onOutcome: (outcome) => {
      void kept.saveOutcome(hash, outcome);
      pending.push(outcome);
      scheduleFlush();
    },
    onReplaced: experimentWorkerReplaced,
    ...browserTimers,
  });
  pool.enqueue(todo);
}

export function pauseExperiment(): void {
  if (!pool || useExperiments.getState().status !== 'running') return;
  pool.pause();
  flush();
  useExperiments.setState({ status: 'paused' });
}

export function resumeExperiment(): void {
  if (!pool || useExperiments.getState().status !== 'paused') return;
  runningSince = performance.now();
  useExperiments.setState({ status: 'running' });
  pool.resume();
}

/** Stops at once; finished runs stay (in storage too, so running it again resumes). */
export function cancelExperiment(): void {
  if (!pool) return;
  flush();
  pool.cancel();
  pool = null;
  useExperiments.setState({ status: 'cancelled' });
}

export function setWorkers(workers: number): void {
  useExperiments.setState({ workers });
  pool?.resize(workers);
}

export function resumeSaved(saved: SavedExperiment): void {
  useExperiments.setState({ interrupted: null });
  if (!openExperimentDocument(saved.document, () => t('exp.saved'))) return;
  void startExperiment();
}

// ——— files and links ———

function fileName(name: string, extension: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'experiment';
  return `agora-${slug}.${extension}`;
}

export function exportResults(kind: 'csv' | 'json'): void {
  const { active, outcomes } = useExperiments.getState();
  if (!active) return;
  const ctx = { ...active.prepared, selection: WHOLE, scenarioLink: baseScenarioLink(active.prepared.plan) };
  const text = kind === 'csv' ? resultsCsv(ctx, outcomes) : resultsJson(ctx, outcomes);
  download(
    new Blob([text], { type: kind === 'csv' ? 'text/csv' : 'application/json' }),
    fileName(`${active.document.name}-results`, kind),
  );
}

export function exportExperimentFile(): void {
  const { draft } = useExperiments.getState();
  if (draft)
    download(
      new Blob([JSON.stringify(draft, null, 2) + '\n'], { type: 'application/json' }),
      fileName(draft.name, 'json'),
    );
}

export async function shareExperiment(): Promise<void> {
  const { draft } = useExperiments.getState();
  if (!draft) return;
  const url = `${location.origin}${location.pathname}${await encodeScenarioLink(draft)}`;
  try {
    await navigator.clipboard.writeText(url);
    notice(t('exp.linkCopied', { length: url.length }));
  } catch {
    notice(t('exp.linkHere', { url }));
  }
}

/** After a reload or a crashed tab: offers to resume the newest interrupted experiment. */
export async function offerInterruptedExperiment(): Promise<void> {
  const latest = (await (await results()).unfinished()).at(-1);
  if (!latest) return;
  const done = (await (await results()).loadOutcomes(latest.hash)).length;
  useExperiments.setState({ interrupted: { saved: latest, done } });
}

export function dismissInterrupted(): void {
  useExperiments.setState({ interrupted: null });
}
