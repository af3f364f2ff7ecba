/** `agora sweep` and `agora merge`: experiments from the command line, split across machines. */
import { availableParallelism } from 'node:os';
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { calibrateScenario } from '../core/calibrationSize';
import { describeEstimate, judge, sweepEstimate, type Estimate } from '../core/estimate';
import { executeRun, runTask, type RunOutcome, type RunSettings } from '../core/experiment/execute';
import { selectedRuns } from '../core/experiment/plan';
import { baseScenarioLink, prepareExperiment } from '../core/experiment/prepare';
import { experimentHash, mergeResults, resultsCsv, resultsJson } from '../core/experiment/results';
import type { ResolvedExperiment } from '../core/experiment/schema';
import { validateParams } from '../core/params';
import { APP_VERSION } from '../core/version';
import { findModel } from '../models/registry';
import { append } from '../core/arrays';
import { UsageError, type MergeArgs, type SweepArgs } from './args';
import type { Output } from './runCommand';
import { journalPath, openJournal, type Journal } from './sweepJournal';
import { runPool } from './sweepPool';
import { parseJsonText } from '../core/jsonDocument';

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${what}: cannot read ${path}${code === 'ENOENT' ? ' (no such file)' : ` (${code ?? 'error'})`}`,
    );
  }
}

function write(path: string | undefined, text: string, out: Output): void {
  if (path === undefined) return process.stdout.write(text) as unknown as void;
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`--out: cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  out.stderr(`agora: wrote ${path}`);
}

/** Refuses an --out that cannot be written before any run starts, not after the last. */
function checkWritable(path: string): void {
  try {
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK);
  } catch (e) {
    throw new UsageError(`--out: cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** The sweep's time and memory, from timing the Setup and a few ticks of its first run to do. */
function estimateSweep(
  plan: ResolvedExperiment,
  settings: RunSettings,
  todo: readonly number[],
  total: number,
  workers: number,
): Estimate | null {
  const task = runTask(plan, todo[0]);
  const params = validateParams(plan.model.params, task.params);
  if (!params.ok) return null;
  const { pace } = calibrateScenario(plan.model, params.value, task.seed, () => performance.now(), settings.horizon);
  const sweep = { horizon: settings.horizon, every: settings.every, reporters: settings.reporters.length, workers };
  // Time for the runs still to do; memory for every run's results, which are all held until written.
  return {
    ms: sweepEstimate(pace, { ...sweep, runs: todo.length }).ms,
    bytes: sweepEstimate(pace, { ...sweep, runs: total }).bytes,
  };
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export async function sweepCommand(args: SweepArgs, out: Output): Promise<void> {
  const json = parseJsonText(readText(args.experiment, 'sweep'));
  if (!json.ok) throw new UsageError(`sweep: ${args.experiment} ${json.message}`);
  const document = json.value;
  const prepared = prepareExperiment(document, findModel);
  if (!prepared.ok)
    throw new UsageError(
      `sweep: ${args.experiment} is not a valid experiment:\n  ${prepared.errors.slice(0, 20).join('\n  ')}`,
    );
  const { plan, settings } = prepared.value;
  for (const w of plan.warnings) out.stderr(`agora: warning: ${w}`);
  const selection = { limit: args.limit, shard: args.shard };
  const indices = selectedRuns(plan, selection);
  if (args.resume && args.out === undefined)
    throw new UsageError('--resume needs --out: the interrupted sweep is kept there');
  if (args.out !== undefined) checkWritable(args.out);
  const cores = availableParallelism();
  if (args.workers !== undefined && args.workers > cores)
    out.stderr(`agora: --workers ${args.workers} is more than this machine's ${cores} cores: using ${cores}`);
  const workers = Math.max(1, Math.min(args.workers ?? cores, cores, indices.length));

  // Named by everything that shapes the results: a journal of another sweep is never resumed.
  const name = `agora-sweep ${APP_VERSION} ${experimentHash(plan.experiment)} limit ${args.limit ?? 'none'} shard ${args.shard.index}/${args.shard.count}`;
  const path = args.out === undefined ? null : journalPath(args.out);
  let journal: Journal | null = null;
  const outcomes: RunOutcome[] = [];
  if (path && args.resume) {
    const opened = openJournal(path, name, true);
    journal = opened.journal;
    append(outcomes, opened.kept);
  }
  const kept = new Set(outcomes.map((o) => o.index));
  const todo = indices.filter((i) => !kept.has(i));
  out.stderr(
    `agora: ${plan.experiment.name}: ${indices.length} runs (shard ${args.shard.index}/${args.shard.count}) on ${workers} worker${workers > 1 ? 's' : ''}` +
      (kept.size ? `; ${kept.size} kept from the interrupted sweep, ${todo.length} to run` : ''),
  );
  if (todo.length) {
    const estimate = estimateSweep(plan, settings, todo, indices.length, workers);
    if (estimate) {
      const verdict = judge(estimate);
      out.stderr(`agora: estimate: ${describeEstimate(estimate)}`);
      if (verdict === 'refuse')
        throw new UsageError(
          `sweep: ${describeEstimate(estimate)} is over the limit of 4 GB of results: split it with --shard, or record less often (every)`,
        );
      if (verdict === 'ask' && !args.yes)
        throw new UsageError(`sweep: this sweep would take ${describeEstimate(estimate)}; add --yes to start it`);
    }
  }
  if (path && !journal) journal = openJournal(path, name, false).journal;

  const started = performance.now();
  let lastReport = started;
  let finished = 0;
  const collect = (outcome: RunOutcome) => {
    journal?.append(outcome);
    outcomes.push(outcome);
    finished++;
    if (outcome.status === 'failed') out.stderr(`agora: run ${outcome.index} failed: ${outcome.error}`);
    const now = performance.now();
    if (now - lastReport > 2000 || finished === todo.length) {
      lastReport = now;
      const elapsed = now - started;
      const remaining = (elapsed / finished) * (todo.length - finished);
      out.stderr(
        `agora: ${outcomes.length}/${indices.length} runs, ${seconds(elapsed)} elapsed, about ${seconds(remaining)} left`,
      );
    }
  };
  if (workers === 1) for (const index of todo) collect(executeRun(plan.model, settings, runTask(plan, index)));
  else await runPool(document, todo, workers, collect);

  const ctx = { plan, settings, selection, scenarioLink: baseScenarioLink(plan) };
  write(args.out, args.out?.endsWith('.json') ? resultsJson(ctx, outcomes) : resultsCsv(ctx, outcomes), out);
  journal?.remove();
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  if (failed) out.stderr(`agora: ${failed} of ${outcomes.length} runs failed; their causes are in the results`);
}

export function mergeCommand(args: MergeArgs, out: Output): void {
  const files = args.parts.map((name) => ({ name, text: readText(name, 'merge') }));
  let merged: string;
  try {
    merged = mergeResults(files);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  write(args.out, merged, out);
}
