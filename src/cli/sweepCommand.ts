/** `agora sweep` and `agora merge`: experiments from the command line, split across machines. */
import { availableParallelism } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { executeRun, runTask, type RunOutcome } from '../core/experiment/execute';
import { selectedRuns } from '../core/experiment/plan';
import { baseScenarioLink, prepareExperiment } from '../core/experiment/prepare';
import { mergeResults, resultsCsv, resultsJson } from '../core/experiment/results';
import { findModel } from '../models/registry';
import { UsageError, type MergeArgs, type SweepArgs } from './args';
import type { Output } from './runCommand';
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
  const workers = Math.max(1, Math.min(args.workers ?? availableParallelism(), indices.length));
  out.stderr(
    `agora: ${plan.experiment.name}: ${indices.length} runs (shard ${args.shard.index}/${args.shard.count}) on ${workers} worker${workers > 1 ? 's' : ''}`,
  );

  const outcomes: RunOutcome[] = [];
  const started = performance.now();
  let lastReport = started;
  const collect = (outcome: RunOutcome) => {
    outcomes.push(outcome);
    if (outcome.status === 'failed') out.stderr(`agora: run ${outcome.index} failed: ${outcome.error}`);
    const now = performance.now();
    if (now - lastReport > 2000 || outcomes.length === indices.length) {
      lastReport = now;
      const elapsed = now - started;
      const remaining = (elapsed / outcomes.length) * (indices.length - outcomes.length);
      out.stderr(
        `agora: ${outcomes.length}/${indices.length} runs, ${seconds(elapsed)} elapsed, about ${seconds(remaining)} left`,
      );
    }
  };
  if (workers === 1) for (const index of indices) collect(executeRun(plan.model, settings, runTask(plan, index)));
  else await runPool(document, indices, workers, collect);

  const ctx = { plan, settings, selection, scenarioLink: baseScenarioLink(plan) };
  write(args.out, args.out?.endsWith('.json') ? resultsJson(ctx, outcomes) : resultsCsv(ctx, outcomes), out);
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
