/** `agora run`: one run through the shared run loop, reported as JSON or as text. */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ReporterLog, reporterLogCsv } from '../core/recorder';
import { reportersFor } from '../core/model';
import { Run } from '../core/run';
import { UsageError, type RunArgs } from './args';
import { resolveRun } from './resolveRun';
import { allowRun, estimateRun } from './runEstimate';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export async function runCommand(args: RunArgs, out: Output, drawSeed: () => number): Promise<void> {
  const resolved = await resolveRun(args);
  for (const w of resolved.warnings) out.stderr(`agora: warning: ${w}`);
  let seed = resolved.seed;
  if (seed === undefined) {
    seed = drawSeed();
    out.stderr(`agora: no seed given; using --seed ${seed}`);
  }
  // The run stops at the model's horizon whatever --ticks says (the estimate takes the scenario's first one).
  const lastTick = Math.min(args.ticks ?? Infinity, resolved.model.horizon?.(resolved.params) ?? Infinity);
  if (lastTick === Infinity && !resolved.model.isDone) {
    throw new UsageError(`--ticks is needed: ${resolved.model.id} has no stop condition or horizon`);
  }
  // Before the run is set up (a big Setup is itself long) and before any file is written. A run to
  // its stop condition alone has no bound to estimate.
  if (Number.isFinite(lastTick)) {
    const seriesReporters =
      args.series === undefined ? undefined : reportersFor(resolved.model, resolved.params).length;
    allowRun(
      estimateRun(resolved, seed, { maxTick: lastTick, seriesReporters }, () => performance.now()),
      args.yes,
      out,
    );
  }
  const run = Run.create(resolved.model, resolved.params, seed, resolved.changes);
  const log = args.series === undefined ? null : new ReporterLog(run.reporterDecls.map((r) => r.name));
  log?.add(run.tick, run.reporters());
  run.runUntil(args.ticks ?? run.horizon, log ? (r) => log.add(r.tick, r.reporters()) : undefined);
  if (log) {
    try {
      writeFileSync(args.series!, reporterLogCsv(log));
    } catch (e) {
      throw new UsageError(`--series: cannot write ${args.series} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    out.stderr(`agora: wrote ${log.length} rows to ${args.series}`);
  }
  const result = {
    model: resolved.model.id,
    modelVersion: resolved.model.version,
    seed,
    ticks: run.tick,
    fingerprint: run.fingerprint(),
    reporters: run.reporters(),
    ...run.summaryJson(),
  };
  if (args.json) {
    out.stdout(JSON.stringify(result));
    return;
  }
  out.stdout(`${resolved.model.title} (${resolved.model.id} v${resolved.model.version}), seed ${seed}`);
  out.stdout(`stopped at tick ${run.tick}${run.done ? ' (stop condition or horizon reached)' : ''}`);
  out.stdout(`fingerprint ${result.fingerprint}`);
  for (const [name, value] of Object.entries(result.reporters)) out.stdout(`  ${name.padEnd(28)} ${value ?? '—'}`);
}
